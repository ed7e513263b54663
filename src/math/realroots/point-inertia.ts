// Inertia of a symmetric polynomial matrix (Morse indices), and values and signs of polynomials, at
// the real points of a rational parametrization, decided by interval arithmetic on the points' boxes.
//
// Input: a parametrization of a zero-dimensional radical ideal of QQ[x_1..x_n] in Rouillier's form
// x_i = V_i(θ) / (d_i W'(θ)) at the roots θ of W (W integer, primitive, square-free; the output of
// ../zerodim/parametrize.ts), a symmetric matrix S(x) of polynomials with rational coefficients and
// some polynomials h_j (loss values, say).
//
// Route at each real root θ of W (Descartes isolation, ./descartes.ts):
// 1. The point's box (./parametrization.ts: the interval evaluation of V_i / (d_i W') on θ's isolating
//    interval), every side of width <= 2^-k.
// 2. The entries of S evaluated on the box (../interval/evaluate.ts `BoxEvaluator`, natural interval
//    extension: each interval contains the entry's value at the point), and the inertia decided by the
//    interval LDL^T (../interval/ldl.ts `intervalInertia`): when it decides, every matrix with entries in
//    those intervals, hence S(ξ), has that inertia and no zero eigenvalue (inclusion property; Moore,
//    Kearfott, Cloud, "Introduction to Interval Analysis", SIAM 2009). The values h_j(box) and the box's
//    sides give decimals with `digits` significant digits when both ends of the interval round alike
//    (rounding is monotone, so the value rounds the same way), and signs when the interval excludes 0.
// 3. While something is undecided, k is doubled (θ refined by quadratic interval refinement, more bits),
//    up to `maxBits`. What is still undecided then goes to the exact algebraic route, in Q[T]/(W) with
//    W' as the common denominator (a rational univariate representation, F. Rouillier, AAECC 9 (1999);
//    ../solve.ts `valueAtRepresentation`): an entry or value is P(θ) / W'(θ)^{2K} with P reduced
//    modulo W, so the inertia of the matrix (P_ij(θ)) is that of S(ξ) (a positive factor), decided by
//    `signatureAlgebraic` (../linalg/signature.ts: Berkowitz in Q[T]/(W), exact signs at θ, Descartes'
//    rule); a sign is the exact sign of P(θ) (zero decided by a gcd with W, ./root-gcd.ts);
//    a decimal is P(θ)/W'(θ)^{2K} rounded exactly (../univariate/decimal.ts). Only this route ever
//    reports a zero eigenvalue (a degenerate point) or a zero value: intervals cannot tell 0 from a
//    tiny number.
// Nothing is decided in floating point.
import { MathError } from '../errors.js';
import { type Rat, QQ, rat } from '../field.js';
import { BoxEvaluator, type Interval, bitLength, dyadicToRat, intervalContainsZero, intervalInertia, intervalSign } from '../interval/index.js';
import { type Inertia, signatureAlgebraic } from '../linalg/signature.js';
import type { Poly, PolyRing } from '../poly.js';
import { type Interrupt, checkInterrupt } from '../progress.js';
import { type RationalUnivariateRepresentation, coordinatePolynomials, valueAtRepresentation } from '../solve.js';
import { type RealRoot, fastSignAt, formatDecimal, intDerivative, integerPoly, rationalFunctionToDecimal, signAt, signsAtRoot } from '../univariate/index.js';
import { gcdWithPolynomial } from './root-gcd.js';
import type { IsolatedRoot } from './root.js';
import { type ParametrizedCoordinate, type RealParametrizedPoint, narrowPoint, realParametrizedPoints } from './parametrization.js';

/** The parametrization: x_i = numerators[i](θ) / (denominators[i] · W'(θ)) at the roots θ of W. */
export interface ParametrizationData {
  readonly linearForm: readonly bigint[];
  readonly w: readonly bigint[];
  readonly numerators: readonly (readonly bigint[])[];
  readonly denominators: readonly bigint[];
}

