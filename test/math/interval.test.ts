// Interval arithmetic on dyadic endpoints (src/math/interval): every enclosure is checked exactly
// against rational arithmetic (QQ), and the interval LDL^T inertia against the exact signature.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { QQ, type Rat, compareRat, rat } from '../../src/math/field.js';
import {
  type Dyadic,
  type Interval,
  bitLength,
  dyadicToRat,
  evaluateOnBox,
  evaluateUnivariate,
  intervalAdd,
  intervalDiv,
  intervalFromRat,
  intervalInertia,
  intervalMul,
  intervalPow,
  intervalSign,
  intervalSub,
  ratToDyadic,
  roundDown,
  roundUp,
} from '../../src/math/interval/index.js';
import { signature } from '../../src/math/linalg/index.js';
import { PolyRing } from '../../src/math/poly.js';
import { Random } from '../../src/math/random.js';

const arbRat = fc
  .tuple(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 20n }))
  .map(([n, d]) => rat(n, d));

/** An interval holding x, widened on each side by a random amount (possibly 0). */
const arbAround = (x: Rat, bits: number, widen: [number, number]): Interval => {
  const i = intervalFromRat(x, bits);
  return {
    lo: { m: (i.lo.m << 8n) - BigInt(widen[0]), e: i.lo.e - 8 },
    hi: { m: (i.hi.m << 8n) + BigInt(widen[1]), e: i.hi.e - 8 },
  };
};

function ratPow(a: Rat, n: number): Rat {
  let r = QQ.one;
  for (let i = 0; i < n; i++) r = QQ.mul(r, a);
  return r;
}

function contains(a: Interval, x: Rat): boolean {
  return compareRat(dyadicToRat(a.lo), x) <= 0 && compareRat(x, dyadicToRat(a.hi)) <= 0;
}

const bitsArb = fc.integer({ min: 2, max: 80 });
const widenArb = fc.tuple(fc.nat(1000), fc.nat(1000));

