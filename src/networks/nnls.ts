// Non-negative least squares: min_{x ≥ 0} F(x) = ½ ||A x - b||².
//
// Four methods, the same answer (KKT: x ≥ 0, ∇F(x) = A^T(Ax - b) ≥ 0, x ⊙ ∇F(x) = 0):
// - 'lawson-hanson': the active-set algorithm of C. L. Lawson and R. J. Hanson, "Solving Least
//   Squares Problems" (1974), ch. 23. Exact over QQ when the data are exact and the problem is small
//   (least squares on the passive set by the normal equations with rational arithmetic, every
//   comparison exact, so the result is the exact NNLS solution). In floating point otherwise, on the
//   dense kernels (src/math/dense): the columns of the Gram matrix G = A^T A are computed when their
//   variable first enters the passive set P, and the Cholesky factor R of G[P, P] (R^T R = G[P, P])
//   is updated as P changes: a column enters by one triangular solve (a bordered Cholesky step,
//   Golub–Van Loan §6.5.4), a column leaves by deleting it and restoring the triangle with Givens
//   rotations (Golub–Van Loan §6.5.2). A column whose Cholesky pivot falls below 100ε of its norm
//   is numerically dependent on P and is skipped (as in Lawson–Hanson's own test). The dual
//   w = A^T b - G x costs O(n |P|) per step. On termination the solution is refined on P by the
//   corrected semi-normal equations (Å. Björck, "Numerical Methods for Least Squares Problems",
//   SIAM 1996, §2.5.3: x_P += R^{-1} R^{-T} A_P^T (b - A_P x_P), up to 3 steps), which brings the
//   residual to the accuracy of a Householder QR solve. Tolerance on w: 10·ε·max(m, n)·||A||_1·max(1, ||b||_∞).
// - 'reparam': gradient descent on g(u) = F(u ⊙ u), x = u ⊙ u (H.-H. Chou, J. Maly, C. M. Verdun,
//   B. Freitas Paulo da Costa, H. Mirandola, "Get rid of your constraints and reparametrize: a study in
//   NNLS and implicit bias", arXiv:2207.08437). One step is u ← u ⊙ (1 - 2η ∇F(x)), i.e.
//   x ← x ⊙ (1 - 2η ∇F(x))²: a discretization of the Riemannian flow ẋ = -4 x ⊙ ∇F(x).
//   Step-size rule: η_t = 1 / (2 ||∇F(x_t)||_∞ + 4 σ² ||x_t||_∞), the reciprocal of the bound
//   ||∇²g(u)|| ≤ 2 ||∇F(x)||_∞ + 4 ||A||₂² ||u||²_∞ on the curvature of g at u_t (σ ≥ ||A||₂ from
//   power iteration); it keeps every factor 1 - 2η ∂_iF in (0, 2), so the iterates stay in the
//   open orthant. Safeguard: a step that increases F (beyond rounding) is retried with η/2.
// - 'reparam-accelerated': Nesterov's accelerated gradient on g(u) with the same step rule, momentum
//   (k - 1)/(k + 2) (the discretization of Su, Boyd, Candès' ODE ü + (3/t) u̇ + ∇g(u) = 0) and the
//   gradient adaptive restart of O'Donoghue and Candès (2015). It keeps the reparametrization's
//   implicit bias (the conserved ratios of the flow) and accelerates it.
// - 'accelerated': projected gradient with Nesterov momentum on x itself (FISTA, A. Beck and
//   M. Teboulle, SIAM J. Imaging Sci. 2 (2009), with the backtracking of their §4 started from the
//   power-iteration estimate of L = ||A||₂²), x ← max(0, y - ∇F(y)/L), and the gradient restart of
//   O'Donoghue and Candès, "Adaptive restart for accelerated gradient schemes" (2015): the momentum
//   is reset when ⟨y - x_new, x_new - x⟩ > 0. It converges on every instance (F is convex), also
//   underdetermined ones. ∇F(y) costs nothing extra: y is affine in the iterates, so A y - b is the
//   same combination of the stored residuals.
// The iterative methods stop when the KKT residual ||min(x, ∇F(x))||_∞ (zero exactly at the KKT
// points) is at most `tolerance`, or after `maxIterations`. Every method reports progress and polls
// the interrupt signal, and returns its history: per iteration the objective F, the residual
// ||Ax - b||, the KKT residual, the support size (|P| for Lawson–Hanson, the entries above
// 1e-12·max x for the others) and the step (η, 1/L, or Lawson–Hanson's interpolation α). Long runs
// keep at most 4096 entries: when full, every other entry is dropped and the sampling stride doubles
// (the first and the last iteration are always kept).
import { type Dense, cholesky, choleskySolve, fromRows, gram, matTVec, matVec, norm2, normInf, solveUpper, solveUpperTransposed } from '../math/dense/index.js';
import { MathError } from '../math/errors.js';
import { QQ, type Rat, compareRat } from '../math/field.js';
import { solveLinear } from '../math/linalg/matrix.js';
import { checkInterrupt, type ComputeOptions } from '../math/progress.js';
import { Random } from '../math/random.js';
import { ratToFloat } from '../math/rat-float.js';
import { SampledHistory } from '../math/optimize/history.js';

