// Double-double fallback (src/math/numeric/double-double.ts, dd-system.ts, dd-lu.ts, dd-tracker.ts):
// the arithmetic against exact rationals, the compiled evaluation against exact evaluation, and a
// cluster that double precision cannot resolve (coefficients whose rounding to doubles merges two
// roots 2·10⁻¹⁰ apart) tracked and certified in double-double, checked against the closed form.
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, rat } from '../../../src/math/field.js';
import { PolyRing } from '../../../src/math/poly.js';
import { Random } from '../../../src/math/random.js';
import { floatToRat } from '../../../src/math/numeric/float-interval.js';
import { ddAdd, ddDiv, ddMul, hi, lo } from '../../../src/math/numeric/double-double.js';
import { ComplexSystemDD, ddPolynomial } from '../../../src/math/numeric/dd-system.js';
import { ComplexLUDD } from '../../../src/math/numeric/dd-lu.js';
import { ProjectiveHomotopy } from '../../../src/math/numeric/homotopy.js';
import { PathTracker } from '../../../src/math/numeric/tracker.js';
import { solveNumerical } from '../../../src/math/numeric/solve-numerical.js';
import { randomChart, toChart } from '../../../src/math/numeric/homotopy.js';
import { CompiledFamily, ParameterHomotopy } from '../../../src/math/numeric/parameter-homotopy.js';
import { parametricFamily } from '../../../src/math/numeric/family.js';
import { monodromySolve } from '../../../src/math/numeric/monodromy.js';

const exact = (h: number, l: number): Rat => QQ.add(floatToRat(h), floatToRat(l));

/**
 * Re(x) - 1 in units of 10⁻¹⁰ for the endpoint's x = z₁/z₀, in exact rationals from the double-double parts
 * (x = (z₁·conj z₀)/|z₀|² for complex z₀, z₁).
 */
function offsetFromOne(r: { z: Float64Array; zLo?: Float64Array | undefined }): number {
  const z0 = exact(r.z[0]!, r.zLo![0]!);
  const i0 = exact(r.z[1]!, r.zLo![1]!);
  const z1 = exact(r.z[2]!, r.zLo![2]!);
  const i1 = exact(r.z[3]!, r.zLo![3]!);
  const d = QQ.add(QQ.mul(z0, z0), QQ.mul(i0, i0));
  const re = QQ.div(QQ.add(QQ.mul(z1, z0), QQ.mul(i1, i0)), d);
  const v = QQ.mul(QQ.sub(re, QQ.one), rat(10n ** 10n));
  return Number(v.num) / Number(v.den);
}
const relErr = (a: Rat, b: Rat): number => {
  const d = QQ.sub(a, b);
  const num = Math.abs(Number(d.num) / Number(d.den));
  const den = Math.abs(Number(b.num) / Number(b.den));
  return den === 0 ? num : num / den;
};

