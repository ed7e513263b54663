// Real points of the orbits of a sign group (the stationary points that the orbits' route of
// src/networks/sign-symmetry.ts finds), as values: exact where the group allows, certified enclosures
// refined on demand elsewhere.
//
// Setting: G = (Z/2)^h acts on the variables by w_e -> χ_e(g)·w_e; an orbit has the parameter θ, a
// real root of W (../zerodim/invariant.ts), and every invariant is a number of Q(θ): s_e = w_e² =
// A_e(θ)/Δ(θ) and the sign monomials m_k = M_k(θ)/Δ(θ), Δ = W'(θ) (A_e = V_e/d_e, M_k = V_k/d_k). A
// point p of the orbit has the support N (s_e ≠ 0 exactly on N) and the signs ε_e of its coordinates
// w_e = ε_e·√s_e (solved from the signs of the sign monomials).
//
// Representation (why this and not one polynomial per coordinate): the characters χ_e (e ∈ N) span a
// group X_N of 2^r characters; a basis B = (b_1..b_r) ⊂ N of it (greedy) gives the monomials
// μ_S = Π_{j ∈ S} w_{b_j} (S ⊂ {1..r}), one per character, with μ_S·μ_T = (Π_{j ∈ S∩T} s_{b_j})·μ_{S⊕T}.
// Every number of the point's field is Σ_S c_S·μ_S with c_S ∈ Q(θ) (`OrbitNumber`: a map S -> c_S, each
// c_S a RealAlgebraicNumber of ./algebraic.ts on the orbit's root): a coordinate w_e has one term,
// c_e·μ_{S_e} with S_e the basis combination of χ_e and c_e = m(U_e)/Π_{j ∈ S_e} s_{b_j}, U_e = {e} ∪
// {b_j : j ∈ S_e} an invariant square-free monomial, whose value in Q(θ) is a product of the sign
// monomials on N (a GF(2) combination: m(U ⊕ U') = m(U)·m(U')/Π_{U∩U'} s_e). So sums, products and
// polynomials of coordinates are exact (the multiplication table above), and
//   - an invariant (the loss, s_e, path products; its part outside S = ∅ is 0) is an exact number of
//     Q(θ) on W's root: the language's `algebraic` value, exact arithmetic, comparisons and decimals;
//   - a number with one term (a coordinate, a Hessian entry, any χ-homogeneous polynomial) has the
//     exact sign sign(c_S)·Π_{j ∈ S} ε_{b_j}, so its zero test and comparisons with 0 are exact;
//   - two terms t_1 + t_2 (a coordinate minus a rational, say) have the exact sign of the term with the
//     larger square t_i² ∈ Q(θ), and are 0 exactly when the squares are equal and the signs opposite;
//   - a sum of three or more terms of different characters is known by certified enclosures (interval sums of
//     enclosures of c_S and of √s), refined on demand (θ's interval narrows); its sign is decided when
//     the enclosure excludes 0. It is 0 exactly when its norm N(x) = Π_{g} g(x) (the product of its
//     conjugates x(g·p), g ∈ (Z/2)^r, computed as x_{j+1} = x_j·flip_j(x_j), an element of Q(θ)) is 0
//     and every other conjugate's enclosure excludes 0; otherwise (a norm 0 with another conjugate on
//     0) MathError('undecided') names `certify = true` (the whole ideal's exact points). Division by
//     such a number multiplies by the conjugates over the norm, when the norm is not 0.
// One polynomial per coordinate (w_e a root of Res_T(W(T), x²·Δ(T) − A_e(T)), degree 2·deg W) would make
// each coordinate exact alone but gives no arithmetic between coordinates without a primitive element
// of the whole point's field (the whole ideal's parametrization, which is what this route avoids).
//
// Polynomials at the point (`evaluate`): an invariant exactly; any other polynomial lazily (its value
// enclosed by interval evaluation on the point's box, the exact terms computed only when a sign or an
// exact result cannot be read off enclosures: products in Q[T]/(W) are slow when W's leading coefficient
// is large, since each reduction multiplies the denominators by a power of it). Exactly: per monomial w^a, s_e^{⌊a_e/2⌋} times the square-free part,
// whose coefficient is cached per orbit; the coefficients are kept as R(θ)·Π atom^k over the atoms Δ
// and A_e (e ∈ N) until the sum (one common denominator: the lowest powers), so the coefficients do
// not grow with the number of terms as fractions added pairwise would.
import { MathError } from '../errors.js';
import { type Rat, QQ, rat } from '../field.js';
import { type Dyadic, bitLength, compareDyadic, dyadicMax, dyadicMidpoint, dyadicToRat, doubleToDyadic } from '../interval/dyadic.js';
import { BoxEvaluator } from '../interval/evaluate.js';
import { type Interval, intervalAdd, intervalContainsZero, intervalMul, intervalNeg, intervalSign, intervalWidth } from '../interval/interval.js';
import { bigSqrt } from '../integers.js';
import type { Poly } from '../poly.js';
import { type Interrupt, checkInterrupt } from '../progress.js';
import { decimalToRational } from '../solve.js';
import { formatDecimal } from '../univariate/decimal.js';
import type { Residue, ResidueRing } from '../univariate/residue.js';
import { type AlgebraicRoot, RealAlgebraicNumber, roundToDouble } from './algebraic.js';

