// Complex LU factorization with partial pivoting, solves with A and A^H, and a condition estimate.
//
// Representation: an n×n complex matrix is a Float64Array of 2n² numbers, row-major with interleaved
// re/im (entry (i, j) at 2·(i·n + j)). `ComplexLU` owns its storage and factors a copy in place:
// L (unit lower, below the diagonal) and U (on and above it) with the row permutation in `perm`
// (Golub and Van Loan, "Matrix Computations", 4th ed., Alg. 3.4.1). Pivots are chosen by the largest
// |re| + |im| of the column (the 1-norm of the complex entry: cheaper than the modulus, within a
// factor √2 of it). The condition estimate is Hager's 1-norm estimator of ‖A⁻¹‖₁ in Higham's
// complex form ("FORTRAN codes for estimating the one-norm of a real or complex matrix", ACM TOMS
// 14, 1988, the algorithm of LAPACK's ZLACN2), times ‖A‖₁. Nothing allocates after construction.

export class ComplexLU {
  readonly lu: Float64Array;
  readonly perm: Int32Array;
  /** True when a zero pivot was met: the matrix is singular to working precision. */
  singular = false;
  private norm1 = 0;
  private readonly work: Float64Array;
  private readonly work2: Float64Array;

  constructor(readonly n: number) {
    this.lu = new Float64Array(2 * n * n);
    this.perm = new Int32Array(n);
    this.work = new Float64Array(2 * n);
    this.work2 = new Float64Array(2 * n);
  }

