// Static checks before a program runs: unknown names (with a "did you mean"), wrong numbers of
// arguments to user functions and built-ins, unknown keyword arguments, and the kind of a typed
// declaration when it is known without running anything (a literal, or a built-in that always returns
// that kind). Conservative: where a name's meaning depends on run time (a `use` of a ring built by a
// function) the checker stops reporting unknown names rather than guess.
import type * as A from './ast.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { importCycle, type ModuleLoader, type ModuleLocation } from './modules.js';
import { stdlibDefinition } from './stdlib-names.js';
import { aliasOf, editDistance } from './suggest.js';
import type { Value } from './values.js';
import { acceptsKeyword, allBuiltins, builtin, keywordList } from './builtins/registry.js';

type NameInfo =
  | { readonly kind: 'fn'; readonly arity: number }
  | { readonly kind: 'ring'; readonly vars: readonly string[] | null }
  | { readonly kind: 'value'; readonly valueKind: string | null };

class StaticScope {
  readonly names = new Map<string, NameInfo>();
  /** After `use` of a ring whose variables are unknown, any name may be a variable. */
  open = false;
  constructor(readonly parent: StaticScope | null) {}

  lookup(name: string): NameInfo | undefined {
    for (let s: StaticScope | null = this; s; s = s.parent) {
      const v = s.names.get(name);
      if (v) return v;
    }
    return undefined;
  }

  isOpen(): boolean {
    for (let s: StaticScope | null = this; s; s = s.parent) if (s.open) return true;
    return false;
  }

  allNames(): string[] {
    const out: string[] = [];
    for (let s: StaticScope | null = this; s; s = s.parent) out.push(...s.names.keys());
    return out;
  }
}

export interface StaticCheckOptions {
  /** Module access, shared with the evaluator so that both see each module's text once. */
  readonly modules: ModuleLoader;
  /** Names already bound before the program (a REPL session's earlier inputs). */
  readonly globals?: ReadonlyMap<string, Value>;
}

export function checkProgram(program: A.Program, options: StaticCheckOptions): Diagnostic[] {
  const checker = new Checker(options, [], new Map());
  const scope = new StaticScope(null);
  for (const [name, value] of options.globals ?? []) scope.names.set(name, staticInfo(value));
  checker.block(program.body, scope);
  return checker.problems;
}

/** What the checker knows of a name bound at run time by an earlier input. */
function staticInfo(v: Value): NameInfo {
  switch (v.kind) {
    case 'function':
      return { kind: 'fn', arity: v.params.length };
    case 'ring':
      return { kind: 'ring', vars: null };
    case 'object':
      return { kind: 'value', valueKind: v.of.name };
    case 'ideal':
    case 'number':
    case 'string':
    case 'list':
    case 'record':
      return { kind: 'value', valueKind: v.kind };
    case 'bool':
      return { kind: 'value', valueKind: 'boolean' };
    case 'poly':
      return { kind: 'value', valueKind: 'polynomial' };
    default:
      return { kind: 'value', valueKind: null };
  }
}

/** Names that only have meaning in particular places (ring declarations) and are never unknown. */
const CONTEXTUAL_NAMES = new Set(['QQ', 'GF', 'lex', 'grevlex', 'weighted']);

class Checker {
  readonly problems: Diagnostic[] = [];
  constructor(
    private readonly options: StaticCheckOptions,
    /** The modules being imported around this one, outermost first (empty for the main program). */
    private readonly importing: readonly ModuleLocation[],
    /** The names each module defines, by module id (null: not known statically), shared by all checkers of a run. */
    private readonly moduleNames: Map<string, Map<string, NameInfo> | null>,
  ) {}

  private report(code: string, message: string, span: A.Span, notes?: string[]): void {
    this.problems.push(diagnostic(code, message, span, notes));
  }

  /** Statements in order; function bodies are checked at the end, when every name of the block is known. */
  block(body: readonly A.Stmt[], scope: StaticScope): void {
    const deferred: (() => void)[] = [];
    for (const stmt of body) this.stmt(stmt, scope, deferred);
    for (const f of deferred) f();
  }

