// A positive-dimensional set of stationary points, without a known symmetry group: all its
// irreducible components, and the Morse indices of its isolated real points.
//
// Representation: the stationary set of L is V(∇L) ⊂ C^N. Its components are the minimal primes of
// the gradient ideal, each {dimension, degree, equations} with the reduced Gröbner basis of the prime
// (../geometry/critical-components.ts, Gianni–Trager–Zacharias; degrees are those of the reduced
// components). A zero-dimensional minimal prime is an isolated stationary point (or a Galois orbit of
// them): it lies on no other component, since the primes are minimal.
//
// Algorithm for the isolated points: the intersection J of the zero-dimensional minimal primes
// (radical and zero-dimensional, ../math/decompose/minimal-primes.ts `radicalByPrimes`), its modular
// rational parametrization (../math/zerodim/parametrize.ts), then the Hessian of L at the real roots by
// interval LDLᵀ on the points' boxes, exact where undecided (./stationary.ts `stationaryPoints` with
// that parametrization). The Hessian of L is the Hessian at the point itself: an isolated point of
// V(∇L) can still be degenerate (a singular Hessian when the gradient ideal is not reduced there), and
// is then reported as such. Points on the positive-dimensional components get no index: the Hessian is
// singular along every component of positive dimension (the tangent directions are null).
// Exact over QQ except that the Gröbner bases and the parametrization are multi-modular (probabilistic,
// as everywhere unless certified); everything is computed only when asked.
import type { Rat } from '../math/field.js';
import * as ideals from '../math/ideal.js';
import type { Poly, PolyRing } from '../math/poly.js';
import type { DecomposeOptions } from '../math/decompose/index.js';
import { radicalByPrimes } from '../math/decompose/minimal-primes.js';
import { parametrize } from '../math/zerodim/index.js';
import { type CriticalComponent, criticalComponents } from '../geometry/critical-components.js';
import { type StationaryOptions, type StationaryResult, bezoutBound, gradient, stationaryPoints } from './stationary.js';

/** The exact dimension of the stationary set over QQ (-1: none; N: the loss is constant). */
export function stationarySetDimension(R: PolyRing<Rat>, L: Poly<Rat>, options: DecomposeOptions = {}): number {
  const gens = gradient(R, L).filter((g) => !R.isZero(g));
  return gens.length === 0 ? R.nvars : ideals.dimension(R, gens, options);
}

/** Every irreducible component of the stationary set V(∇L), highest dimension first, isolated points included. */
export function stationaryComponents(R: PolyRing<Rat>, L: Poly<Rat>, options: DecomposeOptions = {}): CriticalComponent[] {
  const gens = gradient(R, L).filter((g) => !R.isZero(g));
  if (gens.length === 0) return [{ dimension: R.nvars, degree: 1, equations: [] }];
  return criticalComponents({ ring: R, gens, auxiliary: [] }, R, options);
}

/**
 * The isolated stationary points (the zero-dimensional components) with their counts and certified
 * Morse indices, in the record of the zero-dimensional case (its `dimension` is 0, or -1 when there are
 * none; `bezout` is that of the whole gradient).
 */
export function isolatedStationaryPoints(
  R: PolyRing<Rat>,
  L: Poly<Rat>,
  components: readonly CriticalComponent[],
  options: StationaryOptions & DecomposeOptions = {},
): StationaryResult {
  const start = performance.now();
  const seed = options.seed ?? 0;
  const points = components.filter((c) => c.dimension === 0).map((c) => c.equations);
  const n = R.nvars;
  const bezout = bezoutBound(R, gradient(R, L));
  const higher = components.filter((c) => c.dimension > 0).length;
  const head = `the isolated points of a stationary set with ${higher} component${higher === 1 ? '' : 's'} of positive dimension (zero-dimensional minimal primes of the gradient ideal, Gianni–Trager–Zacharias)`;
  if (points.length === 0) {
    const method = `${head}: none`;
    return {
      dimension: -1, complex: 0, real: 0, minima: 0, indices: new Array<number>(n + 1).fill(0), degenerate: 0, bezout, points: [], method,
      provenance: { algorithm: 'minimal-primes', field: 'QQ', certified: false, seed, seconds: (performance.now() - start) / 1000, note: method },
    };
  }
  const compute = { signal: options.signal, onProgress: options.onProgress };
  const J = radicalByPrimes(R, points, compute);
  const parametrization = parametrize(R, J, { ...compute, seed, certify: options.certify ?? false });
  const s = stationaryPoints(R, L, { ...options, parametrization });
  const method = `${head}: their intersection parametrized, ${s.method.replace(/^gradient ideal \(zero-dimensional\); /, '')}`;
  return { ...s, bezout, method, provenance: { ...s.provenance, algorithm: `minimal primes + ${s.provenance.algorithm}`, note: `${head}; ${s.provenance.note}`, seconds: (performance.now() - start) / 1000 } };
}
