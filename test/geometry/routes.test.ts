// Routes by cost (src/geometry/routes.ts): the estimates, the choice and its record, and the counts of
// the chosen routes against the other routes and against closed formulas: the ED degree of rank-one
// tensors (Friedland–Ottaviani), the Eckart–Young variant of the Gaussian metric
// (shared/math/BACKGROUND.md §3), and the degenerate Kronecker forms of linear models (§2) that used
// to exhaust the memory.
import { describe, expect, it } from 'vitest';
import { QQ, compareRat, rat, type Rat } from '../../src/math/field.js';
import { PolyRing } from '../../src/math/poly.js';
import { Random } from '../../src/math/random.js';
import * as G from '../../src/geometry/index.js';
import { decimalToRational } from '../../src/math/solve.js';
import { PRIME, ed, r, twistedCubic } from './helpers.js';
import { runErrors, runLines } from '../helpers.js';

/**
 * Friedland–Ottaviani (Found. Comput. Math. 2014, Thm 1): the ED degree of the rank-one tensors of
 * format n1×...×nk is the coefficient of Π t_i^(n_i - 1) in Π_i (T_i^n_i - t_i^n_i) / (T_i - t_i),
 * T_i = Σ_{j≠i} t_j. Computed here by polynomial arithmetic, independently of the geometry layer.
 */
function friedlandOttaviani(sizes: readonly number[]): number {
  const k = sizes.length;
  const T = new PolyRing(QQ, sizes.map((_, i) => `t${i}`));
  const t = sizes.map((_, i) => T.variable(i));
  let prod = T.one();
  sizes.forEach((n, i) => {
    const hat = t.reduce((s, v, j) => (j === i ? s : T.add(s, v)), T.zero());
    let f = T.zero();
    for (let a = 0; a < n; a++) f = T.add(f, T.mul(T.pow(hat, a), T.pow(t[i]!, n - 1 - a)));
    prod = T.mul(prod, f);
  });
  const target = sizes.map((n) => n - 1);
  const at = prod.mons.findIndex((m) => Array.from({ length: k }, (_, i) => m[i]).every((e, i) => e === target[i]));
  return at < 0 ? 0 : Number(prod.coeffs[at]!.num);
}

/** The metric of Gaussian data on symmetric matrices, 2 tr(ST) + tr(S) tr(T), in the entries x_ij (i <= j). */
function gaussianForm(n: number): G.Form {
  const idx: [number, number][] = [];
  for (let i = 1; i <= n; i++) for (let j = i; j <= n; j++) idx.push([i, j]);
  return G.form(idx.map((a) => idx.map((b) => {
    let v = a[0] === b[0] && a[1] === b[1] ? (a[0] === a[1] ? 2 : 4) : 0;
    if (a[0] === a[1] && b[0] === b[1]) v += 1;
    return rat(BigInt(v));
  })));
}

/** diag(λ) in the entries x_ij (i <= j). */
function diagonalData(lambdas: readonly number[]): Rat[] {
  const out: Rat[] = [];
  lambdas.forEach((l, i) => lambdas.forEach((_, j) => { if (j >= i) out.push(r(i === j ? l : 0)); }));
  return out;
}

/** I_m ⊗ (D D^T): the form of ||W D||^2 on m×n matrices W (row-major entries), D n×N. */
function kroneckerForm(m: number, D: readonly (readonly number[])[]): G.Form {
  const n = D.length;
  const DDt = D.map((a) => D.map((b) => a.reduce((s, x, k) => s + x * b[k]!, 0)));
  return G.form(Array.from({ length: m * n }, (_, p) => Array.from({ length: m * n }, (_, q) =>
    r(Math.floor(p / n) === Math.floor(q / n) ? DDt[p % n]![q % n]! : 0))));
}