export interface PointInertiaOptions {
  /** Significant digits of the decimals (default 30). */
  readonly digits?: number;
  /** Polynomials whose values (decimals) and exact signs are wanted at each real point. */
  readonly evaluate?: readonly Poly<Rat>[];
  /** Polynomials whose exact signs only are wanted (after those of `evaluate` in `signs`). */
  readonly signsOf?: readonly Poly<Rat>[];
  /** The narrowest box the intervals try, as -log2 of its width (default 1024); then the exact route. */
  readonly maxBits?: number;
  readonly signal?: Interrupt;
}

export interface ParametrizedPointInertia {
  /** The coordinates, decimals with `digits` significant digits (exact rounding). */
  readonly coordinates: string[];
  /** The point's box (each side contains the coordinate). */
  readonly box: readonly Interval[];
  /** The isolating interval of the point's root θ of W (as refined for the box). */
  readonly root: IsolatedRoot;
  /** The inertia of the matrix at the point (zero > 0 only from the exact route). */
  readonly inertia: Inertia;
  /** The values of the `evaluate` polynomials, decimals; the signs (-1, 0, 1) of those and of `signsOf`, all certain. */
  readonly values: string[];
  readonly signs: number[];
  /** 'interval' when the interval LDLᵀ decided the inertia; 'exact' when the algebraic route did. */
  readonly inertiaBy: 'interval' | 'exact';
  /** Whether something at this point was decided exactly (a zero test, a value or the inertia). */
  readonly exactTests: boolean;
  /** -log2 of the width of the last box tried. */
  readonly bits: number;
}

export interface PointsInertiaResult {
  /** One entry per real root of W, in increasing order of θ. */
  readonly points: ParametrizedPointInertia[];
  /** How many points had their inertia decided by the exact route (undecided by the intervals at 2^-maxBits). */
  readonly exact: number;
  readonly method: string;
}

/** The widest first box (2^-START_BITS); narrower when the digits need it. */
const START_BITS = 32;
/** From this box width on (2^-ZERO_TEST_BITS), a coordinate or value whose interval contains 0 is tested for 0 exactly. */
const ZERO_TEST_BITS = 64;

/** The decimal of every number in a, when they all round alike to `digits` significant digits. */
export function intervalDecimal(a: Interval, digits: number): string | undefined {
  const s = intervalSign(a);
  if (s === 0) return '0';
  if (s === undefined) return undefined;
  const lo = formatDecimal(dyadicToRat(a.lo), digits);
  return lo === formatDecimal(dyadicToRat(a.hi), digits) ? lo : undefined;
}

/**
 * Exact zero tests at the roots of W: q(θ) = 0 exactly when θ is a root of g = gcd(W, q) (g divides W,
 * so it has at most the one root θ in θ's isolating interval, simple, and changes sign across it).
 * The gcd is computed once per polynomial and reused at every point.
 */
class ZeroTests {
  private readonly known = new Map<object, { q: bigint[]; gcd: bigint[] | null }>();

  constructor(
    private readonly w: readonly bigint[],
    private readonly signal?: Interrupt,
  ) {}

  isZero(key: object, q: readonly (bigint | Rat)[], root: RealRoot): boolean {
    let entry = this.known.get(key);
    if (!entry) {
      entry = { q: integerPoly(q as (bigint | Rat)[]), gcd: null };
      this.known.set(key, entry);
    }
    const qi = entry.q;
    if (qi.length === 0) return true;
    if (root.lo.num === root.hi.num && root.lo.den === root.hi.den) return signAt(qi, root.lo) === 0;
    const g = (entry.gcd ??= gcdWithPolynomial(this.w, qi, this.signal));
    return g.length > 1 && fastSignAt(g, root.lo) * fastSignAt(g, root.hi) < 0;
  }
}

