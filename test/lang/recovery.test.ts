// The recovery-loss built-ins (sensingLoss, bilinearLoss, completionLoss, robustPCALoss) and
// flatMinimum of a polynomial loss: rings with the factor families, floats entering by their exact
// values, the flattest point as a real point, and located errors.
import { describe, expect, it } from 'vitest';
import { runErrors, runLines } from '../helpers.js';

describe('recovery losses in the language', () => {
  it('are polynomials in the families L, R (and G, H) of a fresh ring', () => {
    expect(runLines('let f = completionLoss([[1, 2], [3, 0]], [[1, 0], [0, 1]], 1);\nprint f;\nprint vars(ringOf(f));')).toEqual([
      '1/2*L[1,1]^2*R[1,1]^2 + 1/2*L[2,1]^2*R[2,1]^2 - L[1,1]*R[1,1] + 1/2',
      '[L[1,1], L[2,1], R[1,1], R[2,1]]',
    ]);
    expect(runLines('print length(vars(ringOf(robustPCALoss([[1, 2]], 1, reg = 1/2))));')).toEqual(['7']);
    // A float enters by its exact value: 0.5 is 1/2.
    expect(runLines('print bilinearLoss([[1]], [[1]], [float(1/2)], 1);')).toEqual(['L[1,1]^2*R[1,1]^2 - L[1,1]*R[1,1] + 1/4']);
  });

  it('flatMinimum(L) returns the flattest zero-loss point as a real point of the loss ring', () => {
    const lines = runLines(
      [
        'seed 1;',
        'let M = [[3, 0], [0, 1]];',
        'let L = completionLoss(M, [[1, 1], [1, 1]], 2);',
        'let f = flatMinimum(L);',
        'print f.feasible, abs(f.trace - flatMinimum(M, 2).bound / 4) < 1e-4;',
        'print abs(float(traceHessian(L, f.point)) - f.trace) < 1e-6, f.rounds[1].penalty;',
      ].join('\n'),
    );
    expect(lines).toEqual(['true, true', 'true, Infinity']);
  });

  it('robust PCA with reg = λ is the ℓ1-penalized problem: Newton reaches the Huber closed form', () => {
    // min over G, H of ||G||² + ||H||² with G⊙G − H⊙H = S is ||S||₁, so the loss's minimum is
    // min over rank-1 X and S of ||X + S − M||² + λ||S||₁ = min_X Σ huber_λ(M − X), where
    // huber_λ(r) = min_s (r − s)² + λ|s| = r² for |r| ≤ λ/2, λ|r| − λ²/4 beyond. For M = diag(1, ε),
    // ε < 1, the best rank-1 X is diag(1, 0) (Eckart–Young; off-diagonal moves cost a² + b² − λab ≥ 0),
    // so the minimum is huber_λ(ε): the corruption S = ε − λ/2 soft-thresholded, or nothing.
    const huber = (r: number, lambda: number) => (Math.abs(r) <= lambda / 2 ? r * r : lambda * Math.abs(r) - lambda * lambda / 4);
    const lines = runLines([
      'seed 3;',
      'for lam in [1/4, 1] {',
      '  let r = minimize(robustPCALoss([[1, 0], [0, 1/4]], 1, reg = lam), method = "newton", iterations = 200);',
      '  print r.loss, r.reason;',
      '}',
    ].join('\n'));
    const values = lines.map((l) => Number(l.split(', ')[0]));
    expect(lines.map((l) => l.split(', ')[1])).toEqual(['gradient', 'gradient']);
    expect(values[0]).toBeCloseTo(huber(1 / 4, 1 / 4), 12); // 3/64: S = 1/8 carries part of ε
    expect(values[1]).toBeCloseTo(huber(1 / 4, 1), 12); // 1/16: S = 0, ε left in the residual
  });

  it('errors point at the argument', () => {
    expect(runErrors('completionLoss([[1, 2]], [[1]], 1);')[0]!.message).toMatch(/the mask must have the shape of M \(1×2\)/);
    expect(runErrors('completionLoss([[1, 2]], [[0, 0]], 1);')[0]!.message).toMatch(/observes no entry/);
    expect(runErrors('sensingLoss([[[1, 0]], [[1]]], [1, 2], 1);')[0]!.message).toMatch(/must all be 1×2/);
    expect(runErrors('sensingLoss([[[1, 0]]], [1, 2], 1);')[0]!.message).toMatch(/one value per measurement matrix/);
    expect(runErrors('robustPCALoss([[1]], 1, reg = -1);')[0]!.message).toMatch(/non-negative/);
    expect(runErrors('flatMinimum([[1, 2]]);')[0]!.message).toMatch(/needs the inner dimension k/);
    expect(runErrors('flatMinimum(completionLoss([[1]], [[1]], 1), init = [1, 1], restarts = 2);')[0]!.message).toMatch(/restarts need a random start/);
  });
});
