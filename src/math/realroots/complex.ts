// Certified complex roots of a square-free integer polynomial, and the complex points of a univariate
// representation at them.
//
// Approximation: the Aberth–Ehrlich iteration in double precision (O. Aberth, "Iteration methods for
// finding all zeros of a polynomial simultaneously", Math. Comp. 27, 1973; starting points on a circle
// as in D. A. Bini, "Numerical computation of polynomial zeros by means of Aberth's method", Numer.
// Algorithms 13, 1996). Nothing is believed from it: the approximations z_i (doubles, read exactly as
// dyadics) are certified by inclusion disks (B. T. Smith, "Error bounds for zeros of a polynomial based
// upon Gerschgorin's theorems", JACM 17, 1970): for distinct z_1..z_n and p of degree n with leading
// coefficient a_n, the disks D_i = D(z_i, n |p(z_i)| / |a_n Π_{j≠i} (z_i − z_j)|) cover every root, and
// a connected component of m disks holds exactly m roots; pairwise disjoint disks therefore hold one
// root each. p(z_i) and |z_i − z_j|² are computed exactly on dyadics (../interval/dyadic.ts), products
// rounded down and numerators up, so each radius used is an upper bound.
// Real roots: p has real coefficients, so the conjugate of a root is a root. A disk that meets the real
// axis and whose mirror image meets no other disk holds a real root (the conjugate of its root lies in
// the union of the disks and in the mirror disk, hence in this disk, which holds one root); a disk
// that misses the axis holds a non-real root. The number of real disks is checked against the exact
// count of real roots (Descartes, ./descartes.ts).
// Coordinates: x_k = n_k(z) / q_k(z) evaluated in rectangular complex interval arithmetic (Moore) on the
// square around each disk, so each coordinate's rectangle contains its exact value.
//
// When the disks overlap (clustered or ill-conditioned roots beyond double precision) the result is
// MathError('uncertified'): nothing uncertified is returned.
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import { type Dyadic, bitLength, compareDyadic, divideRounded, doubleToDyadic, dyadicAbs, dyadicAdd, dyadicMax, dyadicMidpoint, dyadicMul, dyadicNeg, dyadicSub, roundDown, roundUp } from '../interval/dyadic.js';
import { type Interval, intervalAdd, intervalContainsZero, intervalDiv, intervalFromRat, intervalMul, intervalPow, intervalSub } from '../interval/interval.js';
import { type Interrupt, checkInterrupt } from '../progress.js';
import { intDerivative, intDivExact, intGcd, integerPoly, primitivePart, subInt, trimInt } from '../univariate/integer-poly.js';
import { roundToDouble } from './algebraic.js';
import { isolateSquareFree } from './descartes.js';

export interface ComplexOptions {
  readonly signal?: Interrupt;
}

/** A disk of the complex plane holding exactly one root: center re + i·im, radius (an upper bound). */
export interface RootDisk {
  readonly re: Dyadic;
  readonly im: Dyadic;
  readonly radius: Dyadic;
  /** Whether the root is real (decided, see the header). */
  readonly real: boolean;
}

/** A rectangle re + i·im of the complex plane. */
export interface ComplexInterval {
  readonly re: Interval;
  readonly im: Interval;
}

const BITS = 128;