  /** Factors A (which is not modified). Returns false when a pivot is exactly zero. */
  factor(A: Float64Array): boolean {
    const n = this.n;
    const a = this.lu;
    for (let i = 0; i < 2 * n * n; i++) a[i] = A[i]!;
    let norm = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += modulus(a[2 * (i * n + j)]!, a[2 * (i * n + j) + 1]!);
      if (s > norm) norm = s;
    }
    this.norm1 = norm;
    this.singular = false;
    for (let i = 0; i < n; i++) this.perm[i] = i;
    for (let k = 0; k < n; k++) {
      let p = k;
      let best = -1;
      for (let i = k; i < n; i++) {
        const m = Math.abs(a[2 * (i * n + k)]!) + Math.abs(a[2 * (i * n + k) + 1]!);
        if (m > best) {
          best = m;
          p = i;
        }
      }
      if (best === 0) {
        this.singular = true;
        return false;
      }
      if (p !== k) {
        for (let j = 0; j < 2 * n; j++) {
          const t = a[2 * k * n + j]!;
          a[2 * k * n + j] = a[2 * p * n + j]!;
          a[2 * p * n + j] = t;
        }
        const t = this.perm[k]!;
        this.perm[k] = this.perm[p]!;
        this.perm[p] = t;
      }
      const dr = a[2 * (k * n + k)]!;
      const di = a[2 * (k * n + k) + 1]!;
      const d2 = dr * dr + di * di;
      const ir = dr / d2;
      const ii = -di / d2;
      for (let i = k + 1; i < n; i++) {
        const o = 2 * (i * n + k);
        const xr = a[o]!;
        const xi = a[o + 1]!;
        const lr = xr * ir - xi * ii;
        const li = xr * ii + xi * ir;
        a[o] = lr;
        a[o + 1] = li;
        if (lr === 0 && li === 0) continue;
        for (let j = k + 1; j < n; j++) {
          const u = 2 * (k * n + j);
          const w = 2 * (i * n + j);
          const ur = a[u]!;
          const ui = a[u + 1]!;
          a[w] = a[w]! - (lr * ur - li * ui);
          a[w + 1] = a[w + 1]! - (lr * ui + li * ur);
        }
      }
    }
    return true;
  }

  /** Solves A x = b in place (b of 2n numbers). */
  solve(b: Float64Array): void {
    const n = this.n;
    const a = this.lu;
    const w = this.work;
    for (let i = 0; i < n; i++) {
      w[2 * i] = b[2 * this.perm[i]!]!;
      w[2 * i + 1] = b[2 * this.perm[i]! + 1]!;
    }
    for (let i = 0; i < n; i++) {
      let sr = w[2 * i]!;
      let si = w[2 * i + 1]!;
      for (let j = 0; j < i; j++) {
        const lr = a[2 * (i * n + j)]!;
        const li = a[2 * (i * n + j) + 1]!;
        sr -= lr * w[2 * j]! - li * w[2 * j + 1]!;
        si -= lr * w[2 * j + 1]! + li * w[2 * j]!;
      }
      w[2 * i] = sr;
      w[2 * i + 1] = si;
    }
    for (let i = n - 1; i >= 0; i--) {
      let sr = w[2 * i]!;
      let si = w[2 * i + 1]!;
      for (let j = i + 1; j < n; j++) {
        const ur = a[2 * (i * n + j)]!;
        const ui = a[2 * (i * n + j) + 1]!;
        sr -= ur * w[2 * j]! - ui * w[2 * j + 1]!;
        si -= ur * w[2 * j + 1]! + ui * w[2 * j]!;
      }
      const dr = a[2 * (i * n + i)]!;
      const di = a[2 * (i * n + i) + 1]!;
      const d2 = dr * dr + di * di;
      w[2 * i] = (sr * dr + si * di) / d2;
      w[2 * i + 1] = (si * dr - sr * di) / d2;
    }
    for (let i = 0; i < 2 * n; i++) b[i] = w[i]!;
  }

  /** Solves A^H x = b in place (A^H = conjugate transpose): U^H L^H P x = b. */
  solveAdjoint(b: Float64Array): void {
    const n = this.n;
    const a = this.lu;
    const w = this.work;
    // U^H y = b (forward: U^H is lower triangular)
    for (let i = 0; i < n; i++) {
      let sr = b[2 * i]!;
      let si = b[2 * i + 1]!;
      for (let j = 0; j < i; j++) {
        const ur = a[2 * (j * n + i)]!;
        const ui = -a[2 * (j * n + i) + 1]!;
        sr -= ur * w[2 * j]! - ui * w[2 * j + 1]!;
        si -= ur * w[2 * j + 1]! + ui * w[2 * j]!;
      }
      const dr = a[2 * (i * n + i)]!;
      const di = -a[2 * (i * n + i) + 1]!;
      const d2 = dr * dr + di * di;
      w[2 * i] = (sr * dr + si * di) / d2;
      w[2 * i + 1] = (si * dr - sr * di) / d2;
    }
    // L^H z = y (backward: L^H is unit upper triangular)
    for (let i = n - 1; i >= 0; i--) {
      let sr = w[2 * i]!;
      let si = w[2 * i + 1]!;
      for (let j = i + 1; j < n; j++) {
        const lr = a[2 * (j * n + i)]!;
        const li = -a[2 * (j * n + i) + 1]!;
        sr -= lr * w[2 * j]! - li * w[2 * j + 1]!;
        si -= lr * w[2 * j + 1]! + li * w[2 * j]!;
      }
      w[2 * i] = sr;
      w[2 * i + 1] = si;
    }
    // x = P^T z
    for (let i = 0; i < n; i++) {
      b[2 * this.perm[i]!] = w[2 * i]!;
      b[2 * this.perm[i]! + 1] = w[2 * i + 1]!;
    }
  }

  /**
   * An estimate of the 1-norm condition number ‖A‖₁·‖A⁻¹‖₁ of the last factored matrix (a lower
   * bound, usually within a factor 3; Infinity when singular).
   */
  condition(): number {
    if (this.singular) return Infinity;
    const n = this.n;
    const x = this.work2;
    for (let i = 0; i < n; i++) {
      x[2 * i] = 1 / n;
      x[2 * i + 1] = 0;
    }
    this.solve(x);
    let est = norm1(x, n);
    if (n === 1) return est * this.norm1;
    let lastJ = -1;
    for (let iter = 0; iter < 5; iter++) {
      // ξ = sign(x), z = A^{-H} ξ
      for (let i = 0; i < n; i++) {
        const m = modulus(x[2 * i]!, x[2 * i + 1]!);
        x[2 * i] = m > 0 ? x[2 * i]! / m : 1;
        x[2 * i + 1] = m > 0 ? x[2 * i + 1]! / m : 0;
      }
      this.solveAdjoint(x);
      let j = 0;
      let best = -1;
      for (let i = 0; i < n; i++) {
        const m = modulus(x[2 * i]!, x[2 * i + 1]!);
        if (m > best) {
          best = m;
          j = i;
        }
      }
      if (j === lastJ) break;
      lastJ = j;
      x.fill(0);
      x[2 * j] = 1;
      this.solve(x);
      const next = norm1(x, n);
      if (next <= est) break;
      est = next;
    }
    return est * this.norm1;
  }
}

function norm1(x: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += modulus(x[2 * i]!, x[2 * i + 1]!);
  return s;
}

/** |x + iy| (Math.hypot avoids overflow but is slow; the entries here are far from overflow). */
function modulus(x: number, y: number): number {
  return Math.sqrt(x * x + y * y);
}
