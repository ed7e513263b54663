// Multihomogeneous start systems: the m-homogeneous Bézout number of a partition of the unknowns, the
// choice of a partition, and the linear-product start system whose solutions are the start points.
//
// Representation: a partition is a list of groups, each a list of unknown indices (0-based; the
// projective coordinate of unknown v is z_{v+1}, z_0 the homogenizing one). D[i][j] is the degree of
// equation i in the unknowns of group j. The m-homogeneous Bézout number is the coefficient of
// Π_j ζ_j^{n_j} in Π_i (Σ_j D[i][j]·ζ_j) (n_j the size of group j): it bounds the isolated solutions in
// C^n (Morgan and Sommese, "A homotopy for solving general polynomial systems that respects
// m-homogeneous structures", Appl. Math. Comput. 24, 1987; Sommese and Wampler, "The Numerical
// Solution of Systems of Polynomials", 2005, §8.4). It is computed by a recursion over the equations
// on the group capacities left (each equation takes one unit from a group j with D[i][j] > 0, in
// D[i][j] ways).
//
// The linear-product start system (Verschelde and Cools, "Symbolic homotopy construction", AAECC 4,
// 1993; Sommese and Wampler §8.4.3): g_i = Π_j Π_{k ≤ D[i][j]} ℓ_ijk(z), each ℓ_ijk a seeded random
// complex linear form in group j's coordinates and z_0. Its start solutions are, for every assignment
// σ of the equations to the groups with |σ⁻¹(j)| = n_j and every choice of one factor ℓ_{i,σ(i),k}
// per equation, the solution of the linear system {ℓ = 0}, which splits into one n_j × n_j system per
// group (solved by complex LU, ./lu.ts): their number is the m-homogeneous Bézout number. The homotopy
// (./homotopy.ts) stays in one projective space P^n with one random chart, the target homogenized to
// degree Σ_j D[i][j] (the degree of g_i): on z_0 ≠ 0 it is the affine linear-product homotopy, whose
// paths for a generic γ are smooth on [0, 1) and reach every isolated solution (ibid., Thm 8.4.6);
// a path that diverges in C^n ends at z_0 = 0, where the tracker's valuation endgame classifies it.
//
// A factor is stored as a dense row over the n + 1 coordinates (zero outside its group), so the
// evaluation of g_i and its gradient is Π and Σ of products of the factor values (prefix and suffix
// products), with no allocation, in doubles and in double-double (./double-double.ts).
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import type { Poly } from '../poly.js';
import type { Random } from '../random.js';
import { cddAddTo, cddMul } from './double-double.js';
import { ComplexLU } from './lu.js';

/** A partition of the unknowns 0..n-1 into groups (each a list of unknown indices). */
export type Partition = readonly (readonly number[])[];

/** D[i][j]: the degree of equation i in the unknowns of group j. */
export function groupDegrees(gens: readonly Poly<Rat>[], groups: Partition): number[][] {
  return gens.map((f) =>
    groups.map((g) => {
      let d = 0;
      for (const m of f.mons) {
        let s = 0;
        for (const v of g) s += m[v]!;
        d = Math.max(d, s);
      }
      return d;
    }),
  );
}

/**
 * The m-homogeneous Bézout number: the coefficient of Π_j ζ_j^{sizes[j]} in Π_i Σ_j D[i][j]·ζ_j, by a
 * recursion over the equations on the capacities left (memoized). In `number` arithmetic when `exact` is
 * false (for the search over partitions: exact below 2^53, an approximation above), else as a bigint.
 */
export function multihomogeneousBezout(D: readonly (readonly number[])[], sizes: readonly number[]): bigint;
export function multihomogeneousBezout(D: readonly (readonly number[])[], sizes: readonly number[], exact: false): number;
export function multihomogeneousBezout(D: readonly (readonly number[])[], sizes: readonly number[], exact = true): bigint | number {
  const m = sizes.length;
  // capacities as a mixed-radix index: c = Σ_j cap_j · stride_j
  const stride = new Array<number>(m);
  let states = 1;
  for (let j = 0; j < m; j++) {
    stride[j] = states;
    states *= sizes[j]! + 1;
  }
  if (states > 1e7) throw new MathError('too-large', `a partition into ${m} groups has too many states (${states}) for the multihomogeneous Bézout number`);
  const full = sizes.reduce((a, s, j) => a + s * stride[j]!, 0);
  const shape = { sizes, stride, full };
  if (exact) return waysToZero(D, shape, 1n, (sum, w, d) => (sum ?? 0n) + w * BigInt(d)) ?? 0n;
  return waysToZero(D, shape, 1, (sum, w, d) => (sum ?? 0) + w * d) ?? 0;
}

