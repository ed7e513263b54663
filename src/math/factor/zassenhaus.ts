// Factoring square-free primitive polynomials over ZZ (the Berlekamp–Zassenhaus route).
//
// Representation: integer polynomials as `bigint[]`, low degree first, no trailing zero (as in
// ../univariate/integer-poly.ts). Algorithm (MCA = von zur Gathen & Gerhard, "Modern Computer Algebra",
// 3rd ed. 2013, §15): choose an odd prime p not dividing lc(f) with f square-free mod p (the prime
// with fewest modular factors among a few); factor f mod p (./modular.ts, Cantor–Zassenhaus); lift the
// monic factorization of lc(f)^{-1} f to p^(2^k) above 2·|lc f|·B by quadratic Hensel lifting along a
// binary factor tree (MCA Algorithms 15.10 and 15.17), where B = 2^deg f · ||f||_2 bounds the
// coefficients of every factor (Mignotte's bound, MCA Corollary 6.33); then recombine: subsets of
// the lifted factors of increasing size, times lc(f), reduced symmetrically, are true factors when
// their primitive part divides f (MCA Algorithm 15.19, with the constant-term pretest). Every factor
// found is irreducible because smaller subsets were tried first; the output multiplies back to f.
import { MathError } from '../errors.js';
import { bigSqrt } from '../integers.js';
import { checkInterrupt, type Interrupt } from '../progress.js';
import type { Random } from '../random.js';
import { isProbablePrime } from '../field.js';
import { content, intDivExact, intMul } from '../univariate/integer-poly.js';
import { factorModular, modularRing } from './modular.js';

type Z = bigint[];

function trim(a: Z): Z {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0n) n--;
  a.length = n;
  return a;
}

function mod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

function symmetric(a: bigint, m: bigint): bigint {
  const r = mod(a, m);
  return 2n * r > m ? r - m : r;
}

function reduce(a: readonly bigint[], m: bigint): Z {
  return trim(a.map((c) => mod(c, m)));
}

function addM(a: Z, b: Z, m: bigint): Z {
  const r: Z = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) r.push(mod((a[i] ?? 0n) + (b[i] ?? 0n), m));
  return trim(r);
}

function subM(a: Z, b: Z, m: bigint): Z {
  const r: Z = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) r.push(mod((a[i] ?? 0n) - (b[i] ?? 0n), m));
  return trim(r);
}

function mulM(a: Z, b: Z, m: bigint): Z {
  return reduce(intMul(a, b), m);
}

function invModInt(a: bigint, m: bigint): bigint {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}

/** Division with remainder by a monic b modulo m. */
function divRemMonic(a: Z, b: Z, m: bigint): { q: Z; r: Z } {
  const r = reduce(a, m);
  const db = b.length - 1;
  if (r.length - 1 < db) return { q: [], r };
  const q: Z = new Array<bigint>(r.length - db).fill(0n);
  for (let k = r.length - 1; k >= db; k--) {
    const c = r[k]!;
    if (c === 0n) continue;
    q[k - db] = c;
    for (let j = 0; j <= db; j++) r[k - db + j] = mod(r[k - db + j]! - c * b[j]!, m);
  }
  r.length = db;
  return { q: trim(q), r: trim(r) };
}

interface Lifted {
  g: Z;
  h: Z;
  s: Z;
  t: Z;
}

/**
 * One quadratic Hensel step (MCA Algorithm 15.10) for monic f ≡ g·h mod m with s·g + t·h ≡ 1 mod m,
 * g and h monic: returns the same data modulo m².
 */
function henselStep(f: Z, { g, h, s, t }: Lifted, m: bigint): Lifted {
  const M = m * m;
  const e = subM(reduce(f, M), mulM(g, h, M), M);
  const { q, r } = divRemMonic(mulM(s, e, M), h, M);
  const g1 = addM(addM(g, mulM(t, e, M), M), mulM(q, g, M), M);
  const h1 = addM(h, r, M);
  const b = subM(addM(mulM(s, g1, M), mulM(t, h1, M), M), [1n], M);
  const { q: c, r: d } = divRemMonic(mulM(s, b, M), h1, M);
  const s1 = subM(s, d, M);
  const t1 = subM(subM(t, mulM(t, b, M), M), mulM(c, g1, M), M);
  return { g: g1, h: h1, s: s1, t: t1 };
}

