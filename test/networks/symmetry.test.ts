// Stationary sets modulo symmetry (src/networks/symmetry.ts, stationary(L, symmetry = N)):
// - width-2 quadratic networks with Gaussian data: the orbits found on the slice are the Eckart–Young
//   variant of shared/math/BACKGROUND.md §3, S_I = Σ_{i∈I} s_i v_i v_iᵀ with
//   s_i = λ_i + (Σ_{j∉I} λ_j)/(|I| + 2), one orbit for each |I| ≤ 2 with every s_i > 0 (S = WᵀW is
//   positive semidefinite), with the loss 2 tr(D²) + (tr D)², D = S_I - S* (closed forms);
// - the normal Hessian's inertia against a floating-point eigenvalue check: the Hessian at a decimal
//   point of the orbit, restricted to the orthogonal complement of the orbit's tangent space (spanned
//   by the generators), by symmetric eigenvalues;
// - linear networks: the orbits' products W2 W1 and loss values against purity(), which finds them by
//   elimination (a second algorithm).
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, rat } from '../../src/math/field.js';
import { floatNormalInertia } from './float-normal-inertia.js';
import { linearNetwork, shallowNetwork } from '../../src/networks/architectures.js';
import { gaussianMoments, squaredLoss, targetFromQuadraticForm, teacherLoss } from '../../src/networks/losses.js';
import { linearNetworkPurity } from '../../src/networks/stationary.js';
import { networkSymmetry, symmetricStationary } from '../../src/networks/symmetry.js';
import { runErrors, runLines } from '../helpers.js';

const q = (n: number, d = 1) => rat(BigInt(n), BigInt(d));

/** Subsets of {0..n-1} of size ≤ k. */
function subsets(n: number, k: number): number[][] {
  const out: number[][] = [[]];
  for (let i = 0; i < n; i++) for (const s of [...out]) if (s.length < k) out.push([...s, i]);
  return out;
}

const quadraticCases = new Map<string, ReturnType<typeof computeQuadraticCase>>();
function quadraticCase(lambda: number[]) {
  const key = lambda.join(',');
  if (!quadraticCases.has(key)) quadraticCases.set(key, computeQuadraticCase(lambda));
  return quadraticCases.get(key)!;
}

function computeQuadraticCase(lambda: number[]) {
  const n = lambda.length;
  const N = shallowNetwork(n, 2, { kind: 'power', degree: 2 }, false);
  const S = lambda.map((l, i) => lambda.map((_, j) => (i === j ? q(l) : QQ.zero)));
  const L = teacherLoss(N, targetFromQuadraticForm(N, S), gaussianMoments(N));
  const sym = networkSymmetry(N)!;
  return { N, L, sym, result: symmetricStationary(N.ring, L, sym, { seed: 7, digits: 20 }) };
}

/** The closed-form critical points: for each I, the diagonal of S_I and the loss value, when real. */
function eckartYoung(lambda: number[]) {
  const n = lambda.length;
  return subsets(n, 2).flatMap((I) => {
    const rest = lambda.reduce((s, l, j) => (I.includes(j) ? s : s + l), 0);
    const s = lambda.map((l, i) => (I.includes(i) ? l + rest / (I.length + 2) : 0));
    if (I.some((i) => s[i]! <= 0)) return [];
    const D = s.map((x, i) => x - lambda[i]!);
    const loss = 2 * D.reduce((a, d) => a + d * d, 0) + D.reduce((a, d) => a + d, 0) ** 2;
    return [{ I, s, loss }];
  });
}


