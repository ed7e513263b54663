// Stationary points of a loss with a diagonal sign symmetry, orbit by orbit: the route of
// `stationaryPoints` (./stationary.ts) for losses invariant under sign changes of some variables, as
// every deep linear network with an L2 regularizer is (flipping hidden unit k, its incoming row and
// outgoing column, leaves the data term and Σ λ_e w_e² unchanged).
//
// Representation and mathematics: G = (Z/2)^h, the sign changes leaving L invariant, found exactly from
// L's monomials (../math/zerodim/sign-group.ts); ∂L/∂w_e has the character χ_e, so the gradient ideal I
// is G-stable and V(I) a union of orbits. A point p with support N (the non-zero coordinates) has the
// stabilizer {g : χ_e(g) = 1 for e ∈ N}, so its orbit has 2^rank(χ_N) points.
//  - Sign monomials: square-free invariant monomials m = Π_{e ∈ m} w_e (all of degree ≤ 3, and one
//    w_f·Π_{e ∈ B_f} w_e per variable f outside a basis B of the characters, χ_f = Σ_{B_f} χ_e).
//  - The invariants parametrized (../math/zerodim/invariant.ts): s_e = w_e² for every e, and the sign
//    monomials: W(θ) of degree = the number of orbits, and each invariant = V(θ)/(d·W'(θ)).
//  - Zero patterns: s_e vanishes on an orbit exactly at the roots of gcd(W, V_e) (exact, Brown's modular
//    gcd); W is split into factors of constant support N, and the complex points number
//    Σ deg(factor)·2^rank(χ_N). They must number D, the dimension of the quotient (points with
//    multiplicity): only then is I radical (otherwise MathError 'not-radical': the caller falls back).
//  - Real orbits: θ real and s_e(θ) ≥ 0 for every e (then every w_e = ±√s_e is real: the orbit's points
//    are real; s_e(θ) < 0 makes w_e imaginary on the whole orbit). Decided by interval evaluation on
//    θ's isolating interval (non-zero s_e: the interval excludes 0 once narrow enough; zero: exact).
//  - A real point of the orbit: w_e = 0 off N, |w_e| = √s_e on N, and signs ε ∈ GF(2)^N solving
//    Σ_{e ∈ m} ε_e = [m < 0] for the sign monomials m on N (non-zero there). The solutions are one orbit
//    of sign patterns exactly when those equations have rank |N| - rank(χ_N) (else MathError
//    'unsupported-orbit': the caller falls back). Boxes: interval square roots of the boxes of s_e,
//    outward rounded.
//  - Morse index: the Hessian on the box, interval LDLᵀ (../math/interval/ldl.ts), the box narrowed
//    until certain (I radical: the Hessian is invertible at every point). H(g·p) = D_g H(p) D_g with
//    D_g = diag(±1), so the inertia and the loss value are those of the whole orbit, whose points are
//    the sign changes g·p (2^rank(χ_N) distinct ones).
//  - The points as values (../math/realroots/orbit-point.ts): one SignOrbit per real orbit (θ's root,
//    the support, the residues A_e and M_k over Δ = W'), and one OrbitRealPoint per sign pattern of the
//    orbit: invariants exact in Q(θ), coordinates with exact signs, other sums certified enclosures.
import { MathError } from '../math/errors.js';
import { bigLcm } from '../math/integers.js';
import { type Rat, rat } from '../math/field.js';
import { type Dyadic, bitLength } from '../math/interval/dyadic.js';
import { BoxEvaluator } from '../math/interval/evaluate.js';
import { type Interval, intervalNeg, intervalSign } from '../math/interval/interval.js';
import { intervalInertia } from '../math/interval/ldl.js';
import { hessian } from '../math/linalg/polymatrix.js';
import type { Poly, PolyRing } from '../math/poly.js';
import type { ComputeOptions } from '../math/progress.js';
import { checkInterrupt } from '../math/progress.js';
import type { Provenance } from '../math/provenance.js';
import { AlgebraicRoot, type IsolatedRoot, OrbitRealPoint, type ParametrizedCoordinate, type RealParametrizedPoint, SignOrbit, intervalDecimal, intervalSqrt, isolateSquareFree, narrowPoint, realParametrizedPoints, signAtDyadic } from '../math/realroots/index.js';
import { ResidueRing } from '../math/univariate/residue.js';
import { gcdWithPolynomial } from '../math/realroots/root-gcd.js';
import { intDivExact } from '../math/univariate/integer-poly.js';
import { type InvariantParametrization, parametrizeInvariants } from '../math/zerodim/invariant.js';
import type { PrimeRunner } from '../math/zerodim/prime-runner.js';
import { type SignGroup, characterRank, signGroupOf } from '../math/zerodim/sign-group.js';

