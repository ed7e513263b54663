// Decimal text of exact numbers: rationals and elements of Q(θ) for a real algebraic θ.
//
// `formatDecimal` is the one decimal formatter of vdl (the `decimal(x, digits)` built-in, solve's
// coordinates and real points all use it): `digits` significant digits, rounded half to even,
// trailing zeros dropped (so a terminating value prints exactly: 1/2 -> 0.5), positional notation
// for decimal exponents in [-7, 21), scientific (`1.5e-9`, `2e+21`) outside.
// Values in Q(θ) are rounded exactly: an enclosure of the value is shrunk (by refining θ) until both
// ends round to the same text; a value sitting exactly on a rounding boundary (or at 0) is detected
// exactly, never by a guess.
import { MathError } from '../errors.js';
import { type Rat, QQ, compareRat, rat } from '../field.js';
import { bigAbs, bigLcm } from '../integers.js';
import { bitLength, evaluateInt, trimInt } from './integer-poly.js';
import { type RealRoot, isolateRealRoots } from './isolate.js';
import { fixedPointEnclosure, isZeroAtRoot, lipschitzBound, magnitudeBound, refineRootToBits, sgn } from './refine.js';

/** A decimal rounding: the value n · 10^(exponent - digits + 1) with |n| having exactly `digits` digits. */
interface Rounded {
  readonly n: bigint;
  readonly exponent: number;
}

function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

/** x != 0 rounded to `digits` significant digits, half to even. */
function roundSignificant(x: Rat, digits: number): Rounded {
  const negative = x.num < 0n;
  const a = bigAbs(x.num);
  const b = x.den;
  let e = a.toString().length - b.toString().length;
  // 10^e <= a/b < 10^(e+1)
  if (e >= 0 ? a < b * pow10(e) : a * pow10(-e) < b) e--;
  const s = digits - 1 - e;
  const num = s >= 0 ? a * pow10(s) : a;
  const den = s >= 0 ? b : b * pow10(-s);
  let n = num / den;
  const twiceRemainder = 2n * (num % den);
  if (twiceRemainder > den || (twiceRemainder === den && n % 2n === 1n)) n++;
  if (n === pow10(digits)) {
    n = pow10(digits - 1);
    e++;
  }
  return { n: negative ? -n : n, exponent: e };
}

function roundedValue(r: Rounded, digits: number): Rat {
  const k = r.exponent - digits + 1;
  return k >= 0 ? rat(r.n * pow10(k)) : rat(r.n, pow10(-k));
}

function roundedText(r: Rounded, digits: number): string {
  if (r.n === 0n) return '0';
  const negative = r.n < 0n;
  let ds = bigAbs(r.n).toString().padStart(digits, '0');
  ds = ds.replace(/0+$/, '');
  if (ds === '') ds = '0';
  const e = r.exponent;
  let body: string;
  if (e >= -7 && e < 21) {
    if (e >= 0) {
      const intPart = ds.length > e + 1 ? ds.slice(0, e + 1) : ds.padEnd(e + 1, '0');
      const frac = ds.length > e + 1 ? ds.slice(e + 1) : '';
      body = frac === '' ? intPart : `${intPart}.${frac}`;
    } else {
      body = `0.${'0'.repeat(-e - 1)}${ds}`;
    }
  } else {
    body = ds.length > 1 ? `${ds[0]}.${ds.slice(1)}e${e >= 0 ? '+' : ''}${e}` : `${ds}e${e >= 0 ? '+' : ''}${e}`;
  }
  return negative ? `-${body}` : body;
}

/**
 * The decimal text of a rational with `digits` significant digits, rounded half to even; trailing
 * zeros are dropped (so exact values print short: `0.5`, `2`), positional notation for decimal
 * exponents in [-7, 21), scientific (`1.5e-9`, `1.2e+21`) outside. The one decimal formatter of vdl.
 */
