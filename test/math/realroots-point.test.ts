// Real algebraic numbers and points (src/math/realroots/algebraic.ts, point.ts), checked against
// closed forms: √2 from T^2 - 2 (its decimal expansion, squares and comparisons with rationals), the
// division by T - 1 at √2 on w = (T^2 - 2)(T - 1) (= √2 + 1, while T - 1 vanishes at the other root
// 1), rational points; and on solved systems: every point satisfies the equations exactly (the
// generators evaluate to 0 at the point) and on its box (interval evaluation contains 0), and the
// points of the modular parametrization agree with those of the independent trace route (RUR).
import { describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { QQ, compareRat, rat, type Rat } from '../../src/math/field.js';
import { dyadicToRat, evaluateOnBox, intervalContainsZero, intervalWidth, compareDyadic } from '../../src/math/interval/index.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { PolyRing } from '../../src/math/poly.js';
import { AlgebraicRoot, RealAlgebraicNumber, RealAlgebraicPoint, isolateSquareFree } from '../../src/math/realroots/index.js';
import { countSolutions, parametrizationRepresentation, solve } from '../../src/math/solve.js';
import { parametrize } from '../../src/math/zerodim/parametrize.js';
import { katsura } from '../../src/math/systems.js';

// √2 = 1.41421356237309504880168872420969807856967...: 40 digits round to ...07857|0, the zero dropped.
const SQRT2_40 = '1.41421356237309504880168872420969807857';

/** The real roots of w as AlgebraicRoots, increasing. */
function roots(w: bigint[]): AlgebraicRoot[] {
  return isolateSquareFree(w).map((r) => new AlgebraicRoot(w, r));
}

function t(root: AlgebraicRoot): RealAlgebraicNumber {
  return RealAlgebraicNumber.fraction(root, [0n, 1n]);
}

function q(root: AlgebraicRoot, x: Rat): RealAlgebraicNumber {
  return RealAlgebraicNumber.rational(root, x);
}

describe('real algebraic numbers', () => {
  const [minus, plus] = roots([-2n, 0n, 1n]);

  it('prints √2 with exact rounding (known digits) and as a double', () => {
    expect(t(plus!).toDecimal(40)).toBe(SQRT2_40);
    expect(t(minus!).toDecimal(10)).toBe('-1.414213562');
    expect(t(plus!).toNumber()).toBe(Math.SQRT2);
    expect(t(minus!).toNumber()).toBe(-Math.SQRT2);
    // Doubles are the nearest ones, ties to even: 1 + 2^-53 -> 1, 1 + 3·2^-53 -> 1 + 2^-51.
    expect(q(plus!, rat(1n, 3n)).toNumber()).toBe(1 / 3);
    expect(q(plus!, rat(2n ** 53n + 1n, 2n ** 53n)).toNumber()).toBe(1);
    expect(q(plus!, rat(2n ** 53n + 3n, 2n ** 53n)).toNumber()).toBe(1 + 2 ** -51);
  });

  it('does exact arithmetic: (√2)^2 = 2, (1 + √2)(√2 - 1) = 1, 1/√2 = √2/2', () => {
    const s = t(plus!);
    expect(s.mul(s).rational()).toEqual(rat(2n));
    const one = q(plus!, rat(1n));
    expect(one.add(s).mul(s.sub(one)).rational()).toEqual(rat(1n));
    expect(one.div(s).equals(s.mul(q(plus!, rat(1n, 2n))))).toBe(true);
    expect(s.pow(-2).rational()).toEqual(rat(1n, 2n));
  });

  it('decides signs and comparisons with rationals exactly', () => {
    const s = t(plus!);
    // 1.41421356 < √2 < 1.41421357, and 140/99 < √2 < 99/70 (near continued-fraction convergents).
    expect(s.compare(q(plus!, rat(141421356n, 100000000n)))).toBe(1);
    expect(s.compare(q(plus!, rat(141421357n, 100000000n)))).toBe(-1);
    expect(s.compare(q(plus!, rat(99n, 70n)))).toBe(-1);
    expect(s.compare(q(plus!, rat(140n, 99n)))).toBe(1);
    expect(t(minus!).sign()).toBe(-1);
    expect(s.mul(s).sub(q(plus!, rat(2n))).sign()).toBe(0);
  });

  it('divides by an element that vanishes at another root of w, and refuses a division by zero', () => {
    // w = (T^2 - 2)(T - 1): roots -√2, 1, √2.
    const w = [2n, -2n, -1n, 1n];
    const [, one, root2] = roots(w);
    const r = t(root2!).sub(q(root2!, rat(1n))); // T - 1, zero at the root 1
    const inv = q(root2!, rat(1n)).div(r);
    expect(inv.equals(t(root2!).add(q(root2!, rat(1n))))).toBe(true); // 1/(√2 - 1) = √2 + 1
    expect(inv.toDecimal(20)).toBe('2.4142135623730950488');
    const r1 = t(one!).sub(q(one!, rat(1n)));
    expect(() => q(one!, rat(1n)).div(r1)).toThrow(MathError);
    // T^2 - 2 vanishes at √2 but is -1 at the root 1.
    const u = t(one!).mul(t(one!)).sub(q(one!, rat(2n)));
    expect(q(one!, rat(1n)).div(u).compare(q(one!, rat(-1n)))).toBe(0);
    expect(q(one!, rat(1n)).div(u).toDecimal(5)).toBe('-1');
    const v = t(root2!).mul(t(root2!)).sub(q(root2!, rat(2n)));
    expect(() => q(root2!, rat(1n)).div(v)).toThrow(/zero at this point/);
  });

  it('refuses to mix numbers of different roots, but accepts the same root found twice', () => {
    expect(() => t(plus!).add(t(minus!))).toThrow(/different points/);
    const again = roots([-2n, 0n, 1n])[1]!;
    expect(t(plus!).sub(t(again)).sign()).toBe(0);
    expect(plus!.sameRoot(again)).toBe(true);
    expect(plus!.sameRoot(minus!)).toBe(false);
  });

  it('encloses the value in intervals of any width', () => {
    const s = t(plus!);
    for (const bits of [10, 60, 200]) {
      const x = s.enclosure(bits);
      expect(compareDyadic(intervalWidth(x), { m: 1n, e: -bits })).toBeLessThanOrEqual(0);
      // lo^2 <= 2 <= hi^2 with lo, hi > 0: √2 is inside.
      const lo = dyadicToRat(x.lo);
      const hi = dyadicToRat(x.hi);
      expect(compareRat(QQ.mul(lo, lo), rat(2n))).toBeLessThanOrEqual(0);
      expect(compareRat(QQ.mul(hi, hi), rat(2n))).toBeGreaterThanOrEqual(0);
    }
  });

  it('rounds a value on a rounding boundary exactly: (1 + √2) - √2 = 1, 1/8 = 0.125', () => {
    const s = t(plus!);
    expect(q(plus!, rat(1n)).add(s).sub(s).toDecimal(3)).toBe('1');
    expect(s.sub(s).add(q(plus!, rat(1n, 8n))).toDecimal(2)).toBe('0.12');
  });
});

describe('real algebraic points', () => {
  const R = new PolyRing(QQ, ['x', 'y']);
  const P = (s: string) => parsePoly(R, s);

  function checkPoints(gens: ReturnType<typeof P>[], points: RealAlgebraicPoint[]) {
    for (const p of points) {
      for (const g of gens) {
        expect(p.evaluate(g).sign()).toBe(0);
        expect(intervalContainsZero(evaluateOnBox(g, p.box(80), 256))).toBe(true);
      }
    }
  }

  it('the circle and the line: (±1/√2, ±1/√2), exact and on boxes', () => {
    const gens = [P('x^2 + y^2 - 1'), P('x - y')];
    const param = parametrize(R, gens, { seed: 1 });
    const points = RealAlgebraicPoint.all(parametrizationRepresentation(param));
    expect(points.length).toBe(2);
    checkPoints(gens, points);
    const decimals = points.map((p) => p.decimals(12)).sort();
    expect(decimals).toEqual([
      ['-0.707106781187', '-0.707106781187'],
      ['0.707106781187', '0.707106781187'],
    ]);
    for (const p of points) {
      // x^2 = 1/2 exactly, and x·y - 1/2 = 0.
      const x = p.coordinate(0);
      expect(x.mul(x).compare(p.rational(rat(1n, 2n)))).toBe(0);
      expect(p.evaluate(P('x*y')).compare(p.rational(rat(1n, 2n)))).toBe(0);
    }
  });

  it('a rational coordinate is the rational: x = 1/2 on x - 1/2, y^2 - 3', () => {
    const gens = [P('2*x - 1'), P('y^2 - 3')];
    const points = RealAlgebraicPoint.all(parametrizationRepresentation(parametrize(R, gens, { seed: 3 })));
    expect(points.length).toBe(2);
    checkPoints(gens, points);
    for (const p of points) {
      expect(p.coordinate(0).compare(p.rational(rat(1n, 2n)))).toBe(0);
      expect(p.coordinate(0).toDecimal(30)).toBe('0.5');
      expect(p.coordinate(1).mul(p.coordinate(1)).compare(p.rational(rat(3n)))).toBe(0);
    }
  });

  it('agrees with the independent trace route (RUR) on a system with 4 real points of 6', () => {
    const gens = [P('x^3 - 3*x*y^2 - x + 1/5'), P('y^2 + x^2 - 2')];
    const byParam = solve(R, gens, { seed: 5 });
    const byRur = solve(R, gens, { method: 'rur', seed: 11 });
    const a = RealAlgebraicPoint.all(byParam.representation!);
    const b = RealAlgebraicPoint.all(byRur.representation!);
    expect(a.length).toBe(byParam.real);
    expect(b.length).toBe(a.length);
    checkPoints(gens, a);
    checkPoints(gens, b);
    const key = (ps: RealAlgebraicPoint[]) => ps.map((p) => p.decimals(25).join(' ')).sort();
    expect(key(a)).toEqual(key(b));
    expect(key(a)).toEqual(solve(R, gens, { seed: 5, digits: 25 }).points.map((p) => p.join(' ')).sort());
  });

  it('writes its exact data and reads it back; equality is exact on one root and refuses to guess across polynomials', () => {
    const gens = [P('x^2 + y^2 - 1'), P('x - y')];
    const a = RealAlgebraicPoint.all(solve(R, gens, { seed: 5 }).representation!);
    const b = RealAlgebraicPoint.all(solve(R, gens, { method: 'rur', seed: 11 }).representation!);
    for (const p of a) {
      const back = RealAlgebraicPoint.fromData(p.toData());
      expect(back.equals(p)).toBe(true);
      expect(back.decimals(20)).toEqual(p.decimals(20));
    }
    expect(a[0]!.equals(a[1]!)).toBe(false);
    // Across the two representations (different polynomials w): different points are told apart by
    // their boxes, the same point is not decided.
    for (const p of a) {
      for (const q of b) {
        if (p.decimals(20).join() === q.decimals(20).join()) expect(() => p.equals(q)).toThrow(/not decided/);
        else expect(p.equals(q)).toBe(false);
      }
    }
    expect(() => RealAlgebraicPoint.fromData({ ...a[0]!.toData(), lo: rat(5n), hi: rat(6n) })).toThrow(/does not isolate/);
  });

  it('refuses a polynomial in the wrong number of variables and a coordinate out of range', () => {
    const [p] = RealAlgebraicPoint.all({ polynomial: [-2n, 0n, 1n], coordinates: [{ numerator: [0n, 1n], denominator: [1n] }] });
    expect(() => p!.evaluate(P('x + y'))).toThrow(/2 variables/);
    expect(() => p!.coordinate(1)).toThrow(MathError);
  });
});

describe('decimals by intervals (decimalsOfFractions, toDecimal) against the exact route', () => {
  it('agree with exact rounding on every coordinate of katsura-4, at several digit counts', () => {
    const { ring: R, gens } = katsura(QQ, 4);
    const s = solve(R, gens, { seed: 3 });
    expect(s.exactPoints?.length).toBe(s.real);
    for (const p of s.exactPoints!) {
      for (const digits of [1, 7, 30, 61]) {
        const fast = p.decimals(digits);
        expect(fast).toEqual(p.coordinates().map((x) => x.exactDecimal(digits)));
      }
    }
  });

  it('decide zeros and values on a rounding boundary (both left to the exact route)', () => {
    // Two points with x = 0.125 (on a rounding boundary at 2 digits: half to even gives 0.12), y = 0
    // exactly, and z = ±√2.
    const R = new PolyRing(QQ, ['x', 'y', 'z']);
    const gens = ['8*x - 1', 'y*(z - 5)', 'z^2 - 2'].map((g) => parsePoly(R, g));
    const s = solve(R, gens, { seed: 1 });
    expect(s.real).toBe(2);
    for (const p of s.exactPoints!) {
      expect(p.decimals(2).slice(0, 2)).toEqual(['0.12', '0']);
      expect(p.decimals(3).slice(0, 2)).toEqual(['0.125', '0']);
      expect(p.decimals(30)).toEqual(p.coordinates().map((x) => x.exactDecimal(30)));
    }
    expect(s.points).toEqual([
      ['0.125', '0', '-1.41421356237309504880168872421'],
      ['0.125', '0', '1.41421356237309504880168872421'],
    ]);
  });

  it('countSolutions and solve on one generator list compute the parametrization once', () => {
    const { ring: R, gens } = katsura(QQ, 3);
    const count = countSolutions(R, gens, { seed: 4 });
    const s = solve(R, gens, { seed: 4 });
    expect(count.complex).toBe(s.complex);
    expect(s.provenance).toBe(count.provenance);
    // Another seed is another parametrization (another linear form), with the same counts.
    const other = solve(R, gens, { seed: 5 });
    expect(other.provenance).not.toBe(count.provenance);
    expect([other.complex, other.real]).toEqual([s.complex, s.real]);
  });

  it('solve isolates the real roots for the counts and computes decimals only when points are read', () => {
    const { ring: R, gens } = katsura(QQ, 3);
    const s = solve(R, gens, { seed: 2, digits: 20 });
    const numbers = s.exactPoints!.flatMap((p) => p.coordinates());
    expect(numbers.every((x) => x.knownDecimal(20) === undefined)).toBe(true);
    expect(s.points.length).toBe(s.real);
    expect(numbers.every((x) => x.knownDecimal(20) !== undefined)).toBe(true);
  });
});
