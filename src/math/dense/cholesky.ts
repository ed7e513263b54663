// Cholesky factorization A = L L^T of a symmetric positive definite matrix (Golub–Van Loan, "Matrix
// Computations", 4th ed., Algorithm 4.2.1, the gaxpy form by rows), on the row-major `Dense` of
// ./matrix.ts. Only the lower triangle of A is read; L is returned with a zero upper triangle.
// A non-positive pivot is a 'singular' MathError ("not positive definite").
import { MathError } from '../errors.js';
import { type Dense, zeros } from './matrix.js';
import { solveLower, solveLowerTransposed } from './triangular.js';

export function cholesky(A: Dense): Dense {
  const n = A.rows;
  if (A.cols !== n) throw new MathError('shape', `Cholesky needs a square matrix, got ${A.rows}×${A.cols}`);
  const L = zeros(n, n), l = L.data, a = A.data, s = A.stride;
  for (let i = 0; i < n; i++) {
    const li = i * n;
    for (let j = 0; j <= i; j++) {
      const lj = j * n;
      let v = a[i * s + j]!;
      for (let k = 0; k < j; k++) v -= l[li + k]! * l[lj + k]!;
      if (i === j) {
        if (!(v > 0)) throw new MathError('singular', `the matrix is not positive definite (pivot ${i + 1} is ${v})`);
        l[li + i] = Math.sqrt(v);
      } else l[li + j] = v / l[lj + j]!;
    }
  }
  return L;
}

/** Solves A x = b from the Cholesky factor L of A. */
export function choleskySolve(L: Dense, b: ArrayLike<number>): Float64Array {
  return solveLowerTransposed(L, solveLower(L, b));
}
