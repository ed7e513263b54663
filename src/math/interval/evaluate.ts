// Interval evaluation of polynomials: a univariate polynomial (coefficients ascending, integers or
// rationals) by interval Horner, and a sparse multivariate `Poly<Rat>` (../poly.ts) on a box (one
// interval per variable) as a sum of monomials, each power taken by `intervalPow` (which is exact about
// even powers of intervals around 0) and cached per variable and exponent (`BoxEvaluator` shares that
// cache between the polynomials evaluated on one box, e.g. the entries of a Hessian).
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

/**
 * Evaluation of many polynomials on one box: the powers of each side are computed once and shared by
 * every polynomial evaluated (the entries of a Hessian share most of their monomials' factors).
 */
export class BoxEvaluator {
  private readonly powers: Map<number, Interval>[];

  constructor(
    readonly box: readonly Interval[],
    readonly bits: number = DEFAULT_BITS,
  ) {
    this.powers = box.map(() => new Map<number, Interval>());
  }

  /** box[v]^k, cached. */
  power(v: number, k: number): Interval {
    let p = this.powers[v]!.get(k);
    if (!p) {
      p = intervalPow(this.box[v]!, k, this.bits);
      this.powers[v]!.set(k, p);
    }
    return p;
  }

  /** An enclosure of { f(x) : x in box }. */
  evaluate(f: Poly<Rat>): Interval {
    const bits = this.bits;
    let sum = intervalFromInt(0, bits);
    for (let t = 0; t < f.mons.length; t++) {
      const mon = f.mons[t]!;
      if (mon.length !== this.box.length) {
        throw new MathError('box-dimension', `the box has ${this.box.length} intervals but the polynomial has ${mon.length} variables`);
      }
      let term = intervalFromRat(f.coeffs[t]!, bits);
      for (let v = 0; v < mon.length; v++) if (mon[v]! > 0) term = intervalMul(term, this.power(v, mon[v]!), bits);
      sum = intervalAdd(sum, term, bits);
    }
    return sum;
  }
}

/** An enclosure of { f(x) : x in box } for a sparse polynomial f with rational coefficients. */
export function evaluateOnBox(f: Poly<Rat>, box: readonly Interval[], bits: number = DEFAULT_BITS): Interval {
  return new BoxEvaluator(box, bits).evaluate(f);
}
