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
// sequential runner, and its name says so.
//
// Dead workers (./prime-worker.ts writes the signs of life): a worker that exits while it owes a
// reply (process.exit, an uncaught error; its 'exit' handler sets its entry of the shared `exits`),
// or whose heartbeat (a shared counter its kernels increment at every poll of the interrupt flag)
// has not moved for `silentMs` (default SILENT_MS: out of memory, a crash of the thread, a hang), fails
// the call with MathError('worker-died') naming the prime and the cause; the pool is reset, so the
// next call starts new workers. The calling thread never waits on a dead worker for longer than that.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { MathError, type PrimeImage, type PrimeJob, type PrimeRunner, sequentialPrimeRunner, setDefaultPrimeRunner } from '../lang/prime-runner.js';
import type { PrimeReply, PrimeRequest, PrimeWorkerData } from './prime-worker.js';

const WAIT_MS = 20;
const START_TIMEOUT_MS = 20_000;
/** A worker that owes a reply and shows no sign of life for this long is taken for dead. */
export const SILENT_MS = 60_000;

export interface PrimePoolOptions {
  /** Number of workers (default os.availableParallelism()). */
  readonly size?: number;
  /** The compiled worker script (default ./prime-worker.js next to this module). */
  readonly script?: URL;
  /** Milliseconds without a heartbeat after which a busy worker is taken for dead (default SILENT_MS). */
  readonly silentMs?: number;
}

interface Slot {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** Index into the shared `beats` and `exits`. */
  readonly id: number;
  /** The job key this worker has prepared. */
  known: number;
  /** The prime it is computing (-1: idle), the last heartbeat seen and when it changed. */
  prime: number;
  beat: number;
  beatAt: number;
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
  /** Per worker: heartbeats, and 1 + the exit code once it has exited (fresh arrays at each start). */
  private beats: Int32Array<SharedArrayBuffer> = new Int32Array(new SharedArrayBuffer(0));
  private exits: Int32Array<SharedArrayBuffer> = new Int32Array(new SharedArrayBuffer(0));
  private readonly silentMs: number;

  constructor(options: PrimePoolOptions = {}) {
    this.parallelism = Math.max(1, options.size ?? availableParallelism());
    this.silentMs = options.silentMs ?? SILENT_MS;
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
      slot.prime = request.p;
      slot.beat = Atomics.load(this.beats, slot.id);
      slot.beatAt = Date.now();
      slot.port.postMessage(request);
    };
    slots.forEach(send);
    while (finished < primes.length) {
      const seen = Atomics.load(this.done, 0);
      const exited = Array.from(this.exits);
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
          slot.prime = -1;
          send(slot);
        }
      }
      if (options.signal?.aborted) {
        this.stop();
        throw new MathError('interrupted', 'computation interrupted');
      }
      const dead = this.deadWorker(slots, exited);
      if (dead) {
        this.stop();
        throw new MathError('worker-died', dead);
      }
      if (!progressed) Atomics.wait(this.done, 0, seen, WAIT_MS);
    }
    return out;
  }

  /**
   * Why a worker that owes a reply is dead, or null: it had exited before the replies were last read
   * (`exited`, taken before reading them: a reply posted before the exit is read, never lost), or its
   * heartbeat has not moved for silentMs.
   */
  private deadWorker(slots: readonly Slot[], exited: readonly number[]): string | null {
    const now = Date.now();
    for (const slot of slots) {
      if (slot.prime < 0) continue;
      const exit = exited[slot.id]!;
      if (exit !== 0) return `a prime worker exited (code ${exit - 1}) while computing the image modulo ${slot.prime}`;
      const beat = Atomics.load(this.beats, slot.id);
      if (beat !== slot.beat) {
        slot.beat = beat;
        slot.beatAt = now;
      } else if (now - slot.beatAt > this.silentMs) {
        return (
          `a prime worker showed no sign of life for ${Math.round((now - slot.beatAt) / 1000)} s while computing the image ` +
          `modulo ${slot.prime} (out of memory, or its thread died or hung); the workers were terminated`
        );
      }
    }
    return null;
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
    // Fresh arrays: a terminated worker of an earlier start cannot write into the new ones.
    this.beats = new Int32Array(new SharedArrayBuffer(4 * this.parallelism));
    this.exits = new Int32Array(new SharedArrayBuffer(4 * this.parallelism));
    const slots: Slot[] = [];
    for (let id = 0; id < this.parallelism; id++) {
      const { port1, port2 } = new MessageChannel();
      const data: PrimeWorkerData = { port: port2, done: this.done, abort: this.abort, slot: id, beats: this.beats, exits: this.exits };
      const worker = new Worker(this.script, { workerData: data, transferList: [port2] });
      worker.unref();
      worker.on('error', () => {}); // reported through the missing reply; never an unhandled event
      slots.push({ worker, port: port1, id, known: 0, prime: -1, beat: 0, beatAt: 0 });
    }
    // Wait for every worker's 'ready' (they import the core), polling the signal; a worker that
    // exits before it is ready makes the pool broken at once.
    const ready = new Set<Slot>();
    const end = Date.now() + START_TIMEOUT_MS;
    while (ready.size < slots.length && Date.now() < end && !this.exits.some((e) => e !== 0)) {
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
      const exited = this.exits.some((e) => e !== 0);
      this.stop();
      this.broken = exited ? 'a worker exited while starting' : `the workers did not start within ${START_TIMEOUT_MS / 1000} s`;
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
