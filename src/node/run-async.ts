// An asynchronous `run` for Node hosts (the `vdl/node` entry): the script runs on a worker thread
// (./run-async-worker.ts), so the caller's event loop stays free and a timer, an AbortSignal or the
// memory limit always takes effect, even inside a kernel that polls rarely.
//
// How each limit holds:
// - Abort and timeout: the host thread sets a flag in shared memory that the run's signal reads (every
//   kernel polls it, src/math/progress.ts). If the run has not returned `graceMs` after the request,
//   the worker is terminated and the promise settles with an `interrupted` diagnostic at the top-level
//   statement that was running (its offsets are kept in shared memory), so the promise always settles
//   within the grace of the request.
// - Memory: the worker checks its heap against `maxMemory` as the kernels poll (src/node/memory.ts), and
//   V8's own limit for the worker is a third above it (resourceLimits): a statement over the limit ends
//   with `out-of-memory`, located, and the host process lives on.
// - Stack: the worker has RUN_STACK_MB of stack, so the documented recursion depth of 2,000 fits.
// - Imports: the worker asks the host's resolver synchronously (a request on a MessagePort, an
//   Atomics.wait until the host thread has answered, then receiveMessageOnPort), so any ModuleResolver
//   works, nodeResolver() included, and modules are still read once per run.
// Prints cross the thread boundary as data: the text, the plain JSON and the typed JSON of each print.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Span } from '../lang/ast.js';
import { diagnostic, spanOfOffsets, type Diagnostic } from '../lang/diagnostics.js';
import { isFailure, type ModuleResolver } from '../lang/modules.js';
import type { Json } from '../lang/print.js';
import type { JsonObject } from '../lang/typed-json.js';
import type { RunOptions } from '../lang/run.js';
import { defaultMemoryLimit, workerHeapMb } from './memory.js';

/** A progress event of a long kernel (stage, degree, basis size, ...), as `run` reports them. */
type ProgressEvent = Parameters<NonNullable<RunOptions['onProgress']>>[0];

/** The evaluator thread's stack: room for the documented 2,000 nested calls. */
export const RUN_STACK_MB = 256;
/** How long after an abort or a timeout a run may take to stop before its thread is terminated. */
export const DEFAULT_GRACE_MS = 100;

export interface RunAsyncOptions {
  /** The file name in diagnostics, and what relative imports are resolved from. */
  readonly file?: string;
  /** Module access, called on this thread (default: the standard library only, as `run`). */
  readonly resolver?: ModuleResolver;
  readonly seed?: number | bigint;
  /** Stops the run (an AbortSignal, or anything with `aborted` and `addEventListener('abort', ...)`). */
  readonly signal?: AbortSignal;
  /** Stops the run this many milliseconds after it started (after the worker has loaded the compiler). */
  readonly timeout?: number;
  /** The memory limit in bytes (default: 3/4 of this process's heap limit). */
  readonly maxMemory?: number;
  /** How long a stop may take before the thread is terminated (default DEFAULT_GRACE_MS). */
  readonly graceMs?: number;
  readonly onPrint?: (record: AsyncPrint) => void;
  readonly onProgress?: (event: ProgressEvent) => void;
  readonly skipCheck?: boolean;
  readonly debug?: boolean;
  /** The compiled worker script (default: ./run-async-worker.js next to this module). */
  readonly script?: URL;
}

/** A print, as data: what `vdl run` prints, the plain JSON (`--json-plain`), the typed JSON (`--json`). */
export interface AsyncPrint {
  readonly text: string;
  readonly json: Json;
  readonly typed: JsonObject;
  readonly span: Span;
}

export interface AsyncRunResult {
  readonly ok: boolean;
  readonly prints: readonly AsyncPrint[];
  readonly diagnostics: readonly Diagnostic[];
  /** Every source read (the main file and imported modules), for printing carets. */
  readonly sources: ReadonlyMap<string, string>;
}

/** What the worker is given. */
export interface RunAsyncWorkerData {
  readonly source: string;
  readonly file: string;
  readonly seed?: number | bigint;
  readonly skipCheck?: boolean;
  readonly debug?: boolean;
  readonly memory: number;
  /** Int32 [stop, statement start, statement end]. */
  readonly shared: SharedArrayBuffer;
  /** Int32 [answered] for the resolver's requests. */
  readonly answered: SharedArrayBuffer;
  /** Whether the host has a resolver of its own (else the worker uses the standard library's). */
  readonly hostResolver: boolean;
  /** Where the worker sends the resolver's requests. */
  readonly port: MessagePort;
}

export type ResolverRequest = { op: 'locate'; spec: string; importer: string | null } | { op: 'read'; location: { id: string; name: string } };

export type RunAsyncMessage =
  | { type: 'start' }
  | { type: 'print'; print: AsyncPrint }
  | { type: 'progress'; event: ProgressEvent }
  | { type: 'done'; result: AsyncRunResult };