export type NnlsMethod = 'lawson-hanson' | 'reparam' | 'reparam-accelerated' | 'accelerated';
export const NNLS_METHODS: readonly NnlsMethod[] = ['lawson-hanson', 'reparam', 'reparam-accelerated', 'accelerated'];

export interface NnlsOptions extends ComputeOptions {
  /** KKT tolerance of the iterative methods (default 1e-12 · max(1, ||A^T b||_∞)). */
  readonly tolerance?: number;
  readonly maxIterations?: number;
  /** x(0) for the iterative methods (reparam: > 0, default every entry 1e-3, small initialization biases toward minimal ℓ1 norm; accelerated: ≥ 0, default 0). */
  readonly init?: ArrayLike<number>;
  /** Lawson–Hanson: exact rational arithmetic (default: when the data are exact and m·n ≤ 2500). */
  readonly exact?: boolean;
}

/** The iteration history, column by column (equal lengths). */
export interface NnlsHistory {
  readonly iteration: number[];
  readonly objective: number[];
  readonly residual: number[];
  readonly kkt: number[];
  readonly support: number[];
  readonly step: number[];
}

export interface NnlsResult {
  readonly method: NnlsMethod;
  /** Exact rationals (exact Lawson–Hanson) or floats. */
  readonly x: readonly Rat[] | readonly number[];
  readonly exact: boolean;
  /** True when exact input data were converted to floats to run this method. */
  readonly converted: boolean;
  /** Lawson–Hanson: least-squares solves; iterative methods: gradient steps. */
  readonly iterations: number;
  /** ||A x - b||₂. */
  readonly residual: number;
  /** ||min(x, ∇F(x))||_∞ (exact for exact Lawson–Hanson). */
  readonly kkt: number | Rat;
  readonly converged: boolean;
  readonly history: NnlsHistory;
  readonly description: string;
}

export type Scalar = Rat | number;

function isDense(A: unknown): A is Dense {
  return typeof A === 'object' && A !== null && (A as Dense).data instanceof Float64Array;
}

/**
 * NNLS of A (a dense float matrix, or rows of exact or float scalars) and b. Exact data run exact
 * Lawson–Hanson when small (or `exact: true`); otherwise they are converted to floats (`converted`).
 */
