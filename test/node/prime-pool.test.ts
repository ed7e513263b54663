// The worker-thread prime runner (src/node/prime-pool.ts) over the built worker script: the same
// parametrization as the sequential runner (an independent route through the same mathematics),
// task errors back as MathErrors, interruption terminating the workers, and dead workers (one that
// exits, one that hangs) failing the call with a diagnostic instead of a hang.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { QQ } from '../../src/math/field.js';
import { katsura } from '../../src/math/systems.js';
import { parametrize } from '../../src/math/zerodim/parametrize.js';
import { sequentialPrimeRunner } from '../../src/math/zerodim/prime-runner.js';
import { primeStream } from '../../src/math/groebner/modular.js';
import { WorkerPrimeRunner } from '../../src/node/prime-pool.js';

const script = pathToFileURL(path.join(import.meta.dirname, '../../dist/src/node/prime-worker.js'));

describe('WorkerPrimeRunner (built worker)', () => {
  const pool = new WorkerPrimeRunner({ size: 2, script });
  afterAll(() => pool.stop());

  it('gives the parametrization of the sequential runner, on two workers', () => {
    const { ring, gens } = katsura(QQ, 5);
    expect(pool.ready()).toBe(true); // the workers take part from the first prime
    const parallel = parametrize(ring, gens, { runner: pool });
    expect(pool.running).toBe(2);
    expect(pool.name).toBe('2 worker threads and the calling thread');
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
    expect(pool.ready()).toBe(true);
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

describe('WorkerPrimeRunner: dead workers', () => {
  const [good1, good2, fatal] = (() => {
    const stream = primeStream();
    return [stream.next().value as number, stream.next().value as number, stream.next().value as number];
  })();
  /**
   * The built worker behind a first listener that misbehaves at the prime `fatal`: it exits with code 7
   * ('exit') or spins without ever polling its interrupt flag ('hang', as a thread that is out of memory
   * or stuck gives no heartbeat). At other primes the real worker answers.
   */
  const misbehaving = (mode: 'exit' | 'hang') =>
    new URL(
      'data:text/javascript,' +
        encodeURIComponent(
          `import { workerData } from 'node:worker_threads';\n` +
            `workerData.port.on('message', (r) => { if (r.task === ${fatal}) { ${mode === 'exit' ? 'process.exit(7);' : 'for (;;);'} } });\n` +
            `await import(${JSON.stringify(script.href)});\n`,
        ),
    );
  const job = () => ({ key: Math.floor(Math.random() * 1e9) + 1000, task: 'parametrization' as const, setup: lastJob() });

  it('a worker that exits while it owes a reply fails the call with worker-died, and the next call starts new workers', () => {
    const pool = new WorkerPrimeRunner({ size: 2, script: misbehaving('exit') });
    try {
      const j = job();
      const expected = sequentialPrimeRunner.images(j, [good1, good2]);
      expect(pool.ready()).toBe(true);
      let error: unknown;
      try {
        pool.images(j, [good1, fatal, good2]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MathError);
      expect((error as MathError).code).toBe('worker-died');
      expect((error as MathError).message).toMatch(new RegExp(`exited \\(code 7\\) while computing the image modulo ${fatal}`));
      expect(pool.running).toBe(0);
      const again = pool.images(j, [good1, good2]);
      expect(again.map((r) => Array.from(r.image!))).toEqual(expected.map((r) => Array.from(r.image!)));
    } finally {
      pool.stop();
    }
  });

  it('a worker without a heartbeat for silentMs is taken for dead: worker-died, the workers terminated', () => {
    const pool = new WorkerPrimeRunner({ size: 2, script: misbehaving('hang'), silentMs: 400 });
    try {
      expect(pool.ready()).toBe(true);
      let error: unknown;
      try {
        pool.images(job(), [fatal, good1]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MathError);
      expect((error as MathError).code).toBe('worker-died');
      expect((error as MathError).message).toMatch(new RegExp(`no sign of life for \\d+ s while computing the image modulo ${fatal}`));
      expect(pool.running).toBe(0);
    } finally {
      pool.stop();
    }
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
