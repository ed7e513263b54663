// Operations on ideals of a polynomial ring, always through the one Gröbner entry point
// (groebner/index.ts, reached through the caching handle of ideal-handle.ts), so that every
// operation benefits from the fastest engine and no basis is computed twice for one handle.
//
// Two forms: operations on handles (`Ideal<E>`, which keep their bases, Hilbert series and
// provenance: radicalOf, solveIdeal) and the same questions on a ring and generator list (dimension,
// degree, member, ...; each makes a handle for the occasion). Composite operations (elimination,
// intersection, saturation, quotient) report the provenance of every basis they compute to
// `options.onBasis`; `traced` collects it into the provenance of their result.
//
// - Elimination with a block order whose first block holds the eliminated variables (the variables
//   are permuted so that they come first; results are mapped back).
// - Intersection: I ∩ J = (t·I + (1 - t)·J) ∩ R; saturation I : g^∞ by Rabinowitsch's trick
//   (I + (1 - t·g)) ∩ R, and I : J^∞ = ∩_g I : g^∞; quotient I : J = ∩_g (I ∩ (g)) / g.
//   (Cox, Little, O'Shea, "Ideals, Varieties, and Algorithms", §4.3–4.4.)
// - Hilbert series, dimension, degree and standard monomials: hilbert.ts, from the cached basis.
// - Radical of a zero-dimensional ideal by Seidenberg's lemma: add the square-free parts of the
//   characteristic polynomials of the multiplications by each variable.
import { MathError } from './errors.js';
import type { Rat } from './field.js';
import { hilbertPolynomial as seriesPolynomial, type HilbertSeries } from './hilbert.js';
import { Ideal, derivedProvenance, type BasisOptions, type Derived } from './ideal-handle.js';
import { characteristicPolynomial } from './linalg/charpoly.js';
import type { Monomial } from './monomial.js';
import { PolyRing, type Poly } from './poly.js';
import { isCertified, timed, type Provenance } from './provenance.js';
import { multiplicationMatrices, quotientAlgebra } from './quotient.js';
import { countSolutions, solve, type KnownBasis, type SolutionCount, type SolveOptions, type SolveResult } from './solve.js';
import { UnivariateRing, univariateToPoly } from './univariate/index.js';

export { hilbertSeriesOfLeads, monomialHilbertNumerator, standardMonomials, type HilbertSeries } from './hilbert.js';
export { Ideal, type BasisOptions, type Derived, type GroebnerBasis } from './ideal-handle.js';

type Gens<E> = readonly Poly<E>[];

export interface IdealOptions extends BasisOptions {
  /** Receives the provenance of every Gröbner basis an operation computes on the way. */
  readonly onBasis?: (p: Provenance) => void;
}

/**
 * Runs a composite operation and returns its value with a provenance whose `from` lists every
 * Gröbner basis it computed (an operation that computed none is exact arithmetic: certified).
 */
export function traced<T, E>(algorithm: string, R: PolyRing<E>, options: IdealOptions, compute: (options: IdealOptions) => T): Derived<T> {
  const from: Provenance[] = [];
  const { value, seconds } = timed(() =>
    compute({
      ...options,
      onBasis: (p) => {
        from.push(p);
        options.onBasis?.(p);
      },
    }),
  );
  // The bases were computed in auxiliary rings and orders: the result's order is not theirs.
  const { order: _auxiliary, ...provenance } = derivedProvenance(algorithm, from, seconds, { field: R.field.name });
  return { value, provenance };
}

/** The reduced basis in R's order, reported to options.onBasis. */
export function reducedBasis<E>(R: PolyRing<E>, gens: Gens<E>, options: IdealOptions = {}): Poly<E>[] {
  const g = new Ideal(R, gens).groebner(options);
  options.onBasis?.(g.provenance);
  return g.basis.slice();
}

export function isUnitIdeal<E>(R: PolyRing<E>, gens: Gens<E>, options: BasisOptions = {}): boolean {
  return new Ideal(R, gens).isUnit(options);
}

export function member<E>(R: PolyRing<E>, f: Poly<E>, gens: Gens<E>, options: BasisOptions = {}): boolean {
  return new Ideal(R, gens).contains(f, options).value;
}

