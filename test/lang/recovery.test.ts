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

  it('errors point at the argument', () => {
    expect(runErrors('completionLoss([[1, 2]], [[1]], 1);')[0]!.message).toMatch(/the mask must have the shape of M \(1×2\)/);
    expect(runErrors('completionLoss([[1, 2]], [[0, 0]], 1);')[0]!.message).toMatch(/observes no entry/);
    expect(runErrors('sensingLoss([[[1, 0]], [[1]]], [1, 2], 1);')[0]!.message).toMatch(/must all be 1×2/);
    expect(runErrors('sensingLoss([[[1, 0]]], [1, 2], 1);')[0]!.message).toMatch(/one value per measurement matrix/);
    expect(runErrors('robustPCALoss([[1]], 1, reg = -1);')[0]!.message).toMatch(/non-negative/);
    expect(runErrors('flatMinimum([[1, 2]]);')[0]!.message).toMatch(/needs the inner dimension k/);
  });
});