/**
 * ways[c]: the ways the equations so far leave the capacities c (a mixed-radix index), row by row over
 * the equations, each taking one unit from a group j with D[i][j] > 0 in D[i][j] ways; the ways to
 * capacities 0, in the arithmetic of `addScaled` (sum + w·d).
 */
function waysToZero<T>(
  D: readonly (readonly number[])[],
  { sizes, stride, full }: { readonly sizes: readonly number[]; readonly stride: readonly number[]; readonly full: number },
  one: T,
  addScaled: (sum: T | undefined, w: T, d: number) => T,
): T | undefined {
  let ways = new Map<number, T>([[full, one]]);
  for (const row of D) {
    const next = new Map<number, T>();
    for (const [c, w] of ways)
      for (let j = 0; j < sizes.length; j++) {
        const d = row[j]!;
        if (d === 0 || Math.floor(c / stride[j]!) % (sizes[j]! + 1) === 0) continue;
        const c2 = c - stride[j]!;
        next.set(c2, addScaled(next.get(c2), w, d));
      }
    ways = next;
  }
  return ways.get(0);
}

/** The m-homogeneous Bézout number of the system for a partition (exact). */
export function partitionBezout(gens: readonly Poly<Rat>[], groups: Partition): bigint {
  return multihomogeneousBezout(
    groupDegrees(gens, groups),
    groups.map((g) => g.length),
  );
}

/**
 * The natural blocks of the unknowns by their names: the name up to its first '[' (a family such as a
 * network's layer W1[i,j]), else without trailing digits and underscores (x1, x2 → x); in the order
 * of first appearance. When that leaves one block, each unknown alone.
 */
export function naturalBlocks(names: readonly string[]): number[][] {
  const stem = (s: string) => (s.includes('[') ? s.slice(0, s.indexOf('[')) : s.replace(/[\d_]+$/, ''));
  const blocks = new Map<string, number[]>();
  names.forEach((s, v) => {
    const k = stem(s);
    const b = blocks.get(k);
    if (b) b.push(v);
    else blocks.set(k, [v]);
  });
  const out = [...blocks.values()];
  return out.length > 1 ? out : names.map((_, v) => [v]);
}

/** A candidate partition and its m-homogeneous Bézout number. */
export interface PartitionChoice {
  readonly groups: Partition;
  readonly bezout: bigint;
}

/** The most natural blocks searched by merges (beyond, only the natural blocks and the single group). */
const MAX_SEARCH_BLOCKS = 12;

/**
 * The partition with the smallest m-homogeneous Bézout number among: the single group (the total
 * degree; left out when `several`), the natural blocks (`naturalBlocks`), and the partitions met by
 * merging them greedily (at each step the pair of groups whose union gives the smallest number, down
 * to two groups). Ties go to the partition with fewer groups (the single group first).
 */
export function choosePartition(gens: readonly Poly<Rat>[], names: readonly string[], several = false): PartitionChoice {
  const n = names.length;
  const single: number[][] = [Array.from({ length: n }, (_, v) => v)];
  const count = (groups: Partition) =>
    multihomogeneousBezout(
      groupDegrees(gens, groups),
      groups.map((g) => g.length),
      false,
    );
  let best: { groups: Partition; value: number } | null = several && n > 1 ? null : { groups: single, value: count(single) };
  const consider = (groups: Partition, value: number) => {
    if (!best || value < best.value || (value === best.value && groups.length < best.groups.length)) best = { groups, value };
  };
  let current: number[][] = naturalBlocks(names);
  if (current.length > 1) {
    consider(current, safeCount(count, current));
    // greedy merges, while the blocks are few enough for the search (each step tries every pair)
    while (current.length > 2 && current.length <= MAX_SEARCH_BLOCKS) {
      let next: { groups: number[][]; value: number } | null = null;
      for (let a = 0; a < current.length; a++)
        for (let b = a + 1; b < current.length; b++) {
          const merged = current.filter((_, k) => k !== a && k !== b);
          merged.splice(a, 0, [...current[a]!, ...current[b]!].sort((x, y) => x - y));
          const v = safeCount(count, merged);
          if (!next || v < next.value) next = { groups: merged, value: v };
        }
      current = next!.groups;
      consider(current, next!.value);
    }
  }
  const groups = best?.groups ?? single;
  return { groups, bezout: partitionBezout(gens, groups) };
}

