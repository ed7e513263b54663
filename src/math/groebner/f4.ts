// F4 over a small prime field GF(p), p < 94,906,265 (Faugère, "A new efficient algorithm for computing
// Gröbner bases (F4)", JPAA 139, 1999), with the Gebauer–Möller pair criteria (Gebauer–Möller 1988,
// in the form of Becker–Weispfenning's UPDATE), the normal selection strategy (for grevlex and
// positive weighted orders all pairs whose lcm has the lowest (weighted) degree; for lex and block
// orders all pairs with the smallest lcm in the order — the sugar degree is a poor guide there, as it
// follows the homogenized ideal, whose lex basis can be far larger than the affine one), symbolic
// preprocessing (the sparsest available reducer for each monomial), and the row reduction of
// f4-matrix.ts (Faugère–Lachartre 2010 style).
//
// Representation (invariants):
//  - Monomials are ids in a MonomialTable (f4-monomials.ts). A basis element is a pair
//    (mons: Int32Array of ids in strictly decreasing order, coefs: Float64Array in [1, p)), monic.
//    Basis elements are never changed or removed; `redundant[i]` marks those whose lead is divisible
//    by the lead of a later element (they are still members of the ideal and may serve as reducers).
//  - A pair (i, j) carries the id of lcm(lm(g_i), lm(g_j)) and its selection degree.
//  - A matrix row is a multiple t·g of a basis element: its column array is built from the ids of
//    t·m for the terms m of g, its coefficient array is g's own (shared, never copied).
//
// Learning and replay (for the multi-modular algorithm, Traverso's "Gröbner trace" idea as used by
// Giac and msolve): a run can record, per step, which multiples of which basis elements formed the
// matrix (with their column arrays) and which rows did not reduce to zero. `replayF4` repeats the
// computation for another prime with no pair handling, no symbolic preprocessing and without the
// rows that reduced to zero, and reports failure when the new prime behaves differently.
import { MathError } from '../errors.js';
import { isWordPrimeField } from '../domain.js';
import type { OrderSpec } from '../monomial.js';
import type { Poly, PolyRing } from '../poly.js';
import { checkInterrupt, type ComputeOptions, type Interrupt } from '../progress.js';
import { MonomialTable } from './f4-monomials.js';
import { interreduceRows, makeMonic, reduceRows, SparseRow } from './f4-matrix.js';

/** A polynomial over GF(p) on monomial ids: terms in decreasing order, coefficients in [1, p) (or 0 in aligned replays). */
export interface IdPoly {
  mons: Int32Array;
  coefs: Float64Array;
}

interface Pair {
  i: number;
  j: number;
  lcm: number;
  deg: number;
}

/** One recorded elimination step. */
interface TraceStep {
  readonly ncols: number;
  /** Basis index and column array of each known pivot row, in pivot order. */
  readonly pivotPolys: Int32Array;
  readonly pivotCols: Int32Array[];
  /** The rows that did not reduce to zero, in the order they were reduced. */
  readonly reducePolys: Int32Array;
  readonly reduceCols: Int32Array[];
  /** The rows that reduced to zero (kept for the check that they vanish at another prime too). */
  readonly zeroPolys: Int32Array;
  readonly zeroCols: Int32Array[];
  /** For the final step: whether the reduce rows are tails (the lead term is kept apart). */
  readonly tails: boolean;
  /** Columns of each surviving row after interreduction (its learned support), same order. */
  readonly resultCols: Int32Array[];
  /** Order in which the results were appended to the basis (indices into the rows above). */
  readonly insertion: Int32Array;
  /** Monomial id of each column. */
  readonly colMon: Int32Array;
}

/** What a learning run records, enough to redo the computation for another prime. */
export interface F4Trace {
  readonly table: MonomialTable;
  /** Number of input polynomials taken (in the order given; zero inputs are not allowed). */
  readonly inputCount: number;
  readonly inputMons: Int32Array[];
  readonly steps: TraceStep[];
  /** The final reduction step (tails of the minimal basis). */
  readonly final: TraceStep | null;
  /** Basis indices of the minimal basis, in output order. */
  readonly output: Int32Array;
  /** Lead monomial ids of the output, in output order. */
  readonly leads: Int32Array;
}

export interface F4Options extends ComputeOptions {
  /** Record a trace for replays at other primes. */
  readonly learn?: boolean;
}

export interface F4Result {
  readonly table: MonomialTable;
  /** The reduced Gröbner basis, sorted by increasing lead monomial. */
  readonly basis: IdPoly[];
  readonly trace?: F4Trace;
}

