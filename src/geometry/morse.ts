// Real critical points and their Morse indices, decided exactly; the fibre / ramification / regular
// split of the complex critical points (Marchetti–Connelly–Breiding–Kohn, arXiv:2512.21029, §2).
//
// The Lagrange system of ./critical.ts (x, λ, z) is zero-dimensional for generic data; at each of its
// real points the bordered Hessian B = [[Q - Σ λ_k Hess g̃_k, J^T], [J, 0]] (J of rank c there) has
// n-(B) = index + c and n0(B) = the nullity of the Hessian of the Lagrangian restricted to T_x X, so
// the Morse index is n-(B) - c (the bordered-Hessian test; Haynsworth inertia additivity). Its inertia
// is decided on the modular rational parametrization of the Lagrange system (../math/zerodim/: W(T),
// coordinates V_i(T)/(d_i W'(T)), lifted from primes) by interval LDLᵀ on each real point's box,
// narrowed until certain (../math/realroots/point-inertia.ts); a simple solution of the Lagrange
// system has an invertible bordered Hessian (its Jacobian), so the intervals decide, and anything left
// undecided goes to the exact route in Q[T]/(W). When the parametrization does not apply (a
// non-radical Lagrange ideal: a degenerate critical point, singular B, is a multiple solution), the
// exact route of ../math/real-inertia.ts (RUR, Berkowitz in Q[T]/(f), exact signs, Descartes) runs.
// The loss d_u (value and sign), the entries of P(x - u) (fibre membership) and the ramification
// minors (ramification membership) get exact signs at each real point (zero by a gcd with W).
//
// Classes of complex critical points (disjoint): fibre = Q(x-u) = 0 (zero loss, x ∈ u + ker Q);
// ramification = on the ramification locus of π along ker Q and not in the fibre; regular = the rest.
import { criticalComponents, type CriticalComponent } from './critical-components.js';
import { MathError } from '../math/errors.js';
import { type Rat, compareRat } from '../math/field.js';
import { normalForm } from '../math/groebner/reduce.js';
import * as ideals from '../math/ideal.js';
import type { ComputeOptions } from '../math/progress.js';
import type { Provenance } from '../math/provenance.js';
import type { Random } from '../math/random.js';
import { inertiaAtRealSolutions } from '../math/real-inertia.js';
import { type IsolatedRoot, type RealAlgebraicPoint, inertiaAtParametrizedPoints, parametrizationPoints } from '../math/realroots/index.js';
import { decimalToRational } from '../math/solve.js';
import { type Parametrization, parametrize } from '../math/zerodim/index.js';
import {
  borderedHessian,
  fibreEquations,
  lagrangeSystem,
  normalData,
  objective,
  parametricCriticalIdeal,
  ramificationMinors,
  withEquations,
} from './critical.js';
import { type SetInfo, countSolutions } from './count.js';
import { projectedSetInfo } from './ed-degree.js';
import { type Form, rowSpaceBasis, size } from './forms.js';
import type { QQPoly } from './common.js';
import { chooseRoute } from './routes.js';
import type { Variety } from './variety.js';

export interface CriticalPointInfo {
  /** Coordinates x (decimals). */
  readonly point: string[];
  /** The point x exactly (the root of W and the parametrization's first coordinates), on the parametrization route. */
  readonly exact?: RealAlgebraicPoint;
  /** d_u(x) (decimal) and its exact sign. */
  readonly loss: string;
  readonly lossSign: number;
  /** Morse index (negative eigenvalues of the Hessian of the Lagrangian on T_x X). */
  readonly index: number;
  /** Nullity of that restricted Hessian (0 for a non-degenerate critical point). */
  readonly nullity: number;
  readonly kind: 'fibre' | 'ramification' | 'regular';
}