/** The most work (recursion states × equations × groups) spent on one candidate of the search. */
const MAX_SEARCH_WORK = 2e7;

/** The candidate's number, or Infinity when it is too costly to compute (it is then not chosen). */
function safeCount(count: (g: Partition) => number, groups: Partition): number {
  const n = groups.reduce((a, g) => a + g.length, 0);
  const states = groups.reduce((a, g) => a * (g.length + 1), 1);
  if (states * n * groups.length > MAX_SEARCH_WORK) return Infinity;
  try {
    return count(groups);
  } catch (e) {
    if (e instanceof MathError && e.code === 'too-large') return Infinity;
    throw e;
  }
}

/** A linear-product start system as plain data (it can be posted to a worker thread). */
export interface LinearProductData {
  readonly n: number;
  readonly groups: Partition;
  /** D[i][j] (the number of factors of equation i in group j). */
  readonly degrees: readonly (readonly number[])[];
  /** The factors, each a dense row of n + 1 complex coefficients (interleaved), equation by equation, group by group. */
  readonly rows: Float64Array;
  /** Equation i's factors are rows factorStart[i] .. factorStart[i+1]-1. */
  readonly factorStart: Int32Array;
}

/** The linear-product start system's data for the partition, its coefficients drawn from `random`. */
export function linearProductData(n: number, groups: Partition, D: readonly (readonly number[])[], random: Random): LinearProductData {
  const factorStart = new Int32Array(D.length + 1);
  D.forEach((row, i) => (factorStart[i + 1] = factorStart[i]! + row.reduce((a, d) => a + d, 0)));
  const m = n + 1;
  const rows = new Float64Array(2 * m * factorStart[D.length]!);
  let f = 0;
  D.forEach((row) =>
    row.forEach((d, j) => {
      for (let k = 0; k < d; k++, f++) {
        for (const c of [0, ...groups[j]!.map((v) => v + 1)]) {
          rows[2 * (f * m + c)] = 2 * random.nextFloat() - 1;
          rows[2 * (f * m + c) + 1] = 2 * random.nextFloat() - 1;
        }
      }
    }),
  );
  return { n, groups, degrees: D, rows, factorStart };
}

/** The factor of equation i in group j number k (0-based) as a row index. */
function factorRow(data: LinearProductData, i: number, j: number, k: number): number {
  let f = data.factorStart[i]!;
  for (let g = 0; g < j; g++) f += data.degrees[i]![g]!;
  return f + k;
}

/** Evaluation of a linear-product system g_i = Π ℓ(z) and its Jacobian, in doubles and in double-double. */
export class LinearProductSystem {
  private readonly m: number;
  private readonly values: Float64Array;
  private readonly prefix: Float64Array;
  private readonly valuesDD: Float64Array;
  private readonly prefixDD: Float64Array;
  private readonly acc: Float64Array = new Float64Array(4);

  constructor(readonly data: LinearProductData) {
    this.m = data.n + 1;
    const most = Math.max(1, ...Array.from({ length: data.n }, (_, i) => data.factorStart[i + 1]! - data.factorStart[i]!));
    this.values = new Float64Array(2 * most);
    this.prefix = new Float64Array(2 * (most + 1));
    this.valuesDD = new Float64Array(4 * most);
    this.prefixDD = new Float64Array(4 * (most + 1));
  }

