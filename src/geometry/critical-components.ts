// The irreducible components of a critical set that is not finite, isolated points included.
//
// Representation: a PointSystem (./critical.ts) in a ring whose first n variables are the coordinates
// x of C^n and whose others are auxiliary (Lagrange multipliers λ, the saturation variable z); the
// critical set is the closure of the projection of V(system) to x. A component is reported as
// {dimension, degree, equations}: the reduced Gröbner basis of its prime ideal in x, its dimension and
// degree (Hilbert series of the prime: the degree of the reduced component).
//
// Algorithm: elimination of the auxiliary variables over QQ (../math/ideal.ts, a block order: the
// ideal of the closure of the projection), then the minimal primes by Gianni–Trager–Zacharias
// (../math/decompose/minimal-primes.ts), which lists isolated points beside positive-dimensional
// components. Exact over QQ (Gröbner bases multi-modular unless certified, as everywhere); only run
// when asked (a lazy field), since elimination over QQ can be far costlier than the counts modulo p
// of ./count.ts.
import type { DecomposeOptions } from '../math/decompose/index.js';
import { minimalPrimes } from '../math/decompose/minimal-primes.js';
import type { Monomial } from '../math/monomial.js';
import * as ideals from '../math/ideal.js';
import type { Rat } from '../math/field.js';
import type { QQPoly, QQRing } from './common.js';
import type { PointSystem } from './critical.js';

export interface CriticalComponent {
  readonly dimension: number;
  readonly degree: number;
  /** The prime ideal of the component in the coordinates x (a reduced Gröbner basis of R). */
  readonly equations: readonly QQPoly[];
}

/** The components of the closure of the projection of V(system) to the coordinates of R, highest dimension first. */
export function criticalComponents(system: PointSystem, R: QQRing, options: DecomposeOptions = {}): CriticalComponent[] {
  const S = system.ring;
  const n = R.nvars;
  const eliminated = system.auxiliary.length === 0 ? system.gens : ideals.eliminate(S, system.gens, system.auxiliary, options);
  const down = eliminated.map((f) => R.fromTerms(f.mons.map((m, k) => [m.slice(0, n) as Monomial, f.coeffs[k]!] as [Monomial, Rat])));
  const primes = minimalPrimes(R, down, options);
  const out = primes.map((P) => ({ dimension: ideals.dimension(R, P, options), degree: Number(ideals.degree(R, P, options)), equations: P }));
  return out.sort((a, b) => b.dimension - a.dimension || b.degree - a.degree);
}