/** Same ideal: equal reduced Gröbner bases (the reduced basis is unique for a fixed order). */
export function idealEquals<E>(R: PolyRing<E>, a: Gens<E>, b: Gens<E>, options: BasisOptions = {}): boolean {
  return new Ideal(R, a).equals(new Ideal(R, b), options);
}

// ---------------------------------------------------------------------------------------------
// Elimination

/** A copy of R whose variables are permuted by `order` (new variable k is old variable order[k]). */
function permutedRing<E>(R: PolyRing<E>, order: readonly number[], firstBlock: number): PolyRing<E> {
  const vars = order.map((i) => R.vars[i]!);
  const rest = R.nvars - firstBlock;
  const blocks = [{ size: firstBlock, order: 'grevlex' as const }];
  if (rest > 0) blocks.push({ size: rest, order: 'grevlex' as const });
  return new PolyRing(R.field, vars, firstBlock === 0 || rest === 0 ? { kind: 'grevlex' } : { kind: 'block', blocks });
}

function permuteExponents(m: Monomial, order: readonly number[]): Monomial {
  const r = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) r[k] = m[order[k]!]!;
  return r;
}

function unpermuteExponents(m: Monomial, order: readonly number[]): Monomial {
  const r = new Int32Array(order.length);
  for (let k = 0; k < order.length; k++) r[order[k]!] = m[k]!;
  return r;
}

/** The generators of I ∩ k[other variables]: the reduced basis elements free of `eliminated`. */
export function eliminate<E>(R: PolyRing<E>, gens: Gens<E>, eliminated: readonly number[], options: IdealOptions = {}): Poly<E>[] {
  const drop = new Set(eliminated);
  if (drop.size === 0) return reducedBasis(R, gens, options);
  const order = [...drop, ...R.vars.map((_, i) => i).filter((i) => !drop.has(i))];
  const S = permutedRing(R, order, drop.size);
  const moved = gens.map((g) => S.fromTerms(g.mons.map((m, k) => [permuteExponents(m, order), g.coeffs[k]!] as [Monomial, E])));
  const basis = reducedBasis(S, moved, options);
  const free = basis.filter((g) => g.mons.every((m) => {
    for (let k = 0; k < drop.size; k++) if (m[k] !== 0) return false;
    return true;
  }));
  return free.map((g) => R.fromTerms(g.mons.map((m, k) => [unpermuteExponents(m, order), g.coeffs[k]!] as [Monomial, E])));
}

/** R with one more variable t in front, and the embedding of R's polynomials into it. */
function withExtraVariable<E>(R: PolyRing<E>): { T: PolyRing<E>; lift: (f: Poly<E>) => Poly<E>; t: Poly<E>; drop: (f: Poly<E>) => Poly<E> } {
  let name = 't';
  while (R.vars.includes(name)) name = `${name}_`;
  const T = new PolyRing(R.field, [name, ...R.vars], { kind: 'block', blocks: [{ size: 1, order: 'grevlex' }, { size: R.nvars, order: 'grevlex' }] });
  const lift = (f: Poly<E>) =>
    T.fromTerms(f.mons.map((m, k) => {
      const e = new Int32Array(R.nvars + 1);
      e.set(m, 1);
      return [e, f.coeffs[k]!] as [Monomial, E];
    }));
  const drop = (f: Poly<E>) => {
    if (f.mons.some((m) => m[0] !== 0)) throw new MathError('internal', 'elimination left the auxiliary variable');
    return R.fromTerms(f.mons.map((m, k) => [m.slice(1), f.coeffs[k]!] as [Monomial, E]));
  };
  return { T, lift, t: T.variable(0), drop };
}

/** I ∩ J = (t·I + (1 - t)·J) ∩ R. */
export function intersect<E>(R: PolyRing<E>, I: Gens<E>, J: Gens<E>, options: IdealOptions = {}): Poly<E>[] {
  const { T, lift, t, drop } = withExtraVariable(R);
  const oneMinusT = T.sub(T.one(), t);
  const gens = [...I.map((f) => T.mul(t, lift(f))), ...J.map((g) => T.mul(oneMinusT, lift(g)))];
  return eliminate(T, gens, [0], options).map(drop);
}

