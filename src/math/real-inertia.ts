// Exact inertia of a symmetric polynomial matrix at the real solutions of a zero-dimensional system.
//
// Role: the Morse indices of `stationary` and `criticalPoints` come from the modular parametrization
// and interval inertia (./realroots/point-inertia.ts). This module is kept as the exact fallback for
// systems where the parametrization does not apply (a non-radical ideal: the case of degenerate
// points, whose zero eigenvalues it reports exactly) and as the independent second route in tests.
//
// Input: a zero-dimensional ideal I = (gens) of QQ[x_1..x_n] (radical or not), a symmetric matrix
// S(x) of polynomials and some extra polynomials h_j (loss values, say). Output: the numbers of
// distinct complex and real solutions and, for each distinct real solution ξ, the exact inertia
// (n+, n-, n0) of S(ξ), the exact signs of h_j(ξ) and decimals of the coordinates and of h_j(ξ).
//
// Route (no floating point decides anything):
// 1. A rational univariate representation of I (./solve.ts, Rouillier 1999): a square-free f(T) and
//    polynomials q_i(T) with the distinct solutions ξ = (q_1(θ), ..., q_n(θ)) for the roots θ of f.
// 2. Every entry of S and every h_j is carried to Q[T]/(f) by substituting x_i = q_i(T)
//    (`evaluateAtRepresentation`).
// 3. The real roots θ_k of f are isolated exactly (./univariate.ts); at each one the inertia of S(θ_k)
//    comes from `signatureAlgebraic` (./linalg/signature.ts): the characteristic polynomial of S in
//    Q[T]/(f) by Berkowitz's division-free algorithm (f need not be irreducible), the sign of each of
//    its coefficients at θ_k decided exactly (zero by a gcd with f, other signs by interval
//    refinement), then Descartes' rule of signs, exact for the real-rooted characteristic polynomial
//    of a real symmetric matrix.
// The signs of the h_j(θ_k) are decided the same way (`signsAtRoot`).
import { MathError } from './errors.js';
import { isRationalField } from './domain.js';
import type { Rat } from './field.js';
import { type Inertia, signatureAlgebraic } from './linalg/signature.js';
import type { Poly, PolyRing } from './poly.js';
import type { Interrupt, ProgressEvent } from './progress.js';
import { checkInterrupt } from './progress.js';
import { evaluateAtRepresentation, rationalUnivariateRepresentation } from './solve.js';
import { algebraicToDecimal, isolateRealRoots, signsAtRoot } from './univariate/index.js';

export interface RealPointInfo {
  /** The coordinates, decimals with `digits` significant digits (exact rounding). */
  coordinates: string[];
  /** The exact inertia of the matrix at the point. */
  inertia: Inertia;
  /** The requested polynomials evaluated at the point, decimals. */
  values: string[];
  /** Their exact signs (-1, 0, 1). */
  signs: number[];
  /** The exact inertias of `options.more` at the point, in their order. */
  more: Inertia[];
}

export interface RealInertiaResult {
  /** Distinct complex solutions. */
  complex: number;
  /** Distinct real solutions. */
  real: number;
  /** One entry per distinct real solution, in increasing order of the separating form θ. */
  points: RealPointInfo[];
  /** How it was obtained. */
  method: string;
}

export interface RealInertiaOptions {
  /** Seed of the separating linear form of the rational univariate representation. */
  readonly seed: number;
  /** Significant digits of the decimals (default 30). */
  readonly digits?: number;
  /** Polynomials to evaluate (exact signs, decimals) at each real solution. */
  readonly evaluate?: readonly Poly<Rat>[];
  /** Further symmetric matrices whose inertias are wanted at each real solution (one representation for all). */
  readonly more?: readonly (readonly (readonly Poly<Rat>[])[])[];
  readonly signal?: Interrupt;
  readonly onProgress?: (event: ProgressEvent) => void;
}

/**
 * For the zero-dimensional ideal (gens) over QQ: the distinct complex and real solution counts, and
 * at each distinct real solution the exact inertia of the symmetric polynomial matrix `matrix`, with
 * the exact signs and decimals of the polynomials in `options.evaluate`.
 */
export function inertiaAtRealSolutions(
  R: PolyRing<Rat>,
  gens: readonly Poly<Rat>[],
  matrix: readonly (readonly Poly<Rat>[])[],
  options: RealInertiaOptions,
): RealInertiaResult {
  if (!isRationalField(R.field)) throw new MathError('bad-field', 'exact inertia at real solutions needs coefficients in QQ');
  const matrices = [matrix, ...(options.more ?? [])];
  for (const m of matrices) {
    for (const row of m) {
      if (row.length !== m.length) throw new MathError('not-square', `the matrix must be square, got ${m.length}x${row.length}`);
    }
    for (let i = 0; i < m.length; i++) {
      for (let j = 0; j < i; j++) {
        if (!R.equals(m[i]![j]!, m[j]![i]!)) throw new MathError('not-symmetric', `the matrix is not symmetric (entries ${i + 1},${j + 1} and ${j + 1},${i + 1} differ)`);
      }
    }
  }
  const digits = options.digits ?? 30;
  const extra = options.evaluate ?? [];
  const compute = { signal: options.signal, onProgress: options.onProgress, seed: options.seed };
  let rur;
  try {
    rur = rationalUnivariateRepresentation(R, gens, compute);
  } catch (e) {
    if (e instanceof MathError && e.code === 'no-solutions') return { complex: 0, real: 0, points: [], method: 'rur+berkowitz+descartes' };
    throw e;
  }
  const f = rur.polynomial;
  const complex = f.length - 1;
  options.onProgress?.({ stage: 'inertia', message: `rational univariate representation of degree ${complex}` });
  // Entries and extra polynomials as elements of Q[T]/(f).
  const reduce = (p: Poly<Rat>) => evaluateAtRepresentation(R, p, rur.coordinates, f);
  const reduced = matrices.map((m) => {
    const entries: Rat[][][] = [];
    for (let i = 0; i < m.length; i++) {
      const row: Rat[][] = [];
      for (let j = 0; j < m.length; j++) row.push(j < i ? entries[j]![i]! : reduce(m[i]![j]!));
      entries.push(row);
    }
    return entries;
  });
  const values = extra.map(reduce);
  const roots = isolateRealRoots(f);
  const points: RealPointInfo[] = [];
  for (const root of roots) {
    checkInterrupt(options.signal);
    const [inertia, ...more] = reduced.map((entries) => (entries.length === 0 ? { positive: 0, negative: 0, zero: 0 } : signatureAlgebraic(entries, root)));
    const { signs, root: refined } = signsAtRoot(root, values);
    points.push({
      coordinates: rur.coordinates.map((q) => algebraicToDecimal(refined, q, digits)),
      inertia: inertia!,
      values: values.map((v) => algebraicToDecimal(refined, v, digits)),
      signs,
      more,
    });
  }
  options.onProgress?.({ stage: 'inertia', message: `${points.length} real solutions, inertia decided exactly` });
  return { complex, real: roots.length, points, method: 'rur+berkowitz+descartes' };
}
