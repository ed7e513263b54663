// Flatness: the trace of the Hessian, exactly, and the flattest global minimum of matrix factorization.
//
// Reference: L. Ding, D. Drusvyatskiy, M. Fazel, Z. Harchaoui, "Flat minima generalize for low-rank
// matrix recovery", arXiv:2203.03756.
// - tr ∇²f = Σ_i ∂²f/∂θ_i², a polynomial when f is (exact), evaluated exactly at rational points.
// - Full observation f(L, R) = ||L R^T - M||²_F with L: n1×k, R: n2×k. Since f is quadratic in L for
//   fixed R (and conversely), tr ∇²f = 2 (n1 ||R||²_F + n2 ||L||²_F) identically. Over the factorizations
//   of M it is minimized at the balanced SVD factorization L = c U Σ^{1/2}, R = c^{-1} V Σ^{1/2} with
//   c = (n1/n2)^{1/4}, with value 4 √(n1 n2) ||M||_*: by AM–GM, n1||R||² + n2||L||² ≥ 2√(n1 n2)||L||·||R||
//   ≥ 2√(n1 n2) ||M||_*. The SVD is computed in floating point (one-sided Jacobi, src/math/dense);
//   the trace at the point by the identity above in floats, or on request from the exact trace
//   polynomial (the independent check: it never uses the identity).
import { type Dense, entry, frobenius, fromRows, matmul, svd, transposeDense } from '../math/dense/index.js';
import { MathError } from '../math/errors.js';
import type { ComputeOptions } from '../math/progress.js';
import { QQ, type Rat, rat } from '../math/field.js';
import { type Poly, PolyRing } from '../math/poly.js';
import { ratToFloat } from '../math/rat-float.js';

/** Σ_i ∂²f/∂x_i² over the given variables (all of R's by default). */
export function traceHessian<E>(R: PolyRing<E>, f: Poly<E>, vars?: readonly number[]): Poly<E> {
  const vs = vars ?? [...Array(R.nvars).keys()];
  let sum = R.zero();
  for (const v of vs) sum = R.add(sum, R.diff(R.diff(f, v), v));
  return sum;
}

/** A polynomial with rational coefficients at a point of floats. */
export function evaluateFloat(R: PolyRing<Rat>, f: Poly<Rat>, point: readonly number[]): number {
  let sum = 0;
  f.mons.forEach((m, t) => {
    let v = ratToFloat(f.coeffs[t]!);
    for (let i = 0; i < m.length; i++) if (m[i]! > 0) v *= point[i]! ** m[i]!;
    sum += v;
  });
  return sum;
}

/** The loss ||L R^T - M||²_F in a ring QQ[L[1..n1, 1..k], R[1..n2, 1..k]] (L first, row-major). */
export function factorizationLoss(M: readonly (readonly Rat[])[], k: number): { ring: PolyRing<Rat>; loss: Poly<Rat> } {
  const n1 = M.length, n2 = M[0]?.length ?? 0;
  if (n1 === 0 || n2 === 0 || M.some((row) => row.length !== n2)) throw new MathError('shape', 'M must be a non-empty matrix');
  const names: string[] = [];
  for (let i = 1; i <= n1; i++) for (let j = 1; j <= k; j++) names.push(`L[${i},${j}]`);
  for (let i = 1; i <= n2; i++) for (let j = 1; j <= k; j++) names.push(`R[${i},${j}]`);
  const P = new PolyRing(QQ, names);
  const Lv = (i: number, j: number) => P.variable(i * k + j);
  const Rv = (i: number, j: number) => P.variable(n1 * k + i * k + j);
  let loss = P.zero();
  for (let i = 0; i < n1; i++) {
    for (let j = 0; j < n2; j++) {
      let e = P.constant(QQ.neg(M[i]![j]!));
      for (let t = 0; t < k; t++) e = P.add(e, P.mul(Lv(i, t), Rv(j, t)));
      loss = P.add(loss, P.mul(e, e));
    }
  }
  return { ring: P, loss };
}

