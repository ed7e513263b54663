// Stationary points of polynomial losses: counts, loss values and certified Morse indices; and the
// pure / spurious classification of the critical points of an unregularized linear network.
//
// stationaryPoints(R, L):
// 1. The gradient ideal I = (∂L/∂θ_1, ..., ∂L/∂θ_N) and its modular rational parametrization
//    (../math/zerodim/parametrize.ts, msolve's design: F4 and sparse FGLM modulo primes, lifted once):
//    W(T) and θ_i = V_i(T) / (d_i W'(T)), deg W = the number of complex stationary points. It exists
//    when I is zero-dimensional and radical. Positive dimension: the stationary points form a
//    positive-dimensional set (typical without regularization, from the symmetries of the
//    parametrization), reported with its dimension (PositiveDimensionalError), never counted; no
//    solutions: none.
// 2. At each real root of W: the Hessian of L evaluated in interval arithmetic on the point's box and
//    its inertia decided by interval LDLᵀ, the box narrowed until it is certain, the loss value a
//    decimal read off its interval (../math/realroots/point-inertia.ts); only what stays undecided
//    goes to the exact algebraic route in Q[T]/(W). The Morse index is the number of negative
//    eigenvalues. Nothing is decided in floating point. A radical gradient ideal has only simple
//    stationary points, where the Hessian (the Jacobian of the gradient) is invertible, so the
//    intervals decide every point.
// 3. A non-radical gradient ideal is exactly the case of a degenerate stationary point (a singular
//    Hessian at a multiple solution): then the exact route of ../math/real-inertia.ts runs (a rational
//    univariate representation of the radical, the characteristic polynomial of the Hessian over
//    Q[T]/(f), exact signs), which reports the degenerate points as such.
// When L has sign symmetries (every deep linear network with L2) steps 1-2 run on the orbits of the
// sign group instead (./sign-symmetry.ts: one parametrization of degree = the number of orbits), and the
// points are points of orbits (../math/realroots/orbit-point.ts); `signSymmetry: false` or `certify`
// keeps the whole gradient ideal.
// 4. The Bézout bound Π deg(∂L/∂θ_i) (for a deep linear network with H hidden layers and generalized
//    L2: (2H + 1)^N, Mehta, Chen, Tang, Hauenstein, arXiv:1810.07716).
//
// linearNetworkPurity(N, X, Y): Trager, Kohn, Bruna (ICLR 2020) call a critical θ of L = ℓ∘μ pure when
// W = μ(θ) is a critical point of ℓ on the function space M_r (matrices of rank ≤ r), spurious
// otherwise. Criticality on M_r: at a point of rank r (a smooth point) ∇ℓ(W) must be normal to
// T_W M_r, i.e. W^T ∇ℓ(W) = 0 and ∇ℓ(W) W^T = 0; at a point of rank < r (a singular point, where the
// Zariski tangent space of M_r is the whole space) ∇ℓ(W) = 0. The class of θ depends only on W, and
// although the critical set of L is positive-dimensional, its image under μ is finite for generic
// data: it is computed by elimination, K = (∇_θ L, c - μ(θ)) ∩ QQ[c], and every image point is
// classified, by counting solutions of K plus the defining conditions (complex and real counts), and
// per real point by exact signs.
import { MathError } from '../math/errors.js';
import { isRationalField } from '../math/domain.js';
import { QQ, type Rat, compareRat } from '../math/field.js';
import * as ideals from '../math/ideal.js';
import { hessian, minors } from '../math/linalg/polymatrix.js';
import { type Poly, PolyRing } from '../math/poly.js';
import type { ComputeOptions } from '../math/progress.js';
import type { Provenance } from '../math/provenance.js';
import { inertiaAtRealSolutions } from '../math/real-inertia.js';
import { type OrbitRealPoint, type RealAlgebraicPoint, inertiaAtParametrizedPoints, isolateSquareFree, parametrizationPoints } from '../math/realroots/index.js';
import { decimalToRational, solve } from '../math/solve.js';
import { type Parametrization, parametrize } from '../math/zerodim/index.js';
import type { InvariantParametrization } from '../math/zerodim/invariant.js';
import type { PrimeRunner } from '../math/zerodim/prime-runner.js';
import { countSolutions } from '../geometry/count.js';
import { type Network, ambientDimension } from './architectures.js';
import { functionSpaceLoss, squaredLoss } from './losses.js';
import { analyzeBySignSymmetry, orbitPoints, signSymmetryPlan, signSymmetryProvenance } from './sign-symmetry.js';

