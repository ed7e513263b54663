// The tree-walking evaluator. Lexical scopes are chained maps; the current ring (the one polynomial
// expressions are read in) is interpreter state set by `ring` and `use`; a ring statement also binds
// its variable names in the current scope, so later `let`s can shadow them and functions see them.
// Errors are VdlError diagnostics with spans; MathErrors from the engine are re-raised (by
// `raisingAt`, applied in `eval`) at the span of the innermost expression that raised them.
import { MAX_VARIABLES, checkMemory } from '../math/budget.js';
import { MathError } from '../math/errors.js';
import { QQ, primeField, type Field } from '../math/field.js';
import { FractionField, isFractionField } from '../math/fraction-field.js';
import type { OrderSpec } from '../math/monomial.js';
import { PolyRing } from '../math/poly.js';
import { withInterrupt, type Interrupt, type ProgressEvent } from '../math/progress.js';
import { Random } from '../math/random.js';
import type * as A from './ast.js';
import { VdlError, fail, raisingAt } from './diagnostics.js';
import { importCycle, type ModuleLoader, type ModuleLocation } from './modules.js';
import { binary, negate } from './ops.js';
import { numberListValue } from './number-list.js';
import { toJson, toText, type Json } from './print.js';
import { acceptsKeyword, builtin, keywordList, methodFor, type Builtin, type CallContext } from './builtins/registry.js';
import {
  NONE,
  bool,
  describeVariables,
  indexTuples,
  indexedName,
  int,
  kindWord,
  list,
  objectField,
  record,
  poly,
  variablePosition,
  type RingData,
  type RingSpec,
  type TypedRing,
  type UserFunction,
  type Value,
  type VariableFamily,
} from './values.js';

export class Scope {
  readonly vars = new Map<string, Value>();
  constructor(readonly parent: Scope | null) {}

  lookup(name: string): Value | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const v = s.vars.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** The scope that holds a binding for name, for assignment. */
  owner(name: string): Scope | null {
    for (let s: Scope | null = this; s; s = s.parent) if (s.vars.has(name)) return s;
    return null;
  }
}

/** One executed `print` statement, as structured data. */
export interface PrintRecord {
  readonly values: readonly Value[];
  /** The line `print` shows: values joined by ", ". */
  readonly text: string;
  /** The JSON value: the single value, or an array when several were printed. */
  readonly json: Json;
  readonly span: A.Span;
}

export interface InterpreterOptions {
  readonly seed?: number | bigint;
  readonly onPrint?: (record: PrintRecord) => void;
  readonly signal?: Interrupt;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Module access: locates, reads and parses each imported module once (shared with the static checks). */
  readonly modules: ModuleLoader;
  /** Called as each top-level statement of the program starts (a host names it if the run dies). */
  readonly onStatement?: (span: A.Span) => void;
}

class ReturnSignal {
  constructor(readonly value: Value) {}
}

const MAX_CALL_DEPTH = 2000;
/** The longest range built as a list (a for loop over a range never builds one). */
const MAX_RANGE_LIST = 10_000_000;
let nextRingId = 1;

export class Interpreter {
  readonly globals = new Scope(null);
  currentRing: RingData | null = null;
  random: Random;
  /** The scope each module defined, by module id: a module runs once per interpreter. */
  private readonly modules = new Map<string, Scope>();
  /** The modules being imported, outermost (the importing input) first, to report cycles. */
  private importing: readonly ModuleLocation[] = [];
  private depth = 0;
  /** The active calls of vdl functions, outermost first (see callUser). */
  private readonly calls: { name: string; span: A.Span }[] = [];
  /** The depth at which the JavaScript stack overflowed, while the error unwinds (0 otherwise). */
  private overflowDepth = 0;

  constructor(readonly options: InterpreterOptions) {
    this.random = new Random(options.seed ?? 0);
  }

  // --- statements ----------------------------------------------------------------------------