export interface OrbitOptions {
  readonly signal?: Interrupt;
}

/** Outward-rounded square root of a dyadic interval (its negative part clamped to 0), about `bits` bits. */
export function intervalSqrt(a: Interval, bits: number): Interval {
  const root = (x: Dyadic, up: boolean): Dyadic => {
    if (x.m <= 0n) return { m: 0n, e: 0 };
    const L = bitLength(x.m);
    const j = Math.floor((x.e - Math.max(0, 2 * bits - L)) / 2);
    const M = x.m << BigInt(x.e - 2 * j);
    let r = bigSqrt(M);
    if (up && r * r !== M) r += 1n;
    return { m: r, e: j };
  };
  const lo = dyadicMax(a.lo, { m: 0n, e: 0 });
  return { lo: root(lo, false), hi: root(a.hi, true) };
}

/** What the orbit of a real root θ of W is made of (see the header); residues modulo W. */
export interface SignOrbitData {
  readonly root: AlgebraicRoot;
  /** The number of variables. */
  readonly n: number;
  /** χ_e as bit masks (../zerodim/sign-group.ts). */
  readonly characters: readonly number[];
  /** N: the variables not 0 on the orbit (increasing). */
  readonly support: readonly number[];
  /** Δ: s_e = squares(e)/Δ and m_k = numerator/Δ (W'(θ) for the invariants' parametrization). */
  readonly delta: Residue;
  /** A_e for e ∈ N (s_e = A_e/Δ). */
  readonly squares: ReadonlyMap<number, Residue>;
  /** The sign monomials on N (square-free invariant, their variables) and M_k (m_k = M_k/Δ). */
  readonly monomials: readonly { readonly vars: readonly number[]; readonly numerator: Residue }[];
  /** Invariant polynomials whose values are parametrized too (the loss): f(orbit) = numerator/Δ. */
  readonly known?: readonly { readonly poly: Poly<Rat>; readonly numerator: Residue }[];
}

/** R(θ)·Π atom_i^{exps[i]} over the atoms Δ (index 0) and A_e (index 1 + position of e in N). */
interface AtomFraction {
  readonly num: Residue;
  readonly exps: Int32Array;
}

/** A coordinate, or the square-free part of a monomial: coefficient·μ_mask. */
interface Term {
  readonly coefficient: AtomFraction;
  readonly mask: number;
}

/** The orbit of θ: its support, basis, atoms and the (invariant) coefficients of the coordinates; shared by its points. */
export class SignOrbit {
  readonly root: AlgebraicRoot;
  readonly ring: ResidueRing;
  readonly n: number;
  readonly support: readonly number[];
  /** b_1..b_r. */
  readonly basis: readonly number[];
  /** S_e (a mask over the basis) for e ∈ N. */
  private readonly masks = new Map<number, number>();
  private readonly atoms: Residue[];
  private readonly atomPowers: Residue[][];
  /** Position of e in N. */
  private readonly position = new Map<number, number>();
  private readonly squareFree = new Map<string, Term>();
  private readonly squareCache = new Map<number, RealAlgebraicNumber>();
  /** c_e as numbers of Q(θ), and f's coefficients per polynomial: the same at every point of the orbit. */
  private readonly coordinateCache = new Map<number, RealAlgebraicNumber>();
  private readonly values = new WeakMap<Poly<Rat>, Map<number, RealAlgebraicNumber>>();

  constructor(readonly data: SignOrbitData) {
    this.root = data.root;
    this.ring = data.root.ring;
    this.n = data.n;
    this.support = data.support.slice();
    data.support.forEach((e, i) => this.position.set(e, i));
    // A basis of the characters on N (xor elimination), with each character's combination of it.
    const reduced: { value: number; combo: number }[] = [];
    const basis: number[] = [];
    for (const e of data.support) {
      let value = data.characters[e]!;
      let combo = 0;
      for (const r of reduced) {
        if ((value ^ r.value) < value) {
          value ^= r.value;
          combo ^= r.combo;
        }
      }
      if (value === 0) {
        this.masks.set(e, combo);
        continue;
      }
      const bit = 1 << basis.length;
      basis.push(e);
      reduced.push({ value, combo: combo ^ bit });
      reduced.sort((a, b) => b.value - a.value);
      this.masks.set(e, bit);
    }
    this.basis = basis;
    this.atoms = [data.delta, ...data.support.map((e) => data.squares.get(e)!)];
    this.atomPowers = this.atoms.map((a) => [this.ring.one, a]);
    for (const k of data.known ?? []) {
      const exps = this.zeroExps();
      exps[0] = -1;
      this.values.set(k.poly, this.ring.isZero(k.numerator) ? new Map() : new Map([[0, this.number({ num: k.numerator, exps })]]));
    }
  }

  /** r: the orbit has 2^r points. */
  get rank(): number {
    return this.basis.length;
  }

  private zeroExps(): Int32Array {
    return new Int32Array(this.atoms.length);
  }

