// Multihomogeneous starts (src/math/numeric/multihomogeneous.ts, homotopy.ts, solve-numerical.ts)
// checked by independent routes: the m-homogeneous Bézout number against the coefficient read off
// the expanded product Π_i Σ_j D_ij ζ_j and against closed forms (n for the eigenvalue problem,
// Σ_k C(4,k)² 4^(4-k) = 1921 for the network 2-2-2); the start solutions against the linear factors
// (every start polynomial vanishes there, the points are distinct and as many as the number); the
// evaluation's Jacobian against central differences and the double-double evaluation against the
// double one; the solutions against the exact count and the total-degree route.
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, rat } from '../../../src/math/field.js';
import { PolyRing, type Poly } from '../../../src/math/poly.js';
import { parsePoly } from '../../../src/math/poly-parse.js';
import { Random } from '../../../src/math/random.js';
import { solve } from '../../../src/math/solve.js';
import { katsura } from '../../../src/math/systems.js';
import { countSolutions } from '../../../src/geometry/count.js';
import { ProjectiveHomotopy, linearProductHomotopyData } from '../../../src/math/numeric/homotopy.js';
import {
  LinearProductStarts,
  LinearProductSystem,
  choosePartition,
  groupDegrees,
  linearProductData,
  multihomogeneousBezout,
  naturalBlocks,
  partitionBezout,
} from '../../../src/math/numeric/multihomogeneous.js';
import { type NumericalSolveResult, solveNumerical } from '../../../src/math/numeric/solve-numerical.js';
import { linearNetwork } from '../../../src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../../../src/networks/losses.js';
import { gradient } from '../../../src/networks/stationary.js';

/** The coefficient of Π ζ_j^{sizes[j]} in Π_i Σ_j D_ij ζ_j, by expanding the product (exponent vectors as keys). */
function expandedCoefficient(D: readonly (readonly number[])[], sizes: readonly number[]): bigint {
  let poly = new Map<string, bigint>([[sizes.map(() => 0).join(','), 1n]]);
  for (const row of D) {
    const next = new Map<string, bigint>();
    for (const [key, c] of poly) {
      const e = key.split(',').map(Number);
      row.forEach((d, j) => {
        if (d === 0) return;
        const f = e.slice();
        f[j]!++;
        const k = f.join(',');
        next.set(k, (next.get(k) ?? 0n) + c * BigInt(d));
      });
    }
    poly = next;
  }
  return poly.get(sizes.join(',')) ?? 0n;
}

const binomial = (n: number, k: number): number => (k === 0 ? 1 : (binomial(n, k - 1) * (n - k + 1)) / k);

/** Ax = λx with the normalization c·x = 1: unknowns x1..xn, l. */
function eigenSystem(n: number, seed: number): { ring: PolyRing<Rat>; gens: Poly<Rat>[] } {
  const random = new Random(seed);
  const names = [...Array.from({ length: n }, (_, i) => `x${i + 1}`), 'l'];
  const ring = new PolyRing(QQ, names);
  const entry = () => random.int(-9, 9);
  const rows = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => `${entry()}*x${j + 1}`).join(' + ') + ` - l*x${i + 1}`);
  const norm = Array.from({ length: n }, (_, j) => `${random.int(1, 9)}*x${j + 1}`).join(' + ') + ' - 1';
  return { ring, gens: [...rows, norm].map((s) => parsePoly(ring, s)) };
}

