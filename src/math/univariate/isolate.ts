// Real root isolation of integer (or rational) polynomials.
//
// Representation (invariants): a real root is a `RealRoot { poly, lo, hi }`: poly is square-free,
// primitive, of degree >= 1, and either lo = hi is an (exact, rational) root of poly, or lo < hi,
// poly(lo)·poly(hi) < 0 and poly has exactly one root in the open interval (lo, hi). Endpoints are
// dyadic rationals as produced by isolation and bisection (any rationals are accepted).
// Algorithm: Descartes' rule of signs with bisection (the Vincent–Collins–Akritas method:
// G. E. Collins and A. G. Akritas, "Polynomial real root isolation using Descartes' rule of signs",
// SYMSAC 1976; the bisection form of Krandick / Rouillier–Zimmermann 2004): a root bound maps the
// positive roots into (0, 1); for a sub-interval, the sign variations of (x+1)^n p(1/(x+1)) are
// 0 (no root), 1 (exactly one root) or more (bisect, by integer Taylor shifts).
import { MathError } from '../errors.js';
import { type Rat, QQ, compareRat, rat } from '../field.js';
import { bigAbs } from '../integers.js';
import { type IntPoly, bitLength, integerPoly, intDerivative } from './integer-poly.js';
import { intSquareFree } from './square-free.js';
import { removeCommonTwos, shiftedVariations, taylorShift1 } from '../realroots/taylor-shift.js';
import { signAt } from './sturm.js';

export interface RealRoot {
  /** Square-free, primitive, degree >= 1. */
  readonly poly: readonly bigint[];
  readonly lo: Rat;
  readonly hi: Rat;
}


/** Isolating intervals (possibly with endpoints that are roots) of the positive roots of a square-free a with a(0) != 0. */
function isolatePositive(a: readonly bigint[], out: { lo: Rat; hi: Rat }[]): void {
  const n = a.length - 1;
  if (n < 1) return;
  const lc = bigAbs(a[n]!);
  let mx = 0n;
  for (let i = 0; i < n; i++) if (bigAbs(a[i]!) > mx) mx = bigAbs(a[i]!);
  // Cauchy's bound: every root has |x| < 1 + max|a_i| / |a_n| <= 2^k.
  const bound = 1n + (mx + lc - 1n) / lc;
  const k = bitLength(bound);
  const scale = 1n << BigInt(k);
  const g0 = removeCommonTwos(a.map((c, i) => c << BigInt(k * i)));
  const stack: { g: bigint[]; c: bigint; j: number }[] = [{ g: g0, c: 0n, j: 0 }];
  while (stack.length > 0) {
    const { g, c, j } = stack.pop()!;
    // The variations of (x+1)^n g(1/(x+1)), capped at 2: the Descartes bound for the roots of g in (0, 1).
    const v = shiftedVariations(g.slice().reverse(), 2);
    if (v === 0) continue;
    const den = 1n << BigInt(j);
    if (v === 1) {
      out.push({ lo: rat(c * scale, den), hi: rat((c + 1n) * scale, den) });
      continue;
    }
    const left = g.map((x, i) => x << BigInt(n - i)); // 2^n g(x/2)
    let atMid = 0n;
    for (const x of left) atMid += x;
    if (atMid === 0n) {
      const mid = rat((2n * c + 1n) * scale, 2n * den);
      out.push({ lo: mid, hi: mid });
    }
    const right = taylorShift1(left); // 2^n g((x+1)/2)
    stack.push({ g: removeCommonTwos(right), c: 2n * c + 1n, j: j + 1 });
    stack.push({ g: removeCommonTwos(left), c: 2n * c, j: j + 1 });
  }
}

export function midpoint(a: Rat, b: Rat): Rat {
  return rat(a.num * b.den + b.num * a.den, 2n * a.den * b.den);
}

/** The sign of p just to the right of x (p square-free): sign p(x), or sign p'(x) when p(x) = 0. */
function signRightOf(p: IntPoly, x: Rat): number {
  const s = signAt(p, x);
  return s !== 0 ? s : signAt(intDerivative(p), x);
}

/**
 * Shrinks an interval holding exactly one root in its interior until neither endpoint is a root
 * (or the root is hit exactly), establishing the RealRoot invariant.
 */
function normalizeInterval(p: readonly bigint[], lo: Rat, hi: Rat): RealRoot {
  if (QQ.eq(lo, hi)) return { poly: p, lo, hi };
  let sLo = signRightOf(p, lo);
  while (signAt(p, lo) === 0 || signAt(p, hi) === 0) {
    const mid = midpoint(lo, hi);
    const s = signAt(p, mid);
    if (s === 0) return { poly: p, lo: mid, hi: mid };
    if (s === sLo) {
      lo = mid;
      sLo = s;
    } else {
      hi = mid;
    }
  }
  return { poly: p, lo, hi };
}

/**
 * Isolating intervals of the distinct real roots of a, in increasing order (a need not be square-free;
 * the roots' polynomial is its square-free part). Rational coefficients are accepted.
 */
export function isolateRealRoots(a: readonly (bigint | Rat)[]): RealRoot[] {
  const p = intSquareFree(integerPoly(a as (bigint | Rat)[]));
  if (p.length === 0) throw new MathError('zero-polynomial', 'the zero polynomial has infinitely many roots');
  if (p.length === 1) return [];
  const intervals: { lo: Rat; hi: Rat }[] = [];
  let q = p;
  if (q[0] === 0n) {
    intervals.push({ lo: QQ.zero, hi: QQ.zero });
    q = q.slice(1);
  }
  isolatePositive(q, intervals);
  const negatives: { lo: Rat; hi: Rat }[] = [];
  isolatePositive(
    q.map((c, i) => (i % 2 === 0 ? c : -c)),
    negatives,
  );
  for (const { lo, hi } of negatives) intervals.push({ lo: QQ.neg(hi), hi: QQ.neg(lo) });
  intervals.sort((x, y) => compareRat(x.lo, y.lo) || compareRat(x.hi, y.hi));
  return intervals.map(({ lo, hi }) => normalizeInterval(p, lo, hi));
}
