// Network built-ins: architectures and their function spaces, losses (data, generalized L2,
// teacher–student), stationary points with Morse indices, pure/spurious classification, flatness and
// NNLS. Arguments are read here and handed to src/networks; nothing mathematical happens here.
import { QQ, type Rat } from '../../math/field.js';
import { ratToFloat } from '../../math/rat-float.js';
import type { Poly, PolyRing } from '../../math/poly.js';
import type { ComputeOptions } from '../../math/progress.js';
import {
  type Activation,
  type DimensionReport,
  type Network,
  diagonalNetwork,
  fmapList,
  linearNetwork,
  randomPrime,
  shallowNetwork,
} from '../../networks/architectures.js';
import { evaluateFloat, flattestFactorization, traceHessian } from '../../networks/flatness.js';
import { flattestZeroLoss, type FlattestResult } from '../../networks/flattest.js';
import { type RecoveryLoss, bilinearLoss, completionLoss, robustPcaLoss, sensingLoss } from '../../networks/recovery.js';
import { doubleToDyadic, dyadicToRat } from '../../math/interval/dyadic.js';
import type { Span } from '../ast.js';
import { functionSpaceVariety } from '../../networks/function-space.js';
import {
  type Regularization,
  empiricalMoments,
  gaussianMoments,
  randomWeights,
  squaredLoss,
  targetFromPolynomial,
  targetFromQuadraticForm,
  teacherLoss,
} from '../../networks/losses.js';
import { constantMatrix, familyEmpiricalMoments, familyGaussianMoments, familySquaredLoss, familyTargetFromQuadraticForm, familyTeacherLoss } from '../../networks/family-losses.js';
import { stationarySetValue, symmetricStationaryValue, teacherDiscriminantValue } from './symmetry.js';
import { type SymbolicMatrix, familyBase, familyRingOf, parameterRing, symbolicMatrix, symbolicRegularization } from './network-families.js';
import { NNLS_METHODS, type NnlsMethod, type Scalar, nnls } from '../../networks/nnls.js';
import {
  type RealStationaryPoint,
  type StationaryRealCount,
  type StationaryResult,
  linearNetworkPurity,
  stationaryCountModular,
  stationaryPoints,
  stationaryRealCount,
} from '../../networks/stationary.js';
import { timed, type Provenance } from '../../math/provenance.js';
import { fail } from '../diagnostics.js';
import { FLOAT_MATRIX } from '../objects/float-matrix.js';
import { NETWORK, dimensionReport, networkValue, reportValue, type NetworkData } from '../objects/network.js';
import { reportedProvenance, seedOf, withProvenance } from '../provenance.js';
import { VARIETY, varietyValue } from '../objects/variety.js';
import { POINT, POINT_DIGITS, algebraicValue, pointValue } from '../objects/point.js';
import { bool, float, int, isMatrix, isObject, kindWord, list, num, object, poly, record, str, type RingData, type Value } from '../values.js';
import { type RationalRing, expectPoly, expectRationalMatrix, expectSmallInt, expectString, isRationalRing } from './convert.js';
import { floatPointValue, initialPoint, numericalMethod, numericalStationaryValue, numericalSweepValue, startOptions } from './numeric.js';
import { defineBuiltins, type CallContext } from './registry.js';

function options(ctx: CallContext) {
  return { signal: ctx.signal, onProgress: ctx.onProgress };
}

function spanOf(ctx: CallContext, index: number) {
  return ctx.argSpans[index] ?? ctx.span;
}

function kwSpan(ctx: CallContext, name: string) {
  return ctx.kwargSpans.get(name) ?? ctx.span;
}

function expectNetwork(ctx: CallContext, v: Value | undefined, index = 0): NetworkData {
  if (isObject(NETWORK, v)) return v.data;
  return fail('type', `argument ${index + 1} must be a network (linear, shallow or diagonal), got ${v ? kindWord(v) : 'nothing'}`, spanOf(ctx, index));
}

/** The error bound of a complex count modulo a random prime. */
const RANDOM_PRIME_BOUND =
  'probabilistic: counted modulo a random 26-bit prime p, equal to the count over QQ unless p is one of the finitely many bad primes (dividing a denominator, a leading coefficient or a discriminant met on the way)';

/**
 * `stationary(L)` as a lazy record: each field is computed on its first read, by the cheapest route
 * that answers it. At the call, only the complex count modulo a random large prime (F4 over GF(p)),
 * which also detects a positive-dimensional set of stationary points (then the exact route runs at
 * once, to report its dimension). `.complex` is that count (probabilistic, labelled so), unless an
 * exact route already ran; `.real` counts real roots exactly without Morse indices
 * (stationaryRealCount: the real roots of the parametrization's W, or of the orbits' W when L has sign
 * symmetries); `.minima`, `.indices` and `.degenerate` run the Morse-index route (stationaryPoints: by
 * the orbits of L's sign symmetries when it has some, src/networks/sign-symmetry.ts, else interval
 * inertia on the parametrization, reusing the one `.real` computed), and `.points` (exact points) the
 * whole gradient ideal's parametrization; their counts then answer `.complex` and `.real` too. The seed and the
 * prime are drawn at the call, so the values do not depend on the order of the reads.
 */
/**
 * One entry of stationary(L).points: {point, value, index}. point is a real point value (exact, or a
 * point of a sign orbit); value is L there as an exact number (for an orbit point a number of Q(θ): L is
 * invariant), computed on first read; on the fallback route of a non-radical gradient ideal the
 * coordinates and the value are decimals.
 */
function stationaryPointRecord(ring: RingData, f: Poly<Rat>, p: RealStationaryPoint, compute: ComputeOptions): Value {
  const at = p.point;
  if (!at) return record({ point: list(p.coordinates.map((c) => str(c))), value: str(p.value), index: int(p.index) });
  return record({ point: pointValue(at, ring), value: () => algebraicValue(at.evaluate(f, compute), POINT_DIGITS), index: int(p.index) });
}

function stationaryRecord(ctx: CallContext, ring: RingData, R: PolyRing<Rat>, f: Poly<Rat>, certify: boolean): Value {
  const compute = options(ctx);
  const seed = ctx.random.nextUint32();
  const prime = randomPrime(ctx.random);
  const { value: modular, seconds } = timed(() => stationaryCountModular(R, f, prime, compute));
  const set = modular.complex === null ? stationarySetValue(ctx, ring, R, f, modular.bezout, certify) : null;
  if (set) return set; // a positive-dimensional stationary set: its components
  // Over QQ the counts rest on the default (multi-modular, uncertified) Gröbner bases: say so.
  let exact: { readonly s: StationaryResult; readonly how: Provenance } | undefined;
  const routeOf = (s: StationaryResult, seconds: number) => {
    const p = s.provenance;
    const how: Provenance = {
      ...reportedProvenance({ algorithm: p.algorithm, field: p.field, certified: p.certified, note: p.note }, seconds, ctx.random),
      ...(p.primes ? { primes: p.primes } : {}),
      ...(p.order ? { order: p.order } : {}),
    };
    // The record now says how its most complete route went (the REPL's type line, --json).
    withProvenance(result, how);
    return { s, how };
  };
  // The whole gradient ideal's parametrization: the exact route behind a positive-dimensional count modulo p.
  const exactRoute = () => {
    if (!exact) {
      // The parametrization of an earlier .real is reused.
      const parametrization = real?.r.parametrization;
      const { value: s, seconds } = timed(() => stationaryPoints(R, f, { ...compute, seed, certify, signSymmetry: false, ...(parametrization ? { parametrization } : {}) }));
      exact = routeOf(s, seconds);
    }
    return exact;
  };
  // Counts, Morse indices and points: by the orbits of L's sign symmetries when it has some
  // (src/networks/sign-symmetry.ts; points of orbits, src/math/realroots/orbit-point.ts), else (and with
  // certified = true) by the whole gradient ideal (exact points).
  let indexed: { readonly s: StationaryResult; readonly how: Provenance } | undefined;
  const indexRoute = () => {
    if (exact) return exact;
    if (!indexed) {
      const parametrization = real?.r.parametrization;
      const { value: s, seconds } = timed(() => stationaryPoints(R, f, { ...compute, seed, certify, ...(parametrization ? { parametrization } : {}) }));
      indexed = routeOf(s, seconds);
      if (s.points.every((pt) => pt.point !== undefined)) exact = indexed;
    }
    return indexed;
  };
  let real: { readonly r: StationaryRealCount; readonly how: Provenance } | undefined;
  const realRoute = () => {
    const known = exact ?? indexed;
    if (known) return { complex: known.s.complex, real: known.s.real, how: known.how };
    if (!real) {
      const { value: r, seconds } = timed(() => stationaryRealCount(R, f, { ...compute, seed, digits: 5, certify }));
      const primes = r.parametrization?.provenance.primes;
      real = {
        r,
        how: {
          ...reportedProvenance({ algorithm: r.parametrization ? 'parametrization + Descartes' : 'gradient-ideal', field: 'QQ', certified: r.parametrization?.provenance.certified ?? false, note: r.method }, seconds),
          ...(primes ? { primes } : {}),
        },
      };
    }
    return { complex: real.r.complex, real: real.r.real, how: real.how };
  };
  const modularHow = reportedProvenance(
    { algorithm: 'gradient-ideal', field: `GF(${prime})`, certified: false, errorBound: RANDOM_PRIME_BOUND, note: modular.method },
    seconds,
  );
  const fromIndices = (read: (s: StationaryResult) => Value) => () => {
    const e = indexRoute();
    return withProvenance(read(e.s), e.how);
  };
  const result = record({
    complex: () => {
      if (exact || indexed || real || certify || modular.complex === null) {
        const r = realRoute();
        return withProvenance(int(r.complex), r.how);
      }
      return withProvenance(int(modular.complex), modularHow);
    },
    real: () => {
      const r = realRoute();
      return withProvenance(int(r.real), r.how);
    },
    minima: fromIndices((s) => int(s.minima)),
    indices: fromIndices((s) => list(s.indices.map((k) => int(k)))),
    degenerate: fromIndices((s) => int(s.degenerate)),
    bezout: int(modular.bezout),
    points: fromIndices((s) => list(s.points.map((p) => stationaryPointRecord(ring, f, p, compute)))),
  });
  withProvenance(result, {
    ...reportedProvenance(
      {
        algorithm: 'gradient-ideal',
        field: 'QQ',
        certified: false,
        note: `fields computed on first read (how(s.complex), ... say which route answered each): .complex by the count modulo the random prime ${prime} unless an exact route ran first; .real by the real roots of the modular parametrization (of the orbits when L has sign symmetries); .minima, .indices, .degenerate, .points by certified Morse indices (on the orbits when L has sign symmetries: points of the orbits, invariants exact in Q(θ); otherwise, and with certified = true, exact points of the whole gradient ideal's parametrization)`,
      },
      seconds,
      ctx.random,
    ),
  });
  if (modular.complex === null) exactRoute(); // positive-dimensional modulo p: the exact route reports the dimension at the call
  return result;
}

