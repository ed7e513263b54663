// The inner loops of sparse FGLM modulo a word-size prime p < 2^26, on doubles with delayed reduction.
//
// Representation: vectors and polynomials are Float64Arrays (or number arrays) of residues in [0, p),
// polynomials low degree first. A product of two residues is below 2^52 / 2^(52 - 2·bits(p)); sums of
// up to DELAY = floor((2^53 - p) / (p-1)^2) such products stay exact in a double, so a reduction
// modulo p is needed once per DELAY terms instead of once per term (the accumulation bound of F4's
// rows, ../groebner/f4-matrix.ts delayedReductionBound).
//
// The multiplication matrix M_t of sparse FGLM (Faugère–Mou, JSC 2017) has mostly unit columns
// (t·b_j is again a standard monomial); `SequenceMatrix` keeps those as a copy index, so r·M_t costs
// one copy per unit column. The other columns (normal forms of border monomials) are nearly full in
// practice (network 1-2-2-2: 177 non-unit columns of 641, 98 % non-zero): a column with at least
// DENSE_FRACTION of its entries non-zero is stored densely in one column-major block and multiplied
// by a contiguous loop with four accumulators (no index loads: 2–3× faster than the gather loop on that
// matrix, measured under load), the sparser ones keep the gather loop. Each dense column is read only
// over the range from its first to its last non-zero entry.
//
// The Krylov sequences (`krylov`): s_k = r·M^k·e_0 for k < 2D needs 2D products if computed along the
// row chain alone. With u_m = r·M^m and y_m = M^m·e_0 computed in lockstep, s_(2m) = u_m·y_m and
// s_(2m+1) = u_(m+1)·y_m, so D passes suffice, and each pass reads every dense column once for both
// products (v·M as a dot product with the column, M·y as an axpy with it): the matrix is read half as
// often (the block Wiedemann idea of sharing matrix reads, Kaltofen 1995, on one left and one right
// vector). Measured on katsura-8 (86 dense columns of 256): 31 µs CPU per pass instead of 2 × 23 µs.
import { checkInterrupt, type Interrupt } from '../progress.js';
import { delayedReductionBound, modReduce } from '../groebner/f4-matrix.js';
import type { SparseColumn } from './normal-forms.js';

/** A non-unit column with at least this fraction of non-zero entries is stored densely. */
export const DENSE_FRACTION = 0.25;

/** r·M for row vectors r, with M given by sparse columns (see the module header). */
export class SequenceMatrix {
  /** For column j: the source position when column j is the unit vector e_source, else -1. */
  private readonly unitSource: Int32Array;
  private readonly sparse: { readonly column: number; readonly index: Int32Array; readonly value: Float64Array }[] = [];
  /** The dense columns' positions, and their entries column after column (D per column). */
  private readonly denseColumn: Int32Array;
  private readonly denseBlock: Float64Array;
  /** The range [denseLo[c], denseHi[c]) of positions holding the non-zero entries of dense column c. */
  private readonly denseLo: Int32Array;
  private readonly denseHi: Int32Array;
  private readonly delay: number;

  constructor(
    columns: readonly SparseColumn[],
    readonly p: number,
  ) {
    const D = columns.length;
    this.delay = delayedReductionBound(p);
    this.unitSource = new Int32Array(D).fill(-1);
    const dense: number[] = [];
    columns.forEach((col, j) => {
      if (col.index.length === 1 && col.value[0] === 1) this.unitSource[j] = col.index[0]!;
      else if (col.index.length >= DENSE_FRACTION * D) dense.push(j);
      else this.sparse.push({ column: j, index: col.index, value: col.value });
    });
    this.denseColumn = Int32Array.from(dense);
    this.denseBlock = new Float64Array(dense.length * D);
    this.denseLo = new Int32Array(dense.length);
    this.denseHi = new Int32Array(dense.length);
    dense.forEach((j, c) => {
      const { index, value } = columns[j]!;
      for (let k = 0; k < index.length; k++) this.denseBlock[c * D + index[k]!] = value[k]!;
      this.denseLo[c] = index.length > 0 ? index[0]! : 0;
      this.denseHi[c] = index.length > 0 ? index[index.length - 1]! + 1 : 0;
    });
  }

