// `vdl run` and `vdl check`: read the script (a file, standard input or -e CODE) and check or run it.
// A run happens on a worker thread (./run-worker.ts runs ./execute-script.ts) with resource limits, so
// that the documented recursion depth fits its stack (RUN_STACK_MB) and a statement that exhausts
// its heap ends that run with a located diagnostic instead of a V8 crash: the worker polls its heap
// against the memory limit (src/node/memory.ts; `--max-memory`, default 3/4 of Node's heap limit) and
// stops the statement with `out-of-memory`; should V8 still run out, or a statement ignore the
// deadline, this thread names the top-level statement that was running (shared memory), and a
// deadline missed by more than TIMEOUT_GRACE_MS terminates the worker.
// This module loads no compiler for `run` (the worker does); `check` imports it on demand.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../lang/diagnostics.js';
import { nodeResolver } from '../node/resolver.js';
import { defaultMemoryLimit, workerHeapMb } from '../node/memory.js';
import type { Command, Source } from './args.js';
import type { RunWorkerData, RunWorkerMessage } from './run-worker.js';

/** The evaluator thread's stack: room for the documented 2,000 nested calls with a wide margin. */
export const RUN_STACK_MB = 256;
/** How long past its deadline a run may go on before the worker is terminated. */
const TIMEOUT_GRACE_MS = 2000;

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
export function scriptResolver(source: Source) {
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

export async function checkScript(command: Extract<Command, { name: 'check' }>): Promise<number> {
  const script = readSource(command.source, command.json);
  if (script === null) return 2;
  const { check, formatDiagnostics } = await import('../lang/run.js');
  const { diagnosticJson } = await import('../lang/typed-json.js');
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

const MB = 2 ** 20;

export async function runScript(command: Extract<Command, { name: 'run' }>): Promise<number> {
  const typed = command.json && command.provenance;
  const script = readSource(command.source, typed);
  if (script === null) return 2;
  const memory = command.maxMemory !== undefined ? command.maxMemory * MB : defaultMemoryLimit();
  // [start, end] offsets of the running top-level statement (-1 before the first).
  const statement = new Int32Array(new SharedArrayBuffer(8)).fill(-1);
  const data: RunWorkerData = { command, script, statement: statement.buffer as SharedArrayBuffer, memory, stderrTTY: Boolean(process.stderr.isTTY), columns: process.stderr.columns };
  const worker = new Worker(new URL('./run-worker.js', import.meta.url), {
    workerData: data,
    // V8's own limit a third above the memory limit: the worker's heap check stops a statement first.
    resourceLimits: { stackSizeMb: RUN_STACK_MB, maxOldGenerationSizeMb: workerHeapMb(memory) },
  });
  return new Promise<number>((resolve) => {
    let settled = false;
    const finish = (code: number) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolve(code);
    };
    /** The run died: a diagnostic at the statement that was running, from this thread. */
    let dying = false;
    const died = (code: string, message: string, notes: string[]) => {
      if (settled || dying) return;
      dying = true;
      void reportAt(script, statement, typed, code, message, notes).then(() => finish(1));
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    worker.on('message', (m: RunWorkerMessage) => {
      if (m.type === 'start') {
        // The deadline counts from the start of the run (the worker has loaded the compiler).
        if (command.timeout !== undefined) {
          timer = setTimeout(() => {
            died('interrupted', `timed out after ${command.timeout} s`, ['the statement did not stop at the deadline, so its thread was terminated']);
            void worker.terminate();
          }, command.timeout * 1000 + TIMEOUT_GRACE_MS);
        }
      } else if (m.type === 'done') {
        finish(m.code);
        void worker.terminate(); // the prime workers would keep it alive
      } else {
        (m.type === 'out' ? process.stdout : process.stderr).write(m.text);
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        died('out-of-memory', `out of memory: the statement needed more than the memory limit of ${Math.round(memory / MB)} MB`, ['--max-memory MB sets the limit']);
      } else {
        died('internal', `internal error: ${e.message}`, ['this is a bug in vdl; please report it with the script that caused it']);
      }
    });
    worker.on('exit', (code) => {
      if (!settled) died('internal', `internal error: the evaluator stopped (exit code ${code})`, ['this is a bug in vdl; please report it with the script that caused it']);
    });
  });
}

/** Writes a diagnostic at the running top-level statement (the whole script before the first). */
async function reportAt(script: { file: string; text: string }, statement: Int32Array, typed: boolean, code: string, message: string, notes: string[]): Promise<void> {
  const { diagnostic, formatDiagnostic, spanOfOffsets } = await import('../lang/diagnostics.js');
  const start = Math.max(0, statement[0]!), end = Math.max(start, statement[1]!);
  const d: Diagnostic = diagnostic(code, message, spanOfOffsets(script.file, script.text, start, end), notes);
  if (typed) {
    const { diagnosticJson } = await import('../lang/typed-json.js');
    process.stderr.write(`${JSON.stringify(diagnosticJson(d))}\n`);
  } else {
    process.stderr.write(`${formatDiagnostic(d, script.text)}\n`);
  }
}
