// The `form` and `projection` object kinds: a symmetric rational matrix (a quadratic form on C^n,
// src/geometry/forms.ts) and a full-row-rank rational matrix (a linear map C^n -> C^k along a
// kernel, src/geometry/projection.ts). Both print from their matrices; a diagonal form prints as
// diag(...). `==` compares the matrices entrywise; rank applies to both, `.matrix` reads the matrix.
import * as G from '../../geometry/index.js';
import { QQ, type Rat } from '../../math/field.js';
import type { ObjectKind } from '../object-kind.js';
import { ratMatrixJson, ratMatrixLatex, ratMatrixText, ratText } from '../print.js';
import { int, list, num, type Value } from '../values.js';

type RatMatrix = readonly (readonly Rat[])[];

export function ratMatrixValue(M: RatMatrix): Value {
  return list(M.map((r) => list(r.map((x) => num(x)))));
}

/** The typed JSON of an exact matrix: rows of exact numbers as strings ("1/2"). */
function ratMatrixStrings(M: RatMatrix): string[][] {
  return M.map((r) => r.map(ratText));
}

function matricesEqual(x: RatMatrix, y: RatMatrix): boolean {
  return x.length === y.length && x.every((r, i) => r.length === y[i]!.length && r.every((v, j) => QQ.eq(v, y[i]![j]!)));
}

export const FORM: ObjectKind<G.Form> = {
  name: 'form',
  typeName: 'Form',
  kindWord: 'a form',
  summary: 'A quadratic form on C^n given by a symmetric rational matrix; it prints as diag(...) when diagonal, else form(M); == compares the matrices.',
  text: (Q) => (G.isDiagonal(Q) ? `diag(${Q.matrix.map((r, i) => ratText(r[i]!)).join(', ')})` : `form(${ratMatrixText(Q.matrix)})`),
  json: (Q) => ({ form: ratMatrixJson(Q.matrix) }),
  typed: (Q) => ({ matrix: ratMatrixStrings(Q.matrix) }),
  latex: (Q) => ratMatrixLatex(Q.matrix),
  equals: (a, b) => G.formsEqual(a, b),
  fields: { matrix: (Q) => ratMatrixValue(Q.matrix) },
  methods: { rank: (_ctx, Q) => int(G.formRank(Q)) },
};

export const PROJECTION: ObjectKind<G.Projection> = {
  name: 'projection',
  typeName: 'Projection',
  kindWord: 'a projection',
  summary: 'A linear map C^n -> C^k given by a full-row-rank rational matrix (from a form: along its kernel); it prints as projection(A); == compares the matrices.',
  text: (p) => `projection(${ratMatrixText(p.matrix)})`,
  json: (p) => ({ projection: ratMatrixJson(p.matrix) }),
  typed: (p) => ({ matrix: ratMatrixStrings(p.matrix) }),
  latex: (p) => ratMatrixLatex(p.matrix),
  equals: (a, b) => matricesEqual(a.matrix, b.matrix),
  fields: { matrix: (p) => ratMatrixValue(p.matrix) },
  methods: { rank: (_ctx, p) => int(G.targetDimension(p)) },
};
