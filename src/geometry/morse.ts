// Real critical points and their Morse indices, decided exactly; the fibre / ramification / regular
// split of the complex critical points (Marchetti–Connelly–Breiding–Kohn, arXiv:2512.21029, §2).
//
// The Lagrange system of ./critical.ts (x, λ, z) is zero-dimensional for generic data; at each of its
// real points the bordered Hessian B = [[Q - Σ λ_k Hess g̃_k, J^T], [J, 0]] (J of rank c there) has
// n-(B) = index + c and n0(B) = the nullity of the Hessian of the Lagrangian restricted to T_x X, so
// the Morse index is n-(B) - c (the bordered-Hessian test; Haynsworth inertia additivity). Its inertia
// is computed exactly by ../math/real-inertia.ts (RUR, Berkowitz in Q[T]/(f), exact signs, Descartes).
// The loss d_u, the entries of P(x - u) (fibre membership) and the ramification minors (ramification
// membership) are evaluated at each real point with exact signs.
//
// Classes of complex critical points (disjoint): fibre = Q(x-u) = 0 (zero loss, x ∈ u + ker Q);
// ramification = on the ramification locus of π along ker Q and not in the fibre; regular = the rest.
import { MathError } from '../math/errors.js';
import type { Rat } from '../math/field.js';
import type { ComputeOptions } from '../math/progress.js';
import type { Random } from '../math/random.js';
import { inertiaAtRealSolutions } from '../math/real-inertia.js';
import { countSolutions } from './count.js';
import {
  borderedHessian,
  fibreEquations,
  lagrangeSystem,
  normalData,
  objective,
  ramificationMinors,
  withEquations,
} from './critical.js';
import { type SetInfo, projectedSetInfo } from './ed-degree.js';
import { type Form, rowSpaceBasis, size } from './forms.js';
import type { Variety } from './variety.js';

export interface CriticalPointInfo {
  /** Coordinates x (decimals). */
  readonly point: string[];
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
  readonly points: CriticalPointInfo[];
  /** The positive-dimensional critical set, when the set is not finite. */
  readonly positiveDimensional?: SetInfo;
  readonly method: string;
}

export interface CriticalPointsOptions extends ComputeOptions {
  readonly random: Random;
  readonly digits?: number;
}

export function criticalPoints(X: Variety, Q: Form, u: readonly Rat[], options: CriticalPointsOptions): CriticalPointsResult {
  const R = X.ring;
  const n = R.nvars;
  if (size(Q) !== n) throw new MathError('shape', `the form is ${size(Q)}×${size(Q)} but the variety lives in C^${n}`);
  if (u.length !== n) throw new MathError('shape', `the data point has ${u.length} coordinates but the variety lives in C^${n}`);
  const compute = { signal: options.signal, onProgress: options.onProgress };
  const N = normalData(X, options.random, compute);
  const system = lagrangeSystem(N, Q, u);
  const total = countSolutions(system.ring, system.gens, compute);
  const P = rowSpaceBasis(Q);
  const method = 'lagrange system; exact inertia of the bordered Hessian (rur+berkowitz+descartes)';
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
      positiveDimensional: projectedSetInfo(system, R, compute),
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
  const evaluate = [objective(R, Q, u), ...fibreEqs, ...ramEqs].map(lift);
  const info = inertiaAtRealSolutions(S, system.gens, B, { seed: options.random.nextUint32(), digits: options.digits ?? 10, evaluate, ...compute });
  if (info.complex !== total.distinct) throw new MathError('internal', `two counts of the critical points disagree (${info.complex} and ${total.distinct})`);
  const m = N.m;
  const indices = new Array<number>(Math.max(m, 0) + 1).fill(0);
  const points: CriticalPointInfo[] = info.points.map((pt) => {
    const index = pt.inertia.negative - N.c;
    if (index < 0 || index > m) throw new MathError('internal', `a Morse index out of range (${index})`);
    indices[index]!++;
    const fibreSigns = pt.signs.slice(1, 1 + fibreEqs.length);
    const ramSigns = pt.signs.slice(1 + fibreEqs.length);
    const kind = fibreSigns.every((s) => s === 0) ? 'fibre' : ramSigns.length > 0 && ramSigns.every((s) => s === 0) ? 'ramification' : 'regular';
    return {
      point: pt.coordinates.slice(0, n),
      loss: pt.values[0]!,
      lossSign: pt.signs[0]!,
      index,
      nullity: pt.inertia.zero,
      kind,
    };
  });
  return {
    complex: total.distinct,
    real: info.real,
    minima: points.filter((p) => p.index === 0 && p.nullity === 0).length,
    indices,
    degenerate: points.filter((p) => p.nullity > 0).length,
    fibre: fibreCount,
    ramification: ramCount,
    regular: total.distinct - fibreCount - ramCount,
    points,
    method,
  };
}

