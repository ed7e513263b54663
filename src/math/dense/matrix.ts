// Dense float matrices: the representation every kernel of src/math/dense works on.
//
// Representation: `Dense {rows, cols, stride, data}` with entry (i, j) at data[i·stride + j]
// (row-major, explicit row stride ≥ cols, so a kernel may address a leading block of a larger
// buffer). Entries are IEEE doubles in a Float64Array; nothing here is exact. Vectors are plain
// Float64Arrays. Constructors copy; kernels that say "in place" overwrite their argument's data.
import { MathError } from '../errors.js';

export interface Dense {
  readonly rows: number;
  readonly cols: number;
  /** Distance in `data` between (i, j) and (i + 1, j). */
  readonly stride: number;
  readonly data: Float64Array;
}

export function zeros(rows: number, cols: number): Dense {
  return { rows, cols, stride: cols, data: new Float64Array(rows * cols) };
}

export function identityDense(n: number): Dense {
  const I = zeros(n, n);
  for (let i = 0; i < n; i++) I.data[i * n + i] = 1;
  return I;
}

/** From nested arrays (rows of equal length). */
export function fromRows(rows: readonly (readonly number[])[]): Dense {
  const m = rows.length, n = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== n)) throw new MathError('shape', 'the rows of a matrix must have the same length');
  const A = zeros(m, n);
  for (let i = 0; i < m; i++) A.data.set(rows[i]!, i * n);
  return A;
}

export function toRows(A: Dense): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < A.rows; i++) out.push(Array.from(A.data.subarray(i * A.stride, i * A.stride + A.cols)));
  return out;
}

/** A contiguous copy (stride = cols). */
export function copyDense(A: Dense): Dense {
  if (A.stride === A.cols) return { rows: A.rows, cols: A.cols, stride: A.cols, data: A.data.slice(0, A.rows * A.cols) };
  const B = zeros(A.rows, A.cols);
  for (let i = 0; i < A.rows; i++) B.data.set(A.data.subarray(i * A.stride, i * A.stride + A.cols), i * A.cols);
  return B;
}

export function entry(A: Dense, i: number, j: number): number {
  return A.data[i * A.stride + j]!;
}

/** Row i as a view (no copy). */
export function rowView(A: Dense, i: number): Float64Array {
  return A.data.subarray(i * A.stride, i * A.stride + A.cols);
}

/** Column j as a new vector. */
export function column(A: Dense, j: number): Float64Array {
  const c = new Float64Array(A.rows);
  for (let i = 0; i < A.rows; i++) c[i] = A.data[i * A.stride + j]!;
  return c;
}

/** The columns `cols` of A, in that order, as a contiguous matrix. */
export function selectColumns(A: Dense, cols: readonly number[]): Dense {
  const B = zeros(A.rows, cols.length);
  const p = cols.length;
  for (let i = 0; i < A.rows; i++) {
    const ai = i * A.stride, bi = i * p;
    for (let k = 0; k < p; k++) B.data[bi + k] = A.data[ai + cols[k]!]!;
  }
  return B;
}

/** A^T, blocked in 32×32 tiles so both reads and writes stay in cache. */
export function transposeDense(A: Dense): Dense {
  const { rows: m, cols: n, stride: s } = A;
  const T = zeros(n, m);
  const B = 32;
  for (let ii = 0; ii < m; ii += B) {
    const iEnd = Math.min(m, ii + B);
    for (let jj = 0; jj < n; jj += B) {
      const jEnd = Math.min(n, jj + B);
      for (let i = ii; i < iEnd; i++) for (let j = jj; j < jEnd; j++) T.data[j * m + i] = A.data[i * s + j]!;
    }
  }
  return T;
}

export function dot(x: Float64Array, y: Float64Array, n = x.length): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]! * y[i]!;
  return s;
}

/** ||x||₂, scaled against overflow (LAPACK dnrm2's idea: divide by the largest magnitude). */
export function norm2(x: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const t = x[i]! / scale;
    s += t * t;
  }
  return scale * Math.sqrt(s);
}

export function normInf(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s = Math.max(s, Math.abs(x[i]!));
  return s;
}

/** ||A||_F. */
export function frobenius(A: Dense): number {
  let s = 0;
  for (let i = 0; i < A.rows; i++) s = Math.hypot(s, norm2(rowView(A, i)));
  return s;
}
