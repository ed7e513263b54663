// Polynomials with ball coefficients on doubles, for the float-first Descartes tree (./descartes.ts).
//
// Representation (invariant): a `BallPoly { mid, rad }` of degree n is two Float64Arrays of length
// n + 1 (ascending); it encloses a real polynomial a (in the tree: a positive multiple of the node's
// integer polynomial) when |a_i - mid_i| <= rad_i for every i. An exact zero is mid = rad = 0.
// Positive multiples change neither signs nor roots, so balls are rescaled freely by powers of two to
// keep the largest midpoint near 2^(SCALE_TOP - n): a Taylor shift multiplies magnitudes by at most
// Σ binomial(n, k) = 2^n, so nothing overflows below 2^1024, and the 2^1074 below the top reach the
// coefficients that matter (tiny ones underflow into their radius). Each coefficient keeps its own
// relative precision (53 bits), which is what the Descartes test needs: its coefficients differ in size
// by hundreds of bits, and a fixed precision relative to the largest (truncated bigints, tried) leaves
// the small ones undecided.
//
// Error bounds (round to nearest, u = 2^-53; an addition errs by at most u·|result|, also in the
// subnormal range, and a product by a power of two is exact unless the result is subnormal, where it
// errs by at most 2^-1075; Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., §2.2):
//  - Taylor shift by 1 (c_j += c_(j+1), ./taylor-shift.ts): the step's radius is
//    rad_j + rad_(j+1) + 2^-52·|computed c_j|, the incoming radii plus a bound on this addition's
//    rounding error; later steps carry it along like any other error, because the shift is a linear
//    map with non-negative coefficients. The radii are themselves sums of non-negative doubles along
//    paths of at most 2n additions, so they are at least (1 - (2n + 2)·u) times their exact values: they
//    are multiplied by 1 + (n + 4)·2^-51 at the end, which covers that;
//  - the homothety x -> x/2 and the rescaling multiply by powers of two: an error of at most 2^-1075
//    in the midpoint and in the radius, covered by adding 2·Number.MIN_VALUE to the radius;
//  - (y + s)·a for s = 1 or -2: one addition per coefficient (products by s are exact);
//  - a sign is decided when |mid| > rad (or both are 0: an exact zero); otherwise it is undecided and
//    the caller decides the node in exact arithmetic. Overflow gives an infinite or NaN radius, which
//    decides nothing.
// Approximate coefficients with exact arithmetic only where signs are undecided: Rouillier and
// Zimmermann, "Efficient isolation of polynomial's real roots", J. Comput. Appl. Math. 162 (2004), §4
// (interval arithmetic in the Descartes test); Kobel, Rouillier, Sagraloff, "Computing real roots of
// real polynomials ... and now for real!", ISSAC 2016.
import { bitLength } from '../interval/dyadic.js';

export interface BallPoly {
  readonly mid: Float64Array;
  readonly rad: Float64Array;
}

/** The largest midpoint is scaled to about 2^(SCALE_TOP - n). */
const SCALE_TOP = 1000;

/** Balls are used up to this degree (above it the 2^1074 range below the top is too narrow). */
export const MAX_BALL_DEGREE = 900;

const TINY = Number.MIN_VALUE;
const ULP = 2 ** -52;

/** x·2^k for any integer k (in steps that stay in the double range; exact unless subnormal). */
function scale2(x: number, k: number): number {
  while (k > 1000) {
    x *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    x *= 2 ** -1000;
    k += 1000;
  }
  return x * 2 ** k;
}

/** The inflation of radii summed along paths of at most 2n additions (see the header). */
function inflation(n: number): number {
  return 1 + (n + 4) * 2 ** -51;
}

/** A ball around a positive multiple 2^-S·a of an integer polynomial a, its top near 2^(SCALE_TOP - n). */
export function ballFromIntegers(a: readonly bigint[]): BallPoly {
  const n = a.length - 1;
  const bits = a.map((c) => bitLength(c));
  const top = Math.max(...bits);
  const shift = top - (SCALE_TOP - n); // value = a_i·2^-shift
  const mid = new Float64Array(n + 1);
  const rad = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) {
    const c = a[i]!;
    if (c === 0n) continue;
    const t = bits[i]! - 62;
    // Truncating to 62 bits errs by less than 2^-61 relative; Number() rounds by at most 2^-53 more.
    const m = t > 0 ? Number(c >> BigInt(t)) : Number(c);
    const v = scale2(m, Math.max(t, 0) - shift);
    mid[i] = v;
    rad[i] = Math.abs(v) * 2 ** -51 + 2 * TINY;
  }
  return { mid, rad };
}

