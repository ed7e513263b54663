// ED degrees against the values of shared/math/BACKGROUND.md §1–2, each by the critical-ideal route
// (Lagrange system; the minors system where cheap) and a second route: the parametric system, the sum
// of polar degrees, or a closed formula. Counts must not depend on the seed, and QQ and GF(p) agree.
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/math/random.js';
import * as G from '../../src/geometry/index.js';
import { PRIME, ed, frobeniusForm, parabola, randomHypersurface, twistedCubic } from './helpers.js';

const binomial = (n: number, k: number) => G.binomial(n, k);

describe('general affine hypersurfaces: d · Σ_{i<n} (d-1)^i', () => {
  const formula = (n: number, d: number) => d * Array.from({ length: n }, (_, i) => (d - 1) ** i).reduce((a, b) => a + b, 0);
  for (const [n, d] of [[2, 2], [2, 3], [3, 2]] as const) {
    it(`n = ${n}, d = ${d}: ${formula(n, d)}`, () => {
      const X = randomHypersurface(n, d, 10 * n + d);
      const Q = G.identityForm(n);
      expect(ed(X, Q, 1)).toBe(formula(n, d));
      expect(ed(X, Q, 2, { method: 'minors' })).toBe(formula(n, d));
      expect(ed(X, Q, 3, { prime: PRIME })).toBe(formula(n, d));
    });
  }
  it('conic 4 and plane cubic 9', () => {
    expect(ed(randomHypersurface(2, 2, 5), G.identityForm(2), 7)).toBe(4);
    expect(ed(randomHypersurface(2, 3, 5), G.identityForm(2), 7)).toBe(9);
  });
});

describe('parabola 3, twisted cubic 5 (critical ideal and parametric routes)', () => {
  it('parabola y = x^2: 3', () => {
    const X = parabola();
    for (const seed of [1, 2, 3]) {
      expect(ed(X, G.identityForm(2), seed)).toBe(3);
      expect(ed(X, G.identityForm(2), seed, { method: 'parametric' })).toBe(3);
    }
    expect(ed(X, G.identityForm(2), 4, { method: 'minors' })).toBe(3);
  });
  it('affine twisted cubic (t, t^2, t^3): 5', () => {
    const X = twistedCubic();
    for (const seed of [1, 2, 3]) {
      expect(ed(X, G.identityForm(3), seed)).toBe(5);
      expect(ed(X, G.identityForm(3), seed, { method: 'parametric' })).toBe(5);
    }
    expect(ed(X, G.identityForm(3), 4, { method: 'minors' })).toBe(5);
    expect(ed(X, G.identityForm(3), 5, { prime: PRIME })).toBe(5);
  });
});

describe('Eckart–Young: m×n matrices of rank <= r with the Frobenius form have ED degree C(m, r)', () => {
  for (const [m, n, rk] of [[2, 2, 1], [2, 3, 1], [3, 3, 1], [3, 3, 2]] as const) {
    it(`determinantal(${m}, ${n}, ${rk}): ${binomial(m, rk)}`, () => {
      const X = G.determinantal(m, n, rk).variety;
      const Q = G.identityForm(m * n);
      const small = m * n <= 6;
      // Critical-ideal route (over QQ where it is quick, GF(p) for the 3×3 cases), two seeds.
      expect(ed(X, Q, 1, small ? {} : { prime: PRIME })).toBe(binomial(m, rk));
      expect(ed(X, Q, 2, { prime: PRIME })).toBe(binomial(m, rk));
      // Second route: the parametrization on the chart x = [I; a]·b.
      expect(ed(X, Q, 3, { method: 'parametric', prime: PRIME })).toBe(binomial(m, rk));
    });
  }
  it('2×2 of rank <= 1 by the minors system', () => {
    expect(ed(G.determinantal(2, 2, 1).variety, G.identityForm(4), 1, { method: 'minors' })).toBe(2);
  });
});

describe('generic weights: sum of polar degrees (DHOST Thm 5.4) and Thm 5.8', () => {
  // Thm 5.8 for a smooth curve of degree d and genus 0: 3d - 2; for P^1 × P^1 ⊂ P^3: 6.
  for (const d of [2, 3, 4]) {
    it(`rational normal curve of degree ${d}: 3d - 2 = ${3 * d - 2}`, () => {
      const X = G.veronese(2, d).variety;
      const polar = G.polarDegrees(X, { random: new Random(d), ...(d > 3 ? { prime: PRIME } : {}) });
      expect(polar.sum).toBe(3 * d - 2);
      expect(polar.degrees).toEqual([2 * d - 2, d]); // δ_0 = deg of the dual hypersurface, δ_1 = deg X
      expect(ed(X, G.randomWeights(d + 1, new Random(100 + d)), 1, { prime: PRIME })).toBe(3 * d - 2);
      expect(ed(X, G.randomWeights(d + 1, new Random(200 + d)), 2, { method: 'parametric', prime: PRIME })).toBe(3 * d - 2);
    });
  }
  it('2×2 matrices of rank <= 1 (P^1 × P^1): polar degrees [2, 2, 2], generic ED 6 = Thm 5.8', () => {
    const X = G.determinantal(2, 2, 1).variety;
    expect(G.polarDegrees(X, { random: new Random(1) }).degrees).toEqual([2, 2, 2]);
    // Thm 5.8 with m = 2, deg c_0 = 2, deg c_1 = 4, deg c_2 = 4: 7·2 - 3·4 + 1·4 = 6.
    expect(7 * 2 - 3 * 4 + 1 * 4).toBe(6);
    expect(ed(X, G.randomWeights(4, new Random(3)), 4)).toBe(6);
    expect(ed(X, G.randomSymmetricForm(4, new Random(5)), 6)).toBe(6);
  });
  it('2×3 matrices of rank <= 1: polar degrees [0, 3, 4, 3], generic ED 10', () => {
    const X = G.determinantal(2, 3, 1).variety;
    const polar = G.polarDegrees(X, { random: new Random(2), prime: PRIME });
    expect(polar.degrees).toEqual([0, 3, 4, 3]);
    expect(ed(X, G.randomWeights(6, new Random(7)), 8, { prime: PRIME })).toBe(polar.sum);
  });
});