/** What the route parametrizes: the group, the sign monomials and the invariants (squares, then the monomials). */
export interface SignSymmetryPlan {
  readonly group: SignGroup;
  /** Square-free invariant monomials, as their variables (increasing). */
  readonly signMonomials: readonly (readonly number[])[];
  /** s_e = w_e² for e = 0..n-1, then the sign monomials in their order, then lossScale·L. */
  readonly invariants: readonly Poly<Rat>[];
  /** The invariants in the separating T: the squares and the sign monomials (not L: W does not depend on it). */
  readonly separating: number;
  /** L's coefficients times this are integers: L(orbit) = V_L(θ) / (d_L · lossScale · W'(θ)), exact in Q(θ). */
  readonly lossScale: bigint;
}

/** Sign monomials of degree up to this are all taken (then those of a basis, for the points with no zero coordinate). */
export const SIGN_MONOMIAL_DEGREE = 3;

/**
 * The square-free invariant monomials: all of degree ≤ SIGN_MONOMIAL_DEGREE, and the m_f = w_f·Π_{B_f} w_e
 * of a basis B of the characters (greedy in the variables' order), so that a point without zero
 * coordinates always has its signs determined.
 */
function signMonomialsOf(group: SignGroup): number[][] {
  const n = group.n;
  const out: number[][] = [];
  const seen = new Set<string>();
  const add = (vars: number[]) => {
    const key = vars.join(',');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(vars);
    }
  };
  const visit = (start: number, vars: number[], character: number) => {
    if (vars.length >= 1 && character === 0) add(vars.slice());
    if (vars.length === SIGN_MONOMIAL_DEGREE) return;
    for (let e = start; e < n; e++) {
      vars.push(e);
      visit(e + 1, vars, character ^ group.characters[e]!);
      vars.pop();
    }
  };
  visit(0, [], 0);
  // A basis B with each element's combination of basis elements (bit masks over B).
  const basis: number[] = [];
  const reduced: { value: number; combo: number }[] = [];
  const reduce = (c: number) => {
    let value = c;
    let combo = 0;
    for (const r of reduced) {
      if ((value ^ r.value) < value) {
        value ^= r.value;
        combo ^= r.combo;
      }
    }
    return { value, combo };
  };
  for (let e = 0; e < n; e++) {
    const r = reduce(group.characters[e]!);
    if (r.value === 0) {
      add([...basis.filter((_, k) => (r.combo >> k) & 1), e].sort((a, b) => a - b));
      continue;
    }
    reduced.push({ value: r.value, combo: r.combo ^ (1 << basis.length) });
    reduced.sort((a, b) => b.value - a.value); // decreasing top bits (xor elimination)
    basis.push(e);
  }
  return out;
}

/** The plan for L, or null when no sign change leaves L invariant. */
export function signSymmetryPlan(R: PolyRing<Rat>, L: Poly<Rat>): SignSymmetryPlan | null {
  const n = R.nvars;
  const group = signGroupOf(L, n);
  if (group.rank === 0) return null;
  const signMonomials = signMonomialsOf(group);
  const monomial = (vars: readonly number[]) => {
    const m = new Int32Array(n);
    for (const v of vars) m[v]! += 1;
    return R.fromTerms([[m, rat(1n)]]);
  };
  const invariants = [...Array.from({ length: n }, (_, e) => monomial([e, e])), ...signMonomials.map((vars) => monomial(vars))];
  // L itself, with integer coefficients, last: its value at each orbit comes exactly from the parametrization.
  const lossScale = L.coeffs.reduce((m, c) => bigLcm(m, c.den), 1n);
  return { group, signMonomials, invariants: [...invariants, R.scale(L, rat(lossScale))], separating: invariants.length, lossScale };
}

