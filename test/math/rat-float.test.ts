// ratToFloat (src/math/rat-float.ts) against the definition of round-to-nearest, checked in exact
// rational arithmetic: the result is at least as close to x as both neighbouring doubles, and a tie
// goes to the even mantissa.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, compareRat, rat } from '../../src/math/field.js';
import { doubleToDyadic, dyadicToRat } from '../../src/math/interval/dyadic.js';
import { ratToFloat } from '../../src/math/rat-float.js';

const bits = new Float64Array(1);
const words = new BigInt64Array(bits.buffer);

/** The next double away from zero (d ≥ 0 finite) and towards zero. */
function neighbours(d: number): number[] {
  bits[0] = d;
  const w = words[0]!;
  const out: number[] = [];
  words[0] = w + 1n;
  out.push(bits[0]!);
  if (d !== 0) {
    words[0] = w - 1n;
    out.push(bits[0]!);
  }
  return out;
}

const exact = (d: number): Rat => dyadicToRat(doubleToDyadic(d));
const dist = (x: Rat, d: number): Rat => {
  const r = QQ.sub(x, exact(d));
  return r.num < 0n ? QQ.neg(r) : r;
};

function isNearest(x: Rat): boolean {
  const d = ratToFloat(x);
  if (!Number.isFinite(d)) return false;
  const ax = x.num < 0n ? QQ.neg(x) : x;
  const ad = Math.abs(d);
  for (const n of neighbours(ad)) {
    if (!Number.isFinite(n)) continue;
    const c = compareRat(dist(ax, ad), dist(ax, n));
    if (c > 0) return false;
    if (c === 0) {
      bits[0] = ad;
      if ((words[0]! & 1n) === 1n) return false; // a tie must go to the even mantissa
    }
  }
  return Math.sign(d) === Math.sign(Number(x.num)) || d === 0;
}

const bigint = (maxBits: number) =>
  fc.bigInt({ min: -(1n << BigInt(maxBits)), max: 1n << BigInt(maxBits) });

describe('ratToFloat', () => {
  it('rounds to the nearest double for small and huge numerators and denominators', () => {
    fc.assert(
      fc.property(bigint(400), bigint(400), (n, d) => {
        if (d === 0n) return true;
        return isNearest(rat(n, d));
      }),
      { numRuns: 500, seed: 7 },
    );
    fc.assert(
      fc.property(bigint(60), bigint(60), (n, d) => {
        if (d === 0n) return true;
        return isNearest(rat(n, d));
      }),
      { numRuns: 500, seed: 8 },
    );
  });

  it('breaks exact ties to even, beyond the fast path', () => {
    // 2^60 + 2^7 lies halfway between 2^60 and 2^60 + 2^8: the even neighbour is 2^60.
    expect(ratToFloat(rat((1n << 60n) + (1n << 7n), 1n))).toBe(2 ** 60);
    // 2^60 + 3·2^7 lies halfway between 2^60 + 2^8 (odd) and 2^60 + 2^9 (even).
    expect(ratToFloat(rat((1n << 60n) + 3n * (1n << 7n), 1n))).toBe(2 ** 60 + 2 ** 9);
    // Just above the tie rounds up (the remainder's sticky bit).
    expect(ratToFloat(rat(((1n << 60n) + (1n << 7n)) * 3n + 1n, 3n))).toBe(2 ** 60 + 2 ** 8);
  });

  it('does not depend on the representation: scaling numerator and denominator changes nothing', () => {
    const big = 10n ** 40n + 7n;
    for (const [n, d] of [[1n, 3n], [-22n, 7n], [123456789n, 1000n]] as const) {
      expect(ratToFloat(rat(n * big, d * big))).toBe(ratToFloat(rat(n, d)));
      expect(ratToFloat(rat(n, d))).toBe(Number(n) / Number(d));
    }
  });

  it('handles subnormals, underflow and overflow', () => {
    expect(ratToFloat(rat(1n, 1n << 1074n))).toBe(2 ** -1074);
    expect(ratToFloat(rat(3n, 1n << 1075n))).toBe(2 * 2 ** -1074); // 1.5 · 2^-1074: tie to even 2 · 2^-1074
    expect(ratToFloat(rat(1n, 1n << 1075n))).toBe(0); // exactly half the smallest subnormal: to even, 0
    expect(ratToFloat(rat(1n, (1n << 1075n) - 1n))).toBe(2 ** -1074); // just above half
    expect(ratToFloat(rat(-1n, 1n << 2000n))).toBe(-0);
    expect(isNearest(rat(12345n, 1n << 1070n))).toBe(true);
    expect(ratToFloat(rat(1n << 1024n, 1n))).toBe(Infinity);
    expect(ratToFloat(rat(-(1n << 1030n), 3n))).toBe(-Infinity);
    expect(ratToFloat(rat((1n << 1024n) - (1n << 970n), 1n))).toBe(Infinity); // rounds up past the largest double
    expect(ratToFloat(rat((1n << 1024n) - (1n << 971n), 1n))).toBe(Number.MAX_VALUE);
  });
});
