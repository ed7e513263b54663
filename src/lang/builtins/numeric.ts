// The numerical routes of `solve` and `stationary` (method = "numerical"): homotopy continuation
// with Krawczyk-certified endpoints (src/math/numeric/), complete when the number of distinct
// certified solutions reaches the exact count. The entries of `solve` (algebra.ts) and `stationary`
// (networks.ts) call these when their `method` keyword says "numerical"; nothing mathematical
// happens here.
import { isRationalField } from '../../math/domain.js';
import type { Rat } from '../../math/field.js';
import type { Poly, PolyRing } from '../../math/poly.js';
import type { Provenance } from '../../math/provenance.js';
import { solveNumerical, type NumericalSolveResult } from '../../math/numeric/solve-numerical.js';
import { stationaryNumerical } from '../../math/numeric/stationary.js';
import { timed } from '../../math/provenance.js';
import { countSolutions } from '../../geometry/count.js';
import { randomPrime } from '../../networks/architectures.js';
import { fail } from '../diagnostics.js';
import { reportedProvenance, seedOf, withProvenance } from '../provenance.js';
import { bool, int, list, record, str, type Value } from '../values.js';
import { expectString } from './convert.js';
import type { CallContext } from './registry.js';

/** The `method` keyword of solve and stationary: true for "numerical", false for "exact" or none. */
export function numericalMethod(ctx: CallContext, kwargs: ReadonlyMap<string, Value>, index: number): boolean {
  const m = kwargs.get('method');
  if (!m) return false;
  const method = expectString(ctx, m, index);
  if (method !== 'numerical' && method !== 'exact') fail('domain', `unknown method "${method}" (exact or numerical)`, ctx.kwargSpans.get('method') ?? ctx.span);
  return method === 'numerical';
}

/** The system as polynomials over QQ, or a diagnostic at the call. */
export function rationalSystem(ctx: CallContext, R: PolyRing<unknown>): PolyRing<Rat> {
  if (!isRationalField(R.field)) fail('domain', 'method = "numerical" needs a ring over QQ', ctx.span);
  return R as unknown as PolyRing<Rat>;
}

/**
 * The count that completeness is judged by: the distinct solutions modulo a random 26-bit prime (F4,
 * then Seidenberg's lemma on the quotient algebra: src/geometry/count.ts), equal to the number of
 * distinct complex solutions over QQ except for finitely many primes; far cheaper than a count over QQ
 * on the systems the numerical route is for. A positive-dimensional system is an error at the call.
 */
export function expectedCount(ctx: CallContext, R: PolyRing<Rat>, gens: readonly Poly<Rat>[]): { readonly complex: number; readonly provenance: Provenance } {
  const prime = randomPrime(ctx.random);
  const { value: c, seconds } = timed(() => countSolutions(R, gens, { prime, signal: ctx.signal, onProgress: ctx.onProgress }));
  if (c.distinct === null) fail('not-zero-dimensional', 'the system is not zero-dimensional (modulo a random prime): its solutions are not isolated, so they are not solved numerically', ctx.span);
  const note = `${c.algorithm} over GF(${prime}), distinct solutions by Seidenberg's lemma; equal to the count over QQ except for finitely many primes`;
  return { complex: c.distinct, provenance: reportedProvenance({ algorithm: 'distinct-count', field: `GF(${prime})`, certified: false, note }, seconds) };
}