export function nnls(A: Dense | readonly (readonly Scalar[])[], b: ArrayLike<number> | readonly Scalar[], method: NnlsMethod, options: NnlsOptions = {}): NnlsResult {
  if (!NNLS_METHODS.includes(method)) throw new MathError('domain', `unknown NNLS method '${method as string}' (${NNLS_METHODS.join(', ')})`);
  const m = isDense(A) ? A.rows : A.length;
  if (m === 0) throw new MathError('shape', 'nnls needs a non-empty matrix A');
  const n = isDense(A) ? A.cols : A[0]!.length;
  if (n === 0 || (!isDense(A) && A.some((row) => row.length !== n))) throw new MathError('shape', 'the rows of A must have the same non-zero length');
  if (b.length !== m) throw new MathError('shape', `b must have ${m} entr${m === 1 ? 'y' : 'ies'} (one per row of A), got ${b.length}`);
  const bItems = Array.from(b as ArrayLike<Scalar>);
  const exactData = !isDense(A) && A.every((row) => row.every((x) => typeof x !== 'number')) && bItems.every((x) => typeof x !== 'number');
  if (method === 'lawson-hanson') {
    const exact = options.exact ?? (exactData && m * n <= 2500);
    if (exact) {
      if (!exactData) throw new MathError('domain', 'exact Lawson–Hanson needs exact data (no floats in A or b)');
      return lawsonHansonExact(A as Rat[][], bItems as Rat[], options);
    }
  }
  const toFloat = (x: Scalar) => (typeof x === 'number' ? x : ratToFloat(x));
  const Ad = isDense(A) ? A : fromRows(A.map((row) => row.map(toFloat)));
  const bd = Float64Array.from(bItems, toFloat);
  const result =
    method === 'lawson-hanson' ? lawsonHansonFloat(Ad, bd, options) : method === 'accelerated' ? projectedNesterov(Ad, bd, options) : reparametrized(Ad, bd, method, options);
  return { ...result, converted: exactData };
}

// ---------------------------------------------------------------------------------------------
// Shared pieces.

export function kktResidual(x: ArrayLike<number>, g: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s = Math.max(s, Math.abs(Math.min(x[i]!, g[i]!)));
  return s;
}

/** ||A||₂ from above: power iteration on A^T A until the Rayleigh quotient settles to 1e-6, times 1.01. */
export function spectralNorm(A: Dense | readonly (readonly number[])[]): number {
  const D = isDense(A) ? A : fromRows(A);
  const random = new Random(12345);
  let v = Float64Array.from({ length: D.cols }, () => random.nextFloat() + 0.5);
  let sigma2 = 0;
  for (let k = 0; k < 200; k++) {
    const w = matTVec(D, matVec(D, v));
    const norm = norm2(w);
    if (norm === 0) return 0;
    const next = norm / norm2(v);
    v = w.map((x) => x / norm);
    const settled = k >= 10 && Math.abs(next - sigma2) <= 1e-6 * next;
    sigma2 = next;
    if (settled) break;
  }
  return Math.sqrt(sigma2) * 1.01;
}

/** The NNLS history columns on the shared sampler (src/math/optimize/history.ts: at most 4096 entries). */
class HistoryRecorder {
  private readonly sampled = new SampledHistory(['objective', 'residual', 'kkt', 'support', 'step'] as const);
  readonly h: NnlsHistory = this.sampled.columns;

  wants(iteration: number): boolean {
    return this.sampled.wants(iteration);
  }

  /** Records an iteration; recording the same iteration again replaces its entry (the final values win). */
  push(iteration: number, residual: number, kkt: number, support: number, step: number): void {
    this.sampled.push(iteration, { objective: 0.5 * residual * residual, residual, kkt, support, step });
  }
}

function supportSize(x: ArrayLike<number>): number {
  const threshold = 1e-12 * normInf(x);
  let s = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! > threshold) s++;
  return s;
}

/** r = A x - b and g = A^T r. */
function residualAndGradient(A: Dense, b: Float64Array, x: Float64Array): { r: Float64Array; g: Float64Array } {
  const r = matVec(A, x);
  for (let i = 0; i < r.length; i++) r[i]! -= b[i]!;
  return { r, g: matTVec(A, r) };
}

/** The record of a float method: the final residual and KKT residual, recorded as the history's last entry. */
function floatResult(
  method: NnlsMethod, x: Float64Array, r: Float64Array, g: Float64Array,
  run: { iterations: number; support: number; step: number; converged: (kkt: number) => boolean; description: string; history: HistoryRecorder },
): NnlsResult {
  const residual = norm2(r), kkt = kktResidual(x, g);
  run.history.push(run.iterations, residual, kkt, run.support, run.step);
  return {
    method, x: Array.from(x), exact: false, converted: false, iterations: run.iterations,
    residual, kkt, converged: run.converged(kkt), history: run.history.h, description: run.description,
  };
}

// ---------------------------------------------------------------------------------------------
// Lawson–Hanson, exact.

