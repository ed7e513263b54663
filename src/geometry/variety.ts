// Affine varieties X ⊂ C^n given by generators of their ideal, optionally with a parametrization.
//
// Representation (plain data): `Variety { ring, gens, parametrization?, name? }` with `ring` a
// polynomial ring over QQ whose variables are the ambient coordinates x_1..x_n and `gens` the
// generators of the (assumed radical, equidimensional) ideal I(X). A parametrization is a polynomial
// map φ: C^p -> C^n, `{ ring, map }` with `map[i]` ∈ ring the i-th coordinate; when p = dim X and φ is
// generically finite it gives the second, parametric route to critical points (see ./critical.ts).
// Dimension, codimension and degree come from the Hilbert series of I, through one ideal handle per
// variety (`idealOf`, ../math/ideal-handle.ts, which keeps the Gröbner basis); `reducedDegree` is the
// degree of the reduced variety (the top-dimensional minimal primes of ../math/decompose), and
// `components` the irreducible components (all minimal primes, isolated points included); the
// singular locus is I + the c-minors of the Jacobian (c the codimension), the Jacobian criterion.
//
// References: Draisma, Horobeț, Ottaviani, Sturmfels, Thomas, "The Euclidean distance degree of an
// algebraic variety", Found. Comput. Math. 16 (2016) (DHOST 2016), §2.
import { isRationalField } from '../math/domain.js';
import { MathError } from '../math/errors.js';
import type { Rat } from '../math/field.js';
import { Ideal } from '../math/ideal-handle.js';
import { jacobian, minors } from '../math/linalg/polymatrix.js';
import { minimalPrimesOf, reducedDegree as reducedIdealDegree, type DecomposeOptions } from '../math/decompose/index.js';
import type { ComputeOptions } from '../math/progress.js';
import type { Provenance } from '../math/provenance.js';
import type { QQPoly, QQRing } from './common.js';

export interface Parametrization {
  /** The parameter ring (its variables are the parameters t_1..t_p). */
  readonly ring: QQRing;
  /** One polynomial of `ring` per ambient coordinate. */
  readonly map: readonly QQPoly[];
  /** The number of preimages of a general point of the image, when known. */
  readonly degree?: number;
}

export interface Variety {
  readonly ring: QQRing;
  readonly gens: readonly QQPoly[];
  readonly parametrization?: Parametrization;
  /** How it was made, e.g. `determinantal(2, 3, 1)`. */
  readonly name?: string;
  /** Known dimension (saves a Hilbert series), when the constructor knows it. */
  readonly knownDimension?: number;
  /** Known degree, when the constructor knows it. */
  readonly knownDegree?: number;
}

export function variety(ring: QQRing, gens: readonly QQPoly[], extra: Omit<Variety, 'ring' | 'gens'> = {}): Variety {
  if (!isRationalField(ring.field)) throw new MathError('bad-field', 'varieties need a ring over QQ');
  return { ring, gens: gens.filter((g) => g.mons.length > 0), ...extra };
}

const handles = new WeakMap<Variety, Ideal<Rat>>();

/** The ideal handle of X: one per variety, so its Gröbner bases and Hilbert series are computed once. */
export function idealOf(X: Variety): Ideal<Rat> {
  let I = handles.get(X);
  if (!I) {
    I = new Ideal(X.ring, X.gens);
    handles.set(X, I);
  }
  return I;
}

/** dim X (the Krull dimension of R/I; -1 for the empty variety). */
export function dimension(X: Variety, options: ComputeOptions = {}): number {
  return X.knownDimension ?? idealOf(X).dimension(options).value;
}

/** codim X = n - dim X. */
export function codimension(X: Variety, options: ComputeOptions = {}): number {
  return X.ring.nvars - dimension(X, options);
}

/** deg X from the Hilbert polynomial of its ideal (with multiplicities when the ideal is not radical). */
export function degree(X: Variety, options: ComputeOptions = {}): number {
  return X.knownDegree ?? Number(idealOf(X).degree(options).value);
}

/** The degree of the reduced variety: the sum of the degrees of the top-dimensional components. */
export function reducedDegree(X: Variety, options: DecomposeOptions = {}): number {
  return X.knownDegree ?? Number(reducedIdealDegree(idealOf(X), options).value);
}

/**
 * The irreducible components of X over QQ (the minimal primes of its ideal), highest dimension first,
 * each a variety of known dimension whose ideal handle is the prime; with how they were obtained.
 */
export function components(X: Variety, options: DecomposeOptions = {}): { parts: Variety[]; provenance: Provenance } {
  const primes = minimalPrimesOf(idealOf(X), options);
  const parts = primes.value.map((P) => ({ P, d: P.dimension(options).value })).sort((a, b) => b.d - a.d);
  return {
    parts: parts.map(({ P, d }, k) => {
      const C = variety(X.ring, P.gens, { name: X.name ? `component ${k + 1} of ${X.name}` : undefined, knownDimension: d });
      handles.set(C, P);
      return C;
    }),
    provenance: primes.provenance,
  };
}

/** Whether every generator is homogeneous (X is an affine cone over a projective variety). */
export function isHomogeneous(X: Variety): boolean {
  return X.gens.every((g) => X.ring.isHomogeneous(g));
}

/** The ideal of the singular locus: I + the c-minors of Jac(g) (Jacobian criterion). */
export function singularLocusIdeal(X: Variety, options: ComputeOptions = {}): QQPoly[] {
  const c = codimension(X, options);
  if (c === 0) return [X.ring.one()]; // X = C^n is smooth
  if (c > X.ring.nvars) return [X.ring.one()]; // X is empty
  const J = jacobian(X.ring, X.gens);
  const ms = minors(X.ring, J, c).filter((m) => m.mons.length > 0);
  return [...X.gens, ...ms];
}

/** The singular locus as a variety (same ring). */
export function singularLocus(X: Variety, options: ComputeOptions = {}): Variety {
  return variety(X.ring, singularLocusIdeal(X, options), { name: X.name ? `singular(${X.name})` : undefined });
}
