// ED degrees: the number of complex critical points of d_u on the smooth points of X for generic u.
//
// u is drawn from the seeded generator (integers in [-1000, 1000]); the count is the number of
// distinct solutions of a zero-dimensional system (./count.ts). Over QQ it is counted modulo three
// random primes by default, the last a check prime (the modular route of ./count.ts: no Gröbner basis
// over QQ, labelled probabilistic with the primes and the error bound), exactly over QQ with
// `exact: true` (a certified basis: `certified` when its verification proves it), or over GF(p) with
// `prime`. Routes (`method`; by default chosen by the
// estimates of ./routes.ts, and the result says which one ran and why):
// - 'lagrange' (default): the Lagrange system of ./critical.ts in (x, λ, z);
// - 'minors': the critical ideal of DHOST 2016, eq. (2.1), in (x, z);
// - 'parametric': the parametric system, divided by the degree of the parametrization (counted the
//   same way, as the number of preimages of φ(t0) for a random t0);
// - 'projected' (a degenerate form): the fibre, ramification and regular critical points counted apart
//   by systems in the parameters of φ (./projected.ts); when it does not apply (a positive-dimensional
//   set, π dropping the dimension) the Lagrange route runs and the result says why.
// A count is a property of generic u; a value that changes with the seed is a bug (tests check it).
//
// Degenerate Q (Marchetti–Connelly–Breiding–Kohn, arXiv:2512.21029): when the critical set has
// positive dimension (the highly degenerate regime, where the fibre X ∩ (u + ker Q) consists of
// global minima), the isolated critical points are counted after removing the points where a random
// combination h of the entries of P(x - u) vanishes (P a basis of the row space of Q), and the
// positive-dimensional part is reported with its dimension and degree, and so are the critical
// points of the fibre (always, even when finite: those isolated points are added to the count) and,
// when the positive-dimensional part leaves the fibre, those on the ramification locus. Dimensions
// and degrees come from linear sections over GF(p) (./count.ts), never from an elimination over QQ.
import { criticalComponents, type CriticalComponent } from './critical-components.js';
import { MathError } from '../math/errors.js';
import { QQ, type Rat } from '../math/field.js';
import type { ComputeOptions } from '../math/progress.js';
import type { Random } from '../math/random.js';
import { DEFAULT_PRIME, RANDOM_BOUND, combination, randomNonZero, randomRat, type QQPoly, type QQRing } from './common.js';
import { type SetInfo, type SolutionCount, countSolutions, setInfoModulo } from './count.js';
import {
  type NormalData,
  type PointSystem,
  fibreEquations,
  fibreOfParametrization,
  lagrangeSystem,
  minorsSystem,
  normalData,
  parametricSystem,
  ramificationMinors,
  withEquations,
  withoutZerosOf,
} from './critical.js';
import { type Form, rowSpaceBasis, size } from './forms.js';
import { projectedCriticalCounts, projectedUnavailable } from './projected.js';
import { chooseRoute } from './routes.js';
import { dimension as varietyDimension, type Variety } from './variety.js';

export type EDMethod = 'lagrange' | 'minors' | 'parametric' | 'projected';

export interface EDOptions extends ComputeOptions {
  readonly random: Random;
  /** Count over GF(prime) instead of QQ. */
  readonly prime?: number;
  readonly method?: EDMethod;
  /** Over QQ: count exactly with a certified Gröbner basis instead of modulo primes. */
  readonly exact?: boolean;
  /** The data point u (default: random). */
  readonly data?: readonly Rat[];
}


export interface EDResult {
  /** The number of isolated complex critical points; null when not determined (see `positiveDimensional`). */
  readonly count: number | null;
  /** The positive-dimensional part of the critical set (in C^n), when there is one. */
  readonly positiveDimensional?: SetInfo;
  /** Then the irreducible components of the whole critical set, isolated points included (exact over QQ; computed when called). */
  readonly components?: () => CriticalComponent[];
  /** The critical points in the fibre X ∩ (u + ker Q), a degenerate Q's global minima (dimension 0: a finite set of that many points; -1: empty). */
  readonly fibre?: SetInfo;
  /** The critical points on the ramification locus off the fibre, when the positive-dimensional part lies there. */
  readonly ramification?: SetInfo;
  /** The isolated critical points off the fibre and the ramification locus, when the latter holds a positive-dimensional part. */
  readonly regular?: number;
  /** The route taken and why (the estimates of ./routes.ts). */
  readonly route: EDMethod;
  readonly reason: string;
  /** 'lagrange', 'minors' or 'parametric', with notes. */
  readonly method: string;
  readonly field: string;
  readonly certified: boolean;
  /** What is known of the chance of a wrong count (the modular route over QQ). */
  readonly errorBound?: string;
  /** The primes of the modular route over QQ. */
  readonly primes?: readonly number[];
  /** The data point used. */
  readonly data: Rat[];
}

