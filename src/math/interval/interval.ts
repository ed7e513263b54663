// Closed intervals [lo, hi] with dyadic endpoints and outward rounding (Moore's interval arithmetic;
// Moore, Kearfott, Cloud, "Introduction to Interval Analysis", SIAM 2009, ch. 2-4).
//
// Representation: `{ lo, hi }`, two Dyadics (./dyadic.ts) with lo <= hi. Every operation takes the
// working precision `bits` (mantissa bits of the endpoints) and returns an interval that contains every
// value of the operation on points of its arguments (the inclusion property): the exact endpoint is
// computed (sums and products of dyadics are exact) and then rounded down for lo and up for hi, so the
// sizes of the endpoints stay bounded by `bits` while the result remains an enclosure. Signs read from
// an interval are therefore certain: `intervalSign` says 1 or -1 only when the whole interval is on
// that side of 0.
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import {
  type Dyadic,
  DYADIC_ZERO,
  compareDyadic,
  divideRounded,
  dyadicAbs,
  dyadicAdd,
  dyadicMax,
  dyadicMidpoint,
  dyadicMin,
  dyadicMul,
  dyadicNeg,
  dyadicSign,
  dyadicSub,
  dyadicToNumber,
  ratToDyadic,
  roundDown,
  roundUp,
} from './dyadic.js';

export interface Interval {
  readonly lo: Dyadic;
  readonly hi: Dyadic;
}

/** The working precision used when none is given: 64 mantissa bits. */
export const DEFAULT_BITS = 64;

export function interval(lo: Dyadic, hi: Dyadic = lo): Interval {
  if (compareDyadic(lo, hi) > 0) throw new MathError('empty-interval', 'an interval needs lo <= hi');
  return { lo, hi };
}

/** The smallest interval of `bits`-bit endpoints around the rational x. */
export function intervalFromRat(x: Rat, bits: number = DEFAULT_BITS): Interval {
  return { lo: ratToDyadic(x, bits, false), hi: ratToDyadic(x, bits, true) };
}

export function intervalFromInt(n: bigint | number, bits: number = DEFAULT_BITS): Interval {
  const d = { m: BigInt(n), e: 0 };
  return { lo: roundDown(d, bits), hi: roundUp(d, bits) };
}

function outward(lo: Dyadic, hi: Dyadic, bits: number): Interval {
  return { lo: roundDown(lo, bits), hi: roundUp(hi, bits) };
}

export function intervalAdd(a: Interval, b: Interval, bits: number = DEFAULT_BITS): Interval {
  return outward(dyadicAdd(a.lo, b.lo), dyadicAdd(a.hi, b.hi), bits);
}

export function intervalSub(a: Interval, b: Interval, bits: number = DEFAULT_BITS): Interval {
  return outward(dyadicSub(a.lo, b.hi), dyadicSub(a.hi, b.lo), bits);
}

export function intervalNeg(a: Interval): Interval {
  return { lo: dyadicNeg(a.hi), hi: dyadicNeg(a.lo) };
}

export function intervalMul(a: Interval, b: Interval, bits: number = DEFAULT_BITS): Interval {
  const p = [dyadicMul(a.lo, b.lo), dyadicMul(a.lo, b.hi), dyadicMul(a.hi, b.lo), dyadicMul(a.hi, b.hi)];
  let lo = p[0]!;
  let hi = p[0]!;
  for (const x of p) {
    lo = dyadicMin(lo, x);
    hi = dyadicMax(hi, x);
  }
  return outward(lo, hi, bits);
}

/** a / b; b must not contain 0 (a `MathError` 'interval-division' otherwise). */
export function intervalDiv(a: Interval, b: Interval, bits: number = DEFAULT_BITS): Interval {
  if (intervalSign(b) === undefined || intervalSign(b) === 0) {
    throw new MathError('interval-division', 'interval division by an interval that contains 0');
  }
  const quotient = (x: Dyadic, y: Dyadic, up: boolean): Dyadic => {
    // x / y = (x.m / y.m) · 2^(x.e - y.e)
    const q = divideRounded(x.m, y.m, bits, up);
    return { m: q.m, e: q.e + x.e - y.e };
  };
  const pairs: [Dyadic, Dyadic][] = [
    [a.lo, b.lo],
    [a.lo, b.hi],
    [a.hi, b.lo],
    [a.hi, b.hi],
  ];
  let lo: Dyadic | undefined;
  let hi: Dyadic | undefined;
  for (const [x, y] of pairs) {
    const down = quotient(x, y, false);
    const up = quotient(x, y, true);
    lo = lo === undefined ? down : dyadicMin(lo, down);
    hi = hi === undefined ? up : dyadicMax(hi, up);
  }
  return { lo: lo!, hi: hi! };
}

/** a^n for an integer n >= 0 (even powers of an interval around 0 start at 0). */
export function intervalPow(a: Interval, n: number, bits: number = DEFAULT_BITS): Interval {
  if (!Number.isInteger(n) || n < 0) throw new MathError('bad-exponent', `interval powers need an integer exponent >= 0, got ${n}`);
  if (n === 0) return intervalFromInt(1, bits);
  const pow = (x: Dyadic): Dyadic => ({ m: x.m ** BigInt(n), e: x.e * n });
  if (n % 2 === 1) return outward(pow(a.lo), pow(a.hi), bits);
  const l = dyadicAbs(a.lo);
  const h = dyadicAbs(a.hi);
  const big = dyadicMax(l, h);
  if (dyadicSign(a.lo) <= 0 && dyadicSign(a.hi) >= 0) return outward(DYADIC_ZERO, pow(big), bits);
  return outward(pow(dyadicMin(l, h)), pow(big), bits);
}

/** 1 or -1 when every point of a has that sign, 0 when a = [0, 0], undefined when a contains 0 and more. */
export function intervalSign(a: Interval): 1 | -1 | 0 | undefined {
  if (dyadicSign(a.lo) > 0) return 1;
  if (dyadicSign(a.hi) < 0) return -1;
  if (dyadicSign(a.lo) === 0 && dyadicSign(a.hi) === 0) return 0;
  return undefined;
}

export function intervalContainsZero(a: Interval): boolean {
  return dyadicSign(a.lo) <= 0 && dyadicSign(a.hi) >= 0;
}

/** hi - lo, exactly. */
export function intervalWidth(a: Interval): Dyadic {
  return dyadicSub(a.hi, a.lo);
}

export function intervalMidpoint(a: Interval): Dyadic {
  return dyadicMidpoint(a.lo, a.hi);
}

/** Whether x lies in a (endpoints included). */
export function intervalContains(a: Interval, x: Dyadic): boolean {
  return compareDyadic(a.lo, x) <= 0 && compareDyadic(x, a.hi) <= 0;
}

/** Floating-point view [lo, hi] (for display only: the doubles are not rounded outward). */
export function intervalToNumbers(a: Interval): [number, number] {
  return [dyadicToNumber(a.lo), dyadicToNumber(a.hi)];
}