describe('the estimates and the choice', () => {
  it('the twisted cubic: Lagrange 6 variables (Bézout 96), parametric 2 (15); auto takes the parametric route', () => {
    const X = twistedCubic();
    const [lagrange, parametric, minors] = G.estimateRoutes(X);
    expect(lagrange).toMatchObject({ route: 'lagrange', variables: 6, bezout: 96n });
    expect(parametric).toMatchObject({ route: 'parametric', available: true, variables: 2, degrees: [5, 3], bezout: 15n });
    expect(minors).toMatchObject({ route: 'minors', variables: 4, minors: { count: 1, size: 3 } });
    const choice = G.chooseRoute(X, G.identityForm(3), undefined);
    expect(choice.route).toBe('parametric');
    expect(choice.reason).toMatch(/^route parametric: the smaller estimate \(lagrange: 6 variables, Bézout number 96; parametric: 2 variables, Bézout number 15/);
  });

  it('no parametrization, a degenerate form, or given data within the budget: the Lagrange route', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const conic = G.hypersurface(R, R.sub(R.add(R.mul(R.variable(0), R.variable(0)), R.mul(R.variable(1), R.variable(1))), R.one()));
    expect(G.chooseRoute(conic, G.identityForm(2), undefined).reason).toMatch(/^route lagrange: the parametric route is not available/);
    expect(G.chooseRoute(twistedCubic(), G.diagonalForm([r(0), r(1), r(1)]), undefined, { givenData: true }).reason).toMatch(/^route lagrange: the form is degenerate and the data are given/);
    expect(G.chooseRoute(twistedCubic(), G.diagonalForm([r(0), r(0), r(1)]), undefined).reason).toMatch(/^route lagrange: the projected route is not available .*projected: not available \(the projection drops the dimension \(rank Q = 1 ≤ dim X = 1/);
    expect(G.chooseRoute(twistedCubic(), G.identityForm(3), undefined, { givenData: true }).reason).toMatch(/^route lagrange: the Lagrange system is within the budget/);
    expect(G.chooseRoute(twistedCubic(), G.identityForm(3), 'minors').route).toBe('minors');
  });

  it('the result records the route and why; asking for a route is obeyed', () => {
    const X = twistedCubic();
    const auto = G.edDegree(X, G.identityForm(3), { random: new Random(1) });
    expect(auto).toMatchObject({ count: 5, route: 'parametric' });
    expect(auto.reason).toMatch(/Bézout number 96/);
    const asked = G.edDegree(X, G.identityForm(3), { random: new Random(1), method: 'lagrange' });
    expect(asked).toMatchObject({ count: 5, route: 'lagrange' });
    expect(asked.reason).toMatch(/^route lagrange as asked/);
  });
});

describe('segre(2, 2, 3): the parametric route where the Lagrange system does not finish', () => {
  it('the closed formula gives 6 for 2×2×2 and 8 for 2×2×3', () => {
    expect(friedlandOttaviani([2, 2, 2])).toBe(6);
    expect(friedlandOttaviani([2, 2, 3])).toBe(8);
    expect(friedlandOttaviani([2, 3])).toBe(2); // Eckart–Young: C(2, 1)
  });

  it('edDegree(segre(2, 2, 3)) = 8 by the route chosen (parametric), over QQ and modulo a prime', () => {
    const X = G.segre([2, 2, 3]).variety;
    const res = G.edDegree(X, G.identityForm(12), { random: new Random(1) });
    expect(res).toMatchObject({ count: friedlandOttaviani([2, 2, 3]), route: 'parametric' });
    expect(ed(X, G.identityForm(12), 2, { method: 'parametric', prime: PRIME })).toBe(8);
  });

  it('segre(2, 2, 2): the Lagrange and parametric routes agree with the formula (6)', () => {
    const X = G.segre([2, 2, 2]).variety;
    expect(ed(X, G.identityForm(8), 3, { prime: PRIME })).toBe(6);
    expect(ed(X, G.identityForm(8), 3, { method: 'parametric', prime: PRIME })).toBe(6);
  });
});

describe('criticalPoints on symmetric rank-one matrices with the Gaussian metric (Eckart–Young variant)', () => {
  // Rank-one critical points of the teacher diag(λ): s_i e_i e_i^T with s_i = λ_i + (Σ_{j≠i} λ_j) / 3.
  const expected = (lambdas: number[]) => lambdas.map((l) => QQ.add(r(l), QQ.div(r(lambdas.reduce((a, b) => a + b, 0) - l), r(3))));
  const diagonalsOf = (res: G.CriticalPointsResult, n: number) => {
    const diagonal = diagonalData(Array.from({ length: n }, () => 1)).map((x) => !QQ.isZero(x));
    return res.points.map((p) => {
      const coords = p.point.map(decimalToRational);
      coords.forEach((c, k) => { if (!diagonal[k]) expect(QQ.isZero(c)).toBe(true); });
      return coords.filter((_, k) => diagonal[k]).find((c) => !QQ.isZero(c))!;
    }).sort((a, b) => Number(QQ.sub(a, b).num));
  };
  /** Points printed to 30 digits against the exact values: equal to 25 digits. */
  const close = (got: Rat[], want: Rat[]) => {
    expect(got.length).toBe(want.length);
    const eps = rat(1n, 10n ** 25n);
    got.forEach((g, i) => {
      const d = QQ.sub(g, want[i]!);
      expect(compareRat(d.num < 0n ? QQ.neg(d) : d, eps) < 0).toBe(true);
    });
  };

  it('symmetricRank(3, 2, 1): the Lagrange route (within the budget), C(3, 1) = 3 points at the formula', () => {
    const res = G.criticalPoints(G.symmetricRank(3, 2, 1).variety, gaussianForm(3), diagonalData([1, 2, 3]), { random: new Random(1), digits: 30 });
    expect(res.method).toMatch(/route lagrange: the Lagrange system is within the budget/);
    expect(res.complex).toBe(3);
    close(diagonalsOf(res, 3), expected([1, 2, 3]));
  });

  it('symmetricRank(4, 2, 1): beyond the budget, the parametric route; C(4, 1) = 4 points at the formula', () => {
    const res = G.criticalPoints(G.symmetricRank(4, 2, 1).variety, gaussianForm(4), diagonalData([1, 2, 3, 4]), { random: new Random(1), digits: 30 });
    expect(res.method).toMatch(/route parametric: the Lagrange system is beyond the budget 100000 \(lagrange: 17 variables, Bézout number 458752; parametric: 5 variables, Bézout number 405/);
    expect(res).toMatchObject({ complex: 4, real: 4 });
    close(diagonalsOf(res, 4), expected([1, 2, 3, 4]));
    // The best rank-one approximation keeps the largest s_i (the only minimum); each other one is a saddle.
    expect(res.indices).toEqual([1, 1, 1, 1, 0]);
  });

  it('the ED degree of the same variety and metric by both routes (4 = C(4, 1))', () => {
    const X = G.symmetricRank(4, 2, 1).variety;
    expect(G.edDegree(X, gaussianForm(4), { random: new Random(2) })).toMatchObject({ count: 4, route: 'parametric' });
  });
});

describe('degenerate Kronecker forms I ⊗ D D^T of linear models (these used to run out of memory)', () => {
  const D = [[1, 2], [0, 1], [3, -1]];

  it('3×3 rank <= 1, D 3×2: a curve of critical points of degree 3 on the ramification locus, none off it, an empty fibre', () => {
    // π(W) = W D maps X onto the 3×2 matrices of rank <= 1 with lines as fibres, so X is all
    // ramification; the critical curve is the preimage of the C(2, 1) = 2 Eckart–Young points of the
    // image (two lines) and the line of the rank-one W with W D = 0 whose row space meets ker(U D D^T).
    const res = G.edDegree(G.determinantal(3, 3, 1).variety, kroneckerForm(3, D), { random: new Random(1) });
    expect(res).toMatchObject({
      count: null,
      route: 'lagrange',
      positiveDimensional: { dimension: 1, degree: 3 },
      fibre: { dimension: -1, degree: 0 },
      ramification: { dimension: 1, degree: 3 },
      regular: 0,
    });
    // Chosen by the estimate, the projected route finds that π drops the dimension of X and hands over.
    expect(res.reason).toMatch(/^route projected: the smaller estimate .*; π∘φ is not an immersion at a random point \(the projection drops the dimension of X\), so route lagrange$/);
  });

  it('3×3 rank <= 2, D 3×2: the fibre of global minima keeps its record (a plane: det(U + v n^T) is affine in v)', () => {
    const res = G.edDegree(G.determinantal(3, 3, 2).variety, kroneckerForm(3, D), { random: new Random(1) });
    expect(res).toMatchObject({ count: null, positiveDimensional: { dimension: 2, degree: 3 }, fibre: { dimension: 2, degree: 1 } });
    const at = G.criticalPoints(G.determinantal(3, 3, 2).variety, kroneckerForm(3, D), [1, 2, 3, 0, 1, -1, 2, 1, 1].map((x) => r(x)), { random: new Random(1) });
    expect(at).toMatchObject({ complex: null, positiveDimensional: { dimension: 2, degree: 3 }, fibreSet: { dimension: 2, degree: 1 } });
  });

  it('an isolated fibre point next to a critical line is reported (two planes, one contracted by the projection)', () => {
    // X = {z = 0} ∪ {y = 1}, Q = diag(1, 1, 0): on z = 0 the projection is an isomorphism (the fibre
    // point (u1, u2, 0)); on y = 1 it contracts the z-lines, and the critical points are the line x = u1.
    const R = new PolyRing(QQ, ['x', 'y', 'z']);
    const X = G.hypersurface(R, R.mul(R.variable(2), R.sub(R.variable(1), R.one())));
    const res = G.edDegree(X, G.diagonalForm([r(1), r(1), r(0)]), { random: new Random(1) });
    expect(res).toMatchObject({ positiveDimensional: { dimension: 1, degree: 1 }, fibre: { dimension: 0, degree: 1 }, ramification: { dimension: 1, degree: 1 }, regular: 0 });
    expect(res.method).toMatch(/plus 1 isolated fibre point/);
  });
});

describe('the projected route (degenerate forms): fibre, ramification and regular points counted apart', () => {
  const diag = (...d: number[]) => G.diagonalForm(d.map((x) => r(x)));

  it('the estimate: available for a degenerate form of rank above dim X, with the degrees of the parametric route; chosen by auto', () => {
    const estimates = G.estimateRoutes(twistedCubic(), {}, diag(0, 1, 1));
    expect(estimates[3]).toMatchObject({ route: 'projected', available: true, variables: 2, degrees: [5, 3], bezout: 15n });
    expect(G.estimateRoutes(twistedCubic(), {}, G.identityForm(3))[3]).toMatchObject({ available: false, unavailable: 'the form is not degenerate' });
    expect(G.chooseRoute(twistedCubic(), diag(0, 1, 1), undefined).reason).toMatch(/^route projected: the smaller estimate/);
  });

  it('the twisted cubic with diag(0, 1, 1): 5 = 4 regular + 1 ramification (the cusp of the projected curve), as the Lagrange route, for three seeds', () => {
    for (const seed of [1, 2, 3]) {
      const res = G.edDegree(twistedCubic(), diag(0, 1, 1), { random: new Random(seed) });
      expect(res).toMatchObject({ count: 5, route: 'projected', regular: 4, ramification: { dimension: 0, degree: 1 }, fibre: { dimension: -1, degree: 0 } });
      expect(res.method).toMatch(/^projected: 4 regular \(4 critical parameters of π∘φ, over deg φ = 1\) \+ 1 ramification/);
      expect(ed(twistedCubic(), diag(0, 1, 1), seed)).toBe(5);
    }
    // diag(1, 0, 1): (t, t^3) is an immersion, all 5 are regular.
    expect(G.edDegree(twistedCubic(), diag(1, 0, 1), { random: new Random(1) })).toMatchObject({ count: 5, regular: 5, ramification: { degree: 0 } });
  });

  it('given data on the fibre: the split equals the one of criticalPoints (Lagrange route)', () => {
    // u = (5, 4, 8): P u = P φ(2), so (2, 4, 8) is a fibre point (zero loss).
    const u = [5, 4, 8].map((x) => r(x));
    const res = G.edDegree(twistedCubic(), diag(0, 1, 1), { random: new Random(1), data: u, method: 'projected' });
    const cp = G.criticalPoints(twistedCubic(), diag(0, 1, 1), u, { random: new Random(1) });
    expect(cp.method).toMatch(/route lagrange/);
    expect(res).toMatchObject({ count: cp.complex, regular: cp.regular, ramification: { degree: cp.ramification }, fibre: { degree: cp.fibre } });
    expect(cp.fibre).toBe(1);
  });

  it('2×3 matrices of rank 1 with diag(1, 1, 1, 1, 1, 0): 3 = 2 regular + 1 ramification point, outside the chart of φ (Lagrange: 3)', () => {
    const X = G.determinantal(2, 3, 1).variety;
    const Q = diag(1, 1, 1, 1, 1, 0);
    const res = G.edDegree(X, Q, { random: new Random(1) });
    expect(res).toMatchObject({ count: 3, route: 'projected', regular: 2, ramification: { degree: 1 } });
    expect(ed(X, Q, 1)).toBe(3);
    expect(ed(X, Q, 2, { method: 'projected', prime: PRIME })).toBe(3);
  });

  it('segre(2, 2, 2) with two weights 0: 4 = 2 regular + 2 ramification; with one: 19 regular (Lagrange: the same)', () => {
    const X = G.segre([2, 2, 2]).variety;
    const two = diag(1, 1, 1, 1, 1, 1, 0, 0);
    expect(G.edDegree(X, two, { random: new Random(1), prime: PRIME })).toMatchObject({ count: 4, route: 'projected', regular: 2, ramification: { degree: 2 } });
    expect(ed(X, two, 1, { prime: PRIME })).toBe(4);
    const one = diag(0, 1, 1, 1, 1, 1, 1, 1);
    expect(G.edDegree(X, one, { random: new Random(1), prime: PRIME })).toMatchObject({ count: 19, regular: 19, ramification: { degree: 0 } });
    expect(ed(X, one, 1, { prime: PRIME })).toBe(19);
  });

  it('asked where it does not apply: a located reason', () => {
    expect(() => G.edDegree(twistedCubic(), G.identityForm(3), { random: new Random(1), method: 'projected' })).toThrow(/the projected route does not apply: the form is not degenerate/);
  });

  it('in the language: method = "projected", the split in details, how() names the route; a located error where it does not apply', () => {
    const src = 'ring T = QQ[t];\nlet C = image([t, t^2, t^3]);\nlet e = edDegree(C, diag(0, 1, 1), details = true);\nprint e.count, e.regular, e.ramification.degree, e.route;\nprint edDegree(C, diag(0, 1, 1), method = "projected"), how(edDegree(C, diag(0, 1, 1))).algorithm;';
    expect(runLines(src)).toEqual(['5, 4, 1, projected', '5, ed-degree (projected)']);
    const errors = runErrors('ring T = QQ[t];\nlet C = image([t, t^2, t^3]);\nprint edDegree(C, method = "projected");');
    expect(errors.map((e) => e.message)).toEqual(['the projected route does not apply: the form is not degenerate']);
    expect(errors[0]!.span.startLine).toBe(3);
  });
});