export function randomData(n: number, random: Random): Rat[] {
  return Array.from({ length: n }, () => randomRat(random, -RANDOM_BOUND, RANDOM_BOUND));
}

function checkForm(X: Variety, Q: Form): void {
  if (size(Q) !== X.ring.nvars) {
    throw new MathError('shape', `the form is ${size(Q)}×${size(Q)} but the variety lives in C^${X.ring.nvars}`);
  }
}

/**
 * The set of solutions of the system, projected to the ambient coordinates: dimension and degree over
 * GF(prime) (default DEFAULT_PRIME) by linear sections (./count.ts; the auxiliary variables of the
 * systems of ./critical.ts are determined by the coordinates, so the projection is injective).
 */
export function projectedSetInfo(system: PointSystem, base: QQRing, random: Random, options: ComputeOptions & { readonly prime?: number } = {}): SetInfo {
  return setInfoModulo(system.ring, system.gens, base.nvars, random, { ...options, prime: options.prime ?? DEFAULT_PRIME });
}

function describe(count: SolutionCount, method: string, N: NormalData | null): { field: string; certified: boolean; method: string; errorBound?: string; primes?: readonly number[] } {
  const notes: string[] = [method];
  if (N?.randomized) notes.push('random combinations and guard (seeded)');
  notes.push(`distinct solutions over ${count.field} (${count.algorithm})`);
  return {
    field: count.field,
    certified: count.certified,
    method: notes.join('; '),
    ...(count.errorBound === undefined ? {} : { errorBound: count.errorBound }),
    ...(count.primes === undefined ? {} : { primes: count.primes }),
  };
}

/** How ./count.ts counts for these options: over GF(prime), modulo primes (QQ, default) or exactly. */
function countRoute(options: EDOptions): { prime?: number; modular?: boolean; random?: Random; certify?: boolean } {
  if (options.prime !== undefined) return { prime: options.prime };
  return options.exact ? { certify: true } : { modular: true, random: options.random };
}

/** The ED degree of X with respect to Q (the number of isolated complex critical points for generic u). */
export function edDegree(X: Variety, Q: Form, options: EDOptions): EDResult {
  checkForm(X, Q);
  const random = options.random;
  const u = options.data ? options.data.slice() : randomData(X.ring.nvars, random);
  const compute = { signal: options.signal, onProgress: options.onProgress };
  const choice = chooseRoute(X, Q, options.method, compute);
  const routed = (r: Omit<EDResult, 'route' | 'reason'>, route: EDMethod, reason: string): EDResult => ({ ...r, route, reason });
  if (choice.route === 'parametric') {
    try {
      return routed(parametricED(X, Q, u, options), 'parametric', choice.reason);
    } catch (e) {
      // Chosen by cost but positive-dimensional (a degenerate critical set): the Lagrange route analyses it.
      if (options.method !== undefined || !(e instanceof MathError) || e.code !== 'not-zero-dimensional') throw e;
      return routed(systemED(X, Q, u, 'lagrange', options), 'lagrange', `${choice.reason}; the parametric system is not zero-dimensional, so route lagrange`);
    }
  }
  if (choice.route === 'projected') {
    try {
      return routed(projectedED(X, Q, u, options), 'projected', choice.reason);
    } catch (e) {
      // Chosen by cost, but the route does not apply here: the Lagrange route analyses the critical set.
      if (options.method !== undefined || !(e instanceof MathError) || !PROJECTED_FALLBACK.has(e.code)) throw e;
      return routed(systemED(X, Q, u, 'lagrange', options), 'lagrange', `${choice.reason}; ${e.message}, so route lagrange`);
    }
  }
  return routed(systemED(X, Q, u, choice.route, options), choice.route, choice.reason);
}