export function formatDecimal(x: Rat, digits: number): string {
  if (!Number.isInteger(digits) || digits < 1) throw new MathError('bad-digits', `the number of digits must be a positive integer, got ${digits}`);
  if (x.num === 0n) return '0';
  return roundedText(roundSignificant(x, digits), digits);
}

/**
 * q(θ) (a polynomial in θ with rational or integer coefficients) to `digits` significant digits,
 * rounded exactly: the enclosure [q(lo) - L·w, q(lo) + L·w] (L a Lipschitz bound of q on the initial
 * interval, w its width) is shrunk by refining θ until both ends round alike; a value equal to 0 or to
 * a rounding boundary is recognised exactly.
 */
export function algebraicToDecimal(root: RealRoot, q: readonly (bigint | Rat)[], digits: number): string {
  return rationalFunctionToDecimal(root, q, undefined, digits).text;
}

/** An integer polynomial and a positive integer d with q = poly / d. */
function integerWithDenominator(q: readonly (bigint | Rat)[]): { poly: bigint[]; den: bigint } {
  let den = 1n;
  const rs = q.map((c) => (typeof c === 'object' ? c : { num: c, den: 1n }));
  for (const c of rs) den = bigLcm(den, c.den);
  return { poly: trimInt(rs.map((c) => c.num * (den / c.den))), den };
}

/** Interval quotient [a0, a1] / [b0, b1] for 0 < b0 <= b1. */
function divideIntervals(a0: Rat, a1: Rat, b0: Rat, b1: Rat): [Rat, Rat] {
  const lower = QQ.div(a0, a0.num >= 0n ? b1 : b0);
  const upper = QQ.div(a1, a1.num >= 0n ? b0 : b1);
  return [lower, upper];
}

/**
 * p(θ)/q(θ) (q = 1 when omitted) to `digits` significant digits, rounded exactly; returns the text
 * and the refined root. Enclosures of p(θ) and q(θ) at scale 2^S come from the exact value at lo and
 * Lipschitz bounds; θ is refined (Newton, verified) until both ends of the quotient's enclosure round
 * alike. A value equal to 0 or to a rounding boundary β is recognised exactly (p - β·q vanishes at θ).
 * MathError('division-by-zero') when q(θ) = 0.
 */
