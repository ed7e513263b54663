// Geometry built-ins: varieties, forms, projections, critical points, ED degrees, Morse indices and
// polar degrees. This file only adapts language values to the plain data of src/geometry and back;
// the mathematics lives there (see docs/geometry.md).
import { familyBase } from './network-families.js';
import { isParameterRing, parameterFamily, specializeParameters, specializeThrough } from './parameter-rings.js';
import { QQ, type Rat, rat } from '../../math/field.js';
import { Ideal } from '../../math/ideal-handle.js';
import { timed, type Provenance } from '../../math/provenance.js';
import { PolyRing, type Poly } from '../../math/poly.js';
import * as G from '../../geometry/index.js';
import type { CriticalComponent } from '../../geometry/critical-components.js';
import { fail } from '../diagnostics.js';
import { FORM, PROJECTION, ratMatrixValue } from '../objects/form.js';
import { pointValue } from '../objects/point.js';
import { VARIETY, varietyValue, type VarietyData } from '../objects/variety.js';
import { reportedProvenance, withProvenance } from '../provenance.js';
import { bool, idealValue, int, isMatrix, isObject, kindWord, list, num, object, poly, record, str, type RingData, type Value, type VariableFamily } from '../values.js';
import {
  type RationalRing,
  expectGenerators,
  expectRationalRing,
  expectPoly,
  expectPrime,
  expectRationalMatrix,
  expectRational,
  expectRationalVector,
  expectSmallInt,
  expectVariables,
  expectString,
  ringOfValues,
} from './convert.js';
import { defineBuiltins, type CallContext } from './registry.js';

// --- reading arguments -----------------------------------------------------------------------

function spanOf(ctx: CallContext, index: number) {
  return ctx.argSpans[index] ?? ctx.span;
}

function options(ctx: CallContext) {
  return { signal: ctx.signal, onProgress: ctx.onProgress };
}

/** Polar degrees count solutions of systems with random linear sections (seeded). */
function polarProvenance(res: G.PolarDegreesResult, seconds: number, ctx: CallContext): Provenance {
  return reportedProvenance(
    { algorithm: 'polar-degrees', field: res.field, certified: res.certified, note: `${res.method}; random sections give the generic counts unless they are special` },
    seconds,
    ctx.random,
  );
}

function expectVariety(ctx: CallContext, v: Value, index: number): VarietyData {
  if (isObject(VARIETY, v)) return v.data;
  return fail('type', `argument ${index + 1} must be a variety, got ${kindWord(v)}`, spanOf(ctx, index));
}

function checkQQ(ctx: CallContext, ring: RingData, index: number): asserts ring is RationalRing {
  expectRationalRing(ctx, ring, index, 'varieties');
}

/** A form: a form value, a symmetric matrix, or "weights" / "generic" (random, from the seed). */
function expectForm(ctx: CallContext, v: Value, index: number, n?: number): G.Form {
  if (isObject(FORM, v)) return v.data;
  if (v.kind === 'string' && n !== undefined) {
    if (v.value === 'weights') return G.randomWeights(n, ctx.random);
    if (v.value === 'generic') return G.randomSymmetricForm(n, ctx.random);
    if (v.value === 'identity') return G.identityForm(n);
    return fail('domain', `unknown form "${v.value}" (a form, a symmetric matrix, "identity", "weights" or "generic")`, spanOf(ctx, index));
  }
  if (isMatrix(v)) return G.form(expectNumericMatrix(ctx, v, index));
  return fail('type', `argument ${index + 1} must be a form or a symmetric matrix, got ${kindWord(v)}`, spanOf(ctx, index));
}

/** A diagnostic for a matrix or vector with symbolic entries (a family): it must be specialized first. */
function rejectSymbolic(ctx: CallContext, v: Value, index: number): void {
  const ring = ringInside(v);
  if (ring) fail('type', `argument ${index + 1} has symbolic entries (polynomials of ${ring.poly.toString()}): specialize its parameters first, e.g. at(M, t = 1/2)`, spanOf(ctx, index));
}

function expectNumericMatrix(ctx: CallContext, v: Value, index: number): Rat[][] {
  rejectSymbolic(ctx, v, index);
  return expectRationalMatrix(ctx, v, index);
}

function expectProjection(ctx: CallContext, v: Value, index: number): G.Projection {
  if (isObject(PROJECTION, v)) return v.data;
  if (isObject(FORM, v)) return G.projectionFromForm(v.data);
  if (isMatrix(v)) return G.projectionFromMatrix(expectRationalMatrix(ctx, v, index));
  return fail('type', `argument ${index + 1} must be a projection, got ${kindWord(v)}`, spanOf(ctx, index));
}

function expectPoint(ctx: CallContext, v: Value, index: number, n: number): Rat[] {
  rejectSymbolic(ctx, v, index);
  const u = expectRationalVector(ctx, v, index);
  if (u.length !== n) fail('shape', `the data point has ${u.length} coordinates but the variety lives in C^${n}`, spanOf(ctx, index));
  return u;
}

/** A fresh ring with an indexed family, or plain names. */
function freshRing(ctx: CallContext, name: string, R: PolyRing<Rat>, families: readonly G.CoordinateFamily[]): RationalRing {
  const fams = new Map<string, VariableFamily>(families.map((f) => [f.name, { name: f.name, ranges: f.ranges.map((r) => [r[0], r[1]] as const) }]));
  return ctx.registerRing({ name, poly: R, families: fams });
}

