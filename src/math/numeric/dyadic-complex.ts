// Complex interval arithmetic on dyadic endpoints, at a chosen precision: the Krawczyk test of
// endpoints too ill-conditioned for double-precision intervals (./krawczyk.ts, `certifyPrecise`).
//
// Representation: a complex interval is a rectangle `DCI = { re, im }` of two real Intervals with
// dyadic endpoints (../interval/interval.ts: exact sums and products, endpoints rounded outward to
// `bits` mantissa bits), so every operation encloses the exact results (the inclusion property;
// Moore, Kearfott, Cloud, "Introduction to Interval Analysis", SIAM 2009, ch. 2; complex rectangles:
// Rump, "Verification methods", Acta Numerica 19, 2010, §13). Polynomials over QQ are evaluated on a
// box as sums of terms, each rational coefficient enclosed at `bits` bits and each power taken from a
// table per variable.
import type { Rat } from '../field.js';
import { type Dyadic, compareDyadic, doubleToDyadic, dyadicAdd, dyadicToNumber } from '../interval/dyadic.js';
import { type Interval, intervalAdd, intervalFromRat, intervalMul, intervalSub } from '../interval/interval.js';
import type { Poly } from '../poly.js';
import { type CI, nextDown, nextUp } from './float-interval.js';

export interface DCI {
  readonly re: Interval;
  readonly im: Interval;
}

const ZERO: Dyadic = { m: 0n, e: 0 };

export function dciPoint(re: Dyadic, im: Dyadic): DCI {
  return { re: { lo: re, hi: re }, im: { lo: im, hi: im } };
}

/** The exact complex number (hi + lo) of double-double real and imaginary parts. */
export function dciFromDD(reHi: number, reLo: number, imHi: number, imLo: number): DCI {
  return dciPoint(dyadicAdd(doubleToDyadic(reHi), doubleToDyadic(reLo)), dyadicAdd(doubleToDyadic(imHi), doubleToDyadic(imLo)));
}

export function dciAdd(a: DCI, b: DCI, bits: number): DCI {
  return { re: intervalAdd(a.re, b.re, bits), im: intervalAdd(a.im, b.im, bits) };
}

export function dciSub(a: DCI, b: DCI, bits: number): DCI {
  return { re: intervalSub(a.re, b.re, bits), im: intervalSub(a.im, b.im, bits) };
}

export function dciMul(a: DCI, b: DCI, bits: number): DCI {
  return {
    re: intervalSub(intervalMul(a.re, b.re, bits), intervalMul(a.im, b.im, bits), bits),
    im: intervalAdd(intervalMul(a.re, b.im, bits), intervalMul(a.im, b.re, bits), bits),
  };
}

/** True when a lies in the interior of b (strictly inside in each of the four bounds). */
export function dciInterior(a: DCI, b: DCI): boolean {
  return compareDyadic(a.re.lo, b.re.lo) > 0 && compareDyadic(a.re.hi, b.re.hi) < 0 && compareDyadic(a.im.lo, b.im.lo) > 0 && compareDyadic(a.im.hi, b.im.hi) < 0;
}

/** a ∩ b (assumed to meet). */
export function dciIntersect(a: DCI, b: DCI): DCI {
  const max = (x: Dyadic, y: Dyadic) => (compareDyadic(x, y) >= 0 ? x : y);
  const min = (x: Dyadic, y: Dyadic) => (compareDyadic(x, y) <= 0 ? x : y);
  return { re: { lo: max(a.re.lo, b.re.lo), hi: min(a.re.hi, b.re.hi) }, im: { lo: max(a.im.lo, b.im.lo), hi: min(a.im.hi, b.im.hi) } };
}

/** A double lower bound of a dyadic (dyadicToNumber is within one ulp; two steps down are safe). */
function below(x: Dyadic): number {
  return nextDown(nextDown(dyadicToNumber(x)));
}

/** A double upper bound of a dyadic. */
function above(x: Dyadic): number {
  return nextUp(nextUp(dyadicToNumber(x)));
}

/** The smallest double rectangle found around a (containing it). */
export function dciOutward(a: DCI): CI {
  return { rl: below(a.re.lo), rh: above(a.re.hi), il: below(a.im.lo), ih: above(a.im.hi) };
}

/** A double rectangle inside a, or null when a is too narrow for doubles. */
export function dciInward(a: DCI): CI | null {
  const r = { rl: above(a.re.lo), rh: below(a.re.hi), il: above(a.im.lo), ih: below(a.im.hi) };
  return r.rl < r.rh && r.il < r.ih ? r : null;
}

/** Polynomials over QQ on complex dyadic boxes. */
export class DyadicComplexSystem {
  private readonly maxExp: number[];

  constructor(
    readonly nvars: number,
    private readonly polys: readonly Poly<Rat>[],
  ) {
    this.maxExp = Array.from({ length: nvars }, (_, v) => Math.max(0, ...polys.flatMap((f) => f.mons.map((m) => m[v]!))));
  }

  /** Enclosures of every polynomial on the box X, at `bits` bits. */
  evaluate(X: readonly DCI[], bits: number): DCI[] {
    const one = dciPoint({ m: 1n, e: 0 }, ZERO);
    const powers = X.map((x, v) => {
      const table: DCI[] = [one];
      for (let k = 1; k <= this.maxExp[v]!; k++) table.push(k === 1 ? x : dciMul(table[k - 1]!, x, bits));
      return table;
    });
    return this.polys.map((f) => {
      let sum = dciPoint(ZERO, ZERO);
      f.mons.forEach((m, k) => {
        let p: DCI = { re: intervalFromRat(f.coeffs[k]!, bits), im: { lo: ZERO, hi: ZERO } };
        for (let v = 0; v < this.nvars; v++) if (m[v]! > 0) p = dciMul(p, powers[v]![m[v]!]!, bits);
        sum = dciAdd(sum, p, bits);
      });
      return sum;
    });
  }
}