  /** The number of columns that are not unit columns. */
  get denseColumns(): number {
    return this.denseColumn.length + this.sparse.length;
  }

  /** out = v·M (out must not alias v). */
  rowTimes(v: Float64Array, out: Float64Array): void {
    const src = this.unitSource;
    const D = src.length;
    for (let j = 0; j < D; j++) {
      const s = src[j]!;
      if (s >= 0) out[j] = v[s]!;
    }
    const { denseColumn, denseBlock, denseLo, denseHi, delay, p } = this;
    // Four accumulators of at most delay/4 products each, folded into s (< p) every `delay` entries:
    // the sum stays below 2^52 (../groebner/f4-matrix.ts delayedReductionBound).
    for (let c = 0; c < denseColumn.length; c++) {
      const base = c * D;
      const hi = denseHi[c]!;
      let s = 0;
      for (let start = denseLo[c]!; start < hi; start += delay) {
        const end = Math.min(hi, start + delay);
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        let k = start;
        for (; k + 3 < end; k += 4) {
          a0 += v[k]! * denseBlock[base + k]!;
          a1 += v[k + 1]! * denseBlock[base + k + 1]!;
          a2 += v[k + 2]! * denseBlock[base + k + 2]!;
          a3 += v[k + 3]! * denseBlock[base + k + 3]!;
        }
        for (; k < end; k++) a0 += v[k]! * denseBlock[base + k]!;
        s = (s + ((a0 + a1) % p) + ((a2 + a3) % p)) % p;
      }
      out[denseColumn[c]!] = s;
    }
    for (const { column, index, value } of this.sparse) out[column] = dot(v, index, value, p, delay);
  }

  /**
   * out = v·M and yout = M·y in one pass over the matrix (out and yout must not alias v or y; every
   * entry in [0, p)). yout gets one product per non-unit column and the residues of the unit columns
   * that map to its position (one in a multiplication matrix): it is reduced every `delay` columns.
   */
  fusedTimes(v: Float64Array, out: Float64Array, y: Float64Array, yout: Float64Array): void {
    const src = this.unitSource;
    const D = src.length;
    const { denseColumn, denseBlock, denseLo, denseHi, delay, p } = this;
    yout.fill(0);
    // Unit columns: out[j] = v[s], and column j = e_s adds y[j] to yout[s] (each s at most once: the
    // columns of M are NF(t·b_j), and t·b_j = b_s for at most one j).
    for (let j = 0; j < D; j++) {
      const s = src[j]!;
      if (s >= 0) {
        out[j] = v[s]!;
        yout[s] = yout[s]! + y[j]!;
      }
    }
    // Products added to yout since its last reduction (each entry: a residue plus at most `delay`
    // products stays below 2^52).
    let pending = 0;
    for (let c = 0; c < denseColumn.length; c++) {
      const base = c * D;
      const lo = denseLo[c]!;
      const hi = denseHi[c]!;
      const yc = y[denseColumn[c]!]!;
      let s = 0;
      for (let start = lo; start < hi; start += delay) {
        const end = Math.min(hi, start + delay);
        let a0 = 0;
        let a1 = 0;
        let k = start;
        for (; k + 1 < end; k += 2) {
          const m0 = denseBlock[base + k]!;
          const m1 = denseBlock[base + k + 1]!;
          a0 += v[k]! * m0;
          a1 += v[k + 1]! * m1;
          yout[k] = yout[k]! + yc * m0;
          yout[k + 1] = yout[k + 1]! + yc * m1;
        }
        if (k < end) {
          const m0 = denseBlock[base + k]!;
          a0 += v[k]! * m0;
          yout[k] = yout[k]! + yc * m0;
        }
        s = (s + (a0 % p) + (a1 % p)) % p;
      }
      out[denseColumn[c]!] = s;
      if (++pending === delay) {
        for (let k = 0; k < D; k++) yout[k] = yout[k]! % p;
        pending = 0;
      }
    }
    for (const { column, index, value } of this.sparse) {
      out[column] = dot(v, index, value, p, delay);
      const yc = y[column]!;
      for (let k = 0; k < index.length; k++) yout[index[k]!] = yout[index[k]!]! + yc * value[k]!;
      if (++pending === delay) {
        for (let k = 0; k < D; k++) yout[k] = yout[k]! % p;
        pending = 0;
      }
    }
    for (let k = 0; k < D; k++) yout[k] = yout[k]! % p;
  }

