// The linear algebra of F4 over GF(p), p < 94,906,265: sparse rows reduced one at a time in a dense
// accumulator with delayed modular reduction (Faugère–Lachartre 2010 split the Macaulay matrix as
// A|B over C|D; msolve (Berthomieu–Eder–Safey El Din 2021) and Giac (Parisse) reduce the C|D rows
// against the known pivots A|B in a dense row buffer; we do the same).
//
// Representation (invariants):
//  - Columns are numbered 0..ncols-1 in the order in which elimination proceeds: first the "A"
//    columns (0..nA-1, each the leading monomial of exactly one known pivot row, in decreasing
//    monomial order), then the "B" columns (nA..ncols-1, in decreasing monomial order). A pivot row
//    with lead c has all its other entries in columns > c, so one left-to-right sweep eliminates.
//  - A sparse row is a pair (cols: Int32Array, coefs: Float64Array) of the same length, entries
//    in [0, p) (zeros allowed but useless). A pivot row is monic and its lead is cols[0]; the other
//    entries may come in any column order (multiples of basis polynomials interleave A and B).
//  - Coefficient arrays are shared: every multiple t·g of a basis element g uses g's array.
//
// Delayed reduction: the accumulator holds non-negative integers exactly representable as doubles.
// An update adds mul·c with mul, c < p, at most (p-1)^2; entries start below p. With
// K = floor((2^52 - p) / (p-1)^2), K updates in a row are always exact. The sweep picks a mode:
//  - 'plain': K is at least the number of pivots, so no sweep can overflow (p = 32003: K ~ 4·10^6);
//  - 'counted': after K updates the rest of the row is reduced modulo p (cheap when K is in the
//    hundreds, as for the primes below 2^22 of the multi-modular algorithm);
//  - 'checked': each update compares its result with 2^52 and subtracts a multiple of p near 2^52
//    (a branch almost never taken), for 2^22 <= p < 2^26;
//  - 'eager': each update is reduced modulo p at once (2^26 <= p < 94,906,265, slow but exact).
// Reduction modulo p uses a precomputed 1/p and a floor, with a correction step, instead of the
// slow floating-point `%`.
import { invModNumber } from '../field.js';
import { checkInterrupt, type Interrupt } from '../progress.js';

/** A sparse row: parallel arrays of column indices and coefficients. */
export class SparseRow {
  constructor(
    public cols: Int32Array,
    public coefs: Float64Array,
  ) {}
}

/** The largest number of accumulated updates that keeps every entry below 2^52. */
export function delayedReductionBound(p: number): number {
  const sq = (p - 1) * (p - 1);
  return Math.max(1, Math.floor((2 ** 52 - p) / Math.max(sq, 1)));
}

/** x mod p for 0 <= x < 2^53, via a precomputed inverse. */
export function modReduce(x: number, p: number, pinv: number): number {
  let r = x - Math.floor(x * pinv) * p;
  if (r < 0) r += p;
  else if (r >= p) r -= p;
  return r;
}

export interface ReduceOptions {
  /** When true, each row that does not reduce to zero becomes a new pivot (at its first column). */
  readonly newPivots: boolean;
  readonly signal?: Interrupt;
}

/** acc[cols[k]] += mul * coefs[k] for k >= 1 (the lead, k = 0, is eliminated by the caller). */
function axpyTail(acc: Float64Array, cols: Int32Array, coefs: Float64Array, mul: number): void {
  const len = cols.length;
  let k = 1;
  for (; k + 3 < len; k += 4) {
    const c0 = cols[k]!, c1 = cols[k + 1]!, c2 = cols[k + 2]!, c3 = cols[k + 3]!;
    const a0 = acc[c0]! + mul * coefs[k]!;
    const a1 = acc[c1]! + mul * coefs[k + 1]!;
    const a2 = acc[c2]! + mul * coefs[k + 2]!;
    const a3 = acc[c3]! + mul * coefs[k + 3]!;
    acc[c0] = a0;
    acc[c1] = a1;
    acc[c2] = a2;
    acc[c3] = a3;
  }
  for (; k < len; k++) {
    const c = cols[k]!;
    acc[c] = acc[c]! + mul * coefs[k]!;
  }
}

