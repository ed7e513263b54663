// Algebra built-ins: ideals and Gröbner bases, elimination and saturation, dimension and degree,
// zero-dimensional solving, calculus on polynomials and exact linear algebra. Each one reads its
// arguments through convert.ts and calls the public functions of src/math; nothing mathematical
// happens here. An ideal value wraps an Ideal handle (src/math/ideal-handle.ts), so the queries on
// one ideal value (gb, nf, member, dim, degree, solve, ...) share one Gröbner basis. Every computed
// result records how it was obtained (src/lang/provenance.ts; `how(x)` reads it).
import { isRationalField, isWordPrimeField } from '../../math/domain.js';
import { QQ, type Rat } from '../../math/field.js';
import type { Poly, PolyRing } from '../../math/poly.js';
import type { GroebnerAlgorithm } from '../../math/groebner/index.js';
import * as ideals from '../../math/ideal.js';
import { derivedProvenance, type Ideal } from '../../math/ideal-handle.js';
import type { Provenance } from '../../math/provenance.js';
import { dimensionModulo, type SolveResult } from '../../math/solve.js';
import { type HilbertSeries, seriesDegree } from '../../math/hilbert.js';
import { hilbertSeriesModulo } from '../../math/modular-series.js';
import { Random } from '../../math/random.js';
import { determinant, inverse, kernel, rank } from '../../math/linalg/matrix.js';
import { hessian, jacobian, minors, polyDeterminant } from '../../math/linalg/polymatrix.js';
import { fail } from '../diagnostics.js';
import { seriesValue } from '../objects/series.js';
import { factorizationValue } from '../objects/factorization.js';
import { VARIETY, varietyValue } from '../objects/variety.js';
import * as G from '../../geometry/index.js';
import { minimalPrimesOf, radicalInAnyDimension, reducedDegree } from '../../math/decompose/index.js';
import { multiplicityAsked, quietSeed } from './decompose-options.js';
import { factorModularPolynomial, factorPolynomial } from '../../math/factor/index.js';
import type { SmallPrimeField } from '../../math/field.js';
import { timed } from '../../math/provenance.js';
import { POINT, type PointData, algebraicValue, pointValue } from '../objects/point.js';
import { MathError } from '../../math/errors.js';
import { RealAlgebraicPoint } from '../../math/realroots/point.js';
import { complexSolutions, midpointAndError } from '../../math/realroots/complex.js';
import { coerceToPoly } from '../ops.js';
import { provenanceOf, provenanceRecord, seedOf, withProvenance } from '../provenance.js';
import { NONE, bool, float, idealValue, int, isMatrix, isObject, kindWord, list, num, poly, record, str, type ObjectValue, type RingData, type TypedRing, type Value } from '../values.js';
import {
  expectGenerators,
  expectIdeal,
  expectPoly,
  expectRationalMatrix,
  expectRationalRing,
  expectSmallInt,
  expectString,
  expectVariable,
  expectVariables,
  ringOfValues,
} from './convert.js';
import { expectedCount, numericalMethod, numericalSolveValue, rationalSystem, startOptions } from './numeric.js';
import { defineBuiltins, type CallContext } from './registry.js';


function options(ctx: CallContext) {
  return { signal: ctx.signal, onProgress: ctx.onProgress };
}

/** The exact real points of a solve result, in the order of their decimals (as solve's decimal points). */
function realPoints(ctx: CallContext, ring: RingData, s: SolveResult, digits: number): Value[] {
  if (!s.representation || !s.real) return [];
  const points = RealAlgebraicPoint.inDecimalOrder(s.exactPoints ?? RealAlgebraicPoint.all(s.representation, options(ctx)), digits);
  if (points.length !== s.real) throw new MathError('internal', `the representation has ${points.length} real points, solve counted ${s.real}`);
  return points.map((p) => pointValue(p, ring, digits));
}

/**
 * Every complex solution, certified (src/math/realroots/complex.ts): a record {point, error, real,
 * multiplicity} per solution, point a list of [re, im] floats per coordinate within `error` (a
 * certified bound on |x - printed| for every coordinate); "n/a" over GF(p).
 */
function complexSolutionValues(ctx: CallContext, s: SolveResult): Value {
  if (!s.representation) return s.complex === 0 ? list([]) : str('n/a');
  const solutions = complexSolutions(s.representation, s.representation.characteristic, options(ctx));
  if (solutions.length !== s.complex) throw new MathError('internal', `${solutions.length} certified complex solutions, solve counted ${s.complex}`);
  return list(
    solutions.map((z) => {
      let error = 0;
      const point = z.coordinates.map((c) => {
        const re = midpointAndError(c.re);
        const im = midpointAndError(c.im);
        error = Math.max(error, re.error + im.error);
        return list([float(re.value), float(im.value)]);
      });
      return record({ point: list(point), error: float(error), real: bool(z.disk.real), multiplicity: int(z.multiplicity) });
    }),
  );
}

/** A real point argument whose coordinates are the variables of `ring`. */
function pointOfRing(ctx: CallContext, ring: RingData, v: ObjectValue<PointData>, index: number): PointData {
  if (v.data.ring.id !== ring.id) {
    fail('ring-mismatch', `the point is a point of ${v.data.ring.poly.toString()}, not of ${ring.poly.toString()}`, ctx.argSpans[index]!);
  }
  return v.data;
}

