// Non-negative least squares: min_{x ≥ 0} F(x) = ½ ||A x - b||².
//
// Three methods, the same answer (KKT: x ≥ 0, ∇F(x) = A^T(Ax - b) ≥ 0, x ⊙ ∇F(x) = 0):
// - 'lawson-hanson': the active-set algorithm of C. L. Lawson and R. J. Hanson, "Solving Least
//   Squares Problems" (1974), ch. 23. Exact over QQ when the data are exact and the problem is small
//   (least squares on the passive set by the normal equations with rational arithmetic, every
//   comparison exact, so the result is the exact NNLS solution); in floating point otherwise (least
//   squares on the passive set by Householder QR, tolerance 10·ε·max(m, n)·||A||_1·||b||).
// - 'reparam': gradient descent on g(u) = F(u ⊙ u), x = u ⊙ u (H.-H. Chou, J. Maly, C. M. Verdun,
//   B. Freitas Paulo da Costa, H. Mirandola, "Get rid of your constraints and reparametrize: a study in
//   NNLS and implicit bias", arXiv:2207.08437). One step is u ← u ⊙ (1 - 2η ∇F(x)), i.e.
//   x ← x ⊙ (1 - 2η ∇F(x))²: a discretization of the Riemannian flow ẋ = -4 x ⊙ ∇F(x).
//   Step-size rule: η_t = 1 / (2 ||∇F(x_t)||_∞ + 4 σ² ||x_t||_∞), the reciprocal of the bound
//   ||∇²g(u)|| ≤ 2 ||∇F(x)||_∞ + 4 ||A||₂² ||u||²_∞ on the curvature of g at u_t (σ = ||A||₂, from
//   60 power iterations on A^T A, times 1.01); it keeps every factor 1 - 2η ∂_iF in (0, 2), so the
//   iterates stay in the open orthant. Safeguard: a step that increases F (beyond rounding) is retried with η/2.
// - 'accelerated': Nesterov's accelerated gradient on g(u) with the same step rule, momentum
//   (k - 1)/(k + 2) (the discretization of Su, Boyd, Candès' ODE ü + (3/t) u̇ + ∇g(u) = 0) and the
//   gradient adaptive restart of O'Donoghue and Candès (2015): when ⟨∇g(v), u_new - u⟩ > 0 the
//   momentum is reset (a plain safeguarded step follows).
// Both iterative methods stop when the KKT residual ||min(x, ∇F(x))||_∞ (zero exactly at the KKT
// points; the natural residual ||x - P_+(x - ∇F(x))||_∞) is at most `tolerance`, or after
// `maxIterations`. They report progress every 1000 iterations and poll the interrupt signal.
import { MathError } from '../math/errors.js';
import { QQ, type Rat, compareRat } from '../math/field.js';
import { solveLinear } from '../math/linalg/matrix.js';
import { checkInterrupt, type ComputeOptions } from '../math/progress.js';
import { Random } from '../math/random.js';

export type NnlsMethod = 'lawson-hanson' | 'reparam' | 'accelerated';

export interface NnlsOptions extends ComputeOptions {
  /** KKT tolerance of the iterative methods (default 1e-12 · max(1, ||A^T b||_∞)). */
  readonly tolerance?: number;
  readonly maxIterations?: number;
  /** x(0) > 0 for the iterative methods (default every entry 1e-3; small initialization biases toward minimal ℓ1 norm). */
  readonly init?: readonly number[];
  /** Lawson–Hanson: exact rational arithmetic (default: when the data are exact and m·n ≤ 2500). */
  readonly exact?: boolean;
}

export interface NnlsResult {
  readonly method: NnlsMethod;
  /** Exact rationals (exact Lawson–Hanson) or floats. */
  readonly x: readonly Rat[] | readonly number[];
  readonly exact: boolean;
  /** Lawson–Hanson: least-squares solves; iterative methods: gradient steps. */
  readonly iterations: number;
  /** ||A x - b||₂. */
  readonly residual: number;
  /** ||min(x, ∇F(x))||_∞ (exact for exact Lawson–Hanson). */
  readonly kkt: number | Rat;
  readonly converged: boolean;
  readonly description: string;
}

export type Scalar = Rat | number;

function toFloat(x: Scalar): number {
  return typeof x === 'number' ? x : ratToFloat(x);
}

export function ratToFloat(r: Rat): number {
  const n = Number(r.num), d = Number(r.den);
  if (Number.isFinite(n) && Number.isFinite(d) && Math.abs(n) < 2 ** 53 && d < 2 ** 53) return n / d;
  // Large numerator or denominator: scale to keep 64 significant bits.
  const shift = BigInt(Math.max(0, r.den.toString(2).length - 64));
  const num = Number(r.num * (1n << 64n) / (r.den >> shift));
  return num / 2 ** 64 / 2 ** Number(shift);
}