  private atomPower(i: number, k: number): Residue {
    const table = this.atomPowers[i]!;
    while (table.length <= k) table.push(this.ring.mul(table[table.length - 1]!, table[1]!));
    return table[k]!;
  }

  /** s_e as an atom fraction: A_e/Δ. */
  private squareAtoms(e: number, k = 1): Int32Array {
    const exps = this.zeroExps();
    exps[0] = -k;
    exps[1 + this.position.get(e)!] = k;
    return exps;
  }

  private mulAtoms(a: AtomFraction, b: AtomFraction): AtomFraction {
    const exps = a.exps.map((x, i) => x + b.exps[i]!);
    return { num: this.ring.mul(a.num, b.num), exps };
  }

  /** Σ of atom fractions over their lowest powers (one common denominator). */
  private sumAtoms(terms: readonly AtomFraction[]): AtomFraction {
    const low = terms[0]!.exps.slice();
    for (const t of terms) t.exps.forEach((x, i) => (low[i] = Math.min(low[i]!, x)));
    let sum = this.ring.zero;
    for (const t of terms) {
      let r = t.num;
      t.exps.forEach((x, i) => {
        if (x > low[i]!) r = this.ring.mul(r, this.atomPower(i, x - low[i]!));
      });
      sum = this.ring.add(sum, r);
    }
    return { num: sum, exps: low };
  }

  /** The exact number R(θ)·Π atom^k of Q(θ). */
  number(a: AtomFraction): RealAlgebraicNumber {
    let num = a.num;
    let den = this.ring.one;
    a.exps.forEach((x, i) => {
      if (x > 0) num = this.ring.mul(num, this.atomPower(i, x));
      else if (x < 0) den = this.ring.mul(den, this.atomPower(i, -x));
    });
    return RealAlgebraicNumber.ofResidues(this.root, num, den, { nonZero: true });
  }

  /** s_{b_j} in Q(θ) (cached). */
  basisSquare(j: number): RealAlgebraicNumber {
    let s = this.squareCache.get(j);
    if (!s) {
      s = this.number({ num: this.ring.one, exps: this.squareAtoms(this.basis[j]!) });
      this.squareCache.set(j, s);
    }
    return s;
  }

  /** μ_S·μ_T = (Π_{j ∈ S∩T} s_{b_j})·μ_{S⊕T}: the atoms of the factor. */
  private overlapAtoms(S: number, T: number): Int32Array {
    const exps = this.zeroExps();
    for (let j = 0, both = S & T; both !== 0; j++, both >>= 1) {
      if (both & 1) {
        exps[0]! -= 1;
        exps[1 + this.position.get(this.basis[j]!)!]! += 1;
      }
    }
    return exps;
  }

  /** The value in Q(θ) of the invariant square-free monomial on the variables `U` ⊂ N (a GF(2) combination of the sign monomials). */
  private invariantMonomial(U: readonly number[]): AtomFraction {
    const bit = (vars: readonly number[]) => vars.reduce((m, e) => m | (1n << BigInt(this.position.get(e)!)), 0n);
    const rows = this.data.monomials.map((m, k) => ({ value: bit(m.vars), combo: 1n << BigInt(k) }));
    // Elimination with the combinations kept; then the target reduced by the rows.
    const pivots: { value: bigint; combo: bigint; top: bigint }[] = [];
    for (const row of rows) {
      let { value, combo } = row;
      for (const p of pivots) {
        if (value & p.top) {
          value ^= p.value;
          combo ^= p.combo;
        }
      }
      if (value === 0n) continue;
      const top = 1n << BigInt(value.toString(2).length - 1);
      for (const p of pivots) {
        if (p.value & top) {
          p.value ^= value;
          p.combo ^= combo;
        }
      }
      pivots.push({ value, combo, top });
    }
    let value = bit(U);
    let combo = 0n;
    for (const p of pivots) {
      if (value & p.top) {
        value ^= p.value;
        combo ^= p.combo;
      }
    }
    if (value !== 0n) throw new MathError('unsupported-orbit', 'an invariant monomial of the orbit is not a combination of the sign monomials parametrized');
    // m(A ⊕ B) = m(A)·m(B) / Π_{A∩B} s_e, from the empty monomial.
    let acc: AtomFraction = { num: this.ring.one, exps: this.zeroExps() };
    let set = 0n;
    this.data.monomials.forEach((m, k) => {
      if (((combo >> BigInt(k)) & 1n) === 0n) return;
      const exps = acc.exps.slice();
      exps[0]! -= 1; // m_k = M_k/Δ
      const b = bit(m.vars);
      for (const e of m.vars) {
        if ((set >> BigInt(this.position.get(e)!)) & 1n) {
          exps[0]! += 1; // / s_e = · Δ / A_e
          exps[1 + this.position.get(e)!]! -= 1;
        }
      }
      acc = { num: this.ring.mul(acc.num, m.numerator), exps };
      set ^= b;
    });
    return acc;
  }