/** Lifts the monic factorization f ≡ ∏ factors (mod p) of monic f (mod `modulus` = p^(2^k)) along a binary tree. */
function liftTree(f: Z, factors: readonly number[][], p: number, modulus: bigint, signal?: Interrupt): Z[] {
  if (factors.length === 1) return [reduce(f, modulus)];
  const U = modularRing(p);
  const half = factors.length >> 1;
  const left = factors.slice(0, half);
  const right = factors.slice(half);
  const g0 = left.reduce((a, b) => U.mul(a, b), [1]);
  const h0 = right.reduce((a, b) => U.mul(a, b), [1]);
  const { s, t } = U.extendedGcd(g0, h0);
  const big = (a: readonly number[]) => a.map(BigInt);
  let state: Lifted = { g: big(g0), h: big(h0), s: big(s), t: big(t) };
  for (let m = BigInt(p); m < modulus; m *= m) {
    checkInterrupt(signal);
    state = henselStep(f, state, m);
  }
  return [...liftTree(state.g, left, p, modulus, signal), ...liftTree(state.h, right, p, modulus, signal)];
}

function isSquareFreeMod(f: Z, p: number): number[] | undefined {
  const U = modularRing(p);
  const fp = U.normalize(f.map((c) => U.field.fromBigInt(c)));
  if (U.degree(fp) !== f.length - 1) return undefined;
  return U.degree(U.gcd(fp, U.derivative(fp))) === 0 ? U.monic(fp) : undefined;
}

function euclideanNorm(f: Z): bigint {
  return bigSqrt(f.reduce((s, c) => s + c * c, 0n)) + 1n;
}

/** The k-subsets of 0..n-1 in lexicographic order (the recombination of factors tries them by size). */
export function* subsets(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    yield idx.slice();
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
  }
}

export interface ZassenhausInfo {
  /** The prime the factorization was computed modulo. */
  readonly prime: number;
  /** The number of modular factors (an upper bound for the number of factors over ZZ). */
  readonly modularFactors: number;
}

/**
 * The irreducible factors over ZZ of a primitive, square-free f with positive leading coefficient and
 * degree ≥ 1: primitive, with positive leading coefficients, in no particular order; their product is f.
 */
export function factorSquareFreeZ(f: readonly bigint[], random: Random, signal?: Interrupt, info?: (i: ZassenhausInfo) => void): Z[] {
  const d = f.length - 1;
  if (d <= 1) return [f.slice()];
  const lc = f[d]!;
  // Choose the prime with fewest modular factors among the first few admissible ones.
  let best: { p: number; factors: number[][] } | undefined;
  let tried = 0;
  for (let p = 3; tried < 5 && p < 1 << 26; p += 2) {
    if (!isProbablePrime(BigInt(p)) || lc % BigInt(p) === 0n) continue;
    const fp = isSquareFreeMod(f as Z, p);
    if (!fp) continue;
    tried++;
    const factors = factorModular(modularRing(p), fp, random, signal);
    if (!best || factors.length < best.factors.length) best = { p, factors };
    if (factors.length === 1) break;
  }
  if (!best) throw new RangeError('no admissible prime below 2^26');
  info?.({ prime: best.p, modularFactors: best.factors.length });
  if (best.factors.length === 1) return [f.slice()];
  const p = best.p;
  const absLc = lc < 0n ? -lc : lc;
  const bound = 2n * absLc * (1n << BigInt(d)) * euclideanNorm(f as Z);
  let modulus = BigInt(p);
  while (modulus <= bound) modulus *= modulus;
  const monic = reduce(f.map((c) => c * invModInt(lc, modulus)), modulus);
  let lifted = liftTree(monic, best.factors, p, modulus, signal);
  // Recombination (MCA Algorithm 15.19).
  const result: Z[] = [];
  let rest: Z = f.slice();
  let s = 1;
  while (2 * s <= lifted.length) {
    let found = false;
    const lcRest = rest[rest.length - 1]!;
    const constant = rest[0]!;
    for (const S of subsets(lifted.length, s)) {
      checkInterrupt(signal);
      // Constant-term pretest: lc·∏ g_i(0) (symmetric) must divide lc·f(0).
      const c0 = symmetric(S.reduce((a, i) => mod(a * (lifted[i]![0] ?? 0n), modulus), mod(lcRest, modulus)), modulus);
      if (c0 === 0n ? constant !== 0n : (lcRest * constant) % c0 !== 0n) continue;
      const g = S.reduce((a, i) => mulM(a, lifted[i]!, modulus), [mod(lcRest, modulus)]).map((c) => symmetric(c, modulus));
      const cg = content(g);
      const candidate = g.map((c) => c / cg);
      if (candidate[candidate.length - 1]! < 0n) candidate.forEach((c, i) => (candidate[i] = -c));
      let quotient: Z;
      try {
        quotient = intDivExact(rest, candidate);
      } catch (e) {
        if (e instanceof MathError && e.code === 'not-exact') continue;
        throw e;
      }
      result.push(candidate);
      rest = quotient;
      lifted = lifted.filter((_, i) => !S.includes(i));
      found = true;
      break;
    }
    if (!found) s++;
  }
  result.push(rest);
  return result;
}

/** An odd prime for tests and callers that need one: the smallest prime ≥ n. */
export function nextPrime(n: number): number {
  let p = n;
  while (!isProbablePrime(BigInt(p))) p++;
  return p;
}
