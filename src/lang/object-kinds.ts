// The table of object kinds: every kind of object value the language has, listed once. Values carry
// their descriptor, so printing and comparing need no lookup; this table is for what starts from a
// name: typed declarations (`variety X = ...`), the static checks and the documentation.
import type { ObjectKind } from './object-kind.js';
import { FACTORIZATION } from './objects/factorization.js';
import { FLOAT_MATRIX } from './objects/float-matrix.js';
import { FORM, PROJECTION } from './objects/form.js';
import { NETWORK } from './objects/network.js';
import { PLOT } from './objects/plot.js';
import { PROJECTIVE } from './objects/projective.js';
import { RING_MAP } from './objects/ring-map.js';
import { ALGEBRAIC, POINT } from './objects/point.js';
import { SERIES } from './objects/series.js';
import { VARIETY } from './objects/variety.js';

export const OBJECT_KINDS: readonly ObjectKind<unknown>[] = [VARIETY, FORM, PROJECTION, NETWORK, SERIES, POINT, ALGEBRAIC, FLOAT_MATRIX, PLOT, FACTORIZATION, RING_MAP, PROJECTIVE];

/** The kind with that type word ('variety', 'form', ...), if any. */
export function objectKindNamed(name: string): ObjectKind<unknown> | undefined {
  return OBJECT_KINDS.find((k) => k.name === name);
}
