// Certified numerical stationary points of a polynomial loss, with Morse indices decided by interval
// inertia of the Hessian on the Krawczyk boxes.
//
// Representation: the loss f over QQ; its gradient system (∂f/∂x_i) is solved by ./solve-numerical.ts.
// At each solution proved real, the enclosure's real parts are converted to dyadic intervals exactly
// (a double is a dyadic number), the Hessian ∂²f/∂x_i∂x_j is evaluated on that box with exact
// rational coefficients (../interval/evaluate.ts), and the interval LDLᵀ of ../interval/ldl.ts
// decides the inertia of every symmetric matrix in the intervals, so of the Hessian at the stationary
// point, which lies in the box (the same certificate as the exact route's ../real-inertia.ts, with the
// point known by a certified box instead of an exact parametrization). When the intervals cannot
// decide (a degenerate Hessian, or one too ill-conditioned for the box) the index is left undecided
// and the result says so; it is never guessed. The loss value is enclosed on the same box.
import type { Rat } from '../field.js';
import { dyadicToNumber, dyadicToRat } from '../interval/dyadic.js';
import { evaluateOnBox } from '../interval/evaluate.js';
import { type Interval, intervalInertia } from '../interval/index.js';
import { hessian } from '../linalg/polymatrix.js';
import type { Poly, PolyRing } from '../poly.js';
import type { Interrupt } from '../progress.js';
import { doubleToDyadic } from '../interval/dyadic.js';
import { floatToRat } from './float-interval.js';
import type { Certificate } from './krawczyk.js';
import { QQ } from '../field.js';
import { type AffineFamily, regularizerFamily } from './family.js';
import { type MonodromyOptions, type MonodromyStatistics, type SweepOptions, monodromySolve, parameterSweep } from './monodromy.js';
import { type NumericalSolveOptions, type NumericalSolveResult, realIntervalText, solveNumerical } from './solve-numerical.js';

export interface CertifiedStationaryPoint {
  /** Coordinates (decimals, the digits their enclosures prove). */
  readonly coordinates: string[];
  /** The loss value (decimal, the digits its enclosure proves). */
  readonly value: string;
  /** The Morse index (negative eigenvalues of the Hessian), or null when the intervals could not decide it. */
  readonly index: number | null;
}

export interface CertifiedMorseResult {
  /** The real points sorted by loss value. */
  readonly points: CertifiedStationaryPoint[];
  /** indices[k]: the real points of Morse index k (decided ones). */
  readonly indices: number[];
  /** Non-degenerate local minima (index 0, decided). */
  readonly minima: number;
  /** Real points whose inertia the intervals could not decide. */
  readonly undecided: number;
}

/** Morse indices and loss values at the solutions proved real, by interval inertia of the Hessian. */
export function certifiedMorseIndices(R: PolyRing<Rat>, f: Poly<Rat>, solutions: readonly Certificate[], digits: number, signal?: Interrupt): CertifiedMorseResult {
  const n = R.nvars;
  const H = hessian(R, f);
  const sorted: { point: CertifiedStationaryPoint; mid: number; coords: number[] }[] = [];
  for (const c of solutions) {
    if (c.real !== true) continue;
    const box: Interval[] = c.enclosure.map((e) => ({ lo: doubleToDyadic(e.rl), hi: doubleToDyadic(e.rh) }));
    const inertia = intervalInertia(
      H.map((row) => row.map((h) => evaluateOnBox(h, box))),
      { signal },
    );
    const value = evaluateOnBox(f, box);
    sorted.push({
      point: {
        coordinates: c.enclosure.map((e) => realIntervalText(floatToRat(e.rl), floatToRat(e.rh), digits)),
        value: realIntervalText(dyadicToRat(value.lo), dyadicToRat(value.hi), digits),
        index: inertia.decided && inertia.positive + inertia.negative === n ? inertia.negative : null,
      },
      mid: (dyadicToNumber(value.lo) + dyadicToNumber(value.hi)) / 2,
      coords: Array.from(c.center).filter((_, i) => i % 2 === 0),
    });
  }
  sorted.sort((a, b) => a.mid - b.mid || compareVectors(a.coords, b.coords));
  const points = sorted.map((s) => s.point);
  const indices = new Array<number>(n + 1).fill(0);
  for (const p of points) if (p.index !== null) indices[p.index]!++;
  return { points, indices, minima: indices[0]!, undecided: points.filter((p) => p.index === null).length };
}

