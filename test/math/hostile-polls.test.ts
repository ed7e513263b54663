// Issue 15, polls at bounded intervals of work: polynomial products poll on the number of terms
// multiplied (not every 16 rows of the shorter factor), and merging two long polynomials polls too,
// so a product of long polynomials with big coefficients stops within milliseconds. Counted with a
// signal that records its reads (no timers).
import { describe, expect, it } from 'vitest';
import { QQ } from '../../src/math/field.js';
import { PolyRing } from '../../src/math/poly.js';
import { withInterrupt } from '../../src/math/progress.js';

function counting() {
  return {
    reads: 0,
    get aborted() {
      this.reads++;
      return false;
    },
  };
}

describe('polynomial kernels poll on work', () => {
  const R = new PolyRing(QQ, ['x', 'y']);
  const x = R.variable(0), y = R.variable(1);
  /** The sum of x^(s*i+t) y^(d-s*i-t) over i in 0..n-1 (terms of degree d), added as a balanced tree. */
  const terms = (n: number, s: number, t: number, d: number): ReturnType<typeof R.zero> => {
    if (n === 1) return R.mul(R.pow(x, t), R.pow(y, d - t));
    const h = n >> 1;
    return R.add(terms(h, s, t, d), terms(n - h, s, t + s * h, d));
  };

  it('a sum of two 20,000-term polynomials polls every 1,024 merge steps', () => {
    // Interleaved terms of one degree: the merge takes 40,000 steps.
    const f = terms(20_000, 2, 0, 40_000), g = terms(20_000, 2, 1, 40_000);
    const signal = counting();
    const sum = withInterrupt(signal, () => R.add(f, g));
    expect(sum.mons.length).toBe(40_000);
    expect(signal.reads).toBeGreaterThanOrEqual(Math.floor(40_000 / 1024));
  });

  it('a product with a 10,000-term factor polls every 4,096 terms multiplied, not every 16 rows', () => {
    const f = terms(16, 1, 0, 15), g = terms(10_000, 1, 0, 9_999);
    const signal = counting();
    const product = withInterrupt(signal, () => R.mul(f, g));
    expect(product.mons.length).toBe(10_015);
    // 16 rows of 10,000 terms: at least 39 polls from the rows alone (before: 1).
    expect(signal.reads).toBeGreaterThanOrEqual(Math.floor((16 * 10_000) / 4096));
  });
});
