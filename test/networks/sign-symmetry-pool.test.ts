// The 'invariant' prime task (src/math/zerodim/invariant.ts prepareInvariant) on the real worker pool
// (src/node/prime-pool.ts over the built worker script, two threads): the orbits' parametrization
// of a network loss computed with its primes on the workers equals the one computed in the calling
// thread alone (W, the numerators and denominators, coefficient for coefficient), and the counts of
// the orbits' route of stationaryPoints read off either are the same, and are the issue's 33 / 5 for
// 2-2-1 (msolve's counts, issue 9's table).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { rat } from '../../src/math/field.js';
import { Random } from '../../src/math/random.js';
import { parametrizeInvariants } from '../../src/math/zerodim/invariant.js';
import { sequentialPrimeRunner } from '../../src/math/zerodim/prime-runner.js';
import { linearNetwork } from '../../src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../../src/networks/losses.js';
import { signSymmetryPlan } from '../../src/networks/sign-symmetry.js';
import { gradient, stationaryPoints } from '../../src/networks/stationary.js';
import { WorkerPrimeRunner } from '../../src/node/prime-pool.js';

const script = pathToFileURL(path.join(import.meta.dirname, '../../dist/src/node/prime-worker.js'));
const q = (n: number) => rat(BigInt(n));

describe("the 'invariant' prime task on the worker pool", () => {
  const pool = new WorkerPrimeRunner({ size: 2, script });
  afterAll(() => pool.stop());

  it('2-2-1: the same W, parametrization and counts on two worker threads as in the calling thread', () => {
    const N = linearNetwork([2, 2, 1]);
    const L = squaredLoss(N, [[q(1), q(2)], [q(0), q(1)]], [[q(2), q(-1)]], { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
    const R = N.ring;
    const gens = gradient(R, L).filter((g) => !R.isZero(g));
    const plan = signSymmetryPlan(R, L)!;
    expect(pool.ready()).toBe(true); // the workers take part from the first prime
    const parallel = parametrizeInvariants(R, gens, plan.group, plan.invariants, { seed: 1, separating: plan.separating, runner: pool });
    expect(pool.running).toBe(2);
    expect(parallel.provenance.note).toMatch(/the others on 2 worker threads and the calling thread/);
    const sequential = parametrizeInvariants(R, gens, plan.group, plan.invariants, { seed: 1, separating: plan.separating, runner: sequentialPrimeRunner });
    expect(sequential.provenance.note).toMatch(/the others on sequential/);
    expect(parallel.w).toEqual(sequential.w);
    expect(parallel.numerators).toEqual(sequential.numerators);
    expect(parallel.denominators).toEqual(sequential.denominators);
    expect(parallel.quotientDimension).toBe(sequential.quotientDimension);
    const a = stationaryPoints(R, L, { seed: 1, orbits: parallel });
    const b = stationaryPoints(R, L, { seed: 1, orbits: sequential });
    expect([a.complex, a.real, a.indices]).toEqual([b.complex, b.real, b.indices]);
    expect([a.complex, a.real]).toEqual([33, 5]);
  });
});
