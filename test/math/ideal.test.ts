// Ideal operations, each checked by an independent route: membership by multiplying back, known
// dimensions and degrees (twisted cubic, determinantal ideals), the product formula for Hilbert series
// of complete intersections, elimination against the parametrization, saturation and quotient by
// their defining properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QQ, SmallPrimeField } from '../../src/math/field.js';
import { groebner } from '../../src/math/groebner/index.js';
import * as I from '../../src/math/ideal.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { Random } from '../../src/math/random.js';
import { cyclic, katsura } from '../../src/math/systems.js';

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

describe('standard monomials and the Hilbert polynomial', () => {
  it('lists the standard monomials of a zero-dimensional ideal in ascending order', () => {
    const basis = groebner(R, ps('x^2', 'y^3', 'z')).basis;
    expect(I.standardMonomials(R, basis).map((m) => R.monomialText(m) || '1')).toEqual(['1', 'y', 'x', 'y^2', 'x*y', 'x*y^2']);
    expect(I.standardMonomials(R, groebner(R, ps('1')).basis)).toEqual([]);
    expect(() => I.standardMonomials(R, groebner(R, ps('x*y', 'z')).basis)).toThrow(expect.objectContaining({ code: 'not-zero-dimensional' }));
    // as many standard monomials as solutions with multiplicity, for katsura-3 (8)
    const k = katsura(QQ, 3);
    expect(I.standardMonomials(k.ring, groebner(k.ring, k.gens).basis).length).toBe(8);
  });

  it('takes a ring and generators as well as a series', () => {
    const P = new PolyRing(QQ, ['w', 'x', 'y', 'z']);
    const cubic = ['x*z - y^2', 'w*y - x^2', 'w*z - x*y'].map((s) => parsePoly(P, s));
    expect(I.hilbertPolynomial(P, cubic).map((c) => QQ.toString(c))).toEqual(['1', '3']);
    // a plane conic in P^2: 2s + 1; the degree is (dim - 1)! times the leading coefficient
    const S = new PolyRing(QQ, ['x', 'y', 'z']);
    expect(I.hilbertPolynomial(S, [parsePoly(S, 'x^2 + y^2 - z^2')]).map((c) => QQ.toString(c))).toEqual(['1', '2']);
  });
});

describe('benchmark systems through the ideal operations', () => {
  it('katsura-3: zero-dimensional of degree 8; cyclic-4: a curve of degree 4', () => {
    const k = katsura(QQ, 3);
    expect(I.isZeroDimensional(k.ring, k.gens)).toBe(true);
    expect(I.degree(k.ring, k.gens)).toBe(8n);
    expect(I.vdim(k.ring, k.gens)).toBe(8n);
    const c = cyclic(QQ, 4);
    expect(I.dimension(c.ring, c.gens)).toBe(1);
    expect(I.degree(c.ring, c.gens)).toBe(4n);
    expect(I.isZeroDimensional(c.ring, c.gens)).toBe(false);
  });
});

