// Architectures and the dimensions of their function spaces (background §3): the Jacobian rank over
// GF(p) against the Alexander–Hirschowitz theorem on a grid of (n, d, r), linear networks against the
// determinantal formula, certification and the filling / thick / low-dimensional classes.
import { describe, expect, it } from 'vitest';
import { QQ, rat } from '../../src/math/field.js';
import {
  alexanderHirschowitz,
  ambientDimension,
  classify,
  diagonalNetwork,
  fmapList,
  functionPolynomial,
  functionSpaceDimension,
  linearNetwork,
  monomialsOfDegree,
  multinomial,
  parameterCount,
  shallowNetwork,
} from '../../src/networks/architectures.js';

const power = (degree: number) => ({ kind: 'power' as const, degree });

describe('parametrizations', () => {
  it('linear: fmap is the product W2 W1, row-major, with the documented parameter names', () => {
    const N = linearNetwork([2, 3, 2]);
    expect(N.ring.vars.slice(0, 3)).toEqual(['W1[1,1]', 'W1[1,2]', 'W1[2,1]']);
    expect(parameterCount(N)).toBe(12);
    expect(ambientDimension(N)).toBe(4);
    expect(N.ring.toText(fmapList(N)[1]!)).toBe('W1[1,2]*W2[1,1] + W1[2,2]*W2[1,2] + W1[3,2]*W2[1,3]');
  });

  it('shallow: coefficients carry the multinomial factors, and f(x) = Σ a_i (w_i·x)^d', () => {
    const N = shallowNetwork(2, 2, power(3));
    expect(N.basis).toEqual([[3, 0], [2, 1], [1, 2], [0, 3]]);
    expect(N.ring.toText(fmapList(N)[1]!)).toBe('3*w[1,1]^2*w[1,2]*a[1] + 3*w[2,1]^2*w[2,2]*a[2]');
    const { ring, poly } = functionPolynomial(N);
    const w = (i: number, k: number) => ring.variable(i * 2 + k);
    const a = (i: number) => ring.variable(4 + i);
    const x = (k: number) => ring.variable(6 + k);
    let expected = ring.zero();
    for (let i = 0; i < 2; i++) expected = ring.add(expected, ring.mul(a(i), ring.pow(ring.add(ring.mul(w(i, 0), x(0)), ring.mul(w(i, 1), x(1))), 3)));
    expect(ring.equals(poly, expected)).toBe(true);
  });

  it('shallow with a general polynomial activation σ(t) = t^2 + 2t', () => {
    const N = shallowNetwork(2, 1, { kind: 'polynomial', coefficients: [QQ.zero, rat(2n), QQ.one] });
    expect(N.basis).toEqual([[2, 0], [1, 1], [0, 2], [1, 0], [0, 1]]);
    expect(N.ring.toText(fmapList(N)[3]!)).toBe('2*w[1,1]*a[1]');
  });

  it('diagonal: β = u1 ⊙ u2 ⊙ u3', () => {
    const N = diagonalNetwork(2, 3);
    expect(fmapList(N).map((f) => N.ring.toText(f))).toEqual(['u1[1]*u2[1]*u3[1]', 'u1[2]*u2[2]*u3[2]']);
  });

  it('monomial bases and multinomials', () => {
    expect(monomialsOfDegree(3, 2)).toEqual([[2, 0, 0], [1, 1, 0], [1, 0, 1], [0, 2, 0], [0, 1, 1], [0, 0, 2]]);
    expect(multinomial([2, 1, 1])).toBe(12n);
  });
});

describe('function space dimensions', () => {
  it('agree with the Alexander–Hirschowitz formula on a grid of (n, d, r), exceptions included', () => {
    let checked = 0;
    for (const n of [2, 3, 4, 5]) {
      for (const d of [2, 3, 4]) {
        const ambient = Number(multinomial([n - 1, d]));
        const rMax = Math.ceil(ambient / n) + 1;
        for (let r = 1; r <= rMax; r++) {
          if (n === 5 && d === 4 && r > 15) continue;
          const N = shallowNetwork(n, r, power(d));
          const report = functionSpaceDimension(N, { seed: 1000 * n + 10 * d + r });
          expect(report.dimension, `n=${n} d=${d} r=${r}`).toBe(alexanderHirschowitz(n, d, r));
          expect(report.known).toBe(report.dimension);
          expect(report.errorBound).toBeLessThan(1e-9);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('finds the four Alexander–Hirschowitz exceptions, defective by one', () => {
    for (const [d, n, r] of [[4, 3, 5], [4, 4, 9], [4, 5, 14], [3, 5, 7]] as const) {
      const report = functionSpaceDimension(shallowNetwork(n, r, power(d)), { seed: 7 });
      expect(report.expected - report.dimension).toBe(1);
      expect(report.defect).toBe(1);
      expect(report.classification).toBe('low-dimensional');
    }
  });

  it('d = 2: symmetric matrices of rank <= r, dimension r n - C(r, 2)', () => {
    const report = functionSpaceDimension(shallowNetwork(4, 2, power(2)), { seed: 3 });
    expect(report.dimension).toBe(7);
    expect(report.expected).toBe(8);
    expect(report.exactRank).toBe(7);
    expect(report.certified).toBe(false);
  });

  it('linear networks: determinantal dimension r(d0 + dL - r), certified, and the classes', () => {
    for (const widths of [[2, 3, 2], [3, 1, 3], [2, 2, 2, 2], [4, 2, 3], [3, 2, 2, 4]]) {
      const N = linearNetwork(widths);
      const r = Math.min(...widths);
      const d0 = widths[0]!, dL = widths[widths.length - 1]!;
      const report = functionSpaceDimension(N, { seed: 11 });
      expect(report.dimension).toBe(r * (d0 + dL - r));
      expect(report.certified).toBe(true);
      expect(report.errorBound).toBe(0);
      expect(report.classification).toBe(r === Math.min(d0, dL) ? 'filling' : 'low-dimensional');
    }
  });

  it('certification: the modular rank (a proved lower bound) meets the upper bound for non-defective shallow networks', () => {
    const report = functionSpaceDimension(shallowNetwork(3, 2, power(3)), { seed: 5 });
    expect(report.dimension).toBe(6);
    expect(report.certified).toBe(true);
    expect(report.upperBound).toBe(6);
  });

  it('thick versus filling, and diagonal networks', () => {
    const cubic = shallowNetwork(2, 3, power(3));
    expect(functionSpaceDimension(cubic, { seed: 2 }).classification).toBe('thick');
    const quadratic = shallowNetwork(2, 2, power(2));
    expect(functionSpaceDimension(quadratic, { seed: 2 }).classification).toBe('filling');
    expect(classify(shallowNetwork(2, 2, power(2), false), 3)).toBe('thick');
    const D = functionSpaceDimension(diagonalNetwork(4, 3), { seed: 2 });
    expect(D.dimension).toBe(4);
    expect(D.classification).toBe('filling');
  });

  it('does not depend on the seed', () => {
    const N = shallowNetwork(3, 4, power(3));
    const dims = [1, 2, 3, 4].map((seed) => functionSpaceDimension(N, { seed }).dimension);
    expect(new Set(dims).size).toBe(1);
  });
});
