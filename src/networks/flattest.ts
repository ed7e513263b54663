// The flattest zero-loss point of a non-negative polynomial loss L (a sum of squares, such as the
// recovery losses of ./recovery.ts or a network loss without regularization): a minimizer of the
// trace of the Hessian T(θ) = tr ∇²L(θ) on the zero set {L = 0}, found numerically.
//
// Method: the quadratic penalty method (J. Nocedal, S. J. Wright, "Numerical Optimization", 2nd ed.,
// §17.1, Framework 17.1): L ≥ 0 is already the squared residual of the constraints, so the penalized
// objective is the polynomial φ_μ = T + μ L. A first phase reaches the zero-loss set: Newton on L
// itself from the start (without it, φ_μ for small μ pulls the iterate to stationary points of T such
// as the origin, which are stationary for L too on homogeneous models and then never left). Each
// round then minimizes φ_μ by Newton's method with Hessian modification and line search
// (src/math/optimize/minimize.ts), warm-started at the previous round's point (so the iterate tracks
// the zero-loss set as T decreases along it), then multiplies μ by `growth`; it stops when L ≤ `lossTolerance` after a converged round, or
// after `rounds` rounds. As μ → ∞ the minimizers of φ_μ approach a minimizer of T on {L = 0}
// (Theorem 17.1 of Nocedal–Wright for global minimizers; here Newton finds local ones), from below:
// T(θ_μ) ≤ min_{L=0} T. T is exact (traceHessian), compiled with L once per round.
// Checked against the closed form 4√(n1 n2)||M||_* of full observation (./flatness.ts).
import { MathError } from '../math/errors.js';
import type { Rat } from '../math/field.js';
import { doubleToDyadic, dyadicToRat } from '../math/interval/dyadic.js';
import { RealProgram } from '../math/optimize/real-program.js';
import { minimize } from '../math/optimize/minimize.js';
import type { Poly, PolyRing } from '../math/poly.js';
import { checkInterrupt, type ComputeOptions } from '../math/progress.js';
import { traceHessian } from './flatness.js';

export interface FlattestOptions extends ComputeOptions {
  readonly init: ArrayLike<number>;
  /** μ of the first round (default 10). */
  readonly penalty?: number;
  /** The factor of μ between rounds (default 10). */
  readonly growth?: number;
  /** At most this many rounds (default 12). */
  readonly rounds?: number;
  /** Stop when L ≤ lossTolerance (default 1e-10). */
  readonly lossTolerance?: number;
  /**
   * Newton iterations per round (default 2000): near a minimizer where factors of a coordinate vanish
   * or balance slowly (depth-3 diagonal networks) Newton with Hessian modification needs hundreds to
   * thousands of iterations per round; a budget of 200 stopped there far from the constrained minimum.
   */
  readonly iterations?: number;
}

export interface FlattestRound {
  readonly penalty: number;
  readonly loss: number;
  readonly trace: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface FlattestResult {
  readonly x: Float64Array;
  readonly loss: number;
  readonly trace: number;
  readonly rounds: readonly FlattestRound[];
  /** L ≤ lossTolerance at the end. */
  readonly feasible: boolean;
  readonly traceHessian: Poly<Rat>;
}

export function flattestZeroLoss(R: PolyRing<Rat>, L: Poly<Rat>, options: FlattestOptions): FlattestResult {
  const growth = options.growth ?? 10;
  const maxRounds = options.rounds ?? 12;
  const tolerance = options.lossTolerance ?? 1e-10;
  let mu = options.penalty ?? 10;
  if (!(mu > 0) || !(growth > 1) || !(maxRounds >= 1) || !(tolerance >= 0)) {
    throw new MathError('domain', 'the penalty must be positive, its growth above 1, at least one round and a non-negative tolerance');
  }
  if (options.init.length !== R.nvars) throw new MathError('shape', `the initial point needs ${R.nvars} coordinates, got ${options.init.length}`);
  const T = traceHessian(R, L);
  const values = new RealProgram(R.nvars, [L, T]);
  const out = new Float64Array(2);
  let x: Float64Array = Float64Array.from(options.init);
  const rounds: FlattestRound[] = [];
  // Phase 1: onto the zero-loss set (recorded as the round with penalty ∞).
  const feasibility = minimize(R, L, { method: 'newton', init: x, iterations: options.iterations ?? 2000, tolerance: 1e-9, signal: options.signal });
  x = feasibility.x;
  values.evaluate(x, out, null);
  rounds.push({ penalty: Infinity, loss: out[0]!, trace: out[1]!, iterations: feasibility.iterations, converged: feasibility.converged });
  for (let round = 0; round < maxRounds; round++) {
    checkInterrupt(options.signal);
    options.onProgress?.({ stage: 'flattest', message: `penalty round ${round + 1}: μ = ${mu}` });
    const phi = R.add(T, R.scale(L, dyadicToRat(doubleToDyadic(mu))));
    const r = minimize(R, phi, { method: 'newton', init: x, iterations: options.iterations ?? 2000, tolerance: 1e-9 * Math.max(1, mu), signal: options.signal });
    x = r.x;
    values.evaluate(x, out, null);
    rounds.push({ penalty: mu, loss: out[0]!, trace: out[1]!, iterations: r.iterations, converged: r.converged });
    if (out[0]! <= tolerance) break;
    mu *= growth;
  }
  const last = rounds.at(-1)!;
  return { x, loss: last.loss, trace: last.trace, rounds, feasible: last.loss <= tolerance, traceHessian: T };
}
