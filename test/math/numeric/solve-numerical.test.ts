// Certified numerical solving (src/math/numeric/solve-numerical.ts, krawczyk.ts) checked by
// independent routes: the exact solver (src/math/solve.ts: counts and real points over QQ) on
// katsura-3/4 and a small network; exact membership of the exact solution in every certificate's
// box (rational arithmetic, no floats); refusal at a double root and on a tight cluster; realness
// proved only for real solutions; seeded reproducibility.
import { describe, expect, it } from 'vitest';
import { MathError } from '../../../src/math/errors.js';
import { QQ, type Rat, compareRat, rat } from '../../../src/math/field.js';
import type { ProgressEvent } from '../../../src/math/progress.js';
import { PolyRing } from '../../../src/math/poly.js';
import { parsePoly } from '../../../src/math/poly-parse.js';
import { Random } from '../../../src/math/random.js';
import { solve } from '../../../src/math/solve.js';
import { katsura } from '../../../src/math/systems.js';
import { floatToRat } from '../../../src/math/numeric/float-interval.js';
import { Certifier } from '../../../src/math/numeric/krawczyk.js';
import { realPointText, solveNumerical } from '../../../src/math/numeric/solve-numerical.js';
import { linearNetwork } from '../../../src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../../../src/networks/losses.js';
import { gradient } from '../../../src/networks/stationary.js';

/** Real points as numbers, sorted. */
const numeric = (points: readonly (readonly string[])[]) => points.map((p) => p.map(Number));

function expectSamePoints(a: readonly (readonly string[])[], b: readonly (readonly string[])[], tolerance: number) {
  expect(a.length).toBe(b.length);
  const A = numeric(a);
  const B = numeric(b);
  for (const p of A) expect(B.some((q) => q.every((x, i) => Math.abs(x - p[i]!) <= tolerance * Math.max(1, Math.abs(x))))).toBe(true);
}

