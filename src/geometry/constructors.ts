// The standard varieties, each in a fresh ring over QQ with documented coordinate names and with
// known equations (minors of matrices and flattenings) instead of an implicitization:
// - determinantal(m, n, r): m×n matrices x[i,j] of rank <= r: the (r+1)-minors (Eckart–Young setting);
//   parametrized on the chart x = [I_r; a]·b (a: (m-r)×r, b: r×n), a birational map (degree 1).
// - veronese(n, d): the affine cone over the Veronese variety, symmetric tensors of rank <= 1 in
//   Sym^d(C^n). Coordinates x_{i1..id} (1 <= i1 <= ... <= id <= n, written `x112` for n <= 9, else
//   `x1_1_2`) are the tensor entries T[i1,...,id]; equations: the 2×2 minors of the catalecticant
//   (flattening) C_{1,d-1}; parametrization t ↦ t^{⊗d} (degree d: t and ζt, ζ^d = 1).
// - segre(n1, ..., nk): tensors x[i1,...,ik] of rank <= 1: the 2×2 minors of the k flattenings
//   (index j against the others); parametrized on the chart where the first entry of every factor
//   but the first is 1 (degree 1).
// - symmetricRank(n, d, k): the closure of symmetric tensors of rank <= k, coordinates as veronese.
//   Equations: k = 1: veronese; d = 2: the (k+1)-minors of the symmetric matrix; n = 2: the (k+1)-minors
//   of the middle Hankel (catalecticant) matrix (binary forms; Gundelfinger, Iarrobino–Kanev); k = 2:
//   the 3×3 minors of C_{1,d-1} and C_{2,d-2} (Kanev 1999); otherwise implicitization by elimination
//   of the parametrization Σ_{i<=k} l_i^{⊗d}. When the (k+1)-minors cannot exist the variety fills the
//   space (no equations).
// - hypersurface(f): V(f) in f's ring.
// - image(φ): the closure of the image of a polynomial map, by elimination (implicitization).
import { MathError } from '../math/errors.js';
import { QQ, rat } from '../math/field.js';
import * as ideals from '../math/ideal.js';
import { minors } from '../math/linalg/polymatrix.js';
import { PolyRing } from '../math/poly.js';
import { checkInterrupt, type ComputeOptions } from '../math/progress.js';
import { binomial, embed, type QQPoly, type QQRing } from './common.js';
import { type Parametrization, type Variety, variety } from './variety.js';

/** An indexed family of coordinates, for the language's `x[i, j]` syntax. */
export interface CoordinateFamily {
  readonly name: string;
  readonly ranges: readonly (readonly [number, number])[];
}

export interface Constructed {
  readonly variety: Variety;
  /** Indexed families of the ring's variables (empty when the names are plain). */
  readonly families: readonly CoordinateFamily[];
  /** Diagonal weights of the natural Frobenius (Bombieri–Weyl) form on these coordinates. */
  readonly frobenius: readonly bigint[];
}

/** `x[i,j,...]` for every index tuple in the inclusive ranges, in lexicographic order. */
function boxNames(name: string, ranges: readonly (readonly [number, number])[]): string[] {
  const out: string[] = [];
  const rec = (prefix: number[]) => {
    if (prefix.length === ranges.length) {
      out.push(`${name}[${prefix.join(',')}]`);
      return;
    }
    const [lo, hi] = ranges[prefix.length]!;
    for (let i = lo; i <= hi; i++) rec([...prefix, i]);
  };
  rec([]);
  return out;
}

function checkPositive(values: Record<string, number>): void {
  for (const [k, v] of Object.entries(values)) {
    if (!Number.isInteger(v) || v < 1) throw new MathError('domain', `${k} must be a positive integer, got ${v}`);
  }
}

export function determinantal(m: number, n: number, r: number): Constructed {
  checkPositive({ m, n });
  if (!Number.isInteger(r) || r < 0) throw new MathError('domain', `the rank bound must be a non-negative integer, got ${r}`);
  const names = boxNames('x', [[1, m], [1, n]]);
  const R = new PolyRing(QQ, names);
  const x = (i: number, j: number) => R.variable(i * n + j);
  const M = Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => x(i, j)));
  const rank = Math.min(r, m, n);
  const gens = rank < Math.min(m, n) ? minors(R, M, rank + 1) : [];
  // Chart: rows 1..r of x are b; rows r+1..m are a·b.
  const paramNames = [...boxNames('a', [[rank + 1, m], [1, rank]]), ...boxNames('b', [[1, rank], [1, n]])];
  const T = new PolyRing(QQ, paramNames);
  const a = (i: number, k: number) => T.variable(i * rank + k);
  const b = (k: number, j: number) => T.variable((m - rank) * rank + k * n + j);
  const map: QQPoly[] = [];
  for (let i = 0; i < m; i++) {
    checkInterrupt();
    for (let j = 0; j < n; j++) {
      if (i < rank) map.push(b(i, j));
      else {
        let s = T.zero();
        for (let k = 0; k < rank; k++) s = T.add(s, T.mul(a(i - rank, k), b(k, j)));
        map.push(s);
      }
    }
  }
  const parametrization: Parametrization = { ring: T, map, degree: 1 };
  return {
    variety: variety(R, gens, { name: `determinantal(${m}, ${n}, ${r})`, parametrization, knownDimension: rank * (m + n - rank) }),
    families: [{ name: 'x', ranges: [[1, m], [1, n]] }],
    frobenius: names.map(() => 1n),
  };
}

