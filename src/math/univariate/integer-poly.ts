// Polynomials with integer coefficients: arithmetic, evaluation and gcd over Z[x].
//
// Representation (invariants): `IntPoly = readonly bigint[]`, coefficients low degree first, no
// trailing zero; the zero polynomial is `[]`. A rational polynomial is carried as a positive multiple
// of itself with integer coefficients (`integerPoly`), which has the same roots and the same signs.
// Algorithms: pseudo-division (D. E. Knuth, TAOCP vol. 2, §4.6.1, Algorithm R); gcd modular
// (W. S. Brown, "On Euclid's algorithm and the computation of polynomial greatest common divisors",
// JACM 1971), each candidate verified by exact division, with the primitive PRS as a reference;
// evaluation at p/q by homogeneous Horner on integers, and a truncating fixed-point Horner used by
// sign tests and refinement.
import { MathError } from '../errors.js';
import { type Rat, QQ, SmallPrimeField, isProbablePrime, rat } from '../field.js';
import { bigGcd, bigLcm } from '../integers.js';
import { UnivariateRing } from './dense.js';
import { checkInterrupt } from '../progress.js';

export type IntPoly = readonly bigint[];

export function trimInt(a: bigint[]): bigint[] {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0n) n--;
  a.length = n;
  return a;
}

/** A positive multiple with integer coefficients, made primitive (content 1): same roots, same signs. */
export function integerPoly(coeffs: readonly (Rat | bigint | number)[]): bigint[] {
  let d = 1n;
  const rs = coeffs.map((c) => (typeof c === 'object' ? c : { num: BigInt(c), den: 1n }));
  for (const c of rs) d = bigLcm(d, c.den);
  return primitivePart(trimInt(rs.map((c) => c.num * (d / c.den))));
}

/** The rational polynomial of an integer polynomial. */
export function ratPoly(a: IntPoly): Rat[] {
  return a.map((c) => ({ num: c, den: 1n }));
}

/** gcd of the coefficients (positive; 0 for the zero polynomial). */
export function content(a: IntPoly): bigint {
  let g = 0n;
  for (const c of a) {
    g = bigGcd(g, c);
    if (g === 1n) return 1n;
  }
  return g;
}

/** a divided by its (positive) content: the sign of a is kept. */
export function primitivePart(a: IntPoly): bigint[] {
  const g = content(a);
  if (g === 0n || g === 1n) return a.slice();
  return a.map((c) => c / g);
}

export function intDerivative(a: IntPoly): bigint[] {
  const r: bigint[] = [];
  for (let i = 1; i < a.length; i++) r.push(a[i]! * BigInt(i));
  return trimInt(r);
}

export function intMul(a: IntPoly, b: IntPoly): bigint[] {
  if (a.length === 0 || b.length === 0) return [];
  const r = new Array<bigint>(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) {
    checkInterrupt();
    if (a[i] === 0n) continue;
    for (let j = 0; j < b.length; j++) r[i + j]! += a[i]! * b[j]!;
  }
  return trimInt(r);
}

/** r = lc(b)^steps · (a mod b), computed without fractions; deg r < deg b. */
export function pseudoRemainder(a: IntPoly, b: IntPoly): { remainder: bigint[]; steps: number } {
  const db = b.length - 1;
  const lc = b[db]!;
  const r = a.slice();
  let steps = 0;
  while (r.length - 1 >= db && r.length > 0) {
    checkInterrupt();
    const k = r.length - 1;
    const c = r[k]!;
    for (let i = 0; i < k; i++) r[i] = r[i]! * lc;
    for (let j = 0; j < db; j++) r[k - db + j]! -= c * b[j]!;
    r.length = k;
    trimInt(r);
    steps++;
  }
  return { remainder: r, steps };
}