/** Aberth–Ehrlich approximations of the n roots (doubles; the coefficients scaled into the double range). */
function aberth(p: readonly bigint[], options: ComplexOptions): { re: number[]; im: number[] } {
  const n = p.length - 1;
  let top = 0;
  for (const c of p) top = Math.max(top, bitLength(c));
  const shift = BigInt(Math.max(0, top - 1000));
  const a = p.map((c) => Number(c >> shift));
  // Starting circle: the radius of the geometric mean of the roots' moduli, |a_0 / a_n|^(1/n) (1 if a_0 = 0).
  const a0 = Math.abs(a[0]!) || Math.abs(a.find((c) => c !== 0)!);
  const radius = Math.max(1e-3, Math.min(1e3, (a0 / Math.abs(a[n]!)) ** (1 / n)));
  const re: number[] = [];
  const im: number[] = [];
  for (let j = 0; j < n; j++) {
    const angle = (2 * Math.PI * j) / n + 0.4;
    re.push(radius * Math.cos(angle));
    im.push(radius * Math.sin(angle));
  }
  for (let iteration = 0; iteration < 2000; iteration++) {
    checkInterrupt(options.signal);
    let moved = 0;
    for (let i = 0; i < n; i++) {
      // p and p' at z_i by Horner.
      let pr = a[n]!, pi = 0, dr = 0, di = 0;
      const x = re[i]!, y = im[i]!;
      for (let k = n - 1; k >= 0; k--) {
        const ndr = dr * x - di * y + pr;
        const ndi = dr * y + di * x + pi;
        dr = ndr;
        di = ndi;
        const npr = pr * x - pi * y + a[k]!;
        const npi = pr * y + pi * x;
        pr = npr;
        pi = npi;
      }
      const dd = dr * dr + di * di;
      if (dd === 0 || !Number.isFinite(dd)) continue;
      // ratio = p / p'
      const rr = (pr * dr + pi * di) / dd;
      const ri = (pi * dr - pr * di) / dd;
      let sr = 0, si = 0;
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const ur = x - re[j]!, ui = y - im[j]!;
        const uu = ur * ur + ui * ui;
        if (uu === 0) continue;
        sr += ur / uu;
        si -= ui / uu;
      }
      // w = ratio / (1 - ratio · sum)
      const denR = 1 - (rr * sr - ri * si);
      const denI = -(rr * si + ri * sr);
      const den = denR * denR + denI * denI;
      if (den === 0) continue;
      const wr = (rr * denR + ri * denI) / den;
      const wi = (ri * denR - rr * denI) / den;
      if (!Number.isFinite(wr) || !Number.isFinite(wi)) continue;
      re[i] = x - wr;
      im[i] = y - wi;
      moved = Math.max(moved, Math.hypot(wr, wi) / Math.max(1e-300, Math.hypot(re[i]!, im[i]!)));
    }
    if (moved < 1e-16) break;
  }
  return { re, im };
}