/** A growable Int32Array indexed by monomial id. */
class IdArray {
  data: Int32Array;
  constructor(size: number) {
    this.data = new Int32Array(Math.max(size, 16));
  }
  ensure(size: number): Int32Array {
    if (size > this.data.length) {
      let n = this.data.length;
      while (n < size) n *= 2;
      const d = new Int32Array(n);
      d.set(this.data);
      this.data = d;
    }
    return this.data;
  }
}

const STATUS_SEEN = 1;
const STATUS_PIVOT = 2;
/** Units of work (see F4Engine.spend) between two polls of the interrupt: a few milliseconds. */
const POLL_WORK = 1 << 13;

class F4Engine {
  readonly table: MonomialTable;
  readonly p: number;
  /** Selection by (weighted) degree of the lcm; otherwise by the smallest lcm in the order. */
  private readonly byDegree: boolean;
  private readonly weights: Float64Array | null;
  private readonly signal: Interrupt | undefined;
  private readonly onProgress: ComputeOptions['onProgress'];
  readonly mons: Int32Array[] = [];
  readonly coefs: Float64Array[] = [];
  readonly leads: number[] = [];
  readonly redundant: boolean[] = [];
  /** Indices of the non-redundant elements, increasing. */
  private active: number[] = [];
  /** Work done since the last poll of the interrupt (see spend). */
  private work = 0;
  private pairs: Pair[] = [];
  private readonly mark: IdArray;
  private readonly divCache: IdArray;
  readonly trace: TraceStep[] | null;

  constructor(table: MonomialTable, p: number, order: OrderSpec, options: F4Options) {
    this.table = table;
    this.p = p;
    this.weights = order.kind === 'weighted' ? Float64Array.from(order.weights) : null;
    this.byDegree = order.kind === 'grevlex' || (this.weights !== null && this.weights.every((w) => w > 0));
    this.signal = options.signal;
    this.onProgress = options.onProgress;
    this.mark = new IdArray(table.size);
    this.divCache = new IdArray(table.size);
    this.trace = options.learn ? [] : null;
  }

  // --- the main loop ---------------------------------------------------------------------------

  run(inputs: IdPoly[]): void {
    // Insert the inputs by increasing lead, so that the update rule sees them in a sensible order.
    for (const f of inputs) this.insert(f);
    while (this.pairs.length > 0) {
      checkInterrupt(this.signal);
      if (this.hasUnit()) break;
      const selected: Pair[] = [];
      const rest: Pair[] = [];
      let deg = Infinity;
      if (this.byDegree) {
        for (const pr of this.pairs) if (pr.deg < deg) deg = pr.deg;
        for (const pr of this.pairs) (pr.deg === deg ? selected : rest).push(pr);
      } else {
        let best = this.pairs[0]!.lcm;
        for (const pr of this.pairs) if (pr.lcm !== best && this.table.compare(pr.lcm, best) < 0) best = pr.lcm;
        deg = this.table.degrees[best]!;
        for (const pr of this.pairs) (pr.lcm === best ? selected : rest).push(pr);
      }
      this.pairs = rest;
      this.step(selected, deg);
    }
  }

  private hasUnit(): boolean {
    for (const i of this.active) if (this.table.degrees[this.leads[i]!] === 0) return true;
    return false;
  }

  /** Adds a monic element and updates the pairs (Gebauer–Möller). */
  insert(f: IdPoly): number {
    const h = this.mons.length;
    this.mons.push(f.mons);
    this.coefs.push(f.coefs);
    const lmH = f.mons[0]!;
    this.leads.push(lmH);
    this.redundant.push(false);
    this.update(h);
    return h;
  }

  /** Scratch space of update(): the exponent vectors of the candidate lcms, one row each. */
  private lcmScratch = new Int32Array(0);

