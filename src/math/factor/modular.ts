// Factoring square-free univariate polynomials over GF(p), p an odd prime below 2^26.
//
// Representation: dense `number[]` over GF(p), low degree first, as in ../univariate/dense.ts (whose
// UnivariateRing over SmallPrimeField does the arithmetic). Algorithms: distinct-degree factorization
// (x^{p^i} - x splits off the product of the irreducible factors of degree i) and Cantor–Zassenhaus
// equal-degree splitting with seeded random polynomials (D. G. Cantor, H. Zassenhaus, "A new algorithm
// for factoring polynomials over finite fields", Math. Comp. 36 (1981); J. von zur Gathen, J. Gerhard,
// "Modern Computer Algebra" (MCA), 3rd ed. 2013, Algorithms 14.3 and 14.8).
import { SmallPrimeField } from '../field.js';
import { checkInterrupt, type Interrupt } from '../progress.js';
import type { Random } from '../random.js';
import { UnivariateRing } from '../univariate/dense.js';

export function modularRing(p: number): UnivariateRing<number> {
  return new UnivariateRing(new SmallPrimeField(p));
}

/** a^e mod m for a big exponent e. */
export function powMod(U: UnivariateRing<number>, a: readonly number[], e: bigint, m: readonly number[]): number[] {
  let result: number[] = [1];
  let base = U.rem(a, m);
  while (e > 0n) {
    if (e & 1n) result = U.mulMod(result, base, m);
    e >>= 1n;
    if (e > 0n) base = U.mulMod(base, base, m);
  }
  return result;
}

/** Distinct-degree factorization of a monic square-free f: pairs [product of the degree-d factors, d]. */
export function distinctDegree(U: UnivariateRing<number>, f: readonly number[], signal?: Interrupt): [number[], number][] {
  const p = BigInt((U.field as SmallPrimeField).p);
  const out: [number[], number][] = [];
  let rest = f.slice();
  let h = U.x();
  for (let d = 1; 2 * d <= U.degree(rest); d++) {
    checkInterrupt(signal);
    h = powMod(U, h, p, rest);
    const g = U.gcd(U.sub(h, U.x()), rest);
    if (U.degree(g) > 0) {
      out.push([g, d]);
      rest = U.divExact(rest, g);
      h = U.rem(h, rest);
    }
  }
  if (U.degree(rest) > 0) out.push([rest, U.degree(rest)]);
  return out;
}

/** Cantor–Zassenhaus: the monic irreducible factors of f, a monic product of distinct factors of degree d. */
export function equalDegree(U: UnivariateRing<number>, f: readonly number[], d: number, random: Random, signal?: Interrupt): number[][] {
  const n = U.degree(f);
  if (n === d) return [f.slice()];
  const p = (U.field as SmallPrimeField).p;
  const e = (BigInt(p) ** BigInt(d) - 1n) / 2n;
  for (;;) {
    checkInterrupt(signal);
    const a = U.normalize(Array.from({ length: n }, () => random.int(0, p - 1)));
    if (U.degree(a) < 1) continue;
    let g = U.gcd(a, f);
    if (U.degree(g) === 0) g = U.gcd(U.sub(powMod(U, a, e, f), [1]), f);
    if (U.degree(g) > 0 && U.degree(g) < n) {
      return [...equalDegree(U, g, d, random, signal), ...equalDegree(U, U.divExact(f, g), d, random, signal)];
    }
  }
}

/** The monic irreducible factors over GF(p) of a monic square-free f. */
export function factorModular(U: UnivariateRing<number>, f: readonly number[], random: Random, signal?: Interrupt): number[][] {
  return distinctDegree(U, f, signal).flatMap(([g, d]) => equalDegree(U, g, d, random, signal));
}

/**
 * The square-free factorization of a monic f over GF(p): pairs [g, m] with f = ∏ g^m, each g monic
 * and square-free, pairwise coprime (MCA Algorithm 14.21 in the form of Yun's algorithm, with the
 * p-th root of the part whose derivative vanishes).
 */
export function squareFreeModular(U: UnivariateRing<number>, f: readonly number[]): [number[], number][] {
  const p = (U.field as SmallPrimeField).p;
  const out: [number[], number][] = [];
  const pthRoot = (a: readonly number[]) => U.normalize(a.filter((_, i) => i % p === 0));
  const d = U.derivative(f);
  if (d.length === 0) {
    for (const [g, m] of squareFreeModular(U, pthRoot(f))) out.push([g, m * p]);
    return out;
  }
  let c = U.gcd(f, d);
  let w = U.divExact(U.monic(f), c);
  for (let i = 1; U.degree(w) > 0; i++) {
    const y = U.gcd(w, c);
    const part = U.divExact(w, y);
    if (U.degree(part) > 0) out.push([U.monic(part), i]);
    w = y;
    c = U.divExact(c, y);
  }
  if (U.degree(c) > 0) for (const [g, m] of squareFreeModular(U, U.monic(pthRoot(c)))) out.push([g, m * p]);
  return out;
}
