// Dyadic rationals m·2^e (bigint mantissa m, integer exponent e) and their directed rounding.
//
// Representation: `{ m, e }` is the number m·2^e; it is not normalized (m may be even), so equality and
// order go through `compareDyadic`. Zero is any `{ m: 0n, e }`. Sums and products of dyadics are exact;
// `roundDown` / `roundUp` cut the mantissa to a given number of bits in the stated direction (floor and
// ceiling of the truncated mantissa), which is what interval arithmetic needs to keep its endpoints
// bounded in size while staying an enclosure (outward rounding, as in IEEE 754's directed modes and
// Moore's interval arithmetic; Moore, Kearfott, Cloud, "Introduction to Interval Analysis", SIAM 2009).
import { MathError } from '../errors.js';
import { type Rat, rat } from '../field.js';

export interface Dyadic {
  readonly m: bigint;
  readonly e: number;
}

export const DYADIC_ZERO: Dyadic = { m: 0n, e: 0 };

export function dyadic(m: bigint | number, e = 0): Dyadic {
  return { m: BigInt(m), e };
}

/** Number of bits of |n| (0 for 0). */
export function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n === 0n) return 0;
  // toString(16) is linear in the size; adjust by the leading hex digit.
  const s = n.toString(16);
  return (s.length - 1) * 4 + (32 - Math.clz32(parseInt(s[0]!, 16)));
}

/** Floor of m / 2^s for s >= 0 (BigInt's >> rounds toward minus infinity). */
function shiftFloor(m: bigint, s: number): bigint {
  return s <= 0 ? m << BigInt(-s) : m >> BigInt(s);
}

function shiftCeil(m: bigint, s: number): bigint {
  return s <= 0 ? m << BigInt(-s) : -(-m >> BigInt(s));
}

/** m·2^e with m cut back to `bits` bits when a rounding carried into one more bit (m = ±2^bits, exact). */
function carried(m: bigint, e: number, bits: number): Dyadic {
  return bitLength(m) > bits ? { m: m >> 1n, e: e + 1 } : { m, e };
}

/** The largest dyadic with at most `bits` mantissa bits that is <= x. */
export function roundDown(x: Dyadic, bits: number): Dyadic {
  const s = bitLength(x.m) - bits;
  return s <= 0 ? x : carried(shiftFloor(x.m, s), x.e + s, bits);
}

/** The smallest dyadic with at most `bits` mantissa bits that is >= x. */
export function roundUp(x: Dyadic, bits: number): Dyadic {
  const s = bitLength(x.m) - bits;
  return s <= 0 ? x : carried(shiftCeil(x.m, s), x.e + s, bits);
}

export function dyadicSign(x: Dyadic): number {
  return x.m > 0n ? 1 : x.m < 0n ? -1 : 0;
}

export function compareDyadic(a: Dyadic, b: Dyadic): number {
  const sa = dyadicSign(a);
  const sb = dyadicSign(b);
  if (sa !== sb || sa === 0) return sa - sb;
  // Same non-zero sign: compare magnitudes by their leading bit first, then exactly.
  const la = bitLength(a.m) + a.e;
  const lb = bitLength(b.m) + b.e;
  if (la !== lb) return la > lb ? sa : -sa;
  const e = Math.min(a.e, b.e);
  const x = a.m << BigInt(a.e - e);
  const y = b.m << BigInt(b.e - e);
  return x > y ? 1 : x < y ? -1 : 0;
}

export function dyadicMin(a: Dyadic, b: Dyadic): Dyadic {
  return compareDyadic(a, b) <= 0 ? a : b;
}

export function dyadicMax(a: Dyadic, b: Dyadic): Dyadic {
  return compareDyadic(a, b) >= 0 ? a : b;
}

export function dyadicNeg(a: Dyadic): Dyadic {
  return { m: -a.m, e: a.e };
}

export function dyadicAbs(a: Dyadic): Dyadic {
  return a.m < 0n ? { m: -a.m, e: a.e } : a;
}

/** a + b, exactly. */
export function dyadicAdd(a: Dyadic, b: Dyadic): Dyadic {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  const e = Math.min(a.e, b.e);
  return { m: (a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e };
}

export function dyadicSub(a: Dyadic, b: Dyadic): Dyadic {
  return dyadicAdd(a, dyadicNeg(b));
}

/** a · b, exactly. */
export function dyadicMul(a: Dyadic, b: Dyadic): Dyadic {
  return { m: a.m * b.m, e: a.e + b.e };
}

/** a · 2^k, exactly. */
export function dyadicScale(a: Dyadic, k: number): Dyadic {
  return { m: a.m, e: a.e + k };
}

/** (a + b) / 2, exactly. */
export function dyadicMidpoint(a: Dyadic, b: Dyadic): Dyadic {
  const s = dyadicAdd(a, b);
  return { m: s.m, e: s.e - 1 };
}

/**
 * num / den (den != 0) rounded to `bits` mantissa bits, down (`up` false) or up: the integer quotient
 * of num·2^s by den is taken with at least `bits` + 1 significant bits, then floored or ceiled.
 */
export function divideRounded(num: bigint, den: bigint, bits: number, up: boolean): Dyadic {
  if (den === 0n) throw new MathError('division-by-zero', 'division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (num === 0n) return DYADIC_ZERO;
  const s = Math.max(0, bits + 1 + bitLength(den) - bitLength(num));
  const scaled = num << BigInt(s);
  let q = scaled / den; // truncates toward zero
  const exact = q * den === scaled;
  if (!exact) {
    if (up && scaled > 0n) q += 1n;
    if (!up && scaled < 0n) q -= 1n;
  }
  const x = { m: q, e: -s };
  return up ? roundUp(x, bits) : roundDown(x, bits);
}

/** The rational a / b rounded down or up to `bits` mantissa bits. */
export function ratToDyadic(x: Rat, bits: number, up: boolean): Dyadic {
  if (x.den === 1n) return up ? roundUp({ m: x.num, e: 0 }, bits) : roundDown({ m: x.num, e: 0 }, bits);
  const k = bitLength(x.den) - 1;
  if (x.den === 1n << BigInt(k)) {
    const d = { m: x.num, e: -k };
    return up ? roundUp(d, bits) : roundDown(d, bits);
  }
  return divideRounded(x.num, x.den, bits, up);
}

/** The exact value of a finite double as a dyadic m·2^e (e <= 0). */
export function doubleToDyadic(x: number): Dyadic {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite double: ${x}`);
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  return { m: BigInt(m), e };
}

/** The exact rational value. */
export function dyadicToRat(x: Dyadic): Rat {
  return x.e >= 0 ? rat(x.m << BigInt(x.e)) : rat(x.m, 1n << BigInt(-x.e));
}

/** A double near x (for display and floating-point checks only). */
export function dyadicToNumber(x: Dyadic): number {
  const l = bitLength(x.m);
  if (l <= 60) return Number(x.m) * 2 ** x.e;
  const s = l - 60;
  return Number(x.m >> BigInt(s)) * 2 ** (x.e + s);
}
