// Chern–Mather classes of subvarieties of products of projective spaces (issue 16 item 4), against
// closed forms. For smooth X, c_M(X) = c(TX) ∩ [X]: P^a × P^b has (1 + H_1)^{a+1} (1 + H_2)^{b+1}, so
// μ(i, j) = ∫ c_M H_1^i H_2^j = C(a+1, a-i) C(b+1, b-j); the diagonal of P^1 × P^1 is a P^1 of class
// H_1 + H_2 with Euler characteristic 2. For a curve, the Nash blow-up is the normalization, so
// χ_M = 2 - 2g of the normalization: the nodal curve s² - t² + s²t² = 0 of bidegree (2, 2) (arithmetic
// genus 1, one node, geometric genus 0) has χ_M = 2, where its topological Euler characteristic (the
// CSM class) is 1. Every result also passes the module's own check (the degrees in the Segre embedding
// against Piene's formula on the Segre image, a computation without sections).
import { describe, expect, it } from 'vitest';
import { binomial, variety } from '../../src/geometry/index.js';
import { multiprojectiveChernMather, segreImage } from '../../src/geometry/multiprojective-chern-mather.js';
import { chernMather, projectiveVariety } from '../../src/geometry/projective.js';
import { QQ } from '../../src/math/field.js';
import * as ideals from '../../src/math/ideal.js';
import { PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { Random } from '../../src/math/random.js';
import { runLines } from '../helpers.js';

const options = (seed = 7) => ({ random: new Random(seed) });

function product(vars: readonly string[], blocks: readonly number[], gens: readonly string[]) {
  const R = new PolyRing(QQ, [...vars]);
  return projectiveVariety(variety(R, gens.map((g) => parsePoly(R, g))), blocks);
}

/** classes as {cuts → degree} text, for comparison. */
const flat = (classes: readonly (readonly { cuts: readonly number[]; degree: bigint }[])[]) => classes.map((terms) => terms.map((t) => `${t.cuts.join(',')}:${t.degree}`));

describe('Chern–Mather classes of subvarieties of products of projective spaces', () => {
  it('P^1 × P^1 and P^1 × P^2: the coefficients of (1 + H_1)^{a+1} (1 + H_2)^{b+1}', () => {
    for (const [a, b] of [[1, 1], [1, 2]] as const) {
      const vars = [...Array.from({ length: a + 1 }, (_, i) => `x${i}`), ...Array.from({ length: b + 1 }, (_, i) => `y${i}`)];
      const res = multiprojectiveChernMather(product(vars, [a + 1, b + 1], []), options());
      const m = a + b;
      expect(res.dimension).toBe(m);
      const expected = Array.from({ length: m + 1 }, (_, k) => {
        const terms: string[] = [];
        for (let i = 0; i <= a; i++) {
          const j = m - k - i;
          if (j >= 0 && j <= b) terms.push(`${i},${j}:${binomial(a + 1, a - i) * binomial(b + 1, b - j)}`);
        }
        return terms;
      });
      expect(flat(res.classes)).toEqual(expected);
    }
  });

  it('the diagonal of P^1 × P^1: [Δ] = H_1 + H_2 and Euler characteristic 2; Segre degrees (2, 2) of a conic', () => {
    const res = multiprojectiveChernMather(product(['x0', 'x1', 'y0', 'y1'], [2, 2], ['x0*y1 - x1*y0']), options());
    expect(flat(res.classes)).toEqual([['0,1:1', '1,0:1'], ['0,0:2']]);
    expect(res.degrees).toEqual([2n, 2n]);
    expect(res.polar).toEqual([2, 2]);
  });

  it('a nodal curve of bidegree (2, 2): χ_M = 2 (the normalization is P^1), not the Euler characteristic 1', () => {
    const res = multiprojectiveChernMather(product(['x0', 'x1', 'y0', 'y1'], [2, 2], ['x1^2*y0^2 - x0^2*y1^2 + x1^2*y1^2']), options(3));
    expect(flat(res.classes)).toEqual([['0,1:2', '1,0:2'], ['0,0:2']]);
  });

  it('the Segre image is the Segre variety for the whole product, and carries the ideal of X', () => {
    const whole = segreImage(product(['x0', 'x1', 'y0', 'y1'], [2, 2], []), options());
    const Z = whole.cone.ring;
    expect(ideals.idealEquals(Z, whole.cone.gens, [parsePoly(Z, 'z1_1*z2_2 - z1_2*z2_1')])).toBe(true);
    // The one-block Chern–Mather degrees of the Segre image are the module's Segre degrees.
    const sigma = segreImage(product(['x0', 'x1', 'y0', 'y1', 'y2'], [2, 3], ['x0*y0 + x1*y1']), options());
    expect(chernMather(sigma, options()).chernMather).toEqual(multiprojectiveChernMather(product(['x0', 'x1', 'y0', 'y1', 'y2'], [2, 3], ['x0*y0 + x1*y1']), options()).degrees);
  });

  it('in the language: chernMather of a product gives {classes, degrees, polar}; polarDegrees those of the Segre image', () => {
    const lines = runLines(
      ['ring R = QQ[x0, x1, y0, y1];', 'let P = projective(V(x0*y1 - x1*y0), blocks = [2, 2]);', 'let c = chernMather(P);', 'print c.classes;', 'print c.degrees, c.polar, polarDegrees(P);', 'print c.classes[1] == multidegree(P);'].join('\n'),
    );
    expect(lines).toEqual(['[[{cuts: [0, 1], degree: 1}, {cuts: [1, 0], degree: 1}], [{cuts: [0, 0], degree: 2}]]', '[2, 2], [2, 2], [2, 2]', 'true']);
  });
});