function defaultScript(): URL {
  const url = new URL('./run-async-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new Error('runAsync needs the compiled worker script run-async-worker.js (npm run build)');
  return url;
}

const MB = 2 ** 20;

/**
 * Checks, then evaluates `source` on a worker thread; resolves with the prints and diagnostics. Never
 * rejects for anything the script does: a stop, a timeout, running out of memory or a dead thread is
 * a diagnostic.
 */
export function runAsync(source: string, options: RunAsyncOptions = {}): Promise<AsyncRunResult> {
  const file = options.file ?? '<input>';
  const memory = options.maxMemory ?? defaultMemoryLimit();
  const grace = options.graceMs ?? DEFAULT_GRACE_MS;
  const shared = new Int32Array(new SharedArrayBuffer(12));
  shared[1] = -1;
  shared[2] = -1;
  const answered = new Int32Array(new SharedArrayBuffer(4));
  const channel = new MessageChannel();
  const data: Omit<RunAsyncWorkerData, 'port'> = {
    source, file, seed: options.seed, skipCheck: options.skipCheck, debug: options.debug, memory,
    shared: shared.buffer as SharedArrayBuffer, answered: answered.buffer as SharedArrayBuffer, hostResolver: options.resolver !== undefined,
  };
  const prints: AsyncPrint[] = [];
  return new Promise<AsyncRunResult>((resolve) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    let stopReason = '';
    const worker = new Worker(options.script ?? defaultScript(), {
      workerData: { ...data, port: channel.port2 },
      transferList: [channel.port2],
      resourceLimits: { stackSizeMb: RUN_STACK_MB, maxOldGenerationSizeMb: workerHeapMb(memory) },
    });
    const cleanup = () => {
      if (timer) clearTimeout(timer);
      if (graceTimer) clearTimeout(graceTimer);
      options.signal?.removeEventListener('abort', onAbort);
      channel.port1.close();
    };
    const finish = (result: AsyncRunResult) => {
      if (settled) return;
      settled = true;
      cleanup();
      resolve(result);
      void worker.terminate(); // its prime workers would keep it alive
    };
    /** The run ended without the worker's answer: a diagnostic at the running top-level statement. */
    const died = (code: string, message: string, notes: string[]) => {
      const start = Math.max(0, shared[1]!), end = Math.max(start, shared[2]!);
      const d = diagnostic(code, message, spanOfOffsets(file, source, start, end), notes);
      finish({ ok: false, prints, diagnostics: [d], sources: new Map([[file, source]]) });
    };
    const stop = (reason: string) => {
      if (settled || stopReason) return;
      stopReason = reason;
      Atomics.store(shared, 0, 1);
      graceTimer = setTimeout(() => died('interrupted', `${reason}; the statement did not stop within ${grace} ms, so its thread was terminated`, []), grace);
    };
    const onAbort = () => stop('computation interrupted');
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    // The resolver's requests: answered here, then the waiting worker is woken.
    channel.port1.on('message', (request: ResolverRequest) => {
      const resolver = options.resolver!;
      let reply: unknown;
      try {
        reply = request.op === 'locate' ? resolver.locate(request.spec, request.importer) : resolver.read(request.location);
        if (typeof reply !== 'string' && !(reply && typeof reply === 'object' && (isFailure(reply as never) || 'id' in reply))) reply = { error: 'the resolver gave no answer' };
      } catch (e) {
        reply = { error: `the resolver failed: ${e instanceof Error ? e.message : String(e)}` };
      }
      channel.port1.postMessage(reply);
      Atomics.store(answered, 0, 1);
      Atomics.notify(answered, 0);
    });
    worker.on('message', (m: RunAsyncMessage) => {
      if (settled) return;
      if (m.type === 'start') {
        // The timeout counts from the start of the run (the worker has loaded the compiler).
        if (options.timeout !== undefined) timer = setTimeout(() => stop(`timed out after ${options.timeout} ms`), options.timeout);
      } else if (m.type === 'print') {
        prints.push(m.print);
        options.onPrint?.(m.print);
      } else if (m.type === 'progress') {
        options.onProgress?.(m.event);
      } else {
        const result = m.result;
        // A stop reported by the worker says why it was asked (a timeout is not a Ctrl-C).
        const diagnostics = stopReason.startsWith('timed out')
          ? result.diagnostics.map((d) => (d.code === 'interrupted' ? { ...d, message: stopReason } : d))
          : result.diagnostics;
        finish({ ...result, prints, diagnostics });
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        died('out-of-memory', `out of memory: the statement needed more than the memory limit of ${Math.round(memory / MB)} MB`, ['the maxMemory option sets the limit']);
      } else {
        died('internal', `internal error: ${e.message}`, ['this is a bug in vdl; please report it with the script that caused it']);
      }
    });
    worker.on('exit', (code) => {
      if (!settled) died('internal', `internal error: the evaluator stopped (exit code ${code})`, ['this is a bug in vdl; please report it with the script that caused it']);
    });
  });
}