/** I : g^∞ = (I + (1 - t·g)) ∩ R. */
export function saturateByPolynomial<E>(R: PolyRing<E>, I: Gens<E>, g: Poly<E>, options: IdealOptions = {}): Poly<E>[] {
  if (R.isZero(g)) return [R.one()];
  const { T, lift, t, drop } = withExtraVariable(R);
  const gens = [...I.map(lift), T.sub(T.one(), T.mul(t, lift(g)))];
  return eliminate(T, gens, [0], options).map(drop);
}

/** I : J^∞ = ∩_{g ∈ J} I : g^∞. */
export function saturate<E>(R: PolyRing<E>, I: Gens<E>, J: Gens<E>, options: IdealOptions = {}): Poly<E>[] {
  const nonzero = J.filter((g) => !R.isZero(g));
  if (nonzero.length === 0) return reducedBasis(R, I, options);
  let result: Poly<E>[] | null = null;
  for (const g of nonzero) {
    const part = saturateByPolynomial(R, I, g, options);
    result = result === null ? part : intersect(R, result, part, options);
  }
  return reducedBasis(R, result!, options);
}

/** I : J = ∩_{g ∈ J} I : g, with I : g = (I ∩ (g)) / g. */
export function quotient<E>(R: PolyRing<E>, I: Gens<E>, J: Gens<E>, options: IdealOptions = {}): Poly<E>[] {
  const nonzero = J.filter((g) => !R.isZero(g));
  if (nonzero.length === 0) return [R.one()];
  let result: Poly<E>[] | null = null;
  for (const g of nonzero) {
    const part = intersect(R, I, [g], options).map((f) => R.divExact(f, g));
    result = result === null ? part : intersect(R, result, part, options);
  }
  return reducedBasis(R, result!, options);
}

// ---------------------------------------------------------------------------------------------
// Hilbert series, dimension, degree (hilbert.ts on the handle's grevlex basis)

/**
 * The Hilbert series of R/in(I) for grevlex. For a homogeneous I it is the Hilbert series of R/I;
 * for any I its partial sums are the affine Hilbert function of R/I. In lowest terms.
 */
export function hilbertSeries<E>(R: PolyRing<E>, gens: Gens<E>, options: BasisOptions = {}): HilbertSeries {
  return new Ideal(R, gens).hilbertSeries(options).value;
}

/** Krull dimension of R/I (-1 for the unit ideal). */
export function dimension<E>(R: PolyRing<E>, gens: Gens<E>, options: BasisOptions = {}): number {
  return new Ideal(R, gens).dimension(options).value;
}

export function codimension<E>(R: PolyRing<E>, gens: Gens<E>, options: BasisOptions = {}): number {
  return new Ideal(R, gens).codimension(options).value;
}

/** The degree: the reduced numerator at t = 1 (0 for the unit ideal). */
export function degree<E>(R: PolyRing<E>, gens: Gens<E>, options: BasisOptions = {}): bigint {
  return new Ideal(R, gens).degree(options).value;
}

export function isZeroDimensional<E>(R: PolyRing<E>, gens: Gens<E>, options: BasisOptions = {}): boolean {
  return dimension(R, gens, options) === 0;
}

/** dim_k R/I (finite only for zero-dimensional I): the number of standard monomials. */
export function vdim<E>(R: PolyRing<E>, gens: Gens<E>, options: BasisOptions = {}): bigint {
  return new Ideal(R, gens).vdim(options).value;
}

/**
 * The Hilbert polynomial (see hilbert.ts) of a series, or of R/in(I) for a ring and generators.
 */
export function hilbertPolynomial(series: HilbertSeries): Rat[];
export function hilbertPolynomial<E>(R: PolyRing<E>, gens: Gens<E>, options?: BasisOptions): Rat[];
export function hilbertPolynomial<E>(first: HilbertSeries | PolyRing<E>, gens?: Gens<E>, options: BasisOptions = {}): Rat[] {
  return seriesPolynomial(first instanceof PolyRing ? hilbertSeries(first, gens ?? [], options) : first);
}

// ---------------------------------------------------------------------------------------------
// Radical (zero-dimensional)