function constructed(ctx: CallContext, c: G.Constructed): Value {
  const ring = freshRing(ctx, c.variety.name ?? 'R', c.variety.ring, c.families);
  return varietyValue(ring, c.variety, c.frobenius);
}


function setInfo(info: G.SetInfo): Value {
  return record({ dim: int(info.dimension), degree: int(info.degree) });
}

/** The components of a critical set as {dim, degree, equations} records (a lazy field: computed when read). */
export function componentsField(ring: RingData, components: () => readonly CriticalComponent[]): () => Value {
  return () => list(components().map((c) => record({ dim: int(c.dimension), degree: int(c.degree), equations: idealValue(ring, new Ideal(ring.poly, c.equations)) })));
}

function integerArgs(ctx: CallContext, args: readonly Value[], min = 1): number[] {
  return args.map((a, i) => expectSmallInt(ctx, a, i, min, 1000));
}

/** diag(a1, ..., an), diag([a1, ..., an]) and weights(...): the diagonal form of the entries. */
function diagonalFormOf(ctx: CallContext, args: readonly Value[]): Value {
  const entries = args.length === 1 && args[0]!.kind === 'list' ? expectRationalVector(ctx, args[0]!, 0) : expectRationalVector(ctx, list(args), 0);
  return object(FORM, G.diagonalForm(entries));
}

// --- the built-ins ---------------------------------------------------------------------------

const INF = Number.POSITIVE_INFINITY;

