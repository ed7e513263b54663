// Where the images of a multi-modular computation are computed: the "prime runner". A learned
// computation (an F4 trace, the normal set, the linear form: see ./prime-tasks.ts) is replayed at
// many primes, each independently of the others, so the primes can run in parallel. The core runs
// them one after the other (`sequentialPrimeRunner`, also what browsers get); a Node host installs a
// pool of worker threads (src/node/prime-pool.ts) with `setDefaultPrimeRunner`.
//
// Representation: a job is a task name (a key of PRIME_TASKS) and a setup of plain data (typed
// arrays, numbers, bigints, no functions or class instances), so that it can be posted to a worker
// as it is (structured clone); `key` identifies the job, so a worker prepares it once. The runner
// returns one PrimeImage per prime, in the order of the primes; which runner computed them does not
// change them (the per-prime randomness is seeded by the job's seed and the prime).
//
// Contract of a runner: synchronous (the callers are synchronous kernels); it polls `signal` while
// it waits and then throws MathError('interrupted'); a failure of the task at a prime comes back as
// the MathError the task raised, never as a crash of the caller.
import { checkInterrupt, type ComputeOptions } from '../progress.js';
import { PRIME_TASKS, type PrimeImage, type PrimeJob, type PreparedTask } from './prime-tasks.js';

export interface PrimeRunner {
  /** Name for provenance notes ('sequential', '1 worker thread and the calling thread'). */
  readonly name: string;
  /** How many primes it computes at once: callers offer batches of this size. */
  readonly parallelism: number;
  /** The images of `job` at `primes`, in their order. */
  images(job: PrimeJob, primes: readonly number[], options?: ComputeOptions): PrimeImage[];
}

/** Prepared jobs of the sequential runner, per job object. */
const prepared = new WeakMap<PrimeJob, PreparedTask>();

/** One prime after the other, in the calling thread. */
export const sequentialPrimeRunner: PrimeRunner = {
  name: 'sequential',
  parallelism: 1,
  images(job, primes, options = {}) {
    let state = prepared.get(job);
    if (!state) {
      state = PRIME_TASKS[job.task](job.setup);
      prepared.set(job, state);
    }
    return primes.map((p) => {
      checkInterrupt(options.signal);
      return state.image(p, options.signal);
    });
  },
};

let current: PrimeRunner = sequentialPrimeRunner;

/** The runner used when a computation is not given one. */
export function defaultPrimeRunner(): PrimeRunner {
  return current;
}

/** Installs the default runner (a Node host: a worker pool); returns the previous one. */
export function setDefaultPrimeRunner(runner: PrimeRunner): PrimeRunner {
  const previous = current;
  current = runner;
  return previous;
}