  /**
   * The sequences of sparse FGLM for the row vector r (entries in [0, p)): s[k] = r·M^k·e_0 for k < 2D
   * and seqs[i][k] = r·M^k·vectors[i] for k < D, by D fused passes (see the module header). The same
   * values as 2D products along the row chain (exact arithmetic modulo p).
   */
  krylov(r: Float64Array, vectors: readonly SparseColumn[], signal?: Interrupt): { s: Float64Array; seqs: Float64Array[] } {
    const D = this.unitSource.length;
    const { p, delay } = this;
    const s = new Float64Array(2 * D);
    const seqs = vectors.map(() => new Float64Array(D));
    let u = r.slice();
    let uNext = new Float64Array(D);
    let y = new Float64Array(D);
    y[0] = 1;
    let yNext = new Float64Array(D);
    for (let m = 0; m < D; m++) {
      if ((m & 7) === 0) checkInterrupt(signal);
      for (let i = 0; i < vectors.length; i++) seqs[i]![m] = dotSparse(u, vectors[i]!, p);
      s[2 * m] = dense(u, y, p, delay);
      this.fusedTimes(u, uNext, y, yNext);
      s[2 * m + 1] = dense(uNext, y, p, delay);
      [u, uNext] = [uNext, u];
      [y, yNext] = [yNext, y];
    }
    return { s, seqs };
  }
}

/** v·y modulo p for dense vectors of residues. */
function dense(v: Float64Array, y: Float64Array, p: number, delay: number): number {
  let s = 0;
  const n = v.length;
  for (let start = 0; start < n; start += delay) {
    const end = Math.min(n, start + delay);
    let a = 0;
    for (let k = start; k < end; k++) a += v[k]! * y[k]!;
    s = (s + (a % p)) % p;
  }
  return s;
}

function dot(v: Float64Array, index: Int32Array, value: Float64Array, p: number, delay: number): number {
  let s = 0;
  const n = index.length;
  for (let start = 0; start < n; start += delay) {
    const end = Math.min(n, start + delay);
    for (let k = start; k < end; k++) s += v[index[k]!]! * value[k]!;
    s %= p;
  }
  return s;
}

/** v · u for a dense v and a sparse u, modulo p. */
export function dotSparse(v: Float64Array, u: SparseColumn, p: number): number {
  return dot(v, u.index, u.value, p, delayedReductionBound(p));
}

/**
 * The polynomial part of w(T)·Σ_{k<D} s_k T^{-k-1} (w of degree D, low degree first): coefficient j is
 * Σ_{l=j+1}^{D} w_l s_{l-j-1}. High zero coefficients are dropped.
 */
export function polynomialPart(w: readonly number[], s: Float64Array, p: number): number[] {
  const D = w.length - 1;
  const delay = delayedReductionBound(p);
  const out = new Array<number>(D).fill(0);
  for (let j = 0; j < D; j++) {
    let acc = 0;
    let pending = 0;
    for (let l = j + 1; l <= D; l++) {
      acc += w[l]! * s[l - j - 1]!;
      if (++pending === delay) {
        acc %= p;
        pending = 0;
      }
    }
    out[j] = acc % p;
  }
  return trim(out);
}

/** Drops high zero coefficients (in place). */
export function trim(a: number[]): number[] {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0) n--;
  a.length = n;
  return a;
}

