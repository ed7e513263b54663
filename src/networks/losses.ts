// Losses of networks: squared loss on data with (generalized) L2 regularization, and teacher–student
// losses in function space for the metric induced by a data distribution.
//
// Conventions (see docs/networks.md):
// - Data: X is n × m (column j is the input x_j), Y is o × m (column j the target y_j), exact rationals.
// - loss(N, X, Y, reg) = ½ Σ_j ||f_θ(x_j) - y_j||² + ½ Σ_k λ_k θ_k² (the contract's normalisation,
//   constant ½ Σ_j ||y_j||² included). The generalized L2 of Mehta, Chen, Tang, Hauenstein
//   (arXiv:1810.07716) is an independent weight λ_k per parameter; plain L2 is λ_k = λ.
//   Computed in function space: f_θ(x) = Σ_b c_b(θ) x^{α_b} per output, so the data term is
//   ½ Σ_o (c_o^T G c_o - 2 g_o^T c_o + Σ_j y_oj²) with G = Σ_j v(x_j) v(x_j)^T and g_o = Σ_j y_oj v(x_j),
//   v(x) = (x^{α_b})_b the vector of basis monomials.
// - teacher(N, target, M) = Σ_o (c_o(θ) - t_o)^T M (c_o(θ) - t_o) = E_𝒟 Σ_o (f_θ,o(x) - f_*,o(x))²
//   for the moment matrix M_{ab} = E_𝒟[x^{α_a + α_b}] of a distribution 𝒟 (no ½: it is the squared
//   distance ||T_θ - T_*||²_𝒟 of the background, §3).
// - Moment matrices: of finitely many data points (uniform weights 1/m; degenerate, rank < size, when
//   there are fewer points than basis monomials), or of the centred Gaussian N(0, Σ), exact for every
//   degree by Isserlis' (Wick's) theorem in its recursive form
//   E[x_i x^γ] = Σ_j Σ_ij γ_j E[x^{γ - e_j}].
//   For Σ = I and degree 2 this gives ⟨S, T⟩ = 2 tr(ST) + tr(S) tr(T) on quadratic forms x^T S x.
import { MathError } from '../math/errors.js';
import { QQ, type Rat, rat } from '../math/field.js';
import type { Poly, PolyRing } from '../math/poly.js';
import type { Random } from '../math/random.js';
import type { Network } from './architectures.js';

export type Regularization =
  | { readonly kind: 'none' }
  | { readonly kind: 'uniform'; readonly weight: Rat }
  /** One weight per parameter, in the order of the ring's variables. */
  | { readonly kind: 'entrywise'; readonly weights: readonly Rat[] };

/** The denominator of random weights: numerators are drawn from 30 bits. */
export const RANDOM_WEIGHT_DENOMINATOR = 2n ** 30n;

/**
 * Independent positive weights λ_k = n_k / 2^30 with n_k uniform in 1..2^30 (seeded): a range wide
 * enough that two weights coincide with probability about k²/2^31 (ties would make the regularized
 * loss special, e.g. symmetric), while the coefficients stay small.
 */
export function randomWeights(N: Network, random: Random): Rat[] {
  return N.ring.vars.map(() => randomWeight(random));
}

/** One random weight n / 2^30, n uniform in 1..2^30. */
export function randomWeight(random: Random): Rat {
  return rat(BigInt(random.int(1, 2 ** 30)), RANDOM_WEIGHT_DENOMINATOR);
}

/** The vector v(x) of basis monomials at a point. */
export function basisValues(N: Network, x: readonly Rat[]): Rat[] {
  return N.basis.map((e) => {
    let v = QQ.one;
    e.forEach((k, i) => {
      for (let t = 0; t < k; t++) v = QQ.mul(v, x[i]!);
    });
    return v;
  });
}

function checkData(N: Network, X: readonly (readonly Rat[])[], Y?: readonly (readonly Rat[])[]): number {
  if (X.length !== N.inputs) throw new MathError('shape', `the inputs X must have ${N.inputs} rows (one per input variable), got ${X.length}`);
  const m = X[0]?.length ?? 0;
  if (m === 0) throw new MathError('shape', 'the data matrix X has no columns');
  if (X.some((row) => row.length !== m)) throw new MathError('shape', 'the rows of X have different lengths');
  if (Y) {
    if (Y.length !== N.outputs) throw new MathError('shape', `the targets Y must have ${N.outputs} row${N.outputs === 1 ? '' : 's'} (one per output), got ${Y.length}`);
    if (Y.some((row) => row.length !== m)) throw new MathError('shape', `the targets Y must have ${m} columns, like X`);
  }
  return m;
}

