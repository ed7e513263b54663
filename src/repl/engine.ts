// The REPL's evaluation side, independent of any terminal: one Session plus the commands and the
// output format. It turns each submitted input into an Outcome made only of strings, so that it can
// cross a worker boundary (src/repl/worker.ts runs one of these in a worker thread; the plain line mode
// and tests run one in-process).
import { isFailure, type ModuleResolver } from '../lang/modules.js';
import { parseProgram } from '../lang/parse.js';
import { toJson, toLatex, toText } from '../lang/print.js';
import { formatDiagnostics, Session, type SessionOptions } from '../lang/run.js';
import type { PrintRecord } from '../lang/evaluator.js';
import { typeName, type Value } from '../lang/values.js';
import { provenanceOf } from '../lang/provenance.js';
import { describeProvenance } from '../math/provenance.js';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { PLOT } from '../lang/objects/plot.js';
import { isObject } from '../lang/values.js';
import { nodeResolver } from '../node/resolver.js';
import { installPrimeWorkers } from '../node/prime-pool.js';
import { installPathWorkers } from '../node/path-pool.js';
import { COMMAND_WORDS, isCommand, parseCommand, type OutputFormat } from './commands.js';
import { builtinNames, helpFor, KEYWORDS, overview, stdlibFunctions } from './help.js';

export interface Outcome {
  readonly ok: boolean;
  /** Lines printed by `print` (empty when they were streamed through onPrint). */
  readonly prints: readonly string[];
  /** The value of a bare expression, in the current format, and its type line. */
  readonly value?: string;
  readonly type?: string;
  /** Formatted diagnostics (file:line:col, source line, caret). */
  readonly error?: string;
  /** The statement was stopped by the interrupt flag; the session is as it was before it. */
  readonly interrupted?: boolean;
  /** Help and command confirmations. */
  readonly info?: string;
  readonly quit?: boolean;
}

/** A session's options (seed, signal, progress, resolver), with prints delivered as formatted lines. */
export interface EngineOptions extends Pick<SessionOptions, 'seed' | 'signal' | 'onProgress'> {
  /** Receive each print as it happens; the outcome's `prints` then stays empty. */
  readonly onPrint?: (line: string) => void;
  readonly format?: OutputFormat;
  /** Module access for `import` and `:load` (default: files relative to the working directory, and the stdlib). */
  readonly resolver?: ModuleResolver;
  /**
   * Where plots go: each printed or shown plot is written to `vdl-plot-N.svg` in this folder
   * (default: the working directory) and the REPL says so; null writes none.
   */
  readonly plotDir?: string | null;
}

/** What completion needs from the evaluation side. */
export interface CompletionNames {
  readonly builtins: readonly string[];
  readonly stdlib: readonly string[];
  readonly keywords: readonly string[];
  readonly commands: readonly string[];
}

export function completionNames(): CompletionNames {
  return {
    builtins: builtinNames(),
    stdlib: stdlibFunctions().map((s) => s.name),
    keywords: KEYWORDS,
    commands: COMMAND_WORDS,
  };
}

export function formatValue(v: Value, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(toJson(v));
  if (format === 'latex') return toLatex(v);
  return toText(v);
}

/** The REPL's type line: the type, and how the value was obtained when a built-in recorded it. */
export function typeLine(v: Value): string {
  const p = provenanceOf(v);
  return p ? `${typeName(v)} · ${describeProvenance(p)}` : typeName(v);
}

export function formatPrint(r: PrintRecord, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(r.json);
  if (format === 'latex') return r.values.map(toLatex).join(', ');
  return r.text;
}

export class ReplEngine {
  readonly session: Session;
  format: OutputFormat;
  private readonly streaming: boolean;
  private readonly streamed: (line: string) => void;
  /** A host's resolver reads :load files too; the default file access reads them where they are. */
  private readonly ownResolver: boolean;
  private readonly plotDir: string | null;
  /** Plots written so far (they are numbered from 1 in a session). */
  private plotCount = 0;

  constructor(options: EngineOptions = {}) {
    installPrimeWorkers(); // the primes of modular computations on worker threads
    installPathWorkers(); // the paths of numerical homotopies on worker threads
    this.ownResolver = options.resolver !== undefined;
    this.format = options.format ?? 'text';
    this.streaming = options.onPrint !== undefined;
    this.streamed = options.onPrint ?? (() => {});
    this.plotDir = options.plotDir === undefined ? process.cwd() : options.plotDir;
    this.session = new Session({
      seed: options.seed,
      signal: options.signal,
      onProgress: options.onProgress,
      onPrint: (record) => {
        this.streamed(formatPrint(record, this.format));
        for (const note of this.writePlots(record.values)) this.streamed(note);
      },
      resolver: options.resolver ?? nodeResolver(),
      debug: Boolean(process.env['VDL_DEBUG']),
    });
  }