/**
 * The signs (1 = negative) of the support's coordinates at a point of the orbit, from the signs of the
 * sign monomials on the support (`negative[k]` for monomial k): a solution of the GF(2) system
 * Σ_{e ∈ m} ε_e = negative(m), or null when those monomials do not determine the signs up to the
 * group (their rank is below |N| - rank χ_N).
 */
export function supportSigns(group: SignGroup, monomials: readonly (readonly number[])[], negative: readonly boolean[], support: readonly number[]): Map<number, boolean> | null {
  const col = new Map(support.map((e, i) => [e, i]));
  const width = support.length;
  const rows: Uint8Array[] = [];
  monomials.forEach((vars, k) => {
    if (!vars.every((e) => col.has(e))) return;
    const row = new Uint8Array(width + 1);
    for (const e of vars) row[col.get(e)!] = 1;
    row[width] = negative[k] ? 1 : 0;
    rows.push(row);
  });
  // Gaussian elimination over GF(2) on the augmented rows.
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < width && r < rows.length; c++) {
    const k = rows.findIndex((row, i) => i >= r && row[c] === 1);
    if (k < 0) continue;
    [rows[r], rows[k]] = [rows[k]!, rows[r]!];
    for (let i = 0; i < rows.length; i++) if (i !== r && rows[i]![c] === 1) for (let j = c; j <= width; j++) rows[i]![j]! ^= rows[r]![j]!;
    pivots.push(c);
    r++;
  }
  for (let i = r; i < rows.length; i++) if (rows[i]![width] === 1) throw new MathError('internal', 'inconsistent signs of invariant monomials');
  if (r !== width - characterRank(group, support)) return null;
  const signs = new Map<number, boolean>(support.map((e) => [e, false]));
  pivots.forEach((c, i) => signs.set(support[c]!, rows[i]![width] === 1));
  return signs;
}

/** A factor of W on whose roots the zero coordinates are exactly `zeros`. */
interface SupportFactor {
  readonly poly: bigint[];
  readonly zeros: readonly number[];
}

/** W split by the zero sets of the s_e (exact gcds). */
function supportFactors(param: InvariantParametrization, n: number, signal?: ComputeOptions['signal']): SupportFactor[] {
  let factors: SupportFactor[] = [{ poly: param.w.slice(), zeros: [] }];
  for (let e = 0; e < n; e++) {
    checkInterrupt(signal);
    const V = param.numerators[e]!;
    const zero = V.every((c) => c === 0n);
    const next: SupportFactor[] = [];
    for (const F of factors) {
      if (zero) {
        next.push({ poly: F.poly, zeros: [...F.zeros, e] });
        continue;
      }
      const g = F.poly.length <= 1 ? [1n] : gcdWithPolynomial(F.poly, V, signal);
      if (g.length <= 1) next.push(F);
      else if (g.length === F.poly.length) next.push({ poly: F.poly, zeros: [...F.zeros, e] });
      else {
        next.push({ poly: g, zeros: [...F.zeros, e] });
        next.push({ poly: intDivExact(F.poly, g), zeros: F.zeros });
      }
    }
    factors = next;
  }
  return factors;
}

export interface OrbitPoint {
  /** Coordinates (decimals) of one real point of the orbit. */
  readonly coordinates: string[];
  readonly value: string;
  readonly inertia: { positive: number; negative: number; zero: number };
  /** The non-zero coordinates. */
  readonly support: readonly number[];
  /** The number of points of the orbit, 2^rank(χ_support). */
  readonly size: number;
  /** The point as a value (../math/realroots/orbit-point.ts: exact in Q(θ) for invariants, certified enclosures refined on demand otherwise). */
  readonly point: OrbitRealPoint;
}

