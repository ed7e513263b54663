import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, rat } from '../../src/math/field.js';
import { buchberger } from '../../src/math/groebner/buchberger.js';
import {
  bigMod,
  crt,
  modularGroebner,
  MODULAR_PRIME_BOUND,
  primeStream,
  rationalReconstruction,
} from '../../src/math/groebner/modular.js';
import { lehmerGcd } from '../../src/math/groebner/lehmer.js';
import { bigGcd } from '../../src/math/integers.js';
import type { OrderSpec } from '../../src/math/monomial.js';
import { type Poly, PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { cyclic, katsura } from '../../src/math/systems.js';

const text = (R: PolyRing<Rat>, basis: readonly Poly<Rat>[]) => basis.map((g) => R.toText(g));

function modInverse(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [m, ((a % m) + m) % m, 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

describe('Chinese remaindering and rational reconstruction', () => {
  it('crt recovers integers below the product of the primes', () => {
    const primes = [4194301, 4194287, 4194277, 32003, 7];
    const M = primes.reduce((a, p) => a * BigInt(p), 1n);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: M - 1n }), (x) => {
        const residues = primes.map((p) => bigMod(x, p));
        expect(crt(residues, primes)).toBe(x);
      }),
      { numRuns: 200 },
    );
    expect(crt([], [])).toBe(0n);
    expect(crt([3], [7])).toBe(3n);
    expect(crt([-1, 0], [5, 7])).toBe(14n);
  });

  it('reconstructs fractions within the Wang bound and refuses beyond it', () => {
    const m = 1000003n * 1000033n; // about 10^12: N = D = sqrt(m/2) ~ 707,000
    fc.assert(
      fc.property(fc.bigInt({ min: -700000n, max: 700000n }), fc.bigInt({ min: 1n, max: 700000n }), (n, d) => {
        const a = (((n * modInverse(d, m)) % m) + m) % m;
        const r = rationalReconstruction(a, m);
        expect(r).toEqual(rat(n, d));
      }),
      { numRuns: 300 },
    );
    expect(rationalReconstruction(0n, m)).toEqual({ num: 0n, den: 1n });
    expect(rationalReconstruction(5n, 97n)).toEqual({ num: 5n, den: 1n });
    // 1/2 modulo 97 is 49; with a numerator bound of 0 no fraction fits.
    expect(rationalReconstruction(49n, 97n)).toEqual({ num: 1n, den: 2n });
    expect(rationalReconstruction(49n, 97n, 0n, 6n)).toBeNull();
    // A residue whose fraction is too large for the modulus has no reconstruction.
    const big = ((123456789n * modInverse(987654321n, m)) % m + m) % m;
    const r = rationalReconstruction(big, m);
    expect(r === null || r.num !== 123456789n).toBe(true);
  });

  it('Lehmer gcd agrees with Euclid', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 700n), max: 2n ** 700n }), fc.bigInt({ min: 0n, max: 2n ** 400n }), fc.bigInt({ min: 1n, max: 2n ** 90n }), (a, b, g) => {
        expect(lehmerGcd(a * g, b * g)).toBe(bigGcd(a * g, b * g));
        expect(lehmerGcd(b, a)).toBe(bigGcd(a, b));
      }),
      { numRuns: 300 },
    );
    expect(lehmerGcd(0n, 0n)).toBe(0n);
    expect(lehmerGcd(0n, -5n)).toBe(5n);
    expect(lehmerGcd(2n ** 200n, 2n ** 120n * 3n)).toBe(2n ** 120n);
  });

  it('streams distinct primes below the bound', () => {
    const seen = new Set<number>();
    const it = primeStream();
    for (let k = 0; k < 50; k++) {
      const p = it.next().value as number;
      expect(p).toBeLessThan(MODULAR_PRIME_BOUND);
      expect(seen.has(p)).toBe(false);
      seen.add(p);
    }
    const seeded = primeStream(17).next().value as number;
    expect(seeded).toBeLessThan(MODULAR_PRIME_BOUND);
  });
});

