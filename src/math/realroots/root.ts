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

/** Approximate values of the polynomial at lo and hi, both at the scale 2^-P. */
interface EndValues {
  readonly lo: bigint;
  readonly hi: bigint;
}

/**
 * A value and exact sign at x: the fixed-point enclosure at P fraction bits gives the value; its sign is
 * taken when the enclosure excludes 0, the exact sign otherwise.
 */
function valueAndSign(poly: readonly bigint[], x: Dyadic, P: number): { value: bigint; sign: -1 | 0 | 1 } {
  const enc = fixedPointEnclosure(poly, x, P);
  const sign = enc.lo > 0n ? 1 : enc.hi < 0n ? -1 : signAtDyadic(poly, x);
  return { value: enc.lo, sign };
}

/** round(2^t · a / (a - b)) for a, b of opposite signs, clamped to [0, 2^t]: the secant's grid index. */
function secantIndex(a: bigint, b: bigint, t: number): bigint {
  let num = a << BigInt(t);
  let den = a - b;
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const j = (2n * num + den) / (2n * den);
  const N = 1n << BigInt(t);
  return j < 0n ? 0n : j > N ? N : j;
}

/**
 * One step of quadratic interval refinement with N = 2^t subintervals (Abbott, "Quadratic interval
 * refinement for real roots", 2006): the secant through (lo, p(lo)) and (hi, p(hi)) predicts the
 * subinterval of width (hi - lo)/N holding the root; two exact signs confirm it (success) or not
 * (undefined).
 */
function qirStep(root: IsolatedRoot, t: number, known: EndValues | undefined): { root: IsolatedRoot; values?: EndValues } | undefined {
  const { poly, lo, hi } = root;
  const e = Math.min(lo.e, hi.e) - t;
  const L = withExponent(lo, e);
  const H = withExponent(hi, e);
  const step = (H - L) >> BigInt(t); // exact: lo and hi are multiples of 2^(e + t)
  // Values at x's precision plus guard bits: they only choose the subinterval, which exact signs
  // confirm or reject. The values at lo and hi are those of the previous step when it succeeded.
  const P = Math.max(0, -e) + guardBits(poly, lo.m === 0n ? hi : lo);
  const va = known ? known.lo : fixedPointEnclosure(poly, lo, P).lo;
  const vb = known ? known.hi : fixedPointEnclosure(poly, hi, P).lo;
  if (va === vb || va > 0n === vb > 0n) return undefined;
  const N = 1n << BigInt(t);
  const j = secantIndex(va, vb, t);
  const at = (m: bigint) => valueAndSign(poly, { m, e }, P);
  const exact = (m: bigint) => ({ root: { poly, lo: { m, e }, hi: { m, e }, signLo: 0 as const } });
  const mid = L + j * step;
  const a = at(mid);
  if (a.sign === 0) return exact(mid);
  if (a.sign === root.signLo) {
    if (j === N) return undefined;
    const next = mid + step;
    const b = at(next);
    if (b.sign === 0) return exact(next);
    if (b.sign === root.signLo) return undefined;
    return { root: { poly, lo: { m: mid, e }, hi: { m: next, e }, signLo: root.signLo }, values: { lo: a.value, hi: b.value } };
  }
  if (j === 0n) return undefined;
  const prev = mid - step;
  const b = at(prev);
  if (b.sign === 0) return exact(prev);
  if (b.sign !== root.signLo) return undefined;
  return { root: { poly, lo: { m: prev, e }, hi: { m: mid, e }, signLo: root.signLo }, values: { lo: b.value, hi: a.value } };
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
  let values: EndValues | undefined;
  while (widthExponent(r) > -bits) {
    checkInterrupt(options.signal);
    // Never cut finer than needed: the step's width 2^(width - t) need not go below 2^-bits by much.
    const tt = Math.max(1, Math.min(t, widthExponent(r) + bits + 1));
    const next = qirStep(r, tt, values);
    if (next) {
      r = next.root;
      values = next.values;
      t = Math.min(2 * t, 1 << 20);
    } else {
      r = bisectRoot(r);
      values = undefined;
      t = Math.max(2, t >> 1);
    }
  }
  return r;
}

/** Whether the dyadic x lies in the closed isolating interval. */
export function rootIntervalContains(root: IsolatedRoot, x: Dyadic): boolean {
  return compareDyadic(root.lo, x) <= 0 && compareDyadic(x, root.hi) <= 0;
}
