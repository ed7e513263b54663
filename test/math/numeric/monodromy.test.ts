// Monodromy solving (src/math/numeric/monodromy.ts, family.ts, parameter-homotopy.ts) checked by
// independent routes: the exact solver (counts and real points over QQ) and the exact stationary
// points with Morse indices (modular parametrization + interval inertia) on small systems; the
// components of a network's gradient family against the counts of its smaller networks; refusal at
// a double root; seeded reproducibility; the seed's parameter point solves the family.
import { describe, expect, it } from 'vitest';
import { QQ, rat } from '../../../src/math/field.js';
import { PolyRing } from '../../../src/math/poly.js';
import { parsePoly } from '../../../src/math/poly-parse.js';
import { Random } from '../../../src/math/random.js';
import { solve } from '../../../src/math/solve.js';
import { katsura } from '../../../src/math/systems.js';
import { invariantSubspaces, parametricFamily, regularizerFamily, restrictFamily, systemFamily, targetSystem } from '../../../src/math/numeric/family.js';
import { monodromySolve } from '../../../src/math/numeric/monodromy.js';
import { randomChart } from '../../../src/math/numeric/homotopy.js';
import { CompiledFamily } from '../../../src/math/numeric/parameter-homotopy.js';
import { stationaryMonodromy } from '../../../src/math/numeric/stationary.js';
import { linearNetwork } from '../../../src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../../../src/networks/losses.js';
import { gradient, stationaryPoints } from '../../../src/networks/stationary.js';

const numeric = (points: readonly (readonly string[])[]) => points.map((p) => p.map(Number));

function expectSamePoints(a: readonly (readonly string[])[], b: readonly (readonly string[])[], tolerance: number) {
  expect(a.length).toBe(b.length);
  const B = numeric(b);
  for (const p of numeric(a)) expect(B.some((q) => q.every((x, i) => Math.abs(x - p[i]!) <= tolerance * Math.max(1, Math.abs(x))))).toBe(true);
}

const q = (v: number) => rat(BigInt(v));
const X = [[1, 2, -1], [0, 1, 3]].map((r) => r.map(q));
const Y = [[2, -1, 1], [1, 1, 0]].map((r) => r.map(q));
function network(widths: number[]) {
  const N = linearNetwork(widths);
  return { N, L: squaredLoss(N, X.slice(0, widths[0]), Y.slice(0, widths[widths.length - 1]), { kind: 'entrywise', weights: randomWeights(N, new Random(1)) }) };
}

describe('monodromy on the family F(x) - p', () => {
  it('katsura-4: 16 certified solutions, complete, the real points of the exact route', () => {
    const { ring, gens } = katsura(QQ, 4);
    const exact = solve(ring, gens, { digits: 20 });
    const r = monodromySolve(systemFamily(ring, gens), { seed: 3, expected: exact.complex });
    expect([r.complex, r.complete, r.certified, r.real]).toEqual([16, true, true, exact.real]);
    expectSamePoints(r.points, exact.points, 1e-12);
    expect(r.monodromy.parameters).toHaveLength(5);
    expect(r.monodromy.base).toBeGreaterThanOrEqual(16);
    expect(r.monodromy.loops).toBeGreaterThan(0);
  });

  it('the seed solves the family: F(x₀; q₀) = 0 in doubles', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const gens = ['x^3 + y^2 - 2', 'x*y - 3'].map((t) => parsePoly(R, t));
    const compiled = new CompiledFamily(systemFamily(R, gens));
    const random = new Random(5);
    const chart = randomChart(random, 2);
    const { z, q: q0 } = compiled.seed(random, chart);
    const sys = compiled.system();
    const coef = new Float64Array(2 * compiled.termCount);
    compiled.coefficients(q0, coef);
    sys.setCoefficients(coef);
    const v = new Float64Array(4);
    sys.evaluate(z, v, null);
    for (const x of v) expect(Math.abs(x)).toBeLessThan(1e-12);
  });

  it('refuses a double root: x² = 0 is never certified, so the result is incomplete', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const gens = ['x^2', 'y - 1'].map((t) => parsePoly(R, t));
    const r = monodromySolve(systemFamily(R, gens), { seed: 1, expected: 1 });
    expect(r.complex).toBe(0);
    expect(r.complete).toBe(false);
    // the paths from the base solutions (x² = p₁ has two) all end at (0, 1): one singular point
    expect(r.singular).toHaveLength(1);
    expect(r.singular[0]!.multiplicity).toBe(r.monodromy.base);
    const [xr, xi, yr, yi] = Array.from(r.singular[0]!.point);
    expect(Math.hypot(xr!, xi!) + Math.hypot(yr! - 1, yi!)).toBeLessThan(1e-8);
  });

  it('is reproducible from its seed', () => {
    const { ring, gens } = katsura(QQ, 3);
    const a = monodromySolve(systemFamily(ring, gens), { seed: 9, expected: 8 });
    const b = monodromySolve(systemFamily(ring, gens), { seed: 9, expected: 8 });
    expect(b.monodromy).toEqual(a.monodromy);
    expect(b.statistics).toEqual(a.statistics);
    expect(b.points).toEqual(a.points);
  });
});

