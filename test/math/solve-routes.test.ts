// solve over QQ by its default route, the modular parametrization (src/math/zerodim/), checked against
// the independent trace routes (Hermite form + RUR, or RUR alone) of the same solve, and by
// substituting the reported points into the equations; the fallback for non-radical ideals; the
// provenance; the ideal handle's solve, which computes no Gröbner basis over QQ on this route.
import { describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { QQ, type Rat } from '../../src/math/field.js';
import { Ideal } from '../../src/math/ideal-handle.js';
import { solveIdeal } from '../../src/math/ideal.js';
import { type Poly, PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { Random } from '../../src/math/random.js';
import { decimalToRational, dimensionModulo, solve } from '../../src/math/solve.js';
import { katsura } from '../../src/math/systems.js';

function system(vars: string[], texts: string[]) {
  const R = new PolyRing(QQ, vars);
  return { R, gens: texts.map((t) => parsePoly(R, t)) };
}

const counts = (s: ReturnType<typeof solve>) => ({ complex: s.complex, real: s.real, points: s.points });

/** |g(p)| for a point given as decimal strings, exactly. */
function residual(R: PolyRing<Rat>, g: Poly<Rat>, point: readonly string[]): number {
  const v = R.evaluate(g, point.map(decimalToRational));
  return Math.abs(Number(v.num) / Number(v.den));
}

describe('solve over QQ: the modular parametrization is the default route', () => {
  it('katsura-3..5 agree with the Hermite form + RUR route, katsura-6 with the RUR route', () => {
    for (const n of [3, 4, 5, 6]) {
      const { ring, gens } = katsura(QQ, n);
      const a = solve(ring, gens, { digits: 12 });
      expect(a.method).toBe('modular-parametrization');
      expect(a.complex).toBe(2 ** n);
      const b = solve(ring, gens, { digits: 12, method: n <= 5 ? 'hermite' : 'rur' });
      expect(b.method).toBe(n <= 5 ? 'hermite+rur' : 'rur');
      expect(counts(a)).toEqual(counts(b));
    }
  });

  it('seeded random dense systems agree with the Hermite route', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const random = new Random(seed);
      const R = new PolyRing(QQ, ['x', 'y', 'z']);
      const mons = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [2, 0, 0], [1, 1, 0], [0, 1, 1], [0, 0, 2], [1, 0, 1], [0, 2, 0]];
      const dense = (degree: number) =>
        R.fromTerms(mons.filter((m) => m[0]! + m[1]! + m[2]! <= degree).map((m) => [Int32Array.from(m), QQ.fromBigInt(BigInt(random.int(-9, 9)))]));
      const gens = [dense(2), dense(2), dense(1)];
      const a = solve(R, gens, { digits: 15 });
      const b = solve(R, gens, { digits: 15, method: 'hermite' });
      expect(a.method).toBe('modular-parametrization');
      expect(counts(a)).toEqual(counts(b));
      expect(a.multiplicityCount).toBe(b.multiplicityCount);
    }
  });

  it('the real points satisfy the equations and do not depend on the seed', () => {
    const { ring, gens } = katsura(QQ, 4);
    const a = solve(ring, gens, { digits: 25, seed: 0 });
    expect(a.points.length).toBe(a.real);
    for (const p of a.points) for (const g of gens) expect(residual(ring, g, p)).toBeLessThan(1e-20);
    expect(solve(ring, gens, { digits: 25, seed: 7 }).points).toEqual(a.points);
  });

  it('carries the provenance: modular-parametrization, primes, probabilistic unless certified', () => {
    const { R, gens } = system(['x', 'y'], ['x^2 + y^2 - 1', 'x - y']);
    const s = solve(R, gens, { digits: 5 });
    expect(s).toMatchObject({ complex: 2, real: 2, points: [['-0.70711', '-0.70711'], ['0.70711', '0.70711']], multiplicityCount: 2 });
    expect(s.provenance).toMatchObject({ algorithm: 'modular-parametrization', field: 'QQ', certified: false });
    expect(s.provenance!.primes!.count).toBeGreaterThan(0);
    expect(s.provenance!.note).toMatch(/probabilistic/);
    expect(s.note).toBeUndefined();
    const c = solve(R, gens, { digits: 5, certify: true });
    expect(c.provenance).toMatchObject({ certified: true });
    expect(c.provenance!.note).toMatch(/exact check in Q\[T\]\/\(W\)\), and the certified Gröbner basis over QQ has vdim 2, so there are no others/);
    expect(counts(c)).toEqual(counts(s));
  });

  it('certify: true never certifies what only the primes say (a non-radical ideal, no solutions)', () => {
    // Non-radical: the parametrization does not apply; the trace route on the grevlex basis.
    const nr = system(['x', 'y'], ['(x - 1)^3*(x + 2)', '(y - x)^2']);
    const I = new Ideal(nr.R, nr.gens);
    const s = solveIdeal(I, { digits: 10, certified: true });
    expect(s.value).toMatchObject({ complex: 2, real: 2, multiplicityCount: 8 });
    expect(s.provenance.certified).toBe(true);
    // No solutions: 1 in the ideal modulo two primes is no proof; the certified basis is.
    const none = new Ideal(nr.R, system(['x', 'y'], ['x - y', 'x - y - 1']).gens);
    const n = solveIdeal(none, { certified: true });
    expect(n.value).toMatchObject({ complex: 0, real: 0 });
    expect(n.provenance.certified).toBe(true);
  });

  it('a non-radical ideal falls back to the trace route with the distinct counts, and says so', () => {
    const { R, gens } = system(['x', 'y'], ['(x - 1)^3*(x + 2)', '(y - x)^2']);
    const s = solve(R, gens, { digits: 10 });
    expect(s).toMatchObject({ complex: 2, real: 2, multiplicityCount: 8, method: 'hermite+rur' });
    expect(s.note).toMatch(/not-radical/);
    expect(s.provenance).toBeUndefined();
    expect(counts(s)).toEqual(counts(solve(R, gens, { digits: 10, method: 'hermite' })));
    expect(() => solve(R, gens, { method: 'parametrization' })).toThrow(expect.objectContaining({ code: 'not-radical' }) as MathError);
  });

  it('positive dimension and no solutions', () => {
    const line = system(['x', 'y'], ['x*y', 'x']);
    expect(() => solve(line.R, line.gens)).toThrow(/positive dimension 1/);
    const none = system(['x', 'y'], ['x - y', 'x - y - 1']);
    const s = solve(none.R, none.gens);
    expect(s).toMatchObject({ complex: 0, real: 0, points: [], multiplicityCount: 0 });
    expect(s.provenance).toMatchObject({ algorithm: 'modular-parametrization', certified: false });
  });

  it('the ideal handle solves without a Gröbner basis over QQ, and keeps a certified basis certified', () => {
    const { R, gens } = system(['x', 'y'], ['x^2 + y^2 - 1', 'x - y']);
    const I = new Ideal(R, gens);
    const s = solveIdeal(I, { digits: 5 });
    expect(I.engineRuns).toBe(0);
    expect(s.provenance).toMatchObject({ algorithm: 'modular-parametrization', certified: false });
    const J = new Ideal(R, gens);
    J.graded({ certified: true });
    const t = solveIdeal(J, { digits: 5 });
    expect(t.value.method).toBe('modular-parametrization');
    expect(t.provenance.certified).toBe(true);
    expect(counts(t.value)).toEqual(counts(s.value));
    const K = new Ideal(R, system(['x', 'y'], ['x^2', 'y']).gens);
    const k = solveIdeal(K, { digits: 5 });
    expect(k.value).toMatchObject({ complex: 1, multiplicityCount: 2 });
    expect(k.provenance.note).toMatch(/not-radical/);
  });

  it('dimensionModulo: the dimension modulo one prime, no basis over QQ (and why a positive answer is confirmed)', () => {
    const line = system(['x', 'y'], ['x*y', 'x']);
    expect(dimensionModulo(line.R, line.gens).dimension).toBe(1);
    const k = katsura(QQ, 3);
    expect(dimensionModulo(k.ring, k.gens).dimension).toBe(0);
    expect(dimensionModulo(line.R, [line.R.one()]).dimension).toBe(-1);
    // Modulo the first prime p the ideal (x + y, x + (1 + p)·y - 1) is the unit ideal, over QQ a point.
    const p = dimensionModulo(line.R, line.gens).prime;
    const unlucky = system(['x', 'y'], ['x + y', `x + ${p + 1}*y - 1`]);
    expect(dimensionModulo(unlucky.R, unlucky.gens)).toEqual({ dimension: -1, prime: p });
    expect(new Ideal(unlucky.R, unlucky.gens).dimension().value).toBe(0);
  });
});

