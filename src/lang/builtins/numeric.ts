// The numerical routes of `solve` and `stationary` (method = "numerical" or "monodromy") and the
// `monodromy` built-in: homotopy continuation or monodromy with Krawczyk-certified endpoints
// (src/math/numeric/), complete when the number of distinct certified solutions reaches the exact
// count. The entries of `solve` (algebra.ts) and `stationary` (networks.ts) call these when their
// `method` keyword asks for it; nothing mathematical happens here.
import { isRationalField } from '../../math/domain.js';
import { QQ, type Rat, rat } from '../../math/field.js';
import type { Poly, PolyRing } from '../../math/poly.js';
import type { Provenance } from '../../math/provenance.js';
import { type CompletionStatistics, type CompletionStep, type NumericalSolveOptions, type NumericalSolveResult, type StartChoice, solveNumerical } from '../../math/numeric/solve-numerical.js';
import { type NumericalStationaryResult, stationaryMonodromy, stationaryNumerical, stationarySweep, sweepFamily } from '../../math/numeric/stationary.js';
import { type AffineFamily, familyAt, parametricFamily, systemFamily, targetSystem } from '../../math/numeric/family.js';
import { type MonodromyResult, type MonodromyStatistics, monodromySolve, parameterSweep } from '../../math/numeric/monodromy.js';
import { timed } from '../../math/provenance.js';
import { countSolutions } from '../../geometry/count.js';
import { randomPrime } from '../../networks/architectures.js';
import { fail } from '../diagnostics.js';
import { reportedProvenance, seedOf, withProvenance } from '../provenance.js';
import type { Span } from '../ast.js';
import { dyadicToRat, doubleToDyadic } from '../../math/interval/dyadic.js';
import { ratToFloat } from '../../math/rat-float.js';
import { OPTIMIZER_METHODS, type OptimizerMethod, balancedInit, gaussianInit, minimize } from '../../math/optimize/index.js';
import type { Random } from '../../math/random.js';
import { RealAlgebraicPoint } from '../../math/realroots/point.js';
import { POINT, pointValue } from '../objects/point.js';
import { bool, float, int, isObject, kindWord, list, poly, record, str, type RingData, type Value } from '../values.js';
import { type RationalRing, expectIdeal, expectList, expectPoly, expectRational, expectSmallInt, expectString, expectVariables, isRationalRing, ringOfValues } from './convert.js';
import { type CallContext, defineBuiltins } from './registry.js';

export type NumericalMethod = 'numerical' | 'monodromy';