const TWO52 = 2 ** 52;

/** The same update, keeping every entry below 2^52 by subtracting `big`, a multiple of p near 2^52. */
function axpyTailChecked(acc: Float64Array, cols: Int32Array, coefs: Float64Array, mul: number, big: number): void {
  const len = cols.length;
  for (let k = 1; k < len; k++) {
    const c = cols[k]!;
    let a = acc[c]! + mul * coefs[k]!;
    if (a >= TWO52) a -= big;
    acc[c] = a;
  }
}

/** The same update with every entry reduced modulo p at once. */
function axpyTailEager(acc: Float64Array, cols: Int32Array, coefs: Float64Array, mul: number, p: number, pinv: number): void {
  const len = cols.length;
  for (let k = 1; k < len; k++) {
    const c = cols[k]!;
    acc[c] = modReduce(acc[c]! + mul * coefs[k]!, p, pinv);
  }
}

const PLAIN = 0, COUNTED = 1, CHECKED = 2, EAGER = 3;

/** Entries of pivots applied between two polls of the interrupt, and the count since the last poll. */
const POLL_WORK = 1 << 16;
let sweepWork = 0;

/** The accumulation mode for a sweep that may apply up to `maxUpdates` pivots. */
function accumulationMode(p: number, maxUpdates: number): number {
  if (p >= 2 ** 26) return EAGER;
  const K = delayedReductionBound(p);
  if (K >= maxUpdates) return PLAIN;
  return K >= 64 ? COUNTED : CHECKED;
}

/**
 * The sweep of one row loaded in `acc` from column `start` on: every non-zero entry in a pivot
 * column is eliminated, the others are reduced modulo p, moved to out and cleared, so that acc is
 * all zero afterwards. Returns the number of entries written to out.
 */
function sweep(
  acc: Float64Array,
  start: number,
  ncols: number,
  pivotOf: Int32Array,
  pivots: readonly SparseRow[],
  p: number,
  mode: number,
  outCols: Int32Array,
  outCoefs: Float64Array,
  n: number,
): number {
  const pinv = 1 / p;
  const big = p * Math.floor(TWO52 / p);
  const K = delayedReductionBound(p);
  let ops = 0;
  for (let c = start; c < ncols; c++) {
    // Polls on a work counter (entries of the pivots applied, across rows), not on columns: a few
    // columns can carry long pivots.
    if (sweepWork >= POLL_WORK) {
      sweepWork = 0;
      checkInterrupt();
    }
    let v = acc[c]!;
    if (v === 0) continue;
    acc[c] = 0;
    if (v >= p) {
      v = modReduce(v, p, pinv);
      if (v === 0) continue;
    }
    const piv = pivotOf[c]!;
    if (piv >= 0) {
      const pr = pivots[piv]!;
      sweepWork += pr.cols.length;
      if (mode === PLAIN) axpyTail(acc, pr.cols, pr.coefs, p - v);
      else if (mode === COUNTED) {
        axpyTail(acc, pr.cols, pr.coefs, p - v);
        if (++ops === K) {
          for (let j = c + 1; j < ncols; j++) {
            const x = acc[j]!;
            if (x >= p) acc[j] = modReduce(x, p, pinv);
          }
          ops = 0;
        }
      } else if (mode === CHECKED) axpyTailChecked(acc, pr.cols, pr.coefs, p - v, big);
      else axpyTailEager(acc, pr.cols, pr.coefs, p - v, p, pinv);
    } else {
      outCols[n] = c;
      outCoefs[n] = v;
      n++;
    }
  }
  return n;
}

