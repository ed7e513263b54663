// The table of built-in functions. Each entry carries its documentation (signature, summary,
// examples): the REPL's `:help`, the static checker's arity check and docs/builtins.md all read it,
// so the documentation cannot drift from what exists.
import type { Expr, Span } from '../ast.js';
import type { Interrupt, ProgressEvent } from '../../math/progress.js';
import type { Random } from '../../math/random.js';
import type { RingData, RingSpec, TypedRing, Value } from '../values.js';

export type Category = 'core' | 'algebra' | 'geometry' | 'networks';

/** What a built-in may use of the running interpreter. */
export interface CallContext {
  /** The span of the whole call, for errors. */
  readonly span: Span;
  /** The span of each positional argument. */
  readonly argSpans: readonly Span[];
  readonly kwargSpans: ReadonlyMap<string, Span>;
  /** The current ring, or a diagnostic at the call when there is none. */
  currentRing(): RingData;
  currentRingOrNull(): RingData | null;
  /** Make a fresh ring (for constructors such as determinantal(2, 3, 1)). */
  registerRing<E>(ring: RingSpec<E>): TypedRing<E>;
  readonly random: Random;
  readonly signal: Interrupt | undefined;
  readonly onProgress: ((event: ProgressEvent) => void) | undefined;
  /** Call a function value (user function or built-in) with arguments, for higher-order built-ins. */
  callFunction(f: Value, args: readonly Value[]): Value;
  /** For lazy built-ins (timing): evaluate an argument expression in the caller's scope. */
  evaluate(expr: Expr): Value;
}

export interface Builtin {
  readonly name: string;
  /** e.g. `gb(I)` or `edDegree(X, Q?)` */
  readonly signature: string;
  readonly summary: string;
  readonly examples?: readonly string[];
  readonly category: Category;
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Keyword arguments it accepts ('any' for built-ins such as subs whose keywords are variable names). */
  readonly keywords?: readonly string[] | 'any';
  /** The kind of value returned when it is always the same ('ideal', 'variety', ...), for static checks. */
  readonly returns?: string;
  /** Lazy built-ins receive their argument expressions unevaluated (see CallContext.evaluate). */
  readonly lazy?: boolean;
  call(ctx: CallContext, args: readonly Value[], kwargs: ReadonlyMap<string, Value>, exprs: readonly Expr[]): Value;
}

const table = new Map<string, Builtin>();

/** A built-in's behaviour on an object kind of a later layer: dim(X) for a variety, rank(Q) for a form. */
export type Method = (ctx: CallContext, args: readonly Value[], kwargs: ReadonlyMap<string, Value>) => Value;

/**
 * The method that runs instead of the built-in `name` when its first argument is an object whose
 * kind extends that built-in (ObjectKind.methods); the built-in keeps its documentation and arity.
 */
export function methodFor(name: string, first: Value | undefined): Method | undefined {
  if (first?.kind !== 'object' || !Object.hasOwn(first.of.methods, name)) return undefined;
  const method = first.of.methods[name]!;
  return (ctx, args, kwargs) => method(ctx, first.data, args, kwargs);
}

export function defineBuiltin(b: Builtin): void {
  if (table.has(b.name)) throw new Error(`built-in ${b.name} defined twice`);
  table.set(b.name, b);
}

export function defineBuiltins(list: readonly Builtin[]): void {
  for (const b of list) defineBuiltin(b);
}

export function builtin(name: string): Builtin | undefined {
  return table.get(name);
}

export function allBuiltins(): Builtin[] {
  return [...table.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Whether a built-in accepts a keyword argument of that name. */
export function acceptsKeyword(b: Builtin, name: string): boolean {
  return b.keywords === 'any' || (b.keywords?.includes(name) ?? false);
}

export function keywordList(b: Builtin): string {
  return Array.isArray(b.keywords) && b.keywords.length > 0 ? `; it accepts ${b.keywords.join(', ')}` : '';
}
