// Ideal values keep their Gröbner basis between built-ins, and computed values say how they were
// obtained (`how(x)`). The number of bases is counted by an independent route: the multi-modular
// engine reports each learning run as a progress event.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/lang/run.js';
import type { ProgressEvent } from '../../src/math/progress.js';
import { runErrors, runLines } from '../helpers.js';

function learningRuns(source: string): { lines: string[]; runs: number } {
  let runs = 0;
  const onProgress = (e: ProgressEvent) => {
    if (e.stage === 'modular' && e.message?.startsWith('learned the trace')) runs++;
  };
  const result = run(source, { onProgress });
  if (!result.ok) throw new Error(result.diagnostics[0]!.message);
  return { lines: result.prints.map((p) => p.text), runs };
}

describe('ideal values keep their basis', () => {
  const setup = 'ring R = QQ[x, y];\nlet I = ideal(x^2 + y^2 - 1, x - y);\n';

  it('gb, dim, degree, nf, member, vdim, hilbertSeries, codim and solve on one ideal compute one basis', () => {
    const source = `${setup}print gb(I);\nprint dim(I), degree(I), nf(x^3, I), member(x - y, I), vdim(I), codim(I);\nprint hilbertSeries(I).text;\nlet s = solve(I);\nprint s.complex, s.real;`;
    const { lines, runs } = learningRuns(source);
    expect(lines).toEqual(['[x - y, y^2 - 1/2]', '0, 2, 1/2*y, true, 2, 2', '1 + t', '2, 2']);
    expect(runs).toBe(1);
  });

  it('the same questions on a fresh ideal each time compute a basis each time (the count can fail)', () => {
    const { runs } = learningRuns('ring R = QQ[x, y];\nprint dim(ideal(x^2 + y^2 - 1, x - y)), dim(ideal(x^2 + y^2 - 1, x - y));');
    expect(runs).toBe(2);
    // degree and vdim of an ideal without a basis take the modular route: no basis over QQ at all.
    const modular = learningRuns('ring R = QQ[x, y];\nprint degree(ideal(x^2 + y^2 - 1, x - y)), vdim(ideal(x^2 + y^2 - 1, x - y));');
    expect(modular).toEqual({ lines: ['2, 2'], runs: 0 });
  });

  it('radical computes the basis of the ideal once and one of the result', () => {
    const { lines, runs } = learningRuns('ring R = QQ[x, y];\nlet I = ideal(x^2, y^3 - x*y);\nprint dim(I);\nlet J = radical(I);\nprint J, dim(J), degree(J);');
    expect(lines[1]).toBe('ideal(y, x), 0, 1');
    expect(runs).toBe(2);
  });

  it('ideal equality still compares reduced bases', () => {
    expect(runLines('ring R = QQ[x, y];\nprint ideal(x, y) == ideal(x + y, x - y), ideal(x) == ideal(y);')).toEqual(['true, false']);
  });
});

describe('how(x)', () => {
  it('names the engine, field, order, primes and the honest error bound of a modular basis', () => {
    const lines = runLines(
      'ring R = QQ[x, y];\nlet h = how(gb(ideal(x^2 - y, x*y - 1)));\nprint h.algorithm, h.field, h.order, h.certified, h.errorBound, h.primes.count > 0, h.seed, h.from;',
    );
    expect(lines).toEqual(['modular, QQ, grevlex, false, not bounded; checked at one independent prime, true, none, []']);
  });

  it('derived values point to the basis they were read off', () => {
    const lines = runLines('ring R = QQ[x, y, z];\nlet h = how(dim(ideal(x*y, x*z)));\nprint h.algorithm, h.certified, length(h.from), h.from[1].algorithm;');
    expect(lines).toEqual(['hilbert-series, false, 1, modular']);
  });

  it('certified = true gives a certified basis, and the ideal keeps it for later questions', () => {
    const lines = runLines(
      'ring R = QQ[x, y];\nlet I = ideal(x^2 - y, x*y - 1);\nprint how(gb(I, certified = true)).certified, how(degree(I)).certified, how(gb(I)).certified;',
    );
    expect(lines).toEqual(['true, true, true']);
  });

  it('over GF(p) the basis is exact', () => {
    expect(runLines('ring R = GF(101)[x, y];\nlet h = how(gb(ideal(x^2 - y, x*y - 1)));\nprint h.algorithm, h.certified, h.primes, h.errorBound;')).toEqual([
      'f4, true, none, none',
    ]);
  });

  it('records the seed of the run for results that used randomness', () => {
    const source = 'ring R = QQ[x, y];\nlet s = solve(ideal(x^2 + y^2 - 1, x - y));\nprint how(s).seed, how(s.real).seed;';
    expect(runLines(source, { seed: 7 })).toEqual(['7, 7']);
    expect(runLines(`seed 12;\n${source}`)).toEqual(['12, 12']);
    expect(runLines('ring R = QQ[x, y];\nprint how(dim(ideal(x))).seed;')).toEqual(['none']);
  });

  it('composite operations list the bases they computed', () => {
    const lines = runLines(
      'ring R = QQ[x, y];\nlet h = how(saturate(ideal(x^2*y, x*y^2), ideal(x)));\nprint h.algorithm, h.order, length(h.from) > 0;\nprint how(eliminate(ideal(x - y^2), [y])).algorithm, how(intersect(ideal(x), ideal(y))).algorithm, how(quotient(ideal(x*y), ideal(x))).algorithm;',
    );
    expect(lines).toEqual(['saturation, none, true', 'elimination, intersection, quotient']);
  });

  it('every algebra query on ideals has a provenance', () => {
    const queries = ['gb(I)', 'nf(x, I)', 'member(x, I)', 'dim(I)', 'codim(I)', 'degree(I)', 'vdim(I)', 'hilbertSeries(I)', 'solve(I)', 'radical(I)'];
    const source = `ring R = QQ[x, y];\nlet I = ideal(x^2 - y, y^2 - 1);\nprint ${queries.map((q) => `how(${q}).field`).join(', ')};`;
    expect(runLines(source)).toEqual([queries.map(() => 'QQ').join(', ')]);
  });

  it('is none for values no built-in computed', () => {
    expect(runLines('ring R = QQ[x];\nprint how(1 + 1), how(x^2), how(ideal(x)), how([1, 2]);')).toEqual(['none, none, none, none']);
  });

  it('rejects a certified option that is not a boolean, at its place', () => {
    const [d] = runErrors('ring R = QQ[x];\nprint gb(ideal(x), certified = 1);');
    expect(d).toMatchObject({ code: 'type', span: { startLine: 2, startColumn: 32 } });
    expect(d!.message).toContain('certified must be true or false');
  });
});

