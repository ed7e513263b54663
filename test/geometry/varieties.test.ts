// Constructors: dimensions and degrees, the parametrization lands on the equations, and the
// language layer (printing, JSON, methods, errors).
import { describe, expect, it } from 'vitest';
import { QQ } from '../../src/math/field.js';
import { PolyRing } from '../../src/math/poly.js';
import { Random } from '../../src/math/random.js';
import * as G from '../../src/geometry/index.js';
import { run } from '../../src/lang/run.js';
import { runErrors, runLines } from '../helpers.js';

function onVariety(c: G.Constructed, seed: number): boolean {
  const X = c.variety;
  const phi = X.parametrization!;
  const random = new Random(seed);
  const t = phi.ring.vars.map(() => QQ.fromBigInt(BigInt(random.int(-5, 5))));
  const x = phi.map.map((f) => phi.ring.evaluate(f, t));
  return X.gens.every((g) => QQ.isZero(X.ring.evaluate(g, x)));
}

describe('standard varieties', () => {
  const cases: [string, () => G.Constructed, number, number | null][] = [
    ['determinantal(2, 3, 1)', () => G.determinantal(2, 3, 1), 4, 3],
    ['determinantal(3, 3, 2)', () => G.determinantal(3, 3, 2), 8, 3],
    ['veronese(2, 3)', () => G.veronese(2, 3), 2, 3],
    ['veronese(3, 2)', () => G.veronese(3, 2), 3, 4],
    ['segre(2, 2, 2)', () => G.segre([2, 2, 2]), 4, 6],
    ['segre(2, 3)', () => G.segre([2, 3]), 4, 3],
    ['symmetricRank(3, 2, 2)', () => G.symmetricRank(3, 2, 2), 5, 3],
    ['symmetricRank(2, 4, 2)', () => G.symmetricRank(2, 4, 2), 4, 3],
    ['symmetricRank(3, 3, 2)', () => G.symmetricRank(3, 3, 2), 6, null],
  ];
  for (const [name, make, dim, deg] of cases) {
    it(`${name}: dim ${dim}${deg === null ? '' : `, degree ${deg}`}, parametrization on the equations`, () => {
      const c = make();
      expect(G.dimension({ ...c.variety, knownDimension: undefined })).toBe(dim);
      if (deg !== null) expect(G.degree(c.variety)).toBe(deg);
      for (const seed of [1, 2, 3]) expect(onVariety(c, seed)).toBe(true);
    });
  }
  it('symmetricRank(2, 3, 2) fills the space of binary cubics', () => {
    expect(G.symmetricRank(2, 3, 2).variety.gens).toEqual([]);
  });
  it('image(φ) implicitizes the twisted cubic', () => {
    const T = new PolyRing(QQ, ['t']);
    const t = T.variable(0);
    const target = new PolyRing(QQ, ['x', 'y', 'z']);
    const X = G.imageOfMap(T, [t, T.mul(t, t), T.pow(t, 3)], target);
    expect(G.dimension(X)).toBe(1);
    expect(G.degree(X)).toBe(3);
  });
});

describe('language layer', () => {
  it('prints varieties, forms and projections; JSON encoding of a variety', () => {
    expect(runLines('ring R = QQ[x, y];\nprint V(x^2 - y), diag(1, 0), projection(diag(1, 0));')).toEqual(['V(x^2 - y), diag(1, 0), projection([[1, 0]])']);
    const res = run('ring R = QQ[x, y];\nprint V(x^2 - y);', { seed: 0 });
    expect(JSON.parse(JSON.stringify(res.prints[0]!.json))).toEqual({ variety: ['x^2 - y'], ring: 'QQ[x, y]' });
  });
  it('methods: ideal, dim, codim, degree, gens, rank; typed declarations', () => {
    const lines = runLines(
      'variety X = determinantal(2, 3, 1);\nform Q = weights(1, 2, 3, 4, 5, 6);\nprojection p = projection(diag(1, 1, 0));\nprint dim(X), codim(X), degree(X), length(gens(X)), rank(Q), rank(p);\nprint kernel(diag(1, 0, 0));',
    );
    expect(lines).toEqual(['4, 2, 3, 3, 6, 2', '[[0, 1, 0], [0, 0, 1]]']);
  });
  it('varieties compare as sets', () => {
    expect(runLines('ring R = QQ[x, y];\nprint V(x, y) == V(x + y, x - y), V(x) == V(y);')).toEqual(['true, false']);
  });
  it('errors: non-symmetric form, size mismatch, wrong kind in a typed declaration', () => {
    expect(runErrors('form([[1, 2], [3, 4]]);')[0]!.message).toMatch(/symmetric/);
    expect(runErrors('edDegree(determinantal(2, 2, 1), identity(3));')[0]!.message).toMatch(/C\^4/);
    expect(runErrors('ring R = QQ[x];\nvariety X = ideal(x);')[0]!.message).toMatch(/variety/);
    expect(runErrors('projection([[1, 1], [2, 2]]);')[0]!.message).toMatch(/full row rank/);
  });
  it('criticalPoints and edDegree through the language', () => {
    const lines = runLines('ring T = QQ[t];\nlet C = image([t, t^2, t^3]);\nlet r = criticalPoints(C, diag(0, 1, 1), [1, 2, 3]);\nprint r.complex, r.ramification, r.regular, r.indices;\nprint edDegree(C, diag(1, 1, 0));');
    expect(lines).toEqual(['5, 1, 4, [2, 1]', '3']);
  });
});
