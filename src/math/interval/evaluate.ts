// Interval evaluation of polynomials: a univariate polynomial (coefficients ascending, integers or
// rationals) by interval Horner, and a sparse multivariate `Poly<Rat>` (../poly.ts) on a box (one
// interval per variable) as a sum of monomials, each power taken by `intervalPow` (which is exact about
// even powers of intervals around 0) and cached per variable and exponent.
//
// Both are natural interval extensions (Moore, Kearfott, Cloud, "Introduction to Interval Analysis",
// SIAM 2009, §5.1): the result contains p(x) for every point x of the box, and its width shrinks
// linearly with the box's width (plus the rounding at `bits` mantissa bits).
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import type { Poly } from '../poly.js';
import { DEFAULT_BITS, type Interval, intervalAdd, intervalFromInt, intervalFromRat, intervalMul, intervalPow } from './interval.js';

function coefficientInterval(c: bigint | Rat, bits: number): Interval {
  return typeof c === 'bigint' ? intervalFromInt(c, bits) : intervalFromRat(c, bits);
}

/** An enclosure of { a(x) : x in X } for a univariate polynomial a (ascending coefficients). */
export function evaluateUnivariate(a: readonly (bigint | Rat)[], X: Interval, bits: number = DEFAULT_BITS): Interval {
  if (a.length === 0) return intervalFromInt(0, bits);
  let acc = coefficientInterval(a[a.length - 1]!, bits);
  for (let i = a.length - 2; i >= 0; i--) acc = intervalAdd(intervalMul(acc, X, bits), coefficientInterval(a[i]!, bits), bits);
  return acc;
}

/** An enclosure of { f(x) : x in box } for a sparse polynomial f with rational coefficients. */
export function evaluateOnBox(f: Poly<Rat>, box: readonly Interval[], bits: number = DEFAULT_BITS): Interval {
  const powers = box.map(() => new Map<number, Interval>());
  const power = (v: number, k: number): Interval => {
    let p = powers[v]!.get(k);
    if (!p) {
      p = intervalPow(box[v]!, k, bits);
      powers[v]!.set(k, p);
    }
    return p;
  };
  let sum = intervalFromInt(0, bits);
  for (let t = 0; t < f.mons.length; t++) {
    const mon = f.mons[t]!;
    if (mon.length !== box.length) {
      throw new MathError('box-dimension', `the box has ${box.length} intervals but the polynomial has ${mon.length} variables`);
    }
    let term = intervalFromRat(f.coeffs[t]!, bits);
    for (let v = 0; v < mon.length; v++) if (mon[v]! > 0) term = intervalMul(term, power(v, mon[v]!), bits);
    sum = intervalAdd(sum, term, bits);
  }
  return sum;
}
