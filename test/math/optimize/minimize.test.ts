// The optimizers of src/math/optimize: the compiled gradient against exact differentiation; every
// method on convex quadratics against the closed-form optimum A⁻¹b (solved exactly over QQ);
// Rosenbrock's function for newton and adam (minimum (1, 1)); a deep linear network from a balanced
// start converging to the least-squares value (the closed form ½||Y - W*X||², W* = Y Xᵀ(X Xᵀ)⁻¹);
// balancedness of the balanced initialization; stopping reasons and sampled histories.
import { describe, expect, it } from 'vitest';
import { matTmul, matmul, transposeDense } from '../../../src/math/dense/index.js';
import { QQ, type Rat, rat } from '../../../src/math/field.js';
import { solveLinear } from '../../../src/math/linalg/matrix.js';
import { OPTIMIZER_METHODS, RealProgram, SampledHistory, balancedInit, minimize } from '../../../src/math/optimize/index.js';
import { PolyRing, type Poly } from '../../../src/math/poly.js';
import { Random } from '../../../src/math/random.js';
import { linearNetwork } from '../../../src/networks/architectures.js';
import { squaredLoss } from '../../../src/networks/losses.js';

const q = (n: number, d = 1): Rat => rat(BigInt(n), BigInt(d));
const toFloat = (r: Rat) => Number(r.num) / Number(r.den);

/** ½ xᵀAx - bᵀx for a symmetric A. */
function quadratic(R: PolyRing<Rat>, A: Rat[][], b: Rat[]): Poly<Rat> {
  let f = R.zero();
  const n = A.length;
  for (let i = 0; i < n; i++) {
    f = R.sub(f, R.scale(R.variable(i), b[i]!));
    for (let j = 0; j < n; j++) f = R.add(f, R.scale(R.mul(R.variable(i), R.variable(j)), QQ.mul(q(1, 2), A[i]![j]!)));
  }
  return f;
}

/** A seeded symmetric positive definite matrix BᵀB + I with small integer B. */
function spd(random: Random, n: number): Rat[][] {
  const B = Array.from({ length: n }, () => Array.from({ length: n }, () => random.int(-2, 2)));
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => q(B.reduce((s, row) => s + row[i]! * row[j]!, 0) + (i === j ? 1 : 0))));
}

describe('the compiled real program', () => {
  it('gives the value and gradient of exact evaluation at rational points', () => {
    const R = new PolyRing(QQ, ['x', 'y', 'z']);
    const [x, y, z] = [0, 1, 2].map((i) => R.variable(i)) as [Poly<Rat>, Poly<Rat>, Poly<Rat>];
    const f = R.add(R.add(R.mul(R.pow(x, 3), R.pow(y, 2)), R.scale(R.mul(R.mul(x, y), z), q(-3, 4))), R.add(R.pow(z, 4), R.constant(q(5))));
    const g = R.sub(R.mul(x, z), R.scale(R.pow(y, 3), q(1, 3)));
    const program = new RealProgram(3, [f, g]);
    const random = new Random(4);
    for (let trial = 0; trial < 10; trial++) {
      const point = [0, 1, 2].map(() => q(random.int(-20, 20), random.int(1, 8)));
      const value = new Float64Array(2), jac = new Float64Array(6);
      program.evaluate(point.map(toFloat), value, jac);
      [f, g].forEach((h, i) => {
        const exact = toFloat(R.evaluate(h, point));
        expect(value[i]).toBeCloseTo(exact, 9);
        for (let v = 0; v < 3; v++) expect(jac[i * 3 + v]).toBeCloseTo(toFloat(R.evaluate(R.diff(h, v), point)), 9);
      });
    }
  });
});