  /** g(z) into G (2n) and ∂g/∂z into Gj (2n(n+1), row-major). */
  evaluate(z: Float64Array, G: Float64Array, Gj: Float64Array): void {
    const { m, values: v, prefix: p, data } = this;
    const rows = data.rows;
    for (let i = 0; i < data.n; i++) {
      const f0 = data.factorStart[i]!;
      const k = data.factorStart[i + 1]! - f0;
      for (let a = 0; a < k; a++) {
        const o = 2 * (f0 + a) * m;
        let sr = 0;
        let si = 0;
        for (let c = 0; c < m; c++) {
          const ar = rows[o + 2 * c]!;
          const ai = rows[o + 2 * c + 1]!;
          sr += ar * z[2 * c]! - ai * z[2 * c + 1]!;
          si += ar * z[2 * c + 1]! + ai * z[2 * c]!;
        }
        v[2 * a] = sr;
        v[2 * a + 1] = si;
      }
      // prefix products p[a] = Π_{b<a} v_b; then the suffix product s runs backwards
      p[0] = 1;
      p[1] = 0;
      for (let a = 0; a < k; a++) {
        p[2 * a + 2] = p[2 * a]! * v[2 * a]! - p[2 * a + 1]! * v[2 * a + 1]!;
        p[2 * a + 3] = p[2 * a]! * v[2 * a + 1]! + p[2 * a + 1]! * v[2 * a]!;
      }
      G[2 * i] = p[2 * k]!;
      G[2 * i + 1] = p[2 * k + 1]!;
      Gj.fill(0, 2 * i * m, 2 * (i + 1) * m);
      let sr = 1;
      let si = 0;
      for (let a = k - 1; a >= 0; a--) {
        // the product of the other factors: prefix(a)·suffix(a)
        const wr = p[2 * a]! * sr - p[2 * a + 1]! * si;
        const wi = p[2 * a]! * si + p[2 * a + 1]! * sr;
        const o = 2 * (f0 + a) * m;
        for (let c = 0; c < m; c++) {
          const ar = rows[o + 2 * c]!;
          const ai = rows[o + 2 * c + 1]!;
          if (ar === 0 && ai === 0) continue;
          const q = 2 * (i * m + c);
          Gj[q] = Gj[q]! + wr * ar - wi * ai;
          Gj[q + 1] = Gj[q + 1]! + wr * ai + wi * ar;
        }
        const tr = sr * v[2 * a]! - si * v[2 * a + 1]!;
        si = sr * v[2 * a + 1]! + si * v[2 * a]!;
        sr = tr;
      }
    }
  }

  /** The same in complex double-double (four doubles per complex entry of z, G, Gj). */
  evaluateDD(z: Float64Array, G: Float64Array, Gj: Float64Array): void {
    const { m, valuesDD: v, prefixDD: p, acc, data } = this;
    const rows = data.rows;
    for (let i = 0; i < data.n; i++) {
      const f0 = data.factorStart[i]!;
      const k = data.factorStart[i + 1]! - f0;
      for (let a = 0; a < k; a++) {
        const o = 2 * (f0 + a) * m;
        v.fill(0, 4 * a, 4 * a + 4);
        for (let c = 0; c < m; c++) {
          if (rows[o + 2 * c] === 0 && rows[o + 2 * c + 1] === 0) continue;
          cddMul(rows[o + 2 * c]!, 0, rows[o + 2 * c + 1]!, 0, z[4 * c]!, z[4 * c + 1]!, z[4 * c + 2]!, z[4 * c + 3]!, acc, 0);
          cddAddTo(v, 4 * a, acc, 0);
        }
      }
      p.fill(0, 0, 4);
      p[0] = 1;
      for (let a = 0; a < k; a++) cddMul(p[4 * a]!, p[4 * a + 1]!, p[4 * a + 2]!, p[4 * a + 3]!, v[4 * a]!, v[4 * a + 1]!, v[4 * a + 2]!, v[4 * a + 3]!, p, 4 * a + 4);
      G.set(p.subarray(4 * k, 4 * k + 4), 4 * i);
      Gj.fill(0, 4 * i * m, 4 * (i + 1) * m);
      // the suffix product lives in p's slot k (no longer needed once G is read), the weight in acc
      const s = p;
      const so = 4 * k;
      s.fill(0, so, so + 4);
      s[so] = 1;
      for (let a = k - 1; a >= 0; a--) {
        cddMul(p[4 * a]!, p[4 * a + 1]!, p[4 * a + 2]!, p[4 * a + 3]!, s[so]!, s[so + 1]!, s[so + 2]!, s[so + 3]!, acc, 0);
        const wrh = acc[0]!;
        const wrl = acc[1]!;
        const wih = acc[2]!;
        const wil = acc[3]!;
        const o = 2 * (f0 + a) * m;
        for (let c = 0; c < m; c++) {
          if (rows[o + 2 * c] === 0 && rows[o + 2 * c + 1] === 0) continue;
          cddMul(wrh, wrl, wih, wil, rows[o + 2 * c]!, 0, rows[o + 2 * c + 1]!, 0, acc, 0);
          cddAddTo(Gj, 4 * (i * m + c), acc, 0);
        }
        cddMul(s[so]!, s[so + 1]!, s[so + 2]!, s[so + 3]!, v[4 * a]!, v[4 * a + 1]!, v[4 * a + 2]!, v[4 * a + 3]!, s, so);
      }
    }
  }
}

