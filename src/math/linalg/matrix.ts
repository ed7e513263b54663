// Dense linear algebra over any Field<E>.
//
// Representation: a matrix is plain data, `E[][]` row-major (`Matrix<E>`: an array of rows, each an
// array of field elements, all rows of equal length); a vector is `E[]`. The Field object does the
// arithmetic ("the ring is an object, elements are plain data"), so the same code serves QQ, GF(p)
// and any other field. Every function is pure: inputs are never mutated, results are fresh arrays.
// A matrix with no rows carries no column count; functions that need one take it as a parameter.
//
// Algorithms: Gauss–Jordan elimination (reduced row echelon form, rank, kernel, inverse, linear
// systems) and Gaussian elimination for the determinant over a field. Over QQ the determinant goes
// through the fraction-free Bareiss route of ./integer.ts (Bareiss 1968), which keeps every
// intermediate an integer minor and is much faster than rational Gaussian elimination.
import { MathError } from '../errors.js';
import { type Field, isRationalField } from '../domain.js';
import { type Rat, QQ } from '../field.js';
import { determinantRational } from './integer.js';
import { checkInterrupt } from '../progress.js';

export type Matrix<E> = E[][];
export type ReadonlyMatrix<E> = readonly (readonly E[])[];

/** Number of columns (0 for a matrix without rows, unless `columns` says otherwise). */
export function columnCount<E>(A: ReadonlyMatrix<E>, columns?: number): number {
  return columns ?? A[0]?.length ?? 0;
}

export function zeroMatrix<E>(F: Field<E>, rows: number, cols: number): Matrix<E> {
  return Array.from({ length: rows }, () => new Array<E>(cols).fill(F.zero));
}

export function identity<E>(F: Field<E>, n: number): Matrix<E> {
  const I = zeroMatrix(F, n, n);
  for (let i = 0; i < n; i++) I[i]![i] = F.one;
  return I;
}

export function copyMatrix<E>(A: ReadonlyMatrix<E>): Matrix<E> {
  return A.map((row) => row.slice());
}

export function transpose<E>(A: ReadonlyMatrix<E>, columns?: number): Matrix<E> {
  const m = A.length;
  const n = columnCount(A, columns);
  const T: Matrix<E> = [];
  for (let j = 0; j < n; j++) {
    const row = new Array<E>(m);
    for (let i = 0; i < m; i++) row[i] = A[i]![j]!;
    T.push(row);
  }
  return T;
}

/** A·B; the inner dimensions must agree. `bColumns` is needed only when B has no rows. */
export function matMul<E>(F: Field<E>, A: ReadonlyMatrix<E>, B: ReadonlyMatrix<E>, bColumns?: number): Matrix<E> {
  const m = A.length;
  const k = B.length;
  const n = columnCount(B, bColumns);
  for (const row of A) {
    if (row.length !== k) throw new MathError('dimension-mismatch', `cannot multiply: ${row.length} columns against ${k} rows`);
  }
  const C = zeroMatrix(F, m, n);
  for (let i = 0; i < m; i++) {
    checkInterrupt();
    const Ai = A[i]!;
    const Ci = C[i]!;
    for (let l = 0; l < k; l++) {
      const a = Ai[l]!;
      if (F.isZero(a)) continue;
      const Bl = B[l]!;
      for (let j = 0; j < n; j++) {
        const b = Bl[j]!;
        if (!F.isZero(b)) Ci[j] = F.add(Ci[j]!, F.mul(a, b));
      }
    }
  }
  return C;
}

/** A·v for a column vector v. */
export function matVec<E>(F: Field<E>, A: ReadonlyMatrix<E>, v: readonly E[]): E[] {
  return A.map((row) => {
    if (row.length !== v.length) throw new MathError('dimension-mismatch', `cannot multiply: ${row.length} columns against a vector of length ${v.length}`);
    let s = F.zero;
    for (let j = 0; j < v.length; j++) {
      const a = row[j]!;
      const b = v[j]!;
      if (!F.isZero(a) && !F.isZero(b)) s = F.add(s, F.mul(a, b));
    }
    return s;
  });
}

/** A matrix over QQ from integers, bigints, or [num, den] pairs. */
export function ratMatrix(rows: readonly (readonly (number | bigint | Rat | readonly [number | bigint, number | bigint])[])[]): Matrix<Rat> {
  return rows.map((row) =>
    row.map((x) => {
      if (typeof x === 'number' || typeof x === 'bigint') return QQ.fromBigInt(BigInt(x));
      if (Array.isArray(x)) return QQ.fromRational(BigInt(x[0]), BigInt(x[1]));
      return x as Rat;
    }),
  );
}

function checkRectangular<E>(A: ReadonlyMatrix<E>, n: number): void {
  for (const row of A) {
    if (row.length !== n) throw new MathError('dimension-mismatch', 'the rows of the matrix have different lengths');
  }
}

