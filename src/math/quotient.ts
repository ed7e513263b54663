// The quotient algebra A = K[x]/I of a zero-dimensional ideal and what is read off it by linear algebra
// over any field: multiplication matrices, traces, the Hermite form, Krylov minimal polynomials, and
// the number of distinct solutions through the radical.
//
// Representation. A = K[x_1..x_n]/I is a K-vector space of finite dimension D (the vdim, solutions
// counted with multiplicity) with the basis B = (b_0 = 1, b_1, ..., b_{D-1}) of standard monomials of
// the reduced Gröbner basis (in increasing monomial order; every b_k with k > 0 is x_l·b_k' for a
// recorded parent k' < k). Elements of A are coordinate vectors `E[]` of length D. Multiplication by
// x_i is the D×D matrix M_i with M_i[k][j] = the coefficient of b_k in NF(x_i·b_j), held as sparse
// columns.
//
// Algorithms and sources:
// - Traces τ(b_k) = Tr(M_{b_k}) from M_{b_k} = M_l·M_{b_k'} (depth-first over the parent tree) and the
//   Hermite quadratic form H[i][j] = Tr(M_{b_i·b_j}) (P. Pedersen, M.-F. Roy, A. Szpirglas, "Counting
//   real zeros in the multivariate case", 1993): rank = distinct complex solutions, signature (in
//   characteristic 0) = distinct real solutions.
// - Distinct solutions over the algebraic closure of a perfect field: the vdim of the radical
//   √I = I + (s_1(x_1), ..., s_n(x_n)), s_i the square-free part of the minimal polynomial of M_{x_i}
//   (Seidenberg's lemma); the minimal polynomials by Krylov iteration with incremental elimination.
import { MathError } from './errors.js';
import type { Field } from './field.js';
import { type GroebnerOptions, groebner } from './groebner/index.js';
import { Reducer } from './groebner/reduce.js';
import type { Matrix } from './linalg/matrix.js';
import { type Monomial, monomialKey, totalDegree } from './monomial.js';
import type { Poly, PolyRing } from './poly.js';
import { checkInterrupt } from './progress.js';
import { UnivariateRing } from './univariate/index.js';

// =============================================================================================
// The quotient algebra and its multiplication matrices.

/** A sparse vector: parallel arrays of indices and non-zero values. */
export interface SparseVector<E> {
  readonly index: number[];
  readonly value: E[];
}

export interface QuotientAlgebra<E> {
  /** The ring of the Gröbner basis. */
  readonly ring: PolyRing<E>;
  /** The reduced Gröbner basis. */
  readonly basis: Poly<E>[];
  /** The standard monomials b_0 = 1 < b_1 < ... in the ring's order. */
  readonly monomials: Monomial[];
  /** For k > 0: b_k = x_{parentVariable[k]} · b_{parent[k]} with parent[k] < k. */
  readonly parent: number[];
  readonly parentVariable: number[];
  /** columns[i][j] = the coordinates of NF(x_i · b_j). */
  readonly columns: SparseVector<E>[][];
}

function sparseFromPoly<E>(f: Poly<E>, index: Map<string, number>): SparseVector<E> {
  const idx: number[] = [];
  const val: E[] = [];
  f.mons.forEach((m, k) => {
    const i = index.get(monomialKey(m));
    if (i === undefined) throw new MathError('internal', 'a normal form has a term outside the normal set');
    idx.push(i);
    val.push(f.coeffs[k]!);
  });
  return { index: idx, value: val };
}

/** Leading monomials decide zero-dimensionality: every variable needs a pure power among them. */
export function isZeroDimensionalBasis<E>(R: PolyRing<E>, basis: readonly Poly<E>[]): boolean {
  for (let i = 0; i < R.nvars; i++) {
    const found = basis.some((g) => {
      const m = g.mons[0]!;
      for (let j = 0; j < m.length; j++) if (j !== i && m[j] !== 0) return false;
      return m[i]! > 0 || totalDegree(m) === 0;
    });
    if (!found) return false;
  }
  return true;
}