describe('double-double arithmetic', () => {
  it('sums, products and quotients within 2^-100 relative of the exact rationals', () => {
    const random = new Random(7);
    for (let k = 0; k < 200; k++) {
      const a = [(random.nextFloat() - 0.5) * 2 ** (k % 40), (random.nextFloat() - 0.5) * 2 ** ((k % 40) - 60)] as const;
      const b = [(random.nextFloat() - 0.5) * 2 ** -(k % 30), (random.nextFloat() - 0.5) * 2 ** (-(k % 30) - 60)] as const;
      ddAdd(a[0] + 0, 0, a[1], 0);
      const A = [hi(), lo()] as const;
      ddAdd(b[0], 0, b[1], 0);
      const B = [hi(), lo()] as const;
      const ea = exact(...A);
      const eb = exact(...B);
      ddMul(A[0], A[1], B[0], B[1]);
      expect(relErr(exact(hi(), lo()), QQ.mul(ea, eb))).toBeLessThan(2 ** -100);
      ddDiv(A[0], A[1], B[0], B[1]);
      expect(relErr(exact(hi(), lo()), QQ.div(ea, eb))).toBeLessThan(2 ** -100);
      ddAdd(A[0], A[1], B[0], B[1]);
      const sum = QQ.add(ea, eb);
      if (sum.num !== 0n) expect(relErr(exact(hi(), lo()), sum)).toBeLessThan(2 ** -100);
    }
  });

  it('a compiled system evaluates to within 2^-95 of the exact value; LU solves to a residual of 2^-95', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const [x, y] = [R.variable(0), R.variable(1)];
    const f = R.add(R.sub(R.mul(R.pow(x, 3), y), R.scale(R.pow(y, 2), rat(1n, 3n))), R.constant(rat(2n, 7n)));
    const g = R.sub(R.mul(x, y), R.constant(rat(5n, 11n)));
    const sys = new ComplexSystemDD(2, [ddPolynomial(f), ddPolynomial(g)]);
    // a real point (x, y) = (0.3 + 1e-20, -1.7)
    const z = Float64Array.of(0.3, 1e-20, 0, 0, -1.7, 0, 0, 0);
    const value = new Float64Array(8);
    const jac = new Float64Array(16);
    sys.evaluate(z, value, jac);
    const X = exact(0.3, 1e-20);
    const Y = exact(-1.7, 0);
    const pow = (a: Rat, e: number): Rat => (e === 0 ? QQ.one : QQ.mul(a, pow(a, e - 1)));
    const ev = (p: typeof f) => p.mons.reduce((s, m, k) => QQ.add(s, QQ.mul(p.coeffs[k]!, QQ.mul(pow(X, m[0]!), pow(Y, m[1]!)))), QQ.zero);
    expect(relErr(exact(value[0]!, value[1]!), ev(f))).toBeLessThan(2 ** -95);
    expect(relErr(exact(value[4]!, value[5]!), ev(g))).toBeLessThan(2 ** -95);
    expect(relErr(exact(jac[0]!, jac[1]!), ev(R.diff(f, 0)))).toBeLessThan(2 ** -95);
    expect(relErr(exact(jac[12]!, jac[13]!), ev(R.diff(g, 1)))).toBeLessThan(2 ** -95);
    // J·d = v solved in double-double: the residual J·d - v, computed exactly, is tiny
    const lu = new ComplexLUDD(2);
    expect(lu.factor(jac)).toBe(true);
    const d = value.slice();
    lu.solve(d);
    for (let i = 0; i < 2; i++) {
      let r = QQ.neg(exact(value[4 * i]!, value[4 * i + 1]!));
      for (let j = 0; j < 2; j++) r = QQ.add(r, QQ.mul(exact(jac[4 * (2 * i + j)]!, jac[4 * (2 * i + j) + 1]!), exact(d[4 * j]!, d[4 * j + 1]!)));
      expect(Math.abs(Number(r.num) / Number(r.den))).toBeLessThan(2 ** -95);
    }
  });
});

describe('a cluster double precision merges, tracked in double-double', () => {
  // (x - 1)² = 10⁻²⁰, y = x + 1: the roots x = 1 ± 10⁻¹⁰; the constant 1 - 10⁻²⁰ rounds to 1 in doubles
  const R = new PolyRing(QQ, ['x', 'y']);
  const [x, y] = [R.variable(0), R.variable(1)];
  const eps = rat(1n, 10n ** 20n);
  const F = [R.sub(R.pow(R.sub(x, R.one()), 2), R.constant(eps)), R.sub(y, R.add(x, R.one()))];
  const homotopy = ProjectiveHomotopy.totalDegree(2, F, new Random(3));
  const endpoints = (doubleDouble: boolean) => {
    const tracker = new PathTracker(homotopy, { doubleDouble });
    return [0, 1].map((k) => {
      const z = new Float64Array(6);
      homotopy.startSolution(k, z);
      return tracker.track(z);
    });
  };

  it('in double precision alone neither path ends at a regular point', () => {
    const rs = endpoints(false);
    expect(rs.every((r) => r.status !== 'finite')).toBe(true);
  });

  it('in double-double both paths end finite, at 1 + 10⁻¹⁰ and 1 - 10⁻¹⁰', () => {
    const rs = endpoints(true);
    expect(rs.map((r) => [r.status, r.precision])).toEqual([
      ['finite', 'double-double'],
      ['finite', 'double-double'],
    ]);
    const offsets = rs.map(offsetFromOne);
    offsets.sort((a, b) => a - b);
    expect(offsets[0]).toBeCloseTo(-1, 6);
    expect(offsets[1]).toBeCloseTo(1, 6);
  });
});