/**
 * The start solutions of a linear-product system, numbered 0..count-1: the admissible assignments of
 * equations to groups (in lexicographic order), and within each the factor choices in mixed radix.
 */
export class LinearProductStarts {
  /** The assignments σ (σ[i]: the group of equation i) and the number of start solutions before each. */
  private readonly assignments: Int32Array[] = [];
  private readonly before: number[] = [];
  readonly count: number;
  private readonly lus: ComplexLU[];
  private readonly mats: Float64Array[];
  private readonly rhs: Float64Array[];

  constructor(
    readonly data: LinearProductData,
    maxCount = 1e7,
  ) {
    const { n, groups, degrees: D } = data;
    const left = groups.map((g) => g.length);
    const sigma = new Int32Array(n);
    let total = 0;
    const visit = (i: number, ways: number) => {
      if (total > maxCount) return;
      if (i === n) {
        this.assignments.push(sigma.slice());
        this.before.push(total);
        total += ways;
        return;
      }
      for (let j = 0; j < groups.length; j++) {
        if (D[i]![j] === 0 || left[j] === 0) continue;
        left[j]!--;
        sigma[i] = j;
        visit(i + 1, ways * D[i]![j]!);
        left[j]!++;
      }
    };
    visit(0, 1);
    if (total > maxCount) throw new MathError('too-many-paths', `the linear-product start system has more than ${maxCount} solutions`);
    this.count = total;
    this.lus = groups.map((g) => new ComplexLU(g.length));
    this.mats = groups.map((g) => new Float64Array(2 * g.length * g.length));
    this.rhs = groups.map((g) => new Float64Array(2 * g.length));
  }

  /** Start solution number k as a projective point with z_0 = 1 (then put on the chart by the caller). */
  solution(k: number, z: Float64Array): void {
    const { data } = this;
    const m = data.n + 1;
    // the assignment: the last one starting at or before k
    let lo = 0;
    let hi = this.before.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.before[mid]! <= k) lo = mid;
      else hi = mid - 1;
    }
    const sigma = this.assignments[lo]!;
    let r = k - this.before[lo]!;
    const filled = data.groups.map(() => 0);
    for (let i = 0; i < data.n; i++) {
      const j = sigma[i]!;
      const d = data.degrees[i]![j]!;
      const choice = r % d;
      r = Math.floor(r / d);
      const f = factorRow(data, i, j, choice);
      const g = data.groups[j]!;
      const row = filled[j]!++;
      const A = this.mats[j]!;
      g.forEach((v, c) => {
        A[2 * (row * g.length + c)] = data.rows[2 * (f * m + v + 1)]!;
        A[2 * (row * g.length + c) + 1] = data.rows[2 * (f * m + v + 1) + 1]!;
      });
      this.rhs[j]![2 * row] = -data.rows[2 * f * m]!;
      this.rhs[j]![2 * row + 1] = -data.rows[2 * f * m + 1]!;
    }
    z.fill(0);
    z[0] = 1;
    data.groups.forEach((g, j) => {
      if (!this.lus[j]!.factor(this.mats[j]!)) throw new MathError('internal', 'a singular linear system in a linear-product start solution');
      const b = this.rhs[j]!;
      this.lus[j]!.solve(b);
      g.forEach((v, c) => {
        z[2 * (v + 1)] = b[2 * c]!;
        z[2 * (v + 1) + 1] = b[2 * c + 1]!;
      });
    });
  }
}