/** The failures of the projected route after which the Lagrange route runs (when the route was not asked). */
const PROJECTED_FALLBACK = new Set(['not-zero-dimensional', 'projection-drops-dimension', 'not-a-multiple']);

/** The projected route (./projected.ts): the three classes counted apart in the parameters of φ. */
function projectedED(X: Variety, Q: Form, u: Rat[], options: EDOptions): Omit<EDResult, 'route' | 'reason'> {
  const phi = X.parametrization;
  const m = varietyDimension(X, options);
  const why = projectedUnavailable(phi, m, rowSpaceBasis(Q).length, X.ring.nvars);
  if (why !== null || !phi) throw new MathError('route-unavailable', `the projected route does not apply: ${why}`);
  const deg = phi.degree ?? parametrizationDegree(phi, options);
  const compute = { signal: options.signal, onProgress: options.onProgress };
  const N = normalData(X, options.random, compute);
  const res = projectedCriticalCounts(phi, N, Q, u, deg, options.random, { ...compute, ...countRoute(options) });
  const p = res.parameters;
  const info = (k: number): SetInfo => ({ dimension: k > 0 ? 0 : -1, degree: k });
  const method =
    `projected: ${res.regular} regular (${p.immersive} critical parameters of π∘φ` + (p.fibreImmersive ? ` less ${p.fibreImmersive} in the fibre` : '') + `, over deg φ = ${deg}) + ` +
    `${res.ramification} ramification (the Lagrange system on the ramification locus) + ${res.fibre} fibre`;
  return {
    count: res.regular + res.ramification + res.fibre,
    ...describe(res.count, method, N),
    fibre: info(res.fibre),
    ramification: info(res.ramification),
    regular: res.regular,
    data: u,
  };
}

/** The count through the Lagrange or minors system, with the analysis of a positive-dimensional critical set. */
function systemED(X: Variety, Q: Form, u: Rat[], method: 'lagrange' | 'minors', options: EDOptions): Omit<EDResult, 'route' | 'reason'> {
  const random = options.random;
  const compute = { signal: options.signal, onProgress: options.onProgress };
  const countOptions = { ...compute, ...countRoute(options) };
  const N = normalData(X, random, compute);
  // The empty variety (unit ideal) has no points, hence no critical points: ED degree 0, exactly.
  if (N.m < 0) return { count: 0, method: 'the variety is empty (its ideal is the unit ideal)', field: 'QQ', certified: true, data: u };
  const system = method === 'minors' ? minorsSystem(N, Q, u) : lagrangeSystem(N, Q, u);
  const counted = countSolutions(system.ring, system.gens, countOptions);
  if (counted.distinct !== null) return { count: counted.distinct, ...describe(counted, method, N), data: u };
  return positiveDimensionalED(N, Q, u, system, method, options);
}

/**
 * A positive-dimensional critical set (degenerate Q; Marchetti–Connelly–Breiding–Kohn §2): its
 * dimension and degree, those of the fibre X ∩ (u + ker Q) and of the critical points on the
 * ramification locus, all over GF(p) by linear sections (./count.ts `setInfoModulo`: no elimination);
 * the isolated critical points are counted off the fibre (and off the ramification locus when the
 * positive-dimensional part is not all in the fibre), the isolated points of the fibre and of the
 * ramification locus are counted apart and added.
 */
