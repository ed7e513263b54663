// The generic worker pool (src/node/worker-pool.ts) with a small worker served by the built
// src/node/pool-worker.ts: results in the order of the tasks whoever computed them, the job prepared
// once per worker, a task error and any other throw in a task, an exit and a hang of a worker (each
// fails the call with a diagnostic, naming the task when the worker died; never a hang),
// cancellation, and the fallback to the calling thread when no worker can start.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { WorkerPool } from '../../src/node/worker-pool.js';

const served = pathToFileURL(path.join(import.meta.dirname, '../../dist/src/node/pool-worker.js')).href;
const errors = pathToFileURL(path.join(import.meta.dirname, '../../dist/src/math/errors.js')).href;

/**
 * A worker whose job is { factor } and whose task t gives t * factor and how many jobs it has prepared;
 * t = -1: a MathError('bad-task'), -2: a plain Error('boom'), -3: process.exit(7) before the task is run,
 * -4: a spin that never polls its interrupt (no heartbeat), -5: a spin that polls it (stoppable).
 */
const script = new URL(
  'data:text/javascript,' +
    encodeURIComponent(
      `import { workerData } from 'node:worker_threads';\n` +
        `import { serveTasks } from ${JSON.stringify(served)};\n` +
        `import { MathError } from ${JSON.stringify(errors)};\n` +
        `workerData.port.on('message', (r) => { if (r.task === -3) process.exit(7); });\n` +
        `let prepared = 0;\n` +
        `serveTasks({\n` +
        `  prepare: (job) => { prepared++; return job; },\n` +
        `  run: (job, t, signal) => {\n` +
        `    if (t === -1) throw new MathError('bad-task', 'task -1 refused');\n` +
        `    if (t === -2) throw new Error('boom');\n` +
        `    if (t === -4) for (;;);\n` +
        `    if (t === -5) for (;;) if (signal.aborted) throw new MathError('interrupted', 'stopped');\n` +
        `    return { value: t * job.factor, prepared };\n` +
        `  },\n` +
        `});\n`,
    ),
);

type Result = { value: number; prepared: number; local?: boolean };
const local = (factor: number) => (t: number): Result => ({ value: t * factor, prepared: 0, local: true });
const failure = (f: () => unknown): MathError => {
  try {
    f();
  } catch (e) {
    if (e instanceof MathError) return e;
    throw e;
  }
  throw new Error('expected a MathError');
};

