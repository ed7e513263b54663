// Real points of a rational parametrization x_i = v_i(T) / (d_i · w'(T)) over the real roots of w.
//
// This is the shape of a rational univariate representation (Rouillier, "Solving zero-dimensional
// systems through the rational univariate representation", AAECC 1999; msolve's output, Berthomieu,
// Eder, Safey El Din, ISSAC 2021): w is square-free, and at each of its real roots t the point is
// x_i = v_i(t) / (d_i w'(t)); w'(t) != 0 because t is a simple root.
//
// Representation: w and the v_i are integer polynomials (bigint arrays, ascending), d_i positive
// bigints. Each real root t of w is isolated by Descartes' rule (./descartes.ts); the box of the point
// is the interval evaluation (../interval/evaluate.ts, ../interval/interval.ts) of v_i / (d_i w') on
// t's isolating interval. The box contains the true point (inclusion property). While w'(T) contains 0,
// or a box side is wider than the requested width, t's interval is refined (./root.ts: bisection while
// w'(T) contains 0, quadratic interval refinement by the missing factor otherwise) and the working
// precision raised; both shrink the box (its width is about |x_i'(t)|·width(T) plus the rounding), so
// the loop ends.
//
// Width bound: absolute. Every side of every box has hi - lo <= `width` (a positive rational).
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import { type Dyadic, bitLength, compareDyadic, ratToDyadic } from '../interval/dyadic.js';
import { evaluateUnivariate } from '../interval/evaluate.js';
import { type Interval, intervalContainsZero, intervalDiv, intervalFromInt, intervalMul, intervalWidth } from '../interval/interval.js';
import { type Interrupt, checkInterrupt } from '../progress.js';
import { intSquareFree, isSquareFreeModular } from '../univariate/square-free.js';
import { isolateSquareFree } from './descartes.js';
import { type IsolatedRoot, bisectRoot, refineRoot, widthExponent } from './root.js';

export interface ParametrizedCoordinate {
  /** Numerator polynomial v_i(T), integer coefficients ascending. */
  readonly v: readonly bigint[];
  /** Positive integer denominator d_i. */
  readonly d: bigint;
}

export interface RealParametrizedPoint {
  /** The isolating interval of the root t of w (refined as far as the boxes needed). */
  readonly t: IsolatedRoot;
  /** One interval per coordinate, each containing x_i(t), each of width <= the requested width. */
  readonly box: readonly Interval[];
}

export interface RealPointsOptions {
  readonly signal?: Interrupt;
}

function derivative(p: readonly bigint[]): bigint[] {
  return p.slice(1).map((c, i) => c * BigInt(i + 1));
}

/** log2 of |x| rounded up (a bound for the magnitude), -Infinity for 0. */
function magnitudeExponent(x: Dyadic): number {
  return x.m === 0n ? -Infinity : bitLength(x.m) + x.e;
}

/**
 * For each real root of w (in increasing order), its isolating interval and a box of width <= `width`
 * around the point (v_1(t)/(d_1 w'(t)), ..., v_n(t)/(d_n w'(t))).
 */
export function realParametrizedPoints(
  w: readonly bigint[],
  coordinates: readonly ParametrizedCoordinate[],
  width: Rat,
  options: RealPointsOptions = {},
): RealParametrizedPoint[] {
  if (width.num <= 0n) throw new MathError('bad-width', 'the requested width must be positive');
  for (const c of coordinates) if (c.d <= 0n) throw new MathError('bad-denominator', 'each denominator d_i must be a positive integer');
  if (w.length === 0 || w[w.length - 1] === 0n) throw new MathError('bad-polynomial', 'w must be a non-zero polynomial without trailing zero coefficients');
  if (!isSquareFreeModular(w) && intSquareFree(w).length !== w.length) {
    throw new MathError('not-square-free', 'w must be square-free (the parametrization divides by w\'(T))');
  }
  const roots = isolateSquareFree(w, options);
  const dw = derivative(w);
  const bound = ratToDyadic(width, 64, false); // a dyadic <= width: meeting it meets width
  const targetExponent = magnitudeExponent(bound) - 1;
  return roots.map((root) => pointBox(root, w, dw, coordinates, bound, targetExponent, options));
}

/**
 * The same point with a box whose sides are all of width <= 2^exponent: its root t refined further
 * (or kept, when its box is already that narrow) and the box evaluated again at a precision that
 * suits the width. Used to narrow a point's box step by step until a decision on it is certain.
 */
export function narrowPoint(
  point: RealParametrizedPoint,
  w: readonly bigint[],
  coordinates: readonly ParametrizedCoordinate[],
  exponent: number,
  options: RealPointsOptions = {},
): RealParametrizedPoint {
  if (!Number.isInteger(exponent)) throw new MathError('bad-width', `the width exponent must be an integer, got ${exponent}`);
  const bound = { m: 1n, e: exponent };
  return pointBox(point.t, w, derivative(w), coordinates, bound, exponent - 1, options);
}

function pointBox(
  root: IsolatedRoot,
  w: readonly bigint[],
  dw: readonly bigint[],
  coordinates: readonly ParametrizedCoordinate[],
  bound: Dyadic,
  targetExponent: number,
  options: RealPointsOptions,
): RealParametrizedPoint {
  let t = root;
  // Start with enough bits for the width asked and the size of the data.
  let bits = Math.max(64, -targetExponent + 32, bitLength(BigInt(w.length)) + 32);
  for (;;) {
    checkInterrupt(options.signal);
    const T: Interval = { lo: t.lo, hi: t.hi };
    const dwT = evaluateUnivariate(dw, T, bits);
    if (intervalContainsZero(dwT)) {
      t = bisectRoot(t);
      if (t.signLo === 0) bits += 32;
      continue;
    }
    const box = coordinates.map((c) =>
      intervalDiv(evaluateUnivariate(c.v, T, bits), intervalMul(intervalFromInt(c.d, bits), dwT, bits), bits),
    );
    let worst = -Infinity;
    let ok = true;
    for (const x of box) {
      const wd = intervalWidth(x);
      if (compareDyadic(wd, bound) > 0) ok = false;
      worst = Math.max(worst, magnitudeExponent(wd));
    }
    if (ok) return { t, box };
    // Shrink T by the missing factor (at least one bisection) and carry enough precision for the
    // magnitude of the values; an exact root can only gain from precision.
    if (t.signLo !== 0) {
      const steps = Math.max(1, worst - targetExponent + 1);
      t = refineRoot(t, steps - widthExponent(t), options);
    }
    let magnitude = 0;
    for (const x of box) magnitude = Math.max(magnitude, magnitudeExponent(x.hi), magnitudeExponent(x.lo));
    bits = Math.max(bits + 16, magnitude - targetExponent + 32, t.signLo === 0 ? 0 : -widthExponent(t) + 32);
  }
}