/** The ring and handle of an ideal-like argument (an ideal, a polynomial or a list). */
function idealArgument(ctx: CallContext, v: Value, index = 0): { ring: RingData; R: PolyRing<unknown>; I: Ideal<unknown> } {
  const ring = ringOfValues(ctx, [v]);
  return { ring, R: ring.poly, I: expectIdeal(ctx, ring, v, index) };
}

/** A fresh ideal value with the generators of a computed result. */
function newIdeal(ring: RingData, gens: readonly Poly<unknown>[]): Value {
  return idealValue(ring, new ideals.Ideal(ring.poly, gens));
}

function polyList(ring: RingData, ps: readonly Poly<unknown>[]): Value {
  return list(ps.map((p) => poly(ring, p)));
}

/** A matrix whose entries are polynomials or numbers, in one ring. */
function polyMatrix(ctx: CallContext, v: Value, index: number): { ring: RingData; rows: Poly<unknown>[][] } {
  if (!isMatrix(v)) return fail('type', `argument ${index + 1} must be a matrix, got ${kindWord(v)}`, ctx.argSpans[index] ?? ctx.span);
  const ring = ringOfValues(ctx, v.items.flatMap((r) => r.items));
  return { ring, rows: v.items.map((r) => r.items.map((x) => coerceToPoly(ring, x, ctx.argSpans[index] ?? ctx.span))) };
}

function isNumericMatrix(v: Value): boolean {
  return isMatrix(v) && v.items.every((r) => r.items.every((x) => x.kind === 'number'));
}

function ratMatrixValue(M: readonly (readonly Rat[])[]): Value {
  return list(M.map((row) => list(row.map((x) => num(x)))));
}

/** The `certified = true/false` keyword (false when absent). */
function certifiedAsked(ctx: CallContext, kwargs: ReadonlyMap<string, Value>): boolean {
  const c = kwargs.get('certified');
  if (c && c.kind !== 'bool') fail('type', `certified must be true or false, got ${kindWord(c)}`, ctx.kwargSpans.get('certified') ?? ctx.span);
  return c?.kind === 'bool' && c.value;
}

/**
 * A number read off the Hilbert series by the modular route (../../math/modular-series.ts: leading
 * monomials modulo three random primes drawn from a copy of the run's stream, so its other draws do
 * not change), over QQ when no certified answer is asked and the ideal has no basis over QQ yet (a
 * cached one answers for free); undefined otherwise, or when the primes disagree (then the caller
 * reads the basis over QQ).
 */
function modularSeries(ctx: CallContext, handle: Ideal<unknown>, certified: boolean, read: (series: HilbertSeries) => bigint): { value: bigint; provenance: Provenance } | undefined {
  if (certified || !isRationalField(handle.ring.field) || handle.cachedGroebner({ kind: 'grevlex' }) || handle.cachedGroebner()) return undefined;
  const m = hilbertSeriesModulo(handle.ring as PolyRing<Rat>, handle.gens as readonly Poly<Rat>[], new Random(quietSeed(ctx)), options(ctx));
  if (!m) return undefined;
  return { value: read(m.series), provenance: { ...m.provenance, seed: seedOf(ctx.random) } };
}

/** An integer read off an ideal (dim, degree, ...), with how it was obtained. */
function counted(d: { readonly value: number | bigint; readonly provenance: Provenance }): Value {
  return withProvenance(int(d.value), d.provenance);
}

/** The ideal computed by a traced composite operation (elimination, saturation, ...). */
function computedIdeal(ring: RingData, r: { readonly value: readonly Poly<unknown>[]; readonly provenance: Provenance }): Value {
  return withProvenance(newIdeal(ring, r.value), r.provenance);
}

