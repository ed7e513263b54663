// The pipeline every entry point shares (CLI, library API, REPL): parse, check statically, evaluate.
// A Session keeps an interpreter alive across inputs (the REPL), snapshotting its state before each
// statement so that an interrupted statement leaves the session as it was.
import { MathError } from '../math/errors.js';
import { withInterrupt, type Interrupt, type ProgressEvent } from '../math/progress.js';
import { Random } from '../math/random.js';
import type { Program, Span, Stmt } from './ast.js';
import { checkProgram } from './check.js';
import { VdlError, diagnostic, fileSpan, formatDiagnostic, raisingAt, type Diagnostic } from './diagnostics.js';
import { Interpreter, Scope, type PrintRecord } from './evaluator.js';
import { ModuleLoader, stdlibResolver, type ModuleResolver } from './modules.js';
import { parseProgram } from './parse.js';
import type { Value } from './values.js';
import './builtins/index.js';

export interface CheckOptions {
  /** The file name used in diagnostics and for resolving relative imports. */
  readonly file?: string;
  /** Module access for `import`; the default knows only the standard library (no file system). */
  readonly resolver?: ModuleResolver;
}

export interface RunOptions extends CheckOptions {
  readonly seed?: number | bigint;
  readonly onPrint?: (record: PrintRecord) => void;
  readonly signal?: Interrupt;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Skip the static checks (they run by default, and a run with a static error does not start). */
  readonly skipCheck?: boolean;
  /** Keep the JavaScript stack of an internal error in its notes (`vdl --debug`). */
  readonly debug?: boolean;
  /** Called as each top-level statement starts (the CLI names it if its evaluator thread dies). */
  readonly onStatement?: (span: Span) => void;
}

export interface CheckResult {
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly program: Program;
  /** Every source read (the main file and imported modules), for printing carets. */
  readonly sources: ReadonlyMap<string, string>;
}

export interface RunResult {
  readonly ok: boolean;
  readonly prints: readonly PrintRecord[];
  readonly diagnostics: readonly Diagnostic[];
  /** Every source read (the main file and imported modules), for printing carets. */
  readonly sources: ReadonlyMap<string, string>;
}

/** Parse and check only; every problem found is reported. */
export function check(source: string, options: CheckOptions = {}): CheckResult {
  const loader = new ModuleLoader(options.resolver ?? stdlibResolver, parseProgram);
  return checkWith(loader, source, options.file ?? '<input>');
}

function checkWith(loader: ModuleLoader, source: string, file: string): CheckResult {
  loader.addInput(file, source);
  const { program, diagnostics } = parseProgram(source, file);
  if (diagnostics.length > 0) return { ok: false, diagnostics, program, sources: loader.sources };
  const problems = checkProgram(program, { modules: loader });
  return { ok: problems.length === 0, diagnostics: problems, program, sources: loader.sources };
}

export function run(source: string, options: RunOptions = {}): RunResult {
  const file = options.file ?? '<input>';
  const loader = new ModuleLoader(options.resolver ?? stdlibResolver, parseProgram);
  let checked: { readonly program: Program; readonly diagnostics: readonly Diagnostic[] };
  if (options.skipCheck) {
    loader.addInput(file, source);
    checked = parseProgram(source, file);
  } else {
    checked = checkWith(loader, source, file);
  }
  if (checked.diagnostics.length > 0) return { ok: false, prints: [], diagnostics: checked.diagnostics, sources: loader.sources };
  const prints: PrintRecord[] = [];
  const interpreter = new Interpreter({
    seed: options.seed,
    signal: options.signal,
    onProgress: options.onProgress,
    onStatement: options.onStatement,
    onPrint: (record) => {
      prints.push(record);
      options.onPrint?.(record);
    },
    modules: loader,
  });
  const outcome = guard(() => interpreter.runProgram(checked.program), file, options.debug);
  return { ok: outcome === null, prints, diagnostics: outcome ? [outcome] : [], sources: loader.sources };
}

/**
 * Runs f and turns every failure into a diagnostic: VdlErrors as they are, a JavaScript stack
 * overflow as a recursion error, anything else as an internal error (a bug: the stack is kept in
 * the notes only when `debug` is set, so users never see a stack trace by default).
 */
export function guard(f: () => void, file: string, debug = false): Diagnostic | null {
  try {
    f();
    return null;
  } catch (e) {
    return toDiagnostic(e, file, debug);
  }
}

export function toDiagnostic(e: unknown, file: string, debug = false): Diagnostic {
  if (e instanceof VdlError) return e.diagnostic;
  // An interrupt polled while a value is printed (a lazy field read outside any call) is not a bug.
  if (e instanceof MathError && e.code === 'interrupted') return diagnostic('interrupted', e.message, fileSpan(file));
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return diagnostic('recursion-depth', 'recursion too deep (the call stack overflowed)', fileSpan(file));
  }
  const message = e instanceof Error ? e.message : String(e);
  const notes = ['this is a bug in vdl; please report it with the script that caused it'];
  if (debug && e instanceof Error && e.stack) notes.push(e.stack);
  return diagnostic('internal', `internal error: ${message}`, fileSpan(file), notes);
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  return diagnostics.map((d) => formatDiagnostic(d, sources.get(d.span.file))).join('\n');
}

