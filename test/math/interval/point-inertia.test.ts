// Inertia and values at the real points of a parametrization (src/math/realroots/point-inertia.ts):
// parametrizations from the modular route on small systems with known points, matrices whose inertia
// is known in closed form at every point (including singular ones, which only the exact route may
// report), decimals read off intervals (exact rounding), exact zero tests, and the shared-cache box
// evaluator (src/math/interval/evaluate.ts) against exact rational evaluation.
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, compareRat, rat } from '../../../src/math/field.js';
import { BoxEvaluator, dyadicToRat, evaluateOnBox, intervalFromRat, type Interval } from '../../../src/math/interval/index.js';
import { PolyRing, type Poly } from '../../../src/math/poly.js';
import { Random } from '../../../src/math/random.js';
import { inertiaAtRealSolutions } from '../../../src/math/real-inertia.js';
import { inertiaAtParametrizedPoints, intervalDecimal } from '../../../src/math/realroots/index.js';
import { parametrize } from '../../../src/math/zerodim/index.js';

const r = (n: number, d = 1): Rat => rat(BigInt(n), BigInt(d));
const interval = (lo: Rat, hi: Rat): Interval => ({ lo: intervalFromRat(lo, 200).lo, hi: intervalFromRat(hi, 200).hi });

describe('intervalDecimal', () => {
  it('gives the decimal only when both ends round alike, and 0 only for [0, 0]', () => {
    expect(intervalDecimal(interval(r(17499, 10000), r(17501, 10000)), 3)).toBe('1.75');
    expect(intervalDecimal(interval(r(17499, 10000), r(17501, 10000)), 5)).toBeUndefined();
    expect(intervalDecimal(interval(r(-1, 1000), r(1, 1000)), 3)).toBeUndefined();
    expect(intervalDecimal({ lo: { m: 0n, e: 0 }, hi: { m: 0n, e: 0 } }, 3)).toBe('0');
    expect(intervalDecimal(interval(r(-2, 3), r(-2, 3)), 4)).toBe('-0.6667');
  });
});

describe('BoxEvaluator', () => {
  it('shares powers between polynomials and contains every exact value on the box', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const [x, y] = [R.variable(0), R.variable(1)];
    const random = new Random(4);
    const polys: Poly<Rat>[] = [];
    for (let k = 0; k < 5; k++) {
      let f = R.zero();
      for (let t = 0; t < 4; t++) f = R.add(f, R.mul(R.constant(r(random.int(-9, 9), random.int(1, 5))), R.mul(R.pow(x, random.int(0, 3)), R.pow(y, random.int(0, 3)))));
      polys.push(f);
    }
    const box = [interval(r(1, 3), r(1, 2)), interval(r(-2), r(-3, 2))];
    const ev = new BoxEvaluator(box, 80);
    for (const f of polys) {
      const I = ev.evaluate(f);
      expect(I).toEqual(evaluateOnBox(f, box, 80));
      for (const pt of [[r(1, 3), r(-2)], [r(2, 5), r(-7, 4)], [r(1, 2), r(-3, 2)]]) {
        const v = R.evaluate(f, pt);
        expect(compareRat(dyadicToRat(I.lo), v) <= 0 && compareRat(v, dyadicToRat(I.hi)) <= 0).toBe(true);
      }
    }
  });
});

describe('inertiaAtParametrizedPoints', () => {
  // x^3 - 2x = 0, y^2 - 2 = 0: six real points (0 or ±√2, ±√2), a radical ideal.
  const R = new PolyRing(QQ, ['x', 'y']);
  const [x, y] = [R.variable(0), R.variable(1)];
  const two = R.fromInt(2);
  const gens = [R.sub(R.pow(x, 3), R.mul(two, x)), R.sub(R.mul(y, y), two)];

  it('a matrix singular at some points: those points go to the exact route and get their zero eigenvalues', () => {
    // diag(x^2 - 2, y - x): at (s, s), s = ±√2, both entries vanish; at (s, -s) the first; at (0, ±√2) none.
    const M: Poly<Rat>[][] = [
      [R.sub(R.mul(x, x), two), R.zero()],
      [R.zero(), R.sub(y, x)],
    ];
    const param = parametrize(R, gens, { seed: 2 });
    const res = inertiaAtParametrizedPoints(R, param, M, { digits: 12, maxBits: 128, evaluate: [R.sub(y, x)] });
    expect(res.points.length).toBe(6);
    expect(res.points.map((p) => p.inertia.zero).sort()).toEqual([0, 0, 1, 1, 2, 2]);
    expect(res.exact).toBe(4);
    for (const p of res.points) {
      const [px, py] = p.coordinates.map(Number);
      // Closed form: sign(x^2 - 2) and sign(y - x), zero when equal to 0.
      const a = Math.abs(px! * px! - 2) < 1e-9 ? 0 : Math.sign(px! * px! - 2);
      const b = Math.abs(py! - px!) < 1e-9 ? 0 : Math.sign(py! - px!);
      expect(p.inertia).toEqual({ positive: (a > 0 ? 1 : 0) + (b > 0 ? 1 : 0), negative: (a < 0 ? 1 : 0) + (b < 0 ? 1 : 0), zero: (a === 0 ? 1 : 0) + (b === 0 ? 1 : 0) });
      expect(p.inertiaBy).toBe(a === 0 ? 'exact' : 'interval');
      expect(p.signs[0]).toBe(b);
      if (b === 0) expect(p.values[0]).toBe('0');
      if (px === 0) expect(p.coordinates[0]).toBe('0');
    }
    // The old exact route agrees on the multiset of inertias.
    const old = inertiaAtRealSolutions(R, gens, M, { seed: 7 });
    const sig = (i: { positive: number; negative: number; zero: number }) => `${i.positive}${i.negative}${i.zero}`;
    expect(res.points.map((p) => sig(p.inertia)).sort()).toEqual(old.points.map((p) => sig(p.inertia)).sort());
  });

  it('values and coordinates are exactly rounded decimals, and (as a set of points) do not depend on the seed', () => {
    const M = [[R.add(R.mul(x, x), R.one())]];
    const h = R.add(R.mul(x, y), R.constant(r(1, 3)));
    const results = [1, 2, 3].map((seed) =>
      inertiaAtParametrizedPoints(R, parametrize(R, gens, { seed }), M, { digits: 15, evaluate: [h] })
        .points.map((p) => [p.coordinates, p.values, p.inertia])
        .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)),
    );
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    // x·y + 1/3 is 2 + 1/3, -2 + 1/3 or 1/3 at the six points.
    const values = results[0]!.map((p) => (p[1] as string[])[0]).sort();
    expect(values).toEqual(['-1.66666666666667', '-1.66666666666667', '0.333333333333333', '0.333333333333333', '2.33333333333333', '2.33333333333333']);
    expect(results[0]!.every((p) => (p[2] as { positive: number }).positive === 1)).toBe(true);
  });

  it('rejects a non-symmetric matrix', () => {
    const param = parametrize(R, gens, { seed: 2 });
    expect(() => inertiaAtParametrizedPoints(R, param, [[x, R.one()], [R.zero(), x]])).toThrow(/symmetric/);
  });
});
