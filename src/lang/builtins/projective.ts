// Built-ins of projective geometry (src/geometry/projective.ts, the `projective` kind in
// src/lang/objects/projective.ts): projective(X), cone(P), hilbertPolynomial, multidegree, chernMather
// (of a product of projective spaces: src/geometry/multiprojective-chern-mather.ts).
import { chernMather, multidegree, projectiveHilbertPolynomial, projectiveVariety } from '../../geometry/projective.js';
import { multiprojectiveChernMather } from '../../geometry/multiprojective-chern-mather.js';
import * as G from '../../geometry/index.js';
import type { Rat } from '../../math/field.js';
import { PolyRing, type Poly } from '../../math/poly.js';
import { QQ } from '../../math/field.js';
import { timed } from '../../math/provenance.js';
import { fail } from '../diagnostics.js';
import { PROJECTIVE, projectiveValue } from '../objects/projective.js';
import { VARIETY, varietyValue } from '../objects/variety.js';
import { reportedProvenance, withProvenance } from '../provenance.js';
import { int, isObject, kindWord, list, poly, record, type RingData, type Value } from '../values.js';
import { computeOptions, expectIdeal, expectPrime, expectRationalRing, ringOfValues, spanOf } from './convert.js';
import { defineBuiltins, type CallContext } from './registry.js';

function expectProjective(ctx: CallContext, v: Value, index: number) {
  if (isObject(PROJECTIVE, v)) return v.data;
  return fail('type', `argument ${index + 1} must be a projective variety (projective(X)), got ${kindWord(v)}`, spanOf(ctx, index));
}

/** The affine cone of argument `index`: a variety, or a homogeneous ideal (or polynomials) of a rational ring. */
function coneArgument(ctx: CallContext, v: Value, index: number, what: string): { ring: RingData; cone: G.Variety } {
  if (isObject(VARIETY, v)) return { ring: v.data.ring, cone: v.data.variety };
  const ring = ringOfValues(ctx, [v]);
  expectRationalRing(ctx, ring, index, what);
  return { ring, cone: G.variety(ring.poly, expectIdeal(ctx, ring, v, index).gens as readonly Poly<Rat>[]) };
}

/** The options of the counts on random sections: the seeded stream, `prime = p`, interrupt and progress. */
function sectionOptions(ctx: CallContext, kwargs: ReadonlyMap<string, Value>) {
  return { random: ctx.random, prime: expectPrime(ctx, kwargs), ...computeOptions(ctx) };
}

/** A term {cuts, degree} of a multidegree or of a Chern–Mather class. */
function termRecord(t: { readonly cuts: readonly number[]; readonly degree: number | bigint }): Value {
  return record({ cuts: list(t.cuts.map((a) => int(a))), degree: int(t.degree) });
}