export interface CriticalPointsResult {
  /** Distinct complex critical points (null when the critical set is positive-dimensional). */
  readonly complex: number | null;
  readonly real: number | null;
  /** Real non-degenerate local minima (index 0, nullity 0). */
  readonly minima: number | null;
  /** indices[k] = number of real critical points of Morse index k (k = 0..dim X). */
  readonly indices: number[];
  /** Real critical points whose restricted Hessian is singular. */
  readonly degenerate: number | null;
  /** Complex counts of the three classes. */
  readonly fibre: number | null;
  readonly ramification: number | null;
  readonly regular: number | null;
  /** The real critical points, sorted by loss, then coordinates. */
  readonly points: CriticalPointInfo[];
  /** The positive-dimensional critical set, when the set is not finite. */
  readonly positiveDimensional?: SetInfo;
  /** Then also its points in the fibre X ∩ (u + ker Q) of a degenerate Q (dimension 0: that many points). */
  readonly fibreSet?: SetInfo;
  /** Then also its irreducible components, isolated points included (exact over QQ; computed when called). */
  readonly components?: () => CriticalComponent[];
  readonly method: string;
  /** The parametrization's provenance (primes, certified or probabilistic), when that route ran. */
  readonly provenance?: Provenance;
}

export interface CriticalPointsOptions extends ComputeOptions {
  readonly random: Random;
  readonly digits?: number;
}

/** Codes of parametrize's failures after which the exact route of real-inertia.ts runs instead. */
const FALLBACK_CODES = new Set(['not-radical', 'no-separating-form', 'modular-failed', 'not-zero-dimensional']);