function lawsonHansonExact(A: readonly (readonly Rat[])[], b: readonly Rat[], options: NnlsOptions): NnlsResult {
  const n = A[0]!.length;
  const AtA: Rat[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => A.reduce((s, row) => QQ.add(s, QQ.mul(row[i]!, row[j]!)), QQ.zero)),
  );
  const Atb: Rat[] = Array.from({ length: n }, (_, i) => A.reduce((s, row, k) => QQ.add(s, QQ.mul(row[i]!, b[k]!)), QQ.zero));
  const grad = (x: readonly Rat[]): Rat[] => AtA.map((row, i) => QQ.sub(row.reduce((s, a, j) => QQ.add(s, QQ.mul(a, x[j]!)), QQ.zero), Atb[i]!));
  const Af = fromRows(A.map((r) => r.map(ratToFloat)));
  const bf = Float64Array.from(b, ratToFloat);
  const history = new HistoryRecorder();
  const record = (iteration: number, x: readonly Rat[], support: number, step: number) => {
    const xf = Float64Array.from(x, ratToFloat);
    const { r, g } = residualAndGradient(Af, bf, xf);
    history.push(iteration, norm2(r), kktResidual(xf, g), support, step);
  };
  let x: Rat[] = new Array<Rat>(n).fill(QQ.zero);
  const passive = new Array<boolean>(n).fill(false);
  let solves = 0;
  const maxOuter = options.maxIterations ?? 3 * n + 10;
  record(0, x, 0, 0);
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
    let alphaMin = 1;
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
      alphaMin = Math.min(alphaMin, ratToFloat(alpha!));
      x = x.map((xj, j) => QQ.add(xj, QQ.mul(alpha!, QQ.sub(z[j]!, xj))));
      for (let j = 0; j < n; j++) if (passive[j] && x[j]!.num <= 0n) {
        passive[j] = false;
        x[j] = QQ.zero;
      }
    }
    const support = passive.filter(Boolean).length;
    record(solves, x, support, alphaMin);
    options.onProgress?.({ stage: 'nnls', message: `Lawson–Hanson: ${support} passive columns` });
  }
  const g = grad(x);
  let kkt: Rat = QQ.zero;
  x.forEach((xj, j) => {
    const v = compareRat(xj, g[j]!) <= 0 ? xj : g[j]!;
    const abs = v.num < 0n ? QQ.neg(v) : v;
    if (compareRat(abs, kkt) > 0) kkt = abs;
  });
  const xf = Float64Array.from(x, ratToFloat);
  const residual = norm2(residualAndGradient(Af, bf, xf).r);
  return {
    method: 'lawson-hanson',
    x,
    exact: true,
    converted: false,
    iterations: solves,
    residual,
    kkt,
    converged: kkt.num === 0n,
    history: history.h,
    description: 'Lawson–Hanson active set, exact rational arithmetic',
  };
}

// ---------------------------------------------------------------------------------------------
// Lawson–Hanson, floating point, with an updated Cholesky factor of G[P, P].

/** The upper Cholesky factor R of G[P, P] (R^T R = G[P, P]) for an ordered passive set P, updated in place. */
class PassiveCholesky {
  readonly cols: number[] = [];
  private readonly R: Float64Array;
  constructor(private readonly cap: number) {
    this.R = new Float64Array(cap * cap);
  }

  get size(): number {
    return this.cols.length;
  }

  private view(): Dense {
    return { rows: this.size, cols: this.size, stride: this.cap, data: this.R };
  }

  /** Appends column t (gt = G[:, t]); false (and no change) when it is numerically dependent on P. */
  add(t: number, gt: Float64Array): boolean {
    const p = this.size, cap = this.cap, R = this.R;
    if (p === cap) return false;
    // r = R^{-T} G[P, t], then the pivot d² = G[t, t] - r·r.
    const rhs = new Float64Array(p);
    for (let i = 0; i < p; i++) rhs[i] = gt[this.cols[i]!]!;
    const r = p > 0 ? solveUpperTransposed(this.view(), rhs, p) : rhs;
    let rr = 0;
    for (let i = 0; i < p; i++) rr += r[i]! * r[i]!;
    const d2 = gt[t]! - rr;
    if (!(d2 > 100 * Number.EPSILON * gt[t]!)) return false;
    for (let i = 0; i < p; i++) R[i * cap + p] = r[i]!;
    R[p * cap + p] = Math.sqrt(d2);
    this.cols.push(t);
    return true;
  }

