// The parameter sweep (src/math/numeric/monodromy.ts, parameterSweep): one start set at generic
// complex parameters tracked to many instances, each checked against the exact solver at that
// instance (counts and real points); an instance on the discriminant reports its double roots with
// their multiplicities (the exact factorization is known); paramSolve in the language.
import { describe, expect, it } from 'vitest';
import { QQ, rat } from '../../../src/math/field.js';
import { PolyRing } from '../../../src/math/poly.js';
import { parsePoly } from '../../../src/math/poly-parse.js';
import { solve } from '../../../src/math/solve.js';
import { familyAt, parametricFamily } from '../../../src/math/numeric/family.js';
import { parameterSweep } from '../../../src/math/numeric/monodromy.js';
import { runLines } from '../../helpers.js';

describe('parameterSweep', () => {
  const S = new PolyRing(QQ, ['x', 'y', 'a', 'b']);
  const gens = ['x^2 + y^2 - a', 'x*y - b'].map((t) => parsePoly(S, t));
  const instances = [
    [4, 1],
    [1, 1],
    [5, 2],
    [-3, 7],
  ].map((v) => v.map((x) => rat(BigInt(x))));

  it('one start set, four instances: the counts and real points of the exact route at each', () => {
    const family = parametricFamily(S, gens, [2, 3], instances[0]!);
    const exact = instances.map((v) => solve(family.ring, familyAt(family, v), { digits: 20 }));
    const { results, monodromy } = parameterSweep(family, instances, { seed: 1, generic: 4, expectedAt: exact.map((e) => e.complex) });
    expect(monodromy.base).toBe(4);
    expect(monodromy.stopped).toBe('count');
    results.forEach((r, i) => {
      expect([r.complex, r.real, r.complete, r.certified]).toEqual([exact[i]!.complex, exact[i]!.real, true, true]);
      const B = exact[i]!.points.map((p) => p.map(Number));
      for (const p of r.points.map((q) => q.map(Number))) expect(B.some((q) => q.every((x, j) => Math.abs(x - p[j]!) <= 1e-12 * Math.max(1, Math.abs(x))))).toBe(true);
    });
  });

  it('an instance on the discriminant (a = 2b): two double roots, with multiplicity 2, not certified', () => {
    const family = parametricFamily(S, gens, [2, 3], [rat(2n), rat(1n)]);
    const { results } = parameterSweep(family, [[rat(2n), rat(1n)]], { seed: 2, generic: 4, expectedAt: [2] });
    const r = results[0]!;
    expect(r.complex).toBe(0);
    expect(r.complete).toBe(false);
    expect(r.singular.map((s) => s.multiplicity)).toEqual([2, 2]);
    // (x, y) = ±(1, 1)
    for (const s of r.singular) expect(Math.abs(Math.abs(s.point[0]!) - 1) + Math.abs(s.point[0]! - s.point[2]!)).toBeLessThan(1e-8);
  });
});

describe('paramSolve in the language', () => {
  it('a list of records, one per instance, as solve at each', () => {
    const out = runLines(
      [
        'ring S = QQ[x, y, a];',
        'let rs = paramSolve(ideal(x^2 + y^2 - a, x*y - 1), [a], [[4], [1], [3]]);',
        'print rs[1].real, rs[2].real, rs[3].real, rs[1].complete, rs[2].complete, rs[3].complete;',
        'ring T = QQ[x, y];',
        'print solve(ideal(x^2 + y^2 - 3, x*y - 1)).real;',
        'print how(rs[1]).algorithm;',
      ].join('\n'),
    );
    expect(out).toEqual(['4, 0, 4, true, true, true', '4', 'monodromy-krawczyk']);
  });

  it('an instance on the discriminant stays incomplete after every fallback, and how() says what each did and why', () => {
    const out = runLines(
      [
        'ring S = QQ[x, y, a, b];',
        'let rs = paramSolve(ideal(x^2 + y^2 - a, x*y - b), [a, b], [[4, 1], [2, 1]]);',
        'print rs[1].complete, rs[2].complete, rs[2].complex, rs[2].expected, length(rs[2].singular);',
        'print how(rs[1]).note;',
        'print how(rs[2]).note;',
      ].join('\n'),
    );
    expect(out[0]).toBe('true, false, 0, 2, 2');
    // a complete instance needed no fallback
    expect(out[1]).not.toMatch(/after the parameter homotopy, then/);
    // (x - y)² = 0 and (x + y)² = 4: two double roots, counted 4 with multiplicity against 2 distinct
    expect(out[2]).toMatch(/0 certified solutions after the parameter homotopy, then the paths tracked again through a random complex instance \(all 4 paths/);
    expect(out[2]).toMatch(/then a total-degree start system at the instance \(4 paths, 4 lost\) found 0 more/);
    expect(out[2]).toMatch(/the instance is degenerate: 4 solutions counted with multiplicity against 2 distinct/);
  });
});
