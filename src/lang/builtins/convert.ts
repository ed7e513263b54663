// Turning language values into the plain data of the math layer (and checking them), with errors at
// the span of the offending argument. Every built-in reads its arguments through these.
import { isRationalField } from '../../math/domain.js';
import type { Rat } from '../../math/field.js';
import type { Poly } from '../../math/poly.js';
import { Ideal } from '../../math/ideal-handle.js';
import type { Span } from '../ast.js';
import { fail } from '../diagnostics.js';
import { coerceToPoly } from '../ops.js';
import { isMatrix, kindWord, type RingData, type TypedRing, type Value } from '../values.js';
import type { CallContext } from './registry.js';

/** The span of argument `index` (the whole call when it has none). */
export function spanOf(ctx: CallContext, index: number): Span {
  return ctx.argSpans[index] ?? ctx.span;
}

/** The interruption and progress options a long engine computation takes. */
export function computeOptions(ctx: CallContext): { signal: CallContext['signal']; onProgress: CallContext['onProgress'] } {
  return { signal: ctx.signal, onProgress: ctx.onProgress };
}

export function expectList(ctx: CallContext, v: Value, index: number): readonly Value[] {
  if (v.kind !== 'list') return fail('type', `argument ${index + 1} must be a list, got ${kindWord(v)}`, spanOf(ctx, index));
  return v.items;
}

export function expectInteger(ctx: CallContext, v: Value, index: number): bigint {
  if (v.kind !== 'number' || v.value.den !== 1n) {
    return fail('type', `argument ${index + 1} must be an integer, got ${kindWord(v)}`, spanOf(ctx, index));
  }
  return v.value.num;
}

export function expectSmallInt(ctx: CallContext, v: Value, index: number, min = 0, max = 100000): number {
  const n = expectInteger(ctx, v, index);
  if (n < BigInt(min) || n > BigInt(max)) fail('domain', `argument ${index + 1} must be an integer from ${min} to ${max}, got ${n}`, spanOf(ctx, index));
  return Number(n);
}

export function expectRational(ctx: CallContext, v: Value, index: number): Rat {
  if (v.kind !== 'number') return fail('type', `argument ${index + 1} must be an exact number, got ${kindWord(v)}`, spanOf(ctx, index));
  return v.value;
}

export function expectString(ctx: CallContext, v: Value, index: number): string {
  if (v.kind !== 'string') return fail('type', `argument ${index + 1} must be a string, got ${kindWord(v)}`, spanOf(ctx, index));
  return v.value;
}

/** A matrix of exact rationals (a list of equal-length lists of numbers). */
export function expectRationalMatrix(ctx: CallContext, v: Value, index: number): Rat[][] {
  if (!isMatrix(v)) return fail('type', `argument ${index + 1} must be a matrix (a list of equal-length lists), got ${kindWord(v)}`, spanOf(ctx, index));
  return v.items.map((row) =>
    row.items.map((x) => {
      if (x.kind !== 'number') fail('type', `the matrix entries must be exact numbers, found ${kindWord(x)}`, spanOf(ctx, index));
      return x.value;
    }),
  );
}

export function expectRationalVector(ctx: CallContext, v: Value, index: number): Rat[] {
  return expectList(ctx, v, index).map((x) => {
    if (x.kind !== 'number') fail('type', `the vector entries must be exact numbers, found ${kindWord(x)}`, spanOf(ctx, index));
    return x.value;
  });
}

/** The ring shared by some polynomial-like values (polynomials, ideals), or the current ring. */
export function ringOfValues(ctx: CallContext, values: readonly Value[]): RingData {
  let ring: RingData | null = null;
  values.forEach((v, i) => {
    const r = v.kind === 'poly' || v.kind === 'ideal' || v.kind === 'family' || v.kind === 'ring' ? v.ring : null;
    if (r && ring && r.id !== ring.id) fail('ring-mismatch', 'the arguments live in different rings', spanOf(ctx, i));
    ring = ring ?? r;
  });
  return ring ?? ctx.currentRing();
}

export type RationalRing = TypedRing<Rat>;

export function isRationalRing(ring: RingData): ring is RationalRing {
  return isRationalField(ring.poly.field);
}

