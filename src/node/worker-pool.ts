// A pool of worker threads that runs independent tasks of one job for a synchronous caller: what the
// prime pool (./prime-pool.ts: the images of a multi-modular computation) and the path pool
// (./path-pool.ts: the paths of a homotopy) are made of. The worker side is ./pool-worker.ts.
//
// Representation: `size` workers, started on first use and unref'd (they never keep a process
// alive), each with its own MessageChannel; shared Int32Arrays hold a reply counter (`done`, which
// every reply and every exit increments and notifies), the stop flag (`abort`, the workers' kernels
// poll it as their interrupt) and, per worker, a heartbeat (`beats`, incremented by the worker at each
// poll of its interrupt) and 1 + its exit code once it has exited (`exits`). A job is plain data
// posted to a worker by structured clone the first time that worker meets its key (the worker
// prepares it once); a task is one unit of work of the job (a prime, a piece of start points).
//
// The calling thread stays synchronous, as the core's kernels are (the design of work stealing is
// not needed: tasks are given out one by one as workers become free, which balances them). It posts
// up to `depth` tasks to each worker (the next one waits in the worker's queue, so a worker never
// idles while the caller is busy), and, unless `caller` is false, computes tasks itself with the
// job's local function between reading replies: the caller is already warm (its kernels compiled by
// the learning run) while each fresh worker's V8 compiles them again, so on two cores one worker and
// the caller beat two workers and an idle caller. When it has nothing to compute it blocks in
// Atomics.wait on `done` (at most WAIT_MS at a time) and reads replies with receiveMessageOnPort (no
// event loop needed). A call does not wait for the workers to start (they load the core first): tasks
// are posted to a worker once it has said 'ready', and the caller computes meanwhile, so a short
// computation costs no start-up time (`ready()` waits for them, for tests and benchmarks). Results are
// returned in the order of the tasks, whoever computed them, so they do not depend on the pool.
//
// Failures never hang the call: the caller's signal, polled between tasks and by the caller's own
// kernels, sets `abort` and the call throws MathError('interrupted'); a task error in a worker comes
// back as a MathError with the worker's code and message; a worker that exits while it owes a reply
// (process.exit, an uncaught error), or whose heartbeat has not moved for `silentMs` while it owes
// one (out of memory, a crash or a hang of its thread), fails the call with MathError('worker-died')
// naming the task it was given. After any failure the workers are terminated (the next call starts
// new ones). A worker that exits while starting (a broken installation), or workers that do not
// report ready within START_TIMEOUT_MS while a caller that does not compute waits for them, leave the
// pool "unavailable": every task then runs on the calling thread, and `name` says why.
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from 'node:worker_threads';
import { MathError } from '../lang/prime-runner.js';
import type { PoolWorkerData, TaskReply, TaskRequest } from './pool-worker.js';

const WAIT_MS = 20;
const START_TIMEOUT_MS = 20_000;
/**
 * What a worker runs first: the exit flag is set by the worker's own 'exit' handler (the pool's thread
 * is blocked and sees no events), installed before the script is loaded, so that a script that fails
 * to load or dies at once is noticed too; then the script (./pool-worker.ts `serveTasks`).
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
const { done, exits, slot, script } = workerData;
process.on('exit', (code) => {
  Atomics.store(exits, slot, 1 + code);
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
import(script).catch((e) => {
  process.exitCode = 1;
  throw e;
});
`;

/** A worker that owes a reply and shows no sign of life for this long is taken for dead. */
export const SILENT_MS = 60_000;

/** An interrupt flag as the core's kernels poll it. */
export interface PoolSignal {
  readonly aborted: boolean;
}

export interface WorkerPoolOptions {
  /** Number of worker threads. */
  readonly size: number;
  /** The compiled worker script, or null (running from TypeScript sources: the pool is unavailable). */
  readonly script: URL | null;
  /** Milliseconds without a heartbeat after which a busy worker is taken for dead (default SILENT_MS). */
  readonly silentMs?: number;
  /** Whether the calling thread computes tasks too (default true). */
  readonly caller?: boolean;
  /** What a worker is called in diagnostics ('prime worker'). */
  readonly noun: string;
}

/** One call: a job (sent once per worker and key), its tasks, and how to run or name one. */
export interface PoolRun<J, T, R> {
  /** Identifies `job`: a worker that has prepared this key is sent only the tasks. */
  readonly key: number;
  readonly job: J;
  readonly tasks: readonly T[];
  /** Computes a task on the calling thread (same result as a worker's). */
  readonly local: (task: T) => R;
  /** What a worker given `task` was doing, for a diagnostic ('computing the image modulo 4194301'). */
  readonly describe: (task: T) => string;
  readonly signal?: PoolSignal;
}

