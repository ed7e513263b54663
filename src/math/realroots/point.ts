// Real algebraic points: a rational univariate representation together with one real root t of its
// polynomial w.
//
// Representation (invariants): a `RealAlgebraicPoint` is an `AlgebraicRoot` (./algebraic.ts: w
// primitive and square-free, Q[T]/(w), t's isolating interval, refined in place) and the coordinates
// x_i = N_i(t) / D(t) with residues N_i, D modulo w over one common denominator D, D(t) != 0. The
// input is any univariate representation x_i = n_i(T) / q_i(T): msolve's parametrization
// x_i = v_i(T) / (d_i w'(T)) (Berthomieu, Eder, Safey El Din, ISSAC 2021; ../zerodim/) and the RUR
// x_i = g_i(T) / g_1(T) (Rouillier, AAECC 1999; ../solve.ts) both have proportional q_i, whose common
// primitive part becomes D (otherwise D is the product of the distinct primitive parts).
//
// Operations: coordinates as real algebraic numbers (exact arithmetic, signs, decimals: ./algebraic.ts);
// boxes of any width (interval evaluation on t's refined interval, ../interval/); the value of a
// polynomial f with rational coefficients, exactly, by homogenizing over the common denominator:
// f(N/D) = (Σ_m c_m Π N_i^{m_i} D^{δ-|m|}) / D^δ with δ = deg f, reduced modulo w (the "denominator
// cleared" evaluation of a RUR, Rouillier 1999 §5), so no inverse modulo w is ever formed.
import { MathError } from '../errors.js';
import { type Rat, QQ, compareRat, rat } from '../field.js';
import { compareDyadic } from '../interval/dyadic.js';
import type { Interval } from '../interval/interval.js';
import { totalDegree } from '../monomial.js';
import type { Poly } from '../poly.js';
import { type Interrupt, checkInterrupt } from '../progress.js';
import { integerPoly, primitivePart } from '../univariate/integer-poly.js';
import { type Residue, ResidueRing } from '../univariate/residue.js';
import { intSquareFree, isSquareFreeModular } from '../univariate/square-free.js';
import { AlgebraicRoot, type ExactRootData, RealAlgebraicNumber, decimalsOfFractions, rootOfData, signAt } from './algebraic.js';
import { decimalToRational } from '../solve.js';
import { isolateSquareFree } from './descartes.js';
import type { IsolatedRoot } from './root.js';

export interface PointOptions {
  readonly signal?: Interrupt;
}

/** x_i = numerator(T) / denominator(T) at the roots of the polynomial. */
export interface RepresentedCoordinate {
  readonly numerator: readonly (bigint | Rat)[];
  readonly denominator: readonly (bigint | Rat)[];
}

/** A univariate representation of a finite set of points: x_i = n_i(t) / q_i(t) at the roots t of `polynomial`. */
export interface UnivariateRepresentation {
  /** Square-free (the points are in bijection with its roots). */
  readonly polynomial: readonly (bigint | Rat)[];
  readonly coordinates: readonly RepresentedCoordinate[];
  /**
   * The multiplicity-weighted polynomial (the trace route's characteristic polynomial χ_t, whose
   * square-free part is `polynomial`): a root of multiplicity k in it is a solution of multiplicity k.
   * Absent: every solution is simple (the modular parametrization exists only for radical ideals).
   */
  readonly characteristic?: readonly (bigint | Rat)[];
}

/** The coordinates over one common denominator, as residues modulo w (shared by the points of one w). */
export interface CommonDenominator {
  readonly numerators: readonly Residue[];
  readonly denominator: Residue;
  /** The distinct primitive factors of the denominator (each checked to be non-zero at a point's t). */
  readonly factors: readonly (readonly bigint[])[];
}

function commonDenominator(K: ResidueRing, coordinates: readonly RepresentedCoordinate[]): CommonDenominator {
  const parts = coordinates.map(({ denominator }) => {
    const q = K.fromRational(denominator);
    if (K.isZero(q)) throw new MathError('division-by-zero', 'a coordinate has the denominator 0 modulo the polynomial');
    let pp = primitivePart(q.num);
    if (pp[pp.length - 1]! < 0n) pp = pp.map((c) => -c);
    // q = c · pp with c = (lc q.num / lc pp) / q.den.
    const c = rat(q.num[q.num.length - 1]!, q.den * pp[pp.length - 1]!);
    return { pp, key: pp.join(','), c };
  });
  const factors = new Map<string, bigint[]>();
  for (const p of parts) factors.set(p.key, p.pp);
  let denominator = K.one;
  for (const f of factors.values()) denominator = K.mul(denominator, K.make(f));
  const numerators = coordinates.map(({ numerator }, i) => {
    const { key, c } = parts[i]!;
    let n = K.fromRational(numerator);
    for (const [k, f] of factors) if (k !== key) n = K.mul(n, K.make(f));
    return K.scale(n, QQ.inv(c));
  });
  return { numerators, denominator, factors: [...factors.values()] };
}

