// The `factorization` object kind: f = unit · ∏ factor^multiplicity over QQ (src/math/factor), the
// factors irreducible, primitive over ZZ with positive leading coefficients, in the ring of f.
// Printed `2 * (x - 1)^2 * (x + 1)` (the unit omitted when it is 1); LaTeX likewise; JSON {unit,
// factors: [{factor, multiplicity}], text}. Fields: unit, factors (the polynomials), multiplicities,
// product (the polynomial multiplied back); expand(F) is the product too. == compares the unit and the
// factors with their multiplicities as a multiset.
import type { Rat } from '../../math/field.js';
import type { Poly } from '../../math/poly.js';
import type { ObjectKind } from '../object-kind.js';
import { polyLatex, polySympy, polyText, ratJson, ratLatex, ratText, ringJson } from '../print.js';
import { int, list, num, object, poly, str, type ObjectValue, type RingData } from '../values.js';

export interface FactorizationData {
  readonly ring: RingData;
  readonly unit: Rat;
  readonly factors: readonly { readonly factor: Poly<unknown>; readonly multiplicity: number }[];
}

function productOf({ ring, unit, factors }: FactorizationData): Poly<unknown> {
  const R = ring.poly;
  return factors.reduce((p, x) => R.mul(p, R.pow(x.factor, x.multiplicity)), R.constant(R.field.fromRational(unit.num, unit.den)));
}

function joined(d: FactorizationData, text: (p: Poly<unknown>) => string, times: string, power: (k: number) => string, open: string, close: string, unit: (r: Rat) => string): string {
  const parts = d.factors.map(({ factor, multiplicity }) => {
    const t = text(factor);
    const base = factor.mons.length > 1 ? `${open}${t}${close}` : t;
    return multiplicity === 1 ? base : `${base}${power(multiplicity)}`;
  });
  if (parts.length === 0) return unit(d.unit);
  if (d.unit.num === 1n && d.unit.den === 1n) return parts.join(times);
  if (d.unit.num === -1n && d.unit.den === 1n) return `-${parts.join(times)}`;
  return [unit(d.unit), ...parts].join(times);
}

function factorizationText(d: FactorizationData): string {
  return joined(d, (p) => polyText(d.ring, p), ' * ', (k) => `^${k}`, '(', ')', (r) => (r.den === 1n ? ratText(r) : `(${ratText(r)})`));
}

export const FACTORIZATION: ObjectKind<FactorizationData> = {
  name: 'factorization',
  typeName: 'Factorization',
  kindWord: 'a factorization',
  summary:
    'A factorization unit * f1^m1 * ... over QQ into irreducible factors (primitive over ZZ, positive leading coefficients); it prints as 2 * (x - 1)^2 * (x + 1), and its fields are unit, factors, multiplicities and product.',
  text: factorizationText,
  json: (d) => ({
    unit: ratJson(d.unit),
    factors: d.factors.map((x) => ({ factor: polyText(d.ring, x.factor), multiplicity: x.multiplicity })),
    text: factorizationText(d),
  }),
  typed: (d) => ({
    unit: ratText(d.unit),
    factors: d.factors.map((x) => ({ factor: polyText(d.ring, x.factor), sympy: polySympy(d.ring, x.factor), multiplicity: x.multiplicity })),
    value: factorizationText(d),
    ring: ringJson(d.ring),
  }),
  latex: (d) => joined(d, (p) => polyLatex(d.ring, p), ' ', (k) => `^{${k}}`, '\\left(', '\\right)', ratLatex),
  equals: (a, b) =>
    a.ring.id === b.ring.id &&
    a.unit.num === b.unit.num &&
    a.unit.den === b.unit.den &&
    a.factors.length === b.factors.length &&
    a.factors.every((x) => b.factors.some((y) => y.multiplicity === x.multiplicity && a.ring.poly.equals(x.factor, y.factor))),
  fields: {
    unit: (d) => num(d.unit),
    factors: (d) => list(d.factors.map((x) => poly(d.ring, x.factor))),
    multiplicities: (d) => list(d.factors.map((x) => int(x.multiplicity))),
    product: (d) => poly(d.ring, productOf(d)),
    text: (d) => str(factorizationText(d)),
  },
  methods: {
    expand: (_ctx, d) => poly(d.ring, productOf(d)),
    ringOf: (_ctx, { ring }) => ({ kind: 'ring', ring }),
  },
};

export function factorizationValue(data: FactorizationData): ObjectValue<FactorizationData> {
  return object(FACTORIZATION, data);
}
