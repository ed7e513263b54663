// Operations on ideals of a polynomial ring, each on plain generator lists and always through the one
// Gröbner entry point (groebner/index.ts), so that every operation benefits from the fastest engine.
//
// - Elimination with a block order whose first block holds the eliminated variables (the variables
//   are permuted so that they come first; results are mapped back).
// - Intersection: I ∩ J = (t·I + (1 - t)·J) ∩ R; saturation I : g^∞ by Rabinowitsch's trick
//   (I + (1 - t·g)) ∩ R, and I : J^∞ = ∩_g I : g^∞; quotient I : J = ∩_g (I ∩ (g)) / g.
//   (Cox, Little, O'Shea, "Ideals, Varieties, and Algorithms", §4.3–4.4.)
// - Hilbert series of R/in(I) for a degree-compatible order by the pivot recursion
//   N(M) = N(M + (p)) + t^deg(p) N(M : p) with p a power of a variable (Bigatti 1997). The affine
//   Hilbert function of R/I is that of R/in(I) (grevlex refines degree), so the Krull dimension is
//   the order of the pole at t = 1 and the degree the reduced numerator at t = 1.
// - Standard monomials of a zero-dimensional ideal (a vector-space basis of R/I) by a depth-first
//   walk of the order ideal below the pure powers among the leading monomials.
// - Radical of a zero-dimensional ideal by Seidenberg's lemma: add the square-free parts of the
//   characteristic polynomials of the multiplications by each variable.
import { MathError } from './errors.js';
import { QQ, type Rat } from './field.js';
import { groebner, normalForm, type GroebnerOptions } from './groebner/index.js';
import { characteristicPolynomial } from './linalg/charpoly.js';
import { type Monomial, totalDegree } from './monomial.js';
import { PolyRing, type Poly } from './poly.js';
import { multiplicationMatrices, quotientAlgebra } from './solve.js';
import { UnivariateRing, univariateToPoly } from './univariate.js';

type Gens<E> = readonly Poly<E>[];

export function reducedBasis<E>(R: PolyRing<E>, gens: Gens<E>, options: GroebnerOptions = {}): Poly<E>[] {
  return groebner(R, gens, options).basis;
}

export function isUnitIdeal<E>(R: PolyRing<E>, gens: Gens<E>, options: GroebnerOptions = {}): boolean {
  const basis = reducedBasis(R, gens, options);
  return basis.some((g) => R.isConstant(g) && !R.isZero(g));
}

export function member<E>(R: PolyRing<E>, f: Poly<E>, gens: Gens<E>, options: GroebnerOptions = {}): boolean {
  return R.isZero(normalForm(R, f, reducedBasis(R, gens, options), options.signal));
}

