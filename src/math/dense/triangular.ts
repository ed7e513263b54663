// Triangular solves on the row-major `Dense` of ./matrix.ts (Golub–Van Loan, "Matrix Computations",
// 4th ed., §3.1: row-oriented forward and back substitution). Only the named triangle of T is read;
// a zero pivot is a 'singular' MathError.
import { MathError } from '../errors.js';
import type { Dense } from './matrix.js';

function copyPrefix(b: ArrayLike<number>, n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = b[i]!;
  return x;
}

function pivot(d: number, i: number): number {
  if (d === 0 || !Number.isFinite(d)) throw new MathError('singular', `the triangular matrix has a zero pivot at ${i + 1}`);
  return d;
}

/** Solves L x = b (L lower triangular, n×n leading block of T). */
export function solveLower(T: Dense, b: ArrayLike<number>, n = T.cols): Float64Array {
  const x = new Float64Array(n), t = T.data, s = T.stride;
  for (let i = 0; i < n; i++) {
    let v = b[i]!;
    const ti = i * s;
    for (let k = 0; k < i; k++) v -= t[ti + k]! * x[k]!;
    x[i] = v / pivot(t[ti + i]!, i);
  }
  return x;
}

/** Solves U x = b (U upper triangular, n×n leading block of T). */
export function solveUpper(T: Dense, b: ArrayLike<number>, n = T.cols): Float64Array {
  const x = new Float64Array(n), t = T.data, s = T.stride;
  for (let i = n - 1; i >= 0; i--) {
    let v = b[i]!;
    const ti = i * s;
    for (let k = i + 1; k < n; k++) v -= t[ti + k]! * x[k]!;
    x[i] = v / pivot(t[ti + i]!, i);
  }
  return x;
}

/** Solves U^T x = b (U upper triangular): column-oriented forward substitution reading U by rows. */
export function solveUpperTransposed(T: Dense, b: ArrayLike<number>, n = T.cols): Float64Array {
  const x = copyPrefix(b, n), t = T.data, s = T.stride;
  for (let i = 0; i < n; i++) {
    const ti = i * s;
    const xi = (x[i] = x[i]! / pivot(t[ti + i]!, i));
    for (let k = i + 1; k < n; k++) x[k]! -= t[ti + k]! * xi;
  }
  return x;
}

/** Solves L^T x = b (L lower triangular): column-oriented back substitution reading L by rows. */
export function solveLowerTransposed(T: Dense, b: ArrayLike<number>, n = T.cols): Float64Array {
  const x = copyPrefix(b, n), t = T.data, s = T.stride;
  for (let i = n - 1; i >= 0; i--) {
    const ti = i * s;
    const xi = (x[i] = x[i]! / pivot(t[ti + i]!, i));
    for (let k = 0; k < i; k++) x[k]! -= t[ti + k]! * xi;
  }
  return x;
}