  private update(h: number): void {
    const T = this.table;
    const nv = T.nvars;
    const lmH = this.leads[h]!;
    const leads = this.leads;
    const active = this.active;
    const n = active.length;
    // Candidate pairs (i, h) for the active i, with their lcms computed in scratch space: only the
    // survivors of the criteria are entered into the monomial table.
    if (this.lcmScratch.length < (n + 1) * nv) this.lcmScratch = new Int32Array(2 * (n + 1) * nv);
    const L = this.lcmScratch;
    const deg = new Float64Array(n);
    const mask = new Int32Array(n);
    const coprime = new Uint8Array(n);
    let exps = T.exps;
    const oh = lmH * nv;
    for (let k = 0; k < n; k++) {
      const oi = leads[active[k]!]! * nv;
      let d = 0;
      let shared = false;
      for (let v = 0; v < nv; v++) {
        const x = exps[oi + v]!, y = exps[oh + v]!;
        const e = x > y ? x : y;
        L[k * nv + v] = e;
        d += this.weights === null ? e : this.weights[v]! * e;
        if (x > 0 && y > 0) shared = true;
      }
      deg[k] = d;
      mask[k] = T.maskOfExponents(L, k * nv);
      coprime[k] = shared ? 0 : 1;
    }
    // Chain criterion on the old pairs: drop (a, b) when lm(h) | lcm(a, b) and neither lcm(a, h) nor
    // lcm(b, h) equals lcm(a, b) (tested on exponents: max(e_a, e_h) = e_lcm everywhere).
    if (this.pairs.length > 0) {
      const kept: Pair[] = [];
      const masks = T.masks;
      const mh = masks[lmH]!;
      const lcmIs = (a: number, l: number): boolean => {
        const oa = leads[a]! * nv, ol = l * nv;
        for (let v = 0; v < nv; v++) {
          const x = exps[oa + v]!, y = exps[oh + v]!;
          if ((x > y ? x : y) !== exps[ol + v]) return false;
        }
        return true;
      };
      for (const pr of this.pairs) {
        if ((mh & ~masks[pr.lcm]!) === 0 && T.divides(lmH, pr.lcm)) {
          if (!lcmIs(pr.i, pr.lcm) && !lcmIs(pr.j, pr.lcm)) continue;
        }
        kept.push(pr);
      }
      this.pairs = kept;
    }
    // Becker–Weispfenning UPDATE on the new pairs: a pair survives when its leads are coprime or no
    // other surviving new pair has an lcm dividing its lcm (equal lcms: the first one survives);
    // the coprime survivors are then dropped (product criterion). A divisor has a smaller or equal
    // degree, so with the candidates sorted by degree only a prefix needs to be looked at.
    if (n > 0) {
      const state = new Uint8Array(n); // 0: undecided, 1: kept, 2: dropped
      const order = Int32Array.from({ length: n }, (_, k) => k).sort((a, b) => deg[a]! - deg[b]!);
      const divides = (b: number, a: number): boolean => {
        if ((mask[b]! & ~mask[a]!) !== 0) return false;
        const ob = b * nv, oa = a * nv;
        for (let v = 0; v < nv; v++) if (L[ob + v]! > L[oa + v]!) return false;
        return true;
      };
      for (let x = 0; x < n; x++) {
        const a = order[x]!;
        if (coprime[a]) {
          state[a] = 1;
          continue;
        }
        let drop = false;
        const da = deg[a]!;
        for (let y = 0; y < n; y++) {
          const b = order[y]!;
          if (deg[b]! > da) break;
          if (b === a || state[b] === 2) continue;
          if (divides(b, a)) {
            drop = true;
            break;
          }
        }
        state[a] = drop ? 2 : 1;
      }
      for (let a = 0; a < n; a++) {
        if (state[a] !== 1 || coprime[a]) continue;
        const lcm = T.insert(L, a * nv);
        exps = T.exps;
        this.pairs.push({ i: active[a]!, j: h, lcm, deg: deg[a]! });
      }
    }
    // Elements whose lead is divisible by lm(h) become redundant.
    const stillActive: number[] = [];
    for (const i of active) {
      if (T.divides(lmH, leads[i]!)) this.redundant[i] = true;
      else stillActive.push(i);
    }
    stillActive.push(h);
    this.active = stillActive;
  }

  // --- one F4 step -----------------------------------------------------------------------------

  /** A reducer for monomial m: a basis element whose lead divides m, or -1. */
  private findReducer(m: number): number {
    const T = this.table;
    const cache = this.divCache.ensure(T.size);
    const cached = cache[m]!;
    if (cached > 0 && !this.redundant[cached - 1]) return cached - 1;
    const checkedUpTo = cached < 0 ? -cached : 0;
    const masks = T.masks;
    const mm = masks[m]!;
    const active = this.active;
    const leads = this.leads;
    // Among the active elements whose lead divides m, the one with the fewest terms (fewer updates
    // in the row reduction); the choice is cached for the next steps while it stays active.
    let best = -1;
    for (let k = 0; k < active.length; k++) {
      const i = active[k]!;
      if (cached < 0 && i < checkedUpTo) continue;
      const l = leads[i]!;
      if ((masks[l]! & ~mm) !== 0) continue;
      if (T.divides(l, m) && (best < 0 || this.mons[i]!.length < this.mons[best]!.length)) best = i;
    }
    cache[m] = best >= 0 ? best + 1 : -this.mons.length;
    return best;
  }

