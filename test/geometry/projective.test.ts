// Projective varieties: dimension, degree, Hilbert polynomial, multidegrees, polar degrees, Chern–Mather
// degrees (Piene) and generic ED degrees (DHOST Thm 5.8 against the Lagrange count), checked against
// closed forms: rational normal curves, the Veronese surface, Segre varieties, diagonals, hypersurfaces
// of products (shared/math/BACKGROUND.md §1; DHOST 2016 §5 and §7).
import { describe, expect, it } from 'vitest';
import { QQ } from '../../src/math/field.js';
import { PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { Random } from '../../src/math/random.js';
import { segre, variety, veronese } from '../../src/geometry/index.js';
import {
  chernMather,
  chernMatherFromPolar,
  edDegreeFromChernMather,
  multidegree,
  polarFromChernMather,
  projectiveDimension,
  projectiveEdDegree,
  projectiveHilbertPolynomial,
  projectiveVariety,
} from '../../src/geometry/projective.js';

const options = () => ({ random: new Random(11) });
const rat = (n: number, d = 1) => QQ.fromRational(BigInt(n), BigInt(d));

describe("Piene's formula and DHOST Thm 5.8 (arithmetic, against the Chern classes of smooth varieties)", () => {
  it('inverts: Chern–Mather degrees → polar degrees → the same Chern–Mather degrees', () => {
    for (const c of [[2n, 4n, 4n], [4n, 6n, 3n], [6n, 18n, 24n, 18n, 9n], [3n, 8n, 9n, 6n]]) expect(chernMatherFromPolar(polarFromChernMather(c).map(Number))).toEqual(c);
  });

  it('gives the literature values for P^2 × P^2 (3×3 matrices of rank 1): polar degrees 3, 6, 12, 12, 6 and generic ED degree 39', () => {
    // c(T) = (1 + h1)^3 (1 + h2)^3 against (h1 + h2)^{4-i}: 6, 18, 24, 18, 9 (computed by hand in the module's terms).
    const c = [6n, 18n, 24n, 18n, 9n];
    expect(polarFromChernMather(c)).toEqual([3n, 6n, 12n, 12n, 6n]);
    expect(edDegreeFromChernMather(c)).toBe(39n);
    expect(polarFromChernMather(c).reduce((a, b) => a + b, 0n)).toBe(39n);
  });
});

describe('projective varieties against closed forms', () => {
  it('rational normal curves of degree d: dim 1, degree d, Hilbert polynomial d s + 1, polar degrees (2d - 2, d), Chern–Mather (d, 2), generic ED degree 3d - 2 by both routes', () => {
    for (const d of [2, 3, 4]) {
      const P = projectiveVariety(veronese(2, d).variety);
      expect(projectiveDimension(P, options())).toBe(1);
      expect(projectiveHilbertPolynomial(P)).toEqual([rat(1), rat(d)]);
      const cm = chernMather(P, options());
      expect({ d, polar: cm.polar, cm: cm.chernMather }).toEqual({ d, polar: [2 * d - 2, d], cm: [BigInt(d), 2n] });
      if (d <= 3) {
        const ed = projectiveEdDegree(P, 'both', options());
        expect({ d, polar: ed.polar, lagrange: ed.lagrange }).toEqual({ d, polar: 3 * d - 2, lagrange: 3 * d - 2 });
      }
    }
  });

  it('the Veronese surface ν_2(P^2) ⊂ P^5: degree 4, Hilbert polynomial 2s^2 + 3s + 1, Chern degrees (4, 6, 3) of (1 + H)^3 with O(1) = 2H, generic ED degree 13', () => {
    const P = projectiveVariety(veronese(3, 2).variety);
    expect(projectiveDimension(P, options())).toBe(2);
    expect(projectiveHilbertPolynomial(P)).toEqual([rat(1), rat(3), rat(2)]);
    const cm = chernMather(P, options());
    expect(cm.chernMather).toEqual([4n, 6n, 3n]);
    expect(edDegreeFromChernMather(cm.chernMather)).toBe(13n);
  });

  it('Segre P^1 × P^1 ⊂ P^3: Chern degrees (2, 4, 4), generic ED degree 6 by both routes (2×2 rank ≤ 1 with generic weights)', () => {
    const P = projectiveVariety(segre([2, 2]).variety);
    expect(projectiveHilbertPolynomial(P)).toEqual([rat(1), rat(2), rat(1)]);
    expect(chernMather(P, options()).chernMather).toEqual([2n, 4n, 4n]);
    const ed = projectiveEdDegree(P, 'both', options());
    expect([ed.polar, ed.lagrange]).toEqual([6, 6]);
  });

  it('Segre P^1 × P^2 ⊂ P^5: degree 3, Chern degrees (3, 8, 9, 6) of (1 + h1)^2 (1 + h2)^3, generic ED degree 10', () => {
    const P = projectiveVariety(segre([2, 3]).variety);
    expect(projectiveDimension(P, options())).toBe(3);
    const cm = chernMather(P, options());
    expect(cm.chernMather).toEqual([3n, 8n, 9n, 6n]);
    expect(edDegreeFromChernMather(cm.chernMather)).toBe(10n);
  });

  it('Segre P^2 × P^2 (3×3 matrices of rank 1): the Lagrange count with generic weights is 39, DHOST Thm 5.8 on the closed-form Chern degrees', () => {
    const P = projectiveVariety(segre([3, 3]).variety);
    expect(projectiveEdDegree(P, 'lagrange', options()).lagrange).toBe(Number(edDegreeFromChernMather([6n, 18n, 24n, 18n, 9n])));
  });
});

describe('multidegrees of subvarieties of products of projective spaces', () => {
  it('the diagonal of P^2 × P^2 has multidegree (1, 1, 1) and Segre degree 4 (it is the Veronese surface)', () => {
    const R = new PolyRing(QQ, ['x0', 'x1', 'x2', 'y0', 'y1', 'y2']);
    const X = variety(R, ['x0*y1 - x1*y0', 'x0*y2 - x2*y0', 'x1*y2 - x2*y1'].map((g) => parsePoly(R, g)));
    const r = multidegree(projectiveVariety(X, [3, 3]), options());
    expect(r.dimension).toBe(2);
    expect(r.terms.map((t) => [t.cuts, t.degree])).toEqual([[[0, 2], 1], [[1, 1], 1], [[2, 0], 1]]);
    expect(r.segreDegree).toBe(4);
  });

  it('a hypersurface of bidegree (a, b) in P^1 × P^2 has multidegree (a, b): a points over a point of P^2, b on a line over a point of P^1', () => {
    const R = new PolyRing(QQ, ['x0', 'x1', 'y0', 'y1', 'y2']);
    for (const [a, b, f] of [[2, 1, 'x0^2*y0 + x0*x1*y1 - x1^2*y2'], [1, 3, 'x0*(y0^3 + y1^3 + y2^3) - x1*y0*y1*y2'], [3, 2, 'x0^3*y0^2 - x1^3*y1*y2 + x0*x1^2*(y2^2 - y0*y1)']] as const) {
      const r = multidegree(projectiveVariety(variety(R, [parsePoly(R, f)]), [2, 3]), options());
      expect({ f, terms: r.terms.map((t) => [t.cuts, t.degree]) }).toEqual({ f, terms: [[[0, 2], a], [[1, 1], b]] });
    }
  });

  it('the whole of P^1 × P^1 has class 1 and Segre degree 2 (the quadric surface)', () => {
    const R = new PolyRing(QQ, ['x0', 'x1', 'y0', 'y1']);
    const r = multidegree(projectiveVariety(variety(R, []), [2, 2]), options());
    expect(r.terms.map((t) => [t.cuts, t.degree])).toEqual([[[1, 1], 1]]);
    expect(r.segreDegree).toBe(2);
  });

  it('refuses equations that are not homogeneous in each block, and blocks that do not cover the variables', () => {
    const R = new PolyRing(QQ, ['x0', 'x1', 'y0', 'y1']);
    expect(() => projectiveVariety(variety(R, [parsePoly(R, 'x0*y0 - x1')]), [2, 2])).toThrow(/not homogeneous in each block/);
    expect(() => projectiveVariety(variety(R, [parsePoly(R, 'x0*y0 - x1*y1')]), [2, 1])).toThrow(/cover the 4 variables/);
    expect(() => projectiveVariety(variety(R, [parsePoly(R, 'x0^2 - x1')]))).toThrow(/not homogeneous/);
  });
});