function checkShape(A: readonly (readonly Scalar[])[], b: readonly Scalar[]): { m: number; n: number } {
  const m = A.length;
  if (m === 0) throw new MathError('shape', 'nnls needs a non-empty matrix A');
  const n = A[0]!.length;
  if (n === 0 || A.some((row) => row.length !== n)) throw new MathError('shape', 'the rows of A must have the same non-zero length');
  if (b.length !== m) throw new MathError('shape', `b must have ${m} entr${m === 1 ? 'y' : 'ies'} (one per row of A), got ${b.length}`);
  return { m, n };
}

export function nnls(A: readonly (readonly Scalar[])[], b: readonly Scalar[], method: NnlsMethod, options: NnlsOptions = {}): NnlsResult {
  const { m, n } = checkShape(A, b);
  if (method === 'lawson-hanson') {
    const allExact = A.every((row) => row.every((x) => typeof x !== 'number')) && b.every((x) => typeof x !== 'number');
    const exact = options.exact ?? (allExact && m * n <= 2500);
    if (exact) {
      if (!allExact) throw new MathError('domain', 'exact Lawson–Hanson needs exact data (no floats in A or b)');
      return lawsonHansonExact(A as Rat[][], b as Rat[], options);
    }
  }
  const Af = A.map((row) => row.map(toFloat));
  const bf = b.map(toFloat);
  if (method === 'lawson-hanson') return lawsonHansonFloat(Af, bf, options);
  if (method === 'reparam' || method === 'accelerated') return reparametrized(Af, bf, method, options);
  throw new MathError('domain', `unknown NNLS method '${method as string}' (lawson-hanson, reparam or accelerated)`);
}

// ---------------------------------------------------------------------------------------------
// Float helpers.

function matVec(A: readonly (readonly number[])[], x: readonly number[]): number[] {
  return A.map((row) => {
    let s = 0;
    for (let j = 0; j < row.length; j++) s += row[j]! * x[j]!;
    return s;
  });
}

function matTVec(A: readonly (readonly number[])[], y: readonly number[], n: number): number[] {
  const out = new Array<number>(n).fill(0);
  A.forEach((row, i) => {
    const yi = y[i]!;
    if (yi === 0) return;
    for (let j = 0; j < n; j++) out[j]! += row[j]! * yi;
  });
  return out;
}

function normInf(v: readonly number[]): number {
  let s = 0;
  for (const x of v) s = Math.max(s, Math.abs(x));
  return s;
}

function norm2(v: readonly number[]): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s);
}

/** ∇F(x) = A^T (A x - b) and the residual vector. */
function gradient(A: readonly (readonly number[])[], b: readonly number[], x: readonly number[], n: number): { g: number[]; r: number[] } {
  const r = matVec(A, x).map((v, i) => v - b[i]!);
  return { g: matTVec(A, r, n), r };
}

export function kktResidual(x: readonly number[], g: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s = Math.max(s, Math.abs(Math.min(x[i]!, g[i]!)));
  return s;
}

/** ||A||₂ estimated by power iteration on A^T A (60 steps), times 1.01 for safety. */
export function spectralNorm(A: readonly (readonly number[])[], n: number): number {
  const random = new Random(12345);
  let v = Array.from({ length: n }, () => random.nextFloat() + 0.5);
  let sigma2 = 0;
  for (let k = 0; k < 60; k++) {
    const w = matTVec(A, matVec(A, v), n);
    const norm = norm2(w);
    if (norm === 0) return 0;
    sigma2 = norm / norm2(v);
    v = w.map((x) => x / norm);
  }
  return Math.sqrt(sigma2) * 1.01;
}

// ---------------------------------------------------------------------------------------------
// Lawson–Hanson, exact.