/** The Krull dimension from the leading monomials: the largest set of variables free of them. */
function dimensionOfBasis<E>(R: PolyRing<E>, basis: readonly Poly<E>[]): number {
  const n = R.nvars;
  if (basis.some((g) => totalDegree(g.mons[0]!) === 0)) return -1;
  const supports = basis.map((g) => {
    let mask = 0;
    g.mons[0]!.forEach((e, i) => {
      if (e > 0) mask |= 1 << i;
    });
    return mask;
  });
  if (n > 24) return -2; // too many variables to search; reported as "positive"
  let best = 0;
  for (let set = 0; set < 1 << n; set++) {
    let size = 0;
    for (let x = set; x; x &= x - 1) size++;
    if (size <= best) continue;
    if (supports.every((s) => (s & ~set) !== 0)) best = size;
  }
  return best;
}

/**
 * The quotient algebra of the ideal whose reduced Gröbner basis (in R's order) is `basis`:
 * standard monomials and multiplication matrices. MathError('not-zero-dimensional') otherwise.
 */
export function quotientAlgebra<E>(R: PolyRing<E>, basis: readonly Poly<E>[], options: GroebnerOptions = {}): QuotientAlgebra<E> {
  if (basis.length === 0 || !isZeroDimensionalBasis(R, basis)) {
    const d = basis.length === 0 ? R.nvars : dimensionOfBasis(R, basis);
    const text = d >= 0 ? `positive dimension ${d}` : 'positive dimension';
    throw new MathError('not-zero-dimensional', `the ideal has ${text}; solve needs finitely many solutions`);
  }
  const reducer = new Reducer(R, basis, options.signal);
  const n = R.nvars;
  const found: { m: Monomial; parent: number; variable: number }[] = [];
  const seen = new Set<string>();
  if (!basis.some((g) => totalDegree(g.mons[0]!) === 0)) {
    const one = new Int32Array(n);
    found.push({ m: one, parent: -1, variable: -1 });
    seen.add(monomialKey(one));
    for (let k = 0; k < found.length; k++) {
      checkInterrupt(options.signal);
      for (let i = 0; i < n; i++) {
        const m = found[k]!.m.slice();
        m[i]!++;
        const key = monomialKey(m);
        if (seen.has(key)) continue;
        seen.add(key);
        if (!reducer.isReducible(m)) found.push({ m, parent: k, variable: i });
      }
    }
  }
  // Sort increasing in the ring's order (a divisor is always smaller, so parents come first).
  const order = found.map((_, k) => k).sort((a, b) => R.order.compare(found[a]!.m, found[b]!.m));
  const position = new Array<number>(found.length);
  order.forEach((k, pos) => {
    position[k] = pos;
  });
  const monomials = order.map((k) => found[k]!.m);
  const parent = order.map((k) => (found[k]!.parent < 0 ? -1 : position[found[k]!.parent]!));
  const parentVariable = order.map((k) => found[k]!.variable);
  const index = new Map(monomials.map((m, k) => [monomialKey(m), k]));
  const F = R.field;
  const columns: SparseVector<E>[][] = [];
  for (let i = 0; i < n; i++) {
    const col: SparseVector<E>[] = [];
    for (let j = 0; j < monomials.length; j++) {
      checkInterrupt(options.signal);
      const m = monomials[j]!.slice();
      m[i]!++;
      const k = index.get(monomialKey(m));
      if (k !== undefined) col.push({ index: [k], value: [F.one] });
      else col.push(sparseFromPoly(reducer.normalForm(R.term(F.one, m)), index));
    }
    columns.push(col);
  }
  return { ring: R, basis: basis.slice(), monomials, parent, parentVariable, columns };
}

/** M·v for a matrix given by sparse columns. */
export function applyColumns<E>(F: Field<E>, cols: readonly SparseVector<E>[], v: readonly E[]): E[] {
  const out = new Array<E>(cols.length).fill(F.zero);
  for (let j = 0; j < v.length; j++) {
    const a = v[j]!;
    if (F.isZero(a)) continue;
    const { index, value } = cols[j]!;
    for (let k = 0; k < index.length; k++) out[index[k]!] = F.add(out[index[k]!]!, F.mul(a, value[k]!));
  }
  return out;
}