/** An upper bound of √x for a dyadic x >= 0. */
function sqrtUp(x: Dyadic): Dyadic {
  if (x.m === 0n) return x;
  // x = m·2^e with e even after shifting m left; m scaled to about 2·BITS bits.
  let m = x.m;
  let e = x.e;
  const grow = Math.max(0, 2 * BITS - bitLength(m));
  m <<= BigInt(grow);
  e -= grow;
  if (e % 2 !== 0) {
    m <<= 1n;
    e -= 1;
  }
  let s = isqrt(m);
  if (s * s < m) s += 1n;
  return { m: s, e: e / 2 };
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt((bitLength(n) + 1) >> 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** |a|² for a = re + i·im, exactly. */
function norm2(re: Dyadic, im: Dyadic): Dyadic {
  return dyadicAdd(dyadicMul(re, re), dyadicMul(im, im));
}

/** Whether |c1 − c2| > r1 + r2 (exactly). */
function apart(r1: Dyadic, i1: Dyadic, r2: Dyadic, i2: Dyadic, s: Dyadic): boolean {
  return compareDyadic(norm2(dyadicSub(r1, r2), dyadicSub(i1, i2)), dyadicMul(s, s)) > 0;
}

/**
 * The complex roots of w (an integer or rational polynomial, square-free), each in a disk holding
 * exactly it, with its reality decided; MathError('uncertified') when double precision does not
 * separate them.
 */
export function certifiedComplexRoots(polynomial: readonly (bigint | Rat)[], options: ComplexOptions = {}): RootDisk[] {
  const p = primitivePart(integerPoly(polynomial as (bigint | Rat)[]));
  const n = p.length - 1;
  if (n < 1) return [];
  const approx = aberth(p, options);
  const re = approx.re.map(doubleToDyadic);
  const im = approx.im.map(doubleToDyadic);
  // Aberth sweeps at 256 bits polish the double approximations (so that the disks, and the
  // coordinates' enclosures on them, are narrow), then at 1024 bits when the disks still overlap;
  // certification does not depend on how the approximations were found.
  for (const [precision, steps] of [[256, 40], [1024, 40]] as const) {
    polish(p, re, im, precision, steps, options);
    const disks = inclusionDisks(p, re, im, options);
    if (disks) return disks;
  }
  throw new MathError('uncertified', 'the inclusion disks of the complex roots overlap even at 1024 bits (clustered roots): they are not certified');
}

/** A complex dyadic x + iy. */
type CDyadic = readonly [Dyadic, Dyadic];

/** (a / b) rounded to `bits` (b != 0); an approximation only. */
function cdiv(a: CDyadic, b: CDyadic, bits: number): CDyadic {
  const dd = roundDown(norm2(b[0], b[1]), bits);
  const nr = dyadicAdd(dyadicMul(a[0], b[0]), dyadicMul(a[1], b[1]));
  const ni = dyadicSub(dyadicMul(a[1], b[0]), dyadicMul(a[0], b[1]));
  const q = (x: Dyadic) => (x.m === 0n ? x : shifted(divideRounded(x.m, dd.m, bits, false), x.e - dd.e));
  return [q(nr), q(ni)];
}

/**
 * Aberth–Ehrlich sweeps in complex dyadic arithmetic rounded to `bits` (an approximation only: the
 * repulsion term keeps the approximations of different roots apart, which Newton's steps alone do not).
 */
function polish(p: readonly bigint[], re: Dyadic[], im: Dyadic[], bits: number, sweeps: number, options: ComplexOptions): void {
  const n = p.length - 1;
  const r = (d: Dyadic) => roundDown(d, bits);
  const size = (d: Dyadic) => (d.m === 0n ? -Infinity : bitLength(d.m) + d.e);
  for (let s = 0; s < sweeps; s++) {
    // Sweeps until every correction is below 2^-(bits - 16) relative to its root.
    let converged = true;
    for (let i = 0; i < n; i++) {
      checkInterrupt(options.signal);
      const x = re[i]!;
      const y = im[i]!;
      let A: Dyadic = { m: p[n]!, e: 0 };
      let B: Dyadic = { m: 0n, e: 0 };
      let C: Dyadic = { m: 0n, e: 0 };
      let D: Dyadic = { m: 0n, e: 0 };
      for (let k = n - 1; k >= 0; k--) {
        const nC = r(dyadicAdd(dyadicSub(dyadicMul(C, x), dyadicMul(D, y)), A));
        D = r(dyadicAdd(dyadicAdd(dyadicMul(C, y), dyadicMul(D, x)), B));
        C = nC;
        const nA = r(dyadicAdd(dyadicSub(dyadicMul(A, x), dyadicMul(B, y)), { m: p[k]!, e: 0 }));
        B = r(dyadicAdd(dyadicMul(A, y), dyadicMul(B, x)));
        A = nA;
      }
      if (C.m === 0n && D.m === 0n) continue;
      const N = cdiv([A, B], [C, D], bits);
      let S0: Dyadic = { m: 0n, e: 0 };
      let S1: Dyadic = { m: 0n, e: 0 };
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const u: CDyadic = [dyadicSub(x, re[j]!), dyadicSub(y, im[j]!)];
        if (u[0].m === 0n && u[1].m === 0n) continue;
        const inv = cdiv([{ m: 1n, e: 0 }, { m: 0n, e: 0 }], u, bits);
        S0 = r(dyadicAdd(S0, inv[0]));
        S1 = r(dyadicAdd(S1, inv[1]));
      }
      // w = N / (1 - N·S)
      const den: CDyadic = [r(dyadicSub({ m: 1n, e: 0 }, dyadicSub(dyadicMul(N[0], S0), dyadicMul(N[1], S1)))), r(dyadicNeg(dyadicAdd(dyadicMul(N[0], S1), dyadicMul(N[1], S0))))];
      if (den[0].m === 0n && den[1].m === 0n) continue;
      const w = cdiv(N, den, bits);
      re[i] = r(dyadicSub(x, w[0]));
      im[i] = r(dyadicSub(y, w[1]));
      const scale = Math.max(size(re[i]!), size(im[i]!), -bits);
      if (Math.max(size(w[0]), size(w[1])) > scale - bits + 16) converged = false;
    }
    if (converged) return;
  }
}

function shifted(d: Dyadic, k: number): Dyadic {
  return { m: d.m, e: d.e + k };
}

/** Smith's inclusion disks around the approximations, when they are pairwise disjoint (see the header); undefined otherwise. */
function inclusionDisks(p: readonly bigint[], re: readonly Dyadic[], im: readonly Dyadic[], options: ComplexOptions): RootDisk[] | undefined {
  const n = p.length - 1;
  const lc2 = { m: p[n]! * p[n]!, e: 0 };
  const radii: Dyadic[] = [];
  for (let i = 0; i < n; i++) {
    checkInterrupt(options.signal);
    // p(z_i) exactly by complex Horner on dyadics.
    let A: Dyadic = { m: p[n]!, e: 0 };
    let B: Dyadic = { m: 0n, e: 0 };
    for (let k = n - 1; k >= 0; k--) {
      const nA = dyadicAdd(dyadicSub(dyadicMul(A, re[i]!), dyadicMul(B, im[i]!)), { m: p[k]!, e: 0 });
      B = dyadicAdd(dyadicMul(A, im[i]!), dyadicMul(B, re[i]!));
      A = nA;
    }
    const num = roundUp(dyadicMul({ m: BigInt(n * n), e: 0 }, norm2(A, B)), BITS);
    let den: Dyadic = lc2;
    for (let j = 0; j < n; j++) {
      if (j !== i) den = roundDown(dyadicMul(den, roundDown(norm2(dyadicSub(re[i]!, re[j]!), dyadicSub(im[i]!, im[j]!)), BITS)), BITS);
    }
    if (den.m === 0n) return undefined;
    radii.push(num.m === 0n ? num : sqrtUp(shifted(divideRounded(num.m, den.m, BITS, true), num.e - den.e)));
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (!apart(re[i]!, im[i]!, re[j]!, im[j]!, dyadicAdd(radii[i]!, radii[j]!))) return undefined;
    }
  }
  const disks: RootDisk[] = [];
  let realCount = 0;
  for (let i = 0; i < n; i++) {
    const meetsAxis = compareDyadic(dyadicAbs(im[i]!), radii[i]!) <= 0;
    let real = false;
    if (meetsAxis) {
      const mirror = { m: -im[i]!.m, e: im[i]!.e };
      real = re.every((_, j) => j === i || apart(re[i]!, mirror, re[j]!, im[j]!, dyadicAdd(radii[i]!, radii[j]!)));
      if (!real) return undefined;
      realCount++;
    }
    // A real root lies on the axis within the disk: recentred there, the disk of radius r + |im| still holds it.
    disks.push({ re: re[i]!, im: real ? { m: 0n, e: 0 } : im[i]!, radius: real ? dyadicAdd(radii[i]!, dyadicAbs(im[i]!)) : radii[i]!, real });
  }
  const exact = isolateSquareFree(p).length;
  if (exact !== realCount) throw new MathError('internal', `the certified disks hold ${realCount} real roots, Descartes counts ${exact}`);
  return disks;
}