describe('multi-modular Gröbner bases over QQ', () => {
  it('agrees with Buchberger on small systems', () => {
    const R = new PolyRing(QQ, ['x', 'y', 'z']);
    const p = (s: string) => parsePoly(R, s);
    const systems = [
      ['x^2 + y^2 + z^2 - 1', 'x - y*z', '3/7*x*y - 2*z^2 + 5'],
      ['x^3 - 2*x*y', 'x^2*y - 2*y^2 + x'],
      ['x*y - 1/3', 'y*z - 5/2', 'x*z - 7'],
      ['x^2 - 1/2', 'y^2 - 1/3', 'z - x*y'],
    ];
    for (const gens of systems) {
      const G = gens.map(p);
      const result = modularGroebner(R, G);
      expect(text(R, result.basis)).toEqual(text(R, buchberger(R, G)));
      expect(result.certified).toBe(false);
      expect(result.primes.length).toBeGreaterThan(0);
      expect(result.note).toMatch(/probabilistic/);
    }
    const { ring: K, gens: k4 } = katsura(QQ, 4);
    expect(text(K, modularGroebner(K, k4).basis)).toEqual(text(K, buchberger(K, k4)));
    const { ring: C, gens: c4 } = cyclic(QQ, 4); // positive-dimensional
    expect(text(C, modularGroebner(C, c4).basis)).toEqual(text(C, buchberger(C, c4)));
  });

  it('agrees with Buchberger on random ideals, grevlex and lex', () => {
    const orders: OrderSpec[] = [{ kind: 'grevlex' }, { kind: 'lex' }];
    const coefficient = fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 4 }));
    const term = fc.tuple(coefficient, fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }));
    fc.assert(
      fc.property(
        fc.constantFrom(0, 1),
        fc.array(fc.array(term, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        (o, polys) => {
          const R = new PolyRing(QQ, ['x', 'y', 'z'], orders[o]!);
          const gens = polys.map((terms) => R.fromTerms(terms.map(([[n, d], e]) => [Int32Array.from(e), rat(BigInt(n), BigInt(d))] as const)));
          expect(text(R, modularGroebner(R, gens).basis)).toEqual(text(R, buchberger(R, gens)));
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });

  it('handles the zero ideal and the unit ideal', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    expect(modularGroebner(R, []).basis).toEqual([]);
    expect(modularGroebner(R, [R.zero()]).basis).toEqual([]);
    const unit = modularGroebner(R, [parsePoly(R, 'x*y - 1'), parsePoly(R, 'x'), parsePoly(R, 'y + 2')]);
    expect(text(R, unit.basis)).toEqual(['1']);
  });

  it('skips primes that divide a coefficient', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const first = primeStream().next().value as number; // the first prime the algorithm would use
    const q = BigInt(first);
    const gens = [parsePoly(R, `${q}*x^2 + y - 1`), parsePoly(R, `x*y - ${q * 3n}/5`)];
    const result = modularGroebner(R, gens);
    expect(result.primes).not.toContain(first);
    expect(text(R, result.basis)).toEqual(text(R, buchberger(R, gens)));
  });

  it('recovers from an unlucky learning prime', () => {
    // x + y and x + (1 + p)·y are the same polynomial modulo p, so the learning run at p sees one
    // generator and records no work for the pair; over QQ the ideal is (x, y).
    const R = new PolyRing(QQ, ['x', 'y']);
    const p = BigInt(primeStream().next().value as number);
    const gens = [parsePoly(R, 'x + y'), parsePoly(R, `x + ${p + 1n}*y`)];
    const result = modularGroebner(R, gens);
    expect(text(R, result.basis)).toEqual(['y', 'x']);
    expect(result.note).toMatch(/restart/);
    // An unlucky prime for a leading coefficient: the lead of the second generator vanishes mod p.
    const gens2 = [parsePoly(R, `${p}*x^2 + y`), parsePoly(R, 'x*y - 1')];
    expect(text(R, modularGroebner(R, gens2).basis)).toEqual(text(R, buchberger(R, gens2)));
  });

  it('certifies with the full verification (zero-dimensional and homogeneous inputs)', () => {
    const { ring: K, gens } = katsura(QQ, 3);
    const full = modularGroebner(K, gens, { verify: 'full' });
    expect(full.certified).toBe(true);
    expect(full.note).toMatch(/certified/);
    expect(text(K, full.basis)).toEqual(text(K, buchberger(K, gens)));
    const R = new PolyRing(QQ, ['x', 'y', 'z', 'w']);
    const twisted = ['x*z - y^2', 'y*w - z^2', 'x*w - y*z'].map((s) => parsePoly(R, s));
    expect(modularGroebner(R, twisted, { verify: 'full' }).certified).toBe(true);
    // Affine and positive-dimensional: certified through the homogenization (grevlex).
    const affineGens = ['x*z - y^2 + 1', 'y*w - z^2'].map((s) => parsePoly(R, s));
    const affine = modularGroebner(R, affineGens, { verify: 'full' });
    expect(affine.certified).toBe(true);
    expect(affine.note).toMatch(/S-pairs reduce to zero.*homogenization/);
    expect(text(R, affine.basis)).toEqual(text(R, buchberger(R, affineGens)));
  });

  it('does not read a certificate of affine input off the Hilbert function modulo a prime (x + y, x + (1 + p) y - 1)', async () => {
    const { f4 } = await import('../../src/math/groebner/f4.js');
    const { SmallPrimeField } = await import('../../src/math/field.js');
    const R = new PolyRing(QQ, ['x', 'y']);
    const stream = primeStream();
    const p = stream.next().value as number; // the first learning prime
    const gens = [parsePoly(R, 'x + y'), parsePoly(R, `x + ${p + 1}*y - 1`)];
    // Modulo p the ideal is the unit ideal (vdim 0) while over QQ it has one solution (vdim 1): the
    // Hilbert function modulo a prime is no upper bound for affine input.
    const Rp = new PolyRing(new SmallPrimeField(p), ['x', 'y']);
    expect(f4(Rp, [parsePoly(Rp, 'x + y'), parsePoly(Rp, `x + ${p + 1}*y - 1`)]).map((g) => Rp.toText(g))).toEqual(['1']);
    const exact = text(R, buchberger(R, gens));
    expect(exact).toEqual([`y - 1/${p}`, `x + 1/${p}`]);
    const full = modularGroebner(R, gens, { verify: 'full' });
    expect(text(R, full.basis)).toEqual(exact);
    // Certified only through the homogenized ideal, whose Hilbert function modulo p is an upper bound.
    expect(full.certified).toBe(true);
    expect(full.note).toMatch(/no equality of the ideals/);
    expect(full.note).toMatch(/certified through the homogenization/);
    // Zero-dimensional affine input is certified the same way, never by its vdim modulo a prime.
    const { ring: K, gens: k4 } = katsura(QQ, 4);
    const cert = modularGroebner(K, k4, { verify: 'full' });
    expect(cert.certified).toBe(true);
    expect(cert.note).toMatch(/homogenization/);
    expect(text(K, cert.basis)).toEqual(text(K, buchberger(K, k4)));
    // Affine input in another order is not certified (the ideal handle then falls back to Buchberger).
    const L = new PolyRing(QQ, ['x', 'y'], { kind: 'lex' });
    const lex = modularGroebner(L, [parsePoly(L, 'x + y'), parsePoly(L, `x + ${p + 1}*y - 1`)], { verify: 'full' });
    expect(lex.certified).toBe(false);
    expect(text(L, lex.basis)).toEqual(text(L, buchberger(L, lex.basis)));
  });

  it('reports progress and can be interrupted', () => {
    const { ring: K, gens } = katsura(QQ, 4);
    const events: string[] = [];
    modularGroebner(K, gens, { onProgress: (e) => events.push(e.stage) });
    expect(events).toContain('modular');
    expect(events).toContain('f4');
    const signal = { aborted: false };
    let count = 0;
    expect(() =>
      modularGroebner(K, gens, {
        signal,
        onProgress: () => {
          if (++count === 3) signal.aborted = true;
        },
      }),
    ).toThrow(/interrupted/);
  });

  it('is what the dispatcher uses by default over QQ (and F4 over GF(p))', async () => {
    const { groebner } = await import('../../src/math/groebner/index.js');
    const { SmallPrimeField } = await import('../../src/math/field.js');
    const { ring: K, gens } = katsura(QQ, 3);
    const overQQ = groebner(K, gens);
    expect(overQQ.algorithm).toBe('modular');
    expect(overQQ.certified).toBe(false);
    expect(text(K, overQQ.basis)).toEqual(text(K, buchberger(K, gens)));
    expect(groebner(K, gens, { verify: 'full' } as never).certified).toBe(true);
    const { ring: G, gens: modp } = katsura(new SmallPrimeField(32003), 3);
    const overGF = groebner(G, modp);
    expect(overGF.algorithm).toBe('f4');
    expect(overGF.basis.map((g) => G.toText(g))).toEqual(buchberger(G, modp).map((g) => G.toText(g)));
  });

  it('refuses other fields', () => {
    const R = new PolyRing(QQ, ['x']);
    const fake = Object.create(R, { field: { value: { name: 'GF(7)' } } }) as PolyRing<Rat>;
    expect(() => modularGroebner(fake, [])).toThrow(/over QQ/);
  });
});