describe('symmetric n×n matrices of rank 1 with the Frobenius form: n', () => {
  for (const n of [2, 3]) {
    it(`veronese(${n}, 2): ${n}`, () => {
      const c = G.veronese(n, 2);
      const Q = frobeniusForm(c);
      expect(ed(c.variety, Q, 1, n > 2 ? { prime: PRIME } : {})).toBe(n);
      expect(ed(c.variety, Q, 2, { method: 'parametric', prime: PRIME })).toBe(n); // t ↦ t t^T, degree 2
    });
  }
});

describe('degenerate forms (Marchetti–Connelly–Breiding–Kohn)', () => {
  it('twisted cubic, Q = diag(1, 1, 0): 3, the ED degree of the projected parabola', () => {
    const X = twistedCubic();
    const Q = G.diagonalForm([1n, 1n, 0n].map((x) => ({ num: x, den: 1n })));
    expect(ed(X, Q, 1)).toBe(3);
    expect(ed(X, Q, 2, { method: 'parametric' })).toBe(3);
    const image = G.projectVariety(G.projectionFromForm(Q), X);
    expect(ed(image, G.identityForm(2), 3)).toBe(3);
  });
  it('twisted cubic, Q = diag(0, 1, 1): 5 = 1 ramification point + 4', () => {
    const X = twistedCubic();
    const Q = G.diagonalForm([0n, 1n, 1n].map((x) => ({ num: x, den: 1n })));
    expect(ed(X, Q, 1)).toBe(5);
    expect(ed(X, Q, 2, { method: 'parametric' })).toBe(5);
    const res = G.criticalPoints(X, Q, [3n, -2n, 5n].map((x) => ({ num: x, den: 1n })), { random: new Random(4) });
    expect([res.complex, res.ramification, res.regular, res.fibre]).toEqual([5, 1, 4, 0]);
    const ram = G.ramificationLocus(G.projectionFromForm(Q), X, new Random(5));
    expect(ram.gens.length).toBe(3); // the origin (t = 0)
  });
  it('2×2 matrices of rank <= 1: identity 2, generic full-rank form 6', () => {
    const X = G.determinantal(2, 2, 1).variety;
    for (const seed of [1, 2]) {
      expect(ed(X, G.identityForm(4), seed)).toBe(2);
      expect(ed(X, G.randomSymmetricForm(4, new Random(seed)), seed + 10)).toBe(6);
    }
    expect(ed(X, G.randomSymmetricForm(4, new Random(9)), 3, { method: 'parametric' })).toBe(6);
  });
  it('2×2 matrices of rank <= 1, a rank-3 form: the fibre and ramification split', () => {
    const X = G.determinantal(2, 2, 1).variety;
    const Q = G.diagonalForm([1n, 1n, 1n, 0n].map((x) => ({ num: x, den: 1n })));
    const counts = [1, 2, 3].map((seed) => ed(X, Q, seed));
    expect(new Set(counts).size).toBe(1);
    const res = G.criticalPoints(X, Q, [1n, 2n, 3n, 4n].map((x) => ({ num: x, den: 1n })), { random: new Random(1) });
    expect(res.complex).toBe(counts[0]);
    expect(res.fibre).toBe(1);
    expect((res.fibre ?? 0) + (res.ramification ?? 0) + (res.regular ?? 0)).toBe(res.complex);
  });
  it('highly degenerate regime: a positive-dimensional critical set is reported as such', () => {
    const X = G.determinantal(2, 2, 1).variety;
    const Q = G.diagonalForm([1n, 1n, 0n, 0n].map((x) => ({ num: x, den: 1n })));
    const res = G.edDegree(X, Q, { random: new Random(1) });
    expect(res.count).toBeNull();
    expect(res.fibre).toEqual({ dimension: 1, degree: 1 });
    expect(res.positiveDimensional?.dimension).toBe(1);
  });
});

describe('seed independence and QQ / GF(p) agreement', () => {
  it('the same counts for five seeds and over GF(p)', () => {
    const X = G.determinantal(2, 2, 1).variety;
    const W = G.randomWeights(4, new Random(11));
    const counts = [1, 2, 3, 4, 5].map((seed) => ed(X, W, seed));
    const modular = [1, 2, 3].map((seed) => ed(X, W, seed, { prime: PRIME }));
    expect(new Set([...counts, ...modular])).toEqual(new Set([6]));
    const C = twistedCubic();
    const qq = [7, 8, 9].map((seed) => ed(C, G.identityForm(3), seed));
    const gf = [7, 8, 9].map((seed) => ed(C, G.identityForm(3), seed, { prime: 32003 }));
    expect([...qq, ...gf]).toEqual([5, 5, 5, 5, 5, 5]);
  });
});

describe('errors', () => {
  it('a non-symmetric matrix, a size that does not match', () => {
    expect(() => G.form([[{ num: 1n, den: 1n }, { num: 2n, den: 1n }], [{ num: 3n, den: 1n }, { num: 1n, den: 1n }]])).toThrow(/symmetric/);
    expect(() => ed(parabola(), G.identityForm(3), 1)).toThrow(/C\^2/);
  });
});