function network(widths: number[]): { ring: PolyRing<Rat>; gens: Poly<Rat>[] } {
  const q = (v: number) => rat(BigInt(v));
  const N = linearNetwork(widths);
  const X = [[1, 2, -1], [0, 1, 3]].map((r) => r.map(q)).slice(0, widths[0]);
  const Y = [[2, -1, 1], [1, 1, 0]].map((r) => r.map(q)).slice(0, widths[widths.length - 1]);
  const L = squaredLoss(N, X, Y, { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
  return { ring: N.ring, gens: gradient(N.ring, L) };
}

/** Every certified solution of a lies in a box of b's and the other way round (the same solutions). */
function expectSameSolutions(a: NumericalSolveResult, b: NumericalSolveResult) {
  expect(a.complex).toBe(b.complex);
  const inside = (p: NumericalSolveResult, q: NumericalSolveResult) =>
    p.solutions.every((c) => q.solutions.some((d) => c.enclosure.every((e, i) => e.rl >= d.box[i]!.rl && e.rh <= d.box[i]!.rh && e.il >= d.box[i]!.il && e.ih <= d.box[i]!.ih)));
  expect(inside(a, b)).toBe(true);
  expect(inside(b, a)).toBe(true);
}

describe('the m-homogeneous Bézout number', () => {
  it('equals the coefficient of the expanded product on random degree tables', () => {
    const random = new Random(5);
    for (let trial = 0; trial < 30; trial++) {
      const sizes = Array.from({ length: random.int(1, 4) }, () => random.int(1, 3));
      const n = sizes.reduce((a, s) => a + s, 0);
      const D = Array.from({ length: n }, () => sizes.map(() => random.int(0, 3)));
      const expected = expandedCoefficient(D, sizes);
      expect(multihomogeneousBezout(D, sizes)).toBe(expected);
      expect(multihomogeneousBezout(D, sizes, false)).toBe(Number(expected));
    }
  });

  it('is n for the eigenvalue problem with the groups {x}, {λ} (total degree 2^n)', () => {
    for (const n of [2, 3, 5]) {
      const { ring, gens } = eigenSystem(n, n);
      const groups = [Array.from({ length: n }, (_, i) => i), [n]];
      expect(groupDegrees(gens, groups)).toEqual([...Array.from({ length: n }, () => [1, 1]), [1, 0]]);
      expect(partitionBezout(gens, groups)).toBe(BigInt(n));
      const choice = choosePartition(gens, ring.vars);
      expect(choice.groups).toEqual(groups);
      expect(choice.bezout).toBe(BigInt(n));
    }
  });

  it('is Σ C(4,k)² 4^(4-k) = 1921 for the network 2-2-2 with the layer blocks (total degree 3^8 = 6561)', () => {
    const { ring, gens } = network([2, 2, 2]);
    expect(naturalBlocks(ring.vars)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    const closed = [0, 1, 2, 3, 4].reduce((a, k) => a + binomial(4, k) ** 2 * 4 ** (4 - k), 0);
    expect(closed).toBe(1921);
    expect(choosePartition(gens, ring.vars)).toEqual({ groups: naturalBlocks(ring.vars), bezout: 1921n });
  });

  it('keeps the single group (the total degree) for katsura-4, whose variables form one block', () => {
    const { ring, gens } = katsura(QQ, 4);
    expect(choosePartition(gens, ring.vars).groups).toEqual([[0, 1, 2, 3, 4]]);
    expect(choosePartition(gens, ring.vars).bezout).toBe(16n);
  });
});

describe('the linear-product start system', () => {
  const { ring, gens } = network([2, 1, 2]);
  const groups = naturalBlocks(ring.vars);
  const D = groupDegrees(gens, groups);
  const n = ring.nvars;
  const data = linearProductData(n, groups, D, new Random(4));
  const system = new LinearProductSystem(data);

  it('has the m-homogeneous Bézout number of distinct start solutions, each a zero of every start polynomial', () => {
    const starts = new LinearProductStarts(data);
    expect(BigInt(starts.count)).toBe(multihomogeneousBezout(D, groups.map((g) => g.length)));
    const G = new Float64Array(2 * n);
    const Gj = new Float64Array(2 * n * (n + 1));
    const points: Float64Array[] = [];
    for (let k = 0; k < starts.count; k++) {
      const z = new Float64Array(2 * (n + 1));
      starts.solution(k, z);
      expect(z[0]).toBe(1);
      system.evaluate(z, G, Gj);
      const scale = Math.max(1, ...Array.from(z, Math.abs));
      for (const v of G) expect(Math.abs(v)).toBeLessThan(1e-12 * scale ** 3);
      points.push(z);
    }
    for (let a = 0; a < points.length; a++)
      for (let b = a + 1; b < points.length; b++) expect(Math.max(...points[a]!.map((v, i) => Math.abs(v - points[b]![i]!)))).toBeGreaterThan(1e-6);
  });

  it('evaluates its Jacobian as central differences do, and in double-double as in doubles', () => {
    const random = new Random(9);
    const m = n + 1;
    const z = Float64Array.from({ length: 2 * m }, () => 2 * random.nextFloat() - 1);
    const G = new Float64Array(2 * n);
    const Gj = new Float64Array(2 * n * m);
    system.evaluate(z, G, Gj);
    const h = 1e-6;
    const Gp = new Float64Array(2 * n);
    const Gm = new Float64Array(2 * n);
    const scratch = new Float64Array(2 * n * m);
    for (let c = 0; c < m; c++) {
      const zp = z.slice();
      const zm = z.slice();
      zp[2 * c] = z[2 * c]! + h;
      zm[2 * c] = z[2 * c]! - h;
      system.evaluate(zp, Gp, scratch);
      system.evaluate(zm, Gm, scratch);
      // a holomorphic map: the derivative along the real direction is ∂g/∂z_c
      for (let i = 0; i < n; i++) {
        expect(Math.abs((Gp[2 * i]! - Gm[2 * i]!) / (2 * h) - Gj[2 * (i * m + c)]!)).toBeLessThan(1e-7);
        expect(Math.abs((Gp[2 * i + 1]! - Gm[2 * i + 1]!) / (2 * h) - Gj[2 * (i * m + c) + 1]!)).toBeLessThan(1e-7);
      }
    }
    const zdd = new Float64Array(4 * m);
    for (let c = 0; c < m; c++) {
      zdd[4 * c] = z[2 * c]!;
      zdd[4 * c + 2] = z[2 * c + 1]!;
    }
    const Gdd = new Float64Array(4 * n);
    const Gjdd = new Float64Array(4 * n * m);
    system.evaluateDD(zdd, Gdd, Gjdd);
    for (let i = 0; i < n; i++) {
      expect(Math.abs(Gdd[4 * i]! + Gdd[4 * i + 1]! - G[2 * i]!)).toBeLessThan(1e-14);
      expect(Math.abs(Gdd[4 * i + 2]! + Gdd[4 * i + 3]! - G[2 * i + 1]!)).toBeLessThan(1e-14);
    }
    for (let k = 0; k < n * m; k++) {
      expect(Math.abs(Gjdd[4 * k]! + Gjdd[4 * k + 1]! - Gj[2 * k]!)).toBeLessThan(1e-14);
      expect(Math.abs(Gjdd[4 * k + 2]! + Gjdd[4 * k + 3]! - Gj[2 * k + 1]!)).toBeLessThan(1e-14);
    }
  });

  it('starts the homotopy at its start solutions: H(z, 0) = 0 on the chart', () => {
    const homotopy = new ProjectiveHomotopy(linearProductHomotopyData(n, gens, groups, new Random(6)));
    const H = new Float64Array(2 * (n + 1));
    const Hz = new Float64Array(2 * (n + 1) ** 2);
    for (let k = 0; k < Number(homotopy.pathCount); k += 5) {
      const z = new Float64Array(2 * (n + 1));
      homotopy.startSolution(k, z);
      homotopy.evaluate(z, 0, H, Hz, null);
      for (const v of H) expect(Math.abs(v)).toBeLessThan(1e-12);
    }
  });
});

describe('solve with a multihomogeneous start', () => {
  it('the eigenvalue problem (n = 4): 4 paths instead of 16, the 4 eigenpairs certified, as the total-degree route', () => {
    const { ring, gens } = eigenSystem(4, 11);
    const exact = solve(ring, gens, { digits: 20 });
    const multi = solveNumerical(ring, gens, { seed: 2, expected: exact.complex });
    const total = solveNumerical(ring, gens, { seed: 2, expected: exact.complex, start: 'total-degree' });
    expect(multi.start).toMatchObject({ kind: 'multihomogeneous', count: 4n, totalDegree: 16n });
    expect(multi.statistics.paths).toBe(4);
    expect(total.statistics.paths).toBe(16);
    expect([multi.complex, multi.complete, multi.certified, multi.real]).toEqual([4, true, true, exact.real]);
    expectSameSolutions(multi, total);
  });

  it('a network 2-1-2 with the layer partition: 33 paths instead of 81, complete against the modular count, as the total-degree route', () => {
    const { ring, gens } = network([2, 1, 2]);
    const expected = countSolutions(ring, gens, { prime: 32003 }).distinct!;
    const multi = solveNumerical(ring, gens, { seed: 3, expected });
    const total = solveNumerical(ring, gens, { seed: 3, expected, start: 'total-degree' });
    expect(multi.start?.groups).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect([multi.statistics.paths, total.statistics.paths]).toEqual([33, 81]);
    expect([multi.complex, multi.complete, multi.certified]).toEqual([expected, true, true]);
    expectSameSolutions(multi, total);
  });

  it('takes a partition given by the caller, and forces the total degree or several groups', () => {
    const { ring, gens } = eigenSystem(3, 1);
    const given = solveNumerical(ring, gens, { seed: 1, expected: 3, start: 'multihomogeneous', groups: [[0, 1, 2], [3]] });
    expect(given.start).toMatchObject({ kind: 'multihomogeneous', count: 3n });
    expect(given.complete).toBe(true);
    const k = katsura(QQ, 3);
    const forced = solveNumerical(k.ring, k.gens, { seed: 1, expected: 8, start: 'multihomogeneous' });
    expect(forced.start!.kind).toBe('multihomogeneous');
    expect(forced.start!.groups.length).toBeGreaterThan(1);
    expect(forced.statistics.paths).toBe(Number(forced.start!.count));
    expect(forced.complete).toBe(true);
    expect(() => solveNumerical(ring, gens, { groups: [[0, 1], [3]] })).toThrow(/partition of the unknowns/);
  });
});
