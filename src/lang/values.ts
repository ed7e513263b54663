// The values of the vdl language: a closed set of tagged kinds. Values are immutable (the language has
// no in-place mutation, assignment only rebinds a name), which lets the REPL snapshot a session by
// copying its scopes. Mathematical payloads are the plain data of src/math; a polynomial value carries
// its ring so that every operation can check that operands live in the same ring. Objects of later
// layers (varieties, forms, networks, ...) carry their ObjectKind descriptor (object-kind.ts), which
// types their data and says how they print, compare and answer built-ins.
import type { Rat } from '../math/field.js';
import type { Ideal } from '../math/ideal-handle.js';
import type { Poly, PolyRing } from '../math/poly.js';
import type { Block, Expr, Span } from './ast.js';
import type { ObjectKind } from './object-kind.js';

/** A polynomial ring as the language sees it: the math ring plus the user-facing variable names. */
export interface RingData {
  /** The name it was declared with (`R`), or a generated one for rings built by built-ins. */
  readonly name: string;
  /** The element type depends on the field (Rat, number or bigint): built-ins that need one narrow it. */
  readonly poly: PolyRing<unknown>;
  /** Plain variables by name, and indexed families: `w` -> its index ranges. */
  readonly families: ReadonlyMap<string, VariableFamily>;
  /** Per variable of `poly` (same order): its family and index tuple, or none for a plain name. */
  readonly variables: readonly VariableInfo[];
  /** A unique id: two rings with equal text are still different rings. */
  readonly id: number;
}

/** A ring whose coefficient domain has elements of type E (`TypedRing<Rat>`: a ring over QQ). */
export type TypedRing<E> = RingData & { readonly poly: PolyRing<E> };

/** What makes a ring: the interpreter adds the variable descriptors and the id (Evaluator.makeRing). */
export type RingSpec<E = unknown> = Omit<RingData, 'id' | 'variables' | 'poly'> & { readonly poly: PolyRing<E> };

export interface VariableFamily {
  readonly name: string;
  /** Inclusive [lo, hi] per index position. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** One variable of a ring: `x` (plain) or `w[1,2]` (family `w`, index [1, 2]). */
export interface VariableInfo {
  /** The canonical name, as in the ring's text (`w[1,2]`). */
  readonly name: string;
  readonly family?: string;
  readonly index?: readonly number[];
}

/** The canonical name of an indexed variable: `w[1,2]` (the contract's text). */
export function indexedName(family: string, index: readonly number[]): string {
  return `${family}[${index.join(',')}]`;
}

/** Every index tuple of some inclusive ranges, in lexicographic order (the order of a family's variables). */
export function indexTuples(ranges: readonly (readonly [number, number])[]): number[][] {
  let tuples: number[][] = [[]];
  for (const [lo, hi] of ranges) {
    const next: number[][] = [];
    for (const t of tuples) for (let k = lo; k <= hi; k++) next.push([...t, k]);
    tuples = next;
  }
  return tuples;
}

/**
 * The per-variable descriptors of a ring's variables, from its families: each family's names are
 * generated from its ranges (never parsed back out of a name); a name no family generates is plain.
 */
export function describeVariables(names: readonly string[], families: ReadonlyMap<string, VariableFamily>): VariableInfo[] {
  const indexed = new Map<string, VariableInfo>();
  for (const f of families.values()) {
    for (const index of indexTuples(f.ranges)) {
      const name = indexedName(f.name, index);
      indexed.set(name, { name, family: f.name, index });
    }
  }
  return names.map((name) => indexed.get(name) ?? { name });
}

/** The position of `family[index]` among the ring's variables, or -1. */
export function variablePosition(ring: RingData, family: string, index: readonly number[]): number {
  return ring.variables.findIndex((v) => v.family === family && v.index!.length === index.length && v.index!.every((k, i) => k === index[i]));
}

/**
 * A record: named fields in a fixed order. A field is a value or a thunk (`FieldThunk`) computed on the
 * first read and cached, so that a result whose fields cost very different amounts (`solve(I)`:
 * `.complex` is cheap, `.points` is not) pays only for the fields that are read. From the user's view the
 * record is still an immutable value: a field reads the same every time. Reading every field (printing,
 * JSON, equality, `float`) computes every field. A thunk that throws caches nothing (the next read
 * tries again), and errors surface at the field access that forced it.
 */
export interface RecordValue {
  readonly kind: 'record';
  readonly fields: RecordFields;
}

/** A field computed on first read. */
export type FieldThunk = () => Value;

/**
 * The fields of a record: a read-only map whose `get` (and iteration) forces a lazy field once.
 * `isComputed` and `onCompute` let observers (the provenance table, tests) see a field's value when it
 * exists without forcing it.
 */
export class RecordFields implements ReadonlyMap<string, Value> {
  private readonly order: readonly string[];
  private readonly done = new Map<string, Value>();
  private readonly pending = new Map<string, FieldThunk>();
  private readonly observers: ((key: string, value: Value) => void)[] = [];