/** The square around a disk, as a complex interval. */
export function diskSquare(d: RootDisk): ComplexInterval {
  return { re: { lo: dyadicSub(d.re, d.radius), hi: dyadicAdd(d.re, d.radius) }, im: { lo: dyadicSub(d.im, d.radius), hi: dyadicAdd(d.im, d.radius) } };
}

function cAdd(a: ComplexInterval, b: ComplexInterval, bits: number): ComplexInterval {
  return { re: intervalAdd(a.re, b.re, bits), im: intervalAdd(a.im, b.im, bits) };
}

function cMul(a: ComplexInterval, b: ComplexInterval, bits: number): ComplexInterval {
  return {
    re: intervalSub(intervalMul(a.re, b.re, bits), intervalMul(a.im, b.im, bits), bits),
    im: intervalAdd(intervalMul(a.re, b.im, bits), intervalMul(a.im, b.re, bits), bits),
  };
}

/** a / b, or undefined when b's rectangle may contain 0. */
function cDiv(a: ComplexInterval, b: ComplexInterval, bits: number): ComplexInterval | undefined {
  const d = intervalAdd(intervalPow(b.re, 2, bits), intervalPow(b.im, 2, bits), bits);
  if (intervalContainsZero(d)) return undefined;
  const re = intervalAdd(intervalMul(a.re, b.re, bits), intervalMul(a.im, b.im, bits), bits);
  const im = intervalSub(intervalMul(a.im, b.re, bits), intervalMul(a.re, b.im, bits), bits);
  return { re: intervalDiv(re, d, bits), im: intervalDiv(im, d, bits) };
}

/** An enclosure of q(z) for every z in the rectangle Z (complex interval Horner at `bits`). */
export function evaluateComplex(q: readonly (bigint | Rat)[], Z: ComplexInterval, bits: number = BITS): ComplexInterval {
  const zero: Interval = { lo: { m: 0n, e: 0 }, hi: { m: 0n, e: 0 } };
  const c = (x: bigint | Rat): ComplexInterval => ({ re: intervalFromRat(typeof x === 'bigint' ? { num: x, den: 1n } : x, bits), im: zero });
  if (q.length === 0) return { re: zero, im: zero };
  let acc = c(q[q.length - 1]!);
  for (let k = q.length - 2; k >= 0; k--) acc = cAdd(cMul(acc, Z, bits), c(q[k]!), bits);
  return acc;
}

