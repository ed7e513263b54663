// Complex interval arithmetic on doubles with outward rounding, and polynomials evaluated on boxes.
//
// Representation: a real interval is a pair lo ≤ hi of doubles; a complex interval is a rectangle
// `CI = { rl, rh, il, ih }` (real part in [rl, rh], imaginary part in [il, ih]). JavaScript has no
// directed rounding, so every operation computes its endpoints rounded to nearest and then moves
// each one ulp outward (`nextDown`, `nextUp` on the bits of the double): a correctly rounded result
// is within half an ulp of the exact one, so the widened interval contains it (Rump, "Fast and
// parallel interval arithmetic", BIT 39, 1999, §2, the "one ulp" method). Products of real
// intervals take the min and max of the four endpoint products (Moore, Kearfott, Cloud,
// "Introduction to Interval Analysis", SIAM 2009, ch. 2); complex products are the rectangular
// hull ac - bd, ad + bc. Overflow yields infinite endpoints, which only make enclosures wider.
//
// An `IntervalSystem` holds polynomials over QQ with each rational coefficient enclosed by the two
// doubles around it (exact rounding from ../interval/dyadic.ts), so evaluating it on a box encloses
// the values of the exact polynomials at every point of the box (the inclusion property).
import { type Rat, rat } from '../field.js';
import { doubleToDyadic, dyadicToNumber, ratToDyadic } from '../interval/dyadic.js';
import type { Poly } from '../poly.js';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const LO = LITTLE ? 0 : 1;
const HI = LITTLE ? 1 : 0;

/** The next double above x (x itself for +Infinity and NaN). */
export function nextUp(x: number): number {
  if (x !== x || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  if (x > 0) {
    u32[LO] = (u32[LO]! + 1) >>> 0;
    if (u32[LO] === 0) u32[HI] = u32[HI]! + 1;
  } else {
    if (u32[LO] === 0) u32[HI] = u32[HI]! - 1;
    u32[LO] = (u32[LO]! - 1) >>> 0;
  }
  return f64[0]!;
}

/** The next double below x. */
export function nextDown(x: number): number {
  return -nextUp(-x);
}

export interface CI {
  rl: number;
  rh: number;
  il: number;
  ih: number;
}

export function ci(rl: number, rh: number, il: number, ih: number): CI {
  return { rl, rh, il, ih };
}

/** The point interval of a double complex number. */
export function ciPoint(re: number, im: number): CI {
  return { rl: re, rh: re, il: im, ih: im };
}

function mulLo(al: number, ah: number, bl: number, bh: number): number {
  return nextDown(Math.min(al * bl, al * bh, ah * bl, ah * bh));
}

function mulHi(al: number, ah: number, bl: number, bh: number): number {
  return nextUp(Math.max(al * bl, al * bh, ah * bl, ah * bh));
}

export function ciAdd(a: CI, b: CI): CI {
  return { rl: nextDown(a.rl + b.rl), rh: nextUp(a.rh + b.rh), il: nextDown(a.il + b.il), ih: nextUp(a.ih + b.ih) };
}

export function ciSub(a: CI, b: CI): CI {
  return { rl: nextDown(a.rl - b.rh), rh: nextUp(a.rh - b.rl), il: nextDown(a.il - b.ih), ih: nextUp(a.ih - b.il) };
}

export function ciMul(a: CI, b: CI): CI {
  // re = ac - bd, im = ad + bc with a = a.r, b = a.i, c = b.r, d = b.i
  const acl = mulLo(a.rl, a.rh, b.rl, b.rh);
  const ach = mulHi(a.rl, a.rh, b.rl, b.rh);
  const bdl = mulLo(a.il, a.ih, b.il, b.ih);
  const bdh = mulHi(a.il, a.ih, b.il, b.ih);
  const adl = mulLo(a.rl, a.rh, b.il, b.ih);
  const adh = mulHi(a.rl, a.rh, b.il, b.ih);
  const bcl = mulLo(a.il, a.ih, b.rl, b.rh);
  const bch = mulHi(a.il, a.ih, b.rl, b.rh);
  return { rl: nextDown(acl - bdh), rh: nextUp(ach - bdl), il: nextDown(adl + bcl), ih: nextUp(adh + bch) };
}

/** x·a for a double complex number x = (xr, xi). */
export function ciScale(a: CI, xr: number, xi: number): CI {
  return ciMul(a, ciPoint(xr, xi));
}

/** True when a lies in the interior of b (strictly inside in each of the four bounds). */
export function ciInterior(a: CI, b: CI): boolean {
  return a.rl > b.rl && a.rh < b.rh && a.il > b.il && a.ih < b.ih;
}

/** True when a and b share a point. */
export function ciIntersects(a: CI, b: CI): boolean {
  return a.rl <= b.rh && b.rl <= a.rh && a.il <= b.ih && b.il <= a.ih;
}

/** The largest modulus bound max(|re|, |im|) over the interval (a magnitude in the ∞-norm of C = R²). */
export function ciMagnitude(a: CI): number {
  return Math.max(Math.abs(a.rl), Math.abs(a.rh), Math.abs(a.il), Math.abs(a.ih));
}

/** The exact enclosure [lo, hi] of a rational by doubles. */
export function ratEnclosure(x: Rat): [number, number] {
  return [dyadicToNumber(ratToDyadic(x, 53, false)), dyadicToNumber(ratToDyadic(x, 53, true))];
}

interface IntervalTerm {
  readonly lo: number;
  readonly hi: number;
  readonly vars: Int32Array;
  readonly exps: Int32Array;
}

/** Polynomials over QQ, compiled for evaluation on complex boxes with enclosed coefficients. */
export class IntervalSystem {
  private readonly terms: IntervalTerm[][];
  private readonly maxExp: Int32Array;

  constructor(
    readonly nvars: number,
    polys: readonly Poly<Rat>[],
  ) {
    this.maxExp = new Int32Array(nvars);
    this.terms = polys.map((f) =>
      f.mons.map((m, k) => {
        const [lo, hi] = ratEnclosure(f.coeffs[k]!);
        const vars: number[] = [];
        const exps: number[] = [];
        for (let v = 0; v < nvars; v++) {
          if (m[v]! > 0) {
            vars.push(v);
            exps.push(m[v]!);
            if (m[v]! > this.maxExp[v]!) this.maxExp[v] = m[v]!;
          }
        }
        return { lo, hi, vars: Int32Array.from(vars), exps: Int32Array.from(exps) };
      }),
    );
  }

  get npolys(): number {
    return this.terms.length;
  }

  /** Enclosures of the values of every polynomial at every point of the box X (one CI per variable). */
  evaluate(X: readonly CI[]): CI[] {
    const powers = X.map((x, v) => {
      const table: CI[] = [ciPoint(1, 0)];
      for (let k = 1; k <= this.maxExp[v]!; k++) table.push(k === 1 ? x : ciMul(table[k - 1]!, x));
      return table;
    });
    return this.terms.map((terms) => {
      let sum = ciPoint(0, 0);
      for (const t of terms) {
        let p = ci(t.lo, t.hi, 0, 0);
        for (let a = 0; a < t.vars.length; a++) p = ciMul(p, powers[t.vars[a]!]![t.exps[a]!]!);
        sum = ciAdd(sum, p);
      }
      return sum;
    });
  }
}

/** The exact rational value of a finite double. */
export function floatToRat(x: number): Rat {
  const d = doubleToDyadic(x);
  return rat(d.m, 1n << BigInt(-d.e));
}