describe('convex quadratics: the closed-form optimum A⁻¹b', () => {
  for (const [seed, n] of [[1, 3], [2, 5], [3, 8]] as const) {
    it(`every method reaches A⁻¹b (n = ${n}, seed ${seed})`, () => {
      const random = new Random(seed);
      const A = spd(random, n);
      const b = Array.from({ length: n }, () => q(random.int(-5, 5)));
      const exact = solveLinear(QQ, A, b)!.map(toFloat);
      const R = new PolyRing(QQ, Array.from({ length: n }, (_, i) => `x${i + 1}`));
      const f = quadratic(R, A, b);
      // λ_max ≤ max row sum: a step below 1/λ_max makes gd and the momentum methods contract.
      const lmax = Math.max(...A.map((row) => row.reduce((s, a) => s + Math.abs(toFloat(a)), 0)));
      for (const method of OPTIMIZER_METHODS) {
        const step = method === 'newton' ? 1 : method === 'adam' ? 0.01 : 1 / lmax;
        const r = minimize(R, f, { method, init: new Float64Array(n), step, iterations: 200000, tolerance: 1e-10 });
        expect(r.reason, method).toBe('gradient');
        for (let i = 0; i < n; i++) expect(Math.abs(r.x[i]! - exact[i]!), method).toBeLessThan(1e-8);
        if (method === 'newton') expect(r.iterations).toBe(1); // one Newton step solves a quadratic
      }
    });
  }

  it('momentum beats plain gradient descent on an ill-conditioned quadratic', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const f = quadratic(R, [[q(1), q(0)], [q(0), q(1, 100)]], [q(1), q(1)]);
    const run = (method: 'gd' | 'heavy-ball' | 'nesterov') => minimize(R, f, { method, init: new Float64Array(2), step: 1, iterations: 100000, tolerance: 1e-9 });
    const gd = run('gd'), hb = run('heavy-ball'), nes = run('nesterov');
    expect(gd.converged && hb.converged && nes.converged).toBe(true);
    expect(hb.iterations).toBeLessThan(gd.iterations);
    expect(nes.iterations).toBeLessThan(gd.iterations);
    expect(Math.abs(nes.x[1]! - 100)).toBeLessThan(1e-6);
  });
});

describe('Rosenbrock (1 - x)² + 100 (y - x²)², minimum 0 at (1, 1)', () => {
  const R = new PolyRing(QQ, ['x', 'y']);
  const [x, y] = [R.variable(0), R.variable(1)];
  const f = R.add(R.pow(R.sub(R.one(), x), 2), R.scale(R.pow(R.sub(y, R.pow(x, 2)), 2), q(100)));
  it('newton from (-1.2, 1) converges quadratically', () => {
    const r = minimize(R, f, { method: 'newton', init: [-1.2, 1] });
    expect(r.reason).toBe('gradient');
    expect(Math.abs(r.x[0]! - 1) + Math.abs(r.x[1]! - 1)).toBeLessThan(1e-8);
    expect(r.iterations).toBeLessThan(40);
    // Quadratic convergence: the last gradient norms fall faster than linearly.
    const gn = r.history.gradientNorm;
    const k = gn.length - 1;
    expect(gn[k]!).toBeLessThan(gn[k - 1]! ** 1.5);
  });
  it('adam from (-1.2, 1) reaches (1, 1)', () => {
    const r = minimize(R, f, { method: 'adam', init: [-1.2, 1], step: 0.01, iterations: 100000 });
    expect(r.reason).toBe('gradient');
    expect(Math.abs(r.x[0]! - 1) + Math.abs(r.x[1]! - 1)).toBeLessThan(1e-6);
  });
  it('newton on the chained Rosenbrock function in 20 variables converges although the loss no longer resolves the last decreases', () => {
    // Σ 100 (x_{i+1} - x_i²)² + (1 - x_i)²: from (-1.2, 1, ...) Newton reaches the local minimum near
    // x_1 = -1 (loss ≈ 3.99); its rounding (ε·Σ|terms| ≈ 1e-12) exceeds the last Newton decreases,
    // which the line search must still accept (the rounding-aware Armijo test).
    const n = 20;
    const C = new PolyRing(QQ, Array.from({ length: n }, (_, i) => `x${i + 1}`));
    let g = C.zero();
    for (let i = 0; i + 1 < n; i++) {
      const a = C.sub(C.variable(i + 1), C.pow(C.variable(i), 2)), b = C.sub(C.one(), C.variable(i));
      g = C.add(g, C.add(C.scale(C.mul(a, a), q(100)), C.mul(b, b)));
    }
    const r = minimize(C, g, { method: 'newton', init: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1.2 : 1)), iterations: 1000 });
    expect(r.reason).toBe('gradient');
    expect(r.gradientNorm).toBeLessThan(1e-8);
  });
    it('gradient descent with too large a step diverges and keeps the last finite iterate', () => {
    const r = minimize(R, f, { method: 'gd', init: [-1.2, 1], step: 0.01, iterations: 1000 });
    expect(r.reason).toBe('diverged');
    expect(r.converged).toBe(false);
    expect(Number.isFinite(r.loss)).toBe(true);
    expect([...r.x].every(Number.isFinite)).toBe(true);
  });
});

