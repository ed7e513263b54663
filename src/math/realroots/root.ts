// Isolated real roots with dyadic endpoints, and their refinement by bisection.
//
// Representation (invariants): an `IsolatedRoot` is `{ poly, lo, hi, signLo }` where poly is a
// square-free integer polynomial (ascending, degree >= 1), lo and hi are Dyadics
// (../interval/dyadic.ts), and either lo = hi is a root of poly (signLo = 0), or lo < hi, poly has
// exactly one root in the open interval (lo, hi), none at lo or hi, and signLo = sign poly(lo) = -sign
// poly(hi) (the root is simple, so the sign changes across it).
//
// Refinement: `bisectRoot` halves the interval with the exact sign at the dyadic midpoint (./sign.ts);
// `refineRoot` uses quadratic interval refinement (Abbott 2006), which falls back on bisection.
import { MathError } from '../errors.js';
import { type Dyadic, compareDyadic, dyadicMidpoint, dyadicSub, bitLength } from '../interval/dyadic.js';
import { type Interrupt, checkInterrupt } from '../progress.js';
import { fixedPointEnclosure, guardBits, signAtDyadic } from './sign.js';

export interface IsolatedRoot {
  readonly poly: readonly bigint[];
  readonly lo: Dyadic;
  readonly hi: Dyadic;
  readonly signLo: -1 | 0 | 1;
}

export function isExactRoot(root: IsolatedRoot): boolean {
  return root.signLo === 0;
}

/** One bisection step (the root stays isolated; an exact hit gives lo = hi). */
export function bisectRoot(root: IsolatedRoot): IsolatedRoot {
  if (root.signLo === 0) return root;
  const mid = dyadicMidpoint(root.lo, root.hi);
  const s = signAtDyadic(root.poly, mid);
  if (s === 0) return { poly: root.poly, lo: mid, hi: mid, signLo: 0 };
  return s === root.signLo ? { ...root, lo: mid } : { ...root, hi: mid };
}

/** log2 of the width, rounded up (-Infinity for an exact root). */
export function widthExponent(root: IsolatedRoot): number {
  if (root.signLo === 0) return -Infinity;
  const w = dyadicSub(root.hi, root.lo);
  return bitLength(w.m) + w.e;
}

/** m·2^e written with the exponent e' <= e (same value). */
function withExponent(x: Dyadic, e: number): bigint {
  return x.m << BigInt(x.e - e);
}

/** A double near a / (a - b) for bigints a, b of opposite signs (a value in [0, 1]). */
function secantFraction(a: bigint, b: bigint): number {
  const d = a - b;
  const shift = BigInt(Math.max(0, bitLength(d) - 60));
  return Number(a >> shift) / Number(d >> shift);
}

/**
 * One step of quadratic interval refinement with N = 2^t subintervals (Abbott, "Quadratic interval
 * refinement for real roots", 2006): the secant through (lo, p(lo)) and (hi, p(hi)) predicts the
 * subinterval of width (hi - lo)/N holding the root; two exact signs confirm it (success) or not
 * (undefined).
 */
function qirStep(root: IsolatedRoot, t: number): IsolatedRoot | undefined {
  const { poly, lo, hi } = root;
  const e = Math.min(lo.e, hi.e) - t;
  const L = withExponent(lo, e);
  const H = withExponent(hi, e);
  const step = (H - L) >> BigInt(t); // exact: lo and hi are multiples of 2^(e + t)
  const sign = (m: bigint) => signAtDyadic(poly, { m, e });
  // Approximate values at lo and hi (fixed-point enclosures' lower ends at x's precision plus guard
  // bits): they only choose the subinterval, which the exact signs below confirm or reject.
  const P = Math.max(0, -e) + guardBits(poly, lo.m === 0n ? hi : lo);
  const va = fixedPointEnclosure(poly, lo, P).lo;
  const vb = fixedPointEnclosure(poly, hi, P).lo;
  if (va === vb || va > 0n === vb > 0n) return undefined;
  const N = 2 ** t;
  const j = Math.min(N, Math.max(0, Math.round(N * secantFraction(va, vb))));
  const mid = L + BigInt(j) * step;
  const s = sign(mid);
  if (s === 0) return { poly, lo: { m: mid, e }, hi: { m: mid, e }, signLo: 0 };
  if (s === root.signLo) {
    if (j === N) return undefined;
    const next = mid + step;
    const s2 = sign(next);
    if (s2 === 0) return { poly, lo: { m: next, e }, hi: { m: next, e }, signLo: 0 };
    return s2 !== root.signLo ? { poly, lo: { m: mid, e }, hi: { m: next, e }, signLo: root.signLo } : undefined;
  }
  if (j === 0) return undefined;
  const prev = mid - step;
  const s2 = sign(prev);
  if (s2 === 0) return { poly, lo: { m: prev, e }, hi: { m: prev, e }, signLo: 0 };
  return s2 === root.signLo ? { poly, lo: { m: prev, e }, hi: { m: mid, e }, signLo: root.signLo } : undefined;
}

/**
 * Refines until hi - lo <= 2^-bits (or the root is hit exactly) by quadratic interval refinement: after
 * a successful step the number of subintervals is squared (so the number of correct bits roughly
 * doubles, as in Newton's method), after a failed one it is square-rooted and a bisection step is made.
 */
export function refineRoot(root: IsolatedRoot, bits: number, options: { signal?: Interrupt } = {}): IsolatedRoot {
  if (!Number.isInteger(bits)) throw new MathError('bad-precision', `refinement needs an integer number of bits, got ${bits}`);
  let r = root;
  let t = 2;
  while (widthExponent(r) > -bits) {
    checkInterrupt(options.signal);
    // Never cut finer than needed: the step's width 2^(width - t) need not go below 2^-bits by much.
    const tt = Math.max(1, Math.min(t, widthExponent(r) + bits + 1));
    const next = qirStep(r, tt);
    if (next) {
      r = next;
      t = Math.min(2 * t, 1 << 20);
    } else {
      r = bisectRoot(r);
      t = Math.max(2, t >> 1);
    }
  }
  return r;
}

/** Whether the dyadic x lies in the closed isolating interval. */
export function rootIntervalContains(root: IsolatedRoot, x: Dyadic): boolean {
  return compareDyadic(root.lo, x) <= 0 && compareDyadic(x, root.hi) <= 0;
}
