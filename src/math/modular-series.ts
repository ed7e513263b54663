// Hilbert series (and with it dim, degree and vdim) of an ideal over QQ by the modular route: the
// leading monomials of the reduced grevlex basis modulo random primes, with no Gröbner basis over QQ.
//
// Representation: the input is a list of polynomials with rational coefficients; the output is the
// Hilbert series of R/in(I) for grevlex (./hilbert.ts), which for a degree-compatible order gives the
// affine Hilbert function of R/I, hence its dimension, degree and vdim.
//
// Algorithm: for all but finitely many primes p (the "unlucky" ones, dividing an integer determined by
// the ideal: Winkler, "A p-adic approach to the computation of Gröbner bases", JSC 6 (1988); Arnold,
// "Modular algorithms for computing Gröbner bases", JSC 35 (2003)), the reduced grevlex basis of the
// ideal reduced modulo p has the same leading monomials as the basis over QQ. MODULAR_SERIES_PRIMES
// primes are drawn uniformly at random (seeded) among the primes of [2^25, 2^26) that divide no
// denominator, the bases are computed over GF(p) (../groebner: F4), and their sets of leading monomials
// must all agree; a disagreement (some prime is unlucky) returns undefined, and the caller takes the
// exact route. The answer is wrong only when every drawn prime is unlucky in the same way: with U
// unlucky primes among the N = 1,894,120 primes of the range, the probability is at most (U/N)^k for
// k primes. U is not known a priori (it is bounded by the bit size of the integers the unlucky primes
// divide, over 25), so the bound is stated in that form.
import { MathError } from './errors.js';
import { type Rat, SmallPrimeField, randomPrime } from './field.js';
import { groebner } from './groebner/index.js';
import { type HilbertSeries, hilbertSeriesOfLeads } from './hilbert.js';
import { monomialKey } from './monomial.js';
import { type Poly, PolyRing } from './poly.js';
import type { ComputeOptions } from './progress.js';
import type { Provenance } from './provenance.js';
import type { Random } from './random.js';

/** How many random primes must agree (the last is the check prime). */
export const MODULAR_SERIES_PRIMES = 3;

/** The number of primes in [2^25, 2^26): π(2^26) - π(2^25) = 3,957,809 - 2,063,689. */
export const PRIMES_IN_RANGE = 1_894_120;

/** The error bound of a count that k random primes of [2^25, 2^26) agree on. */
export function randomPrimesBound(k: number): string {
  return (
    `probabilistic: ${k} random primes of [2^25, 2^26) agree; wrong only if all ${k} are unlucky, probability <= (U/${PRIMES_IN_RANGE})^${k} ` +
    'for U the number of unlucky primes of this input (those dividing a denominator, leading coefficient or discriminant met on the way)'
  );
}

export interface ModularSeries {
  readonly series: HilbertSeries;
  readonly primes: readonly number[];
  readonly provenance: Provenance;
}

/**
 * The Hilbert series of R/I for grevlex from the leading monomials of the bases modulo `count` random
 * primes (default MODULAR_SERIES_PRIMES), or undefined when the primes disagree (see the header).
 */
export function hilbertSeriesModulo(R: PolyRing<Rat>, gens: readonly Poly<Rat>[], random: Random, options: ComputeOptions & { readonly count?: number } = {}): ModularSeries | undefined {
  const count = options.count ?? MODULAR_SERIES_PRIMES;
  const start = performance.now();
  const primes: number[] = [];
  let leads: string | undefined;
  let series: HilbertSeries | undefined;
  for (let attempts = 0; primes.length < count; attempts++) {
    if (attempts > 4 * count) throw new MathError('modular-failed', 'no random prime avoids the denominators of the input');
    const p = randomPrime(random);
    if (primes.includes(p)) continue;
    const F = new SmallPrimeField(p);
    const S = new PolyRing<number>(F, R.vars, { kind: 'grevlex' });
    let images: Poly<number>[];
    try {
      images = gens.map((f) => R.convert(f, S, (c) => F.fromRational(c.num, c.den)));
    } catch (e) {
      if (e instanceof MathError) continue; // p divides a denominator
      throw e;
    }
    const { basis } = groebner(S, images, { signal: options.signal, onProgress: options.onProgress });
    const leading = basis.map((g) => g.mons[0]!);
    const key = leading.map(monomialKey).sort().join(';');
    primes.push(p);
    if (leads === undefined) {
      leads = key;
      series = hilbertSeriesOfLeads(leading, R.nvars);
    } else if (key !== leads) return undefined;
  }
  const provenance: Provenance = {
    algorithm: 'hilbert-series modulo primes',
    field: 'QQ',
    order: 'grevlex',
    primes: { count: primes.length, first: primes.slice() },
    certified: false,
    errorBound: randomPrimesBound(primes.length),
    seconds: (performance.now() - start) / 1000,
    note: `leading monomials of the reduced grevlex bases modulo ${primes.join(', ')} (F4), equal at every prime; no basis over QQ`,
  };
  return { series: series!, primes, provenance };
}