  private stmt(s: A.Stmt, scope: StaticScope, deferred: (() => void)[]): void {
    switch (s.kind) {
      case 'Ring': {
        for (const v of s.vars) for (const i of v.indices ?? []) this.expr(i, scope);
        const vars = s.vars.map((v) => v.name.name);
        scope.names.set(s.name.name, { kind: 'ring', vars });
        for (const v of [...vars, ...s.params.map((p) => p.name)]) scope.names.set(v, { kind: 'value', valueKind: 'polynomial' });
        return;
      }
      case 'Let': {
        this.expr(s.value, scope);
        const valueKind = this.staticKind(s.value, scope);
        if (s.declKind !== 'let' && valueKind && valueKind !== s.declKind) {
          this.report('type', `${article(s.declKind)} declaration needs ${article(s.declKind)}, got ${article(valueKind)}`, s.value.span);
        }
        scope.names.set(s.name.name, { kind: 'value', valueKind: s.declKind !== 'let' ? s.declKind : valueKind });
        return;
      }
      case 'Assign':
        this.expr(s.value, scope);
        if (!scope.lookup(s.name.name) && !scope.isOpen()) {
          this.report('unknown-name', `cannot assign to '${s.name.name}': no such binding (use 'let' to create one)`, s.name.span);
        }
        return;
      case 'Print':
        s.values.forEach((e) => this.expr(e, scope));
        return;
      case 'Assert':
        this.expr(s.condition, scope);
        if (s.message) this.expr(s.message, scope);
        return;
      case 'Fn': {
        scope.names.set(s.name.name, { kind: 'fn', arity: s.params.length });
        deferred.push(() => {
          const inner = new StaticScope(scope);
          for (const p of s.params) inner.names.set(p.name, { kind: 'value', valueKind: null });
          if (s.body.kind === 'Block') this.block(s.body.body, inner);
          else this.expr(s.body, inner);
        });
        return;
      }
      case 'Return':
        if (s.value) this.expr(s.value, scope);
        return;
      case 'For': {
        this.expr(s.iterable, scope);
        const inner = new StaticScope(scope);
        inner.names.set(s.variable.name, { kind: 'value', valueKind: null });
        this.block(s.body.body, inner);
        return;
      }
      case 'If':
        this.expr(s.condition, scope);
        this.block(s.then.body, new StaticScope(scope));
        if (s.otherwise?.kind === 'Block') this.block(s.otherwise.body, new StaticScope(scope));
        else if (s.otherwise) this.stmt(s.otherwise, scope, deferred);
        return;
      case 'Import': {
        const names = this.importedNames(s);
        if (names) for (const [k, v] of names) scope.names.set(k, v);
        else scope.open = true;
        return;
      }
      case 'Seed':
        this.expr(s.value, scope);
        return;
      case 'Use': {
        const info = scope.lookup(s.ring.name);
        if (!info && !scope.isOpen()) this.unknown(s.ring.name, s.ring.span, scope);
        if (info?.kind === 'ring' && info.vars) for (const v of info.vars) scope.names.set(v, { kind: 'value', valueKind: 'polynomial' });
        else scope.open = true;
        return;
      }
      case 'ExprStmt':
        this.expr(s.expr, scope);
        return;
      case 'Block':
        this.block(s.body, new StaticScope(scope));
        return;
    }
  }

  private expr(e: A.Expr, scope: StaticScope): void {
    switch (e.kind) {
      case 'Number':
      case 'String':
      case 'Bool':
        return;
      case 'Name':
        if (!scope.lookup(e.name) && !builtin(e.name) && !CONTEXTUAL_NAMES.has(e.name) && !scope.isOpen()) {
          this.unknown(e.name, e.span, scope);
        }
        return;
      case 'Unary':
        this.expr(e.operand, scope);
        return;
      case 'Binary': {
        // The left spine of a chain (a + b + c ...) with a loop: long sums use no stack.
        const rights: A.Expr[] = [];
        let left: A.Expr = e;
        while (left.kind === 'Binary') {
          rights.push(left.right);
          left = left.left;
        }
        this.expr(left, scope);
        for (let k = rights.length - 1; k >= 0; k--) this.expr(rights[k]!, scope);
        return;
      }
      case 'Call':
        this.call(e, scope);
        return;
      case 'Index':
        this.expr(e.target, scope);
        e.indices.forEach((i) => this.expr(i, scope));
        return;
      case 'Field':
        this.expr(e.target, scope);
        return;
      case 'List':
        e.items.forEach((i) => this.expr(i, scope));
        return;
      case 'NumberList':
        return;
      case 'Record':
        e.fields.forEach((f) => this.expr(f.value, scope));
        return;
      case 'Range':
        this.expr(e.from, scope);
        this.expr(e.to, scope);
        return;
    }
  }

