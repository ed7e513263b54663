// Certified complex roots (src/math/realroots/complex.ts), checked against roots known in closed form:
// ±i, the integers 1..10 of Wilkinson's polynomial, the 7th roots of 2 (2^(1/7)·e^(2πik/7)), and on
// solved systems the complex solutions ±(i/√2, i/√2) of x^2 + y^2 + 1 = 0, x = y, and the double root
// (0, 1) of (x^2, y - 1): each disk must hold its known root (checked exactly on dyadics, or to double
// precision for the trigonometric ones), the real ones must be flagged, the counts must be the degrees.
import { describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { QQ } from '../../src/math/field.js';
import { compareDyadic, dyadicAdd, dyadicMul, dyadicSub, dyadicToNumber, type Dyadic } from '../../src/math/interval/index.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { PolyRing } from '../../src/math/poly.js';
import { certifiedComplexRoots, complexSolutions, midpointAndError, squareFreeDecomposition } from '../../src/math/realroots/complex.js';
import { solve } from '../../src/math/solve.js';
import { intMul } from '../../src/math/univariate/index.js';

const d = (n: bigint): Dyadic => ({ m: n, e: 0 });

/** Whether the exact point a + ib lies in the disk (exact dyadic arithmetic). */
function holds(disk: { re: Dyadic; im: Dyadic; radius: Dyadic }, a: Dyadic, b: Dyadic): boolean {
  const x = dyadicSub(disk.re, a);
  const y = dyadicSub(disk.im, b);
  return compareDyadic(dyadicAdd(dyadicMul(x, x), dyadicMul(y, y)), dyadicMul(disk.radius, disk.radius)) <= 0;
}

describe('certified complex roots', () => {
  it('T^2 + 1: two non-real disks holding i and -i', () => {
    const disks = certifiedComplexRoots([1n, 0n, 1n]);
    expect(disks.length).toBe(2);
    expect(disks.every((x) => !x.real)).toBe(true);
    expect(disks.filter((x) => holds(x, d(0n), d(1n))).length).toBe(1);
    expect(disks.filter((x) => holds(x, d(0n), d(-1n))).length).toBe(1);
  });

  it("Wilkinson's (T - 1)...(T - 10): ten real disks, each holding one integer", () => {
    let w: bigint[] = [1n];
    for (let k = 1n; k <= 10n; k++) w = intMul(w, [-k, 1n]);
    const disks = certifiedComplexRoots(w);
    expect(disks.length).toBe(10);
    for (let k = 1n; k <= 10n; k++) expect(disks.filter((x) => x.real && holds(x, d(k), d(0n))).length).toBe(1);
  });

  it('T^7 - 2: one real root and three conjugate pairs at 2^(1/7)·e^(2πik/7)', () => {
    const disks = certifiedComplexRoots([-2n, 0n, 0n, 0n, 0n, 0n, 0n, 1n]);
    expect(disks.length).toBe(7);
    expect(disks.filter((x) => x.real).length).toBe(1);
    const r = 2 ** (1 / 7);
    for (let k = 0; k < 7; k++) {
      const [a, b] = [r * Math.cos((2 * Math.PI * k) / 7), r * Math.sin((2 * Math.PI * k) / 7)];
      const near = disks.filter((x) => Math.hypot(dyadicToNumber(x.re) - a, dyadicToNumber(x.im) - b) < 1e-12);
      expect(near.length).toBe(1);
    }
  });

  it("Yun's square-free decomposition: (T - 1)(T + 1)^2 T^3", () => {
    const a = intMul(intMul([-1n, 1n], intMul([1n, 1n], [1n, 1n])), [0n, 0n, 0n, 1n]);
    expect(squareFreeDecomposition(a)).toEqual([[-1n, 1n], [1n, 1n], [0n, 1n]]);
  });
});

describe('complex solutions of systems', () => {
  const R = new PolyRing(QQ, ['x', 'y']);
  const P = (s: string) => parsePoly(R, s);

  it('x^2 + y^2 + 1, x - y: ±(i/√2, i/√2), not real, within the stated error', () => {
    const s = solve(R, [P('x^2 + y^2 + 1'), P('x - y')], { seed: 2 });
    expect(s.real).toBe(0);
    const sols = complexSolutions(s.representation!);
    expect(sols.length).toBe(2);
    const half = Math.SQRT1_2;
    for (const sol of sols) {
      expect(sol.disk.real).toBe(false);
      expect(sol.multiplicity).toBe(1);
      for (const z of sol.coordinates) {
        const re = midpointAndError(z.re);
        const im = midpointAndError(z.im);
        expect(Math.abs(re.value)).toBeLessThanOrEqual(re.error + 1e-300);
        expect(Math.abs(Math.abs(im.value) - half)).toBeLessThanOrEqual(im.error + 2e-16);
        expect(im.error).toBeLessThan(1e-10);
      }
    }
    // The enclosures hold the exact values: x = y = ±i/√2, so re = 0 lies in both real-part intervals.
    for (const sol of sols) for (const z of sol.coordinates) expect(compareDyadic(z.re.lo, d(0n)) <= 0 && compareDyadic(d(0n), z.re.hi) <= 0).toBe(true);
  });

  it('multiplicities from the characteristic polynomial: (x^2, y - 1) has the double root (0, 1)', () => {
    const s = solve(R, [P('x^2'), P('y - 1')], { seed: 4 });
    expect(s.multiplicityCount).toBe(2);
    const sols = complexSolutions(s.representation!, s.representation!.characteristic);
    expect(sols.length).toBe(1);
    expect(sols[0]!.multiplicity).toBe(2);
    expect(sols[0]!.disk.real).toBe(true);
    const [x, y] = sols[0]!.coordinates;
    expect(compareDyadic(x!.re.lo, d(0n)) <= 0 && compareDyadic(d(0n), x!.re.hi) <= 0).toBe(true);
    expect(compareDyadic(y!.re.lo, d(1n)) <= 0 && compareDyadic(d(1n), y!.re.hi) <= 0).toBe(true);
  });

  it('counts match the degrees on a system with real and non-real solutions', () => {
    const s = solve(R, [P('x^3 - 3*x*y^2 - x + 1/5'), P('y^2 + x^2 - 2')], { seed: 5 });
    const sols = complexSolutions(s.representation!);
    expect(sols.length).toBe(s.complex);
    expect(sols.filter((z) => z.disk.real).length).toBe(s.real);
    // Non-real solutions come in conjugate pairs.
    const nonReal = sols.filter((z) => !z.disk.real).map((z) => z.coordinates.map((c) => midpointAndError(c.im).value));
    for (const v of nonReal) expect(nonReal.some((u) => u.every((c, i) => Math.abs(c + v[i]!) < 1e-9))).toBe(true);
  });

  it('returns certified disks or refuses: roots 1 and 1 + 2^-200 are one double apart at most', () => {
    // Either the polishing separates them (then each disk must hold its root) or MathError('uncertified').
    const e = 1n << 200n;
    const w = intMul([-1n, 1n], [-(e + 1n), e]);
    try {
      const disks = certifiedComplexRoots(w);
      expect(disks.length).toBe(2);
      expect(disks.filter((x) => holds(x, d(1n), d(0n))).length).toBe(1);
      expect(disks.filter((x) => holds(x, { m: e + 1n, e: -200 }, d(0n))).length).toBe(1);
    } catch (err) {
      expect(err).toBeInstanceOf(MathError);
      expect((err as MathError).code).toBe('uncertified');
    }
  });
});
