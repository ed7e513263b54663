// Real points of a rational parametrization x_i = v_i(T) / (d_i w'(T)) (src/math/realroots/
// parametrization.ts), on parametrizations built by hand from known points (T = x + 2y): each true
// point, rational or quadratic irrational, must lie in its box (checked exactly with rationals), and
// every box must be as narrow as asked.
import { describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { QQ, type Rat, compareRat, rat } from '../../src/math/field.js';
import { bigLcm } from '../../src/math/integers.js';
import { type Interval, dyadicToNumber, dyadicToRat } from '../../src/math/interval/index.js';
import { Random } from '../../src/math/random.js';
import { realParametrizedPoints } from '../../src/math/realroots/index.js';
import { intMul } from '../../src/math/univariate/index.js';

function contains(a: Interval, x: Rat): boolean {
  return compareRat(dyadicToRat(a.lo), x) <= 0 && compareRat(x, dyadicToRat(a.hi)) <= 0;
}

/** Whether s·√n (s = ±1, n > 0 an integer) lies in a, decided exactly by squaring. */
function containsSqrt(a: Interval, s: 1 | -1, n: bigint): boolean {
  const lo = dyadicToRat(s === 1 ? a.lo : { m: -a.hi.m, e: a.hi.e });
  const hi = dyadicToRat(s === 1 ? a.hi : { m: -a.lo.m, e: a.lo.e });
  // Now test √n in [lo, hi].
  const N = rat(n);
  const loOk = lo.num <= 0n || compareRat(QQ.mul(lo, lo), N) <= 0;
  const hiOk = hi.num >= 0n && compareRat(QQ.mul(hi, hi), N) >= 0;
  return loOk && hiOk;
}

function width(a: Interval): Rat {
  return QQ.sub(dyadicToRat(a.hi), dyadicToRat(a.lo));
}

/** Integer coefficients of a rational polynomial times the lcm of its denominators, and that lcm. */
function clear(p: readonly Rat[]): { v: bigint[]; d: bigint } {
  let d = 1n;
  for (const c of p) d = bigLcm(d, c.den);
  return { v: p.map((c) => c.num * (d / c.den)), d };
}

function ratMul(a: readonly Rat[], b: readonly Rat[]): Rat[] {
  const r = new Array<Rat>(a.length + b.length - 1).fill(QQ.zero);
  a.forEach((x, i) => b.forEach((y, j) => (r[i + j] = QQ.add(r[i + j]!, QQ.mul(x, y)))));
  return r;
}

/**
 * The parametrization of distinct rational points through T = x + 2y: w = prod (den_j T - num_j) and,
 * by Lagrange, v_x(T) = sum_j x_j w(T) / (T - t_j), so that v_x(t_j) = x_j w'(t_j).
 */
function parametrize(points: readonly [Rat, Rat][]) {
  const ts = points.map(([x, y]) => QQ.add(x, QQ.mul(rat(2n), y)));
  let w: bigint[] = [1n];
  for (const t of ts) w = intMul(w, [-t.num, t.den]);
  const lc = rat(w[w.length - 1]!);
  const coordinate = (k: 0 | 1) => {
    let v: Rat[] = [QQ.zero];
    points.forEach((p, j) => {
      let term: Rat[] = [QQ.mul(lc, p[k])];
      ts.forEach((t, l) => {
        if (l !== j) term = ratMul(term, [QQ.neg(t), QQ.one]);
      });
      v = v.length >= term.length ? v.map((c, i) => QQ.add(c, term[i] ?? QQ.zero)) : term.map((c, i) => QQ.add(c, v[i] ?? QQ.zero));
    });
    return clear(v);
  };
  return { w, ts, coordinates: [coordinate(0), coordinate(1)] };
}

describe('real points of a rational parametrization', () => {
  it('rational points: each lies in its box, boxes narrower than asked', () => {
    const points: [Rat, Rat][] = [
      [rat(1n), rat(2n)],
      [rat(-3n), rat(1n, 2n)],
      [rat(0n), rat(-2n)],
      [rat(5n, 3n), rat(2n)],
      [rat(7n, 11n), rat(-13n, 5n)],
    ];
    const { w, ts, coordinates } = parametrize(points);
    for (const bound of [rat(1n, 10n), rat(1n, 10n ** 30n)]) {
      const result = realParametrizedPoints(w, coordinates, bound);
      expect(result.length).toBe(points.length);
      const order = ts.map((t, j) => [t, j] as const).sort((a, b) => compareRat(a[0], b[0]));
      result.forEach((r, k) => {
        const j = order[k]![1];
        expect(contains({ lo: r.t.lo, hi: r.t.hi }, ts[j]!)).toBe(true);
        r.box.forEach((side, i) => {
          expect(contains(side, points[j]![i]!)).toBe(true);
          expect(compareRat(width(side), bound)).toBeLessThanOrEqual(0);
        });
      });
    }
  });

  it('random rational points (including T values hit exactly by bisection)', () => {
    const rng = new Random(12);
    let exact = 0;
    for (let trial = 0; trial < 15; trial++) {
      const points: [Rat, Rat][] = [];
      const seen = new Set<string>();
      while (points.length < rng.int(1, 7)) {
        const p: [Rat, Rat] = [rat(rng.bigint(-20n, 20n), rng.bigint(1n, 6n)), rat(rng.bigint(-20n, 20n), rng.bigint(1n, 6n))];
        const t = QQ.add(p[0], QQ.mul(rat(2n), p[1]));
        const key = `${t.num}/${t.den}`;
        if (seen.has(key)) continue;
        seen.add(key);
        points.push(p);
      }
      const { w, ts, coordinates } = parametrize(points);
      const bound = rat(1n, 1n << BigInt(rng.int(1, 120)));
      const result = realParametrizedPoints(w, coordinates, bound);
      expect(result.length).toBe(points.length);
      for (const r of result) {
        if (r.t.signLo === 0) exact++;
        const j = ts.findIndex((t) => contains({ lo: r.t.lo, hi: r.t.hi }, t));
        expect(j).toBeGreaterThanOrEqual(0);
        r.box.forEach((side, i) => {
          expect(contains(side, points[j]![i]!)).toBe(true);
          expect(compareRat(width(side), bound)).toBeLessThanOrEqual(0);
        });
      }
    }
    expect(exact).toBeGreaterThan(0);
  });

  it('quadratic irrational points (±√2, ±√3) of x^2 = 2, y^2 = 3', () => {
    // T = x + 2y: w = T^4 - 28 T^2 + 100; x = (T^3 - 18 T)/20 and y = (38 T - T^3)/40 at its roots, so
    // v_x = (T^3 - 18T)·w'(T) with d_x = 20, v_y = (38T - T^3)·w'(T) with d_y = 40.
    const w = [100n, 0n, -28n, 0n, 1n];
    const dw = [0n, -56n, 0n, 4n];
    const vx = intMul([0n, -18n, 0n, 1n], dw);
    const vy = intMul([0n, 38n, 0n, -1n], dw);
    const bound = rat(1n, 10n ** 20n);
    const result = realParametrizedPoints(w, [{ v: vx, d: 20n }, { v: vy, d: 40n }], bound);
    expect(result.length).toBe(4);
    const signs: [1 | -1, 1 | -1][] = [
      [1, 1],
      [1, -1],
      [-1, 1],
      [-1, -1],
    ];
    const expected = signs
      .map(([sx, sy]) => ({ sx, sy, t: sx * Math.SQRT2 + 2 * sy * Math.sqrt(3) }))
      .sort((a, b) => a.t - b.t);
    result.forEach((r, k) => {
      const e = expected[k]!;
      expect(dyadicToNumber(r.t.lo)).toBeLessThanOrEqual(e.t + 1e-9);
      expect(dyadicToNumber(r.t.hi)).toBeGreaterThanOrEqual(e.t - 1e-9);
      expect(containsSqrt(r.box[0]!, e.sx, 2n)).toBe(true);
      expect(containsSqrt(r.box[1]!, e.sy, 3n)).toBe(true);
      for (const side of r.box) expect(compareRat(width(side), bound)).toBeLessThanOrEqual(0);
    });
  });

  it('skips the non-real points of w', () => {
    // x^2 = -1 or x = 2, y = 0: T = x; w = (T^2 + 1)(T - 2) has one real root.
    const w = intMul([1n, 0n, 1n], [-2n, 1n]);
    const dw = [1n, -4n, 3n];
    const result = realParametrizedPoints(w, [{ v: intMul([0n, 1n], dw), d: 1n }, { v: [], d: 1n }], rat(1n, 1000n));
    expect(result.length).toBe(1);
    expect(contains(result[0]!.box[0]!, rat(2n))).toBe(true);
    expect(contains(result[0]!.box[1]!, rat(0n))).toBe(true);
  });

  it('rejects a w that is not square-free, a non-positive width or denominator', () => {
    expect(() => realParametrizedPoints([1n, -2n, 1n], [{ v: [1n], d: 1n }], rat(1n, 10n))).toThrow(/square-free/);
    expect(() => realParametrizedPoints([-2n, 1n], [{ v: [1n], d: 1n }], rat(0n))).toThrow(MathError);
    expect(() => realParametrizedPoints([-2n, 1n], [{ v: [1n], d: 0n }], rat(1n))).toThrow(MathError);
    expect(() => realParametrizedPoints([-2n, 1n], [{ v: [1n], d: 1n }], rat(1n), { signal: { aborted: true } })).toThrow(/interrupted/);
  });
});