function lawsonHansonExact(A: readonly (readonly Rat[])[], b: readonly Rat[], options: NnlsOptions): NnlsResult {
  const m = A.length, n = A[0]!.length;
  const AtA: Rat[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => A.reduce((s, row) => QQ.add(s, QQ.mul(row[i]!, row[j]!)), QQ.zero)),
  );
  const Atb: Rat[] = Array.from({ length: n }, (_, i) => A.reduce((s, row, k) => QQ.add(s, QQ.mul(row[i]!, b[k]!)), QQ.zero));
  const grad = (x: readonly Rat[]): Rat[] => AtA.map((row, i) => QQ.sub(row.reduce((s, a, j) => QQ.add(s, QQ.mul(a, x[j]!)), QQ.zero), Atb[i]!));
  let x: Rat[] = new Array<Rat>(n).fill(QQ.zero);
  const passive = new Array<boolean>(n).fill(false);
  let solves = 0;
  const maxOuter = options.maxIterations ?? 3 * n + 10;
  const leastSquares = (): Rat[] => {
    const P = [...passive.keys()].filter((j) => passive[j]);
    const M = P.map((i) => P.map((j) => AtA[i]![j]!));
    const rhs = P.map((i) => Atb[i]!);
    const zP = solveLinear(QQ, M, rhs, P.length);
    if (!zP) throw new MathError('internal', 'Lawson–Hanson: inconsistent normal equations');
    solves++;
    const z = new Array<Rat>(n).fill(QQ.zero);
    P.forEach((j, k) => (z[j] = zP[k]!));
    return z;
  };
  for (let outer = 0; outer < maxOuter; outer++) {
    checkInterrupt(options.signal);
    const w = grad(x).map((g) => QQ.neg(g)); // w = A^T(b - Ax)
    let t = -1;
    for (let j = 0; j < n; j++) if (!passive[j] && w[j]!.num > 0n && (t < 0 || compareRat(w[j]!, w[t]!) > 0)) t = j;
    if (t < 0) break;
    passive[t] = true;
    for (;;) {
      const z = leastSquares();
      const bad = [...passive.keys()].filter((j) => passive[j] && z[j]!.num <= 0n);
      if (bad.length === 0) {
        x = z;
        break;
      }
      let alpha: Rat | null = null;
      for (const j of bad) {
        const a = QQ.div(x[j]!, QQ.sub(x[j]!, z[j]!));
        if (!alpha || compareRat(a, alpha) < 0) alpha = a;
      }
      x = x.map((xj, j) => QQ.add(xj, QQ.mul(alpha!, QQ.sub(z[j]!, xj))));
      for (let j = 0; j < n; j++) if (passive[j] && x[j]!.num <= 0n) {
        passive[j] = false;
        x[j] = QQ.zero;
      }
    }
    options.onProgress?.({ stage: 'nnls', message: `Lawson–Hanson: ${passive.filter(Boolean).length} passive columns` });
  }
  const g = grad(x);
  let kkt: Rat = QQ.zero;
  x.forEach((xj, j) => {
    const v = compareRat(xj, g[j]!) <= 0 ? xj : g[j]!;
    const abs = v.num < 0n ? QQ.neg(v) : v;
    if (compareRat(abs, kkt) > 0) kkt = abs;
  });
  const xf = x.map(ratToFloat);
  const residual = norm2(matVec(A.map((r) => r.map(ratToFloat)), xf).map((v, i) => v - ratToFloat(b[i]!)));
  void m;
  return {
    method: 'lawson-hanson',
    x,
    exact: true,
    iterations: solves,
    residual,
    kkt,
    converged: kkt.num === 0n,
    description: 'Lawson–Hanson active set, exact rational arithmetic',
  };
}

// ---------------------------------------------------------------------------------------------
// Lawson–Hanson, floating point (least squares on the passive set by Householder QR).

/** Least squares min ||B z - b|| for the columns `cols` of A (full column rank assumed), by Householder QR. */
function leastSquaresQR(A: readonly (readonly number[])[], b: readonly number[], cols: readonly number[]): number[] {
  const m = A.length, p = cols.length;
  const Q = A.map((row) => cols.map((j) => row[j]!));
  const y = [...b];
  for (let k = 0; k < p; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += Q[i]![k]! ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const alpha = Q[k]![k]! > 0 ? -norm : norm;
    const v = new Array<number>(m).fill(0);
    for (let i = k; i < m; i++) v[i] = Q[i]![k]!;
    v[k]! -= alpha;
    let vv = 0;
    for (let i = k; i < m; i++) vv += v[i]! ** 2;
    if (vv === 0) continue;
    for (let j = k; j < p; j++) {
      let s = 0;
      for (let i = k; i < m; i++) s += v[i]! * Q[i]![j]!;
      const f = (2 * s) / vv;
      for (let i = k; i < m; i++) Q[i]![j]! -= f * v[i]!;
    }
    let s = 0;
    for (let i = k; i < m; i++) s += v[i]! * y[i]!;
    const f = (2 * s) / vv;
    for (let i = k; i < m; i++) y[i]! -= f * v[i]!;
  }
  const z = new Array<number>(p).fill(0);
  for (let k = Math.min(p, m) - 1; k >= 0; k--) {
    let s = y[k]!;
    for (let j = k + 1; j < p; j++) s -= Q[k]![j]! * z[j]!;
    const d = Q[k]![k]!;
    z[k] = d === 0 ? 0 : s / d;
  }
  return z;
}