/** The parametrization as a rational univariate representation over the monic W/lc: x_i = (V_i/(d_i lc))(θ) / (W'/lc)(θ). */
function asRepresentation(R: PolyRing<Rat>, p: ParametrizationData): RationalUnivariateRepresentation {
  const lc = p.w[p.w.length - 1]!;
  const polynomial = p.w.map((c) => rat(c, lc));
  const fields = {
    linearForm: p.linearForm.slice(),
    polynomial,
    numerators: p.numerators.map((v, i) => v.map((c) => rat(c, p.denominators[i]! * lc))),
    denominator: intDerivative(p.w).map((c) => rat(c, lc)),
    characteristic: polynomial,
    ring: R,
  };
  let cached: Rat[][] | undefined;
  const rur = { ...fields } as RationalUnivariateRepresentation;
  Object.defineProperty(rur, 'coordinates', { enumerable: false, get: () => (cached ??= coordinatePolynomials(rur)) });
  return rur;
}

/**
 * At each real point of the parametrization: the certain inertia of the symmetric matrix `matrix`,
 * the coordinates and the values and signs of `options.evaluate` (see the module header).
 */
export function inertiaAtParametrizedPoints(
  R: PolyRing<Rat>,
  param: ParametrizationData,
  matrix: readonly (readonly Poly<Rat>[])[],
  options: PointInertiaOptions = {},
): PointsInertiaResult {
  const size = matrix.length;
  for (const row of matrix) if (row.length !== size) throw new MathError('not-square', `the matrix must be square, got ${size}x${row.length}`);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < i; j++) {
      if (!R.equals(matrix[i]![j]!, matrix[j]![i]!)) throw new MathError('not-symmetric', `the matrix is not symmetric (entries ${i + 1},${j + 1} and ${j + 1},${i + 1} differ)`);
    }
  }
  if (param.numerators.length !== R.nvars) throw new MathError('shape', `the parametrization has ${param.numerators.length} coordinates for ${R.nvars} variables`);
  const digits = options.digits ?? 30;
  const maxBits = options.maxBits ?? 1024;
  const valued = options.evaluate ?? [];
  const extra = [...valued, ...(options.signsOf ?? [])];
  const coordinates: ParametrizedCoordinate[] = param.numerators.map((v, i) => ({ v, d: param.denominators[i]! }));
  // The first boxes are about as narrow as the decimals need (30 digits: 2^-116).
  const startBits = Math.max(START_BITS, Math.ceil(digits * Math.log2(10)) + 16);
  const initial = realParametrizedPoints(param.w, coordinates, rat(1n, 1n << BigInt(startBits)), { signal: options.signal });
  // The exact route, built on first need.
  let exactData: ExactRoute | undefined;
  const exactRoute = () => (exactData ??= new ExactRoute(R, param, matrix));
  const zeros = new ZeroTests(param.w, options.signal);
  const points = initial.map((point) => decidePoint(point, startBits, param, coordinates, matrix, extra, valued.length, digits, maxBits, exactRoute, zeros, options.signal));
  const exact = points.filter((p) => p.inertiaBy === 'exact').length;
  const tested = points.filter((p) => p.exactTests).length;
  return {
    points,
    exact,
    method:
      'interval LDLᵀ inertia of the matrix on each real point\'s box (parametrization, Descartes isolation, interval evaluation)' +
      (exact > 0 ? `; ${exact} point(s) undecided at 2^-${maxBits} decided exactly in Q[T]/(W) (Berkowitz, exact signs)` : '') +
      (tested > 0 ? `; zeros of coordinates or values recognised exactly (gcd with W) at ${tested} point(s)` : ''),
  };
}

