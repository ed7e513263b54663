// The exact sign of an integer polynomial at a dyadic number x = m·2^e.
//
// Representation: polynomials are bigint coefficient arrays, ascending; points are Dyadics
// (../interval/dyadic.ts). The sign is first read from a fixed-point interval Horner evaluation: with a
// scale of P fraction bits, x is enclosed in [X_lo, X_hi]/2^P and every Horner step
// y <- y·x + a_i is carried out on the integer endpoints with the product rounded outward (floor for
// the lower end, ceiling for the upper), so the final [y_lo, y_hi]/2^P encloses a(x) (Moore's
// inclusion property). Its cost is n multiplications of P-bit by value-sized numbers, instead of the
// n-fold growth of exact evaluation; when the enclosure contains 0 the scale is doubled, and once it
// reaches x's own precision the exact value is computed by homogeneous Horner on integers:
// for e < 0, 2^(-e·n) a(m·2^e) = sum a_i m^i 2^(-e(n-i)).
import type { Dyadic } from '../interval/dyadic.js';

/** The exact value scaled by a positive power of two: 2^(max(0,-e)·n) · a(m·2^e). */
export function scaledValueAtDyadic(a: readonly bigint[], x: Dyadic): bigint {
  const n = a.length - 1;
  if (n < 0) return 0n;
  if (x.e >= 0) {
    const X = x.m << BigInt(x.e);
    let v = 0n;
    for (let i = n; i >= 0; i--) v = v * X + a[i]!;
    return v;
  }
  const s = BigInt(-x.e);
  let v = a[n]!;
  for (let i = n - 1; i >= 0; i--) v = v * x.m + (a[i]! << (s * BigInt(n - i)));
  return v;
}

/** sign of the enclosure of a(x) at P fraction bits: -1, 1, or 0 when it contains 0. */
function fixedPointSign(a: readonly bigint[], x: Dyadic, P: number): -1 | 0 | 1 {
  const shift = BigInt(P + x.e); // x·2^P = m·2^(P+e); P + e < 0 here
  const Xlo = x.m >> -shift;
  const Xhi = -(-x.m >> -shift);
  const p = BigInt(P);
  let lo = a[a.length - 1]! << p;
  let hi = lo;
  for (let i = a.length - 2; i >= 0; i--) {
    const c1 = lo * Xlo;
    const c2 = lo * Xhi;
    const c3 = hi * Xlo;
    const c4 = hi * Xhi;
    let mn = c1;
    let mx = c1;
    for (const c of [c2, c3, c4]) {
      if (c < mn) mn = c;
      if (c > mx) mx = c;
    }
    const ai = a[i]! << p;
    lo = (mn >> p) + ai;
    hi = -(-mx >> p) + ai;
  }
  return lo > 0n ? 1 : hi < 0n ? -1 : 0;
}

/** sign a(x) in {-1, 0, 1}, exactly. */
export function signAtDyadic(a: readonly bigint[], x: Dyadic): -1 | 0 | 1 {
  if (a.length > 4 && x.e < -64) {
    for (let P = 64; P < -x.e; P *= 2) {
      const s = fixedPointSign(a, x, P);
      if (s !== 0) return s;
    }
  }
  const v = scaledValueAtDyadic(a, x);
  return v > 0n ? 1 : v < 0n ? -1 : 0;
}
