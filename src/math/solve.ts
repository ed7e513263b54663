// Zero-dimensional solving: counts of distinct complex and real solutions, real points to any number
// of digits, rational univariate representations and FGLM.
//
// Representation. Over QQ the default route gives the solutions as a modular parametrization
// (./zerodim/: W(T) integer, square-free, deg W = number of solutions; x_i = V_i(θ)/(d_i·W'(θ)) at
// each root θ of W), computed modulo primes and lifted, with no Gröbner basis over QQ. The trace
// route studies I through its quotient algebra A = K[x]/I (./quotient.ts: standard monomials
// b_0 = 1 < ... < b_{D-1} of the reduced grevlex basis, D = vdim; multiplication matrices M_i as
// sparse columns). Real points of either representation are read off the isolating intervals of the
// real roots of its univariate polynomial (exact Sturm/Descartes isolation and refinement,
// ./univariate.ts) and printed with exact rounding.
//
// Algorithms and sources:
// - Default over QQ ('auto' = 'parametrization'): J. Berthomieu, C. Eder, M. Safey El Din, "msolve",
//   ISSAC 2021 (see ./zerodim/parametrize.ts). It exists only for radical ideals with a separating
//   form found; otherwise (MathError not-radical / no-separating-form / modular-failed /
//   not-zero-dimensional) 'auto' falls back to the trace route below and says why in `note`.
// - Counting (over QQ): the Hermite quadratic form H[i][j] = Tr(M_{b_i·b_j}) has rank = the number
//   of distinct complex solutions and signature = the number of distinct real solutions (Hermite;
//   P. Pedersen, M.-F. Roy, A. Szpirglas, "Counting real zeros in the multivariate case", 1993).
//   Traces: τ(b_k) = Tr(M_{b_k}) from the matrices M_{b_k} = M_l·M_{b_k'} (sparse times dense,
//   depth-first so that only one path of matrices is alive); row k of H is M_l^T (row k').
// - Points (over QQ): a rational univariate representation (F. Rouillier, "Solving zero-dimensional
//   systems through the rational univariate representation", AAECC 9 (1999) 433–461). For a
//   separating linear form t = Σ c_i x_i (seeded random integers c_i, retried until separating):
//   the characteristic polynomial χ_t from the power sums Tr(M_t^j) by Newton's identities, f_t its
//   square-free part (monic, degree d = number of distinct solutions: that equality is the separation
//   test), g_v(T) = Σ_{j<d} Tr(M_{v·t^j}) Q_j(T) with Q_j(T) = Σ_{k>j} a_k T^{k-1-j} (f_t = Σ a_k T^k),
//   and x_i = g_{x_i}(θ) / g_1(θ) at each root θ of f_t, reduced to a polynomial q_i(θ) modulo f_t.
//   The representation is checked exactly: every generator vanishes at (q_1(T), ..., q_n(T)) modulo
//   f_t. Real solutions ↔ real roots of f_t (Sturm / Descartes isolation, ./univariate.ts), and the
//   coordinates are printed with exact rounding. The real count from the RUR must equal the Hermite
//   signature (an internal error otherwise): two independent routes.
// - Trace route choice (option `method`: 'traces'): the Hermite form needs O(D^3) operations on
//   integers of growing size, so above HERMITE_LIMIT it counts with the RUR alone when χ_t is square-free (proved
//   modulo a prime: a repeated factor over Q would survive): its D distinct roots t(α) prove D
//   distinct solutions of multiplicity 1, so t separates and the real count is the number of real
//   roots of f_t. A non-square-free χ_t (multiplicities) brings the Hermite rank back in.
// - Performance notes: rational matrices are carried as integer matrices over one denominator
//   (traces, power sums and the Hermite rows use integer arithmetic only); the Hermite inertia is
//   fraction-free (linalg integerInertia); Q[T]/(f_t) arithmetic keeps one denominator per element
//   (ResidueRing); the coordinates stay in Rouillier's quotient form g_i/g_1 (the polynomial form
//   needs an inverse modulo f_t with much larger coefficients and is computed only on demand).
// - Over GF(p): the number of distinct solutions over the algebraic closure, through the radical
//   (./quotient.ts countDistinctSolutions, Seidenberg's lemma). Real solutions do not apply.
// - FGLM (J.-C. Faugère, P. Gianni, D. Lazard, T. Mora, "Efficient computation of zero-dimensional
//   Gröbner bases by change of ordering", J. Symbolic Comput. 16 (1993) 329–344): monomials are
//   visited in increasing target order; each one's coordinate vector (one multiplication matrix
//   applied to a known vector) is either independent of the previous ones (a new standard monomial)
//   or gives a new Gröbner basis element.
import { MathError } from './errors.js';
import { isRationalField } from './domain.js';
import { QQ, type Rat, SmallPrimeField, compareRat, rat } from './field.js';
import { type GroebnerOptions, groebner } from './groebner/index.js';
import { integerInertia } from './linalg/signature.js';
import type { Matrix } from './linalg/matrix.js';
import { IncrementalEchelon, type QuotientAlgebra, type SparseVector, applyColumns, combineColumns, countDistinctSolutions, quotientAlgebra } from './quotient.js';
import { type Monomial, type OrderSpec, monomialKey, totalDegree } from './monomial.js';
import type { Poly, PolyRing } from './poly.js';
import type { Provenance } from './provenance.js';
import { checkInterrupt } from './progress.js';
import { Random } from './random.js';
import { bigLcm } from './integers.js';
import {
  type RealRoot,
  type Residue,
  ResidueRing,
  UnivariateRing,
  rationalFunctionToDecimal,
  isSquareFreeModular,
  intSquareFree,
  intDerivative,
  integerPoly,
  isolateRealRoots,
  primitivePart,
  ratPoly,
} from './univariate/index.js';
import { type Parametrization, parametrize } from './zerodim/parametrize.js';
import { f4Ids } from './groebner/f4.js';
import { MonomialTable } from './groebner/f4-monomials.js';
import { inputsModulo, integerGenerators, primeStream } from './groebner/modular.js';
import { hilbertSeriesOfLeads, seriesDimension } from './hilbert.js';
import type { ComputeOptions } from './progress.js';
import { type RealAlgebraicPoint, type UnivariateRepresentation, parametrizationPoints as pointAtRoot } from './realroots/point.js';
import { isolateSquareFree } from './realroots/descartes.js';