describe('deep linear networks', () => {
  it('the balanced initialization is balanced and has a product of the requested scale', () => {
    const layers = balancedInit(new Random(3), [3, 4, 2, 5], 1);
    for (let l = 0; l + 1 < layers.length; l++) {
      const upper = matTmul(layers[l + 1]!, layers[l + 1]!); // W_{l+1}ᵀ W_{l+1}
      const lower = matmul(layers[l]!, transposeDense(layers[l]!)); // W_l W_lᵀ
      upper.data.forEach((v, i) => expect(Math.abs(v - lower.data[i]!)).toBeLessThan(1e-12));
    }
    // The product has rank ≤ min width = 2.
    const P = matmul(layers[2]!, matmul(layers[1]!, layers[0]!));
    expect(P.rows).toBe(5);
    expect(P.cols).toBe(3);
  });

  it('gradient descent from a balanced start reaches the global minimum of a filling 2-3-2 network', () => {
    const N = linearNetwork([2, 3, 2]);
    const X = [[q(1), q(2), q(-1), q(0)], [q(0), q(1), q(3), q(-2)]];
    const Y = [[q(2), q(-1), q(1), q(1)], [q(1), q(1), q(0), q(-1)]];
    const f = squaredLoss(N, X, Y);
    // Closed form: W* = Y Xᵀ (X Xᵀ)⁻¹, minimum ½ ||Y - W* X||²_F (exact over QQ).
    const XXt = X.map((a) => X.map((b) => a.reduce((s, v, j) => QQ.add(s, QQ.mul(v, b[j]!)), QQ.zero)));
    const Wstar = Y.map((y) => solveLinear(QQ, XXt, X.map((xr) => xr.reduce((s, v, j) => QQ.add(s, QQ.mul(v, y[j]!)), QQ.zero)))!);
    let best = QQ.zero;
    Y.forEach((y, o) => y.forEach((v, j) => {
      const r = QQ.sub(v, Wstar[o]!.reduce((s, w, i) => QQ.add(s, QQ.mul(w, X[i]![j]!)), QQ.zero));
      best = QQ.add(best, QQ.mul(q(1, 2), QQ.mul(r, r)));
    }));
    const random = new Random(11);
    const layers = balancedInit(random, [2, 3, 2], 0.1);
    // Parameters in ring order: W1[i,j] (3×2) then W2[i,j] (2×3), row-major.
    const init = [...layers[0]!.data, ...layers[1]!.data];
    const r = minimize(N.ring, f, { method: 'gd', init, step: 0.01, iterations: 200000, tolerance: 1e-9 });
    expect(r.reason).toBe('gradient');
    expect(Math.abs(r.loss - toFloat(best))).toBeLessThan(1e-9);
    const nes = minimize(N.ring, f, { method: 'nesterov', init, step: 0.01, iterations: 200000, tolerance: 1e-9 });
    expect(Math.abs(nes.loss - toFloat(best))).toBeLessThan(1e-9);
    expect(nes.iterations).toBeLessThan(r.iterations);
  });
});

describe('histories', () => {
  it('keep at most 4096 evenly sampled entries, the first and the last iteration, and the tracked coordinates', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const f = R.add(R.pow(R.variable(0), 2), R.scale(R.pow(R.variable(1), 2), q(1, 1000)));
    const r = minimize(R, f, { method: 'gd', init: [1, 1], step: 0.001, iterations: 10000, tolerance: 0, track: [1] });
    const h = r.history;
    expect(r.reason).toBe('iterations');
    expect(h.iteration[0]).toBe(0);
    expect(h.iteration.at(-1)).toBe(10000);
    expect(h.iteration.length).toBeLessThanOrEqual(4096);
    expect(h.coordinates.length).toBe(1);
    // y_k = (1 - 0.001·2/1000)^k exactly in exact arithmetic; the recorded coordinate follows it.
    h.iteration.forEach((k, e) => expect(h.coordinates[0]![e]!).toBeCloseTo((1 - 2e-6) ** k, 10));
    expect(h.loss.every((v, e) => e === 0 || v <= h.loss[e - 1]!)).toBe(true);
  });
  it('the sampler doubles its stride when full', () => {
    const s = new SampledHistory(['v'], 8);
    for (let k = 0; k < 100; k++) if (s.wants(k)) s.push(k, { v: k });
    expect(s.length).toBeLessThan(8);
    const its = s.columns.iteration;
    expect(its[0]).toBe(0);
    const gaps = its.slice(1).map((k, i) => k - its[i]!);
    expect(new Set(gaps).size).toBe(1);
  });
});
