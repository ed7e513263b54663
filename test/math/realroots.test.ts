// Certified real roots (src/math/realroots): Taylor shifts against the definition, Descartes isolation
// against the Sturm-based isolation of src/math/univariate/isolate.ts, and every isolating interval checked
// exactly (rational evaluation and Sturm counts from src/math/univariate/, not the module's own sign code).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { type Rat, compareRat, rat } from '../../src/math/field.js';
import { type Dyadic, dyadicToNumber, dyadicToRat } from '../../src/math/interval/index.js';
import { bigSqrt } from '../../src/math/integers.js';
import { Random } from '../../src/math/random.js';
import {
  type IsolatedRoot,
  bisectRoot,
  isolateRealRootsDescartes,
  refineRoot,
  rootBoundExponent,
  signAtDyadic,
  taylorShift1,
  shiftedVariations,
  signVariations,
  widthExponent,
} from '../../src/math/realroots/index.js';
import { countRealRoots, evaluateInt, intMul, intSquareFree, isolateRealRoots, signAt } from '../../src/math/univariate/index.js';

const smallPoly = (maxLength: number) => fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { minLength: 1, maxLength });

function valueAt(a: readonly bigint[], x: bigint): bigint {
  let v = 0n;
  for (let i = a.length - 1; i >= 0; i--) v = v * x + a[i]!;
  return v;
}

function fromRoots(roots: readonly Rat[]): bigint[] {
  let p: bigint[] = [1n];
  for (const r of roots) p = intMul(p, [-r.num, r.den]);
  return p;
}

function chebyshev(n: number): bigint[] {
  let prev = [1n];
  let cur = [0n, 1n];
  if (n === 0) return prev;
  for (let k = 1; k < n; k++) {
    const next = new Array<bigint>(cur.length + 1).fill(0n);
    for (let i = 0; i < cur.length; i++) next[i + 1]! += 2n * cur[i]!;
    for (let i = 0; i < prev.length; i++) next[i]! -= prev[i]!;
    prev = cur;
    cur = next;
  }
  return cur;
}

/** Mignotte's polynomial x^n - 2(a x - 1)^2: two real roots within about 2 a^-(n+2)/2 of 1/a. */
function mignotte(n: number, a: bigint): bigint[] {
  const p = new Array<bigint>(n + 1).fill(0n);
  p[n] = 1n;
  p[0]! -= 2n;
  p[1]! += 4n * a;
  p[2]! -= 2n * a * a;
  return p;
}

/** Exact checks of the isolation contract, by rational evaluation and Sturm counts (src/math/univariate/). */
function checkIsolation(p: readonly bigint[], roots: readonly IsolatedRoot[]): void {
  const sf = intSquareFree(p);
  expect(roots.length).toBe(countRealRoots(p));
  let previousHi: Rat | undefined;
  for (const r of roots) {
    const lo = dyadicToRat(r.lo);
    const hi = dyadicToRat(r.hi);
    if (r.signLo === 0) {
      expect(compareRat(lo, hi)).toBe(0);
      expect(evaluateInt(p, lo).num).toBe(0n);
    } else {
      expect(compareRat(lo, hi)).toBeLessThan(0);
      const sLo = signAt(sf, lo);
      const sHi = signAt(sf, hi);
      expect(sLo).toBe(r.signLo);
      expect(sLo * sHi).toBe(-1);
      // Sturm counts roots in (lo, hi]; hi is not a root, so this is the open interval.
      expect(countRealRoots(p, lo, hi)).toBe(1);
    }
    if (previousHi) expect(compareRat(previousHi, lo)).toBeLessThanOrEqual(0);
    previousHi = hi;
  }
}

