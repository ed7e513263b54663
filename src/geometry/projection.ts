// Linear projections π(x) = A x (A a k×n rational matrix of rank k) restricted to a variety X:
// image, ramification locus and branch locus.
//
// - projection(Q): A = a basis of the row space of the form Q (ker A = ker Q), exact over QQ.
// - image(π, X): the closure of π(X), by eliminating x from I + (y - A x) (fresh coordinates y[1..k]).
// - ramification(π, X): the points of X_reg where dπ restricted to T_x X has rank below min(dim X, k)
//   (Marchetti–Connelly–Breiding–Kohn, arXiv:2512.21029, §2). With J the Jacobian of c combinations
//   of the generators (see ./critical.ts), rank(dπ|T_xX) = rank [J; A] - c, so the ideal is
//   I + the (c + min(m, k))-minors of [J; A], saturated by the guard of the singular locus, and
//   reported reduced: its radical (../math/decompose), so that a single point has degree 1.
// - branch(π, X) = closure of π(ramification).
import { MathError } from '../math/errors.js';
import { QQ, type Rat } from '../math/field.js';
import { radicalInAnyDimension } from '../math/decompose/index.js';
import * as ideals from '../math/ideal.js';
import { Ideal } from '../math/ideal-handle.js';
import { rank as matrixRank } from '../math/linalg/matrix.js';
import { PolyRing } from '../math/poly.js';
import type { ComputeOptions } from '../math/progress.js';
import type { Random } from '../math/random.js';
import { combination, embed, type QQPoly, type QQRing } from './common.js';
import { normalData, ramificationMinors } from './critical.js';
import { type Form, rowSpaceBasis } from './forms.js';
import { type Variety, variety } from './variety.js';

export interface Projection {
  /** k×n, rank k. */
  readonly matrix: readonly (readonly Rat[])[];
  /** The form it came from, if any. */
  readonly form?: Form;
}

export function projectionFromMatrix(A: readonly (readonly Rat[])[]): Projection {
  if (A.length === 0) throw new MathError('shape', 'a projection needs at least one row');
  const n = A[0]!.length;
  if (A.some((r) => r.length !== n)) throw new MathError('shape', 'the rows of the matrix have different lengths');
  const r = matrixRank(QQ, A);
  if (r !== A.length) throw new MathError('rank', `projection(A) needs a matrix of full row rank: it has ${A.length} rows but rank ${r}`);
  return { matrix: A.map((row) => row.slice()) };
}

export function projectionFromForm(Q: Form): Projection {
  const P = rowSpaceBasis(Q);
  if (P.length === 0) throw new MathError('rank', 'the zero form has no projection (its kernel is everything)');
  return { matrix: P, form: Q };
}

export function sourceDimension(p: Projection): number {
  return p.matrix[0]!.length;
}

export function targetDimension(p: Projection): number {
  return p.matrix.length;
}

function checkAmbient(p: Projection, X: Variety): void {
  if (sourceDimension(p) !== X.ring.nvars) {
    throw new MathError('shape', `the projection maps C^${sourceDimension(p)} but the variety lives in C^${X.ring.nvars}`);
  }
}

/** A x as polynomials of R. */
export function applyProjection(R: QQRing, p: Projection): QQPoly[] {
  return p.matrix.map((row) => combination(R, row, row.map((_, j) => R.variable(j))));
}

/** The fresh target ring of a projection: y[1..k]. */
export function targetRing(p: Projection): QQRing {
  return new PolyRing(QQ, Array.from({ length: targetDimension(p) }, (_, i) => `y[${i + 1}]`));
}

/** The closure of π(X) in `target` (default y[1..k]), by elimination. */
export function projectVariety(p: Projection, X: Variety, target: QQRing = targetRing(p), options: ComputeOptions = {}): Variety {
  checkAmbient(p, X);
  const R = X.ring;
  const n = R.nvars;
  const k = targetDimension(p);
  const S = new PolyRing(QQ, [...R.vars, ...target.vars.map((v) => `_${v}`)]);
  const Ax = applyProjection(R, p);
  const gens = [...X.gens.map((g) => embed(R, S, g)), ...Ax.map((f, i) => S.sub(S.variable(n + i), embed(R, S, f)))];
  const eliminated = ideals.eliminate(S, gens, Array.from({ length: n }, (_, i) => i), options);
  const down = eliminated.map((f: QQPoly) => target.fromTerms(f.mons.map((m, c) => [m.slice(n) as Int32Array, f.coeffs[c]!] as const)));
  void k;
  return variety(target, down, { name: X.name ? `image of ${X.name}` : undefined });
}

/** The ramification locus of π on X, as a variety in X's ring. */
export function ramificationLocus(p: Projection, X: Variety, random: Random, options: ComputeOptions = {}): Variety {
  checkAmbient(p, X);
  const N = normalData(X, random, options);
  const conditions = ramificationMinors(N, p.matrix);
  const R = X.ring;
  // When every minor vanishes identically, π ramifies everywhere on X and the locus is X itself.
  const gens = ideals.saturateByPolynomial(R, [...X.gens, ...conditions], N.guard, options);
  // The seed is read without advancing the stream: the radical does not depend on it.
  const reduced = radicalInAnyDimension(new Ideal(R, gens), { ...options, seed: random.clone().nextUint32() }).value.gens as QQPoly[];
  return variety(R, reduced, { name: X.name ? `ramification of ${X.name}` : undefined });
}

/** The branch locus: the closure of π(ramification locus). */
export function branchLocus(p: Projection, X: Variety, random: Random, options: ComputeOptions = {}): Variety {
  return projectVariety(p, ramificationLocus(p, X, random, options), targetRing(p), options);
}
