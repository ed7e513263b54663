// Fraction-free linear algebra on integer matrices (bigint[][], row-major).
//
// Determinants by Bareiss's elimination over ZZ (bareiss.ts: every intermediate entry is a minor, so
// the integers never grow beyond Hadamard's bound). A rational matrix is first made integral row by
// row (row i times the lcm d_i of its denominators), and det A = det(D A) / Π d_i.
import { type Rat, ZZ, rat } from '../field.js';
import { bigLcm } from '../integers.js';
import { bareiss } from './bareiss.js';
import { checkInterrupt } from '../progress.js';

/** det of a square integer matrix by Bareiss's fraction-free elimination (with row pivoting). */
export function bareissDeterminant(A: readonly (readonly bigint[])[]): bigint {
  return bareiss(ZZ, A);
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
    checkInterrupt();
    const a = A[0]![j]!;
    if (a === 0n) continue;
    const minor = A.slice(1).map((row) => row.filter((_, c) => c !== j));
    const term = a * cofactorDeterminant(minor);
    sum += j % 2 === 0 ? term : -term;
  }
  return sum;
}
