// The projected route of the ED count for a degenerate form: the critical points of d_u on X split as
// fibre / ramification / regular (Marchetti–Connelly–Breiding–Kohn, arXiv:2512.21029, §2), each
// counted by a system in the dim X parameters of a parametrization φ of X (and one guard variable),
// without the Lagrange multipliers and without eliminating anything to find π(X).
//
// Representation: Q a symmetric n×n form of rank k < n; P its k×n row space basis in reduced row
// echelon form (../geometry/forms.ts `rowSpaceBasis`, ker P = ker Q), and G = Q restricted to the
// pivot rows and columns of P, the non-degenerate k×k form with Q = Pᵀ G P (P has the identity in its
// pivot columns, so (Pᵀ G P)[pivots, pivots] = G; the identity holds since Q and Pᵀ G P are symmetric
// with the same row space and agree there). Then d_u(x) = (P x − P u)ᵀ G (P x − P u): d_u sees X only
// through π(x) = P x, and π∘φ parametrizes π(X) (no elimination).
//
// The counts (X of dimension m with φ: C^m → X, π∘φ of rank m, which needs k > m; u the data):
// - regular: the parametric system of ./critical.ts for (π∘φ, G, P u): ∇_t d_u(φ(t)) = 0 (d_u∘φ is
//   the same polynomial) and 1 − z·det(C''·Jac(π∘φ)): the critical parameters where π∘φ is an
//   immersion, i.e. where φ is one and dπ is injective on T_x X. This is the ED problem of P u on π(X)
//   with the form G, by the parametric route on π∘φ in m + 1 variables. Its points are the regular
//   critical points and the fibre points off the ramification locus (F' below, subtracted); divided
//   by deg φ. For generic u these are all the regular critical points of X: over the smooth points off
//   the ramification locus the critical correspondence {(x, u)} is a vector bundle of rank n − m over
//   the irreducible X, so (DHOST 2016, Thm 4.1) its points over generic u avoid any proper closed subset
//   of X, such as the points outside the immersive image of φ.
// - fibre: X ∩ (u + ker Q) at smooth points (zero loss: always critical): I(X), P(x − u) = 0 and the
//   guard 1 − z·det(J·C) of ./critical.ts, in n + 1 variables (empty for generic u, since k > m).
// - ramification: the Lagrange system of ./critical.ts with a kernel vector of dπ on T_x X: v = K w in
//   ker P (K a basis of ker Q, w ∈ C^{n−k}), J K w = 0 and a random ℓ(w) = 1; minus its fibre points.
//   This sees every smooth critical point on the ramification locus, also outside the image of φ
//   (those critical for every u, such as the cusp of the twisted cubic under diag(0, 1, 1), can lie
//   there: the determinantal and Segre charts miss some); w is unique when that kernel is a line.
// A system that is not zero-dimensional (a positive-dimensional critical set, or a kernel of dimension
// ≥ 2), a count that is not a multiple of deg φ, or π∘φ of rank < m (π drops the dimension of X: every
// point is then in the ramification locus and the Lagrange route's analysis of a positive-dimensional
// set is needed) is reported as a MathError for the caller to fall back to the Lagrange route.
import { MathError } from '../math/errors.js';
import { QQ, type Rat } from '../math/field.js';
import { rank as matrixRank } from '../math/linalg/matrix.js';
import { jacobian } from '../math/linalg/polymatrix.js';
import type { ComputeOptions } from '../math/progress.js';
import type { Random } from '../math/random.js';
import { RANDOM_BOUND, combination, embed, extendRing, randomNonZero, randomRat, type QQPoly } from './common.js';
import { type CountOptions, type SolutionCount, countSolutions } from './count.js';
import { type NormalData, type PointSystem, fibreEquations, lagrangeSystem, parametricSystem, parametrizationGuard, withEquations } from './critical.js';
import { type Form, form, formKernel, rowSpaceBasis } from './forms.js';
import type { Parametrization } from './variety.js';

