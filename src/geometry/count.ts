// Counting the distinct solutions of a zero-dimensional system, over QQ or over GF(p).
//
// Route: a grevlex Gröbner basis (the dispatcher of ../math/groebner picks F4 over GF(p) and the
// multi-modular algorithm over QQ), the quotient algebra and the number of distinct solutions over
// the algebraic closure by Seidenberg's lemma (../math/solve.ts `countDistinctSolutions`: the vdim of
// I + (square-free parts of the minimal polynomials of the coordinates)), which is exact.
// Over GF(p) the count equals the count over QQ for the same integer data except for finitely many
// "unlucky" primes (those dividing some leading coefficient or discriminant met on the way); with a
// prime near 10^8 and data of the sizes used here that probability is tiny but not zero, and the
// result says `certified: false` in that case.
// The modular route over QQ (`modular: true`): the count over GF(p) at MODULAR_SERIES_PRIMES primes
// drawn at random (seeded, `random`) from [2^25, 2^26), the last one the check prime, which must all
// agree (otherwise the exact route runs); labelled with field 'QQ', `certified: false`, the primes and
// the error bound of ../math/modular-series.ts (wrong only if every prime is unlucky: at most
// (U/N)^k for U unlucky primes among the N primes of the range). No Gröbner basis over QQ is formed. `certify: true` asks the
// exact route for a certified basis (the multi-modular basis with its full verification,
// ../math/groebner/modular.ts), so the count is `certified` when that verification proves the basis.
// Positive-dimensional sets (`setInfoModulo`): the dimension from the Hilbert series of a basis over
// GF(p), the degree of the closure of the projection to the first coordinates as the number of
// distinct points cut by as many random affine hyperplanes in those coordinates as the dimension
// (Bertini: a generic linear section of the right codimension meets each top-dimensional component
// in its degree of reduced points), also over GF(p); exact for all but finitely many primes and
// hyperplanes, and correct for the projection only when every point of the set projects to a
// different point (true of the systems of ./critical.ts, whose auxiliary variables are determined
// by the coordinates). No elimination over QQ, whose coefficients explode on these systems.
import { MathError } from '../math/errors.js';
import { isRationalField } from '../math/domain.js';
import type { Rat } from '../math/field.js';
import { groebner } from '../math/groebner/index.js';
import { type Poly, PolyRing } from '../math/poly.js';
import type { Interrupt, ProgressEvent } from '../math/progress.js';
import { primeField, type Field } from '../math/field.js';
import { rank } from '../math/linalg/matrix.js';
import { type QuotientAlgebra, countDistinctSolutions, hermiteForm, quotientAlgebra, traceVector } from '../math/quotient.js';
import { QQ } from '../math/field.js';
import * as ideals from '../math/ideal.js';
import type { Random } from '../math/random.js';
import { randomPrime } from '../math/field.js';
import { MODULAR_SERIES_PRIMES, randomPrimesBound } from '../math/modular-series.js';
import { DEFAULT_PRIME, RANDOM_BOUND, combination, modularImage, randomNonZero, type QQRing } from './common.js';


export interface CountOptions {
  /** Count over GF(prime) instead of QQ. */
  readonly prime?: number;
  /** Over QQ: count modulo random primes (they must agree) instead of exactly; the primes are drawn from `random`. */
  readonly modular?: boolean;
  /** The random stream of the modular route's primes (required with `modular`; read, not advanced). */
  readonly random?: Random;
  /** Over QQ, exact route: a certified Gröbner basis (then the count is certified). */
  readonly certify?: boolean;
  readonly signal?: Interrupt;
  readonly onProgress?: (event: ProgressEvent) => void;
}

export interface SolutionCount {
  /** Distinct solutions over the algebraic closure; null when the system is not zero-dimensional. */
  readonly distinct: number | null;
  /** Solutions counted with multiplicity (the vdim); null when not zero-dimensional. */
  readonly multiplicity: number | null;
  /** 'QQ' or 'GF(p)'. */
  readonly field: string;
  /** The Gröbner engine used. */
  readonly algorithm: string;
  /** False when the answer holds only with high probability (a modular count or an unverified lift). */
  readonly certified: boolean;
  /** The primes of a modular count over QQ. */
  readonly primes?: readonly number[];
  /** What is known of the chance of a wrong answer, when not certified and the route knows it. */
  readonly errorBound?: string;
}

function countIn<E>(S: PolyRing<E>, gens: readonly Poly<E>[], options: CountOptions, field: string, certifiedField: boolean): SolutionCount {
  const compute = { signal: options.signal, onProgress: options.onProgress };
  const result = groebner(S, gens, { ...compute, ...(options.certify ? { verify: 'full' } : {}) } as typeof compute);
  const basis = result.basis;
  const certified = certifiedField && result.certified;
  if (basis.length === 1 && S.isConstant(basis[0]!)) return { distinct: 0, multiplicity: 0, field, algorithm: result.algorithm, certified };
  let A;
  try {
    A = quotientAlgebra(S, basis, compute);
  } catch (e) {
    if (e instanceof MathError && e.code === 'not-zero-dimensional') return { distinct: null, multiplicity: null, field, algorithm: result.algorithm, certified };
    throw e;
  }
  const distinct = isRationalField(S.field) ? distinctOverQQ(A as unknown as QuotientAlgebra<Rat>, compute) : countDistinctSolutions(A, compute);
  return { distinct, multiplicity: A.monomials.length, field, algorithm: result.algorithm, certified };
}

