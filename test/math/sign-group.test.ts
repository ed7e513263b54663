// The sign group of a polynomial (src/math/zerodim/sign-group.ts) against closed forms, and the invariant
// parametrization (src/math/zerodim/invariant.ts) against the orbits computed by hand from the full
// parametrization: on x² + y² = 5, xy = 2 (points (±1, ±2), (±2, ±1) with equal signs) the group {1, flip
// both} has the 2 orbits {(1, 2), (-1, -2)} and {(2, 1), (-2, -1)}, where x² is 1 and 4.
import { describe, expect, it } from 'vitest';
import { QQ, rat } from '../../src/math/field.js';
import { PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { intervalSqrt } from '../../src/math/realroots/orbit-point.js';
import { parametrizeInvariants } from '../../src/math/zerodim/invariant.js';
import { PRIME_TASKS } from '../../src/math/zerodim/prime-tasks.js';
import { characterOf, characterRank, homogeneousCharacter, signGroupOf } from '../../src/math/zerodim/sign-group.js';
import { linearNetwork } from '../../src/networks/architectures.js';
import { squaredLoss } from '../../src/networks/losses.js';
import { dyadicToRat } from '../../src/math/interval/dyadic.js';
import { compareRat } from '../../src/math/field.js';

const R = new PolyRing(QQ, ['x', 'y', 'z']);
const P = (s: string) => parsePoly(R, s);

describe('signGroupOf', () => {
  it('finds the sign changes that leave a polynomial invariant', () => {
    // x² + y² + xy: only (x, y) -> (-x, -y); z is absent, so z -> -z is free too.
    const g = signGroupOf(P('x^2 + y^2 + x*y'), 3);
    expect(g.rank).toBe(2);
    expect(characterOf(g, [1, 1, 0])).toBe(0);
    expect(characterOf(g, [1, 0, 0])).not.toBe(0);
    expect(signGroupOf(P('x + y + z'), 3).rank).toBe(0);
    expect(signGroupOf(P('x^2*y + z^2'), 3).rank).toBe(2); // y fixed; x and z free
    expect(homogeneousCharacter(g, P('x*y + z^2'))).toBe(0);
    expect(homogeneousCharacter(g, P('x + y^3'))).toBe(characterOf(g, [1, 0, 0]));
    expect(homogeneousCharacter(g, P('x + z'))).toBeNull();
  });

  it('for a deep linear network: one flip per hidden unit (2-2-1: rank 2, W1 row k and W2 column k share unit k)', () => {
    const N = linearNetwork([2, 2, 1]);
    const L = squaredLoss(N, [[rat(1n), rat(2n)], [rat(0n), rat(1n)]], [[rat(2n), rat(-1n)]], { kind: 'entrywise', weights: N.ring.vars.map((_, i) => rat(BigInt(i + 1), 10n)) });
    const g = signGroupOf(L, N.ring.nvars);
    expect(g.rank).toBe(2);
    const c = g.characters; // W1[1,1] W1[1,2] W1[2,1] W1[2,2] W2[1,1] W2[1,2]
    expect(c[0]).toBe(c[1]);
    expect(c[0]).toBe(c[4]);
    expect(c[2]).toBe(c[3]);
    expect(c[2]).toBe(c[5]);
    expect(c[0]).not.toBe(c[2]);
    expect(characterRank(g, [0, 1, 4])).toBe(1);
    expect(characterRank(g, [0, 2])).toBe(2);
    expect(characterRank(g, [])).toBe(0);
  });
});

describe('intervalSqrt', () => {
  it('encloses the square root, outward rounded', () => {
    for (const [num, den] of [[2n, 1n], [1n, 3n], [10n ** 40n + 7n, 1n], [5n, 10n ** 30n]] as const) {
      const x = rat(num, den);
      const a = { lo: { m: (num << 200n) / den, e: -200 }, hi: { m: (num << 200n) / den + 1n, e: -200 } };
      const r = intervalSqrt(a, 100);
      const lo = dyadicToRat(r.lo), hi = dyadicToRat(r.hi);
      expect(compareRat(QQ.mul(lo, lo), x)).toBeLessThanOrEqual(0);
      expect(compareRat(QQ.mul(hi, hi), x)).toBeGreaterThanOrEqual(0);
      // About 100 bits: the width is small relative to the root.
      expect(Number(QQ.sub(hi, lo).num) / Number(QQ.sub(hi, lo).den)).toBeLessThan(1e-20 * Math.max(1, Math.sqrt(Number(num) / Number(den))));
    }
  });
});

describe('parametrizeInvariants', () => {
  const S = new PolyRing(QQ, ['x', 'y']);
  const gens = [parsePoly(S, 'x^2 + y^2 - 5'), parsePoly(S, 'x*y - 2')];
  const group = signGroupOf(parsePoly(S, 'x^2 + y^2 + x*y'), 2);

  it('parametrizes the orbits: 4 points in 2 orbits, x² = 1 and 4, xy = 2 on both (closed form)', () => {
    const r = parametrizeInvariants(S, gens, group, [parsePoly(S, 'x^2'), parsePoly(S, 'x*y')], { seed: 2 });
    expect(r.quotientDimension).toBe(4);
    expect(r.w.length - 1).toBe(2);
    // At each root θ of W: x² = V_0(θ)/(d_0 W'(θ)). Its values are the roots of (s - 1)(s - 4): the
    // resultant test is done numerically here on the two real roots of the quadratic W.
    const [c, b, a] = r.w.map(Number);
    const roots = [(-b! + Math.sqrt(b! * b! - 4 * a! * c!)) / (2 * a!), (-b! - Math.sqrt(b! * b! - 4 * a! * c!)) / (2 * a!)];
    const value = (j: number, t: number) => {
      const v = r.numerators[j]!.reduce((s, x, k) => s + Number(x) * t ** k, 0);
      return v / (Number(r.denominators[j]!) * (b! + 2 * a! * t));
    };
    expect(roots.map((t) => value(0, t)).sort((u, v) => u - v).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([1, 4]);
    expect(roots.map((t) => Math.round(value(1, t) * 1e9) / 1e9)).toEqual([2, 2]);
    expect(r.provenance.algorithm).toBe('sparse FGLM on the invariant ring');
    expect(r.provenance.note).toMatch(/4 solutions with multiplicity in 2 orbits/);
  });

  it('gives the same result through plain-data tasks in any order (what a worker thread computes)', () => {
    const plain = parametrizeInvariants(S, gens, group, [parsePoly(S, 'x^2'), parsePoly(S, 'x*y')], { seed: 2 });
    const other = parametrizeInvariants(S, gens, group, [parsePoly(S, 'x^2'), parsePoly(S, 'x*y')], {
      seed: 2,
      runner: {
        name: 'reversed batches of 3',
        parallelism: 3,
        images(job, primes, options) {
          const task = PRIME_TASKS[job.task](structuredClone(job.setup));
          return [...primes].reverse().map((p) => task.image(p, options?.signal)).reverse();
        },
      },
    });
    expect(other.w).toEqual(plain.w);
    expect(other.numerators).toEqual(plain.numerators);
  });

  it('refuses generators that are not homogeneous for the group, and non-invariant functions', () => {
    expect(() => parametrizeInvariants(S, [parsePoly(S, 'x + y^2 - 1'), parsePoly(S, 'y - 1')], group, [parsePoly(S, 'x^2')])).toThrow(/homogeneous/);
    expect(() => parametrizeInvariants(S, gens, group, [parsePoly(S, 'x')])).toThrow(/invariants/);
  });
});
