// `vdl run` and `vdl check`: read the script (a file, standard input or -e CODE), check or run it, and
// print its output as text, typed JSON (docs/json.md) or the contract's plain JSON. A printed plot is
// also written as an SVG file (plotFile). Loaded on demand by main.ts, so that this module is where
// the compiler comes in.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PrintRecord } from '../lang/evaluator.js';
import { PLOT } from '../lang/objects/plot.js';
import { isObject } from '../lang/values.js';
import { check, formatDiagnostics, run } from '../lang/run.js';
import { diagnosticJson, typedPrintJson } from '../lang/typed-json.js';
import { installPrimeWorkers } from '../node/prime-pool.js';
import { nodeResolver } from '../node/resolver.js';
import type { Command, Source } from './args.js';
import { progressReporter } from './progress.js';

/** The name a script has in diagnostics, and its text (null, after saying why, when it cannot be read). */
function readSource(source: Source, json: boolean): { file: string; text: string } | null {
  if (source.kind === 'eval') return { file: '<-e>', text: source.code };
  const file = source.kind === 'stdin' ? '<stdin>' : source.file;
  try {
    return { file, text: readFileSync(source.kind === 'stdin' ? 0 : source.file, 'utf8') };
  } catch {
    const message = `cannot read ${file}`;
    process.stderr.write(json ? `${JSON.stringify({ type: 'error', file, code: 'cannot-read', message })}\n` : `vdl: ${message}\n`);
    return null;
  }
}

/**
 * Imports of a script stay under the script's folder (src/node/resolver.ts); a script from standard
 * input or -e imports from the working directory.
 */
function scriptResolver(source: Source) {
  return source.kind === 'file' ? nodeResolver({ roots: [path.dirname(path.resolve(source.file))] }) : nodeResolver();
}

/**
 * Where a printed plot goes: beside the script, named after it and the line of the print
 * (`tour.vdl` line 12 -> `tour-12.svg`, `tour-12-2.svg` for a second plot in the same print); for
 * standard input and -e, `vdl-12.svg` in the working directory.
 */
export function plotFile(script: string, fromFile: boolean, line: number, k: number): string {
  const base = fromFile ? path.join(path.dirname(script), path.basename(script, path.extname(script))) : 'vdl';
  return `${base}-${line}${k > 0 ? `-${k + 1}` : ''}.svg`;
}

/** Writes the plots of a print record to their files; returns the file names. */
function writePlots(record: PrintRecord, script: string, fromFile: boolean): string[] {
  return record.values.flatMap((v) => (isObject(PLOT, v) ? [v.data.svg] : [])).map((svg, k) => {
    const file = plotFile(script, fromFile, record.span.startLine, k);
    writeFileSync(file, svg);
    return file;
  });
}

export function checkScript(command: Extract<Command, { name: 'check' }>): number {
  const script = readSource(command.source, command.json);
  if (script === null) return 2;
  const { ok, diagnostics, sources } = check(script.text, { file: script.file, resolver: scriptResolver(command.source) });
  if (!ok) {
    if (command.json) for (const d of diagnostics) process.stderr.write(`${JSON.stringify(diagnosticJson(d))}\n`);
    else {
      process.stderr.write(`${formatDiagnostics(diagnostics, sources)}\n`);
      process.stderr.write(`${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} found\n`);
    }
    return 1;
  }
  process.stdout.write(`${script.file}: ok\n`);
  return 0;
}

export function runScript(command: Extract<Command, { name: 'run' }>): number {
  installPrimeWorkers(); // the primes of modular computations on worker threads
  const typed = command.json && command.provenance;
  const script = readSource(command.source, typed);
  if (script === null) return 2;
  const controller = new AbortController();
  const timer = command.timeout !== undefined ? setTimeout(() => controller.abort(), command.timeout * 1000) : undefined;
  // A synchronous run cannot see a timer fire, so the deadline is also checked by the signal itself.
  const deadline = command.timeout !== undefined ? Date.now() + command.timeout * 1000 : Infinity;
  const signal = { get aborted() { return controller.signal.aborted || Date.now() > deadline; } };
  const progress = progressReporter(process.stderr, { verbose: command.verbose });
  const result = run(script.text, {
    file: script.file,
    resolver: scriptResolver(command.source),
    debug: command.debug,
    seed: command.seed,
    signal,
    onProgress: progress.onProgress,
    onPrint: (record) => {
      const line = command.json ? JSON.stringify(command.provenance ? typedPrintJson(record) : record.json) : record.text;
      const plots = writePlots(record, script.file, command.source.kind === 'file');
      progress.around(() => {
        process.stdout.write(`${line}\n`);
        for (const file of plots) process.stderr.write(`vdl: wrote ${file}\n`);
      });
    },
  });
  if (timer) clearTimeout(timer);
  progress.finish(result.ok);
  if (!result.ok) {
    const diagnostics = result.diagnostics.map((d) =>
      d.code === 'interrupted' && command.timeout !== undefined ? { ...d, message: `timed out after ${command.timeout} s` } : d,
    );
    // --json: one JSON object per diagnostic (docs/json.md); --json-plain keeps the contract's text.
    if (typed) for (const d of diagnostics) process.stderr.write(`${JSON.stringify(diagnosticJson(d))}\n`);
    else process.stderr.write(`${formatDiagnostics(diagnostics, result.sources)}\n`);
    return 1;
  }
  return 0;
}