/** The provenance of a numerical result: certified only when complete against a count that is itself certified. */
export function numericalProvenance(ctx: CallContext, r: NumericalSolveResult, seconds: number, count: Provenance | undefined, expected: number): Provenance {
  const s = r.statistics;
  const completeText = r.complete
    ? `complete: ${r.complex} distinct certified solutions = the exact count ${expected}`
    : `incomplete: ${r.complex} distinct certified solutions of the ${expected} counted`;
  const note =
    `total-degree homotopy (gamma trick, projective chart) with Runge-Kutta 4 and Newton, endgame by valuations; ` +
    `${s.paths} paths (${s.retracked} tracked again), ${s.infinity} to infinity, ${s.singular} singular, ${s.failed} failed, ${s.uncertified} not certified; ` +
    `${s.steps} steps (${s.rejected} rejected) in ${s.rounds} round${s.rounds === 1 ? '' : 's'}; every solution certified by the Krawczyk test in double-precision interval arithmetic ` +
    `(outward rounding), distinct by disjoint boxes, realness by conjugation-symmetric boxes; ${completeText}`;
  return {
    algorithm: 'homotopy-krawczyk',
    field: 'QQ',
    certified: r.certified && r.complete === true,
    ...(r.certified && r.complete === true ? {} : { errorBound: r.complete ? 'realness or distinctness of some solutions undecided' : 'solutions missing: the count is a certified lower bound' }),
    seed: seedOf(ctx.random),
    seconds,
    note,
    ...(count ? { from: [count] } : {}),
  };
}

/** solve(I, method = "numerical"): the record of the exact route plus {certified, complete, expected, paths, failed}. */
export function numericalSolveValue(ctx: CallContext, R: PolyRing<Rat>, gens: readonly Poly<Rat>[], digits: number, expected: { readonly complex: number; readonly provenance?: Provenance }): Value {
  const seed = ctx.random.nextUint32();
  const start = performance.now();
  const r = solveNumerical(R, gens, { seed, expected: expected.complex, digits: Math.min(digits, 15), signal: ctx.signal, onProgress: ctx.onProgress });
  const how = numericalProvenance(ctx, r, (performance.now() - start) / 1000, expected.provenance, expected.complex);
  return withProvenance(
    record({
      complex: int(r.complex),
      real: int(r.real),
      points: list(r.points.map((p) => list(p.map((x) => str(x))))),
      certified: bool(r.certified),
      complete: bool(r.complete === true),
      expected: int(expected.complex),
      paths: int(r.statistics.paths),
      failed: int(r.statistics.failed + r.statistics.uncertified + r.statistics.singular),
    }),
    how,
  );
}

/**
 * stationary(L, method = "numerical"): the record of the exact route ({complex, real, minima, indices,
 * degenerate, bezout, points}) plus {certified, complete, expected, paths, failed}; Morse indices by
 * interval inertia of the Hessian on each certified real box; `degenerate` counts the real points whose
 * inertia the intervals could not decide (their index prints as "undecided").
 */
export function numericalStationaryValue(ctx: CallContext, R: PolyRing<Rat>, f: Poly<Rat>): Value {
  const compute = { signal: ctx.signal, onProgress: ctx.onProgress };
  const gradient = R.vars.map((_, i) => R.diff(f, i));
  const count = expectedCount(ctx, R, gradient);
  const start = performance.now();
  const seed = ctx.random.nextUint32();
  const { solve: r, morse, bezout } = stationaryNumerical(R, f, { seed, expected: count.complex, ...compute });
  const how = numericalProvenance(ctx, r, (performance.now() - start) / 1000, count.provenance, count.complex);
  const decided = morse.undecided === 0;
  return withProvenance(
    record({
      complex: int(r.complex),
      real: int(r.real),
      minima: int(morse.minima),
      indices: list(morse.indices.map((k) => int(k))),
      degenerate: int(morse.undecided),
      bezout: int(bezout),
      points: list(morse.points.map((p) => record({ point: list(p.coordinates.map((c) => str(c))), value: str(p.value), index: p.index === null ? str('undecided') : int(p.index) }))),
      certified: bool(r.certified && decided),
      complete: bool(r.complete === true),
      expected: int(count.complex),
      paths: int(r.statistics.paths),
      failed: int(r.statistics.failed + r.statistics.uncertified + r.statistics.singular),
    }),
    decided ? how : { ...how, certified: false, errorBound: `the Morse index of ${morse.undecided} real point(s) is undecided` },
  );
}