describe('dyadic rounding', () => {
  it('rounds down below and up above, to at most the given bits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(1n << 200n), max: 1n << 200n }), fc.integer({ min: -50, max: 50 }), bitsArb, (m, e, bits) => {
        const x: Dyadic = { m, e };
        const d = roundDown(x, bits);
        const u = roundUp(x, bits);
        expect(compareRat(dyadicToRat(d), dyadicToRat(x))).toBeLessThanOrEqual(0);
        expect(compareRat(dyadicToRat(u), dyadicToRat(x))).toBeGreaterThanOrEqual(0);
        expect(bitLength(d.m)).toBeLessThanOrEqual(bits);
        expect(bitLength(u.m)).toBeLessThanOrEqual(bits);
        // The rounding is tight: the gap is at most two units of the last place.
        expect(compareRat(QQ.sub(dyadicToRat(u), dyadicToRat(d)), dyadicToRat({ m: 2n, e: Math.max(d.e, u.e) }))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('encloses rationals', () => {
    fc.assert(
      fc.property(arbRat, bitsArb, (x, bits) => {
        expect(compareRat(dyadicToRat(ratToDyadic(x, bits, false)), x)).toBeLessThanOrEqual(0);
        expect(compareRat(dyadicToRat(ratToDyadic(x, bits, true)), x)).toBeGreaterThanOrEqual(0);
        expect(contains(intervalFromRat(x, bits), x)).toBe(true);
      }),
    );
  });

  it('is exact on dyadics that fit', () => {
    const i = intervalFromRat(rat(-3n, 8n), 10);
    expect(dyadicToRat(i.lo)).toEqual(rat(-3n, 8n));
    expect(dyadicToRat(i.hi)).toEqual(rat(-3n, 8n));
    expect(intervalSign(i)).toBe(-1);
  });
});

describe('interval operations contain the exact result', () => {
  const ops: [string, (a: Interval, b: Interval, bits: number) => Interval, (a: Rat, b: Rat) => Rat][] = [
    ['add', intervalAdd, (a, b) => QQ.add(a, b)],
    ['sub', intervalSub, (a, b) => QQ.sub(a, b)],
    ['mul', intervalMul, (a, b) => QQ.mul(a, b)],
  ];
  for (const [name, op, exact] of ops) {
    it(name, () => {
      fc.assert(
        fc.property(arbRat, arbRat, bitsArb, widenArb, widenArb, (a, b, bits, wa, wb) => {
          const r = op(arbAround(a, bits, wa), arbAround(b, bits, wb), bits);
          expect(contains(r, exact(a, b))).toBe(true);
          expect(bitLength(r.lo.m)).toBeLessThanOrEqual(bits);
          expect(bitLength(r.hi.m)).toBeLessThanOrEqual(bits);
        }),
      );
    });
  }

  it('div, and refuses a divisor containing 0', () => {
    fc.assert(
      fc.property(arbRat, arbRat, bitsArb, widenArb, widenArb, (a, b, bits, wa, wb) => {
        const A = arbAround(a, bits, wa);
        const B = arbAround(b, bits, wb);
        const s = intervalSign(B);
        if (s === 1 || s === -1) {
          expect(contains(intervalDiv(A, B, bits), QQ.div(a, b))).toBe(true);
        } else {
          expect(() => intervalDiv(A, B, bits)).toThrow(MathError);
        }
      }),
    );
    const zero = intervalFromRat(rat(0n), 20);
    expect(() => intervalDiv(zero, { lo: { m: -1n, e: 0 }, hi: { m: 1n, e: 0 } })).toThrow(/contains 0/);
  });

  it('integer powers, tight at 0 for even powers', () => {
    fc.assert(
      fc.property(arbRat, fc.integer({ min: 0, max: 9 }), bitsArb, widenArb, (a, n, bits, wa) => {
        const r = intervalPow(arbAround(a, bits, wa), n, bits);
        expect(contains(r, ratPow(a, n))).toBe(true);
      }),
    );
    const sq = intervalPow({ lo: { m: -1n, e: 0 }, hi: { m: 2n, e: 0 } }, 2);
    expect(dyadicToRat(sq.lo)).toEqual(rat(0n));
    expect(dyadicToRat(sq.hi)).toEqual(rat(4n));
    expect(() => intervalPow(sq, -1)).toThrow(MathError);
  });
});

describe('polynomial evaluation on intervals and boxes', () => {
  it('a univariate polynomial on an interval contains its value at every point of it', () => {
    const rng = new Random(7);
    for (let trial = 0; trial < 60; trial++) {
      const deg = rng.int(0, 12);
      const a = Array.from({ length: deg + 1 }, () => rng.bigint(-1000n, 1000n));
      const x = rat(rng.bigint(-5000n, 5000n), rng.bigint(1n, 997n));
      const bits = rng.int(8, 100);
      const X = arbAround(x, bits, [rng.int(0, 500), rng.int(0, 500)]);
      let v = QQ.zero;
      for (let i = deg; i >= 0; i--) v = QQ.add(QQ.mul(v, x), rat(a[i]!));
      expect(contains(evaluateUnivariate(a, X, bits), v)).toBe(true);
    }
  });

  it('a sparse multivariate polynomial on a box contains its value at every point of it', () => {
    const R = new PolyRing(QQ, ['x', 'y', 'z']);
    const rng = new Random(11);
    for (let trial = 0; trial < 40; trial++) {
      const terms: [Int32Array, Rat][] = [];
      for (let t = rng.int(1, 8); t > 0; t--) {
        terms.push([Int32Array.from([rng.int(0, 4), rng.int(0, 4), rng.int(0, 4)]), rat(rng.bigint(-99n, 99n), rng.bigint(1n, 30n))]);
      }
      const f = R.fromTerms(terms);
      const point = [0, 1, 2].map(() => rat(rng.bigint(-300n, 300n), rng.bigint(1n, 50n)));
      const bits = rng.int(10, 90);
      const box = point.map((p) => arbAround(p, bits, [rng.int(0, 300), rng.int(0, 300)]));
      expect(contains(evaluateOnBox(f, box, bits), R.evaluate(f, point))).toBe(true);
    }
  });

  it('a narrow box at high precision gives a narrow enclosure', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const f = R.fromTerms([
      [Int32Array.from([2, 0]), rat(1n)],
      [Int32Array.from([0, 2]), rat(1n)],
      [Int32Array.from([0, 0]), rat(-1n, 3n)],
    ]);
    const box = [intervalFromRat(rat(1n, 3n), 200), intervalFromRat(rat(1n, 5n), 200)];
    const v = evaluateOnBox(f, box, 200);
    const width = QQ.sub(dyadicToRat(v.hi), dyadicToRat(v.lo));
    expect(compareRat(width, rat(1n, 1n << 190n))).toBeLessThan(0);
    expect(contains(v, rat(-41n, 225n))).toBe(true);
    expect(() => evaluateOnBox(f, [box[0]!], 200)).toThrow(MathError);
  });
});

describe('interval LDL^T inertia', () => {
  function randomSymmetric(rng: Random, n: number, singular: boolean): Rat[][] {
    // B D B^T with a random B and diagonal D (zeros in D make it singular when requested).
    const B = Array.from({ length: n }, () => Array.from({ length: n }, () => rat(rng.bigint(-6n, 6n), rng.bigint(1n, 4n))));
    const D = Array.from({ length: n }, (_, i) => (singular && i === 0 ? QQ.zero : rat(rng.bigint(-5n, 5n))));
    const A: Rat[][] = [];
    for (let i = 0; i < n; i++) {
      A.push([]);
      for (let j = 0; j < n; j++) {
        let s = QQ.zero;
        for (let k = 0; k < n; k++) s = QQ.add(s, QQ.mul(QQ.mul(B[i]![k]!, D[k]!), B[j]![k]!));
        A[i]!.push(s);
      }
    }
    return A;
  }

  it('when decided, equals the exact inertia; nonsingular point matrices are decided at high precision', () => {
    const rng = new Random(3);
    let decided = 0;
    for (let trial = 0; trial < 80; trial++) {
      const n = rng.int(1, 6);
      const A = randomSymmetric(rng, n, false);
      const exact = signature(A);
      const r = intervalInertia(
        A.map((row) => row.map((x) => intervalFromRat(x, 256))),
        { bits: 256 },
      );
      if (exact.zero === 0) {
        expect(r.decided).toBe(true);
      }
      if (r.decided) {
        decided++;
        expect({ positive: r.positive, negative: r.negative, zero: 0 }).toEqual(exact);
      }
    }
    expect(decided).toBeGreaterThan(40);
  });

  it('never decides a singular matrix (a zero eigenvalue is never claimed)', () => {
    const rng = new Random(5);
    for (let trial = 0; trial < 40; trial++) {
      const A = randomSymmetric(rng, rng.int(1, 6), true);
      expect(signature(A).zero).toBeGreaterThan(0);
      const r = intervalInertia(A.map((row) => row.map((x) => intervalFromRat(x, 128))), { bits: 128 });
      expect(r.decided).toBe(false);
    }
  });

  it('every matrix in a wide interval matrix has the decided inertia', () => {
    const rng = new Random(9);
    for (let trial = 0; trial < 60; trial++) {
      const n = rng.int(1, 5);
      const A = randomSymmetric(rng, n, false);
      // Widen each entry by up to 1/64 on each side, symmetrically.
      const W: Interval[][] = A.map((row) => row.map(() => ({ lo: { m: 0n, e: 0 }, hi: { m: 0n, e: 0 } })));
      const widths: [Rat, Rat][][] = A.map((row) => row.map(() => [QQ.zero, QQ.zero] as [Rat, Rat]));
      for (let i = 0; i < n; i++) {
        for (let j = 0; j <= i; j++) {
          const down = rat(BigInt(rng.int(0, 8)), 512n);
          const up = rat(BigInt(rng.int(0, 8)), 512n);
          const lo = ratToDyadic(QQ.sub(A[i]![j]!, down), 40, false);
          const hi = ratToDyadic(QQ.add(A[i]![j]!, up), 40, true);
          W[i]![j] = { lo, hi };
          W[j]![i] = { lo, hi };
          widths[i]![j] = [dyadicToRat(lo), dyadicToRat(hi)];
          widths[j]![i] = widths[i]![j]!;
        }
      }
      const r = intervalInertia(W, { bits: 40 });
      if (!r.decided) continue;
      // Sample symmetric matrices in the box: the corners lo, hi and random points.
      for (let s = 0; s < 5; s++) {
        const M: Rat[][] = A.map((row) => row.map(() => QQ.zero));
        for (let i = 0; i < n; i++) {
          for (let j = 0; j <= i; j++) {
            const [lo, hi] = widths[i]![j]!;
            const t = s === 0 ? QQ.zero : s === 1 ? QQ.one : rat(BigInt(rng.int(0, 100)), 100n);
            const x = QQ.add(lo, QQ.mul(t, QQ.sub(hi, lo)));
            M[i]![j] = x;
            M[j]![i] = x;
          }
        }
        expect(signature(M)).toEqual({ positive: r.positive, negative: r.negative, zero: 0 });
      }
    }
  });

  it('uses a 2x2 pivot when every diagonal interval contains 0', () => {
    const z = intervalFromRat(rat(0n));
    const one = intervalFromRat(rat(1n));
    const r = intervalInertia([
      [z, one],
      [one, z],
    ]);
    expect(r).toEqual({ decided: true, positive: 1, negative: 1 });
    const undecided = intervalInertia([[{ lo: { m: -1n, e: 0 }, hi: { m: 1n, e: 0 } }]]);
    expect(undecided).toEqual({ decided: false, positive: 0, negative: 0, remaining: 1 });
  });

  it('stops when interrupted', () => {
    const one = intervalFromRat(rat(1n));
    expect(() => intervalInertia([[one]], { signal: { aborted: true } })).toThrow(/interrupted/);
  });
});