// =============================================================================================
// Rational univariate representation (QQ).

export interface RationalUnivariateRepresentation {
  /** The separating linear form t = Σ linearForm[i]·x_i (θ = t(point)). */
  readonly linearForm: bigint[];
  /** f_t: the square-free part of the characteristic polynomial of M_t, monic, low degree first. */
  readonly polynomial: Rat[];
  /** x_i = numerators[i](θ) / denominator(θ) at each root θ of the polynomial (Rouillier's form). */
  readonly numerators: Rat[][];
  /** g_1(T) = Σ_α μ(α) Π_{β≠α} (T - t(β)): non-zero at every root (f_t' when the ideal is radical). */
  readonly denominator: Rat[];
  /** Multiplicity-weighted: the characteristic polynomial χ_t (degree = vdim). */
  readonly characteristic: Rat[];
  /** The ring and variable names the coordinates refer to. */
  readonly ring: PolyRing<Rat>;
  /**
   * x_i = coordinates[i](θ): the polynomial form q_i = g_i · g_1^{-1} modulo f_t, computed on first
   * access (an inverse modulo f_t; its coefficients can be much larger than those of the g_i).
   */
  readonly coordinates: Rat[][];
}

/** A RUR record whose `coordinates` are computed lazily (and cached). */
function makeRepresentation(fields: Omit<RationalUnivariateRepresentation, 'coordinates'>): RationalUnivariateRepresentation {
  let cached: Rat[][] | undefined;
  const rur = { ...fields } as RationalUnivariateRepresentation;
  Object.defineProperty(rur, 'coordinates', {
    enumerable: false,
    get: () => (cached ??= coordinatePolynomials(rur)),
  });
  return rur;
}

const U = new UnivariateRing(QQ);

/** f(q_1(T), ..., q_n(T)) modulo m: the value of a polynomial at a point given by a RUR. */
export function evaluateAtRepresentation(R: PolyRing<Rat>, f: Poly<Rat>, coordinates: readonly Rat[][], modulus: readonly Rat[]): Rat[] {
  const K = new ResidueRing(modulus);
  return K.toRational(evaluateInResidueRing(K, f, coordinates.map((q) => K.fromRational(q))));
}

function evaluateInResidueRing(K: ResidueRing, f: Poly<Rat>, images: readonly Residue[]): Residue {
  const powers: Residue[][] = images.map((q) => [K.one, q]);
  const power = (i: number, e: number): Residue => {
    const table = powers[i]!;
    while (table.length <= e) table.push(K.mul(table[table.length - 1]!, table[1]!));
    return table[e]!;
  };
  // Sum with one common denominator: Σ c_k · (monomial value).
  let sum = K.zero;
  f.mons.forEach((m, k) => {
    let t: Residue | undefined;
    for (let i = 0; i < m.length; i++) if (m[i]! > 0) t = t ? K.mul(t, power(i, m[i]!)) : power(i, m[i]!);
    sum = K.add(sum, K.scale(t ?? K.one, f.coeffs[k]!));
  });
  return sum;
}

/**
 * The value of f at the points of a RUR with the denominator cleared: P(T) (reduced modulo f_t) with
 * f(x(θ)) = P(θ) / g_1(θ)^degree at every root θ, for any degree >= deg f (default deg f). With an
 * even degree the factor g_1(θ)^degree is positive, so signs (and the inertia of a matrix of such
 * values, see signatureAlgebraic) are those of f at the point.
 */
export function valueAtRepresentation(rur: RationalUnivariateRepresentation, f: Poly<Rat>, degree?: number): Rat[] {
  const K = new ResidueRing(rur.polynomial);
  const d = degree ?? rur.ring.degree(f);
  return K.toRational(homogenizedValue(K, f, rur.numerators.map((g) => K.fromRational(g)), K.fromRational(rur.denominator), d));
}

/** Σ c_m Π g_i^{m_i} · g_1^{degree - |m|} in Q[T]/(f_t). */
function homogenizedValue(K: ResidueRing, f: Poly<Rat>, numerators: readonly Residue[], denominator: Residue, degree: number): Residue {
  const powers: Residue[][] = numerators.map((q) => [K.one, q]);
  const denominatorPowers: Residue[] = [K.one, denominator];
  const power = (table: Residue[], e: number): Residue => {
    while (table.length <= e) table.push(K.mul(table[table.length - 1]!, table[1]!));
    return table[e]!;
  };
  let sum = K.zero;
  f.mons.forEach((m, k) => {
    const dm = totalDegree(m);
    if (dm > degree) throw new MathError('bad-degree', `the degree ${degree} is below the degree of the polynomial`);
    let t: Residue | undefined = dm < degree ? power(denominatorPowers, degree - dm) : undefined;
    for (let i = 0; i < m.length; i++) if (m[i]! > 0) t = t ? K.mul(t, power(powers[i]!, m[i]!)) : power(powers[i]!, m[i]!);
    sum = K.add(sum, K.scale(t ?? K.one, f.coeffs[k]!));
  });
  return sum;
}

/** The coordinates as polynomials: x_i = q_i(θ) with q_i = g_i · g_1^{-1} modulo f_t (can be large). */
export function coordinatePolynomials(rur: RationalUnivariateRepresentation): Rat[][] {
  const K = new ResidueRing(rur.polynomial);
  const inv = K.inverse(K.fromRational(rur.denominator));
  return rur.numerators.map((g) => K.toRational(K.mul(K.fromRational(g), inv)));
}

// --- integer-scaled linear algebra for QQ: a rational matrix is N/δ with N an integer matrix. ----