  /** w_e = c_e·μ_{S_e} (e ∈ N), c_e invariant (see the header). */
  coordinateTerm(e: number): Term {
    const key = `${e}`;
    const known = this.squareFree.get(key);
    if (known) return known;
    const mask = this.masks.get(e)!;
    let term: Term;
    const j = this.basis.indexOf(e);
    if (j >= 0) term = { coefficient: { num: this.ring.one, exps: this.zeroExps() }, mask };
    else {
      const U = [e, ...this.basis.filter((_, i) => (mask >> i) & 1)];
      const m = this.invariantMonomial(U);
      const exps = m.exps.slice();
      for (const b of U.slice(1)) {
        exps[0]! += 1;
        exps[1 + this.position.get(b)!]! -= 1;
      }
      term = { coefficient: { num: m.num, exps }, mask };
    }
    this.squareFree.set(key, term);
    return term;
  }

  /** The square-free monomial Π_{e ∈ S} w_e (S ⊂ N, increasing) as coefficient·μ_mask, cached. */
  private squareFreeTerm(S: readonly number[]): Term {
    if (S.length === 1) return this.coordinateTerm(S[0]!);
    const key = S.join(',');
    const known = this.squareFree.get(key);
    if (known) return known;
    const head = this.squareFreeTerm(S.slice(0, -1));
    const last = this.coordinateTerm(S[S.length - 1]!);
    const c = this.mulAtoms(head.coefficient, last.coefficient);
    const overlap = this.overlapAtoms(head.mask, last.mask);
    const term = { coefficient: { num: c.num, exps: c.exps.map((x, i) => x + overlap[i]!) }, mask: head.mask ^ last.mask };
    this.squareFree.set(key, term);
    return term;
  }

  /** Whether f's value on the orbit is known already. */
  knows(f: Poly<Rat>): boolean {
    return this.values.has(f);
  }

  /** Whether every monomial of f has the trivial character (f is invariant). */
  isInvariant(f: Poly<Rat>): boolean {
    return f.mons.every((m) => {
      let c = 0;
      for (let e = 0; e < this.n; e++) if (m[e]! & 1) c ^= this.data.characters[e]!;
      return c === 0;
    });
  }

  /** c_e of w_e = c_e·μ_{S_e} as a number of Q(θ), cached. */
  coordinateCoefficient(e: number): RealAlgebraicNumber {
    let c = this.coordinateCache.get(e);
    if (!c) {
      c = this.number(this.coordinateTerm(e).coefficient);
      this.coordinateCache.set(e, c);
    }
    return c;
  }

  /** f at the points of the orbit, as the coefficients c_S ∈ Q(θ) of Σ c_S μ_S (the same for every point of the orbit; cached per polynomial). */
  evaluate(f: Poly<Rat>, options: OrbitOptions = {}): ReadonlyMap<number, RealAlgebraicNumber> {
    const known = this.values.get(f);
    if (known) return known;
    const byMask = new Map<number, AtomFraction[]>();
    f.mons.forEach((m, k) => {
      checkInterrupt(options.signal);
      if (m.length !== this.n) throw new MathError('dimension', `the polynomial has ${m.length} variables but the point has ${this.n} coordinates`);
      const odd: number[] = [];
      const exps = this.zeroExps();
      for (let e = 0; e < this.n; e++) {
        const a = m[e]!;
        if (a === 0) continue;
        if (!this.position.has(e)) return; // w_e = 0 on the orbit
        if (a & 1) odd.push(e);
        const half = a >> 1;
        if (half > 0) {
          exps[0]! -= half;
          exps[1 + this.position.get(e)!]! += half;
        }
      }
      const c = f.coeffs[k]!;
      let term: AtomFraction;
      let mask = 0;
      if (odd.length === 0) term = { num: this.ring.scale(this.ring.one, c), exps };
      else {
        const t = this.squareFreeTerm(odd);
        term = { num: this.ring.scale(t.coefficient.num, c), exps: exps.map((x, i) => x + t.coefficient.exps[i]!) };
        mask = t.mask;
      }
      const list = byMask.get(mask);
      if (list) list.push(term);
      else byMask.set(mask, [term]);
    });
    const parts = new Map<number, RealAlgebraicNumber>();
    for (const [mask, terms] of byMask) {
      const sum = this.sumAtoms(terms);
      if (!this.ring.isZero(sum.num)) parts.set(mask, this.number(sum));
    }
    this.values.set(f, parts);
    return parts;
  }
}

/** One real point of an orbit: the orbit and the signs ε_{b_j} of its basis coordinates (the signs of the others follow). */
export class OrbitRealPoint {
  private readonly cache: (OrbitNumber | undefined)[];

  /** `negative[e]` for e ∈ N: w_e < 0 at this point. */
  constructor(
    readonly orbit: SignOrbit,
    readonly negative: ReadonlyMap<number, boolean>,
  ) {
    this.cache = Array.from({ length: orbit.n }, () => undefined);
  }

  get root(): AlgebraicRoot {
    return this.orbit.root;
  }

  get dimension(): number {
    return this.orbit.n;
  }

  /** Π_{j ∈ S} ε_{b_j}: the sign of μ_S at this point. */
  maskSign(S: number): 1 | -1 {
    let s: 1 | -1 = 1;
    this.orbit.basis.forEach((b, j) => {
      if ((S >> j) & 1 && this.negative.get(b)) s = s === 1 ? -1 : 1;
    });
    return s;
  }

