// The parametrization of a zero-dimensional radical ideal modulo one prime p, by sparse FGLM
// (J.-C. Faugère, C. Mou, "Sparse FGLM algorithms", JSC 80 (2017) 538–569) in the form used by msolve
// (J. Berthomieu, C. Eder, M. Safey El Din, ISSAC 2021), with Rouillier's derivative denominator
// (F. Rouillier, AAECC 9 (1999)) and the duality formulas of A. Bostan, B. Salvy, É. Schost, "Fast
// algorithms for zero-dimensional polynomial systems using duality", AAECC 14 (2003).
//
// Representation: polynomials in T are dense arrays of numbers in [0, p), low degree first. The
// result of one prime is w(T) (monic, degree D = the vdim) and v_1, …, v_n (degree < D) with
// x_i = v_i(θ) / w'(θ) at the D roots θ = t(α) of w, where t = Σ c_i x_i with c_n = 1.
//
// Algorithm, for the multiplication matrix M_t (./normal-forms.ts) and a random row vector r:
//  - s_k = r·M_t^k·e_1 for k < 2D, and s^{(i)}_k = r·M_t^k·NF(x_i) for k < D (row vectors r·M_t^k,
//    one sparse matrix product per step);
//  - w = the minimal polynomial of (s_k) by Berlekamp–Massey (./berlekamp-massey.ts);
//  - acceptance: deg w = D and gcd(w, w') = 1. Then w, which divides the minimal polynomial of M_t,
//    is its characteristic polynomial and has D distinct roots: M_t has D distinct eigenvalues t(α),
//    so the ideal has D distinct solutions, each of multiplicity 1 (it is radical), and t separates
//    them. Nothing else is accepted, so a wrong parametrization is never returned;
//  - with the functional ℓ = r·(coordinates) = Σ_α λ_α ev_α, N_v(T) = the polynomial part of
//    w(T)·Σ_{k<D} s^{(v)}_k T^{-k-1} = Σ_α λ_α v(α) Π_{β≠α} (T - t(β)), so N_v(θ_α) = λ_α v(α) w'(θ_α).
//    N_1 is invertible modulo w exactly when every λ_α ≠ 0 (else another r), and
//    v_i = N_{x_i} · w' · N_1^{-1} mod w.
// When no form passes (t = x_n first, then seeded random forms), the number of distinct solutions is
// computed exactly (the radical, ../solve.ts countDistinctSolutions): fewer than D means the ideal is
// not radical (MathError 'not-radical'); otherwise MathError 'no-separating-form'. The caller falls
// back to ../solve.ts.
import { MathError } from '../errors.js';
import { SmallPrimeField } from '../field.js';
import { f4Ids, fromIdPolys, smallPrimeOf, toIdPolys, type IdPoly } from '../groebner/f4.js';
import { MonomialTable } from '../groebner/f4-monomials.js';
import { type Poly, PolyRing } from '../poly.js';
import { type ComputeOptions, type Interrupt } from '../progress.js';
import { Random } from '../random.js';
import { countDistinctSolutions, quotientAlgebra } from '../quotient.js';
import { berlekampMassey } from './berlekamp-massey.js';
import { SequenceMatrix, invModMonic, mulModMonic, polynomialPart, trim } from './kernels.js';
import { NormalForms, NormalSet, type SparseColumn } from './normal-forms.js';

/** A parametrization modulo p: x_i = v[i](θ) / w'(θ) at the roots θ of w, θ = Σ form[i]·x_i. */
export interface PrimeParametrization {
  readonly p: number;
  /** w, monic, low degree first, degree D. */
  readonly w: number[];
  /** v_i, degree < D, low degree first (possibly shorter: high zero coefficients dropped). */
  readonly v: number[][];
}

/** Why a linear form or projection was rejected at a prime. */
export type PrimeFailure = 'degree' | 'not-square-free' | 'projection';

/** How many random linear forms are tried after t = x_n. */
export const FORM_ATTEMPTS = 6;

/**
 * The linear form of attempt k as integers (t = x_n + Σ_{i<n} c_i x_i): attempt 0 is x_n itself,
 * later attempts draw the c_i in [-k·8, k·8] from `random` (retried until not all zero).
 */
export function linearFormFor(random: Random, n: number, attempt: number): bigint[] {
  const c = new Array<bigint>(n).fill(0n);
  c[n - 1] = 1n;
  if (attempt === 0 || n === 1) return c;
  const range = 8 * attempt;
  do {
    for (let i = 0; i < n - 1; i++) c[i] = BigInt(random.int(-range, range));
  } while (c.slice(0, n - 1).every((x) => x === 0n));
  return c;
}

/** The form's coefficients modulo p. */
export function formModulo(c: readonly bigint[], p: number): number[] {
  const bp = BigInt(p);
  return c.map((x) => Number(((x % bp) + bp) % bp));
}

/**
 * The parametrization for the linear form `form` (coefficients in [0, p)) with one random projection,
 * or why it was rejected (see the module header).
 */
export function parametrizeAtPrime(nf: NormalForms, form: readonly number[], random: Random, signal?: Interrupt): PrimeParametrization | PrimeFailure {
  const M = new SequenceMatrix(nf.multiplicationMatrix(form), nf.p);
  const coordinates = Array.from({ length: form.length }, (_, i) => nf.variable(i));
  return krylovParametrization(M, nf.size, coordinates, nf.p, random, signal);
}

