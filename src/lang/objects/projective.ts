// The `projective` object kind: a projective variety X ⊂ P^{n-1}, or a subvariety of a product of
// projective spaces, given by its (multi-)homogeneous affine cone (src/geometry/projective.ts) with the
// language ring of the homogeneous coordinates. Printed projective(V(f, ...)) (with `blocks = [...]`
// for a product); `==` compares the saturations of the ideals by the irrelevant ideals (two cones with
// the same projective variety are equal). dim, degree, gens, ideal, vars, ringOf, polarDegrees and
// edDegree apply to it with their projective meaning (dim X, not the cone's; the generic ED degree by
// two routes; polarDegrees of a product: those of its Segre image); multidegree, chernMather and hilbertPolynomial are its own built-ins.
import { chernMather, multidegree, projectiveDimension, projectiveEdDegree, type ProjectiveVariety } from '../../geometry/projective.js';
import { segreImage } from '../../geometry/multiprojective-chern-mather.js';
import type { Rat } from '../../math/field.js';
import * as ideals from '../../math/ideal.js';
import type { Poly } from '../../math/poly.js';
import type { Provenance } from '../../math/provenance.js';
import { timed } from '../../math/provenance.js';
import { reducedDegree } from '../../math/decompose/index.js';
import { fail } from '../diagnostics.js';
import { computeOptions, expectPrime, expectString } from '../builtins/convert.js';
import { multiplicityAsked, quietSeed } from '../builtins/decompose-options.js';
import type { CallContext } from '../builtins/registry.js';
import type { ObjectKind } from '../object-kind.js';
import { polyLatex, polySympy, polyText, ringJson } from '../print.js';
import { reportedProvenance, withProvenance } from '../provenance.js';
import { bool, idealValue, int, isObject, list, object, poly, record, str, type ObjectValue, type RingData, type Value } from '../values.js';
import { varietyIdeal } from './variety.js';

export interface ProjectiveData {
  readonly ring: RingData;
  readonly projective: ProjectiveVariety;
}

function blocksText(P: ProjectiveVariety): string {
  return P.blocks.length === 1 ? '' : `, blocks = [${P.blocks.join(', ')}]`;
}

/** The ideal saturated by the irrelevant ideal of each block (the ideal of the projective variety's points). */
function saturated(P: ProjectiveVariety): Poly<Rat>[] {
  const R = P.cone.ring;
  let gens: Poly<Rat>[] = P.cone.gens.slice();
  let start = 0;
  for (const size of P.blocks) {
    gens = ideals.saturate(R, gens, Array.from({ length: size }, (_, i) => R.variable(start + i)));
    start += size;
  }
  return ideals.reducedBasis(R, gens);
}

function exactProvenance(algorithm: string, note: string, seconds: number): Provenance {
  return { algorithm, field: 'QQ', certified: false, seconds, note };
}

export const PROJECTIVE: ObjectKind<ProjectiveData> = {
  name: 'projective',
  typeName: 'Projective',
  kindWord: 'a projective variety',
  summary:
    'A projective variety X ⊂ P^{n-1} (or in a product of projective spaces, one block of homogeneous coordinates per factor) given by its homogeneous cone; it prints as projective(V(f, ...)), and == compares the ideals saturated by the irrelevant ideals. dim and degree are those of X (not of the cone).',
  text: ({ ring, projective }) => `projective(V(${projective.cone.gens.map((g) => polyText(ring, g)).join(', ')})${blocksText(projective)})`,
  json: ({ ring, projective }) => ({ projective: projective.cone.gens.map((g) => polyText(ring, g)), blocks: [...projective.blocks], ring: ring.poly.toString() }),
  typed: ({ ring, projective }) => ({
    generators: projective.cone.gens.map((g) => polyText(ring, g)),
    sympy: projective.cone.gens.map((g) => polySympy(ring, g)),
    blocks: [...projective.blocks],
    ring: ringJson(ring),
  }),
  latex: ({ ring, projective }) => `V_{\\mathbb{P}}\\left(${projective.cone.gens.map((g) => polyLatex(ring, g)).join(', ')}\\right)`,
  equals: (x, y) =>
    x.ring.id === y.ring.id &&
    x.projective.blocks.length === y.projective.blocks.length &&
    x.projective.blocks.every((b, i) => b === y.projective.blocks[i]) &&
    ideals.idealEquals(x.ring.poly as typeof x.projective.cone.ring, saturated(x.projective), saturated(y.projective)),
  fields: {
    gens: ({ ring, projective }) => list(projective.cone.gens.map((g) => poly(ring, g))),
    blocks: ({ projective }) => list(projective.blocks.map((b) => int(b))),
  },
  methods: {
    ideal: (_ctx, { ring, projective }) => idealValue(ring, varietyIdeal(projective.cone)),
    gens: (_ctx, { ring, projective }) => list(projective.cone.gens.map((g) => poly(ring, g))),
    vars: (_ctx, { ring }) => list(ring.poly.vars.map((_, i) => poly(ring, ring.poly.variable(i)))),
    ringOf: (_ctx, { ring }) => ({ kind: 'ring', ring }),
    dim: (ctx, { projective }) => {
      const { value, seconds } = timed(() => projectiveDimension(projective, { random: ctx.random.clone(), ...computeOptions(ctx) }));
      const note = projective.blocks.length === 1 ? 'the dimension of the affine cone minus 1 (Hilbert series)' : 'the dimension of the cone cut by one random affine chart per factor, over GF(p)';
      return withProvenance(int(value), exactProvenance('projective-dimension', note, seconds));
    },
    // One block: the degree of the reduced variety (the cone's), or with multiplicity = true the scheme's.
    // Several blocks: the degree in the Segre embedding, from the multidegree.
    degree: (ctx, { projective }, _args, kwargs) => {
      if (projective.blocks.length > 1) {
        const { value, seconds } = timed(() => multidegree(projective, { random: ctx.random, ...computeOptions(ctx) }));
        return withProvenance(int(value.segreDegree), reportedProvenance({ algorithm: 'segre-degree-from-multidegree', field: value.field, certified: value.certified, note: 'Σ_a (dim X)!/∏ a_j! · d_a over the multidegree' }, seconds, ctx.random));
      }
      const I = varietyIdeal(projective.cone);
      const d = multiplicityAsked(ctx, kwargs, false) ? I.degree(computeOptions(ctx)) : reducedDegree(I, { ...computeOptions(ctx), seed: quietSeed(ctx) });
      return withProvenance(int(d.value), d.provenance);
    },
    // Several blocks: the polar degrees of the Segre image (they depend on the embedding).
    polarDegrees: (ctx, { projective }, _args, kwargs) => {
      const options = { random: ctx.random, prime: expectPrime(ctx, kwargs), ...computeOptions(ctx) };
      const { value, seconds } = timed(() => chernMather(projective.blocks.length > 1 ? segreImage(projective, options) : projective, options));
      const segre = projective.blocks.length > 1 ? ' of the Segre image (its ideal by elimination)' : '';
      return withProvenance(list(value.polar.map((d) => int(d))), reportedProvenance({ algorithm: 'polar-degrees', field: value.field, certified: value.certified, note: `multidegrees of the conormal variety${segre} (random linear sections, distinct solutions)` }, seconds, ctx.random));
    },
    edDegree: (ctx, self, args, kwargs) => edDegreeMethod(ctx, self, args, kwargs),
  },
};