defineBuiltins([
  {
    name: 'ideal',
    signature: 'ideal(f, ...) or ideal([f, ...])',
    summary: 'The ideal generated by some polynomials of one ring.',
    examples: ['ring R = QQ[x, y];\nideal(x^2 - y, x*y - 1)'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: Infinity,
    returns: 'ideal',
    call(ctx, args) {
      const items = args.length === 1 && args[0]!.kind === 'list' ? args[0]!.items : args;
      if (args.length === 1 && args[0]!.kind === 'ideal') return args[0]!;
      const ring = ringOfValues(ctx, items);
      return newIdeal(ring, items.map((x, i) => expectPoly(ctx, ring, x, Math.min(i, args.length - 1))));
    },
  },
  {
    name: 'gens',
    signature: 'gens(I)',
    summary: 'The generators of an ideal, as a list.',
    examples: ['ring R = QQ[x, y];\ngens(ideal(x, y^2))'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [v]) {
      const { ring, I } = idealArgument(ctx, v!);
      return polyList(ring, I.gens);
    },
  },
  {
    name: 'gb',
    signature: 'gb(I, algorithm = "auto", certified = false)',
    summary:
      'The reduced Gröbner basis of an ideal in its ring\'s monomial order, as a list. algorithm: "auto", "buchberger", "f4" (GF(p)), "modular" (QQ) or "parametric" (QQ(t), GF(p)(t): through QQ[x, t] with x >> t). Over QQ the default multi-modular basis is probabilistic (see how(...)); certified = true proves it (exact verification, or Buchberger\'s algorithm when that cannot prove it), and the ideal keeps the certified basis for later queries.',
    examples: [
      'ring R = QQ[x, y, order = lex];\ngb(ideal(x^2 + y^2 - 1, x - y))  // [y^2 - 1/2, x - y]',
      'ring R = QQ[x, y];\nhow(gb(ideal(x^2 - y, x*y - 1), certified = true)).certified  // true',
    ],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['algorithm', 'certified'],
    call(ctx, [v], kwargs) {
      const { ring, I } = idealArgument(ctx, v!);
      const a = kwargs.get('algorithm');
      const algorithm = (a ? expectString(ctx, a, 1) : 'auto') as GroebnerAlgorithm;
      if (!['auto', 'buchberger', 'f4', 'modular', 'parametric'].includes(algorithm)) {
        fail('domain', `unknown algorithm '${algorithm}' (auto, buchberger, f4, modular or parametric)`, ctx.kwargSpans.get('algorithm') ?? ctx.span);
      }
      const c = kwargs.get('certified');
      if (c && c.kind !== 'bool') fail('type', `certified must be true or false, got ${kindWord(c)}`, ctx.kwargSpans.get('certified') ?? ctx.span);
      const certified = c?.kind === 'bool' && c.value;
      const g = I.groebner({ ...options(ctx), algorithm, certified });
      return withProvenance(polyList(ring, g.basis), g.provenance);
    },
  },
  {
    name: 'nf',
    signature: 'nf(f, I)',
    summary: 'The normal form of f modulo the ideal I (the remainder on division by its reduced Gröbner basis).',
    examples: ['ring R = QQ[x, y];\nnf(x^3, ideal(x^2 - y))  // x*y'],
    category: 'algebra',
    minArgs: 2,
    maxArgs: 2,
    call(ctx, [f, I]) {
      const { ring, I: handle } = idealArgument(ctx, I!, 1);
      const r = handle.normalForm(expectPoly(ctx, ring, f!, 0), options(ctx));
      return withProvenance(poly(ring, r.value), r.provenance);
    },
  },
  {
    name: 'member',
    signature: 'member(f, I)',
    summary: 'Whether f lies in the ideal I.',
    examples: ['ring R = QQ[x, y];\nmember(x^3 - x*y, ideal(x^2 - y))  // true'],
    category: 'algebra',
    minArgs: 2,
    maxArgs: 2,
    call(ctx, [f, I]) {
      const { ring, I: handle } = idealArgument(ctx, I!, 1);
      const r = handle.contains(expectPoly(ctx, ring, f!, 0), options(ctx));
      return withProvenance(bool(r.value), r.provenance);
    },
  },
  {
    name: 'eliminate',
    signature: 'eliminate(I, [x, y])',
    summary: 'The elimination ideal: the polynomials of I free of the given variables.',
    examples: ['ring R = QQ[t, x, y];\neliminate(ideal(x - t^2, y - t^3), [t])  // ideal(x^3 - y^2)'],
    category: 'algebra',
    minArgs: 2,
    maxArgs: 2,
    returns: 'ideal',
    call(ctx, [I, vars]) {
      const { ring, R, I: handle } = idealArgument(ctx, I!);
      const eliminated = expectVariables(ctx, ring, vars!, 1);
      return computedIdeal(ring, ideals.traced('elimination', R, options(ctx), (o) => ideals.eliminate(R, handle.gens, eliminated, o)));
    },
  },
  {
    name: 'saturate',
    signature: 'saturate(I, J)',
    summary: 'The saturation I : J^∞ (removes the components of V(I) inside V(J)).',
    examples: ['ring R = QQ[x, y];\nsaturate(ideal(x^2*y, x*y^2), ideal(x))  // ideal(y)'],
    category: 'algebra',
    minArgs: 2,
    maxArgs: 2,
    returns: 'ideal',
    call(ctx, [I, J]) {
      const { ring, R, I: handle } = idealArgument(ctx, I!);
      const by = expectGenerators(ctx, ring, J!, 1);
      return computedIdeal(ring, ideals.traced('saturation', R, options(ctx), (o) => ideals.saturate(R, handle.gens, by, o)));
    },
  },
  {
    name: 'quotient',
    signature: 'quotient(I, J)',
    summary: 'The ideal quotient I : J = { f : f·J ⊆ I }.',
    examples: ['ring R = QQ[x, y];\nquotient(ideal(x*y), ideal(x))  // ideal(y)'],
    category: 'algebra',
    minArgs: 2,
    maxArgs: 2,
    returns: 'ideal',
    call(ctx, [I, J]) {
      const { ring, R, I: handle } = idealArgument(ctx, I!);
      const by = expectGenerators(ctx, ring, J!, 1);
      return computedIdeal(ring, ideals.traced('quotient', R, options(ctx), (o) => ideals.quotient(R, handle.gens, by, o)));
    },
  },
  {
    name: 'intersect',
    signature: 'intersect(I, J, ...)',
    summary: 'The intersection of some ideals of one ring.',
    examples: ['ring R = QQ[x, y];\nintersect(ideal(x), ideal(y))  // ideal(x*y)'],
    category: 'algebra',
    minArgs: 2,
    maxArgs: Infinity,
    returns: 'ideal',
    call(ctx, args) {
      const ring = ringOfValues(ctx, args);
      const parts = args.map((a, i) => expectGenerators(ctx, ring, a, i));
      return computedIdeal(
        ring,
        ideals.traced('intersection', ring.poly, options(ctx), (o) => parts.slice(1).reduce((acc, J) => ideals.intersect(ring.poly, acc, J, o), parts[0]!)),
      );
    },
  },
  {
    name: 'radical',
    signature: 'radical(I)',
    summary:
      "The radical of I: for a zero-dimensional ideal by Seidenberg's lemma (any field), in positive dimension over QQ as the intersection of its minimal primes (see minimalPrimes).",
    examples: ['ring R = QQ[x];\nradical(ideal(x^3))  // ideal(x)', 'ring R = QQ[x, y, z];\nradical(ideal(x^2, x*y))  // ideal(x)'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    returns: 'ideal',
    call(ctx, [I]) {
      const { ring, I: handle } = idealArgument(ctx, I!);
      const r = radicalInAnyDimension(handle, { ...options(ctx), seed: quietSeed(ctx) });
      return withProvenance(idealValue(ring, r.value), r.provenance);
    },
  },
  {
    name: 'dim',
    signature: 'dim(I)',
    summary: 'The Krull dimension of R/I: the dimension of the affine variety (-1 for the unit ideal).',
    examples: ['ring R = QQ[x, y, z];\ndim(ideal(x*y, x*z))  // 2'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [I]) {
      return counted(idealArgument(ctx, I!).I.dimension(options(ctx)));
    },
  },
  {
    name: 'codim',
    signature: 'codim(I)',
    summary: 'The codimension of I: the number of variables minus dim(I).',
    examples: ['ring R = QQ[x, y, z];\ncodim(ideal(x, y))  // 2'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [I]) {
      return counted(idealArgument(ctx, I!).I.codimension(options(ctx)));
    },
  },
  {
    name: 'degree',
    signature: 'degree(I, multiplicity = true, certified = false) or degree(f)',
    summary:
      'The degree of an ideal (from its Hilbert polynomial; the number of solutions with multiplicity when zero-dimensional; over QQ from the leading monomials of the grevlex bases modulo three random primes, which must agree: probabilistic, how(...) gives the primes and the error bound; certified = true reads it off a certified basis over QQ); degree(I, multiplicity = false) is the degree of the reduced variety V(I) (the sum of the degrees of its top-dimensional components). For a variety the default is the reduced degree and multiplicity = true gives the degree of its scheme. For a polynomial f: its total degree.',
    examples: ['ring R = QQ[x, y];\ndegree(ideal(x^2 + y^2 - 1, x - y))  // 2', 'ring R = QQ[x, y];\ndegree(x^3*y + 1)  // 4'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['multiplicity', 'certified'],
    call(ctx, [I], kwargs) {
      if (I!.kind === 'poly') return int(I!.ring.poly.degree(I!.poly));
      const handle = idealArgument(ctx, I!).I;
      const certified = certifiedAsked(ctx, kwargs);
      if (multiplicityAsked(ctx, kwargs, true)) return counted(modularSeries(ctx, handle, certified, seriesDegree) ?? handle.degree({ ...options(ctx), certified }));
      return counted(reducedDegree(handle, { ...options(ctx), seed: quietSeed(ctx) }));
    },
  },
  {
    name: 'vdim',
    signature: 'vdim(I, certified = false)',
    summary:
      'The dimension of R/I as a vector space (zero-dimensional ideals only). Over QQ from the leading monomials of the grevlex bases modulo three random primes, which must agree (probabilistic: how(...) gives the primes and the error bound; no basis over QQ); certified = true reads it off a certified basis over QQ.',
    examples: ['ring R = QQ[x, y];\nvdim(ideal(x^2, y^3))  // 6'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['certified'],
    call(ctx, [I], kwargs) {
      const handle = idealArgument(ctx, I!).I;
      const certified = certifiedAsked(ctx, kwargs);
      const modular = modularSeries(ctx, handle, certified, (series) => {
        if (series.power > 0) throw new MathError('not-zero-dimensional', `the ideal has positive dimension ${series.power}; vdim needs finitely many solutions`);
        return seriesDegree(series);
      });
      return counted(modular ?? handle.vdim({ ...options(ctx), certified }));
    },
  },
  {
    name: 'hilbertSeries',
    signature: 'hilbertSeries(I)',
    summary:
      'The Hilbert series of R/I (affine Hilbert function for inhomogeneous I): numerator(t)/(1 - t)^power in lowest terms, a series with the fields numerator (a list of coefficients from t^0), power and text.',
    examples: ['ring R = QQ[x, y, z];\nhilbertSeries(ideal(x^2, y^3)).text'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [I]) {
      const { value: series, provenance } = idealArgument(ctx, I!).I.hilbertSeries(options(ctx));
      return withProvenance(seriesValue(series.numerator, series.power), provenance);
    },
  },
  {
    name: 'solve',
    signature: 'solve(I, digits = 30, method = "exact", certified = false)',
    summary:
      'Solves a zero-dimensional system: {complex, real, points, solutions} with the exact numbers of distinct complex and real solutions, the real points, each an exact real point (printed to `digits` significant digits, 30 by default, sorted by those decimals; p[i] is an exact real algebraic number), and every complex solution certified: {point: [[re, im], ...] floats, error (a certified bound on the distance of every printed coordinate to the exact one), real, multiplicity}. A lazy record: .complex alone does not isolate real roots; .real and .points do, .solutions certifies complex roots (printing the record computes every field). Over QQ the counts come from a parametrization lifted from primes (probabilistic, see how(...)); certified = true proves them: the parametrization is checked exactly over QQ and a certified Gröbner basis bounds the number of solutions. method = "numerical" (square systems over QQ): homotopy continuation with every solution certified by interval arithmetic (Krawczyk), complete when their number reaches the exact count; adds {certified, complete, expected, paths, failed}, points to at most 15 digits (as many as their enclosures prove); start = "auto" (default: the partition of the variables with the smallest multihomogeneous Bezout number, the total degree when none is smaller), "total-degree" or "multihomogeneous" (a linear-product start), groups = [[x, y], [z]] a partition of the variables for it. method = "monodromy": the same record plus {loops, base}, by monodromy on F(x) - p (see monodromy).',
    examples: ['ring R = QQ[x, y];\nsolve(ideal(x^2 + y^2 - 1, x - y)).real  // 2', 'ring R = QQ[x, y];\nlet p = solve(ideal(x^2 + y^2 - 1, x - y)).points[2];\np[1]^2 == 1/2  // true', 'ring R = QQ[x, y];\nsolve(ideal(x^2 + y^2 + 1, x - y)).solutions[1].real  // false'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['digits', 'method', 'certified', 'start', 'groups'],
    call(ctx, [I], kwargs) {
      const { I: handle, ring } = idealArgument(ctx, I!);
      const d = kwargs.get('digits');
      const digits = d ? expectSmallInt(ctx, d, 1, 1, 1000) : 30;
      const c = kwargs.get('certified');
      if (c && c.kind !== 'bool') fail('type', `certified must be true or false, got ${kindWord(c)}`, ctx.kwargSpans.get('certified') ?? ctx.span);
      const certified = c?.kind === 'bool' && c.value;
      const method = numericalMethod(ctx, kwargs, 2);
      const starting = startOptions(ctx, kwargs, ring, 2, method);
      if (method) {
        const R = rationalSystem(ctx, handle.ring);
        const gens = handle.gens as readonly Poly<Rat>[];
        return numericalSolveValue(ctx, R, gens, digits, expectedCount(ctx, R, gens), method, undefined, starting);
      }
      // A lazy record: the dimension check at the call (over QQ modulo one prime, with no basis over QQ,
      // a positive dimension confirmed on the exact basis; on the handle's basis otherwise); `.complex`
      // by the count; `.real` and `.points` by the full solve (real roots).
      const seed = ctx.random.nextUint32();
      const opts = { ...options(ctx), seed, digits, certified };
      const modulo = !certified && isRationalField(handle.ring.field);
      const g = modulo ? undefined : handle.graded(opts);
      let solved: { readonly s: SolveResult; readonly how: Provenance } | undefined;
      const full = () => {
        if (!solved) {
          const { value: s, provenance } = ideals.solveIdeal(handle, opts);
          solved = { s, how: { ...provenance, seed: seedOf(ctx.random), note: `${provenance.note ? `${provenance.note}; ` : ''}the separating linear form of the points is drawn from the random stream of the run` } };
          // The record now says how its most complete route went (the REPL's type line, --json).
          withProvenance(result, solved.how);
        }
        return solved;
      };
      const field = <T extends Value>(read: (s: SolveResult) => T) => () => {
        const { s, how } = full();
        return withProvenance(read(s), how);
      };
      const result = record({
        complex: () => {
          if (solved) return withProvenance(int(solved.s.complex), solved.how);
          const { value: count, provenance } = ideals.countIdealSolutions(handle, opts);
          return withProvenance(int(count.complex), { ...provenance, seed: seedOf(ctx.random) });
        },
        real: field((s) => (s.real === null ? str('n/a') : int(s.real))),
        points: field((s) => list(realPoints(ctx, ring, s, digits))),
        solutions: field((s) => complexSolutionValues(ctx, s)),
      });
      const check = modulo ? dimensionModulo(handle.ring as PolyRing<Rat>, handle.gens as readonly Poly<Rat>[], opts) : undefined;
      const positive = check ? check.dimension > 0 && handle.dimension(opts).value > 0 : handle.dimension(opts).value > 0;
      if (positive) full(); // raises the solver's positive-dimensional error at the call
      return withProvenance(result, derivedProvenance('solve', g ? [g.provenance] : [], 0, {
        field: handle.ring.field.name,
        seed: seedOf(ctx.random),
        note: 'fields computed on first read: .complex by the degree of the modular parametrization over QQ (the distinct count on the quotient algebra where it does not apply), .real and .points by real-root isolation (the record then says how they went)',
      }));
    },
  },
  {
    name: 'diff',
    signature: 'diff(f, x)',
    summary: 'The partial derivative of f with respect to the variable x.',
    examples: ['ring R = QQ[x, y];\ndiff(x^3*y, x)  // 3*x^2*y'],
    category: 'algebra',
    minArgs: 2,
    maxArgs: 2,
    call(ctx, [f, x]) {
      const ring = ringOfValues(ctx, [f!, x!]);
      return poly(ring, ring.poly.diff(expectPoly(ctx, ring, f!, 0), expectVariable(ctx, ring, x!, 1)));
    },
  },
  {
    name: 'jacobian',
    signature: 'jacobian([f, g, ...], [x, y, ...])',
    summary: 'The Jacobian matrix: row i holds the partial derivatives of the i-th polynomial.',
    examples: ['ring R = QQ[x, y];\njacobian([x^2*y, x + y], [x, y])'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 2,
    call(ctx, [fs, xs]) {
      const ring = ringOfValues(ctx, fs!.kind === 'list' ? fs!.items : [fs!]);
      const polys = expectGenerators(ctx, ring, fs!, 0);
      const vars = xs ? expectVariables(ctx, ring, xs, 1) : ring.poly.vars.map((_: string, i: number) => i);
      return list(jacobian(ring.poly, polys, vars).map((row: Poly<unknown>[]) => polyList(ring, row)));
    },
  },
  {
    name: 'hessian',
    signature: 'hessian(f, [x, y, ...]) or hessian(f, p)',
    summary: 'The Hessian matrix of second partial derivatives; at a real point p (solve(I).points) a matrix of exact numbers.',
    examples: ['ring R = QQ[x, y];\nhessian(x^2*y, [x, y])', 'ring R = QQ[x, y];\nhessian(x^3 + x*y^2, solve(ideal(x^2 - 2, y - 1)).points[1])  // [[-8.48528137423857029281013234526, 2], [2, -2.82842712474619009760337744842]]'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 2,
    call(ctx, [f, xs]) {
      const ring = ringOfValues(ctx, [f!]);
      if (xs && isObject(POINT, xs)) {
        // The Hessian at a real point: each second derivative evaluated exactly.
        const at = pointOfRing(ctx, ring, xs, 1);
        const H = hessian(ring.poly, expectPoly(ctx, ring, f!, 0), ring.poly.vars.map((_: string, i: number) => i));
        return list(H.map((row: Poly<unknown>[]) => list(row.map((h) => algebraicValue(at.point.evaluate(h as Poly<Rat>, options(ctx)), at.digits)))));
      }
      const vars = xs ? expectVariables(ctx, ring, xs, 1) : ring.poly.vars.map((_: string, i: number) => i);
      return list(hessian(ring.poly, expectPoly(ctx, ring, f!, 0), vars).map((row: Poly<unknown>[]) => polyList(ring, row)));
    },
  },
  {
    name: 'det',
    signature: 'det(M)',
    summary: 'The determinant of a square matrix of numbers (exact, fraction-free) or of polynomials.',
    examples: ['det([[1, 2], [3, 4]])  // -2'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [M]) {
      if (isNumericMatrix(M!)) {
        const A = expectRationalMatrix(ctx, M!, 0);
        if (A.length !== A[0]!.length) fail('shape', `det needs a square matrix, got ${A.length}×${A[0]!.length}`, ctx.argSpans[0]!);
        return num(determinant(QQ, A));
      }
      const { ring, rows } = polyMatrix(ctx, M!, 0);
      if (rows.length !== rows[0]!.length) fail('shape', `det needs a square matrix, got ${rows.length}×${rows[0]!.length}`, ctx.argSpans[0]!);
      return poly(ring, polyDeterminant(ring.poly, rows));
    },
  },
  {
    name: 'rank',
    signature: 'rank(M)',
    summary: 'The rank of a matrix of exact numbers.',
    examples: ['rank([[1, 2], [2, 4]])  // 1'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call: (ctx, [M]) => int(rank(QQ, expectRationalMatrix(ctx, M!, 0))),
  },
  {
    name: 'inverse',
    signature: 'inverse(M)',
    summary: 'The inverse of a square matrix of exact numbers.',
    examples: ['inverse([[2, 0], [0, 4]])  // [[1/2, 0], [0, 1/4]]'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call: (ctx, [M]) => ratMatrixValue(inverse(QQ, expectRationalMatrix(ctx, M!, 0))),
  },
  {
    name: 'nullspace',
    signature: 'nullspace(M)',
    summary: 'A basis of the right null space {v : M v = 0} of a matrix of exact numbers, as a list of vectors.',
    examples: ['nullspace([[1, 1]])  // [[-1, 1]]'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call: (ctx, [M]) => ratMatrixValue(kernel(QQ, expectRationalMatrix(ctx, M!, 0))),
  },
  {
    name: 'minors',
    signature: 'minors(M, k)',
    summary: 'The ideal of all k×k minors of a matrix of polynomials.',
    examples: ['ring R = QQ[a, b, c, d];\nminors([[a, b], [c, d]], 2)  // ideal(-b*c + a*d)'],
    category: 'algebra',
    minArgs: 2,
    maxArgs: 2,
    returns: 'ideal',
    call(ctx, [M, k]) {
      const { ring, rows } = polyMatrix(ctx, M!, 0);
      const size = expectSmallInt(ctx, k!, 1, 1, Math.min(rows.length, rows[0]!.length));
      return newIdeal(ring, minors(ring.poly, rows, size));
    },
  },
  {
    name: 'subs',
    signature: 'subs(f, x = a, y = b, ...) or subs(f, [x, y], [a, b]) or subs(f, p)',
    summary: 'Substitutes values or polynomials for variables (simultaneously); subs(f, p) is the exact value of f at a real point p (solve(I).points).',
    examples: ['ring R = QQ[x, y, t];\nsubs(x^2 + y, x = 1, y = t)  // t + 1', 'ring R = QQ[x, y];\nsubs(x^2 + y^2, solve(ideal(x^2 + y^2 - 1, x - y)).points[1])  // 1'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 3,
    keywords: 'any',
    call(ctx, args, kwargs) {
      const f = args[0]!;
      const ring = ringOfValues(ctx, [f]);
      const R = ring.poly;
      if (args.length === 2 && isObject(POINT, args[1])) {
        const at = pointOfRing(ctx, ring, args[1], 1);
        if (kwargs.size > 0) fail('keyword', 'subs(f, p) takes no substitutions besides the point', ctx.span);
        return algebraicValue(at.point.evaluate(expectPoly(ctx, ring, f, 0) as Poly<Rat>, options(ctx)), at.digits);
      }
      const images = R.vars.map((_: string, i: number) => R.variable(i));
      if (args.length === 3) {
        const vars = expectVariables(ctx, ring, args[1]!, 1);
        const values = args[2]!.kind === 'list' ? args[2]!.items : [args[2]!];
        if (values.length !== vars.length) fail('shape', 'subs needs as many values as variables', ctx.span);
        vars.forEach((v, i) => (images[v] = coerceToPoly(ring, values[i]!, ctx.argSpans[2]!)));
      } else if (args.length === 2) {
        fail('arity', 'subs takes f and keyword substitutions, f, a list of variables and a list of values, or f and a real point', ctx.span);
      }
      for (const [name, value] of kwargs) {
        const i = R.vars.indexOf(name);
        if (i < 0) fail('unknown-name', `${name} is not a variable of ${R.toString()}`, ctx.kwargSpans.get(name) ?? ctx.span);
        images[i] = coerceToPoly(ring, value, ctx.kwargSpans.get(name) ?? ctx.span);
      }
      const p = expectPoly(ctx, ring, f, 0);
      const result = R.compose(p, R, images, (c: unknown) => c);
      return R.isConstant(result) && isRationalField(ring.poly.field) ? num(R.constantCoeff(result) as Rat) : poly(ring, result);
    },
  },
  {
    name: 'coefficient',
    signature: 'coefficient(f, m)',
    summary: 'The coefficient of the monomial m in f (a number).',
    examples: ['ring R = QQ[x, y];\ncoefficient(3*x^2*y - x, x^2*y)  // 3'],
    category: 'algebra',
    minArgs: 2,
    maxArgs: 2,
    call(ctx, [f, m]) {
      const ring = ringOfValues(ctx, [f!, m!]);
      const R = ring.poly;
      const mono = expectPoly(ctx, ring, m!, 1);
      if (mono.mons.length !== 1) fail('type', 'the second argument must be a monomial', ctx.argSpans[1]!);
      const p = expectPoly(ctx, ring, f!, 0);
      const k = p.mons.findIndex((x) => R.order.compare(x, mono.mons[0]!) === 0);
      const c = k < 0 ? R.field.zero : p.coeffs[k];
      return isRationalField(R.field) ? num(c as Rat) : int(BigInt(R.field.toString(c)));
    },
  },
  {
    name: 'terms',
    signature: 'terms(f)',
    summary: 'The terms of f (coefficient times monomial), in decreasing monomial order.',
    examples: ['ring R = QQ[x, y];\nterms(3*x^2 - y + 1)  // [3*x^2, -y, 1]'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [f]) {
      const ring = ringOfValues(ctx, [f!]);
      const p = expectPoly(ctx, ring, f!, 0);
      return list(p.mons.map((m, k) => poly(ring, ring.poly.term(p.coeffs[k], m))));
    },
  },
  {
    name: 'expand',
    signature: 'expand(f)',
    summary: 'f in expanded canonical form (polynomials are always kept expanded, so this returns f).',
    examples: ['ring R = QQ[x, y];\nexpand((x + y)^2)  // x^2 + 2*x*y + y^2'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [f]) {
      const ring = ringOfValues(ctx, [f!]);
      return poly(ring, expectPoly(ctx, ring, f!, 0));
    },
  },
  {
    name: 'leadTerm',
    signature: 'leadTerm(f)',
    summary: "The leading term of f in its ring's monomial order.",
    examples: ['ring R = QQ[x, y];\nleadTerm(y^2 + 3*x^3)  // 3*x^3'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [f]) {
      const ring = ringOfValues(ctx, [f!]);
      const p = expectPoly(ctx, ring, f!, 0);
      return poly(ring, p.mons.length === 0 ? p : ring.poly.term(p.coeffs[0], p.mons[0]!));
    },
  },
  {
    name: 'vars',
    signature: 'vars(R)',
    summary: 'The variables of a ring (or of the ring of a polynomial or ideal), as a list.',
    examples: ['ring R = QQ[x, y];\nvars(R)  // [x, y]'],
    category: 'algebra',
    minArgs: 0,
    maxArgs: 1,
    call(ctx, args) {
      const ring = args.length ? ringOfValues(ctx, args) : ctx.currentRing();
      return list(ring.poly.vars.map((_: string, i: number) => poly(ring, ring.poly.variable(i))));
    },
  },
  {
    name: 'ringOf',
    signature: 'ringOf(x)',
    summary: 'The ring of a polynomial, ideal or variety (use it with `use`).',
    examples: ['ring R = QQ[x];\nringOf(x^2)'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call: (ctx, [v]) => ({ kind: 'ring', ring: ringOfValues(ctx, [v!]) }),
  },
  {
    name: 'how',
    signature: 'how(x)',
    summary:
      'How a computed value was obtained: {algorithm, field, order, primes, certified, errorBound, seed, seconds, note, from} (none where a field does not apply; from lists the provenance of the inputs, e.g. the Gröbner basis a dimension was read off), or none for a value no built-in computed. certified is false for a probabilistic result; errorBound then says what is known of its chance of being wrong.',
    examples: [
      'ring R = QQ[x, y];\nlet I = ideal(x^2 + y^2 - 1, x - y);\nhow(gb(I)).algorithm  // modular',
      'ring R = QQ[x, y];\nhow(dim(ideal(x*y))).from[1].certified  // false',
      'how(1 + 1)  // none',
    ],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call(_ctx, [v]) {
      const p = provenanceOf(v!);
      return p ? provenanceRecord(p) : NONE;
    },
  },
  {
    name: 'factor',
    signature: 'factor(f)',
    summary:
      'The factorization of f over QQ into irreducible factors with multiplicities (square-free decomposition, Berlekamp–Zassenhaus for one variable, Hensel lifting from a seeded random point for several), or of f in one variable over GF(p), p odd (monic factors, Cantor–Zassenhaus); it prints as 2 * (x - 1)^2 * (x + 1) and has the fields unit, factors, multiplicities and product. Certified: the product is checked exactly and the recombination is exhaustive.',
    examples: ['ring R = QQ[x, y];\nfactor(2*x^3 - 2*x*y^2)  // 2 * x * (x - y) * (x + y)', 'ring R = QQ[x];\nfactor(x^4 - 1).factors  // [x + 1, x - 1, x^2 + 1]'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    returns: 'factorization',
    call(ctx, [f]) {
      const ring = ringOfValues(ctx, [f!]);
      const seed = ctx.random.nextUint32();
      if (isWordPrimeField(ring.poly.field)) {
        const R = ring.poly as PolyRing<number>;
        const { value, seconds } = timed(() => factorModularPolynomial(R, expectPoly(ctx, ring as TypedRing<number>, f!, 0), { ...options(ctx), seed }));
        const unit = (R.field as SmallPrimeField).symmetric(value.unit);
        const provenance: Provenance = { algorithm: 'square-free+distinct-degree+cantor-zassenhaus', field: R.field.name, certified: true, seed, seconds, note: 'factors checked by multiplying back' };
        return withProvenance(factorizationValue({ ring, unit: { num: BigInt(unit), den: 1n }, factors: value.factors }), provenance);
      }
      expectRationalRing(ctx, ring, 0, 'factor');
      const p = expectPoly(ctx, ring, f!, 0);
      const { value, seconds } = timed(() => factorPolynomial(ring.poly, p, { ...options(ctx), seed }));
      const provenance: Provenance = {
        algorithm: ring.poly.support(p).length > 1 ? 'yun+zassenhaus+wang-hensel' : 'yun+zassenhaus',
        field: 'QQ',
        certified: true,
        seed,
        seconds,
        note: `factors checked by multiplying back; exhaustive recombination of ${value.maxImageFactors} modular or univariate image factors at most`,
      };
      return withProvenance(factorizationValue({ ring, unit: value.unit, factors: value.factors }), provenance);
    },
  },
  {
    name: 'minimalPrimes',
    signature: 'minimalPrimes(I)',
    summary:
      'The minimal primes of I over QQ in any dimension (the ideals of the irreducible components of V(I)), as a list of ideals given by reduced Gröbner bases: splitting by factorization, then maximal independent sets and contraction from Q(U) (Gianni–Trager–Zacharias); each is proved prime by a degree count over Q(U).',
    examples: ['ring R = QQ[x, y, z];\nminimalPrimes(ideal(x*y, x*z))  // [ideal(x), ideal(z, y)]', 'ring R = QQ[x, y];\nminimalPrimes(ideal(x^2 - 2*y^2))  // [ideal(x^2 - 2*y^2)]'],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [I]) {
      const { ring, I: handle } = idealArgument(ctx, I!);
      expectRationalRing(ctx, ring, 0, 'minimal primes');
      const r = minimalPrimesOf(handle, { ...options(ctx), seed: quietSeed(ctx) });
      return withProvenance(list(r.value.map((P) => withProvenance(idealValue(ring, P), r.provenance))), r.provenance);
    },
  },
  {
    name: 'components',
    signature: 'components(X)',
    summary:
      'The irreducible components over QQ of a variety X (or of V(I) for an ideal I), as a list of varieties, highest dimension first: isolated points are components of dimension 0, and dim, degree and gens apply to each (from minimalPrimes).',
    examples: [
      'ring R = QQ[x, y, z];\ncomponents(V(x*(x - 1), x*y, x*z, (x - 1)*(y*z - 1)))  // [V(x, y*z - 1), V(z, y, x - 1)]',
      'ring R = QQ[x, y, z];\nmap(dim, components(V(x*y, x*z)))  // [2, 1]',
    ],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [X]) {
      let ring: RingData;
      let variety: G.Variety;
      if (isObject(VARIETY, X!)) {
        ({ ring, variety } = X.data);
      } else {
        const arg = idealArgument(ctx, X!);
        ring = arg.ring;
        expectRationalRing(ctx, ring, 0, 'components');
        variety = G.variety(ring.poly, arg.I.gens as readonly Poly<Rat>[]);
      }
      const { value, seconds } = timed(() => G.components(variety, { ...options(ctx), seed: quietSeed(ctx) }));
      const how = provenanceOf(X!);
      void how;
      const provenance = { ...value.provenance, seconds };
      return withProvenance(list(value.parts.map((C) => withProvenance(varietyValue(ring, C), provenance))), provenance);
    },
  },
]);