describe('second routes', () => {
  it('the twisted cubic from its parametrization equals the ideal of 2×2 minors', () => {
    const T = new PolyRing(QQ, ['t', 'x', 'y', 'z']);
    const implicit = I.eliminate(T, ['x - t', 'y - t^2', 'z - t^3'].map((s) => parsePoly(T, s)), [0]);
    expect(implicit.every((f) => f.mons.every((m) => m[0] === 0))).toBe(true);
    const inR = implicit.map((f) => R.fromTerms(f.mons.map((m, k) => [m.slice(1), f.coeffs[k]!] as const)));
    // minors of [[1, x, y], [x, y, z]]
    const minors = ps('y - x^2', 'z - x*y', 'x*z - y^2');
    expect(I.idealEquals(R, inR, minors)).toBe(true);
    expect(I.dimension(R, inR)).toBe(1);
    expect(I.degree(R, inR)).toBe(3n);
  });

  it('eliminating from a lex ring gives the same ideal as from a grevlex ring', () => {
    const L = new PolyRing(QQ, ['t', 'x', 'y'], { kind: 'lex' });
    const G = new PolyRing(QQ, ['t', 'x', 'y']);
    const gens = ['x - t^2 - t', 'y - t^3 + 1'];
    const fromLex = I.eliminate(L, gens.map((s) => parsePoly(L, s)), [0]).map((f) => L.convert(f, G, (c) => c));
    const fromGrevlex = I.eliminate(G, gens.map((s) => parsePoly(G, s)), [0]);
    expect(I.idealEquals(G, fromLex, fromGrevlex)).toBe(true);
    expect(fromGrevlex.length).toBe(1);
  });

  it('saturation equals the limit of iterated quotients', () => {
    const cases: [string[], string][] = [
      [['x^2*y', 'x*y^2'], 'x'],
      [['x^3*z - y^2*x', 'x^2*y^2 - z^3', 'x*z^2'], 'x'],
      [['x*y*z', 'x^2*z^2 - y^3', 'z^4'], 'z'],
    ];
    for (const [gens, by] of cases) {
      let current = ps(...gens);
      for (;;) {
        const next = I.quotient(R, current, ps(by));
        if (I.idealEquals(R, next, current)) break;
        current = next;
      }
      expect(I.idealEquals(R, I.saturate(R, ps(...gens), ps(by)), current)).toBe(true);
    }
  });

  it('intersections contain the product and lie in both ideals (random ideals over GF(32003))', () => {
    const G = new PolyRing(new SmallPrimeField(32003), ['x', 'y', 'z']);
    const term = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }));
    const poly = fc.array(term, { minLength: 1, maxLength: 3 }).map((ts) => G.fromTerms(ts.map(([c, e]) => [Int32Array.from(e), G.field.fromBigInt(BigInt(c))] as const)));
    const ideal = fc.array(poly, { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(ideal, ideal, (A, B) => {
        const meet = I.intersect(G, A, B);
        for (const f of meet) {
          expect(I.member(G, f, A)).toBe(true);
          expect(I.member(G, f, B)).toBe(true);
        }
        for (const a of A) for (const b of B) expect(I.member(G, G.mul(a, b), meet)).toBe(true);
      }),
      { numRuns: 15, seed: 5 },
    );
  });

  it('complete intersections of random forms follow the product formula', () => {
    const G = new PolyRing(new SmallPrimeField(32003), ['a', 'b', 'c', 'd']);
    const rng = new Random(11);
    const randomForm = (degree: number) => {
      const terms: [Int32Array, number][] = [];
      const walk = (i: number, left: number, e: number[]) => {
        if (i === 3) {
          terms.push([Int32Array.from([...e, left]), rng.int(1, 32002)]);
          return;
        }
        for (let k = 0; k <= left; k++) walk(i + 1, left - k, [...e, k]);
      };
      walk(0, degree, []);
      return G.fromTerms(terms);
    };
    // degrees 2, 2, 3 in 4 variables: (1 - t^2)^2 (1 - t^3) / (1 - t)^4 = (1 + t)^2 (1 + t + t^2) / (1 - t)
    const series = I.hilbertSeries(G, [randomForm(2), randomForm(2), randomForm(3)]);
    expect(series).toEqual({ numerator: [1n, 3n, 4n, 3n, 1n], power: 1 });
    expect(I.degree(G, [randomForm(2), randomForm(2), randomForm(3)])).toBe(12n);
  });

  it('radical over GF(p) and membership by multiplying back', () => {
    const G = new PolyRing(new SmallPrimeField(32003), ['x', 'y']);
    const q = (s: string) => parsePoly(G, s);
    expect(I.radical(G, [q('x^2 - 2*x + 1'), q('y^2')]).map((f) => G.toText(f))).toEqual(['y', 'x - 1']);
    const gens = [q('x^2 + y^2 - 1'), q('x*y - 2')];
    const combination = G.add(G.mul(q('x^3 - y'), gens[0]!), G.mul(q('7*y^2 + 1'), gens[1]!));
    expect(I.member(G, combination, gens)).toBe(true);
    expect(I.member(G, G.add(combination, q('x')), gens)).toBe(false);
    expect(I.isUnitIdeal(G, [...gens, q('x')])).toBe(true);
  });
});
