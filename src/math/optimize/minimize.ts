// First- and second-order optimizers on a polynomial loss L: R^n → R, in floating point.
//
// Representation: the loss and its gradient are compiled once into a `RealProgram`
// (./real-program.ts: one evaluation gives L(x) and ∇L(x) by reverse mode on the monomials); for
// Newton the gradient's polynomials are compiled too, whose Jacobian is the Hessian. Iterates are
// Float64Arrays; nothing is allocated per iteration except by Newton's factorization.
//
// Methods (η the step, β the momentum, g_k = ∇L(x_k)):
// - 'gd': gradient descent x_{k+1} = x_k - η g_k.
// - 'heavy-ball': Polyak's momentum, x_{k+1} = x_k - η g_k + β (x_k - x_{k-1}) (B. T. Polyak, "Some
//   methods of speeding up the convergence of iteration methods", USSR Comput. Math. Math. Phys. 4
//   (1964)).
// - 'nesterov': y_k = x_k + β (x_k - x_{k-1}), x_{k+1} = y_k - η ∇L(y_k) (Y. Nesterov, "A method for
//   solving the convex programming problem with convergence rate O(1/k²)", Soviet Math. Dokl. 27
//   (1983); constant momentum as in Sutskever, Martens, Dahl, Hinton, ICML 2013).
// - 'adam': m_k = β1 m + (1 - β1) g, v_k = β2 v + (1 - β2) g², x -= η m̂ / (√v̂ + ε) with the bias
//   corrections m̂ = m / (1 - β1^k), v̂ = v / (1 - β2^k) (D. P. Kingma, J. Ba, "Adam: a method for
//   stochastic optimization", ICLR 2015; defaults η = 10⁻³, β1 = 0.9, β2 = 0.999, ε = 10⁻⁸).
// - 'newton': x_{k+1} = x_k + α d, (∇²L + τI) d = -g with τ ≥ 0 the smallest of 0, 10⁻³·max|diag|,
//   doubling, that makes the Cholesky factorization succeed (Hessian modification, Nocedal and Wright,
//   "Numerical Optimization", 2nd ed., Algorithm 3.3), and α from η halved until Armijo's sufficient
//   decrease L(x + αd) ≤ L(x) + 10⁻⁴ α gᵀd holds up to the rounding of the two loss values (8ε times
//   the sum of the absolute values of L's terms at each point) (their Algorithm 3.1). Near a non-degenerate
//   minimum τ = 0 and α = 1: quadratic convergence.
// Stopping: ||∇L(x_k)||₂ ≤ tolerance ('gradient'), the iteration budget ('iterations'), a non-finite
// loss or iterate ('diverged': the last finite iterate is returned), or Newton's line search failing
// to decrease L before the step vanishes in floating point ('stalled'). The history records per iteration the loss, ||∇L||₂, the step taken
// (||x_{k+1} - x_k||₂) and the chosen coordinates, sampled to at most 4096 entries (./history.ts).
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import type { Poly, PolyRing } from '../poly.js';
import { checkInterrupt, type ComputeOptions } from '../progress.js';
import { cholesky, choleskySolve } from '../dense/cholesky.js';
import { SampledHistory } from './history.js';
import { RealProgram } from './real-program.js';

export type OptimizerMethod = 'gd' | 'heavy-ball' | 'nesterov' | 'adam' | 'newton';
export const OPTIMIZER_METHODS: readonly OptimizerMethod[] = ['gd', 'heavy-ball', 'nesterov', 'adam', 'newton'];

export type StopReason = 'gradient' | 'iterations' | 'diverged' | 'stalled';

export interface MinimizeOptions extends ComputeOptions {
  readonly method: OptimizerMethod;
  /** x_0, one entry per variable. */
  readonly init: ArrayLike<number>;
  /** η (default 10⁻² for gd, heavy-ball, nesterov; 10⁻³ for adam; 1 for newton: its first trial step). */
  readonly step?: number;
  /** The iteration budget (default 10000; newton 100). */
  readonly iterations?: number;
  /** Stop when ||∇L||₂ ≤ tolerance (default 10⁻⁸). */
  readonly tolerance?: number;
  /** β of heavy-ball and nesterov (default 0.9). */
  readonly momentum?: number;
  /** Adam's β1, β2, ε. */
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
  /** The coordinates (variable indices) recorded per iteration (default: all). */
  readonly track?: readonly number[];
}

export interface MinimizeHistory {
  readonly iteration: readonly number[];
  readonly loss: readonly number[];
  readonly gradientNorm: readonly number[];
  readonly step: readonly number[];
  /** coordinates[j][e]: the tracked variable track[j] at the e-th recorded iteration. */
  readonly coordinates: readonly (readonly number[])[];
}

export interface MinimizeResult {
  readonly method: OptimizerMethod;
  readonly x: Float64Array;
  readonly loss: number;
  readonly gradientNorm: number;
  /** Iterations taken (updates of x). */
  readonly iterations: number;
  readonly reason: StopReason;
  readonly converged: boolean;
  /** Evaluations of L and ∇L (and of ∇²L for newton). */
  readonly evaluations: number;
  readonly track: readonly number[];
  readonly history: MinimizeHistory;
  /** The method with its parameters, in words. */
  readonly description: string;
}

