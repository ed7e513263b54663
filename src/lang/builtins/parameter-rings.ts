// The language side of rings with parameters, `ring R = QQ(t)[x, y];` (src/geometry/generic-fibre.ts):
// `at(X, t = a)` on values of such a ring, and the family a list of its polynomials stands for (the
// polynomials with denominators cleared, in QQ[x, t]) for `discriminant` and `sweep`.
//
// The fibre ring QQ[x, y] of a ring R and its family ring QQ[x, y, t] are made once per ring (cached
// by the ring's id), so specializations of one ring add and compare.
import { isRationalField } from '../../math/domain.js';
import type { Rat } from '../../math/field.js';
import { isFractionField, type RatFun } from '../../math/fraction-field.js';
import { Ideal } from '../../math/ideal-handle.js';
import type { Poly, PolyRing } from '../../math/poly.js';
import * as GF from '../../geometry/generic-fibre.js';
import { fail } from '../diagnostics.js';
import { idealValue, kindWord, list, num, poly, record, type RingData, type TypedRing, type Value } from '../values.js';
import { spanOf } from './convert.js';
import type { CallContext } from './registry.js';

type ParamRing = TypedRing<RatFun<Rat>>;

/** A ring whose coefficients are rational functions of parameters (`QQ(t)[x]`). */
export function isParameterRing(ring: RingData): ring is ParamRing {
  return isFractionField(ring.poly.field);
}

const fibres = new WeakMap<RingData, TypedRing<Rat>>();
const families = new WeakMap<RingData, TypedRing<Rat>>();

function fibreOf(ctx: CallContext, ring: ParamRing): TypedRing<Rat> {
  let T = fibres.get(ring);
  if (!T) fibres.set(ring, (T = ctx.registerRing({ name: ring.name, poly: GF.fibreRing(ring.poly), families: ring.families })));
  return T;
}

/**
 * The traversal of `at`: scalars (numbers, floats, booleans, strings, none) unchanged, lists and
 * records item by item, every other value through `leaf` (shared with the `at` of src/lang/builtins/geometry.ts).
 */
export function specializeThrough(v: Value, leaf: (v: Value) => Value): Value {
  switch (v.kind) {
    case 'number':
    case 'float':
    case 'bool':
    case 'string':
    case 'none':
      return v;
    case 'list':
      return list(v.items.map((x) => specializeThrough(x, leaf)));
    case 'record':
      return record(new Map([...v.fields].map(([k, x]) => [k, specializeThrough(x, leaf)] as const)));
    default:
      return leaf(v);
  }
}

/** `at(X, t = a, ...)` for a value of a ring with parameters: every parameter must be given. */
export function specializeParameters(ctx: CallContext, X: Value, ring: ParamRing, kwargs: ReadonlyMap<string, Value>): Value {
  const K = GF.parameterField(ring.poly);
  const values: (Rat | undefined)[] = K.params.map(() => undefined);
  for (const [name, value] of kwargs) {
    const span = ctx.kwargSpans.get(name) ?? ctx.span;
    const i = K.params.indexOf(name);
    if (i < 0) {
      const what = ring.poly.vars.includes(name) ? `${name} is a variable of ${ring.poly.toString()}, not a parameter` : `${name} is not a parameter of ${ring.poly.toString()}`;
      fail('unknown-name', `${what}: at specializes the parameters ${K.params.join(', ')}`, span);
    }
    if (value.kind !== 'number') fail('type', `the value of ${name} must be an exact number, got ${kindWord(value)}`, span);
    values[i] = K.coefficients.fromRational(value.value.num, value.value.den) as Rat;
  }
  const missing = K.params.filter((_, i) => values[i] === undefined);
  if (missing.length > 0) fail('arity', `at on ${ring.poly.toString()} specializes every parameter: give ${missing.map((t) => `${t} = ...`).join(', ')} too`, ctx.span);
  const T = fibreOf(ctx, ring);
  const at = values as Rat[];
  const leaf = (v: Value): Value => {
    switch (v.kind) {
      case 'poly': {
        if (v.ring.id !== ring.id) fail('ring-mismatch', `at: a value lives in ${v.ring.poly.toString()}, another ring than ${ring.poly.toString()}`, spanOf(ctx, 0));
        const p = GF.specializeAt(ring.poly, T.poly, v.poly as Poly<RatFun<Rat>>, at) as Poly<Rat>;
        return T.poly.isConstant(p) && isRationalField(T.poly.field) ? num(T.poly.constantCoeff(p) as Rat) : poly(T, p);
      }
      case 'ideal': {
        if (v.ring.id !== ring.id) fail('ring-mismatch', `at: an ideal lives in ${v.ring.poly.toString()}, another ring than ${ring.poly.toString()}`, spanOf(ctx, 0));
        const G = v.ideal.groebner().basis as readonly Poly<RatFun<Rat>>[];
        return idealValue(T, new Ideal(T.poly, GF.specializeBasis(ring.poly, T.poly, G, at)));
      }
      default:
        return fail('type', `at does not apply to ${kindWord(v)} of a ring with parameters`, spanOf(ctx, 0));
    }
  };
  return specializeThrough(X, leaf);
}

/** The parameters named by a value (a parameter, or a list of them) of a ring with parameters: their indices in K. */
function parameterIndices(ctx: CallContext, ring: ParamRing, v: Value, index: number): number[] {
  const K = GF.parameterField(ring.poly);
  const one = (x: Value): number => {
    if (x.kind === 'poly' && x.ring.id === ring.id && ring.poly.isConstant(x.poly)) {
      const c = ring.poly.constantCoeff(x.poly as Poly<RatFun<Rat>>) as RatFun<Rat>;
      const i = K.params.findIndex((_, k) => K.eq(c, K.param(k)));
      if (i >= 0) return i;
    }
    return fail('type', `argument ${index + 1} must be a parameter of ${ring.poly.toString()} (${K.params.join(', ')})`, spanOf(ctx, index));
  };
  return v.kind === 'list' ? v.items.map(one) : [one(v)];
}

/**
 * The family a list or ideal F of a ring with parameters stands for: its polynomials with
 * denominators cleared in QQ[x, t] (registered once per ring), the indices there of the parameters
 * named by `params`, and the denominators of F (where F itself is undefined).
 */
export function parameterFamily(ctx: CallContext, ring: ParamRing, F: readonly Poly<RatFun<Rat>>[], params: Value, index: number) {
  const K = GF.parameterField(ring.poly);
  if (!isRationalField(K.coefficients)) fail('bad-field', `families need parameters over QQ, not ${K.name}`, spanOf(ctx, 0));
  const chosen = parameterIndices(ctx, ring, params, index);
  if (chosen.length !== K.params.length) fail('domain', `the parameters of ${ring.poly.toString()} are ${K.params.join(', ')}: name them all`, spanOf(ctx, index));
  const fam = GF.numeratorFamily(ring.poly, F);
  let S = families.get(ring);
  if (!S) families.set(ring, (S = ctx.registerRing({ name: `${ring.name}family`, poly: fam.ring, families: ring.families })));
  return { ring: S, polys: fam.polys, params: [...chosen].sort((a, b) => a - b).map((i) => ring.poly.nvars + i), poles: GF.poles(ring.poly, F) as Poly<Rat>[], base: K.base as PolyRing<Rat> };
}
