// Losses: the contract's normalisation, generalized L2, data moments (degenerate with few points),
// Gaussian moments by Isserlis' theorem (⟨S, T⟩ = 2 tr(ST) + tr S tr T in degree 2) and teacher losses.
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, rat } from '../../src/math/field.js';
import { rank } from '../../src/math/linalg/matrix.js';
import { Random } from '../../src/math/random.js';
import { linearNetwork, shallowNetwork, diagonalNetwork, fmapList } from '../../src/networks/architectures.js';
import {
  empiricalMoments,
  gaussianMoment,
  gaussianMoments,
  randomWeight,
  randomWeights,
  squaredLoss,
  targetFromQuadraticForm,
  teacherLoss,
} from '../../src/networks/losses.js';

const q = (n: number, d = 1): Rat => rat(BigInt(n), BigInt(d));
const row = (...xs: number[]) => xs.map((x) => q(x));

describe('squared loss', () => {
  it('the scalar network of background §4: ½(3p² - 10p) + ½(λ1 w1² + λ2 w2²) plus the constant ½Σy²', () => {
    const N = linearNetwork([1, 1, 1]);
    const R = N.ring;
    const L = squaredLoss(N, [row(1, 1, 1)], [row(1, 2, 2)], { kind: 'entrywise', weights: [q(1, 2), q(2)] });
    const w1 = R.variable(0), w2 = R.variable(1);
    const p = R.mul(w1, w2);
    let expected = R.scale(R.sub(R.scale(R.mul(p, p), q(3)), R.scale(p, q(10))), q(1, 2));
    expected = R.add(expected, R.add(R.scale(R.mul(w1, w1), q(1, 4)), R.mul(w2, w2)));
    expected = R.add(expected, R.constant(q(9, 2)));
    expect(R.equals(L, expected)).toBe(true);
  });

  it('equals ½ Σ_j ||W2 W1 x_j - y_j||² + plain L2, computed point by point', () => {
    const N = linearNetwork([2, 2, 2]);
    const R = N.ring;
    const X = [row(1, 0, 2), row(-1, 3, 1)];
    const Y = [row(2, 1, 0), row(0, -1, 5)];
    const L = squaredLoss(N, X, Y, { kind: 'uniform', weight: q(1, 3) });
    const W = fmapList(N);
    let direct = R.zero();
    for (let j = 0; j < 3; j++) {
      for (let o = 0; o < 2; o++) {
        let e = R.constant(QQ.neg(Y[o]![j]!));
        for (let i = 0; i < 2; i++) e = R.add(e, R.scale(W[o * 2 + i]!, X[i]![j]!));
        direct = R.add(direct, R.scale(R.mul(e, e), q(1, 2)));
      }
    }
    for (let k = 0; k < R.nvars; k++) direct = R.add(direct, R.scale(R.pow(R.variable(k), 2), q(1, 6)));
    expect(R.equals(L, direct)).toBe(true);
  });

  it('shallow and diagonal networks evaluate f at the data', () => {
    const N = shallowNetwork(2, 1, { kind: 'power', degree: 2 });
    const R = N.ring;
    // One data point x = (1, 2), target 3: f = a (w1 + 2 w2)^2.
    const L = squaredLoss(N, [row(1), row(2)], [row(3)]);
    const f = R.mul(R.variable(2), R.pow(R.add(R.variable(0), R.scale(R.variable(1), q(2))), 2));
    const e = R.sub(f, R.fromInt(3));
    expect(R.equals(L, R.scale(R.mul(e, e), q(1, 2)))).toBe(true);
    const D = diagonalNetwork(2, 2);
    const LD = squaredLoss(D, [row(1), row(1)], [row(1)]);
    expect(D.ring.toText(LD)).toContain('u1[1]^2*u2[1]^2');
  });

  it('random generalized L2 weights are positive, seeded and reproducible', () => {
    const N = linearNetwork([2, 2, 2]);
    const a = randomWeights(N, new Random(4));
    const b = randomWeights(N, new Random(4));
    expect(a).toEqual(b);
    expect(a.every((w) => w.num > 0n && w.num <= w.den && w.den <= 2n ** 30n)).toBe(true);
  });

  it('random weights are drawn from a range wide enough that 1000 draws are distinct and positive', () => {
    const random = new Random(9);
    const draws = Array.from({ length: 1000 }, () => randomWeight(random));
    expect(draws.every((w) => w.num > 0n && w.den > 0n)).toBe(true);
    expect(new Set(draws.map((w) => `${w.num}/${w.den}`)).size).toBe(1000);
  });
});

