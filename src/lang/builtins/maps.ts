// Ring maps, Kronecker products and matrices read back: map(R, S, [...]) and its application
// (reached through the `map` built-in of core.ts, which hands rings and ring maps to ringMapCall),
// kron(A, B), and matrix(x) for forms and projections. The ring-map kind lives in
// ../objects/ring-map.ts.
import { Ideal } from '../../math/ideal-handle.js';
import { fail } from '../diagnostics.js';
import { FORM, PROJECTION } from '../objects/form.js';
import { RING_MAP, applyRingMap, ringMapValue, type RingMapData } from '../objects/ring-map.js';
import { arithmetic, coerceToPoly } from '../ops.js';
import { idealValue, isMatrix, isObject, kindWord, list, poly, type Value } from '../values.js';
import { expectList, spanOf } from './convert.js';
import { defineBuiltins, type CallContext } from './registry.js';
import { ratMatrixValue } from '../objects/form.js';

/** φ applied to a polynomial, a number, an ideal or a list of them. */
function applyTo(ctx: CallContext, d: RingMapData, x: Value): Value {
  if (x.kind === 'list') return list(x.items.map((y) => applyTo(ctx, d, y)));
  if (x.kind === 'ideal') {
    if (x.ring.id !== d.source.id) fail('ring-mismatch', `the ideal lives in ${x.ring.poly.toString()}, the map's source is ${d.source.poly.toString()}`, spanOf(ctx, 1));
    return idealValue(d.target, new Ideal(d.target.poly, x.ideal.gens.map((g) => applyRingMap(d, g))));
  }
  if (x.kind === 'poly' || x.kind === 'number') return poly(d.target, applyRingMap(d, coerceToPoly(d.source, x, spanOf(ctx, 1))));
  return fail('type', `a ring map applies to polynomials, ideals and lists of them, got ${kindWord(x)}`, spanOf(ctx, 1));
}

/** map(R, S, [g1, ..., gn]) and map(φ, x); undefined for the list form map(f, L). */
export function ringMapCall(ctx: CallContext, args: readonly Value[]): Value | undefined {
  const [first, second, third] = args;
  if (first?.kind === 'ring') {
    if (args.length !== 3) return fail('arity', 'a ring map is map(R, S, [images of the variables of S in R])', ctx.span);
    if (second!.kind !== 'ring') return fail('type', `argument 2 must be the source ring, got ${kindWord(second!)}`, spanOf(ctx, 1));
    const target = first.ring;
    const source = second.ring;
    const items = expectList(ctx, third!, 2);
    if (items.length !== source.poly.nvars) {
      fail('shape', `${source.poly.toString()} has ${source.poly.nvars} variable${source.poly.nvars === 1 ? '' : 's'}, the map gives ${items.length} image${items.length === 1 ? '' : 's'}`, spanOf(ctx, 2));
    }
    const data: RingMapData = { target, source, images: items.map((v) => coerceToPoly(target, v, spanOf(ctx, 2))) };
    applyRingMap(data, source.poly.zero()); // checks that the coefficients map
    return ringMapValue(data);
  }
  if (isObject(RING_MAP, first)) {
    if (args.length !== 2) return fail('arity', 'map(phi, x) applies a ring map to one argument', ctx.span);
    return applyTo(ctx, first.data, second!);
  }
  return undefined;
}

defineBuiltins([
  {
    name: 'kron',
    signature: 'kron(A, B)',
    summary: 'The Kronecker product of two matrices (of numbers or polynomials): the block matrix [a_ij * B].',
    examples: ['ring R = QQ[x];\nkron([[1, 2]], [[1], [x]])  // [[1, 2], [x, 2*x]]'],
    category: 'algebra',
    minArgs: 2,
    maxArgs: 2,
    call(ctx, [A, B]) {
      for (const [i, M] of [A!, B!].entries()) if (!isMatrix(M)) fail('type', `argument ${i + 1} must be a matrix (a list of equal-length lists), got ${kindWord(M)}`, spanOf(ctx, i));
      const a = (A as { items: readonly { items: readonly Value[] }[] }).items;
      const b = (B as { items: readonly { items: readonly Value[] }[] }).items;
      const rows: Value[] = [];
      for (const ra of a) {
        for (const rb of b) rows.push(list(ra.items.flatMap((x) => rb.items.map((y) => arithmetic('*', x, y, ctx.span)))));
      }
      return list(rows);
    },
  },
  {
    name: 'matrix',
    signature: 'matrix(Q)',
    summary: 'The matrix of a form or of a projection, as a list of rows of exact numbers (the same as Q.matrix); matrix(identity(n)) is the n×n identity matrix.',
    examples: ['matrix(identity(2))  // [[1, 0], [0, 1]]', 'matrix(projection(diag(0, 1, 1)))  // [[0, 1, 0], [0, 0, 1]]'],
    category: 'geometry',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [Q]) {
      if (isObject(FORM, Q)) return ratMatrixValue(Q.data.matrix);
      if (isObject(PROJECTION, Q)) return ratMatrixValue(Q.data.matrix);
      if (isMatrix(Q!)) return Q!;
      return fail('type', `argument 1 must be a form, a projection or a matrix, got ${kindWord(Q!)}`, spanOf(ctx, 0));
    },
  },
]);
