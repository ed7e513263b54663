// Standard monomials, normal forms and multiplication matrices of a zero-dimensional ideal over
// GF(p), on the monomial ids of F4 (../groebner/f4-monomials.ts).
//
// Representation (invariants):
//  - A `NormalSet` depends only on the leading monomials of a reduced Gröbner basis (so one serves
//    every prime that replays the same F4 trace): the standard monomials b_0 = 1 < b_1 < … < b_{D-1}
//    (ids, increasing in the table's order) and their positions.
//  - `NormalForms` adds the coefficients of the basis modulo one prime p: the normal form NF(m) of a
//    monomial is a sparse column (positions in the normal set increasing, values in [1, p)). It is
//    computed on demand and memoised, for the standard monomials (a unit column) and the border
//    monomials m = x_i·b (b standard) that are asked for.
//  - A multiplication matrix is a list of D sparse columns: column j = NF(t·b_j).
//
// Algorithm (the border-basis recursion of FGLM, J.-C. Faugère, P. Gianni, D. Lazard, T. Mora,
// JSC 16 (1993); and the observation of Faugère–Mou, "Sparse FGLM algorithms", JSC 80 (2017), that
// for grevlex most columns of the multiplication matrix by the last variable are unit columns or
// tails of basis elements): for a border monomial m = x_i·b,
//  - m standard: the unit column;
//  - m the leading monomial of a basis element g: NF(m) = m - g (the tail of a reduced basis lies in
//    the standard monomials);
//  - otherwise a lead divides m properly, so m = x_j·m' for some j ≠ i with m' = x_i·(b/x_j) a
//    non-standard border monomial; NF(m) = Σ_s c_s NF(x_j·b_s) where NF(m') = Σ_s c_s b_s, and every
//    x_j·b_s is smaller than m (a border monomial or standard), so the memoised recursion ends.
import { MathError } from '../errors.js';
import type { MonomialTable } from '../groebner/f4-monomials.js';
import type { IdPoly } from '../groebner/f4.js';
import { delayedReductionBound } from '../groebner/f4-matrix.js';
import { checkInterrupt, type Interrupt } from '../progress.js';

/** A sparse vector over GF(p): increasing positions, non-zero values. */
export interface SparseColumn {
  readonly index: Int32Array;
  readonly value: Float64Array;
}

/** The standard monomials of a zero-dimensional ideal, from the leading monomials of its reduced basis. */
export class NormalSet {
  /** Standard monomial ids, increasing in the order; monomials[0] is 1. */
  readonly monomials: Int32Array;
  /** The id of each variable x_i. */
  readonly variables: Int32Array;
  /** Position by monomial id (-1: not standard), for the ids that existed when the set was made. */
  private position: Int32Array = new Int32Array(0);

  /**
   * MathError('not-zero-dimensional') when some variable has no pure power among the leads, and
   * MathError('no-solutions') when a lead is 1.
   */
  constructor(
    readonly table: MonomialTable,
    readonly leads: Int32Array,
    signal?: Interrupt,
  ) {
    const n = table.nvars;
    const unit = new Int32Array(n);
    this.variables = Int32Array.from({ length: n }, (_, i) => {
      unit.fill(0);
      unit[i] = 1;
      return table.insert(unit);
    });
    if (leads.some((l) => table.degrees[l] === 0)) throw new MathError('no-solutions', 'the system has no solutions (1 is in the ideal)');
    for (let i = 0; i < n; i++) {
      const pure = leads.some((l) => {
        const m = table.monomial(l);
        return m[i]! > 0 && m.every((e, j) => j === i || e === 0);
      });
      if (!pure) throw new MathError('not-zero-dimensional', 'the ideal has positive dimension; a parametrization needs finitely many solutions');
    }
    unit.fill(0);
    const found = [table.insert(unit)];
    const seen = new Set(found);
    for (let k = 0; k < found.length; k++) {
      checkInterrupt(signal);
      for (let i = 0; i < n; i++) {
        const m = table.mul(found[k]!, this.variables[i]!);
        if (seen.has(m)) continue;
        seen.add(m);
        if (!this.isDivisibleByLead(m)) found.push(m);
      }
    }
    found.sort((a, b) => table.compare(a, b));
    this.monomials = Int32Array.from(found);
    // Every standard monomial is in the table now; ids inserted later are never standard.
    this.position = new Int32Array(table.size).fill(-1);
    found.forEach((m, k) => (this.position[m] = k));
  }

  /** D, the dimension of the quotient algebra (solutions counted with multiplicity). */
  get size(): number {
    return this.monomials.length;
  }

  /** The position of a standard monomial, or -1. */
  positionOf(m: number): number {
    return m < this.position.length ? this.position[m]! : -1;
  }

  isDivisibleByLead(m: number): boolean {
    for (const l of this.leads) if (this.table.divides(l, m)) return true;
    return false;
  }
}

/** Normal forms modulo one prime, for a reduced basis whose leads are those of the normal set. */
export class NormalForms {
  private readonly memo = new Map<number, SparseColumn>();
  /** Basis element (index into `basis`) by leading monomial id. */
  private readonly byLead = new Map<number, number>();

  /** How many products of residues can be summed exactly before a reduction. */
  private readonly delay: number;