interface IntegerColumns {
  /** Sparse integer columns of N. */
  readonly columns: { readonly index: number[]; readonly value: bigint[] }[];
  /** The common denominator δ > 0. */
  readonly den: bigint;
}

function integerColumns(cols: readonly SparseVector<Rat>[]): IntegerColumns {
  let den = 1n;
  for (const c of cols) for (const v of c.value) den = bigLcm(den, v.den);
  return { columns: cols.map((c) => ({ index: c.index, value: c.value.map((v) => v.num * (den / v.den)) })), den };
}

function applyInteger(M: IntegerColumns, v: readonly bigint[]): bigint[] {
  const out = new Array<bigint>(M.columns.length).fill(0n);
  for (let j = 0; j < v.length; j++) {
    const a = v[j]!;
    if (a === 0n) continue;
    const { index, value } = M.columns[j]!;
    for (let k = 0; k < index.length; k++) out[index[k]!]! += a * value[k]!;
  }
  return out;
}

function applyIntegerTransposed(M: IntegerColumns, r: readonly bigint[]): bigint[] {
  return M.columns.map(({ index, value }) => {
    let s = 0n;
    for (let k = 0; k < index.length; k++) s += value[k]! * r[index[k]!]!;
    return s;
  });
}

function dotInteger(a: readonly bigint[], b: readonly bigint[]): bigint {
  let s = 0n;
  for (let k = 0; k < a.length; k++) if (a[k] !== 0n && b[k] !== 0n) s += a[k]! * b[k]!;
  return s;
}

/** Integer vector and positive scale of a rational vector (v = vector / scale). */
function integerVector(v: readonly Rat[]): { vector: bigint[]; scale: bigint } {
  let scale = 1n;
  for (const x of v) scale = bigLcm(scale, x.den);
  return { vector: v.map((x) => x.num * (scale / x.den)), scale };
}

interface TraceData {
  /** τ(b_k) = Tr(M_{b_k}). */
  readonly traces: Rat[];
  readonly integerMatrices: IntegerColumns[];
}

interface HermiteCounts {
  /** The Hermite form H[i][j] = Tr(M_{b_i b_j}). */
  readonly hermite: Matrix<Rat>;
  /** rank H: distinct complex solutions. */
  readonly complex: number;
  /** signature H: distinct real solutions. */
  readonly real: number;
}

/** Traces over QQ with integer arithmetic: M_{b_k} = N_{b_k} / Π δ along the parent path. */
function traceVectorRational(A: QuotientAlgebra<Rat>, M: readonly IntegerColumns[], options: GroebnerOptions): Rat[] {
  const D = A.monomials.length;
  const children: number[][] = A.monomials.map(() => []);
  for (let k = 1; k < D; k++) children[A.parent[k]!]!.push(k);
  const traces = new Array<Rat>(D).fill(QQ.zero);
  traces[0] = QQ.fromBigInt(BigInt(D));
  const identityColumns: bigint[][] = Array.from({ length: D }, (_, j) => {
    const c = new Array<bigint>(D).fill(0n);
    c[j] = 1n;
    return c;
  });
  const stack: { k: number; P: bigint[][]; scale: bigint }[] = [{ k: 0, P: identityColumns, scale: 1n }];
  while (stack.length > 0) {
    const { k, P, scale } = stack.pop()!;
    for (const child of children[k]!) {
      checkInterrupt(options.signal);
      const Mi = M[A.parentVariable[child]!]!;
      const Q = P.map((c) => applyInteger(Mi, c));
      let tr = 0n;
      for (let j = 0; j < D; j++) tr += Q[j]![j]!;
      const childScale = scale * Mi.den;
      traces[child] = rat(tr, childScale);
      if (children[child]!.length > 0) stack.push({ k: child, P: Q, scale: childScale });
    }
  }
  return traces;
}

function traceData(A: QuotientAlgebra<Rat>, options: GroebnerOptions): TraceData {
  const M = A.columns.map(integerColumns);
  return { traces: traceVectorRational(A, M, options), integerMatrices: M };
}

/** The Hermite form and its exact inertia (fraction-free): rank and signature. */
function hermiteCounts(A: QuotientAlgebra<Rat>, data: TraceData, options: GroebnerOptions): HermiteCounts {
  const { traces, integerMatrices: M } = data;
  // Row k of H is R_k / σ_k with R_k = N_l^T R_k' (integers) and σ_k = σ_k' · δ_l.
  const D = A.monomials.length;
  const first = integerVector(traces);
  const rows: bigint[][] = new Array<bigint[]>(D);
  const sigma: bigint[] = new Array<bigint>(D);
  rows[0] = first.vector;
  sigma[0] = first.scale;
  for (let k = 1; k < D; k++) {
    checkInterrupt(options.signal);
    const Ml = M[A.parentVariable[k]!]!;
    rows[k] = applyIntegerTransposed(Ml, rows[A.parent[k]!]!);
    sigma[k] = sigma[A.parent[k]!]! * Ml.den;
  }
  // H[k][j] = R_k[j] / σ_k exactly (reduced), then one common denominator for the whole matrix: a
  // positive multiple of H (same inertia) with much smaller integers than the σ_k σ_j scaling.
  const H: Rat[][] = rows.map((row, k) => row.map((x) => rat(x, sigma[k]!)));
  let common = 1n;
  for (let k = 0; k < D; k++) for (let j = k; j < D; j++) common = bigLcm(common, H[k]![j]!.den);
  const Kint = H.map((row, k) => row.map((x, j) => (j >= k ? x : H[j]![k]!)).map((x) => x.num * (common / x.den)));
  const inertia = integerInertia(Kint);
  return { hermite: H, complex: inertia.positive + inertia.negative, real: inertia.positive - inertia.negative };
}

/**
 * The RUR for the linear form c, or null when c is not proved separating: with `distinct` known (the
 * Hermite rank), separation means deg f_t = distinct; without it, only a square-free χ_t is accepted
 * (then its D distinct roots t(α) prove D distinct solutions, each of multiplicity 1).
 */