/** A diagnostic at argument `index` unless the ring is over QQ. */
export function expectRationalRing(ctx: CallContext, ring: RingData, index: number, what: string): asserts ring is RationalRing {
  if (!isRationalRing(ring)) fail('bad-field', `${what} need${what.endsWith('s') ? '' : 's'} a ring over QQ, got ${ring.poly.toString()}`, spanOf(ctx, index));
}

/**
 * A polynomial already checked to live in `ring`, typed by the ring's coefficient domain. Values
 * store polynomials as Poly<unknown>; the ring check (by id) done by the callers makes this sound.
 */
function inRing<E>(_ring: TypedRing<E>, p: Poly<unknown>): Poly<E> {
  return p as Poly<E>;
}

export function expectPoly<E>(ctx: CallContext, ring: TypedRing<E>, v: Value, index: number): Poly<E> {
  if (v.kind !== 'poly' && v.kind !== 'number') return fail('type', `argument ${index + 1} must be a polynomial, got ${kindWord(v)}`, spanOf(ctx, index));
  return inRing(ring, coerceToPoly(ring, v, spanOf(ctx, index)));
}

/** An ideal, a polynomial (the principal ideal) or a list of polynomials, as generators. */
export function expectGenerators<E>(ctx: CallContext, ring: TypedRing<E>, v: Value, index: number): Poly<E>[] {
  if (v.kind === 'ideal') {
    if (v.ring.id !== ring.id) fail('ring-mismatch', 'the ideals live in different rings', spanOf(ctx, index));
    return v.ideal.gens.map((g) => inRing(ring, g));
  }
  if (v.kind === 'list') return v.items.map((x) => expectPoly(ctx, ring, x, index));
  if (v.kind === 'poly' || v.kind === 'number') return [expectPoly(ctx, ring, v, index)];
  return fail('type', `argument ${index + 1} must be an ideal, got ${kindWord(v)}`, spanOf(ctx, index));
}

/** An ideal argument as a handle: an ideal value's own (with its cached bases), or a fresh one for a polynomial or list. */
export function expectIdeal(ctx: CallContext, ring: RingData, v: Value, index: number): Ideal<unknown> {
  if (v.kind === 'ideal' && v.ring.id === ring.id) return v.ideal;
  return new Ideal(ring.poly, expectGenerators(ctx, ring, v, index));
}

/** The index of a ring variable given as a polynomial that is a single variable. */
export function expectVariable(ctx: CallContext, ring: RingData, v: Value, index: number): number {
  if (v.kind === 'poly' && v.ring.id === ring.id && v.poly.mons.length === 1) {
    const m = v.poly.mons[0]!;
    let found = -1, total = 0;
    for (let i = 0; i < m.length; i++) {
      total += m[i]!;
      if (m[i] === 1) found = i;
    }
    if (total === 1 && ring.poly.field.isOne(v.poly.coeffs[0])) return found;
  }
  return fail('type', `argument ${index + 1} must be a variable of ${ring.poly.toString()}`, spanOf(ctx, index));
}

/** A variable or a list of variables. */
export function expectVariables(ctx: CallContext, ring: RingData, v: Value, index: number): number[] {
  if (v.kind === 'list') return v.items.map((x) => expectVariable(ctx, ring, x, index));
  if (v.kind === 'family') {
    if (v.ring.id !== ring.id) fail('ring-mismatch', `${v.family.name} is a family of ${v.ring.poly.toString()}, not of ${ring.poly.toString()}`, spanOf(ctx, index));
    return ring.variables.flatMap((x, i) => (x.family === v.family.name ? [i] : []));
  }
  return [expectVariable(ctx, ring, v, index)];
}

/** The `prime = p` keyword of the counting built-ins: p for a count over GF(p), undefined for QQ (absent or "QQ"). */
export function expectPrime(ctx: CallContext, kwargs: ReadonlyMap<string, Value>): number | undefined {
  const p = kwargs.get('prime');
  if (!p) return undefined;
  const span = ctx.kwargSpans.get('prime') ?? ctx.span;
  if (p.kind === 'string' && p.value === 'QQ') return undefined;
  if (p.kind !== 'number' || p.value.den !== 1n) return fail('type', 'prime must be an integer (or "QQ")', span);
  const value = Number(p.value.num);
  if (value < 1000 || value > 94906265) fail('domain', 'prime must be a prime between 1000 and 94,906,265', span);
  return value;
}