/** Non-decreasing tuples of length d from 1..n, in lexicographic order. */
export function multisets(n: number, d: number): number[][] {
  const out: number[][] = [];
  const rec = (prefix: number[], start: number) => {
    if (prefix.length === d) {
      out.push(prefix.slice());
      return;
    }
    for (let i = start; i <= n; i++) rec([...prefix, i], i);
  };
  rec([], 1);
  return out;
}

/** The coordinate name of a symmetric tensor entry. */
export function symmetricName(n: number, tuple: readonly number[]): string {
  return n <= 9 ? `x${tuple.join('')}` : `x${tuple.join('_')}`;
}

function factorial(k: number): bigint {
  let r = 1n;
  for (let i = 2; i <= k; i++) r *= BigInt(i);
  return r;
}

/** The number of orderings of a tuple: d! / Π (multiplicity)!. */
function orderings(tuple: readonly number[]): bigint {
  const counts = new Map<number, number>();
  for (const i of tuple) counts.set(i, (counts.get(i) ?? 0) + 1);
  let r = factorial(tuple.length);
  for (const c of counts.values()) r /= factorial(c);
  return r;
}

interface SymmetricSpace {
  readonly R: QQRing;
  readonly tuples: number[][];
  readonly index: Map<string, number>;
  /** The catalecticant C_{a, d-a}: rows multisets of size a, columns of size d-a. */
  catalecticant(a: number): QQPoly[][];
}

function symmetricSpace(n: number, d: number): SymmetricSpace {
  const tuples = multisets(n, d);
  const R = new PolyRing(QQ, tuples.map((t) => symmetricName(n, t)));
  const index = new Map(tuples.map((t, k) => [t.join(','), k]));
  const entry = (t: number[]) => R.variable(index.get([...t].sort((p, q) => p - q).join(','))!);
  return {
    R,
    tuples,
    index,
    catalecticant: (a: number) => multisets(n, a).map((row) => multisets(n, d - a).map((col) => entry([...row, ...col]))),
  };
}

function powerMap(T: QQRing, tuples: readonly number[][], linearForms: readonly QQPoly[][]): QQPoly[] {
  // x_α = Σ_l Π_{i in α} ℓ_l[i]
  return tuples.map((t) => {
    checkInterrupt();
    let s = T.zero();
    for (const l of linearForms) {
      let p = T.one();
      for (const i of t) p = T.mul(p, l[i - 1]!);
      s = T.add(s, p);
    }
    return s;
  });
}

export function veronese(n: number, d: number): Constructed {
  checkPositive({ n, d });
  const space = symmetricSpace(n, d);
  const gens = d >= 2 && n >= 2 ? minors(space.R, space.catalecticant(1), 2).filter((p) => p.mons.length > 0) : [];
  const T = new PolyRing(QQ, Array.from({ length: n }, (_, i) => `t${i + 1}`));
  const map = powerMap(T, space.tuples, [Array.from({ length: n }, (_, i) => T.variable(i))]);
  return {
    variety: variety(space.R, dedupe(space.R, gens), { name: `veronese(${n}, ${d})`, parametrization: { ring: T, map, degree: d }, knownDimension: n }),
    families: [],
    frobenius: space.tuples.map(orderings),
  };
}

export function segre(sizes: readonly number[]): Constructed {
  if (sizes.length < 2) throw new MathError('domain', 'segre needs at least two factors');
  sizes.forEach((s, i) => checkPositive({ [`n${i + 1}`]: s }));
  const names = boxNames('x', sizes.map((s) => [1, s] as const));
  const R = new PolyRing(QQ, names);
  const strides = sizes.map((_, j) => sizes.slice(j + 1).reduce((a, b) => a * b, 1));
  const total = names.length;
  const gens: QQPoly[] = [];
  for (let j = 0; j < sizes.length; j++) {
    // Flattening: rows = index j, columns = the other indices.
    const rows: QQPoly[][] = Array.from({ length: sizes[j]! }, () => []);
    for (let v = 0; v < total; v++) {
      const ij = Math.floor(v / strides[j]!) % sizes[j]!;
      rows[ij]!.push(R.variable(v));
    }
    gens.push(...minors(R, rows, 2).filter((p) => p.mons.length > 0));
  }
  const paramNames: string[] = [];
  sizes.forEach((s, j) => {
    for (let i = j === 0 ? 1 : 2; i <= s; i++) paramNames.push(`t${j + 1}[${i}]`);
  });
  const T = new PolyRing(QQ, paramNames);
  const factors: QQPoly[][] = [];
  let next = 0;
  sizes.forEach((s, j) => {
    const f: QQPoly[] = [];
    for (let i = 1; i <= s; i++) f.push(j > 0 && i === 1 ? T.one() : T.variable(next++));
    factors.push(f);
  });
  const map: QQPoly[] = [];
  for (let v = 0; v < total; v++) {
    checkInterrupt();
    let p = T.one();
    sizes.forEach((s, j) => {
      p = T.mul(p, factors[j]![Math.floor(v / strides[j]!) % s]!);
    });
    map.push(p);
  }
  const dim = sizes.reduce((a, b) => a + b, 0) - sizes.length + 1;
  return {
    variety: variety(R, dedupe(R, gens), { name: `segre(${sizes.join(', ')})`, parametrization: { ring: T, map, degree: 1 }, knownDimension: dim }),
    families: [{ name: 'x', ranges: sizes.map((s) => [1, s] as const) }],
    frobenius: names.map(() => 1n),
  };
}

