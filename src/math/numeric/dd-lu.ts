// Complex LU factorization with partial pivoting in double-double arithmetic (./double-double.ts), for
// the Newton steps of the paths double precision loses (./dd-tracker.ts).
//
// Representation: an n×n complex double-double matrix is a Float64Array of 4n² numbers, row-major,
// entry (i, j) at 4·(i·n + j) as (re.hi, re.lo, im.hi, im.lo). `ComplexLUDD` factors a copy in place
// (L unit lower below the diagonal, U on and above it, the row permutation in `perm`; Golub and Van
// Loan, "Matrix Computations", 4th ed., Alg. 3.4.1), pivots chosen by the largest |re| + |im| of the
// high parts, as ./lu.ts does in doubles. `pivotRatio` (largest over smallest modulus of U's
// diagonal) is a cheap lower estimate of the condition number, enough to tell a regular endpoint
// from a singular one (the certification decides anyway). Nothing allocates after construction.
import { cddMul, ddAdd, ddDiv, ddMul, hi, lo } from './double-double.js';

export class ComplexLUDD {
  readonly lu: Float64Array;
  readonly perm: Int32Array;
  /** Largest over smallest modulus of the pivots of the last factorization (Infinity when singular). */
  pivotRatio = Infinity;
  private readonly work: Float64Array;
  private readonly t: Float64Array = new Float64Array(4);

  constructor(readonly n: number) {
    this.lu = new Float64Array(4 * n * n);
    this.perm = new Int32Array(n);
    this.work = new Float64Array(4 * n);
  }

  /** Factors A (not modified); false when a pivot is exactly zero. */
  factor(A: Float64Array): boolean {
    const n = this.n;
    const a = this.lu;
    a.set(A.subarray(0, 4 * n * n));
    for (let i = 0; i < n; i++) this.perm[i] = i;
    let largest = 0;
    let smallest = Infinity;
    const t = this.t;
    for (let k = 0; k < n; k++) {
      let p = k;
      let best = -1;
      for (let i = k; i < n; i++) {
        const o = 4 * (i * n + k);
        const m = Math.abs(a[o]!) + Math.abs(a[o + 2]!);
        if (m > best) {
          best = m;
          p = i;
        }
      }
      if (best === 0) {
        this.pivotRatio = Infinity;
        return false;
      }
      if (p !== k) {
        for (let j = 0; j < 4 * n; j++) {
          const s = a[4 * k * n + j]!;
          a[4 * k * n + j] = a[4 * p * n + j]!;
          a[4 * p * n + j] = s;
        }
        const s = this.perm[k]!;
        this.perm[k] = this.perm[p]!;
        this.perm[p] = s;
      }
      const d = 4 * (k * n + k);
      const modulus = Math.hypot(a[d]!, a[d + 2]!);
      largest = Math.max(largest, modulus);
      smallest = Math.min(smallest, modulus);
      // 1/pivot = conj(pivot) / |pivot|²
      inverse(a[d]!, a[d + 1]!, a[d + 2]!, a[d + 3]!, t);
      for (let i = k + 1; i < n; i++) {
        const o = 4 * (i * n + k);
        cddMul(a[o]!, a[o + 1]!, a[o + 2]!, a[o + 3]!, t[0]!, t[1]!, t[2]!, t[3]!, a, o);
        const lr = a[o]!;
        const ll = a[o + 1]!;
        const li = a[o + 2]!;
        const lil = a[o + 3]!;
        if (lr === 0 && li === 0) continue;
        for (let j = k + 1; j < n; j++) {
          const u = 4 * (k * n + j);
          const w = 4 * (i * n + j);
          cddMul(lr, ll, li, lil, a[u]!, a[u + 1]!, a[u + 2]!, a[u + 3]!, this.work, 0);
          ddAdd(a[w]!, a[w + 1]!, -this.work[0]!, -this.work[1]!);
          a[w] = hi();
          a[w + 1] = lo();
          ddAdd(a[w + 2]!, a[w + 3]!, -this.work[2]!, -this.work[3]!);
          a[w + 2] = hi();
          a[w + 3] = lo();
        }
      }
    }
    this.pivotRatio = largest / smallest;
    return true;
  }

  /** Solves A x = b in place (b of 4n numbers). */
  solve(b: Float64Array): void {
    const n = this.n;
    const a = this.lu;
    const w = this.work;
    const t = this.t;
    for (let i = 0; i < n; i++) w.set(b.subarray(4 * this.perm[i]!, 4 * this.perm[i]! + 4), 4 * i);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < i; j++) {
        const o = 4 * (i * n + j);
        cddMul(a[o]!, a[o + 1]!, a[o + 2]!, a[o + 3]!, w[4 * j]!, w[4 * j + 1]!, w[4 * j + 2]!, w[4 * j + 3]!, t, 0);
        subtract(w, 4 * i, t);
      }
    for (let i = n - 1; i >= 0; i--) {
      for (let j = i + 1; j < n; j++) {
        const o = 4 * (i * n + j);
        cddMul(a[o]!, a[o + 1]!, a[o + 2]!, a[o + 3]!, w[4 * j]!, w[4 * j + 1]!, w[4 * j + 2]!, w[4 * j + 3]!, t, 0);
        subtract(w, 4 * i, t);
      }
      const d = 4 * (i * n + i);
      inverse(a[d]!, a[d + 1]!, a[d + 2]!, a[d + 3]!, t);
      cddMul(w[4 * i]!, w[4 * i + 1]!, w[4 * i + 2]!, w[4 * i + 3]!, t[0]!, t[1]!, t[2]!, t[3]!, w, 4 * i);
    }
    b.set(w.subarray(0, 4 * n));
  }
}

/** out[o..o+3] -= t. */
function subtract(out: Float64Array, o: number, t: Float64Array): void {
  ddAdd(out[o]!, out[o + 1]!, -t[0]!, -t[1]!);
  out[o] = hi();
  out[o + 1] = lo();
  ddAdd(out[o + 2]!, out[o + 3]!, -t[2]!, -t[3]!);
  out[o + 2] = hi();
  out[o + 3] = lo();
}

/** 1 / (re + i·im) of a complex double-double number into out[0..3]. */
function inverse(rh: number, rl: number, ih: number, il: number, out: Float64Array): void {
  ddMul(rh, rl, rh, rl);
  const ah = hi();
  const al = lo();
  ddMul(ih, il, ih, il);
  ddAdd(ah, al, hi(), lo());
  const mh = hi();
  const ml = lo();
  ddDiv(rh, rl, mh, ml);
  out[0] = hi();
  out[1] = lo();
  ddDiv(-ih, -il, mh, ml);
  out[2] = hi();
  out[3] = lo();
}
