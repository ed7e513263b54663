// The Node implementation of the core's PathRunner (src/math/numeric/path-runner.ts): the paths of a
// homotopy tracked in parallel by a WorkerPool (./worker-pool.ts: spawn, dispatch, results in order,
// cancellation, dead-worker detection) whose workers run ./path-worker.ts. `installPathWorkers()`
// makes it the default runner; the CLI, the REPL engine and the `vdl/node` entry call it.
//
// Representation: a job's data (its key: the homotopy, and the certifier's data when the job certifies
// its endpoints) is posted to each worker once, and each worker builds the homotopy (and the certifier)
// once; the workers certify the finite endpoints of their paths; a task is a piece of consecutive start points (about four pieces per
// thread, for balance) with the call's path, settings and mode. The calling thread tracks pieces too,
// with the sequential runner (default: os.availableParallelism() - 1 workers and the calling thread;
// `caller: false`: availableParallelism() workers and a calling thread that only waits). The results
// are put back in the order of the starts, so they do not depend on which thread tracked which path.
// A worker that dies fails the call with MathError('worker-died') naming its paths.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type PathJob, type PathJobData, type PathOutcome, type PathRunner, sequentialPathRunner, setDefaultPathRunner } from '../lang/path-runner.js';
import type { PathTask } from './path-worker.js';
import { defaultPoolSize } from './prime-pool.js';
import { WorkerPool } from './worker-pool.js';

export interface PathPoolOptions {
  /** Number of worker threads (default os.availableParallelism(), less one when the caller computes). */
  readonly size?: number;
  /** Whether the calling thread tracks paths too (default true). */
  readonly caller?: boolean;
  /** The compiled worker script (default ./path-worker.js next to this module). */
  readonly script?: URL;
  /** Milliseconds without a heartbeat after which a busy worker is taken for dead (default SILENT_MS). */
  readonly silentMs?: number;
}

/** The compiled worker script next to this module, or null (running from TypeScript sources). */
export function pathWorkerScript(): URL | null {
  const url = new URL('./path-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

export class WorkerPathRunner implements PathRunner {
  private readonly pool: WorkerPool;

  constructor(options: PathPoolOptions = {}) {
    const caller = options.caller ?? true;
    this.pool = new WorkerPool({
      size: options.size ?? defaultPoolSize(caller),
      caller,
      script: options.script ?? pathWorkerScript(),
      ...(options.silentMs === undefined ? {} : { silentMs: options.silentMs }),
      noun: 'path worker',
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

  track(job: PathJob, starts: readonly Float64Array[], options: Parameters<PathRunner['track']>[2] = {}): PathOutcome[] {
    if (starts.length === 0) return [];
    const { homotopy, certify, ...call } = job;
    const size = Math.max(1, Math.ceil(starts.length / (4 * this.pool.parallelism)));
    const tasks: PathTask[] = [];
    for (let from = 0; from < starts.length; from += size) tasks.push({ call, from, starts: starts.slice(from, from + size) });
    const pieces = this.pool.run<PathJobData, PathTask, PathOutcome[]>({
      key: job.key,
      job: certify ? { homotopy, certify } : { homotopy },
      tasks,
      local: (task) => sequentialPathRunner.track(job, task.starts, options),
      describe: (task) => `tracking paths ${task.from + 1} to ${task.from + task.starts.length} of ${starts.length}`,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return pieces.flat();
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
