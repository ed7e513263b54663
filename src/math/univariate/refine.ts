// Refining isolated real roots, and exact signs of polynomials at real algebraic numbers.
//
// Representation: `RealRoot` (isolate.ts); q(θ) for θ a real root is given by q's coefficients.
// Algorithms: Newton's iteration in fixed-point integer arithmetic, each result accepted only after
// an exact sign change of poly inside the isolating interval (bisection when Newton does not yet
// converge), so precision doubles per step and nothing rests on floating point. q(θ) = 0 is decided
// exactly (θ is a root of gcd(poly, q) iff that gcd changes sign on the isolating interval); a
// non-zero sign comes from refining the interval until an enclosure (exact value at lo, Lipschitz
// bound) excludes 0.
import { type Rat, QQ, compareRat, rat } from '../field.js';
import { bigAbs } from '../integers.js';
import { type IntPoly, bitLength, fixedPointValue, integerPoly, intDerivative, intGcd } from './integer-poly.js';
import { type RealRoot, midpoint } from './isolate.js';
import { fastSignAt, signAt } from './sturm.js';
import { checkInterrupt } from '../progress.js';

/** One bisection step (the root stays isolated; an exact hit gives lo = hi). */
export function bisectRoot(root: RealRoot): RealRoot {
  const { poly, lo, hi } = root;
  if (QQ.eq(lo, hi)) return root;
  const mid = midpoint(lo, hi);
  const s = fastSignAt(poly, mid);
  if (s === 0) return { poly, lo: mid, hi: mid };
  return s === fastSignAt(poly, lo) ? { poly, lo: mid, hi } : { poly, lo, hi: mid };
}

/** Refines by bisection until hi - lo <= width (width > 0). */
export function refineRoot(root: RealRoot, width: Rat): RealRoot {
  let r = root;
  while (!QQ.eq(r.lo, r.hi) && compareRat(QQ.sub(r.hi, r.lo), width) > 0) {
    checkInterrupt();
    r = bisectRoot(r);
  }
  return r;
}

/** Refines by `steps` bisections. */
export function refineRootSteps(root: RealRoot, steps: number): RealRoot {
  let r = root;
  for (let i = 0; i < steps && !QQ.eq(r.lo, r.hi); i++) r = bisectRoot(r);
  return r;
}