/** The rounding of a computed loss value relative to Σ|terms|: Armijo's test allows it, so that near a minimum, where L no longer changes in floating point, full Newton steps are still taken. */
const ROUNDING = 8 * Number.EPSILON;

const DEFAULT_STEP: Record<OptimizerMethod, number> = { gd: 1e-2, 'heavy-ball': 1e-2, nesterov: 1e-2, adam: 1e-3, newton: 1 };

function positive(name: string, v: number | undefined, fallback: number, below?: number): number {
  const x = v ?? fallback;
  if (!(x > 0) || !Number.isFinite(x) || (below !== undefined && !(x < below))) {
    throw new MathError('domain', `${name} must be a positive number${below !== undefined ? ` below ${below}` : ''}, got ${x}`);
  }
  return x;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}

function finite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}

/** Minimizes the polynomial f of R from options.init by options.method (see the header). */
export function minimize(R: PolyRing<Rat>, f: Poly<Rat>, options: MinimizeOptions): MinimizeResult {
  const n = R.nvars;
  const method = options.method;
  if (!OPTIMIZER_METHODS.includes(method)) throw new MathError('domain', `unknown method "${method as string}" (${OPTIMIZER_METHODS.join(', ')})`);
  if (options.init.length !== n) throw new MathError('shape', `the initial point needs ${n} coordinates (one per variable), got ${options.init.length}`);
  const eta = positive('step', options.step, DEFAULT_STEP[method]);
  const budget = options.iterations ?? (method === 'newton' ? 100 : 10000);
  if (!Number.isInteger(budget) || budget < 0) throw new MathError('domain', `iterations must be a non-negative integer, got ${budget}`);
  const tolerance = options.tolerance ?? 1e-8;
  if (!(tolerance >= 0)) throw new MathError('domain', `tolerance must be non-negative, got ${tolerance}`);
  const beta = positive('momentum', options.momentum, 0.9, 1);
  const beta1 = positive('beta1', options.beta1, 0.9, 1);
  const beta2 = positive('beta2', options.beta2, 0.999, 1);
  const epsilon = positive('epsilon', options.epsilon, 1e-8);
  const track = options.track ?? Array.from({ length: n }, (_, i) => i);
  if (track.some((i) => !Number.isInteger(i) || i < 0 || i >= n)) throw new MathError('domain', 'track lists variables of the loss\'s ring');

  const program = new RealProgram(n, [f]);
  const hessianProgram = method === 'newton' ? new RealProgram(n, R.vars.map((_, i) => R.diff(f, i))) : null;
  const value = new Float64Array(1);
  const magnitude = new Float64Array(1);
  let evaluations = 0;
  /** L and ∇L at x (into g); magnitude[0] = Σ|terms of L at x|. */
  const evaluate = (x: Float64Array, g: Float64Array): number => {
    evaluations++;
    program.evaluate(x, value, g, magnitude);
    return value[0]!;
  };

  const names = ['loss', 'gradientNorm', 'step', ...track.map((_, j) => `x${j}`)];
  const history = new SampledHistory<string>(names);
  const record = (k: number, x: Float64Array, loss: number, gn: number, step: number) => {
    const row: Record<string, number> = { loss, gradientNorm: gn, step };
    track.forEach((i, j) => (row[`x${j}`] = x[i]!));
    history.push(k, row);
  };

  let x = Float64Array.from(options.init);
  if (!finite(x)) throw new MathError('domain', 'the initial point has a non-finite coordinate');
  const g = new Float64Array(n);
  let loss = evaluate(x, g);
  if (!Number.isFinite(loss)) throw new MathError('domain', 'the loss is not finite at the initial point');
  let gn = norm(g);
  record(0, x, loss, gn, 0);

  // Method state.
  const previous = Float64Array.from(x);
  const next = new Float64Array(n);
  const y = new Float64Array(n);
  const gy = new Float64Array(n);
  const m1 = new Float64Array(n);
  const m2 = new Float64Array(n);
  const H = method === 'newton' ? { rows: n, cols: n, stride: n, data: new Float64Array(n * n) } : null;
  const gradValues = new Float64Array(n);

  let reason: StopReason = 'iterations';
  let k = 0;
  let lastStep = 0;
  while (true) {
    if (gn <= tolerance) {
      reason = 'gradient';
      break;
    }
    if (k >= budget) break;
    checkInterrupt(options.signal);
    if (options.onProgress && k % 1000 === 999) options.onProgress({ stage: 'minimize', message: `${method}: iteration ${k + 1}, loss ${loss.toPrecision(6)}, |∇L| ${gn.toPrecision(3)}` });
    switch (method) {
      case 'gd':
        for (let i = 0; i < n; i++) next[i] = x[i]! - eta * g[i]!;
        break;
      case 'heavy-ball':
        for (let i = 0; i < n; i++) next[i] = x[i]! - eta * g[i]! + beta * (x[i]! - previous[i]!);
        break;
      case 'nesterov': {
        for (let i = 0; i < n; i++) y[i] = x[i]! + beta * (x[i]! - previous[i]!);
        const ly = evaluate(y, gy);
        if (!Number.isFinite(ly)) {
          reason = 'diverged';
          break;
        }
        for (let i = 0; i < n; i++) next[i] = y[i]! - eta * gy[i]!;
        break;
      }
      case 'adam': {
        const t = k + 1;
        const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t;
        for (let i = 0; i < n; i++) {
          m1[i] = beta1 * m1[i]! + (1 - beta1) * g[i]!;
          m2[i] = beta2 * m2[i]! + (1 - beta2) * g[i]! * g[i]!;
          next[i] = x[i]! - (eta * (m1[i]! / c1)) / (Math.sqrt(m2[i]! / c2) + epsilon);
        }
        break;
      }
      case 'newton': {
        hessianProgram!.evaluate(x, gradValues, H!.data);
        const d = newtonDirection(H!, g);
        let slope = 0;
        for (let i = 0; i < n; i++) slope += g[i]! * d[i]!;
        let alpha = eta;
        let accepted = false;
        const noise = ROUNDING * magnitude[0]!; // the rounding of L at x
        for (let halvings = 0; halvings < 60; halvings++, alpha /= 2) {
          let moved = false;
          for (let i = 0; i < n; i++) {
            next[i] = x[i]! + alpha * d[i]!;
            if (next[i] !== x[i]) moved = true;
          }
          if (!moved) break;
          const trial = evaluate(next, y);
          if (Number.isFinite(trial) && trial <= loss + 1e-4 * alpha * slope + noise + ROUNDING * magnitude[0]!) {
            accepted = true;
            break;
          }
        }
        if (!accepted) reason = 'stalled';
        break;
      }
    }
    if (reason !== 'iterations') break;
    if (!finite(next)) {
      reason = 'diverged';
      break;
    }
    const nextLoss = evaluate(next, gy);
    if (!Number.isFinite(nextLoss)) {
      reason = 'diverged';
      break;
    }
    let step = 0;
    for (let i = 0; i < n; i++) step += (next[i]! - x[i]!) ** 2;
    lastStep = Math.sqrt(step);
    previous.set(x);
    x.set(next);
    g.set(gy);
    loss = nextLoss;
    gn = norm(g);
    k++;
    if (history.wants(k)) record(k, x, loss, gn, lastStep);
  }
  record(k, x, loss, gn, lastStep);
  const cols = history.columns as Record<string, number[]>;
  x = Float64Array.from(x);
  const params =
    method === 'gd'
      ? `step ${eta}`
      : method === 'heavy-ball' || method === 'nesterov'
        ? `step ${eta}, momentum ${beta}`
        : method === 'adam'
          ? `step ${eta}, beta1 ${beta1}, beta2 ${beta2}, epsilon ${epsilon}`
          : `first trial step ${eta}, Armijo backtracking, Hessian shifted until positive definite`;
  return {
    method,
    x,
    loss,
    gradientNorm: gn,
    iterations: k,
    reason,
    converged: reason === 'gradient',
    evaluations,
    track,
    history: {
      iteration: cols['iteration']!,
      loss: cols['loss']!,
      gradientNorm: cols['gradientNorm']!,
      step: cols['step']!,
      coordinates: track.map((_, j) => cols[`x${j}`]!),
    },
    description: `${method} (${params}); stopped: ${reasonText(reason, tolerance, budget)} after ${k} iteration${k === 1 ? '' : 's'}`,
  };
}