  /** Deletes the column at position k and restores the triangle by Givens rotations. */
  remove(k: number): void {
    const p = this.size, cap = this.cap, R = this.R;
    for (let i = 0; i < p; i++) for (let j = Math.max(k, i - 1); j < p - 1; j++) R[i * cap + j] = R[i * cap + j + 1]!;
    for (let j = k; j < p - 1; j++) {
      const a = R[j * cap + j]!, b = R[(j + 1) * cap + j]!;
      const h = Math.hypot(a, b);
      if (h === 0) continue;
      const c = a / h, s = b / h;
      for (let l = j; l < p - 1; l++) {
        const x = R[j * cap + l]!, y = R[(j + 1) * cap + l]!;
        R[j * cap + l] = c * x + s * y;
        R[(j + 1) * cap + l] = -s * x + c * y;
      }
      R[(j + 1) * cap + j] = 0;
    }
    for (let l = 0; l < cap; l++) R[(p - 1) * cap + l] = 0;
    for (let i = 0; i < p; i++) R[i * cap + p - 1] = 0;
    this.cols.splice(k, 1);
  }

  /** Solves G[P, P] z = rhs (rhs indexed by position in P). */
  solve(rhs: Float64Array): Float64Array {
    const v = this.view();
    return solveUpper(v, solveUpperTransposed(v, rhs, this.size), this.size);
  }
}

