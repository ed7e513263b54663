// The values of the vdl language: a closed set of tagged kinds. Values are immutable (the language has
// no in-place mutation, assignment only rebinds a name), which lets the REPL snapshot a session by
// copying its scopes. Mathematical payloads are the plain data of src/math; a polynomial value carries
// its ring so that every operation can check that operands live in the same ring.
import type { Rat } from '../math/field.js';
import type { Ideal } from '../math/ideal-handle.js';
import type { Poly, PolyRing } from '../math/poly.js';
import type { Block, Expr, Span } from './ast.js';

/** A polynomial ring as the language sees it: the math ring plus the user-facing variable names. */
export interface RingData {
  /** The name it was declared with (`R`), or a generated one for rings built by built-ins. */
  readonly name: string;
  // The element type depends on the field (Rat or number or bigint); the language handles it opaquely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly poly: PolyRing<any>;
  /** Plain variables by name, and indexed families: `w` -> its index ranges. */
  readonly families: ReadonlyMap<string, VariableFamily>;
  /** A unique id: two rings with equal text are still different rings. */
  readonly id: number;
}

export interface VariableFamily {
  readonly name: string;
  /** Inclusive [lo, hi] per index position. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** A polynomial map or parametrization; geometry and networks extend the kinds below. */
export interface RecordValue {
  readonly kind: 'record';
  readonly fields: ReadonlyMap<string, Value>;
}

export interface UserFunction {
  readonly kind: 'function';
  readonly name: string;
  readonly params: readonly string[];
  readonly body: Expr | Block;
  /** The scope the function was defined in (lexical scoping). */
  readonly closure: unknown;
  readonly span: Span;
}

export interface BuiltinRef {
  readonly kind: 'builtin';
  readonly name: string;
}

/** An opaque geometric or network object produced by a later layer (variety, form, network, ...). */
export interface ObjectValue {
  readonly kind: 'object';
  /** 'variety' | 'form' | 'projection' | 'network' | 'loss' | ... */
  readonly type: string;
  readonly data: unknown;
}

export type Value =
  | { readonly kind: 'number'; readonly value: Rat }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'list'; readonly items: readonly Value[] }
  | RecordValue
  | { readonly kind: 'ring'; readonly ring: RingData }
  | { readonly kind: 'family'; readonly ring: RingData; readonly family: VariableFamily }
  | { readonly kind: 'poly'; readonly ring: RingData; readonly poly: Poly<unknown> }
  /** An ideal: a handle (src/math/ideal-handle.ts) that keeps its Gröbner bases, so that every query reuses them. */
  | IdealValue
  | UserFunction
  | BuiltinRef
  | ObjectValue
  | { readonly kind: 'none' };

export interface IdealValue {
  readonly kind: 'ideal';
  readonly ring: RingData;
  /** The generators are `ideal.gens`; `ideal.ring` is `ring.poly`. */
  readonly ideal: Ideal<unknown>;
}

export type Kind = Value['kind'];

export const NONE: Value = { kind: 'none' };

export function num(value: Rat): Value {
  return { kind: 'number', value };
}

export function int(n: bigint | number): Value {
  return { kind: 'number', value: { num: BigInt(n), den: 1n } };
}

export function float(value: number): Value {
  return { kind: 'float', value };
}

export function bool(value: boolean): Value {
  return { kind: 'bool', value };
}

export function str(value: string): Value {
  return { kind: 'string', value };
}

export function list(items: readonly Value[]): Value {
  return { kind: 'list', items };
}

export function record(fields: Record<string, Value> | ReadonlyMap<string, Value>): RecordValue {
  return { kind: 'record', fields: fields instanceof Map ? fields : new Map(Object.entries(fields)) };
}

export function poly(ring: RingData, p: Poly<unknown>): Value {
  return { kind: 'poly', ring, poly: p };
}

export function idealValue(ring: RingData, ideal: Ideal<unknown>): IdealValue {
  return { kind: 'ideal', ring, ideal };
}

export function object(type: string, data: unknown): ObjectValue {
  return { kind: 'object', type, data };
}

/** A list of equal-length lists (at least one row) is a matrix wherever a matrix is expected. */
export function isMatrix(v: Value): v is { kind: 'list'; items: readonly { kind: 'list'; items: readonly Value[] }[] } {
  if (v.kind !== 'list' || v.items.length === 0) return false;
  const first = v.items[0]!;
  if (first.kind !== 'list') return false;
  return v.items.every((row) => row.kind === 'list' && row.items.length === first.items.length && !row.items.some((x) => x.kind === 'list'));
}

/** The user-facing type name, as shown by the REPL's type line and in type errors. */
export function typeName(v: Value): string {
  switch (v.kind) {
    case 'number':
      return v.value.den === 1n ? 'Integer' : 'Rational';
    case 'float':
      return 'Float';
    case 'bool':
      return 'Boolean';
    case 'string':
      return 'String';
    case 'list':
      if (isMatrix(v)) return `Matrix ${v.items.length}×${v.items[0]!.items.length}`;
      return `List (${v.items.length})`;
    case 'record':
      return 'Record';
    case 'ring':
      return 'Ring';
    case 'family':
      return `Variable family of ${v.ring.poly.toString()}`;
    case 'poly':
      return `Polynomial in ${v.ring.poly.toString()}`;
    case 'ideal':
      return `Ideal of ${v.ring.poly.toString()}`;
    case 'function':
    case 'builtin':
      return 'Function';
    case 'object':
      return v.type.charAt(0).toUpperCase() + v.type.slice(1);
    case 'none':
      return 'Nothing';
  }
}

/** The short kind word used in messages such as "expected an ideal, got a list". */
export function kindWord(v: Value): string {
  switch (v.kind) {
    case 'number':
      return 'a number';
    case 'float':
      return 'a float';
    case 'bool':
      return 'a boolean';
    case 'string':
      return 'a string';
    case 'list':
      return isMatrix(v) ? 'a matrix' : 'a list';
    case 'record':
      return 'a record';
    case 'ring':
      return 'a ring';
    case 'family':
      return 'a variable family';
    case 'poly':
      return 'a polynomial';
    case 'ideal':
      return 'an ideal';
    case 'function':
    case 'builtin':
      return 'a function';
    case 'object':
      return /^[aeiou]/.test(v.type) ? `an ${v.type}` : `a ${v.type}`;
    case 'none':
      return 'nothing';
  }
}