/** The stationary points form a positive-dimensional set: reported with its dimension, not counted. */
export class PositiveDimensionalError extends MathError {
  constructor(readonly dimension: number, message: string) {
    super('positive-dimensional', message);
  }
}

export interface StationaryOptions extends ComputeOptions {
  /** Seed of the separating linear form (the result does not depend on it). */
  readonly seed?: number;
  /** Significant digits of the decimals (default 30). */
  readonly digits?: number;
  /** Check the parametrization exactly over QQ (the indices are then certified). */
  readonly certify?: boolean;
  /** The parametrization of the gradient ideal, when the caller has it already (stationaryRealCount). */
  readonly parametrization?: Parametrization;
  /**
   * Use the sign symmetries of L when it has some (default true): the orbits' route of ./sign-symmetry.ts;
   * false: the whole gradient ideal (the second route in tests).
   */
  readonly signSymmetry?: boolean;
  /** The orbits' parametrization (./sign-symmetry.ts plan's invariants), when the caller has it already. */
  readonly orbits?: InvariantParametrization;
  /** Where the primes of the parametrizations are computed (default: the default prime runner). */
  readonly runner?: PrimeRunner;
}

export interface Inertia {
  readonly positive: number;
  readonly negative: number;
  readonly zero: number;
}

export interface RealStationaryPoint {
  /** Coordinates in the ring's variable order, decimals. */
  readonly coordinates: string[];
  /**
   * The point as a value: exactly (a root of W and the parametrization) on the whole ideal's
   * parametrization route; on the orbits' route a point of its orbit (../math/realroots/orbit-point.ts:
   * invariants exact in Q(θ), other numbers certified enclosures with exact signs where the group
   * decides them); absent on the exact fallback route of a non-radical gradient ideal.
   */
  readonly point?: RealAlgebraicPoint | OrbitRealPoint;
  /** The loss value, a decimal. */
  readonly value: string;
  /** The exact inertia of the Hessian there. */
  readonly inertia: Inertia;
  /** The Morse index: the number of negative eigenvalues of the Hessian. */
  readonly index: number;
  /** A zero eigenvalue: not a Morse critical point (the index is then a lower bound of the local picture). */
  readonly degenerate: boolean;
}

export interface StationaryResult {
  /** 0 (the zero-dimensional case) or -1 (no stationary points at all). */
  readonly dimension: number;
  /** Distinct complex stationary points. */
  readonly complex: number;
  /** Distinct real stationary points. */
  readonly real: number;
  /** Real non-degenerate local minima (Hessian positive definite). */
  readonly minima: number;
  /** indices[k]: the real stationary points with exactly k negative Hessian eigenvalues. */
  readonly indices: number[];
  /** Real stationary points with a singular Hessian. */
  readonly degenerate: number;
  /** The Bézout bound Π deg ∂L/∂θ_i. */
  readonly bezout: bigint;
  /** The real points sorted by loss value (then coordinates). */
  readonly points: RealStationaryPoint[];
  readonly method: string;
  /** How the indices were obtained: the route, its primes, certified or probabilistic, the seed. */
  readonly provenance: Provenance;
}

/** The gradient (∂L/∂θ_i) over all variables. */
export function gradient(R: PolyRing<Rat>, L: Poly<Rat>): Poly<Rat>[] {
  return R.vars.map((_, i) => R.diff(L, i));
}

export function bezoutBound(R: PolyRing<Rat>, gens: readonly Poly<Rat>[]): bigint {
  let b = 1n;
  for (const g of gens) b *= BigInt(Math.max(0, R.degree(g)));
  return b;
}