function lawsonHansonFloat(A: Dense, b: Float64Array, options: NnlsOptions): NnlsResult {
  const m = A.rows, n = A.cols;
  let norm1 = 0;
  {
    const colSums = new Float64Array(n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) colSums[j]! += Math.abs(A.data[i * A.stride + j]!);
    norm1 = normInf(colSums);
  }
  const tol = 10 * Number.EPSILON * Math.max(m, n) * norm1 * Math.max(1, normInf(b));
  const Atb = matTVec(A, b);
  const bb = b.reduce((s, v) => s + v * v, 0);
  // G = A^T A once (blocked, ../math/dense/blas.ts); row j of G is column j (G is symmetric).
  const G = gram(A).data;
  const gramColumn = (t: number): Float64Array => G.subarray(t * n, (t + 1) * n);
  const x = new Float64Array(n);
  const w = Float64Array.from(Atb);
  const P = new PassiveCholesky(Math.min(m, n));
  const inP = new Uint8Array(n);
  const skipped = new Uint8Array(n);
  const history = new HistoryRecorder();
  let solves = 0;
  const maxSolves = options.maxIterations ?? 3 * n + 10;
  // ||Ax - b||² = b·b - x·A^T b - x·w, from the dual vector (no product with A).
  const residualFromDual = () => {
    let s = bb;
    for (const j of P.cols) s -= x[j]! * (Atb[j]! + w[j]!);
    return Math.sqrt(Math.max(0, s));
  };
  const updateDual = () => {
    w.set(Atb);
    const cols = P.cols;
    let k = 0;
    // Two rows of G per pass (one load and store of w for two multiply-adds).
    for (; k + 1 < cols.length; k += 2) {
      const j0 = cols[k]!, j1 = cols[k + 1]!;
      const x0 = x[j0]!, x1 = x[j1]!, g0 = j0 * n, g1 = j1 * n;
      for (let i = 0; i < n; i++) w[i]! -= x0 * G[g0 + i]! + x1 * G[g1 + i]!;
    }
    if (k < cols.length) {
      const j = cols[k]!, xj = x[j]!, gj = j * n;
      for (let i = 0; i < n; i++) w[i]! -= xj * G[gj + i]!;
    }
  };
  const dualKkt = () => {
    let s = 0;
    for (let j = 0; j < n; j++) s = Math.max(s, Math.abs(Math.min(x[j]!, -w[j]!)));
    return s;
  };
  const solveP = (): Float64Array => {
    solves++;
    const cols = P.cols, rhs = new Float64Array(cols.length);
    for (let k = 0; k < cols.length; k++) rhs[k] = Atb[cols[k]!]!;
    return P.solve(rhs);
  };
  history.push(0, Math.sqrt(bb), dualKkt(), 0, 0);
  let converged = false;
  let outer = 0;
  outerLoop: while (solves < maxSolves) {
    if (++outer % 8 === 0) {
      checkInterrupt(options.signal);
      options.onProgress?.({ stage: 'nnls', message: `Lawson–Hanson: ${P.size} passive columns` });
    }
    let t = -1;
    for (let j = 0; j < n; j++) if (!inP[j] && !skipped[j] && w[j]! > tol && (t < 0 || w[j]! > w[t]!)) t = j;
    if (t < 0) {
      converged = true;
      break;
    }
    if (!P.add(t, gramColumn(t))) {
      skipped[t] = 1;
      continue;
    }
    inP[t] = 1;
    let alphaMin = 1;
    for (let first = true; ; first = false) {
      if (solves >= maxSolves) break outerLoop;
      const z = solveP();
      if (first && !(z[P.size - 1]! > 0)) {
        // Rounding made the entering variable non-positive: it cannot improve F; skip it this round.
        P.remove(P.size - 1);
        inP[t] = 0;
        skipped[t] = 1;
        continue outerLoop;
      }
      let alpha = Infinity, argmin = -1;
      P.cols.forEach((j, k) => {
        if (z[k]! > 0) return;
        const a = x[j]! / (x[j]! - z[k]!);
        if (a < alpha) {
          alpha = a;
          argmin = j;
        }
      });
      if (argmin < 0) {
        P.cols.forEach((j, k) => (x[j] = z[k]!));
        break;
      }
      alphaMin = Math.min(alphaMin, alpha);
      P.cols.forEach((j, k) => (x[j] = x[j]! + alpha * (z[k]! - x[j]!)));
      x[argmin] = 0;
      for (let k = P.size - 1; k >= 0; k--) {
        const j = P.cols[k]!;
        if (x[j]! <= 0) {
          x[j] = 0;
          inP[j] = 0;
          P.remove(k);
        }
      }
    }
    skipped.fill(0);
    updateDual();
    if (history.wants(solves)) history.push(solves, residualFromDual(), dualKkt(), P.size, alphaMin);
  }
  // Corrected semi-normal equations on P: x_P += R^{-1} R^{-T} A_P^T (b - A x).
  let { r, g } = residualAndGradient(A, b, x);
  for (let step = 0; step < 3 && P.size > 0; step++) {
    const dz = P.solve(Float64Array.from(P.cols, (j) => -g[j]!));
    const trial = Float64Array.from(x);
    P.cols.forEach((j, k) => (trial[j] = trial[j]! + dz[k]!));
    if (P.cols.some((j) => !(trial[j]! > 0))) break;
    const next = residualAndGradient(A, b, trial);
    if (!(norm2(next.g) < norm2(g))) break;
    x.set(trial);
    ({ r, g } = next);
    if (normInf(dz) <= Number.EPSILON * normInf(x)) break;
  }
  return floatResult('lawson-hanson', x, r, g, {
    iterations: solves, support: P.size, step: 1, converged: () => converged, history,
    description: 'Lawson–Hanson active set in floating point (updated Cholesky of the passive Gram matrix, refined by corrected semi-normal equations)',
  });
}

// ---------------------------------------------------------------------------------------------
// Projected gradient with Nesterov momentum and restart (FISTA).

function defaultTolerance(A: Dense, b: Float64Array, options: NnlsOptions): number {
  return options.tolerance ?? 1e-12 * Math.max(1, normInf(matTVec(A, b)));
}

