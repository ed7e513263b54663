// Issue 15: the monomial layer never wraps an exponent around. Property tests (fast-check) over
// exponent vectors near the Int32 limit: a product or power either is exact (checked against the
// same sums in double arithmetic, exact below 2^53) or is refused with MathError('too-large')
// exactly when its total degree passes MAX_DEGREE.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { QQ } from '../../src/math/field.js';
import { MAX_DEGREE, monomialMul, monomialPow, totalDegree } from '../../src/math/monomial.js';
import { PolyRing } from '../../src/math/poly.js';

const exponent = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: MAX_DEGREE }), fc.constant(MAX_DEGREE), fc.integer({ min: 2 ** 29, max: 2 ** 30 }));
const vectorPair = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.array(exponent, { minLength: n, maxLength: n }), fc.array(exponent, { minLength: n, maxLength: n })));

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** Exponent vectors whose own total degree is within the limit (as every monomial in a polynomial is). */
function valid(xs: number[]): boolean {
  return sum(xs) <= MAX_DEGREE;
}

describe('monomial exponents are checked', () => {
  it('multiplies exactly or refuses exactly when the degree passes MAX_DEGREE', () => {
    fc.assert(
      fc.property(vectorPair, ([a, b]) => {
        fc.pre(valid(a) && valid(b));
        const expected = a.map((x, i) => x + b[i]!);
        if (sum(expected) > MAX_DEGREE) {
          expect(() => monomialMul(Int32Array.from(a), Int32Array.from(b))).toThrow(MathError);
        } else {
          const r = monomialMul(Int32Array.from(a), Int32Array.from(b));
          expect([...r]).toEqual(expected);
          expect(totalDegree(r)).toBe(sum(expected));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('raises to powers exactly or refuses exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 70000 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 200000 }), (a, k) => {
        const expected = a.map((x) => x * k);
        if (sum(expected) > MAX_DEGREE) expect(() => monomialPow(Int32Array.from(a), k)).toThrow(MathError);
        else expect([...monomialPow(Int32Array.from(a), k)]).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps polynomial products and powers exact near the limit (degree read back equals the sum)', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 1, max: 2 ** 30 }), fc.integer({ min: 1, max: 4 }), (d, e, k) => {
        const f = R.add(R.pow(R.variable(0), d), R.one());
        const g = R.pow(R.variable(1), e);
        const expectedDegree = d * k + e;
        const compute = () => R.degree(R.mul(R.pow(f, k), g));
        if (expectedDegree > MAX_DEGREE) expect(compute).toThrow(/beyond the largest degree/);
        else expect(compute()).toBe(expectedDegree);
      }),
      { numRuns: 300 },
    );
  });
});
