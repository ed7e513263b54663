// The `ringmap` object kind: a ring homomorphism φ: S -> R given by the images in R of the variables
// of S (Macaulay2's map(R, S, {...}) convention: target first). Applying it (`map(φ, f)` for a
// polynomial, an ideal or a list) substitutes the images (PolyRing.compose), with the coefficients
// of S read in R's field (QQ into QQ or GF(p); GF(p) into the same GF(p)). Printed `map(R, S, [..])`.
import { isRationalField } from '../../math/domain.js';
import { MathError } from '../../math/errors.js';
import type { Rat } from '../../math/field.js';
import type { Poly } from '../../math/poly.js';
import type { ObjectKind } from '../object-kind.js';
import { polyLatex, polyText, variableLatex } from '../print.js';
import { list, object, poly, type ObjectValue, type RingData } from '../values.js';

export interface RingMapData {
  readonly target: RingData;
  readonly source: RingData;
  /** images[i] ∈ target: the image of the i-th variable of source. */
  readonly images: readonly Poly<unknown>[];
}

function text(d: RingMapData): string {
  return `map(${d.target.name}, ${d.source.name}, [${d.images.map((g) => polyText(d.target, g)).join(', ')}])`;
}

/** The coefficient map of S's field into R's field. */
export function coefficientMap(source: RingData, target: RingData): (c: unknown) => unknown {
  const from = source.poly.field;
  const to = target.poly.field;
  if (isRationalField(from)) return (c) => to.fromRational((c as Rat).num, (c as Rat).den);
  if (from.name === to.name) return (c) => c;
  throw new MathError('bad-field', `no ring map from ${source.poly.toString()} to ${target.poly.toString()}: the coefficients of ${from.name} do not map into ${to.name}`);
}

/** φ(f) for f in the source ring. */
export function applyRingMap(d: RingMapData, f: Poly<unknown>): Poly<unknown> {
  return d.source.poly.compose(f, d.target.poly, d.images, coefficientMap(d.source, d.target));
}

export const RING_MAP: ObjectKind<RingMapData> = {
  name: 'ringmap',
  typeName: 'RingMap',
  kindWord: 'a ring map',
  summary: 'A ring homomorphism S -> R given by the images in R of the variables of S (map(R, S, [...])); it prints as map(R, S, [...]), map(phi, f) applies it, and == compares the rings and the images.',
  text,
  json: (d) => ({ map: { target: d.target.name, source: d.source.name, images: d.images.map((g) => polyText(d.target, g)) } }),
  typed: (d) => ({ target: d.target.poly.toString(), source: d.source.poly.toString(), images: d.images.map((g) => polyText(d.target, g)), value: text(d) }),
  latex: (d) => `${d.source.name} \\to ${d.target.name},\\ ${d.source.variables.map((v, i) => `${variableLatex(v)} \\mapsto ${polyLatex(d.target, d.images[i]!)}`).join(',\\ ')}`,
  equals: (a, b) => a.target.id === b.target.id && a.source.id === b.source.id && a.images.every((g, i) => a.target.poly.equals(g, b.images[i]!)),
  fields: {
    images: (d) => list(d.images.map((g) => poly(d.target, g))),
    source: (d) => ({ kind: 'ring', ring: d.source }),
    target: (d) => ({ kind: 'ring', ring: d.target }),
  },
  methods: {},
};

export function ringMapValue(data: RingMapData): ObjectValue<RingMapData> {
  return object(RING_MAP, data);
}