describe('solveNumerical agrees with the exact route', () => {
  for (const n of [3, 4]) {
    it(`katsura-${n}: ${2 ** n} certified solutions, complete, the same real points`, () => {
      const { ring, gens } = katsura(QQ, n);
      const exact = solve(ring, gens, { digits: 20 });
      const r = solveNumerical(ring, gens, { seed: 1, expected: exact.complex });
      expect(r.complex).toBe(2 ** n);
      expect(r.complete).toBe(true);
      expect(r.certified).toBe(true);
      expect(r.real).toBe(exact.real);
      expectSamePoints(r.points, exact.points, 1e-12);
      expect(r.statistics.paths).toBe(2 ** n);
      expect(r.statistics.failed).toBe(0);
    });
  }

  it('a network 2-1-2 (33 paths from the layer partition, not 81): 17 solutions, 5 real, as the exact route', () => {
    const q = (v: number) => rat(BigInt(v));
    const N = linearNetwork([2, 1, 2]);
    const X = [[1, 2, -1], [0, 1, 3]].map((r) => r.map(q));
    const Y = [[2, -1, 1], [1, 1, 0]].map((r) => r.map(q));
    const L = squaredLoss(N, X, Y, { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
    const gens = gradient(N.ring, L);
    const exact = solve(N.ring, gens, { digits: 20 });
    const r = solveNumerical(N.ring, gens, { seed: 2, expected: exact.complex });
    expect([r.complex, r.real, r.complete, r.certified]).toEqual([exact.complex, exact.real, true, true]);
    expect(r.statistics.paths).toBe(33);
    expect(r.statistics.infinity + r.statistics.finite).toBeLessThanOrEqual(33);
    expectSamePoints(r.points, exact.points, 1e-10);
  });

  it('proves non-real solutions non-real: x^2 + 1 = 0, y = x + 1', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const r = solveNumerical(R, ['x^2 + 1', 'y - x - 1'].map((s) => parsePoly(R, s)), { seed: 3, expected: 2 });
    expect([r.complex, r.real, r.certified, r.complete]).toEqual([2, 0, true, true]);
    expect(r.solutions.every((c) => c.real === false)).toBe(true);
  });

  it('is reproducible from its seed, and another seed gives the same solutions', () => {
    const { ring, gens } = katsura(QQ, 3);
    const a = solveNumerical(ring, gens, { seed: 7 });
    const b = solveNumerical(ring, gens, { seed: 7 });
    const c = solveNumerical(ring, gens, { seed: 8 });
    expect(b.points).toEqual(a.points);
    expect(b.statistics).toEqual(a.statistics);
    expect(b.gamma).toEqual(a.gamma);
    expect(c.gamma).not.toEqual(a.gamma);
    expectSamePoints(c.points, a.points, 1e-12);
    expect(a.complete).toBeNull();
  });
});

/** The exact rational point lies in the certificate's box (exact comparisons). */
function boxContains(box: readonly { rl: number; rh: number; il: number; ih: number }[], point: readonly Rat[]): boolean {
  return box.every((b, j) => compareRat(floatToRat(b.rl), point[j]!) <= 0 && compareRat(point[j]!, floatToRat(b.rh)) <= 0 && b.il <= 0 && b.ih >= 0);
}

describe('certification refuses what is not certain', () => {
  const R = new PolyRing(QQ, ['x', 'y']);

  it('never certifies a double root, and the result is then incomplete', () => {
    const gens = ['(x - 1)^2', 'y - x'].map((s) => parsePoly(R, s));
    const certifier = new Certifier(R, gens);
    for (const d of [0, 1e-9, 1e-6]) expect(certifier.certify(Float64Array.of(1 + d, 0, 1 + d, 0))).toBeNull();
    const r = solveNumerical(R, gens, { seed: 1, expected: 1 });
    expect(r.complex).toBe(0);
    expect(r.complete).toBe(false);
  });

  it('on clusters 1 ± 10^-6 and 1 ± 10^-12 it certifies only boxes holding one exact root each, or refuses', () => {
    const outcomes: (boolean | null)[] = [];
    for (const k of [6n, 12n]) {
      const gens = [`(x - 1)^2 - 1/${10n ** (2n * k)}`, 'y'].map((s) => parsePoly(R, s));
      const roots = [rat(10n ** k - 1n, 10n ** k), rat(10n ** k + 1n, 10n ** k)];
      const r = solveNumerical(R, gens, { seed: 1, expected: 2 });
      for (const c of r.solutions) expect(roots.filter((x) => boxContains(c.box, [x, rat(0n)])).length).toBe(1);
      outcomes.push(r.complete);
    }
    // 1 ± 10^-6 is resolved in double precision; 1 ± 10^-12 is not (the boxes would hold both roots)
    expect(outcomes).toEqual([true, false]);
  });

  it('a certified box holds an exact solution: x^2 - 2 = 0 and y^2 - 3 = 0 checked by squaring the bounds', () => {
    const gens = ['x^2 - 2', 'y^2 - 3'].map((s) => parsePoly(R, s));
    const r = solveNumerical(R, gens, { seed: 5, expected: 4 });
    expect([r.complex, r.real, r.complete]).toEqual([4, 4, true]);
    for (const c of r.solutions) {
      const [X, Y] = c.enclosure;
      // |lo| and |hi| bracket sqrt(2): one bound squared is below 2 and the other above (exactly)
      const sq = (v: number) => QQ.mul(floatToRat(v), floatToRat(v));
      expect(compareRat(sq(X!.rl), rat(2n)) * compareRat(sq(X!.rh), rat(2n))).toBe(-1);
      expect(compareRat(sq(Y!.rl), rat(3n)) * compareRat(sq(Y!.rh), rat(3n))).toBe(-1);
    }
  });
});

describe('realPointText', () => {
  it('prints the digits on which both ends of the enclosure agree', () => {
    expect(realPointText(1.4142135623730949, 1.4142135623730951, 30)).toBe('1.414213562373095');
    expect(realPointText(0.33, 0.34, 15)).toBe('0.3');
    expect(realPointText(-1e-300, 1e-300, 15)).toBe('0');
  });
});

describe('progress and cancellation', () => {
  it('reports the paths tracked and stops with an interrupted error when the signal is raised', () => {
    const { ring, gens } = katsura(QQ, 4);
    const events: ProgressEvent[] = [];
    solveNumerical(ring, gens, { seed: 1, onProgress: (e) => events.push(e) });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.stage === 'homotopy')).toBe(true);
    expect(events[0]!.message).toContain('path 1 of 16');
    // raised after the first progress event: the tracker polls the signal and stops
    let raised = false;
    const signal = { get aborted() { return raised; } };
    let caught: unknown;
    try {
      solveNumerical(ring, gens, { seed: 1, signal, onProgress: () => (raised = true) });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MathError);
    expect((caught as MathError).code).toBe('interrupted');
  });
});