/** A rational matrix given with keyword `name` (X, Y, ...). */
function keywordMatrix(ctx: CallContext, kwargs: ReadonlyMap<string, Value>, name: string): Rat[][] | undefined {
  const v = kwargs.get(name);
  if (!v) return undefined;
  if (!isMatrix(v) || v.items.some((row) => row.items.some((x) => x.kind !== 'number'))) {
    return fail('type', `${name} must be a matrix of exact numbers, got ${kindWord(v)}`, kwSpan(ctx, name));
  }
  return v.items.map((row) => row.items.map((x) => (x as { value: Rat }).value));
}

/** X (inputs × points) and Y (outputs × points) with the network's shape, errors at the keyword. */
function dataMatrices(ctx: CallContext, N: Network, kwargs: ReadonlyMap<string, Value>, what: string): { X: Rat[][]; Y: Rat[][] } {
  const X = keywordMatrix(ctx, kwargs, 'X');
  const Y = keywordMatrix(ctx, kwargs, 'Y');
  if (!X || !Y) return fail('arity', `${what} needs the data: X = inputs (one column per point) and Y = targets`, ctx.span);
  if (X.length !== N.inputs) fail('shape', `X must have ${N.inputs} row${N.inputs === 1 ? '' : 's'} (one per input of ${N.description}), got ${X.length}`, kwSpan(ctx, 'X'));
  if (Y.length !== N.outputs) fail('shape', `Y must have ${N.outputs} row${N.outputs === 1 ? '' : 's'} (one per output of ${N.description}), got ${Y.length}`, kwSpan(ctx, 'Y'));
  if (Y[0]!.length !== X[0]!.length) fail('shape', `Y must have one column per data point, like X (${X[0]!.length}), got ${Y[0]!.length}`, kwSpan(ctx, 'Y'));
  return { X, Y };
}

/** The losses of stationary(N, data = [[X, Y] or [X, Y, reg], ...], reg = R), errors at the keyword. */
function dataDrawLosses(ctx: CallContext, N: Network, data: Value, reg: Value | undefined): Poly<Rat>[] {
  const span = kwSpan(ctx, 'data');
  if (data.kind !== 'list' || data.items.length === 0) return fail('type', `data must be a non-empty list of draws [X, Y] (or [X, Y, reg]), got ${kindWord(data)}`, span);
  const common = regularization(ctx, N, reg);
  return data.items.map((d, k) => {
    if (d.kind !== 'list' || d.items.length < 2 || d.items.length > 3) return fail('type', `draw ${k + 1} of data must be a list [X, Y] or [X, Y, reg]`, span);
    const { X, Y } = dataMatrices(ctx, N, new Map([['X', d.items[0]!], ['Y', d.items[1]!]]), `draw ${k + 1} of data`);
    return squaredLoss(N, X, Y, d.items[2] ? regularization(ctx, N, d.items[2]) : common);
  });
}

function ratMatrixValue(M: readonly (readonly Rat[])[]): Value {
  return list(M.map((row) => list(row.map((x) => num(x)))));
}

function floatMatrixValue(M: readonly (readonly number[])[]): Value {
  return list(M.map((row) => list(row.map((x) => float(x)))));
}

function paramPoly(ctx: CallContext, v: Value | undefined, index: number): { ring: RationalRing; R: PolyRing<Rat>; f: Poly<Rat> } {
  if (!v || v.kind !== 'poly') return fail('type', `argument ${index + 1} must be a polynomial (a loss), got ${v ? kindWord(v) : 'nothing'}`, spanOf(ctx, index));
  const ring = v.ring;
  if (!isRationalRing(ring)) return fail('bad-field', 'this needs a polynomial with rational coefficients (a ring over QQ)', spanOf(ctx, index));
  return { ring, R: ring.poly, f: expectPoly(ctx, ring, v, index) };
}

// --- regularization ---------------------------------------------------------------------------

function numberOf(ctx: CallContext, v: Value, name: string): Rat {
  if (v.kind !== 'number') return fail('type', `the entries of ${name} must be exact numbers, found ${kindWord(v)}`, kwSpan(ctx, name));
  return v.value;
}

/** reg = r | [matrices shaped like the weight families] | [one weight per parameter] | "random". */
function regularization(ctx: CallContext, N: Network, v: Value | undefined): Regularization {
  if (!v) return { kind: 'none' };
  if (v.kind === 'number') return { kind: 'uniform', weight: v.value };
  if (v.kind === 'string') {
    if (v.value !== 'random') fail('domain', `reg must be a number, a list of weight matrices or "random", got "${v.value}"`, kwSpan(ctx, 'reg'));
    return { kind: 'entrywise', weights: randomWeights(N, ctx.random) };
  }
  if (v.kind !== 'list') return fail('type', `reg must be a number, a list of weight matrices or "random", got ${kindWord(v)}`, kwSpan(ctx, 'reg'));
  if (v.items.length === N.ring.nvars && v.items.every((x) => x.kind === 'number')) {
    return { kind: 'entrywise', weights: v.items.map((x) => numberOf(ctx, x, 'reg')) };
  }
  if (v.items.length !== N.families.length) {
    fail('shape', `reg needs ${N.families.length} weight ${N.families.length === 1 ? 'matrix' : 'matrices'} (${N.families.map((f) => `${f.name}: ${f.shape.join('×')}`).join(', ')}) or ${N.ring.nvars} numbers`, kwSpan(ctx, 'reg'));
  }
  const weights: Rat[] = [];
  N.families.forEach((f, k) => {
    const item = v.items[k]!;
    const entries = item.kind === 'list' ? item.items.flatMap((x) => (x.kind === 'list' ? x.items : [x])) : [item];
    const size = f.shape.reduce((a, b) => a * b, 1);
    const shapeOk = f.shape.length === 1 ? entries.length === size : isMatrix(item) && item.items.length === f.shape[0] && item.items[0]!.items.length === f.shape[1];
    if (!shapeOk) fail('shape', `the weights of ${f.name} must have the shape ${f.shape.join('×')}`, kwSpan(ctx, 'reg'));
    weights.push(...entries.map((x) => numberOf(ctx, x, 'reg')));
  });
  return { kind: 'entrywise', weights };
}

// --- teacher targets and metrics --------------------------------------------------------------

