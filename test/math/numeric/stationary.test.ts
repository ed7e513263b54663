// Certified numerical stationary points (src/math/numeric/stationary.ts) against the exact route
// (src/networks/stationary.ts: RUR and exact inertia): counts, Morse indices, minima, values; a loss
// with a degenerate stationary point, which must not be certified; and stationary(L, method =
// "numerical") in the language against stationary(L) in the same script.
import { describe, expect, it } from 'vitest';
import { QQ, rat } from '../../../src/math/field.js';
import { PolyRing } from '../../../src/math/poly.js';
import { parsePoly } from '../../../src/math/poly-parse.js';
import { Random } from '../../../src/math/random.js';
import { stationaryNumerical } from '../../../src/math/numeric/stationary.js';
import { linearNetwork } from '../../../src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../../../src/networks/losses.js';
import { stationaryPoints } from '../../../src/networks/stationary.js';
import { runLines } from '../../helpers.js';

describe('stationaryNumerical', () => {
  it('network 1-2-1: the counts, Morse indices, minima and loss values of the exact route', () => {
    const q = (v: number) => rat(BigInt(v));
    const N = linearNetwork([1, 2, 1]);
    const L = squaredLoss(N, [[1, 2, -1]].map((r) => r.map(q)), [[2, -1, 1]].map((r) => r.map(q)), { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
    const exact = stationaryPoints(N.ring, L, { digits: 20 });
    const { solve, morse, bezout } = stationaryNumerical(N.ring, L, { seed: 4, expected: exact.complex });
    expect([solve.complex, solve.real, solve.complete, solve.certified]).toEqual([exact.complex, exact.real, true, true]);
    expect(morse.indices).toEqual(exact.indices);
    expect(morse.minima).toBe(exact.minima);
    expect(morse.undecided).toBe(0);
    expect(bezout).toBe(exact.bezout);
    // sorted by loss value, like the exact route: the same values and indices in order
    morse.points.forEach((p, i) => {
      expect(Math.abs(Number(p.value) - Number(exact.points[i]!.value))).toBeLessThan(1e-10);
      expect(p.index).toBe(exact.points[i]!.index);
    });
  });

  it('does not certify a degenerate stationary point (x^3 - 3x + y^4: y = 0 is a triple root of the gradient)', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const { solve, morse } = stationaryNumerical(R, parsePoly(R, 'x^3 - 3*x + y^4'), { seed: 1, expected: 2 });
    expect(solve.complex).toBe(0);
    expect(solve.complete).toBe(false);
    expect(morse.points).toEqual([]);
  });

  it('certifies a saddle and a minimum of x^3 - 3x + y^2 with their indices', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const { solve, morse } = stationaryNumerical(R, parsePoly(R, 'x^3 - 3*x + y^2'), { seed: 1, expected: 2 });
    expect([solve.complex, solve.real, solve.complete]).toEqual([2, 2, true]);
    // (1, 0): value -2, Hessian diag(6, 2), a minimum; (-1, 0): value 2, diag(-6, 2), index 1
    expect(morse.points.map((p) => [p.coordinates, p.value, p.index])).toEqual([
      [['1', '0'], '-2', 0],
      [['-1', '0'], '2', 1],
    ]);
    expect(morse.indices).toEqual([1, 1, 0]);
  });
});

describe('stationary(L, method = "numerical")', () => {
  it('agrees with stationary(L) in the same script', () => {
    const out = runLines(
      [
        'ring R = QQ[a, b, c];',
        'let L = (a*b - 1)^2 + (b*c - 2)^2 + 1/10*(a^2 + b^2 + c^2);',
        'let s = stationary(L, method = "numerical");',
        'let e = stationary(L);',
        'print s.complex == e.complex, s.real == e.real, s.indices == e.indices, s.minima == e.minima, s.complete, s.certified;',
        'print how(s).algorithm;',
      ].join('\n'),
    );
    expect(out).toEqual(['true, true, true, true, true, true', 'homotopy-krawczyk']);
  });
});
