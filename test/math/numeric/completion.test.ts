// Completion by monodromy at the instance (src/math/numeric/monodromy.ts, completeAtInstance): a set of
// certified stationary points with some removed is completed by loops based at the instance itself,
// seeded by the points kept, to the exact route's count; the points found again are the ones removed.
import { describe, expect, it } from 'vitest';
import { type Rat, rat } from '../../../src/math/field.js';
import { Random } from '../../../src/math/random.js';
import { regularizerFamily } from '../../../src/math/numeric/family.js';
import { Certifier } from '../../../src/math/numeric/krawczyk.js';
import { completeAtInstance } from '../../../src/math/numeric/instance-completion.js';
import { CertifiedSet } from '../../../src/math/numeric/solve-numerical.js';
import { stationaryMonodromy } from '../../../src/math/numeric/stationary.js';
import { linearNetwork } from '../../../src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../../../src/networks/losses.js';
import { gradient, stationaryPoints } from '../../../src/networks/stationary.js';

const m = (rows: number[][]): Rat[][] => rows.map((r) => r.map((x) => rat(BigInt(x))));

describe('completeAtInstance', () => {
  it('a set missing a sixth of the stationary points of 2-2-1 (from the main component) is completed to the exact count', () => {
    const N = linearNetwork([2, 2, 1]);
    const L = squaredLoss(N, m([[1, 2, -1], [0, 1, 3]]), m([[2, -1, 1]]), { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
    const R = N.ring;
    const exact = stationaryPoints(R, L, { seed: 1 }).complex;
    const full = stationaryMonodromy(R, L, { seed: 2, expected: exact }).solve;
    expect(full.complex).toBe(exact);
    const g = gradient(R, L);
    const set = new CertifiedSet(new Certifier(R, g));
    // the main component's solutions come last (./monodromy.ts, MonodromyBase.track); every component keeps some
    const drop = (k: number) => k >= exact / 2 && k % 3 === 1;
    const removed = full.solutions.filter((_, k) => drop(k));
    full.solutions.forEach((c, k) => {
      if (!drop(k)) set.add(c, -1);
    });
    const stats = completeAtInstance(regularizerFamily(R, g), set, exact, new Random(5));
    expect(stats.before).toBe(exact - removed.length);
    expect(set.solutions.length).toBe(exact);
    expect(stats.found).toBe(removed.length);
    // each removed point is found again: its enclosure lies in the box of a solution of the completed set
    for (const c of removed) {
      const hit = set.solutions.filter((s) => s.enclosure.every((e, j) => e.rl <= c.box[j]!.rh && e.rh >= c.box[j]!.rl && e.il <= c.box[j]!.ih && e.ih >= c.box[j]!.il));
      expect(hit.length).toBe(1);
    }
  });

  it('points too ill-conditioned for the Krawczyk test in doubles are certified in higher precision (complex points of large norm)', () => {
    // the third draw of the 2-2-1 sweep of data-sweep.test.ts: half of its 16 stationary points of norm
    // 40-43 removed, found again by the loops and certified by certifyPrecise (in doubles they were lost)
    const N = linearNetwork([2, 2, 1]);
    const weights = [2, 3, 5, 7, 11, 13].map((p) => rat(BigInt(p), 100n));
    const L = squaredLoss(N, m([[2, 3, 1], [-3, -3, 0]]), m([[-2, 0, 3]]), { kind: 'entrywise', weights });
    const R = N.ring;
    const g = gradient(R, L);
    const exact = stationaryPoints(R, L, { seed: 1 }).complex;
    const full = stationaryMonodromy(R, L, { seed: 2, expected: exact }).solve;
    expect(full.complex).toBe(exact);
    const far = (c: { center: Float64Array }) => Math.hypot(...c.center) > 20;
    expect(full.solutions.filter(far).every((c) => new Certifier(R, g).certify(c.center) === null)).toBe(true);
    const removed = full.solutions.filter(far).filter((_, k) => k % 2 === 0);
    const set = new CertifiedSet(new Certifier(R, g));
    for (const c of full.solutions) if (!removed.includes(c)) set.add(c, -1);
    expect(set.solutions.length).toBe(exact - 8);
    const stats = completeAtInstance(regularizerFamily(R, g), set, exact, new Random(5));
    expect(stats.found).toBe(8);
    expect(set.solutions.length).toBe(exact);
  });
});