/**
 * edDegree(P): the generic ED degree. method "auto" (default) computes it by DHOST Thm 5.8 from the
 * Chern–Mather degrees (Piene's formula on the polar degrees) and by the Lagrange count on the cone
 * with generic weights, and fails if they differ; "polar" or "lagrange" takes one route. With a form,
 * edDegree(P, Q) is the count of the cone for that form ("edDegree of the cone").
 */
function edDegreeMethod(ctx: CallContext, { projective }: ProjectiveData, args: readonly Value[], kwargs: ReadonlyMap<string, Value>): Value {
  if (args.length > 1) fail('domain', 'edDegree of a projective variety is its generic ED degree; for a form Q use the cone: edDegree(cone(X), Q)', ctx.span);
  const m = kwargs.get('method');
  const method = m ? expectString(ctx, m, 1) : 'auto';
  if (!['auto', 'polar', 'lagrange'].includes(method)) fail('domain', `unknown method "${method}" for a projective variety (auto, polar or lagrange)`, ctx.kwargSpans.get('method') ?? ctx.span);
  const route = method === 'auto' ? 'both' : (method as 'polar' | 'lagrange');
  const details = kwargs.get('details');
  const { value: r, seconds } = timed(() => projectiveEdDegree(projective, route, { random: ctx.random, prime: expectPrime(ctx, kwargs), ...computeOptions(ctx) }));
  const routes = [r.polar !== undefined ? `DHOST Thm 5.8 from the Chern–Mather degrees [${r.chernMather!.join(', ')}] (Piene's formula on the polar degrees [${r.polarDegrees!.join(', ')}]) = ${r.polar}` : '', r.lagrange !== undefined ? `the Lagrange count of the cone with generic weights = ${r.lagrange}` : ''].filter((s) => s.length > 0);
  const how = reportedProvenance({ algorithm: `projective-ed-degree (${route})`, field: r.field, certified: r.certified, note: routes.join('; ') + (routes.length === 2 ? ' (they agree)' : '') }, seconds, ctx.random);
  if (details?.kind === 'bool' && details.value) {
    return withProvenance(
      record({
        count: int(r.count),
        polar: r.polar === undefined ? str('not computed') : int(r.polar),
        lagrange: r.lagrange === undefined ? str('not computed') : int(r.lagrange),
        polarDegrees: list((r.polarDegrees ?? []).map((d) => int(d))),
        chernMather: list((r.chernMather ?? []).map((d) => int(d))),
        field: str(r.field),
        certified: bool(r.certified),
      }),
      how,
    );
  }
  return withProvenance(int(r.count), how);
}

export function projectiveValue(ring: RingData, projective: ProjectiveVariety): ObjectValue<ProjectiveData> {
  return object(PROJECTIVE, { ring, projective });
}

export function isProjective(v: Value | undefined): v is ObjectValue<ProjectiveData> {
  return isObject(PROJECTIVE, v);
}