export function criticalPoints(X: Variety, Q: Form, u: readonly Rat[], options: CriticalPointsOptions): CriticalPointsResult {
  const R = X.ring;
  const n = R.nvars;
  if (size(Q) !== n) throw new MathError('shape', `the form is ${size(Q)}×${size(Q)} but the variety lives in C^${n}`);
  if (u.length !== n) throw new MathError('shape', `the data point has ${u.length} coordinates but the variety lives in C^${n}`);
  const compute = { signal: options.signal, onProgress: options.onProgress };
  // Route by cost (./routes.ts): a Lagrange system beyond the budget is cut down to the points of the
  // parametric route (the critical points in the immersive image of the parametrization).
  const choice = chooseRoute(X, Q, undefined, { ...compute, givenData: true });
  const pts = choice.route === 'parametric' ? parametricCriticalIdeal(X, Q, u, options.random, compute) : null;
  let route = choice.reason;
  let reduce: ((f: QQPoly) => QQPoly) | undefined;
  if (pts) {
    const basis = ideals.reducedBasis(R, pts, compute);
    reduce = (f) => normalForm(R, f, basis, options.signal);
    route += '; the Lagrange system restricted to the critical points of the parametric system (the critical points in the immersive image of the parametrization: all of them for generic data)';
  } else if (choice.route === 'parametric') route += '; the parametric system is not zero-dimensional, so the whole Lagrange system';
  const N = normalData(X, options.random, compute, reduce);
  const system = pts ? withEquations(lagrangeSystem(N, Q, u), R, pts) : lagrangeSystem(N, Q, u);
  const seed = options.random.nextUint32();
  let param: Parametrization | null | undefined; // null: no solutions; undefined: the parametrization does not apply
  let fallback = '';
  try {
    param = parametrize(system.ring, system.gens, { ...compute, seed });
  } catch (e) {
    if (!(e instanceof MathError)) throw e;
    if (e.code === 'no-solutions') param = null;
    else if (FALLBACK_CODES.has(e.code)) fallback = `${e.code}: ${e.message}`;
    else throw e;
  }
  const total = param === undefined ? countSolutions(system.ring, system.gens, compute) : { distinct: param === null ? 0 : param.w.length - 1 };
  const P = rowSpaceBasis(Q);
  const method =
    param === undefined
      ? `lagrange system; the modular parametrization does not apply (${fallback}); exact inertia of the bordered Hessian (rur+berkowitz+descartes); ${route}`
      : `lagrange system; modular parametrization; inertia of the bordered Hessian by interval LDLᵀ on each real point's box (exact in Q[T]/(W) where undecided); ${route}`;
  if (total.distinct === null) {
    return {
      complex: null,
      real: null,
      minima: null,
      indices: [],
      degenerate: null,
      fibre: null,
      ramification: null,
      regular: null,
      points: [],
      positiveDimensional: projectedSetInfo(system, R, options.random, compute),
      components: () => criticalComponents(system, R, { ...compute, seed }),
      ...(P.length < n ? { fibreSet: projectedSetInfo(withEquations(system, R, fibreEquations(R, P, u)), R, options.random, compute) } : {}),
      method,
    };
  }
  const fibreEqs = fibreEquations(R, P, u);
  const ramEqs = P.length < n ? ramificationMinors(N, P) : [];
  const count = (extra: typeof fibreEqs) => {
    const sys = withEquations(system, R, extra);
    return countSolutions(sys.ring, sys.gens, compute).distinct ?? 0;
  };
  const fibreCount = count(fibreEqs);
  const ramCount = ramEqs.length > 0 ? count(ramEqs) - count([...ramEqs, ...fibreEqs]) : 0;
  const B = borderedHessian(N, Q, system);
  const S = system.ring;
  const lift = (f: typeof fibreEqs[number]) => S.fromTerms(f.mons.map((m, k) => {
    const e = new Int32Array(S.nvars);
    e.set(m);
    return [e, f.coeffs[k]!] as const;
  }));
  const loss = lift(objective(R, Q, u));
  const membership = [...fibreEqs, ...ramEqs].map(lift);
  const digits = options.digits ?? 10;
  let info: { points: { coordinates: string[]; root?: IsolatedRoot; inertia: { negative: number; zero: number }; values: string[]; signs: number[] }[] };
  if (param === null) info = { points: [] };
  else if (param) info = inertiaAtParametrizedPoints(S, param, B, { digits, evaluate: [loss], signsOf: membership, signal: options.signal });
  else {
    const exact = inertiaAtRealSolutions(S, system.gens, B, { seed, digits, evaluate: [loss, ...membership], ...compute });
    if (exact.complex !== total.distinct) throw new MathError('internal', `two counts of the critical points disagree (${exact.complex} and ${total.distinct})`);
    info = exact;
  }
  const m = N.m;
  const indices = new Array<number>(Math.max(m, 0) + 1).fill(0);
  const exactPoint = param ? parametrizationPoints(param, n) : null;
  const points: CriticalPointInfo[] = info.points.map((pt) => {
    const index = pt.inertia.negative - N.c;
    if (index < 0 || index > m) throw new MathError('internal', `a Morse index out of range (${index})`);
    indices[index]!++;
    const fibreSigns = pt.signs.slice(1, 1 + fibreEqs.length);
    const ramSigns = pt.signs.slice(1 + fibreEqs.length);
    const kind = fibreSigns.every((s) => s === 0) ? 'fibre' : ramSigns.length > 0 && ramSigns.every((s) => s === 0) ? 'ramification' : 'regular';
    return {
      point: pt.coordinates.slice(0, n),
      ...(exactPoint && pt.root ? { exact: exactPoint(pt.root) } : {}),
      loss: pt.values[0]!,
      lossSign: pt.signs[0]!,
      index,
      nullity: pt.inertia.zero,
      kind,
    };
  });
  // Sorted by loss, then coordinates (exact comparisons of the decimals): independent of the route and the seed.
  const key = (x: string) => decimalToRational(x);
  const compareTexts = (a: readonly string[], b: readonly string[]) => {
    for (let i = 0; i < a.length; i++) {
      const c = compareRat(key(a[i]!), key(b[i]!));
      if (c !== 0) return c;
    }
    return 0;
  };
  points.sort((a, b) => compareTexts([a.loss], [b.loss]) || compareTexts(a.point, b.point));
  return {
    complex: total.distinct,
    real: points.length,
    minima: points.filter((p) => p.index === 0 && p.nullity === 0).length,
    indices,
    degenerate: points.filter((p) => p.nullity > 0).length,
    fibre: fibreCount,
    ramification: ramCount,
    regular: total.distinct - fibreCount - ramCount,
    points,
    method,
    ...(param ? { provenance: param.provenance } : {}),
  };
}
