// Families of losses: the data, targets, metrics and regularization weights of a network's loss may be
// polynomials in parameters t (the variables of a ring P over QQ), so that one loss describes a family
// of learning problems and `at(L, t = a)` specializes it (../geometry/family.ts).
//
// Representation. The family ring C = QQ[θ_1..θ_N, t_1..t_k]: the network's parameters first (in the
// order of its ring), then P's variables, graded reverse lexicographic (`familyRing`). Data are
// matrices of polynomials of P (exact numbers are constants), moved into C by the inclusion
// t_i ↦ t_i; the network's parametrization fmap moves by θ_i ↦ θ_i. Every loss is then computed
// entrywise in C by the same formulas as the numeric losses (./losses.ts, docs/networks.md):
// - squaredLoss: ½ Σ_j Σ_o (f_θ,o(x_j) - y_oj)² + ½ Σ_k λ_k θ_k², f_θ,o(x) = Σ_b fmap[o][b](θ) x^{α_b}
//   (evaluated directly, residual by residual: the Gram matrix route of ./losses.ts needs numbers);
// - teacherLoss: Σ_o (c_o(θ) - t_o)^T M (c_o(θ) - t_o) for a symbolic target and metric M;
// - empiricalMoments: M_ab = (1/m) Σ_j x_j^{α_a + α_b}, a matrix of polynomials of P;
// - gaussianMoments with a covariance Σ(t): Isserlis' recursion of ./losses.ts over P.
// Specialization t = a is a ring homomorphism C → QQ[θ] that fixes θ, and each formula is a
// polynomial expression in the data, so building the loss of the family and then specializing gives
// the loss of the specialized data (build-then-specialize = specialize-then-build; the tests check it
// against ./losses.ts).
import { MathError } from '../math/errors.js';
import { QQ, type Rat, rat } from '../math/field.js';
import type { Monomial } from '../math/monomial.js';
import { type Poly, PolyRing } from '../math/poly.js';
import type { Network } from './architectures.js';
import { isserlisMoment } from './losses.js';

type QQPoly = Poly<Rat>;
type QQRing = PolyRing<Rat>;

/** A matrix of polynomials of the parameter ring P (rows of equal length). */
export type SymbolicMatrix = readonly (readonly QQPoly[])[];

export interface FamilyRing {
  /** QQ[θ..., t...], grevlex. */
  readonly ring: QQRing;
  readonly network: Network;
  readonly params: QQRing;
  /** θ_i ↦ θ_i: a polynomial of the network's ring in C. */
  fromNetwork(f: QQPoly): QQPoly;
  /** t_i ↦ t_i: a polynomial of P in C. */
  fromParams(f: QQPoly): QQPoly;
}

export type SymbolicRegularization =
  | { readonly kind: 'none' }
  | { readonly kind: 'uniform'; readonly weight: QQPoly }
  /** One weight per network parameter, in the order of its ring. */
  | { readonly kind: 'entrywise'; readonly weights: readonly QQPoly[] };

/** The family ring of a network with parameters P; an error when a name is shared. */
export function familyRing(N: Network, P: QQRing): FamilyRing {
  const clash = P.vars.find((v) => N.ring.vars.includes(v));
  if (clash !== undefined) throw new MathError('domain', `the parameter ${clash} has the name of a parameter of ${N.description}`);
  const n = N.ring.nvars;
  const ring = new PolyRing(QQ, [...N.ring.vars, ...P.vars]);
  const shift = (f: QQPoly, offset: number) =>
    ring.fromTerms(
      f.mons.map((m, k) => {
        const e = new Int32Array(ring.nvars);
        e.set(m, offset);
        return [e as Monomial, f.coeffs[k]!] as const;
      }),
    );
  return { ring, network: N, params: P, fromNetwork: (f) => shift(f, 0), fromParams: (f) => shift(f, n) };
}

function checkShape(what: string, M: SymbolicMatrix, rows: number, cols?: number): number {
  if (M.length !== rows) throw new MathError('shape', `${what} must have ${rows} row${rows === 1 ? '' : 's'}, got ${M.length}`);
  const m = cols ?? M[0]?.length ?? 0;
  if (m === 0) throw new MathError('shape', `${what} has no columns`);
  if (M.some((row) => row.length !== m)) throw new MathError('shape', `the rows of ${what} must have ${m} entries`);
  return m;
}

/** The basis monomials x^{α_b} at the point x (polynomials of the ring of x). */
function basisAt(R: QQRing, N: Network, x: readonly QQPoly[]): QQPoly[] {
  return N.basis.map((e) => e.reduce((acc, k, i) => (k === 0 ? acc : R.mul(acc, R.pow(x[i]!, k))), R.one()));
}

function regularizationTerm(F: FamilyRing, reg: SymbolicRegularization): QQPoly {
  const C = F.ring;
  const n = F.network.ring.nvars;
  if (reg.kind === 'none') return C.zero();
  const weights = reg.kind === 'uniform' ? Array.from({ length: n }, () => reg.weight) : reg.weights;
  if (weights.length !== n) throw new MathError('shape', `the regularization needs ${n} weights (one per parameter), got ${weights.length}`);
  let sum = C.zero();
  weights.forEach((w, k) => (sum = C.add(sum, C.mul(F.fromParams(w), C.pow(C.variable(k), 2)))));
  return C.scale(sum, rat(1n, 2n));
}