describe('width-2 quadratic networks with Gaussian data modulo O(2)', () => {
  for (const lambda of [[3, 2, -1], [5, 2, 1]]) {
    it(`teacher diag(${lambda.join(', ')}): the orbits are the Eckart–Young critical points, with their loss values`, () => {
      const { N, result } = quadraticCase(lambda);
      const expected = eckartYoung(lambda);
      expect(result.group).toBe('O(2)');
      expect(result.orbits.length).toBe(expected.length);
      // The function-space coordinates of x^T S x in the basis x1², x1x2, x1x3, x2², ...: S_ii on the squares.
      const squares = N.basis.map((e, b) => [e, b] as const).filter(([e]) => e.some((k) => k === 2)).map(([e, b]) => [e.indexOf(2), b] as const);
      for (const e of expected) {
        const orbit = result.orbits.find((o) => squares.every(([i, b]) => Math.abs(Number(o.invariants[b]) - e.s[i]!) < 1e-15));
        expect(orbit, `the orbit of I = {${e.I.join(', ')}}`).toBeDefined();
        expect(Number(orbit!.value)).toBeCloseTo(e.loss, 12);
        // Orbit dimensions: O(2) acts freely up to ±1 on rank 2 and rank 1 (O(2)/O(1)), fixes W = 0.
        expect(orbit!.dimension).toBe(e.I.length === 0 ? 0 : 1);
        expect(orbit!.transversal).toBe(true);
      }
      expect(result.indices.reduce((a, b) => a + b, 0)).toBe(expected.length);
    });
  }

  it('the normal Hessian inertia agrees with floating-point eigenvalues on the normal space', () => {
    for (const lambda of [[3, 2, -1], [5, 2, 1]]) {
      const { N, L, sym, result } = quadraticCase(lambda);
      for (const o of result.orbits) {
        const f = floatNormalInertia(sym, N.ring, L, o.point);
        expect(f.dimension).toBe(o.dimension);
        expect(f.normal).toEqual(o.normal);
      }
      // The global minimum is the best rank-2 approximation (I = the two largest eigenvalues): index 0.
      expect(result.orbits[0]!.index).toBe(0);
    }
  });
});

describe('two-layer linear networks modulo GL(d1)', () => {
  const X: Rat[][] = [[q(1), q(0), q(1)], [q(0), q(1), q(1)]];
  const Y: Rat[][] = [[q(2), q(0), q(1)], [q(1), q(3), q(0)]];
  for (const widths of [[2, 1, 2], [2, 2, 2]]) {
    it(`linear(${widths.join(', ')}): the orbits' products and values are purity's critical images`, () => {
      const N = linearNetwork(widths);
      const L = squaredLoss(N, X, Y);
      const sym = networkSymmetry(N)!;
      const result = symmetricStationary(N.ring, L, sym, { seed: 3, digits: 25 });
      const purity = linearNetworkPurity(N, X, Y, { seed: 3, digits: 25 });
      expect(result.orbits.map((o) => o.value)).toEqual(purity.points.map((p) => p.value));
      expect(result.orbits.map((o) => o.invariants.map((c) => Number(c)))).toEqual(purity.points.map((p) => p.matrix.map((c) => Number(c))));
      for (const o of result.orbits) {
        const f = floatNormalInertia(sym, N.ring, L, o.point);
        expect(f.dimension).toBe(o.dimension);
        expect(f.normal).toEqual(o.normal);
      }
    });
  }
});

describe('stationary(L, symmetry = N) in the language', () => {
  it('reports each orbit with its dimension and normal inertia', () => {
    const lines = runLines(
      [
        'network N = shallow(3, 2, 2, outer = false);',
        'let s = stationary(teacher(N, [[3, 0, 0], [0, 2, 0], [0, 0, -1]], gaussian = true), symmetry = N);',
        'print s.group, s.real, s.indices, s.degenerate;',
        'for o in s.orbits { print o.dimension, o.index, o.normal, o.transversal; }',
      ].join('\n'),
    );
    expect(lines).toEqual([
      'O(2), 5, [1, 1, 1, 0, 1, 0, 1], 0',
      '1, 0, {positive: 5, negative: 0, zero: 0}, true',
      '1, 1, {positive: 4, negative: 1, zero: 0}, true',
      '1, 2, {positive: 3, negative: 2, zero: 0}, true',
      '1, 4, {positive: 1, negative: 4, zero: 0}, true',
      '0, 6, {positive: 0, negative: 6, zero: 0}, true',
    ]);
  });

  it('a network without a known symmetry, or another ring, is a located error', () => {
    const [unknown] = runErrors('network N = shallow(2, 2, 2);\nprint stationary(teacher(N, [1, 0, 1], gaussian = true), symmetry = N);');
    expect(unknown!.message).toMatch(/^no symmetry group is known for shallow/);
    expect(unknown!.span.startLine).toBe(2);
    const [other] = runErrors('network N = linear(1, 1, 1);\nnetwork M = linear(1, 1, 1);\nprint stationary(loss(N, X = [[1]], Y = [[1]]), symmetry = M);');
    expect(other!.message).toMatch(/not in the parameter ring of linear/);
  });
});
