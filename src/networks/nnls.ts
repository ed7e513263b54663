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
//   Step rule 'adaptive' (default): Barzilai–Borwein steps under the non-monotone line search of
//   Grippo–Lampariello–Lucidi, as Raydan (1997) made BB globally convergent. Step rule 'flow':
//   η_t = 1 / (2 ||∇F(x_t)||_∞ + 4 σ² ||x_t||_∞), the reciprocal of the bound
//   ||∇²g(u)|| ≤ 2 ||∇F(x)||_∞ + 4 ||A||₂² ||u||²_∞ on the curvature of g at u_t (σ ≥ ||A||₂ from
//   power iteration), halved until F decreases: many more steps, each close to the flow.
// - 'reparam-accelerated': Nesterov's accelerated gradient on g(u), momentum (k - 1)/(k + 2) (the
//   discretization of Su, Boyd, Candès' ODE ü + (3/t) u̇ + ∇g(u) = 0), the gradient adaptive restart
//   of O'Donoghue and Candès (2015), and steps by backtracking from twice the last one ('adaptive')
//   or the curvature bound above ('flow').
//   Every sufficient-decrease test compares F(x_new) − F(x) computed as ∇F(x)·d + ½||A d||²
//   (`decrease`), never as a difference of values of F: near a solution with a non-zero residual F
//   changes far below its own rounding error.
// - 'accelerated': projected gradient with Nesterov momentum on x itself (FISTA, A. Beck and
//   M. Teboulle, SIAM J. Imaging Sci. 2 (2009), with the backtracking of their §4 started from the
//   power-iteration estimate of L = ||A||₂²), x ← max(0, y - ∇F(y)/L), and the gradient restart of
//   O'Donoghue and Candès, "Adaptive restart for accelerated gradient schemes" (2015): the momentum
//   is reset when ⟨y - x_new, x_new - x⟩ > 0. It converges on every instance (F is convex), also
//   underdetermined ones. ∇F(y) costs nothing extra: y is affine in the iterates, so A y - b is the
//   same combination of the stored residuals.
// The iterative methods stop when the KKT residual ||min(x, ∇F(x))||_∞ (zero exactly at the KKT
// points) is at most `tolerance` (default: its rounding level, `toleranceRule`), or after
// `maxIterations`; on the way each tries an active-set polish (`SupportPolish`: least squares on
// the identified support, taken only when the result is a KKT point to the tolerance). Every method reports progress and polls
// the interrupt signal, and returns its history: per iteration the objective F, the residual
// ||Ax - b||, the KKT residual, the support size (|P| for Lawson–Hanson, the entries above
// 1e-12·max x for the others) and the step (η, 1/L, or Lawson–Hanson's interpolation α). Long runs
// keep at most 4096 entries: when full, every other entry is dropped and the sampling stride doubles
// (the first and the last iteration are always kept).
import {
  type Dense, applyQt, cholesky, choleskySolve, fromRows, gram, householderQR, matTVec, matVec, norm2, normInf, selectColumns, solveUpper, solveUpperTransposed, transposeDense,
} from '../math/dense/index.js';
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
  /** KKT tolerance of the iterative methods (default the rounding level ε·max_j||a_j||₂·(σ||x||₂ + ||b||₂) of ∇F, see `toleranceRule`). */
  readonly tolerance?: number;
  readonly maxIterations?: number;
  /** x(0) for the iterative methods (reparam: > 0, default every entry 1e-3, small initialization biases toward minimal ℓ1 norm; accelerated: ≥ 0, default 0). */
  readonly init?: ArrayLike<number>;
  /**
   * Step rule of the reparametrized methods: 'adaptive' (default: Barzilai–Borwein steps for 'reparam',
   * backtracking from twice the last step for 'reparam-accelerated') or 'flow' (the curvature bound
   * 1/(2||∇F(x)||_∞ + 4σ²||x||_∞) at every step: many more iterations, but the iterates stay close to
   * the gradient flow, whose limit carries the implicit bias of the initialization).
   */
  readonly step?: 'adaptive' | 'flow';
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
  /** True when an iterative method ended by the active-set polish (see SupportPolish). */
  readonly polished: boolean;
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
    method === 'lawson-hanson' ? lawsonHansonFloat(Ad, bd, options)
    : method === 'accelerated' ? projectedNesterov(Ad, bd, options)
    : method === 'reparam' ? reparamBarzilaiBorwein(Ad, bd, options)
    : reparamNesterov(Ad, bd, options);
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
  run: { iterations: number; support: number; step: number; converged: (kkt: number) => boolean; description: string; history: HistoryRecorder; polished?: boolean },
): NnlsResult {
  const residual = norm2(r), kkt = kktResidual(x, g);
  run.history.push(run.iterations, residual, kkt, run.support, run.step);
  return {
    method, x: Array.from(x), exact: false, converted: false, iterations: run.iterations,
    residual, kkt, converged: run.converged(kkt), polished: run.polished ?? false, history: run.history.h, description: run.description,
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
    polished: false,
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
// Active-set polish of the iterative methods.

/**
 * Watches the support S = {j : x_j > ∂_jF(x)} (the coordinates the KKT residual reads as
 * inactive constraints) and, once S has stayed the same for 20 iterations and the KKT residual has
 * dropped by 10⁶ (late enough that the first-order correction below differs from the limit of the
 * iteration by O(||A x − b||²), below what the examples print), solves on it: z_S = x_S + A_S⁺(b − A x), z = 0 off S — least squares by Householder
 * QR when |S| ≤ m (the NNLS solution itself when S is its support), and otherwise the least-norm
 * correction by Cholesky: D A_Sᵀ(A_S D A_Sᵀ)⁻¹(b − A x) with D = diag(x_S) for the reparametrized
 * methods (the direction of their flow ẋ = −4 x ⊙ ∇F(x)) and D = I for projected gradient. z is taken only when it is a KKT
 * point to the tolerance (z_S > 0, KKT residual ≤ tolerance(z)); otherwise the iteration goes on.
 * This is the finite termination of active-set identification (Bertsekas, "Projected Newton methods",
 * SIAM J. Control Optim. 20, 1982; Moré–Toraldo, SIAM J. Optim. 1, 1991).
 */
class SupportPolish {
  private previous: Uint8Array | null = null;
  private stable = 0;
  private tried: Uint8Array | null = null;
  private kkt0 = -1;
  attempts = 0;
  polished = false;

  /** weighted: the least-norm correction in the metric of the reparametrized flow (weights x_S). */
  constructor(private readonly A: Dense, private readonly b: Float64Array, private readonly tolerance: (x: Float64Array) => number, private readonly weighted: boolean) {}

  /** Called after each iteration; the polished point (with r, g) when it converges, else null. */
  step(x: Float64Array, g: Float64Array, kkt: number): { x: Float64Array; r: Float64Array; g: Float64Array; kkt: number } | null {
    if (this.kkt0 < 0) this.kkt0 = kkt;
    const n = x.length;
    const S = new Uint8Array(n);
    for (let j = 0; j < n; j++) S[j] = x[j]! > g[j]! ? 1 : 0;
    const same = this.previous !== null && S.every((v, j) => v === this.previous![j]);
    this.stable = same ? this.stable + 1 : 0;
    this.previous = S;
    if (this.stable < 20 || kkt > 1e-6 * this.kkt0) return null;
    if (this.tried && S.every((v, j) => v === this.tried![j])) return null;
    this.tried = S;
    this.attempts++;
    const cols: number[] = [];
    for (let j = 0; j < n; j++) if (S[j]) cols.push(j);
    if (cols.length === 0) return null;
    const { A, b } = this;
    const AS = selectColumns(A, cols);
    // One factorization, two solves: the correction, then one step of iterative refinement on the
    // new residual (it brings A_Sᵀ r to the rounding level, as Lawson–Hanson's refinement does).
    let solve: (rhs: Float64Array) => Float64Array;
    try {
      if (cols.length <= A.rows) {
        const f = householderQR(AS, { pivot: true });
        solve = (rhs) => {
          const y = applyQt(f, rhs), w = f.rank > 0 ? solveUpper(f.qr, y, f.rank) : new Float64Array(0), out = new Float64Array(cols.length);
          for (let k = 0; k < f.rank; k++) out[f.perm[k]!] = w[k]!;
          return out;
        };
      } else {
        // Weighted least norm: with D = diag(x_S) (reparametrized methods) the correction
        // D A_Sᵀ(A_S D A_Sᵀ)⁻¹ r is the direction of the flow ẋ = −4 x ⊙ ∇F(x) near the solution set,
        // so its limit moves by O(||r||²) only (and the conserved ratios of A = [1 1] stay exact).
        const scale = Float64Array.from(cols, (j) => (this.weighted ? Math.sqrt(x[j]!) : 1));
        const B = selectColumns(A, cols);
        for (let i = 0; i < B.rows; i++) for (let k = 0; k < cols.length; k++) B.data[i * B.stride + k]! *= scale[k]!;
        const L = cholesky(gram(transposeDense(B)));
        solve = (rhs) => matTVec(B, choleskySolve(L, rhs)).map((v, k) => v * scale[k]!);
      }
    } catch (e) {
      if (e instanceof MathError && e.code === 'singular') return null;
      throw e;
    }
    const z = new Float64Array(n);
    for (const j of cols) z[j] = x[j]!;
    for (let round = 0; round < 2; round++) {
      const rz = matVec(A, z);
      for (let i = 0; i < rz.length; i++) rz[i] = b[i]! - rz[i]!;
      const dz = solve(rz);
      for (let k = 0; k < cols.length; k++) z[cols[k]!]! += dz[k]!;
    }
    for (const j of cols) if (!(z[j]! > 0)) return null;
    const { r, g: gz } = residualAndGradient(A, b, z);
    const kz = kktResidual(z, gz);
    if (!(kz <= this.tolerance(z))) return null;
    this.polished = true;
    return { x: z, r, g: gz, kkt: kz };
  }

  describe(text: string): string {
    return this.polished ? `${text}; finished by an active-set polish (least squares on the identified support, verified KKT)` : text;
  }
}

// ---------------------------------------------------------------------------------------------
// Projected gradient with Nesterov momentum and restart (FISTA).

/**
 * The stopping rule of the iterative methods on the KKT residual: `options.tolerance`, or by default
 * the rounding level of ∇F at x, ε · max_j ||a_j||₂ · (σ ||x||₂ + ||b||₂) with σ ≥ ||A||₂: A x − b
 * is computed with an error of about ε (||A||₂ ||x||₂ + ||b||₂) in norm, and ∂_jF = a_jᵀ(A x − b)
 * carries it times ||a_j||₂. Below that level the KKT residual is rounding noise, so the methods
 * stop where Lawson–Hanson's solve and scipy.optimize.nnls stop (bench/nnls.js).
 */
function toleranceRule(A: Dense, b: Float64Array, sigma: number, options: NnlsOptions): (x: Float64Array) => number {
  if (options.tolerance !== undefined) {
    const t = options.tolerance;
    return () => t;
  }
  let maxColumn = 0;
  const squares = new Float64Array(A.cols);
  for (let i = 0; i < A.rows; i++) {
    const o = i * A.stride;
    for (let j = 0; j < A.cols; j++) squares[j]! += A.data[o + j]! * A.data[o + j]!;
  }
  for (let j = 0; j < A.cols; j++) maxColumn = Math.max(maxColumn, Math.sqrt(squares[j]!));
  const bNorm = norm2(b);
  return (x) => Number.EPSILON * maxColumn * (sigma * norm2(x) + bNorm);
}

function projectedNesterov(A: Dense, b: Float64Array, options: NnlsOptions): NnlsResult {
  const n = A.cols;
  if (options.init && options.init.length !== n) throw new MathError('shape', `the initial point needs ${n} entries, got ${options.init.length}`);
  const x = options.init ? Float64Array.from(options.init, (v) => Math.max(0, v)) : new Float64Array(n);
  if (x.some((v) => !Number.isFinite(v))) throw new MathError('domain', 'the initial point must be finite');
  const sigma = spectralNorm(A);
  const tolerance = toleranceRule(A, b, sigma, options);
  const maxIterations = options.maxIterations ?? 100_000;
  let L = sigma ** 2 || 1;
  const polish = new SupportPolish(A, b, tolerance, false);
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
  while (kkt > tolerance(x) && iterations < maxIterations) {
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
    const p = polish.step(x, g, kkt);
    if (p) {
      x.set(p.x);
      ({ r, g, kkt } = p);
      f = halfSquaredNorm(r);
    }
    if (history.wants(iterations)) history.push(iterations, Math.sqrt(2 * f), kkt, supportSize(x), 1 / L);
  }
  return floatResult('accelerated', x, r, g, {
    iterations, support: supportSize(x), step: 1 / L, converged: (k) => k <= tolerance(x), history, polished: polish.polished,
    description: polish.describe('projected gradient with Nesterov momentum and gradient restart (FISTA), step 1/L with L ≥ ||A||₂² by power iteration and backtracking'),
  });
}

// ---------------------------------------------------------------------------------------------
// Reparametrized gradient descent x = u ⊙ u, plain (Barzilai–Borwein steps) and accelerated
// (Nesterov with backtracking).
//
// g(u) = F(u ⊙ u), ∇g(u) = 2 u ⊙ ∇F(x). A gradient step with step η is u ← u ⊙ (1 − 2η ∇F(x)).
// On x the step is x ← x ⊙ (1 − 2η ∇F(x))², so x stays ≥ 0 whatever η (a factor that changes sign
// flips the sign of u_i, which x does not see); the line searches alone keep η in check.

function checkPositiveStart(n: number, options: NnlsOptions): Float64Array {
  const x0 = options.init ?? new Float64Array(n).fill(1e-3);
  if (x0.length !== n) throw new MathError('shape', `the initial point needs ${n} entries, got ${x0.length}`);
  for (let i = 0; i < n; i++) {
    if (!(x0[i]! > 0) || !Number.isFinite(x0[i]!)) throw new MathError('domain', 'the initial point must have positive entries (x = u ⊙ u starts in the open orthant)');
  }
  return Float64Array.from(x0);
}

const halfSquaredNorm = (r: Float64Array) => 0.5 * r.reduce((s, v) => s + v * v, 0);

/**
 * F(x_new) − F(x) without cancellation against F itself: F is quadratic, so the difference is
 * ∇F(x)·(x_new − x) + ½||A(x_new − x)||², with A(x_new − x) = r_new − r. Near a solution with a
 * non-zero residual F changes far below its own rounding error, where comparing values of F is blind.
 */
function decrease(x: Float64Array, r: Float64Array, g: Float64Array, xNew: Float64Array, rNew: Float64Array): number {
  let lin = 0, quad = 0;
  for (let i = 0; i < x.length; i++) lin += g[i]! * (xNew[i]! - x[i]!);
  for (let i = 0; i < r.length; i++) quad += (rNew[i]! - r[i]!) ** 2;
  return lin + 0.5 * quad;
}

/** The state both reparametrized methods start from: u(0) = √x(0), F's residual and gradient there, the first step. */
interface ReparamStart {
  readonly n: number;
  /** The stopping rule (toleranceRule) and the iteration cap. */
  readonly tolerance: (x: Float64Array) => number;
  readonly maxIterations: number;
  /** The curvature bound 1 / (2||∇F(x)||_∞ + 4σ²||x||_∞), σ ≥ ||A||₂: the flow rule's step. */
  readonly bound: (x: Float64Array, g: Float64Array) => number;
  readonly polish: SupportPolish;
  /** The history, with iteration 0 recorded. */
  readonly history: HistoryRecorder;
  readonly u: Float64Array;
  readonly x: Float64Array;
  readonly g: Float64Array;
  readonly r: Float64Array;
  readonly f: number;
  readonly eta: number;
  readonly kkt: number;
}

function reparamStart(A: Dense, b: Float64Array, options: NnlsOptions): ReparamStart {
  const n = A.cols;
  const x = checkPositiveStart(n, options);
  const sigma = spectralNorm(A);
  const tolerance = toleranceRule(A, b, sigma, options);
  const { g, r } = residualAndGradient(A, b, x);
  const f = halfSquaredNorm(r);
  const bound = (x: Float64Array, g: Float64Array) => 1 / (2 * normInf(g) + 4 * sigma * sigma * normInf(x) || 1);
  const eta = bound(x, g);
  const kkt = kktResidual(x, g);
  const history = new HistoryRecorder();
  history.push(0, Math.sqrt(2 * f), kkt, supportSize(x), eta);
  return {
    n, tolerance, maxIterations: options.maxIterations ?? 1_000_000, bound, polish: new SupportPolish(A, b, tolerance, true), history,
    u: Float64Array.from(x, Math.sqrt), x, g, r, f, eta, kkt,
  };
}

/**
 * 'reparam': gradient descent on g(u) with Barzilai–Borwein steps η = sᵀs / sᵀy (s, y the last
 * changes of u and ∇g(u); J. Barzilai, J. M. Borwein, IMA J. Numer. Anal. 8 (1988)) under the
 * non-monotone line search of L. Grippo, F. Lampariello, S. Lucidi (SIAM J. Numer. Anal. 23, 1986)
 * as M. Raydan made it globally convergent for BB (SIAM J. Optim. 7, 1997): the step is halved until
 * g(u_new) ≤ max of the last 10 values − 10⁻⁴ η ||∇g(u)||² (up to the rounding of F). The first
 * step is the curvature bound 1 / (2||∇F||_∞ + 4σ²||x||_∞), σ ≥ ||A||₂ (power iteration).
 */
function reparamBarzilaiBorwein(A: Dense, b: Float64Array, options: NnlsOptions): NnlsResult {
  const start = reparamStart(A, b, options);
  const { n, tolerance, maxIterations, bound, polish, history } = start;
  let { u, x, g, r, f, eta, kkt } = start;
  const flow = options.step === 'flow';
  // The last values of F minus the current one (differences, so that they stay exact near the end).
  let window: number[] = [0];
  let iterations = 0;
  const uNew = new Float64Array(n), xNew = new Float64Array(n);
  while (kkt > tolerance(x) && iterations < maxIterations) {
    if (iterations % 256 === 0) {
      checkInterrupt(options.signal);
      if (iterations > 0) options.onProgress?.({ stage: 'nnls', message: `reparam: iteration ${iterations}, KKT residual ${kkt.toExponential(2)}` });
    }
    iterations++;
    // ||∇g(u)||² = 4 Σ x_i (∂_iF)².
    let gradNorm2 = 0;
    for (let i = 0; i < n; i++) gradNorm2 += 4 * x[i]! * g[i]! * g[i]!;
    // The flow rule is monotone (the current value is the reference); BB is not.
    const reference = flow ? 0 : Math.max(...window);
    if (flow) eta = bound(x, g);
    let next: { r: Float64Array; g: Float64Array } | null = null;
    let fNew = f, delta = 0;
    for (let halvings = 0; ; halvings++) {
      for (let i = 0; i < n; i++) {
        uNew[i] = u[i]! * (1 - 2 * eta * g[i]!);
        xNew[i] = uNew[i]! * uNew[i]!;
      }
      const rNew = matVec(A, xNew);
      for (let i = 0; i < rNew.length; i++) rNew[i]! -= b[i]!;
      fNew = halfSquaredNorm(rNew);
      delta = decrease(x, r, g, xNew, rNew);
      if (delta <= reference - 1e-4 * eta * gradNorm2 || halvings >= 40) {
        next = { r: rNew, g: matTVec(A, rNew) };
        break;
      }
      eta /= 2;
    }
    // BB step from s = u_new − u, y = ∇g(u_new) − ∇g(u).
    let ss = 0, sy = 0;
    for (let i = 0; i < n; i++) {
      const s = uNew[i]! - u[i]!;
      const y = 2 * (uNew[i]! * next.g[i]! - u[i]! * g[i]!);
      ss += s * s;
      sy += s * y;
    }
    const taken = eta;
    eta = sy > 0 && ss > 0 ? ss / sy : 2 * eta;
    u = Float64Array.from(uNew);
    x = Float64Array.from(xNew);
    r = next.r;
    g = next.g;
    f = fNew;
    window = window.map((e) => e - delta);
    window.push(0);
    if (window.length > 10) window.shift();
    kkt = kktResidual(x, g);
    const p = polish.step(x, g, kkt);
    if (p) ({ x, r, g, kkt } = p);
    if (history.wants(iterations) || p) history.push(iterations, Math.sqrt(2 * halfSquaredNorm(r)), kkt, supportSize(x), taken);
    eta = Number.isFinite(eta) ? eta : taken;
  }
  return floatResult('reparam', x, r, g, {
    iterations, support: supportSize(x), step: eta, converged: (k) => k <= tolerance(x), history, polished: polish.polished,
    description: polish.describe(
      flow
        ? 'gradient descent on x = u ⊙ u, step 1/(2||∇F(x)||_∞ + 4σ²||x||_∞) (the flow rule), halved until F decreases'
        : 'gradient descent on x = u ⊙ u, Barzilai–Borwein steps with the non-monotone line search of Grippo–Lampariello–Lucidi (Raydan)',
    ),
  });
}

/**
 * 'reparam-accelerated': Nesterov's method on g(u), momentum (k − 1)/(k + 2) (the discretization of
 * ü + (3/t) u̇ + ∇g(u) = 0, Su–Boyd–Candès), the step found by backtracking at the extrapolated point
 * v: tried at twice the last accepted step, halved until g(u_new) ≤ g(v) − (η/2)||∇g(v)||² (the
 * sufficient decrease of a step 1/L, Beck–Teboulle §4; the doubling lets η follow the local
 * curvature, K. Scheinberg, D. Goldfarb, X. Bai, Found. Comput. Math. 14, 2014), and the gradient
 * restart of O'Donoghue and Candès (2015): the momentum is reset when ⟨∇g(v), u_new − u⟩ > 0 or
 * when g increases.
 */
function reparamNesterov(A: Dense, b: Float64Array, options: NnlsOptions): NnlsResult {
  const start = reparamStart(A, b, options);
  const { n, tolerance, maxIterations, bound, polish, history } = start;
  let { u, x, g, r, f, eta, kkt } = start;
  let uPrev = u;
  let k = 0;
  let iterations = 0;
  const v = new Float64Array(n), xv = new Float64Array(n), uNew = new Float64Array(n), xNew = new Float64Array(n);
  while (kkt > tolerance(x) && iterations < maxIterations) {
    if (iterations % 256 === 0) {
      checkInterrupt(options.signal);
      if (iterations > 0) options.onProgress?.({ stage: 'nnls', message: `reparam-accelerated: iteration ${iterations}, KKT residual ${kkt.toExponential(2)}` });
    }
    iterations++;
    const beta = k === 0 ? 0 : (k - 1) / (k + 2);
    for (let i = 0; i < n; i++) {
      v[i] = u[i]! + beta * (u[i]! - uPrev[i]!);
      xv[i] = v[i]! * v[i]!;
    }
    const atV = beta === 0 ? { r, g } : residualAndGradient(A, b, xv);
    let gradNorm2 = 0;
    for (let i = 0; i < n; i++) gradNorm2 += 4 * xv[i]! * atV.g[i]! * atV.g[i]!;
    eta = options.step === 'flow' ? bound(xv, atV.g) : 2 * eta;
    let rNew = r, fNew = f;
    for (let halvings = 0; ; halvings++) {
      for (let i = 0; i < n; i++) {
        uNew[i] = v[i]! * (1 - 2 * eta * atV.g[i]!);
        xNew[i] = uNew[i]! * uNew[i]!;
      }
      rNew = matVec(A, xNew);
      for (let i = 0; i < rNew.length; i++) rNew[i]! -= b[i]!;
      fNew = halfSquaredNorm(rNew);
      if (decrease(xv, atV.r, atV.g, xNew, rNew) <= -0.5 * eta * gradNorm2 || halvings >= 40) break;
      eta /= 2;
    }
    // Restart: the step goes against the descent direction at u, or g increased.
    let dot = 0;
    for (let i = 0; i < n; i++) dot += 2 * v[i]! * atV.g[i]! * (uNew[i]! - u[i]!);
    if (beta > 0 && (dot > 0 || decrease(x, r, g, xNew, rNew) > 0)) {
      k = 0;
      continue;
    }
    k++;
    uPrev = u;
    u = Float64Array.from(uNew);
    x = Float64Array.from(xNew);
    r = rNew;
    g = matTVec(A, rNew);
    f = fNew;
    kkt = kktResidual(x, g);
    const p = polish.step(x, g, kkt);
    if (p) ({ x, r, g, kkt } = p);
    if (history.wants(iterations) || p) history.push(iterations, Math.sqrt(2 * halfSquaredNorm(r)), kkt, supportSize(x), eta);
  }
  return floatResult('reparam-accelerated', x, r, g, {
    iterations, support: supportSize(x), step: eta, converged: (kk) => kk <= tolerance(x), history, polished: polish.polished,
    description: polish.describe(
      options.step === 'flow'
        ? 'Nesterov-accelerated gradient on x = u ⊙ u with adaptive restart, step 1/(2||∇F(x)||_∞ + 4σ²||x||_∞) (the flow rule)'
        : 'Nesterov-accelerated gradient on x = u ⊙ u with backtracking steps and adaptive restart',
    ),
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