/**
 * The radical of a zero-dimensional ideal (Seidenberg's lemma): I + (sqfree χ_i(x_i)) where χ_i is
 * the characteristic polynomial of the multiplication by x_i on R/I. Needs characteristic 0 or
 * larger than vdim (so that square-free parts are separable). Uses I's cached grevlex basis; the
 * result starts with its reduced basis in R's order.
 */
export function radicalOf<E>(I: Ideal<E>, options: BasisOptions = {}): Derived<Ideal<E>> {
  const R = I.ring;
  const g = I.graded(options);
  const start = performance.now();
  if (g.basis.some((f) => g.ring.isConstant(f) && !g.ring.isZero(f))) {
    // The unit ideal is radical; its reduced basis is [1] in every order.
    const unit = Ideal.fromBasis({ ring: R, basis: [R.one()], provenance: g.provenance });
    return { value: unit, provenance: derivedProvenance('seidenberg-radical', [g.provenance], 0, { note: 'the unit ideal is radical' }) };
  }
  const d = I.dimension(options).value;
  if (d > 0) throw new MathError('not-implemented', `radical is implemented for zero-dimensional ideals; this one has dimension ${d}`);
  const algebra = quotientAlgebra(g.ring, g.basis, options);
  const U = new UnivariateRing(R.field);
  const extra = multiplicationMatrices(algebra).map((M, i) => univariateToPoly(R, U.squareFreePart(characteristicPolynomial(R.field, M)), i));
  const seidenberg = (performance.now() - start) / 1000;
  const result = Ideal.fromBasis(new Ideal(R, [...I.gens, ...extra]).groebner(options));
  const basis = result.groebner(options);
  return {
    value: result,
    provenance: derivedProvenance('seidenberg-radical', [g.provenance, basis.provenance], seidenberg, {
      note: 'square-free parts of the characteristic polynomials of the multiplication maps (Seidenberg), added to I',
    }),
  };
}

/** The radical of a zero-dimensional ideal given by generators: the reduced basis of radicalOf. */
export function radical<E>(R: PolyRing<E>, gens: Gens<E>, options: BasisOptions = {}): Poly<E>[] {
  return radicalOf(new Ideal(R, gens), options).value.gens.slice();
}

// ---------------------------------------------------------------------------------------------
// Solving (solve.ts on the handle's grevlex basis)

/**
 * Runs one of solve.ts's entry points on a handle: its grevlex basis is used (and filled) only by the
 * routes that need it, and a certified basis (asked for, or already cached) keeps the answer certified:
 * the parametrization is then certified (solve.ts `certify`), and the fallback routes use that basis.
 */
function onHandle<E, T extends { readonly method: string; readonly provenance?: Provenance; readonly note?: string }>(
  I: Ideal<E>,
  options: SolveOptions & BasisOptions,
  entry: (R: PolyRing<E>, gens: readonly Poly<E>[], options: SolveOptions, known: () => KnownBasis<E>) => T,
): Derived<T> {
  let g: ReturnType<Ideal<E>['graded']> | undefined;
  const basis = () => {
    g = I.graded(options);
    return { ring: g.ring, basis: g.basis, algorithm: g.provenance.algorithm };
  };
  const cached = I.cachedGroebner(I.ring.order.spec.kind === 'grevlex' ? I.ring.order.spec : { kind: 'grevlex' });
  const exact = options.certified === true || (cached !== undefined && isCertified(cached.provenance));
  const routed: SolveOptions = exact ? { ...options, certify: true } : options;
  const { value, seconds } = timed(() => entry(I.ring, I.gens, routed, basis));
  if (value.provenance) return { value, provenance: { ...value.provenance, seconds } };
  return { value, provenance: derivedProvenance(value.method, g ? [g.provenance] : [], seconds, value.note === undefined ? {} : { note: value.note }) };
}

/** solve.ts's solve for a handle. */
export function solveIdeal<E>(I: Ideal<E>, options: SolveOptions & BasisOptions = {}): Derived<SolveResult> {
  return onHandle(I, options, solve);
}

/** Only the number of distinct complex solutions of a handle (solve.ts's countSolutions): no real roots. */
export function countIdealSolutions<E>(I: Ideal<E>, options: SolveOptions & BasisOptions = {}): Derived<SolutionCount> {
  return onHandle(I, options, countSolutions);
}