/** Q = Pᵀ G P with P the row space basis of Q (reduced row echelon form) and G non-degenerate k×k. */
export interface ProjectedForm {
  readonly P: Rat[][];
  readonly G: Form;
}

export function projectedForm(Q: Form): ProjectedForm {
  const P = rowSpaceBasis(Q);
  const pivots = P.map((row) => row.findIndex((a) => !QQ.isZero(a)));
  const G = form(pivots.map((i) => pivots.map((j) => Q.matrix[i]![j]!)));
  return { P, G };
}

/** π∘φ: the k polynomials P φ(t). */
export function projectedMap(phi: Parametrization, P: readonly (readonly Rat[])[]): QQPoly[] {
  return P.map((row) => combination(phi.ring, row, phi.map));
}

/** Why the projected route does not apply to (φ, Q) on X of dimension m, or null when it does. */
export function projectedUnavailable(phi: Parametrization | undefined, m: number, k: number, n: number): string | null {
  if (!phi) return 'the variety has no parametrization';
  if (phi.ring.nvars !== m) return `its parametrization has ${phi.ring.nvars} parameters, not dim X = ${m}`;
  if (k === n) return 'the form is not degenerate';
  if (k <= m) return `the projection drops the dimension (rank Q = ${k} ≤ dim X = ${m}: π(X) fills C^${k}, every critical point is in the fibre or on the ramification locus)`;
  return null;
}

/**
 * Whether π∘φ has rank m at one of three random points (the rank at a point is at most the generic
 * rank, so a rank m proves it; three lower ranks only send the caller to the Lagrange route).
 */
function immersiveSomewhere(phi: Parametrization, Pphi: readonly QQPoly[], random: Random): boolean {
  const J = jacobian(phi.ring, Pphi);
  for (let attempt = 0; attempt < 3; attempt++) {
    const t0 = Array.from({ length: phi.ring.nvars }, () => randomRat(random, -RANDOM_BOUND, RANDOM_BOUND));
    if (matrixRank(QQ, J.map((row) => row.map((f) => phi.ring.evaluate(f, t0)))) === phi.ring.nvars) return true;
  }
  return false;
}

/** P φ(t) = P u and 1 − z·guard, in (t, z). */
function fibreSystem(phi: Parametrization, Pphi: readonly QQPoly[], Pu: readonly Rat[], guard: QQPoly): PointSystem {
  const T = phi.ring;
  const S = extendRing(T, ['z']);
  const gens = Pphi.map((f, i) => embed(T, S, T.sub(f, T.constant(Pu[i]!))));
  gens.push(S.sub(S.one(), S.mul(S.variable(T.nvars), embed(T, S, guard))));
  return { ring: S, gens, auxiliary: [T.nvars] };
}

/** The Lagrange system with a kernel vector v = K w of dπ on T_x X: J K w = 0, ℓ(w) = 1 (w new variables). */
function ramificationSystem(N: NormalData, Q: Form, u: readonly Rat[], random: Random): PointSystem {
  const L = lagrangeSystem(N, Q, u);
  const R = N.X.ring;
  const K = formKernel(Q); // n − k vectors of length n
  const S = extendRing(L.ring, K.map((_, j) => `w${j + 1}`));
  const base = L.ring.nvars;
  const gens = L.gens.map((g) => embed(L.ring, S, g));
  for (const row of N.jac) {
    // Σ_j w_j (J_row · K_j)
    let e = S.zero();
    K.forEach((v, j) => { e = S.add(e, S.mul(S.variable(base + j), embed(R, S, combination(R, v, row)))); });
    gens.push(e);
  }
  const l = K.map(() => QQ.fromBigInt(randomNonZero(random, RANDOM_BOUND)));
  gens.push(S.sub(combination(S, l, K.map((_, j) => S.variable(base + j))), S.one()));
  return { ring: S, gens, auxiliary: [...L.auxiliary, ...K.map((_, j) => base + j)] };
}

