// Quadratic forms Q on C^n (symmetric rational matrices) and the objective d_u(x) = (x-u)^T Q (x-u).
//
// Representation: `Form { matrix }`, a symmetric n×n matrix of exact rationals (checked on
// construction). Rank and kernel are exact over QQ (Gauss–Jordan). A degenerate form (rank k < n)
// defines the projection along its kernel (./projection.ts): for Q = P^T P the objective only sees
// π(x) = P x (Marchetti, Connelly, Breiding, Kohn, "Critical points of degenerate metrics on algebraic
// varieties: a tale of overparametrization", arXiv:2512.21029, §2).
import { MathError } from '../math/errors.js';
import { QQ, type Rat, rat } from '../math/field.js';
import { kernel as nullSpace, rank as matrixRank, rowEchelon, transpose, matMul } from '../math/linalg/matrix.js';
import type { Random } from '../math/random.js';
import { RANDOM_BOUND } from './common.js';

export interface Form {
  readonly matrix: readonly (readonly Rat[])[];
}

export function form(matrix: readonly (readonly Rat[])[]): Form {
  const n = matrix.length;
  if (n === 0) throw new MathError('shape', 'a form needs a non-empty square matrix');
  for (const row of matrix) if (row.length !== n) throw new MathError('not-square', `a form needs a square matrix, got ${n}×${row.length}`);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (!QQ.eq(matrix[i]![j]!, matrix[j]![i]!)) {
        throw new MathError('not-symmetric', `a form needs a symmetric matrix: entries (${i + 1}, ${j + 1}) and (${j + 1}, ${i + 1}) differ`);
      }
    }
  }
  return { matrix: matrix.map((r) => r.slice()) };
}

export function identityForm(n: number): Form {
  return diagonalForm(Array.from({ length: n }, () => QQ.one));
}

export function diagonalForm(entries: readonly Rat[]): Form {
  return { matrix: entries.map((a, i) => entries.map((_, j) => (i === j ? a : QQ.zero))) };
}

/** D·D^T for a data matrix D (n×N): degenerate when N < n or the rows of D are dependent. */
export function gramForm(D: readonly (readonly Rat[])[]): Form {
  return form(matMul(QQ, D, transpose(D)));
}

/** A random positive diagonal form (generic weights): entries in [1, RANDOM_BOUND]. */
export function randomWeights(n: number, random: Random): Form {
  return diagonalForm(Array.from({ length: n }, () => rat(BigInt(random.int(1, RANDOM_BOUND)))));
}

/** A random symmetric form A^T A + I (generic and positive definite). */
export function randomSymmetricForm(n: number, random: Random): Form {
  const A = Array.from({ length: n }, () => Array.from({ length: n }, () => rat(BigInt(random.int(-30, 30)))));
  const M = matMul(QQ, transpose(A), A);
  for (let i = 0; i < n; i++) M[i]![i] = QQ.add(M[i]![i]!, QQ.one);
  return { matrix: M };
}

export function size(Q: Form): number {
  return Q.matrix.length;
}

export function formRank(Q: Form): number {
  return matrixRank(QQ, Q.matrix);
}

/** An exact rational basis of ker Q. */
export function formKernel(Q: Form): Rat[][] {
  return nullSpace(QQ, Q.matrix);
}

export function isDiagonal(Q: Form): boolean {
  return Q.matrix.every((row, i) => row.every((a, j) => i === j || QQ.isZero(a)));
}

export function isIdentity(Q: Form): boolean {
  return isDiagonal(Q) && Q.matrix.every((row, i) => QQ.isOne(row[i]!));
}

/**
 * A k×n matrix P of rank k = rank Q with ker P = ker Q: the non-zero rows of the reduced row echelon
 * form of Q (exact). The objective d_u only depends on P x.
 */
export function rowSpaceBasis(Q: Form): Rat[][] {
  const { matrix, rank } = rowEchelon(QQ, Q.matrix);
  return matrix.slice(0, rank);
}

export function formsEqual(a: Form, b: Form): boolean {
  return a.matrix.length === b.matrix.length && a.matrix.every((row, i) => row.every((x, j) => QQ.eq(x, b.matrix[i]![j]!)));
}
