// Isolated real roots with dyadic endpoints, and their refinement by bisection.
//
// Representation (invariants): an `IsolatedRoot` is `{ poly, lo, hi, signLo }` where poly is a
// square-free integer polynomial (ascending, degree >= 1), lo and hi are Dyadics
// (../interval/dyadic.ts), and either lo = hi is a root of poly (signLo = 0), or lo < hi, poly has
// exactly one root in the open interval (lo, hi), none at lo or hi, and signLo = sign poly(lo) = -sign
// poly(hi) (the root is simple, so the sign changes across it).
//
// Refinement: bisection with the exact sign at the dyadic midpoint (./sign.ts); each step halves the
// width, or lands exactly on the root.
import { MathError } from '../errors.js';
import { type Dyadic, compareDyadic, dyadicMidpoint, dyadicSub, bitLength } from '../interval/dyadic.js';
import { type Interrupt, checkInterrupt } from '../progress.js';
import { signAtDyadic } from './sign.js';

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

/** Refines by bisection until hi - lo <= 2^-bits (or the root is hit exactly). */
export function refineRoot(root: IsolatedRoot, bits: number, options: { signal?: Interrupt } = {}): IsolatedRoot {
  if (!Number.isInteger(bits)) throw new MathError('bad-precision', `refinement needs an integer number of bits, got ${bits}`);
  let r = root;
  while (widthExponent(r) > -bits) {
    checkInterrupt(options.signal);
    r = bisectRoot(r);
  }
  return r;
}

/** Whether the dyadic x lies in the closed isolating interval. */
export function rootIntervalContains(root: IsolatedRoot, x: Dyadic): boolean {
  return compareDyadic(root.lo, x) <= 0 && compareDyadic(x, root.hi) <= 0;
}