  /** Whether `other` is this point (the same orbit and signs). */
  same(other: OrbitRealPoint): boolean {
    return other === this || (other.orbit === this.orbit && this.orbit.basis.every((b) => this.negative.get(b) === other.negative.get(b)));
  }

  coordinate(i: number): OrbitNumber {
    if (!Number.isInteger(i) || i < 0 || i >= this.dimension) throw new MathError('index', `the point has ${this.dimension} coordinates, not a coordinate ${i + 1}`);
    const known = this.cache[i];
    if (known) return known;
    let x: OrbitNumber;
    if (!this.orbit.support.includes(i)) x = new OrbitNumber(this, new Map());
    else {
      x = new OrbitNumber(this, new Map([[this.orbit.coordinateTerm(i).mask, this.orbit.coordinateCoefficient(i)]]));
    }
    this.cache[i] = x;
    return x;
  }

  coordinates(): OrbitNumber[] {
    return Array.from({ length: this.dimension }, (_, i) => this.coordinate(i));
  }

  /** The rational q as a number of this point. */
  rational(q: Rat): OrbitNumber {
    return new OrbitNumber(this, q.num === 0n ? new Map() : new Map([[0, RealAlgebraicNumber.rational(this.root, q)]]));
  }

  /** A number of Q(θ) (on this orbit's root) as a number of this point. */
  lift(x: RealAlgebraicNumber): OrbitNumber {
    if (!this.root.sameRoot(x.root)) throw new MathError('different-points', 'these numbers belong to different points (different roots of their polynomials); only numbers of one point combine');
    return new OrbitNumber(this, x.sign() === 0 ? new Map() : new Map([[0, x]]));
  }

  box(bits: number, options: OrbitOptions = {}): Interval[] {
    return this.coordinates().map((x) => x.enclosure(bits, options));
  }

  decimals(digits: number, options: OrbitOptions = {}): string[] {
    return this.coordinates().map((x) => x.toDecimal(digits, options));
  }

  toNumbers(): number[] {
    return this.coordinates().map((x) => x.toNumber());
  }

  /**
   * f at the point: exact terms for an invariant f (a number of Q(θ)) or one already evaluated on the
   * orbit; otherwise a lazy value (enclosures first: the exact products in Q[T]/(W) cost minutes when
   * W's leading coefficient has thousands of bits).
   */
  evaluate(f: Poly<Rat>, options: OrbitOptions = {}): OrbitNumber {
    if (this.orbit.knows(f) || this.orbit.isInvariant(f)) return new OrbitNumber(this, this.orbit.evaluate(f, options));
    return new OrbitNumber(this, undefined, f);
  }

  /**
   * Equality with another point (any kind with coordinates and boxes): the same orbit point exactly;
   * two different points of orbits (different signs, or different roots of one W) are different;
   * otherwise boxes narrowed to 2^-512 separate them, or MathError('undecided').
   */
  equals(other: { readonly dimension: number; box(bits: number, options?: OrbitOptions): Interval[] }, options: OrbitOptions = {}): boolean {
    if (this.dimension !== other.dimension) return false;
    if (other instanceof OrbitRealPoint && sameCoefficients(this.root.w, other.root.w)) {
      // One W: different roots are different orbits; on one root (one orbit) the points differ by signs only.
      if (!this.root.sameRoot(other.root)) return false;
      return this.coordinates().every((x, i) => x.sign(options) === other.coordinate(i).sign(options));
    }
    for (let bits = 32; bits <= 512; bits *= 2) {
      const a = this.box(bits, options);
      const b = other.box(bits, options);
      if (a.some((x, i) => compareDyadic(x.hi, b[i]!.lo) < 0 || compareDyadic(b[i]!.hi, x.lo) < 0)) return false;
    }
    throw new MathError('undecided', 'the two points agree to 512 bits and are not points of one orbit: their equality is not decided (stationary(L, certify = true) gives exact points of the whole gradient ideal)');
  }

  /** The exact data: θ's root, the support, the signs, and per coordinate its coefficient c_e and basis mask. */
  toData(): OrbitPointData {
    const { lo, hi } = this.root.realRoot();
    return {
      w: this.root.w.slice(),
      lo,
      hi,
      support: this.orbit.support.slice(),
      basis: this.orbit.basis.slice(),
      negative: this.orbit.support.filter((e) => this.negative.get(e)),
      coordinates: this.coordinates().map((x) => x.toData()),
    };
  }
}

/** The exact data of an orbit number: per term S (a basis mask) c_S = numerator(θ)/denominator(θ). */
export interface OrbitNumberData {
  readonly terms: readonly { readonly mask: number; readonly numerator: readonly Rat[]; readonly denominator: readonly Rat[] }[];
}

export interface OrbitPointData {
  readonly w: readonly bigint[];
  readonly lo: Rat;
  readonly hi: Rat;
  readonly support: readonly number[];
  readonly basis: readonly number[];
  /** The variables (of the support) negative at the point. */
  readonly negative: readonly number[];
  readonly coordinates: readonly OrbitNumberData[];
}