describe('certified in higher precision', () => {
  it('the cluster 1 ± 10⁻¹⁰ of exact coefficients: two certified real solutions, complete', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const [x, y] = [R.variable(0), R.variable(1)];
    const F = [R.sub(R.pow(R.sub(x, R.one()), 2), R.constant(rat(1n, 10n ** 20n))), R.sub(y, R.add(x, R.one()))];
    const r = solveNumerical(R, F, { seed: 3, expected: 2 });
    expect([r.complex, r.real, r.complete, r.certified]).toEqual([2, 2, true, true]);
    expect(r.statistics.doubleDouble).toBe(2);
    expect(r.statistics.precise).toBe(2);
    // the certified enclosures hold 1 - 10⁻¹⁰ and 1 + 10⁻¹⁰ (closed form) and are disjoint
    const xs = r.solutions.map((c) => c.enclosure[0]!).sort((a, b) => a.rl - b.rl);
    const root = (sign: number) => 1 + sign * 1e-10;
    expect(xs[0]!.rl <= root(-1) + 1e-15 && root(-1) - 1e-15 <= xs[0]!.rh).toBe(true);
    expect(xs[1]!.rl <= root(1) + 1e-15 && root(1) - 1e-15 <= xs[1]!.rh).toBe(true);
    expect(xs[0]!.rh < xs[1]!.rl).toBe(true);
  });

  it('two simple roots 10⁻⁸ apart come out as two certified points, never one', () => {
    // x² - 2x + 1 - 10⁻¹⁶ (roots 1 ± 10⁻⁸), y = 2x
    const R = new PolyRing(QQ, ['x', 'y']);
    const [x, y] = [R.variable(0), R.variable(1)];
    const F = [R.sub(R.pow(R.sub(x, R.one()), 2), R.constant(rat(1n, 10n ** 16n))), R.sub(y, R.scale(x, rat(2n)))];
    const r = solveNumerical(R, F, { seed: 1, expected: 2 });
    expect([r.complex, r.real, r.complete, r.certified]).toEqual([2, 2, true, true]);
    expect(r.singular).toEqual([]);
  });
});

describe('a parameter homotopy to a cluster double precision merges, tracked in double-double', () => {
  // (x - 1)² - a, y - x - 1 with the parameter a, from a = 1/4 (x = 1/2, 3/2) to a = 10⁻²⁰ (x = 1 ± 10⁻¹⁰):
  // the instance's constant 1 - a rounds to 1 in doubles (a double root); the family's coefficients in
  // double-double keep it
  const S = new PolyRing(QQ, ['x', 'y', 'a']);
  const [x, y, a] = [S.variable(0), S.variable(1), S.variable(2)];
  const gens = [S.sub(S.pow(S.sub(x, S.one()), 2), a), S.sub(y, S.add(x, S.one()))];
  const family = parametricFamily(S, gens, [2], [rat(1n, 10n ** 20n)]);
  const compiled = new CompiledFamily(family);
  const chart = randomChart(new Random(5), 2);
  const homotopy = new ParameterHomotopy(compiled, chart);
  homotopy.setPath(compiled.point([rat(1n, 4n)]), compiled.target(), [Math.cos(1), Math.sin(1)]);
  const endpoints = (doubleDouble: boolean) => {
    const tracker = new PathTracker(homotopy, { doubleDouble });
    return [0.5, 1.5].map((x0) => {
      const z = Float64Array.of(1, 0, x0, 0, x0 + 1, 0);
      toChart(chart, z, 3);
      return tracker.track(z);
    });
  };

  it('in double precision alone neither path ends at a regular point', () => {
    expect(endpoints(false).every((r) => r.status !== 'finite')).toBe(true);
  });

  it('in double-double both end finite, at 1 - 10⁻¹⁰ and 1 + 10⁻¹⁰ (from 1/2 and 3/2)', () => {
    const rs = endpoints(true);
    expect(rs.map((r) => [r.status, r.precision])).toEqual([
      ['finite', 'double-double'],
      ['finite', 'double-double'],
    ]);
    const offsets = rs.map(offsetFromOne);
    expect(offsets[0]).toBeCloseTo(-1, 6);
    expect(offsets[1]).toBeCloseTo(1, 6);
  });

  it('monodromy to the instance certifies both solutions, complete, and counts the double-double paths', () => {
    const r = monodromySolve(family, { seed: 4, expected: 2 });
    expect([r.complex, r.real, r.complete, r.certified]).toEqual([2, 2, true, true]);
    expect(r.statistics.doubleDouble).toBeGreaterThan(0);
    const roots = r.solutions.map((c) => c.enclosure[0]!);
    for (const sign of [-1n, 1n]) {
      // 1 ± 10⁻¹⁰ in exact rationals inside one enclosure
      const root = QQ.add(QQ.one, rat(sign, 10n ** 10n));
      expect(roots.some((e) => QQ.sub(floatToRat(e.rl), root).num <= 0n && QQ.sub(floatToRat(e.rh), root).num >= 0n)).toBe(true);
    }
  });
});