  /**
   * Counts work (monomials multiplied, divisibility tests) and polls the interrupt every POLL_WORK
   * units: the rows of a step are built by multiplyIds and symbolic preprocessing, whose cost per
   * row varies by orders of magnitude, so a count of rows would poll too rarely on long ones.
   */
  private spend(units: number): void {
    this.work += units;
    if (this.work >= POLL_WORK) {
      this.work = 0;
      checkInterrupt(this.signal);
    }
  }

  /** Column-id array of t·g (ids of t·m for the terms m of g). */
  private multiplyIds(t: number, g: number): Int32Array {
    const src = this.mons[g]!;
    const T = this.table;
    this.spend(src.length);
    if (T.degrees[t] === 0) return src.slice();
    const out = new Int32Array(src.length);
    for (let k = 0; k < src.length; k++) out[k] = T.mul(t, src[k]!);
    return out;
  }

  /** Marks the monomials of a row (ids) as seen in this step, appending the new ones to stepMons. */
  private see(ids: Int32Array, stepMons: number[]): void {
    const mark = this.mark.ensure(this.table.size);
    for (let k = 0; k < ids.length; k++) {
      const m = ids[k]!;
      if (mark[m] === 0) {
        mark[m] = STATUS_SEEN;
        stepMons.push(m);
      }
    }
  }

  /** Symbolic preprocessing: every monomial of the step that has a reducer gets a pivot row. */
  private symbolicPreprocessing(stepMons: number[], pivotPolys: number[], pivotIds: Int32Array[]): void {
    const T = this.table;
    for (let w = 0; w < stepMons.length; w++) {
      const m = stepMons[w]!;
      this.spend(this.active.length); // the reducer search tests the active leads
      if (this.mark.data[m] === STATUS_PIVOT) continue;
      const g = this.findReducer(m);
      if (g < 0) continue;
      const ids = this.multiplyIds(T.div(m, this.leads[g]!), g);
      this.mark.ensure(T.size)[m] = STATUS_PIVOT;
      pivotPolys.push(g);
      pivotIds.push(ids);
      this.see(ids, stepMons);
    }
  }

  /**
   * Column order of a step: pivot columns (A) then the others (B), each in decreasing monomial
   * order. Rewrites the rows (monomial ids) to column indices and clears the step's marks.
   */
  private toColumns(stepMons: readonly number[], rowSets: readonly Int32Array[][]): { ncols: number; colMon: Int32Array } {
    const T = this.table;
    const mark = this.mark.ensure(T.size);
    const colA: number[] = [];
    const colB: number[] = [];
    for (const m of stepMons) (mark[m] === STATUS_PIVOT ? colA : colB).push(m);
    const desc = (a: number, b: number) => T.compare(b, a);
    colA.sort(desc);
    colB.sort(desc);
    const nA = colA.length;
    const ncols = nA + colB.length;
    const colMon = new Int32Array(ncols);
    for (let c = 0; c < nA; c++) {
      colMon[c] = colA[c]!;
      mark[colA[c]!] = c;
    }
    for (let c = 0; c < colB.length; c++) {
      colMon[nA + c] = colB[c]!;
      mark[colB[c]!] = nA + c;
    }
    for (const rows of rowSets) for (const ids of rows) for (let k = 0; k < ids.length; k++) ids[k] = mark[ids[k]!]!;
    for (const m of stepMons) mark[m] = 0;
    return { ncols, colMon };
  }