  private call(e: A.Call, scope: StaticScope): void {
    this.expr(e.callee, scope);
    e.args.forEach((a) => this.expr(a, scope));
    e.kwargs.forEach((k) => this.expr(k.value, scope));
    if (e.callee.kind !== 'Name') return;
    const name = e.callee.name;
    const info = scope.lookup(name);
    if (info?.kind === 'fn') {
      if (info.arity !== e.args.length) {
        this.report('arity', `${name} takes ${info.arity} argument${info.arity === 1 ? '' : 's'}, got ${e.args.length}`, e.span);
      }
      if (e.kwargs.length > 0) this.report('keyword', `${name} takes no keyword arguments`, e.kwargs[0]!.span);
      return;
    }
    const b = info ? undefined : builtin(name);
    if (!b) return;
    const n = e.args.length;
    if (n < b.minArgs || n > b.maxArgs) {
      const expected = b.minArgs === b.maxArgs ? `${b.minArgs}` : b.maxArgs === Infinity ? `at least ${b.minArgs}` : `${b.minArgs} to ${b.maxArgs}`;
      this.report('arity', `${name} takes ${expected} argument${expected === '1' ? '' : 's'}, got ${n}`, e.span, [`usage: ${b.signature}`]);
    }
    for (const k of e.kwargs) {
      if (!acceptsKeyword(b, k.name.name)) {
        const accepted = keywordList(b);
        this.report('keyword', `${name} has no keyword argument '${k.name.name}'${accepted}`, k.name.span);
      }
    }
  }

  /** The kind of value an expression certainly has, when that is known without running it. */
  private staticKind(e: A.Expr, scope: StaticScope): string | null {
    switch (e.kind) {
      case 'Number':
        return 'number';
      case 'String':
        return 'string';
      case 'Bool':
        return 'boolean';
      case 'List':
      case 'NumberList':
      case 'Range':
        return 'list';
      case 'Record':
        return 'record';
      case 'Name': {
        const info = scope.lookup(e.name);
        return info?.kind === 'value' ? info.valueKind : info?.kind === 'ring' ? 'ring' : null;
      }
      case 'Call':
        if (e.callee.kind === 'Name' && !scope.lookup(e.callee.name)) return builtin(e.callee.name)?.returns ?? null;
        return null;
      default:
        return null;
    }
  }

  private unknown(name: string, span: A.Span, scope: StaticScope): void {
    // A standard-library name says which import defines it; another system's name, vdl's name for it.
    const std = stdlibDefinition(name);
    if (std) {
      this.report('unknown-name', `unknown name '${name}'`, span, [`import "${std.file}"; defines ${name}`]);
      return;
    }
    builtinNames ??= allBuiltins().map((b) => b.name);
    const candidates = [...scope.allNames(), ...builtinNames];
    const best = aliasOf(name) ?? closest(name, candidates);
    this.report('unknown-name', `unknown name '${name}'`, span, best ? [`did you mean '${best}'?`] : undefined);
  }

  /** The top-level names a module defines (statically), or null when they cannot be known. */
  private importedNames(s: A.ImportStmt): Map<string, NameInfo> | null {
    const loader = this.options.modules;
    const loaded = loader.load(s.path.value, s.path.span);
    if (!loaded.ok) {
      this.problems.push(loaded.diagnostic);
      return null;
    }
    const module = loaded.module;
    const chain = this.importing.length > 0 ? this.importing : [loader.locationOf(s.span.file)];
    const cycle = importCycle(chain, module);
    if (cycle) {
      this.report('import-cycle', cycle, s.path.span);
      return null;
    }
    if (this.moduleNames.has(module.id)) return this.moduleNames.get(module.id) ?? null;
    if (module.diagnostics.length > 0) {
      this.problems.push(...module.diagnostics);
      this.moduleNames.set(module.id, null);
      return null;
    }
    const moduleChecker = new Checker(this.options, [...chain, module], this.moduleNames);
    const moduleScope = new StaticScope(null);
    moduleChecker.block(module.program.body, moduleScope);
    this.problems.push(...moduleChecker.problems);
    const names = moduleScope.isOpen() ? null : moduleScope.names;
    this.moduleNames.set(module.id, names);
    return names;
  }
}

/** The built-ins' names, listed once (the registry is complete when the first check runs). */
let builtinNames: readonly string[] | undefined;

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

/** The candidate within edit distance 2 (and less than half the name's length), if any. */
function closest(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.min(3, Math.ceil(name.length / 2));
  for (const c of new Set(candidates)) {
    // The length difference bounds the distance from below: most candidates need no alignment.
    if (Math.abs(c.length - name.length) >= bestDistance) continue;
    const d = editDistance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
