// Families of network losses in the language: data, targets, metrics and regularization weights with
// polynomial entries in parameters (the variables of one ring over QQ, the parameter ring P). The
// loss of such data lives in the family ring QQ[θ..., t...] (src/networks/family-losses.ts),
// registered once per network and parameter ring, so that losses of one family can be added; `at`
// maps it back to the network's own ring when every parameter is specialized (`familyBase`).
import type { Rat } from '../../math/field.js';
import type { Poly, PolyRing } from '../../math/poly.js';
import type { Network } from '../../networks/architectures.js';
import { type FamilyRing, type SymbolicMatrix, type SymbolicRegularization, familyRing } from '../../networks/family-losses.js';
import { randomWeights } from '../../networks/losses.js';
import type { Span } from '../ast.js';
import { fail } from '../diagnostics.js';
import { isMatrix, kindWord, type RingData, type Value } from '../values.js';
import { type RationalRing, expectPoly, isRationalRing } from './convert.js';
import type { CallContext } from './registry.js';

/** The ring of the polynomials inside values (lists searched), null when there are none; one ring or a located error. */
export function parameterRing(ctx: CallContext, values: readonly (readonly [Value | undefined, Span])[]): RationalRing | null {
  let found = null as RationalRing | null;
  const visit = (v: Value, span: Span) => {
    if (v.kind === 'list') return v.items.forEach((x) => visit(x, span));
    if (v.kind !== 'poly') return;
    if (!isRationalRing(v.ring)) return fail('bad-field', `symbolic data need a parameter ring over QQ, not ${v.ring.poly.toString()}`, span);
    if (found && found.id !== v.ring.id) {
      return fail('ring-mismatch', `the symbolic entries must share one ring of parameters: found ${found.poly.toString()} and ${v.ring.poly.toString()}`, span);
    }
    found = v.ring as RationalRing;
  };
  for (const [v, span] of values) if (v) visit(v, span);
  return found;
}

/** A matrix whose entries are exact numbers or polynomials of P. */
export function symbolicMatrix(ctx: CallContext, P: RationalRing, v: Value, span: Span, what: string): Poly<Rat>[][] {
  if (!isMatrix(v)) return fail('type', `${what} must be a matrix (a list of equal-length lists), got ${kindWord(v)}`, span);
  return v.items.map((row) => row.items.map((x) => entry(ctx, P, x, span, what)));
}

function entry(ctx: CallContext, P: RationalRing, x: Value, span: Span, what: string): Poly<Rat> {
  if (x.kind !== 'number' && x.kind !== 'poly') return fail('type', `the entries of ${what} must be exact numbers or polynomials in the parameters, found ${kindWord(x)}`, span);
  return expectPoly(ctx, P, x, 0);
}

/** reg with symbolic weights: a polynomial (uniform), one entry per parameter, or weight matrices shaped like the families. */
export function symbolicRegularization(ctx: CallContext, N: Network, P: RationalRing, v: Value | undefined, span: Span): SymbolicRegularization {
  if (!v) return { kind: 'none' };
  if (v.kind === 'number' || v.kind === 'poly') return { kind: 'uniform', weight: entry(ctx, P, v, span, 'reg') };
  if (v.kind === 'string') {
    if (v.value !== 'random') fail('domain', `reg must be a number, a polynomial, a list of weight matrices or "random", got "${v.value}"`, span);
    const R: PolyRing<Rat> = P.poly;
    return { kind: 'entrywise', weights: randomWeights(N, ctx.random).map((w) => R.constant(w)) };
  }
  if (v.kind !== 'list') return fail('type', `reg must be a number, a polynomial, a list of weight matrices or "random", got ${kindWord(v)}`, span);
  const flat = (x: Value): Value[] => (x.kind === 'list' ? x.items.flatMap(flat) : [x]);
  const entries = v.items.length === N.ring.nvars && v.items.every((x) => x.kind !== 'list') ? v.items : v.items.flatMap(flat);
  if (entries.length !== N.ring.nvars) fail('shape', `reg needs ${N.ring.nvars} weights (one per parameter, or matrices shaped like ${N.families.map((f) => `${f.name}: ${f.shape.join('×')}`).join(', ')})`, span);
  return { kind: 'entrywise', weights: entries.map((x) => entry(ctx, P, x, span, 'reg')) };
}

const familyRings = new WeakMap<RingData, Map<number, { ring: RationalRing; family: FamilyRing }>>();
const bases = new WeakMap<RingData, RingData>();

/** The family ring of a network (its registered ring `networkRing`) over P, registered once. */
export function familyRingOf(ctx: CallContext, N: Network, networkRing: RingData, P: RationalRing): { ring: RationalRing; family: FamilyRing } {
  let byParams = familyRings.get(networkRing);
  if (!byParams) familyRings.set(networkRing, (byParams = new Map()));
  const known = byParams.get(P.id);
  if (known) return known;
  let family: FamilyRing;
  try {
    family = familyRing(N, P.poly);
  } catch (e) {
    return fail('domain', (e as Error).message, ctx.span);
  }
  const families = new Map([...networkRing.families, ...P.families]);
  const ring = ctx.registerRing({ name: `${networkRing.name} over ${P.name}`, poly: family.ring, families });
  bases.set(ring, networkRing);
  const made = { ring, family };
  byParams.set(P.id, made);
  return made;
}

/** For a family ring, the network's ring (what remains when every parameter is specialized). */
export function familyBase(ring: RingData): RingData | undefined {
  return bases.get(ring);
}

export type { SymbolicMatrix };