/** A real point x_i = N_i(t) / D(t) (see the header). */
export class RealAlgebraicPoint {
  private readonly cache: (RealAlgebraicNumber | undefined)[];

  private constructor(
    readonly root: AlgebraicRoot,
    private readonly common: CommonDenominator,
  ) {
    this.cache = common.numerators.map(() => undefined);
  }

  /** The point of a representation at one isolated root (the root of `root` must be a root of the representation's polynomial). */
  static at(root: AlgebraicRoot, coordinates: readonly RepresentedCoordinate[], options: PointOptions = {}): RealAlgebraicPoint {
    return RealAlgebraicPoint.make(root, commonDenominator(root.ring, coordinates), options);
  }

  /** A point over a common denominator known not to vanish at the root (see parametrizationPoints). */
  static withDenominator(root: AlgebraicRoot, common: CommonDenominator): RealAlgebraicPoint {
    return new RealAlgebraicPoint(root, common);
  }

  private static make(root: AlgebraicRoot, common: CommonDenominator, options: PointOptions): RealAlgebraicPoint {
    for (const f of common.factors) {
      if (signAt(root, f, options) === 0) throw new MathError('division-by-zero', 'a coordinate\'s denominator vanishes at this root');
    }
    return new RealAlgebraicPoint(root, common);
  }

  /**
   * The real points of a univariate representation, in increasing order of t (one per real root of
   * the polynomial, isolated by Descartes' rule, ./descartes.ts), sharing Q[T]/(w) and the common
   * denominator. MathError('not-square-free') when the polynomial has a multiple root.
   */
  static all(rep: UnivariateRepresentation, options: PointOptions = {}): RealAlgebraicPoint[] {
    const w = primitivePart(integerPoly(rep.polynomial as (bigint | Rat)[]));
    if (w.length < 2) return [];
    if (!isSquareFreeModular(w) && intSquareFree(w).length !== w.length) {
      throw new MathError('not-square-free', 'the polynomial of a univariate representation must be square-free');
    }
    const K = new ResidueRing(w);
    const common = commonDenominator(K, rep.coordinates);
    return isolateSquareFree(w, options).map((r) => RealAlgebraicPoint.make(new AlgebraicRoot(w, r, K), common, options));
  }

  get dimension(): number {
    return this.common.numerators.length;
  }

  /** The coordinate x_i (i from 0) as a real algebraic number of this point. */
  coordinate(i: number): RealAlgebraicNumber {
    if (!Number.isInteger(i) || i < 0 || i >= this.dimension) {
      throw new MathError('index', `the point has ${this.dimension} coordinates, not a coordinate ${i + 1}`);
    }
    return (this.cache[i] ??= RealAlgebraicNumber.ofResidues(this.root, this.common.numerators[i]!, this.common.denominator, { nonZero: true }));
  }

  coordinates(): RealAlgebraicNumber[] {
    return this.common.numerators.map((_, i) => this.coordinate(i));
  }

  /** The rational q as a number of this point (to combine with its coordinates). */
  rational(q: Rat): RealAlgebraicNumber {
    return RealAlgebraicNumber.rational(this.root, q);
  }

  /** A box around the point: one interval per coordinate, each of width <= 2^-bits. */
  box(bits: number, options: PointOptions = {}): Interval[] {
    return this.coordinates().map((x) => x.enclosure(bits, options));
  }

  /**
   * Each coordinate to `digits` significant digits, rounded exactly: by intervals on the point's box
   * for all coordinates at once (./algebraic.ts decimalsOfFractions: t refined once per round, the
   * common denominator evaluated once), and by each coordinate's own exact route where the intervals
   * cannot decide (0, or a value on a rounding boundary).
   */
  decimals(digits: number, options: PointOptions = {}): string[] {
    const known = this.coordinates().map((x) => x.knownDecimal(digits));
    if (known.some((t) => t === undefined)) {
      const found = decimalsOfFractions(this.root, this.common.numerators, this.common.denominator, digits, options);
      found.forEach((t, i) => {
        if (t !== undefined && known[i] === undefined) this.coordinate(i).rememberDecimal(digits, t);
      });
    }
    return this.coordinates().map((x) => x.toDecimal(digits, options));
  }

  /** Doubles near the coordinates (each the exact rounding to 17 digits). */
  toNumbers(): number[] {
    return this.coordinates().map((x) => x.toNumber());
  }