describe('Taylor shift by 1', () => {
  it('agrees with the definition a(x + 1)', () => {
    fc.assert(
      fc.property(smallPoly(120), fc.bigInt({ min: -50n, max: 50n }), (a, x) => {
        expect(valueAt(taylorShift1(a), x)).toBe(valueAt(a, x + 1n));
      }),
      { numRuns: 60 },
    );
  });

  it('shifts large polynomials (degree 600, 200-bit coefficients) correctly', () => {
    const rng = new Random(1);
    const a = Array.from({ length: 601 }, () => rng.bigint(-(1n << 200n), 1n << 200n));
    const s = taylorShift1(a);
    for (const x of [-3n, 0n, 1n, 7n]) expect(valueAt(s, x)).toBe(valueAt(a, x + 1n));
  });

  it('the capped variation count equals the count on the full shift, capped', () => {
    fc.assert(
      fc.property(smallPoly(40), fc.integer({ min: 1, max: 4 }), (a, cap) => {
        expect(shiftedVariations(a, cap)).toBe(Math.min(cap, signVariations(taylorShift1(a))));
      }),
      { numRuns: 100 },
    );
  });
});

describe('exact signs at dyadic points', () => {
  it('agree with exact rational evaluation, also next to roots', () => {
    const rng = new Random(2);
    for (let trial = 0; trial < 15; trial++) {
      const p = fromRoots(Array.from({ length: rng.int(1, 14) }, () => rat(rng.bigint(-40n, 40n), rng.bigint(1n, 9n))));
      for (let k = 0; k < 10; k++) {
        const x: Dyadic = { m: rng.bigint(-(1n << 80n), 1n << 80n), e: -rng.int(60, 90) };
        expect(signAtDyadic(p, x)).toBe(signAt(p, dyadicToRat(x)));
      }
      for (const r of isolateRealRootsDescartes(p)) {
        const t = refineRoot(r, 120);
        expect(signAtDyadic(p, t.lo)).toBe(signAt(p, dyadicToRat(t.lo)));
        expect(signAtDyadic(p, t.hi)).toBe(signAt(p, dyadicToRat(t.hi)));
      }
    }
  });
});

describe('Descartes isolation', () => {
  it('bounds the roots by 2^k (Fujiwara)', () => {
    // x^2 - 10^6: roots ±1000 < 2^10.
    const k = rootBoundExponent([-(10n ** 6n), 0n, 1n]);
    expect(2 ** k).toBeGreaterThan(1000);
    expect(k).toBeLessThanOrEqual(12);
  });

  it('counts and isolates like the Sturm-based isolation on random polynomials', () => {
    fc.assert(
      fc.property(smallPoly(25), (a) => {
        if (a.every((c) => c === 0n)) {
          expect(() => isolateRealRootsDescartes(a)).toThrow(MathError);
          return;
        }
        const roots = isolateRealRootsDescartes(a);
        expect(roots.length).toBe(isolateRealRoots(a).length);
        checkIsolation(a, roots);
      }),
      { numRuns: 150 },
    );
  });

  it('handles products with repeated and rational roots (square-free part)', () => {
    const rng = new Random(4);
    for (let trial = 0; trial < 30; trial++) {
      const roots = Array.from({ length: rng.int(1, 8) }, () => rat(rng.bigint(-30n, 30n), rng.bigint(1n, 12n)));
      const p = intMul(fromRoots(roots), fromRoots(roots.slice(0, rng.int(0, roots.length))));
      const found = isolateRealRootsDescartes(p);
      checkIsolation(p, found);
      for (const r of roots) expect(found.some((f) => compareRat(dyadicToRat(f.lo), r) <= 0 && compareRat(r, dyadicToRat(f.hi)) <= 0)).toBe(true);
    }
  });

  it('Wilkinson polynomials: the integers 1..n', () => {
    for (const n of [10, 20, 30]) {
      const p = fromRoots(Array.from({ length: n }, (_, k) => rat(BigInt(k + 1))));
      const roots = isolateRealRootsDescartes(p);
      checkIsolation(p, roots);
      roots.forEach((r, k) => {
        expect(compareRat(dyadicToRat(r.lo), rat(BigInt(k + 1)))).toBeLessThanOrEqual(0);
        expect(compareRat(rat(BigInt(k + 1)), dyadicToRat(r.hi))).toBeLessThanOrEqual(0);
      });
    }
  });

  it('Chebyshev polynomials: n real roots cos((2k-1)π/2n)', () => {
    for (const n of [5, 16, 33, 60]) {
      const p = chebyshev(n);
      const roots = isolateRealRootsDescartes(p);
      checkIsolation(p, roots);
      expect(roots.length).toBe(n);
      const expected = Array.from({ length: n }, (_, k) => Math.cos(((2 * (n - k) - 1) * Math.PI) / (2 * n)));
      roots.forEach((r, k) => {
        const t = refineRoot(r, 60);
        expect(dyadicToNumber(t.lo)).toBeLessThanOrEqual(expected[k]! + 1e-12);
        expect(dyadicToNumber(t.hi)).toBeGreaterThanOrEqual(expected[k]! - 1e-12);
        expect(Math.abs(dyadicToNumber(t.lo) - expected[k]!)).toBeLessThan(1e-12);
      });
    }
  });

  it('Mignotte polynomials: two close roots are separated', () => {
    for (const [n, a] of [
      [7, 10n],
      [12, 100n],
      [20, 1000n],
    ] as const) {
      const p = mignotte(n, a);
      const roots = isolateRealRootsDescartes(p);
      checkIsolation(p, roots);
      expect(roots.length).toBe(isolateRealRoots(p).length);
      const near = roots.filter((r) => Math.abs(dyadicToNumber(r.lo) - 1 / Number(a)) < 1 / Number(a) / 10);
      expect(near.length).toBe(2);
    }
  });

  it('accepts rational coefficients, and returns nothing for constants', () => {
    // x^2 - 1/4 = (x - 1/2)(x + 1/2)
    const roots = isolateRealRootsDescartes([{ num: -1n, den: 4n }, 0n, 1n]);
    expect(roots.length).toBe(2);
    roots.forEach((r, k) => {
      const root = rat(k === 0 ? -1n : 1n, 2n);
      expect(compareRat(dyadicToRat(r.lo), root)).toBeLessThanOrEqual(0);
      expect(compareRat(root, dyadicToRat(r.hi))).toBeLessThanOrEqual(0);
    });
    expect(isolateRealRootsDescartes([5n])).toEqual([]);
  });

  it('stops when interrupted', () => {
    expect(() => isolateRealRootsDescartes(chebyshev(10), { signal: { aborted: true } })).toThrow(/interrupted/);
  });
});