/** Enclosure widths tried for decimals beyond the first, in extra bits, before the exact tie test. */
const DECIMAL_EXTRA_BITS = [24, 96, 256];
/** Undecided zero tests stop at enclosures of this width (2^-bits). */
const ZERO_TEST_BITS = 4096;
/** A lazy value's sign is tried by enclosures down to this width before its exact terms are computed. */
const LAZY_SIGN_BITS = 1024;

/** Σ_S c_S·μ_S at one orbit point (see the header). */
export class OrbitNumber {
  private exact: ReadonlyMap<number, RealAlgebraicNumber> | undefined;

  /**
   * `parts`: c_S by basis mask S (no entry for a zero residue); or, with `lazy`, the polynomial whose
   * value this is: enclosures by interval evaluation on the point's box, the exact terms computed only
   * when an exact decision needs them (`SignOrbit.evaluate`).
   */
  constructor(
    readonly point: OrbitRealPoint,
    parts: ReadonlyMap<number, RealAlgebraicNumber> | undefined,
    private readonly lazy?: Poly<Rat>,
  ) {
    this.exact = parts;
  }

  /** c_S by basis mask S (computed on first use for a lazy value). */
  get parts(): ReadonlyMap<number, RealAlgebraicNumber> {
    return (this.exact ??= this.point.orbit.evaluate(this.lazy!));
  }

  /** Whether the exact terms are not computed yet (a lazy value). */
  get pending(): boolean {
    return this.exact === undefined;
  }

  get root(): AlgebraicRoot {
    return this.point.root;
  }

  /** The number of Q(θ) when only the invariant term is present (an invariant), else undefined. */
  invariant(): RealAlgebraicNumber | undefined {
    if (this.parts.size === 0) return RealAlgebraicNumber.rational(this.root, rat(0n));
    return this.parts.size === 1 && this.parts.has(0) ? this.parts.get(0)! : undefined;
  }

  rational(): Rat | undefined {
    return this.invariant()?.rational();
  }

  /** Whether the value is known exactly in Q(θ) or has one term (exact sign), as text for provenance. */
  get knowledge(): string {
    if (this.pending) return 'a polynomial at the point: certified enclosures refined on demand, exact terms computed when a decision needs them';
    if (this.invariant()) return 'exact in Q(θ)';
    return this.parts.size === 1 ? 'c(θ)·Π √(w_e²): exact sign, exact arithmetic' : 'a sum of terms of different sign characters: exact arithmetic, sign by certified enclosures';
  }

  /** The pair on one point: an invariant (a number of Q(θ)) of another point of the same orbit is lifted. */
  private pair(x: OrbitNumber): [OrbitNumber, OrbitNumber] {
    if (this.point.same(x.point)) return [this, x];
    if (this.root.sameRoot(x.root)) {
      const theirs = x.invariant();
      if (theirs) return [this, this.point.lift(theirs)];
      const mine = this.invariant();
      if (mine) return [x.point.lift(mine), x];
    }
    throw new MathError('different-points', 'these numbers belong to different points (different points of an orbit, or different roots); only numbers of one point combine');
  }

  neg(): OrbitNumber {
    return new OrbitNumber(this.point, new Map([...this.parts].map(([S, c]) => [S, c.neg()])));
  }

  add(x: OrbitNumber): OrbitNumber {
    return this.combine(x, 1);
  }

  sub(x: OrbitNumber): OrbitNumber {
    return this.combine(x, -1);
  }

  private combine(x: OrbitNumber, sign: 1 | -1): OrbitNumber {
    const [a, b] = this.pair(x);
    const parts = new Map(a.parts);
    for (const [S, c] of b.parts) {
      const term = sign === 1 ? c : c.neg();
      const known = parts.get(S);
      const sum = known ? known.add(term) : term;
      if (sum.num.num.length === 0) parts.delete(S);
      else parts.set(S, sum);
    }
    return new OrbitNumber(a.point, parts);
  }

  mul(x: OrbitNumber): OrbitNumber {
    const [a, b] = this.pair(x);
    const orbit = a.point.orbit;
    const parts = new Map<number, RealAlgebraicNumber>();
    for (const [S, c] of a.parts) {
      for (const [T, d] of b.parts) {
        let term = c.mul(d);
        for (let j = 0; j < orbit.rank; j++) if ((S & T) & (1 << j)) term = term.mul(orbit.basisSquare(j));
        const known = parts.get(S ^ T);
        const sum = known ? known.add(term) : term;
        if (sum.num.num.length === 0) parts.delete(S ^ T);
        else parts.set(S ^ T, sum);
      }
    }
    return new OrbitNumber(a.point, parts);
  }

  /** The conjugate by the sign change of the basis coordinate b_j: μ_S -> -μ_S for j ∈ S. */
  private flip(j: number): OrbitNumber {
    return new OrbitNumber(this.point, new Map([...this.parts].map(([S, c]) => [S, (S >> j) & 1 ? c.neg() : c])));
  }

