// Square-freeness of integer polynomials.
//
// Representation: `IntPoly` (integer-poly.ts). `intSquareFree` is the primitive square-free part
// p / gcd(p, p') over Z[x]; `isSquareFreeModular` proves square-freeness cheaply, when it can, by
// gcd(a mod p, a' mod p) = 1 for a prime p not dividing the leading coefficient (a repeated factor
// over Q survives reduction modulo such a p; Geddes–Czapor–Labahn, "Algorithms for Computer
// Algebra", §7.4).
import { SmallPrimeField } from '../field.js';
import { UnivariateRing } from './dense.js';
import { type IntPoly, intDerivative, intDivExact, intGcd, primitivePart, trimInt } from './integer-poly.js';

/** The square-free part over Z: primitive, positive leading coefficient. */
export function intSquareFree(a: IntPoly): bigint[] {
  const p = primitivePart(trimInt(a.slice()));
  if (p.length <= 1) return p.length === 0 ? [] : [1n];
  const g = intGcd(p, intDerivative(p));
  const s = g.length <= 1 ? p : intDivExact(p, g);
  return s[s.length - 1]! < 0n ? s.map((c) => -c) : s;
}

/** Primes just below the small-prime limit (so GF(p) arithmetic is exact in doubles). */
const CHECK_PRIMES = [94906249, 94906247, 94906219, 94906213];

/**
 * A proof that a is square-free, when it succeeds: gcd(a mod p, a' mod p) = 1 for a prime p not
 * dividing the leading coefficient (a repeated factor over Q would survive reduction modulo such a p).
 * False means "not proved" (a is not square-free, or every tried prime was unlucky).
 */
export function isSquareFreeModular(a: IntPoly): boolean {
  if (a.length <= 2) return a.length > 0;
  for (const p of CHECK_PRIMES) {
    if (a[a.length - 1]! % BigInt(p) === 0n) continue;
    const F = new SmallPrimeField(p);
    const V = new UnivariateRing(F);
    const ap = V.normalize(a.map((c) => F.fromBigInt(c)));
    if (V.degree(V.gcd(ap, V.derivative(ap))) === 0) return true;
  }
  return false;
}