function rurForForm(A: QuotientAlgebra<Rat>, data: TraceData, c: readonly bigint[], distinct: number | undefined, options: GroebnerOptions): RationalUnivariateRepresentation | null {
  const D = A.monomials.length;
  const n = A.ring.nvars;
  const M = data.integerMatrices;
  // M_t = Σ c_i N_i / δ_i = N_t / δ. Work with u = δ·t, whose multiplication matrix N_t is integral:
  // the coordinates of u^j are W_j = N_t^j e_0, its power sums p_j = Tr(N_t^j) = T·W_j / σ are
  // integers (τ = T/σ), and so are the coefficients of χ_u from Newton's identities (exact divisions).
  const Mt = integerColumns(combineColumns(QQ, A, c.map((x) => QQ.fromBigInt(x))));
  const tau = integerVector(data.traces);
  const W: bigint[][] = [];
  const sums: bigint[] = []; // σ·τ(u^j) = T·W_j
  let v = new Array<bigint>(D).fill(0n);
  v[0] = 1n;
  for (let j = 0; j <= D; j++) {
    checkInterrupt(options.signal);
    W.push(v);
    sums.push(dotInteger(tau.vector, v));
    if (j < D) v = applyInteger(Mt, v);
  }
  const powerSums = sums.map((x) => {
    if (x % tau.scale !== 0n) throw new MathError('internal', 'a power sum of an integer matrix is not an integer');
    return x / tau.scale;
  });
  // Newton's identities: k e_k = Σ_{i=1}^{k} (-1)^{i-1} e_{k-i} p_i; χ_u(U) = Σ (-1)^k e_k U^{D-k}.
  const e: bigint[] = [1n];
  for (let k = 1; k <= D; k++) {
    let acc = 0n;
    for (let i = 1; i <= k; i++) acc += i % 2 === 1 ? e[k - i]! * powerSums[i]! : -e[k - i]! * powerSums[i]!;
    e.push(acc / BigInt(k));
  }
  const chi = Array.from({ length: D + 1 }, (_, i) => ((D - i) % 2 === 0 ? e[D - i]! : -e[D - i]!));
  const fInt = integerPoly(chi); // primitive, positive leading coefficient
  const squareFree = isSquareFreeModular(fInt);
  if (distinct === undefined && !squareFree) return null;
  const f = squareFree ? fInt : intSquareFree(fInt);
  const d = f.length - 1;
  if (d !== (distinct ?? D)) return null;
  // g_v(U) = Σ_{j<d} τ(v u^j) Q_j(U), Q_j(U) = Σ_{k=j+1}^{d} f_k U^{k-1-j}; the integer multiple f of
  // the monic square-free part, and the common factor σ of the traces, scale every g_v alike.
  // Back from u = δ·t to t (smaller numbers): f_t(T) ∝ f_u(δT) and g_v^t(T) ∝ g_v^u(δT), the same
  // factor for every v, so coefficient k is multiplied by δ^k.
  const delta = Mt.den;
  const deltaPowers: bigint[] = [1n];
  for (let k = 1; k <= d; k++) deltaPowers.push(deltaPowers[k - 1]! * delta);
  const fT = primitivePart(f.map((x, k) => x * deltaPowers[k]!));
  const g = (values: readonly bigint[], den: bigint): Rat[] => {
    const num = new Array<bigint>(d).fill(0n);
    for (let j = 0; j < d; j++) {
      const a = values[j]!;
      if (a === 0n) continue;
      for (let k = j + 1; k <= d; k++) num[k - 1 - j]! += a * f[k]!;
    }
    // g_v^t(T) = g_v^u(δT) / δ^(d-1): exact over Q, one factor for every v.
    const scale = deltaPowers[d - 1]! * den;
    return U.normalize(num.map((x, k) => rat(x * deltaPowers[k]!, scale)));
  };
  const numerators: Rat[][] = [];
  for (let i = 0; i < n; i++) {
    // σ·δ_i·τ(x_i u^j) = (N_i^T T) · W_j
    const sigmaI = applyIntegerTransposed(M[i]!, tau.vector);
    numerators.push(g(W.slice(0, d).map((w) => dotInteger(sigmaI, w)), M[i]!.den));
  }
  const chiT = primitivePart(chi.map((x, k) => x * delta ** BigInt(k)));
  return makeRepresentation({
    linearForm: c.slice(),
    polynomial: U.monic(ratPoly(fT)),
    numerators,
    denominator: g(sums, 1n),
    characteristic: U.monic(ratPoly(chiT)),
    ring: A.ring,
  });
}

function randomForm(random: Random, n: number, attempt: number): bigint[] {
  const range = attempt + 1;
  for (;;) {
    const c = Array.from({ length: n }, () => BigInt(random.int(-range, range)));
    if (c.some((x) => x !== 0n)) return c;
  }
}

/** Up to this vdim the RUR is checked exactly; above it modulo three word-size primes. */
export const EXACT_CHECK_LIMIT = 64;

/**
 * A guard against implementation errors (the RUR is correct by construction when the traces are
 * exact): every generator vanishes at the points, i.e. its homogenization in (g_1, ..., g_n; g_1) is
 * zero modulo f_t — exactly in Q[T]/(f_t), or modulo three primes (not dividing a denominator).
 */
