// The UI side's handle on the evaluation: a worker thread (the real REPL), or an in-process engine
// (tests of the components, and a fallback when the compiled worker script is not there, as when the
// sources are run directly). Both speak the same small interface.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ProgressEvent } from '../math/progress.js';
import type { CompletionNames, Outcome } from './engine.js';
import type { Reply, Request, WorkerData } from './protocol.js';

export interface Handlers {
  readonly onPrint?: (line: string) => void;
  readonly onProgress?: (event: ProgressEvent) => void;
}

export interface Finished {
  readonly outcome: Outcome;
  /** Names in scope after the input, for completion. */
  readonly scope: readonly string[];
}

export interface Ready {
  readonly names: CompletionNames;
  readonly scope: readonly string[];
}

export interface EvalClient {
  /** Resolves when the session can take input (the built-ins and stdlib names are known then). */
  readonly ready: Promise<Ready>;
  submit(input: string, handlers?: Handlers): Promise<Finished>;
  /** Ask the running statement to stop (it fails with 'interrupted'; the session keeps its state). */
  interrupt(): void;
  /**
   * Stop at once, whatever is running, and start a fresh session (its state is lost). For a
   * computation that does not reach an interrupt check. Null when not possible (in-process).
   */
  readonly restart: (() => Promise<Ready>) | null;
  close(): Promise<void>;
}

/** What a statement's promise rejects with when restart() stopped it. */
export class RestartError extends Error {
  constructor() {
    super('the evaluator was restarted');
  }
}

/** The compiled worker script next to this module, or null when there is none (running from .ts). */
export function workerScript(): URL | null {
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** The evaluator worker's stack (MB): room for the documented 2,000 nested vdl calls. */
export const REPL_STACK_MB = 256;

/** Evaluation in a worker thread; interrupts go through a shared Int32 flag. */
export class WorkerClient implements EvalClient {
  private worker!: Worker;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;
  private pending = new Map<number, { resolve: (f: Finished) => void; reject: (e: Error) => void; handlers: Handlers }>();
  private readyResolve!: (r: Ready) => void;
  private readyReject!: (e: Error) => void;
  ready!: Promise<Ready>;
  private closing = false;
  /** The first worker reported ready (later failures are crashes, not a broken installation). */
  private started = false;

  constructor(
    private readonly script: URL,
    private readonly seed?: number | bigint,
    /** Limits of the worker's heap (a computation that exceeds them crashes the worker, not the REPL). */
    private readonly resourceLimits?: ResourceLimits,
    /** The memory limit in bytes the worker checks its heap against (src/node/memory.ts). */
    private readonly memory?: number,
  ) {
    this.start();
  }

  private start(): void {
    this.ready = new Promise<Ready>((resolve, reject) => {
      this.readyResolve = resolve;
      this.readyReject = reject;
    });
    // A rejected ready that nobody awaits must not crash the process.
    this.ready.catch(() => {});
    const data: WorkerData = { seed: this.seed, interrupt: this.flag.buffer as SharedArrayBuffer, memory: this.memory };
    const worker = new Worker(this.script, { workerData: data, stdout: false, stderr: false, resourceLimits: this.resourceLimits });
    this.worker = worker;
    worker.on('message', (reply: Reply) => this.onReply(reply));
    worker.on('error', (e) => this.fail(worker, e));
    worker.on('exit', (code) => this.fail(worker, new Error(`the evaluator stopped (exit code ${code})`)));
  }

  private onReply(reply: Reply): void {
    if (reply.type === 'ready') {
      this.started = true;
      this.readyResolve({ names: reply.names, scope: reply.scope });
      return;
    }
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'print') p.handlers.onPrint?.(reply.line);
    else if (reply.type === 'progress') p.handlers.onProgress?.(reply.event);
    else {
      this.pending.delete(reply.id);
      p.resolve({ outcome: reply.outcome, scope: reply.scope });
    }
  }

  /**
   * The worker died (a crash such as running out of memory): fail what was waiting on it and, if it
   * had started properly, start a fresh one so that the REPL goes on. A worker that cannot even start
   * rejects `ready` instead (retrying would fail the same way).
   */
  private fail(worker: Worker, e: Error): void {
    if (worker !== this.worker || this.closing) return;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    if (!this.started) {
      this.readyReject(e);
    } else {
      this.start();
      e = new Error(`the evaluator crashed (${e.message}); a fresh session was started (every definition is lost)`);
    }
    for (const p of waiting) p.reject(e);
  }

  submit(input: string, handlers: Handlers = {}): Promise<Finished> {
    const id = this.nextId++;
    return new Promise<Finished>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, handlers });
      const request: Request = { type: 'submit', id, input };
      this.worker.postMessage(request);
    });
  }

  interrupt(): void {
    // The flag names the request to stop, so a late Ctrl-C can never stop the next one.
    for (const id of this.pending.keys()) Atomics.store(this.flag, 0, id);
  }

  readonly restart = async (): Promise<Ready> => {
    const old = this.worker;
    this.start();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(new RestartError());
    await old.terminate();
    return this.ready;
  };

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const w = this.worker;
    this.worker = undefined as unknown as Worker;
    await w.terminate();
  }
}

/** The engine in this thread: statements run synchronously, so an interrupt cannot reach them. */
export class InProcessClient implements EvalClient {
  readonly ready: Promise<Ready>;
  readonly restart = null;
  private stop = false;
  private handlers: Handlers = {};
  private readonly engine: Promise<import('./engine.js').ReplEngine>;

  constructor(seed?: number | bigint) {
    const stopped = () => this.stop;
    this.engine = import('./engine.js').then(
      ({ ReplEngine }) =>
        new ReplEngine({
          seed,
          signal: { get aborted() { return stopped(); } },
          onPrint: (line) => this.handlers.onPrint?.(line),
          onProgress: (event) => this.handlers.onProgress?.(event),
        }),
    );
    this.ready = this.engine.then(async (e) => ({ names: (await import('./engine.js')).completionNames(), scope: e.names() }));
  }

  async submit(input: string, handlers: Handlers = {}): Promise<Finished> {
    const engine = await this.engine;
    this.stop = false;
    this.handlers = handlers;
    try {
      const outcome = engine.submit(input);
      return { outcome, scope: engine.names() };
    } finally {
      this.handlers = {};
    }
  }

  interrupt(): void {
    this.stop = true;
  }

  async close(): Promise<void> {}
}