function projectedNesterov(A: Dense, b: Float64Array, options: NnlsOptions): NnlsResult {
  const n = A.cols;
  if (options.init && options.init.length !== n) throw new MathError('shape', `the initial point needs ${n} entries, got ${options.init.length}`);
  const x = options.init ? Float64Array.from(options.init, (v) => Math.max(0, v)) : new Float64Array(n);
  if (x.some((v) => !Number.isFinite(v))) throw new MathError('domain', 'the initial point must be finite');
  const tolerance = defaultTolerance(A, b, options);
  const maxIterations = options.maxIterations ?? 100_000;
  let L = spectralNorm(A) ** 2 || 1;
  const history = new HistoryRecorder();
  let { r, g } = residualAndGradient(A, b, x);
  let f = 0.5 * r.reduce((s, v) => s + v * v, 0);
  // Previous iterate's x, r, g (for the momentum and for ∇F(y) by linearity).
  let xPrev: Float64Array = Float64Array.from(x), rPrev: Float64Array = Float64Array.from(r), gPrev: Float64Array = Float64Array.from(g);
  let beta = 0, t = 1;
  let kkt = kktResidual(x, g);
  history.push(0, Math.sqrt(2 * f), kkt, supportSize(x), 1 / L);
  let iterations = 0;
  const y = new Float64Array(n), gy = new Float64Array(n), ry = new Float64Array(r.length), xNew = new Float64Array(n);
  while (kkt > tolerance && iterations < maxIterations) {
    if (iterations % 256 === 0) {
      checkInterrupt(options.signal);
      if (iterations > 0) options.onProgress?.({ stage: 'nnls', message: `accelerated: iteration ${iterations}, KKT residual ${kkt.toExponential(2)}` });
    }
    iterations++;
    for (let i = 0; i < n; i++) {
      y[i] = x[i]! + beta * (x[i]! - xPrev[i]!);
      gy[i] = g[i]! + beta * (g[i]! - gPrev[i]!);
    }
    for (let i = 0; i < r.length; i++) ry[i] = r[i]! + beta * (r[i]! - rPrev[i]!);
    // Backtracking on L: F(x_new) ≤ F(y) + ∇F(y)·d + L/2 ||d||² with d = x_new - y, which for the
    // quadratic F is exactly ||A d||² ≤ L ||d||² (no cancellation against F itself). A d is read off as
    // r_new - r_y (free); only when that difference says "violated" is A d recomputed directly, so
    // that rounding in the difference never inflates L.
    let next: { r: Float64Array; g: Float64Array };
    for (;;) {
      let dd = 0;
      for (let i = 0; i < n; i++) {
        xNew[i] = Math.max(0, y[i]! - gy[i]! / L);
        const d = xNew[i]! - y[i]!;
        dd += d * d;
      }
      next = residualAndGradient(A, b, xNew);
      let AdAd = 0;
      for (let i = 0; i < ry.length; i++) AdAd += (next.r[i]! - ry[i]!) ** 2;
      if (AdAd <= L * dd || L > 1e300) break;
      const d = new Float64Array(n);
      for (let i = 0; i < n; i++) d[i] = xNew[i]! - y[i]!;
      const Ad = matVec(A, d);
      if (Ad.reduce((s, v) => s + v * v, 0) <= L * dd) break;
      L *= 2;
    }
    const fNew = 0.5 * next.r.reduce((s, v) => s + v * v, 0);
    // Gradient restart: ⟨y - x_new, x_new - x⟩ > 0 means the momentum points uphill.
    let restart = 0;
    for (let i = 0; i < n; i++) restart += (y[i]! - xNew[i]!) * (xNew[i]! - x[i]!);
    xPrev = Float64Array.from(x);
    rPrev = r;
    gPrev = g;
    x.set(xNew);
    r = next.r;
    g = next.g;
    f = fNew;
    if (restart > 0) {
      t = 1;
      beta = 0;
    } else {
      const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
      beta = (t - 1) / tNext;
      t = tNext;
    }
    kkt = kktResidual(x, g);
    if (history.wants(iterations)) history.push(iterations, Math.sqrt(2 * f), kkt, supportSize(x), 1 / L);
  }
  return floatResult('accelerated', x, r, g, {
    iterations, support: supportSize(x), step: 1 / L, converged: (k) => k <= tolerance, history,
    description: 'projected gradient with Nesterov momentum and gradient restart (FISTA), step 1/L with L ≥ ||A||₂² by power iteration and backtracking',
  });
}

// ---------------------------------------------------------------------------------------------
// Reparametrized gradient descent x = u ⊙ u, plain and accelerated.

