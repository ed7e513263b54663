// The lifting of modular parametrizations (src/math/zerodim/{reconstruct,crt,lift,shear}.ts) and the
// modular gcd of exact zero tests (src/math/realroots/root-gcd.ts), each
// checked by an independent route: Lehmer's rational reconstruction against plain Wang
// (groebner/modular.ts), the two-level CRT against the one-level Garner `crt`, the lifting against
// known rational polynomials, the change of coordinates by evaluation at rational points, the gcd
// against the existing intGcd (univariate/integer-poly.ts) and Euclid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QQ, invModNumber, rat } from '../../src/math/field.js';
import { crt, primeStream, rationalReconstruction } from '../../src/math/groebner/modular.js';
import { PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { Random } from '../../src/math/random.js';
import { BLOCK, ResidueStore, bigInverse } from '../../src/math/zerodim/crt.js';
import { bigSqrt } from '../../src/math/integers.js';
import { CHECKPOINT_GROWTH, INTEGER_MARGIN, LADDER_GROWTH, LADDER_START, ParametrizationLift, smallDenominatorFraction } from '../../src/math/zerodim/lift.js';
import { bitLength, lehmerGcd, reconstructRational } from '../../src/math/zerodim/reconstruct.js';
import { gcdWithPolynomial } from '../../src/math/realroots/root-gcd.js';
import { intGcd, intMul } from '../../src/math/univariate/integer-poly.js';
import { shear, unshearImage } from '../../src/math/zerodim/shear.js';
import { checkModulo, parametrize } from '../../src/math/zerodim/index.js';
import { integerGenerators } from '../../src/math/groebner/modular.js';

function primes(k: number): number[] {
  const stream = primeStream();
  return Array.from({ length: k }, () => stream.next().value as number);
}

function randomBig(random: Random, bits: number): bigint {
  let x = 0n;
  for (let b = 0; b < bits; b += 24) x = (x << 24n) | BigInt(random.int(0, 2 ** 24 - 1));
  return x >> BigInt((Math.ceil(bits / 24) * 24) - bits);
}

function modOf(x: bigint, p: number): number {
  const r = Number(x % BigInt(p));
  return r < 0 ? r + p : r;
}

/** num/den modulo p. */
function fractionModulo(num: bigint, den: bigint, p: number): number {
  return (modOf(num, p) * invModNumber(modOf(den, p), p)) % p;
}

describe('Lehmer rational reconstruction (zerodim/reconstruct.ts)', () => {
  it('bitLength', () => {
    for (const [x, b] of [[0n, 0], [1n, 1], [255n, 8], [256n, 9], [(1n << 1000n) - 1n, 1000], [1n << 1000n, 1001]] as const) expect(bitLength(x)).toBe(b);
  });

  it('agrees with plain Wang on random residues and on fractions, at moduli of 1 to 200 primes', () => {
    const ps = primes(200);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 2 ** 30 }), fc.boolean(), (k, seed, fraction) => {
        const random = new Random(seed);
        const m = ps.slice(0, k).reduce((a, p) => a * BigInt(p), 1n);
        const bits = bitLength(m);
        let a: bigint;
        if (fraction) {
          // A fraction with about half the bits of m in numerator and denominator together.
          const num = randomBig(random, Math.max(1, Math.floor(bits / 4))) * (random.int(0, 1) ? 1n : -1n);
          const den = randomBig(random, Math.max(1, Math.floor(bits / 4))) + 1n;
          a = (((num % m) + m) % m) * invOrZero(den, m) % m;
        } else {
          a = randomBig(random, bits) % m;
        }
        const fast = reconstructRational(a, m);
        const plain = rationalReconstruction(a, m);
        expect(fast).toEqual(plain);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('recovers a 3,000-bit fraction from a 6,100-bit modulus', () => {
    const random = new Random(3);
    const ps = primes(290);
    const m = ps.reduce((a, p) => a * BigInt(p), 1n);
    const num = -randomBig(random, 3000);
    const den = randomBig(random, 3000) | 1n;
    const a = (((num % m) + m) % m) * invOrZero(den, m) % m;
    const r = reconstructRational(a, m);
    expect(r).not.toBeNull();
    expect(QQ.eq(r!, QQ.div(rat(num), rat(den)))).toBe(true);
  });
});

function invOrZero(a: bigint, m: bigint): bigint {
  let [r0, r1, t0, t1] = [m, ((a % m) + m) % m, 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return r0 === 1n ? ((t0 % m) + m) % m : 0n;
}

describe('two-level CRT (zerodim/crt.ts)', () => {
  it('equals one-level Garner (modular.ts crt) over several blocks, with and without a scale', () => {
    const k = 2 * BLOCK + 17;
    const ps = primes(k);
    const random = new Random(5);
    const size = 6;
    const store = new ResidueStore(size);
    const images = ps.map((p) => Array.from({ length: size }, () => random.int(0, p - 1)));
    ps.forEach((p, j) => store.add(p, images[j]!));
    for (const used of [1, BLOCK, BLOCK + 1, k]) {
      const values = store.crtValues([0, 3, 5], used);
      const scaled = store.crtValues([2], used, -12345n);
      const qs = ps.slice(0, used);
      expect(values).toEqual([0, 3, 5].map((c) => crt(qs.map((_, j) => images[j]![c]!), qs)));
      expect(scaled[0]).toBe(crt(qs.map((p, j) => (images[j]![2]! * modOf(-12345n, p)) % p), qs));
      expect(store.modulus(used)).toBe(qs.reduce((a, p) => a * BigInt(p), 1n));
    }
  });
});

describe('lifting (zerodim/lift.ts)', () => {
  it('recovers rational polynomials with a common denominator, with few primes beyond the needed ones', () => {
    const random = new Random(9);
    const D = 7;
    const count = 3;
    // Polynomial 0 (w): integers over a ~1,000-bit denominator; the others: that denominator times 3.
    const den0 = randomBig(random, 1000) | 1n;
    const polys = Array.from({ length: count }, (_, e) => ({
      den: e === 0 ? den0 : 3n * den0,
      nums: Array.from({ length: D }, () => randomBig(random, 1000) - randomBig(random, 1000)),
    }));
    const lift = new ParametrizationLift(D, count);
    const stream = primeStream();
    let candidate = null;
    let used = 0;
    while (candidate === null) {
      const p = stream.next().value as number;
      lift.add(p, polys.flatMap((f) => f.nums.map((x) => fractionModulo(x, f.den, p))));
      used++;
      candidate = lift.attempt();
      expect(used).toBeLessThan(400);
    }
    candidate.forEach((c, e) => c.nums.forEach((x, k) => expect(QQ.eq(rat(x, c.den), QQ.div(rat(polys[e]!.nums[k]!), rat(polys[e]!.den)))).toBe(true)));
    // Wang needs m > 2·N·D with N, D >= 2^1002 (3·den0): 2005 bits, at more than 21 bits a prime; the
    // checkpoints compute at most a fraction CHECKPOINT_GROWTH - 1 beyond, and one prime to compare.
    const needed = Math.ceil(2006 / 21);
    expect(used).toBeLessThanOrEqual(Math.ceil(needed * CHECKPOINT_GROWTH) + 2);
    expect(lift.fullAttempts).toBeLessThanOrEqual(2);
  });
});

describe('lifting with the sampled denominators (zerodim/lift.ts)', () => {
  it('W/lc with lc = A·B, where half of the coefficients of W share B: about h + margin bits, not 2h', () => {
    const random = new Random(11);
    const D = 16;
    const count = 3;
    const A = randomBig(random, 600) | 1n;
    const B = randomBig(random, 400) | 1n;
    const lc = A * B;
    // W_j: 1,000-bit integers, multiples of B in the upper half (there W_j/lc has a 600-bit
    // denominator); the v_i: V_i / (3·lc) with 1,000-bit V_i (Rouillier's form: heights like W's).
    const w = Array.from({ length: D }, (_, j) => (j >= D / 2 ? B * (randomBig(random, 600) + 1n) : randomBig(random, 1000) - randomBig(random, 1000)));
    const polys = [
      { den: lc, nums: w },
      ...Array.from({ length: count - 1 }, () => ({ den: 3n * lc, nums: Array.from({ length: D }, () => randomBig(random, 1000) - randomBig(random, 1000)) })),
    ];
    const lift = new ParametrizationLift(D, count);
    const stream = primeStream();
    let candidate = null;
    let used = 0;
    while (candidate === null) {
      const p = stream.next().value as number;
      lift.add(p, polys.flatMap((f) => f.nums.map((x) => fractionModulo(x, f.den, p))));
      used++;
      candidate = lift.attempt();
      expect(used).toBeLessThan(400);
    }
    candidate.forEach((c, e) => c.nums.forEach((x, k) => expect(QQ.eq(rat(x, c.den), QQ.div(rat(polys[e]!.nums[k]!), rat(polys[e]!.den)))).toBe(true)));
    // The sample (upper half: 600/600-bit fractions) gives the denominator A at about 1,200 bits; the
    // lower coefficients of w are then fractions with the 400-bit denominator B, found by the ladder
    // (den <= 2^475 at the first bound above 2^400) with 1,000 + 475 + 41 bits; after B is carried every
    // other coefficient is an integer (up to 1,000 bits, plus the margin 40). Balanced reconstruction
    // of every coefficient would need 2·1,000 + 1 bits (96 primes of 21 bits).
    const needed = Math.ceil((1000 + 475 + INTEGER_MARGIN + 2) / 21);
    expect(used).toBeLessThanOrEqual(Math.ceil(needed * CHECKPOINT_GROWTH) + 2);
    expect(used).toBeLessThan(Math.ceil(2001 / 21));
  });

  it('smallDenominatorFraction: a fraction of n and d bits from n + 1.25·d + margin bits, unique under its bounds', () => {
    const random = new Random(12);
    const ps = primes(120);
    for (const [n, d] of [[900, 1], [900, 30], [800, 300], [500, 500]] as const) {
      const num = randomBig(random, n) - randomBig(random, n);
      const den = randomBig(random, d) | 1n;
      // The smallest modulus where the ladder's bounds hold: the first rung b >= d, and |num| under m / 2^(b+41).
      let b = LADDER_START;
      while (b < d) b = Math.ceil(b * LADDER_GROWTH);
      const enough = n + b + INTEGER_MARGIN + 2;
      let k = 1;
      while (bitLength(ps.slice(0, k).reduce((a, p) => a * BigInt(p), 1n)) < Math.max(enough, 2 * b + INTEGER_MARGIN + 3)) k++;
      const m = ps.slice(0, k).reduce((a, p) => a * BigInt(p), 1n);
      const y = (((num % m) + m) % m * bigInverse(den % m, m)) % m;
      const r = smallDenominatorFraction(y, m, bigSqrt(m / 2n));
      expect(r).not.toBeNull();
      expect(QQ.eq(rat(r!.num, r!.den), rat(num, den))).toBe(true);
    }
  });
});

describe('the change of coordinates (zerodim/shear.ts)', () => {
  const R = new PolyRing(QQ, ['x', 'y', 'z']);
  const f = parsePoly(R, 'x^2*z - 3*y*z^2 + z^3 - x + 7/2');
  const c = [2n, -3n, 1n];
  it('shear(f)(y_1, y_2, t) = f(x) at t = Σ c_i x_i', () => {
    const g = shear(R, f, c);
    for (const point of [[1n, 2n, 3n], [-5n, 1n, 0n], [4n, -7n, 11n]]) {
      const x = point.map((v) => rat(v));
      const t = QQ.add(QQ.add(QQ.mul(rat(c[0]!), x[0]!), QQ.mul(rat(c[1]!), x[1]!)), x[2]!);
      expect(R.evaluate(g, [x[0]!, x[1]!, t])).toEqual(R.evaluate(f, x));
    }
  });

  it('unshearImage: v_{x_n} = v_{y_n} - Σ c_i v_{x_i} modulo p', () => {
    const p = 101;
    const v = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    unshearImage(v, 3, 3, [2, 98, 1], p);
    // c_2 = 98 = -3 modulo 101: v_3 + (-2)·v_1 + 3·v_2.
    expect(Array.from(v)).toEqual([1, 2, 3, 4, 5, 6, 7 - 2 + 12, 8 - 4 + 15, 9 - 6 + 18]);
  });

  it('parametrize: a form that is not x_n is made the last variable, and the result passes the check at a fresh prime', () => {
    const S = new PolyRing(QQ, ['x', 'y']);
    // y takes two values at the four solutions: x_n does not separate them.
    const gens = ['x^2 - 2', 'y^2 - 3'].map((t) => parsePoly(S, t));
    const messages: string[] = [];
    const r = parametrize(S, gens, { seed: 4, onProgress: (e) => messages.push(e.message ?? '') });
    expect(r.linearForm[0]).not.toBe(0n);
    expect(messages.some((m) => m.includes('made the last variable'))).toBe(true);
    expect(r.w.length - 1).toBe(4);
    expect(checkModulo(r, integerGenerators(gens), 1000003)).toBe(true);
  });
});

describe('exact zero tests at the roots of W (realroots/root-gcd.ts)', () => {
  it('lehmerGcd equals Euclid on random big integers with a planted common factor', () => {
    const random = new Random(21);
    for (let t = 0; t < 20; t++) {
      const g = randomBig(random, 50 + 40 * t) + 1n;
      const a = g * randomBig(random, 300 + 97 * t);
      const b = -g * randomBig(random, 280 + 89 * t);
      let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
      while (y !== 0n) [x, y] = [y, x % y];
      expect(lehmerGcd(a, b)).toBe(x);
    }
    expect(lehmerGcd(0n, -12n)).toBe(12n);
  });

  it('gcdWithPolynomial: a planted factor with 300-bit coefficients, and coprime inputs', () => {
    const random = new Random(22);
    const poly = (deg: number, bits: number) => Array.from({ length: deg + 1 }, () => randomBig(random, bits) - randomBig(random, bits));
    const G = [...poly(3, 300).slice(0, 3), randomBig(random, 300) + 1n];
    const A = poly(9, 200);
    const B = poly(6, 250);
    const W = intMul(G, A);
    const q = intMul(G, B).map((c) => 6n * c);
    // The gcd is G up to a constant (primitive, positive leading coefficient): check it divides and has G's degree.
    const g = gcdWithPolynomial(W, q);
    expect(g.length).toBe(G.length);
    expect(intGcd(W, q)).toEqual(g);
    expect(gcdWithPolynomial(A, [1n, 0n, 1n])).toEqual(intGcd(A, [1n, 0n, 1n]));
  });
});