/** The dimension of the set of stationary points of L (-1 when there are none). */
export function stationaryDimension(R: PolyRing<Rat>, L: Poly<Rat>, options: ComputeOptions = {}): number {
  const gens = gradient(R, L).filter((g) => !R.isZero(g));
  if (gens.length === 0) return R.nvars;
  return ideals.dimension(R, gens, options);
}

export interface StationaryRealCount {
  /** Distinct complex and real stationary points, exactly. */
  readonly complex: number;
  readonly real: number;
  readonly method: string;
  /** The parametrization it counted on (reusable by stationaryPoints), when it applied. */
  readonly parametrization?: Parametrization;
}

/** Codes of parametrize's failures after which the exact route of real-inertia.ts runs instead. */
const FALLBACK_CODES = new Set(['not-radical', 'no-separating-form', 'modular-failed']);

/** Failures of the sign-symmetry route after which the whole gradient ideal is parametrized instead. */
const SYMMETRY_FALLBACK_CODES = new Set(['not-radical', 'unsupported-orbit', 'no-separating-form', 'modular-failed', 'not-zero-dimensional', 'no-solutions']);

type GradientParametrization =
  | { readonly kind: 'parametrization'; readonly param: Parametrization }
  | { readonly kind: 'none' }
  | { readonly kind: 'fallback'; readonly reason: string };

/** The parametrization of the gradient ideal, or why there is none (positive dimension is an error). */
function parametrizeGradient(R: PolyRing<Rat>, gens: readonly Poly<Rat>[], options: StationaryOptions): GradientParametrization {
  if (options.parametrization) return { kind: 'parametrization', param: options.parametrization };
  if (gens.length === 0) throw new PositiveDimensionalError(R.nvars, `the loss is constant: every point is stationary (dimension ${R.nvars})`);
  const compute = { signal: options.signal, onProgress: options.onProgress };
  try {
    return { kind: 'parametrization', param: parametrize(R, gens, { ...compute, seed: options.seed ?? 0, certify: options.certify ?? false, ...(options.runner ? { runner: options.runner } : {}) }) };
  } catch (e) {
    if (!(e instanceof MathError)) throw e;
    if (e.code === 'no-solutions') return { kind: 'none' };
    if (e.code === 'not-zero-dimensional') {
      const d = ideals.dimension(R, gens, compute);
      if (d > 0) {
        throw new PositiveDimensionalError(
          d,
          `the stationary points form a positive-dimensional set (dimension ${d}), so they are not counted; ` +
            'regularize the loss (e.g. reg = "random", a generalized L2) to make them isolated; for an unregularized linear network, ' +
            'purity(N, X = ..., Y = ...) classifies the critical points by their finitely many images',
        );
      }
      if (d < 0) return { kind: 'none' };
      return { kind: 'fallback', reason: `the parametrization found positive dimension at its learning prime, the exact dimension is ${d}` };
    }
    if (FALLBACK_CODES.has(e.code)) return { kind: 'fallback', reason: `${e.code}: ${e.message}` };
    throw e;
  }
}

/**
 * The numbers of distinct complex and real stationary points without the Morse indices: the degree of
 * W and the number of its real roots (Descartes isolation), no Hessian; solve.ts (whose fallback is the
 * trace route) when the parametrization does not apply. The language's `stationary(L).real` reads this
 * when the indices have not been asked for.
 */
