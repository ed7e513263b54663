// Morse indices at real critical points, decided exactly (bordered Hessian of the Lagrange system),
// checked against an independent route: the Hessian of d_u∘φ at the real critical parameters of a
// parametrization of degree 1 (an immersion there), with the same exact inertia kernel.
import { describe, expect, it } from 'vitest';
import type { Rat } from '../../src/math/field.js';
import { hessian } from '../../src/math/linalg/polymatrix.js';
import { Random } from '../../src/math/random.js';
import { inertiaAtRealSolutions } from '../../src/math/real-inertia.js';
import * as G from '../../src/geometry/index.js';
import { parabola, r, twistedCubic } from './helpers.js';

/** Sorted (index, loss) pairs by the parametric route. */
function parametricIndices(X: G.Variety, Q: G.Form, u: Rat[], seed: number): string[] {
  const phi = X.parametrization!;
  const sys = G.parametricSystem(phi, Q, u, new Random(seed));
  const T = phi.ring;
  const S = sys.ring;
  const shifted = phi.map.map((f, j) => T.sub(f, T.constant(u[j]!)));
  const Qx = Q.matrix.map((row) => G.combination(T, row, shifted));
  const d = G.combination(T, Qx.map(() => ({ num: 1n, den: 1n })), Qx.map((g, i) => T.mul(g, shifted[i]!)));
  const H = hessian(T, d).map((row) => row.map((e) => G.embed(T, S, e)));
  const res = inertiaAtRealSolutions(S, sys.gens, H, { seed, digits: 8, evaluate: [G.embed(T, S, d)] });
  return res.points.map((p) => `${p.inertia.negative}:${p.values[0]}`).sort();
}

function lagrangeIndices(X: G.Variety, Q: G.Form, u: Rat[], seed: number) {
  const res = G.criticalPoints(X, Q, u, { random: new Random(seed), digits: 8 });
  return { res, pairs: res.points.map((p) => `${p.index}:${p.loss}`).sort() };
}

describe('Morse indices', () => {
  it('twisted cubic: the Lagrange route and the parametric route agree', () => {
    const X = twistedCubic();
    const Q = G.identityForm(3);
    for (const [u, seed] of [[[r(1), r(2), r(3)], 1], [[r(-2), r(1, 2), r(4)], 2], [[r(0), r(3), r(-1)], 3]] as const) {
      const { res, pairs } = lagrangeIndices(X, Q, [...u], seed);
      expect(res.complex).toBe(5);
      expect(pairs).toEqual(parametricIndices(X, Q, [...u], seed));
      expect(res.indices.reduce((a, b) => a + b, 0)).toBe(res.real);
      expect(res.minima).toBeGreaterThanOrEqual(1); // the global minimum
    }
  });

  it('parabola y = x^2, u = (0, 2): two minima and a saddle at the origin', () => {
    const X = parabola();
    const { res, pairs } = lagrangeIndices(X, G.identityForm(2), [r(0), r(2)], 1);
    expect([res.complex, res.real, res.minima]).toEqual([3, 3, 2]);
    expect(res.indices).toEqual([2, 1]);
    expect(pairs).toEqual(['0:1.75', '0:1.75', '1:4']);
    // The route: the Lagrange system's modular parametrization and interval inertia on its point boxes.
    expect(res.method).toContain('modular parametrization');
    expect(res.provenance?.algorithm).toBe('modular-parametrization');
    expect(pairs).toEqual(parametricIndices(X, G.identityForm(2), [r(0), r(2)], 2));
  });

  it('Eckart–Young 2×2 rank 1: the global minimum (index 0) and a saddle (index 1); agrees with the chart', () => {
    const X = G.determinantal(2, 2, 1).variety;
    const Q = G.identityForm(4);
    const u = [r(3), r(1), r(-2), r(5)];
    const { res, pairs } = lagrangeIndices(X, Q, u, 4);
    expect(res.complex).toBe(2);
    expect(res.real).toBe(2);
    expect(res.indices).toEqual([1, 1, 0, 0]);
    expect(pairs).toEqual(parametricIndices(X, Q, u, 5));
  });

  it('a degenerate form: the fibre point is a zero-loss minimum', () => {
    const X = G.determinantal(2, 2, 1).variety;
    const Q = G.diagonalForm([r(1), r(1), r(1), r(0)]);
    const res = G.criticalPoints(X, Q, [r(1), r(2), r(3), r(4)], { random: new Random(1) });
    const fibre = res.points.filter((p) => p.kind === 'fibre');
    expect(fibre.length).toBe(1);
    expect(fibre[0]!.loss).toBe('0');
    expect(fibre[0]!.index).toBe(0);
    expect(res.points.filter((p) => p.kind === 'ramification').length).toBe(res.ramification);
  });
});