/** Rescales the ball in place by a power of two so that its largest midpoint is near 2^(SCALE_TOP - n). */
function rescale(b: BallPoly): void {
  const { mid, rad } = b;
  const n = mid.length - 1;
  let max = 0;
  for (let i = 0; i <= n; i++) {
    const x = Math.abs(mid[i]!);
    if (x > max) max = x;
  }
  if (max === 0 || !Number.isFinite(max)) return;
  const k = SCALE_TOP - n - Math.floor(Math.log2(max));
  if (Math.abs(k) < 16) return;
  for (let i = 0; i <= n; i++) {
    if (mid[i] === 0 && rad[i] === 0) continue;
    mid[i] = scale2(mid[i]!, k);
    rad[i] = k < 0 ? scale2(rad[i]!, k) + 2 * TINY : scale2(rad[i]!, k);
  }
}

/** The ball of a positive multiple of g(y/2), rescaled. */
export function ballHalf(g: BallPoly): BallPoly {
  const n = g.mid.length - 1;
  const mid = new Float64Array(n + 1);
  const rad = new Float64Array(n + 1);
  let f = 1;
  for (let i = 0; i <= n; i++) {
    mid[i] = g.mid[i]! * f;
    rad[i] = g.mid[i] === 0 && g.rad[i] === 0 ? 0 : g.rad[i]! * f + 2 * TINY;
    f *= 0.5;
  }
  const out = { mid, rad };
  rescale(out);
  return out;
}

/** The ball of a(x + 1) (see the header for the radius), rescaled. */
export function ballShift1(a: BallPoly): BallPoly {
  const n = a.mid.length - 1;
  const m = a.mid.slice();
  const r = a.rad.slice();
  for (let i = 0; i < n; i++) {
    for (let j = n - 1; j >= i; j--) {
      const x = m[j]! + m[j + 1]!;
      m[j] = x;
      r[j] = r[j]! + r[j + 1]! + ULP * Math.abs(x);
    }
  }
  const inf = inflation(n);
  for (let i = 0; i <= n; i++) r[i] = r[i]! * inf;
  const out = { mid: m, rad: r };
  rescale(out);
  return out;
}

/** The ball of (y + s)·a for s = 1 or -2 (products by s are exact; one addition per coefficient). */
export function ballTimesLinear(a: BallPoly, s: 1 | -2): BallPoly {
  const n = a.mid.length - 1;
  const mid = new Float64Array(n + 2);
  const rad = new Float64Array(n + 2);
  const abs = Math.abs(s);
  for (let i = 0; i <= n + 1; i++) {
    const lower = i > 0 ? a.mid[i - 1]! : 0;
    const here = i <= n ? s * a.mid[i]! : 0;
    const m = lower + here;
    mid[i] = m;
    const r = (i > 0 ? a.rad[i - 1]! : 0) + (i <= n ? abs * a.rad[i]! : 0);
    // An addition with a zero operand is exact; otherwise it errs by at most 2^-53·|m|, and the
    // radius's own rounding is covered by the factor.
    rad[i] = r === 0 && (lower === 0 || here === 0) ? 0 : (r + ULP * Math.abs(m)) * (1 + 2 ** -50);
  }
  return { mid, rad };
}

/** The sign of a ball coefficient: -1, 0 (an exact zero), 1, or NaN when undecided. */
export function ballSign(mid: number, rad: number): number {
  if (mid > rad) return 1;
  if (-mid > rad) return -1;
  if (mid === 0 && rad === 0) return 0;
  return NaN;
}

/**
 * The Descartes bound for the roots in (0, 1) of every polynomial in the ball g, capped at 2: the sign
 * variations of the reversed g shifted by 1, computed as in ./taylor-shift.ts shiftedVariations (one
 * final coefficient per outer step, stopping at two variations). Returns 0, 1 or 2 when certain for
 * every polynomial of the ball, and -1 when an undecided sign could change the answer. Two variations
 * among the decided signs are certain whatever the undecided ones are.
 */
export function ballUnitVariations(g: BallPoly): number {
  const n = g.mid.length - 1;
  const m = g.mid.slice().reverse();
  const r = g.rad.slice().reverse();
  const inf = inflation(n);
  let count = 0;
  let last = 0;
  let undecided = false;
  for (let i = 0; i <= n; i++) {
    if (i < n) {
      for (let j = n - 1; j >= i; j--) {
        const x = m[j]! + m[j + 1]!;
        m[j] = x;
        r[j] = r[j]! + r[j + 1]! + ULP * Math.abs(x);
      }
    }
    const s = ballSign(m[i]!, r[i]! * inf);
    if (Number.isNaN(s)) {
      undecided = true;
      continue;
    }
    if (s === 0) continue;
    if (last !== 0 && s !== last && ++count >= 2) return 2;
    last = s;
  }
  return undecided ? -1 : count;
}
