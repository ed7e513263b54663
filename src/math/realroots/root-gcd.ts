// The gcd of a square-free integer polynomial W with another integer polynomial q, for exact zero
// tests at the roots of W (q(θ) = 0 exactly when θ is a root of gcd(W, q)): Brown's modular gcd
// (W. S. Brown, "On Euclid's algorithm and the computation of polynomial greatest common divisors",
// JACM 18 (1971)) with the lifting of ../zerodim/lift.ts: images stored, a candidate tried only at
// geometric checkpoints and when it agrees with the newest image, and then proved by exact division.
//
// Representation: integer polynomials as bigint arrays, low degree first. The result is primitive
// with a positive leading coefficient ([1n] when W and q are coprime).
//
// Why it is exact: for a prime p dividing neither leading coefficient, deg gcd(W mod p, q mod p) >=
// deg gcd_Q(W, q), so degree 0 at one such prime proves coprimality. Otherwise the images of the
// smallest degree seen, scaled by γ = gcd(lc W, lc q) (a multiple of lc gcd_Q), are combined by CRT;
// a candidate G that divides W and q exactly over Z is a common divisor of degree >= that of gcd_Q
// (the degree of an image), hence the gcd.
import { MathError } from '../errors.js';
import { SmallPrimeField } from '../field.js';
import { bigMod, primeStream } from '../groebner/modular.js';
import { type Interrupt, checkInterrupt } from '../progress.js';
import { intDivExact } from '../univariate/integer-poly.js';
import { UnivariateRing } from '../univariate/dense.js';
import { ResidueStore } from '../zerodim/crt.js';
import { lehmerGcd } from '../zerodim/reconstruct.js';

/** Checkpoints of the candidate: at max(k + 1, ceil(k · GROWTH)) primes. */
const GROWTH = 1.1;

function trim(a: readonly bigint[]): bigint[] {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0n) n--;
  return a.slice(0, n);
}

function primitive(a: readonly bigint[]): bigint[] {
  let g = 0n;
  for (const c of a) {
    g = lehmerGcd(g, c);
    if (g === 1n) break;
  }
  const out = g <= 1n ? a.slice() : a.map((c) => c / g);
  return out[out.length - 1]! < 0n ? out.map((c) => -c) : out;
}

function divides(g: readonly bigint[], a: readonly bigint[]): boolean {
  try {
    intDivExact(a, g);
    return true;
  } catch (e) {
    if (e instanceof MathError && e.code === 'not-exact') return false;
    throw e;
  }
}

/** gcd(w, q) over Z[T], primitive with a positive leading coefficient (see the module header). */
export function gcdWithPolynomial(w: readonly bigint[], q: readonly bigint[], signal?: Interrupt): bigint[] {
  const a = trim(w);
  const b = trim(q);
  if (a.length === 0 || b.length === 0) return primitive(a.length === 0 ? b : a);
  if (a.length === 1 || b.length === 1) return [1n];
  const lca = a[a.length - 1]!;
  const lcb = b[b.length - 1]!;
  const gamma = lehmerGcd(lca, lcb);
  const primes = primeStream();
  let degree = Infinity;
  let store: ResidueStore | null = null;
  let checkpoint = 2;
  for (let i = 0; i < 100000; i++) {
    if ((i & 15) === 0) checkInterrupt(signal);
    const p = primes.next().value as number;
    if (bigMod(lca, p) === 0 || bigMod(lcb, p) === 0) continue;
    const F = new SmallPrimeField(p);
    const V = new UnivariateRing(F);
    const g = V.gcd(V.normalize(a.map((c) => bigMod(c, p))), V.normalize(b.map((c) => bigMod(c, p))));
    const d = g.length - 1;
    if (d === 0) return [1n];
    if (d > degree) continue; // p divides a resultant: unlucky
    if (d < degree) {
      degree = d;
      store = new ResidueStore(d + 1);
      checkpoint = 2;
    }
    const lead = g[d]!;
    const scale = (bigMod(gamma, p) * F.inv(lead)) % p;
    store!.add(p, g.map((c) => (c * scale) % p));
    const k = store!.count;
    if (k < checkpoint) continue;
    checkpoint = Math.max(k + 1, Math.ceil(k * GROWTH));
    // The candidate from the first k - 1 primes, compared with the k-th image before the exact test.
    const m = store!.modulus(k - 1);
    const half = m / 2n;
    const values = store!.crtValues(Array.from({ length: d + 1 }, (_, c) => c), k - 1).map((x) => (x > half ? x - m : x));
    if (values.some((x, c) => bigMod(x, p) !== store!.residue(k - 1, c))) continue;
    const candidate = primitive(values);
    if (divides(candidate, a) && divides(candidate, b)) return candidate;
  }
  throw new MathError('internal', 'the modular gcd did not stabilise');
}