  private step(selected: Pair[], degree: number): void {
    const T = this.table;
    const stepMons: number[] = [];
    const pivotPolys: number[] = [];
    const pivotIds: Int32Array[] = [];
    const reducePolys: number[] = [];
    const reduceIds: Int32Array[] = [];
    let mark = this.mark.ensure(T.size);
    const see = (ids: Int32Array) => this.see(ids, stepMons);

    // Rows of the selected pairs, grouped by lcm: the first multiple with a given lead is its pivot.
    selected.sort((a, b) => a.lcm - b.lcm);
    for (let s = 0; s < selected.length; ) {
      const lcm = selected[s]!.lcm;
      const used: number[] = [];
      let e = s;
      while (e < selected.length && selected[e]!.lcm === lcm) {
        const pr = selected[e]!;
        if (!used.includes(pr.i)) used.push(pr.i);
        if (!used.includes(pr.j)) used.push(pr.j);
        e++;
      }
      // The sparsest generator serves as the pivot.
      used.sort((a, b) => this.mons[a]!.length - this.mons[b]!.length || a - b);
      mark = this.mark.ensure(T.size);
      const alreadyPivot = mark[lcm] === STATUS_PIVOT;
      for (let u = 0; u < used.length; u++) {
        const g = used[u]!;
        const ids = this.multiplyIds(T.div(lcm, this.leads[g]!), g);
        if (u === 0 && !alreadyPivot) {
          mark = this.mark.ensure(T.size);
          if (mark[lcm] === 0) stepMons.push(lcm);
          mark[lcm] = STATUS_PIVOT;
          pivotPolys.push(g);
          pivotIds.push(ids);
        } else {
          reducePolys.push(g);
          reduceIds.push(ids);
        }
        see(ids);
      }
      s = e;
    }

    this.symbolicPreprocessing(stepMons, pivotPolys, pivotIds);
    const { ncols, colMon } = this.toColumns(stepMons, [pivotIds, reduceIds]);

    // Known pivots, ordered by their lead column.
    const pivotOf = new Int32Array(ncols).fill(-1);
    const pivots: SparseRow[] = new Array(pivotIds.length);
    const pivotOrder = Array.from({ length: pivotIds.length }, (_, k) => k).sort(
      (a, b) => pivotIds[a]![0]! - pivotIds[b]![0]!,
    );
    const orderedPivotPolys = new Int32Array(pivotIds.length);
    const orderedPivotCols: Int32Array[] = new Array(pivotIds.length);
    for (let k = 0; k < pivotOrder.length; k++) {
      const r = pivotOrder[k]!;
      const cols = pivotIds[r]!;
      pivots[k] = new SparseRow(cols, this.coefs[pivotPolys[r]!]!);
      pivotOf[cols[0]!] = k;
      orderedPivotPolys[k] = pivotPolys[r]!;
      orderedPivotCols[k] = cols;
    }
    // Rows to reduce: by lead column, sparsest first.
    const rowOrder = Array.from({ length: reduceIds.length }, (_, k) => k).sort(
      (a, b) => reduceIds[a]![0]! - reduceIds[b]![0]! || reduceIds[a]!.length - reduceIds[b]!.length,
    );
    const rows: SparseRow[] = rowOrder.map((r) => new SparseRow(reduceIds[r]!, this.coefs[reducePolys[r]!]!));

    this.onProgress?.({
      stage: 'f4',
      degree,
      basisSize: this.active.length,
      pairs: selected.length + this.pairs.length,
      matrixRows: pivots.length + rows.length,
      matrixColumns: ncols,
    });

    const nKnown = pivots.length;
    const reduced = reduceRows(ncols, pivots, pivotOf, rows, this.p, { newPivots: true, signal: this.signal });
    const newIdx: number[] = [];
    for (let k = nKnown; k < pivots.length; k++) newIdx.push(k);
    interreduceRows(ncols, pivots, pivotOf, newIdx, this.p, this.signal);

    // New basis elements, inserted by decreasing lead (a later lead never divides an earlier one).
    const survivors: number[] = [];
    const zeros: number[] = [];
    for (let r = 0; r < reduced.length; r++) (reduced[r] !== null ? survivors : zeros).push(r);
    const insertion = survivors
      .map((_, k) => k)
      .sort((a, b) => reduced[survivors[a]!]!.cols[0]! - reduced[survivors[b]!]!.cols[0]!);
    for (const k of insertion) {
      const row = reduced[survivors[k]!]!;
      const mons = new Int32Array(row.cols.length);
      for (let t = 0; t < mons.length; t++) mons[t] = colMon[row.cols[t]!]!;
      this.insert({ mons, coefs: row.coefs });
    }

    if (this.trace) {
      this.trace.push({
        ncols,
        pivotPolys: orderedPivotPolys,
        pivotCols: orderedPivotCols,
        reducePolys: Int32Array.from(survivors, (r) => reducePolys[rowOrder[r]!]!),
        reduceCols: survivors.map((r) => rows[r]!.cols),
        zeroPolys: Int32Array.from(zeros, (r) => reducePolys[rowOrder[r]!]!),
        zeroCols: zeros.map((r) => rows[r]!.cols),
        tails: false,
        resultCols: survivors.map((r) => reduced[r]!.cols),
        insertion: Int32Array.from(insertion),
        colMon,
      });
    }
  }

