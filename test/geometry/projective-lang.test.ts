// The projective kind in the language: construction, printing, dim/degree/hilbertPolynomial with their
// projective meaning, multidegree, chernMather, edDegree's two routes, ==, and located errors.
import { describe, expect, it } from 'vitest';
import { runErrors, runLines } from '../helpers.js';

describe('projective varieties in the language', () => {
  it('the twisted cubic: projective dim and degree, Hilbert polynomial, cone, Chern–Mather, ED degree by both routes', () => {
    const lines = runLines(
      [
        'let X = veronese(2, 3);',
        'let P = projective(X);',
        'print dim(P), dim(X), degree(P), hilbertPolynomial(P);',
        'print cone(P) == X, chernMather(P), polarDegrees(P);',
        'let e = edDegree(P, details = true);',
        'print e.count, e.polar, e.lagrange, e.chernMather;',
        'print edDegree(P, method = "polar"), edDegree(X, method = "polar");',
        'print how(edDegree(P)).algorithm;',
      ].join('\n'),
    );
    expect(lines).toEqual(['1, 2, 3, 3*s + 1', 'true, [3, 2], [4, 3]', '7, 7, 7, [3, 2]', '7, 7', 'projective-ed-degree (both)']);
  });

  it('a conic from an ideal, == up to saturation, and a product of projective lines', () => {
    const lines = runLines(
      [
        'ring R = QQ[x, y, z];',
        'let C = projective(V(x*z - y^2));',
        'print C, dim(C), degree(C);',
        'print C == projective(ideal(x*(x*z - y^2), y*(x*z - y^2), z*(x*z - y^2)));',
        'ring S = QQ[a0, a1, b0, b1];',
        'let D = projective(V(a0*b1 - a1*b0), blocks = [2, 2]);',
        'print D, dim(D), degree(D);',
        'print projective(ideal(a0*b1 - a1*b0), blocks = [2, 2]) == D;',
        'print multidegree(D);',
      ].join('\n'),
    );
    expect(lines).toEqual([
      'projective(V(-y^2 + x*z)), 1, 2',
      'true',
      'projective(V(-a1*b0 + a0*b1), blocks = [2, 2]), 1, 2',
      'true',
      '[{cuts: [0, 1], degree: 1}, {cuts: [1, 0], degree: 1}]',
    ]);
  });

  it('refuses non-homogeneous equations and bad blocks with located errors', () => {
    const a = runErrors('ring R = QQ[x, y];\nprint projective(ideal(x^2 - y));');
    expect([a[0]!.span.startLine, a[0]!.message]).toEqual([2, 'generator 1 is not homogeneous: a projective variety needs homogeneous equations']);
    const b = runErrors('ring R = QQ[x, y, z];\nprint projective(ideal(x*y), blocks = [1, 1]);');
    expect(b[0]!.message).toMatch(/must cover the 3 variables/);
    const c = runErrors('ring R = QQ[x, y];\nprint chernMather(V(x*y));');
    expect(c[0]!.message).toMatch(/must be a projective variety/);
    // Chern–Mather classes of products are computed (test/geometry/multiprojective-chern-mather.test.ts); ED degrees are not.
    const d = runErrors('ring R = QQ[x0, x1, y0, y1];\nprint edDegree(projective(ideal(x0*y1 - x1*y0), blocks = [2, 2]));');
    expect([d[0]!.span.startLine, d[0]!.message]).toEqual([2, 'the ED degree of a projective variety is computed for a subvariety of one projective space (one block of coordinates)']);
  });
});