  /**
   * Runs a program. Its statements run under the run's interrupt as the ambient one (progress.ts),
   * which the kernels without a signal parameter poll.
   */
  runProgram(program: A.Program, scope: Scope = this.globals): void {
    const onStatement = scope === this.globals ? this.options.onStatement : undefined;
    withInterrupt(this.options.signal, () => {
      for (const stmt of program.body) {
        onStatement?.(stmt.span);
        this.execStmt(stmt, scope);
      }
    });
  }

  /** Executes one statement; returns the value of a bare expression statement (for the REPL). */
  exec(stmt: A.Stmt, scope: Scope): Value | undefined {
    return withInterrupt(this.options.signal, () => this.execStmt(stmt, scope));
  }

  private execStmt(stmt: A.Stmt, scope: Scope): Value | undefined {
    this.checkInterrupt(stmt.span);
    switch (stmt.kind) {
      case 'Ring':
        this.declareRing(stmt, scope);
        return undefined;
      case 'Let': {
        const value = this.eval(stmt.value, scope);
        if (stmt.declKind !== 'let') this.checkDeclaredKind(stmt.declKind, value, stmt.value.span);
        scope.vars.set(stmt.name.name, value);
        return undefined;
      }
      case 'Assign': {
        const owner = scope.owner(stmt.name.name);
        if (!owner) fail('unknown-name', `cannot assign to '${stmt.name.name}': no such binding (use 'let' to create one)`, stmt.name.span);
        owner.vars.set(stmt.name.name, this.eval(stmt.value, scope));
        return undefined;
      }
      case 'Print': {
        const values = stmt.values.map((e) => this.eval(e, scope));
        // Printing computes a lazy record's fields: an error there (an interrupt, a failed
        // computation) is reported at the printed expression.
        const at = (k: number) => stmt.values[k]!.span;
        const record: PrintRecord = {
          values,
          text: values.map((v, k) => raisingAt(at(k), () => toText(v))).join(', '),
          json: values.length === 1 ? raisingAt(at(0), () => toJson(values[0]!)) : values.map((v, k) => raisingAt(at(k), () => toJson(v))),
          span: stmt.span,
        };
        this.options.onPrint?.(record);
        return undefined;
      }
      case 'Assert': {
        const c = this.eval(stmt.condition, scope);
        if (c.kind !== 'bool') fail('type', `assert needs a boolean condition, got ${kindWord(c)}`, stmt.condition.span);
        if (!c.value) {
          const message = stmt.message ? raisingAt(stmt.message.span, () => toText(this.eval(stmt.message!, scope))) : 'condition is false';
          fail('assertion', `assertion failed: ${message}`, stmt.span);
        }
        return undefined;
      }
      case 'Fn': {
        const f: UserFunction = {
          kind: 'function',
          name: stmt.name.name,
          params: stmt.params.map((p) => p.name),
          body: stmt.body,
          closure: scope,
          span: stmt.span,
        };
        scope.vars.set(stmt.name.name, f);
        return undefined;
      }
      case 'Return':
        throw new ReturnSignal(stmt.value ? this.eval(stmt.value, scope) : NONE);
      case 'For': {
        if (stmt.iterable.kind === 'Range') {
          // A range is counted through, never built as a list (for i in 1..10^7 uses no memory).
          const [from, to] = this.rangeBounds(stmt.iterable, scope);
          for (let k = from; k <= to; k++) {
            const inner = new Scope(scope);
            inner.vars.set(stmt.variable.name, int(k));
            this.execBlock(stmt.body, inner);
          }
          return undefined;
        }
        const iterable = this.eval(stmt.iterable, scope);
        if (iterable.kind !== 'list') fail('type', `for needs a list or a range to iterate over, got ${kindWord(iterable)}`, stmt.iterable.span);
        for (const item of iterable.items) {
          const inner = new Scope(scope);
          inner.vars.set(stmt.variable.name, item);
          this.execBlock(stmt.body, inner);
        }
        return undefined;
      }
      case 'If': {
        const c = this.eval(stmt.condition, scope);
        if (c.kind !== 'bool') fail('type', `if needs a boolean condition, got ${kindWord(c)}`, stmt.condition.span);
        if (c.value) this.execBlock(stmt.then, new Scope(scope));
        else if (stmt.otherwise?.kind === 'Block') this.execBlock(stmt.otherwise, new Scope(scope));
        else if (stmt.otherwise) this.execStmt(stmt.otherwise, scope);
        return undefined;
      }
      case 'Import':
        this.importModule(stmt, scope);
        return undefined;
      case 'Seed': {
        const v = this.eval(stmt.value, scope);
        if (v.kind !== 'number' || v.value.den !== 1n) fail('type', `seed needs an integer, got ${kindWord(v)}`, stmt.value.span);
        this.random = new Random(v.value.num);
        return undefined;
      }
      case 'Use': {
        const v = scope.lookup(stmt.ring.name);
        if (!v) fail('unknown-name', `unknown ring '${stmt.ring.name}'`, stmt.ring.span);
        if (v.kind !== 'ring') fail('type', `use needs a ring, got ${kindWord(v)}`, stmt.ring.span);
        this.useRing(v.ring, scope);
        return undefined;
      }
      case 'ExprStmt':
        return this.eval(stmt.expr, scope);
      case 'Block':
        this.execBlock(stmt, new Scope(scope));
        return undefined;
    }
  }