  /** f at the point, exactly: a polynomial with rational coefficients in as many variables as the point has coordinates. */
  evaluate(f: Poly<Rat>, options: PointOptions = {}): RealAlgebraicNumber {
    const K = this.root.ring;
    const n = this.dimension;
    if (f.mons.length === 0) return this.rational(rat(0n));
    let delta = 0;
    for (const m of f.mons) {
      if (m.length !== n) throw new MathError('dimension', `the polynomial has ${m.length} variables but the point has ${n} coordinates`);
      delta = Math.max(delta, totalDegree(m));
    }
    const powers: Residue[][] = this.common.numerators.map((x) => [K.one, x]);
    const dPowers: Residue[] = [K.one, this.common.denominator];
    const power = (table: Residue[], e: number): Residue => {
      while (table.length <= e) table.push(K.mul(table[table.length - 1]!, table[1]!));
      return table[e]!;
    };
    let sum = K.zero;
    f.mons.forEach((m, k) => {
      checkInterrupt(options.signal);
      let t = power(dPowers, delta - totalDegree(m));
      for (let i = 0; i < n; i++) if (m[i]! > 0) t = K.mul(t, power(powers[i]!, m[i]!));
      sum = K.add(sum, K.scale(t, f.coeffs[k]!));
    });
    return RealAlgebraicNumber.ofResidues(this.root, sum, power(dPowers, delta), { nonZero: true });
  }

  /** The exact data of the point (w, t's isolating interval, the coordinates' numerators over the common denominator). */
  toData(): ExactPointData {
    const K = this.root.ring;
    const { lo, hi } = this.root.realRoot();
    return { w: this.root.w.slice(), lo, hi, numerators: this.common.numerators.map((n) => K.toRational(n)), denominator: K.toRational(this.common.denominator) };
  }

  /**
   * The point of some exact data (as `toData` writes it): [lo, hi] must isolate a root of w (lo = hi a
   * root, or w(lo)·w(hi) < 0 with w square-free); MathError('bad-point') otherwise.
   */
  static fromData(data: ExactPointData, options: PointOptions = {}): RealAlgebraicPoint {
    return RealAlgebraicPoint.at(rootOfData(data), data.numerators.map((numerator) => ({ numerator, denominator: data.denominator })), options);
  }

  /**
   * Whether two points are equal: on the same root t (AlgebraicRoot.sameRoot), coordinate by
   * coordinate exactly; points of the same representation on different roots are different; otherwise
   * (different polynomials) boxes are narrowed to 2^-512 and any separated coordinate proves the points
   * different, and MathError('undecided') is raised when none separates.
   */
  equals(other: RealAlgebraicPoint, options: PointOptions = {}): boolean {
    if (this.dimension !== other.dimension) return false;
    if (this.root.sameRoot(other.root)) return this.coordinates().every((x, i) => x.equals(other.coordinate(i), options));
    if (this.common === other.common) return false;
    for (let bits = 32; bits <= 512; bits *= 2) {
      const a = this.box(bits, options);
      const b = other.box(bits, options);
      if (a.some((x, i) => compareDyadic(x.hi, b[i]!.lo) < 0 || compareDyadic(b[i]!.hi, x.lo) < 0)) return false;
    }
    throw new MathError('undecided', 'the two points come from different polynomials and agree to 512 bits: their equality is not decided');
  }

  /**
   * Points sorted lexicographically by their coordinates rounded to `digits` digits (the order of
   * solve's decimal points), ties kept in the given order.
   */
  static inDecimalOrder(points: readonly RealAlgebraicPoint[], digits: number): RealAlgebraicPoint[] {
    const keyed = points.map((p) => ({ p, key: p.decimals(digits).map(decimalToRational) }));
    keyed.sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const c = compareRat(a.key[i]!, b.key[i]!);
        if (c !== 0) return c;
      }
      return 0;
    });
    return keyed.map((k) => k.p);
  }
}

/** A parametrization x_i = numerators[i](T) / (denominators[i] · W'(T)), W primitive and square-free. */
export interface ParametrizationPoints {
  readonly w: readonly bigint[];
  readonly numerators: readonly (readonly bigint[])[];
  readonly denominators: readonly bigint[];
}

/**
 * The points of a parametrization (../zerodim/parametrize.ts) at roots of W isolated elsewhere (the
 * boxes of ./point-inertia.ts), sharing Q[T]/(W) and the common denominator W' (which does not vanish
 * at any root of the square-free W, so no per-point test is needed). `count` keeps the first
 * coordinates only (the ambient ones of a Lagrange system).
 */
export function parametrizationPoints(param: ParametrizationPoints, count = param.numerators.length): (root: IsolatedRoot) => RealAlgebraicPoint {
  const w = param.w;
  const K = new ResidueRing(w);
  const dw = w.slice(1).map((c, k) => c * BigInt(k + 1));
  const common: CommonDenominator = {
    numerators: param.numerators.slice(0, count).map((v, i) => K.make(v.slice(), param.denominators[i]!)),
    denominator: K.make(dw),
    factors: [],
  };
  return (root) => RealAlgebraicPoint.withDenominator(new AlgebraicRoot(w, root, K, true), common);
}

/** The exact data of a point: its root's, and the coordinates' numerators over the common denominator. */
export interface ExactPointData extends ExactRootData {
  readonly numerators: readonly (readonly Rat[])[];
  readonly denominator: readonly Rat[];
}
