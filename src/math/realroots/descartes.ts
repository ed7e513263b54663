// Real root isolation by Descartes' rule of signs with bisection (Vincent–Collins–Akritas).
//
// Collins and Akritas, "Polynomial real root isolation using Descartes' rule of signs", SYMSAC 1976;
// Rouillier and Zimmermann, "Efficient isolation of polynomial's real roots", J. Comput. Appl. Math.
// 162 (2004): the roots of a square-free integer polynomial p lie in (-2^k, 2^k) (Fujiwara's bound),
// which the affine map x = 2^(k+1) y - 2^k sends to (0, 1). A node of the bisection tree is a dyadic
// interval (c/2^j, (c+1)/2^j) of y together with the integer polynomial g whose roots in (0, 1) are
// those of p in the interval (g is p composed with the affine map of the interval onto (0, 1), times a
// power of two). Descartes' rule bounds the roots of g in (0, 1) by the sign variations V of
// (x+1)^n g(1/(x+1)) (the reversed g shifted by 1); V = 0 means no root, V = 1 exactly one root, and
// otherwise the interval is halved: 2^n g(y/2) for the left half and its Taylor shift by 1 for the
// right half (./taylor-shift.ts); the test stops its shift as soon as two variations are seen, and
// common powers of two are divided out so that coefficient sizes stay those of Rouillier and
// Zimmermann's analysis. A midpoint
// that is a root is reported as an exact root. Termination follows from the one- and two-circle
// theorems (Obreshkoff; Krandick and Mehlhorn), as p is square-free.
//
// Representation of the result: IsolatedRoots (./root.ts) in increasing order, with dyadic endpoints
// of the form m·2^(k-j).
import { MathError } from '../errors.js';
import { type Dyadic, bitLength, dyadicMidpoint } from '../interval/dyadic.js';
import { type Interrupt, checkInterrupt } from '../progress.js';
import { integerPoly } from '../univariate/integer-poly.js';
import { intSquareFree } from '../univariate/square-free.js';
import { type IsolatedRoot } from './root.js';
import { signAtDyadic } from './sign.js';
import { removeCommonTwos, shiftedVariations, taylorShift1 } from './taylor-shift.js';

export interface IsolationOptions {
  readonly signal?: Interrupt;
}

/** Sign variations of a coefficient sequence (zeros skipped). */
export function signVariations(a: readonly bigint[]): number {
  let count = 0;
  let last = 0n;
  for (const c of a) {
    if (c === 0n) continue;
    if (last !== 0n && c > 0n !== last > 0n) count++;
    last = c;
  }
  return count;
}

/**
 * The smallest k >= 1 with every complex root of p of modulus < 2^k, from Fujiwara's bound
 * |z| <= 2 max_i |a_(n-i) / a_n|^(1/i), read off the bit lengths of the coefficients.
 */
export function rootBoundExponent(p: readonly bigint[]): number {
  const n = p.length - 1;
  const ln = bitLength(p[n]!);
  let k = 0;
  for (let i = 1; i <= n; i++) {
    const c = p[n - i]!;
    if (c === 0n) continue;
    // |a_(n-i) / a_n| < 2^(bits(a_(n-i)) - bits(a_n) + 1)
    k = Math.max(k, Math.ceil((bitLength(c) - ln + 1) / i));
  }
  return k + 1;
}


/**
 * The Descartes bound for the roots of g in (0, 1), capped at 2 (0: none, 1: exactly one, 2: two or
 * more): the variations of the reversed g shifted by 1, computed only as far as needed.
 */
function unitIntervalVariations(g: readonly bigint[]): number {
  return shiftedVariations(g.slice().reverse(), 2);
}

/**
 * Isolating intervals of the distinct real roots of an integer polynomial (ascending coefficients;
 * rationals are cleared to integers, and a polynomial that is not square-free is replaced by its
 * square-free part, so each root is reported once), in increasing order.
 */
export function isolateRealRootsDescartes(coefficients: readonly (bigint | { num: bigint; den: bigint })[], options: IsolationOptions = {}): IsolatedRoot[] {
  const p = intSquareFree(integerPoly(coefficients));
  if (p.length === 0) throw new MathError('zero-polynomial', 'the zero polynomial has infinitely many roots');
  return isolateSquareFree(p, options);
}