function targetCoefficients(ctx: CallContext, N: Network, v: Value): Rat[][] {
  const K = N.basis.length;
  if (v.kind === 'poly') {
    const ring = v.ring;
    if (!isRationalRing(ring) || ring.poly.nvars < N.inputs) {
      return fail('domain', `a target polynomial needs a ring over QQ whose first ${N.inputs} variables are the inputs`, spanOf(ctx, 1));
    }
    return targetFromPolynomial(N, ring.poly, expectPoly(ctx, ring, v, 1), Array.from({ length: N.inputs }, (_, i) => i));
  }
  if (v.kind === 'list' && v.items.every((x) => x.kind === 'number')) {
    if (N.outputs !== 1 || v.items.length !== K) fail('shape', `a target list needs ${K} coefficients (one per basis monomial)`, spanOf(ctx, 1));
    return [v.items.map((x) => (x as { value: Rat }).value)];
  }
  const M = expectRationalMatrix(ctx, v, 1);
  if (M.length === N.outputs && M[0]!.length === K) return M;
  const degreeTwo = N.basis.every((e) => e.reduce((s, k) => s + k, 0) === 2);
  if (N.outputs === 1 && degreeTwo && M.length === N.inputs) return targetFromQuadraticForm(N, M);
  return fail('shape', `the target must be a ${N.outputs}×${K} coefficient matrix${degreeTwo ? `, an ${N.inputs}×${N.inputs} symmetric matrix` : ''} or a polynomial`, spanOf(ctx, 1));
}

function metricMatrix(ctx: CallContext, N: Network, positional: Value | undefined, kwargs: ReadonlyMap<string, Value>, positionalIndex: number): Rat[][] {
  const X = keywordMatrix(ctx, kwargs, 'X');
  if (X) {
    if (X.length !== N.inputs) fail('shape', `X must have ${N.inputs} row${N.inputs === 1 ? '' : 's'} (one per input of ${N.description}), got ${X.length}`, kwSpan(ctx, 'X'));
    return empiricalMoments(N, X);
  }
  const g = kwargs.get('gaussian');
  const wantsGaussian = (positional?.kind === 'string' && positional.value === 'gaussian') || (g !== undefined && !(g.kind === 'bool' && !g.value));
  if (positional && positional.kind === 'string' && positional.value !== 'gaussian') {
    fail('domain', `unknown distribution "${positional.value}" (use "gaussian" or X = data)`, spanOf(ctx, positionalIndex));
  }
  if (wantsGaussian) {
    if (g && g.kind !== 'bool') return gaussianMoments(N, keywordMatrix(ctx, kwargs, 'gaussian'));
    return gaussianMoments(N);
  }
  const m = kwargs.get('metric');
  if (m) {
    const M = keywordMatrix(ctx, kwargs, 'metric')!;
    return M;
  }
  return fail('arity', 'give the data distribution: X = data matrix, gaussian = true (or a covariance matrix), or metric = moment matrix', ctx.span);
}

/** The metric of a family: empirical moments of symbolic data X, a symbolic metric = M, or the Gaussian moments as constants. */
function symbolicMetric(ctx: CallContext, N: Network, P: RationalRing, positional: Value | undefined, kwargs: ReadonlyMap<string, Value>, positionalIndex: number): SymbolicMatrix {
  const X = kwargs.get('X');
  if (X) return familyEmpiricalMoments(N, P.poly, symbolicMatrix(ctx, P, X, kwSpan(ctx, 'X'), 'X'));
  const m = kwargs.get('metric');
  if (m) return symbolicMatrix(ctx, P, m, kwSpan(ctx, 'metric'), 'the metric');
  const g = kwargs.get('gaussian');
  if (g && g.kind !== 'bool' && parameterRing(ctx, [[g, kwSpan(ctx, 'gaussian')]])) {
    return familyGaussianMoments(N, P.poly, symbolicMatrix(ctx, P, g, kwSpan(ctx, 'gaussian'), 'the covariance'));
  }
  return constantMatrix(P.poly, metricMatrix(ctx, N, positional, kwargs, positionalIndex));
}

/** A teacher's target with symbolic coefficients: a list of coefficients, an outputs × basis matrix, or a symmetric n × n form (degree 2). */
function symbolicTarget(ctx: CallContext, N: Network, P: RationalRing, v: Value): SymbolicMatrix {
  const K = N.basis.length;
  const span = spanOf(ctx, 1);
  if (v.kind === 'list' && v.items.every((x) => x.kind === 'number' || x.kind === 'poly')) {
    if (N.outputs !== 1 || v.items.length !== K) fail('shape', `a target list needs ${K} coefficients (one per basis monomial)`, span);
    return symbolicMatrix(ctx, P, list([v]), span, 'the target');
  }
  const M = symbolicMatrix(ctx, P, v, span, 'the target');
  if (M.length === N.outputs && M[0]!.length === K) return M;
  const degreeTwo = N.basis.every((e) => e.reduce((s, k) => s + k, 0) === 2);
  if (N.outputs === 1 && degreeTwo && M.length === N.inputs) return familyTargetFromQuadraticForm(N, P.poly, M);
  return fail('shape', `the target must be a ${N.outputs}×${K} coefficient matrix${degreeTwo ? `, an ${N.inputs}×${N.inputs} symmetric matrix` : ''} or a polynomial`, span);
}

// --- NNLS arguments ---------------------------------------------------------------------------

function scalarOf(ctx: CallContext, v: Value, index: number): Scalar {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'float') return v.value;
  return fail('type', `the entries must be numbers, found ${kindWord(v)}`, spanOf(ctx, index));
}

function floatOf(ctx: CallContext, v: Value, span = ctx.span): number {
  if (v.kind === 'float') return v.value;
  if (v.kind === 'number') return ratToFloat(v.value);
  return fail('type', `expected a number, got ${kindWord(v)}`, span);
}

function scalarValue(x: Scalar): Value {
  return typeof x === 'number' ? float(x) : num(x);
}

// --- printers and methods ---------------------------------------------------------------------

function reportRecord(N: Network, r: DimensionReport): Value {
  return record({
    network: str(N.description),
    parameters: int(r.parameters),
    ambient: int(r.ambient),
    dimension: int(r.dimension),
    expected: int(r.expected),
    defect: int(r.defect),
    class: str(r.classification),
    certified: bool(r.certified),
    errorBound: float(r.errorBound),
    known: r.known === null ? str('n/a') : int(r.known),
    method: str(r.method),
  });
}

const ACTIVATION_HELP = 'the activation: a degree d (σ(t) = t^d), a list of coefficients [c0, c1, ...] or a polynomial in one variable';

function activationOf(ctx: CallContext, v: Value): Activation {
  if (v.kind === 'number') return { kind: 'power', degree: expectSmallInt(ctx, v, 2, 1, 32) };
  if (v.kind === 'list') return { kind: 'polynomial', coefficients: v.items.map((x) => numberOf(ctx, x, 'the activation')) };
  if (v.kind === 'poly') {
    const oneVariable = 'the activation must be a polynomial in one variable over QQ';
    const ring = v.ring;
    if (!isRationalRing(ring)) return fail('domain', oneVariable, spanOf(ctx, 2));
    const R = ring.poly;
    const p = expectPoly(ctx, ring, v, 2);
    const support = R.support(p);
    if (support.length > 1) fail('domain', oneVariable, spanOf(ctx, 2));
    const i = support[0] ?? 0;
    const c: Rat[] = new Array<Rat>(Math.max(0, R.degree(p)) + 1).fill(QQ.zero);
    p.mons.forEach((m, t) => (c[m[i]!] = p.coeffs[t]!));
    return { kind: 'polynomial', coefficients: c };
  }
  return fail('type', `argument 3 must be ${ACTIVATION_HELP}`, spanOf(ctx, 2));
}

// --- matrix recovery losses and the flattest zero-loss point ------------------------------------

/** An exact number, or the exact (dyadic) value of a float. */
function exactEntry(ctx: CallContext, v: Value, span: Span): Rat {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'float' && Number.isFinite(v.value)) return dyadicToRat(doubleToDyadic(v.value));
  return fail('type', `expected a number, got ${kindWord(v)}`, span);
}

/** A matrix of exact numbers or floats (floats by their exact values), or a float matrix. */
function exactMatrixOf(ctx: CallContext, v: Value, span: Span, what: string): Rat[][] {
  if (isObject(FLOAT_MATRIX, v)) return Array.from({ length: v.data.rows }, (_, i) => Array.from({ length: v.data.cols }, (_, j) => dyadicToRat(doubleToDyadic(v.data.data[i * v.data.stride + j]!))));
  if (!isMatrix(v)) return fail('type', `${what} must be a matrix, got ${kindWord(v)}`, span);
  return v.items.map((row) => row.items.map((x) => exactEntry(ctx, x, span)));
}

function exactVectorOf(ctx: CallContext, v: Value, span: Span, what: string): Rat[] {
  if (v.kind !== 'list' || v.items.some((x) => x.kind === 'list')) return fail('type', `${what} must be a list of numbers, got ${kindWord(v)}`, span);
  return v.items.map((x) => exactEntry(ctx, x, span));
}

