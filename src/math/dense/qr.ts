// Householder QR, with column pivoting on request, and least squares by it.
//
// Representation (LAPACK's compact form): `qr` holds R on and above the diagonal and the Householder
// vectors below it (v_k = (1, qr[k+1..m-1, k]), the leading 1 implicit); H_k = I - tau_k v_k v_k^T and
// Q = H_0 H_1 ... H_{r-1}; with pivoting A P = Q R where column k of A P is column perm[k] of A.
// Algorithms: Golub–Van Loan, "Matrix Computations", 4th ed., Algorithm 5.1.1 (the Householder
// vector, as LAPACK dlarfg), §5.2.2 (Householder QR), Algorithm 5.4.1 (QR with column pivoting,
// Businger–Golub) with the column-norm downdating of LAPACK dlaqp2 (recomputed when cancellation
// makes the downdated norm unreliable). Reflectors are applied row-wise: w = v^T A (a row vector
// accumulated over contiguous rows), then A -= tau v w.
// Numerical rank: the number of |R_kk| > tol·|R_00|, tol = max(m, n)·ε unless given.
import { MathError } from '../errors.js';
import { type Dense, copyDense, zeros } from './matrix.js';
import { solveUpper } from './triangular.js';

export interface QR {
  readonly qr: Dense;
  readonly tau: Float64Array;
  /** Column k of A P is column perm[k] of A (the identity without pivoting). */
  readonly perm: Int32Array;
  /** The numerical rank (min(m, n) without pivoting unless a diagonal entry of R is exactly zero). */
  readonly rank: number;
}

export interface QROptions {
  readonly pivot?: boolean;
  /** Relative rank tolerance (default max(m, n)·ε). */
  readonly tolerance?: number;
}

export function householderQR(A: Dense, options: QROptions = {}): QR {
  const F = copyDense(A);
  const m = F.rows, n = F.cols, a = F.data;
  const steps = Math.min(m, n);
  const tau = new Float64Array(steps);
  const perm = Int32Array.from({ length: n }, (_, j) => j);
  const pivot = options.pivot ?? false;
  // Column norms (current partial, and at their last exact computation) for the pivoting.
  const norms = new Float64Array(n), exactNorms = new Float64Array(n);
  if (pivot) {
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) norms[j]! += a[i * n + j]! ** 2;
    for (let j = 0; j < n; j++) exactNorms[j] = norms[j] = Math.sqrt(norms[j]!);
  }
  const w = new Float64Array(n);
  const tol3z = Math.sqrt(Number.EPSILON);
  for (let k = 0; k < steps; k++) {
    if (pivot) {
      let p = k;
      for (let j = k + 1; j < n; j++) if (norms[j]! > norms[p]!) p = j;
      if (p !== k) {
        for (let i = 0; i < m; i++) {
          const t = a[i * n + k]!;
          a[i * n + k] = a[i * n + p]!;
          a[i * n + p] = t;
        }
        [perm[k], perm[p]] = [perm[p]!, perm[k]!];
        [norms[k], norms[p]] = [norms[p]!, norms[k]!];
        [exactNorms[k], exactNorms[p]] = [exactNorms[p]!, exactNorms[k]!];
      }
    }
    // The Householder vector of column k, rows k..m-1.
    const alpha = a[k * n + k]!;
    let xnorm = 0;
    for (let i = k + 1; i < m; i++) xnorm = Math.hypot(xnorm, a[i * n + k]!);
    if (xnorm === 0) {
      tau[k] = 0;
    } else {
      const beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
      tau[k] = (beta - alpha) / beta;
      const scale = 1 / (alpha - beta);
      for (let i = k + 1; i < m; i++) a[i * n + k]! *= scale;
      a[k * n + k] = beta;
      // Apply H_k to the columns k+1..n-1: w = v^T A, A -= tau v w.
      const t = tau[k]!;
      for (let j = k + 1; j < n; j++) w[j] = a[k * n + j]!;
      for (let i = k + 1; i < m; i++) {
        const vi = a[i * n + k]!;
        if (vi === 0) continue;
        const ai = i * n;
        for (let j = k + 1; j < n; j++) w[j]! += vi * a[ai + j]!;
      }
      for (let j = k + 1; j < n; j++) a[k * n + j]! -= t * w[j]!;
      for (let i = k + 1; i < m; i++) {
        const f = t * a[i * n + k]!;
        if (f === 0) continue;
        const ai = i * n;
        for (let j = k + 1; j < n; j++) a[ai + j]! -= f * w[j]!;
      }
    }
    if (pivot) {
      for (let j = k + 1; j < n; j++) {
        if (norms[j] === 0) continue;
        let t = Math.abs(a[k * n + j]!) / norms[j]!;
        t = Math.max(0, (1 + t) * (1 - t));
        const t2 = t * (norms[j]! / exactNorms[j]!) ** 2;
        if (t2 <= tol3z) {
          let s = 0;
          for (let i = k + 1; i < m; i++) s = Math.hypot(s, a[i * n + j]!);
          norms[j] = exactNorms[j] = s;
        } else norms[j]! *= Math.sqrt(t);
      }
    }
  }
  const tol = (options.tolerance ?? Math.max(m, n) * Number.EPSILON) * Math.abs(a[0] ?? 0);
  let rank = 0;
  while (rank < steps && Math.abs(a[rank * n + rank]!) > tol) rank++;
  if (!pivot) {
    // Without pivoting a small pivot does not end the rank count: only exact zeros are rank defects.
    rank = 0;
    for (let k = 0; k < steps; k++) if (a[k * n + k] !== 0) rank++;
  }
  return { qr: F, tau, perm, rank };
}

