// The Node implementation of the core's PrimeRunner (src/math/zerodim/prime-runner.ts): the images of
// a multi-modular computation at many primes, computed in parallel by a WorkerPool (./worker-pool.ts:
// spawn, dispatch, results in order, cancellation, dead-worker detection) whose workers run
// ./prime-worker.ts. `installPrimeWorkers()` makes it the default runner; the CLI, the REPL engine
// and the `vdl/node` entry call it.
//
// Representation: a job (the learned F4 trace, the normal set, the form: plain data, see
// src/math/zerodim/prime-tasks.ts) is posted to each worker once; a task is one prime, its reply the
// image with its buffer transferred. The calling thread computes primes too, with the sequential
// runner's prepared job (default: os.availableParallelism() - 1 workers and the calling thread; with
// `caller: false`, availableParallelism() workers and a calling thread that only waits). The images
// do not depend on who computed them (the per-prime randomness is seeded by the job and the prime).
// A worker that dies fails the call with MathError('worker-died') naming the prime.
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type PrimeImage, type PrimeJob, type PrimeRunner, sequentialPrimeRunner, setDefaultPrimeRunner } from '../lang/prime-runner.js';
import { WorkerPool } from './worker-pool.js';

export { SILENT_MS } from './worker-pool.js';

export interface PrimePoolOptions {
  /** Number of worker threads (default os.availableParallelism(), less one when the caller computes). */
  readonly size?: number;
  /** Whether the calling thread computes primes too (default true). */
  readonly caller?: boolean;
  /** The compiled worker script (default ./prime-worker.js next to this module). */
  readonly script?: URL;
  /** Milliseconds without a heartbeat after which a busy worker is taken for dead (default SILENT_MS). */
  readonly silentMs?: number;
}

/** The compiled worker script next to this module, or null (running from TypeScript sources). */
export function primeWorkerScript(): URL | null {
  const url = new URL('./prime-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** The default number of workers: the cores, less the calling thread's when it computes. */
export function defaultPoolSize(caller: boolean): number {
  return Math.max(1, availableParallelism() - (caller ? 1 : 0));
}

export class WorkerPrimeRunner implements PrimeRunner {
  private readonly pool: WorkerPool;

  constructor(options: PrimePoolOptions = {}) {
    const caller = options.caller ?? true;
    this.pool = new WorkerPool({
      size: options.size ?? defaultPoolSize(caller),
      caller,
      script: options.script ?? primeWorkerScript(),
      ...(options.silentMs === undefined ? {} : { silentMs: options.silentMs }),
      noun: 'prime worker',
    });
  }

  get parallelism(): number {
    return this.pool.unavailable ? 1 : this.pool.parallelism;
  }

  get name(): string {
    return this.pool.name;
  }

  /** How many worker threads are running now. */
  get running(): number {
    return this.pool.running;
  }

  images(job: PrimeJob, primes: readonly number[], options: Parameters<PrimeRunner['images']>[2] = {}): PrimeImage[] {
    return this.pool.run({
      key: job.key,
      job,
      tasks: primes,
      local: (p) => sequentialPrimeRunner.images(job, [p], options)[0]!,
      describe: (p) => `computing the image modulo ${p}`,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  /** Starts the workers and waits until they are ready (false: worker threads are unavailable). */
  ready(): boolean {
    return this.pool.ready();
  }

  /** Terminates the workers (the next call starts new ones). */
  stop(): void {
    this.pool.stop();
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