/**
 * The steps of the module header for a multiplication matrix M of size D whose position 0 is the
 * monomial 1, and the vectors NF(f) of the functions f to parametrize: f = v_f(θ) / w'(θ) at the roots
 * θ of w. Also the invariant route (./invariant.ts), on the block of M of the invariant monomials.
 */
export function krylovParametrization(
  M: SequenceMatrix,
  D: number,
  vectors: readonly SparseColumn[],
  p: number,
  random: Random,
  signal?: Interrupt,
): PrimeParametrization | PrimeFailure {
  const row = new Float64Array(D);
  for (let k = 0; k < D; k++) row[k] = random.int(0, p - 1);
  const { s, seqs: si } = M.krylov(row, vectors, signal);
  const w = berlekampMassey(s, p);
  if (w.length - 1 !== D) return 'degree';
  // w' (monic w: w' = Σ k w_k T^{k-1}) must be invertible modulo w: w square-free.
  const dw = trim(Array.from({ length: D }, (_, k) => ((k + 1) * w[k + 1]!) % p));
  if (invModMonic(dw, w, p) === null) return 'not-square-free';
  const N1 = polynomialPart(w, s, p);
  const inverse = N1.length === 0 ? null : invModMonic(N1, w, p);
  if (inverse === null) return 'projection';
  const h = mulModMonic(dw, inverse, w, p);
  const v = si.map((seq) => mulModMonic(polynomialPart(w, seq, p), h, w, p));
  return { p, w, v };
}

/** One linear form at one prime, with a second projection when the first looks unlucky. */
export function tryForm(nf: NormalForms, form: readonly number[], random: Random, signal?: Interrupt): PrimeParametrization | PrimeFailure {
  const first = parametrizeAtPrime(nf, form, random, signal);
  // deg w < D or a non-invertible N_1 can come from the projection (probability <= D/p each).
  if (first === 'degree' || first === 'projection') return parametrizeAtPrime(nf, form, random, signal);
  return first;
}

/**
 * Classifies a failure of every linear form: MathError 'not-radical' (fewer distinct solutions than
 * the vdim, counted exactly through the radical) or 'no-separating-form'.
 */
export function noFormFound(nf: NormalForms, vars: readonly string[], options: ComputeOptions): never {
  const S = nf.normalSet;
  const F = new SmallPrimeField(nf.p);
  const R = new PolyRing(F, vars, { kind: 'grevlex' });
  const basis = fromIdPolys(S.table, nf.basis);
  const distinct = countDistinctSolutions(quotientAlgebra(R, basis, options), options);
  if (distinct < nf.size) {
    throw new MathError(
      'not-radical',
      `the ideal is not radical (${nf.size} solutions with multiplicity, ${distinct} distinct): the parametrization needs a radical ideal`,
    );
  }
  throw new MathError('no-separating-form', `no linear form among ${FORM_ATTEMPTS + 1} tried separates the ${distinct} solutions`);
}

export interface PrimeParametrizeOptions extends ComputeOptions {
  /** Seed of the linear forms and projections (default 0). */
  readonly seed?: number;
}

export interface PrimeParametrizationResult extends PrimeParametrization {
  /** t = Σ linearForm[i]·x_i (linearForm[n-1] = 1). */
  readonly linearForm: bigint[];
  /** The ring's variables, in the order of v. */
  readonly vars: readonly string[];
}

/**
 * The parametrization of a zero-dimensional radical ideal of GF(p)[x_1..x_n] (p a word-size prime
 * below 94,906,265): the reduced grevlex basis by F4, then the forms x_n, and seeded random forms,
 * until one passes (see the module header). MathError 'not-zero-dimensional', 'no-solutions',
 * 'not-radical' or 'no-separating-form' otherwise.
 */
export function parametrizeModP(R: PolyRing<number>, gens: readonly Poly<number>[], options: PrimeParametrizeOptions = {}): PrimeParametrizationResult {
  const p = smallPrimeOf(R);
  const G = R.order.spec.kind === 'grevlex' ? R : R.withOrder({ kind: 'grevlex' });
  const converted = G === R ? gens : gens.map((f) => R.convert(f, G, (c) => c));
  const table = new MonomialTable(G.nvars, G.order.spec);
  const inputs = toIdPolys(G, table, converted, p);
  if (inputs.length === 0) throw new MathError('not-zero-dimensional', 'the zero ideal has positive dimension');
  const { basis } = f4Ids(table, p, G.order.spec, inputs, { signal: options.signal });
  const nf = normalFormsOf(table, basis, p, options.signal);
  const random = new Random(options.seed ?? 0);
  for (let attempt = 0; attempt <= FORM_ATTEMPTS; attempt++) {
    const c = linearFormFor(random, G.nvars, attempt);
    const result = tryForm(nf, formModulo(c, p), random, options.signal);
    if (typeof result !== 'string') return { ...result, linearForm: c, vars: R.vars };
  }
  return noFormFound(nf, G.vars, options);
}

/** The normal forms of a reduced basis (increasing leads) modulo p. */
export function normalFormsOf(table: MonomialTable, basis: readonly IdPoly[], p: number, signal?: Interrupt): NormalForms {
  const leads = Int32Array.from(basis, (g) => g.mons[0]!);
  return new NormalForms(new NormalSet(table, leads, signal), basis, p, signal);
}