export function verifyRepresentation(rur: RationalUnivariateRepresentation, gens: readonly Poly<Rat>[], exact: boolean, options: GroebnerOptions = {}): void {
  const fail = () => {
    throw new MathError('internal', 'the rational univariate representation does not satisfy the system');
  };
  if (exact) {
    const K = new ResidueRing(rur.polynomial);
    const numerators = rur.numerators.map((q) => K.fromRational(q));
    const denominator = K.fromRational(rur.denominator);
    for (const h of gens) {
      checkInterrupt(options.signal);
      if (!K.isZero(homogenizedValue(K, h, numerators, denominator, rur.ring.degree(h)))) fail();
    }
    return;
  }
  let checked = 0;
  for (const p of [94906249, 94906247, 94906219, 94906213, 94906199, 94906193]) {
    if (checked === 3) break;
    const F = new SmallPrimeField(p);
    const V = new UnivariateRing(F);
    const reduce = (a: readonly Rat[]) => {
      if (a.some((c) => c.den % BigInt(p) === 0n)) return null;
      return V.normalize(a.map((c) => F.fromRational(c.num, c.den)));
    };
    const f = reduce(rur.polynomial);
    const g1 = reduce(rur.denominator);
    const gs = rur.numerators.map(reduce);
    if (!f || !g1 || gs.some((g) => g === null) || f.length !== rur.polynomial.length) continue;
    for (const h of gens) {
      checkInterrupt(options.signal);
      const hp = h.coeffs.map((c) => (c.den % BigInt(p) === 0n ? null : F.fromRational(c.num, c.den)));
      if (hp.some((c) => c === null)) continue;
      const degree = rur.ring.degree(h);
      const powers = gs.map((g) => [[F.one], g!]);
      const denominatorPowers = [[F.one], g1];
      const power = (table: number[][], e: number): number[] => {
        while (table.length <= e) table.push(V.mulMod(table[table.length - 1]!, table[1]!, f));
        return table[e]!;
      };
      let sum: number[] = [];
      h.mons.forEach((m, k) => {
        let t = V.scale(power(denominatorPowers, degree - totalDegree(m)), hp[k]!);
        for (let i = 0; i < m.length; i++) if (m[i]! > 0) t = V.mulMod(t, power(powers[i]!, m[i]!), f);
        sum = V.add(sum, t);
      });
      if (V.rem(sum, f).length !== 0) fail();
    }
    checked++;
  }
}

/**
 * A RUR with a proved separating form. With `distinct` (the Hermite rank) any form with deg f_t =
 * distinct is accepted; without it, the first forms are tried for a square-free χ_t (the radical
 * case) and, failing that, the Hermite rank is computed (`needDistinct`) and used.
 */
function computeRepresentation(
  A: QuotientAlgebra<Rat>,
  gens: readonly Poly<Rat>[],
  data: TraceData,
  seed: number,
  options: GroebnerOptions,
  distinctKnown?: number,
  needDistinct?: () => number,
): RationalUnivariateRepresentation {
  const random = new Random(seed);
  let distinct = distinctKnown;
  for (let attempt = 0; attempt < 30; attempt++) {
    if (distinct === undefined && attempt >= 3 && needDistinct) distinct = needDistinct();
    const c = randomForm(random, A.ring.nvars, attempt);
    const rur = rurForForm(A, data, c, distinct, options);
    if (!rur) continue;
    verifyRepresentation(rur, gens, (options as SolveOptions).check ? (options as SolveOptions).check === 'exact' : A.monomials.length <= EXACT_CHECK_LIMIT, options);
    return rur;
  }
  throw new MathError('internal', 'no separating linear form found in 30 attempts');
}

function grevlexBasis<E>(R: PolyRing<E>, gens: readonly Poly<E>[], options: GroebnerOptions): { ring: PolyRing<E>; basis: Poly<E>[]; algorithm: string } {
  const G = R.order.spec.kind === 'grevlex' ? R : R.withOrder({ kind: 'grevlex' });
  const converted = G === R ? gens.slice() : gens.map((f) => R.convert(f, G, (c) => c));
  const result = groebner(G, converted, options);
  return { ring: G, basis: result.basis, algorithm: result.algorithm };
}

/**
 * The rational univariate representation of a zero-dimensional ideal over QQ (grevlex Gröbner basis,
 * multiplication matrices, traces; seeded separating form).
 */
export function rationalUnivariateRepresentation(R: PolyRing<Rat>, gens: readonly Poly<Rat>[], options: SolveOptions = {}): RationalUnivariateRepresentation {
  if (!isRationalField(R.field)) throw new MathError('bad-field', 'the rational univariate representation needs coefficients in QQ');
  const { ring: G, basis } = grevlexBasis(R, gens, options);
  if (basis.length === 1 && totalDegree(basis[0]!.mons[0]!) === 0) throw new MathError('no-solutions', 'the system has no solutions');
  const A = quotientAlgebra(G, basis, options);
  const data = traceData(A, options);
  const rur = computeRepresentation(A, gens, data, options.seed ?? 0, options, undefined, () => hermiteCounts(A, data, options).complex);
  const { linearForm, polynomial, numerators, denominator, characteristic } = rur;
  return makeRepresentation({ linearForm, polynomial, numerators, denominator, characteristic, ring: R });
}

// =============================================================================================
// solve

/** Above this vdim, the trace route skips the Hermite form when χ_t is square-free (see solve). */
export const HERMITE_LIMIT = 48;

export interface SolveOptions extends GroebnerOptions {
  /** Seed for the random separating linear form (default 0). */
  readonly seed?: number;
  /**
   * Over QQ: 'parametrization' is the modular parametrization (./zerodim/, radical ideals only);
   * 'hermite' counts with the Hermite form and cross-checks the real count with the RUR; 'rur'
   * counts with the RUR alone when χ_t is square-free (the radical case: D distinct roots of χ_t
   * prove D distinct solutions), falling back to the Hermite rank otherwise; 'traces' is 'hermite'
   * up to a vdim of HERMITE_LIMIT and 'rur' above it (the Hermite form costs O(D^3) operations on
   * large integers); 'auto' (default) is 'parametrization', and 'traces' when that cannot be used
   * (not radical, no separating form found, no stable lift, positive dimension).
   */
  readonly method?: 'auto' | 'parametrization' | 'traces' | 'hermite' | 'rur';
  /** How the RUR is checked against the generators: 'exact', or 'modular' (default above EXACT_CHECK_LIMIT). */
  readonly check?: 'exact' | 'modular';
  /** Significant digits of the real points (default 30). */
  readonly digits?: number;
  /** The parametrization route: check the parametrization exactly over QQ (see ./zerodim/parametrize.ts). */
  readonly certify?: boolean;
}