/** X ∩ (u + ker Q) at its smooth points: I(X), P(x − u), 1 − z·guard. */
function smoothFibreSystem(N: NormalData, P: readonly (readonly Rat[])[], u: readonly Rat[]): PointSystem {
  const R = N.X.ring;
  const S = N.c > 0 ? extendRing(R, ['z']) : R;
  const gens = [...N.X.gens, ...fibreEquations(R, P, u)].map((g) => embed(R, S, g));
  if (N.c > 0) gens.push(S.sub(S.one(), S.mul(S.variable(R.nvars), embed(R, S, N.guard))));
  return { ring: S, gens, auxiliary: N.c > 0 ? [R.nvars] : [] };
}

export interface ProjectedCounts {
  /** Critical points of the three classes. */
  readonly regular: number;
  readonly ramification: number;
  readonly fibre: number;
  /** The counts behind them: parameters of the regular system (and its fibre points F'), points of the ramification system (and its fibre points). */
  readonly parameters: { readonly immersive: number; readonly fibreImmersive: number };
  readonly points: { readonly ramification: number; readonly ramificationInFibre: number };
  readonly degree: number;
  /** The count of the regular system (its field, algorithm, certification: the counts share them). */
  readonly count: SolutionCount;
}

/**
 * The three classes of critical points by the projected route (see the module header). `N` holds the
 * random choices of X's systems (./critical.ts `normalData`); `degree` is deg φ; `count` the options of
 * ./count.ts. Throws MathError 'not-zero-dimensional', 'projection-drops-dimension' or
 * 'not-a-multiple' when the route does not apply.
 */
export function projectedCriticalCounts(
  phi: Parametrization,
  N: NormalData,
  Q: Form,
  u: readonly Rat[],
  degree: number,
  random: Random,
  count: CountOptions & ComputeOptions,
): ProjectedCounts {
  const { P, G } = projectedForm(Q);
  const Pphi = projectedMap(phi, P);
  if (!immersiveSomewhere(phi, Pphi, random)) {
    throw new MathError('projection-drops-dimension', 'π∘φ is not an immersion at a random point (the projection drops the dimension of X)');
  }
  const R = N.X.ring;
  const Pu = P.map((row) => row.reduce((s, a, j) => QQ.add(s, QQ.mul(a, u[j]!)), QQ.zero));
  const projected: Parametrization = { ring: phi.ring, map: Pphi };
  const distinct = (sys: PointSystem, what: string): SolutionCount => {
    const c = countSolutions(sys.ring, sys.gens, count);
    if (c.distinct === null) throw new MathError('not-zero-dimensional', `the projected route's ${what} system is not zero-dimensional`);
    return c;
  };
  const B = distinct(parametricSystem(projected, G, Pu, random), 'regular');
  const fibre = distinct(smoothFibreSystem(N, P, u), 'fibre').distinct!;
  const ram = ramificationSystem(N, Q, u, random);
  const ramification = distinct(ram, 'ramification').distinct!;
  // Fibre points only matter when there are any (never for generic u: k > dim X).
  const ramInFibre = fibre > 0 ? distinct(withEquations(ram, R, fibreEquations(R, P, u)), 'ramification').distinct! : 0;
  const fibreImmersive = fibre > 0 ? distinct(fibreSystem(phi, Pphi, Pu, parametrizationGuard(projected, random)), 'fibre').distinct! : 0;
  const b = B.distinct!;
  if ((b - fibreImmersive) % degree !== 0) {
    throw new MathError('not-a-multiple', `the projected route's regular count ${b - fibreImmersive} is not a multiple of the degree ${degree} of the parametrization`);
  }
  return {
    regular: (b - fibreImmersive) / degree,
    ramification: ramification - ramInFibre,
    fibre,
    parameters: { immersive: b, fibreImmersive },
    points: { ramification, ramificationInFibre: ramInFibre },
    degree,
    count: B,
  };
}