export interface FlatMinimum {
  /** The balanced factors L (n1×k) and R (n2×k), L R^T = M. */
  readonly L: number[][];
  readonly R: number[][];
  /** tr ∇²f at (L, R): by the identity 2 (n1 ||R||²_F + n2 ||L||²_F) in floats, or (exact route) the exact trace polynomial evaluated in floats. */
  readonly trace: number;
  /** The closed form 4 √(n1 n2) ||M||_*. */
  readonly bound: number;
  readonly nuclearNorm: number;
  readonly singularValues: number[];
  /** ||L R^T - M||_F (zero up to rounding: a global minimum). */
  readonly residual: number;
  /** How the trace was obtained. */
  readonly method: 'svd' | 'exact-trace-polynomial';
}

export interface FlatMinimumOptions extends ComputeOptions {
  /** Evaluate the exact trace polynomial of the loss instead of the identity (needs exact M; cost grows with (n1 + n2)·k·n1·n2). */
  readonly exact?: boolean;
}

/**
 * The flattest global minimum of f(L, R) = ||L R^T - M||²_F (k ≥ rank M): the balanced SVD
 * factorization (one-sided Jacobi SVD on Float64Array, src/math/dense/svd.ts). tr ∇²f there comes from
 * the identity tr ∇²f = 2 (n1 ||R||²_F + n2 ||L||²_F) (exact: factorizationTraceFormula), or with
 * `exact: true` from the exact trace polynomial of the loss; the caller compares it with the closed
 * form 4 √(n1 n2) ||M||_*.
 */
export function flattestFactorization(M: Dense | readonly (readonly Rat[])[], k: number, options: FlatMinimumOptions = {}): FlatMinimum {
  const Mf = isDenseMatrix(M) ? M : fromRows(M.map((row) => row.map(ratToFloat)));
  const n1 = Mf.rows, n2 = Mf.cols;
  if (n1 === 0 || n2 === 0) throw new MathError('shape', 'M must be a non-empty matrix');
  if (options.exact && isDenseMatrix(M)) throw new MathError('domain', 'the exact trace polynomial needs an exact matrix M (not floats)');
  const { U, singular, V, rank: rankM } = svd(Mf, options);
  if (k < rankM) throw new MathError('domain', `k = ${k} is below the rank of M (${rankM}): no factorization L R^T = M exists`);
  const c = (n1 / n2) ** 0.25;
  const r = singular.length;
  const L = Array.from({ length: n1 }, (_, i) => Array.from({ length: k }, (_, t) => (t < r ? c * entry(U, i, t) * Math.sqrt(singular[t]!) : 0)));
  const R = Array.from({ length: n2 }, (_, i) => Array.from({ length: k }, (_, t) => (t < r ? (entry(V, i, t) * Math.sqrt(singular[t]!)) / c : 0)));
  let trace: number;
  if (options.exact) {
    const { ring, loss } = factorizationLoss(M as readonly (readonly Rat[])[], k);
    trace = evaluateFloat(ring, traceHessian(ring, loss), [...L.flat(), ...R.flat()]);
  } else {
    const sq = (X: number[][]) => X.reduce((s, row) => s + row.reduce((t, v) => t + v * v, 0), 0);
    trace = 2 * (n1 * sq(R) + n2 * sq(L));
  }
  const nuclearNorm = singular.reduce((s, x) => s + x, 0);
  const LRt = matmul(fromRows(L), transposeDense(fromRows(R)));
  for (let i = 0; i < n1; i++) for (let j = 0; j < n2; j++) LRt.data[i * n2 + j]! -= entry(Mf, i, j);
  return {
    L,
    R,
    trace,
    bound: 4 * Math.sqrt(n1 * n2) * nuclearNorm,
    nuclearNorm,
    singularValues: Array.from(singular),
    residual: frobenius(LRt),
    method: options.exact ? 'exact-trace-polynomial' : 'svd',
  };
}

function isDenseMatrix(M: unknown): M is Dense {
  return typeof M === 'object' && M !== null && (M as Dense).data instanceof Float64Array;
}

/** 2 (n1 ||R||² + n2 ||L||²) as a polynomial in the ring of factorizationLoss (the closed form of tr ∇²f). */
export function factorizationTraceFormula(ring: PolyRing<Rat>, n1: number, n2: number, k: number): Poly<Rat> {
  let sum = ring.zero();
  for (let i = 0; i < n1 * k; i++) sum = ring.add(sum, ring.scale(ring.pow(ring.variable(i), 2), rat(BigInt(2 * n2))));
  for (let i = 0; i < n2 * k; i++) sum = ring.add(sum, ring.scale(ring.pow(ring.variable(n1 * k + i), 2), rat(BigInt(2 * n1))));
  return sum;
}