/** The `method` keyword of solve and stationary: "numerical" or "monodromy", false for "exact" or none. */
export function numericalMethod(ctx: CallContext, kwargs: ReadonlyMap<string, Value>, index: number): NumericalMethod | false {
  const m = kwargs.get('method');
  if (!m) return false;
  const method = expectString(ctx, m, index);
  if (method !== 'numerical' && method !== 'monodromy' && method !== 'exact') fail('domain', `unknown method "${method}" (exact, numerical or monodromy)`, ctx.kwargSpans.get('method') ?? ctx.span);
  return method === 'exact' ? false : method;
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
export function expectedCount(ctx: CallContext, R: PolyRing<Rat>, gens: readonly Poly<Rat>[]): { readonly complex: number; readonly multiplicity: number; readonly provenance: Provenance } {
  const prime = randomPrime(ctx.random);
  const { value: c, seconds } = timed(() => countSolutions(R, gens, { prime, signal: ctx.signal, onProgress: ctx.onProgress }));
  if (c.distinct === null) fail('not-zero-dimensional', 'the system is not zero-dimensional (modulo a random prime): its solutions are not isolated, so they are not solved numerically', ctx.span);
  const note = `${c.algorithm} over GF(${prime}), distinct solutions by Seidenberg's lemma; equal to the count over QQ except for finitely many primes`;
  return { complex: c.distinct, multiplicity: c.multiplicity ?? c.distinct, provenance: reportedProvenance({ algorithm: 'distinct-count', field: `GF(${prime})`, certified: false, note }, seconds) };
}

/** What the monodromy did, for provenance notes. */
function monodromyText(m: MonodromyStatistics): string {
  return (
    `monodromy (triangle loops through random complex parameter points, gamma trick on every edge; parameters ${m.parameters.join(', ') || 'none'}): ` +
    `${m.components} component${m.components === 1 ? '' : 's'}, ${m.base} solutions at the base points after ${m.loops} loops (${m.edgePaths} edge paths, ${m.edgeFailures} failed; stopped: ${m.stopped}), ` +
    `then a parameter homotopy (gamma trick) to the instance with Runge-Kutta 4 and Newton, endgame by valuations; `
  );
}

/** What completed an instance short of its count (src/math/numeric/instance-completion.ts), for provenance notes. */
function completionText(c: CompletionStatistics): string {
  const step = (s: CompletionStep): string => {
    const found = `found ${s.found} more${s.undecided ? ` (${s.undecided} certified point(s) whose distinctness was undecided)` : ''}`;
    if (s.method === 'detour') return `the paths tracked again through a random complex instance (all ${s.paths} paths of the components that lost some, in two segments with fresh gammas; ${s.failures} failed) ${found}`;
    if (s.method === 'monodromy') return `monodromy at the instance (${s.loops} loops, ${s.paths} edge paths, ${s.failures} failed) ${found}`;
    return `a ${s.start ?? 'total-degree'} start system at the instance (${s.paths} paths, ${s.failures} lost) ${found}`;
  };
  return `${c.before} certified solutions after the parameter homotopy, then ${c.steps.map(step).join(', then ')}; `;
}

/** The start system of a homotopy, for provenance notes. */
function startText(start: StartChoice | undefined): string {
  if (!start || start.kind === 'total-degree') return 'total-degree homotopy';
  const groups = start.groups.map((g) => `{${g.length} unknown${g.length === 1 ? '' : 's'}}`).join(', ');
  return `multihomogeneous homotopy (linear-product start for the partition ${groups}: ${start.count} paths, the m-homogeneous Bezout number, against the total degree ${start.totalDegree})`;
}

/** The `start` and `groups` keywords of solve and stationary with method = "numerical" (see NumericalSolveOptions). */
export function startOptions(ctx: CallContext, kwargs: ReadonlyMap<string, Value>, ring: RingData, index: number, method: NumericalMethod | false): Pick<NumericalSolveOptions, 'start' | 'groups'> {
  const s = kwargs.get('start');
  const g = kwargs.get('groups');
  if ((s || g) && method !== 'numerical') fail('arity', 'start and groups go with method = "numerical" (the homotopy from a start system)', ctx.kwargSpans.get(s ? 'start' : 'groups') ?? ctx.span);
  let start: NumericalSolveOptions['start'];
  if (s) {
    const name = expectString(ctx, s, index);
    if (name !== 'total-degree' && name !== 'multihomogeneous' && name !== 'auto') fail('domain', `unknown start "${name}" (total-degree, multihomogeneous or auto)`, ctx.kwargSpans.get('start') ?? ctx.span);
    start = name;
  }
  if (!g) return start ? { start } : {};
  if (start === 'total-degree') fail('domain', 'groups go with start = "multihomogeneous", not with the total-degree start', ctx.kwargSpans.get('groups') ?? ctx.span);
  const span = ctx.kwargSpans.get('groups') ?? ctx.span;
  const groups = expectList(ctx, g, index).map((x) => expectVariables(ctx, ring, x, index));
  const seen = groups.flat();
  if (new Set(seen).size !== seen.length || seen.length !== ring.poly.nvars || groups.some((x) => x.length === 0))
    fail('domain', `groups must be a partition of the ${ring.poly.nvars} variables (each in exactly one nonempty group)`, span);
  return { start: 'multihomogeneous', groups };
}

/** The provenance of a numerical result: certified only when complete against a count that is itself certified. */
export function numericalProvenance(ctx: CallContext, r: NumericalSolveResult | MonodromyResult, seconds: number, count: Provenance | undefined, expected: number, multiplicity = expected): Provenance {
  const s = r.statistics;
  // an instance with singular solutions (more solutions with multiplicity than distinct ones) cannot be
  // completed by certified points: its singular points are never certified
  const degenerate = multiplicity > expected ? ` (the instance is degenerate: ${multiplicity} solutions counted with multiplicity against ${expected} distinct, so it has singular solutions, which are not certified)` : '';
  const completeText = r.complete
    ? `complete: ${r.complex} distinct certified solutions = the exact count ${expected}`
    : `incomplete: ${r.complex} distinct certified solutions of the ${expected} counted${degenerate}`;
  const route = 'monodromy' in r ? monodromyText(r.monodromy) : `${startText(r.start)} (gamma trick, projective chart) with Runge-Kutta 4 and Newton, endgame by valuations; `;
  const note =
    route +
    `${s.paths} paths (${s.retracked} tracked again${s.regamma ? `, ${s.regamma} of them with another gamma` : ''}${s.doubleDouble ? `; ${s.doubleDouble} tracked in double-double arithmetic after double precision lost them` : ''}), ${s.infinity} to infinity, ${s.singular} singular, ${s.failed} failed, ${s.uncertified} not certified; ` +
    (r.completion ? completionText(r.completion) : '') +
    (r.singular.length ? `${r.singular.length} singular point(s) by the Cauchy endgame (not certified; multiplicities ${r.singular.map((x) => x.multiplicity).join(', ')}); ` : '') +
    `${s.steps} steps (${s.rejected} rejected) in ${s.rounds} round${s.rounds === 1 ? '' : 's'}; every solution certified by the Krawczyk test in double-precision interval arithmetic${s.precise ? ` (${s.precise} of them, too ill-conditioned for doubles, after Newton in double-double, in 160-bit dyadic interval arithmetic)` : ''} ` +
    `(outward rounding), distinct by disjoint boxes, realness by conjugation-symmetric boxes; paths tracked ${r.runner === 'sequential' ? 'in one thread' : `on ${r.runner}`}; ${completeText}`;
  return {
    algorithm: 'monodromy' in r ? 'monodromy-krawczyk' : 'homotopy-krawczyk',
    field: 'QQ',
    certified: r.certified && r.complete === true,
    ...(r.certified && r.complete === true ? {} : { errorBound: r.complete ? 'realness or distinctness of some solutions undecided' : 'solutions missing: the count is a certified lower bound' }),
    seed: seedOf(ctx.random),
    seconds,
    note,
    ...(count ? { from: [count] } : {}),
  };
}

/** The monodromy fields of a record: {loops, base}. */
function monodromyFields(r: NumericalSolveResult | MonodromyResult): Record<string, Value> {
  return 'monodromy' in r ? { loops: int(r.monodromy.loops), base: int(r.monodromy.base) } : {};
}

/** Why a singular point is not certified (the `reason` of each entry of `singular`). */
const SINGULAR_REASON =
  'the Jacobian is singular there (several paths end at the point): the Krawczyk test needs a regular Jacobian, and no deflation is implemented; the point is the Cauchy endgame\'s estimate, its multiplicity the number of paths ending there';

/**
 * The record of a numerical solve: the exact route's fields plus {certified, complete, expected, paths,
 * failed, singular} (and {loops, base}); singular: the points where paths ended singular, by the Cauchy
 * endgame (floats, not certified), with their multiplicities (the number of paths ending there),
 * certified: false and the reason.
 */
function solveRecord(r: NumericalSolveResult | MonodromyResult, expected: number): Value {
  return record({
    complex: int(r.complex),
    real: int(r.real),
    points: list(r.points.map((p) => list(p.map((x) => str(x))))),
    certified: bool(r.certified),
    complete: bool(r.complete === true),
    expected: int(expected),
    paths: int(r.statistics.paths),
    failed: int(r.statistics.failed + r.statistics.uncertified + r.statistics.singular),
    singular: list(
      r.singular.map((s) =>
        record({
          point: list(Array.from({ length: s.point.length / 2 }, (_, i) => list([float(s.point[2 * i]!), float(s.point[2 * i + 1]!)]))),
          multiplicity: int(s.multiplicity),
          certified: bool(false),
          reason: str(SINGULAR_REASON),
        }),
      ),
    ),
    ...monodromyFields(r),
  });
}

/**
 * solve(I, method = "numerical" | "monodromy"): the record of the exact route plus {certified,
 * complete, expected, paths, failed} (and {loops, base} for monodromy). Monodromy runs on the family
 * given, by default the system with a constant term per equation (F(x) - p, at p = 0).
 */
export function numericalSolveValue(
  ctx: CallContext,
  R: PolyRing<Rat>,
  gens: readonly Poly<Rat>[],
  digits: number,
  expected: { readonly complex: number; readonly multiplicity?: number; readonly provenance?: Provenance },
  method: NumericalMethod = 'numerical',
  family?: AffineFamily,
  starting: Pick<NumericalSolveOptions, 'start' | 'groups'> = {},
): Value {
  const seed = ctx.random.nextUint32();
  const start = performance.now();
  const options = { seed, expected: expected.complex, digits: Math.min(digits, 15), signal: ctx.signal, onProgress: ctx.onProgress, ...starting };
  const r = method === 'monodromy' ? monodromySolve(family ?? systemFamily(R, gens), options) : solveNumerical(R, gens, options);
  const how = numericalProvenance(ctx, r, (performance.now() - start) / 1000, expected.provenance, expected.complex, expected.multiplicity);
  return withProvenance(
    solveRecord(r, expected.complex),
    how,
  );
}

/**
 * stationary(L, method = "numerical"): the record of the exact route ({complex, real, minima, indices,
 * degenerate, bezout, points}) plus {certified, complete, expected, paths, failed}; Morse indices by
 * interval inertia of the Hessian on each certified real box; `degenerate` counts the real points whose
 * inertia the intervals could not decide (their index prints as "undecided").
 */
export function numericalStationaryValue(ctx: CallContext, R: PolyRing<Rat>, f: Poly<Rat>, method: NumericalMethod = 'numerical', starting: Pick<NumericalSolveOptions, 'start' | 'groups'> = {}): Value {
  const compute = { signal: ctx.signal, onProgress: ctx.onProgress };
  const gradient = R.vars.map((_, i) => R.diff(f, i));
  const count = expectedCount(ctx, R, gradient);
  const start = performance.now();
  const seed = ctx.random.nextUint32();
  const result = method === 'monodromy' ? stationaryMonodromy(R, f, { seed, expected: count.complex, ...compute }) : stationaryNumerical(R, f, { seed, expected: count.complex, ...compute, ...starting });
  const how = numericalProvenance(ctx, result.solve, (performance.now() - start) / 1000, count.provenance, count.complex, count.multiplicity);
  return stationaryResultValue(result, count.complex, how);
}

/** The record of one numerical stationary result, with its provenance (not certified when an index is undecided). */
function stationaryResultValue({ solve: r, morse, bezout }: NumericalStationaryResult, expected: number, how: Provenance): Value {
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
      expected: int(expected),
      paths: int(r.statistics.paths),
      failed: int(r.statistics.failed + r.statistics.uncertified + r.statistics.singular),
      ...monodromyFields(r),
    }),
    decided ? how : { ...how, certified: false, errorBound: `the Morse index of ${morse.undecided} real point(s) is undecided` },
  );
}