export interface SolveResult {
  /** Distinct complex solutions (over the algebraic closure of the field). */
  readonly complex: number;
  /** Distinct real solutions over QQ; null over GF(p), where it does not apply. */
  readonly real: number | null;
  /**
   * The real solutions, each coordinate a decimal string with `digits` significant digits, sorted. On
   * the parametrization route they are computed on first read (the counts need only the isolation).
   */
  readonly points: string[][];
  /** How the answer was obtained: 'modular-parametrization', 'hermite+rur', 'rur', 'groebner' or 'radical'. */
  readonly method: string;
  /** The vdim: solutions counted with multiplicity. */
  readonly multiplicityCount: number;
  /** The separating linear form used for the points (over QQ), when there are solutions. */
  readonly linearForm?: bigint[];
  /** The parametrization route's provenance (algorithm 'modular-parametrization', primes, certified, note). */
  readonly provenance?: Provenance;
  /** Why the default route fell back from the parametrization to the trace route. */
  readonly note?: string;
  /** Over QQ: the univariate representation the points were read from (exact real points: realroots/point.ts). */
  readonly representation?: UnivariateRepresentation;
  /**
   * The exact real points of `representation` in increasing order of its variable, when the route has
   * isolated them already (the parametrization route); `points` holds their decimals, sorted.
   */
  readonly exactPoints?: readonly RealAlgebraicPoint[];
}

/** The reduced grevlex basis of the system, when the caller already has it (or can compute it on demand). */
export interface KnownBasis<E> {
  readonly ring: PolyRing<E>;
  readonly basis: readonly Poly<E>[];
  readonly algorithm: string;
}

/** A decimal string (as produced by formatDecimal) back to an exact rational. */
export function decimalToRational(s: string): Rat {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(s);
  if (!match) throw new MathError('parse', `not a decimal number: '${s}'`);
  const [, sign, int, frac = '', exp = '0'] = match;
  let num = BigInt(int! + frac);
  if (sign === '-') num = -num;
  const e = Number(exp) - frac.length;
  return e >= 0 ? rat(num * 10n ** BigInt(e)) : rat(num, 10n ** BigInt(-e));
}

