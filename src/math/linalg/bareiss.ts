// Determinants by Bareiss's one-step fraction-free elimination over any commutative ring with exact
// division (ZZ, polynomial rings): E. H. Bareiss, "Sylvester's identity and multistep
// integer-preserving Gaussian elimination", Math. Comp. 22 (1968) 565–578. After step k every entry
// of the working matrix is a (k+1)×(k+1) minor of the input (Sylvester's identity), so the division
// by the previous pivot is exact and entries never grow beyond the size of a minor.
//
// Representation: a square matrix `E[][]`, row-major; the ring is given by the operations below
// (the domain layer's ZZ is one; a PolyRing is adapted by its caller).
import type { Ring } from '../domain.js';
import { MathError } from '../errors.js';
import { checkInterrupt } from '../progress.js';

/** What Bareiss elimination needs: ring operations and division known to be exact. */
export type ExactDivisionOps<E> = Pick<Ring<E>, 'zero' | 'one' | 'isZero' | 'mul' | 'sub' | 'neg'> & {
  /** a / b, where b divides a. */
  divExact(a: E, b: E): E;
};

export interface BareissOptions<E> {
  /** Pivot choice: among the non-zero entries of the column, the one of least cost (default: the first). */
  readonly cost?: (a: E) => number;
}

/** det A (A square) by fraction-free elimination with row pivoting. */
export function bareiss<E>(D: ExactDivisionOps<E>, A: readonly (readonly E[])[], options: BareissOptions<E> = {}): E {
  const n = A.length;
  for (const row of A) {
    if (row.length !== n) throw new MathError('not-square', `det needs a square matrix, got ${n}x${row.length}`);
  }
  if (n === 0) return D.one;
  const M = A.map((row) => row.slice());
  const cost = options.cost;
  let negate = false;
  let previous = D.one;
  for (let k = 0; k < n - 1; k++) {
    let p = -1;
    for (let i = k; i < n; i++) {
      const a = M[i]![k]!;
      if (D.isZero(a)) continue;
      if (p < 0 || (cost !== undefined && cost(a) < cost(M[p]![k]!))) p = i;
      if (cost === undefined) break;
    }
    if (p < 0) return D.zero;
    if (p !== k) {
      [M[p], M[k]] = [M[k]!, M[p]!];
      negate = !negate;
    }
    const pivotRow = M[k]!;
    const pivot = pivotRow[k]!;
    for (let i = k + 1; i < n; i++) {
      checkInterrupt();
      const row = M[i]!;
      const a = row[k]!;
      for (let j = k + 1; j < n; j++) {
        if ((j & 15) === 15) checkInterrupt();
        const t = D.isZero(a) ? D.mul(pivot, row[j]!) : D.sub(D.mul(pivot, row[j]!), D.mul(a, pivotRow[j]!));
        row[j] = k === 0 ? t : D.divExact(t, previous);
      }
      row[k] = D.zero;
    }
    previous = pivot;
  }
  const d = M[n - 1]![n - 1]!;
  return negate ? D.neg(d) : d;
}
