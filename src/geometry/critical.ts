// Critical points of d_u(x) = (x-u)^T Q (x-u) on the smooth points of a variety X: the systems.
//
// Notation: X ⊂ C^n with ideal I = (g_1..g_s) of codimension c; Q a symmetric n×n form; u ∈ C^n.
// A smooth point x is critical when Q(x-u) lies in the row space of Jac(g)(x) (DHOST 2016, §2;
// Marchetti–Connelly–Breiding–Kohn, arXiv:2512.21029, §2 for degenerate Q).
//
// Three formulations, each saturated by the singular locus:
// - Minors (the critical ideal of DHOST eq. (2.1)): I + the (c+1)-minors of [ (Q(x-u))^T ; J ].
// - Lagrange: I, Q(x-u) = J^T λ in the variables (x, λ), λ ∈ C^c (the factor 2 of ∇d_u is absorbed
//   in λ). Its points are in bijection with the critical points (λ is unique when J has rank c), and
//   the bordered Hessian at a real point gives the Morse index (./morse.ts).
// - Parametric, for X = closure of φ(C^p) with p = dim X: ∇_t d_u(φ(t)) = 0, saturated by the locus
//   where Jac(φ) drops rank; each critical point of X has deg φ preimages (./ed-degree.ts divides).
//
// Choices that make the systems small (each correct outside a proper algebraic subset of the random
// choices, all drawn from a seeded generator): J is the Jacobian of c random integer combinations
// g̃ = A g of the generators when s > c (at a smooth point the rows of Jac(g̃) span the normal space
// for all A outside a hypersurface; when s = c, g̃ = g and nothing is random); the saturation by the
// singular locus is done by one polynomial, the guard f = det(J·C) with C a random n×c integer matrix
// (f(x) ≠ 0 exactly when J(x) has rank c, for C outside a hypersurface that depends on x; finitely
// many points have to be avoided), through the Rabinowitsch variable z: 1 - z·f. Points where J has
// rank c are smooth points of X, so every point that survives is a smooth point.
import { MathError } from '../math/errors.js';
import { QQ, type Rat } from '../math/field.js';
import * as ideals from '../math/ideal.js';
import { hessian, jacobian, minors, polyDeterminant } from '../math/linalg/polymatrix.js';
import type { ComputeOptions } from '../math/progress.js';
import { PolyRing } from '../math/poly.js';
import type { Random } from '../math/random.js';
import { RANDOM_BOUND, combination, embed, extendRing, randomNonZero, type QQPoly, type QQRing } from './common.js';
import type { Form } from './forms.js';
import { codimension, dimension, type Variety } from './variety.js';

/** The random choices behind the systems of one variety (reused for all its systems in one call). */
export interface NormalData {
  readonly X: Variety;
  readonly n: number;
  /** Codimension c. */
  readonly c: number;
  /** dim X = n - c. */
  readonly m: number;
  /** The c combinations g̃ (equal to the generators when s = c). */
  readonly combos: readonly QQPoly[];
  /** J = Jac(g̃), c×n. */
  readonly jac: readonly (readonly QQPoly[])[];
  /** The guard f = det(J·C) (1 when c = 0). */
  readonly guard: QQPoly;
  /** Whether random combinations were used. */
  readonly randomized: boolean;
}

/**
 * `reduce`, when given, is a normal form modulo an ideal of points the systems are restricted to (the
 * parametric route of ./routes.ts): the guard is then only needed modulo that ideal and is computed as
 * such (Laplace expansion with shared minors, every product reduced), which avoids expanding det(J·C)
 * as a polynomial in all the coordinates.
 */