/**
 * Distinct solutions of a zero-dimensional ideal over QQ. Fast exact certificate first: the Hermite
 * trace form H (H[i][j] = Tr(M_{b_i b_j})) has rank = the number of distinct solutions (char 0); its
 * entries are rationals whose reductions modulo p are the entries of the Hermite form of the algebra
 * reduced modulo p, so det H ≢ 0 (mod p) proves det H ≠ 0, i.e. all D = vdim solutions are distinct.
 * Otherwise the count comes from Seidenberg's lemma over QQ (exact, slower).
 */
function distinctOverQQ(A: QuotientAlgebra<Rat>, compute: { signal?: Interrupt }): number {
  const D = A.monomials.length;
  for (const p of [DEFAULT_PRIME, 94906247, 94906213]) {
    const Fp = primeField(p) as unknown as Field<number>;
    let reduced: QuotientAlgebra<number>;
    try {
      const map = (c: Rat) => Fp.fromRational(c.num, c.den);
      reduced = {
        ...A,
        ring: new PolyRing<number>(Fp, A.ring.vars),
        basis: [],
        columns: A.columns.map((cols) => cols.map((v) => {
          const index: number[] = [];
          const value: number[] = [];
          v.index.forEach((k, t) => {
            const x = map(v.value[t]!);
            if (x !== 0) {
              index.push(k);
              value.push(x);
            }
          });
          return { index, value };
        })),
      } as unknown as QuotientAlgebra<number>;
    } catch {
      continue; // p divides a denominator: try the next prime
    }
    if (rank(Fp, hermiteForm(reduced, traceVector(reduced, compute))) === D) return D;
    break;
  }
  return countDistinctSolutions(A, compute);
}

/** The number of distinct solutions of the system `gens` of S (QQ coefficients), over QQ or GF(p). */
export function countSolutions(S: QQRing, gens: readonly Poly<Rat>[], options: CountOptions = {}): SolutionCount {
  if (options.prime !== undefined) {
    const { ring, convert } = modularImage(S, options.prime);
    return countIn(ring, gens.map(convert), options, `GF(${options.prime})`, false);
  }
  if (options.modular) {
    if (!options.random) throw new MathError('internal', 'the modular count needs a random stream for its primes');
    // Drawn from a copy: the caller's stream (its later data points) does not depend on the route.
    const random = options.random.clone();
    const primes: number[] = [];
    const counts: (SolutionCount | null)[] = [];
    while (primes.length < MODULAR_SERIES_PRIMES) {
      const p = randomPrime(random);
      if (primes.includes(p)) continue;
      primes.push(p);
      try {
        counts.push(countSolutions(S, gens, { ...options, prime: p, modular: false }));
      } catch (e) {
        if (e instanceof MathError && e.code === 'bad-prime') counts.push(null);
        else throw e;
      }
    }
    const [first] = counts;
    if (first && counts.every((c) => c !== null && c.distinct === first.distinct && c.multiplicity === first.multiplicity)) {
      const text = `${primes.slice(0, -1).join(', ')} and the check prime ${primes[primes.length - 1]}`;
      return {
        distinct: first.distinct,
        multiplicity: first.multiplicity,
        field: 'QQ',
        algorithm: `${first.algorithm} modulo ${text}`,
        certified: false,
        primes,
        errorBound: randomPrimesBound(primes.length),
      };
    }
    // A prime divides a denominator, or the primes disagree (one is unlucky): the exact route.
  }
  return countIn(S, gens, options, 'QQ', true);
}

/** The dimension and degree of a set: dimension -1 and degree 0 for the empty set. */
export interface SetInfo {
  readonly dimension: number;
  readonly degree: number;
}

/**
 * Dimension and degree (reduced, top-dimensional part) of the projection of V(gens) ⊂ C^{S.nvars} to
 * its first `base` coordinates, over GF(prime) (see the module header: the projection must be
 * injective on the set). The degree of a finite set is its number of distinct points.
 */
export function setInfoModulo(S: QQRing, gens: readonly Poly<Rat>[], base: number, random: Random, options: CountOptions & { readonly prime: number }): SetInfo {
  const compute = { signal: options.signal, onProgress: options.onProgress };
  const { ring, convert } = modularImage(S, options.prime);
  const dimension = ideals.dimension(ring, gens.map(convert), compute);
  if (dimension < 0) return { dimension, degree: 0 };
  const coordinates = Array.from({ length: base }, (_, i) => S.variable(i));
  const slices = Array.from({ length: dimension }, () =>
    S.sub(combination(S, coordinates.map(() => QQ.fromBigInt(randomNonZero(random, RANDOM_BOUND))), coordinates), S.constant(QQ.fromBigInt(randomNonZero(random, RANDOM_BOUND)))),
  );
  const counted = countSolutions(S, [...gens, ...slices], { ...compute, prime: options.prime });
  if (counted.distinct === null) throw new MathError('internal', `a linear section of codimension ${dimension} of a set of dimension ${dimension} is not finite`);
  return { dimension, degree: counted.distinct };
}
