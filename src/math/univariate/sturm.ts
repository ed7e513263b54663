// Signs of integer polynomials at rational points, Sturm sequences and real-root counting.
//
// Representation: `IntPoly` (integer-poly.ts); points are rationals `Rat` or ±∞.
// Algorithms: Sturm sequences as signed pseudo-remainder sequences made primitive; `countRealRoots`
// counts distinct real roots in (lo, hi] exactly (J. C. F. Sturm 1829; Basu–Pollack–Roy, "Algorithms
// in Real Algebraic Geometry", Thm 2.50). `fastSignAt` decides a sign at a long dyadic point by a
// fixed-point Horner evaluation with a rigorous error bound first, then exactly.
import { MathError } from '../errors.js';
import { type Rat, compareRat } from '../field.js';
import { bigAbs } from '../integers.js';
import { type IntPoly, bitLength, fixedPointValue, homogeneousValue, integerPoly, intDerivative, primitivePart, pseudoRemainder } from './integer-poly.js';
import { intSquareFree } from './square-free.js';
import { checkInterrupt } from '../progress.js';

/** The sign of a at the rational x: -1, 0 or 1. */
export function signAt(a: IntPoly, x: Rat): number {
  const v = homogeneousValue(a, x.num, x.den);
  return v > 0n ? 1 : v < 0n ? -1 : 0;
}

/**
 * The sign of a at x, exactly, evaluated in fixed point first when x is a dyadic rational with a long
 * denominator: truncating Horner at the scale of x has an error below n·max(1,|x|)^(n-1) + 1 units,
 * so a value beyond that bound decides the sign without the n-fold growth of exact evaluation; the
 * exact evaluation decides the rest.
 */
export function fastSignAt(a: IntPoly, x: Rat): number {
  const k = bitLength(x.den) - 1;
  if (k < 64 || x.den !== 1n << BigInt(k) || a.length < 3) return signAt(a, x);
  const s = BigInt(k);
  const y = fixedPointValue(a, x.num, s);
  const n = a.length - 1;
  const M = (bigAbs(x.num) >> s) + 1n;
  const E = BigInt(n) * M ** BigInt(n - 1) + 1n;
  if (y > E) return 1;
  if (y < -E) return -1;
  return signAt(a, x);
}

function signAtInfinity(a: IntPoly, positive: boolean): number {
  const n = a.length - 1;
  const s = a[n]! > 0n ? 1 : -1;
  return positive || n % 2 === 0 ? s : -s;
}

/**
 * The Sturm sequence of a (taken square-free first): S0 = a, S1 = a', S_{k+1} = -rem(S_{k-1}, S_k)
 * up to positive factors (signed pseudo-remainders made primitive).
 */
export function sturmSequence(a: IntPoly): bigint[][] {
  const p = intSquareFree(a);
  if (p.length === 0) throw new MathError('zero-polynomial', 'the zero polynomial has no Sturm sequence');
  const seq: bigint[][] = [p];
  let prev = p;
  let cur = primitivePart(intDerivative(p));
  while (cur.length > 0) {
    checkInterrupt();
    seq.push(cur);
    const { remainder, steps } = pseudoRemainder(prev, cur);
    // remainder = lc^steps · rem; we need -rem times a positive number.
    const lcNegative = cur[cur.length - 1]! < 0n && steps % 2 === 1;
    const next = primitivePart(lcNegative ? remainder : remainder.map((c) => -c));
    prev = cur;
    cur = next;
  }
  return seq;
}

function variationsAt(seq: readonly IntPoly[], x: Rat | 'plus' | 'minus'): number {
  let count = 0;
  let last = 0;
  for (const s of seq) {
    const v = x === 'plus' ? signAtInfinity(s, true) : x === 'minus' ? signAtInfinity(s, false) : signAt(s, x);
    if (v === 0) continue;
    if (last !== 0 && v !== last) count++;
    last = v;
  }
  return count;
}

/**
 * The number of distinct real roots of a in (lo, hi] (lo = -∞ and hi = +∞ when omitted), exact, by
 * Sturm's theorem. a need not be square-free. Accepts integer or rational coefficients.
 */
export function countRealRoots(a: readonly (bigint | Rat)[], lo?: Rat, hi?: Rat): number {
  const p = integerPoly(a as (bigint | Rat)[]);
  if (p.length === 0) throw new MathError('zero-polynomial', 'the zero polynomial has infinitely many roots');
  if (p.length === 1) return 0;
  if (lo && hi && compareRat(lo, hi) >= 0) return 0;
  const seq = sturmSequence(p);
  return variationsAt(seq, lo ?? 'minus') - variationsAt(seq, hi ?? 'plus');
}