export function normalData(X: Variety, random: Random, options: ComputeOptions = {}, reduce?: (f: QQPoly) => QQPoly): NormalData {
  const R = X.ring;
  const n = R.nvars;
  const c = codimension(X, options);
  const m = dimension(X, options);
  if (m < 0) return { X, n, c: n, m, combos: [], jac: [], guard: R.one(), randomized: false };
  const s = X.gens.length;
  let combos: QQPoly[];
  let randomized = false;
  if (s === c) combos = X.gens.slice();
  else {
    randomized = true;
    combos = Array.from({ length: c }, () => combination(R, X.gens.map(() => QQ.fromBigInt(randomNonZero(random, RANDOM_BOUND))), X.gens));
  }
  const jac = jacobian(R, combos);
  let guard = R.one();
  if (c > 0) {
    const C: Rat[][] = Array.from({ length: n }, () => Array.from({ length: c }, () => QQ.fromBigInt(randomNonZero(random, RANDOM_BOUND))));
    const JC = jac.map((row) => Array.from({ length: c }, (_, k) => combination(R, row.map((_, j) => C[j]![k]!), row)));
    guard = reduce ? reducedDeterminant(R, JC, reduce) : polyDeterminant(R, JC);
    randomized = true;
  }
  return { X, n, c, m, combos, jac, guard, randomized };
}

/** det M modulo an ideal (reduce: its normal form), by Laplace expansion along the rows with the minors on each column set shared. */
function reducedDeterminant(R: QQRing, M: readonly (readonly QQPoly[])[], reduce: (f: QQPoly) => QQPoly): QQPoly {
  const c = M.length;
  const memo = new Map<number, QQPoly>();
  const det = (row: number, mask: number): QQPoly => {
    if (row === c) return R.one();
    const known = memo.get(mask);
    if (known) return known;
    let sum = R.zero();
    let sign = 1;
    for (let j = 0; j < c; j++) {
      if (!(mask & (1 << j))) continue;
      const a = M[row]![j]!;
      if (a.mons.length > 0) {
        const term = reduce(R.mul(a, det(row + 1, mask & ~(1 << j))));
        sum = sign > 0 ? R.add(sum, term) : R.sub(sum, term);
      }
      sign = -sign;
    }
    memo.set(mask, sum);
    return sum;
  };
  return det(0, (1 << c) - 1);
}

/** Q(x - u) as n polynomials of R. */
export function formGradient(R: QQRing, Q: Form, u: readonly Rat[]): QQPoly[] {
  const n = R.nvars;
  const shifted = Array.from({ length: n }, (_, j) => R.sub(R.variable(j), R.constant(u[j]!)));
  return Q.matrix.map((row) => combination(R, row, shifted));
}

/** d_u(x) = (x-u)^T Q (x-u). */
export function objective(R: QQRing, Q: Form, u: readonly Rat[]): QQPoly {
  const grad = formGradient(R, Q, u);
  return combination(
    R,
    grad.map(() => QQ.one),
    grad.map((g, i) => R.mul(g, R.sub(R.variable(i), R.constant(u[i]!)))),
  );
}

/** A system in a ring whose first variables are the ambient coordinates. */
export interface PointSystem {
  readonly ring: QQRing;
  readonly gens: QQPoly[];
  /** Indices of the auxiliary variables (λ, z, ...) of `ring`. */
  readonly auxiliary: number[];
}

/** The Lagrange system in (x, λ_1..λ_c, z). */
export function lagrangeSystem(N: NormalData, Q: Form, u: readonly Rat[]): PointSystem {
  const R = N.X.ring;
  const { n, c } = N;
  const extra = [...Array.from({ length: c }, (_, k) => `lambda${k + 1}`), ...(c > 0 ? ['z'] : [])];
  const S = extendRing(R, extra);
  const grad = formGradient(R, Q, u).map((g) => embed(R, S, g));
  const gens = N.X.gens.map((g) => embed(R, S, g));
  for (let i = 0; i < n; i++) {
    let e = grad[i]!;
    for (let k = 0; k < c; k++) e = S.sub(e, S.mul(S.variable(n + k), embed(R, S, N.jac[k]![i]!)));
    gens.push(e);
  }
  if (c > 0) gens.push(S.sub(S.one(), S.mul(S.variable(n + c), embed(R, S, N.guard))));
  return { ring: S, gens, auxiliary: extra.map((_, k) => n + k) };
}

/** The minors system in (x, z): I + (c+1)-minors of [Q(x-u); J] + (1 - z f). */
export function minorsSystem(N: NormalData, Q: Form, u: readonly Rat[]): PointSystem {
  const R = N.X.ring;
  const { n, c } = N;
  const S = c > 0 ? extendRing(R, ['z']) : R;
  const M = [formGradient(R, Q, u), ...N.jac.map((r) => r.slice())];
  const ms = minors(R, M, c + 1).filter((p) => p.mons.length > 0);
  const gens = [...N.X.gens, ...ms].map((g) => embed(R, S, g));
  if (c > 0) gens.push(S.sub(S.one(), S.mul(S.variable(n), embed(R, S, N.guard))));
  return { ring: S, gens, auxiliary: c > 0 ? [n] : [] };
}

