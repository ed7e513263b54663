// The descriptor of a kind of object value (variety, form, projection, network): everything the
// language knows about such objects, in one record typed by the kind's data T. A value of the kind
// is `{kind: 'object', of: descriptor, data}` (values.ts `object`), so printing, comparing, reading a
// field or calling a built-in on it goes through its descriptor with `data` typed, and no module
// registers anything at import time. The list of all kinds is the static table in object-kinds.ts.
//
// Variance: the printers and readers are declared as methods, whose parameters TypeScript checks
// bivariantly; that is what makes an ObjectKind<Variety> usable where an ObjectKind<unknown> is
// expected (the Value union holds ObjectValue<unknown>). It is sound here because a descriptor only
// ever receives the data of values built with it (`object(kind, data)` and `isObject`).
import type { Json } from './print.js';
import type { CallContext } from './builtins/registry.js';
import type { Value } from './values.js';

/** A built-in's behaviour on objects of a kind given as its first argument: dim(X), rank(Q). */
export type ObjectMethod<T> = {
  method(ctx: CallContext, self: T, args: readonly Value[], kwargs: ReadonlyMap<string, Value>): Value;
}['method'];

/**
 * The operators on a kind of numbers (`algebraic`): each receives both operands (at least one of this
 * kind) and returns undefined when the operation does not apply, so the usual type error follows.
 * They may throw a MathError (raised at the operator).
 */
export interface ObjectOperators {
  arithmetic(op: '+' | '-' | '*' | '/' | '^', a: Value, b: Value): Value | undefined;
  negate(a: Value): Value | undefined;
  /** sign(a - b); used by < <= > >= == !=. */
  compare(a: Value, b: Value): -1 | 0 | 1 | undefined;
}

/** A field readable with `.` (`N.parameters`). */
export type ObjectField<T> = { read(self: T): Value }['read'];

export interface ObjectKind<T> {
  /** The type word: the declaration keyword (`variety X = ...`) and what typeOf(x) returns. */
  readonly name: string;
  /** The REPL's type line and type errors: `Variety`. */
  readonly typeName: string;
  /** In messages: `a variety`, `an ideal`. */
  readonly kindWord: string;
  /** One paragraph for docs/builtins.md: what the object is and how it prints and compares. */
  readonly summary: string;
  /** What `print` shows. */
  text(data: T): string;
  /** The contract's plain JSON encoding (`vdl run --json-plain`, the library API's print records). */
  json(data: T): Json;
  /**
   * The typed JSON encoding (`vdl run --json`, docs/json.md): the members that follow
   * `"type": <name>` (the type tag is added by src/lang/typed-json.ts, and so is `"how"`). Use strings
   * for exact numbers (`"1/2"`) and ringJson/polySympy (print.ts) for polynomials. Without it the
   * typed encoding is `{"type": <name>, "value": <json(data)>}`.
   */
  typed?(data: T): { [key: string]: Json };
  latex(data: T): string;
  /** `==`: mathematical equality (varieties as sets, forms as matrices). May throw a MathError. */
  equals(a: T, b: T): boolean;
  /** Fields readable with `.`, by name. */
  readonly fields: Readonly<Record<string, ObjectField<T>>>;
  /**
   * Built-ins extended to this kind, by built-in name: the built-in keeps its documentation and
   * arity; the method runs instead of it when its first argument is such an object.
   */
  readonly methods: Readonly<Record<string, ObjectMethod<T>>>;
  /** For kinds of numbers: + - * / ^ and comparisons (see ObjectOperators). */
  readonly operators?: ObjectOperators;
  /** For kinds indexed like lists (`p[i]` of a point): the items, from index 1. */
  items?(data: T): readonly Value[];
}
