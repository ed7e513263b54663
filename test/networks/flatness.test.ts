// Flatness (background §5): the trace of the Hessian exactly, the closed forms of Ding, Drusvyatskiy,
// Fazel, Harchaoui, and the flattest factorization 4 √(n1 n2) ||M||_*.
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, rat } from '../../src/math/field.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { Random } from '../../src/math/random.js';
import {
  evaluateFloat,
  factorizationLoss,
  factorizationTraceFormula,
  flattestFactorization,
  traceHessian,
} from '../../src/networks/flatness.js';
import { fromRows, gaussianDense, matmul, toRows } from '../../src/math/dense/index.js';

const q = (n: number, d = 1): Rat => rat(BigInt(n), BigInt(d));

describe('trace of the Hessian', () => {
  it('is Σ ∂²f/∂x_i², exactly', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const [x, y] = [R.variable(0), R.variable(1)];
    const f = R.add(R.mul(R.mul(x, x), y), R.pow(y, 3));
    expect(R.toText(traceHessian(R, f))).toBe('8*y');
  });

  it('full observation: tr ∇² ||L R^T - M||² = 2 (n1 ||R||² + n2 ||L||²) identically', () => {
    const M = [[q(1), q(2), q(0)], [q(-1), q(3), q(1)]];
    const { ring, loss } = factorizationLoss(M, 2);
    expect(ring.equals(traceHessian(ring, loss), factorizationTraceFormula(ring, 2, 3, 2))).toBe(true);
  });

  it('matrix sensing at a zero-residual point: tr ∇²f = (2/m) Σ (||A_i R||² + ||A_i^T L||²)', () => {
    // f(L, R) = (1/m) Σ_i (<A_i, L R^T> - b_i)² with b_i = <A_i, L0 R0^T>, n1 = n2 = 2, k = 1, m = 3.
    const random = new Random(5);
    const A = Array.from({ length: 3 }, () => Array.from({ length: 2 }, () => Array.from({ length: 2 }, () => q(random.int(-3, 3)))));
    const P = new PolyRing(QQ, ['L1', 'L2', 'R1', 'R2']);
    const L0 = [q(1), q(-2)], R0 = [q(3), q(1)];
    let f = P.zero();
    for (const Ai of A) {
      let inner = P.zero();
      let b = QQ.zero;
      for (let r = 0; r < 2; r++) {
        for (let c = 0; c < 2; c++) {
          inner = P.add(inner, P.scale(P.mul(P.variable(r), P.variable(2 + c)), Ai[r]![c]!));
          b = QQ.add(b, QQ.mul(Ai[r]![c]!, QQ.mul(L0[r]!, R0[c]!)));
        }
      }
      const e: Poly<Rat> = P.sub(inner, P.constant(b));
      f = P.add(f, P.scale(P.mul(e, e), q(1, 3)));
    }
    const value = P.evaluate(traceHessian(P, f), [...L0, ...R0]);
    let expected = QQ.zero;
    for (const Ai of A) {
      // ||A_i R||² (R a 2×1 column) and ||A_i^T L||².
      for (let r = 0; r < 2; r++) {
        const AR = QQ.add(QQ.mul(Ai[r]![0]!, R0[0]!), QQ.mul(Ai[r]![1]!, R0[1]!));
        const AtL = QQ.add(QQ.mul(Ai[0]![r]!, L0[0]!), QQ.mul(Ai[1]![r]!, L0[1]!));
        expected = QQ.add(expected, QQ.add(QQ.mul(AR, AR), QQ.mul(AtL, AtL)));
      }
    }
    expect(value).toEqual(QQ.mul(q(2, 3), expected));
  });
});

