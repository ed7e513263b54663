// The worker-thread path runner (src/node/path-pool.ts) over the built worker script: the same
// endpoints, certified solutions and statistics as the sequential runner for a total-degree homotopy
// and for monodromy (an independent route through the same mathematics: the seeded results must be
// identical), the work split across two workers and the calling thread, interruption terminating the
// workers, and dead workers (one that exits, one that hangs) failing the call with a diagnostic naming
// their paths instead of a hang.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { QQ, rat } from '../../src/math/field.js';
import { Random } from '../../src/math/random.js';
import { katsura } from '../../src/math/systems.js';
import { systemFamily } from '../../src/math/numeric/family.js';
import { type MonodromyResult, monodromySolve } from '../../src/math/numeric/monodromy.js';
import { type PathJob, type PathOutcome, type PathRunner, sequentialPathRunner } from '../../src/math/numeric/path-runner.js';
import { solveNumerical } from '../../src/math/numeric/solve-numerical.js';
import { stationaryMonodromy } from '../../src/math/numeric/stationary.js';
import { linearNetwork } from '../../src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../../src/networks/losses.js';
import { WorkerPathRunner } from '../../src/node/path-pool.js';

const script = pathToFileURL(path.join(import.meta.dirname, '../../dist/src/node/path-worker.js'));

/** A runner that counts the paths it is given and forwards them. */
function counting(inner: PathRunner): PathRunner & { paths: number } {
  const r = {
    name: inner.name,
    parallelism: inner.parallelism,
    paths: 0,
    track(job: PathJob, starts: readonly Float64Array[], options?: Parameters<PathRunner['track']>[2]) {
      r.paths += starts.length;
      return inner.track(job, starts, options);
    },
  };
  return r;
}

/** A runner that records the outcomes of the paths it forwards. */
function recording(inner: PathRunner): PathRunner & { outcomes: PathOutcome[] } {
  const r = {
    name: inner.name,
    parallelism: inner.parallelism,
    outcomes: [] as PathOutcome[],
    track(job: PathJob, starts: readonly Float64Array[], options?: Parameters<PathRunner['track']>[2]) {
      const out = inner.track(job, starts, options);
      r.outcomes.push(...out);
      return out;
    },
  };
  return r;
}

/** The sequential runner without certification in the path tasks: the caller certifies every endpoint. */
const uncertifying: PathRunner = {
  name: 'sequential',
  parallelism: 1,
  track(job, starts, options) {
    const { certify: _, ...rest } = job;
    return sequentialPathRunner.track(rest, starts, options);
  },
};

const centers = (r: { solutions: readonly { center: Float64Array }[] }) => r.solutions.map((c) => Array.from(c.center));