export function reasonText(reason: StopReason, tolerance: number, budget: number): string {
  switch (reason) {
    case 'gradient':
      return `|∇L| ≤ ${tolerance}`;
    case 'iterations':
      return `the budget of ${budget} iterations`;
    case 'diverged':
      return 'the loss or the iterate became non-finite (diverged; the last finite iterate is returned)';
    case 'stalled':
      return 'the line search found no decrease';
  }
}

/** d with (H + τI) d = -g, τ ≥ 0 the first shift (0, then 10⁻³·max|diag H| doubling) that makes H + τI positive definite. */
function newtonDirection(H: { rows: number; cols: number; stride: number; data: Float64Array }, g: Float64Array): Float64Array {
  const n = H.rows;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(H.data[i * n + i]!));
  let tau = 0;
  const shifted = { rows: n, cols: n, stride: n, data: new Float64Array(n * n) };
  for (let attempt = 0; attempt < 200; attempt++) {
    shifted.data.set(H.data);
    for (let i = 0; i < n; i++) shifted.data[i * n + i] = shifted.data[i * n + i]! + tau;
    try {
      const L = cholesky(shifted);
      const d = choleskySolve(L, g);
      for (let i = 0; i < n; i++) d[i] = -d[i]!;
      if (finite(d)) return d;
    } catch (e) {
      if (!(e instanceof MathError)) throw e;
    }
    tau = tau === 0 ? Math.max(1e-3 * scale, 1e-8) : 2 * tau;
  }
  // Never positive definite in 200 doublings: the steepest-descent direction.
  return g.map((v) => -v);
}
