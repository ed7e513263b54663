// Matrix recovery losses (src/networks/recovery.ts) against their definitions built term by term,
// bilinear sensing as sensing with rank-one matrices, full-observation completion against the
// factorization loss of flatness.ts; the flattest zero-loss point (src/networks/flattest.ts) against
// the closed form 4√(n1 n2)||M||_* of full observation (Ding, Drusvyatskiy, Fazel, Harchaoui) and the
// balanced-factorization value 2 Σ_k c_k |w_k| of a depth-2 diagonal network.
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, rat } from '../../src/math/field.js';
import { type Poly, PolyRing } from '../../src/math/poly.js';
import { Random } from '../../src/math/random.js';
import { diagonalNetwork } from '../../src/networks/architectures.js';
import { factorizationLoss, flattestFactorization } from '../../src/networks/flatness.js';
import { flattestZeroLoss } from '../../src/networks/flattest.js';
import { squaredLoss } from '../../src/networks/losses.js';
import { bilinearLoss, completionLoss, robustPcaLoss, sensingLoss } from '../../src/networks/recovery.js';

const q = (n: number, d = 1): Rat => rat(BigInt(n), BigInt(d));
const toFloat = (r: Rat) => Number(r.num) / Number(r.den);
const randomMatrix = (random: Random, m: number, n: number) => Array.from({ length: m }, () => Array.from({ length: n }, () => q(random.int(-3, 3))));
const same = (R: PolyRing<Rat>, a: Poly<Rat>, b: Poly<Rat>) => expect(R.isZero(R.sub(a, b))).toBe(true);

/** (L Rᵀ)_ij built from the ring's variables L[i,t] then R[j,t]. */
function entryOf(P: PolyRing<Rat>, n1: number, k: number, i: number, j: number): Poly<Rat> {
  let p = P.zero();
  for (let t = 0; t < k; t++) p = P.add(p, P.mul(P.variable(i * k + t), P.variable(n1 * k + j * k + t)));
  return p;
}

describe('recovery losses', () => {
  it('matrix sensing is (1/m) Σ (⟨A_i, L Rᵀ⟩ - b_i)² term by term', () => {
    const random = new Random(2);
    const [n1, n2, k, m] = [2, 3, 2, 4];
    const A = Array.from({ length: m }, () => randomMatrix(random, n1, n2));
    const b = Array.from({ length: m }, () => q(random.int(-5, 5)));
    const r = sensingLoss(A, b, k);
    const P = r.ring;
    let direct = P.zero();
    A.forEach((Ai, i) => {
      let e = P.constant(QQ.neg(b[i]!));
      for (let a = 0; a < n1; a++) for (let c = 0; c < n2; c++) e = P.add(e, P.scale(entryOf(P, n1, k, a, c), Ai[a]![c]!));
      direct = P.add(direct, P.mul(e, e));
    });
    same(P, r.loss, P.scale(direct, q(1, m)));
    expect(r.families.map((f) => `${f.name}:${f.shape.join('x')}`)).toEqual(['L:2x2', 'R:3x2']);
  });

  it('bilinear sensing is sensing with A_i = u_i v_iᵀ', () => {
    const random = new Random(3);
    const U = randomMatrix(random, 5, 3), V = randomMatrix(random, 5, 2), y = Array.from({ length: 5 }, () => q(random.int(-4, 4)));
    const A = U.map((u, i) => u.map((a) => V[i]!.map((c) => QQ.mul(a, c))));
    const bil = bilinearLoss(U, V, y, 2), sen = sensingLoss(A, y, 2);
    same(bil.ring, bil.loss, sen.loss);
  });

  it('completion with every entry observed is the factorization loss divided by n1·n2; a partial mask drops the unobserved entries', () => {
    const random = new Random(4);
    const M = randomMatrix(random, 3, 2);
    const all = [1, 2, 3].flatMap((i) => [1, 2].map((j) => [i, j] as [number, number]));
    const c = completionLoss(M, all, 2), f = factorizationLoss(M, 2);
    same(c.ring, c.loss, c.ring.scale(f.loss, q(1, 6)));
    const part = completionLoss(M, [[1, 1], [3, 2]], 1);
    const P = part.ring;
    const e1 = P.sub(entryOf(P, 3, 1, 0, 0), P.constant(M[0]![0]!)), e2 = P.sub(entryOf(P, 3, 1, 2, 1), P.constant(M[2]![1]!));
    same(P, part.loss, P.scale(P.add(P.mul(e1, e1), P.mul(e2, e2)), q(1, 2)));
    expect(() => completionLoss(M, [[4, 1]], 1)).toThrow(/outside the 3×2 matrix/);
  });

  it('robust PCA is ||L Rᵀ + G⊙G - H⊙H - M||² + λ(||G||² + ||H||²) at random points', () => {
    const random = new Random(5);
    const M = randomMatrix(random, 2, 2);
    const lambda = q(1, 3);
    const r = robustPcaLoss(M, 1, lambda);
    expect(r.ring.nvars).toBe(2 + 2 + 4 + 4);
    for (let trial = 0; trial < 5; trial++) {
      const x = Array.from({ length: r.ring.nvars }, () => q(random.int(-9, 9), 4));
      const [L, R, G, H] = [x.slice(0, 2), x.slice(2, 4), x.slice(4, 8), x.slice(8, 12)];
      let expected = QQ.zero;
      for (let i = 0; i < 2; i++) {
        for (let j = 0; j < 2; j++) {
          const g = G[2 * i + j]!, h = H[2 * i + j]!;
          const e = QQ.sub(QQ.add(QQ.sub(QQ.mul(L[i]!, R[j]!), M[i]![j]!), QQ.mul(g, g)), QQ.mul(h, h));
          expected = QQ.add(expected, QQ.add(QQ.mul(e, e), QQ.mul(lambda, QQ.add(QQ.mul(g, g), QQ.mul(h, h)))));
        }
      }
      expect(QQ.eq(r.ring.evaluate(r.loss, x), expected)).toBe(true);
    }
  });
});

