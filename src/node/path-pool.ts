// A pool of worker threads that tracks the paths of a homotopy in parallel: the Node implementation
// of the core's PathRunner (src/math/numeric/path-runner.ts). `installPathWorkers()` makes it the
// default runner; the CLI, the REPL engine and the `vdl/node` entry call it.
//
// Representation (the design of ./prime-pool.ts): `size` workers (default os.availableParallelism()),
// started on first use and unref'd (they never keep a process alive); each has its own MessageChannel.
// The calling thread stays synchronous, as the core's kernels are: a batch of start points is cut
// into pieces (about four per worker, for balance), one piece is posted to each idle worker, and the
// thread blocks in Atomics.wait on a shared counter that every reply increments, reading the replies
// with receiveMessageOnPort (no event loop needed). Pieces are handed out as workers become free; the
// results are put back in the order of the starts, so they do not depend on which worker tracked
// which path. A worker receives a job's homotopy data once (per key) and builds it once.
//
// Cancellation: while it waits, the pool polls the caller's signal every WAIT_MS; when it is set, the
// shared abort flag stops the workers' trackers at their next poll and the workers are terminated
// (the next call starts new ones); the call throws MathError('interrupted'). A task error in a worker
// comes back as a MathError with the worker's code and message, and the pool is reset. Workers that
// do not report ready within START_TIMEOUT_MS make the pool fall back to the sequential runner, and its
// name says so.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { MathError, type PathJob, type PathResult, type PathRunner, sequentialPathRunner, setDefaultPathRunner } from '../lang/path-runner.js';
import type { PathReply, PathRequest, PathWorkerData } from './path-worker.js';

const WAIT_MS = 20;
const START_TIMEOUT_MS = 20_000;

export interface PathPoolOptions {
  /** Number of workers (default os.availableParallelism()). */
  readonly size?: number;
  /** The compiled worker script (default ./path-worker.js next to this module). */
  readonly script?: URL;
}

interface Slot {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** The job key whose homotopy this worker has built. */
  known: number;
}

/** The compiled worker script next to this module, or null (running from TypeScript sources). */
export function pathWorkerScript(): URL | null {
  const url = new URL('./path-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

export class WorkerPathRunner implements PathRunner {
  readonly parallelism: number;
  private readonly script: URL | null;
  private slots: Slot[] | null = null;
  private broken: string | null = null;
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private readonly abort = new Int32Array(new SharedArrayBuffer(4));

  constructor(options: PathPoolOptions = {}) {
    this.parallelism = Math.max(1, options.size ?? availableParallelism());
    this.script = options.script ?? pathWorkerScript();
    if (!this.script) this.broken = 'no compiled worker script';
  }

  get name(): string {
    return this.broken ? `sequential (worker threads unavailable: ${this.broken})` : `${this.parallelism} worker threads`;
  }

  /** How many workers are running now. */
  get running(): number {
    return this.slots?.length ?? 0;
  }

  track(job: PathJob, starts: readonly Float64Array[], options: { readonly signal?: { readonly aborted: boolean } } = {}): PathResult[] {
    if (starts.length === 0) return [];
    const slots = this.start(options);
    if (!slots) return sequentialPathRunner.track(job, starts, options);
    const size = Math.max(1, Math.ceil(starts.length / (4 * slots.length)));
    const pieces: number[] = [];
    for (let from = 0; from < starts.length; from += size) pieces.push(from);
    const out = new Array<PathResult>(starts.length);
    let next = 0;
    let finished = 0;
    const send = (slot: Slot): void => {
      if (next >= pieces.length) return;
      const index = next++;
      const from = pieces[index]!;
      const { homotopy, ...rest } = job;
      const request: PathRequest = { job: slot.known === job.key ? rest : { ...rest, homotopy }, starts: starts.slice(from, from + size) as Float64Array[], index };
      slot.known = job.key;
      slot.port.postMessage(request);
    };
    slots.forEach(send);
    while (finished < pieces.length) {
      const seen = Atomics.load(this.done, 0);
      let progressed = false;
      for (const slot of slots) {
        for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
          progressed = true;
          const reply = m.message as PathReply;
          if (reply.kind === 'error') {
            this.stop();
            throw new MathError(reply.code, reply.message);
          }
          if (reply.kind !== 'paths') continue;
          reply.results.forEach((r, j) => (out[pieces[reply.index]! + j] = r));
          finished++;
          send(slot);
        }
      }
      if (options.signal?.aborted) {
        this.stop();
        throw new MathError('interrupted', 'computation interrupted');
      }
      if (!progressed) Atomics.wait(this.done, 0, seen, WAIT_MS);
    }
    return out;
  }

  /** Terminates the workers (the next call starts new ones). */
  stop(): void {
    if (!this.slots) return;
    Atomics.store(this.abort, 0, 1);
    for (const { worker, port } of this.slots) {
      port.close();
      void worker.terminate();
    }
    this.slots = null;
  }

  private start(options: { readonly signal?: { readonly aborted: boolean } }): Slot[] | null {
    if (this.slots) return this.slots;
    if (this.broken || !this.script) return null;
    Atomics.store(this.abort, 0, 0);
    const slots: Slot[] = [];
    for (let k = 0; k < this.parallelism; k++) {
      const { port1, port2 } = new MessageChannel();
      const data: PathWorkerData = { port: port2, done: this.done, abort: this.abort };
      const worker = new Worker(this.script, { workerData: data, transferList: [port2] });
      worker.unref();
      worker.on('error', () => {}); // reported through the missing reply; never an unhandled event
      slots.push({ worker, port: port1, known: 0 });
    }
    // Wait for every worker's 'ready' (they import the core), polling the signal.
    const ready = new Set<Slot>();
    const end = Date.now() + START_TIMEOUT_MS;
    while (ready.size < slots.length && Date.now() < end) {
      const seen = Atomics.load(this.done, 0);
      for (const slot of slots) {
        const m = receiveMessageOnPort(slot.port);
        if (m && (m.message as PathReply).kind === 'ready') ready.add(slot);
      }
      if (options.signal?.aborted) {
        this.slots = slots;
        this.stop();
        throw new MathError('interrupted', 'computation interrupted');
      }
      if (ready.size < slots.length) Atomics.wait(this.done, 0, seen, WAIT_MS);
    }
    this.slots = slots;
    if (ready.size < slots.length) {
      this.stop();
      this.broken = `the workers did not start within ${START_TIMEOUT_MS / 1000} s`;
      return null;
    }
    return slots;
  }
}

let installed: WorkerPathRunner | null = null;

/**
 * Makes a worker pool the core's default path runner (once per thread; later calls return the same
 * pool). Without a compiled worker script (running from the TypeScript sources) the sequential runner
 * stays.
 */
export function installPathWorkers(options: PathPoolOptions = {}): PathRunner {
  if (installed) return installed;
  const pool = new WorkerPathRunner(options);
  if (pool.name.startsWith('sequential')) return sequentialPathRunner;
  installed = pool;
  setDefaultPathRunner(pool);
  return pool;
}
