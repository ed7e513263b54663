// A pool of worker threads that computes the images of a multi-modular computation at many primes in
// parallel: the Node implementation of the core's PrimeRunner (src/math/zerodim/prime-runner.ts).
// `installPrimeWorkers()` makes it the default runner; the CLI, the REPL engine and the `vdl/node`
// entry call it.
//
// Representation: `size` workers (default os.availableParallelism()), started on first use and
// unref'd (they never keep a process alive); each has its own MessageChannel. The calling thread
// stays synchronous, as the core's kernels are: it posts one prime to each idle worker, then blocks
// in Atomics.wait on a shared counter that every reply increments, and reads the replies with
// receiveMessageOnPort (no event loop needed). Primes are handed out one at a time as workers become
// free (dynamic load balance); the replies are put back in the order of the primes.
//
// Cancellation: while it waits, the pool polls the caller's signal every WAIT_MS; when it is set, the
// shared abort flag stops the workers' kernels at their next poll and the workers are terminated (the
// next call starts new ones); the call throws MathError('interrupted'). A task error in a worker comes
// back as a MathError with the worker's code and message, and the pool is reset. Workers that do not
// report ready within START_TIMEOUT_MS (a broken installation) make the pool fall back to the
// sequential runner, and its name says so. A worker that dies without replying (out of memory) is not
// detected: the call then waits until the signal interrupts it.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { MathError, type PrimeImage, type PrimeJob, type PrimeRunner, sequentialPrimeRunner, setDefaultPrimeRunner } from '../lang/prime-runner.js';
import type { PrimeReply, PrimeRequest, PrimeWorkerData } from './prime-worker.js';

const WAIT_MS = 20;
const START_TIMEOUT_MS = 20_000;

export interface PrimePoolOptions {
  /** Number of workers (default os.availableParallelism()). */
  readonly size?: number;
  /** The compiled worker script (default ./prime-worker.js next to this module). */
  readonly script?: URL;
}

interface Slot {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** The job key this worker has prepared. */
  known: number;
}

/** The compiled worker script next to this module, or null (running from TypeScript sources). */
export function primeWorkerScript(): URL | null {
  const url = new URL('./prime-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

export class WorkerPrimeRunner implements PrimeRunner {
  readonly parallelism: number;
  private readonly script: URL | null;
  private slots: Slot[] | null = null;
  private broken: string | null = null;
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private readonly abort = new Int32Array(new SharedArrayBuffer(4));

  constructor(options: PrimePoolOptions = {}) {
    this.parallelism = Math.max(1, options.size ?? availableParallelism());
    this.script = options.script ?? primeWorkerScript();
    if (!this.script) this.broken = 'no compiled worker script';
  }

  get name(): string {
    return this.broken ? `sequential (worker threads unavailable: ${this.broken})` : `${this.parallelism} worker threads`;
  }

  /** How many workers are running now. */
  get running(): number {
    return this.slots?.length ?? 0;
  }

  images(job: PrimeJob, primes: readonly number[], options: Parameters<PrimeRunner['images']>[2] = {}): PrimeImage[] {
    const slots = this.start(options);
    if (!slots) return sequentialPrimeRunner.images(job, primes, options);
    const out = new Array<PrimeImage>(primes.length);
    let next = 0;
    let finished = 0;
    const send = (slot: Slot): void => {
      if (next >= primes.length) return;
      const index = next++;
      const request: PrimeRequest = { key: job.key, p: primes[index]!, index, ...(slot.known === job.key ? {} : { job }) };
      slot.known = job.key;
      slot.port.postMessage(request);
    };
    slots.forEach(send);
    while (finished < primes.length) {
      const seen = Atomics.load(this.done, 0);
      let progressed = false;
      for (const slot of slots) {
        for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
          progressed = true;
          const reply = m.message as PrimeReply;
          if (reply.kind === 'error') {
            this.stop();
            throw new MathError(reply.code, reply.message);
          }
          if (reply.kind !== 'image') continue;
          out[reply.index] = reply.image;
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
      const data: PrimeWorkerData = { port: port2, done: this.done, abort: this.abort };
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
        if (m && (m.message as PrimeReply).kind === 'ready') ready.add(slot);
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

let installed: WorkerPrimeRunner | null = null;

/**
 * Makes a worker pool the core's default prime runner (once per thread; later calls return the same
 * pool). Without a compiled worker script (running from the TypeScript sources) the sequential runner
 * stays.
 */
export function installPrimeWorkers(options: PrimePoolOptions = {}): PrimeRunner {
  if (installed) return installed;
  const pool = new WorkerPrimeRunner(options);
  if (pool.name.startsWith('sequential')) return sequentialPrimeRunner;
  installed = pool;
  setDefaultPrimeRunner(pool);
  return pool;
}