function column(X: readonly (readonly Rat[])[], j: number): Rat[] {
  return X.map((row) => row[j]!);
}

/** c^T M c - 2 g^T c + k for a vector c of polynomials, M symmetric (shared with the recovery losses, ./recovery.ts). */
export function quadraticForm(R: PolyRing<Rat>, c: readonly Poly<Rat>[], M: readonly (readonly Rat[])[], g: readonly Rat[], k: Rat): Poly<Rat> {
  let sum = R.constant(k);
  const K = c.length;
  for (let a = 0; a < K; a++) {
    // M_aa c_a² + 2 Σ_{b>a} M_ab c_a c_b: each product once.
    let inner = R.scale(c[a]!, M[a]![a]!);
    for (let b = a + 1; b < K; b++) if (!QQ.isZero(M[a]![b]!)) inner = R.add(inner, R.scale(c[b]!, QQ.add(M[a]![b]!, M[b]![a]!)));
    inner = R.sub(inner, R.constant(QQ.add(g[a]!, g[a]!)));
    if (!R.isZero(inner)) sum = R.add(sum, R.mul(c[a]!, inner));
  }
  return sum;
}

function regularizationTerm(N: Network, reg: Regularization): Poly<Rat> {
  const R = N.ring;
  if (reg.kind === 'none') return R.zero();
  const weights = reg.kind === 'uniform' ? R.vars.map(() => reg.weight) : reg.weights;
  if (weights.length !== R.nvars) throw new MathError('shape', `the regularization needs ${R.nvars} weights (one per parameter), got ${weights.length}`);
  const half = rat(1n, 2n);
  return R.fromTerms(
    weights.map((w, k) => {
      const m = new Int32Array(R.nvars);
      m[k] = 2;
      return [m, QQ.mul(half, w)] as const;
    }),
  );
}

/** The Gram matrix G = Σ_j v(x_j) v(x_j)^T of the data in the network's function basis. */
export function dataGram(N: Network, X: readonly (readonly Rat[])[]): Rat[][] {
  const m = checkData(N, X);
  const K = N.basis.length;
  const G: Rat[][] = Array.from({ length: K }, () => new Array<Rat>(K).fill(QQ.zero));
  for (let j = 0; j < m; j++) {
    const v = basisValues(N, column(X, j));
    for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) G[a]![b] = QQ.add(G[a]![b]!, QQ.mul(v[a]!, v[b]!));
  }
  return G;
}

/** ½ Σ_j ||f_θ(x_j) - y_j||² + ½ Σ_k λ_k θ_k², a polynomial in the parameters. */
export function squaredLoss(N: Network, X: readonly (readonly Rat[])[], Y: readonly (readonly Rat[])[], reg: Regularization = { kind: 'none' }): Poly<Rat> {
  const m = checkData(N, X, Y);
  const R = N.ring;
  const G = dataGram(N, X);
  const values = Array.from({ length: m }, (_, j) => basisValues(N, column(X, j)));
  let total = R.zero();
  for (let o = 0; o < N.outputs; o++) {
    const g = N.basis.map((_, b) => values.reduce((s, v, j) => QQ.add(s, QQ.mul(Y[o]![j]!, v[b]!)), QQ.zero));
    const yy = Y[o]!.reduce((s, y) => QQ.add(s, QQ.mul(y, y)), QQ.zero);
    total = R.add(total, quadraticForm(R, N.fmap[o]!, G, g, yy));
  }
  const half = rat(1n, 2n);
  return R.add(R.scale(total, half), regularizationTerm(N, reg));
}