/** The loss as a polynomial of a fresh ring with the factor families (L, R, and G, H for robust PCA). */
function recoveryValue(ctx: CallContext, name: string, r: RecoveryLoss): Value {
  const families = new Map(r.families.map((f) => [f.name, { name: f.name, ranges: f.shape.map((n) => [1, n] as const) }]));
  const ring = ctx.registerRing({ name, poly: r.ring, families });
  return withProvenance(poly(ring, r.loss), { algorithm: 'recovery-loss', field: 'QQ', certified: true, seconds: 0, note: `f = ${r.formula}, exact over QQ (floats enter by their exact values)` });
}

function flattestValue(ctx: CallContext, v: Value, extra: Value | undefined, kwargs: ReadonlyMap<string, Value>): Value {
  const { ring, R, f } = paramPoly(ctx, v, 0);
  if (extra) fail('arity', 'flatMinimum(L) of a loss takes keywords only (init, penalty, rounds, iterations, restarts, tolerance)', spanOf(ctx, 1));
  const real = (name: string, fallback: number) => {
    const x = kwargs.get(name);
    return x === undefined ? fallback : floatOf(ctx, x, kwSpan(ctx, name));
  };
  const rounds = kwargs.get('rounds');
  const iterations = kwargs.get('iterations');
  const restarts = kwargs.has('restarts') ? expectSmallInt(ctx, kwargs.get('restarts')!, 1, 1, 1000) : 1;
  if (restarts > 1 && kwargs.get('init')?.kind !== undefined && kwargs.get('init')!.kind !== 'string') {
    fail('domain', 'restarts need a random start (init = "random", "small" or "balanced"), not a given point', kwSpan(ctx, 'restarts'));
  }
  // Restarts: the penalty method from `restarts` seeded starts; the flattest feasible end point wins
  // (the lowest loss when none is feasible). The rounds reported are the winner's.
  const { value: winner, seconds } = timed(() => {
    let best: { r: FlattestResult; init: { x: Float64Array; text: string }; start: number } | null = null;
    for (let start = 1; start <= restarts; start++) {
      const init = initialPoint(ctx, ring, kwargs.get('init'), kwargs.has('scale') ? real('scale', 1) : undefined, ctx.random);
      const r = flattestZeroLoss(R, f, {
        ...options(ctx),
        init: init.x,
        ...(kwargs.has('penalty') ? { penalty: real('penalty', 10) } : {}),
        lossTolerance: real('tolerance', 1e-10),
        ...(rounds ? { rounds: expectSmallInt(ctx, rounds, 1, 1, 60) } : {}),
        ...(iterations ? { iterations: expectSmallInt(ctx, iterations, 1, 1, 1_000_000) } : {}),
      });
      const better = !best || (r.feasible && (!best.r.feasible || r.trace < best.r.trace)) || (!r.feasible && !best.r.feasible && r.loss < best.r.loss);
      if (better) best = { r, init, start };
    }
    return best!;
  });
  const { r, init, start } = winner;
  const value = record({
    point: floatPointValue(ring, r.x),
    x: list(Array.from(r.x, (x) => float(x))),
    loss: float(r.loss),
    trace: float(r.trace),
    feasible: bool(r.feasible),
    rounds: list(r.rounds.map((k) => record({ penalty: float(k.penalty), loss: float(k.loss), trace: float(k.trace), iterations: int(k.iterations), converged: bool(k.converged) }))),
    restart: int(start),
    method: str(`quadratic penalty: Newton on L, then on tr ∇²L + μ L with μ = ${r.rounds[1]?.penalty ?? 'none'} × 10^k, ${r.rounds.length - 1} round${r.rounds.length === 2 ? '' : 's'}; start ${init.text}${restarts > 1 ? ` (start ${start} of ${restarts}, the flattest feasible end point)` : ''}`),
  });
  return withProvenance(value, {
    algorithm: 'flattest-penalty',
    field: 'float64',
    certified: false,
    errorBound: `floating point; a local minimizer of the penalized trace; L = ${r.loss.toExponential(2)} at the end${r.feasible ? '' : ' (above the tolerance: not on the zero-loss set)'}`,
    seed: seedOf(ctx.random),
    seconds,
    note: 'tr ∇²L exact (traceHessian), compiled with L into real straight-line programs; Newton with Hessian modification and Armijo line search per round',
  });
}

const RECOVERY_K = (ctx: CallContext, v: Value, index: number) => expectSmallInt(ctx, v, index, 1, 256);

const SCALAR_LOSS = 'loss(linear(1, 1, 1), X = [[1, 1, 1]], Y = [[1, 2, 2]], reg = [[[1/2]], [[2]]])';

