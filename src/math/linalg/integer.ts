// Fraction-free linear algebra on integer matrices (bigint[][], row-major).
//
// Bareiss's one-step fraction-free elimination (E. H. Bareiss, "Sylvester's identity and multistep
// integer-preserving Gaussian elimination", Math. Comp. 22 (1968) 565–578): after step k every entry
// of the working matrix is a (k+1)x(k+1) minor of the input, so the division by the previous pivot
// is exact and the integers never grow beyond Hadamard's bound. A rational matrix is first made
// integral row by row (row i times the lcm d_i of its denominators), and det A = det(D A) / Π d_i.
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import { rat } from '../field.js';
import { bigLcm } from '../integers.js';

/** det of a square integer matrix by Bareiss's fraction-free elimination (with row pivoting). */
export function bareissDeterminant(A: readonly (readonly bigint[])[]): bigint {
  const n = A.length;
  for (const row of A) {
    if (row.length !== n) throw new MathError('not-square', `det needs a square matrix, got ${n}x${row.length}`);
  }
  if (n === 0) return 1n;
  const M = A.map((row) => row.slice());
  let sign = 1n;
  let previous = 1n;
  for (let k = 0; k < n - 1; k++) {
    if (M[k]![k] === 0n) {
      let p = k + 1;
      while (p < n && M[p]![k] === 0n) p++;
      if (p === n) return 0n;
      [M[p], M[k]] = [M[k]!, M[p]!];
      sign = -sign;
    }
    const pivotRow = M[k]!;
    const pivot = pivotRow[k]!;
    for (let i = k + 1; i < n; i++) {
      const row = M[i]!;
      const a = row[k]!;
      for (let j = k + 1; j < n; j++) {
        // Sylvester's identity: the division is exact.
        row[j] = (pivot * row[j]! - a * pivotRow[j]!) / previous;
      }
      row[k] = 0n;
    }
    previous = pivot;
  }
  return sign * M[n - 1]![n - 1]!;
}

/** Each row times the lcm of its denominators: the integer matrix and the product of the factors. */
export function clearDenominators(A: readonly (readonly Rat[])[]): { matrix: bigint[][]; scale: bigint } {
  let scale = 1n;
  const matrix = A.map((row) => {
    let d = 1n;
    for (const x of row) d = bigLcm(d, x.den);
    scale *= d;
    return row.map((x) => x.num * (d / x.den));
  });
  return { matrix, scale };
}

/** det of a square rational matrix: denominators cleared, then Bareiss. */
export function determinantRational(A: readonly (readonly Rat[])[]): Rat {
  const { matrix, scale } = clearDenominators(A);
  return rat(bareissDeterminant(matrix), scale);
}

/** Cofactor (Laplace) expansion along the first row: O(n!) — a slow reference for tests only. */
export function cofactorDeterminant(A: readonly (readonly bigint[])[]): bigint {
  const n = A.length;
  if (n === 0) return 1n;
  if (n === 1) return A[0]![0]!;
  let sum = 0n;
  for (let j = 0; j < n; j++) {
    const a = A[0]![j]!;
    if (a === 0n) continue;
    const minor = A.slice(1).map((row) => row.filter((_, c) => c !== j));
    const term = a * cofactorDeterminant(minor);
    sum += j % 2 === 0 ? term : -term;
  }
  return sum;
}