/** The isolation itself, for a square-free integer polynomial p (not checked) with no trailing zero coefficient. */
export function isolateSquareFree(p: readonly bigint[], options: IsolationOptions = {}): IsolatedRoot[] {
  const n = p.length - 1;
  if (n <= 0) return [];
  const k = rootBoundExponent(p);
  // g0(y) = p(2^(k+1) y - 2^k) = q(2y - 1) with q(z) = p(2^k z); q(u - 1) = h(1 - u) with h(v) = q(-v).
  const h = p.map((c, i) => (i % 2 === 0 ? c : -c) << BigInt(k * i));
  const shifted = taylorShift1(h); // h(v + 1), so q(u - 1) = shifted(-u)
  const g0 = removeCommonTwos(shifted.map((c, i) => (i % 2 === 0 ? c : -c) << BigInt(i)));
  const endpoint = (c: bigint, j: number): Dyadic => ({ m: 2n * c - (1n << BigInt(j)), e: k - j });

  const found: { lo: Dyadic; hi: Dyadic; exact: boolean }[] = [];
  const stack: { g: bigint[]; c: bigint; j: number }[] = [{ g: g0, c: 0n, j: 0 }];
  while (stack.length > 0) {
    checkInterrupt(options.signal);
    const { g, c, j } = stack.pop()!;
    const v = unitIntervalVariations(g);
    if (v === 0) continue;
    if (v === 1) {
      found.push({ lo: endpoint(c, j), hi: endpoint(c + 1n, j), exact: false });
      continue;
    }
    const left = g.map((x, i) => x << BigInt(n - i)); // 2^n g(y/2)
    let atMid = 0n;
    for (const x of left) atMid += x;
    if (atMid === 0n) {
      const mid = endpoint(2n * c + 1n, j + 1);
      found.push({ lo: mid, hi: mid, exact: true });
    }
    const right = taylorShift1(left); // 2^n g((y+1)/2)
    stack.push({ g: removeCommonTwos(right), c: 2n * c + 1n, j: j + 1 });
    stack.push({ g: removeCommonTwos(left), c: 2n * c, j: j + 1 });
  }
  // The stack is depth-first, left before right: `found` is already in increasing order except that an
  // exact midpoint root is recorded before the roots of its left half.
  const roots = found.map((f) => normalize(p, f.lo, f.hi, f.exact));
  roots.sort((a, b) => compareRoots(a, b));
  return roots;
}

function compareRoots(a: IsolatedRoot, b: IsolatedRoot): number {
  // Isolating intervals of distinct roots do not overlap in their interiors.
  const x = a.signLo === 0 ? a.lo : dyadicMidpoint(a.lo, a.hi);
  const y = b.signLo === 0 ? b.lo : dyadicMidpoint(b.lo, b.hi);
  const e = Math.min(x.e, y.e);
  const u = x.m << BigInt(x.e - e);
  const w = y.m << BigInt(y.e - e);
  return u < w ? -1 : u > w ? 1 : 0;
}

/**
 * Establishes the IsolatedRoot invariant for an open interval (lo, hi) holding exactly one root, whose
 * endpoints may be roots (bisection points that were roots themselves): bisect until neither is.
 */
function normalize(p: readonly bigint[], lo: Dyadic, hi: Dyadic, exact: boolean): IsolatedRoot {
  if (exact) return { poly: p, lo, hi, signLo: 0 };
  let sLo = signAtDyadic(p, lo);
  let sHi = signAtDyadic(p, hi);
  // p has one sign on (lo, root) and the other on (root, hi); a root at lo is simple, so the sign just
  // right of it is that of p'(lo).
  const leftSign = sLo !== 0 ? sLo : signAtDyadic(derivative(p), lo);
  while (sLo === 0 || sHi === 0) {
    const mid = dyadicMidpoint(lo, hi);
    const s = signAtDyadic(p, mid);
    if (s === 0) return { poly: p, lo: mid, hi: mid, signLo: 0 };
    if (s === leftSign) {
      lo = mid;
      sLo = s;
    } else {
      hi = mid;
      sHi = s;
    }
  }
  return { poly: p, lo, hi, signLo: sLo as -1 | 1 };
}

function derivative(p: readonly bigint[]): bigint[] {
  return p.slice(1).map((c, i) => c * BigInt(i + 1));
}