function decidePoint(
  start: RealParametrizedPoint,
  startBits: number,
  param: ParametrizationData,
  coordinates: readonly ParametrizedCoordinate[],
  matrix: readonly (readonly Poly<Rat>[])[],
  extra: readonly Poly<Rat>[],
  valued: number,
  digits: number,
  maxBits: number,
  exactRoute: () => ExactRoute,
  zeros: ZeroTests,
  signal: Interrupt | undefined,
): ParametrizedPointInertia {
  const size = matrix.length;
  let point = start;
  let k = startBits;
  let usedExact = false;
  const rootOf = (): RealRoot => ({ poly: param.w, lo: dyadicToRat(point.t.lo), hi: dyadicToRat(point.t.hi) });
  let inertia: Inertia | undefined = size === 0 ? { positive: 0, negative: 0, zero: 0 } : undefined;
  const coordinateText: (string | undefined)[] = coordinates.map(() => undefined);
  // Decimals for the first `valued` polynomials only ('' marks the others as not wanted).
  const valueText: (string | undefined)[] = extra.map((_, j) => (j < valued ? undefined : ''));
  const signs: (number | undefined)[] = extra.map(() => undefined);
  // Coordinates and values proved non-zero (their intervals will exclude 0 once narrow enough).
  const nonZeroCoordinate = coordinates.map(() => false);
  const nonZeroValue = extra.map(() => false);
  for (;;) {
    checkInterrupt(signal);
    // Bits of the arithmetic: the box's width plus the magnitude of its sides plus guard bits.
    let magnitude = 0;
    for (const x of point.box) magnitude = Math.max(magnitude, magnitudeBits(x));
    const ev = new BoxEvaluator(point.box, k + magnitude + 64);
    if (!inertia) {
      const M: Interval[][] = [];
      for (let i = 0; i < size; i++) {
        const row: Interval[] = [];
        for (let j = 0; j <= i; j++) row.push(ev.evaluate(matrix[i]![j]!));
        M.push(row);
      }
      const r = intervalInertia(M, { bits: ev.bits, signal });
      if (r.decided) inertia = { positive: r.positive, negative: r.negative, zero: 0 };
    }
    point.box.forEach((x, i) => {
      if (coordinateText[i] !== undefined) return;
      coordinateText[i] = intervalDecimal(x, digits);
      // A coordinate that may be 0: decided exactly once the box is narrow (V_i(θ) = 0 by a gcd with W).
      if (coordinateText[i] === undefined && k >= ZERO_TEST_BITS && !nonZeroCoordinate[i] && intervalContainsZero(x)) {
        usedExact = true;
        if (zeros.isZero(coordinates[i]!, param.numerators[i]!, rootOf())) coordinateText[i] = '0';
        else nonZeroCoordinate[i] = true;
      }
    });
    extra.forEach((h, j) => {
      if (valueText[j] !== undefined && signs[j] !== undefined) return;
      const v = ev.evaluate(h);
      valueText[j] ??= intervalDecimal(v, digits);
      const s = intervalSign(v);
      if (s === 1 || s === -1) signs[j] ??= s;
      if ((valueText[j] === undefined || signs[j] === undefined) && k >= ZERO_TEST_BITS && !nonZeroValue[j] && intervalContainsZero(v)) {
        usedExact = true;
        if (zeros.isZero(h, exactRoute().value(h), rootOf())) {
          if (j < valued) valueText[j] = '0';
          signs[j] = 0;
        } else nonZeroValue[j] = true;
      }
    });
    const done = inertia !== undefined && coordinateText.every((t) => t !== undefined) && valueText.every((t) => t !== undefined) && signs.every((s) => s !== undefined);
    if (done) {
      return {
        coordinates: coordinateText as string[],
        box: point.box,
        root: point.t,
        inertia: inertia!,
        values: (valueText as string[]).slice(0, valued),
        signs: signs as number[],
        inertiaBy: 'interval',
        exactTests: usedExact,
        bits: k,
      };
    }
    // An exact root θ = lo = hi: the box narrows with the precision only; the exact route is cheap there.
    if (k >= maxBits || (point.t.signLo === 0 && k >= startBits * 4)) break;
    k = Math.min(2 * k, maxBits);
    point = narrowPoint(point, param.w, coordinates, -k, { signal });
  }
  // The exact route for what the intervals left undecided.
  const exact = exactRoute();
  let root = rootOf();
  const inertiaBy = inertia ? 'interval' : 'exact';
  if (!inertia) inertia = exact.inertia(root);
  coordinates.forEach((_, i) => {
    if (coordinateText[i] !== undefined) return;
    const out = rationalFunctionToDecimal(root, param.numerators[i]!, exact.coordinateDenominator(i), digits);
    coordinateText[i] = out.text;
    root = out.root;
  });
  extra.forEach((h, j) => {
    if (signs[j] === undefined) {
      const s = signsAtRoot(root, [exact.value(h)]);
      signs[j] = s.signs[0]!;
      root = s.root;
    }
    if (valueText[j] === undefined) {
      const out = rationalFunctionToDecimal(root, exact.value(h), exact.denominatorPower(h), digits);
      valueText[j] = out.text;
      root = out.root;
    }
  });
  return {
    coordinates: coordinateText as string[],
    box: point.box,
    root: point.t,
    inertia,
    values: (valueText as string[]).slice(0, valued),
    signs: signs as number[],
    inertiaBy,
    exactTests: true,
    bits: k,
  };
}

