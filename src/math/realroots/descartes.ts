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
// Float first (`isolateSquareFree`): the node polynomials are carried as balls of doubles
// (./ball-shift.ts) and every test is decided on the ball when its signs are certain; a node where a
// sign is undecided is decided in exact arithmetic, and its children restart from exact balls. The
// decisions are the exact ones, so the tree and the intervals are those of the exact route
// (`isolateSquareFreeExact`, kept for degrees above MAX_BALL_DEGREE and as the tests' reference). On the
// degree-256 eliminating polynomial of katsura-8, 253 of 291 nodes are decided on balls; the exact
// ones are near the top of the tree (hundreds of bits of cancellation) and where 53 bits ran out.
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
import { type BallPoly, MAX_BALL_DEGREE, ballFromIntegers, ballHalf, ballShift1, ballSign, ballTimesLinear, ballUnitVariations } from './ball-shift.js';
import { removeCommonTwos, shiftedVariations, taylorShift1, taylorShiftBy } from './taylor-shift.js';

export interface IsolationOptions {
  readonly signal?: Interrupt;
  /** Counts of ball and exact nodes, added to when given. */
  readonly stats?: IsolationStats;
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

/** How the nodes of the bisection tree were decided (filled in when passed in the options). */
export interface IsolationStats {
  /** Nodes whose Descartes test was decided on balls of doubles. */
  ballNodes: number;
  /** Nodes decided in exact arithmetic (undecided signs, a root at a bisection point, high degree). */
  exactNodes: number;
  /** Of those, the nodes whose polynomial was recomputed from an exact ancestor's (optional counter). */
  recomputedNodes?: number;
}

/**
 * One node of the bisection tree: the interval (c/2^j, (c+1)/2^j) of y and its polynomial
 * g = (y - 1)^atOne·y^atZero·h up to a non-zero factor, where the ball encloses h. The factors are the
 * roots of g at the interval's endpoints (dyadic roots of p found at bisection points), kept apart:
 * the Descartes bound of g equals that of h (for g = y·h the reversed polynomials agree; for
 * g = (y - 1)·h, (x+1)^n g(1/(x+1)) = -x·(x+1)^(n-1) h(1/(x+1))), while a ball of g itself could never
 * decide the sign of the zero coefficient they cause.
 */
interface TreeNode {
  readonly c: bigint;
  readonly j: number;
  /** Encloses a non-zero multiple of h, or null (decide exactly). */
  readonly ball: BallPoly | null;
  readonly atOne: 0 | 1;
  readonly atZero: 0 | 1;
  /** The node's integer polynomial g when already known, else null (computed from the anchor's). */
  readonly exact: bigint[] | null;
  /** The nearest ancestor (or the node itself) whose integer polynomial is known. */
  readonly anchor: Anchor;
}

/** An exact node polynomial and its interval (c/2^j, (c+1)/2^j). */
interface Anchor {
  readonly poly: readonly bigint[];
  readonly c: bigint;
  readonly j: number;
}

/** A tree node for the exact polynomial g, with its endpoint roots divided out of the ball. */
function exactNode(c: bigint, j: number, g: bigint[]): TreeNode {
  let h = g;
  let atZero: 0 | 1 = 0;
  let atOne: 0 | 1 = 0;
  if (h[0] === 0n) {
    h = h.slice(1);
    atZero = 1;
  }
  let sum = 0n;
  for (const x of h) sum += x;
  if (sum === 0n) {
    // h = q·(y - 1) by synthetic division: q_(k-1) = h_k + q_k from the top.
    const q = new Array<bigint>(h.length - 1);
    let carry = 0n;
    for (let k = h.length - 1; k >= 1; k--) {
      carry += h[k]!;
      q[k - 1] = carry;
    }
    h = q;
    atOne = 1;
  }
  return { c, j, ball: ballFromIntegers(h), atOne, atZero, exact: g, anchor: { poly: g, c, j } };
}

/** An isolating interval found by a tree: (lo, hi), or the exact root lo = hi. */
interface Found {
  lo: Dyadic;
  hi: Dyadic;
  exact: boolean;
}

/**
 * The exact Descartes test of the node (c/2^j, (c+1)/2^j) with polynomial g, shared by both trees: no
 * sign variation drops it, one records its interval, more split it (a root at the midpoint recorded
 * exactly) and give the children's polynomials for the caller's stack.
 */
function exactStep(g: readonly bigint[], c: bigint, j: number, endpoint: (c: bigint, j: number) => Dyadic, found: Found[]): { left: bigint[]; right: bigint[] } | null {
  const v = unitIntervalVariations(g);
  if (v === 0) return null;
  if (v === 1) {
    found.push({ lo: endpoint(c, j), hi: endpoint(c + 1n, j), exact: false });
    return null;
  }
  const { left, right, midpointRoot } = exactChildren(g);
  if (midpointRoot) {
    const mid = endpoint(2n * c + 1n, j + 1);
    found.push({ lo: mid, hi: mid, exact: true });
  }
  return { left, right };
}

/** The root polynomial g0 of the tree and the map from its nodes to intervals of p. */
function treeRoot(p: readonly bigint[]): { g0: bigint[]; k: number } {
  const k = rootBoundExponent(p);
  // g0(y) = p(2^(k+1) y - 2^k) = q(2y - 1) with q(z) = p(2^k z); q(u - 1) = h(1 - u) with h(v) = q(-v).
  const h = p.map((c, i) => (i % 2 === 0 ? c : -c) << BigInt(k * i));
  const shifted = taylorShift1(h); // h(v + 1), so q(u - 1) = shifted(-u)
  return { g0: removeCommonTwos(shifted.map((c, i) => (i % 2 === 0 ? c : -c) << BigInt(i))), k };
}

/**
 * The polynomial of the node (c/2^j, (c+1)/2^j) from that of an ancestor (a/2^i, (a+1)/2^i), exactly:
 * with m = j - i and d = c - 2^m·a, it is 2^(mn)·g((y + d)/2^m), one Taylor shift by d. From the nearest
 * exact ancestor rather than the root, the numbers are those of the node (plus m·n bits), not of the
 * root grown by j·n bits.
 */
function nodePolynomial(anchor: Anchor, c: bigint, j: number): bigint[] {
  const g = anchor.poly;
  const n = g.length - 1;
  const m = j - anchor.j;
  return removeCommonTwos(taylorShiftBy(g.map((x, i) => x << BigInt(m * (n - i))), c - (anchor.c << BigInt(m))));
}

/** The children 2^n g(y/2) and 2^n g((y+1)/2) of an exact node, and whether g(1/2) = 0. */
function exactChildren(g: readonly bigint[]): { left: bigint[]; right: bigint[]; midpointRoot: boolean } {
  const n = g.length - 1;
  const left = g.map((x, i) => x << BigInt(n - i)); // 2^n g(y/2)
  let atMid = 0n;
  for (const x of left) atMid += x;
  const right = taylorShift1(left); // 2^n g((y+1)/2)
  return { left: removeCommonTwos(left), right: removeCommonTwos(right), midpointRoot: atMid === 0n };
}

/**
 * The isolation itself, for a square-free integer polynomial p (not checked) with no trailing zero
 * coefficient: the bisection tree of the module header, float first. Each node's polynomial is carried
 * as a ball of doubles (./ball-shift.ts: homothety and Taylor shift with certified radii), and its
 * Descartes test and bisection-point test are decided on the ball; a node where a sign is undecided
 * (or whose ball overflowed) is decided exactly, with its integer polynomial computed from its nearest
 * exact ancestor's by one Taylor shift (or carried from an exact parent), and its children restart as
 * balls of their exact polynomials. Every decision equals the exact one, so the intervals are those of
 * `isolateSquareFreeExact` (the same tree).
 */
export function isolateSquareFree(p: readonly bigint[], options: IsolationOptions = {}): IsolatedRoot[] {
  const n = p.length - 1;
  if (n <= 0) return [];
  if (n > MAX_BALL_DEGREE) return isolateSquareFreeExact(p, options);
  const stats = options.stats;
  const { g0, k } = treeRoot(p);
  const endpoint = (c: bigint, j: number): Dyadic => ({ m: 2n * c - (1n << BigInt(j)), e: k - j });

  const found: Found[] = [];
  const stack: TreeNode[] = [exactNode(0n, 0, g0)];
  while (stack.length > 0) {
    checkInterrupt(options.signal);
    const { c, j, ball, atOne, atZero, exact, anchor } = stack.pop()!;
    let v = ball === null ? -1 : ballUnitVariations(ball);
    let children: { left: BallPoly; right: BallPoly } | null = null;
    if (v >= 2) {
      // g(y/2) ∝ (y - 2)^atOne·y^atZero·h(y/2) and g((y+1)/2) ∝ (y - 1)^atOne·(y + 1)^atZero·h((y+1)/2).
      const half = ballHalf(ball!);
      const shifted = ballShift1(half);
      // shifted_0 = h(1/2) up to a factor, zero exactly when g(1/2) = 0: a root at the bisection point
      // needs the exact route.
      const s = ballSign(shifted.mid[0]!, shifted.rad[0]!);
      if (Number.isNaN(s) || s === 0) v = -1;
      else children = { left: atOne ? ballTimesLinear(half, -2) : half, right: atZero ? ballTimesLinear(shifted, 1) : shifted };
    }
    if (v >= 0) {
      if (stats) stats.ballNodes++;
      if (v === 1) found.push({ lo: endpoint(c, j), hi: endpoint(c + 1n, j), exact: false });
      if (children !== null) {
        stack.push({ c: 2n * c + 1n, j: j + 1, ball: children.right, atOne, atZero: 0, exact: null, anchor });
        stack.push({ c: 2n * c, j: j + 1, ball: children.left, atOne: 0, atZero, exact: null, anchor });
      }
      continue;
    }
    if (stats) stats.exactNodes++;
    if (stats && exact === null) stats.recomputedNodes = (stats.recomputedNodes ?? 0) + 1;
    const split = exactStep(exact ?? nodePolynomial(anchor, c, j), c, j, endpoint, found);
    if (split === null) continue;
    stack.push(exactNode(2n * c + 1n, j + 1, split.right));
    stack.push(exactNode(2n * c, j + 1, split.left));
  }
  const roots = found.map((f) => normalize(p, f.lo, f.hi, f.exact));
  roots.sort((a, b) => compareRoots(a, b));
  return roots;
}

/**
 * The same isolation in exact arithmetic at every node (the classical route: one exact Taylor shift
 * per test and per bisection). Used above the degree where balls of doubles apply, and kept as the
 * independent reference of the float-first tree in the tests.
 */
export function isolateSquareFreeExact(p: readonly bigint[], options: IsolationOptions = {}): IsolatedRoot[] {
  const n = p.length - 1;
  if (n <= 0) return [];
  const { g0, k } = treeRoot(p);
  const endpoint = (c: bigint, j: number): Dyadic => ({ m: 2n * c - (1n << BigInt(j)), e: k - j });

  const found: Found[] = [];
  const stack: { g: bigint[]; c: bigint; j: number }[] = [{ g: g0, c: 0n, j: 0 }];
  while (stack.length > 0) {
    checkInterrupt(options.signal);
    const { g, c, j } = stack.pop()!;
    if (options.stats) options.stats.exactNodes++;
    const split = exactStep(g, c, j, endpoint, found);
    if (split === null) continue;
    stack.push({ g: split.right, c: 2n * c + 1n, j: j + 1 });
    stack.push({ g: split.left, c: 2n * c, j: j + 1 });
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