describe('moments and teacher losses', () => {
  it('Gaussian moments: Π (k - 1)!!, and Isserlis with a covariance', () => {
    expect(gaussianMoment([4, 2])).toEqual(q(3));
    expect(gaussianMoment([6])).toEqual(q(15));
    expect(gaussianMoment([3, 1])).toEqual(q(0));
    const S = [row(2, 1), [q(1), q(3)]];
    // E[x1² x2²] = Σ11 Σ22 + 2 Σ12²; E[x1^3 x2] = 3 Σ11 Σ12; E[x1^4] = 3 Σ11².
    expect(gaussianMoment([2, 2], S)).toEqual(q(2 * 3 + 2));
    expect(gaussianMoment([3, 1], S)).toEqual(q(3 * 2 * 1));
    expect(gaussianMoment([4, 0], S)).toEqual(q(12));
    // The identity covariance agrees with the closed form, in every degree up to 6.
    const I = [row(1, 0, 0), row(0, 1, 0), row(0, 0, 1)];
    for (const g of [[2, 2, 2], [4, 0, 2], [1, 1, 2], [6, 0, 0]]) expect(gaussianMoment(g, I)).toEqual(gaussianMoment(g));
  });

  it('degree 2, N(0, I): (c_S)^T M (c_T) = 2 tr(ST) + tr(S) tr(T)', () => {
    const N = shallowNetwork(3, 1, { kind: 'power', degree: 2 });
    const M = gaussianMoments(N);
    const random = new Random(9);
    for (let trial = 0; trial < 5; trial++) {
      const sym = () => {
        const A = Array.from({ length: 3 }, () => new Array<Rat>(3).fill(QQ.zero));
        for (let i = 0; i < 3; i++) for (let j = i; j < 3; j++) A[i]![j] = A[j]![i] = q(random.int(-5, 5));
        return A;
      };
      const S = sym(), T = sym();
      const cS = targetFromQuadraticForm(N, S)[0]!, cT = targetFromQuadraticForm(N, T)[0]!;
      let inner = QQ.zero;
      for (let a = 0; a < 6; a++) for (let b = 0; b < 6; b++) inner = QQ.add(inner, QQ.mul(cS[a]!, QQ.mul(M[a]![b]!, cT[b]!)));
      let trST = QQ.zero, trS = QQ.zero, trT = QQ.zero;
      for (let i = 0; i < 3; i++) {
        trS = QQ.add(trS, S[i]![i]!);
        trT = QQ.add(trT, T[i]![i]!);
        for (let j = 0; j < 3; j++) trST = QQ.add(trST, QQ.mul(S[i]![j]!, T[j]![i]!));
      }
      expect(inner).toEqual(QQ.add(QQ.mul(q(2), trST), QQ.mul(trS, trT)));
    }
  });

  it('the empirical metric is degenerate with fewer data points than basis monomials', () => {
    const N = shallowNetwork(2, 1, { kind: 'power', degree: 2 });
    expect(rank(QQ, empiricalMoments(N, [row(1, 2), row(0, 1)]))).toBe(2);
    expect(rank(QQ, empiricalMoments(N, [row(1, 2, 1), row(0, 1, -1)]))).toBe(3);
  });

  it('teacher loss with data points equals the mean squared error of the functions', () => {
    const N = linearNetwork([2, 1]);
    const R = N.ring;
    const X = [row(1, 2), row(3, -1)];
    const L = teacherLoss(N, [row(1, -1)], empiricalMoments(N, X));
    // f_θ(x) - f_*(x) = (W11 - 1) x1 + (W12 + 1) x2, averaged over the two points.
    let direct = R.zero();
    for (let j = 0; j < 2; j++) {
      const e = R.add(R.scale(R.sub(R.variable(0), R.one()), X[0]![j]!), R.scale(R.add(R.variable(1), R.one()), X[1]![j]!));
      direct = R.add(direct, R.scale(R.mul(e, e), q(1, 2)));
    }
    expect(R.equals(L, direct)).toBe(true);
  });
});
