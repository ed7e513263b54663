// Flatness: the trace of the Hessian, exactly, and the flattest global minimum of matrix factorization.
//
// Reference: L. Ding, D. Drusvyatskiy, M. Fazel, Z. Harchaoui, "Flat minima generalize for low-rank
// matrix recovery", arXiv:2203.03756.
// - tr ∇²f = Σ_i ∂²f/∂θ_i², a polynomial when f is (exact), evaluated exactly at rational points.
// - Full observation f(L, R) = ||L R^T - M||²_F with L: n1×k, R: n2×k. Since f is quadratic in L for
//   fixed R (and conversely), tr ∇²f = 2 (n1 ||R||²_F + n2 ||L||²_F) identically. Over the factorizations
//   of M it is minimized at the balanced SVD factorization L = c U Σ^{1/2}, R = c^{-1} V Σ^{1/2} with
//   c = (n1/n2)^{1/4}, with value 4 √(n1 n2) ||M||_*: by AM–GM, n1||R||² + n2||L||² ≥ 2√(n1 n2)||L||·||R||
//   ≥ 2√(n1 n2) ||M||_*. The SVD is computed in floating point (one-sided Jacobi).
import { MathError } from '../math/errors.js';
import { QQ, type Rat, rat } from '../math/field.js';
import { type Poly, PolyRing } from '../math/poly.js';
import { ratToFloat } from './nnls.js';

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

// ---------------------------------------------------------------------------------------------
// SVD (one-sided Jacobi, Hestenes): A V = U Σ, columns orthogonalized by plane rotations.

export interface Svd {
  readonly U: number[][];
  readonly singular: number[];
  readonly V: number[][];
}

export function svd(A: readonly (readonly number[])[]): Svd {
  const m = A.length, n = A[0]!.length;
  if (m < n) {
    const t = svd(transposeF(A));
    return { U: t.V, singular: t.singular, V: t.U };
  }
  const W = A.map((row) => [...row]);
  const V: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0, beta = 0, gamma = 0;
        for (let i = 0; i < m; i++) {
          alpha += W[i]![p]! ** 2;
          beta += W[i]![q]! ** 2;
          gamma += W[i]![p]! * W[i]![q]!;
        }
        if (Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta) || gamma === 0) continue;
        off = Math.max(off, Math.abs(gamma) / Math.sqrt(alpha * beta));
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t), s = c * t;
        for (let i = 0; i < m; i++) {
          const a = W[i]![p]!, b = W[i]![q]!;
          W[i]![p] = c * a - s * b;
          W[i]![q] = s * a + c * b;
        }
        for (let i = 0; i < n; i++) {
          const a = V[i]![p]!, b = V[i]![q]!;
          V[i]![p] = c * a - s * b;
          V[i]![q] = s * a + c * b;
        }
      }
    }
    if (off < 1e-15) break;
  }
  const singular = Array.from({ length: n }, (_, j) => Math.sqrt(W.reduce((s, row) => s + row[j]! ** 2, 0)));
  const order = [...singular.keys()].sort((a, b) => singular[b]! - singular[a]!);
  const U = W.map((row) => order.map((j) => (singular[j]! > 0 ? row[j]! / singular[j]! : 0)));
  return { U, singular: order.map((j) => singular[j]!), V: V.map((row) => order.map((j) => row[j]!)) };
}

function transposeF(A: readonly (readonly number[])[]): number[][] {
  return A[0]!.map((_, j) => A.map((row) => row[j]!));
}

export interface FlatMinimum {
  /** The balanced factors L (n1×k) and R (n2×k), L R^T = M. */
  readonly L: number[][];
  readonly R: number[][];
  /** tr ∇²f at (L, R), from the exact polynomial tr ∇²f evaluated in floating point. */
  readonly trace: number;
  /** The closed form 4 √(n1 n2) ||M||_*. */
  readonly bound: number;
  readonly nuclearNorm: number;
  readonly singularValues: number[];
  /** ||L R^T - M||_F (zero up to rounding: a global minimum). */
  readonly residual: number;
}

/**
 * The flattest global minimum of f(L, R) = ||L R^T - M||²_F (k ≥ rank M): the balanced SVD
 * factorization, with tr ∇²f computed from the exact trace polynomial and compared by the caller
 * with the closed form 4 √(n1 n2) ||M||_*.
 */
export function flattestFactorization(M: readonly (readonly Rat[])[], k: number): FlatMinimum {
  const { ring, loss } = factorizationLoss(M, k);
  const n1 = M.length, n2 = M[0]!.length;
  const Mf = M.map((row) => row.map(ratToFloat));
  const { U, singular, V } = svd(Mf);
  const rankM = singular.filter((s) => s > 1e-12 * (singular[0] || 1)).length;
  if (k < rankM) throw new MathError('domain', `k = ${k} is below the rank of M (${rankM}): no factorization L R^T = M exists`);
  const c = (n1 / n2) ** 0.25;
  const L = Array.from({ length: n1 }, (_, i) => Array.from({ length: k }, (_, t) => (t < singular.length ? c * U[i]![t]! * Math.sqrt(singular[t]!) : 0)));
  const R = Array.from({ length: n2 }, (_, i) => Array.from({ length: k }, (_, t) => (t < singular.length ? (V[i]![t]! * Math.sqrt(singular[t]!)) / c : 0)));
  const point = [...L.flat(), ...R.flat()];
  const trace = evaluateFloat(ring, traceHessian(ring, loss), point);
  const nuclearNorm = singular.reduce((s, x) => s + x, 0);
  let residual = 0;
  for (let i = 0; i < n1; i++) {
    for (let j = 0; j < n2; j++) {
      let e = -Mf[i]![j]!;
      for (let t = 0; t < k; t++) e += L[i]![t]! * R[j]![t]!;
      residual += e * e;
    }
  }
  return { L, R, trace, bound: 4 * Math.sqrt(n1 * n2) * nuclearNorm, nuclearNorm, singularValues: singular, residual: Math.sqrt(residual) };
}

/** 2 (n1 ||R||² + n2 ||L||²) as a polynomial in the ring of factorizationLoss (the closed form of tr ∇²f). */
export function factorizationTraceFormula(ring: PolyRing<Rat>, n1: number, n2: number, k: number): Poly<Rat> {
  let sum = ring.zero();
  for (let i = 0; i < n1 * k; i++) sum = ring.add(sum, ring.scale(ring.pow(ring.variable(i), 2), rat(BigInt(2 * n2))));
  for (let i = 0; i < n2 * k; i++) sum = ring.add(sum, ring.scale(ring.pow(ring.variable(n1 * k + i), 2), rat(BigInt(2 * n1))));
  return sum;
}