describe('refinement', () => {
  it('refines to any width and keeps the root isolated', () => {
    const rng = new Random(6);
    for (let trial = 0; trial < 20; trial++) {
      const p = Array.from({ length: rng.int(2, 12) }, () => rng.bigint(-100n, 100n));
      if (p[p.length - 1] === 0n) p[p.length - 1] = 1n;
      const roots = isolateRealRootsDescartes(p);
      const bits = rng.int(10, 300);
      const refined = roots.map((r) => refineRoot(r, bits));
      checkIsolation(p, refined);
      for (const r of refined) {
        if (r.signLo !== 0) expect(widthExponent(r)).toBeLessThanOrEqual(-bits);
      }
    }
  });

  it('refines √2 and -√3 to 3000 bits, agreeing with integer square roots', () => {
    for (const [n, sign] of [
      [2n, 1n],
      [3n, -1n],
    ] as const) {
      const roots = isolateRealRootsDescartes([-n, 0n, 1n]);
      const r = refineRoot(sign > 0n ? roots[1]! : roots[0]!, 3000);
      expect(widthExponent(r)).toBeLessThanOrEqual(-3000);
      expect(signAt([-n, 0n, 1n], dyadicToRat(r.lo)) * signAt([-n, 0n, 1n], dyadicToRat(r.hi))).toBe(-1);
      const s = bigSqrt(n << 6000n); // floor(√n · 2^3000)
      const unit = 1n << 3000n;
      const [a, b] = sign > 0n ? [rat(s, unit), rat(s + 1n, unit)] : [rat(-s - 1n, unit), rat(-s, unit)];
      expect(compareRat(dyadicToRat(r.lo), b)).toBeLessThanOrEqual(0);
      expect(compareRat(a, dyadicToRat(r.hi))).toBeLessThanOrEqual(0);
    }
  });

  it('one bisection halves the interval', () => {
    const [r] = isolateRealRootsDescartes([-2n, 0n, 1n]).filter((x) => x.signLo !== 0 && dyadicToNumber(x.hi) > 0);
    const b = bisectRoot(r!);
    expect(widthExponent(b)).toBe(widthExponent(r!) - 1);
    expect(() => refineRoot(r!, 1.5)).toThrow(MathError);
  });
});
