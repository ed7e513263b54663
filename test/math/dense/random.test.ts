// Random dense data: Box–Muller Gaussian matrices (src/math/dense/random.ts) and the fast bulk integer
// draws of Random.offsets, which must give exactly the values of repeated bigint() calls.
import { describe, expect, it } from 'vitest';
import { gaussianDense, uniformDense } from '../../../src/math/dense/index.js';
import { Random } from '../../../src/math/random.js';

describe('seeded random matrices', () => {
  it('Random.offsets(span, n) gives the draws of n calls of bigint(lo, lo + span - 1), up to the 2^21 limit', () => {
    for (const span of [1, 19, 2 ** 21 - 1]) {
      const a = new Random(17), b = new Random(17);
      const bulk = Array.from(a.offsets(span, 200), (k) => BigInt(k) - 5n);
      const single = Array.from({ length: 200 }, () => b.bigint(-5n, BigInt(span) - 6n));
      expect(bulk).toEqual(single);
      expect(a.nextUint32()).toBe(b.nextUint32());
    }
    expect(() => new Random(1).offsets(2 ** 21, 1)).toThrow(RangeError);
  });

  it('Gaussian draws: sample moments of N(0, 1) (mean 0, variance 1, fourth moment 3) within 5 standard errors', () => {
    const G = gaussianDense(new Random(3), 500, 400); // 2·10^5 draws
    const n = G.data.length;
    let m1 = 0, m2 = 0, m4 = 0;
    for (const x of G.data) {
      m1 += x;
      m2 += x * x;
      m4 += x ** 4;
    }
    m1 /= n;
    m2 /= n;
    m4 /= n;
    expect(Math.abs(m1)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(m4 - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
    // Seeded: the same seed, the same matrix; odd sizes use the first of the last pair.
    expect(gaussianDense(new Random(3), 3, 3).data).toEqual(gaussianDense(new Random(3), 3, 3).data);
    expect(gaussianDense(new Random(3), 1, 3, 5, 0).data).toEqual(new Float64Array([5, 5, 5]));
  });

  it('uniform draws lie in [lo, hi) with mean (lo + hi)/2', () => {
    const U = uniformDense(new Random(4), 200, 200, -1, 3);
    let s = 0, lo = Infinity, hi = -Infinity;
    for (const x of U.data) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
      s += x;
    }
    expect(lo).toBeGreaterThanOrEqual(-1);
    expect(hi).toBeLessThan(3);
    expect(Math.abs(s / U.data.length - 1)).toBeLessThan(5 * (4 / Math.sqrt(12)) / 200);
  });
});