/** Same ideal: equal reduced Gröbner bases (the reduced basis is unique for a fixed order). */
export function idealEquals<E>(R: PolyRing<E>, a: Gens<E>, b: Gens<E>, options: GroebnerOptions = {}): boolean {
  const ga = reducedBasis(R, a, options);
  const gb = reducedBasis(R, b, options);
  return ga.length === gb.length && ga.every((g, i) => R.equals(g, gb[i]!));
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
export function eliminate<E>(R: PolyRing<E>, gens: Gens<E>, eliminated: readonly number[], options: GroebnerOptions = {}): Poly<E>[] {
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
export function intersect<E>(R: PolyRing<E>, I: Gens<E>, J: Gens<E>, options: GroebnerOptions = {}): Poly<E>[] {
  const { T, lift, t, drop } = withExtraVariable(R);
  const oneMinusT = T.sub(T.one(), t);
  const gens = [...I.map((f) => T.mul(t, lift(f))), ...J.map((g) => T.mul(oneMinusT, lift(g)))];
  return eliminate(T, gens, [0], options).map(drop);
}

/** I : g^∞ = (I + (1 - t·g)) ∩ R. */
export function saturateByPolynomial<E>(R: PolyRing<E>, I: Gens<E>, g: Poly<E>, options: GroebnerOptions = {}): Poly<E>[] {
  if (R.isZero(g)) return [R.one()];
  const { T, lift, t, drop } = withExtraVariable(R);
  const gens = [...I.map(lift), T.sub(T.one(), T.mul(t, lift(g)))];
  return eliminate(T, gens, [0], options).map(drop);
}

/** I : J^∞ = ∩_{g ∈ J} I : g^∞. */
export function saturate<E>(R: PolyRing<E>, I: Gens<E>, J: Gens<E>, options: GroebnerOptions = {}): Poly<E>[] {
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
export function quotient<E>(R: PolyRing<E>, I: Gens<E>, J: Gens<E>, options: GroebnerOptions = {}): Poly<E>[] {
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
// Hilbert series

/** Numerator coefficients (from t^0) of the Hilbert series of k[x_1..x_n]/M over (1 - t)^n. */
export function monomialHilbertNumerator(gens: readonly Monomial[], nvars: number): bigint[] {
  return numerator(minimalize(gens.map((m) => Int32Array.from(m))), nvars);
}

function dividesMonomial(a: Monomial, b: Monomial): boolean {
  for (let i = 0; i < a.length; i++) if (a[i]! > b[i]!) return false;
  return true;
}

/** Minimal generators of a monomial ideal. */
function minimalize(gens: Monomial[]): Monomial[] {
  const sorted = [...gens].sort((a, b) => totalDegree(a) - totalDegree(b));
  const out: Monomial[] = [];
  for (const m of sorted) if (!out.some((g) => dividesMonomial(g, m))) out.push(m);
  return out;
}

function addPoly(a: bigint[], b: readonly bigint[], shift = 0): bigint[] {
  const out = a.slice();
  for (let k = 0; k < b.length; k++) {
    while (out.length <= k + shift) out.push(0n);
    out[k + shift]! += b[k]!;
  }
  return out;
}

function mulPoly(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  const out = new Array<bigint>(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j]! += a[i]! * b[j]!;
  return out;
}

/** 1 - t^d */
function oneMinusPower(d: number): bigint[] {
  const p = new Array<bigint>(d + 1).fill(0n);
  p[0] = 1n;
  p[d] = (p[d] ?? 0n) - 1n;
  return p;
}

function numerator(gens: Monomial[], nvars: number): bigint[] {
  if (gens.length === 0) return [1n];
  // Base case: pairwise coprime generators form a regular sequence: ∏ (1 - t^deg).
  let coprime = true;
  const seen = new Int32Array(nvars);
  outer: for (const g of gens) {
    for (let i = 0; i < nvars; i++) {
      if (g[i]! > 0) {
        if (seen[i]) {
          coprime = false;
          break outer;
        }
        seen[i] = 1;
      }
    }
  }
  if (coprime) return gens.reduce<bigint[]>((acc, g) => mulPoly(acc, oneMinusPower(totalDegree(g))), [1n]);
  // Pivot: the variable occurring in most non-pure-power generators, at its median exponent.
  const counts = new Int32Array(nvars);
  for (const g of gens) {
    let support = 0;
    for (let i = 0; i < nvars; i++) if (g[i]! > 0) support++;
    if (support > 1) for (let i = 0; i < nvars; i++) if (g[i]! > 0) counts[i]!++;
  }
  let variable = 0;
  for (let i = 1; i < nvars; i++) if (counts[i]! > counts[variable]!) variable = i;
  const exponents = gens.map((g) => g[variable]!).filter((e) => e > 0).sort((a, b) => a - b);
  const e = exponents[Math.floor((exponents.length - 1) / 2)]!;
  const pivot = new Int32Array(nvars);
  pivot[variable] = e;
  // N(M) = N(M + (p)) + t^e N(M : p)
  const plus = minimalize([...gens.filter((g) => !dividesMonomial(pivot, g)), pivot]);
  const colon = minimalize(gens.map((g) => {
    const r = g.slice();
    r[variable] = Math.max(0, g[variable]! - e);
    return r;
  }));
  return addPoly(numerator(plus, nvars), numerator(colon, nvars), e);
}

export interface HilbertSeries {
  /** Reduced numerator coefficients from t^0: the series is numerator(t) / (1 - t)^power. */
  readonly numerator: bigint[];
  /** The order of the pole at t = 1: the Krull dimension of R/I. */
  readonly power: number;
}

/** A ring with R's variables and field under grevlex (degree-compatible), and the map into it. */
function gradedRing<E>(R: PolyRing<E>): { G: PolyRing<E>; map: (f: Poly<E>) => Poly<E> } {
  if (R.order.spec.kind === 'grevlex') return { G: R, map: (f) => f };
  const G = R.withOrder({ kind: 'grevlex' });
  return { G, map: (f) => R.convert(f, G, (c) => c) };
}

/**
 * The Hilbert series of R/in(I) for grevlex. For a homogeneous I it is the Hilbert series of R/I;
 * for any I its partial sums are the affine Hilbert function of R/I. In lowest terms.
 */
export function hilbertSeries<E>(R: PolyRing<E>, gens: Gens<E>, options: GroebnerOptions = {}): HilbertSeries {
  const { G, map } = gradedRing(R);
  const basis = reducedBasis(G, gens.map(map), options);
  if (basis.some((g) => G.isConstant(g) && !G.isZero(g))) return { numerator: [0n], power: 0 };
  let num = monomialHilbertNumerator(basis.map((g) => g.mons[0]!), R.nvars);
  let power = R.nvars;
  // Cancel factors (1 - t) while the numerator vanishes at t = 1 (synthetic division by t - 1).
  while (power > 0 && num.reduce((a, b) => a + b, 0n) === 0n) {
    const q: bigint[] = [];
    let acc = 0n;
    for (let k = 0; k < num.length - 1; k++) {
      acc += num[k]!;
      q.push(acc);
    }
    num = q;
    power--;
  }
  while (num.length > 1 && num[num.length - 1] === 0n) num.pop();
  return { numerator: num, power };
}

/** Krull dimension of R/I (-1 for the unit ideal). */
export function dimension<E>(R: PolyRing<E>, gens: Gens<E>, options: GroebnerOptions = {}): number {
  const s = hilbertSeries(R, gens, options);
  return s.numerator.length === 1 && s.numerator[0] === 0n ? -1 : s.power;
}

export function codimension<E>(R: PolyRing<E>, gens: Gens<E>, options: GroebnerOptions = {}): number {
  return R.nvars - dimension(R, gens, options);
}

/** The degree: the reduced numerator at t = 1 (0 for the unit ideal). */
export function degree<E>(R: PolyRing<E>, gens: Gens<E>, options: GroebnerOptions = {}): bigint {
  return hilbertSeries(R, gens, options).numerator.reduce((a, b) => a + b, 0n);
}

export function isZeroDimensional<E>(R: PolyRing<E>, gens: Gens<E>, options: GroebnerOptions = {}): boolean {
  return dimension(R, gens, options) === 0;
}

/** dim_k R/I (finite only for zero-dimensional I): the number of standard monomials. */
export function vdim<E>(R: PolyRing<E>, gens: Gens<E>, options: GroebnerOptions = {}): bigint {
  const s = hilbertSeries(R, gens, options);
  if (s.power > 0) throw new MathError('not-zero-dimensional', `the ideal has positive dimension ${s.power}; vdim needs finitely many solutions`);
  return s.numerator.reduce((a, b) => a + b, 0n);
}

/**
 * The Hilbert polynomial: for large s, dim_k (R/in(I))_s (for a homogeneous I, dim_k (R/I)_s), as
 * rational coefficients in s from s^0. For the series numerator(t)/(1-t)^d the coefficient of t^s is
 * Σ_k a_k C(s - k + d - 1, d - 1) once s ≥ deg(numerator). Takes a series, or a ring and generators.
 * Its leading coefficient times (d - 1)! is the degree.
 */
export function hilbertPolynomial(series: HilbertSeries): Rat[];
export function hilbertPolynomial<E>(R: PolyRing<E>, gens: Gens<E>, options?: GroebnerOptions): Rat[];
export function hilbertPolynomial<E>(first: HilbertSeries | PolyRing<E>, gens?: Gens<E>, options: GroebnerOptions = {}): Rat[] {
  const series = first instanceof PolyRing ? hilbertSeries(first, gens ?? [], options) : first;
  const d = series.power;
  if (d === 0) return [QQ.zero];
  let result: Rat[] = [QQ.zero];
  series.numerator.forEach((a, k) => {
    // C(s - k + d - 1, d - 1) = ∏_{j=1}^{d-1} (s - k + j) / j
    let p: Rat[] = [QQ.one];
    for (let j = 1; j <= d - 1; j++) {
      const factor: Rat[] = [QQ.fromRational(BigInt(j - k), BigInt(j)), QQ.fromRational(1n, BigInt(j))];
      const next: Rat[] = new Array(p.length + 1).fill(QQ.zero);
      p.forEach((c, i) => {
        next[i] = QQ.add(next[i]!, QQ.mul(c, factor[0]!));
        next[i + 1] = QQ.add(next[i + 1]!, QQ.mul(c, factor[1]!));
      });
      p = next;
    }
    const scaled = p.map((c) => QQ.mul(c, QQ.fromBigInt(a)));
    result = scaled.map((c, i) => QQ.add(c, result[i] ?? QQ.zero));
  });
  while (result.length > 1 && QQ.isZero(result[result.length - 1]!)) result.pop();
  return result;
}

/**
 * The standard monomials of a zero-dimensional ideal given by a Gröbner basis of it in R's order:
 * the monomials divisible by no leading monomial, a basis of R/I as a vector space. Sorted
 * ascending in R's order (1 first). MathError('not-zero-dimensional') when there are infinitely many.
 */
export function standardMonomials<E>(R: PolyRing<E>, basis: Gens<E>): Monomial[] {
  const leads = basis.filter((g) => !R.isZero(g)).map((g) => g.mons[0]!);
  if (leads.some((m) => totalDegree(m) === 0)) return [];
  // Zero-dimensional exactly when every variable has a pure power among the leading monomials; its
  // exponent bounds the standard monomials in that variable.
  const bounds: number[] = [];
  for (let i = 0; i < R.nvars; i++) {
    let bound = Infinity;
    for (const m of leads) {
      if (m[i]! > 0 && totalDegree(m) === m[i]!) bound = Math.min(bound, m[i]!);
    }
    if (bound === Infinity) {
      throw new MathError('not-zero-dimensional', `the ideal has no pure power of ${R.vars[i]} among its leading monomials: infinitely many standard monomials`);
    }
    bounds.push(bound);
  }
  const out: Monomial[] = [];
  const current = new Int32Array(R.nvars);
  const isStandard = (m: Monomial) => !leads.some((g) => dividesMonomial(g, m));
  // Depth-first over exponent vectors below the bounds; a monomial that is not standard has no
  // standard multiples, so that branch stops (the set of standard monomials is an order ideal).
  const visit = (i: number): void => {
    if (i === R.nvars) {
      out.push(current.slice());
      return;
    }
    for (let e = 0; e < bounds[i]!; e++) {
      current[i] = e;
      if (!isStandard(current)) break;
      visit(i + 1);
    }
    current[i] = 0;
  };
  visit(0);
  return out.sort(R.order.compare);
}

// ---------------------------------------------------------------------------------------------
// Radical (zero-dimensional)

/**
 * The radical of a zero-dimensional ideal (Seidenberg's lemma): I + (sqfree χ_i(x_i)) where χ_i is
 * the characteristic polynomial of the multiplication by x_i on R/I. Needs characteristic 0 or
 * larger than vdim (so that square-free parts are separable).
 */
export function radical<E>(R: PolyRing<E>, gens: Gens<E>, options: GroebnerOptions = {}): Poly<E>[] {
  const { G, map } = gradedRing(R);
  const basis = reducedBasis(G, gens.map(map), options);
  if (basis.some((g) => G.isConstant(g) && !G.isZero(g))) return [R.one()];
  const d = dimension(G, basis, options);
  if (d > 0) throw new MathError('not-implemented', `radical is implemented for zero-dimensional ideals; this one has dimension ${d}`);
  const algebra = quotientAlgebra(G, basis, options);
  const U = new UnivariateRing(R.field);
  const extra = multiplicationMatrices(algebra).map((M, i) => univariateToPoly(R, U.squareFreePart(characteristicPolynomial(R.field, M)), i));
  return reducedBasis(R, [...gens, ...extra], options);
}