/**
 * stationary(N, data = [...]): the stationary points of the losses of many data draws of one network
 * from one start set (src/math/numeric/stationary.ts, stationarySweep): a list with one record per
 * draw, each as stationary(L, method = "monodromy"), complete against that draw's count modulo a
 * random prime; the monodromy stops at the generic count of the draws' family (the count at a random
 * rational member modulo a random prime).
 */
export function numericalSweepValue(ctx: CallContext, R: PolyRing<Rat>, losses: readonly Poly<Rat>[]): Value {
  const counts = losses.map((f) => expectedCount(ctx, R, R.vars.map((_, i) => R.diff(f, i))));
  const { family } = sweepFamily(R, losses);
  const generic = expectedCount(ctx, R, familyAt(family, family.directions.map(() => rat(BigInt(ctx.random.int(-1000, 1000)), BigInt(ctx.random.int(1, 100))))));
  const seed = ctx.random.nextUint32();
  const start = performance.now();
  const { results, monodromy } = stationarySweep(R, losses, {
    seed,
    generic: generic.complex,
    expectedAt: counts.map((c) => c.complex),
    signal: ctx.signal,
    onProgress: ctx.onProgress,
  });
  const seconds = (performance.now() - start) / 1000;
  return list(
    results.map((r, k) => {
      const solve: MonodromyResult = { ...r.solve, monodromy };
      const how = numericalProvenance(ctx, solve, seconds / results.length, counts[k]!.provenance, counts[k]!.complex, counts[k]!.multiplicity);
      const note = `${how.note}; one start set for ${results.length} data draw${results.length === 1 ? '' : 's'}: the family spanned by their gradients with a diagonal L2 perturbation (generic count ${generic.complex} modulo a prime)`;
      return stationaryResultValue({ ...r, solve }, counts[k]!.complex, { ...how, note });
    }),
  );
}