  constructor(entries: Iterable<readonly [string, Value | FieldThunk]>) {
    const order: string[] = [];
    for (const [k, x] of entries) {
      if (!this.done.has(k) && !this.pending.has(k)) order.push(k);
      this.done.delete(k);
      this.pending.delete(k);
      if (typeof x === 'function') this.pending.set(k, x);
      else this.done.set(k, x);
    }
    this.order = order;
  }

  get size(): number {
    return this.order.length;
  }

  has(key: string): boolean {
    return this.done.has(key) || this.pending.has(key);
  }

  /** Whether the field exists and its value is known (reading it costs nothing). */
  isComputed(key: string): boolean {
    return this.done.has(key);
  }

  get(key: string): Value | undefined {
    const known = this.done.get(key);
    if (known !== undefined) return known;
    const thunk = this.pending.get(key);
    if (thunk === undefined) return undefined;
    const value = thunk();
    this.pending.delete(key);
    this.done.set(key, value);
    for (const observe of this.observers) observe(key, value);
    return value;
  }

  /** Calls `observe` for every field computed so far and for every field computed later. */
  onCompute(observe: (key: string, value: Value) => void): void {
    for (const [k, v] of this.done) observe(k, v);
    this.observers.push(observe);
  }

  keys(): MapIterator<string> {
    return this.order[Symbol.iterator]() as MapIterator<string>;
  }

  *entries(): MapIterator<[string, Value]> {
    for (const k of this.order) yield [k, this.get(k)!];
  }

  *values(): MapIterator<Value> {
    for (const k of this.order) yield this.get(k)!;
  }

  [Symbol.iterator](): MapIterator<[string, Value]> {
    return this.entries();
  }

  forEach(callback: (value: Value, key: string, map: ReadonlyMap<string, Value>) => void): void {
    for (const [k, v] of this.entries()) callback(v, k, this);
  }
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

/** A geometric or network object of a later layer (variety, form, network, ...): its kind and its data. */
export interface ObjectValue<T = unknown> {
  readonly kind: 'object';
  readonly of: ObjectKind<T>;
  readonly data: T;
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

/** A record from its fields in order; a field given as a function is lazy (see RecordValue). */
export function record(fields: Readonly<Record<string, Value | FieldThunk>> | ReadonlyMap<string, Value | FieldThunk>): RecordValue {
  return { kind: 'record', fields: new RecordFields(fields instanceof Map || fields instanceof RecordFields ? fields : Object.entries(fields)) };
}

export function poly(ring: RingData, p: Poly<unknown>): Value {
  return { kind: 'poly', ring, poly: p };
}

export function idealValue(ring: RingData, ideal: Ideal<unknown>): IdealValue {
  return { kind: 'ideal', ring, ideal };
}

export function object<T>(of: ObjectKind<T>, data: T): ObjectValue<T> {
  return { kind: 'object', of, data };
}

/** The field `name` of an object (`N.parameters`), or undefined when its kind has no such field. */
export function objectField(v: ObjectValue, name: string): Value | undefined {
  return Object.hasOwn(v.of.fields, name) ? v.of.fields[name]!(v.data) : undefined;
}

/** Whether v is an object of that kind (then its data has the kind's type). */
export function isObject<T>(of: ObjectKind<T>, v: Value | undefined): v is ObjectValue<T> {
  return v?.kind === 'object' && v.of === of;
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
      return v.of.typeName;
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
      return v.of.kindWord;
    case 'none':
      return 'nothing';
  }
}