defineBuiltins([
  {
    name: 'V',
    signature: 'V(f, ...) or V(I)',
    summary: 'The affine variety of some polynomials or of an ideal (a ring over QQ). ideal, dim, codim, degree and gens apply to it.',
    examples: ['ring R = QQ[x, y];\nlet X = V(y - x^2);\ndim(X)  // 1', 'ring R = QQ[x, y];\nV(x*y, x)  // V(x*y, x)'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: INF,
    returns: 'variety',
    call(ctx, args) {
      const items = args.length === 1 && args[0]!.kind === 'list' ? args[0]!.items : args;
      const ring = ringOfValues(ctx, items);
      checkQQ(ctx, ring, 0);
      const gens = args.length === 1 ? expectGenerators(ctx, ring, args[0]!, 0) : args.map((a, i) => expectPoly(ctx, ring, a, i));
      return varietyValue(ring, G.variety(ring.poly, gens));
    },
  },
  {
    name: 'singular',
    signature: 'singular(X)',
    summary: 'The singular locus of a variety: I(X) + the c×c minors of the Jacobian (c = codim X), as a variety.',
    examples: ['ring R = QQ[x, y];\ndim(singular(V(y^2 - x^3)))  // 0', 'ring R = QQ[x, y];\ndegree(singular(V(y^2 - x^2 - x^3)))  // 1'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    returns: 'variety',
    call(ctx, [X]) {
      const { ring, variety } = expectVariety(ctx, X!, 0);
      return varietyValue(ring, G.singularLocus(variety, options(ctx)));
    },
  },
  {
    name: 'image',
    signature: 'image(phi), image(phi, S) or image(p, X)',
    summary:
      'The closure of the image of a polynomial map phi (a list of polynomials; implicitization by elimination), in fresh coordinates y[1..n] or in the ring S; the variety keeps phi as its parametrization. image(p, X): the closure of p(X) for a projection p, in coordinates y[1..k].',
    examples: ['ring T = QQ[t];\nimage([t, t^2, t^3])  // V(y[2]^2 - y[1]*y[3], y[1]*y[2] - y[3], y[1]^2 - y[2])'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 2,
    returns: 'variety',
    call(ctx, args) {
      const [a, b] = args;
      if (isObject(PROJECTION, a) || isObject(FORM, a)) {
        const p = expectProjection(ctx, a!, 0);
        const { variety } = expectVariety(ctx, b ?? a!, 1);
        const target = G.targetRing(p);
        const ring = freshRing(ctx, 'image', target, [{ name: 'y', ranges: [[1, target.nvars]] }]);
        return varietyValue(ring, G.projectVariety(p, variety, target, options(ctx)));
      }
      if (a!.kind !== 'list' || a!.items.length === 0) return fail('type', 'image needs a list of polynomials (a map) or a projection and a variety', spanOf(ctx, 0));
      const source = ringOfValues(ctx, a!.items);
      checkQQ(ctx, source, 0);
      const map = a!.items.map((x) => expectPoly(ctx, source, x, 0));
      let target: RationalRing;
      if (b !== undefined) {
        if (b.kind !== 'ring') return fail('type', `argument 2 must be a ring (the target), got ${kindWord(b)}`, spanOf(ctx, 1));
        const given = b.ring;
        checkQQ(ctx, given, 1);
        target = given;
      } else {
        target = freshRing(ctx, 'image', new PolyRing(QQ, map.map((_, i) => `y[${i + 1}]`)), [{ name: 'y', ranges: [[1, map.length]] }]);
      }
      return varietyValue(target, G.imageOfMap(source.poly, map, target.poly, options(ctx)));
    },
  },
  {
    name: 'determinantal',
    signature: 'determinantal(m, n, r)',
    summary:
      'm×n matrices of rank at most r, in a fresh ring with coordinates x[i,j]: the (r+1)-minors. Carries the parametrization x = [I; a]·b on a chart (degree 1).',
    examples: ['dim(determinantal(2, 3, 1))  // 4', 'edDegree(determinantal(2, 3, 1))  // 2'],
    category: 'geometry',
    minArgs: 3,
    maxArgs: 3,
    returns: 'variety',
    call(ctx, args) {
      const [m, n] = integerArgs(ctx, args.slice(0, 2));
      const r = expectSmallInt(ctx, args[2]!, 2, 0, 1000);
      return constructed(ctx, G.determinantal(m!, n!, r));
    },
  },
  {
    name: 'veronese',
    signature: 'veronese(n, d)',
    summary:
      'The affine cone over the Veronese variety: symmetric tensors of rank <= 1 in Sym^d(C^n), coordinates x_{i1..id} (i1 <= ... <= id) named x112 (x1_1_2 when n > 9); equations: 2×2 minors of the catalecticant. frobenius(X) is its Frobenius form.',
    examples: ['gens(veronese(2, 2))  // [x12^2 - x11*x22]', 'edDegree(veronese(3, 2), frobenius(veronese(3, 2)))  // 3'],
    category: 'geometry',
    minArgs: 2,
    maxArgs: 2,
    returns: 'variety',
    call(ctx, args) {
      const [n, d] = integerArgs(ctx, args);
      return constructed(ctx, G.veronese(n!, d!));
    },
  },
  {
    name: 'segre',
    signature: 'segre(n1, n2, ...)',
    summary: 'The affine cone over the Segre variety: tensors x[i1,...,ik] of rank <= 1 (2×2 minors of all flattenings).',
    examples: ['dim(segre(2, 2, 2))  // 4', 'degree(segre(2, 3))  // 3'],
    category: 'geometry',
    minArgs: 2,
    maxArgs: INF,
    returns: 'variety',
    call(ctx, args) {
      return constructed(ctx, G.segre(integerArgs(ctx, args)));
    },
  },
  {
    name: 'symmetricRank',
    signature: 'symmetricRank(n, d, k)',
    summary:
      'The closure of the symmetric tensors of rank <= k in Sym^d(C^n) (coordinates as veronese). Equations: (k+1)-minors of the symmetric matrix (d = 2) or of the Hankel matrix (n = 2), 3×3 minors of catalecticants (k = 2), else implicitization.',
    examples: ['dim(symmetricRank(3, 2, 2))  // 5', 'dim(symmetricRank(2, 4, 2))  // 4'],
    category: 'geometry',
    minArgs: 3,
    maxArgs: 3,
    returns: 'variety',
    call(ctx, args) {
      const [n, d, k] = integerArgs(ctx, args);
      return constructed(ctx, G.symmetricRank(n!, d!, k!, options(ctx)));
    },
  },
  {
    name: 'hypersurface',
    signature: 'hypersurface(f)',
    summary: 'The hypersurface V(f) of one polynomial, in the ring of f.',
    examples: ['ring R = QQ[x, y];\nedDegree(hypersurface(x^2 + 2*y^2 - 1))  // 4'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    returns: 'variety',
    call(ctx, [f]) {
      const ring = ringOfValues(ctx, [f!]);
      checkQQ(ctx, ring, 0);
      return varietyValue(ring, G.hypersurface(ring.poly, expectPoly(ctx, ring, f!, 0)));
    },
  },
  {
    name: 'identity',
    signature: 'identity(n)',
    summary: 'The identity form on C^n (the Euclidean / Frobenius inner product).',
    examples: ['identity(3)  // diag(1, 1, 1)'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    returns: 'form',
    call: (ctx, [n]) => object(FORM, G.identityForm(expectSmallInt(ctx, n!, 0, 1, 10000))),
  },
  {
    name: 'diag',
    signature: 'diag(a1, ..., an)',
    summary: 'The diagonal form with the given entries (a list also works).',
    examples: ['rank(diag(1, 1, 0))  // 2'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: INF,
    returns: 'form',
    call: diagonalFormOf,
  },
  {
    name: 'weights',
    signature: 'weights(w1, ..., wn)',
    summary: 'The diagonal form of some weights: the same as diag.',
    examples: ['weights(1, 2, 3)  // diag(1, 2, 3)'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: INF,
    returns: 'form',
    call: diagonalFormOf,
  },
  {
    name: 'form',
    signature: 'form(M)',
    summary: 'The form of a symmetric rational matrix (an error names the first asymmetric pair).',
    examples: ['form([[2, 1], [1, 2]])  // form([[2, 1], [1, 2]])'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    returns: 'form',
    call: (ctx, [M]) => object(FORM, G.form(expectNumericMatrix(ctx, M!, 0))),
  },
  {
    name: 'gram',
    signature: 'gram(D)',
    summary: 'The form D·D^T of a data matrix D (n×N); degenerate when the columns of D do not span C^n (e.g. N < n).',
    examples: ['rank(gram([[1], [2], [3]]))  // 1'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    returns: 'form',
    call: (ctx, [D]) => object(FORM, G.gramForm(expectNumericMatrix(ctx, D!, 0))),
  },
  {
    name: 'kernel',
    signature: 'kernel(Q)',
    summary: 'An exact rational basis of the kernel of a form or matrix, as a list of vectors.',
    examples: ['kernel(diag(1, 0, 1))  // [[0, 1, 0]]'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [Q]) {
      if (isObject(FORM, Q)) return ratMatrixValue(G.formKernel(Q.data));
      if (isObject(PROJECTION, Q)) return ratMatrixValue(G.formKernel({ matrix: Q.data.matrix }));
      const M = expectRationalMatrix(ctx, Q!, 0);
      return ratMatrixValue(G.formKernel({ matrix: M }));
    },
  },
  {
    name: 'frobenius',
    signature: 'frobenius(X)',
    summary:
      'The Frobenius (Bombieri–Weyl) form of a standard variety\'s coordinates: the identity for matrices and tensors, the multinomial weights d!/(m1!...mn!) for symmetric tensors (veronese, symmetricRank).',
    examples: ['frobenius(veronese(2, 2))  // diag(1, 2, 1)'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    returns: 'form',
    call(ctx, [X]) {
      const data = expectVariety(ctx, X!, 0);
      const w = data.frobenius ?? data.ring.poly.vars.map(() => 1n);
      return object(FORM, G.diagonalForm(w.map((x: bigint) => rat(x))));
    },
  },
  {
    name: 'projection',
    signature: 'projection(Q) or projection(A)',
    summary:
      'The linear map C^n -> C^k along the kernel of a form Q (k = rank Q; its matrix is the reduced row echelon basis of the row space), or x -> A x for a full-row-rank matrix A.',
    examples: ['projection(diag(0, 1, 1))  // projection([[0, 1, 0], [0, 0, 1]])'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    returns: 'projection',
    call(ctx, [Q]) {
      if (isObject(FORM, Q)) return object(PROJECTION, G.projectionFromForm(Q.data));
      return object(PROJECTION, G.projectionFromMatrix(expectRationalMatrix(ctx, Q!, 0)));
    },
  },
  {
    name: 'ramification',
    signature: 'ramification(p, X)',
    summary:
      'The ramification locus of a projection p on X: smooth points where dp restricted to the tangent space has rank below min(dim X, k) (not injective when k > dim X); I(X) + minors of [Jac; P], saturated by the singular locus.',
    examples: ['ring T = QQ[t];\nlet C = image([t, t^2, t^3]);\nramification(projection(diag(0, 1, 1)), C)  // V(y[3], y[2], y[1])'],
    category: 'geometry',
    minArgs: 2,
    maxArgs: 2,
    returns: 'variety',
    call(ctx, [p, X]) {
      const P = expectProjection(ctx, p!, 0);
      const { ring, variety } = expectVariety(ctx, X!, 1);
      return varietyValue(ring, G.ramificationLocus(P, variety, ctx.random, options(ctx)));
    },
  },
  {
    name: 'branch',
    signature: 'branch(p, X)',
    summary: 'The branch locus: the closure of the image of the ramification locus, in coordinates y[1..k].',
    examples: ['ring T = QQ[t];\nlet C = image([t, t^2, t^3]);\nbranch(projection(diag(0, 1, 1)), C)  // V(y[2], y[1])'],
    category: 'geometry',
    minArgs: 2,
    maxArgs: 2,
    returns: 'variety',
    call(ctx, [p, X]) {
      const P = expectProjection(ctx, p!, 0);
      const { variety } = expectVariety(ctx, X!, 1);
      const target = G.targetRing(P);
      const ring = freshRing(ctx, 'branch', target, [{ name: 'y', ranges: [[1, target.nvars]] }]);
      return varietyValue(ring, G.branchLocus(P, variety, ctx.random, options(ctx)));
    },
  },
  {
    name: 'critical',
    signature: 'critical(X, Q, u)',
    summary:
      'The ideal of critical points of d_u(x) = (x-u)^T Q (x-u) on the smooth points of X: I + (c+1)-minors of [Q(x-u); Jac], saturated by the singular locus (in the ring of X).',
    examples: ['ring R = QQ[x, y];\ncritical(V(y - x^2), identity(2), [0, 2])  // ideal(y^2 - 3/2*y, x*y - 3/2*x, x^2 - y)'],
    category: 'geometry',
    minArgs: 3,
    maxArgs: 3,
    returns: 'ideal',
    call(ctx, [X, Q, u]) {
      const { ring, variety } = expectVariety(ctx, X!, 0);
      const n = ring.poly.nvars;
      const form = expectForm(ctx, Q!, 1, n);
      return idealValue(ring, new Ideal(ring.poly, G.criticalIdeal(variety, form, expectPoint(ctx, u!, 2, n), ctx.random, options(ctx))));
    },
  },
  {
    name: 'edDegree',
    signature: 'edDegree(X, Q = identity, method = "auto", prime = p, certified = false, details = false)',
    summary:
      'The number of complex critical points of d_u on X for a generic data point u (seeded). Q: a form, a symmetric matrix, "weights" (generic diagonal) or "generic". method: "auto" (default: the parametric route, or for a degenerate form the projected one, or the Lagrange route, whichever has the smaller Bézout number; how(...) says which and why), "lagrange", "minors", "parametric", "projected" (a degenerate form of rank above dim X on a parametrized X: the regular critical points through the parametrization of the projected variety, the fibre and ramification points by the Lagrange system on their locus; details give the three counts) or "polar" (sum of polar degrees: the generic ED degree, homogeneous X only). Over QQ counted modulo three random primes by default, which must agree (probabilistic: how(...) gives the primes and the error bound); certified = true counts exactly over QQ with a certified Gröbner basis; prime = p counts over GF(p). details = true gives {count, route, method, field, certified}; a positive-dimensional critical set is reported with its dim and degree, and with those of its fibre points (and of its ramification points when it leaves the fibre), and components lists all its irreducible components {dim, degree, equations}, isolated points included (computed when read).',
    examples: ['ring T = QQ[t];\nedDegree(image([t, t^2, t^3]))  // 5', 'edDegree(determinantal(2, 2, 1), diag(1, 1, 1, 0))  // 3', 'ring T = QQ[t];\nedDegree(image([t, t^2, t^3]), diag(0, 1, 1), details = true).regular  // 4'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 2,
    keywords: ['method', 'prime', 'certified', 'details'],
    call(ctx, args, kwargs) {
      const { variety, ring } = expectVariety(ctx, args[0]!, 0);
      const c = kwargs.get('certified');
      if (c && c.kind !== 'bool') fail('type', `certified must be true or false, got ${kindWord(c)}`, ctx.kwargSpans.get('certified') ?? ctx.span);
      const exact = c?.kind === 'bool' && c.value;
      const n = variety.ring.nvars;
      const m = kwargs.get('method');
      const method = m ? expectString(ctx, m, 1) : 'auto';
      if (!['auto', 'lagrange', 'minors', 'parametric', 'projected', 'polar'].includes(method)) {
        fail('domain', `unknown method "${method}" (auto, lagrange, minors, parametric, projected or polar)`, ctx.kwargSpans.get('method') ?? ctx.span);
      }
      const prime = expectPrime(ctx, kwargs);
      const detailsValue = kwargs.get('details');
      const details = detailsValue?.kind === 'bool' && detailsValue.value;
      if (method === 'polar') {
        if (args.length > 1) fail('domain', 'method "polar" gives the generic ED degree: leave out the form', spanOf(ctx, 1));
        const { value: res, seconds } = timed(() => G.polarDegrees(variety, { random: ctx.random, prime, ...options(ctx) }));
        return withProvenance(
          details
            ? record({ count: int(res.sum), polarDegrees: list(res.degrees.map((d) => int(d))), method: str(res.method), field: str(res.field), certified: { kind: 'bool', value: res.certified } })
            : int(res.sum),
          polarProvenance(res, seconds, ctx),
        );
      }
      const form = args.length > 1 ? expectForm(ctx, args[1]!, 1, n) : G.identityForm(n);
      const asked = method === 'auto' ? undefined : (method as G.EDMethod);
      const { value: res, seconds } = timed(() => G.edDegree(variety, form, { random: ctx.random, prime, exact, method: asked, ...options(ctx) }));
      const how = reportedProvenance(
        { algorithm: `ed-degree (${res.route})`, field: res.field, certified: res.certified, ...(res.errorBound === undefined ? {} : { errorBound: res.errorBound }), ...(res.primes === undefined ? {} : { primes: res.primes }), note: `${res.method}; the count for a random data point u, which is the ED degree unless u is special; ${res.reason}` },
        seconds,
        ctx.random,
      );
      const fields: Record<string, Value | (() => Value)> = {};
      fields['count'] = res.count === null ? str('positive-dimensional') : int(res.count);
      if (res.positiveDimensional) fields['positiveDimensional'] = setInfo(res.positiveDimensional);
      if (res.components) fields['components'] = componentsField(ring, res.components);
      if (res.fibre) fields['fibre'] = setInfo(res.fibre);
      if (res.ramification) fields['ramification'] = setInfo(res.ramification);
      if (res.regular !== undefined) fields['regular'] = int(res.regular);
      if (!details && res.count !== null) return withProvenance(int(res.count), how);
      fields['route'] = str(res.route);
      fields['method'] = str(res.method);
      fields['field'] = str(res.field);
      fields['certified'] = { kind: 'bool', value: res.certified };
      return withProvenance(record(fields), how);
    },
  },
  {
    name: 'polarDegrees',
    signature: 'polarDegrees(X, prime = p)',
    summary:
      'The polar degrees δ_0, ..., δ_{dim PX} of the projective variety of a homogeneous ideal (multidegrees of the conormal variety); their sum is the generic ED degree (DHOST Thm 5.4).',
    examples: ['polarDegrees(veronese(2, 3))  // [4, 3]'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['prime'],
    call(ctx, [X], kwargs) {
      const { variety } = expectVariety(ctx, X!, 0);
      const { value: res, seconds } = timed(() => G.polarDegrees(variety, { random: ctx.random, prime: expectPrime(ctx, kwargs), ...options(ctx) }));
      return withProvenance(list(res.degrees.map((d) => int(d))), polarProvenance(res, seconds, ctx));
    },
  },
  {
    name: 'criticalPoints',
    signature: 'criticalPoints(X, Q, u, digits = 10)',
    summary:
      'The critical points of d_u on X: {complex, real, minima, indices, degenerate, fibre, ramification, regular, points}. indices[k+1] counts the real critical points of Morse index k (certain: interval LDLᵀ of the bordered Hessian on the modular parametrization\'s point boxes, exact where undecided); fibre / ramification / regular split the complex ones (projection along ker Q); points lists each real one: {point, loss, index, kind}, point an exact real point (as solve\'s points; printed to `digits` digits), loss a decimal. A positive-dimensional critical set gives {complex: "positive-dimensional", dim, degree, components}: components lists every irreducible component of the critical set as {dim, degree, equations}, isolated points included (exact over QQ: elimination of the multipliers and minimal primes; computed when read).',
    examples: ['ring R = QQ[x, y];\ncriticalPoints(V(y - x^2), identity(2), [0, 2]).indices  // [2, 1]'],
    category: 'geometry',
    minArgs: 3,
    maxArgs: 3,
    keywords: ['digits'],
    call(ctx, [X, Q, u], kwargs) {
      const { variety, ring } = expectVariety(ctx, X!, 0);
      const n = variety.ring.nvars;
      const form = expectForm(ctx, Q!, 1, n);
      const d = kwargs.get('digits');
      const digits = d ? expectSmallInt(ctx, d, 3, 1, 1000) : 10;
      const { value: res, seconds } = timed(() => G.criticalPoints(variety, form, expectPoint(ctx, u!, 2, n), { random: ctx.random, digits, ...options(ctx) }));
      // The engine does not certify its Gröbner bases or parametrizations over QQ (multi-modular by default): say so.
      const param = res.provenance;
      const how = {
        ...reportedProvenance(
          { algorithm: param ? 'critical-points: parametrization + interval inertia' : 'critical-points', field: 'QQ', certified: false, note: param ? `${res.method}; ${param.note}` : res.method },
          seconds,
          ctx.random,
        ),
        ...(param?.primes ? { primes: param.primes } : {}),
      };
      if (res.complex === null) {
        const info = res.positiveDimensional!;
        const fields: Record<string, Value | (() => Value)> = { complex: str('positive-dimensional'), dim: int(info.dimension), degree: int(info.degree) };
        if (res.fibreSet) fields['fibre'] = setInfo(res.fibreSet);
        if (res.components) fields['components'] = componentsField(ring, res.components);
        return withProvenance(record(fields), how);
      }
      return withProvenance(record({
        complex: int(res.complex),
        real: int(res.real ?? 0),
        minima: int(res.minima ?? 0),
        indices: list(res.indices.map((k) => int(k))),
        degenerate: int(res.degenerate ?? 0),
        fibre: int(res.fibre ?? 0),
        ramification: int(res.ramification ?? 0),
        regular: int(res.regular ?? 0),
        points: list(
          res.points.map((p) =>
            record({ point: p.exact ? pointValue(p.exact, ring, digits) : list(p.point.map((x) => str(x))), loss: str(p.loss), index: int(p.index), kind: str(p.kind) }),
          ),
        ),
      }), how);
    },
  },
]);

// --- families: specialization, discriminants, sweeps (src/geometry/family.ts, discriminant.ts) ----

/** The ring of the first polynomial, ideal or variety inside a value (lists and records searched), or null. */
function ringInside(v: Value): RingData | null {
  if (v.kind === 'poly' || v.kind === 'ideal') return v.ring;
  if (isObject(VARIETY, v)) return v.data.ring;
  if (v.kind === 'list') {
    for (const x of v.items) {
      const r = ringInside(x);
      if (r) return r;
    }
  }
  if (v.kind === 'record') {
    for (const x of v.fields.values()) {
      const r = ringInside(x);
      if (r) return r;
    }
  }
  return null;
}

/** A value specialized: polynomials, ideals and varieties of `source` moved to the ring of the remaining variables. */
function specializeValue(ctx: CallContext, v: Value, source: RingData, sp: G.Specialization, target: () => RationalRing | null): Value {
  const inSource = (r: RingData) => {
    if (r.id !== source.id) fail('ring-mismatch', `at: a value lives in ${r.poly.toString()}, another ring than ${source.poly.toString()}`, spanOf(ctx, 0));
  };
  const polyOf = (p: Poly<Rat>): Value => {
    const T = target();
    if (!T) return num(G.specializeToNumber(sp, p));
    const q = G.specializePoly(sp, p);
    return sp.target!.isConstant(q) ? num(sp.target!.constantCoeff(q)) : poly(T, q);
  };
  const needTarget = (what: string): RationalRing => target() ?? fail('domain', `at: every variable of ${source.poly.toString()} is specialized, which leaves no ring for ${what}`, ctx.span);
  return specializeThrough(v, (w) => {
    switch (w.kind) {
      case 'poly':
        inSource(w.ring);
        return polyOf(w.poly as Poly<Rat>);
      case 'ideal': {
        inSource(w.ring);
        const T = needTarget('an ideal');
        return idealValue(T, new Ideal(T.poly, w.ideal.gens.map((g) => G.specializePoly(sp, g as Poly<Rat>))));
      }
      default:
        if (isObject(VARIETY, w)) {
          inSource(w.data.ring);
          const T = needTarget('a variety');
          return varietyValue(T, G.variety(T.poly, w.data.variety.gens.map((g) => G.specializePoly(sp, g))));
        }
        if (isObject(FORM, w) || isObject(PROJECTION, w)) return w; // numeric already
        return fail('type', `at does not apply to ${kindWord(w)}`, spanOf(ctx, 0));
    }
  });
}

/** The variables and rational values of keyword specializations `t = a`. */
function specializationOf(ctx: CallContext, ring: RationalRing, kwargs: ReadonlyMap<string, Value>): G.Specialization {
  const values = new Map<number, Rat>();
  for (const [name, value] of kwargs) {
    const span = ctx.kwargSpans.get(name) ?? ctx.span;
    const i = ring.poly.vars.indexOf(name);
    if (i < 0) fail('unknown-name', `${name} is not a variable of ${ring.poly.toString()}`, span);
    if (value.kind !== 'number') fail('type', `the value of ${name} must be an exact number, got ${kindWord(value)}`, span);
    values.set(i, value.value);
  }
  return G.specialization(ring.poly, values);
}

/** The parameters of a discriminant: a variable, a list of variables or an indexed family. */
function parameterIndices(ctx: CallContext, ring: RingData, v: Value, index: number): number[] {
  if (familyBase(ring)) {
    // A family's loss: its parameters may be named by the variables of the parameter ring they came from.
    const byName = (x: Value): number | null => {
      if (x.kind !== 'poly' || x.ring.id === ring.id) return null;
      const name = x.ring.poly.vars.find((_, i) => x.ring.poly.equals(x.poly, x.ring.poly.variable(i)));
      const k = name === undefined ? -1 : ring.poly.vars.indexOf(name);
      return k >= 0 ? k : null;
    };
    const items = v.kind === 'list' ? v.items : [v];
    const found = items.map(byName);
    if (found.every((k) => k !== null)) return found as number[];
  }
  return expectVariables(ctx, ring, v, index);
}

/**
 * The family F (a list or ideal) and its parameters of `discriminant` and `sweep`: in a ring holding
 * the parameters as variables, or in a ring with parameters QQ(t)[x] (read in QQ[x, t], denominators
 * cleared; `poles`: the denominators, where F itself is undefined).
 */
function familyArguments(ctx: CallContext, F: Value, params: Value): { ring: RationalRing; gens: Poly<Rat>[]; params: number[]; poles: Poly<Rat>[] } {
  const ring = ringOfValues(ctx, F.kind === 'list' ? F.items : [F]);
  if (isParameterRing(ring)) {
    const fam = parameterFamily(ctx, ring, expectGenerators(ctx, ring, F, 0), params, 1);
    return { ring: fam.ring, gens: fam.polys, params: fam.params, poles: fam.poles };
  }
  checkQQ(ctx, ring, 0);
  const gens = expectGenerators(ctx, ring, F, 0);
  return { ring, gens, params: parameterIndices(ctx, ring, params, 1), poles: [] };
}

defineBuiltins([
  {
    name: 'at',
    signature: 'at(X, t = a, ...)',
    summary:
      'Specializes parameters: the variables named are replaced by exact numbers in a polynomial, a matrix or list of them (a form or data with symbolic entries), an ideal, a variety or a record, which move to the ring of the remaining variables (constants become numbers). A family is an object whose ring holds its parameters as variables. In a ring with parameters QQ(t)[x] every parameter is given and the value moves to QQ[x]; an ideal is specialized through its basis over QQ(t), and a pole there is an error (not a generic value).',
    examples: ['ring R = QQ[x, y, t];\nat(x^2 + t*y, t = 1/2)  // x^2 + 1/2*y', 'ring R = QQ[t];\nform(at([[1, t], [t, 2]], t = 1/3))  // form([[1, 1/3], [1/3, 2]])'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    keywords: 'any',
    call(ctx, [X], kwargs) {
      if (kwargs.size === 0) return fail('arity', 'at needs at least one specialization, e.g. at(X, t = 1/2)', ctx.span);
      const source = ringInside(X!);
      if (!source) {
        const [name] = kwargs.keys();
        return fail('unknown-name', `${name} is not a variable of anything in the first argument (it holds no polynomial)`, ctx.kwargSpans.get(name!) ?? ctx.span);
      }
      if (isParameterRing(source)) return specializeParameters(ctx, X!, source, kwargs);
      checkQQ(ctx, source, 0);
      const sp = specializationOf(ctx, source, kwargs);
      let target: RationalRing | null | undefined;
      const targetRing = () => {
        if (target === undefined) {
          const base = familyBase(source);
          if (!sp.target) target = null;
          else if (base && base.poly.vars.length === sp.target.nvars && base.poly.vars.every((v, i) => v === sp.target!.vars[i])) {
            target = base as RationalRing; // a family's loss with every parameter specialized: back in the network's ring
          } else {
            const kept = new Set(sp.target.vars);
            const families = new Map([...source.families].filter(([, f]) => source.variables.every((v) => v.family !== f.name || kept.has(v.name))));
            target = ctx.registerRing({ name: source.name, poly: sp.target, families });
          }
        }
        return target;
      };
      return specializeValue(ctx, X!, source, sp, targetRing);
    },
  },
  {
    name: 'discriminant',
    signature: 'discriminant(F, params)',
    summary:
      'The discriminant of a family of zero-dimensional square systems F (a list or ideal) in a ring holding the parameters params (a variable or a list): where two solutions meet (the eliminant of F and its Jacobian determinant in the unknowns) or one may escape to infinity (leading coefficients of the Gröbner basis in the unknowns); components at infinity for every parameter are left out. {polynomial, degree, real, critical, infinity, generic, factors, roots, spurious, changing} for one parameter (real: its distinct real roots; generic: the generic complex count; factors: each irreducible factor with the complex count at its roots, the real roots it changes the real count across, and spurious when nothing changes there; roots: each real root {from, to, below, above, complex, changes}; computed on first read), {ideal, critical, infinity} otherwise; in a fresh ring of the parameters. F may live in a ring with parameters QQ(t)[x] (params: the field\'s parameters): it is read with denominators cleared, and the denominators join as the part poles.',
    examples: ['ring R = QQ[x, t];\ndiscriminant([x^2 - t], t).polynomial  // t'],
    category: 'geometry',
    minArgs: 2,
    maxArgs: 2,
    call(ctx, [F, params]) {
      const { ring, gens, params: ps, poles } = familyArguments(ctx, F!, params!);
      const { value: res, seconds } = timed(() => G.discriminant(ring.poly, gens, ps, options(ctx), poles));
      const P = freshRing(ctx, 'parameters', res.ring, []);
      const polys = (fs: readonly Poly<Rat>[]) => list(fs.map((f) => poly(P, f)));
      const how = reportedProvenance({ algorithm: 'discriminant', field: 'QQ', certified: false, note: `${res.method}; Gröbner bases over QQ by the multi-modular algorithm` }, seconds, ctx.random);
      if (res.degree !== undefined) {
        // Which roots change the counts, and which are spurious: computed together on first read of any of these fields.
        let checked: G.RootClassification | undefined;
        const check = () => (checked ??= G.classifyRoots(ring.poly, gens, ps[0]!, res.ring, res.polynomials[0]!, ctx.random, options(ctx)));
        const count = (n: number | null) => (n === null ? str('positive-dimensional') : int(n));
        return withProvenance(record({
          polynomial: poly(P, res.polynomials[0]!),
          degree: int(res.degree),
          real: int(res.realRoots ?? 0),
          critical: polys(res.critical),
          infinity: polys(res.infinity),
          ...(res.poles.length > 0 ? { poles: polys(res.poles) } : {}),
          generic: () => count(check().generic),
          factors: () => list(check().factors.map((f) => record({ polynomial: poly(P, f.polynomial), complex: count(f.complex), crossings: int(f.crossings), spurious: bool(f.spurious) }))),
          roots: () => list(check().roots.map((r) => record({ from: num(r.lo), to: num(r.hi), below: count(r.below), above: count(r.above), complex: count(r.complex), changes: bool(r.changes) }))),
          spurious: () => polys(check().factors.filter((f) => f.spurious).map((f) => f.polynomial)),
          changing: () => poly(P, check().factors.filter((f) => !f.spurious).reduce((a, f) => res.ring.mul(a, f.polynomial), res.ring.one())),
        }), how);
      }
      return withProvenance(record({ ideal: idealValue(P, new Ideal(P.poly, res.polynomials)), critical: polys(res.critical), infinity: polys(res.infinity), ...(res.poles.length > 0 ? { poles: polys(res.poles) } : {}) }), how);
    },
  },
  {
    name: 'sweep',
    signature: 'sweep(F, t, a, b, n)',
    summary:
      'The numbers of complex and real solutions of the family F (a square system in a ring holding the parameter t) at the n + 1 values t = a + k (b - a)/n, exactly: a list of {t, complex, real} (complex "positive-dimensional" where the fibre is not finite). Between consecutive roots of discriminant(F, t) the counts are constant. F may live in a ring with parameters QQ(t)[x].',
    examples: ['ring R = QQ[x, t];\nsweep([x^2 - t], t, -1, 1, 2)  // [{t: -1, complex: 2, real: 0}, {t: 0, complex: 1, real: 1}, {t: 1, complex: 2, real: 2}]'],
    category: 'geometry',
    minArgs: 5,
    maxArgs: 5,
    call(ctx, [F, t, a, b, n]) {
      const { ring, gens, params: ps } = familyArguments(ctx, F!, t!);
      if (ps.length !== 1) fail('domain', 'sweep moves one parameter', spanOf(ctx, 1));
      const ti = ps[0]!;
      const steps = expectSmallInt(ctx, n!, 4, 1, 10000);
      const { value: points, seconds } = timed(() => G.sweep(ring.poly, gens, ti, expectRational(ctx, a!, 2), expectRational(ctx, b!, 3), steps, options(ctx)));
      const how = reportedProvenance({ algorithm: 'sweep', field: 'QQ', certified: false, note: 'exact solution counts (solve) at each grid value' }, seconds, ctx.random);
      return withProvenance(list(points.map((p) => record({ t: num(p.t), complex: p.complex === null ? str('positive-dimensional') : int(p.complex), real: p.real === null ? str('positive-dimensional') : int(p.real) }))), how);
    },
  },
]);