/** M^T·r for a matrix given by sparse columns. */
function applyColumnsTransposed<E>(F: Field<E>, cols: readonly SparseVector<E>[], r: readonly E[]): E[] {
  return cols.map(({ index, value }) => {
    let s = F.zero;
    for (let k = 0; k < index.length; k++) {
      const x = r[index[k]!]!;
      if (!F.isZero(x)) s = F.add(s, F.mul(value[k]!, x));
    }
    return s;
  });
}

/** The sparse columns of Σ c_i M_i. */
export function combineColumns<E>(F: Field<E>, A: QuotientAlgebra<E>, c: readonly E[]): SparseVector<E>[] {
  const D = A.monomials.length;
  const out: SparseVector<E>[] = [];
  for (let j = 0; j < D; j++) {
    const acc = new Map<number, E>();
    c.forEach((ci, i) => {
      if (F.isZero(ci)) return;
      const { index, value } = A.columns[i]![j]!;
      for (let k = 0; k < index.length; k++) {
        const prev = acc.get(index[k]!);
        const add = F.mul(ci, value[k]!);
        acc.set(index[k]!, prev === undefined ? add : F.add(prev, add));
      }
    });
    const idx: number[] = [];
    const val: E[] = [];
    for (const [k, v] of [...acc].sort((a, b) => a[0] - b[0])) {
      if (!F.isZero(v)) {
        idx.push(k);
        val.push(v);
      }
    }
    out.push({ index: idx, value: val });
  }
  return out;
}

/** The multiplication matrices M_{x_i} as dense D×D matrices (M[k][j] = coefficient of b_k in NF(x_i b_j)). */
export function multiplicationMatrices<E>(A: QuotientAlgebra<E>): Matrix<E>[] {
  const F = A.ring.field;
  const D = A.monomials.length;
  return A.columns.map((cols) => {
    const M: Matrix<E> = Array.from({ length: D }, () => new Array<E>(D).fill(F.zero));
    cols.forEach(({ index, value }, j) => index.forEach((k, t) => (M[k]![j] = value[t]!)));
    return M;
  });
}

// =============================================================================================
// Traces and the Hermite form (characteristic 0).

/** τ(b_k) = Tr(M_{b_k}) for every standard monomial, depth-first over the parent tree. */
export function traceVector<E>(A: QuotientAlgebra<E>, options: GroebnerOptions = {}): E[] {
  const F = A.ring.field;
  const D = A.monomials.length;
  const children: number[][] = A.monomials.map(() => []);
  for (let k = 1; k < D; k++) children[A.parent[k]!]!.push(k);
  const traces = new Array<E>(D).fill(F.zero);
  // P = M_{b_k} as an array of columns (column j = coordinates of b_k·b_j).
  const identityColumns: E[][] = Array.from({ length: D }, (_, j) => {
    const c = new Array<E>(D).fill(F.zero);
    c[j] = F.one;
    return c;
  });
  traces[0] = F.fromBigInt(BigInt(D));
  const stack: { k: number; P: E[][] }[] = [{ k: 0, P: identityColumns }];
  while (stack.length > 0) {
    const { k, P } = stack.pop()!;
    for (const child of children[k]!) {
      checkInterrupt(options.signal);
      const cols = A.columns[A.parentVariable[child]!]!;
      const Q = P.map((c) => applyColumns(F, cols, c));
      let tr = F.zero;
      for (let j = 0; j < D; j++) tr = F.add(tr, Q[j]![j]!);
      traces[child] = tr;
      if (children[child]!.length > 0) stack.push({ k: child, P: Q });
    }
  }
  return traces;
}

/** The Hermite quadratic form H[i][j] = Tr(M_{b_i b_j}) = τ(b_i b_j), given the trace vector τ. */
export function hermiteForm<E>(A: QuotientAlgebra<E>, traces: readonly E[]): Matrix<E> {
  const F = A.ring.field;
  const D = A.monomials.length;
  const rows: E[][] = new Array<E[]>(D);
  rows[0] = traces.slice();
  for (let k = 1; k < D; k++) rows[k] = applyColumnsTransposed(F, A.columns[A.parentVariable[k]!]!, rows[A.parent[k]!]!);
  return rows;
}