  /** x_0 = x, x_{j+1} = x_j·flip_j(x_j): the factors flip_j(x_j) and the norm x_r ∈ Q(θ). */
  private normChain(): { factors: OrbitNumber[]; norm: RealAlgebraicNumber } {
    const factors: OrbitNumber[] = [];
    let x: OrbitNumber = this;
    for (let j = 0; j < this.point.orbit.rank; j++) {
      const f = x.flip(j);
      factors.push(f);
      x = x.mul(f);
    }
    return { factors, norm: x.invariant()! };
  }

  /** 1/x: one term divides by c·Π s; several multiply by the conjugates over the norm (MathError('undecided') when the norm is 0 but x is not). */
  inverse(options: OrbitOptions = {}): OrbitNumber {
    const nonZero = [...this.parts].filter(([, c]) => c.sign(options) !== 0);
    if (nonZero.length === 0) throw new MathError('division-by-zero', 'division by a number that is zero at this point');
    if (nonZero.length === 1) {
      const [S, c] = nonZero[0]!;
      // 1/(c μ_S) = μ_S / (c Π_{S} s).
      let d = c;
      for (let j = 0; j < this.point.orbit.rank; j++) if ((S >> j) & 1) d = d.mul(this.point.orbit.basisSquare(j));
      return new OrbitNumber(this.point, new Map([[S, RealAlgebraicNumber.rational(this.root, rat(1n)).div(d, options)]]));
    }
    const { factors, norm } = this.normChain();
    if (norm.sign(options) === 0) {
      if (this.sign(options) === 0) throw new MathError('division-by-zero', 'division by a number that is zero at this point');
      throw new MathError('undecided', 'the orbits route cannot divide by this number (a sum of terms of different sign characters whose norm is 0): stationary(L, certify = true) gives exact points of the whole gradient ideal');
    }
    let q = this.point.lift(RealAlgebraicNumber.rational(this.root, rat(1n)).div(norm, options));
    for (const f of factors) q = q.mul(f);
    return q;
  }

  div(x: OrbitNumber, options: OrbitOptions = {}): OrbitNumber {
    const [a, b] = this.pair(x);
    return a.mul(b.inverse(options));
  }

  pow(k: number, options: OrbitOptions = {}): OrbitNumber {
    if (!Number.isInteger(k)) throw new MathError('bad-exponent', `powers of algebraic numbers need an integer exponent, got ${k}`);
    let result = this.point.rational(rat(1n));
    let base: OrbitNumber = this;
    for (let e = Math.abs(k); e > 0; e >>= 1) {
      if (e & 1) result = result.mul(base);
      if (e > 1) base = base.mul(base);
    }
    return k >= 0 ? result : result.inverse(options);
  }

  /**
   * The exact sign where it can be decided (see the header): no term 0; one term sign(c_S)·(sign of
   * μ_S); several: enclosures until one excludes 0, with 0 recognised by the norm and the conjugates.
   */
  sign(options: OrbitOptions = {}): -1 | 0 | 1 {
    if (this.pending) {
      for (let bits = 32; bits <= LAZY_SIGN_BITS; bits *= 2) {
        const s = intervalSign(this.enclosure(bits, options));
        if (s !== undefined && s !== 0) return s;
      }
    }
    const nonZero = [...this.parts].filter(([, c]) => c.sign(options) !== 0);
    if (nonZero.length === 0) return 0;
    if (nonZero.length === 1) {
      const [S, c] = nonZero[0]!;
      return (c.sign(options) * this.point.maskSign(S)) as -1 | 1;
    }
    if (nonZero.length === 2) {
      // t_1 + t_2 with exact signs σ_i and squares t_i² ∈ Q(θ): the term with the larger square decides,
      // and equal squares with opposite signs make 0 (exact: a coordinate compared with a rational).
      const [[S, a], [T, b]] = nonZero as [[number, RealAlgebraicNumber], [number, RealAlgebraicNumber]];
      const sa = a.sign(options) * this.point.maskSign(S);
      const sb = b.sign(options) * this.point.maskSign(T);
      const c = this.termSquare(S, a).compare(this.termSquare(T, b), options);
      if (c === 0) return sa === sb ? (sa as -1 | 1) : 0;
      return (c > 0 ? sa : sb) as -1 | 1;
    }
    const normZero = this.normChain().norm.sign(options) === 0;
    const r = this.point.orbit.rank;
    for (let bits = 64; ; bits *= 2) {
      checkInterrupt(options.signal);
      const s = intervalSign(this.enclosure(bits, options));
      if (s !== undefined && s !== 0) return s;
      if (normZero) {
        // x·Π_{g ≠ 1} g(x) = 0: x is 0 when every other conjugate is not.
        let others = true;
        for (let g = 1; g < 2 ** r && others; g++) {
          let y: OrbitNumber = this;
          for (let j = 0; j < r; j++) if ((g >> j) & 1) y = y.flip(j);
          if (intervalContainsZero(y.enclosure(bits, options))) others = false;
        }
        if (others) return 0;
        if (bits >= ZERO_TEST_BITS) {
          throw new MathError('undecided', 'the orbits route cannot decide whether this number (a sum of terms of different sign characters) is 0: stationary(L, certify = true) gives exact points of the whole gradient ideal');
        }
      }
    }
  }