/**
 * The bordered Hessian of the Lagrangian at the points of the Lagrange system, in its ring:
 * B = [[Q - Σ λ_k Hess(g̃_k), J^T], [J, 0]]. With J of rank c, n-(B) = index + c and n0(B) = the
 * nullity of the Hessian restricted to the tangent space (Haynsworth; the bordered-Hessian test).
 */
export function borderedHessian(N: NormalData, Q: Form, system: PointSystem): QQPoly[][] {
  const R = N.X.ring;
  const S = system.ring;
  const { n, c } = N;
  const xs = Array.from({ length: n }, (_, i) => i);
  const H: QQPoly[][] = Q.matrix.map((row) => row.map((a) => S.constant(a)));
  for (let k = 0; k < c; k++) {
    const Hk = hessian(R, N.combos[k]!, xs);
    const lambda = S.variable(n + k);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (Hk[i]![j]!.mons.length > 0) H[i]![j] = S.sub(H[i]![j]!, S.mul(lambda, embed(R, S, Hk[i]![j]!)));
  }
  const B: QQPoly[][] = [];
  for (let i = 0; i < n; i++) B.push([...H[i]!, ...Array.from({ length: c }, (_, k) => embed(R, S, N.jac[k]![i]!))]);
  for (let k = 0; k < c; k++) B.push([...N.jac[k]!.map((p) => embed(R, S, p)), ...Array.from({ length: c }, () => S.zero())]);
  return B;
}

/** The ramification conditions of x ↦ P x on X: the (c + min(m, k))-minors of [J; P] (in R). */
export function ramificationMinors(N: NormalData, P: readonly (readonly Rat[])[]): QQPoly[] {
  const R = N.X.ring;
  const k = P.length;
  const size = N.c + Math.min(N.m, k);
  const M = [...N.jac.map((r) => r.slice()), ...P.map((row) => row.map((a) => R.constant(a)))];
  if (size > M.length || size > N.n) return [];
  return minors(R, M, size).filter((p) => p.mons.length > 0);
}

/** P(x - u) as k polynomials of R (the fibre of the projection through u). */
export function fibreEquations(R: QQRing, P: readonly (readonly Rat[])[], u: readonly Rat[]): QQPoly[] {
  return P.map((row) => combination(R, row, row.map((_, j) => R.sub(R.variable(j), R.constant(u[j]!)))));
}

/** A system with extra equations of the base ring added. */
export function withEquations(system: PointSystem, base: QQRing, extra: readonly QQPoly[]): PointSystem {
  return { ...system, gens: [...system.gens, ...extra.map((e) => embed(base, system.ring, e))] };
}

/** Adds 1 - w·h (a new variable w) to remove the points where h vanishes. */
export function withoutZerosOf(system: PointSystem, base: QQRing, h: QQPoly): PointSystem {
  const S = system.ring;
  const T = extendRing(S, ['w']);
  const gens = system.gens.map((g) => embed(S, T, g));
  gens.push(T.sub(T.one(), T.mul(T.variable(S.nvars), embed(base, T, h))));
  return { ring: T, gens, auxiliary: [...system.auxiliary, S.nvars] };
}

/**
 * The parametric system for X = closure(φ(C^p)): ∂/∂t_i d_u(φ(t)) = 0 (i = 1..p) and 1 - z·det(C'·Jac φ)
 * with C' a random p×n integer matrix (removes the points where Jac φ has rank < p).
 */
export function parametricSystem(phi: { ring: QQRing; map: readonly QQPoly[] }, Q: Form, u: readonly Rat[], random: Random): PointSystem {
  const T = phi.ring;
  const p = T.nvars;
  const S = extendRing(T, ['z']);
  const shifted = phi.map.map((f, j) => T.sub(f, T.constant(u[j]!)));
  const Qx = Q.matrix.map((row) => combination(T, row, shifted));
  const d = combination(T, Qx.map(() => QQ.one), Qx.map((g, i) => T.mul(g, shifted[i]!)));
  const gens = Array.from({ length: p }, (_, i) => embed(T, S, T.diff(d, i)));
  gens.push(S.sub(S.one(), S.mul(S.variable(p), embed(T, S, parametrizationGuard(phi, random)))));
  return { ring: S, gens, auxiliary: [p] };
}

