// The minimal polynomial of a linearly recurrent sequence over GF(p) (E. R. Berlekamp, "Algebraic
// Coding Theory", 1968; J. L. Massey, "Shift-register synthesis and BCH decoding", IEEE Trans.
// Inform. Theory 15 (1969) 122–127), as used by Wiedemann's algorithm and by sparse FGLM.
//
// Representation: the sequence s_0, s_1, … as numbers in [0, p); the result is the monic minimal
// polynomial w(T) = T^L + c_1 T^{L-1} + … + c_L, low degree first (w[L] = 1), the smallest L such that
// s_{k} + c_1 s_{k-1} + … + c_L s_{k-L} = 0 for every k >= L. From 2L terms it is exact: a sequence
// whose minimal polynomial has degree at most D is determined by its first 2D terms.
import { invModNumber } from '../field.js';
import { delayedReductionBound, modReduce } from '../groebner/f4-matrix.js';

export function berlekampMassey(s: ArrayLike<number>, p: number): number[] {
  const delay = delayedReductionBound(p);
  const pinv = 1 / p;
  // C(z) = 1 + c_1 z + …: the current connection polynomial; B the one before the last length change.
  const C: number[] = [1];
  let B: number[] = [1];
  let L = 0;
  let m = 1;
  let b = 1;
  for (let k = 0; k < s.length; k++) {
    // The discrepancy, reduced every `delay` products (see ../groebner/f4-matrix.ts).
    let d = s[k]! % p;
    for (let i = 1; i <= L; i++) {
      d += (C[i] ?? 0) * s[k - i]!;
      if (i % delay === 0) d %= p;
    }
    d %= p;
    if (d === 0) {
      m++;
      continue;
    }
    const coef = modReduce(d * invModNumber(b, p), p, pinv);
    // The current C is kept (as the next B) only when the length changes.
    const lengthChange = 2 * L <= k;
    const T = lengthChange ? C.slice() : B;
    const need = B.length + m;
    while (C.length < need) C.push(0);
    // C -= coef·z^m·B, as C + (p - coef)·B reduced at once (a product below 2^52).
    const neg = p - coef;
    for (let i = 0; i < B.length; i++) C[i + m] = modReduce(C[i + m]! + neg * B[i]!, p, pinv);
    if (lengthChange) {
      L = k + 1 - L;
      B = T;
      b = d;
      m = 1;
    } else {
      m++;
    }
  }
  // w(T) = T^L · C(1/T).
  const w = new Array<number>(L + 1).fill(0);
  for (let i = 0; i <= L; i++) w[L - i] = C[i] ?? 0;
  return w;
}
