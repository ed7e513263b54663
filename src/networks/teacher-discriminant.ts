// The teacher–metric discriminant (Arjevani, Bruna, Kileel, Polak, Trager, arXiv:2501.06074): where,
// on a one-parameter family of teacher–student problems (a teacher f_*(t) and a data metric M(t)
// depending polynomially on t), the optimization landscape changes: the number of real stationary
// points of the training loss L_t(θ) = ||T_θ - T_*(t)||²_{M(t)}.
//
// Representation and route: the loss of the family lives in the family ring QQ[θ..., t]
// (./family-losses.ts). Its stationarity system ∇_θ L = 0 is a square system in θ with the parameter
// t; its discriminant (../geometry/discriminant.ts: where two stationary points meet, the eliminant
// of the system and its Jacobian determinant; or where one may escape to infinity, the leading
// coefficients of a Gröbner basis in a block order) contains every t where the numbers of complex or
// real stationary points change. The real roots of the discriminant cut the line into regions; in each
// one a rational sample (strictly between two isolating intervals) gives the exact counts of the
// region (../geometry/discriminant.ts `regions`) and the Morse indices there (./stationary.ts:
// certified interval inertia on the modular parametrization). The discriminant may contain roots
// across which nothing changes: the regions' counts on both sides tell.
import { type DiscriminantResult, type Region, discriminant, regions } from '../geometry/discriminant.js';
import { specialization, specializePoly } from '../geometry/family.js';
import { MathError } from '../math/errors.js';
import { QQ, type Rat } from '../math/field.js';
import type { Poly } from '../math/poly.js';
import type { ComputeOptions } from '../math/progress.js';
import type { RealRoot } from '../math/univariate/isolate.js';
import type { FamilyRing } from './family-losses.js';
import { gradient, stationaryPoints } from './stationary.js';

export interface LandscapeRegion extends Region {
  /** Morse indices of the real stationary points at the sample (null: a positive-dimensional stationary set there). */
  readonly indices: number[] | null;
  readonly minima: number | null;
}

export interface TeacherDiscriminant {
  readonly discriminant: DiscriminantResult;
  /** Coefficients of the square-free discriminant, low degree first. */
  readonly dense: Rat[];
  /** The real roots of the discriminant, sorted, as isolating intervals. */
  readonly roots: RealRoot[];
  readonly regions: LandscapeRegion[];
}

/** The teacher–metric discriminant of a one-parameter family of losses L in the family ring F (parameter: F.params' only variable). */
export function teacherDiscriminant(F: FamilyRing, L: Poly<Rat>, options: ComputeOptions & { readonly seed: number }): TeacherDiscriminant {
  if (F.params.nvars !== 1) throw new MathError('domain', `a teacher–metric discriminant is over a one-parameter slice: the target and the metric must depend on one parameter, not ${F.params.nvars}`);
  const C = F.ring;
  const n = F.network.ring.nvars;
  const system = gradient(C, L).slice(0, n);
  const d = discriminant(C, system, [n], options);
  const D = d.polynomials[0]!;
  const dense = Array.from({ length: d.ring.degree(D) + 1 }, () => QQ.zero);
  D.mons.forEach((m, k) => (dense[m[0]!] = D.coeffs[k]!));
  const cut = regions(C, system, n, dense, options);
  const landscape = cut.regions.map((r) => {
    const sp = specialization(C, new Map([[n, r.sample]]));
    const Lt = specializePoly(sp, L);
    try {
      const s = stationaryPoints(sp.target!, Lt, { ...options, digits: 10 });
      return { ...r, indices: s.indices, minima: s.minima };
    } catch (e) {
      if (e instanceof MathError && e.code === 'positive-dimensional') return { ...r, indices: null, minima: null };
      throw e;
    }
  });
  return { discriminant: d, dense, roots: cut.roots, regions: landscape };
}