/** det(C'·Jac φ) for a random p×n integer C'. */
export function parametrizationGuard(phi: { ring: QQRing; map: readonly QQPoly[] }, random: Random): QQPoly {
  const T = phi.ring;
  const p = T.nvars;
  const J = jacobian(T, phi.map); // n × p
  const C = Array.from({ length: p }, () => phi.map.map(() => QQ.fromBigInt(randomNonZero(random, RANDOM_BOUND))));
  const CJ = C.map((row) => Array.from({ length: p }, (_, j) => combination(T, row, J.map((r) => r[j]!))));
  return polyDeterminant(T, CJ);
}

/** The fibre system φ(t) = φ(t0) with the same guard: its count is the degree of φ. */
export function fibreOfParametrization(phi: { ring: QQRing; map: readonly QQPoly[] }, t0: readonly Rat[], random: Random): PointSystem {
  const T = phi.ring;
  const p = T.nvars;
  const S = extendRing(T, ['z']);
  const gens = phi.map.map((f) => embed(T, S, T.sub(f, T.constant(T.evaluate(f, t0)))));
  gens.push(S.sub(S.one(), S.mul(S.variable(p), embed(T, S, parametrizationGuard(phi, random)))));
  return { ring: S, gens, auxiliary: [p] };
}

/**
 * The critical points of X in the immersive image of its parametrization φ, as an ideal of the ring of
 * X: the parametric system in (t, z) with x - φ(t), the parameters eliminated (the ideal of the
 * points φ(t) at the critical parameters). Null when the parametric system is not zero-dimensional.
 * Added to the Lagrange system it leaves that system's points over these x only, so the Lagrange
 * machinery (bordered Hessians, Morse indices) runs on a small system (./routes.ts).
 */
export function parametricCriticalIdeal(X: Variety, Q: Form, u: readonly Rat[], random: Random, options: ComputeOptions = {}): QQPoly[] | null {
  const phi = X.parametrization;
  if (!phi) throw new MathError('no-parametrization', 'the parametric route needs a variety with a parametrization');
  const R = X.ring;
  const sys = parametricSystem(phi, Q, u, random);
  const k = sys.ring.nvars;
  const S = new PolyRing(QQ, [...sys.ring.vars.map((v) => `_${v}`), ...R.vars]);
  const gens = sys.gens.map((g) => embed(sys.ring, S, g));
  phi.map.forEach((f, i) => gens.push(S.sub(S.variable(k + i), embed(phi.ring, S, f))));
  const eliminated = ideals.eliminate(S, gens, Array.from({ length: k }, (_, i) => i), options);
  const down = eliminated.map((f: QQPoly) => R.fromTerms(f.mons.map((m, c) => [m.slice(k) as Int32Array, f.coeffs[c]!] as const)));
  if (down.length === 0 || ideals.dimension(R, down, options) > 0) return null;
  return down;
}

/**
 * The critical ideal in the ring of X: I + the (c+1)-minors of [Q(x-u); J], saturated by the guard of
 * the singular locus (its zero set is the set of critical smooth points; DHOST 2016, eq. (2.1)).
 */
export function criticalIdeal(X: Variety, Q: Form, u: readonly Rat[], random: Random, options: ComputeOptions = {}): QQPoly[] {
  const R = X.ring;
  if (Q.matrix.length !== R.nvars) throw new MathError('shape', `the form is ${Q.matrix.length}×${Q.matrix.length} but the variety lives in C^${R.nvars}`);
  if (u.length !== R.nvars) throw new MathError('shape', `the data point has ${u.length} coordinates but the variety lives in C^${R.nvars}`);
  const N = normalData(X, random, options);
  const M = [formGradient(R, Q, u), ...N.jac.map((r) => r.slice())];
  const ms = minors(R, M, N.c + 1).filter((p) => p.mons.length > 0);
  return ideals.saturateByPolynomial(R, [...X.gens, ...ms], N.guard, options);
}
