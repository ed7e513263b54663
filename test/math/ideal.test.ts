// Ideal operations, each checked by an independent route: membership by multiplying back, known
// dimensions and degrees (twisted cubic, determinantal ideals), the product formula for Hilbert series
// of complete intersections, elimination against the parametrization, saturation and quotient by
// their defining properties.
import { describe, expect, it } from 'vitest';
import { QQ, SmallPrimeField } from '../../src/math/field.js';
import { groebner } from '../../src/math/groebner/index.js';
import * as I from '../../src/math/ideal.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';

const R = new PolyRing(QQ, ['x', 'y', 'z']);
const p = (s: string) => parsePoly(R, s);
const ps = (...s: string[]) => s.map(p);
const text = (polys: Poly<unknown>[]) => polys.map((f) => R.toText(f as never));

describe('dimension, degree and Hilbert series', () => {
  it('the twisted cubic: dim 1, degree 3, from its equations and from its parametrization', () => {
    const C = ps('x*z - y^2', 'x^2 - y', 'x*y - z');
    expect(I.dimension(R, C)).toBe(1);
    expect(I.degree(R, C)).toBe(3n);
    const T = new PolyRing(QQ, ['t', 'x', 'y', 'z']);
    const implicit = I.eliminate(T, ['x - t', 'y - t^2', 'z - t^3'].map((s) => parsePoly(T, s)), [0]);
    expect(I.dimension(T, implicit)).toBe(2); // the cylinder over the curve in (t, x, y, z)
    const back = implicit.map((f) => T.convert(f, new PolyRing(QQ, ['t', 'x', 'y', 'z']), (c) => c));
    expect(back.length).toBeGreaterThan(0);
  });

  it('2×2 minors of a generic 2×3 matrix: dim 4, degree 3', () => {
    const S = new PolyRing(QQ, ['a', 'b', 'c', 'd', 'e', 'f']);
    const minors = ['a*e - b*d', 'a*f - c*d', 'b*f - c*e'].map((s) => parsePoly(S, s));
    expect(I.dimension(S, minors)).toBe(4);
    expect(I.codimension(S, minors)).toBe(2);
    expect(I.degree(S, minors)).toBe(3n);
  });

  it('complete intersections follow the product formula ∏(1 - t^d_i)/(1 - t)^n', () => {
    // forms of degrees 2, 3 in 4 variables: numerator (1 + t)(1 + t + t^2) after cancelling (1 - t)^2
    const S = new PolyRing(QQ, ['a', 'b', 'c', 'd']);
    const gens = ['a^2 + b*c - d^2', 'a^3 + b^3 + c^3 - 2*d^3'].map((s) => parsePoly(S, s));
    expect(I.hilbertSeries(S, gens)).toEqual({ numerator: [1n, 2n, 2n, 1n], power: 2 });
    expect(I.degree(S, gens)).toBe(6n);
  });

  it('counts solutions with multiplicity for zero-dimensional ideals', () => {
    expect(I.vdim(R, ps('x^2', 'y^3', 'z'))).toBe(6n);
    expect(I.degree(R, ps('x^2 + y^2 - 1', 'x - y', 'z'))).toBe(2n);
    expect(() => I.vdim(R, ps('x*y'))).toThrow(/positive dimension/);
    expect(I.dimension(R, ps('1'))).toBe(-1);
  });

  it('gives the same answers for lex rings (recomputed under grevlex) and over GF(p)', () => {
    const L = R.withOrder({ kind: 'lex' });
    expect(I.dimension(L, ['x*z - y^2', 'x^2 - y', 'x*y - z'].map((s) => parsePoly(L, s)))).toBe(1);
    const G = new PolyRing(new SmallPrimeField(32003), ['x', 'y', 'z']);
    expect(I.degree(G, ['x*z - y^2', 'x^2 - y', 'x*y - z'].map((s) => parsePoly(G, s)))).toBe(3n);
  });

  it('the Hilbert polynomial of the twisted cubic (projective, in P^3) is 3s + 1', () => {
    const P = new PolyRing(QQ, ['w', 'x', 'y', 'z']);
    const cubic = ['x*z - y^2', 'w*y - x^2', 'w*z - x*y'].map((s) => parsePoly(P, s));
    const hp = I.hilbertPolynomial(I.hilbertSeries(P, cubic));
    expect(hp.map((c) => QQ.toString(c))).toEqual(['1', '3']);
  });
});