/** One rational per parameter (argument `index`), or a diagnostic there. */
function parameterValues(ctx: CallContext, v: Value, count: number, index: number): Rat[] {
  const vals = expectList(ctx, v, index).map((x) => expectRational(ctx, x, index));
  if (vals.length !== count) fail('domain', `${count} parameter${count === 1 ? '' : 's'} but ${vals.length} value${vals.length === 1 ? '' : 's'}`, ctx.argSpans[index] ?? ctx.span);
  return vals;
}

defineBuiltins([
  {
    name: 'monodromy',
    signature: 'monodromy(I) or monodromy(I, params, values)',
    summary:
      'Solves a square system over QQ by monodromy (as solve(I, method = "monodromy")): a seed solution at random complex parameters (pick x, solve for the parameters), triangle loops through random parameter points until the solutions there reach the exact count (or stagnate), then a parameter homotopy to the instance, every solution certified by interval arithmetic (Krawczyk), complete when their number reaches the exact count of the instance (modulo a random prime). With params (variables of the ring whose coefficients enter affinely) and values (one rational each), the unknowns are the other variables and the instance is params = values; without them the family is F(x) - p at p = 0. The record of solve(I, method = "numerical") plus {loops, base}: the loops made and the solutions found at the base parameter points.',
    examples: ['ring R = QQ[x, y];\nmonodromy(ideal(x^2 + y^2 - 4, x*y - 1)).complete  // true', 'ring S = QQ[x, y, a];\nmonodromy(ideal(x^2 + y^2 - a, x*y - 1), [a], [4]).complex  // 4'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 3,
    keywords: ['digits'],
    call(ctx, [I, params, values], kwargs) {
      const ring = ringOfValues(ctx, [I!]);
      const handle = expectIdeal(ctx, ring, I!, 0);
      const S = rationalSystem(ctx, handle.ring);
      const gens = handle.gens as readonly Poly<Rat>[];
      const d = kwargs.get('digits');
      const digits = d ? expectSmallInt(ctx, d, 1, 1, 1000) : 15;
      if (params === undefined) return numericalSolveValue(ctx, S, gens, digits, expectedCount(ctx, S, gens), 'monodromy');
      if (values === undefined) fail('arity', 'monodromy(I, params, values) needs the values of the parameters', ctx.span);
      const indices = expectVariables(ctx, ring, params, 1);
      const family = parametricFamily(S, gens, indices, parameterValues(ctx, values, indices.length, 2));
      const target = targetSystem(family);
      return numericalSolveValue(ctx, family.ring, target, digits, expectedCount(ctx, family.ring, target), 'monodromy', family);
    },
  },
  {
    name: 'paramSolve',
    signature: 'paramSolve(I, params, instances)',
    summary:
      'Solves a parametric system at many instances from one start set (a parameter homotopy): the unknowns are the variables other than params (variables whose coefficients enter affinely), instances a list of values of the params (one list each). The solutions at random complex parameters are found once by monodromy (stopping at the generic count: the count at random rational parameters modulo a random prime), then tracked to each instance, every solution certified (Krawczyk). A list with one record per instance, as solve(I, method = "monodromy"): {complex, real, points, certified, complete, expected, paths, failed, loops, base}, complete when the certified solutions reach the exact count of that instance (modulo a random prime).',
    examples: ['ring S = QQ[x, y, a];\nparamSolve(ideal(x^2 + y^2 - a, x*y - 1), [a], [[4], [1]])[2].real  // 0'],
    category: 'algebra',
    minArgs: 3,
    maxArgs: 3,
    keywords: ['digits'],
    call(ctx, [I, params, instances], kwargs) {
      const ring = ringOfValues(ctx, [I!]);
      const handle = expectIdeal(ctx, ring, I!, 0);
      const S = rationalSystem(ctx, handle.ring);
      const gens = handle.gens as readonly Poly<Rat>[];
      const d = kwargs.get('digits');
      const digits = Math.min(15, d ? expectSmallInt(ctx, d, 1, 1, 1000) : 15);
      const indices = expectVariables(ctx, ring, params!, 1);
      const points = expectList(ctx, instances!, 2).map((v) => parameterValues(ctx, v, indices.length, 2));
      const family = parametricFamily(S, gens, indices, points[0] ?? indices.map(() => QQ.zero));
      // the generic count: at random rational parameters (small integers over small denominators)
      const generic = familyAt(family, indices.map(() => rat(BigInt(ctx.random.int(-1000, 1000)), BigInt(ctx.random.int(1, 100)))));
      const genericCount = expectedCount(ctx, family.ring, generic);
      const counts = points.map((v) => expectedCount(ctx, family.ring, familyAt(family, v)));
      const seed = ctx.random.nextUint32();
      const start = performance.now();
      const { results, monodromy } = parameterSweep(family, points, {
        seed,
        digits,
        generic: genericCount.complex,
        expectedAt: counts.map((c) => c.complex),
        signal: ctx.signal,
        onProgress: ctx.onProgress,
      });
      const seconds = (performance.now() - start) / 1000;
      return list(
        results.map((r, i) => {
          const m: MonodromyResult = { ...r, monodromy };
          const how = numericalProvenance(ctx, m, seconds / results.length, counts[i]!.provenance, counts[i]!.complex, counts[i]!.multiplicity);
          return withProvenance(
            solveRecord(m, counts[i]!.complex),
            { ...how, note: `${how.note}; one start set for ${results.length} instance${results.length === 1 ? '' : 's'} (the generic count ${genericCount.complex} modulo a prime)` },
          );
        }),
      );
    },
  },
]);

// ---------------------------------------------------------------------------------------------
// minimize: the optimizers of src/math/optimize on a polynomial loss.

/** The end point of an optimizer as a real point of the loss's ring: the exact (dyadic) values of the doubles. */
export function floatPointValue(ring: RingData, x: ArrayLike<number>): Value {
  const coordinates = Array.from(x, (v) => ({ numerator: [dyadicToRat(doubleToDyadic(v))], denominator: [1n] }));
  const [point] = RealAlgebraicPoint.all({ polynomial: [0n, 1n], coordinates });
  return pointValue(point!, ring, 17);
}

function realOf(ctx: CallContext, v: Value, span: Span, what: string): number {
  if (v.kind === 'float') return v.value;
  if (v.kind === 'number') return ratToFloat(v.value);
  return fail('type', `${what} must be a number, got ${kindWord(v)}`, span);
}

/** The weight families W1, ..., WL of a linear network's parameter ring, as its widths d0, ..., dL (or null). */
function linearWidths(ring: RingData): number[] | null {
  const L = ring.families.size;
  const widths: number[] = [];
  for (let l = 1; l <= L; l++) {
    const f = ring.families.get(`W${l}`);
    if (!f || f.ranges.length !== 2 || f.ranges.some(([lo]) => lo !== 1)) return null;
    const [rows, cols] = [f.ranges[0]![1], f.ranges[1]![1]];
    if (l === 1) widths.push(cols);
    else if (widths[l - 1] !== cols) return null;
    widths.push(rows);
  }
  return L > 0 && ring.variables.every((v) => v.family !== undefined) ? widths : null;
}

/** The start of an optimizer: "random", "small", "balanced", a list of numbers or a point (errors at the keyword init). */
export function initialPoint(ctx: CallContext, ring: RationalRing, v: Value | undefined, scale: number | undefined, random: Random): { x: Float64Array; text: string } {
  const n = ring.poly.nvars;
  const span = ctx.kwargSpans.get('init') ?? ctx.span;
  const kind = v === undefined ? 'random' : v.kind === 'string' ? v.value : null;
  if (kind === 'random' || kind === 'small') {
    const s = scale ?? (kind === 'small' ? 1e-3 : 1);
    return { x: gaussianInit(random, n, s), text: `${kind}: N(0, ${s}²) coordinates` };
  }
  if (kind === 'balanced') {
    const widths = linearWidths(ring);
    if (!widths) return fail('domain', 'init = "balanced" needs a loss in the parameters of a linear network (params(N) of linear(d0, ..., dL))', span);
    const s = scale ?? 1;
    const layers = balancedInit(random, widths, s);
    const x = new Float64Array(n);
    ring.variables.forEach((info, i) => {
      const W = layers[Number(info.family!.slice(1)) - 1]!;
      x[i] = W.data[(info.index![0]! - 1) * W.stride + info.index![1]! - 1]!;
    });
    return { x, text: `balanced (Arora et al.): product of Gaussian scale ${s}, W_{l+1}ᵀW_{l+1} = W_l W_lᵀ` };
  }
  if (kind !== null) return fail('domain', `init must be "random", "small", "balanced", a list of ${n} numbers or a point, got "${kind}"`, span);
  if (isObject(POINT, v)) {
    if (v.data.ring.id !== ring.id) fail('ring-mismatch', `the point is a point of ${v.data.ring.poly.toString()}, not of ${ring.poly.toString()}`, span);
    return { x: Float64Array.from({ length: n }, (_, i) => v.data.point.coordinate(i).toNumber()), text: 'the given point' };
  }
  if (v!.kind !== 'list' || v!.items.length !== n) return fail('shape', `init must be a list of ${n} numbers (one per variable of ${ring.poly.toString()}), "random", "small" or "balanced"`, span);
  return { x: Float64Array.from(v!.items, (item) => realOf(ctx, item, span, 'each coordinate of init')), text: 'the given point' };
}

defineBuiltins([
  {
    name: 'minimize',
    signature: 'minimize(L, method = "gd", init = "random", step, iterations, tolerance, ...)',
    summary:
      'Minimizes a polynomial loss (any polynomial over QQ, e.g. loss(N, ...)) in floating point from a seeded start: {point, x, loss, gradientNorm, iterations, converged, reason, method, init, history}. The gradient (and the Hessian for newton) is compiled once into a straight-line program (reverse mode on the monomials) evaluated in doubles. method: "gd" (x -= step·∇L), "heavy-ball" (Polyak: + momentum·(x_k - x_{k-1})), "nesterov" (gradient at x_k + momentum·(x_k - x_{k-1})), "adam" (Kingma–Ba; beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8) or "newton" (Cholesky of the Hessian shifted until positive definite, Armijo backtracking from step). step: default 0.01 (adam 0.001, newton 1); momentum default 0.9; iterations: the budget (default 10000, newton 100); tolerance: stop when |∇L|₂ ≤ tolerance (default 1e-8). init: "random" (N(0, scale²), scale 1), "small" (scale 0.001), "balanced" (deep linear networks: W_{l+1}ᵀW_{l+1} = W_l W_lᵀ, product of Gaussian scale), a list of numbers or a point (random starts draw from the run\'s seeded stream: `seed n;` before the call fixes them; how(r) records the seed). reason: "gradient" (converged), "iterations", "diverged" (non-finite; the last finite iterate is kept) or "stalled" (newton\'s line search). point: the end point as a real point of the ring with the exact values of the doubles, which subs, hessian and traceHessian accept. history: {iteration, loss, gradientNorm, step, coordinates, variables}: one entry per recorded iteration (at most 4096, long runs sampled evenly), coordinates[k] the tracked variables (track = [vars], default all) at that iteration.',
    examples: ['ring R = QQ[x, y];\nminimize((x - 1)^2 + 2*(y + 3)^2, method = "newton", init = [0, 0]).iterations  // 1'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['method', 'init', 'scale', 'step', 'iterations', 'tolerance', 'momentum', 'beta1', 'beta2', 'epsilon', 'track'],
    call(ctx, [v], kwargs) {
      if (!v || v.kind !== 'poly') return fail('type', `argument 1 must be a polynomial (a loss), got ${v ? kindWord(v) : 'nothing'}`, ctx.argSpans[0] ?? ctx.span);
      const ring = v.ring;
      if (!isRationalRing(ring)) return fail('bad-field', 'minimize needs a polynomial with rational coefficients (a ring over QQ)', ctx.argSpans[0] ?? ctx.span);
      const f = expectPoly(ctx, ring, v, 0);
      const kw = (name: string) => kwargs.get(name);
      const kwSpan = (name: string) => ctx.kwargSpans.get(name) ?? ctx.span;
      const real = (name: string) => {
        const x = kw(name);
        return x === undefined ? undefined : realOf(ctx, x, kwSpan(name), name);
      };
      const m = kw('method');
      const method = (m ? expectString(ctx, m, 1) : 'gd') as OptimizerMethod;
      if (!OPTIMIZER_METHODS.includes(method)) fail('domain', `unknown method "${method}" (${OPTIMIZER_METHODS.join(', ')})`, kwSpan('method'));
      const random = ctx.random;
      const scale = real('scale');
      if (scale !== undefined && !(scale > 0)) fail('domain', 'scale must be positive', kwSpan('scale'));
      const init = initialPoint(ctx, ring, kw('init'), scale, random);
      const it = kw('iterations');
      const trackV = kw('track');
      const track = trackV ? expectVariables(ctx, ring, trackV, 1) : undefined;
      const step = real('step'), tolerance = real('tolerance'), momentum = real('momentum'), beta1 = real('beta1'), beta2 = real('beta2'), epsilon = real('epsilon');
      const { value: r, seconds } = timed(() =>
        minimize(ring.poly, f, {
          method,
          init: init.x,
          signal: ctx.signal,
          onProgress: ctx.onProgress,
          ...(step !== undefined ? { step } : {}),
          ...(it ? { iterations: expectSmallInt(ctx, it, 1, 0, 1_000_000_000) } : {}),
          ...(tolerance !== undefined ? { tolerance } : {}),
          ...(momentum !== undefined ? { momentum } : {}),
          ...(beta1 !== undefined ? { beta1 } : {}),
          ...(beta2 !== undefined ? { beta2 } : {}),
          ...(epsilon !== undefined ? { epsilon } : {}),
          ...(track ? { track } : {}),
        }),
      );
      const floats = (xs: ArrayLike<number>) => list(Array.from(xs, (x) => float(x)));
      const h = r.history;
      const value = record({
        point: floatPointValue(ring, r.x),
        x: floats(r.x),
        loss: float(r.loss),
        gradientNorm: float(r.gradientNorm),
        iterations: int(r.iterations),
        converged: bool(r.converged),
        reason: str(r.reason),
        method: str(r.description),
        init: floats(init.x),
        history: () =>
          record({
            iteration: list(h.iteration.map((k) => int(k))),
            loss: floats(h.loss),
            gradientNorm: floats(h.gradientNorm),
            step: floats(h.step),
            coordinates: list(h.iteration.map((_, e) => floats(h.coordinates.map((c) => c[e]!)))),
            variables: list(r.track.map((i) => poly(ring, ring.poly.variable(i)))),
          }),
      });
      return withProvenance(value, {
        algorithm: `minimize-${method}`,
        field: 'float64',
        certified: false,
        errorBound: 'floating point: no certificate that the end point is a minimum or near one',
        seed: seedOf(random),
        seconds,
        note: `${r.description}; start ${init.text}; loss, gradient${method === 'newton' ? ' and Hessian' : ''} compiled once from the exact polynomial (coefficients rounded to doubles), ${r.evaluations} evaluations`,
      });
    },
  },
]);