function compareVectors(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

export interface NumericalStationaryResult {
  readonly solve: NumericalSolveResult;
  readonly morse: CertifiedMorseResult;
  /** The Bézout number Π deg ∂f/∂x_i (the paths of the total-degree homotopy). */
  readonly bezout: bigint;
}

/** The stationary points of f by certified homotopy continuation on its gradient, with certified Morse indices. */
export function stationaryNumerical(R: PolyRing<Rat>, f: Poly<Rat>, options: NumericalSolveOptions = {}): NumericalStationaryResult {
  const gradient = R.vars.map((_, i) => R.diff(f, i));
  const bezout = gradient.reduce((b, g) => b * BigInt(Math.max(0, R.degree(g))), 1n);
  const solve = solveNumerical(R, gradient, options);
  const morse = certifiedMorseIndices(R, f, solve.solutions, options.digits ?? 15, options.signal);
  return { solve, morse, bezout };
}

/**
 * The stationary points of f by monodromy on the family of its gradient with a diagonal L2
 * perturbation (∂f/∂x_i + q_i·x_i, target q = 0: ./family.ts), then certified Morse indices as above.
 */
export function stationaryMonodromy(R: PolyRing<Rat>, f: Poly<Rat>, options: MonodromyOptions = {}): NumericalStationaryResult {
  const gradient = R.vars.map((_, i) => R.diff(f, i));
  const bezout = gradient.reduce((b, g) => b * BigInt(Math.max(0, R.degree(g))), 1n);
  const solve = monodromySolve(regularizerFamily(R, gradient), options);
  const morse = certifiedMorseIndices(R, f, solve.solutions, options.digits ?? 15, options.signal);
  return { solve, morse, bezout };
}

/**
 * The family of a sweep over losses L_1..L_K of the same parameters (data draws of one network): the
 * gradients' affine span with the diagonal L2 perturbation, ∇L_1 + Σ_{k≥2} s_k·(∇L_k - ∇L_1) + Σ_i q_i·θ_i,
 * instance k at s = e_k (s = 0 for k = 1), q = 0. A squared loss depends on its data affinely through
 * the moments Σ_j x_j x_jᵀ, Σ_j x_j y_jᵀ (and on its regularizer weights affinely), so the data enter
 * the gradient affinely through these and the span is a family of the kind monodromy and the
 * parameter homotopy take (./family.ts); the parameter homotopy from its generic member reaches every
 * isolated stationary point of each instance (Morgan and Sommese 1989).
 */
export function sweepFamily(R: PolyRing<Rat>, losses: readonly Poly<Rat>[]): { family: AffineFamily; instances: Rat[][] } {
  const gradients = losses.map((f) => R.vars.map((_, i) => R.diff(f, i)));
  const regularizer = regularizerFamily(R, gradients[0]!);
  const spans = gradients.slice(1).map((g) => g.map((gi, i) => R.sub(gi, gradients[0]![i]!)));
  const family: AffineFamily = {
    ring: R,
    base: gradients[0]!,
    directions: [...spans, ...regularizer.directions],
    target: [...spans.map(() => QQ.zero), ...regularizer.target],
    names: [...spans.map((_, k) => `s_${k + 2}`), ...regularizer.names],
  };
  const instances = losses.map((_, k) => [...spans.map((_, j) => (j === k - 1 ? QQ.one : QQ.zero)), ...regularizer.target]);
  return { family, instances };
}

export interface StationarySweepResult {
  /** One result per loss, in order. */
  readonly results: NumericalStationaryResult[];
  readonly monodromy: MonodromyStatistics;
}

/**
 * The certified stationary points of many losses of the same parameters (data draws) from one start
 * set: monodromy once at a generic complex member of their family (`sweepFamily`; it stops at
 * options.generic, the family's generic count, when given), then a certified parameter homotopy to
 * each loss, with certified Morse indices as in `stationaryMonodromy`. A draw the parameter homotopy
 * leaves incomplete (the family's generic count exceeds the draw's when the draws have fewer data
 * points than inputs) is completed by monodromy at the draw in its own regularizer family, seeded by
 * the tracked points (`completeAtInstance` of ./monodromy.ts), stopping at the draw's count.
 */
export function stationarySweep(R: PolyRing<Rat>, losses: readonly Poly<Rat>[], options: SweepOptions = {}): StationarySweepResult {
  const { family, instances } = sweepFamily(R, losses);
  // a draw left incomplete is completed by monodromy in its own regularizer family, at the draw
  const instanceFamily = (k: number) => regularizerFamily(R, R.vars.map((_, i) => R.diff(losses[k]!, i)));
  const { results, monodromy } = parameterSweep(family, instances, { instanceFamily, ...options });
  return {
    results: results.map((solve, k) => {
      const f = losses[k]!;
      const bezout = R.vars.reduce((b, _, i) => b * BigInt(Math.max(0, R.degree(R.diff(f, i)))), 1n);
      return { solve, morse: certifiedMorseIndices(R, f, solve.solutions, options.digits ?? 15, options.signal), bezout };
    }),
    monodromy,
  };
}