function lawsonHansonFloat(A: readonly (readonly number[])[], b: readonly number[], options: NnlsOptions): NnlsResult {
  const m = A.length, n = A[0]!.length;
  const norm1 = Math.max(...Array.from({ length: n }, (_, j) => A.reduce((s, row) => s + Math.abs(row[j]!), 0)));
  const tol = 10 * Number.EPSILON * Math.max(m, n) * norm1 * Math.max(1, normInf(b));
  let x = new Array<number>(n).fill(0);
  const passive = new Array<boolean>(n).fill(false);
  let solves = 0;
  const maxOuter = options.maxIterations ?? 3 * n + 10;
  for (let outer = 0; outer < maxOuter; outer++) {
    checkInterrupt(options.signal);
    const w = gradient(A, b, x, n).g.map((g) => -g);
    let t = -1;
    for (let j = 0; j < n; j++) if (!passive[j] && w[j]! > tol && (t < 0 || w[j]! > w[t]!)) t = j;
    if (t < 0) break;
    passive[t] = true;
    for (let inner = 0; inner < 3 * n + 10; inner++) {
      const P = [...passive.keys()].filter((j) => passive[j]);
      const zP = leastSquaresQR(A, b, P);
      solves++;
      const z = new Array<number>(n).fill(0);
      P.forEach((j, k) => (z[j] = zP[k]!));
      const bad = P.filter((j) => z[j]! <= tol);
      if (bad.length === 0) {
        x = z;
        break;
      }
      let alpha = Infinity;
      for (const j of bad) alpha = Math.min(alpha, x[j]! / (x[j]! - z[j]!));
      x = x.map((xj, j) => xj + alpha * (z[j]! - xj));
      for (const j of P) if (x[j]! <= tol) {
        passive[j] = false;
        x[j] = 0;
      }
    }
    if (outer % 10 === 0) options.onProgress?.({ stage: 'nnls', message: `Lawson–Hanson: ${passive.filter(Boolean).length} passive columns` });
  }
  const { g, r } = gradient(A, b, x, n);
  const kkt = kktResidual(x, g);
  return {
    method: 'lawson-hanson',
    x,
    exact: false,
    iterations: solves,
    residual: norm2(r),
    kkt,
    converged: true,
    description: 'Lawson–Hanson active set, floating point (Householder QR)',
  };
}

// ---------------------------------------------------------------------------------------------
// Reparametrized gradient descent x = u ⊙ u, plain and accelerated.