/** ½ Σ_j ||f_θ(x_j) - y_j||² + ½ Σ_k λ_k θ_k² in the family ring (X: inputs × m, Y: outputs × m over P). */
export function familySquaredLoss(F: FamilyRing, X: SymbolicMatrix, Y: SymbolicMatrix, reg: SymbolicRegularization = { kind: 'none' }): QQPoly {
  const N = F.network;
  const C = F.ring;
  const m = checkShape('the inputs X', X, N.inputs);
  checkShape('the targets Y', Y, N.outputs, m);
  const fmap = N.fmap.map((row) => row.map((c) => F.fromNetwork(c)));
  let total = C.zero();
  for (let j = 0; j < m; j++) {
    const v = basisAt(C, N, X.map((row) => F.fromParams(row[j]!)));
    for (let o = 0; o < N.outputs; o++) {
      let r = C.neg(F.fromParams(Y[o]![j]!));
      fmap[o]!.forEach((c, b) => (r = C.add(r, C.mul(c, v[b]!))));
      total = C.add(total, C.mul(r, r));
    }
  }
  return C.add(C.scale(total, rat(1n, 2n)), regularizationTerm(F, reg));
}

/** Σ_o (c_o(θ) - t_o)^T M (c_o(θ) - t_o) in the family ring (target: outputs × basis, M: basis × basis, over P). */
export function familyTeacherLoss(F: FamilyRing, target: SymbolicMatrix, M: SymbolicMatrix): QQPoly {
  const N = F.network;
  const C = F.ring;
  const K = N.basis.length;
  if (target.length !== N.outputs || target.some((row) => row.length !== K)) {
    throw new MathError('shape', `the target needs ${N.outputs} row${N.outputs === 1 ? '' : 's'} of ${K} coefficients`);
  }
  if (M.length !== K || M.some((row) => row.length !== K)) throw new MathError('shape', `the metric must be ${K}x${K} (the size of the function basis)`);
  const metric = M.map((row) => row.map((x) => F.fromParams(x)));
  let total = C.zero();
  for (let o = 0; o < N.outputs; o++) {
    const d = N.fmap[o]!.map((c, b) => C.sub(F.fromNetwork(c), F.fromParams(target[o]![b]!)));
    for (let a = 0; a < K; a++) {
      let row = C.zero();
      for (let b = 0; b < K; b++) if (!C.isZero(metric[a]![b]!)) row = C.add(row, C.mul(metric[a]![b]!, d[b]!));
      total = C.add(total, C.mul(d[a]!, row));
    }
  }
  return total;
}

/** M_ab = (1/m) Σ_j x_j^{α_a + α_b} for data X (inputs × m) with entries in P: a matrix over P. */
export function familyEmpiricalMoments(N: Network, P: QQRing, X: SymbolicMatrix): QQPoly[][] {
  const m = checkShape('the inputs X', X, N.inputs);
  const K = N.basis.length;
  const M: QQPoly[][] = Array.from({ length: K }, () => Array.from({ length: K }, () => P.zero()));
  for (let j = 0; j < m; j++) {
    const v = basisAt(P, N, X.map((row) => row[j]!));
    for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) M[a]![b] = P.add(M[a]![b]!, P.mul(v[a]!, v[b]!));
  }
  const scale = rat(1n, BigInt(m));
  return M.map((row) => row.map((x) => P.scale(x, scale)));
}

/** M_ab = E[x^{α_a + α_b}] for x ~ N(0, Σ(t)), Σ a symmetric matrix over P (Isserlis' recursion of ./losses.ts). */
export function familyGaussianMoments(N: Network, P: QQRing, covariance: SymbolicMatrix): QQPoly[][] {
  const n = N.inputs;
  if (covariance.length !== n || covariance.some((row) => row.length !== n)) throw new MathError('shape', `the covariance must be ${n}x${n}`);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (!P.equals(covariance[i]![j]!, covariance[j]![i]!)) throw new MathError('not-symmetric', 'the covariance matrix is not symmetric');
  const A = { zero: P.zero(), one: P.one(), isZero: (a: QQPoly) => P.isZero(a), add: (a: QQPoly, b: QQPoly) => P.add(a, b), mul: (a: QQPoly, b: QQPoly) => P.mul(a, b), fromInt: (k: number) => P.fromInt(k) };
  const memo = new Map<string, QQPoly>();
  return N.basis.map((a) => N.basis.map((b) => isserlisMoment(A, a.map((x, i) => x + b[i]!), covariance, memo)));
}

/** The coefficients of x^T S x (S symmetric n × n over P) in a degree-2 basis: S_ii, and 2 S_ij for i < j. */
export function familyTargetFromQuadraticForm(N: Network, P: QQRing, S: SymbolicMatrix): QQPoly[][] {
  const n = N.inputs;
  if (S.length !== n || S.some((row) => row.length !== n)) throw new MathError('shape', `the target form must be ${n}x${n}`);
  const row = N.basis.map((e) => {
    if (e.reduce((s, k) => s + k, 0) !== 2) return P.zero();
    const [i, j] = e.flatMap((k, i) => Array<number>(k).fill(i)) as [number, number];
    if (!P.equals(S[i]![j]!, S[j]![i]!)) throw new MathError('not-symmetric', 'the target form is not symmetric');
    return i === j ? S[i]![i]! : P.add(S[i]![j]!, S[j]![i]!);
  });
  return [row];
}

/** A matrix of numbers as constants of P. */
export function constantMatrix(P: QQRing, M: readonly (readonly Rat[])[]): QQPoly[][] {
  return M.map((row) => row.map((x) => P.constant(x)));
}

/** The matrix of numbers when no entry involves a parameter, else null. */
export function numericMatrix(P: QQRing, M: SymbolicMatrix): Rat[][] | null {
  return M.every((row) => row.every((x) => P.isConstant(x))) ? M.map((row) => row.map((x) => P.constantCoeff(x))) : null;
}
