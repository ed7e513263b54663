// The Cauchy endgame: the endpoint of a path that ends at a singular solution or at infinity, and the
// path's winding number.
//
// Representation: a path z(s) of a homotopy H(z, t), s = 1 - t, near s = 0 has a Puiseux expansion
// z(s) = Σ_k a_k s^{k/c} (c the winding number, at most the multiplicity of the endpoint; Morgan,
// Sommese and Wampler, "Computing singular solutions to nonlinear analytic systems", Numer. Math. 58,
// 1991). On the circle s = s₀·e^{iθ} the path comes back to its start after c turns, and by Cauchy's
// integral formula the endpoint is the mean of z over those c turns: z(0) = (1/2πc)∮z dθ. The loops
// are tracked in the complex t plane (`CircleHomotopy`: the parameter τ ∈ [0, c] with
// t(τ) = 1 - s₀·e^{2πiτ}, ∂H/∂τ = H_t·t'(τ)), sampled at M equally spaced angles per turn; the mean of
// the samples is the trapezoid rule, exact up to the terms of the expansion beyond order M·c, so it
// converges geometrically in s₀ (Bates, Hauenstein, Sommese, Wampler, "Numerically Solving Polynomial
// Systems with Bertini", SIAM 2013, §3.3.2). The points are projective (on the homotopy's chart): an
// endpoint with z₀ ≈ 0 is at infinity, and its other coordinates are its direction.
import type { Homotopy } from './homotopy.js';
import { PathTracker } from './tracker.js';

/** H(z, t(τ)) with t(τ) = 1 - s₀·e^{2πiτ}: loops around t = 1 at radius s₀. */
export class CircleHomotopy implements Homotopy {
  readonly dim: number;
  constructor(
    private readonly inner: Homotopy & Required<Pick<Homotopy, 'evaluateAt'>>,
    private readonly s0: number,
  ) {
    this.dim = inner.dim;
  }

  evaluate(z: Float64Array, tau: number, H: Float64Array, Hz: Float64Array, Ht: Float64Array | null): void {
    const a = 2 * Math.PI * tau;
    const er = Math.cos(a);
    const ei = Math.sin(a);
    this.inner.evaluateAt(z, 1 - this.s0 * er, -this.s0 * ei, H, Hz, Ht);
    if (Ht) {
      // t'(τ) = -2πi·s₀·e^{2πiτ}
      const dr = 2 * Math.PI * this.s0 * ei;
      const di = -2 * Math.PI * this.s0 * er;
      for (let i = 0; i < 2 * this.dim; i += 2) {
        const hr = Ht[i]!;
        const hi = Ht[i + 1]!;
        Ht[i] = hr * dr - hi * di;
        Ht[i + 1] = hr * di + hi * dr;
      }
    }
  }
}

export interface CauchyResult {
  /** The endpoint estimate (projective, on the chart). */
  readonly z: Float64Array;
  /** The winding number c (turns until the loop closes). */
  readonly winding: number;
  /** Steps taken around the loops. */
  readonly steps: number;
}

/**
 * The Cauchy endgame from z (the path at t = 1 - s₀, real): c turns until the loop closes (at most
 * maxWinding), then the mean of the samples; null when a loop cannot be tracked or does not close.
 */
export function cauchyEndgame(homotopy: Homotopy, z0: Float64Array, s0: number, options: { samples?: number; maxWinding?: number } = {}): CauchyResult | null {
  if (!homotopy.evaluateAt) return null;
  const samples = options.samples ?? 16;
  const maxWinding = options.maxWinding ?? 8;
  const circle = new CircleHomotopy(homotopy as Homotopy & Required<Pick<Homotopy, 'evaluateAt'>>, s0);
  const tracker = new PathTracker(circle, { maxStep: 1 / samples, aim: 1e-5, tolerance: 1e-10 });
  const m = 2 * homotopy.dim;
  const z = z0.slice(0, m);
  const start = z.slice();
  const sum = new Float64Array(m);
  let scale = 1;
  for (let i = 0; i < m; i++) scale = Math.max(scale, Math.abs(z[i]!));
  let steps = 0;
  for (let turn = 1; turn <= maxWinding; turn++) {
    for (let k = 0; k < samples; k++) {
      for (let i = 0; i < m; i++) sum[i] = sum[i]! + z[i]!;
      const tau = turn - 1 + k / samples;
      const r = tracker.advance(z, tau, tau + 1 / samples);
      steps += r.steps;
      if (!r.ok) return null;
    }
    let gap = 0;
    for (let i = 0; i < m; i++) gap = Math.max(gap, Math.abs(z[i]! - start[i]!));
    if (gap < 1e-6 * scale) {
      for (let i = 0; i < m; i++) sum[i] = sum[i]! / (turn * samples);
      return { z: sum, winding: turn, steps };
    }
  }
  return null;
}