function reparametrized(A: Dense, b: Float64Array, method: 'reparam' | 'reparam-accelerated', options: NnlsOptions): NnlsResult {
  const n = A.cols;
  const x0 = options.init ?? new Float64Array(n).fill(1e-3);
  if (x0.length !== n) throw new MathError('shape', `the initial point needs ${n} entries, got ${x0.length}`);
  for (let i = 0; i < n; i++) {
    if (!(x0[i]! > 0) || !Number.isFinite(x0[i]!)) throw new MathError('domain', 'the initial point must have positive entries (x = u ⊙ u starts in the open orthant)');
  }
  const sigma = spectralNorm(A);
  const sigma2 = sigma * sigma;
  const tolerance = defaultTolerance(A, b, options);
  const maxIterations = options.maxIterations ?? 1_000_000;
  const F = (r: Float64Array) => 0.5 * r.reduce((s, v) => s + v * v, 0);
  const step = (x: Float64Array, g: Float64Array) => 1 / (2 * normInf(g) + 4 * sigma2 * normInf(x) || 1);
  const square = (u: Float64Array) => u.map((w) => w * w);
  let u: Float64Array = Float64Array.from(x0, Math.sqrt);
  let x: Float64Array = square(u);
  let { g, r } = residualAndGradient(A, b, x);
  let f = F(r);
  let iterations = 0;
  let kkt = kktResidual(x, g);
  const history = new HistoryRecorder();
  history.push(0, Math.sqrt(2 * f), kkt, supportSize(x), step(x, g));
  // Nesterov state: the extrapolated point v and the momentum counter k.
  let v: Float64Array = u;
  let k = 0;
  let eta = 0;
  while (kkt > tolerance && iterations < maxIterations) {
    if (iterations % 1000 === 0) {
      checkInterrupt(options.signal);
      if (iterations > 0) options.onProgress?.({ stage: 'nnls', message: `${method}: iteration ${iterations}, KKT residual ${kkt.toExponential(2)}` });
    }
    iterations++;
    if (method === 'reparam' || k === 0) {
      // A plain (safeguarded) gradient step from u; for 'reparam-accelerated' it starts a momentum run.
      eta = step(x, g);
      for (let halvings = 0; ; halvings++) {
        const uNew = u.map((ui, i) => ui * (1 - 2 * eta * g[i]!));
        const xNew = square(uNew);
        const next = residualAndGradient(A, b, xNew);
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
      const xv = square(v);
      const gv = residualAndGradient(A, b, xv).g;
      eta = step(xv, gv);
      const uNew = v.map((vi, i) => vi * (1 - 2 * eta * gv[i]!));
      // Gradient restart (O'Donoghue–Candès): when the step goes against the descent direction,
      // ⟨∇g(v), u_new - u⟩ > 0, drop the momentum (robust to rounding, unlike comparing values of F).
      let dot = 0;
      for (let i = 0; i < n; i++) dot += 2 * v[i]! * gv[i]! * (uNew[i]! - u[i]!);
      if (dot > 0) {
        k = 0;
        continue;
      }
      const xNew = square(uNew);
      const next = residualAndGradient(A, b, xNew);
      k++;
      const beta = (k - 1) / (k + 2);
      v = uNew.map((w, i) => w + beta * (w - u[i]!));
      u = uNew;
      x = xNew;
      g = next.g;
      r = next.r;
      f = F(r);
    }
    kkt = kktResidual(x, g);
    if (history.wants(iterations)) history.push(iterations, Math.sqrt(2 * f), kkt, supportSize(x), eta);
  }
  return floatResult(method, x, r, g, {
    iterations, support: supportSize(x), step: eta, converged: (k) => k <= tolerance, history,
    description:
      method === 'reparam'
        ? 'gradient descent on x = u ⊙ u, step 1/(2||∇F(x)||_∞ + 4σ²||x||_∞)'
        : 'Nesterov-accelerated gradient on x = u ⊙ u with adaptive restart, step 1/(2||∇F(x)||_∞ + 4σ²||x||_∞)',
  });
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
  const Ad = fromRows(A);
  const z = choleskySolve(cholesky(gram(Ad)), lambda);
  const Az = matVec(Ad, z);
  const b = Array.from(matVec(Ad, solution), (v, i) => v - Az[i]!);
  return { A, b, solution };
}