  // --- the reduced basis -----------------------------------------------------------------------

  /** Indices of a minimal basis (one element per minimal lead), by increasing lead. */
  minimalBasis(): number[] {
    const T = this.table;
    const cand = this.active.slice().sort((a, b) => T.compare(this.leads[a]!, this.leads[b]!) || a - b);
    const kept: number[] = [];
    for (const i of cand) {
      const l = this.leads[i]!;
      if (kept.some((j) => T.divides(this.leads[j]!, l))) continue;
      kept.push(i);
    }
    return kept;
  }

  /** Reduces the tails of the minimal basis: the reduced Gröbner basis. */
  finalReduction(minimal: number[]): { basis: IdPoly[]; step: TraceStep } {
    const T = this.table;
    // A unit ideal: {1}.
    if (minimal.length === 1 && T.degrees[this.leads[minimal[0]!]!] === 0) {
      const g = minimal[0]!;
      const basis = [{ mons: this.mons[g]!.slice(0, 1), coefs: Float64Array.of(1) }];
      return { basis, step: emptyStep(basis[0]!.mons) };
    }
    const stepMons: number[] = [];
    const pivotPolys: number[] = [];
    const pivotIds: Int32Array[] = [];
    const tailIds: Int32Array[] = [];
    // Reducers are taken among the minimal basis only.
    const savedActive = this.active;
    this.active = minimal.slice().sort((a, b) => a - b);
    const cache = this.divCache.ensure(T.size);
    cache.fill(0);
    for (const g of minimal) {
      const tail = this.mons[g]!.slice(1);
      tailIds.push(tail);
      this.see(tail, stepMons);
    }
    this.symbolicPreprocessing(stepMons, pivotPolys, pivotIds);
    this.active = savedActive;
    this.divCache.data.fill(0);
    const { ncols, colMon } = this.toColumns(stepMons, [pivotIds, tailIds]);

    const pivotOf = new Int32Array(ncols).fill(-1);
    const pivots: SparseRow[] = [];
    const orderedPivotPolys = new Int32Array(pivotIds.length);
    const order = Array.from({ length: pivotIds.length }, (_, k) => k).sort(
      (a, b) => pivotIds[a]![0]! - pivotIds[b]![0]!,
    );
    for (let k = 0; k < order.length; k++) {
      const r = order[k]!;
      pivots.push(new SparseRow(pivotIds[r]!, this.coefs[pivotPolys[r]!]!));
      pivotOf[pivotIds[r]![0]!] = k;
      orderedPivotPolys[k] = pivotPolys[r]!;
    }
    const rows: SparseRow[] = minimal.map((g, k) => new SparseRow(tailIds[k]!, this.coefs[g]!.subarray(1)));
    const reduced = reduceRows(ncols, pivots, pivotOf, rows, this.p, { newPivots: false, signal: this.signal });
    const basis: IdPoly[] = [];
    const resultCols: Int32Array[] = [];
    for (let k = 0; k < minimal.length; k++) {
      const row = reduced[k];
      const n = row ? row.cols.length : 0;
      const mons = new Int32Array(n + 1);
      const coefs = new Float64Array(n + 1);
      mons[0] = this.leads[minimal[k]!]!;
      coefs[0] = 1;
      for (let t = 0; t < n; t++) {
        mons[t + 1] = colMon[row!.cols[t]!]!;
        coefs[t + 1] = row!.coefs[t]!;
      }
      basis.push({ mons, coefs });
      resultCols.push(row ? row.cols : new Int32Array(0));
    }
    return {
      basis,
      step: {
        ncols,
        pivotPolys: orderedPivotPolys,
        pivotCols: order.map((r) => pivotIds[r]!),
        reducePolys: Int32Array.from(minimal),
        reduceCols: tailIds,
        zeroPolys: new Int32Array(0),
        zeroCols: [],
        tails: true,
        resultCols,
        insertion: new Int32Array(0),
        colMon,
      },
    };
  }
}

function emptyStep(unit: Int32Array): TraceStep {
  return {
    ncols: 1,
    pivotPolys: new Int32Array(0),
    pivotCols: [],
    reducePolys: new Int32Array(0),
    reduceCols: [],
    zeroPolys: new Int32Array(0),
    zeroCols: [],
    tails: true,
    resultCols: [],
    insertion: new Int32Array(0),
    colMon: unit.slice(),
  };
}

// --- entry points --------------------------------------------------------------------------------