  names(): string[] {
    return this.session.names().sort();
  }

  /** Evaluate one complete input: vdl statements or a `:command`. Never throws. */
  submit(input: string): Outcome {
    try {
      return isCommand(input) ? this.command(input) : this.evaluate(input);
    } catch (e) {
      // A bug in the REPL itself must not end the session.
      return { ok: false, prints: [], error: `internal error: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  evaluate(source: string, file?: string): Outcome {
    // The echo of a value is formatted as part of its statement (under the interrupt: showing a lazy
    // record computes its fields).
    const result = this.session.evaluate(source, file, (v) => (v.kind === 'none' ? '' : formatValue(v, this.format)));
    const prints = this.streaming ? [] : result.prints.flatMap((p) => [formatPrint(p, this.format), ...this.writePlots(p.values)]);
    if (!result.ok) {
      const interrupted = result.diagnostics.some((d) => d.code === 'interrupted');
      return { ok: false, prints, interrupted, error: formatDiagnostics(result.diagnostics, this.session.sources) };
    }
    const v = result.value;
    if (v === undefined || v.kind === 'none') return { ok: true, prints };
    const notes = this.writePlots([v]);
    return { ok: true, prints, value: result.shown ?? '', type: typeLine(v), ...(notes.length > 0 ? { info: notes.join('\n') } : {}) };
  }

  /** Writes the plots among the values to their files; returns the lines that say where. */
  private writePlots(values: readonly Value[]): string[] {
    if (this.plotDir === null) return [];
    return values.flatMap((v) => {
      if (!isObject(PLOT, v)) return [];
      const file = path.join(this.plotDir!, `vdl-plot-${++this.plotCount}.svg`);
      try {
        writeFileSync(file, v.data.svg);
        return [`(plot written to ${file})`];
      } catch (e) {
        return [`(plot not written: ${e instanceof Error ? e.message : String(e)})`];
      }
    });
  }

  private command(input: string): Outcome {
    const c = parseCommand(input);
    switch (c.kind) {
      case 'error':
        return { ok: false, prints: [], error: c.message };
      case 'quit':
        return { ok: true, prints: [], quit: true };
      case 'help': {
        if (!c.name) return { ok: true, prints: [], info: overview() };
        const h = helpFor(c.name);
        return h.ok ? { ok: true, prints: [], info: h.text } : { ok: false, prints: [], error: h.text };
      }
      case 'format':
        if (!c.format) return { ok: true, prints: [], info: `format: ${this.format}` };
        this.format = c.format;
        return { ok: true, prints: [], info: `format: ${c.format}` };
      case 'seed':
        this.session.setSeed(c.seed);
        return { ok: true, prints: [], info: `seed: ${c.seed}` };
      case 'type': {
        // The expression's ';' is optional.
        const source = /;\s*$/.test(c.source) ? c.source : `${c.source};`;
        const { program, diagnostics } = parseProgram(source, '<type>');
        const single = diagnostics.length === 0 && program.body.length === 1 && program.body[0]!.kind === 'ExprStmt';
        if (diagnostics.length === 0 && !single) return { ok: false, prints: [], error: ':type takes one expression, e.g. :type ideal(x^2 - y)' };
        const r = this.evaluate(source);
        if (!r.ok) return r;
        return { ok: true, prints: r.prints, type: r.type ?? 'Nothing' };
      }
      case 'load': {
        // The file the user names is read wherever it is (on Node: a resolver rooted at its folder);
        // the imports it makes go through the session's resolver, confined to its roots.
        const resolver = this.ownResolver ? this.session.resolver : nodeResolver({ roots: [path.dirname(path.resolve(c.file))] });
        const location = resolver.locate(c.file, null);
        const source = isFailure(location) ? location : resolver.read(location);
        if (isFailure(source)) return { ok: false, prints: [], error: source.error };
        const r = this.evaluate(source, c.file);
        return r.ok ? { ...r, value: undefined, type: undefined, info: `loaded ${c.file}` } : r;
      }
    }
  }
}
