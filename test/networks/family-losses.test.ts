// Families of losses (src/networks/family-losses.ts, the `loss`/`teacher`/`metric`/`gradient`
// built-ins with symbolic data): building the loss of a family and then specializing it equals
// building the loss of the specialized data by the numeric route (src/networks/losses.ts: the Gram
// matrix formulation, a second algorithm), at several parameter values; the stationary family of the
// scalar network with a symbolic regularization weight against its closed-form discriminant.
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, rat } from '../../src/math/field.js';
import type { Poly } from '../../src/math/poly.js';
import { PolyRing } from '../../src/math/poly.js';
import { specialization, specializePoly } from '../../src/geometry/family.js';
import { linearNetwork, shallowNetwork } from '../../src/networks/architectures.js';
import {
  constantMatrix,
  familyEmpiricalMoments,
  familyGaussianMoments,
  familyRing,
  familySquaredLoss,
  familyTargetFromQuadraticForm,
  familyTeacherLoss,
} from '../../src/networks/family-losses.js';
import { empiricalMoments, gaussianMoments, squaredLoss, targetFromQuadraticForm, teacherLoss } from '../../src/networks/losses.js';
import { runErrors, runLines } from '../helpers.js';

const P = new PolyRing(QQ, ['t', 's']);
const t = P.variable(0);
const s = P.variable(1);
const c = (n: bigint, d = 1n) => P.constant(rat(n, d));
const VALUES: [Rat, Rat][] = [
  [rat(1n, 2n), rat(3n)],
  [rat(-2n), rat(5n, 7n)],
  [rat(0n), rat(-1n)],
];

/** The matrix at t = a, s = b (numbers). */
function atValues(M: readonly (readonly Poly<Rat>[])[], a: Rat, b: Rat): Rat[][] {
  return M.map((row) => row.map((x) => P.evaluate(x, [a, b])));
}

describe('build-then-specialize equals specialize-then-build', () => {
  it('the squared loss of a linear network with symbolic inputs, targets and regularization', () => {
    const N = linearNetwork([2, 2, 1]);
    const F = familyRing(N, P);
    const X = [[t, c(1n), P.add(t, s)], [c(2n), s, c(-1n)]];
    const Y = [[c(1n), P.mul(t, t), c(3n, 2n)]];
    const L = familySquaredLoss(F, X, Y, { kind: 'uniform', weight: s });
    for (const [a, b] of VALUES) {
      const sp = specialization(F.ring, new Map([[N.ring.nvars, a], [N.ring.nvars + 1, b]]));
      const built = specializePoly(sp, L);
      const direct = squaredLoss(N, atValues(X, a, b), atValues(Y, a, b), { kind: 'uniform', weight: b });
      expect(sp.target!.toText(built)).toBe(N.ring.toText(direct));
    }
  });

  it('the squared loss of a shallow quadratic network with entrywise symbolic weights', () => {
    const N = shallowNetwork(2, 2, { kind: 'power', degree: 2 }, true);
    const F = familyRing(N, P);
    const X = [[c(1n), t, c(0n)], [s, c(1n), c(2n)]];
    const Y = [[P.add(t, c(1n)), c(0n), s]];
    const weights = N.ring.vars.map((_, k) => (k % 2 === 0 ? t : c(BigInt(k + 1))));
    const L = familySquaredLoss(F, X, Y, { kind: 'entrywise', weights });
    for (const [a, b] of VALUES) {
      const sp = specialization(F.ring, new Map([[N.ring.nvars, a], [N.ring.nvars + 1, b]]));
      const direct = squaredLoss(N, atValues(X, a, b), atValues(Y, a, b), { kind: 'entrywise', weights: weights.map((w) => P.evaluate(w, [a, b])) });
      expect(sp.target!.toText(specializePoly(sp, L))).toBe(N.ring.toText(direct));
    }
  });

  it('the teacher loss with a symbolic target form and the empirical metric of symbolic data', () => {
    const N = shallowNetwork(2, 1, { kind: 'power', degree: 2 }, true);
    const F = familyRing(N, P);
    const S = [[c(1n), t], [t, s]];
    const X = [[c(1n), t, c(2n)], [c(0n), c(1n), s]];
    const M = familyEmpiricalMoments(N, P, X);
    const L = familyTeacherLoss(F, familyTargetFromQuadraticForm(N, P, S), M);
    // Half the Gaussian metric (constants) plus the symbolic target: the paper's teacher-metric kind of family.
    const G = constantMatrix(P, gaussianMoments(N));
    const Lg = familyTeacherLoss(F, familyTargetFromQuadraticForm(N, P, S), G);
    for (const [a, b] of VALUES) {
      const sp = specialization(F.ring, new Map([[N.ring.nvars, a], [N.ring.nvars + 1, b]]));
      expect(atValues(M, a, b)).toEqual(empiricalMoments(N, atValues(X, a, b)));
      const target = targetFromQuadraticForm(N, atValues(S, a, b));
      expect(sp.target!.toText(specializePoly(sp, L))).toBe(N.ring.toText(teacherLoss(N, target, empiricalMoments(N, atValues(X, a, b)))));
      expect(sp.target!.toText(specializePoly(sp, Lg))).toBe(N.ring.toText(teacherLoss(N, target, gaussianMoments(N))));
    }
  });

  it('the Gaussian moments of a symbolic covariance (Isserlis over the parameter ring), for degrees 2 and 4', () => {
    for (const N of [shallowNetwork(2, 1, { kind: 'power', degree: 2 }, true), shallowNetwork(2, 1, { kind: 'power', degree: 4 }, true)]) {
      const cov = [[P.add(c(1n), t), s], [s, c(2n)]];
      const M = familyGaussianMoments(N, P, cov);
      for (const [a, b] of VALUES) expect(atValues(M, a, b)).toEqual(gaussianMoments(N, atValues(cov, a, b)));
    }
  });

  it('a parameter named like a network parameter is refused', () => {
    const N = linearNetwork([1, 1]);
    expect(() => familyRing(N, new PolyRing(QQ, ['W1[1,1]']))).toThrow(/has the name of a parameter/);
  });
});

