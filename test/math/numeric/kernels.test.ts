// The complex float kernels of src/math/numeric: the compiled evaluator (values and Jacobian)
// against exact evaluation over QQ and exact derivatives (PolyRing.diff); the complex LU against
// residuals and a matrix of known condition; outward-rounded complex intervals against exact
// rational products and sums of their endpoints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, compareRat, rat } from '../../../src/math/field.js';
import { PolyRing } from '../../../src/math/poly.js';
import { parsePoly } from '../../../src/math/poly-parse.js';
import { Random } from '../../../src/math/random.js';
import { ComplexSystem, complexPolynomial, ratToFloat } from '../../../src/math/numeric/slp.js';
import { ComplexLU } from '../../../src/math/numeric/lu.js';
import { ci, ciAdd, ciMul, floatToRat, nextDown, nextUp } from '../../../src/math/numeric/float-interval.js';

const R = new PolyRing(QQ, ['x', 'y', 'z']);
const polys = ['3*x^2*y - 2*z^3 + 1/3', 'x*y*z - y^4 + 7*x', 'z^2 + x^5*y - 5'].map((s) => parsePoly(R, s));

describe('ComplexSystem', () => {
  it('evaluates values and the Jacobian as exact arithmetic does at rational points', () => {
    const S = new ComplexSystem(3, polys.map((f) => complexPolynomial(f)));
    const random = new Random(4);
    for (let trial = 0; trial < 20; trial++) {
      const point = [0, 1, 2].map(() => rat(BigInt(random.int(-20, 20)), 8n));
      const x = new Float64Array(6);
      point.forEach((p, i) => (x[2 * i] = ratToFloat(p)));
      const value = new Float64Array(6);
      const jac = new Float64Array(18);
      S.evaluate(x, value, jac);
      polys.forEach((f, i) => {
        const exact = ratToFloat(R.evaluate(f, point));
        expect(value[2 * i]).toBeCloseTo(exact, 6);
        expect(value[2 * i + 1]).toBe(0);
        for (let j = 0; j < 3; j++) expect(jac[2 * (3 * i + j)]).toBeCloseTo(ratToFloat(R.evaluate(R.diff(f, j), point)), 6);
      });
    }
  });

  it('evaluates at complex points: x^2 + y^2 vanishes at (i, 1), with gradient (2i, 2)', () => {
    const S2 = new PolyRing(QQ, ['x', 'y']);
    const S = new ComplexSystem(2, [complexPolynomial(parsePoly(S2, 'x^2 + y^2'))]);
    const value = new Float64Array(2);
    const jac = new Float64Array(4);
    S.evaluate(Float64Array.of(0, 1, 1, 0), value, jac);
    expect([...value]).toEqual([0, 0]);
    expect([...jac]).toEqual([0, 2, 2, 0]);
  });
});

describe('ComplexLU', () => {
  it('solves random complex systems to a small residual', () => {
    const random = new Random(9);
    for (const n of [1, 2, 5, 12]) {
      const A = Float64Array.from({ length: 2 * n * n }, () => random.nextFloat() * 2 - 1);
      const b = Float64Array.from({ length: 2 * n }, () => random.nextFloat() * 2 - 1);
      const lu = new ComplexLU(n);
      expect(lu.factor(A)).toBe(true);
      const x = b.slice();
      lu.solve(x);
      for (let i = 0; i < n; i++) {
        let sr = 0;
        let si = 0;
        for (let j = 0; j < n; j++) {
          const ar = A[2 * (i * n + j)]!;
          const ai = A[2 * (i * n + j) + 1]!;
          sr += ar * x[2 * j]! - ai * x[2 * j + 1]!;
          si += ar * x[2 * j + 1]! + ai * x[2 * j]!;
        }
        expect(Math.abs(sr - b[2 * i]!) + Math.abs(si - b[2 * i + 1]!)).toBeLessThan(1e-10);
      }
      // the adjoint solve: A^H y = b
      const y = b.slice();
      lu.solveAdjoint(y);
      for (let i = 0; i < n; i++) {
        let sr = 0;
        let si = 0;
        for (let j = 0; j < n; j++) {
          const ar = A[2 * (j * n + i)]!;
          const ai = -A[2 * (j * n + i) + 1]!;
          sr += ar * y[2 * j]! - ai * y[2 * j + 1]!;
          si += ar * y[2 * j + 1]! + ai * y[2 * j]!;
        }
        expect(Math.abs(sr - b[2 * i]!) + Math.abs(si - b[2 * i + 1]!)).toBeLessThan(1e-10);
      }
    }
  });

  it('estimates the condition of diag(1, 1e-8) rotated by i as 1e8, and a singular matrix as infinite', () => {
    const lu = new ComplexLU(2);
    lu.factor(Float64Array.of(0, 1, 0, 0, 0, 0, 1e-8, 0));
    expect(lu.condition()).toBeCloseTo(1e8, -2);
    expect(lu.factor(Float64Array.of(1, 0, 2, 0, 2, 0, 4, 0))).toBe(false);
    expect(lu.condition()).toBe(Infinity);
  });
});

describe('outward-rounded complex intervals', () => {
  it('nextUp and nextDown are the neighbouring doubles', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextDown(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextDown(-1)).toBe(-1 - Number.EPSILON);
    expect(nextUp(-Number.MIN_VALUE)).toBe(-0);
  });

  const arbDouble = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const arbCI = fc.tuple(arbDouble, arbDouble, arbDouble, arbDouble).map(([a, b, c, d]) => ci(Math.min(a, b), Math.max(a, b), Math.min(c, d), Math.max(c, d)));
  const inside = (x: Rat, lo: number, hi: number) => compareRat(floatToRat(lo), x) <= 0 && compareRat(x, floatToRat(hi)) <= 0;

  it('products and sums contain the exact results at the corners', () => {
    fc.assert(
      fc.property(arbCI, arbCI, fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (a, b, s, t, u, v) => {
        const ar = floatToRat(s ? a.rl : a.rh);
        const ai = floatToRat(t ? a.il : a.ih);
        const br = floatToRat(u ? b.rl : b.rh);
        const bi = floatToRat(v ? b.il : b.ih);
        const p = ciMul(a, b);
        const re = QQ.sub(QQ.mul(ar, br), QQ.mul(ai, bi));
        const im = QQ.add(QQ.mul(ar, bi), QQ.mul(ai, br));
        const q = ciAdd(a, b);
        return inside(re, p.rl, p.rh) && inside(im, p.il, p.ih) && inside(QQ.add(ar, br), q.rl, q.rh) && inside(QQ.add(ai, bi), q.il, q.ih);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
