// The host side of the worker protocol: run vdl scripts off the host's thread, with live prints and
// progress, and cancel them. For pages and other hosts that must not block (the playground in web/
// uses it). Representation: one worker, a map from request id to the pending run; requests queue in
// the worker and run one at a time.
//
// Cancelling, two ways (`interruptMode`):
// - 'shared-memory': where SharedArrayBuffer exists (Node, Deno, a cross-origin isolated page) the
//   client writes the run's id into a shared Int32 word; the kernels poll it (src/math/progress.ts)
//   and the run ends with the `interrupted` diagnostic at the statement that was running. A run that
//   does not reach a poll within `graceMs` is stopped the second way.
// - 'terminate': otherwise (a page served without COOP/COEP headers) the worker is terminated and a
//   fresh one started; the run reports `interrupted` without a source position.
import type { Diagnostic } from '../lang/diagnostics.js';
import type { ProgressEvent } from '../math/progress.js';
import type { PortLike, PrintedLine, RunRequest, WorkerReply } from './protocol.js';

export interface WorkerLike extends PortLike {
  terminate(): void;
}

export interface RunHandlers {
  readonly file?: string;
  readonly seed?: number;
  readonly onPrint?: (print: PrintedLine) => void;
  /** A progress event of a long kernel and its one-line description ("f4, degree 5, basis 12"). */
  readonly onProgress?: (event: ProgressEvent, text: string) => void;
}

export interface RunOutcome {
  readonly ok: boolean;
  readonly prints: readonly PrintedLine[];
  readonly diagnostics: readonly Diagnostic[];
  /** The diagnostics as text, each with its source line and caret. */
  readonly errorText: string;
  readonly interrupted: boolean;
  /** The worker was terminated and restarted to stop this run (it did not, or could not, poll). */
  readonly restarted: boolean;
  readonly seconds: number;
}

export interface ClientOptions {
  /** How long a cooperative interrupt may take before the worker is terminated (default 3000 ms). */
  readonly graceMs?: number;
  /** Use shared memory for the interrupt when it exists (default true). */
  readonly sharedMemory?: boolean;
}

interface Pending {
  readonly handlers: RunHandlers;
  readonly prints: PrintedLine[];
  readonly resolve: (outcome: RunOutcome) => void;
  readonly started: number;
}

function sharedMemoryAvailable(): boolean {
  const g = globalThis as { crossOriginIsolated?: boolean };
  return typeof SharedArrayBuffer === 'function' && g.crossOriginIsolated !== false;
}

export class VdlWorkerClient {
  private worker!: WorkerLike;
  private readonly flag: Int32Array | null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly graceMs: number;
  /** Resolves when the current worker has loaded (the first `ready` message). */
  ready!: Promise<void>;
  readonly interruptMode: 'shared-memory' | 'terminate';

  constructor(private readonly createWorker: () => WorkerLike, options: ClientOptions = {}) {
    this.graceMs = options.graceMs ?? 3000;
    const shared = (options.sharedMemory ?? true) && sharedMemoryAvailable();
    this.flag = shared ? new Int32Array(new SharedArrayBuffer(4)) : null;
    this.interruptMode = shared ? 'shared-memory' : 'terminate';
    this.start();
  }

  private start(): void {
    const worker = this.createWorker();
    this.worker = worker;
    this.ready = new Promise<void>((resolve) => {
      worker.addEventListener('message', (event) => {
        if (worker !== this.worker) return; // a terminated worker's late messages
        const reply = event.data as WorkerReply;
        if (reply.type === 'ready') resolve();
        else this.onReply(reply);
      });
    });
  }

  private onReply(reply: Exclude<WorkerReply, { type: 'ready' }>): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'print') {
      p.prints.push(reply.print);
      p.handlers.onPrint?.(reply.print);
    } else if (reply.type === 'progress') {
      p.handlers.onProgress?.(reply.event, reply.text);
    } else {
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.clearGrace();
      const { ok, diagnostics, errorText, interrupted, seconds } = reply;
      p.resolve({ ok, prints: p.prints, diagnostics, errorText, interrupted, restarted: false, seconds });
    }
  }

  /** Run a whole script in a fresh interpreter (the standard library is built in). Never rejects. */
  run(source: string, handlers: RunHandlers = {}): Promise<RunOutcome> {
    const id = this.nextId++;
    return new Promise<RunOutcome>((resolve) => {
      this.pending.set(id, { handlers, prints: [], resolve, started: Date.now() });
      const request: RunRequest = {
        type: 'run',
        id,
        source,
        file: handlers.file,
        seed: handlers.seed,
        interrupt: this.flag ? (this.flag.buffer as SharedArrayBuffer) : undefined,
      };
      this.worker.postMessage(request);
    });
  }

  /** True while a run is pending. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Stop every pending run (see the module header for how). */
  cancel(): void {
    if (this.pending.size === 0) return;
    if (!this.flag) {
      this.restart();
      return;
    }
    // The running request is the oldest pending one; later ones have not started.
    const running = Math.min(...this.pending.keys());
    Atomics.store(this.flag, 0, running);
    this.clearGrace();
    this.graceTimer = setTimeout(() => this.restart(), this.graceMs);
  }

  /** Terminate the worker (every pending run ends as interrupted) and start a fresh one. */
  restart(): void {
    this.clearGrace();
    this.worker.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.start();
    for (const p of waiting) {
      p.resolve({
        ok: false,
        prints: p.prints,
        diagnostics: [],
        errorText: 'interrupted: the evaluator was stopped and restarted',
        interrupted: true,
        restarted: true,
        seconds: (Date.now() - p.started) / 1000,
      });
    }
  }

  close(): void {
    this.clearGrace();
    this.worker.terminate();
  }

  private clearGrace(): void {
    if (this.graceTimer !== undefined) clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
  }
}