function checkSquare<E>(A: ReadonlyMatrix<E>, what: string): number {
  const n = A.length;
  for (const row of A) {
    if (row.length !== n) throw new MathError('not-square', `${what} needs a square matrix, got ${n}x${row.length}`);
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Gauss–Jordan elimination.

export interface RowEchelon<E> {
  /** The reduced row echelon form: pivots are 1, zero above and below each pivot; zero rows last. */
  readonly matrix: Matrix<E>;
  /** pivots[r] is the column of the pivot of row r (strictly increasing), for r < rank. */
  readonly pivots: number[];
  readonly rank: number;
}

/**
 * Reduced row echelon form by Gauss–Jordan elimination (first non-zero entry as pivot, which is
 * exact over any field). `columns` is the column count when A has no rows.
 */
export function rowEchelon<E>(F: Field<E>, A: ReadonlyMatrix<E>, columns?: number): RowEchelon<E> {
  const n = columnCount(A, columns);
  checkRectangular(A, n);
  const M = copyMatrix(A);
  const m = M.length;
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < n && r < m; c++) {
    let p = r;
    while (p < m && F.isZero(M[p]![c]!)) p++;
    if (p === m) continue;
    if (p !== r) [M[p], M[r]] = [M[r]!, M[p]!];
    const pivotRow = M[r]!;
    const inv = F.inv(pivotRow[c]!);
    for (let j = c; j < n; j++) pivotRow[j] = F.mul(pivotRow[j]!, inv);
    for (let i = 0; i < m; i++) {
      checkInterrupt();
      if (i === r) continue;
      const row = M[i]!;
      const f = row[c]!;
      if (F.isZero(f)) continue;
      for (let j = c; j < n; j++) {
        if ((j & 15) === 15) checkInterrupt();
        const b = pivotRow[j]!;
        if (!F.isZero(b)) row[j] = F.sub(row[j]!, F.mul(f, b));
      }
    }
    pivots.push(c);
    r++;
  }
  return { matrix: M, pivots, rank: r };
}

export function rank<E>(F: Field<E>, A: ReadonlyMatrix<E>, columns?: number): number {
  return rowEchelon(F, A, columns).rank;
}

/**
 * A basis of the right null space {v : A v = 0}, one vector per free column of the reduced echelon
 * form (the free column's entry is 1, the other free entries 0): exact, and of size n - rank(A).
 */
export function kernel<E>(F: Field<E>, A: ReadonlyMatrix<E>, columns?: number): E[][] {
  const n = columnCount(A, columns);
  const { matrix, pivots } = rowEchelon(F, A, n);
  const isPivot = new Array<boolean>(n).fill(false);
  for (const c of pivots) isPivot[c] = true;
  const basis: E[][] = [];
  for (let f = 0; f < n; f++) {
    if (isPivot[f]) continue;
    const v = new Array<E>(n).fill(F.zero);
    v[f] = F.one;
    pivots.forEach((c, r) => {
      v[c] = F.neg(matrix[r]![f]!);
    });
    basis.push(v);
  }
  return basis;
}

/** A^{-1} by Gauss–Jordan on [A | I]; MathError('singular') when A is not invertible. */
export function inverse<E>(F: Field<E>, A: ReadonlyMatrix<E>): Matrix<E> {
  const n = checkSquare(A, 'inverse');
  const augmented = A.map((row, i) => {
    const r = row.slice();
    for (let j = 0; j < n; j++) r.push(i === j ? F.one : F.zero);
    return r;
  });
  const { matrix, pivots } = rowEchelon(F, augmented, 2 * n);
  if (pivots.length < n || pivots[n - 1]! >= n) {
    throw new MathError('singular', `the ${n}x${n} matrix is singular (rank ${pivots.filter((c) => c < n).length})`);
  }
  return matrix.map((row) => row.slice(n));
}

/**
 * det A. Over QQ the fraction-free Bareiss route (denominators cleared row by row); over other
 * fields Gaussian elimination with the first non-zero pivot.
 */
export function determinant<E>(F: Field<E>, A: ReadonlyMatrix<E>): E {
  checkSquare(A, 'det');
  if (isRationalField(F)) return determinantRational(A as unknown as ReadonlyMatrix<Rat>) as unknown as E;
  return determinantGaussian(F, A);
}

/** det A by Gaussian elimination over the field (no special route). */
export function determinantGaussian<E>(F: Field<E>, A: ReadonlyMatrix<E>): E {
  const n = checkSquare(A, 'det');
  const M = copyMatrix(A);
  let det = F.one;
  for (let c = 0; c < n; c++) {
    let p = c;
    while (p < n && F.isZero(M[p]![c]!)) p++;
    if (p === n) return F.zero;
    if (p !== c) {
      [M[p], M[c]] = [M[c]!, M[p]!];
      det = F.neg(det);
    }
    const pivotRow = M[c]!;
    const pivot = pivotRow[c]!;
    det = F.mul(det, pivot);
    const inv = F.inv(pivot);
    for (let i = c + 1; i < n; i++) {
      checkInterrupt();
      const row = M[i]!;
      if (F.isZero(row[c]!)) continue;
      const f = F.mul(row[c]!, inv);
      for (let j = c + 1; j < n; j++) {
        const b = pivotRow[j]!;
        if (!F.isZero(b)) row[j] = F.sub(row[j]!, F.mul(f, b));
      }
    }
  }
  return det;
}

/**
 * One solution x of A x = b, or null when the system is inconsistent. Free variables are set to 0;
 * the general solution is x + kernel(A).
 */
export function solveLinear<E>(F: Field<E>, A: ReadonlyMatrix<E>, b: readonly E[], columns?: number): E[] | null {
  const n = columnCount(A, columns);
  if (b.length !== A.length) throw new MathError('dimension-mismatch', `the right-hand side has ${b.length} entries for ${A.length} equations`);
  const augmented = A.map((row, i) => [...row, b[i]!]);
  const { matrix, pivots } = rowEchelon(F, augmented, n + 1);
  if (pivots.length > 0 && pivots[pivots.length - 1] === n) return null;
  const x = new Array<E>(n).fill(F.zero);
  pivots.forEach((c, r) => {
    x[c] = matrix[r]![n]!;
  });
  return x;
}