export function rationalFunctionToDecimal(
  root: RealRoot,
  numerator: readonly (bigint | Rat)[],
  denominator: readonly (bigint | Rat)[] | undefined,
  digits: number,
): { text: string; root: RealRoot } {
  if (!Number.isInteger(digits) || digits < 1) throw new MathError('bad-digits', `the number of digits must be a positive integer, got ${digits}`);
  const { poly: P, den: dp } = integerWithDenominator(numerator);
  const { poly: Q, den: dq } = integerWithDenominator(denominator ?? [1n]);
  let r = root;
  if (Q.length === 0) throw new MathError('division-by-zero', 'division by the zero polynomial');
  const exactValue = (x: Rat) => {
    const d = QQ.div(evaluateInt(Q, x), QQ.fromBigInt(dq));
    if (d.num === 0n) throw new MathError('division-by-zero', 'the denominator vanishes at the root');
    return QQ.div(QQ.div(evaluateInt(P, x), QQ.fromBigInt(dp)), d);
  };
  if (P.length === 0) return { text: '0', root: r };
  if (QQ.eq(r.lo, r.hi)) return { text: formatDecimal(exactValue(r.lo), digits), root: r };
  // θ itself: the enclosure is the isolating interval.
  const identity = Q.length === 1 && Q[0] === dq && P.length === 2 && P[0] === 0n && P[1] === dp;
  const M1 = magnitudeBound(r) + 1n;
  const LP = lipschitzBound(P, M1);
  const LQ = lipschitzBound(Q, M1);
  const constantDenominator = Q.length === 1;
  let zeroChecked = false;
  let denominatorChecked = false;
  let testedBoundary: Rat | undefined;
  let S = Math.ceil(digits * 3.33) + 16;
  for (;;) {
    r = refineRootToBits(r, identity ? S : S + bitLength(LP > LQ ? LP : LQ) + 2);
    if (QQ.eq(r.lo, r.hi)) return { text: formatDecimal(exactValue(r.lo), digits), root: r };
    let A: Rat, B: Rat;
    if (identity) {
      A = r.lo;
      B = r.hi;
    } else {
      const unit = 1n << BigInt(S);
      const np = fixedPointEnclosure(P, dp, LP, r, S, M1);
      const n0 = rat(np.value - np.radius, unit);
      const n1 = rat(np.value + 1n + np.radius, unit);
      if (constantDenominator) {
        const c = rat(Q[0]!, dq);
        [A, B] = c.num > 0n ? [QQ.div(n0, c), QQ.div(n1, c)] : [QQ.div(n1, c), QQ.div(n0, c)];
      } else {
        const nq = fixedPointEnclosure(Q, dq, LQ, r, S, M1);
        const d0 = rat(nq.value - nq.radius, unit);
        const d1 = rat(nq.value + 1n + nq.radius, unit);
        if (d0.num <= 0n && d1.num >= 0n) {
          if (!denominatorChecked) {
            denominatorChecked = true;
            if (isZeroAtRoot(r, Q)) throw new MathError('division-by-zero', 'the denominator vanishes at the root');
          }
          S *= 2;
          continue;
        }
        [A, B] = d0.num > 0n ? divideIntervals(n0, n1, d0, d1) : divideIntervals(QQ.neg(n1), QQ.neg(n0), QQ.neg(d1), QQ.neg(d0));
      }
    }
    if (sgn(A) <= 0 && sgn(B) >= 0) {
      if (!zeroChecked) {
        zeroChecked = true;
        if (isZeroAtRoot(r, P)) return { text: '0', root: r };
      }
      S *= 2;
      continue;
    }
    const ra = roundSignificant(A, digits);
    const rb = roundSignificant(B, digits);
    if (ra.n === rb.n && ra.exponent === rb.exponent) return { text: roundedText(ra, digits), root: r };
    // Both ends round differently: a rounding boundary β lies in (A, B]. Check once whether the
    // value is β exactly (then round β itself), otherwise refine further.
    const negative = sgn(A) < 0;
    const lower = negative ? roundSignificant(QQ.neg(B), digits) : ra;
    const k = lower.exponent - digits + 1;
    const ulp = k >= 0 ? rat(pow10(k)) : rat(1n, pow10(-k));
    const beta0 = QQ.add(roundedValue({ n: bigAbs(lower.n), exponent: lower.exponent }, digits), QQ.mul(rat(1n, 2n), ulp));
    const beta = negative ? QQ.neg(beta0) : beta0;
    if (compareRat(A, beta) <= 0 && compareRat(beta, B) <= 0 && (!testedBoundary || !QQ.eq(testedBoundary, beta))) {
      testedBoundary = beta;
      // p/dp - β·q/dq = 0 at θ  <=>  P·dq·β.den - β.num·dp·Q = 0 at θ.
      const n = Math.max(P.length, Q.length);
      const shifted: bigint[] = [];
      for (let i = 0; i < n; i++) shifted.push((P[i] ?? 0n) * dq * beta.den - beta.num * dp * (Q[i] ?? 0n));
      if (isZeroAtRoot(r, trimInt(shifted))) return { text: formatDecimal(beta, digits), root: r };
    }
    S += Math.max(32, S >> 1);
  }
}

/** The root θ to `digits` significant digits (exact rounding). */
export function rootToDecimal(root: RealRoot, digits: number): string {
  return algebraicToDecimal(root, [0n, 1n], digits);
}

/** All distinct real roots of f, increasing, each to `digits` significant digits. */
export function rootsToDigits(f: readonly (bigint | Rat)[], digits: number): string[] {
  return isolateRealRoots(f).map((r) => rootToDecimal(r, digits));
}
