// The worker-thread prime runner (src/node/prime-pool.ts) over the built worker script: the same
// parametrization as the sequential runner (an independent route through the same mathematics),
// task errors back as MathErrors, and interruption terminating the workers.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { QQ } from '../../src/math/field.js';
import { katsura } from '../../src/math/systems.js';
import { parametrize } from '../../src/math/zerodim/parametrize.js';
import { sequentialPrimeRunner } from '../../src/math/zerodim/prime-runner.js';
import { WorkerPrimeRunner } from '../../src/node/prime-pool.js';

const script = pathToFileURL(path.join(import.meta.dirname, '../../dist/src/node/prime-worker.js'));

describe('WorkerPrimeRunner (built worker)', () => {
  const pool = new WorkerPrimeRunner({ size: 2, script });
  afterAll(() => pool.stop());

  it('gives the parametrization of the sequential runner, on two workers', () => {
    const { ring, gens } = katsura(QQ, 5);
    const parallel = parametrize(ring, gens, { runner: pool });
    expect(pool.running).toBe(2);
    expect(pool.name).toBe('2 worker threads');
    const sequential = parametrize(ring, gens, { runner: sequentialPrimeRunner });
    expect(parallel.w).toEqual(sequential.w);
    expect(parallel.numerators).toEqual(sequential.numerators);
    expect(parallel.denominators).toEqual(sequential.denominators);
    expect(parallel.w.length - 1).toBe(32); // katsura-5: 2^5 solutions (Bézout, all simple)
    expect(parallel.provenance.note).toMatch(/the others on 2 worker threads/);
  });

  it('a task error in a worker comes back as a MathError, and the pool starts again afterwards', () => {
    const { ring, gens } = katsura(QQ, 3);
    const good = parametrize(ring, gens, { runner: pool });
    // A job whose coefficients do not match its trace: replayF4 refuses it inside the worker.
    const broken = { key: -7, task: 'parametrization' as const, setup: { ...lastJob(), coeffs: [] } };
    expect(() => pool.images(broken, [4194301])).toThrow(MathError);
    expect(pool.running).toBe(0);
    expect(parametrize(ring, gens, { runner: pool }).w).toEqual(good.w);
  });

  it('an interrupt reaches the workers: they are terminated and the call throws interrupted', () => {
    const { ring, gens } = katsura(QQ, 6);
    pool.stop();
    // Aborted a few polls after the workers are running (while the main thread waits for them).
    let polls = 0;
    const signal = {
      get aborted() {
        return pool.running > 0 && ++polls > 3;
      },
    };
    let error: unknown;
    try {
      parametrize(ring, gens, { runner: pool, signal });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MathError);
    expect((error as MathError).code).toBe('interrupted');
    expect(pool.running).toBe(0);
    expect(polls).toBeGreaterThan(3);
  });
});

/** The setup of a real job, captured from a runner that records what it is asked. */
function lastJob() {
  const { ring, gens } = katsura(QQ, 3);
  let setup: unknown;
  parametrize(ring, gens, {
    runner: {
      name: 'recording',
      parallelism: 1,
      images(job, primes, options) {
        setup = job.setup;
        return sequentialPrimeRunner.images(job, primes, options);
      },
    },
  });
  return setup as Parameters<typeof sequentialPrimeRunner.images>[0]['setup'];
}