describe('a parametric family', () => {
  it('x² + y² = a, xy = 1 at a = 4: the 4 real solutions of the exact route', () => {
    const S = new PolyRing(QQ, ['x', 'y', 'a']);
    const family = parametricFamily(S, ['x^2 + y^2 - a', 'x*y - 1'].map((t) => parsePoly(S, t)), [2], [rat(4n)]);
    expect(family.ring.vars).toEqual(['x', 'y']);
    const target = targetSystem(family);
    const exact = solve(family.ring, target, { digits: 20 });
    const r = monodromySolve(family, { seed: 2, expected: exact.complex });
    expect([r.complex, r.real, r.complete, r.certified]).toEqual([4, 4, true, true]);
    expectSamePoints(r.points, exact.points, 1e-12);
  });

  it('rejects a term of degree two in the parameters', () => {
    const S = new PolyRing(QQ, ['x', 'a']);
    expect(() => parametricFamily(S, [parsePoly(S, 'x^2 - a^2')], [1], [rat(1n)])).toThrow(/affine in the parameters/);
  });
});

describe('stationary points of networks by monodromy', () => {
  it('2-2-2: the invariant coordinate subspaces are the hidden units switched off', () => {
    const { N, L } = network([2, 2, 2]);
    const family = regularizerFamily(N.ring, gradient(N.ring, L));
    const subspaces = invariantSubspaces(family)!;
    // each hidden unit's incoming and outgoing weights; both units
    const names = subspaces.map((S) => N.ring.vars.filter((_, v) => S & (1 << v)).join(' '));
    expect(names.sort()).toEqual(['W1[1,1] W1[1,2] W1[2,1] W1[2,2] W2[1,1] W2[1,2] W2[2,1] W2[2,2]', 'W1[1,1] W1[1,2] W2[1,1] W2[2,1]', 'W1[2,1] W1[2,2] W2[1,2] W2[2,2]'].sort());
    // on one unit switched off the family is the 2-1-2 network's, with the weights of that unit
    const { family: sub, kept } = restrictFamily(family, subspaces.find((S) => S !== (1 << 8) - 1)!);
    expect(kept).toHaveLength(4);
    expect(sub.directions).toHaveLength(4);
  });

  for (const widths of [[2, 1, 2], [2, 2, 1]]) {
    it(`${widths.join('-')}: the counts, real points and Morse indices of the exact route`, () => {
      const { N, L } = network(widths);
      const exact = stationaryPoints(N.ring, L, { seed: 1 });
      const r = stationaryMonodromy(N.ring, L, { seed: 4, expected: exact.complex });
      expect([r.solve.complex, r.solve.real, r.solve.complete, r.solve.certified]).toEqual([exact.complex, exact.real, true, true]);
      expect(r.morse.indices).toEqual(exact.indices);
      expect(r.morse.undecided).toBe(0);
    });
  }
});