describe('elimination, intersection, saturation, quotient', () => {
  it('eliminates t from the cuspidal cubic parametrization', () => {
    const T = new PolyRing(QQ, ['t', 'a', 'b']);
    const result = I.eliminate(T, ['a - t^2', 'b - t^3'].map((s) => parsePoly(T, s)), [0]);
    expect(result.map((f) => T.toText(f))).toEqual(['a^3 - b^2']);
  });

  it('intersects (x) and (y) to (x*y), and the result lies in both', () => {
    const result = I.intersect(R, ps('x'), ps('y'));
    expect(text(result)).toEqual(['x*y']);
    const J = I.intersect(R, ps('x^2', 'y'), ps('x', 'y^2'));
    for (const f of J) {
      expect(I.member(R, f, ps('x^2', 'y'))).toBe(true);
      expect(I.member(R, f, ps('x', 'y^2'))).toBe(true);
    }
    expect(I.idealEquals(R, J, ps('x^2', 'x*y', 'y^2'))).toBe(true);
  });

  it('saturates (x^2 y, x y^2) = (xy)·(x, y) by (x) to (y), and by (x, y) to (xy)', () => {
    expect(text(I.saturate(R, ps('x^2*y', 'x*y^2'), ps('x')))).toEqual(['y']);
    // only the embedded point at the origin goes: the two axes remain
    expect(text(I.saturate(R, ps('x^2*y', 'x*y^2'), ps('x', 'y')))).toEqual(['x*y']);
    expect(text(I.saturate(R, ps('x^2', 'x*y'), ps('x', 'y')))).toEqual(['x']);
    // removing the embedded origin from a line with an embedded point
    expect(I.idealEquals(R, I.saturate(R, ps('x*y', 'y^2'), ps('x')), ps('y'))).toBe(true);
  });

  it('quotients satisfy f·J ⊆ I for every f in I : J', () => {
    const Iq = ps('x^2*y', 'y^3', 'z*x');
    const J = ps('x', 'y');
    const Q = I.quotient(R, Iq, J);
    for (const f of Q) for (const g of J) expect(I.member(R, R.mul(f, g), Iq)).toBe(true);
    expect(text(I.quotient(R, ps('x*y'), ps('x')))).toEqual(['y']);
  });

  it('membership agrees with an explicit combination', () => {
    const gens = ps('x^2 - y', 'x*y - z');
    const f = R.add(R.mul(p('x + z'), gens[0]!), R.mul(p('y^2 - 3'), gens[1]!));
    expect(I.member(R, f, gens)).toBe(true);
    expect(I.member(R, R.add(f, p('1')), gens)).toBe(false);
  });
});

describe('radical of zero-dimensional ideals', () => {
  it('removes multiplicities: (x^2, y^3) has radical (x, y)', () => {
    const S = new PolyRing(QQ, ['x', 'y']);
    const r = I.radical(S, ['x^2', 'y^3'].map((s) => parsePoly(S, s)));
    expect(r.map((f) => S.toText(f))).toEqual(['y', 'x']);
  });

  it('a radical ideal is its own radical; the degree drops to the number of distinct points', () => {
    const S = new PolyRing(QQ, ['x', 'y']);
    const gens = ['(x^2 - 2)^2', 'y - x'].map((s) => parsePoly(S, s));
    expect(I.degree(S, gens)).toBe(4n);
    const r = I.radical(S, gens);
    expect(I.degree(S, r)).toBe(2n);
    expect(I.idealEquals(S, I.radical(S, r), r)).toBe(true);
    expect(groebner(S, r).basis.length).toBeGreaterThan(0);
  });
});
