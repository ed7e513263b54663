// Matrices of polynomials: entries Poly<E> of a PolyRing<E>, row-major `Poly<E>[][]`.
//
// - `polyDeterminant`: fraction-free Bareiss elimination (bareiss.ts) over the polynomial ring, the
//   division by the previous pivot being exact (R.divExact); cofactor expansion for n <= 3, where it
//   is cheaper.
// - `minors(R, M, k)`: all k×k minors by Laplace expansion along the first chosen row, memoized on
//   (row set, column set), so each smaller minor is computed once and shared.
// - `jacobian`, `hessian`: matrices of partial derivatives.
import { MathError } from '../errors.js';
import type { Poly, PolyRing } from '../poly.js';
import { type ExactDivisionOps, bareiss } from './bareiss.js';
import { checkInterrupt } from '../progress.js';
import { approx, checkPolySize, log2Binomial } from '../budget.js';

export type PolyMatrix<E> = Poly<E>[][];

function checkSquare<E>(M: readonly (readonly Poly<E>[])[]): number {
  const n = M.length;
  for (const row of M) {
    if (row.length !== n) throw new MathError('not-square', `det needs a square matrix, got ${n}x${row.length}`);
  }
  return n;
}

function cofactor3<E>(R: PolyRing<E>, M: readonly (readonly Poly<E>[])[]): Poly<E> {
  const n = M.length;
  if (n === 0) return R.one();
  if (n === 1) return M[0]![0]!;
  if (n === 2) return R.sub(R.mul(M[0]![0]!, M[1]![1]!), R.mul(M[0]![1]!, M[1]![0]!));
  let sum = R.zero();
  for (let j = 0; j < n; j++) {
    const a = M[0]![j]!;
    if (R.isZero(a)) continue;
    const minor = M.slice(1).map((row) => row.filter((_, c) => c !== j));
    const term = R.mul(a, cofactor3(R, minor));
    sum = j % 2 === 0 ? R.add(sum, term) : R.sub(sum, term);
  }
  return sum;
}

/** det M for a square matrix of polynomials (Bareiss, pivots of fewest terms; cofactors for n <= 3). */
export function polyDeterminant<E>(R: PolyRing<E>, M: readonly (readonly Poly<E>[])[]): Poly<E> {
  const n = checkSquare(M);
  if (n <= 3) return cofactor3(R, M);
  const ops: ExactDivisionOps<Poly<E>> = {
    zero: R.zero(),
    one: R.one(),
    isZero: (a) => R.isZero(a),
    mul: (a, b) => R.mul(a, b),
    sub: (a, b) => R.sub(a, b),
    neg: (a) => R.neg(a),
    divExact: (a, b) => R.divExact(a, b),
  };
  return bareiss(ops, M, { cost: (a) => a.mons.length });
}

/** All k-element subsets of {0..n-1} in lexicographic order. */
export function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const cur: number[] = [];
  const rec = (start: number) => {
    if (cur.length === k) {
      out.push(cur.slice());
      return;
    }
    for (let i = start; i <= n - (k - cur.length); i++) {
      cur.push(i);
      rec(i + 1);
      cur.pop();
    }
  };
  rec(0);
  return out;
}

const MINOR_SAMPLE = 64;

/**
 * All k×k minors of the m×n matrix M: for each k-subset of rows (lexicographic) and each k-subset of
 * columns (lexicographic), det M[rows, cols]; zero minors included. k = 0 gives [1].
 */
export function minors<E>(R: PolyRing<E>, M: readonly (readonly Poly<E>[])[], k: number, columns?: number): Poly<E>[] {
  const m = M.length;
  const n = columns ?? M[0]?.length ?? 0;
  if (!Number.isInteger(k) || k < 0) throw new MathError('bad-size', `the minor size must be a non-negative integer, got ${k}`);
  if (k > m || k > n) return [];
  const memo = new Map<string, Poly<E>>();
  const det = (rows: readonly number[], cols: readonly number[]): Poly<E> => {
    if (rows.length === 0) return R.one();
    if (rows.length === 1) return M[rows[0]!]![cols[0]!]!;
    const key = `${rows.join(',')}|${cols.join(',')}`;
    const cached = memo.get(key);
    if (cached) return cached;
    const first = M[rows[0]!]!;
    const rest = rows.slice(1);
    let sum = R.zero();
    for (let j = 0; j < cols.length; j++) {
      const a = first[cols[j]!]!;
      if (R.isZero(a)) continue;
      const sub = det(rest, cols.filter((_, c) => c !== j));
      if (R.isZero(sub)) continue;
      const term = R.mul(a, sub);
      sum = j % 2 === 0 ? R.add(sum, term) : R.sub(sum, term);
    }
    memo.set(key, sum);
    return sum;
  };
  const out: Poly<E>[] = [];
  const colSets = subsets(n, k);
  // The size of all minors is extrapolated from the first MINOR_SAMPLE (their average number of terms
  // times the number of minors); beyond the size budget the work is refused before it is done.
  const log2Count = log2Binomial(m, k) + log2Binomial(n, k);
  let sampledTerms = 0;
  for (const rows of subsets(m, k)) {
    for (const cols of colSets) {
      checkInterrupt();
      const minor = det(rows, cols);
      out.push(minor);
      if (out.length <= MINOR_SAMPLE) sampledTerms += Math.max(1, minor.mons.length);
      if (out.length === MINOR_SAMPLE && log2Count > Math.log2(MINOR_SAMPLE)) {
        checkPolySize(`the ${k}×${k} minors of a ${m}×${n} matrix (${approx(2 ** log2Count)} of them)`, log2Count + Math.log2(sampledTerms / MINOR_SAMPLE), 64, R.nvars, 'about');
      }
    }
  }
  return out;
}

/** J[i][j] = ∂fs[i]/∂x_{vars[j]} (vars defaults to all variables of R). */
export function jacobian<E>(R: PolyRing<E>, fs: readonly Poly<E>[], vars?: readonly number[]): PolyMatrix<E> {
  const vs = vars ?? [...Array(R.nvars).keys()];
  return fs.map((f) => vs.map((v) => R.diff(f, v)));
}

/** H[i][j] = ∂²f/∂x_{vars[i]}∂x_{vars[j]} (symmetric; vars defaults to all variables of R). */
export function hessian<E>(R: PolyRing<E>, f: Poly<E>, vars?: readonly number[]): PolyMatrix<E> {
  const vs = vars ?? [...Array(R.nvars).keys()];
  const grad = vs.map((v) => R.diff(f, v));
  const H: PolyMatrix<E> = vs.map(() => new Array<Poly<E>>(vs.length));
  for (let i = 0; i < vs.length; i++) {
    for (let j = i; j < vs.length; j++) {
      const d = R.diff(grad[i]!, vs[j]!);
      H[i]![j] = d;
      H[j]![i] = d;
    }
  }
  return H;
}