defineBuiltins([
  {
    name: 'linear',
    signature: 'linear(d0, d1, ..., dL)',
    summary:
      'A deep linear network x ↦ W_L ⋯ W_1 x with weight matrices W_l of size d_l × d_{l-1}; parameters W1[i,j], ..., WL[i,j]. Its function space is the d_L × d_0 matrices of rank ≤ min(d_i).',
    examples: ['network N = linear(2, 3, 2);\nN  // linear(2, 3, 2)'],
    category: 'networks',
    minArgs: 2,
    maxArgs: Infinity,
    returns: 'network',
    call(ctx, args) {
      return networkValue(ctx, linearNetwork(args.map((a, i) => expectSmallInt(ctx, a, i, 1, 64))));
    },
  },
  {
    name: 'shallow',
    signature: 'shallow(n, width, degree, outer = true)',
    summary:
      'A shallow network x ↦ Σ_{i ≤ width} a_i σ(w_i · x) on C^n with σ(t) = t^degree, or a general polynomial activation (a list of coefficients [c0, c1, ...] or a polynomial in one variable). Parameters w[i,k] and a[i]; outer = false fixes every a_i = 1. Function-space coordinates: the coefficients of the monomials of the degrees of σ (decreasing degree, then decreasing lex).',
    examples: ['fmap(shallow(2, 1, 2))  // [w[1,1]^2*a[1], 2*w[1,1]*w[1,2]*a[1], w[1,2]^2*a[1]]'],
    category: 'networks',
    minArgs: 3,
    maxArgs: 3,
    keywords: ['outer'],
    returns: 'network',
    call(ctx, [n, width, degree], kwargs) {
      const outer = kwargs.get('outer');
      if (outer && outer.kind !== 'bool') fail('type', 'outer must be true or false', kwSpan(ctx, 'outer'));
      return networkValue(
        ctx,
        shallowNetwork(expectSmallInt(ctx, n!, 0, 1, 64), expectSmallInt(ctx, width!, 1, 1, 256), activationOf(ctx, degree!), outer ? (outer as { value: boolean }).value : true),
      );
    },
  },
  {
    name: 'diagonal',
    signature: 'diagonal(n, depth)',
    summary:
      'The diagonal linear network x ↦ (u1 ⊙ u2 ⊙ ⋯ ⊙ u_depth) · x on C^n (entrywise products), the overparametrization behind NNLS; parameters u1[k], ..., u_depth[k].',
    examples: ['fmap(diagonal(2, 2))  // [u1[1]*u2[1], u1[2]*u2[2]]'],
    category: 'networks',
    minArgs: 2,
    maxArgs: 2,
    returns: 'network',
    call: (ctx, [n, depth]) => networkValue(ctx, diagonalNetwork(expectSmallInt(ctx, n!, 0, 1, 4096), expectSmallInt(ctx, depth!, 1, 1, 64))),
  },
  {
    name: 'params',
    signature: 'params(N)',
    summary: 'The parameter ring of a network (QQ, grevlex, the weight families in layer order). `let P = params(N); use P;` binds the parameter names.',
    examples: ['vars(params(linear(1, 1, 1)))  // [W1[1,1], W2[1,1]]'],
    category: 'networks',
    minArgs: 1,
    maxArgs: 1,
    call: (ctx, [N]) => ({ kind: 'ring', ring: expectNetwork(ctx, N).ring }),
  },
  {
    name: 'fmap',
    signature: 'fmap(N)',
    summary:
      'The parametrization of a network: the coordinates of the function it computes, polynomials in its parameters (linear: the entries of W_L ⋯ W_1, row-major; shallow and diagonal: the coefficients of the basis monomials).',
    examples: ['fmap(linear(1, 2, 1))  // [W1[1,1]*W2[1,1] + W1[2,1]*W2[1,2]]'],
    category: 'networks',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [v]) {
      const { network, ring } = expectNetwork(ctx, v);
      return list(fmapList(network).map((f) => poly(ring, f)));
    },
  },
  {
    name: 'functionSpace',
    signature: 'functionSpace(N)',
    summary:
      'The function space of a network (the neurovariety): the closure of the image of fmap(N), a variety in the coordinates m[i,j] (linear) or c[k] (the coefficients of fmap). Equations from the determinantal / symmetric-rank formulas, else by elimination, computed only when read (ideal, gens, degree, printing); its dimension is the Jacobian rank (see architecture(N)), without equations.',
    examples: ['dim(functionSpace(linear(3, 1, 3)))  // 5'],
    category: 'networks',
    minArgs: 1,
    maxArgs: 1,
    returns: 'variety',
    call(ctx, [v]) {
      const { network } = expectNetwork(ctx, v);
      // Lazy: the equations are computed when read (ideal, gens, degree, ==); dim and codim come from
      // the Jacobian rank of the dimension report, with its provenance when no theorem certifies it.
      const report = dimensionReport(ctx, network);
      const space = functionSpaceVariety(network, report, options(ctx));
      const families = new Map(space.families.map((f) => [f.name, { name: f.name, ranges: f.ranges }]));
      const ring = ctx.registerRing({ name: `functionSpace(${network.description})`, poly: space.variety.ring, families });
      if (space.variety.knownDimension !== undefined) return varietyValue(ring, space.variety);
      return object(VARIETY, { ring, variety: space.variety, dimension: reportValue(int(space.dimension), report) });
    },
  },
  {
    name: 'architecture',
    signature: 'architecture(N)',
    summary:
      'The dimension count of a network: {network, parameters, ambient, dimension, expected, defect, class, certified, errorBound, known, method}. dimension = the rank of the Jacobian of fmap at random points over GF(p) (p a random 26-bit prime; wrong with probability ≤ errorBound by Schwartz–Zippel), certified when the exact rank over QQ at a random integer point meets a proved upper bound; expected = the parameter count less the free symmetries, capped by the ambient dimension (Alexander–Hirschowitz count for shallow networks); class = "filling", "thick" or "low-dimensional"; known = the value of the determinantal or Alexander–Hirschowitz theorem.',
    examples: ['architecture(shallow(3, 5, 4)).defect  // 1'],
    category: 'networks',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [v]) {
      const { network } = expectNetwork(ctx, v);
      const report = dimensionReport(ctx, network);
      return reportValue(reportRecord(network, report), report);
    },
  },
  {
    name: 'loss',
    signature: 'loss(N, X = D, Y = T, reg = R)',
    summary:
      'The squared loss ½ Σ_j ||f(x_j) - y_j||² + ½ Σ_k r_k θ_k² as a polynomial in the parameters θ (columns of D: inputs, of T: targets). reg: a number (plain L2), a list of weight matrices shaped like the weight families or one number per parameter (the generalized L2 of Mehta et al.), "random" (independent weights n/2^30, n uniform in 1..2^30, seeded: ties do not happen in practice), or absent. Entries of X, Y and reg may be polynomials in parameters (the variables of one ring): the loss of the family, in the ring of the network parameters and then the parameters (docs/families.md; at() specializes it).',
    examples: [`${SCALAR_LOSS}  // 3/2*W1[1,1]^2*W2[1,1]^2 + 1/4*W1[1,1]^2 - 5*W1[1,1]*W2[1,1] + W2[1,1]^2 + 9/2`],
    category: 'networks',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['X', 'Y', 'reg'],
    call(ctx, [v], kwargs) {
      const { network, ring } = expectNetwork(ctx, v);
      const P = parameterRing(ctx, ['X', 'Y', 'reg'].map((k) => [kwargs.get(k), kwSpan(ctx, k)] as const));
      if (P) {
        // A family: data with polynomial entries in the parameters (src/networks/family-losses.ts).
        const { ring: C, family } = familyRingOf(ctx, network, ring, P);
        const matrix = (name: string) => {
          const m = kwargs.get(name);
          return m ? symbolicMatrix(ctx, P, m, kwSpan(ctx, name), name) : fail('arity', 'loss needs the data: X = inputs (one column per point) and Y = targets', ctx.span);
        };
        const reg = symbolicRegularization(ctx, network, P, kwargs.get('reg'), kwSpan(ctx, 'reg'));
        return poly(C, familySquaredLoss(family, matrix('X'), matrix('Y'), reg));
      }
      const { X, Y } = dataMatrices(ctx, network, kwargs, 'loss');
      return poly(ring, squaredLoss(network, X, Y, regularization(ctx, network, kwargs.get('reg'))));
    },
  },
  {
    name: 'stationary',
    signature: 'stationary(L, certified = false) or stationary(L, prime = p) or stationary(L, method = "numerical" | "monodromy") or stationary(N, data = [[X1, Y1], ...], reg = R) or stationary(L, symmetry = N)',
    summary:
      'The stationary points of a polynomial loss (zero-dimensional case): {complex, real, minima, indices, degenerate, bezout, points}. complex/real: distinct stationary points; indices[k+1] counts the real ones of Morse index k (negative Hessian eigenvalues, certain: interval LDLᵀ of the Hessian on the boxes of the real points of the modular parametrization, exact where undecided or when the gradient ideal is not radical); minima: non-degenerate local minima; bezout: Π deg ∂L/∂θ_i; points: {point, value, index} per real point sorted by loss value: point a real point (p.point[i], subs, hessian, float, decimal, arithmetic as for solve\'s points) and value the loss there as an exact number. When L has sign symmetries (every regularized deep linear network) the points come from the orbits: one point per orbit element, the invariants (the loss, w_e², path products) exact in Q(θ) for θ the orbit\'s root, a coordinate ±√(w_e²) with an exact sign, other sums certified enclosures refined on demand whose undecidable zero tests are errors naming certified = true; with certified = true (or without sign symmetries) the exact points of the whole gradient ideal\'s parametrization. certified = true proves the counts and indices: the parametrization is checked exactly over QQ and a certified Gröbner basis bounds the number of stationary points (then .complex is that exact count, not the modular one). A positive-dimensional set of stationary points gives {complex: "positive-dimensional", dim, degree, bezout, components, isolated}: dim at the call; degree (of the reduced top-dimensional part), components (every irreducible component {dim, degree, equations}: the minimal primes of the gradient ideal, isolated points included) and isolated (the isolated stationary points as {complex, real, minima, indices, degenerate, points}, with their certified Morse indices) computed when read. With prime = p only {complex, multiplicity, bezout}, counted over GF(p) (fast; equal to the count over QQ except for finitely many primes). A lazy record: .complex alone is the count modulo a random 26-bit prime (labelled probabilistic in how), .real counts the real roots of the parametrization without Morse indices, the other fields run the Morse-index route on it (printing the record computes every field). method = "numerical": homotopy continuation on the gradient with every point certified (Krawczyk) and Morse indices by interval inertia of the Hessian on the certified boxes, plus {certified, complete, expected, paths, failed}, and start and groups as in solve (by default the layer blocks of the weights of a network when they cut the paths). method = "monodromy": the same, by monodromy on the gradient with a diagonal L2 perturbation (∂L/∂θ_i + q_i·θ_i, one component per invariant coordinate subspace, such as hidden units switched off), plus {loops, base}. stationary(N, data = [[X1, Y1], [X2, Y2], ...], reg = R): a sweep over data draws of the network N from one start set: a list with one record per draw [X, Y] (or [X, Y, reg], its own regularization), each as stationary(loss(N, X = X, Y = Y, reg = R), method = "monodromy"), complete against that draw\'s count; the monodromy runs once on the family spanned by the draws\' gradients (a squared loss is affine in the data moments Σ x xᵀ, Σ x yᵀ) with a diagonal L2 perturbation, then a certified parameter homotopy goes to each draw. reg = "random" draws one set of weights for all draws. symmetry = N (the network of the loss: shallow(n, r, 2, outer = false) with O(r), linear(d0, d1, ..., dL) with GL(d1) × ⋯ × GL(d_{L-1}), shallow(n, r, k) with outer weights and k ≥ 3 with the rescalings (R*)^r): the stationary set modulo the group, whose orbits are positive-dimensional: {group, real, indices, degenerate, orbits, slice, method}, one orbit per closed real stationary orbit (rows of W orthogonal; balanced with orthogonal rows in every hidden layer for linear networks; a_i = 1 (odd k) or ±1 (even k), or the unit zero, for the rescalings) with {dimension, value, index, normal: {positive, negative, zero} (inertia of the Hessian normal to the orbit; zero counts degenerate directions beyond it), transversal, function, slicePoints, point}, all exact (see docs/networks.md).',
    examples: [`stationary(${SCALAR_LOSS}).indices  // [2, 1, 0]`, `stationary(${SCALAR_LOSS}, prime = 32003).complex  // 5`],
    category: 'networks',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['prime', 'method', 'certified', 'data', 'reg', 'symmetry', 'start', 'groups'],
    call(ctx, [v], kwargs) {
      const data = kwargs.get('data');
      if (data) {
        const { network } = expectNetwork(ctx, v);
        return numericalSweepValue(ctx, network.ring, dataDrawLosses(ctx, network, data, kwargs.get('reg')));
      }
      if (kwargs.has('reg')) fail('arity', 'reg = ... goes with data = [...] (a sweep over data draws of a network); a loss already has its regularization', kwSpan(ctx, 'reg'));
      const { ring, R, f } = paramPoly(ctx, v, 0);
      const symmetry = kwargs.get('symmetry');
      if (symmetry) return symmetricStationaryValue(ctx, ring, R, f, symmetry);
      const c = kwargs.get('certified');
      if (c && c.kind !== 'bool') fail('type', `certified must be true or false, got ${kindWord(c)}`, kwSpan(ctx, 'certified'));
      const certify = c?.kind === 'bool' && c.value;
      const method = numericalMethod(ctx, kwargs, 1);
      const starting = startOptions(ctx, kwargs, ring, 1, method);
      if (method) return numericalStationaryValue(ctx, R, f, method, starting);
      const p = kwargs.get('prime');
      if (p) {
        const prime = expectSmallInt(ctx, p, 1, 1000, 94_906_264);
        const { value: c, seconds } = timed(() => stationaryCountModular(R, f, prime, options(ctx)));
        if (c.complex === null) fail('positive-dimensional', 'the stationary points form a positive-dimensional set (modulo the prime), so they are not counted', ctx.span);
        const how = reportedProvenance({ algorithm: 'gradient-ideal', field: `GF(${prime})`, certified: false, note: c.method }, seconds);
        return withProvenance(record({ complex: int(c.complex!), multiplicity: int(c.multiplicity!), bezout: int(c.bezout) }), how);
      }
      return stationaryRecord(ctx, ring, R, f, certify);
    },
  },
  {
    name: 'gradient',
    signature: 'gradient(L)',
    summary:
      "The gradient of a loss: the list of its partial derivatives in the network's parameters. For the loss of a family (data with symbolic entries, whose ring holds the network's parameters and then the family's parameters t) the derivatives are in the network's parameters only, so that gradient(L) is the family of stationarity systems that discriminant(gradient(L), t) and sweep take; for any other polynomial, in every variable of its ring.",
    examples: ['ring T = QQ[t];\ngradient(loss(linear(1, 1), X = [[1]], Y = [[t]]))  // [W1[1,1] - t]'],
    category: 'networks',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [v]) {
      const { ring, R, f } = paramPoly(ctx, v, 0);
      const base = familyBase(ring);
      const n = base ? base.poly.nvars : R.nvars;
      return list(Array.from({ length: n }, (_, i) => poly(ring, R.diff(f, i))));
    },
  },
  {
    name: 'purity',
    signature: 'purity(N, X = D, Y = T)',
    summary:
      'Pure and spurious critical points (Trager, Kohn, Bruna) of the unregularized loss of a linear network: the critical set is positive-dimensional, its images W = μ(θ) are finitely many and each is pure (critical for the loss on the matrices of rank ≤ r) or spurious. {dimension, rank, complex, pure, spurious, real, realPure, realSpurious, points: {matrix, rank, kind, value}}.',
    examples: ['purity(linear(1, 1, 1), X = [[1, 1, 1]], Y = [[1, 2, 2]]).spurious  // 1'],
    category: 'networks',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['X', 'Y'],
    call(ctx, [v], kwargs) {
      const { network } = expectNetwork(ctx, v);
      if (network.architecture.kind !== 'linear') fail('domain', `purity classifies the critical points of linear networks, not ${network.description}`, spanOf(ctx, 0));
      const { X, Y } = dataMatrices(ctx, network, kwargs, 'purity');
      const p = linearNetworkPurity(network, X, Y, { ...options(ctx), seed: ctx.random.nextUint32() });
      return record({
        dimension: int(p.dimension),
        rank: int(p.rank),
        complex: int(p.complex),
        pure: int(p.pure),
        spurious: int(p.spurious),
        real: int(p.real),
        realPure: int(p.realPure),
        realSpurious: int(p.realSpurious),
        points: list(
          p.points.map((pt) =>
            record({ matrix: list(pt.matrix.map((c) => str(c))), rank: int(pt.rank), kind: str(pt.pure ? 'pure' : 'spurious'), value: str(pt.value) }),
          ),
        ),
      });
    },
  },
  {
    name: 'traceHessian',
    signature: 'traceHessian(L) or traceHessian(L, point)',
    summary:
      'The trace of the Hessian Σ_i ∂²L/∂θ_i² (flatness), exactly as a polynomial; with a point (one value per variable of the ring, in order) its value there: exact for exact numbers, a float when the point has floats, exact at a real point (solve(I).points, minimize(L).point).',
    examples: ['ring R = QQ[x, y];\ntraceHessian(x^2*y + y^3, [1, 2])  // 16'],
    category: 'networks',
    minArgs: 1,
    maxArgs: 2,
    call(ctx, [v, point]) {
      const { ring, R, f } = paramPoly(ctx, v, 0);
      const t = traceHessian(R, f);
      if (!point) return poly(ring, t);
      if (isObject(POINT, point)) {
        // Exactly at a real point (solve's points, minimize's end point).
        if (point.data.ring.id !== ring.id) fail('ring-mismatch', `the point is a point of ${point.data.ring.poly.toString()}, not of ${R.toString()}`, spanOf(ctx, 1));
        return algebraicValue(point.data.point.evaluate(t, options(ctx)), point.data.digits);
      }
      if (point.kind !== 'list' || point.items.length !== R.nvars) {
        fail('shape', `the point must be a list of ${R.nvars} numbers (one per variable of ${R.toString()})`, spanOf(ctx, 1));
      }
      const items = (point as { items: readonly Value[] }).items;
      if (items.every((x) => x.kind === 'number')) return num(R.evaluate(t, items.map((x) => (x as { value: Rat }).value)));
      return float(evaluateFloat(R, t, items.map((x) => floatOf(ctx, x, spanOf(ctx, 1)))));
    },
  },
  {
    name: 'flatMinimum',
    signature: 'flatMinimum(M, k, exact = false) or flatMinimum(L, init = "random", penalty = 10, rounds = 12, iterations = 2000, restarts = 1, tolerance = 1e-10)',
    summary:
      'The flattest global minimum of the matrix factorization loss ||L R^T - M||²_F (M exact or a float matrix; L: n1×k, R: n2×k, k ≥ rank M): the balanced SVD factorization (one-sided Jacobi SVD in floats), with {L, R, trace, bound, nuclear, singular, residual, method}: trace = tr ∇² of the loss there (by the identity 2(n1||R||²_F + n2||L||²_F); with exact = true, M exact, from the exact trace polynomial evaluated in floating point, slow), bound = 4 √(n1 n2) ||M||_* (Ding, Drusvyatskiy, Fazel, Harchaoui), equal to it. With a polynomial loss L ≥ 0 (sensingLoss, completionLoss, robustPCALoss, bilinearLoss, an unregularized network loss): the flattest zero-loss point found numerically, minimizing tr ∇²L on {L = 0} by the quadratic penalty method (Newton on L from the start to reach the zero-loss set, then rounds of Newton on tr ∇²L + μ L from the previous point, μ = penalty (default 10), ×10 per round, until L ≤ tolerance; at most iterations Newton steps per round): {point, x, loss, trace, feasible, rounds: [{penalty, loss, trace, iterations, converged}] (the first, penalty ∞, is the feasibility phase; converged = false: the round stopped at its Newton budget), restart, method}; init as for minimize (default "random"); restarts = n runs the method from n seeded random starts and returns the flattest feasible end point (restart: which start).',
    examples: ['flatMinimum([[4, 0], [0, 9]], 2).bound  // 104.0'],
    category: 'networks',
    minArgs: 1,
    maxArgs: 2,
    keywords: ['exact', 'init', 'scale', 'penalty', 'rounds', 'iterations', 'restarts', 'tolerance'],
    call(ctx, [M, k], kwargs) {
      if (M!.kind === 'poly') return flattestValue(ctx, M!, k, kwargs);
      if (!k) fail('arity', 'flatMinimum(M, k) needs the inner dimension k of the factorization', ctx.span);
      const exactV = kwargs.get('exact');
      if (exactV && exactV.kind !== 'bool') fail('type', 'exact must be true or false', kwSpan(ctx, 'exact'));
      const exact = exactV ? (exactV as { value: boolean }).value : false;
      if (exact && isObject(FLOAT_MATRIX, M)) fail('domain', 'exact = true needs an exact matrix M, got a float matrix', kwSpan(ctx, 'exact'));
      const A = isObject(FLOAT_MATRIX, M) ? M.data : expectRationalMatrix(ctx, M!, 0);
      const { value: f, seconds } = timed(() => flattestFactorization(A, expectSmallInt(ctx, k!, 1, 1, 4096), { ...options(ctx), exact }));
      const result = record({
        L: floatMatrixValue(f.L),
        R: floatMatrixValue(f.R),
        trace: float(f.trace),
        bound: float(f.bound),
        nuclear: float(f.nuclearNorm),
        singular: list(f.singularValues.map((s) => float(s))),
        residual: float(f.residual),
        method: str(f.method),
      });
      return withProvenance(result, {
        algorithm: f.method === 'svd' ? 'one-sided-jacobi-svd' : 'svd+exact-trace-polynomial',
        field: 'float64',
        certified: false,
        seconds,
        note: f.method === 'svd' ? 'floating point; trace by the identity tr ∇² = 2(n1||R||² + n2||L||²)' : 'floating point SVD; trace from the exact trace polynomial evaluated in floats',
      });
    },
  },
  {
    name: 'nnls',
    signature: 'nnls(A, b, method = "lawson-hanson")',
    summary:
      'Non-negative least squares min_{x ≥ 0} ½||A x - b||² (A a matrix or a float matrix, b a list): {x, iterations, residual, kkt, converged, polished, method, history}. method: "lawson-hanson" (active set; exact rationals for exact data up to 2500 entries or with exact = true, else floats with an updated Cholesky factor and a refinement step: scipy\'s accuracy), "reparam" (gradient descent on x = u ⊙ u with Barzilai–Borwein steps and a non-monotone line search), "reparam-accelerated" (Nesterov with backtracking and restart on u) or "accelerated" (projected gradient on x with Nesterov momentum, gradient restart and step 1/L, L ≥ ||A||₂² by power iteration and backtracking). The iterative methods end, when they can, by an active-set polish (least squares on the identified support, taken only if it is a KKT point: polished = true). Options: init = x(0) (reparam: > 0, default 0.001 each; accelerated: ≥ 0, default 0), step = "adaptive" (default) or "flow" (reparametrized methods: the curvature bound 1/(2||∇F||_∞ + 4||A||₂²||x||_∞) at every step, close to the gradient flow and its implicit bias), tolerance (KKT residual ||min(x, ∇F(x))||_∞, default its rounding level ε·max_j||a_j||·(||A||₂||x|| + ||b||)), maxIterations, exact. residual = ||A x - b||₂. history: {iteration, objective, residual, kkt, support, step}, lists with one entry per recorded iteration (at most 4096: long runs are sampled).',
    examples: ['nnls([[1, 0], [0, 1]], [1, -1]).x  // [1, 0]'],
    category: 'networks',
    minArgs: 2,
    maxArgs: 2,
    keywords: ['method', 'init', 'step', 'tolerance', 'maxIterations', 'exact'],
    call(ctx, [Av, bv], kwargs) {
      if (!isMatrix(Av!) && !isObject(FLOAT_MATRIX, Av)) fail('type', `argument 1 must be a matrix, got ${kindWord(Av!)}`, spanOf(ctx, 0));
      const A = isObject(FLOAT_MATRIX, Av)
        ? Av.data
        : (Av as { items: readonly { items: readonly Value[] }[] }).items.map((row) => row.items.map((x) => scalarOf(ctx, x, 0)));
      if (bv!.kind !== 'list') fail('type', `argument 2 must be a vector, got ${kindWord(bv!)}`, spanOf(ctx, 1));
      const b = (bv as { items: readonly Value[] }).items.map((x) => scalarOf(ctx, x, 1));
      const m = kwargs.get('method');
      const method = (m ? expectString(ctx, m, 2) : 'lawson-hanson') as NnlsMethod;
      if (!NNLS_METHODS.includes(method)) fail('domain', `unknown method "${method}" (${NNLS_METHODS.join(', ')})`, kwSpan(ctx, 'method'));
      const init = kwargs.get('init');
      if (init && init.kind !== 'list') fail('type', 'init must be a list of numbers', kwSpan(ctx, 'init'));
      const tol = kwargs.get('tolerance');
      const maxIt = kwargs.get('maxIterations');
      const exact = kwargs.get('exact');
      if (exact && exact.kind !== 'bool') fail('type', 'exact must be true or false', kwSpan(ctx, 'exact'));
      const stepRule = kwargs.get('step');
      const step = stepRule ? expectString(ctx, stepRule, 2) : 'adaptive';
      if (step !== 'adaptive' && step !== 'flow') fail('domain', `unknown step rule "${step}" (adaptive, flow)`, kwSpan(ctx, 'step'));
      const { value: result, seconds } = timed(() =>
        nnls(A, b, method, {
          step,
          ...options(ctx),
          ...(init ? { init: (init as { items: readonly Value[] }).items.map((x) => floatOf(ctx, x, kwSpan(ctx, 'init'))) } : {}),
          ...(tol ? { tolerance: floatOf(ctx, tol, kwSpan(ctx, 'tolerance')) } : {}),
          ...(maxIt ? { maxIterations: expectSmallInt(ctx, maxIt, 2, 1, 100_000_000) } : {}),
          ...(exact ? { exact: (exact as { value: boolean }).value } : {}),
        }),
      );
      const h = result.history;
      const floats = (xs: readonly number[]) => list(xs.map((v) => float(v)));
      const value = record({
        x: list((result.x as readonly Scalar[]).map(scalarValue)),
        iterations: int(result.iterations),
        residual: float(result.residual),
        kkt: scalarValue(result.kkt),
        converged: bool(result.converged),
        polished: bool(result.polished),
        method: str(result.description),
        history: () =>
          record({
            iteration: list(h.iteration.map((k) => int(k))),
            objective: floats(h.objective),
            residual: floats(h.residual),
            kkt: floats(h.kkt),
            support: list(h.support.map((k) => int(k))),
            step: floats(h.step),
          }),
      });
      return withProvenance(value, {
        algorithm: `nnls-${result.method}`,
        field: result.exact ? 'QQ' : 'float64',
        certified: result.exact,
        seconds,
        note: result.exact
          ? 'exact rational arithmetic; the KKT conditions hold exactly'
          : `floating point${result.converted ? ' (the exact input was converted to floats)' : ''}; KKT residual ${(result.kkt as number).toExponential(2)}${result.converged ? '' : ', not converged'}`,
      });
    },
  },
  {
    name: 'metric',
    signature: 'metric(N, X = D) or metric(N, "gaussian") or metric(N, gaussian = Σ)',
    summary:
      'The metric on the function space of N induced by a data distribution: the moment matrix M_ab = E[x^(α_a + α_b)] over the basis monomials, exact. X = D: the uniform distribution on the columns of D (degenerate, rank < size, with few points); "gaussian" or gaussian = Σ: x ~ N(0, I) or N(0, Σ), every degree by Isserlis\' theorem (degree 2: ⟨S, T⟩ = 2 tr(ST) + tr S tr T). Data or a covariance with polynomial entries in parameters give a matrix of polynomials (docs/families.md).',
    examples: ['metric(shallow(2, 1, 2), "gaussian")  // [[3, 0, 1], [0, 1, 0], [1, 0, 3]]'],
    category: 'networks',
    minArgs: 1,
    maxArgs: 2,
    keywords: ['X', 'gaussian'],
    call(ctx, [v, dist], kwargs) {
      const { network } = expectNetwork(ctx, v);
      const P = parameterRing(ctx, ['X', 'metric', 'gaussian'].map((k) => [kwargs.get(k), kwSpan(ctx, k)] as const));
      if (P) {
        const R: PolyRing<Rat> = P.poly;
        return list(symbolicMetric(ctx, network, P, dist, kwargs, 1).map((row) => list(row.map((x) => (R.isConstant(x) ? num(R.constantCoeff(x)) : poly(P, x))))));
      }
      return ratMatrixValue(metricMatrix(ctx, network, dist, kwargs, 1));
    },
  },
  {
    name: 'teacher',
    signature: 'teacher(N, target, X = D | gaussian = true | metric = M)',
    summary:
      'The teacher–student loss E[(f_θ(x) - f_*(x))²] = ||T_θ - T_*||²_M in the parameters of N, for the metric M of a data distribution (see metric): X = D (uniform on the columns), gaussian = true or a covariance, or metric = M. target: the coefficients of f_* (a list, or an outputs × basis matrix), a symmetric matrix S for f_*(x) = x^T S x (degree-2 networks), or a polynomial whose ring\'s first n variables are the inputs. The target, X, metric and covariance may have entries polynomial in parameters (a family, docs/families.md).',
    examples: ['teacher(linear(1, 1), [[2]], gaussian = true)  // W1[1,1]^2 - 4*W1[1,1] + 4'],
    category: 'networks',
    minArgs: 2,
    maxArgs: 2,
    keywords: ['X', 'gaussian', 'metric'],
    call(ctx, [v, target], kwargs) {
      const { network, ring } = expectNetwork(ctx, v);
      const P = target!.kind === 'poly' ? null : parameterRing(ctx, [[target, spanOf(ctx, 1)], ...['X', 'metric', 'gaussian'].map((k) => [kwargs.get(k), kwSpan(ctx, k)] as const)]);
      if (P) {
        const { ring: C, family } = familyRingOf(ctx, network, ring, P);
        return poly(C, familyTeacherLoss(family, symbolicTarget(ctx, network, P, target!), symbolicMetric(ctx, network, P, undefined, kwargs, 2)));
      }
      const M = metricMatrix(ctx, network, undefined, kwargs, 2);
      return poly(ring, teacherLoss(network, targetCoefficients(ctx, network, target!), M));
    },
  },
  {
    name: 'teacherDiscriminant',
    signature: 'teacherDiscriminant(N, target, t, X = D | gaussian = true | metric = M)',
    summary:
      'The teacher–metric discriminant (Arjevani, Bruna, Kileel, Polak, Trager) of a one-parameter family of teacher–student problems: target and metric (arguments as in teacher) with entries polynomial in the parameter t (the one variable of their ring). The discriminant of the stationarity system ∇_θ teacher(...) = 0 in the network\'s parameters (see discriminant): {polynomial, degree, real, roots, regions, critical, infinity, loss}; roots: its real roots (decimals); regions: one per interval between consecutive real roots, {from, to, sample, complex, real, minima, indices} with a rational sample strictly inside and the exact counts and Morse indices of the real stationary points there (where the landscape is constant).',
    examples: ['ring T = QQ[t];\nteacherDiscriminant(shallow(1, 1, 2, outer = false), [t], t, gaussian = true).polynomial  // t'],
    category: 'networks',
    minArgs: 3,
    maxArgs: 3,
    keywords: ['X', 'gaussian', 'metric'],
    call(ctx, [v, target, t], kwargs) {
      const { network, ring } = expectNetwork(ctx, v);
      const P = parameterRing(ctx, [[target, spanOf(ctx, 1)], [t, spanOf(ctx, 2)], ...['X', 'metric', 'gaussian'].map((k) => [kwargs.get(k), kwSpan(ctx, k)] as const)]);
      if (!P) return fail('domain', 'the target or the metric must depend on the parameter t (polynomial entries in t)', spanOf(ctx, 1));
      if (P.poly.nvars !== 1 || t!.kind !== 'poly' || !P.poly.equals(t!.poly as Poly<Rat>, P.poly.variable(0))) {
        fail('domain', `the parameter must be the one variable of the ring of the target and the metric (a one-parameter slice), not ${t!.kind === 'poly' ? P.poly.toText(t!.poly as Poly<Rat>) : kindWord(t!)} in ${P.poly.toString()}`, spanOf(ctx, 2));
      }
      const { ring: C, family } = familyRingOf(ctx, network, ring, P);
      const L = familyTeacherLoss(family, symbolicTarget(ctx, network, P, target!), symbolicMetric(ctx, network, P, undefined, kwargs, 2));
      return teacherDiscriminantValue(ctx, family, C, P, L);
    },
  },
  {
    name: 'sensingLoss',
    signature: 'sensingLoss(A, b, k)',
    summary:
      'The matrix sensing loss f(L, R) = (1/m) Σ_i (⟨A_i, L Rᵀ⟩ - b_i)² of Ding, Drusvyatskiy, Fazel, Harchaoui, a polynomial in the factors L[i,t] (n1×k) and R[j,t] (n2×k) of a fresh ring: A a list of m measurement matrices n1×n2, b a list of m numbers (floats enter by their exact values).',
    examples: ['sensingLoss([[[1, 0], [0, 1]]], [2], 1)  // L[1,1]^2*R[1,1]^2 + 2*L[1,1]*L[2,1]*R[1,1]*R[2,1] + L[2,1]^2*R[2,1]^2 - 4*L[1,1]*R[1,1] - 4*L[2,1]*R[2,1] + 4'],
    category: 'networks',
    minArgs: 3,
    maxArgs: 3,
    call(ctx, [A, b, k]) {
      if (A!.kind !== 'list' || A!.items.length === 0) fail('type', `argument 1 must be a list of measurement matrices, got ${kindWord(A!)}`, spanOf(ctx, 0));
      const As = (A as { items: readonly Value[] }).items.map((Ai) => exactMatrixOf(ctx, Ai, spanOf(ctx, 0), 'each measurement'));
      const r = sensingLoss(As, exactVectorOf(ctx, b!, spanOf(ctx, 1), 'b'), RECOVERY_K(ctx, k!, 2));
      return recoveryValue(ctx, `sensing(${As.length} measurements)`, r);
    },
  },
  {
    name: 'bilinearLoss',
    signature: 'bilinearLoss(U, V, y, k)',
    summary: 'The bilinear sensing loss f(L, R) = (1/m) Σ_i (u_iᵀ L Rᵀ v_i - y_i)² (u_i, v_i the rows of U: m×n1 and V: m×n2, y a list of m numbers), a polynomial in L[i,t] (n1×k) and R[j,t] (n2×k): matrix sensing with the rank-one A_i = u_i v_iᵀ.',
    examples: ['bilinearLoss([[1, 0]], [[0, 1]], [3], 1)  // L[1,1]^2*R[2,1]^2 - 6*L[1,1]*R[2,1] + 9'],
    category: 'networks',
    minArgs: 4,
    maxArgs: 4,
    call(ctx, [U, V, y, k]) {
      const r = bilinearLoss(exactMatrixOf(ctx, U!, spanOf(ctx, 0), 'U'), exactMatrixOf(ctx, V!, spanOf(ctx, 1), 'V'), exactVectorOf(ctx, y!, spanOf(ctx, 2), 'y'), RECOVERY_K(ctx, k!, 3));
      return recoveryValue(ctx, 'bilinear sensing', r);
    },
  },
  {
    name: 'completionLoss',
    signature: 'completionLoss(M, mask, k)',
    summary: 'The matrix completion loss f(L, R) = (1/|Ω|) Σ_{(i,j)∈Ω} ((L Rᵀ)_ij - M_ij)² over the observed entries Ω = {mask_ij ≠ 0} (mask a matrix of the shape of M), a polynomial in L[i,t] (n1×k) and R[j,t] (n2×k).',
    examples: ['completionLoss([[1, 2], [3, 0]], [[1, 0], [0, 1]], 1)  // 1/2*L[1,1]^2*R[1,1]^2 + 1/2*L[2,1]^2*R[2,1]^2 - L[1,1]*R[1,1] + 1/2'],
    category: 'networks',
    minArgs: 3,
    maxArgs: 3,
    call(ctx, [M, mask, k]) {
      const Mx = exactMatrixOf(ctx, M!, spanOf(ctx, 0), 'M');
      const W = exactMatrixOf(ctx, mask!, spanOf(ctx, 1), 'the mask');
      if (W.length !== Mx.length || W[0]!.length !== Mx[0]!.length) fail('shape', `the mask must have the shape of M (${Mx.length}×${Mx[0]!.length})`, spanOf(ctx, 1));
      const observed = W.flatMap((row, i) => row.flatMap((x, j) => (QQ.isZero(x) ? [] : [[i + 1, j + 1] as [number, number]])));
      if (observed.length === 0) fail('domain', 'the mask observes no entry', spanOf(ctx, 1));
      return recoveryValue(ctx, 'completion', completionLoss(Mx, observed, RECOVERY_K(ctx, k!, 2)));
    },
  },
  {
    name: 'robustPCALoss',
    signature: 'robustPCALoss(M, k, reg = 0)',
    summary:
      'The robust PCA loss f(L, R, G, H) = ||L Rᵀ + G⊙G - H⊙H - M||²_F + reg·(||G||²_F + ||H||²_F): a low-rank part L Rᵀ (L: n1×k, R: n2×k) plus a sparse corruption S = G⊙G - H⊙H overparametrized entrywise (You, Zhu, Qu, Ma, NeurIPS 2020), which makes the ℓ1 penalty polynomial (min ||G||² + ||H||² over G⊙G - H⊙H = S is ||S||_1).',
    examples: ['robustPCALoss([[2]], 1)  // L[1,1]^2*R[1,1]^2 + 2*L[1,1]*R[1,1]*G[1,1]^2 + G[1,1]^4 - 2*L[1,1]*R[1,1]*H[1,1]^2 - 2*G[1,1]^2*H[1,1]^2 + H[1,1]^4 - 4*L[1,1]*R[1,1] - 4*G[1,1]^2 + 4*H[1,1]^2 + 4'],
    category: 'networks',
    minArgs: 2,
    maxArgs: 2,
    keywords: ['reg'],
    call(ctx, [M, k], kwargs) {
      const reg = kwargs.get('reg');
      const lambda = reg ? exactEntry(ctx, reg, kwSpan(ctx, 'reg')) : QQ.zero;
      return recoveryValue(ctx, 'robust PCA', robustPcaLoss(exactMatrixOf(ctx, M!, spanOf(ctx, 0), 'M'), RECOVERY_K(ctx, k!, 1), lambda));
    },
  },
]);