export interface SignSymmetryAnalysis {
  readonly plan: SignSymmetryPlan;
  readonly param: InvariantParametrization;
  readonly orbits: number;
  readonly complex: number;
  readonly realOrbits: number;
  readonly real: number;
  /** One entry per real orbit (undefined until the indices are asked for: `indices: false`). */
  readonly points?: OrbitPoint[];
  readonly supports: string;
}

export interface SignSymmetryOptions extends ComputeOptions {
  readonly seed?: number;
  readonly digits?: number;
  readonly runner?: PrimeRunner;
  /** Compute the points, loss values and Morse indices (default true); false: counts only. */
  readonly indices?: boolean;
  /** The orbits' parametrization, when the caller has it already (an earlier count). */
  readonly param?: InvariantParametrization;
}

/** The narrowest box the intervals try, as -log2 of its width. */
const MAX_BITS = 1 << 14;

/**
 * The stationary points of L orbit by orbit (see the module header): counts, and with `indices` one
 * real point per real orbit with its coordinates, loss value and certified inertia.
 */
export function analyzeBySignSymmetry(R: PolyRing<Rat>, L: Poly<Rat>, plan: SignSymmetryPlan, options: SignSymmetryOptions = {}): SignSymmetryAnalysis {
  const n = R.nvars;
  const group = plan.group;
  const grad = R.vars.map((_, i) => R.diff(L, i)).filter((g) => !R.isZero(g));
  const param =
    options.param ??
    parametrizeInvariants(R, grad, group, plan.invariants, { signal: options.signal, onProgress: options.onProgress, seed: options.seed ?? 0, separating: plan.separating, ...(options.runner ? { runner: options.runner } : {}) });
  options.onProgress?.({ stage: 'stationary', message: `orbits: ${param.w.length - 1}; zero patterns by exact gcds` });
  const factors = supportFactors(param, n, options.signal);
  const supportOf = (zeros: readonly number[]) => Array.from({ length: n }, (_, e) => e).filter((e) => !zeros.includes(e));
  let complex = 0;
  for (const F of factors) complex += (F.poly.length - 1) * 2 ** characterRank(group, supportOf(F.zeros));
  if (complex !== param.quotientDimension) {
    throw new MathError('not-radical', `the ${param.w.length - 1} orbits account for ${complex} points, the quotient has dimension ${param.quotientDimension}: the gradient ideal is not radical`);
  }
  const supports = factors
    .map((F) => `${F.poly.length - 1} orbit(s) of ${2 ** characterRank(group, supportOf(F.zeros))} point(s)${F.zeros.length ? ` with ${F.zeros.map((e) => R.vars[e]).join(', ')} = 0` : ''}`)
    .join('; ');
  // Real orbits.
  const coordinates: ParametrizedCoordinate[] = param.numerators.map((v, j) => ({ v, d: param.denominators[j]! }));
  const roots = isolateSquareFree(param.w, { signal: options.signal });
  const digits = options.digits ?? 30;
  const startBits = Math.max(32, Math.ceil(digits * Math.log2(10)) + 16);
  const boxes = roots.length === 0 ? [] : realParametrizedPoints(param.w, coordinates, rat(1n, 1n << BigInt(startBits)), { signal: options.signal });
  const points: OrbitPoint[] = [];
  let real = 0;
  let realOrbits = 0;
  const H = options.indices === false ? null : hessian(R, L);
  // The points as values: one SignOrbit per real orbit, on its root θ of W (Q[T]/(W) shared).
  const K = new ResidueRing(param.w);
  const delta = K.make(param.w.slice(1).map((c, k) => c * BigInt(k + 1)));
  const residue = (j: number) => K.make(param.numerators[j]!, param.denominators[j]!);
  const orbitOf = (t: IsolatedRoot, support: readonly number[], signs: ReadonlyMap<number, boolean>) => {
    const inSupport = new Set(support);
    const orbit = new SignOrbit({
      root: new AlgebraicRoot(param.w, t, K, true),
      n,
      characters: group.characters,
      support,
      delta,
      squares: new Map(support.map((e) => [e, residue(e)])),
      monomials: plan.signMonomials.flatMap((vars, k) => (vars.every((e) => inSupport.has(e)) ? [{ vars, numerator: residue(n + k) }] : [])),
      known: [{ poly: L, numerator: K.scale(residue(plan.separating), rat(1n, plan.lossScale)) }],
    });
    return new OrbitRealPoint(orbit, signs);
  };
  if (H) options.onProgress?.({ stage: 'stationary', message: `Morse indices at one point of each real orbit (${roots.length} real roots of W)` });
  for (const start of boxes) {
    checkInterrupt(options.signal);
    const factor = factors.find((F) => containsRoot(F.poly, start));
    if (!factor) throw new MathError('internal', 'a real root of W in no support factor');
    const support = supportOf(factor.zeros);
    const orbit = realOrbitPoint(R, L, H, plan, start, support, param.w, coordinates, startBits, digits, orbitOf, options);
    if (orbit === null) continue;
    realOrbits++;
    real += orbit.size;
    points.push(orbit);
  }
  return { plan, param, orbits: param.w.length - 1, complex, realOrbits, real, ...(H ? { points } : {}), supports };
}