function comparePoints(a: readonly Rat[], b: readonly Rat[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareRat(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * The real points of a univariate representation: at each real root θ of `polynomial` (isolated
 * exactly, refined as needed), x_i = coordinates[i].numerator(θ) / coordinates[i].denominator(θ)
 * to `digits` significant digits with exact rounding (univariate.ts rationalFunctionToDecimal);
 * sorted lexicographically.
 */
function pointsAtRealRoots(
  polynomial: readonly (bigint | Rat)[],
  coordinates: readonly { readonly numerator: readonly (bigint | Rat)[]; readonly denominator: readonly (bigint | Rat)[] }[],
  digits: number,
): { roots: RealRoot[]; points: string[][] } {
  const roots = isolateRealRoots(polynomial);
  const points = roots.map((root) => {
    let r = root;
    return coordinates.map(({ numerator, denominator }) => {
      const out = rationalFunctionToDecimal(r, numerator, denominator, digits);
      r = out.root;
      return out.text;
    });
  });
  const keyed = points.map((p) => ({ p, key: p.map(decimalToRational) }));
  keyed.sort((x, y) => comparePoints(x.key, y.key));
  return { roots, points: keyed.map((x) => x.p) };
}

/** The real points of a RUR, each coordinate with `digits` significant digits, sorted. */
export function realPoints(rur: RationalUnivariateRepresentation, digits: number): { roots: RealRoot[]; points: string[][] } {
  return pointsAtRealRoots(rur.polynomial, rur.numerators.map((numerator) => ({ numerator, denominator: rur.denominator })), digits);
}


/** The parametrization as a univariate representation: x_i = V_i(T) / (d_i·W'(T)). */
export function parametrizationRepresentation(param: Parametrization): UnivariateRepresentation {
  const dw = intDerivative(param.w);
  return { polynomial: param.w, coordinates: param.numerators.map((numerator, i) => ({ numerator, denominator: dw.map((c) => c * param.denominators[i]!) })) };
}

/**
 * The Krull dimension of the ideal of `gens` (QQ coefficients) modulo one prime, with no Gröbner basis
 * over QQ: F4 over GF(p) in grevlex for the first prime of the modular stream (../groebner/modular.ts)
 * that divides no coefficient of the integer generators, and the dimension read off the leading
 * monomials (./hilbert.ts). -1 for the unit ideal. It equals the dimension over QQ except for finitely
 * many primes (an unlucky prime can make it larger or smaller), so a caller that reports a positive
 * dimension confirms it exactly first.
 */
export function dimensionModulo(R: PolyRing<Rat>, gens: readonly Poly<Rat>[], options: ComputeOptions = {}): { dimension: number; prime: number } {
  const G = R.order.spec.kind === 'grevlex' ? R : R.withOrder({ kind: 'grevlex' });
  const inputs = integerGenerators(G === R ? gens : gens.map((f) => R.convert(f, G, (c) => c)));
  if (inputs.length === 0) return { dimension: R.nvars, prime: 0 };
  const table = new MonomialTable(G.nvars, G.order.spec);
  const mons = inputs.map((f) => Int32Array.from(f.mons, (m) => table.fromMonomial(m)));
  for (const p of primeStream()) {
    const coefs = inputsModulo(inputs, p);
    if (!coefs) continue;
    const { basis } = f4Ids(table, p, G.order.spec, mons.map((m, k) => ({ mons: m, coefs: coefs[k]! })), options);
    const leads = basis.map((g) => table.monomial(g.mons[0]!));
    return { dimension: seriesDimension(hilbertSeriesOfLeads(leads, G.nvars)), prime: p };
  }
  throw new MathError('modular-failed', 'no prime divides no coefficient');
}

/**
 * The parametrizations computed for a list of generators (the same array object, as an ideal handle
 * keeps it), by ring, seed and certification: `countSolutions` and `solve` on one ideal (a record's
 * `.complex`, then its `.real`) compute it once. A failure is not remembered.
 */
const parametrizations = new WeakMap<readonly Poly<Rat>[], Map<string, { readonly ring: PolyRing<Rat>; readonly param: Parametrization }>>();

function parametrizationOf(R: PolyRing<Rat>, gens: readonly Poly<Rat>[], options: SolveOptions): Parametrization {
  const seed = options.seed ?? 0;
  const certify = options.certify ?? false;
  const key = `${seed} ${certify}`;
  let byKey = parametrizations.get(gens);
  const known = byKey?.get(key);
  if (known && known.ring === R) return known.param;
  const param = parametrize(R, gens, { seed, certify, signal: options.signal, onProgress: options.onProgress });
  if (!byKey) parametrizations.set(gens, (byKey = new Map()));
  byKey.set(key, { ring: R, param });
  return param;
}

/** Errors after which the default route falls back from the parametrization to the trace route. */
const FALLBACK_CODES = new Set(['not-radical', 'no-separating-form', 'modular-failed', 'not-zero-dimensional']);

/**
 * Solves a zero-dimensional system: the numbers of distinct complex and real solutions (exact) and
 * the real points to `digits` significant digits. MathError('not-zero-dimensional') when the ideal
 * has positive dimension. Over QQ the default is the modular parametrization (./zerodim/); the trace
 * route (Hermite form, RUR) is used when it does not apply (see SolveOptions.method) and says why in
 * `note`. `known`: the reduced Gröbner basis in grevlex (in `known().ring`) when the caller has it or
 * can compute it (an ideal handle, ideal-handle.ts); it is asked for only by the routes that need it.
 */
export function solve<E>(R: PolyRing<E>, gens: readonly Poly<E>[], options: SolveOptions = {}, known?: () => KnownBasis<E>): SolveResult {
  const digits = options.digits ?? 30;
  if (!Number.isInteger(digits) || digits < 1) throw new MathError('bad-digits', `digits must be a positive integer, got ${digits}`);
  const method = options.method ?? 'auto';
  if (!isRationalField(R.field) || (method !== 'auto' && method !== 'parametrization')) return solveByTraces(R, gens, options, digits, known);
  const QR = R as unknown as PolyRing<Rat>;
  const qgens = gens as unknown as readonly Poly<Rat>[];
  let param: Parametrization;
  try {
    param = parametrizationOf(QR, qgens, options);
  } catch (e) {
    if (!(e instanceof MathError)) throw e;
    if (e.code === 'no-solutions' && options.certify) return solveByTraces(R, gens, options, digits, known);
    if (e.code === 'no-solutions') {
      const provenance: Provenance = { algorithm: 'modular-parametrization', field: 'QQ', order: 'grevlex', certified: false, seed: options.seed ?? 0, seconds: 0, note: `${e.message} (probabilistic: not a proof)` };
      return { complex: 0, real: 0, points: [], method: 'modular-parametrization', multiplicityCount: 0, provenance };
    }
    if (method === 'parametrization' || !FALLBACK_CODES.has(e.code)) throw e;
    const fallback = solveByTraces(R, gens, options, digits, known);
    return { ...fallback, note: `the modular parametrization does not apply (${e.code}: ${e.message}); solved by the ${fallback.method} route` };
  }
  if (options.certify && !param.provenance.certified) {
    const fallback = solveByTraces(R, gens, options, digits, known);
    return { ...fallback, note: `the modular parametrization could not be certified (${param.provenance.note ?? ''}); solved by the ${fallback.method} route` };
  }
  // Only the isolating intervals here (the real count); the decimals of the points on first read.
  const roots = isolateSquareFree(param.w, options);
  const complex = param.w.length - 1;
  // The parametrization exists only for radical ideals, whose vdim is the number of solutions.
  const exactPoints = roots.map(pointAtRoot(param));
  const result = { complex, real: roots.length, method: 'modular-parametrization', multiplicityCount: complex, linearForm: param.linearForm, provenance: param.provenance, representation: parametrizationRepresentation(param), exactPoints };
  let points: string[][] | undefined;
  Object.defineProperty(result, 'points', { enumerable: true, get: () => (points ??= sortedDecimals(exactPoints, digits, options)) });
  return result as typeof result & { readonly points: string[][] };
}

/**
 * The decimals of real points with `digits` significant digits (exact rounding: intervals on the
 * points' boxes, the exact route where they cannot decide; realroots/point.ts), sorted lexicographically.
 */
function sortedDecimals(points: readonly RealAlgebraicPoint[], digits: number, options: ComputeOptions): string[][] {
  const keyed = points.map((p) => {
    const text = p.decimals(digits, options);
    return { text, key: text.map(decimalToRational) };
  });
  keyed.sort((x, y) => comparePoints(x.key, y.key));
  return keyed.map((x) => x.text);
}

/** The number of distinct complex solutions, and how it was obtained (no real roots are isolated). */
export interface SolutionCount {
  readonly complex: number;
  readonly method: string;
  readonly provenance?: Provenance;
  readonly note?: string;
}

/**
 * Only the number of distinct complex solutions: over QQ the degree of w(T) of the modular
 * parametrization (no real-root isolation, no points), as `solve` would report it; when the
 * parametrization does not apply (or another method is asked for, or the field is not QQ), the
 * distinct count on the quotient algebra of the grevlex basis (./quotient.ts, Seidenberg).
 */
export function countSolutions<E>(R: PolyRing<E>, gens: readonly Poly<E>[], options: SolveOptions = {}, known?: () => KnownBasis<E>): SolutionCount {
  const method = options.method ?? 'auto';
  let note: string | undefined;
  if (isRationalField(R.field) && (method === 'auto' || method === 'parametrization')) {
    try {
      const param = parametrizationOf(R as unknown as PolyRing<Rat>, gens as unknown as readonly Poly<Rat>[], options);
      if (!options.certify || param.provenance.certified) return { complex: param.w.length - 1, method: 'modular-parametrization', provenance: param.provenance };
      note = `the modular parametrization could not be certified (${param.provenance.note ?? ''}); counted on the quotient algebra`;
    } catch (e) {
      if (!(e instanceof MathError)) throw e;
      if (e.code === 'no-solutions') return { complex: 0, method: 'modular-parametrization', note: `${e.message} (probabilistic: not a proof)` };
      if (method === 'parametrization' || !FALLBACK_CODES.has(e.code)) throw e;
      note = `the modular parametrization does not apply (${e.code}: ${e.message}); counted on the quotient algebra`;
    }
  }
  const { ring: G, basis } = known ? known() : grevlexBasis(R, gens, options);
  const complex = countDistinctSolutions(quotientAlgebra(G, basis, options), options);
  return note === undefined ? { complex, method: 'distinct-count' } : { complex, method: 'distinct-count', note };
}

/** The trace route: quotient algebra of the grevlex basis; Hermite form and/or RUR over QQ, the radical over GF(p). */
function solveByTraces<E>(R: PolyRing<E>, gens: readonly Poly<E>[], options: SolveOptions, digits: number, known?: () => KnownBasis<E>): SolveResult {
  const isRational = isRationalField(R.field);
  const { ring: G, basis, algorithm } = known ? known() : grevlexBasis(R, gens, options);
  options.onProgress?.({ stage: 'solve', basisSize: basis.length, message: `Gröbner basis (${algorithm})` });
  if (basis.length === 1 && totalDegree(basis[0]!.mons[0]!) === 0) {
    return { complex: 0, real: isRational ? 0 : null, points: [], method: isRational ? 'groebner' : 'radical', multiplicityCount: 0 };
  }
  const A = quotientAlgebra(G, basis, options);
  const D = A.monomials.length;
  options.onProgress?.({ stage: 'solve', message: `normal set of ${D} monomials` });
  if (!isRational) {
    const complex = countDistinctSolutions(A, options);
    return { complex, real: null, points: [], method: 'radical', multiplicityCount: D };
  }
  const QA = A as unknown as QuotientAlgebra<Rat>;
  const qgens = gens as unknown as readonly Poly<Rat>[];
  const data = traceData(QA, options);
  const method = options.method ?? 'auto';
  const useHermite = method === 'hermite' || (method !== 'rur' && D <= HERMITE_LIMIT);
  let hermite: HermiteCounts | undefined;
  if (useHermite) {
    hermite = hermiteCounts(QA, data, options);
    options.onProgress?.({ stage: 'solve', message: `Hermite form: ${hermite.complex} complex, ${hermite.real} real` });
  }
  const rur = computeRepresentation(QA, qgens, data, options.seed ?? 0, options, hermite?.complex, () => {
    hermite = hermiteCounts(QA, data, options);
    return hermite.complex;
  });
  const { roots, points } = realPoints(rur, digits);
  if (hermite && roots.length !== hermite.real) {
    throw new MathError('internal', `the Hermite signature (${hermite.real}) and the RUR (${roots.length}) disagree on the number of real solutions`);
  }
  const complex = rur.polynomial.length - 1;
  return {
    complex,
    real: roots.length,
    points,
    method: hermite ? 'hermite+rur' : 'rur',
    multiplicityCount: D,
    linearForm: rur.linearForm,
    representation: { polynomial: rur.polynomial, coordinates: rur.numerators.map((numerator) => ({ numerator, denominator: rur.denominator })), characteristic: rur.characteristic },
  };
}

// =============================================================================================
// FGLM

/**
 * The reduced Gröbner basis, in the order `target`, of the zero-dimensional ideal whose reduced
 * Gröbner basis in R's order is `basis`. The result lives in R.withOrder(target): monic, sorted by
 * leading monomial ascending.
 */
export function fglm<E>(R: PolyRing<E>, basis: readonly Poly<E>[], target: OrderSpec, options: GroebnerOptions = {}): Poly<E>[] {
  const T = R.withOrder(target);
  const F = R.field;
  if (basis.length === 1 && totalDegree(basis[0]!.mons[0]!) === 0) return [T.one()];
  const A = quotientAlgebra(R, basis, options);
  const D = A.monomials.length;
  const n = R.nvars;
  const echelon = new IncrementalEchelon(F);
  const standard: { m: Monomial; vector: E[] }[] = [];
  const leads: Monomial[] = [];
  const result: Poly<E>[] = [];
  const seen = new Set<string>();
  const one = new Int32Array(n);
  const e0 = new Array<E>(D).fill(F.zero);
  e0[0] = F.one;
  // Candidates kept sorted decreasing so that pop() gives the smallest in the target order.
  const candidates: { m: Monomial; vector: () => E[] }[] = [{ m: one, vector: () => e0 }];
  seen.add(monomialKey(one));
  const divisibleByLead = (m: Monomial) => leads.some((l) => l.every((e, i) => e <= m[i]!));
  while (candidates.length > 0) {
    checkInterrupt(options.signal);
    candidates.sort((a, b) => T.order.compare(b.m, a.m));
    const { m, vector } = candidates.pop()!;
    if (divisibleByLead(m)) continue;
    const v = vector();
    const lambda = echelon.dependency(v);
    if (lambda) {
      const terms: [Monomial, E][] = [[m, F.one]];
      lambda.forEach((c, s) => {
        if (!F.isZero(c)) terms.push([standard[s]!.m, F.neg(c)]);
      });
      result.push(T.fromTerms(terms));
      leads.push(m);
      options.onProgress?.({ stage: 'fglm', basisSize: result.length, message: `${standard.length} standard monomials` });
    } else {
      standard.push({ m, vector: v });
      if (standard.length > D) throw new MathError('internal', 'FGLM found more standard monomials than the vdim');
      for (let i = 0; i < n; i++) {
        const next = m.slice();
        next[i]!++;
        const key = monomialKey(next);
        if (seen.has(key)) continue;
        seen.add(key);
        const cols = A.columns[i]!;
        candidates.push({ m: next, vector: () => applyColumns(F, cols, v) });
      }
    }
  }
  return result.sort((f, g) => T.order.compare(f.mons[0]!, g.mons[0]!));
}