/** gcd over Z[x] by the primitive pseudo-remainder sequence (a reference for tests; see intGcd). */
export function intGcdPrs(a: IntPoly, b: IntPoly): bigint[] {
  let x = primitivePart(a);
  let y = primitivePart(b);
  if (x.length < y.length) [x, y] = [y, x];
  while (y.length > 0) {
    checkInterrupt();
    const r = pseudoRemainder(x, y).remainder;
    x = y;
    y = primitivePart(r);
  }
  if (x.length === 0) return [];
  if (x[x.length - 1]! < 0n) x = x.map((c) => -c);
  return x.length === 1 ? [1n] : x;
}

/** Primes below the small-prime limit, in decreasing order, generated on demand. */
const gcdPrimes: number[] = [];
function gcdPrime(i: number): number {
  while (gcdPrimes.length <= i) {
    let p = gcdPrimes.length === 0 ? 94906263 : gcdPrimes[gcdPrimes.length - 1]! - 2;
    while (!isProbablePrime(BigInt(p))) p -= 2;
    gcdPrimes.push(p);
  }
  return gcdPrimes[i]!;
}

function dividesInt(b: IntPoly, a: IntPoly): boolean {
  try {
    intDivExact(a, b);
    return true;
  } catch (e) {
    if (e instanceof MathError && e.code === 'not-exact') return false;
    throw e;
  }
}

/**
 * gcd over Z[x] up to a constant: primitive with a positive leading coefficient ([1] when coprime).
 * Modular algorithm (Brown; Collins): gcds modulo word-size primes, scaled by gcd(lc a, lc b) and
 * combined by Chinese remaindering; a candidate is accepted once it divides both inputs (so the result
 * is exact whatever the primes). A gcd of degree 0 modulo one good prime proves coprimality at once.
 */
export function intGcd(a: IntPoly, b: IntPoly): bigint[] {
  let x = primitivePart(trimInt(a.slice()));
  let y = primitivePart(trimInt(b.slice()));
  if (x.length === 0 || y.length === 0) {
    const z = x.length === 0 ? y : x;
    if (z.length === 0) return [];
    return z.length === 1 ? [1n] : z[z.length - 1]! < 0n ? z.map((c) => -c) : z;
  }
  if (x.length === 1 || y.length === 1) return [1n];
  if (x.length < y.length) [x, y] = [y, x];
  const lcx = x[x.length - 1]!;
  const lcy = y[y.length - 1]!;
  const gamma = bigGcd(lcx, lcy);
  let degree = Infinity;
  let H: bigint[] | null = null;
  let modulus = 1n;
  let previous: bigint[] | null = null;
  for (let i = 0; i < 2000; i++) {
    checkInterrupt();
    const p = gcdPrime(i);
    const P = BigInt(p);
    if (lcx % P === 0n || lcy % P === 0n) continue;
    const F = new SmallPrimeField(p);
    const V = new UnivariateRing(F);
    const g = V.gcd(V.normalize(x.map((c) => F.fromBigInt(c))), V.normalize(y.map((c) => F.fromBigInt(c))));
    const d = g.length - 1;
    if (d === 0) return [1n];
    if (d > degree) continue; // an unlucky prime
    if (d < degree) {
      degree = d;
      H = null;
      modulus = 1n;
      previous = null;
    }
    const scaled = V.scale(g, F.fromBigInt(gamma));
    if (H === null) {
      H = scaled.map((c) => BigInt(c));
      modulus = P;
    } else {
      const inv = BigInt(F.inv(F.fromBigInt(modulus)));
      H = H.map((h, k) => {
        const diff = (((BigInt(scaled[k]!) - h) % P) + P) % P;
        return h + modulus * ((diff * inv) % P);
      });
      modulus *= P;
    }
    const half = modulus / 2n;
    const candidate = primitivePart(H.map((h) => (h > half ? h - modulus : h)));
    if (previous && candidate.every((c, k) => c === previous![k])) {
      if (dividesInt(candidate, x) && dividesInt(candidate, y)) {
        return candidate[candidate.length - 1]! < 0n ? candidate.map((c) => -c) : candidate;
      }
    }
    previous = candidate;
  }
  return intGcdPrs(a, b);
}

