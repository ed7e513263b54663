// Rationals to doubles, correctly rounded: the one conversion every float route uses (the numeric
// kernels, NNLS, the optimizers, plots, `float(x)`).
// Representation: a Rat is num/den with den > 0 (BigInt). The result is the double nearest to the exact
// value, ties to even (IEEE 754 round-to-nearest), including subnormals; ±Infinity beyond the largest
// double. Method: when both parts are exact doubles (|num|, den ≤ 2^53) one IEEE division is already
// correctly rounded; otherwise an integer quotient with at least 55 significant bits and a sticky bit for
// the remainder is rounded once, so the result never suffers double rounding.
import type { Rat } from './field.js';
import { bitLength } from './interval/dyadic.js';

const EXACT = 2n ** 53n;

/** The double nearest to num/den (ties to even); ±Infinity when out of range, ±0 when it underflows. */
export function ratToFloat(x: Rat): number {
  const { num, den } = x;
  if (num === 0n) return 0;
  const a = num < 0n ? -num : num;
  if (a <= EXACT && den <= EXACT) return Number(num) / Number(den);
  const sign = num < 0n ? -1 : 1;
  // q = floor(a·2^k / den) has 55 or 56 bits; the value is (q + frac)·2^-k.
  const k = 55 + bitLength(den) - bitLength(a);
  const scaledNum = k >= 0 ? a << BigInt(k) : a;
  const scaledDen = k >= 0 ? den : den << BigInt(-k);
  let q = scaledNum / scaledDen;
  const sticky = scaledNum % scaledDen !== 0n;
  // Binary exponent of the value: 2^E ≤ value < 2^(E+1).
  const E = bitLength(q) - 1 - k;
  if (E > 1023) return sign * Infinity;
  // Bits kept: 53, fewer for subnormals (the smallest subnormal is 2^-1074).
  const keep = E >= -1022 ? 53 : 53 - (-1022 - E);
  if (keep < 0) return sign * 0;
  const drop = bitLength(q) - keep;
  const low = q & ((1n << BigInt(drop)) - 1n);
  const half = 1n << BigInt(drop - 1);
  q >>= BigInt(drop);
  if (low > half || (low === half && (sticky || (q & 1n) === 1n))) q += 1n;
  // q·2^(drop - k) is exact in a double: q ≤ 2^53 and drop - k = max(E - 52, -1074).
  return sign * Number(q) * 2 ** (drop - k);
}