  private execBlock(block: A.Block, scope: Scope): void {
    for (const stmt of block.body) this.execStmt(stmt, scope);
  }

  private checkDeclaredKind(declKind: A.DeclKind, value: Value, span: A.Span): void {
    const ok = declKind === 'ideal' ? value.kind === 'ideal' : value.kind === 'object' && value.of.name === declKind;
    if (!ok) fail('type', `${article(declKind)} declaration needs ${article(declKind)}, got ${kindWord(value)}`, span);
  }

  // --- rings ---------------------------------------------------------------------------------

  private declareRing(stmt: A.RingStmt, scope: Scope): void {
    const below = this.coefficientField(stmt.coefficients, scope);
    const params = stmt.params.map((p) => p.name);
    const names: string[] = [];
    const families = new Map<string, VariableFamily>();
    for (const v of stmt.vars) {
      if (!v.indices) {
        names.push(v.name.name);
        continue;
      }
      const ranges = v.indices.map((e) => this.indexRange(e, scope));
      const count = ranges.reduce((n, [lo, hi]) => n * Math.max(0, hi - lo + 1), 1);
      if (names.length + count > MAX_VARIABLES) {
        fail('too-large', `the ring would have ${names.length + count} variables, more than the limit of ${MAX_VARIABLES}`, v.name.span);
      }
      families.set(v.name.name, { name: v.name.name, ranges });
      for (const tuple of indexTuples(ranges)) names.push(indexedName(v.name.name, tuple));
    }
    const taken = params.find((p, i) => params.indexOf(p) !== i || names.includes(p));
    if (taken) fail('duplicate-variable', `${taken} is named twice (a parameter cannot also be a variable)`, stmt.params.find((p) => p.name === taken)!.span);
    const field = params.length > 0 ? raisingAt(stmt.coefficients.span, () => new FractionField(below as Field<unknown>, params)) : below;
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate) fail('duplicate-variable', `the variable ${duplicate} appears twice`, stmt.span);
    if (names.length === 0) fail('syntax', 'a ring needs at least one variable', stmt.span);
    let order: OrderSpec = { kind: 'grevlex' };
    for (const opt of stmt.options) {
      if (opt.name.name !== 'order') fail('unknown-option', `unknown ring option '${opt.name.name}' (expected order = ...)`, opt.name.span);
      order = this.orderSpec(opt.value, names, families, scope);
    }
    const R = raisingAt(stmt.span, () => new PolyRing(field as never, names, order));
    const ring = this.makeRing({ name: stmt.name.name, poly: R, families });
    scope.vars.set(stmt.name.name, { kind: 'ring', ring });
    this.useRing(ring, scope);
  }

  makeRing<E>(spec: RingSpec<E>): TypedRing<E> {
    return { ...spec, variables: describeVariables(spec.poly.vars, spec.families), id: nextRingId++ };
  }

  /** Make `ring` current and bind its variable names (plain variables and families) in scope. */
  useRing(ring: RingData, scope: Scope): void {
    this.currentRing = ring;
    ring.variables.forEach((v, i) => {
      if (v.family === undefined) scope.vars.set(v.name, poly(ring, ring.poly.variable(i)));
    });
    for (const family of ring.families.values()) scope.vars.set(family.name, { kind: 'family', ring, family });
    // The parameters of QQ(t)[x]: constants of the ring (elements of the coefficient field).
    const F = ring.poly.field;
    if (isFractionField(F)) F.params.forEach((t, i) => scope.vars.set(t, poly(ring, ring.poly.constant(F.param(i)))));
  }

  private coefficientField(e: A.Expr, scope: Scope) {
    if (e.kind === 'Name' && e.name === 'QQ') return QQ;
    if (e.kind === 'Call' && e.callee.kind === 'Name' && e.callee.name === 'GF' && e.args.length === 1) {
      const p = this.eval(e.args[0]!, scope);
      if (p.kind !== 'number' || p.value.den !== 1n) fail('type', 'GF(p) needs an integer p', e.args[0]!.span);
      return raisingAt(e.span, () => primeField(p.value.num));
    }
    if (e.kind === 'Call' && (e.callee.kind === 'Name' && e.callee.name === 'QQ' || e.callee.kind === 'Call' && e.callee.callee.kind === 'Name' && e.callee.callee.name === 'GF')) {
      return fail('bad-coefficients', 'the parameters of a rational function field are names: QQ(t), QQ(a, b), GF(p)(t)', e.span);
    }
    return fail('bad-coefficients', 'coefficients must be QQ or GF(p) for a prime p, or a field of rational functions QQ(t), GF(p)(t)', e.span);
  }

  private indexRange(e: A.Expr, scope: Scope): readonly [number, number] {
    if (e.kind === 'Range') return [this.smallInt(e.from, scope), this.smallInt(e.to, scope)];
    const n = this.smallInt(e, scope);
    return [1, n];
  }

  private smallInt(e: A.Expr, scope: Scope): number {
    const v = this.eval(e, scope);
    if (v.kind !== 'number' || v.value.den !== 1n || v.value.num > 100000n || v.value.num < -100000n) {
      fail('type', `expected a small integer, got ${kindWord(v)}`, e.span);
    }
    return Number(v.value.num);
  }

  /** `lex`, `grevlex`, `weighted(1, 2, 3)` or a block order `[grevlex(x, y), lex(z)]`. */
  private orderSpec(e: A.Expr, names: readonly string[], families: ReadonlyMap<string, VariableFamily>, scope: Scope): OrderSpec {
    if (e.kind === 'Name' && (e.name === 'lex' || e.name === 'grevlex')) return { kind: e.name };
    if (e.kind === 'Call' && e.callee.kind === 'Name' && e.callee.name === 'weighted') {
      const weights = e.args.flatMap((a) => {
        const v = this.eval(a, scope);
        return v.kind === 'list' ? v.items : [v];
      });
      return {
        kind: 'weighted',
        weights: weights.map((w) => {
          if (w.kind !== 'number' || w.value.den !== 1n || w.value.num <= 0n) fail('bad-order', 'weights must be positive integers', e.span);
          return Number(w.value.num);
        }),
      };
    }
    if (e.kind === 'List') {
      const blocks: { size: number; order: 'lex' | 'grevlex' }[] = [];
      let position = 0;
      for (const item of e.items) {
        if (item.kind !== 'Call' || item.callee.kind !== 'Name' || (item.callee.name !== 'lex' && item.callee.name !== 'grevlex')) {
          fail('bad-order', 'a block order is a list such as [grevlex(x, y), grevlex(z)]', item.span);
        }
        const blockVars = item.args.flatMap((a) => this.blockVariables(a, families));
        for (const v of blockVars) {
          if (names[position] !== v) {
            fail('bad-order', `the blocks must list the variables in the ring's order: expected ${names[position] ?? 'no more variables'}, found ${v}`, item.span);
          }
          position++;
        }
        blocks.push({ size: blockVars.length, order: item.callee.name });
      }
      if (position !== names.length) fail('bad-order', `the blocks cover ${position} of the ${names.length} variables`, e.span);
      return { kind: 'block', blocks };
    }
    return fail('bad-order', 'order must be lex, grevlex, weighted(...) or a block order [grevlex(x, y), grevlex(z)]', e.span);
  }

  private blockVariables(e: A.Expr, families: ReadonlyMap<string, VariableFamily>): string[] {
    if (e.kind === 'Name') {
      const family = families.get(e.name);
      return family ? indexTuples(family.ranges).map((t) => indexedName(e.name, t)) : [e.name];
    }
    if (e.kind === 'Index' && e.target.kind === 'Name') {
      return [`${e.target.name}[${e.indices.map((i) => (i.kind === 'Number' ? i.num.toString() : '?')).join(',')}]`];
    }
    return fail('bad-order', 'a block lists variable names', e.span);
  }

  // --- modules -------------------------------------------------------------------------------

  private importModule(stmt: A.ImportStmt, scope: Scope): void {
    const loaded = this.options.modules.load(stmt.path.value, stmt.path.span);
    if (!loaded.ok) throw new VdlError(loaded.diagnostic);
    const module = loaded.module;
    const chain = this.importing.length > 0 ? this.importing : [this.options.modules.locationOf(stmt.span.file)];
    const cycle = importCycle(chain, module);
    if (cycle) fail('import-cycle', cycle, stmt.path.span);
    let moduleScope = this.modules.get(module.id);
    if (!moduleScope) {
      if (module.diagnostics.length > 0) throw new VdlError(module.diagnostics[0]!);
      moduleScope = new Scope(null);
      const savedRing = this.currentRing;
      const savedChain = this.importing;
      this.importing = [...chain, module];
      try {
        this.runProgram(module.program, moduleScope);
      } finally {
        this.importing = savedChain;
        this.currentRing = savedRing;
      }
      this.modules.set(module.id, moduleScope);
    }
    for (const [name, value] of moduleScope.vars) scope.vars.set(name, value);
  }

  // --- expressions ---------------------------------------------------------------------------

  /** The value of an expression; an engine error raised while computing it is reported at its span. */
  eval(e: A.Expr, scope: Scope): Value {
    // raisingAt (diagnostics.ts), written out: one stack frame per expression instead of three, so
    // that deep recursion in vdl code fits the JavaScript stack.
    try {
      return this.evalExpr(e, scope);
    } catch (err) {
      if (err instanceof MathError) fail(err.code, err.message, e.span);
      throw err;
    }
  }

  private evalExpr(e: A.Expr, scope: Scope): Value {
    switch (e.kind) {
      case 'Number':
        return { kind: 'number', value: { num: e.num, den: e.den } };
      case 'String':
        return { kind: 'string', value: e.value };
      case 'Bool':
        return bool(e.value);
      case 'Name': {
        const v = scope.lookup(e.name);
        if (v !== undefined) return v;
        if (builtin(e.name)) return { kind: 'builtin', name: e.name };
        return fail('unknown-name', `unknown name '${e.name}'`, e.span);
      }
      case 'Unary': {
        const v = this.eval(e.operand, scope);
        if (e.op === '-') return negate(v, e.span);
        if (v.kind !== 'bool') fail('type', `'not' needs a boolean, got ${kindWord(v)}`, e.operand.span);
        return bool(!v.value);
      }
      case 'Binary':
        return this.binaryChain(e, scope);
      case 'Call':
        return this.call(e, scope);
      case 'Index':
        return this.index(e, scope);
      case 'Field': {
        const target = this.eval(e.target, scope);
        if (target.kind === 'object') {
          const field = objectField(target, e.name.name);
          if (field === undefined) {
            const known = Object.keys(target.of.fields);
            fail('unknown-field', `${target.of.kindWord} has no field '${e.name.name}'`, e.name.span, [known.length ? `its fields: ${known.join(', ')}` : `${target.of.kindWord} has no fields`]);
          }
          return field;
        }
        if (target.kind !== 'record') fail('type', `.${e.name.name} needs a record, got ${kindWord(target)}`, e.span);
        const v = target.fields.get(e.name.name);
        if (v === undefined) {
          fail('unknown-field', `the record has no field '${e.name.name}'`, e.name.span, [`its fields: ${[...target.fields.keys()].join(', ')}`]);
        }
        return v;
      }
      case 'List':
        return list(e.items.map((x) => this.eval(x, scope)));
      case 'NumberList':
        return numberListValue(e.values);
      case 'Record': {
        const fields = new Map<string, Value>();
        for (const f of e.fields) fields.set(f.key.name, this.eval(f.value, scope));
        return record(fields);
      }
      case 'Range': {
        const [from, to] = this.rangeBounds(e, scope);
        if (to - from >= BigInt(MAX_RANGE_LIST)) {
          fail('too-large', `the range has ${to - from + 1n} elements, more than the limit of ${MAX_RANGE_LIST} for a list`, e.span, [
            'a for loop over a range counts through it without a limit: for i in a..b { ... }',
          ]);
        }
        const items: Value[] = [];
        for (let k = from; k <= to; k++) {
          if ((k & 0xffffn) === 0n) this.checkInterrupt(e.span);
          items.push(int(k));
        }
        return list(items);
      }
    }
  }

  /**
   * `a + b - c ...`: the left spine of a chain of binary operators is walked with a loop (a sum of
   * 100,000 terms uses no more stack than one), each operator applied in order from the innermost,
   * `and`/`or` short-circuiting, and an engine error reported at the operator that raised it.
   */
  private binaryChain(e: A.Binary, scope: Scope): Value {
    const spine: A.Binary[] = [];
    let leftmost: A.Expr = e;
    while (leftmost.kind === 'Binary') {
      spine.push(leftmost);
      leftmost = leftmost.left;
    }
    let value = this.eval(leftmost, scope);
    for (let k = spine.length - 1; k >= 0; k--) {
      const node = spine[k]!;
      if (node.op === 'and' || node.op === 'or') {
        if (value.kind !== 'bool') fail('type', `'${node.op}' needs booleans, got ${kindWord(value)}`, node.left.span);
        if (node.op === 'and' ? !value.value : value.value) continue;
        const r = this.eval(node.right, scope);
        if (r.kind !== 'bool') fail('type', `'${node.op}' needs booleans, got ${kindWord(r)}`, node.right.span);
        value = r;
      } else {
        const left = value;
        const right = this.eval(node.right, scope);
        value = raisingAt(node.span, () => binary(node.op, left, right, node.span));
      }
    }
    return value;
  }

  private rangeBounds(e: A.Range, scope: Scope): [bigint, bigint] {
    const from = this.eval(e.from, scope);
    const to = this.eval(e.to, scope);
    if (from.kind !== 'number' || from.value.den !== 1n || to.kind !== 'number' || to.value.den !== 1n) {
      fail('type', 'a range a..b needs integers', e.span);
    }
    return [from.value.num, to.value.num];
  }

  private index(e: A.Index, scope: Scope): Value {
    const target = this.eval(e.target, scope);
    const indices = e.indices.map((i) => this.eval(i, scope));
    if (target.kind === 'family') {
      const { family, ring } = target;
      if (indices.length !== family.ranges.length) {
        fail('index', `${family.name} takes ${family.ranges.length} ind${family.ranges.length === 1 ? 'ex' : 'ices'}`, e.span);
      }
      const ks = indices.map((v, k) => {
        const [lo, hi] = family.ranges[k]!;
        if (v.kind !== 'number' || v.value.den !== 1n || v.value.num < BigInt(lo) || v.value.num > BigInt(hi)) {
          fail('index', `index ${toText(v)} is out of the range ${lo}..${hi} of ${family.name}`, e.indices[k]!.span);
        }
        return v.value.num;
      });
      return poly(ring, ring.poly.variable(variablePosition(ring, family.name, ks.map(Number))));
    }
    let current: Value = target;
    for (let k = 0; k < indices.length; k++) {
      const v = indices[k]!;
      if (current.kind === 'object' && current.of.items) current = list(current.of.items(current.data));
      if (current.kind !== 'list') return fail('type', `cannot index ${kindWord(current)}`, e.span);
      if (v.kind !== 'number' || v.value.den !== 1n) return fail('type', `an index must be an integer, got ${kindWord(v)}`, e.indices[k]!.span);
      const n = current.items.length;
      if (v.value.num < 1n || v.value.num > BigInt(n)) {
        fail('index', `index ${v.value.num} is out of range: the list has ${n} element${n === 1 ? '' : 's'} (indices start at 1)`, e.indices[k]!.span);
      }
      current = current.items[Number(v.value.num) - 1]!;
    }
    return current;
  }

  private call(e: A.Call, scope: Scope): Value {
    const callee = this.eval(e.callee, scope);
    if (callee.kind === 'builtin') {
      const b = builtin(callee.name)!;
      const args = b.lazy ? [] : e.args.map((a) => this.eval(a, scope));
      const kwargs = new Map<string, Value>();
      if (!b.lazy) for (const k of e.kwargs) kwargs.set(k.name.name, this.eval(k.value, scope));
      return this.callBuiltin(b, args, kwargs, directSite(e), scope);
    }
    if (callee.kind === 'function') {
      if (e.kwargs.length > 0) fail('keyword', `${callee.name} takes no keyword arguments`, e.kwargs[0]!.span);
      return this.callUser(callee, e.args.map((a) => this.eval(a, scope)), e.span);
    }
    return fail('type', `cannot call ${kindWord(callee)}`, e.callee.span);
  }

  callUser(f: UserFunction, args: readonly Value[], span: A.Span): Value {
    if (args.length !== f.params.length) {
      fail('arity', `${f.name} takes ${f.params.length} argument${f.params.length === 1 ? '' : 's'}, got ${args.length}`, span);
    }
    if (this.depth >= MAX_CALL_DEPTH) this.recursionError(this.depth, `recursion deeper than ${MAX_CALL_DEPTH} calls`);
    const inner = new Scope(f.closure as Scope);
    f.params.forEach((p, i) => inner.vars.set(p, args[i]!));
    // calls[k] is the k-th active call; entries past depth are stale, and are kept until overwritten
    // so that the chain can still be read after a stack overflow unwinds.
    this.calls[this.depth] = { name: f.name, span };
    this.depth++;
    try {
      if (f.body.kind !== 'Block') return this.eval(f.body, inner);
      this.execBlock(f.body, inner);
      return NONE;
    } catch (signal) {
      if (signal instanceof ReturnSignal) return signal.value;
      if (signal instanceof RangeError) {
        // A stack overflow: note where, and build the error some frames up, where there is stack.
        if (this.overflowDepth === 0) this.overflowDepth = this.depth;
        if ((this.depth + 64 < this.overflowDepth || this.depth === 1) && /call stack/i.test(signal.message)) {
          this.recursionError(this.overflowDepth, `recursion too deep: the stack overflowed after ${this.overflowDepth} nested calls`);
        }
      }
      throw signal;
    } finally {
      this.depth--;
      if (this.depth === 0) this.overflowDepth = 0;
    }
  }

  /**
   * The recursion error at the deepest call, with the chain of calls (outermost first, repeats of
   * one call site folded: "f at main.vdl:3:12, then f at main.vdl:1:40 × 1999").
   */
  private recursionError(depth: number, message: string): never {
    const chain: string[] = [];
    let k = 0;
    while (k < depth && chain.length < 8) {
      const c = this.calls[k]!;
      let j = k + 1;
      while (j < depth && this.calls[j]!.span === c.span) j++;
      chain.push(`${c.name} at ${c.span.file}:${c.span.startLine}:${c.span.startColumn}${j - k > 1 ? ` × ${j - k}` : ''}`);
      k = j;
    }
    if (k < depth) chain.push(`... ${depth - k} more`);
    const deepest = this.calls[Math.max(0, depth - 1)]!;
    fail('recursion-depth', `${message} in ${deepest.name}`, deepest.span, [`the calls: ${chain.join(', then ')}`]);
  }

  /**
   * Every call of a built-in goes through here, whether written directly (`det(M)`), through a
   * variable or parameter holding it (`let f = det; f(M)`), or from a higher-order built-in
   * (`map(det, Ms)`): the same arity and keyword checks, then its method for an object, or itself.
   */
  private callBuiltin(b: Builtin, args: readonly Value[], kwargs: ReadonlyMap<string, Value>, site: CallSite, scope: Scope): Value {
    if (b.lazy && !site.exprs) {
      fail('type', `${b.name} reads its argument unevaluated, so it can only be called directly, as ${b.signature}`, site.span);
    }
    const count = b.lazy ? site.exprs!.length : args.length;
    if (count < b.minArgs || count > b.maxArgs) {
      const expected = b.minArgs === b.maxArgs ? `${b.minArgs}` : b.maxArgs === Infinity ? `at least ${b.minArgs}` : `${b.minArgs} to ${b.maxArgs}`;
      fail('arity', `${b.name} takes ${expected} argument${b.maxArgs === 1 && b.minArgs === 1 ? '' : 's'}, got ${count}`, site.span, [`usage: ${b.signature}`]);
    }
    for (const k of site.keywords) {
      if (!acceptsKeyword(b, k.name)) fail('keyword', `${b.name} has no keyword argument '${k.name}'${keywordList(b)}`, k.span);
    }
    const ctx = this.callContext(site, scope);
    const method = methodFor(b.name, args[0]);
    return method ? method(ctx, args, kwargs) : b.call(ctx, args, kwargs, site.exprs ?? []);
  }

  private callContext(site: CallSite, scope: Scope): CallContext {
    const self = this;
    return {
      span: site.span,
      argSpans: site.argSpans,
      kwargSpans: site.kwargSpans,
      currentRing: () =>
        this.currentRing ?? fail('no-ring', 'no ring is declared yet', site.span, ['declare one first, e.g. ring R = QQ[x, y];']),
      currentRingOrNull: () => this.currentRing,
      registerRing: (data) => this.makeRing(data),
      get random() {
        return self.random;
      },
      signal: this.options.signal,
      onProgress: this.options.onProgress,
      callFunction: (f, args) => {
        if (f.kind === 'function') return this.callUser(f, args, site.span);
        if (f.kind === 'builtin') return this.callBuiltin(builtin(f.name)!, args, new Map(), valueSite(site.span, args.length), scope);
        return fail('type', `expected a function, got ${kindWord(f)}`, site.span);
      },
      evaluate: (expr) => this.eval(expr, scope),
    };
  }

  /** Between statements: the interrupt, and the memory limit (budget.ts). */
  private checkInterrupt(span: A.Span): void {
    if (this.options.signal?.aborted) fail('interrupted', 'interrupted', span);
    raisingAt(span, checkMemory);
  }
}

/** Where a built-in is called: the spans its diagnostics point at, and its argument expressions. */
interface CallSite {
  readonly span: A.Span;
  readonly argSpans: readonly A.Span[];
  readonly kwargSpans: ReadonlyMap<string, A.Span>;
  /** The keyword names written at the call, with their spans. */
  readonly keywords: readonly { readonly name: string; readonly span: A.Span }[];
  /** The argument expressions of a direct call; null when called as a value (they do not exist). */
  readonly exprs: readonly A.Expr[] | null;
}

function directSite(e: A.Call): CallSite {
  return {
    span: e.span,
    argSpans: e.args.map((a) => a.span),
    kwargSpans: new Map(e.kwargs.map((k) => [k.name.name, k.value.span] as const)),
    keywords: e.kwargs.map((k) => ({ name: k.name.name, span: k.name.span })),
    exprs: e.args,
  };
}

/** A built-in called by a higher-order built-in: every diagnostic points at that outer call. */
function valueSite(span: A.Span, argCount: number): CallSite {
  return { span, argSpans: Array.from({ length: argCount }, () => span), kwargSpans: new Map(), keywords: [], exprs: null };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