/** Whether the root isolated in `point.t` is a root of F (F divides the square-free W). */
function containsRoot(F: readonly bigint[], point: RealParametrizedPoint): boolean {
  if (F.length <= 1) return false;
  const { lo, hi } = point.t;
  if (lo.m === hi.m && lo.e === hi.e) return signAtDyadic(F, lo) === 0;
  return signAtDyadic(F, lo) * signAtDyadic(F, hi) < 0;
}

/**
 * The orbit of the real root of `start`: null when it has no real point (some s_e < 0); otherwise one
 * of its points, narrowed until the signs, the decimals and (with H) the inertia are certain.
 */
function realOrbitPoint(
  R: PolyRing<Rat>,
  L: Poly<Rat>,
  H: Poly<Rat>[][] | null,
  plan: SignSymmetryPlan,
  start: RealParametrizedPoint,
  support: readonly number[],
  w: readonly bigint[],
  coordinates: readonly ParametrizedCoordinate[],
  startBits: number,
  digits: number,
  orbitOf: (t: IsolatedRoot, support: readonly number[], signs: ReadonlyMap<number, boolean>) => OrbitRealPoint,
  options: SignSymmetryOptions,
): OrbitPoint | null {
  const n = R.nvars;
  const inSupport = new Set(support);
  // The sign monomials on the support (non-zero at this orbit).
  const onSupport = plan.signMonomials.flatMap((vars, k) => (vars.every((e) => inSupport.has(e)) ? [k] : []));
  let point = start;
  let bits = startBits;
  for (;;) {
    checkInterrupt(options.signal);
    // Signs of s_e on the support (each non-zero) and of the sign monomials there.
    const sq = support.map((e) => intervalSign(point.box[e]!));
    if (sq.some((s) => s === -1)) return null;
    const monomialSigns = onSupport.map((k) => intervalSign(point.box[n + k]!));
    if (sq.every((s) => s === 1) && monomialSigns.every((s) => s === 1 || s === -1)) {
      const negative = plan.signMonomials.map(() => false);
      onSupport.forEach((k, i) => (negative[k] = monomialSigns[i] === -1));
      const signs = supportSigns(plan.group, plan.signMonomials, negative, support);
      if (signs === null) {
        throw new MathError('unsupported-orbit', `a real orbit with ${R.vars.filter((_, e) => !inSupport.has(e)).join(', ')} = 0: the signs of its other coordinates are not read off the invariant monomials chosen`);
      }
      const work = bits + 64 + Math.max(0, ...point.box.map((x) => magnitude(x)));
      const box: Interval[] = Array.from({ length: n }, () => ({ lo: { m: 0n, e: 0 }, hi: { m: 0n, e: 0 } }));
      for (const e of support) {
        const r = intervalSqrt(point.box[e]!, work);
        box[e] = signs.get(e) ? intervalNeg(r) : r;
      }
      const ev = new BoxEvaluator(box, work);
      const texts = box.map((x, e) => (inSupport.has(e) ? intervalDecimal(x, digits) : '0'));
      const value = intervalDecimal(ev.evaluate(L), digits);
      let inertia: { positive: number; negative: number; zero: number } | null = { positive: 0, negative: 0, zero: 0 };
      if (H) {
        const M = H.map((row, i) => row.slice(0, i + 1).map((h) => ev.evaluate(h)));
        const r = intervalInertia(M, { bits: work, signal: options.signal });
        inertia = r.decided ? { positive: r.positive, negative: r.negative, zero: 0 } : null;
      }
      if (inertia && value !== undefined && texts.every((t) => t !== undefined)) {
        return { coordinates: texts as string[], value, inertia, support, size: 2 ** characterRank(plan.group, support), point: orbitOf(point.t, support, signs) };
      }
    }
    if (bits >= MAX_BITS) throw new MathError('internal', `a real orbit undecided with boxes of width 2^-${MAX_BITS}`);
    bits = Math.min(MAX_BITS, 2 * bits);
    point = narrowPoint(point, w, coordinates, -bits, { signal: options.signal });
  }
}