// =============================================================================================
// Incremental linear dependence (Krylov sequences, FGLM).

/** Rows in echelon form (pivot normalized to 1) with their combinations of the inserted vectors. */
export class IncrementalEchelon<E> {
  private readonly rows: { pivot: number; vector: E[]; combination: E[] }[] = [];
  private count = 0;

  constructor(private readonly F: Field<E>) {}

  /** The number of vectors inserted so far (as independent). */
  get size(): number {
    return this.count;
  }

  /**
   * Reduces v; when v depends on the inserted vectors u_0..u_{s-1}, returns λ with v = Σ λ_s u_s;
   * otherwise inserts v (as u_s, s = size) and returns null.
   */
  dependency(v: readonly E[]): E[] | null {
    const F = this.F;
    const w = v.slice();
    const lambda: E[] = new Array<E>(this.count).fill(F.zero);
    for (const row of this.rows) {
      const c = w[row.pivot]!;
      if (F.isZero(c)) continue;
      for (let j = 0; j < w.length; j++) if (!F.isZero(row.vector[j]!)) w[j] = F.sub(w[j]!, F.mul(c, row.vector[j]!));
      for (let s = 0; s < row.combination.length; s++) {
        if (!F.isZero(row.combination[s]!)) lambda[s] = F.add(lambda[s]!, F.mul(c, row.combination[s]!));
      }
    }
    const pivot = w.findIndex((x) => !F.isZero(x));
    if (pivot < 0) return lambda;
    // w = v - Σ λ_s u_s: a new row with combination e_new - λ, scaled so the pivot is 1.
    const inv = F.inv(w[pivot]!);
    const combination = lambda.map((x) => F.neg(F.mul(x, inv)));
    combination.push(inv);
    this.rows.push({ pivot, vector: w.map((x) => F.mul(x, inv)), combination });
    this.count++;
    return null;
  }
}

/** The minimal polynomial (monic, low degree first) of the vector v under the matrix with columns `cols`. */
export function krylovMinimalPolynomial<E>(F: Field<E>, cols: readonly SparseVector<E>[], v: readonly E[], signal?: GroebnerOptions['signal']): E[] {
  const echelon = new IncrementalEchelon(F);
  let w = v.slice();
  for (;;) {
    checkInterrupt(signal);
    const lambda = echelon.dependency(w);
    if (lambda) return [...lambda.map((x) => F.neg(x)), F.one];
    w = applyColumns(F, cols, w);
  }
}

// =============================================================================================
// Counting over GF(p) through the radical.

/**
 * The number of distinct solutions over the algebraic closure, exactly: the vdim of
 * √I = I + (s_1(x_1), ..., s_n(x_n)), s_i the square-free part of the minimal polynomial of x_i in A.
 */
export function countDistinctSolutions<E>(A: QuotientAlgebra<E>, options: GroebnerOptions = {}): number {
  const R = A.ring;
  const F = R.field;
  const D = A.monomials.length;
  if (D === 0) return 0;
  const V = new UnivariateRing(F);
  const e0 = new Array<E>(D).fill(F.zero);
  e0[0] = F.one;
  const extra: Poly<E>[] = [];
  let radicalAlready = true;
  for (let i = 0; i < R.nvars; i++) {
    const mu = krylovMinimalPolynomial(F, A.columns[i]!, e0, options.signal);
    const s = V.squareFreePart(mu);
    if (V.degree(s) < V.degree(mu)) radicalAlready = false;
    const terms: [Monomial, E][] = s.map((c, k) => {
      const m = new Int32Array(R.nvars);
      m[i] = k;
      return [m, c];
    });
    extra.push(R.fromTerms(terms));
  }
  // Seidenberg: square-free univariate polynomials in every variable make the ideal radical.
  if (radicalAlready) return D;
  const radical = groebner(R, [...A.basis, ...extra], options).basis;
  return quotientAlgebra(R, radical, options).monomials.length;
}