/** log2 of the largest |x| in the interval, rounded up (0 for numbers below 1). */
function magnitudeBits(a: Interval): number {
  const m = (d: { m: bigint; e: number }) => (d.m === 0n ? 0 : bitLength(d.m) + d.e);
  return Math.max(0, m(a.lo), m(a.hi));
}

/** Exact values in Q[T]/(W) with the denominator W'(θ)^{2K} (the module header, step 3). */
class ExactRoute {
  private readonly rur: RationalUnivariateRepresentation;
  private entries: Rat[][][] | undefined;
  private readonly values = new Map<Poly<Rat>, Rat[]>();
  private readonly powers = new Map<number, Rat[]>();

  constructor(
    private readonly R: PolyRing<Rat>,
    private readonly param: ParametrizationData,
    private readonly matrix: readonly (readonly Poly<Rat>[])[],
  ) {
    this.rur = asRepresentation(R, param);
  }

  /** The exact inertia of the matrix at θ (of a positive multiple of it: the same inertia). */
  inertia(root: RealRoot): Inertia {
    if (!this.entries) {
      let degree = 0;
      for (const row of this.matrix) for (const e of row) degree = Math.max(degree, this.R.degree(e));
      const even = degree + (degree % 2);
      const entries: Rat[][][] = [];
      for (let i = 0; i < this.matrix.length; i++) {
        const row: Rat[][] = [];
        for (let j = 0; j < this.matrix.length; j++) row.push(j < i ? entries[j]![i]! : valueAtRepresentation(this.rur, this.matrix[i]![j]!, even));
        entries.push(row);
      }
      this.entries = entries;
    }
    return signatureAlgebraic(this.entries, root);
  }

  /** d_i W' (the denominator of x_i). */
  coordinateDenominator(i: number): bigint[] {
    return intDerivative(this.param.w).map((c) => c * this.param.denominators[i]!);
  }

  private evenDegree(h: Poly<Rat>): number {
    const d = Math.max(0, this.R.degree(h));
    return d + (d % 2);
  }

  /** P with h(x(θ)) = P(θ) / f'(θ)^{2K} (f = W / lc), 2K = deg h rounded up to even. */
  value(h: Poly<Rat>): Rat[] {
    let v = this.values.get(h);
    if (!v) {
      v = valueAtRepresentation(this.rur, h, this.evenDegree(h));
      this.values.set(h, v);
    }
    return v;
  }

  /** f'^{2K} modulo f: the denominator of `value(h)`. */
  denominatorPower(h: Poly<Rat>): Rat[] {
    const d = this.evenDegree(h);
    let p = this.powers.get(d);
    if (!p) {
      p = d === 0 ? [QQ.one] : valueAtRepresentation(this.rur, this.R.one(), d);
      this.powers.set(d, p);
    }
    return p;
  }
}