function reparametrized(A: readonly (readonly number[])[], b: readonly number[], method: 'reparam' | 'accelerated', options: NnlsOptions): NnlsResult {
  const n = A[0]!.length;
  const x0 = options.init ?? new Array<number>(n).fill(1e-3);
  if (x0.length !== n) throw new MathError('shape', `the initial point needs ${n} entries, got ${x0.length}`);
  if (x0.some((v) => !(v > 0) || !Number.isFinite(v))) throw new MathError('domain', 'the initial point must have positive entries (x = u ⊙ u starts in the open orthant)');
  const sigma = spectralNorm(A, n);
  const sigma2 = sigma * sigma;
  const Atb = matTVec(A, b, n);
  const tolerance = options.tolerance ?? 1e-12 * Math.max(1, normInf(Atb));
  const maxIterations = options.maxIterations ?? 1_000_000;
  const F = (r: readonly number[]) => 0.5 * r.reduce((s, v) => s + v * v, 0);
  const step = (x: readonly number[], g: readonly number[]) => 1 / (2 * normInf(g) + 4 * sigma2 * normInf(x) || 1);
  let u = x0.map(Math.sqrt);
  let x = u.map((v) => v * v);
  let { g, r } = gradient(A, b, x, n);
  let f = F(r);
  let iterations = 0;
  let kkt = kktResidual(x, g);
  // Nesterov state: the extrapolated point v and the momentum counter k.
  let v = u;
  let k = 0;
  while (kkt > tolerance && iterations < maxIterations) {
    if (iterations % 1000 === 0) {
      checkInterrupt(options.signal);
      if (iterations > 0) options.onProgress?.({ stage: 'nnls', message: `${method}: iteration ${iterations}, KKT residual ${kkt.toExponential(2)}` });
    }
    iterations++;
    if (method === 'reparam' || k === 0) {
      // A plain (safeguarded) gradient step from u; for 'accelerated' it starts a momentum run.
      let eta = step(x, g);
      for (let halvings = 0; ; halvings++) {
        const uNew = u.map((ui, i) => ui * (1 - 2 * eta * g[i]!));
        const xNew = uNew.map((w) => w * w);
        const next = gradient(A, b, xNew, n);
        const fNew = F(next.r);
        // Rounding slack: near the optimum F changes below its own rounding error.
        if (fNew <= f + 8 * Number.EPSILON * Math.abs(f) || halvings >= 30) {
          u = uNew;
          x = xNew;
          g = next.g;
          r = next.r;
          f = fNew;
          break;
        }
        eta /= 2;
      }
      v = u;
      k = 1;
    } else {
      // Gradient step from the extrapolated point v.
      const xv = v.map((w) => w * w);
      const gv = gradient(A, b, xv, n).g;
      const eta = step(xv, gv);
      const uNew = v.map((vi, i) => vi * (1 - 2 * eta * gv[i]!));
      // Gradient restart (O'Donoghue–Candès): when the step goes against the descent direction,
      // ⟨∇g(v), u_new - u⟩ > 0, drop the momentum (robust to rounding, unlike comparing values of F).
      let dot = 0;
      for (let i = 0; i < n; i++) dot += 2 * v[i]! * gv[i]! * (uNew[i]! - u[i]!);
      if (dot > 0) {
        k = 0;
        continue;
      }
      const xNew = uNew.map((w) => w * w);
      const next = gradient(A, b, xNew, n);
      const fNew = F(next.r);
      k++;
      const beta = (k - 1) / (k + 2);
      v = uNew.map((w, i) => w + beta * (w - u[i]!));
      u = uNew;
      x = xNew;
      g = next.g;
      r = next.r;
      f = fNew;
    }
    kkt = kktResidual(x, g);
  }
  return {
    method,
    x,
    exact: false,
    iterations,
    residual: norm2(r),
    kkt,
    converged: kkt <= tolerance,
    description:
      method === 'reparam'
        ? 'gradient descent on x = u ⊙ u, step 1/(2||∇F(x)||_∞ + 4σ²||x||_∞)'
        : 'Nesterov-accelerated gradient on x = u ⊙ u with adaptive restart, step 1/(2||∇F(x)||_∞ + 4σ²||x||_∞)',
  };
}

// ---------------------------------------------------------------------------------------------
// Test problems with a known solution.

export interface NnlsProblem {
  readonly A: number[][];
  readonly b: number[];
  /** The solution (strict complementarity: x_i = 0 ⇒ ∂_iF(x) > 0). */
  readonly solution: number[];
}

/**
 * A random NNLS problem with a known, strictly complementary solution: A has entries uniform in
 * [-1, 1], x* has about half its entries 0 and the others in [0.5, 1.5], and b = A x* - A (A^T A)^{-1} λ
 * with λ_i in [0.5, 1.5] on the zero entries of x* (0 elsewhere), so that ∇F(x*) = λ ≥ 0.
 * m ≥ n is needed (A^T A invertible).
 */
export function randomNnlsProblem(seed: number, m: number, n: number): NnlsProblem {
  if (m < n) throw new MathError('domain', 'randomNnlsProblem needs m >= n');
  const random = new Random(seed);
  const A = Array.from({ length: m }, () => Array.from({ length: n }, () => 2 * random.nextFloat() - 1));
  const solution = Array.from({ length: n }, () => (random.nextFloat() < 0.5 ? 0 : 0.5 + random.nextFloat()));
  const lambda = solution.map((x) => (x === 0 ? 0.5 + random.nextFloat() : 0));
  // z = (A^T A)^{-1} λ by Cholesky.
  const AtA = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => A.reduce((s, row) => s + row[i]! * row[j]!, 0)));
  const z = choleskySolve(AtA, lambda);
  const Az = matVec(A, z);
  const b = matVec(A, solution).map((v, i) => v - Az[i]!);
  return { A, b, solution };
}

function choleskySolve(M: readonly (readonly number[])[], rhs: readonly number[]): number[] {
  const n = M.length;
  const L: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = M[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (s <= 0) throw new MathError('singular', 'the matrix is not positive definite');
        L[i]![i] = Math.sqrt(s);
      } else L[i]![j] = s / L[j]![j]!;
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = rhs[i]!;
    for (let k = 0; k < i; k++) s -= L[i]![k]! * y[k]!;
    y[i] = s / L[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k]![i]! * x[k]!;
    x[i] = s / L[i]![i]!;
  }
  return x;
}