function positiveDimensionalED(N: NormalData, Q: Form, u: Rat[], system: PointSystem, method: string, options: EDOptions): Omit<EDResult, 'route' | 'reason'> {
  const random = options.random;
  const compute = { signal: options.signal, onProgress: options.onProgress };
  const countOptions = { ...compute, ...countRoute(options) };
  const R = N.X.ring;
  const n = R.nvars;
  const prime = options.prime ?? DEFAULT_PRIME;
  const info = (sys: PointSystem) => setInfoModulo(sys.ring, sys.gens, n, random, { ...compute, prime });
  const count = (sys: PointSystem) => countSolutions(sys.ring, sys.gens, countOptions);
  const randomCombination = (fs: readonly QQPoly[]) => combination(R, fs.map(() => QQ.fromBigInt(randomNonZero(random, RANDOM_BOUND))), fs);
  const positive = info(system);
  const components = () => criticalComponents(system, R, compute);
  const P = rowSpaceBasis(Q);
  const notes = [`${method}; the critical set is positive-dimensional: dimensions and degrees over GF(${prime}) by random linear sections`];
  if (P.length === n) {
    const c = count(system);
    return { count: null, positiveDimensional: positive, components, ...describe(c, notes.join('; '), N), data: u };
  }
  const fibre = fibreEquations(R, P, u);
  const fibreSystem = withEquations(system, R, fibre);
  const fibreInfo = info(fibreSystem);
  const hF = randomCombination(fibre);
  const offFibre = withoutZerosOf(system, R, hF);
  let rest = count(offFibre);
  let isolated = rest.distinct;
  let ramificationInfo: SetInfo | undefined;
  let regular: number | null | undefined;
  let fibrePoints = fibreInfo.dimension === 0 ? count(fibreSystem).distinct : 0;
  if (rest.distinct === null) {
    // The positive-dimensional part off the fibre lies on the ramification locus (for generic u all
    // other critical points are isolated): count the regular points off it, and its own isolated points.
    const ram = ramificationMinors(N, P);
    if (ram.length > 0) {
      const hR = randomCombination(ram);
      rest = count(withoutZerosOf(offFibre, R, hR));
      const ramSystem = withoutZerosOf(withEquations(system, R, ram), R, hF);
      ramificationInfo = info(ramSystem);
      const ramPoints = ramificationInfo.dimension === 0 ? count(ramSystem).distinct : null;
      if (ramificationInfo.dimension > 0) notes.push('isolated points on the ramification locus next to its positive-dimensional part are not separated');
      if (fibreInfo.dimension === 0) fibrePoints = count(withoutZerosOf(fibreSystem, R, hR)).distinct;
      regular = rest.distinct;
      isolated = rest.distinct === null || ramPoints === null ? null : rest.distinct + ramPoints;
    } else isolated = null;
  }
  notes.push('isolated points: off the fibre', ...(fibrePoints ? [`plus ${fibrePoints} isolated fibre point(s)`] : []));
  const total = isolated === null || fibrePoints === null ? null : isolated + fibrePoints;
  return {
    count: total,
    positiveDimensional: positive,
    components,
    fibre: fibreInfo,
    ...(ramificationInfo ? { ramification: ramificationInfo } : {}),
    ...(regular !== undefined && regular !== null ? { regular } : {}),
    ...describe(rest, notes.join('; '), N),
    data: u,
  };
}

/** The degree of a parametrization: the number of preimages of φ(t0) for a random t0 (Jac φ of full rank). */
export function parametrizationDegree(phi: { ring: QQRing; map: readonly QQPoly[] }, options: EDOptions): number {
  const t0 = Array.from({ length: phi.ring.nvars }, () => randomRat(options.random, -20, 20));
  const sys = fibreOfParametrization(phi, t0, options.random);
  const c = countSolutions(sys.ring, sys.gens, { ...countRoute(options), signal: options.signal, onProgress: options.onProgress });
  if (c.distinct === null || c.distinct === 0) throw new MathError('not-generically-finite', 'the parametrization is not generically finite (its general fibre is not a finite set)');
  return c.distinct;
}

function parametricED(X: Variety, Q: Form, u: Rat[], options: EDOptions): Omit<EDResult, 'route' | 'reason'> {
  const phi = X.parametrization;
  if (!phi) throw new MathError('no-parametrization', 'the parametric route needs a variety with a parametrization');
  const m = varietyDimension(X, options);
  if (phi.ring.nvars !== m) {
    throw new MathError('not-generically-finite', `the parametric route needs as many parameters as dim X = ${m}, got ${phi.ring.nvars}`);
  }
  const deg = phi.degree ?? parametrizationDegree(phi, options);
  const sys = parametricSystem(phi, Q, u, options.random);
  const c = countSolutions(sys.ring, sys.gens, { ...countRoute(options), signal: options.signal, onProgress: options.onProgress });
  if (c.distinct === null) throw new MathError('not-zero-dimensional', 'the parametric critical system is not zero-dimensional');
  if (c.distinct % deg !== 0) throw new MathError('internal', `the parametric count ${c.distinct} is not a multiple of the degree ${deg} of the parametrization`);
  return {
    count: c.distinct / deg,
    ...describe(c, `parametric (${c.distinct} parameter points / degree ${deg})`, null),
    data: u,
  };
}