describe('geometry and network counts say how they were obtained', () => {
  const LOSS = 'loss(linear(1, 1, 1), X = [[1, 1, 1]], Y = [[1, 2, 2]], reg = [[[1/2]], [[2]]])';

  it('dim and degree of a variety come from its ideal, whose basis ideal(X) shares', () => {
    const { lines, runs } = learningRuns('ring R = QQ[x, y];\nlet X = V(y - x^2, x*y - 1);\nprint dim(X), degree(X, multiplicity = true), how(dim(X)).algorithm;\nprint gb(ideal(X)), X == V(ideal(X));');
    expect(lines).toEqual(['0, 3, hilbert-series', '[y^2 - x, x*y - 1, x^2 - y], true']);
    expect(runs).toBe(1);
  });

  it('the geometry layer reads the dimension of a variety through the same handle (singular(X) computes codim X)', () => {
    const { lines, runs } = learningRuns('ring R = QQ[x, y, z];\nlet X = V(x*z - y^2, x^2 - y, x*y - z);\nlet S = singular(X);\nprint dim(X), degree(X, multiplicity = true), length(gb(ideal(X)));');
    expect(lines).toEqual(['1, 3, 3']);
    expect(runs).toBe(1);
  });

  it('polar degrees record their route, seed and (over QQ, from multi-modular bases) no certificate', () => {
    const lines = runLines('let h = how(polarDegrees(veronese(2, 3)));\nprint h.algorithm, h.field, h.certified, h.seed;\nprint how(edDegree(veronese(2, 3), method = "polar")).algorithm;', { seed: 2 });
    expect(lines).toEqual(['polar-degrees, QQ, false, 2', 'polar-degrees']);
  });

  it('a dimension known from the construction is certified and says so', () => {
    expect(runLines('let h = how(dim(determinantal(2, 2, 1)));\nprint h.algorithm, h.certified, h.note;')).toEqual([
      'construction, true, known from the construction determinantal(2, 2, 1)',
    ]);
  });

  it('edDegree records its route, field, certification and the seed of its random data point', () => {
    const exact = runLines('ring T = QQ[t];\nlet h = how(edDegree(image([t, t^2, t^3])));\nprint h.algorithm, h.field, h.seed;', { seed: 3 });
    expect(exact).toEqual(['ed-degree (parametric), QQ, 3']); // chosen by cost (src/geometry/routes.ts)
    const modular = runLines('ring T = QQ[t];\nlet h = how(edDegree(image([t, t^2, t^3]), prime = 32003));\nprint h.field, h.certified, h.errorBound;');
    expect(modular).toEqual(['GF(32003), false, not bounded; equal to the count over QQ except for finitely many primes']);
  });

  it('stationary and criticalPoints over QQ are not claimed certified', () => {
    const lines = runLines(
      `let h = how(stationary(${LOSS}));\nprint h.algorithm, h.field, h.certified, how(stationary(${LOSS}, prime = 32003)).field;\nring R = QQ[x, y];\nprint how(criticalPoints(V(y - x^2), identity(2), [0, 2])).certified;`,
    );
    expect(lines).toEqual(['gradient-ideal, QQ, false, GF(32003)', 'false']);
  });

  it('the dimension of a network carries the Schwartz–Zippel bound of its rank computation', () => {
    const lines = runLines('let N = shallow(3, 5, 4);\nlet h = how(dim(N));\nprint h.algorithm, how(architecture(N)).algorithm, h.certified == architecture(N).certified;');
    expect(lines).toEqual(['jacobian-rank, jacobian-rank, true']);
  });
});