export function stationaryRealCount(R: PolyRing<Rat>, L: Poly<Rat>, options: StationaryOptions = {}): StationaryRealCount {
  if (!isRationalField(R.field)) throw new MathError('bad-field', 'stationary points need a loss with rational coefficients (a ring over QQ)');
  const gens = gradient(R, L).filter((g) => !R.isZero(g));
  options.onProgress?.({ stage: 'stationary', message: 'real count of the gradient ideal, without the Hessian' });
  let symmetryReason = '';
  const plan = options.parametrization || options.signSymmetry === false || options.certify || gens.length === 0 ? null : signSymmetryPlan(R, L);
  if (plan) {
    try {
      const a = analyzeBySignSymmetry(R, L, plan, { signal: options.signal, onProgress: options.onProgress, seed: options.seed ?? 0, indices: false, ...(options.runner ? { runner: options.runner } : {}) });
      return { complex: a.complex, real: a.real, method: `gradient ideal (zero-dimensional); ${signSymmetryProvenance(a, options.seed ?? 0, 0).note ?? ''}` };
    } catch (e) {
      if (!(e instanceof MathError && SYMMETRY_FALLBACK_CODES.has(e.code))) throw e;
      symmetryReason = `; the sign-symmetry route did not apply (${e.code}: ${e.message})`;
    }
  }
  const p = parametrizeGradient(R, gens, options);
  if (p.kind === 'none') return { complex: 0, real: 0, method: 'gradient ideal: no solutions (1 is in the ideal modulo two primes)' };
  if (p.kind === 'parametrization') {
    const real = isolateSquareFree(p.param.w, { signal: options.signal }).length;
    return { complex: p.param.w.length - 1, real, method: `gradient ideal (zero-dimensional); ${p.param.provenance.note}; real roots of W by Descartes' rule${symmetryReason}`, parametrization: p.param };
  }
  const s = solve(R, gens, { signal: options.signal, onProgress: options.onProgress, seed: options.seed ?? 0, digits: options.digits ?? 30, method: 'traces' });
  return { complex: s.complex, real: s.real ?? 0, method: `gradient ideal (zero-dimensional); ${p.reason}; ${s.method}${symmetryReason}` };
}

/** Exact order of two decimal texts (the sort of the points; display order only). */
function compareDecimals(a: string, b: string): number {
  return compareRat(decimalToRational(a), decimalToRational(b));
}