describe('families in the language', () => {
  it('loss, teacher and metric take symbolic entries; at() returns to the network ring, where the numeric loss agrees', () => {
    const script = [
      'ring T = QQ[t, s];',
      'network N = linear(1, 1, 1);',
      'let L = loss(N, X = [[1, t, 1]], Y = [[1, 2, s]], reg = [[[1/2]], [[2]]]);',
      'let L0 = at(L, t = 1/2, s = 3);',
      'print ringOf(L), ringOf(L0) == params(N), L0 == loss(N, X = [[1, 1/2, 1]], Y = [[1, 2, 3]], reg = [[[1/2]], [[2]]]);',
      'print L + L;', // one family ring per network and parameter ring: losses of one family add
      'print at(loss(N, X = [[1, 1, 1]], Y = [[1, 2, 2]], reg = t), t = 1);',
      'print metric(shallow(2, 1, 2), X = [[1, t], [0, 1]]);',
      'network Q = shallow(2, 1, 2);',
      'print at(teacher(Q, [[1, t], [t, 1]], gaussian = true), t = 2, s = 0) == teacher(Q, [[1, 2], [2, 1]], gaussian = true);',
      'print at(teacher(Q, [1, t, 1], metric = [[3, 0, 1], [0, t, 0], [1, 0, 3]]), t = 1, s = 0) == teacher(Q, [1, 1, 1], gaussian = true);',
      'print at(teacher(Q, [1, 0, 1], gaussian = [[1, t], [t, s]]), t = 1/2, s = 3) == teacher(Q, [1, 0, 1], gaussian = [[1, 1/2], [1/2, 3]]);',
    ].join('\n');
    const lines = runLines(script);
    expect(lines[0]).toBe('QQ[W1[1,1], W2[1,1], t, s], true, true');
    expect(lines[1]).toMatch(/^W1\[1,1\]\^2\*W2\[1,1\]\^2\*t\^2/);
    expect(lines[2]).toBe('3/2*W1[1,1]^2*W2[1,1]^2 + 1/2*W1[1,1]^2 - 5*W1[1,1]*W2[1,1] + 1/2*W2[1,1]^2 + 9/2');
    expect(lines[3]).toBe('[[1/2*t^4 + 1/2, 1/2*t^3, 1/2*t^2], [1/2*t^3, 1/2*t^2, 1/2*t], [1/2*t^2, 1/2*t, 1/2]]');
    expect(lines.slice(4)).toEqual(['true', 'true', 'true']);
  });

  it('the stationary family of the scalar network with weight t on W1: discriminant t(2t - 25), real counts 1, 3, 1', () => {
    // L = ½(3p² - 10p) + ½(t w1² + 2 w2²) + 9/2, p = w1 w2. Nonzero critical points have
    // r = w2/w1 with r² = t/2 and p = (5 - 2r)/3 = w1² r: two of them meet where p = 0 (r = 5/2,
    // t = 25/2), and they leave (to the origin) at t = 0; they are real exactly when 0 < t < 25/2.
    const script = [
      'ring T = QQ[t];',
      'network N = linear(1, 1, 1);',
      'let L = loss(N, X = [[1, 1, 1]], Y = [[1, 2, 2]], reg = [[[t]], [[2]]]);',
      'let F = gradient(L);',
      'let d = discriminant(F, t);',
      'print F, d.polynomial, d.real;',
      'for p in sweep(F, t, -1, 13, 2) { print p.t, p.complex, p.real; }',
      'print stationary(at(L, t = 1)).real, stationary(at(L, t = 13)).real;',
    ].join('\n');
    expect(runLines(script)).toEqual([
      '[3*W1[1,1]*W2[1,1]^2 + W1[1,1]*t - 5*W2[1,1], 3*W1[1,1]^2*W2[1,1] - 5*W1[1,1] + 2*W2[1,1]], 2*t^2 - 25*t, 2',
      '-1, 5, 1',
      '6, 5, 3',
      '13, 5, 1',
      '3, 1',
    ]);
  });

  it('bad symbolic data are located errors', () => {
    const [two] = runErrors('ring A = QQ[t];\nlet a = t;\nring B = QQ[s];\nprint loss(linear(1, 1), X = [[a]], Y = [[s]]);');
    expect(two!.message).toMatch(/share one ring of parameters/);
    expect(two!.span.startLine).toBe(4);
    const [cov] = runErrors('ring T = QQ[t];\nprint teacher(shallow(2, 1, 2), [1, t, 1], gaussian = [[1, t], [0, 1]]);');
    expect(cov!.message).toMatch(/covariance matrix is not symmetric/);
    const [clash] = runErrors('ring T = QQ[W1[1..1, 1..1]];\nprint loss(linear(1, 1), X = [[W1[1,1]]], Y = [[1]]);');
    expect(clash!.message).toMatch(/has the name of a parameter/);
  });
});