interface Slot {
  readonly worker: Worker;
  readonly port: MessagePort;
  /** Index into the shared `beats` and `exits`. */
  readonly id: number;
  /** Whether it has said 'ready' (tasks are posted only then) and when it was spawned. */
  ready: boolean;
  readonly spawned: number;
  /** The job key this worker has prepared. */
  known: number;
  /** The tasks posted to it and not answered yet, in the order it runs them. */
  readonly owed: number[];
  /** The last heartbeat seen and when it changed. */
  beat: number;
  beatAt: number;
}

export class WorkerPool {
  /** How many tasks run at once: the workers, and the calling thread when it computes. */
  readonly parallelism: number;
  readonly size: number;
  readonly caller: boolean;
  private readonly script: URL | null;
  private readonly silentMs: number;
  private readonly noun: string;
  private slots: Slot[] | null = null;
  private broken: string | null = null;
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private readonly abort = new Int32Array(new SharedArrayBuffer(4));
  private beats: Int32Array<SharedArrayBuffer> = new Int32Array(new SharedArrayBuffer(0));
  private exits: Int32Array<SharedArrayBuffer> = new Int32Array(new SharedArrayBuffer(0));

  constructor(options: WorkerPoolOptions) {
    this.size = Math.max(1, options.size);
    this.caller = options.caller ?? true;
    this.parallelism = this.size + (this.caller ? 1 : 0);
    this.silentMs = options.silentMs ?? SILENT_MS;
    this.noun = options.noun;
    this.script = options.script;
    if (!this.script) this.broken = 'no compiled worker script';
  }

  /** Why the pool runs everything on the calling thread, or null. */
  get unavailable(): string | null {
    return this.broken;
  }

  /** Name for provenance notes. */
  get name(): string {
    if (this.broken) return `sequential (worker threads unavailable: ${this.broken})`;
    const workers = `${this.size} worker thread${this.size === 1 ? '' : 's'}`;
    return this.caller ? `${workers} and the calling thread` : workers;
  }

  /** How many worker threads are running now. */
  get running(): number {
    return this.slots?.length ?? 0;
  }