/** The data term alone as a function of the function-space coordinates: ½ Σ_o (c_o^T G c_o - 2 g_o^T c_o + ||y_o||²). */
export function functionSpaceLoss(N: Network, C: PolyRing<Rat>, X: readonly (readonly Rat[])[], Y: readonly (readonly Rat[])[]): Poly<Rat> {
  const m = checkData(N, X, Y);
  const G = dataGram(N, X);
  const values = Array.from({ length: m }, (_, j) => basisValues(N, column(X, j)));
  const K = N.basis.length;
  let total = C.zero();
  for (let o = 0; o < N.outputs; o++) {
    const c = Array.from({ length: K }, (_, b) => C.variable(o * K + b));
    const g = N.basis.map((_, b) => values.reduce((s, v, j) => QQ.add(s, QQ.mul(Y[o]![j]!, v[b]!)), QQ.zero));
    const yy = Y[o]!.reduce((s, y) => QQ.add(s, QQ.mul(y, y)), QQ.zero);
    total = C.add(total, quadraticForm(C, c, G, g, yy));
  }
  return C.scale(total, rat(1n, 2n));
}

// ---------------------------------------------------------------------------------------------
// Moment matrices (the metric of a data distribution on the function space).

/** M_ab = (1/m) Σ_j x_j^{α_a + α_b}: the uniform distribution on the columns of X. */
export function empiricalMoments(N: Network, X: readonly (readonly Rat[])[]): Rat[][] {
  const m = checkData(N, X);
  const scale = rat(1n, BigInt(m));
  return dataGram(N, X).map((row) => row.map((x) => QQ.mul(x, scale)));
}

/**
 * E[x^γ] for x ~ N(0, Σ) (Σ = identity when omitted), exact, by Isserlis' theorem:
 * E[x_i x^γ] = Σ_j Σ_ij γ_j E[x^{γ - e_j}], with E[1] = 1 and zero for odd total degree.
 */
export function gaussianMoment(gamma: readonly number[], covariance?: readonly (readonly Rat[])[], memo = new Map<string, Rat>()): Rat {
  const total = gamma.reduce((s, k) => s + k, 0);
  if (total % 2 === 1) return QQ.zero;
  if (total === 0) return QQ.one;
  if (!covariance) {
    // Independent standard normals: Π (γ_i - 1)!! for even γ_i.
    let v = 1n;
    for (const k of gamma) {
      if (k % 2 === 1) return QQ.zero;
      for (let t = k - 1; t > 1; t -= 2) v *= BigInt(t);
    }
    return rat(v);
  }
  return isserlisMoment(RATIONAL_MOMENTS, gamma, covariance, memo);
}

/** The arithmetic Isserlis' recursion needs: rationals, or polynomials in parameters (./family-losses.ts). */
export interface MomentArithmetic<E> {
  readonly zero: E;
  readonly one: E;
  isZero(a: E): boolean;
  add(a: E, b: E): E;
  mul(a: E, b: E): E;
  fromInt(k: number): E;
}

const RATIONAL_MOMENTS: MomentArithmetic<Rat> = { zero: QQ.zero, one: QQ.one, isZero: (a) => QQ.isZero(a), add: (a, b) => QQ.add(a, b), mul: (a, b) => QQ.mul(a, b), fromInt: (k) => rat(BigInt(k)) };

/** E[x^γ] for x ~ N(0, Σ), entries of Σ in any commutative arithmetic: E[x_i x^γ] = Σ_j Σ_ij γ_j E[x^{γ - e_j}]. */
export function isserlisMoment<E>(A: MomentArithmetic<E>, gamma: readonly number[], covariance: readonly (readonly E[])[], memo = new Map<string, E>()): E {
  const total = gamma.reduce((s, k) => s + k, 0);
  if (total % 2 === 1) return A.zero;
  if (total === 0) return A.one;
  const key = gamma.join(',');
  const cached = memo.get(key);
  if (cached !== undefined) return cached;
  const i = gamma.findIndex((k) => k > 0);
  const rest = [...gamma];
  rest[i]! -= 1;
  let sum = A.zero;
  rest.forEach((k, j) => {
    if (k === 0 || A.isZero(covariance[i]![j]!)) return;
    const lower = [...rest];
    lower[j]! -= 1;
    sum = A.add(sum, A.mul(A.mul(covariance[i]![j]!, A.fromInt(k)), isserlisMoment(A, lower, covariance, memo)));
  });
  memo.set(key, sum);
  return sum;
}

