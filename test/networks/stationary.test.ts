// Stationary points (background §4): the scalar deep linear network by hand and by the engine,
// Morse indices, Bézout bounds, positive-dimensional sets, the Gaussian Eckart–Young variant (§3) and
// pure / spurious critical points of linear networks (Trager, Kohn, Bruna).
import { describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { QQ, type Rat, rat } from '../../src/math/field.js';
import { normalForm, groebnerBasis } from '../../src/math/groebner/index.js';
import { determinant } from '../../src/math/linalg/matrix.js';
import { hessian } from '../../src/math/linalg/polymatrix.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { linearNetwork, shallowNetwork } from '../../src/networks/architectures.js';
import { gaussianMoments, squaredLoss, targetFromQuadraticForm, teacherLoss } from '../../src/networks/losses.js';
import { PositiveDimensionalError, gradient, linearNetworkPurity, stationaryCountModular, stationaryPoints } from '../../src/networks/stationary.js';

const q = (n: number, d = 1): Rat => rat(BigInt(n), BigInt(d));
const row = (...xs: number[]) => xs.map((x) => q(x));

/** The loss of background §4 without the data constant: ½(3p² - 10p) + ½(λ1 w1² + λ2 w2²), p = w1 w2. */
function scalarLoss(R: PolyRing<Rat>): Poly<Rat> {
  const w1 = R.variable(0), w2 = R.variable(1);
  const p = R.mul(w1, w2);
  const data = R.scale(R.sub(R.scale(R.mul(p, p), q(3)), R.scale(p, q(10))), q(1, 2));
  return R.add(data, R.scale(R.add(R.scale(R.mul(w1, w1), q(1, 2)), R.scale(R.mul(w2, w2), q(2))), q(1, 2)));
}

describe('the scalar deep linear network of background §4', () => {
  it('by hand: the five critical points, their Hessians and loss values', () => {
    // λ1 w1² = λ2 w2² at a critical point, so w1 = ±2 w2. With w1 = 2 w2: 6 w2³ - 4 w2 = 0, so w2 = 0 or
    // w2² = 2/3 (real). With w1 = -2 w2: -6 w2³ - 6 w2 = 0, so w2² = -1 (a complex pair). Each point
    // is given by an ideal; the gradient reduces to zero modulo it.
    const R = new PolyRing(QQ, ['w1', 'w2']);
    const L = scalarLoss(R);
    const grad = gradient(R, L);
    const w1 = R.variable(0), w2 = R.variable(1);
    const pointIdeals = [
      [w1, w2], // the origin
      [R.sub(w1, R.scale(w2, q(2))), R.sub(R.mul(w2, w2), R.constant(q(2, 3)))], // the ± pair of minima
      [R.add(w1, R.scale(w2, q(2))), R.add(R.mul(w2, w2), R.one())], // the complex pair
    ];
    let count = 0;
    for (const ideal of pointIdeals) {
      const G = groebnerBasis(R, ideal);
      for (const g of grad) expect(R.isZero(normalForm(R, g, G))).toBe(true);
      count += ideal === pointIdeals[0] ? 1 : 2;
    }
    expect(count).toBe(5);
    // Hessian at the origin [[1/2, -5], [-5, 2]]: determinant 1 - 25 < 0, index 1.
    const H = hessian(R, L);
    const at = (pt: Rat[]) => H.map((r) => r.map((h) => R.evaluate(h, pt)));
    expect(determinant(QQ, at([q(0), q(0)]))).toEqual(q(-24));
    // At the minima: H = [[3 w2² + 1/2, 6p - 5], [6p - 5, 3 w1² + 2]] with w2² = 2/3, w1² = 8/3, p = 4/3:
    // [[5/2, 3], [3, 10]], determinant 16 > 0 and trace > 0: minima, loss -8/3.
    const Hmin = H.map((r) => r.map((h) => normalForm(R, h, groebnerBasis(R, pointIdeals[1]!))));
    expect(Hmin.map((r) => r.map((h) => R.toText(h)))).toEqual([['5/2', '3'], ['3', '10']]);
    expect(R.toText(normalForm(R, L, groebnerBasis(R, pointIdeals[1]!)))).toBe('-8/3');
  });

  it('by the engine: 5 complex, 3 real, the origin of index 1 and a ± pair of minima, Bézout 9', () => {
    const R = new PolyRing(QQ, ['w1', 'w2']);
    const s = stationaryPoints(R, scalarLoss(R));
    expect(s.complex).toBe(5);
    expect(s.real).toBe(3);
    expect(s.bezout).toBe(9n);
    expect(s.indices).toEqual([2, 1, 0]);
    expect(s.minima).toBe(2);
    expect(s.degenerate).toBe(0);
    const [m1, m2, origin] = s.points;
    expect(origin!.coordinates).toEqual(['0', '0']);
    expect(origin!.index).toBe(1);
    expect(m1!.value).toBe('-2.66666666666666666666666666667');
    expect(m2!.value).toBe(m1!.value);
    expect(Number(m1!.coordinates[0])).toBeCloseTo(-2 * Math.sqrt(2 / 3), 12);
    expect(Number(m2!.coordinates[1])).toBeCloseTo(Math.sqrt(2 / 3), 12);
  });

  it('the same loss from the network and data (Σx² = 3, Σxy = 5) has the same stationary points', () => {
    const N = linearNetwork([1, 1, 1]);
    const L = squaredLoss(N, [row(1, 1, 1)], [row(1, 2, 2)], { kind: 'entrywise', weights: [q(1, 2), q(2)] });
    const s = stationaryPoints(N.ring, L, { seed: 17 });
    expect([s.complex, s.real, s.minima]).toEqual([5, 3, 2]);
    expect(s.indices).toEqual([2, 1, 0]);
    // The data constant ½ Σ y² = 9/2 shifts every value: the minima are at -8/3 + 9/2 = 11/6.
    expect(s.points[0]!.value).toBe('1.83333333333333333333333333333');
  });
});

describe('stationary points in general', () => {
  it('without regularization the critical set is positive-dimensional: reported with its dimension', () => {
    const N = linearNetwork([1, 1, 1]);
    const L = squaredLoss(N, [row(1, 1, 1)], [row(1, 2, 2)]);
    try {
      stationaryPoints(N.ring, L);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PositiveDimensionalError);
      expect((e as PositiveDimensionalError).dimension).toBe(1);
      expect((e as MathError).code).toBe('positive-dimensional');
      expect((e as Error).message).toContain('dimension 1');
    }
  });

  it('a deep linear network 1-2-1 with generalized L2: counts are consistent and seed-independent', () => {
    const N = linearNetwork([1, 2, 1]);
    const L = squaredLoss(N, [row(1, 2, -1)], [row(2, -1, 1)], { kind: 'entrywise', weights: [q(3, 100), q(7, 100), q(11, 100), q(5, 100)] });
    const a = stationaryPoints(N.ring, L, { seed: 1 });
    const b = stationaryPoints(N.ring, L, { seed: 2 });
    expect(a.bezout).toBe(81n);
    expect(a.complex).toBeLessThanOrEqual(81);
    expect(a.indices.reduce((s, k) => s + k, 0)).toBe(a.real);
    expect([b.complex, b.real, b.indices]).toEqual([a.complex, a.real, a.indices]);
    // The origin is always stationary.
    expect(a.points.some((p) => p.coordinates.every((c) => c === '0'))).toBe(true);
    // The modular count agrees.
    const m = stationaryCountModular(N.ring, L, 94906249);
    expect(m.complex).toBe(a.complex);
    expect(m.bezout).toBe(81n);
  });

  it('the Gaussian Eckart–Young variant (§3): C(3, 1) = 3 rank-one critical points s_i = λ_i + Σ_{j≠i} λ_j / 3', () => {
    // f(x) = (v·x)², teacher x^T diag(1, 2, 3) x, metric of N(0, I): L(v) = 2 tr((vv^T - S)²) + tr(vv^T - S)².
    const N = shallowNetwork(3, 1, { kind: 'power', degree: 2 }, false);
    const S = [row(1, 0, 0), row(0, 2, 0), row(0, 0, 3)];
    const L = teacherLoss(N, targetFromQuadraticForm(N, S), gaussianMoments(N));
    const s = stationaryPoints(N.ring, L);
    // v = 0 and v = ±√s_i e_i with s = (8/3, 10/3, 4): 7 points, all real.
    expect([s.complex, s.real]).toEqual([7, 7]);
    const nonzero = s.points.filter((p) => !p.coordinates.every((c) => c === '0'));
    const squares = nonzero.map((p) => p.coordinates.reduce((t, c) => t + Number(c) ** 2, 0)).sort((x, y) => x - y);
    const expected = [8 / 3, 8 / 3, 10 / 3, 10 / 3, 4, 4];
    squares.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 12));
    // The global minima are ±2 e_3 (the largest eigenvalue); the origin is a local maximum.
    expect(s.indices).toEqual([2, 2, 2, 1]);
    expect(s.points[0]!.coordinates.map(Number).map(Math.abs)).toEqual([0, 0, 2]);
  });
});

describe('pure and spurious critical points of linear networks', () => {
  it('scalar network: the origin is spurious, the global minimum pure', () => {
    const N = linearNetwork([1, 1, 1]);
    const p = linearNetworkPurity(N, [row(1, 1, 1)], [row(1, 2, 2)]);
    expect(p.dimension).toBe(1);
    expect([p.complex, p.pure, p.spurious, p.real, p.realPure, p.realSpurious]).toEqual([2, 1, 1, 2, 1, 1]);
    expect(p.points.map((pt) => [pt.matrix, pt.rank, pt.pure])).toEqual([
      [['1.66666666666666666666666666667'], 1, true],
      [['0'], 0, false],
    ]);
  });

  it('a non-filling network 2-1-2: rank-one images are pure, the rank-zero image spurious', () => {
    const N = linearNetwork([2, 1, 2]);
    const X = [row(1, 0, 2), row(0, 1, -1)];
    const Y = [row(1, 3, 0), row(2, -1, 1)];
    const p = linearNetworkPurity(N, X, Y);
    expect(p.rank).toBe(1);
    expect([p.complex, p.pure, p.spurious]).toEqual([3, 2, 1]);
    expect(p.points.every((pt) => pt.pure === (pt.rank === 1))).toBe(true);
  });
});