describe('the flattest global minimum of matrix factorization', () => {
  it('exact case M = diag(4, 9): the balanced factorization has trace 104 = 4·√4·13', () => {
    const M = [[q(4), q(0)], [q(0), q(9)]];
    const { ring, loss } = factorizationLoss(M, 2);
    const t = traceHessian(ring, loss);
    // L = R = diag(2, 3) (balanced, n1 = n2) and an unbalanced L = diag(4, 9), R = I.
    expect(ring.evaluate(t, [q(2), q(0), q(0), q(3), q(2), q(0), q(0), q(3)])).toEqual(q(104));
    expect(ring.evaluate(t, [q(4), q(0), q(0), q(9), q(1), q(0), q(0), q(1)])).toEqual(q(2 * (2 * 2 + 2 * 97)));
    const flat = flattestFactorization(M, 2);
    expect(flat.bound).toBe(104);
    expect(flat.trace).toBeCloseTo(104, 10);
  });

  it('random rectangular M: trace at the balanced SVD factorization = 4 √(n1 n2) ||M||_*, and it is smaller than at other factorizations', () => {
    const random = new Random(21);
    for (const [n1, n2, k] of [[2, 3, 2], [3, 2, 2], [4, 3, 3], [3, 5, 3]] as const) {
      const M = Array.from({ length: n1 }, () => Array.from({ length: n2 }, () => q(random.int(-9, 9))));
      const flat = flattestFactorization(M, k);
      expect(flat.residual).toBeLessThan(1e-10);
      expect(Math.abs(flat.trace - flat.bound) / flat.bound).toBeLessThan(1e-12);
      // Another global minimum: L G, R G^{-T} for G = diag(2, 1, ...).
      const { ring, loss } = factorizationLoss(M, k);
      const scale = (t: number) => (t === 0 ? 2 : 1);
      const L = flat.L.map((r) => r.map((x, t) => x * scale(t)));
      const R = flat.R.map((r) => r.map((x, t) => x / scale(t)));
      expect(evaluateFloat(ring, loss, [...L.flat(), ...R.flat()])).toBeLessThan(1e-12);
      expect(evaluateFloat(ring, traceHessian(ring, loss), [...L.flat(), ...R.flat()])).toBeGreaterThan(flat.trace);
    }
  });

  it('the SVD route equals the exact trace polynomial route (the independent check) and the closed form', () => {
    const random = new Random(23);
    for (const [n1, n2, k] of [[3, 4, 2], [5, 3, 3]] as const) {
      // M of rank 2: a product of integer factors.
      const X = Array.from({ length: n1 }, () => [random.int(-4, 4), random.int(-4, 4)]);
      const Y = Array.from({ length: 2 }, () => Array.from({ length: n2 }, () => random.int(-4, 4)));
      const M = X.map((r) => Y[0]!.map((_, j) => q(r[0]! * Y[0]![j]! + r[1]! * Y[1]![j]!)));
      const fast = flattestFactorization(M, k);
      const exact = flattestFactorization(M, k, { exact: true });
      expect(fast.method).toBe('svd');
      expect(exact.method).toBe('exact-trace-polynomial');
      expect(Math.abs(fast.trace - exact.trace) / exact.trace).toBeLessThan(1e-12);
      expect(Math.abs(fast.trace - fast.bound) / fast.bound).toBeLessThan(1e-12);
      expect(() => flattestFactorization(M, 1)).toThrow(/below the rank of M \(2\)/);
    }
  });

  it('40×30 of rank 10 (float data): zero residual, trace = 4 √(n1 n2) ||M||_*, Σσ² = ||M||²_F', () => {
    const random = new Random(24);
    const M = matmul(gaussianDense(random, 40, 10), gaussianDense(random, 10, 30));
    const flat = flattestFactorization(M, 10);
    expect(flat.residual).toBeLessThan(1e-10 * Math.sqrt(toRows(M).flat().reduce((s, v) => s + v * v, 0)));
    expect(Math.abs(flat.trace - flat.bound) / flat.bound).toBeLessThan(1e-12);
    expect(flat.singularValues.slice(10).every((s) => s < 1e-10 * flat.singularValues[0]!)).toBe(true);
    // ||M||_* = tr sqrt(M^T M): the singular values squared are the eigenvalues of M^T M, whose sum is ||M||_F².
    const frob2 = toRows(M).flat().reduce((s, v) => s + v * v, 0);
    expect(Math.abs(flat.singularValues.reduce((s, v) => s + v * v, 0) - frob2) / frob2).toBeLessThan(1e-12);
    expect(() => flattestFactorization(fromRows([[1, 2]]), 1, { exact: true })).toThrow(/exact matrix/);
  });
});
