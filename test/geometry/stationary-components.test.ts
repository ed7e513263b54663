// Positive-dimensional stationary sets without a known group (issue 16 item 2): `stationary(L)` reports
// every component {dim, degree, equations} and the Morse indices of the isolated real points.
// Checked by closed forms: L = (x² + y² - 1)² + (z² - 1)² has ∇L = 4((x² + y² - 1)x, (x² + y² - 1)y,
// (z² - 1)z), so V(∇L) = (circle ∪ origin) × {-1, 0, 1}: three circles of degree 2 and three isolated
// points, whose Hessians are diag(-4, -4, -4) at (0, 0, 0) (index 3) and diag(-4, -4, 8) at (0, 0, ±1)
// (index 2); each isolated index is also read off the exact Hessian at the rational point (Sylvester's
// law by exact LDLᵀ, ../../src/math/linalg/signature.ts), a second route. The scalar linear network
// ℓ = (ab - 2)² has the hyperbola ab = 2 and the saddle at the origin (Hessian [[0, -4], [-4, 0]]).
import { describe, expect, it } from 'vitest';
import { QQ, type Rat } from '../../src/math/field.js';
import * as ideals from '../../src/math/ideal.js';
import { hessian } from '../../src/math/linalg/polymatrix.js';
import { signature } from '../../src/math/linalg/signature.js';
import { PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { isolatedStationaryPoints, stationaryComponents, stationarySetDimension } from '../../src/networks/stationary-components.js';
import { runLines } from '../helpers.js';

const R = new PolyRing(QQ, ['x', 'y', 'z']);
const L = parsePoly(R, '(x^2 + y^2 - 1)^2 + (z^2 - 1)^2');
const rat = (n: number): Rat => ({ num: BigInt(n), den: 1n });

describe('stationary sets of positive dimension: components and isolated points', () => {
  const components = stationaryComponents(R, L);

  it('three circles of degree 2 and three isolated points, as by hand', () => {
    expect(stationarySetDimension(R, L)).toBe(1);
    expect(components.map((c) => [c.dimension, c.degree])).toEqual([[1, 2], [1, 2], [1, 2], [0, 1], [0, 1], [0, 1]]);
    for (const z of ['z', 'z - 1', 'z + 1']) {
      const circle = [parsePoly(R, z), parsePoly(R, 'x^2 + y^2 - 1')];
      expect(components.filter((c) => ideals.idealEquals(R, c.equations, circle))).toHaveLength(1);
      const point = [parsePoly(R, z), parsePoly(R, 'x'), parsePoly(R, 'y')];
      expect(components.filter((c) => ideals.idealEquals(R, c.equations, point))).toHaveLength(1);
    }
    // The union of the components is the stationary set: the radical of the gradient ideal is their intersection.
    const grad = [0, 1, 2].map((i) => R.diff(L, i));
    const union = components.map((c) => c.equations).reduce((a, b) => ideals.intersect(R, a, b));
    for (const g of grad) expect(ideals.member(R, g, union)).toBe(true);
    for (const f of union) expect(ideals.member(R, R.pow(f, 2), grad)).toBe(true);
  });

  it('the isolated points with their Morse indices, equal to the exact Hessian signatures there', () => {
    const s = isolatedStationaryPoints(R, L, components);
    expect([s.complex, s.real, s.minima, s.degenerate]).toEqual([3, 3, 0, 0]);
    expect(s.indices).toEqual([0, 0, 2, 1]);
    const H = hessian(R, L);
    for (const z of [-1, 0, 1]) {
      const at = H.map((row) => row.map((h) => R.evaluate(h, [rat(0), rat(0), rat(z)])));
      const exact = signature(at);
      const p = s.points.find((pt) => pt.coordinates[2] === String(z))!;
      expect(p.index).toBe(exact.negative);
      expect(p.index).toBe(z === 0 ? 3 : 2);
      expect(p.value).toBe(z === 0 ? '2' : '1');
    }
  });

  it('a stationary set without isolated points: none reported', () => {
    const S = new PolyRing(QQ, ['x', 'y']);
    const parabola = parsePoly(S, '(x - y^2)^2');
    const c = stationaryComponents(S, parabola);
    expect(c.map((x) => [x.dimension, x.degree])).toEqual([[1, 2]]);
    const s = isolatedStationaryPoints(S, parabola, c);
    expect([s.complex, s.real, s.points.length]).toEqual([0, 0, 0]);
  });

  it('in the language: stationary(L) gives dim, degree, components and the isolated points with indices', () => {
    const lines = runLines(
      [
        'ring R = QQ[x, y, z];',
        'let s = stationary((x^2 + y^2 - 1)^2 + (z^2 - 1)^2);',
        'print s.complex, s.dim, s.degree, length(s.components);',
        'print s.isolated.indices, s.isolated.points[1].index, s.isolated.points[3].point;',
        'let t = stationary(loss(linear(1, 1, 1), X = [[1]], Y = [[2]]));',
        'print t.components;',
        'print t.isolated.points;',
      ].join('\n'),
    );
    expect(lines).toEqual([
      'positive-dimensional, 1, 6, 6',
      '[0, 0, 2, 1], 2, [0, 0, 0]',
      '[{dim: 1, degree: 2, equations: ideal(W1[1,1]*W2[1,1] - 2)}, {dim: 0, degree: 1, equations: ideal(W2[1,1], W1[1,1])}]',
      '[{point: [0, 0], value: "2", index: 1}]',
    ]);
  });
});
