// The body of `vdl run` on the evaluator's thread (./run-worker.ts): run the script through the
// compiler and write its output as text, typed JSON (docs/json.md) or the contract's plain JSON. A
// printed plot is also written as an SVG file (plotFile). Output goes through `io` (messages to the
// main thread, which writes them in order), so nothing printed is lost if the thread dies later.
import { writeFileSync } from 'node:fs';
import type { Span } from '../lang/ast.js';
import type { PrintRecord } from '../lang/evaluator.js';
import { PLOT } from '../lang/objects/plot.js';
import { formatDiagnostics, run } from '../lang/run.js';
import { diagnosticJson, typedPrintJson } from '../lang/typed-json.js';
import { isObject } from '../lang/values.js';
import { installPrimeWorkers } from '../node/prime-pool.js';
import { installPathWorkers } from '../node/path-pool.js';
import type { Command } from './args.js';
import { progressReporter, type StatusStream } from './progress.js';
import { plotFile, scriptResolver } from './run-script.js';

export interface ScriptIO {
  readonly out: { write(text: string): unknown };
  readonly err: StatusStream;
  /** Called as each top-level statement of the script starts (the main thread names it if the run dies). */
  readonly onStatement?: (span: Span) => void;
}

/** Writes the plots of a print record to their files; returns the file names. */
function writePlots(record: PrintRecord, script: string, fromFile: boolean): string[] {
  return record.values.flatMap((v) => (isObject(PLOT, v) ? [v.data.svg] : [])).map((svg, k) => {
    const file = plotFile(script, fromFile, record.span.startLine, k);
    writeFileSync(file, svg);
    return file;
  });
}

export function executeScript(command: Extract<Command, { name: 'run' }>, script: { file: string; text: string }, io: ScriptIO): number {
  installPrimeWorkers(); // the primes of modular computations on worker threads
  installPathWorkers(); // the paths of numerical homotopies on worker threads
  const typed = command.json && command.provenance;
  const controller = new AbortController();
  // A synchronous run cannot see a timer fire, so the deadline is checked by the signal itself.
  const deadline = command.timeout !== undefined ? Date.now() + command.timeout * 1000 : Infinity;
  const signal = { get aborted() { return controller.signal.aborted || Date.now() > deadline; } };
  const progress = progressReporter(io.err, { verbose: command.verbose });
  const result = run(script.text, {
    file: script.file,
    resolver: scriptResolver(command.source),
    debug: command.debug,
    seed: command.seed,
    signal,
    onProgress: progress.onProgress,
    onStatement: io.onStatement,
    onPrint: (record) => {
      const line = command.json ? JSON.stringify(command.provenance ? typedPrintJson(record) : record.json) : record.text;
      const plots = writePlots(record, script.file, command.source.kind === 'file');
      progress.around(() => {
        io.out.write(`${line}\n`);
        for (const file of plots) io.err.write(`vdl: wrote ${file}\n`);
      });
    },
  });
  progress.finish(result.ok);
  if (!result.ok) {
    const diagnostics = result.diagnostics.map((d) =>
      d.code === 'interrupted' && command.timeout !== undefined ? { ...d, message: `timed out after ${command.timeout} s` } : d,
    );
    // --json: one JSON object per diagnostic (docs/json.md); --json-plain keeps the contract's text.
    if (typed) for (const d of diagnostics) io.err.write(`${JSON.stringify(diagnosticJson(d))}\n`);
    else io.err.write(`${formatDiagnostics(diagnostics, result.sources)}\n`);
    return 1;
  }
  return 0;
}
