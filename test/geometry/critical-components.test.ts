// Positive-dimensional critical sets reported as all their components, isolated points included
// (issue 16 item 2): the paraboloid x = y^2 + z^2 with the degenerate form diag(1, 0, 0) and data
// u = (1, 2, 3). By hand: (x - u_1, 0, 0) is normal to the paraboloid (normal (1, -2y, -2z)) exactly
// when x = u_1 (the fibre: the circle y^2 + z^2 = 1 in the plane x = 1, degree 2) or y = z = 0 (the
// vertex, an isolated critical point on the ramification locus). Before, the vertex was not reported.
import { describe, expect, it } from 'vitest';
import * as G from '../../src/geometry/index.js';
import type { CriticalComponent } from '../../src/geometry/critical-components.js';
import { QQ } from '../../src/math/field.js';
import * as ideals from '../../src/math/ideal.js';
import { PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { Random } from '../../src/math/random.js';
import { runLines } from '../helpers.js';

const R = new PolyRing(QQ, ['x', 'y', 'z']);
const X = G.variety(R, [parsePoly(R, 'x - y^2 - z^2')]);
const Q = G.diagonalForm([1n, 0n, 0n].map((x) => ({ num: x, den: 1n })));
const u = [1n, 2n, 3n].map((x) => ({ num: x, den: 1n }));
const circle = ['x - 1', 'y^2 + z^2 - 1'].map((g) => parsePoly(R, g));
const vertex = ['x', 'y', 'z'].map((g) => parsePoly(R, g));

function expectCircleAndVertex(components: readonly CriticalComponent[]) {
  expect(components.map((c) => [c.dimension, c.degree])).toEqual([[1, 2], [0, 1]]);
  expect(ideals.idealEquals(R, components[0]!.equations, circle)).toBe(true);
  expect(ideals.idealEquals(R, components[1]!.equations, vertex)).toBe(true);
}

describe('components of positive-dimensional critical sets', () => {
  it('criticalPoints: the fibre circle and the isolated vertex beside it', () => {
    const res = G.criticalPoints(X, Q, u, { random: new Random(1) });
    expect(res.complex).toBeNull();
    expect(res.positiveDimensional).toEqual({ dimension: 1, degree: 2 });
    expectCircleAndVertex(res.components!());
  });

  it('edDegree: the same components, and the count of isolated points (the vertex) agrees', () => {
    const res = G.edDegree(X, Q, { random: new Random(2), method: 'lagrange', data: u });
    expect(res.positiveDimensional?.dimension).toBe(1);
    const components = res.components!();
    expectCircleAndVertex(components);
    expect(res.count).toBe(components.filter((c) => c.dimension === 0).reduce((s, c) => s + c.degree, 0));
  });

  it('in the language: a lazy components field of {dim, degree, equations}', () => {
    const lines = runLines(
      [
        'ring R = QQ[x, y, z];',
        'let r = criticalPoints(V(x - y^2 - z^2), diag(1, 0, 0), [1, 2, 3]);',
        'print r.complex, r.dim, r.degree;',
        'print r.components;',
        'let c = edDegree(V(x - y^2 - z^2), diag(1, 0, 0), details = true).components;',
        'print c[1].dim, c[1].degree, c[2].dim, c[2].degree, c[2].equations;',
      ].join('\n'),
    );
    expect(lines).toEqual(['positive-dimensional, 1, 2', '[{dim: 1, degree: 2, equations: ideal(x - 1, y^2 + z^2 - 1)}, {dim: 0, degree: 1, equations: ideal(z, y, x)}]', '1, 2, 0, 1, ideal(z, y, x)']);
  });
});