function compareCoordinates(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareDecimals(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}


/**
 * The orbits' route (./sign-symmetry.ts) when L has a sign symmetry: the result, or why it did not
 * apply (null when L has none).
 */
function bySignSymmetry(R: PolyRing<Rat>, L: Poly<Rat>, bezout: bigint, options: StationaryOptions): { readonly result: StationaryResult } | { readonly reason: string } | null {
  const plan = signSymmetryPlan(R, L);
  if (plan === null) return null;
  const seed = options.seed ?? 0;
  const start = performance.now();
  let a;
  try {
    a = analyzeBySignSymmetry(R, L, plan, {
      signal: options.signal,
      onProgress: options.onProgress,
      seed,
      digits: options.digits ?? 30,
      ...(options.orbits ? { param: options.orbits } : {}),
      ...(options.runner ? { runner: options.runner } : {}),
    });
  } catch (e) {
    if (e instanceof MathError && SYMMETRY_FALLBACK_CODES.has(e.code)) return { reason: `${e.code}: ${e.message}` };
    throw e;
  }
  const points: RealStationaryPoint[] = [];
  for (const orbit of a.points ?? []) {
    for (const { coordinates, point } of orbitPoints(plan.group, orbit)) {
      points.push({ coordinates, point, value: orbit.value, inertia: orbit.inertia, index: orbit.inertia.negative, degenerate: false });
    }
  }
  if (points.length !== a.real) throw new MathError('internal', `the real orbits give ${points.length} points, their sizes ${a.real}`);
  points.sort((x, y) => compareDecimals(x.value, y.value) || compareCoordinates(x.coordinates, y.coordinates));
  const indices = new Array<number>(R.nvars + 1).fill(0);
  for (const pt of points) indices[pt.index]!++;
  const provenance = signSymmetryProvenance(a, seed, (performance.now() - start) / 1000);
  return {
    result: {
      dimension: 0,
      complex: a.complex,
      real: a.real,
      minima: points.filter((pt) => pt.index === 0).length,
      indices,
      degenerate: 0,
      bezout,
      points,
      method: `gradient ideal (zero-dimensional); ${provenance.note}`,
      provenance,
    },
  };
}

export function stationaryPoints(R: PolyRing<Rat>, L: Poly<Rat>, options: StationaryOptions = {}): StationaryResult {
  if (!isRationalField(R.field)) throw new MathError('bad-field', 'stationary points need a loss with rational coefficients (a ring over QQ)');
  const start = performance.now();
  const grad = gradient(R, L);
  const bezout = bezoutBound(R, grad);
  const gens = grad.filter((g) => !R.isZero(g));
  const compute = { signal: options.signal, onProgress: options.onProgress };
  const n = R.nvars;
  const seed = options.seed ?? 0;
  const digits = options.digits ?? 30;
  const seconds = () => (performance.now() - start) / 1000;
  const symmetric = options.parametrization || options.signSymmetry === false || options.certify || gens.length === 0 ? null : bySignSymmetry(R, L, bezout, options);
  if (symmetric && 'result' in symmetric) return { ...symmetric.result, provenance: { ...symmetric.result.provenance, seconds: seconds() } };
  const p = parametrizeGradient(R, gens, options);
  if (p.kind === 'none') {
    const method = 'gradient ideal is the unit ideal';
    return {
      dimension: -1, complex: 0, real: 0, minima: 0, indices: new Array<number>(n + 1).fill(0), degenerate: 0, bezout, points: [], method,
      provenance: { algorithm: 'parametrization', field: 'QQ', certified: false, seed, seconds: seconds(), note: `${method} (1 is in the ideal modulo two primes; probabilistic)` },
    };
  }
  options.onProgress?.({ stage: 'stationary', message: `zero-dimensional gradient ideal in ${n} variables (Bézout bound ${bezout}): Morse indices at the real points` });
  const H = hessian(R, L);
  let points: RealStationaryPoint[];
  let complex: number;
  let method: string;
  let provenance: Omit<Provenance, 'seconds'>;
  if (p.kind === 'parametrization') {
    const param = p.param;
    const info = inertiaAtParametrizedPoints(R, param, H, { digits, evaluate: [L], signal: options.signal });
    complex = param.w.length - 1;
    const exactPoint = parametrizationPoints(param);
    points = info.points.map((pt) => ({
      coordinates: pt.coordinates,
      point: exactPoint(pt.root),
      value: pt.values[0]!,
      inertia: pt.inertia,
      index: pt.inertia.negative,
      degenerate: pt.inertia.zero > 0,
    }));
    method = `gradient ideal (zero-dimensional); parametrization + interval inertia: ${info.method}`;
    provenance = {
      algorithm: 'parametrization + interval inertia',
      field: 'QQ',
      order: 'grevlex',
      ...(param.provenance.primes ? { primes: param.provenance.primes } : {}),
      certified: param.provenance.certified,
      seed,
      note: `${param.provenance.note}; ${info.method}: every index is certain for this parametrization`,
    };
  } else {
    const info = inertiaAtRealSolutions(R, gens, H, { seed, digits, evaluate: [L], ...compute });
    complex = info.complex;
    points = info.points.map((pt) => ({ coordinates: pt.coordinates, value: pt.values[0]!, inertia: pt.inertia, index: pt.inertia.negative, degenerate: pt.inertia.zero > 0 }));
    method = `gradient ideal (zero-dimensional); the parametrization does not apply (${p.reason}); exact inertia: ${info.method}`;
    provenance = {
      algorithm: 'rur + exact inertia',
      field: 'QQ',
      certified: false,
      seed,
      note: `${method}; the rational univariate representation rests on a multi-modular Gröbner basis over QQ`,
    };
  }
  if (symmetric) {
    method += `; the sign-symmetry route did not apply (${symmetric.reason})`;
    provenance = { ...provenance, note: `${provenance.note}; the sign-symmetry route did not apply (${symmetric.reason})` };
  }
  points.sort((a, b) => compareDecimals(a.value, b.value) || compareCoordinates(a.coordinates, b.coordinates));
  const indices = new Array<number>(n + 1).fill(0);
  for (const pt of points) indices[pt.index]!++;
  return {
    dimension: 0,
    complex,
    real: points.length,
    minima: points.filter((pt) => pt.index === 0 && !pt.degenerate).length,
    indices,
    degenerate: points.filter((pt) => pt.degenerate).length,
    bezout,
    points,
    method,
    provenance: { ...provenance, seconds: seconds() },
  };
}

export interface ModularStationaryCount {
  /** Distinct complex stationary points over the algebraic closure of GF(p); null when not zero-dimensional. */
  readonly complex: number | null;
  /** Counted with multiplicity (the vdim). */
  readonly multiplicity: number | null;
  readonly bezout: bigint;
  readonly method: string;
}

/**
 * The number of complex stationary points counted modulo a prime p (F4 over GF(p), then Seidenberg's
 * lemma for the distinct solutions): equal to the count over QQ except for finitely many primes (those
 * dividing a denominator, a leading coefficient or a discriminant met on the way), much faster than
 * the exact route; no real points or indices.
 */
export function stationaryCountModular(R: PolyRing<Rat>, L: Poly<Rat>, prime: number, options: ComputeOptions = {}): ModularStationaryCount {
  const grad = gradient(R, L);
  const gens = grad.filter((g) => !R.isZero(g));
  const count = countSolutions(R, gens, { prime, signal: options.signal, onProgress: options.onProgress });
  return {
    complex: count.distinct,
    multiplicity: count.multiplicity,
    bezout: bezoutBound(R, grad),
    method: `gradient ideal over ${count.field} (${count.algorithm}); equal to the count over QQ except for finitely many primes`,
  };
}

// ---------------------------------------------------------------------------------------------
// Pure and spurious critical points of unregularized linear networks.

export interface ImagePoint {
  /** The entries of W = μ(θ), row-major, decimals. */
  readonly matrix: string[];
  readonly rank: number;
  readonly pure: boolean;
  /** The data loss ℓ(W) (a decimal). */
  readonly value: string;
}

export interface PurityResult {
  /** Dimension of the critical set of L in parameter space. */
  readonly dimension: number;
  /** r = min of the widths: the function space is the matrices of rank ≤ r. */
  readonly rank: number;
  /** Distinct complex images μ(θ) of critical points, and how many of them are pure. */
  readonly complex: number;
  readonly pure: number;
  readonly spurious: number;
  /** The same for the real image points. */
  readonly real: number;
  readonly realPure: number;
  readonly realSpurious: number;
  readonly points: ImagePoint[];
  readonly method: string;
}

/** Ideal of the function space coordinates c (row-major W) inside QQ[θ, c], by elimination of θ. */
function criticalImages(N: Network, L: Poly<Rat>, C: PolyRing<Rat>, options: ComputeOptions): Poly<Rat>[] {
  const R = N.ring;
  const p = R.nvars;
  const S = new PolyRing(QQ, [...R.vars, ...C.vars]);
  const lift = (f: Poly<Rat>) => R.compose(f, S, R.vars.map((_, i) => S.variable(i)), (c) => c);
  const gens = [
    ...gradient(R, L).filter((g) => !R.isZero(g)).map(lift),
    ...N.fmap.flat().map((f, k) => S.sub(S.variable(p + k), lift(f))),
  ];
  const eliminated = ideals.eliminate(S, gens, Array.from({ length: p }, (_, i) => i), options);
  return eliminated.map((f: Poly<Rat>) => C.fromTerms(f.mons.map((m, k) => [m.slice(p) as Int32Array, f.coeffs[k]!] as const)));
}

export function linearNetworkPurity(N: Network, X: readonly (readonly Rat[])[], Y: readonly (readonly Rat[])[], options: StationaryOptions = {}): PurityResult {
  const a = N.architecture;
  if (a.kind !== 'linear') throw new MathError('domain', 'the pure/spurious classification is for linear networks');
  const compute = { signal: options.signal, onProgress: options.onProgress };
  const d0 = a.widths[0]!, dL = a.widths[a.widths.length - 1]!;
  const r = Math.min(...a.widths);
  const L = squaredLoss(N, X, Y);
  const dimension = stationaryDimension(N.ring, L, compute);
  const names: string[] = [];
  for (let i = 1; i <= dL; i++) for (let j = 1; j <= d0; j++) names.push(`m[${i},${j}]`);
  const C = new PolyRing(QQ, names);
  void ambientDimension;
  const K = criticalImages(N, L, C, compute);
  if (ideals.dimension(C, K, compute) > 0) throw new MathError('not-zero-dimensional', 'the images of the critical points are not finitely many (the data are not generic enough)');
  const W = Array.from({ length: dL }, (_, i) => Array.from({ length: d0 }, (_, j) => C.variable(i * d0 + j)));
  const ell = functionSpaceLoss(N, C, X, Y);
  const G = Array.from({ length: dL }, (_, i) => Array.from({ length: d0 }, (_, j) => C.diff(ell, i * d0 + j)));
  // W^T G (d0 × d0) and G W^T (dL × dL).
  const WtG = Array.from({ length: d0 }, (_, i) => Array.from({ length: d0 }, (_, j) => sumProducts(C, dL, (k) => [W[k]![i]!, G[k]![j]!])));
  const GWt = Array.from({ length: dL }, (_, i) => Array.from({ length: dL }, (_, j) => sumProducts(C, d0, (k) => [G[i]![k]!, W[j]![k]!])));
  const gradientEntries = G.flat().filter((g) => !C.isZero(g));
  const normalEntries = [...WtG.flat(), ...GWt.flat()].filter((g) => !C.isZero(g));
  const lowRank = minors(C, W, r).filter((g) => !C.isZero(g));
  const seed = options.seed ?? 0;
  const count = (extra: readonly Poly<Rat>[]) => {
    const s = solve(C, [...K, ...extra], { ...compute, seed, digits: 5 });
    return { complex: s.complex, real: s.real ?? 0 };
  };
  const total = count([]);
  const normal = count(normalEntries);
  const lowNormal = count([...lowRank, ...normalEntries]);
  const lowCritical = count([...lowRank, ...gradientEntries]);
  const pure = normal.complex - lowNormal.complex + lowCritical.complex;
  const realPure = normal.real - lowNormal.real + lowCritical.real;
  // Per real image point: exact signs of all minors (rank), of ∇ℓ and of the normal conditions.
  const allMinors: Poly<Rat>[][] = [];
  for (let k = 1; k <= Math.min(d0, dL); k++) allMinors.push(minors(C, W, k));
  const evaluate = [ell, ...allMinors.flat(), ...gradientEntries, ...normalEntries];
  const Hs = hessian(C, ell);
  const info = inertiaAtRealSolutions(C, K, Hs, { seed, digits: options.digits ?? 30, evaluate, ...compute });
  const points: ImagePoint[] = info.points.map((pt) => {
    let offset = 1;
    let rank = 0;
    allMinors.forEach((ms, k) => {
      if (ms.some((_, t) => pt.signs[offset + t] !== 0)) rank = k + 1;
      offset += ms.length;
    });
    const gradZero = gradientEntries.every((_, t) => pt.signs[offset + t] === 0);
    offset += gradientEntries.length;
    const normalZero = normalEntries.every((_, t) => pt.signs[offset + t] === 0);
    const isPure = rank === r ? normalZero : gradZero;
    return { matrix: pt.coordinates, rank, pure: isPure, value: pt.values[0]! };
  });
  points.sort((x, y) => compareDecimals(x.value, y.value) || compareCoordinates(x.matrix, y.matrix));
  if (points.filter((pt) => pt.pure).length !== realPure || info.real !== total.real) {
    throw new MathError('internal', 'the counts and the per-point classification of the real image points disagree');
  }
  return {
    dimension,
    rank: r,
    complex: total.complex,
    pure,
    spurious: total.complex - pure,
    real: total.real,
    realPure,
    realSpurious: total.real - realPure,
    points,
    method: 'images of the critical set by elimination; classification by solution counts of the image ideal with the criticality conditions, and per real point by exact signs',
  };
}

function sumProducts(C: PolyRing<Rat>, n: number, pair: (k: number) => [Poly<Rat>, Poly<Rat>]): Poly<Rat> {
  let s = C.zero();
  for (let k = 0; k < n; k++) {
    const [x, y] = pair(k);
    s = C.add(s, C.mul(x, y));
  }
  return s;
}