// ---------------------------------------------------------------------------------------------

export interface SessionResult {
  readonly ok: boolean;
  readonly prints: readonly PrintRecord[];
  /** The value of the last bare expression statement, for the REPL's echo. */
  readonly value: Value | undefined;
  /** What `show` made of that value (the REPL's echo), when evaluate was given one. */
  readonly shown?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** A long-lived interpreter for the REPL: state carries over from one input to the next. */
export interface SessionOptions {
  readonly seed?: number | bigint;
  readonly signal?: Interrupt;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Called for each `print` as it happens (the REPL shows output of a long statement live). */
  readonly onPrint?: (record: PrintRecord) => void;
  /** Module access for `import`; the default knows only the standard library (no file system). */
  readonly resolver?: ModuleResolver;
  /** Keep the JavaScript stack of an internal error in its notes. */
  readonly debug?: boolean;
}

export class Session {
  readonly interpreter: Interpreter;
  /** Modules are read once per session: importing a module again reuses what it defined. */
  private readonly modules: ModuleLoader;
  private readonly debug: boolean;
  private readonly signal: Interrupt | undefined;
  private counter = 0;
  private printSink: ((record: PrintRecord) => void) | undefined;

  constructor(options: SessionOptions = {}) {
    this.modules = new ModuleLoader(options.resolver ?? stdlibResolver, parseProgram);
    this.debug = options.debug ?? false;
    this.signal = options.signal;
    this.interpreter = new Interpreter({
      seed: options.seed,
      signal: options.signal,
      onProgress: options.onProgress,
      onPrint: (record) => {
        this.printSink?.(record);
        options.onPrint?.(record);
      },
      modules: this.modules,
    });
  }

  /** Source text of every input and module, for formatting diagnostics. */
  get sources(): ReadonlyMap<string, string> {
    return this.modules.sources;
  }

  /** The resolver the session imports modules with (the REPL's `:load` reads files through it too). */
  get resolver(): ModuleResolver {
    return this.modules.resolver;
  }

  /**
   * Parses, checks statically (knowing the names earlier inputs bound) and evaluates one input; an
   * input with a syntax or static error does not run. `show` turns the value of a final bare
   * expression into the echo's text as part of the statement: under its interrupt, its failures
   * reported at the expression (showing a lazy record computes its fields).
   */
  evaluate(source: string, file?: string, show?: (value: Value) => string): SessionResult {
    const name = file ?? `<input ${++this.counter}>`;
    this.modules.addInput(name, source);
    const { program, diagnostics } = parseProgram(source, name);
    if (diagnostics.length > 0) return { ok: false, prints: [], value: undefined, diagnostics };
    const problems = checkProgram(program, { modules: this.modules, globals: this.interpreter.globals.vars });
    if (problems.length > 0) return { ok: false, prints: [], value: undefined, diagnostics: problems };
    const prints: PrintRecord[] = [];
    this.printSink = (r) => prints.push(r);
    let value: Value | undefined;
    for (const stmt of program.body) {
      const snapshot = this.snapshot();
      const failure = guard(() => {
        value = this.interpreter.exec(stmt as Stmt, this.interpreter.globals);
      }, name, this.debug);
      if (failure) {
        // An interrupted statement leaves no trace; other errors keep what ran before them.
        if (failure.code === 'interrupted') this.restore(snapshot);
        return { ok: false, prints, value: undefined, diagnostics: [failure] };
      }
    }
    if (value === undefined || !show) return { ok: true, prints, value, diagnostics: [] };
    const shownValue = value;
    const at = program.body[program.body.length - 1]!.span;
    let shown = '';
    const failure = guard(() => {
      shown = withInterrupt(this.signal, () => raisingAt(at, () => show(shownValue)));
    }, name, this.debug);
    if (failure) return { ok: false, prints, value: undefined, diagnostics: [failure] };
    return { ok: true, prints, value, shown, diagnostics: [] };
  }

  /** Values are immutable, so copying the global bindings is a faithful snapshot. */
  private snapshot() {
    const i = this.interpreter;
    return { vars: new Map(i.globals.vars), ring: i.currentRing, random: i.random.clone() };
  }

  private restore(s: { vars: Map<string, Value>; ring: Interpreter['currentRing']; random: Random }): void {
    const i = this.interpreter;
    i.globals.vars.clear();
    for (const [k, v] of s.vars) i.globals.vars.set(k, v);
    i.currentRing = s.ring;
    i.random = s.random;
  }

  setSeed(seed: number | bigint): void {
    this.interpreter.random = new Random(seed);
  }

  /** Names in scope (for tab completion). */
  names(): string[] {
    const out = new Set<string>();
    for (let s: Scope | null = this.interpreter.globals; s; s = s.parent) for (const k of s.vars.keys()) out.add(k);
    return [...out];
  }
}