function floorDiv(a: bigint, b: bigint): bigint {
  // b > 0
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/**
 * Refines until hi - lo <= 2^-bits: Newton's iteration in fixed-point arithmetic from the midpoint,
 * each result verified exactly by a sign change of poly inside the isolating interval; bisection
 * steps when Newton does not (yet) converge, with more guard bits after each failure.
 */
export function refineRootToBits(root: RealRoot, bits: number): RealRoot {
  let r = root;
  const f = r.poly;
  const df = intDerivative(f);
  const n = f.length - 1;
  let maxCoeff = 0n;
  for (const c of f) if (bigAbs(c) > maxCoeff) maxCoeff = bigAbs(c);
  let guard = bitLength(maxCoeff) + n * bitLength(magnitudeBound(r)) + 16;
  const narrowEnough = (x: RealRoot) => {
    if (QQ.eq(x.lo, x.hi)) return true;
    const w = QQ.sub(x.hi, x.lo);
    return w.num << BigInt(bits) <= w.den;
  };
  for (let attempt = 0; !narrowEnough(r); attempt++) {
    const s = BigInt(bits + 32 + guard);
    const window = 1n << BigInt(guard + 8);
    const loX = floorDiv(r.lo.num << s, r.lo.den);
    const hiX = ceilDiv(r.hi.num << s, r.hi.den);
    let X = (loX + hiX) >> 1n;
    let converged = false;
    for (let it = 0; it < 200; it++) {
      const D = fixedPointValue(df, X, s);
      if (D === 0n) break;
      const delta = (fixedPointValue(f, X, s) << s) / D;
      X -= delta;
      if (X <= loX || X >= hiX) break;
      if (bigAbs(delta) <= window) {
        converged = true;
        break;
      }
    }
    if (converged) {
      // Endpoints rounded outwards to 2^-(bits+2), so that later evaluations stay short.
      const drop = s - BigInt(bits + 2);
      const a = rat((X - window) >> drop, 1n << BigInt(bits + 2));
      const b = rat(-((-(X + window)) >> drop), 1n << BigInt(bits + 2));
      if (compareRat(r.lo, a) < 0 && compareRat(b, r.hi) < 0) {
        const sa = fastSignAt(f, a);
        const sb = fastSignAt(f, b);
        if (sa === 0) return { poly: f, lo: a, hi: a };
        if (sb === 0) return { poly: f, lo: b, hi: b };
        if (sa !== sb) {
          r = { poly: f, lo: a, hi: b };
          continue;
        }
      }
    }
    r = refineRootSteps(r, 4);
    guard += 32;
    if (attempt > 64) guard = Math.min(guard, 4096);
  }
  return r;
}

/** Sign comparison of two rationals. */
export function sgn(x: Rat): number {
  return x.num > 0n ? 1 : x.num < 0n ? -1 : 0;
}

/** True when q(θ) = 0 exactly, for θ the root isolated by `root`. */
export function isZeroAtRoot(root: RealRoot, q: readonly (bigint | Rat)[]): boolean {
  const qi = integerPoly(q as (bigint | Rat)[]);
  if (qi.length === 0) return true;
  if (QQ.eq(root.lo, root.hi)) return signAt(qi, root.lo) === 0;
  const g = intGcd(root.poly, qi);
  if (g.length <= 1) return false;
  // g divides poly, so it has at most the one root θ in (lo, hi), simple, and no root at lo or hi.
  return fastSignAt(g, root.lo) * fastSignAt(g, root.hi) < 0;
}

/** An integer M >= max(|lo|, |hi|). */
export function magnitudeBound(root: RealRoot): bigint {
  const ceilAbs = (x: Rat) => (bigAbs(x.num) + x.den - 1n) / x.den;
  const a = ceilAbs(root.lo);
  const b = ceilAbs(root.hi);
  return a > b ? a : b;
}

/** Σ k |q_k| M^(k-1): a Lipschitz constant of q on [-M, M]. */
export function lipschitzBound(q: IntPoly, M: bigint): bigint {
  let s = 0n;
  let power = 1n;
  for (let k = 1; k < q.length; k++) {
    s += BigInt(k) * bigAbs(q[k]!) * power;
    power *= M;
  }
  return s;
}

/**
 * q(θ)/den at scale 2^S: q(θ)/den ∈ [value - radius, value + 1 + radius] / 2^S, from the exact value
 * at lo (floored) and the Lipschitz bound L of q on the interval (radius = ceil(L·(hi-lo)·2^S/den)).
 */
export function fixedPointEnclosure(q: IntPoly, den: bigint, L: bigint, r: RealRoot, S: number, M1: bigint): { value: bigint; radius: bigint } {
  const n = q.length - 1;
  // Horner's error at scale 2^s2 is below E units. The start point x̃ = X/2^s2 is lo itself when lo is
  // a dyadic rational with at most s2 bits after the point (the usual case), else within 2^-s2 of lo.
  const E = BigInt(Math.max(n, 1)) * M1 ** BigInt(Math.max(n - 1, 0)) + 1n;
  const extra = bitLength(E) + 4;
  const k = bitLength(r.lo.den) - 1;
  const dyadic = r.lo.den === 1n << BigInt(k);
  const s2 = BigInt(Math.max(S + extra, dyadic ? k : 0));
  const X = floorDiv(r.lo.num << s2, r.lo.den);
  const y = fixedPointValue(q, X, s2);
  const w = QQ.sub(r.hi, r.lo);
  const error = E + ceilDiv((L * w.num) << s2, w.den) + (dyadic ? 0n : L);
  const unit = den << (s2 - BigInt(S));
  return { value: floorDiv(y, unit), radius: ceilDiv(error, unit) };
}

/**
 * Exact signs of q_j(θ) for several polynomials q_j (integer or rational coefficients): zero is
 * decided by a gcd, other signs by refining θ until an enclosure of q_j excludes 0. Returns the signs
 * and the refined root.
 */
export function signsAtRoot(root: RealRoot, qs: readonly (readonly (bigint | Rat)[])[]): { signs: number[]; root: RealRoot } {
  let r = root;
  const signs: number[] = [];
  for (const q of qs) {
    const qi = integerPoly(q as (bigint | Rat)[]);
    if (qi.length === 0) {
      signs.push(0);
      continue;
    }
    if (QQ.eq(r.lo, r.hi)) {
      signs.push(signAt(qi, r.lo));
      continue;
    }
    if (isZeroAtRoot(r, qi)) {
      signs.push(0);
      continue;
    }
    const M1 = magnitudeBound(r) + 1n;
    const L = lipschitzBound(qi, M1);
    let S = 16;
    for (;;) {
      r = refineRootToBits(r, S + bitLength(L) + 2);
      if (QQ.eq(r.lo, r.hi)) {
        signs.push(signAt(qi, r.lo));
        break;
      }
      const { value, radius } = fixedPointEnclosure(qi, 1n, L, r, S, M1);
      if (value - radius > 0n) {
        signs.push(1);
        break;
      }
      if (value + 1n + radius < 0n) {
        signs.push(-1);
        break;
      }
      S *= 2;
    }
  }
  return { signs, root: r };
}

/** The exact sign of q(θ). */
export function signAtRoot(root: RealRoot, q: readonly (bigint | Rat)[]): number {
  return signsAtRoot(root, [q]).signs[0]!;
}