/** The prime of a ring over a small prime field, or an error. */
export function smallPrimeOf(R: PolyRing<number>): number {
  const F = R.field;
  if (!isWordPrimeField(F)) {
    throw new MathError('bad-field', `F4 needs a small prime field GF(p); the ring is over ${F.name}`);
  }
  return F.p;
}

/** Converts polynomials of R to monic id-polynomials (zero polynomials dropped). */
export function toIdPolys(R: PolyRing<number>, table: MonomialTable, gens: readonly Poly<number>[], p: number): IdPoly[] {
  const out: IdPoly[] = [];
  for (const g of gens) {
    if (g.mons.length === 0) continue;
    const mons = new Int32Array(g.mons.length);
    const coefs = new Float64Array(g.mons.length);
    for (let k = 0; k < mons.length; k++) {
      mons[k] = table.fromMonomial(g.mons[k]!);
      let c = g.coeffs[k]! % p;
      if (c < 0) c += p;
      coefs[k] = c;
    }
    makeMonic(coefs, p);
    out.push({ mons, coefs });
  }
  return out;
}

export function fromIdPolys(table: MonomialTable, basis: readonly IdPoly[]): Poly<number>[] {
  return basis.map((g) => {
    const mons = [];
    const coeffs = [];
    for (let k = 0; k < g.mons.length; k++) {
      if (g.coefs[k] === 0) continue;
      mons.push(table.monomial(g.mons[k]!));
      coeffs.push(g.coefs[k]!);
    }
    return { mons, coeffs };
  });
}

/**
 * The F4 kernel on id-polynomials: `inputs` are monic, non-zero, with ids of `table`. Returns the
 * reduced Gröbner basis by increasing lead, and a trace when asked.
 */
export function f4Ids(table: MonomialTable, p: number, order: OrderSpec, inputs: IdPoly[], options: F4Options = {}): F4Result {
  const engine = new F4Engine(table, p, order, options);
  if (inputs.length === 0) {
    return { table, basis: [], trace: options.learn ? emptyTrace(table) : undefined };
  }
  engine.run(inputs);
  const minimal = engine.minimalBasis();
  const { basis, step } = engine.finalReduction(minimal);
  const trace: F4Trace | undefined = options.learn
    ? {
        table,
        inputCount: inputs.length,
        inputMons: inputs.map((f) => f.mons),
        steps: engine.trace!,
        final: step,
        output: Int32Array.from(minimal),
        leads: Int32Array.from(minimal, (g) => engine.leads[g]!),
      }
    : undefined;
  return { table, basis, trace };
}

function emptyTrace(table: MonomialTable): F4Trace {
  return { table, inputCount: 0, inputMons: [], steps: [], final: null, output: new Int32Array(0), leads: new Int32Array(0) };
}

/**
 * The reduced Gröbner basis of the ideal generated by `gens` in R = GF(p)[x...] (a SmallPrimeField) by F4.
 * The result is monic, interreduced and sorted by increasing lead monomial.
 */
export function f4(R: PolyRing<number>, gens: readonly Poly<number>[], options: ComputeOptions = {}): Poly<number>[] {
  const p = smallPrimeOf(R);
  const table = new MonomialTable(R.nvars, R.order.spec);
  const inputs = toIdPolys(R, table, gens, p);
  const { basis } = f4Ids(table, p, R.order.spec, inputs, options);
  return fromIdPolys(table, basis);
}

// --- replay ----------------------------------------------------------------------------------------

export interface ReplayOptions {
  readonly signal?: Interrupt;
  /**
   * Also reduce the rows that vanished in the learning run and require that they vanish again. A
   * replay with this check is a complete F4 computation at q (only the pair handling and symbolic
   * preprocessing are taken from the trace), so it detects a learning prime at which a row vanished
   * by accident.
   */
  readonly checkZeroRows?: boolean;
  /** Told why a replay failed: 'survivor' (a row that should survive vanished or its lead moved),
   * 'support' (a coefficient outside the learned support) or 'zero-row' (see checkZeroRows). */
  readonly onFailure?: (reason: 'survivor' | 'support' | 'zero-row') => void;
}

/**
 * Repeats a learned computation at another prime q. `inputs` are the same polynomials as in the
 * learning run (same order, same supports), reduced modulo q and made monic. Returns the reduced
 * basis with coefficients aligned to the learned supports (a coefficient may be 0), or null when the
 * prime behaves differently from the learning prime (a row that should survive vanishes, a lead
 * moves, or a coefficient appears outside the learned support).
 */
