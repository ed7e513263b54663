// The exact sign of an integer polynomial at a dyadic number x = m·2^e.
//
// Representation: polynomials are bigint coefficient arrays, ascending; points are Dyadics
// (../interval/dyadic.ts). The sign is first read from a fixed-point interval Horner evaluation: with a
// scale of P fraction bits, x is enclosed in [X_lo, X_hi]/2^P and every Horner step
// y <- y·x + a_i is carried out on the integer endpoints with the product rounded outward (floor for
// the lower end, ceiling for the upper), so the final [y_lo, y_hi]/2^P encloses a(x) (Moore's
// inclusion property). Its cost is n multiplications of numbers of about P bits, instead of the n-fold
// growth of exact evaluation. It is tried at P = 64 and at x's own precision plus guard bits; when
// both enclosures contain 0, the exact value is computed by homogeneous Horner on integers:
// for e < 0, 2^(-e·n) a(m·2^e) = sum a_i m^i 2^(-e(n-i)).
import { type Dyadic, bitLength } from '../interval/dyadic.js';

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

/**
 * An enclosure [lo, hi] / 2^P of a(x), by fixed-point interval Horner with P fraction bits (x itself is
 * rounded outward when it has more than P fraction bits).
 */
export function fixedPointEnclosure(a: readonly bigint[], x: Dyadic, P: number): { lo: bigint; hi: bigint } {
  const shift = P + x.e;
  const Xlo = shift >= 0 ? x.m << BigInt(shift) : x.m >> BigInt(-shift);
  const Xhi = shift >= 0 ? Xlo : -(-x.m >> BigInt(-shift));
  const p = BigInt(P);
  let lo = (a[a.length - 1] ?? 0n) << p;
  let hi = lo;
  for (let i = a.length - 2; i >= 0; i--) {
    let mn: bigint;
    let mx: bigint;
    if (Xlo === Xhi && lo === hi) {
      mn = mx = lo * Xlo;
    } else {
      const c1 = lo * Xlo;
      const c2 = lo * Xhi;
      const c3 = hi * Xlo;
      const c4 = hi * Xhi;
      mn = c1;
      mx = c1;
      for (const c of [c2, c3, c4]) {
        if (c < mn) mn = c;
        if (c > mx) mx = c;
      }
    }
    const ai = a[i]! << p;
    lo = (mn >> p) + ai;
    hi = -(-mx >> p) + ai;
  }
  return { lo, hi };
}

/**
 * Guard bits for the fixed-point evaluation of a at x: the rounding error of Horner's scheme is below
 * (n + 1)·max(1, |x|)^n units, and the coefficients' size bounds how much of the value cancels.
 */
export function guardBits(a: readonly bigint[], x: Dyadic): number {
  const n = a.length - 1;
  const xBits = Math.max(0, bitLength(x.m) + x.e);
  let big = 0n;
  for (const c of a) big += c < 0n ? -c : c;
  return bitLength(big) + n * xBits + bitLength(BigInt(n + 1)) + 32;
}

/** sign a(x) in {-1, 0, 1}, exactly. */
export function signAtDyadic(a: readonly bigint[], x: Dyadic): -1 | 0 | 1 {
  if (a.length > 4 && x.e < -64) {
    // A cheap attempt at 64 bits (decides far from the roots), then one at x's own precision plus
    // guard bits (decides unless the value is exceptionally small), then the exact value.
    for (const P of [64, -x.e + guardBits(a, x)]) {
      const { lo, hi } = fixedPointEnclosure(a, x, P);
      if (lo > 0n) return 1;
      if (hi < 0n) return -1;
    }
  }
  const v = scaledValueAtDyadic(a, x);
  return v > 0n ? 1 : v < 0n ? -1 : 0;
}