/** a / b over Z[x] when the quotient is integral and exact; MathError('not-exact') otherwise. */
export function intDivExact(a: IntPoly, b: IntPoly): bigint[] {
  if (b.length === 0) throw new MathError('division-by-zero', 'division by the zero polynomial');
  const db = b.length - 1;
  const lc = b[db]!;
  const r = a.slice();
  if (r.length - 1 < db) {
    if (r.length === 0) return [];
    throw new MathError('not-exact', 'the polynomial division is not exact');
  }
  const q = new Array<bigint>(r.length - db).fill(0n);
  for (let k = r.length - 1; k >= db; k--) {
    checkInterrupt();
    const c = r[k]!;
    if (c === 0n) continue;
    if (c % lc !== 0n) throw new MathError('not-exact', 'the polynomial division is not exact');
    const f = c / lc;
    q[k - db] = f;
    for (let j = 0; j <= db; j++) r[k - db + j]! -= f * b[j]!;
  }
  for (let k = 0; k < db; k++) if (r[k] !== 0n) throw new MathError('not-exact', 'the polynomial division is not exact');
  return trimInt(q);
}

/** lc(b)^steps · a = quotient · b + remainder with deg remainder < deg b, on integers. */
export function intPseudoDivide(a: IntPoly, b: IntPoly): { quotient: bigint[]; remainder: bigint[]; steps: number } {
  if (b.length === 0) throw new MathError('division-by-zero', 'division by the zero polynomial');
  const db = b.length - 1;
  const lc = b[db]!;
  const r = a.slice();
  if (r.length - 1 < db) return { quotient: [], remainder: trimInt(r), steps: 0 };
  const q = new Array<bigint>(r.length - db).fill(0n);
  let steps = 0;
  while (r.length > 0 && r.length - 1 >= db) {
    checkInterrupt();
    const k = r.length - 1;
    const c = r[k]!;
    if (lc !== 1n) {
      for (let i = 0; i < q.length; i++) q[i] = q[i]! * lc;
      for (let i = 0; i < k; i++) r[i] = r[i]! * lc;
    }
    q[k - db]! += c;
    for (let j = 0; j < db; j++) r[k - db + j]! -= c * b[j]!;
    r.length = k;
    trimInt(r);
    steps++;
  }
  return { quotient: trimInt(q), remainder: r, steps };
}

export function subInt(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  const n = Math.max(a.length, b.length);
  const r = new Array<bigint>(n);
  for (let i = 0; i < n; i++) r[i] = (a[i] ?? 0n) - (b[i] ?? 0n);
  return trimInt(r);
}

/** q^n · a(p/q) for q > 0, by Horner's rule on integers (n = deg a). */
export function homogeneousValue(a: IntPoly, p: bigint, q: bigint): bigint {
  const n = a.length - 1;
  if (n < 0) return 0n;
  if (q === 1n) {
    let s = 0n;
    for (let i = n; i >= 0; i--) s = s * p + a[i]!;
    return s;
  }
  let s = a[n]!;
  let qk = 1n;
  for (let i = n - 1; i >= 0; i--) {
    qk *= q;
    s = s * p + a[i]! * qk;
  }
  return s;
}

/** a(x) for rational x. */
export function evaluateInt(a: IntPoly, x: Rat): Rat {
  if (a.length === 0) return QQ.zero;
  return rat(homogeneousValue(a, x.num, x.den), x.den ** BigInt(a.length - 1));
}

/** f(X / 2^s) · 2^s, approximately (truncating fixed-point Horner). */
export function fixedPointValue(f: IntPoly, X: bigint, s: bigint): bigint {
  let y = 0n;
  for (let i = f.length - 1; i >= 0; i--) y = ((y * X) >> s) + (f[i]! << s);
  return y;
}

export function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}