export function replayF4(trace: F4Trace, q: number, inputCoefs: Float64Array[], options: ReplayOptions = {}): IdPoly[] | null {
  if (inputCoefs.length !== trace.inputCount) throw new RangeError('replayF4: wrong number of inputs');
  const { signal } = options;
  const coefs: Float64Array[] = inputCoefs.slice();
  const monsOf: Int32Array[] = trace.inputMons.slice();
  for (const step of trace.steps) {
    checkInterrupt(signal);
    const results = replayStep(step, coefs, q, options);
    if (!results) return null;
    for (const k of step.insertion) {
      const cols = step.resultCols[k]!;
      const mons = new Int32Array(cols.length);
      for (let t = 0; t < cols.length; t++) mons[t] = step.colMon[cols[t]!]!;
      monsOf.push(mons);
      coefs.push(results[k]!);
    }
  }
  const fin = trace.final;
  if (!fin) return [];
  if (fin.reducePolys.length === 0) {
    return [{ mons: fin.colMon.slice(0, 1), coefs: Float64Array.of(1) }];
  }
  const results = replayStep(fin, coefs, q, options);
  if (!results) return null;
  const out: IdPoly[] = [];
  for (let k = 0; k < fin.reducePolys.length; k++) {
    const g = fin.reducePolys[k]!;
    const cols = fin.resultCols[k]!;
    const mons = new Int32Array(cols.length + 1);
    const cf = new Float64Array(cols.length + 1);
    mons[0] = monsOf[g]![0]!;
    cf[0] = 1;
    const r = results[k]!;
    for (let t = 0; t < cols.length; t++) {
      mons[t + 1] = fin.colMon[cols[t]!]!;
      cf[t + 1] = r[t]!;
    }
    out.push({ mons, coefs: cf });
  }
  return out;
}

/** One replayed step: the coefficient arrays of the surviving rows aligned to the learned supports. */
function replayStep(step: TraceStep, coefs: Float64Array[], q: number, options: ReplayOptions): Float64Array[] | null {
  const { signal } = options;
  const fail = (reason: 'survivor' | 'support' | 'zero-row') => {
    options.onFailure?.(reason);
    return null;
  };
  const { ncols } = step;
  const pivotOf = new Int32Array(ncols).fill(-1);
  const pivots: SparseRow[] = new Array(step.pivotPolys.length);
  for (let k = 0; k < pivots.length; k++) {
    const cols = step.pivotCols[k]!;
    pivots[k] = new SparseRow(cols, coefs[step.pivotPolys[k]!]!);
    pivotOf[cols[0]!] = k;
  }
  const rows: SparseRow[] = new Array(step.reducePolys.length);
  for (let k = 0; k < rows.length; k++) {
    const c = coefs[step.reducePolys[k]!]!;
    rows[k] = new SparseRow(step.reduceCols[k]!, step.tails ? c.subarray(1) : c);
  }
  const nKnown = pivots.length;
  const reduced = reduceRows(ncols, pivots, pivotOf, rows, q, { newPivots: !step.tails, signal });
  if (!step.tails) {
    for (let k = 0; k < reduced.length; k++) {
      const r = reduced[k];
      if (!r || r.cols[0] !== step.resultCols[k]![0]) return fail('survivor');
    }
    if (options.checkZeroRows && step.zeroPolys.length > 0) {
      // Every vanished row lies in the span of the pivots, so it reduces to zero by all of them.
      const zeroRows = Array.from(step.zeroPolys, (g, k) => new SparseRow(step.zeroCols[k]!, coefs[g]!));
      const again = reduceRows(ncols, pivots, pivotOf, zeroRows, q, { newPivots: false, signal });
      if (again.some((r) => r !== null)) return fail('zero-row');
    }
    const newIdx: number[] = [];
    for (let k = nKnown; k < pivots.length; k++) newIdx.push(k);
    interreduceRows(ncols, pivots, pivotOf, newIdx, q, signal);
  }
  const out: Float64Array[] = new Array(reduced.length);
  for (let k = 0; k < reduced.length; k++) {
    const learned = step.resultCols[k]!;
    const r = reduced[k];
    const aligned = new Float64Array(learned.length);
    if (r) {
      // Merge: every column of r must occur in the learned support (both increasing).
      let t = 0;
      for (let s = 0; s < r.cols.length; s++) {
        const c = r.cols[s]!;
        while (t < learned.length && learned[t]! < c) t++;
        if (t === learned.length || learned[t] !== c) return fail('support');
        aligned[t] = r.coefs[s]!;
      }
    }
    out[k] = aligned;
  }
  return out;
}

