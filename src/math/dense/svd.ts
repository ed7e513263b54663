// Singular value decomposition A = U diag(σ) V^T by one-sided Jacobi (Hestenes 1958; Golub–Van Loan,
// "Matrix Computations", 4th ed., §8.6.4; the rotation of Demmel–Veselić, SIAM J. Matrix Anal. Appl.
// 13 (1992), which gives small singular values to high relative accuracy).
//
// Representation: for m ≥ n the columns of A are orthogonalized by plane rotations; they are kept as
// the rows of W = A^T (n × m, contiguous), and V^T is accumulated by rows the same way. A sweep visits
// every pair (p, q) in cyclic order; the iteration stops when every pair is orthogonal to
// ε·√(αβ) (α, β the squared column norms). m < n: the SVD of A^T, transposed back.
// Output: r = min(m, n) singular values descending, U m×r and V n×r with orthonormal columns (the
// columns of U for σ = 0 are zero), and the numerical rank (σ_k > max(m, n)·ε·σ_1).
import { MathError } from '../errors.js';
import { checkInterrupt, type Interrupt } from '../progress.js';
import { type Dense, transposeDense, zeros } from './matrix.js';

export interface SVD {
  readonly U: Dense;
  readonly singular: Float64Array;
  readonly V: Dense;
  readonly rank: number;
  readonly sweeps: number;
}

export function svd(A: Dense, options: { signal?: Interrupt } = {}): SVD {
  if (A.rows < A.cols) {
    const t = svd(transposeDense(A), options);
    return { U: t.V, singular: t.singular, V: t.U, rank: t.rank, sweeps: t.sweeps };
  }
  const m = A.rows, n = A.cols;
  const W = transposeDense(A).data; // n × m: row p is column p of A
  const Vt = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Vt[i * n + i] = 1;
  const eps = Number.EPSILON;
  let sweeps = 0;
  for (; sweeps < 80; sweeps++) {
    checkInterrupt(options.signal);
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      const wp = p * m;
      for (let q = p + 1; q < n; q++) {
        const wq = q * m;
        let alpha = 0, beta = 0, gamma = 0;
        for (let i = 0; i < m; i++) {
          const x = W[wp + i]!, y = W[wq + i]!;
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (gamma === 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t), s = c * t;
        for (let i = 0; i < m; i++) {
          const x = W[wp + i]!, y = W[wq + i]!;
          W[wp + i] = c * x - s * y;
          W[wq + i] = s * x + c * y;
        }
        const vp = p * n, vq = q * n;
        for (let i = 0; i < n; i++) {
          const x = Vt[vp + i]!, y = Vt[vq + i]!;
          Vt[vp + i] = c * x - s * y;
          Vt[vq + i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  if (sweeps === 80) throw new MathError('convergence', 'one-sided Jacobi SVD did not converge in 80 sweeps');
  const norms = Float64Array.from({ length: n }, (_, p) => {
    let s = 0;
    for (let i = 0; i < m; i++) s = Math.hypot(s, W[p * m + i]!);
    return s;
  });
  const order = Array.from({ length: n }, (_, p) => p).sort((x, y) => norms[y]! - norms[x]!);
  const singular = Float64Array.from(order, (p) => norms[p]!);
  const U = zeros(m, n), V = zeros(n, n);
  order.forEach((p, k) => {
    const sigma = norms[p]!;
    for (let i = 0; i < m; i++) U.data[i * n + k] = sigma > 0 ? W[p * m + i]! / sigma : 0;
    for (let i = 0; i < n; i++) V.data[i * n + k] = Vt[p * n + i]!;
  });
  const tol = Math.max(m, n) * eps * (singular[0] ?? 0);
  let rank = 0;
  while (rank < n && singular[rank]! > tol) rank++;
  return { U, singular, V, rank, sweeps };
}