/** a·b mod w for a monic w of degree D >= 1 and a, b of degree < D; the result has high zeros dropped. */
export function mulModMonic(a: readonly number[], b: readonly number[], w: readonly number[], p: number): number[] {
  const D = w.length - 1;
  if (a.length === 0 || b.length === 0) return [];
  const delay = delayedReductionBound(p);
  const prod = new Float64Array(a.length + b.length - 1);
  let pending = 0;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai !== 0) for (let j = 0; j < b.length; j++) prod[i + j] = prod[i + j]! + ai * b[j]!;
    if (++pending === delay) {
      for (let k = 0; k < prod.length; k++) prod[k] = prod[k]! % p;
      pending = 0;
    }
  }
  for (let k = 0; k < prod.length; k++) prod[k] = prod[k]! % p;
  // Remainder by the monic w: T^D ≡ -(w_0 + … + w_{D-1} T^{D-1}), from the top; each position gets at
  // most one update per higher position, reduced every `delay` steps.
  const negW = Float64Array.from({ length: D }, (_, j) => (p - w[j]!) % p);
  pending = 0;
  for (let k = prod.length - 1; k >= D; k--) {
    const c = prod[k]! % p;
    if (c !== 0) {
      const base = k - D;
      for (let j = 0; j < D; j++) prod[base + j] = prod[base + j]! + c * negW[j]!;
    }
    if (++pending === delay) {
      for (let t = 0; t < k; t++) prod[t] = prod[t]! % p;
      pending = 0;
    }
  }
  const out = new Array<number>(Math.min(D, prod.length));
  for (let k = 0; k < out.length; k++) out[k] = prod[k]! % p;
  return trim(out);
}

/**
 * a^{-1} mod w (w monic of degree >= 1, deg a < deg w) by the extended Euclidean algorithm, or null
 * when gcd(a, w) is not constant. The remainders and the cofactors live in four buffers of length
 * deg w + 1 that trade places at each step (no allocation per step).
 */
export function invModMonic(a: readonly number[], w: readonly number[], p: number): number[] | null {
  // Invariant: r_k ≡ s_k·a (mod w). Every product is below 2^52 and reduced at once (modReduce: a
  // multiplication by 1/p instead of a division).
  const pinv = 1 / p;
  const size = w.length;
  let r0 = Float64Array.from(w);
  let d0 = w.length - 1; // degree of r0
  let r1 = new Float64Array(size);
  let d1 = -1;
  for (let k = 0; k < a.length; k++) {
    r1[k] = a[k]!;
    if (a[k] !== 0) d1 = k;
  }
  let s0 = new Float64Array(size);
  let n0 = 0; // length of s0 (s0 = 0)
  let s1 = new Float64Array(size);
  s1[0] = 1;
  let n1 = 1;
  const q = new Float64Array(size);
  while (d1 >= 1) {
    // r0 = q·r1 + rem, rem in place of r0.
    const inv = inverseOf(r1[d1]!, p);
    const nq = d0 - d1 + 1;
    for (let k = d0; k >= d1; k--) {
      const c = modReduce(r0[k]! * inv, p, pinv);
      const shift = k - d1;
      q[shift] = c;
      if (c === 0) continue;
      for (let j = 0; j <= d1; j++) r0[shift + j] = modReduce(r0[shift + j]! + c * (p - r1[j]!), p, pinv);
    }
    let dr = d1 - 1;
    while (dr >= 0 && r0[dr] === 0) dr--;
    // s0 := s0 - q·s1.
    const ns = Math.max(n0, nq + n1 - 1);
    for (let i = 0; i < nq; i++) {
      const qi = q[i]!;
      if (qi === 0) continue;
      for (let j = 0; j < n1; j++) s0[i + j] = modReduce(s0[i + j]! + qi * (p - s1[j]!), p, pinv);
    }
    let len = ns;
    while (len > 0 && s0[len - 1] === 0) len--;
    [r0, r1] = [r1, r0];
    d0 = d1;
    d1 = dr;
    [s0, s1] = [s1, s0];
    n0 = n1;
    n1 = len;
  }
  if (d1 < 0) return null; // gcd = r0, of positive degree
  const c = inverseOf(r1[0]!, p);
  const out = new Array<number>(n1);
  for (let k = 0; k < n1; k++) out[k] = modReduce(s1[k]! * c, p, pinv);
  return trim(out);
}

function inverseOf(a: number, p: number): number {
  let r0 = p, r1 = a;
  let t0 = 0, t1 = 1;
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return t0 < 0 ? t0 + p : t0;
}
