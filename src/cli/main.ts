// The `vdl` command: run, check and repl. Exit status: 0 on success, 1 when the script has an error,
// 2 on a usage error. Errors print as `file:line:col: error: message` with the source line and a
// caret; an internal failure never shows a stack trace unless --debug is given.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { check, formatDiagnostics, run } from '../lang/run.js';
import { describeProgress } from '../lang/progress-text.js';
import { diagnosticJson, typedPrintJson } from '../lang/typed-json.js';
import type { ProgressEvent } from '../math/progress.js';
import { nodeResolver } from '../node/resolver.js';
import { installPrimeWorkers } from '../node/prime-pool.js';
import { parseArguments, usage, type Command } from './args.js';
import { version } from './version.js';

export async function main(argv: readonly string[]): Promise<number> {
  installPrimeWorkers(); // the primes of modular computations on worker threads
  // `vdl run x.vdl | head` closes our stdout early: stop quietly, as other command-line tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  let command: Command;
  try {
    command = parseArguments(argv);
  } catch (e) {
    process.stderr.write(`vdl: ${(e as Error).message}\n\n${usage()}\n`);
    return 2;
  }
  // The REPL's worker thread sees the environment; run and check take the flag as an option.
  if (command.debug) process.env['VDL_DEBUG'] = '1';
  switch (command.name) {
    case 'help':
      process.stdout.write(`${usage()}\n`);
      return 0;
    case 'version':
      process.stdout.write(`vdl ${version()}\n`);
      return 0;
    case 'check':
      return checkFile(command.file);
    case 'run':
      return runFile(command);
    case 'repl': {
      const { startRepl } = await import('../repl/start.js');
      return startRepl({ seed: command.seed });
    }
  }
}

function readSource(file: string, json = false): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    const message = `cannot read ${file}`;
    process.stderr.write(json ? `${JSON.stringify({ type: 'error', file, code: 'cannot-read', message })}\n` : `vdl: ${message}\n`);
    return null;
  }
}

/** Imports of a script stay under the script's folder (src/node/resolver.ts). */
function scriptResolver(file: string) {
  return nodeResolver({ roots: [path.dirname(path.resolve(file))] });
}

function checkFile(file: string): number {
  const source = readSource(file);
  if (source === null) return 2;
  const { ok, diagnostics, sources } = check(source, { file, resolver: scriptResolver(file) });
  if (!ok) {
    process.stderr.write(`${formatDiagnostics(diagnostics, sources)}\n`);
    process.stderr.write(`${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} found\n`);
    return 1;
  }
  process.stdout.write(`${file}: ok\n`);
  return 0;
}

function runFile(command: Extract<Command, { name: 'run' }>): number {
  const source = readSource(command.file, command.json && command.provenance);
  if (source === null) return 2;
  const controller = new AbortController();
  const timer = command.timeout !== undefined ? setTimeout(() => controller.abort(), command.timeout * 1000) : undefined;
  // A synchronous run cannot see a timer fire, so the deadline is also checked by the signal itself.
  const deadline = command.timeout !== undefined ? Date.now() + command.timeout * 1000 : Infinity;
  const signal = { get aborted() { return controller.signal.aborted || Date.now() > deadline; } };
  const started = Date.now();
  const onProgress = command.verbose
    ? (e: ProgressEvent) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${describeProgress(e)}\n`)
    : undefined;
  const result = run(source, {
    file: command.file,
    resolver: scriptResolver(command.file),
    debug: command.debug,
    seed: command.seed,
    signal,
    onProgress,
    onPrint: (record) => process.stdout.write(`${command.json ? JSON.stringify(command.provenance ? typedPrintJson(record) : record.json) : record.text}\n`),
  });
  if (timer) clearTimeout(timer);
  if (!result.ok) {
    const diagnostics = result.diagnostics.map((d) =>
      d.code === 'interrupted' && command.timeout !== undefined ? { ...d, message: `timed out after ${command.timeout} s` } : d,
    );
    // --json: one JSON object per diagnostic (docs/json.md); --json-plain keeps the contract's text.
    if (command.json && command.provenance) for (const d of diagnostics) process.stderr.write(`${JSON.stringify(diagnosticJson(d))}\n`);
    else process.stderr.write(`${formatDiagnostics(diagnostics, result.sources)}\n`);
    return 1;
  }
  if (command.verbose) process.stderr.write(`done in ${((Date.now() - started) / 1000).toFixed(3)} s\n`);
  return 0;
}
