// Hilbert series and standard monomials from the leading monomials of a Gröbner basis: pure
// combinatorics on monomial ideals, no polynomial arithmetic (the Gröbner bases come from
// ideal-handle.ts, which caches these results per ideal).
//
// Representation: monomials are exponent vectors (Int32Array); a Hilbert series is
// numerator(t) / (1 - t)^power with integer numerator coefficients from t^0, in lowest terms.
//
// - Hilbert series of k[x]/M for a monomial ideal M by the pivot recursion
//   N(M) = N(M + (p)) + t^deg(p) N(M : p) with p a power of a variable (A. M. Bigatti, "Computation
//   of Hilbert-Poincaré series", J. Pure Appl. Algebra 119 (1997) 237-253). For a degree-compatible
//   order the affine Hilbert function of R/I is that of R/in(I), so the Krull dimension is the order
//   of the pole at t = 1 and the degree the reduced numerator at t = 1 (Cox, Little, O'Shea,
//   "Ideals, Varieties, and Algorithms", §9.3).
// - Standard monomials of a zero-dimensional ideal (a vector-space basis of R/I) by a depth-first
//   walk of the order ideal below the pure powers among the leading monomials.
import { MathError } from './errors.js';
import { QQ, type Rat } from './field.js';
import { type Monomial, totalDegree } from './monomial.js';
import type { Poly, PolyRing } from './poly.js';

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

/**
 * The Hilbert series of k[x_1..x_n]/(leads), in lowest terms; for the leading monomials of a Gröbner
 * basis in a degree-compatible order, the series of R/in(I), whose partial sums are the affine
 * Hilbert function of R/I. A constant among the leads (the unit ideal) gives numerator [0], power 0.
 */
export function hilbertSeriesOfLeads(leads: readonly Monomial[], nvars: number): HilbertSeries {
  if (leads.some((m) => totalDegree(m) === 0)) return { numerator: [0n], power: 0 };
  let num = monomialHilbertNumerator(leads, nvars);
  let power = nvars;
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

/** The Krull dimension of R/I from its Hilbert series (-1 for the unit ideal). */
export function seriesDimension(s: HilbertSeries): number {
  return s.numerator.length === 1 && s.numerator[0] === 0n ? -1 : s.power;
}

/** The degree: the reduced numerator at t = 1 (0 for the unit ideal). */
export function seriesDegree(s: HilbertSeries): bigint {
  return s.numerator.reduce((a, b) => a + b, 0n);
}

/**
 * The Hilbert polynomial: for large s, dim_k (R/in(I))_s (for a homogeneous I, dim_k (R/I)_s), as
 * rational coefficients in s from s^0. For the series numerator(t)/(1-t)^d the coefficient of t^s is
 * Σ_k a_k C(s - k + d - 1, d - 1) once s ≥ deg(numerator). Its leading coefficient times (d - 1)! is
 * the degree.
 */
export function hilbertPolynomial(series: HilbertSeries): Rat[] {
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
export function standardMonomials<E>(R: PolyRing<E>, basis: readonly Poly<E>[]): Monomial[] {
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
