// Characteristic polynomials det(t·I - A), coefficients low degree first (monic: the last is 1).
//
// - `berkowitz` is division-free (S. J. Berkowitz, "On computing the determinant in small parallel
//   time using a small number of processors", Inform. Process. Lett. 18 (1984) 147–150): O(n^4) ring
//   operations over any commutative ring, so it also works over Q[θ]/(m(θ)) when m is not irreducible
//   (used by `signatureAlgebraic`) and over polynomial rings.
// - `characteristicPolynomial` over a field reduces A to upper Hessenberg form by similarity
//   transformations and then runs the Hessenberg recurrence: O(n^3) field operations (H. Cohen,
//   "A Course in Computational Algebraic Number Theory", Algorithm 2.2.9).
import type { Field, Ring } from '../domain.js';
import { type Matrix, type ReadonlyMatrix, copyMatrix } from './matrix.js';
import { MathError } from '../errors.js';
import { checkInterrupt } from '../progress.js';

function checkSquare<E>(A: ReadonlyMatrix<E>): number {
  const n = A.length;
  for (const row of A) {
    if (row.length !== n) throw new MathError('not-square', `the characteristic polynomial needs a square matrix, got ${n}x${row.length}`);
  }
  return n;
}

/** det(t·I - A) by Berkowitz's division-free algorithm; coefficients low degree first. */
export function berkowitz<E>(ring: Ring<E>, A: ReadonlyMatrix<E>): E[] {
  const n = checkSquare(A);
  if (n === 0) return [ring.one];
  // v: coefficients (highest degree first) of the characteristic polynomial of the leading r×r block.
  let v: E[] = [ring.one, ring.neg(A[0]![0]!)];
  for (let r = 1; r < n; r++) {
    // Leading block M (r×r), row R = A[r][0..r), column C = A[0..r)[r], corner a = A[r][r].
    const Q: E[] = new Array<E>(r + 2);
    Q[0] = ring.one;
    Q[1] = ring.neg(A[r]![r]!);
    let w: E[] = [];
    for (let i = 0; i < r; i++) w.push(A[i]![r]!);
    for (let k = 0; k < r; k++) {
      checkInterrupt();
      // Q[k+2] = -R · M^k · C
      let dot = ring.zero;
      for (let i = 0; i < r; i++) {
        const x = A[r]![i]!;
        const y = w[i]!;
        if (!ring.isZero(x) && !ring.isZero(y)) dot = ring.add(dot, ring.mul(x, y));
      }
      Q[k + 2] = ring.neg(dot);
      if (k + 1 < r) {
        const next: E[] = new Array<E>(r);
        for (let i = 0; i < r; i++) {
          let s = ring.zero;
          const row = A[i]!;
          for (let j = 0; j < r; j++) {
            const x = row[j]!;
            const y = w[j]!;
            if (!ring.isZero(x) && !ring.isZero(y)) s = ring.add(s, ring.mul(x, y));
          }
          next[i] = s;
        }
        w = next;
      }
    }
    // v <- T·v with T the (r+2)×(r+1) lower-triangular Toeplitz matrix of Q.
    const nv: E[] = new Array<E>(r + 2);
    for (let i = 0; i < r + 2; i++) {
      let s = ring.zero;
      for (let j = Math.max(0, i - r - 1); j <= Math.min(i, r); j++) {
        const q = Q[i - j]!;
        const x = v[j]!;
        if (!ring.isZero(q) && !ring.isZero(x)) s = ring.add(s, ring.mul(q, x));
      }
      nv[i] = s;
    }
    v = nv;
  }
  return v.reverse();
}

/** A similar upper Hessenberg matrix (zero below the first subdiagonal). */
export function hessenberg<E>(F: Field<E>, A: ReadonlyMatrix<E>): Matrix<E> {
  const n = checkSquare(A);
  const H = copyMatrix(A);
  for (let m = 1; m < n - 1; m++) {
    let i = m;
    while (i < n && F.isZero(H[i]![m - 1]!)) i++;
    if (i === n) continue;
    if (i > m) {
      [H[i], H[m]] = [H[m]!, H[i]!];
      for (const row of H) [row[i], row[m]] = [row[m]!, row[i]!];
    }
    const inv = F.inv(H[m]![m - 1]!);
    for (let k = m + 1; k < n; k++) {
      checkInterrupt();
      const u = F.mul(H[k]![m - 1]!, inv);
      if (F.isZero(u)) continue;
      // row k -= u · row m (left multiplication), then column m += u · column k (right, the inverse).
      const rowK = H[k]!;
      const rowM = H[m]!;
      for (let j = 0; j < n; j++) if (!F.isZero(rowM[j]!)) rowK[j] = F.sub(rowK[j]!, F.mul(u, rowM[j]!));
      for (let j = 0; j < n; j++) {
        const row = H[j]!;
        if (!F.isZero(row[k]!)) row[m] = F.add(row[m]!, F.mul(u, row[k]!));
      }
    }
  }
  return H;
}

/** det(t·I - A) over a field, by Hessenberg reduction: O(n^3). Coefficients low degree first. */
export function characteristicPolynomial<E>(F: Field<E>, A: ReadonlyMatrix<E>): E[] {
  const n = checkSquare(A);
  const H = hessenberg(F, A);
  const mulPoly = (p: readonly E[], c: E): E[] => p.map((x) => F.mul(x, c));
  const subInto = (p: E[], q: readonly E[]) => {
    for (let i = 0; i < q.length; i++) p[i] = F.sub(p[i]!, q[i]!);
  };
  const ps: E[][] = [[F.one]];
  for (let m = 1; m <= n; m++) {
    checkInterrupt();
    const prev = ps[m - 1]!;
    // (t - h_mm) · p_{m-1}
    const p: E[] = new Array<E>(m + 1).fill(F.zero);
    for (let i = 0; i < prev.length; i++) {
      p[i + 1] = F.add(p[i + 1]!, prev[i]!);
      p[i] = F.sub(p[i]!, F.mul(H[m - 1]![m - 1]!, prev[i]!));
    }
    let product = F.one;
    for (let i = m - 1; i >= 1; i--) {
      product = F.mul(product, H[i]![i - 1]!);
      if (F.isZero(product)) break;
      const h = H[i - 1]![m - 1]!;
      if (F.isZero(h)) continue;
      subInto(p, mulPoly(ps[i - 1]!, F.mul(product, h)));
    }
    ps.push(p);
  }
  return ps[n]!;
}