  /** (c·μ_S)² = c²·Π_{j ∈ S} s_{b_j} ∈ Q(θ). */
  private termSquare(S: number, c: RealAlgebraicNumber): RealAlgebraicNumber {
    let q = c.mul(c);
    for (let j = 0; j < this.point.orbit.rank; j++) if ((S >> j) & 1) q = q.mul(this.point.orbit.basisSquare(j));
    return q;
  }

  compare(x: OrbitNumber, options: OrbitOptions = {}): -1 | 0 | 1 {
    return this.sub(x).sign(options);
  }

  equals(x: OrbitNumber, options: OrbitOptions = {}): boolean {
    return this.compare(x, options) === 0;
  }

  /** An interval of width <= 2^-bits containing the value: Σ enclosure(c_S)·(ε √s products), working bits raised until narrow enough. */
  enclosure(bits: number, options: OrbitOptions = {}): Interval {
    const target: Dyadic = { m: 1n, e: -bits };
    if (this.pending) {
      // f on the point's box (the coordinates' enclosures), the box narrowed until f's interval is narrow enough.
      for (let work = bits + 16; ; work += Math.max(16, work >> 1)) {
        checkInterrupt(options.signal);
        const x = new BoxEvaluator(this.point.box(work + 8, options), work + 8).evaluate(this.lazy!);
        if (compareDyadic(intervalWidth(x), target) <= 0) return x;
      }
    }
    const orbit = this.point.orbit;
    for (let work = bits + 16; ; work += Math.max(16, work >> 1)) {
      checkInterrupt(options.signal);
      let sum: Interval = { lo: { m: 0n, e: 0 }, hi: { m: 0n, e: 0 } };
      for (const [S, c] of this.parts) {
        let x = c.enclosure(work, options);
        for (let j = 0; j < orbit.rank; j++) {
          if (((S >> j) & 1) === 0) continue;
          const root = intervalSqrt(orbit.basisSquare(j).enclosure(2 * work, options), work + 8);
          x = intervalMul(x, this.point.negative.get(orbit.basis[j]!) ? intervalNeg(root) : root, work + 8);
        }
        sum = intervalAdd(sum, x, work + 8);
      }
      if (compareDyadic(intervalWidth(sum), target) <= 0) return sum;
    }
  }

  /** `digits` significant digits, rounded exactly (half to even): enclosures, then an exact test of the rounding boundary when they straddle one. */
  toDecimal(digits: number, options: OrbitOptions = {}): string {
    const exact = this.pending ? undefined : this.invariant();
    if (exact) return exact.toDecimal(digits, options);
    if (this.sign(options) === 0) return '0';
    let known = this.enclosure(16, options);
    for (let bits = 64; intervalContainsZero(known); bits *= 2) known = this.enclosure(bits, options);
    const near = compareDyadic(absDyadic(known.lo), absDyadic(known.hi)) <= 0 ? known.lo : known.hi;
    const base = Math.ceil(digits * 3.3220) + 9 - magnitude(near);
    for (let extra = 0; ; extra = extra === 0 ? DECIMAL_EXTRA_BITS[0]! : 2 * extra) {
      checkInterrupt(options.signal);
      const e = this.enclosure(base + extra, options);
      const lo = formatDecimal(dyadicToRat(e.lo), digits);
      const hi = formatDecimal(dyadicToRat(e.hi), digits);
      if (lo === hi) return lo;
      if (extra >= DECIMAL_EXTRA_BITS[DECIMAL_EXTRA_BITS.length - 1]!) {
        // The value may be the rounding boundary between lo and hi itself: decided exactly.
        const boundary = QQ.div(QQ.add(decimalToRational(lo), decimalToRational(hi)), rat(2n));
        if (this.sub(this.point.rational(boundary)).sign(options) === 0) return formatDecimal(boundary, digits);
      }
    }
  }

  /** The double nearest to the value (ties to even). */
  toNumber(options: OrbitOptions = {}): number {
    const exact = this.pending ? undefined : this.invariant();
    if (exact) return exact.toNumber(options);
    if (this.sign(options) === 0) return 0;
    for (let bits = 64; ; bits += 64) {
      const x = this.enclosure(bits, options);
      const a = roundToDouble(x.lo);
      const b = roundToDouble(x.hi);
      if (a === b) return a;
      if (bits >= 256) {
        const mid = dyadicMidpoint(doubleToDyadic(a), doubleToDyadic(b));
        if (this.sub(this.point.rational(dyadicToRat(mid))).sign(options) === 0) return roundToDouble(mid);
      }
    }
  }

  toData(): OrbitNumberData {
    const K = this.root.ring;
    return { terms: [...this.parts].map(([mask, c]) => ({ mask, numerator: K.toRational(c.num), denominator: K.toRational(c.den) })) };
  }
}

function sameCoefficients(a: readonly bigint[], b: readonly bigint[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

function absDyadic(x: Dyadic): Dyadic {
  return x.m < 0n ? { m: -x.m, e: x.e } : x;
}

function magnitude(x: Dyadic): number {
  return x.m === 0n ? -Infinity : bitLength(x.m < 0n ? -x.m : x.m) + x.e;
}
