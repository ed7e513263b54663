// The fallbacks that complete an instance short of its count (src/math/numeric/instance-completion.ts
// and MonodromyBase.detour in monodromy.ts), each alone: certified solutions are removed from a
// complete set (checked against the exact route's count), the fallback is run, and the set must be
// complete again with exactly the removed points found again (each removed enclosure inside one box of
// the completed set).
import { describe, expect, it } from 'vitest';
import { type Rat, rat } from '../../../src/math/field.js';
import { Random } from '../../../src/math/random.js';
import { regularizerFamily } from '../../../src/math/numeric/family.js';
import { completeByStartSystem, completeInstance } from '../../../src/math/numeric/instance-completion.js';
import type { Certificate } from '../../../src/math/numeric/krawczyk.js';
import { Certifier } from '../../../src/math/numeric/krawczyk.js';
import { MonodromyBase } from '../../../src/math/numeric/monodromy.js';
import { CertifiedSet } from '../../../src/math/numeric/solve-numerical.js';
import { sweepFamily } from '../../../src/math/numeric/stationary.js';
import { familyAt } from '../../../src/math/numeric/family.js';
import { linearNetwork } from '../../../src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../../../src/networks/losses.js';
import { gradient, stationaryPoints } from '../../../src/networks/stationary.js';

const m = (rows: number[][]): Rat[][] => rows.map((r) => r.map((x) => rat(BigInt(x))));

/** Each removed certificate's enclosure lies in the box of exactly one solution of the set. */
function foundAgain(set: CertifiedSet, removed: readonly Certificate[]): boolean {
  return removed.every(
    (c) => set.solutions.filter((s) => c.enclosure.every((e, j) => e.rl >= s.box[j]!.rl && e.rh <= s.box[j]!.rh && e.il >= s.box[j]!.il && e.ih <= s.box[j]!.ih)).length === 1,
  );
}

describe('the fallbacks of an incomplete instance', () => {
  const N = linearNetwork([2, 1, 2]);
  const weights = randomWeights(N, new Random(1));
  const R = N.ring;
  const losses = [
    squaredLoss(N, m([[1, 2, -1], [0, 1, 3]]), m([[2, -1, 1], [1, 1, 0]]), { kind: 'entrywise', weights }),
    squaredLoss(N, m([[3, -1, 2], [1, 1, -2]]), m([[0, 2, 1], [-1, 1, 4]]), { kind: 'entrywise', weights }),
  ];
  const L = losses[0]!;
  const exact = stationaryPoints(R, L, { seed: 1 }).complex;

  it('the detour: the paths of a component with lost paths, tracked again through a random complex instance, find the missing solutions', () => {
    const { family, instances } = sweepFamily(R, losses);
    const base = new MonodromyBase(family, new Random(4));
    const others = base.solveComponents();
    base.solveMain(exact - others);
    expect(base.size).toBe(exact);
    const full = new CertifiedSet(new Certifier(R, familyAt(family, instances[0]!)));
    const runs = base.track(full, instances[0]!, [0.6, 0.8], 0, false, exact);
    expect(full.solutions.length).toBe(exact);
    // the main run's paths k ≡ 0 (mod 3) are lost: their solutions removed, their status 'failed'
    const main = runs.at(-1)!;
    const owner = new Map(full.owner.map((k, s) => [k, s]));
    const lostPaths = main.starts.map((_, k) => k).filter((k) => k % 3 === 0 && owner.has(k));
    const removed = lostPaths.map((k) => full.solutions[owner.get(k)!]!);
    const set = new CertifiedSet(full.certifier);
    for (const c of full.solutions) if (!removed.includes(c)) set.add(c, -1);
    const status = main.run.status.map((s, k) => (lostPaths.includes(k) ? 'failed' : s));
    const step = base.detour(set, [...runs.slice(0, -1), { ...main, run: { ...main.run, status } }], exact);
    expect(removed.length).toBeGreaterThan(2);
    expect(step).toMatchObject({ method: 'detour', paths: main.starts.length, found: removed.length, undecided: 0 });
    expect(set.solutions.length).toBe(exact);
    expect(foundAgain(set, removed)).toBe(true);
  });

  it('the start system at the instance: its certified endpoints merged, the removed points found again, none twice', () => {
    const g = gradient(R, L);
    const complete = new CertifiedSet(new Certifier(R, g));
    const step0 = completeByStartSystem(regularizerFamily(R, g), complete, exact, new Random(2));
    expect(complete.solutions.length).toBe(exact);
    expect(step0).toMatchObject({ method: 'start-system', found: exact, undecided: 0, start: 'multihomogeneous', paths: 33 });
    const removed = complete.solutions.filter((_, k) => k % 4 === 1);
    const set = new CertifiedSet(complete.certifier);
    for (const c of complete.solutions) if (!removed.includes(c)) set.add(c, -1);
    const step = completeByStartSystem(regularizerFamily(R, g), set, exact, new Random(3));
    expect(step).toMatchObject({ found: removed.length, undecided: 0 });
    expect(set.solutions.length).toBe(exact);
    expect(foundAgain(set, removed)).toBe(true);
    // a start system above the path limit is not tried
    expect(completeByStartSystem(regularizerFamily(R, g), set, exact, new Random(3), { startPaths: 32 })).toBeNull();
  });

  it('completeInstance: monodromy at the instance first, the start system only when it did not complete the set', () => {
    const g = gradient(R, L);
    const family = regularizerFamily(R, g);
    const complete = new CertifiedSet(new Certifier(R, g));
    completeByStartSystem(family, complete, exact, new Random(2));
    const removed = complete.solutions.filter((_, k) => k % 4 === 1);
    const keep = () => {
      const set = new CertifiedSet(complete.certifier);
      for (const c of complete.solutions) if (!removed.includes(c)) set.add(c, -1);
      return set;
    };
    const set = keep();
    const stats = completeInstance(family, set, exact, new Random(6));
    expect(stats.before).toBe(exact - removed.length);
    expect(stats.steps[0]!.method).toBe('monodromy');
    expect(stats.steps.reduce((a, s) => a + s.found, 0)).toBe(removed.length);
    expect(set.solutions.length).toBe(exact);
    // with no loops allowed the start system completes it
    const set2 = keep();
    const stats2 = completeInstance(family, set2, exact, new Random(6), { rounds: 0 });
    expect(stats2.steps.map((s) => [s.method, s.found])).toEqual([
      ['monodromy', 0],
      ['start-system', removed.length],
    ]);
    expect(foundAgain(set2, removed)).toBe(true);
  });
});
