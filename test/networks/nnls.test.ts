// NNLS (background §6): the three methods agree to 1e-8 on seeded random problems with known
// solutions; exact Lawson–Hanson; the conserved ratio x1/x2 for A = [1 1], y = 1; the active
// constraint for A = 1, y = -1; progress and interruption.
import { describe, expect, it } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { QQ, type Rat, rat } from '../../src/math/field.js';
import { solveLinear } from '../../src/math/linalg/matrix.js';
import { Random } from '../../src/math/random.js';
import { type NnlsMethod, kktResidual, nnls, randomNnlsProblem } from '../../src/networks/nnls.js';

const q = (n: number, d = 1): Rat => rat(BigInt(n), BigInt(d));
const METHODS: NnlsMethod[] = ['lawson-hanson', 'reparam', 'accelerated'];
const maxDiff = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));

describe('the three methods agree', () => {
  for (const [seed, m, n] of [[1, 12, 6], [2, 20, 10], [3, 30, 15], [4, 25, 25]] as const) {
    it(`on a random ${m}×${n} problem (seed ${seed}) to 1e-8, at the known solution`, () => {
      const P = randomNnlsProblem(seed, m, n);
      const results = METHODS.map((method) => nnls(P.A, P.b, method));
      for (const r of results) {
        expect(r.converged).toBe(true);
        expect(maxDiff(r.x as number[], P.solution)).toBeLessThan(1e-8);
      }
      expect(maxDiff(results[1]!.x as number[], results[2]!.x as number[])).toBeLessThan(1e-8);
      expect(Math.abs(results[0]!.residual - results[1]!.residual)).toBeLessThan(1e-8);
      // The accelerated variant needs fewer iterations than plain reparametrized descent.
      expect(results[2]!.iterations).toBeLessThan(results[1]!.iterations);
    });
  }

  it('exact Lawson–Hanson recovers a known rational solution exactly; the float methods agree with it', () => {
    // b = A x* - A (A^T A)^{-1} λ with λ > 0 exactly where x* = 0: x* is the strictly complementary NNLS solution.
    const random = new Random(8);
    for (let trial = 0; trial < 4; trial++) {
      const m = 7, n = 4;
      const A = Array.from({ length: m }, () => Array.from({ length: n }, () => q(random.int(-5, 5))));
      const xStar = Array.from({ length: n }, (_, j) => (j % 2 === trial % 2 ? q(0) : q(random.int(1, 9), random.int(1, 4))));
      const lambda = xStar.map((x) => (x.num === 0n ? q(random.int(1, 5)) : q(0)));
      const AtA = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => A.reduce((s, r) => QQ.add(s, QQ.mul(r[i]!, r[j]!)), QQ.zero)));
      const z = solveLinear(QQ, AtA, lambda)!;
      const b = A.map((r) => r.reduce((s, a, j) => QQ.add(s, QQ.mul(a, QQ.sub(xStar[j]!, z[j]!))), QQ.zero));
      const exact = nnls(A, b, 'lawson-hanson');
      expect(exact.exact).toBe(true);
      expect(exact.kkt).toEqual(QQ.zero);
      expect(exact.x).toEqual(xStar);
      const floatX = xStar.map((v) => Number(v.num) / Number(v.den));
      for (const method of ['reparam', 'accelerated'] as const) {
        const r = nnls(A, b, method);
        expect(maxDiff(r.x as number[], floatX)).toBeLessThan(1e-8);
      }
      const approx = nnls(A, b, 'lawson-hanson', { exact: false });
      expect(maxDiff(approx.x as number[], floatX)).toBeLessThan(1e-12);
    }
  });

  it('a small exact example: A = [[1, 2], [3, 4], [5, 6]], b = (1, -2, 3) has x = (2/7, 0)', () => {
    const r = nnls([[q(1), q(2)], [q(3), q(4)], [q(5), q(6)]], [q(1), q(-2), q(3)], 'lawson-hanson');
    expect(r.x).toEqual([q(2, 7), q(0)]);
  });
});

describe('background §6 values', () => {
  it('A = [1 1], y = 1: the ratio x1/x2 is conserved and x(∞) = (a/(a+b), b/(a+b))', () => {
    for (const method of ['reparam', 'accelerated'] as const) {
      for (const [a, b] of [[0.1, 0.3], [2, 0.5], [1e-3, 4e-3]] as const) {
        const r = nnls([[1, 1]], [1], method, { init: [a, b] });
        const [x1, x2] = r.x as number[];
        expect(x1! / x2!).toBeCloseTo(a / b, 12);
        expect(x1!).toBeCloseTo(a / (a + b), 10);
        expect(x2!).toBeCloseTo(b / (a + b), 10);
      }
    }
    // Lawson–Hanson picks a vertex instead (a different, equally optimal solution).
    const lh = nnls([[q(1), q(1)]], [q(1)], 'lawson-hanson');
    expect(lh.x).toEqual([q(1), q(0)]);
  });

  it('n = 1, A = 1, y = -1: the constraint is active, x → 0', () => {
    for (const method of ['reparam', 'accelerated'] as const) {
      const r = nnls([[1]], [-1], method, { init: [0.5] });
      expect((r.x as number[])[0]).toBeLessThan(1e-12);
      expect(r.residual).toBeCloseTo(1, 12);
    }
    expect(nnls([[q(1)]], [q(-1)], 'lawson-hanson').x).toEqual([q(0)]);
  });

  it('small initialization selects a small-ℓ1 solution of an underdetermined problem', () => {
    const r = nnls([[1, 2, 3]], [6], 'reparam', { init: [1e-6, 1e-6, 1e-6] });
    const x = r.x as number[];
    // Solutions: x ≥ 0 with x1 + 2 x2 + 3 x3 = 6; the minimal ℓ1 one is (0, 0, 2).
    expect(x[0]! + 2 * x[1]! + 3 * x[2]!).toBeCloseTo(6, 9);
    expect(x[2]!).toBeGreaterThan(1.9);
  });
});

describe('long runs', () => {
  it('report progress and stop when interrupted', () => {
    const P = randomNnlsProblem(5, 40, 20);
    const events: string[] = [];
    nnls(P.A, P.b, 'reparam', { onProgress: (e) => events.push(e.message ?? '') });
    expect(events.some((m) => m.startsWith('reparam: iteration 1000'))).toBe(true);
    let calls = 0;
    const signal = { get aborted() { return ++calls > 1; } };
    expect(() => nnls(P.A, P.b, 'reparam', { signal })).toThrow(MathError);
  });

  it('the KKT residual is zero exactly at KKT points', () => {
    expect(kktResidual([0, 2], [3, 0])).toBe(0);
    expect(kktResidual([1, 2], [3, 0])).toBe(1);
  });
});