/** M_ab = E[x^{α_a + α_b}] for x ~ N(0, Σ) (Σ = identity when omitted). */
export function gaussianMoments(N: Network, covariance?: readonly (readonly Rat[])[]): Rat[][] {
  if (covariance) {
    if (covariance.length !== N.inputs || covariance.some((row) => row.length !== N.inputs)) {
      throw new MathError('shape', `the covariance must be ${N.inputs}x${N.inputs}`);
    }
    for (let i = 0; i < N.inputs; i++) {
      for (let j = 0; j < i; j++) if (!QQ.eq(covariance[i]![j]!, covariance[j]![i]!)) throw new MathError('not-symmetric', 'the covariance matrix is not symmetric');
    }
  }
  const memo = new Map<string, Rat>();
  return N.basis.map((a) => N.basis.map((b) => gaussianMoment(a.map((x, i) => x + b[i]!), covariance, memo)));
}

/** Σ_o (c_o(θ) - t_o)^T M (c_o(θ) - t_o), target t given as outputs × basis coefficients. */
export function teacherLoss(N: Network, target: readonly (readonly Rat[])[], M: readonly (readonly Rat[])[]): Poly<Rat> {
  const K = N.basis.length;
  if (target.length !== N.outputs || target.some((row) => row.length !== K)) {
    throw new MathError('shape', `the target needs ${N.outputs} row${N.outputs === 1 ? '' : 's'} of ${K} coefficients`);
  }
  if (M.length !== K || M.some((row) => row.length !== K)) throw new MathError('shape', `the metric must be ${K}x${K} (the size of the function basis)`);
  const R = N.ring;
  let total = R.zero();
  for (let o = 0; o < N.outputs; o++) {
    const t = target[o]!;
    // (c - t)^T M (c - t) = c^T M c - 2 (M t)^T c + t^T M t.
    const Mt = M.map((row) => row.reduce((s, x, b) => QQ.add(s, QQ.mul(x, t[b]!)), QQ.zero));
    const tMt = t.reduce((s, x, a) => QQ.add(s, QQ.mul(x, Mt[a]!)), QQ.zero);
    total = R.add(total, quadraticForm(R, N.fmap[o]!, M, Mt, tMt));
  }
  return total;
}

/**
 * The coefficients (outputs × basis) of a target function given as a polynomial in n input
 * variables: `inputs[i]` is the ring index of x_i. Throws when a term is not in the network's basis.
 */
export function targetFromPolynomial(N: Network, S: PolyRing<Rat>, f: Poly<Rat>, inputs: readonly number[]): Rat[][] {
  const index = new Map(N.basis.map((e, b) => [e.join(','), b]));
  const row = new Array<Rat>(N.basis.length).fill(QQ.zero);
  f.mons.forEach((m, t) => {
    for (let i = 0; i < S.nvars; i++) {
      if (m[i]! > 0 && !inputs.includes(i)) throw new MathError('domain', `the target may only involve the ${N.inputs} input variables`);
    }
    const e = inputs.map((i) => m[i]!);
    const b = index.get(e.join(','));
    if (b === undefined) throw new MathError('domain', `the target has a term ${S.monomialText(m)} that the network cannot express (not in its function basis)`);
    row[b] = f.coeffs[t]!;
  });
  return [row];
}

/** The coefficients of x^T S x (S symmetric n×n) in a degree-2 basis: S_ii, and 2 S_ij for i < j. */
export function targetFromQuadraticForm(N: Network, S: readonly (readonly Rat[])[]): Rat[][] {
  const n = N.inputs;
  if (S.length !== n || S.some((row) => row.length !== n)) throw new MathError('shape', `the target form must be ${n}x${n}`);
  const row = N.basis.map((e) => {
    if (e.reduce((s, k) => s + k, 0) !== 2) return QQ.zero;
    const idx = e.flatMap((k, i) => Array<number>(k).fill(i));
    const [i, j] = idx as [number, number];
    if (!QQ.eq(S[i]![j]!, S[j]![i]!)) throw new MathError('not-symmetric', 'the target form is not symmetric');
    return i === j ? S[i]![i]! : QQ.add(S[i]![j]!, S[j]![i]!);
  });
  return [row];
}