  constructor(
    readonly normalSet: NormalSet,
    readonly basis: readonly IdPoly[],
    readonly p: number,
    private readonly signal?: Interrupt,
  ) {
    this.delay = delayedReductionBound(p);
    basis.forEach((g, k) => this.byLead.set(g.mons[0]!, k));
    if (this.byLead.size !== normalSet.leads.length || normalSet.leads.some((l) => !this.byLead.has(l))) {
      throw new MathError('internal', 'the basis does not have the leading monomials of the normal set');
    }
  }

  get size(): number {
    return this.normalSet.size;
  }

  /** NF(m) for a standard or border monomial m (a variable times a standard monomial). */
  normalForm(m: number): SparseColumn {
    const cached = this.memo.get(m);
    if (cached) return cached;
    const S = this.normalSet;
    const table = S.table;
    const p = this.p;
    let out: SparseColumn;
    const at = S.positionOf(m);
    const lead = this.byLead.get(m);
    if (at >= 0) {
      out = { index: Int32Array.of(at), value: Float64Array.of(1) };
    } else if (lead !== undefined) {
      const g = this.basis[lead]!;
      // The tail, lowest monomial first: its positions increase (the basis lists monomials in
      // decreasing order); sorted only if some input did not.
      let nnz = 0;
      for (let k = 1; k < g.mons.length; k++) if (g.coefs[k] !== 0) nnz++;
      const index = new Int32Array(nnz);
      const value = new Float64Array(nnz);
      let t = 0;
      let increasing = true;
      for (let k = g.mons.length - 1; k >= 1; k--) {
        const c = g.coefs[k]!;
        if (c === 0) continue;
        const pos = S.positionOf(g.mons[k]!);
        if (pos < 0) throw new MathError('internal', 'the tail of a reduced basis element is not in the normal set');
        if (t > 0 && pos <= index[t - 1]!) increasing = false;
        index[t] = pos;
        value[t++] = p - c;
      }
      if (!increasing) {
        const order = Array.from({ length: nnz }, (_, k) => k).sort((a, b) => index[a]! - index[b]!);
        out = { index: Int32Array.from(order, (k) => index[k]!), value: Float64Array.from(order, (k) => value[k]!) };
      } else out = { index, value };
    } else {
      checkInterrupt(this.signal);
      const n = table.nvars;
      let j = -1;
      let previous = -1;
      for (let i = 0; i < n && j < 0; i++) {
        if (table.exps[m * n + i]! === 0) continue;
        const mp = table.div(m, S.variables[i]!);
        if (S.positionOf(mp) < 0) {
          j = i;
          previous = mp;
        }
      }
      if (j < 0) throw new MathError('internal', 'a monomial outside the border of the normal set');
      const prev = this.normalForm(previous);
      // Each entry of acc gets at most one product per s: reduce every `delay` values of s.
      const acc = new Float64Array(S.size);
      const xj = S.variables[j]!;
      for (let s = 0; s < prev.index.length; s++) {
        const c = prev.value[s]!;
        const col = this.normalForm(table.mul(xj, S.monomials[prev.index[s]!]!));
        for (let k = 0; k < col.index.length; k++) {
          const r = col.index[k]!;
          acc[r] = acc[r]! + c * col.value[k]!;
        }
        if ((s + 1) % this.delay === 0) for (let r = 0; r < acc.length; r++) acc[r] = acc[r]! % p;
      }
      for (let r = 0; r < acc.length; r++) acc[r] = acc[r]! % p;
      out = sparse(acc);
    }
    this.memo.set(m, out);
    return out;
  }

  /** NF(x_i), the coordinates of the variable x_i. */
  variable(i: number): SparseColumn {
    return this.normalForm(this.normalSet.variables[i]!);
  }

  /** The multiplication matrix of t = Σ c_i x_i (c_i in [0, p)): column j = NF(t·b_j). */
  multiplicationMatrix(c: readonly number[]): SparseColumn[] {
    const S = this.normalSet;
    const table = S.table;
    const p = this.p;
    const D = S.size;
    const used = c.flatMap((ci, i) => (ci === 0 ? [] : [i]));
    const columns: SparseColumn[] = new Array(D);
    const acc = new Float64Array(D);
    for (let j = 0; j < D; j++) {
      checkInterrupt(this.signal);
      const b = S.monomials[j]!;
      if (used.length === 1 && c[used[0]!] === 1) {
        columns[j] = this.normalForm(table.mul(b, S.variables[used[0]!]!));
        continue;
      }
      acc.fill(0);
      // At most one product per entry and variable: reduce every `delay` variables.
      used.forEach((i, u) => {
        const col = this.normalForm(table.mul(b, S.variables[i]!));
        const ci = c[i]!;
        for (let k = 0; k < col.index.length; k++) {
          const r = col.index[k]!;
          acc[r] = acc[r]! + ci * col.value[k]!;
        }
        if ((u + 1) % this.delay === 0) for (let r = 0; r < D; r++) acc[r] = acc[r]! % p;
      });
      for (let r = 0; r < D; r++) acc[r] = acc[r]! % p;
      columns[j] = sparse(acc);
    }
    return columns;
  }
}

function sparse(dense: Float64Array): SparseColumn {
  let nnz = 0;
  for (const x of dense) if (x !== 0) nnz++;
  const index = new Int32Array(nnz);
  const value = new Float64Array(nnz);
  let t = 0;
  for (let k = 0; k < dense.length; k++) {
    if (dense[k] !== 0) {
      index[t] = k;
      value[t++] = dense[k]!;
    }
  }
  return { index, value };
}