/**
 * Enclosures of the coordinates n_k(z) / q_k(z) for every z in the disk's square, at a working
 * precision raised until no denominator's enclosure contains 0; MathError('uncertified') if none does.
 */
export function complexCoordinates(coordinates: readonly { readonly numerator: readonly (bigint | Rat)[]; readonly denominator: readonly (bigint | Rat)[] }[], d: RootDisk): ComplexInterval[] {
  const Z = diskSquare(d);
  for (const bits of [256, 1024, 4096]) {
    const out: ComplexInterval[] = [];
    for (const { numerator, denominator } of coordinates) {
      const x = cDiv(evaluateComplex(numerator, Z, bits), evaluateComplex(denominator, Z, bits), bits);
      if (!x) break;
      out.push(x);
    }
    if (out.length === coordinates.length) return out;
  }
  throw new MathError('uncertified', 'a denominator of the coordinates may vanish on a root disk: the complex solution is not certified');
}

/** The double nearest the midpoint of an interval, and a double bounding its distance to every point of the interval. */
export function midpointAndError(x: Interval): { value: number; error: number } {
  const value = roundToDouble(dyadicMidpoint(x.lo, x.hi));
  const v = doubleToDyadic(value);
  const far = dyadicMax(dyadicAbs(dyadicSub(v, x.lo)), dyadicAbs(dyadicSub(x.hi, v)));
  // Nearest rounding errs by at most 2^-53 relatively: the factor 1 + 2^-51 makes the bound an upper bound.
  return { value, error: roundToDouble(far) * (1 + 2 ** -51) };
}

/** Yun's square-free decomposition of an integer polynomial: [f_1, f_2, ...] with a = c · Π f_k^k (f_k primitive, possibly 1). */
export function squareFreeDecomposition(a: readonly bigint[]): bigint[][] {
  const p = primitivePart(trimInt(a.slice()));
  if (p.length <= 1) return [];
  const b = intDerivative(p);
  const c = intGcd(p, b);
  let w = intDivExact(p, c);
  let y = intDivExact(b, c);
  let z = subInt(y, intDerivative(w));
  const out: bigint[][] = [];
  while (w.length > 1) {
    const g = z.length === 0 ? w : intGcd(w, z);
    out.push(g);
    w = intDivExact(w, g);
    y = z.length === 0 ? [] : intDivExact(z, g);
    z = subInt(y, intDerivative(w));
  }
  return out;
}

/** One complex solution of a representation: its root disk, the rectangles of its coordinates, its multiplicity. */
export interface ComplexSolution {
  readonly disk: RootDisk;
  readonly coordinates: readonly ComplexInterval[];
  readonly multiplicity: number;
}

/**
 * Every complex solution of a univariate representation, certified (see the header): for the roots of
 * its square-free polynomial, or, when `characteristic` (the multiplicity-weighted polynomial, whose
 * square-free part is the polynomial) is given, for the roots of each factor f_k of its square-free
 * decomposition with multiplicity k. Real solutions first (in increasing order of t), then the others.
 */
export function complexSolutions(
  rep: { readonly polynomial: readonly (bigint | Rat)[]; readonly coordinates: readonly { readonly numerator: readonly (bigint | Rat)[]; readonly denominator: readonly (bigint | Rat)[] }[] },
  characteristic?: readonly (bigint | Rat)[],
  options: ComplexOptions = {},
): ComplexSolution[] {
  const factors = characteristic ? squareFreeDecomposition(integerPoly(characteristic as (bigint | Rat)[])) : [primitivePart(integerPoly(rep.polynomial as (bigint | Rat)[]))];
  const out: ComplexSolution[] = [];
  factors.forEach((f, k) => {
    if (f.length <= 1) return;
    for (const disk of certifiedComplexRoots(f, options)) out.push({ disk, coordinates: complexCoordinates(rep.coordinates, disk), multiplicity: characteristic ? k + 1 : 1 });
  });
  out.sort((a, b) => (a.disk.real === b.disk.real ? compareDyadic(a.disk.re, b.disk.re) || compareDyadic(a.disk.im, b.disk.im) : a.disk.real ? -1 : 1));
  return out;
}
