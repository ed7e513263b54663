// Decomposition on ideal handles, with provenance: the minimal primes and the radical of an ideal
// over QQ in any dimension (./minimal-primes.ts), its primary decomposition (./primary.ts), and the degree of the reduced variety (the sum of
// the degrees of the top-dimensional minimal primes). The randomness (linear forms, evaluation points
// of factorizations) is seeded and recorded; it changes the work, not the answer.
import { isRationalField } from '../domain.js';
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import { Ideal, type Derived } from '../ideal-handle.js';
import { radicalOf, traced } from '../ideal.js';
import type { Provenance } from '../provenance.js';
import { minimalPrimes, radicalByPrimes, type DecomposeOptions } from './minimal-primes.js';
import { isEmbedded, primaryDecomposition } from './primary.js';

export { minimalPrimes, radicalByPrimes, type DecomposeOptions } from './minimal-primes.js';
export { isEmbedded, primaryDecomposition, type PrimaryComponent } from './primary.js';

const NOTE =
  'splitting by factorization, then maximal independent sets U and contraction from Q(U) (Gianni–Trager–Zacharias); each prime proved prime by the degree of the eliminant of a random linear form equal to its dimension over Q(U)';

/** The provenance of a decomposition: the bases it computed are summarized (count, the first few). */
function summarized(p: Provenance, seed: number | bigint, extra: string, head = NOTE): Provenance {
  const from = p.from ?? [];
  return {
    ...p,
    seed: typeof seed === 'bigint' ? (seed <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(seed) : seed.toString()) : seed,
    note: `${head}${extra}; ${from.length} Gröbner bases computed (the first ${Math.min(3, from.length)} under "from")`,
    from: from.slice(0, 3),
  };
}

function requireQQ(I: Ideal<unknown>, what: string): asserts I is Ideal<Rat> {
  if (!isRationalField(I.ring.field)) throw new MathError('bad-field', `${what} in positive dimension is computed over QQ; this ideal lives in ${I.ring.toString()}`);
}

/** The minimal primes of I (over QQ), each an ideal handle whose generators are its reduced basis. */
export function minimalPrimesOf(I: Ideal<unknown>, options: DecomposeOptions = {}): Derived<Ideal<Rat>[]> {
  requireQQ(I, 'minimalPrimes');
  const seed = options.seed ?? 0;
  const r = traced('minimal-primes', I.ring, options, (o) => minimalPrimes(I.ring, I.gens, o).map((P) => new Ideal(I.ring, P)));
  return { value: r.value, provenance: summarized(r.provenance, seed, '') };
}

/**
 * The radical of I: Seidenberg's lemma when I is zero-dimensional (../ideal.ts radicalOf, any field),
 * else the intersection of the minimal primes (over QQ).
 */
export function radicalInAnyDimension(I: Ideal<unknown>, options: DecomposeOptions = {}): Derived<Ideal<unknown>> {
  if (I.dimension(options).value <= 0) return radicalOf(I, options);
  requireQQ(I, 'the radical');
  const seed = options.seed ?? 0;
  const r = traced('radical-by-minimal-primes', I.ring, options, (o) => new Ideal(I.ring, radicalByPrimes(I.ring, minimalPrimes(I.ring, I.gens, o), o)));
  return { value: r.value, provenance: summarized(r.provenance, seed, '; the radical is their intersection') };
}

/** The degree of the reduced variety V(I): the sum of the degrees of its top-dimensional minimal primes. */
export function reducedDegree(I: Ideal<unknown>, options: DecomposeOptions = {}): Derived<bigint> {
  requireQQ(I, 'the degree of the reduced variety');
  const d = I.dimension(options).value;
  if (d < 0) return { value: 0n, provenance: I.dimension(options).provenance };
  const primes = minimalPrimesOf(I, options);
  let total = 0n;
  const from: Provenance[] = [primes.provenance];
  for (const P of primes.value) {
    if (P.dimension(options).value !== d) continue;
    const deg = P.degree(options);
    total += deg.value;
    from.push(deg.provenance);
  }
  return {
    value: total,
    provenance: { ...primes.provenance, algorithm: 'degree-of-reduced-variety', note: `the sum of the degrees of the minimal primes of dimension ${d}; ${primes.provenance.note}`, from, seconds: 0 },
  };
}

/** One component of a primary decomposition on handles: the primary ideal, its prime, its dimension, whether it is embedded. */
export interface PrimaryComponentOf {
  readonly primary: Ideal<Rat>;
  readonly prime: Ideal<Rat>;
  readonly dimension: number;
  readonly embedded: boolean;
}

const PRIMARY_NOTE =
  'Gianni–Trager–Zacharias: maximal independent sets U, I = (I : h^∞) ∩ (I + h^s), zero-dimensional primary splitting over Q(U) by the factored eliminant of a random linear form; each component proved primary by the degree of its radical over Q(U); made minimal (one component per prime, none redundant)';

/** A minimal primary decomposition of I over QQ (isolated components first, then embedded ones). */
export function primaryDecompositionOf(I: Ideal<unknown>, options: DecomposeOptions = {}): Derived<PrimaryComponentOf[]> {
  requireQQ(I, 'primaryDecomposition');
  const seed = options.seed ?? 0;
  const R = I.ring;
  const r = traced('primary-decomposition-gtz', R, options, (o) => {
    const comps = primaryDecomposition(R, I.gens, o);
    return comps.map((c) => {
      const prime = new Ideal(R, c.prime);
      return { primary: new Ideal(R, c.primary), prime, dimension: prime.dimension(o).value, embedded: isEmbedded(R, c, comps, o) };
    });
  });
  return { value: r.value, provenance: summarized(r.provenance, seed, '', PRIMARY_NOTE) };
}