/**
 * The Macaulay-matrix elimination of one F4 step.
 *
 * `pivotOf[c]` is the index in `pivots` of the pivot row with lead c, or -1. Rows in `rows` are
 * reduced in the given order against every pivot; with `newPivots`, a row that survives is made
 * monic and becomes a pivot for the rows after it (its lead is then a B column). The result has, for
 * each input row, the fully reduced row, or null when it reduced to zero. `pivots` and `pivotOf` are
 * extended in place with the new pivots.
 */
export function reduceRows(
  ncols: number,
  pivots: SparseRow[],
  pivotOf: Int32Array,
  rows: readonly SparseRow[],
  p: number,
  options: ReduceOptions,
): (SparseRow | null)[] {
  const acc = new Float64Array(ncols);
  const outCols = new Int32Array(ncols);
  const outCoefs = new Float64Array(ncols);
  // One sweep applies each pivot at most once.
  const mode = accumulationMode(p, pivots.length + rows.length);
  const result: (SparseRow | null)[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    if ((r & 31) === 31) checkInterrupt(options.signal);
    const row = rows[r]!;
    const rc = row.cols, rf = row.coefs;
    let start = ncols;
    for (let k = 0; k < rc.length; k++) {
      const c = rc[k]!;
      acc[c] = rf[k]!;
      if (c < start) start = c;
    }
    const n = sweep(acc, start, ncols, pivotOf, pivots, p, mode, outCols, outCoefs, 0);
    if (n === 0) {
      result[r] = null;
      continue;
    }
    const reduced = new SparseRow(outCols.slice(0, n), outCoefs.slice(0, n));
    if (options.newPivots) {
      makeMonic(reduced.coefs, p);
      pivotOf[reduced.cols[0]!] = pivots.length;
      pivots.push(reduced);
    }
    result[r] = reduced;
  }
  return result;
}

export function makeMonic(coefs: Float64Array, p: number): void {
  const lead = coefs[0]!;
  if (lead === 1) return;
  const inv = invModNumber(lead, p);
  coefs[0] = 1;
  const pinv = 1 / p;
  for (let k = 1; k < coefs.length; k++) coefs[k] = modReduce(coefs[k]! * inv, p, pinv);
}

/**
 * Brings a set of monic rows with distinct leads, each already reduced with respect to every other
 * pivot whose lead lies to its left (as `reduceRows` leaves them), to reduced echelon form: every
 * lead column is zero in the other rows. Rows are processed from the rightmost lead leftwards, so
 * that each is reduced against rows that are already final. `pivotOf` must map the leads of `rows`
 * (and of any other pivots that may occur) to indices in `pivots`.
 */
export function interreduceRows(
  ncols: number,
  pivots: SparseRow[],
  pivotOf: Int32Array,
  indices: readonly number[],
  p: number,
  signal?: Interrupt,
): void {
  const order = [...indices].sort((a, b) => pivots[b]!.cols[0]! - pivots[a]!.cols[0]!);
  const acc = new Float64Array(ncols);
  const outCols = new Int32Array(ncols);
  const outCoefs = new Float64Array(ncols);
  const mode = accumulationMode(p, pivots.length);
  let count = 0;
  for (const idx of order) {
    if ((++count & 31) === 0) checkInterrupt(signal);
    const row = pivots[idx]!;
    const rc = row.cols, rf = row.coefs;
    const lead = rc[0]!;
    // Only worth a sweep when some other pivot's lead occurs in the tail.
    let needed = false;
    for (let k = 1; k < rc.length; k++) {
      if (pivotOf[rc[k]!]! >= 0) {
        needed = true;
        break;
      }
    }
    if (!needed) continue;
    for (let k = 1; k < rc.length; k++) acc[rc[k]!] = rf[k]!;
    outCols[0] = lead;
    outCoefs[0] = 1;
    const n = sweep(acc, lead + 1, ncols, pivotOf, pivots, p, mode, outCols, outCoefs, 1);
    row.cols = outCols.slice(0, n);
    row.coefs = outCoefs.slice(0, n);
  }
}