describe('WorkerPool', () => {
  it('returns the results in the order of the tasks, the calling thread computing some, each worker preparing the job once', () => {
    const pool = new WorkerPool({ size: 2, script, noun: 'test worker' });
    try {
      expect(pool.name).toBe('2 worker threads and the calling thread');
      expect(pool.parallelism).toBe(3);
      expect(pool.ready()).toBe(true);
      const tasks = Array.from({ length: 40 }, (_, i) => i + 1);
      const out = pool.run<{ factor: number }, number, Result>({ key: 1, job: { factor: 3 }, tasks, local: local(3), describe: (t) => `task ${t}` });
      expect(out.map((r) => r.value)).toEqual(tasks.map((t) => 3 * t));
      expect(pool.running).toBe(2);
      const byWorker = out.filter((r) => !r.local);
      expect(byWorker.length).toBeGreaterThan(0);
      expect(byWorker.every((r) => r.prepared === 1)).toBe(true);
      // a second call of the same job is not prepared again; a new key is
      const again = pool.run<{ factor: number }, number, Result>({ key: 1, job: { factor: 3 }, tasks, local: local(3), describe: (t) => `task ${t}` });
      expect(again.filter((r) => !r.local).every((r) => r.prepared === 1)).toBe(true);
      const other = pool.run<{ factor: number }, number, Result>({ key: 2, job: { factor: -1 }, tasks, local: local(-1), describe: (t) => `task ${t}` });
      expect(other.map((r) => r.value)).toEqual(tasks.map((t) => -t));
      expect(other.filter((r) => !r.local).every((r) => r.prepared === 2)).toBe(true);
    } finally {
      pool.stop();
    }
  });

  it('a call does not wait for the workers to start: the calling thread computes until they are ready', () => {
    const pool = new WorkerPool({ size: 2, script, noun: 'test worker' });
    try {
      // just spawned: no worker is ready yet, so the caller computes these tasks at once
      const out = pool.run<{ factor: number }, number, Result>({ key: 1, job: { factor: 5 }, tasks: [1, 2, 3], local: local(5), describe: (t) => `task ${t}` });
      expect(out).toEqual([1, 2, 3].map((t) => ({ value: 5 * t, prepared: 0, local: true })));
      expect(pool.running).toBe(2);
    } finally {
      pool.stop();
    }
  });

  it('without the calling thread, the workers compute every task', () => {
    const pool = new WorkerPool({ size: 2, script, noun: 'test worker', caller: false });
    try {
      expect(pool.name).toBe('2 worker threads');
      const tasks = Array.from({ length: 9 }, (_, i) => i);
      const out = pool.run<{ factor: number }, number, Result>({ key: 1, job: { factor: 2 }, tasks, local: local(2), describe: (t) => `task ${t}` });
      expect(out.map((r) => r.value)).toEqual(tasks.map((t) => 2 * t));
      expect(out.some((r) => r.local)).toBe(false);
    } finally {
      pool.stop();
    }
  });

  const failing = (task: number, silentMs?: number) => {
    const pool = new WorkerPool({ size: 2, script, noun: 'test worker', caller: false, ...(silentMs ? { silentMs } : {}) });
    try {
      expect(pool.ready()).toBe(true);
      const error = failure(() =>
        pool.run<{ factor: number }, number, Result>({ key: 1, job: { factor: 1 }, tasks: [1, task, 2], local: local(1), describe: (t) => `computing task ${t}` }),
      );
      expect(pool.running).toBe(0);
      // the next call starts new workers and succeeds
      const out = pool.run<{ factor: number }, number, Result>({ key: 1, job: { factor: 1 }, tasks: [5, 6, 7], local: local(1), describe: (t) => `task ${t}` });
      expect(out.map((r) => r.value)).toEqual([5, 6, 7]);
      return error;
    } finally {
      pool.stop();
    }
  };

  it('a task error in a worker comes back as its MathError', () => {
    const error = failing(-1);
    expect([error.code, error.message]).toEqual(['bad-task', 'task -1 refused']);
  });

  it('a worker whose task throws anything else: an internal MathError with its message', () => {
    const error = failing(-2);
    expect([error.code, error.message]).toEqual(['internal', 'boom']);
  });

  it('a worker that exits mid-task: worker-died with its exit code and the task', () => {
    const error = failing(-3);
    expect(error.code).toBe('worker-died');
    expect(error.message).toMatch(/^a test worker exited \(code 7\) while computing task -3/);
  });

  it('a worker without a heartbeat for silentMs is taken for dead', () => {
    const error = failing(-4, 400);
    expect(error.code).toBe('worker-died');
    expect(error.message).toMatch(/^a test worker showed no sign of life for \d+ s while computing task -4 \(out of memory, or its thread died or hung\)/);
  });

  it('an interrupt stops the call: interrupted, the workers terminated', () => {
    const pool = new WorkerPool({ size: 2, script, noun: 'test worker' });
    expect(pool.ready()).toBe(true);
    let polls = 0;
    const signal = {
      get aborted() {
        return pool.running > 0 && ++polls > 5;
      },
    };
    const error = failure(() =>
      pool.run<{ factor: number }, number, Result>({ key: 1, job: { factor: 1 }, tasks: [-5, -5], local: local(1), describe: (t) => `task ${t}`, signal }),
    );
    expect(error.code).toBe('interrupted');
    expect(pool.running).toBe(0);
  });

  it('without a worker script every task runs on the calling thread, and the name says so', () => {
    const pool = new WorkerPool({ size: 2, script: null, noun: 'test worker' });
    expect(pool.name).toBe('sequential (worker threads unavailable: no compiled worker script)');
    const out = pool.run<{ factor: number }, number, Result>({ key: 1, job: { factor: 4 }, tasks: [1, 2, 3], local: local(4), describe: (t) => `task ${t}` });
    expect(out.map((r) => r.value)).toEqual([4, 8, 12]);
    expect(out.every((r) => r.local)).toBe(true);
  });

  it('workers that exit while starting leave the pool on the calling thread', () => {
    const pool = new WorkerPool({ size: 1, script: new URL('data:text/javascript,process.exit(3)'), noun: 'test worker' });
    expect(pool.ready()).toBe(false);
    const out = pool.run<{ factor: number }, number, Result>({ key: 1, job: { factor: 1 }, tasks: [1, 2], local: local(1), describe: (t) => `task ${t}` });
    expect(out.map((r) => r.value)).toEqual([1, 2]);
    expect(pool.name).toBe('sequential (worker threads unavailable: a worker exited while starting)');
  });
});