describe('WorkerPathRunner (built worker)', () => {
  const pool = new WorkerPathRunner({ size: 2, script });
  afterAll(() => pool.stop());

  it('katsura-5 by the total-degree homotopy: the same certified solutions, bit for bit, on two workers', () => {
    const { ring, gens } = katsura(QQ, 5);
    expect(pool.ready()).toBe(true); // the workers take part from the first path
    const parallel = solveNumerical(ring, gens, { seed: 4, expected: 32, runner: pool });
    expect(pool.running).toBe(2);
    expect(parallel.runner).toBe('2 worker threads and the calling thread');
    const sequential = solveNumerical(ring, gens, { seed: 4, expected: 32, runner: sequentialPathRunner });
    expect(sequential.runner).toBe('sequential');
    expect([parallel.complex, parallel.complete, parallel.certified]).toEqual([32, true, true]);
    expect(centers(parallel)).toEqual(centers(sequential));
    expect(parallel.points).toEqual(sequential.points);
    expect(parallel.statistics).toEqual(sequential.statistics);
  });

  it('the endpoints are certified in the path tasks (on the workers), with the certificates the calling thread computes', () => {
    const { ring, gens } = katsura(QQ, 5);
    expect(pool.ready()).toBe(true);
    const seen = recording(pool);
    const parallel = solveNumerical(ring, gens, { seed: 4, expected: 32, runner: seen });
    const finite = seen.outcomes.filter((o) => o.status === 'finite');
    expect(finite.length).toBeGreaterThanOrEqual(32);
    expect(finite.every((o) => o.certified?.certificate)).toBe(true);
    const local = solveNumerical(ring, gens, { seed: 4, expected: 32, runner: uncertifying });
    expect(parallel.solutions).toEqual(local.solutions);
    expect(parallel.statistics).toEqual(local.statistics);
  });

  it('monodromy on a network gradient: the same loops, base solutions and certified points on two workers', () => {
    const q = (v: number) => rat(BigInt(v));
    const N = linearNetwork([2, 1, 2]);
    const L = squaredLoss(N, [[1, 2, -1], [0, 1, 3]].map((r) => r.map(q)), [[2, -1, 1], [1, 1, 0]].map((r) => r.map(q)), { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
    expect(pool.ready()).toBe(true);
    const seen = counting(pool);
    const parallel = stationaryMonodromy(N.ring, L, { seed: 2, runner: seen });
    const sequential = stationaryMonodromy(N.ring, L, { seed: 2, runner: sequentialPathRunner });
    const statistics = (r: typeof parallel) => (r.solve as MonodromyResult).monodromy;
    expect(seen.paths).toBeGreaterThan(statistics(parallel).edgePaths);
    expect(statistics(parallel)).toEqual(statistics(sequential));
    expect(centers(parallel.solve)).toEqual(centers(sequential.solve));
    expect(parallel.morse).toEqual(sequential.morse);
  });

  it('an interrupt reaches the workers: they are terminated and the call throws interrupted', () => {
    const { ring, gens } = katsura(QQ, 7);
    pool.stop();
    let polls = 0;
    const signal = {
      get aborted() {
        return pool.running > 0 && ++polls > 3;
      },
    };
    let error: unknown;
    try {
      monodromySolve(systemFamily(ring, gens), { seed: 1, runner: pool, signal });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MathError);
    expect((error as MathError).code).toBe('interrupted');
    expect(pool.running).toBe(0);
  });
});

describe('WorkerPathRunner: dead workers', () => {
  /**
   * The built worker behind a first listener that misbehaves on the piece of paths starting at path 1:
   * it exits with code 7 ('exit') or spins without ever polling its interrupt flag ('hang': no
   * heartbeat). Other pieces are tracked by the real worker.
   */
  const misbehaving = (mode: 'exit' | 'hang') =>
    new URL(
      'data:text/javascript,' +
        encodeURIComponent(
          `import { workerData } from 'node:worker_threads';\n` +
            `workerData.port.on('message', (r) => { if (r.task.from === 0) { ${mode === 'exit' ? 'process.exit(7);' : 'for (;;);'} } });\n` +
            `await import(${JSON.stringify(script.href)});\n`,
        ),
    );
  const { ring, gens } = katsura(QQ, 3);

  for (const mode of ['exit', 'hang'] as const) {
    it(`a worker that ${mode === 'exit' ? 'exits' : 'hangs'} while it owes paths fails the call with worker-died naming them`, () => {
      const pool = new WorkerPathRunner({ size: 2, script: misbehaving(mode), silentMs: 400 });
      try {
        expect(pool.ready()).toBe(true);
        let error: unknown;
        try {
          solveNumerical(ring, gens, { seed: 1, expected: 8, runner: pool });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(MathError);
        expect((error as MathError).code).toBe('worker-died');
        expect((error as MathError).message).toMatch(
          mode === 'exit'
            ? /^a path worker exited \(code 7\) while tracking paths 1 to 1 of 8;/
            : /^a path worker showed no sign of life for \d+ s while tracking paths 1 to 1 of 8 \(out of memory/,
        );
        expect(pool.running).toBe(0);
      } finally {
        pool.stop();
      }
    });
  }
});