defineBuiltins([
  {
    name: 'projective',
    signature: 'projective(X, blocks = [n_1, ..., n_k])',
    summary:
      'The projective variety of a homogeneous ideal or of an affine cone X (a variety with homogeneous equations): X ⊂ P^{n-1}. With blocks = [n_1, ..., n_k] (summing to the number of variables), the subvariety of P^{n_1-1} × ⋯ × P^{n_k-1} of a multi-homogeneous ideal, the j-th block of variables the coordinates of the j-th factor. dim and degree then mean those of the projective variety; see also multidegree, chernMather, polarDegrees, edDegree, hilbertPolynomial and cone.',
    examples: ['dim(projective(veronese(2, 3)))  // 1', 'ring R = QQ[x, y, z];\nprojective(V(x*z - y^2))  // projective(V(-y^2 + x*z))'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['blocks'],
    call(ctx, [X], kwargs) {
      const { ring, cone } = coneArgument(ctx, X!, 0, 'projective varieties');
      const b = kwargs.get('blocks');
      let blocks: number[] | undefined;
      if (b) {
        const span = ctx.kwargSpans.get('blocks') ?? ctx.span;
        if (b.kind !== 'list') fail('type', `blocks must be a list of sizes, got ${kindWord(b)}`, span);
        blocks = b.items.map((v) => (v.kind === 'number' && v.value.den === 1n && v.value.num > 0n && v.value.num < 1000n ? Number(v.value.num) : fail('type', 'blocks must be positive integers', span)));
      }
      return projectiveValue(ring, projectiveVariety(cone, blocks));
    },
  },
  {
    name: 'cone',
    signature: 'cone(P)',
    summary: 'The affine cone (multi-cone for a product of projective spaces) of a projective variety, as a variety.',
    examples: ['ring R = QQ[x, y, z];\ncone(projective(V(x*z - y^2)))  // V(-y^2 + x*z)'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    returns: 'variety',
    call(ctx, [P]) {
      const { ring, projective } = expectProjective(ctx, P!, 0);
      return varietyValue(ring, projective.cone);
    },
  },
  {
    name: 'hilbertPolynomial',
    signature: 'hilbertPolynomial(P)',
    summary:
      'The Hilbert polynomial of a projective variety P ⊂ P^{n-1} (or of R/I for a homogeneous ideal I), as a polynomial in s: the dimension of the degree-s part of the coordinate ring for large s. Its degree is dim P and its leading coefficient times (dim P)! the degree (with multiplicity).',
    examples: ['hilbertPolynomial(projective(veronese(2, 3)))  // 3*s + 1', 'hilbertPolynomial(projective(segre(2, 2)))  // s^2 + 2*s + 1'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [P]) {
      const proj = isObject(PROJECTIVE, P!) ? P.data.projective : projectiveVariety(coneArgument(ctx, P!, 0, 'hilbertPolynomial').cone);
      const { value: coefficients, seconds } = timed(() => projectiveHilbertPolynomial(proj, computeOptions(ctx)));
      const S = new PolyRing(QQ, ['s']);
      const ring = ctx.registerRing({ name: 'hilbertPolynomial', poly: S, families: new Map() });
      const p = coefficients.reduce((acc, c, i) => S.add(acc, S.scale(S.pow(S.variable(0), i), c)), S.zero());
      return withProvenance(poly(ring, p), { algorithm: 'hilbert-polynomial', field: 'QQ', certified: false, seconds, note: 'from the Hilbert series of the leading monomials of a Gröbner basis (multi-modular over QQ)' });
    },
  },
  {
    name: 'multidegree',
    signature: 'multidegree(P, prime = p)',
    summary:
      'The multidegree of a subvariety P of a product of projective spaces (projective(X, blocks = [...])): a list of records {cuts, degree}, one per a = cuts with Σ a_j = dim P, where degree is the number of points of P on a_j general hyperplanes of the j-th factor (the coefficient of H_1^{N_1-a_1}⋯H_k^{N_k-a_k} in the class of P). Counted on seeded random sections, modulo two primes (or over GF(p)).',
    examples: ['ring R = QQ[x0, x1, y0, y1];\nmultidegree(projective(V(x0*y1 - x1*y0), blocks = [2, 2]))  // [{cuts: [0, 1], degree: 1}, {cuts: [1, 0], degree: 1}]'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['prime'],
    call(ctx, [P], kwargs) {
      const { projective } = expectProjective(ctx, P!, 0);
      const { value, seconds } = timed(() => multidegree(projective, sectionOptions(ctx, kwargs)));
      const how = reportedProvenance({ algorithm: 'multidegree (generic linear sections)', field: value.field, certified: value.certified, note: `dim ${value.dimension}; distinct points on random hyperplanes and one random chart per factor` }, seconds, ctx.random);
      return withProvenance(list(value.terms.map((t) => withProvenance(termRecord(t), how))), how);
    },
  },
  {
    name: 'chernMather',
    signature: 'chernMather(P, prime = p)',
    summary:
      "The degrees deg c_0, ..., deg c_m of the Chern–Mather classes of a projective variety P ⊂ P^{n-1} of dimension m (for smooth P, of its tangent bundle: c_0 = deg P, c_m = the Euler characteristic), from the polar degrees by Piene's formula δ_i = Σ_j (-1)^j C(m+1-j, i+1) deg c_j. Their combination Σ (-1)^i (2^{m+1-i} - 1) deg c_i is the generic ED degree (DHOST Thm 5.8). For a subvariety of a product of projective spaces (projective(X, blocks = [...]), equidimensional with a radical ideal): {classes, degrees, polar}, where classes[i+1] lists the terms {cuts, degree} of c_i (Σ cuts = m - i; degree = ∫ c_i H_1^{a_1}⋯H_k^{a_k}, the coefficient of H_1^{N_1-a_1}⋯H_k^{N_k-a_k}; classes[1] is the multidegree), from the Chern–Mather characteristics of general sections (c_M(X ∩ D) = c_M(X)·D/(1 + D)) of the Segre images, degrees the deg c_i in the Segre embedding (checked against Piene's formula on the Segre image) and polar the Segre image's polar degrees.",
    examples: ['chernMather(projective(veronese(2, 3)))  // [3, 2]', 'ring R = QQ[x0, x1, y0, y1];\nchernMather(projective(V(x0*y1 - x1*y0), blocks = [2, 2])).classes  // [[{cuts: [0, 1], degree: 1}, {cuts: [1, 0], degree: 1}], [{cuts: [0, 0], degree: 2}]]'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['prime'],
    call(ctx, [P], kwargs) {
      const { projective } = expectProjective(ctx, P!, 0);
      if (projective.blocks.length > 1) {
        const { value, seconds } = timed(() => multiprojectiveChernMather(projective, sectionOptions(ctx, kwargs)));
        const how = reportedProvenance(
          { algorithm: 'chern-mather (general sections of a product, Segre images, Piene)', field: value.field, certified: value.certified, note: `Chern–Mather characteristics of general sections by hyperplanes of each factor, from the polar degrees of their Segre images; the degrees in the Segre embedding [${value.degrees.join(', ')}] agree with Piene's formula on the Segre image's polar degrees [${value.polar.join(', ')}]` },
          seconds,
          ctx.random,
        );
        const classes = list(value.classes.map((terms) => list(terms.map(termRecord))));
        return withProvenance(record({ classes, degrees: list(value.degrees.map((d) => int(d))), polar: list(value.polar.map((d) => int(d))) }), how);
      }
      const { value, seconds } = timed(() => chernMather(projective, sectionOptions(ctx, kwargs)));
      const how = reportedProvenance({ algorithm: "chern-mather (Piene's formula on the polar degrees)", field: value.field, certified: value.certified, note: `polar degrees [${value.polar.join(', ')}] from the conormal variety` }, seconds, ctx.random);
      return withProvenance(list(value.chernMather.map((c) => int(c))), how);
    },
  },
]);
