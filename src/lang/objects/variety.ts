// The `variety` object kind: an affine variety of src/geometry together with the language ring its
// coordinates live in (and, for the standard constructors, the Frobenius weights of the
// coordinates). Printed as V(gens...); `==` compares the varieties' ideals by reduced Gröbner bases
// (as sets, per the contract); ideal, gens, dim, codim, degree, vars and ringOf apply to it. Each
// variety has one ideal handle (src/math/ideal-handle.ts), so dim, degree, ideal(X) and == share its
// bases, and the counts carry how they were obtained.
import * as G from '../../geometry/index.js';
import type { Rat } from '../../math/field.js';
import type { Derived, Ideal } from '../../math/ideal-handle.js';
import type { Provenance } from '../../math/provenance.js';
import { reducedDegree } from '../../math/decompose/index.js';
import { computeOptions } from '../builtins/convert.js';
import { multiplicityAsked, quietSeed } from '../builtins/decompose-options.js';
import type { ObjectKind } from '../object-kind.js';
import { polyLatex, polySympy, polyText, ringJson } from '../print.js';
import { provenanceOf, withProvenance } from '../provenance.js';
import { idealValue, int, list, object, poly, type ObjectValue, type RingData, type Value } from '../values.js';

export interface VarietyData {
  readonly ring: RingData;
  readonly variety: G.Variety;
  /** Frobenius (Bombieri–Weyl) weights of the coordinates, for constructors that have them. */
  readonly frobenius?: readonly bigint[];
  /**
   * The dimension as a value with its provenance, when the constructor knows it by another route than
   * the equations (functionSpace: the Jacobian rank), so that dim and codim do not compute them.
   */
  readonly dimension?: Value;
}

/** The ideal handle of a variety (G.idealOf: one per variety), so dim, degree, ideal(X) and == share its bases. */
export const varietyIdeal = G.idealOf;

/** dim or degree of a variety: known from its construction, else read off its ideal's Hilbert series. */
function varietyCount(X: G.Variety, known: number | undefined, compute: (I: Ideal<Rat>) => Derived<number | bigint>): Value {
  if (known !== undefined) {
    const p: Provenance = { algorithm: 'construction', field: 'QQ', certified: true, seconds: 0, note: `known from the construction${X.name ? ` ${X.name}` : ''}` };
    return withProvenance(int(known), p);
  }
  const d = compute(varietyIdeal(X));
  return withProvenance(int(d.value), d.provenance);
}

export const VARIETY: ObjectKind<VarietyData> = {
  name: 'variety',
  typeName: 'Variety',
  kindWord: 'a variety',
  summary: 'An affine variety over QQ with the ring of its coordinates; it prints as V(f, ...), and == compares varieties as sets (their ideals by reduced Gröbner bases).',
  text: ({ ring, variety }) => `V(${variety.gens.map((g) => polyText(ring, g)).join(', ')})`,
  json: ({ ring, variety }) => ({ variety: variety.gens.map((g) => polyText(ring, g)), ring: ring.poly.toString() }),
  typed: ({ ring, variety }) => ({
    generators: variety.gens.map((g) => polyText(ring, g)),
    sympy: variety.gens.map((g) => polySympy(ring, g)),
    ring: ringJson(ring),
  }),
  latex: ({ ring, variety }) => `V\\left(${variety.gens.map((g) => polyLatex(ring, g)).join(', ')}\\right)`,
  equals: (x, y) => x.ring.id === y.ring.id && varietyIdeal(x.variety).equals(varietyIdeal(y.variety)),
  fields: {
    gens: ({ ring, variety }) => list(variety.gens.map((g) => poly(ring, g))),
  },
  methods: {
    ideal: (_ctx, { ring, variety }) => idealValue(ring, varietyIdeal(variety)),
    gens: (_ctx, { ring, variety }) => list(variety.gens.map((g) => poly(ring, g))),
    dim: (ctx, { variety, dimension }) => dimension ?? varietyCount(variety, variety.knownDimension, (I) => I.dimension(computeOptions(ctx))),
    codim: (ctx, { variety, dimension }) => {
      if (dimension?.kind === 'number' && variety.knownDimension === undefined) {
        const how = provenanceOf(dimension);
        const codim = int(BigInt(variety.ring.nvars) - dimension.value.num);
        return how ? withProvenance(codim, how) : codim;
      }
      const known = variety.knownDimension === undefined ? undefined : variety.ring.nvars - variety.knownDimension;
      return varietyCount(variety, known, (I) => I.codimension(computeOptions(ctx)));
    },
    // The reduced variety's degree unless degree(X, multiplicity = true) asks for the scheme's.
    degree: (ctx, { variety }, _args, kwargs) =>
      varietyCount(variety, variety.knownDegree, (I) =>
        multiplicityAsked(ctx, kwargs, false) ? I.degree(computeOptions(ctx)) : reducedDegree(I, { ...computeOptions(ctx), seed: quietSeed(ctx) }),
      ),
    vars: (_ctx, { ring }) => list(ring.poly.vars.map((_, i) => poly(ring, ring.poly.variable(i)))),
    ringOf: (_ctx, { ring }) => ({ kind: 'ring', ring }),
  },
};

export function varietyValue(ring: RingData, variety: G.Variety, frobenius?: readonly bigint[]): ObjectValue<VarietyData> {
  return object(VARIETY, frobenius ? { ring, variety, frobenius } : { ring, variety });
}