/** y := (I - t v v^T) y for the k-th stored reflector v = (1, a[k+1..m-1][k]) (t = 0: the identity). */
function reflect(y: Float64Array, a: Float64Array, m: number, n: number, k: number, t: number): void {
  if (t === 0) return;
  let s = y[k]!;
  for (let i = k + 1; i < m; i++) s += a[i * n + k]! * y[i]!;
  s *= t;
  y[k]! -= s;
  for (let i = k + 1; i < m; i++) y[i]! -= s * a[i * n + k]!;
}

/** Q^T b (b has m entries), in place on a copy. */
export function applyQt(f: QR, b: ArrayLike<number>): Float64Array {
  const { qr, tau } = f, m = qr.rows, n = qr.cols, a = qr.data;
  if (b.length !== m) throw new MathError('shape', `Q^T b needs ${m} entries, got ${b.length}`);
  const y = Float64Array.from(b as ArrayLike<number>);
  for (let k = 0; k < tau.length; k++) reflect(y, a, m, n, k, tau[k]!);
  return y;
}

/** Q b (b has m entries). */
export function applyQ(f: QR, b: ArrayLike<number>): Float64Array {
  const { qr, tau } = f, m = qr.rows, n = qr.cols, a = qr.data;
  const y = Float64Array.from(b as ArrayLike<number>);
  for (let k = tau.length - 1; k >= 0; k--) reflect(y, a, m, n, k, tau[k]!);
  return y;
}

/** The thin Q (m × min(m, n)), orthonormal columns. */
export function thinQ(f: QR): Dense {
  const m = f.qr.rows, r = Math.min(m, f.qr.cols);
  const Q = zeros(m, r);
  const e = new Float64Array(m);
  for (let j = 0; j < r; j++) {
    e.fill(0);
    e[j] = 1;
    const q = applyQ(f, e);
    for (let i = 0; i < m; i++) Q.data[i * r + j] = q[i]!;
  }
  return Q;
}

/** R (min(m, n) × n, upper triangular), in the pivoted column order. */
export function upperR(f: QR): Dense {
  const m = f.qr.rows, n = f.qr.cols, r = Math.min(m, n);
  const R = zeros(r, n);
  for (let i = 0; i < r; i++) for (let j = i; j < n; j++) R.data[i * n + j] = f.qr.data[i * n + j]!;
  return R;
}

export interface LeastSquares {
  /** The minimizer of ||A x - b||₂ (the basic solution, zero off the first `rank` pivot columns, when A is rank-deficient). */
  readonly x: Float64Array;
  readonly residual: number;
  readonly rank: number;
}

/** min ||A x - b||₂ by Householder QR with column pivoting (Golub–Van Loan §5.5.6, the basic solution). */
export function leastSquares(A: Dense, b: ArrayLike<number>, options: QROptions = {}): LeastSquares {
  const f = householderQR(A, { pivot: true, ...options });
  const y = applyQt(f, b);
  const r = f.rank;
  const z = r > 0 ? solveUpper(f.qr, y, r) : new Float64Array(0);
  const x = new Float64Array(A.cols);
  for (let k = 0; k < r; k++) x[f.perm[k]!] = z[k]!;
  let res = 0;
  for (let i = r; i < y.length; i++) res = Math.hypot(res, y[i]!);
  return { x, residual: res, rank: r };
}