  /** The results of `run.tasks`, in their order (see the module header for failures). */
  run<J, T, R>(run: PoolRun<J, T, R>): R[] {
    const { tasks, signal } = run;
    const out = new Array<R>(tasks.length);
    const filled = new Uint8Array(tasks.length);
    const local = (index: number): void => {
      out[index] = run.local(tasks[index]!);
      filled[index] = 1;
    };
    const slots = tasks.length === 0 ? [] : this.start();
    if (slots === null) {
      for (let i = 0; i < tasks.length; i++) {
        if (signal?.aborted) throw new MathError('interrupted', 'computation interrupted');
        local(i);
      }
      return out;
    }
    // One task at a time per worker when the caller only waits (balance at the end of a call), two
    // when it computes (a worker must not idle while the caller is in a long task).
    const depth = this.caller ? 2 : 1;
    let next = 0;
    let finished = 0;
    // A second task is queued on a worker only while more tasks remain than workers (the caller
    // takes the last ones rather than wait for a worker's queue).
    const send = (slot: Slot, upTo = depth): void => {
      if (!slot.ready) return;
      while (slot.owed.length < (tasks.length - next > this.size ? upTo : 1) && next < tasks.length) {
        const index = next++;
        const request: TaskRequest<J, T> = { key: run.key, task: tasks[index]!, index, ...(slot.known === run.key ? {} : { job: run.job }) };
        slot.known = run.key;
        if (slot.owed.length === 0) {
          slot.beat = Atomics.load(this.beats, slot.id);
          slot.beatAt = Date.now();
        }
        slot.owed.push(index);
        slot.port.postMessage(request);
      }
    };
    try {
      // Round robin first, so that a short call is spread over the workers.
      for (let d = 1; d <= depth; d++) for (const slot of slots) send(slot, d);
      while (finished < tasks.length) {
        const seen = Atomics.load(this.done, 0);
        // Taken before the replies are read: a reply posted before an exit is read, never lost.
        const exited = Array.from(this.exits);
        let progressed = false;
        for (const slot of slots) {
          for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
            const reply = m.message as TaskReply<R>;
            progressed = true;
            if (reply.kind === 'ready') slot.ready = true;
            if (reply.kind === 'error') throw new MathError(reply.code, reply.message);
            if (reply.kind !== 'result') continue;
            out[reply.index] = reply.result;
            filled[reply.index] = 1;
            finished++;
            slot.owed.splice(slot.owed.indexOf(reply.index), 1);
            slot.beat = Atomics.load(this.beats, slot.id);
            slot.beatAt = Date.now();
          }
          send(slot);
        }
        if (signal?.aborted) throw new MathError('interrupted', 'computation interrupted');
        const broken = this.failedStart(slots, exited, !this.caller);
        if (broken) {
          // No worker will answer: the calling thread computes what is left, and every later call.
          this.stop();
          this.broken = broken;
          for (let i = 0; i < tasks.length; i++) {
            if (filled[i]) continue;
            if (signal?.aborted) throw new MathError('interrupted', 'computation interrupted');
            local(i);
          }
          return out;
        }
        const dead = this.deadWorker(slots, exited, tasks, run.describe);
        if (dead) throw new MathError('worker-died', dead);
        if (this.caller && next < tasks.length) {
          local(next++);
          finished++;
        } else if (!progressed && finished < tasks.length) {
          Atomics.wait(this.done, 0, seen, WAIT_MS);
        }
      }
    } catch (e) {
      this.stop();
      throw e;
    }
    return out;
  }

  /**
   * Starts the workers if they are not running and waits until every one is ready (true), or the
   * pool is found unavailable (false). Calls do not need it (they start the workers and compute on
   * the calling thread until workers are ready); it makes the workers take part from the first task.
   */
  ready(signal?: PoolSignal): boolean {
    const slots = this.start();
    if (!slots) return false;
    while (!slots.every((slot) => slot.ready)) {
      const seen = Atomics.load(this.done, 0);
      const exited = Array.from(this.exits);
      for (const slot of slots) {
        for (let m = receiveMessageOnPort(slot.port); m; m = receiveMessageOnPort(slot.port)) {
          if ((m.message as TaskReply<unknown>).kind === 'ready') slot.ready = true;
        }
      }
      if (signal?.aborted) {
        this.stop();
        throw new MathError('interrupted', 'computation interrupted');
      }
      const broken = this.failedStart(slots, exited, true);
      if (broken) {
        this.stop();
        this.broken = broken;
        return false;
      }
      if (!slots.every((slot) => slot.ready)) Atomics.wait(this.done, 0, seen, WAIT_MS);
    }
    return true;
  }

  /**
   * Why the workers cannot serve, or null: one exited before it was ready (a broken installation),
   * or none is ready START_TIMEOUT_MS after it was spawned while someone waits for them (`waiting`:
   * a caller that computes does not wait, and a slow start only means it computes more).
   */
  private failedStart(slots: readonly Slot[], exited: readonly number[], waiting: boolean): string | null {
    if (slots.some((slot) => !slot.ready && exited[slot.id] !== 0)) return 'a worker exited while starting';
    const now = Date.now();
    if (waiting && slots.every((slot) => !slot.ready && now - slot.spawned > START_TIMEOUT_MS)) return `the workers did not start within ${START_TIMEOUT_MS / 1000} s`;
    return null;
  }

  /**
   * Why a worker that owes a reply is dead, or null: it had exited before the replies were last read
   * (`exited`), or its heartbeat has not moved for silentMs.
   */
  private deadWorker<T>(slots: readonly Slot[], exited: readonly number[], tasks: readonly T[], describe: (task: T) => string): string | null {
    const now = Date.now();
    for (const slot of slots) {
      if (slot.owed.length === 0) continue;
      const doing = describe(tasks[slot.owed[0]!]!);
      const exit = exited[slot.id]!;
      if (exit !== 0) return `a ${this.noun} exited (code ${exit - 1}) while ${doing}; the workers were terminated`;
      const beat = Atomics.load(this.beats, slot.id);
      if (beat !== slot.beat) {
        slot.beat = beat;
        slot.beatAt = now;
      } else if (now - slot.beatAt > this.silentMs) {
        return (
          `a ${this.noun} showed no sign of life for ${Math.round((now - slot.beatAt) / 1000)} s while ${doing} ` +
          `(out of memory, or its thread died or hung); the workers were terminated`
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

  /**
   * The running workers, spawned now if there are none (they say 'ready' once they have loaded the
   * core; tasks are posted to a worker only then, and meanwhile the caller computes), or null when
   * the pool is unavailable.
   */
  private start(): Slot[] | null {
    if (this.slots) return this.slots;
    if (this.broken || !this.script) return null;
    Atomics.store(this.abort, 0, 0);
    // Fresh arrays: a terminated worker of an earlier start cannot write into the new ones.
    this.beats = new Int32Array(new SharedArrayBuffer(4 * this.size));
    this.exits = new Int32Array(new SharedArrayBuffer(4 * this.size));
    const slots: Slot[] = [];
    for (let id = 0; id < this.size; id++) {
      const { port1, port2 } = new MessageChannel();
      const data: PoolWorkerData & { script: string } = { port: port2, done: this.done, abort: this.abort, slot: id, beats: this.beats, exits: this.exits, script: this.script.href };
      const worker = new Worker(BOOT, { eval: true, workerData: data, transferList: [port2] });
      worker.unref();
      worker.on('error', () => {}); // reported through the missing reply; never an unhandled event
      slots.push({ worker, port: port1, id, ready: false, spawned: Date.now(), known: 0, owed: [], beat: 0, beatAt: 0 });
    }
    this.slots = slots;
    return slots;
  }
}