function magnitude(x: Interval): number {
  const size = (d: Dyadic) => (d.m === 0n ? 0 : bitLength(d.m < 0n ? -d.m : d.m) + d.e);
  return Math.max(0, size(x.lo), size(x.hi));
}

/** The points of the orbit of `p` (decimals and values): its sign changes by the group, each once. */
export function orbitPoints(group: SignGroup, p: OrbitPoint): { coordinates: string[]; point: OrbitRealPoint }[] {
  const seen = new Map<string, { coordinates: string[]; point: OrbitRealPoint }>();
  for (let g = 0; g < 2 ** group.rank; g++) {
    const flips = (e: number) => popcountOdd(group.characters[e]! & g);
    const key = p.support.map((e) => (flips(e) ? '1' : '0')).join('');
    if (seen.has(key)) continue;
    const coordinates = p.coordinates.map((c, e) => (flips(e) ? negateDecimal(c) : c));
    const negative = new Map(p.support.map((e) => [e, p.point.negative.get(e) !== flips(e)]));
    seen.set(key, { coordinates, point: key === p.support.map(() => '0').join('') ? p.point : new OrbitRealPoint(p.point.orbit, negative) });
  }
  return [...seen.values()];
}

function popcountOdd(x: number): boolean {
  let odd = false;
  for (let y = x; y !== 0; y &= y - 1) odd = !odd;
  return odd;
}

function negateDecimal(s: string): string {
  if (/^-?0(\.0*)?$/.test(s)) return s.replace(/^-/, '');
  return s.startsWith('-') ? s.slice(1) : `-${s}`;
}

/** The provenance of the route. */
export function signSymmetryProvenance(a: SignSymmetryAnalysis, seed: number, seconds: number): Provenance {
  return {
    algorithm: `sparse FGLM on the invariant ring, sign group of order ${2 ** a.plan.group.rank} + interval inertia`,
    field: 'QQ',
    order: 'grevlex',
    ...(a.param.provenance.primes ? { primes: a.param.provenance.primes } : {}),
    certified: false,
    seed,
    seconds,
    note:
      `${a.param.provenance.note}; ${a.orbits} orbits (${a.supports}), ${a.complex} complex points = the dimension of the quotient, so the gradient ideal is radical; ` +
      `${a.realOrbits} real orbits (θ real, every w_e² ≥ 0), ${a.real} real points` +
      (a.points
        ? '; one point per real orbit (w_e = ±√(w_e²), signs from invariant monomials), the Hessian on its box by interval LDLᵀ (the same inertia on the whole orbit); ' +
          'the points as values: invariants (the loss, w_e², path products) exact in Q(θ), a coordinate c(θ)·Π√(w_e²) with an exact sign, other sums by certified enclosures (orbit-point.ts)'
        : ''),
  };
}