describe('the flattest zero-loss point (quadratic penalty)', () => {
  it('of full-observation completion reaches the closed form 4√(n1 n2)||M||_* / (n1 n2) from below', () => {
    const M = [[q(4), q(0), q(1)], [q(0), q(9), q(2)]];
    const all = [1, 2].flatMap((i) => [1, 2, 3].map((j) => [i, j] as [number, number]));
    const c = completionLoss(M, all, 2);
    const closed = flattestFactorization(M, 2).bound / 6;
    const random = new Random(3);
    const r = flattestZeroLoss(c.ring, c.loss, { init: Array.from({ length: c.ring.nvars }, () => random.nextFloat() * 2 - 1) });
    expect(r.feasible).toBe(true);
    expect(r.trace).toBeLessThanOrEqual(closed * (1 + 1e-9));
    expect(Math.abs(r.trace - closed) / closed).toBeLessThan(1e-5);
    // The penalty rounds approach the constrained minimum from below, monotonically.
    const traces = r.rounds.slice(1).map((k) => k.trace);
    traces.forEach((t, i) => i === 0 || expect(t).toBeGreaterThanOrEqual(traces[i - 1]! - 1e-9));
  });

  it('of a depth-2 diagonal network is the sparse interpolant, at the balanced value 2 Σ c_k |w_k|', () => {
    const N = diagonalNetwork(6, 2);
    const X = [[-1, 2, 1, 1], [-2, 2, 3, 1], [-1, 3, 3, 1], [-3, -1, 2, -2], [3, 3, 1, -2], [3, -1, -1, 1]].map((row) => row.map((v) => q(v)));
    const w0 = [0, 2, 0, 0, -1, 0];
    const Y = [X[0]!.map((_, j) => w0.reduce((s, w, k) => QQ.add(s, QQ.mul(q(w), X[k]![j]!)), QQ.zero))];
    const f = squaredLoss(N, X, Y);
    const random = new Random(8);
    const r = flattestZeroLoss(N.ring, f, { init: Array.from({ length: 12 }, () => random.nextFloat() * 2 - 1) });
    const w = w0.map((_, k) => r.x[k]! * r.x[6 + k]!);
    w.forEach((v, k) => expect(Math.abs(v - w0[k]!)).toBeLessThan(1e-3));
    const c = X.map((row) => row.reduce((s, v) => s + toFloat(v) ** 2, 0));
    const balanced = 2 * c.reduce((s, ck, k) => s + ck * Math.abs(w[k]!), 0);
    expect(Math.abs(r.trace - balanced) / balanced).toBeLessThan(1e-4);
    expect(Math.abs(r.trace - 118)).toBeLessThan(1e-2); // 2 (18·2 + 23·1) at w0
  });
});