export function symmetricRank(n: number, d: number, k: number, options: ComputeOptions = {}): Constructed {
  checkPositive({ n, d, k });
  if (k === 1) {
    const v = veronese(n, d);
    return { ...v, variety: { ...v.variety, name: `symmetricRank(${n}, ${d}, 1)` } };
  }
  const space = symmetricSpace(n, d);
  const { R, tuples } = space;
  const T = new PolyRing(QQ, Array.from({ length: k * n }, (_, i) => `l[${Math.floor(i / n) + 1},${(i % n) + 1}]`));
  const forms = Array.from({ length: k }, (_, l) => Array.from({ length: n }, (_, i) => T.variable(l * n + i)));
  const map = powerMap(T, tuples, forms);
  const parametrization: Parametrization = { ring: T, map };
  const name = `symmetricRank(${n}, ${d}, ${k})`;
  const frobenius = tuples.map(orderings);
  const minorsOf = (a: number, size: number) => {
    const C = space.catalecticant(a);
    return size <= C.length && size <= C[0]!.length ? minors(R, C, size).filter((p) => p.mons.length > 0) : null;
  };
  let gens: QQPoly[] | null = null;
  let how = '';
  if (n === 1) gens = [];
  else if (d === 2) {
    gens = minorsOf(1, k + 1) ?? [];
    how = 'minors of the symmetric matrix';
  } else if (n === 2) {
    gens = minorsOf(Math.floor(d / 2), k + 1) ?? [];
    how = 'minors of the Hankel matrix';
  } else if (k === 2) {
    gens = [...(minorsOf(1, 3) ?? []), ...(d >= 4 ? (minorsOf(2, 3) ?? []) : [])];
    how = '3×3 minors of catalecticants';
  }
  if (gens === null) {
    gens = implicitize(T, map, R, options);
    how = 'implicitization';
  }
  void how;
  return { variety: variety(R, dedupe(R, gens), { name, parametrization }), families: [], frobenius };
}

export function hypersurface(R: QQRing, f: QQPoly): Variety {
  if (f.mons.length === 0) throw new MathError('domain', 'the zero polynomial does not define a hypersurface');
  return variety(R, [f], { knownDimension: R.isConstant(f) ? -1 : R.nvars - 1 });
}

/** Generators of the closure of the image of T -> C^{target.nvars}, t ↦ map(t), by elimination. */
export function implicitize(T: QQRing, map: readonly QQPoly[], target: QQRing, options: ComputeOptions = {}): QQPoly[] {
  if (map.length !== target.nvars) throw new MathError('shape', `the map has ${map.length} coordinates but the target has ${target.nvars} variables`);
  const p = T.nvars;
  const S = new PolyRing(QQ, [...T.vars.map((v) => `_${v}`), ...target.vars]);
  const gens = map.map((f, i) => S.sub(S.variable(p + i), embed(T, S, f)));
  const eliminated = ideals.eliminate(S, gens, Array.from({ length: p }, (_, i) => i), options);
  return eliminated.map((f: QQPoly) => target.fromTerms(f.mons.map((m, k) => [m.slice(p) as Int32Array, f.coeffs[k]!] as const)));
}

/** image(φ): the closure of the image, with φ kept as its parametrization. */
export function imageOfMap(T: QQRing, map: readonly QQPoly[], target: QQRing, options: ComputeOptions = {}): Variety {
  return variety(target, implicitize(T, map, target, options), { parametrization: { ring: T, map } });
}

/** The generators made monic, each once (in linear time, by their exact text as a key). */
function dedupe(R: QQRing, gens: readonly QQPoly[]): QQPoly[] {
  const seen = new Map<string, QQPoly>();
  for (const g of gens) {
    checkInterrupt();
    const monic = R.monic(g);
    const key = monic.mons.map((m, k) => `${m.join(',')}:${monic.coeffs[k]!.num}/${monic.coeffs[k]!.den}`).join(';');
    if (!seen.has(key)) seen.set(key, monic);
  }
  return [...seen.values()];
}

/** Frobenius weights as a diagonal of rationals. */
export function weightsAsRationals(w: readonly bigint[]) {
  return w.map((x) => rat(x));
}

export { binomial };
