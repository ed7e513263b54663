// Discriminants and sweeps of families of zero-dimensional systems.
//
// Setting: a square system F(x, t) = 0 (as many equations as unknowns x) whose ring also holds the
// parameters t (./family.ts); for a generic t it has finitely many solutions. The number of complex
// solutions (and so of real ones, which change only where complex ones do or meet) can change only
// where (Cox–Little–O'Shea, "Using Algebraic Geometry", §3.5 and §7.2 on discriminants; Gianni 1987,
// Kalkbrener 1997 on the specialization of Gröbner bases):
// - two solutions meet: t in the projection of V(F, det ∂F/∂x), the *critical* part, computed as the
//   elimination ideal (F, det ∂F/∂x) ∩ Q[t] (a block order with x first);
// - a solution escapes to infinity: t where the Gröbner basis G of (F) in the block order x > t fails
//   to specialize, contained in the zeros of the leading coefficients lc_x(g) ∈ Q[t] of the g ∈ G that
//   involve x (where none vanishes, G(t0) is a basis of F(·, t0) with the same leading monomials, so
//   the count with multiplicity is the generic one; the *infinity* part). Constant leading
//   coefficients, such as those of a saturation variable 1 - z·h whose h vanishes nowhere, contribute
//   nothing: components at infinity that exist for every t are saturated away by the basis itself.
// The discriminant is the union (for one parameter: the square-free part of the product of the two
// univariate generators). It contains the locus where the count changes and may be larger: a factor
// of a leading coefficient where the count does not change after all (the tests and the sweep check
// the regions). A family whose critical part is everything (solutions are double for every t) has no
// discriminant in this sense: MathError('not-generically-radical').
// classifyRoots (one parameter): which roots of the discriminant are places where the counts change
// and which are spurious, by the exact complex count in the fibres over each irreducible factor and the
// exact real counts on either side of each real root (see the function).
// sweep: the numbers of complex and real solutions at the grid t_k = a + k (b - a)/n, exactly (solve).
import { MathError } from '../math/errors.js';
import { QQ, type Rat, SmallPrimeField, compareRat, randomPrime } from '../math/field.js';
import { MODULAR_SERIES_PRIMES } from '../math/modular-series.js';
import type { Random } from '../math/random.js';
import * as ideals from '../math/ideal.js';
import { jacobian, polyDeterminant } from '../math/linalg/polymatrix.js';
import type { Monomial } from '../math/monomial.js';
import { PolyRing } from '../math/poly.js';
import type { ComputeOptions } from '../math/progress.js';
import { countSolutions, solve } from '../math/solve.js';
import { factorPolynomial } from '../math/factor/index.js';
import { type RealRoot, isolateRealRoots } from '../math/univariate/isolate.js';
import { countRealRoots } from '../math/univariate/sturm.js';
import { intSquareFree } from '../math/univariate/square-free.js';
import type { QQPoly, QQRing } from './common.js';
import { specialization, specializePoly } from './family.js';

export interface DiscriminantResult {
  /** The ring of the parameters (their names, in the order given). */
  readonly ring: QQRing;
  /** The discriminant: for one parameter one square-free polynomial, else the generators of the union. */
  readonly polynomials: QQPoly[];
  /** Where two solutions meet: generators of (F, det ∂F/∂x) ∩ Q[t]. */
  readonly critical: QQPoly[];
  /** Where a solution may escape to infinity: the non-constant leading coefficients (their product's square-free part for one parameter). */
  readonly infinity: QQPoly[];
  /** Where the family is undefined (denominators of a family over QQ(t); else empty). */
  readonly poles: QQPoly[];
  /** For one parameter: the degree of the discriminant and its number of distinct real roots. */
  readonly degree?: number;
  readonly realRoots?: number;
  readonly method: string;
}

/** The variables of R other than `params`, checked: as many as the equations. */
function unknowns(R: QQRing, F: readonly QQPoly[], params: readonly number[]): number[] {
  if (params.length === 0) throw new MathError('domain', 'a discriminant needs at least one parameter');
  const xs = R.vars.map((_, i) => i).filter((i) => !params.includes(i));
  if (xs.length !== F.length) {
    throw new MathError('shape', `a discriminant needs a square system: ${F.length} equations in ${xs.length} unknowns (${xs.map((i) => R.vars[i]).join(', ')})`);
  }
  return xs;
}

/** R with the unknowns first, then the parameters, in the block order (grevlex, grevlex); and the maps. */
function blockRing(R: QQRing, xs: readonly number[], params: readonly number[]) {
  const order = [...xs, ...params];
  const S = new PolyRing(QQ, order.map((i) => R.vars[i]!), { kind: 'block', blocks: [{ size: xs.length, order: 'grevlex' }, { size: params.length, order: 'grevlex' }] });
  const P = new PolyRing(QQ, params.map((i) => R.vars[i]!));
  const move = (f: QQPoly) => S.fromTerms(f.mons.map((m, k) => [Int32Array.from(order, (i) => m[i]!) as Monomial, f.coeffs[k]!] as const));
  const toParams = (f: QQPoly) => P.fromTerms(f.mons.map((m, k) => [m.slice(xs.length) as Monomial, f.coeffs[k]!] as const));
  return { S, P, move, toParams };
}

/** A univariate polynomial of P (one variable) as dense integer coefficients, low degree first. */
function denseOf(P: QQRing, f: QQPoly): Rat[] {
  const d = P.degree(f);
  const out = Array.from({ length: d + 1 }, () => QQ.zero);
  f.mons.forEach((m, k) => (out[m[0]!] = f.coeffs[k]!));
  return out;
}

function fromDense(P: QQRing, a: readonly bigint[]): QQPoly {
  return P.fromTerms(a.map((c, k) => [Int32Array.of(k) as Monomial, QQ.fromBigInt(c)] as const));
}

function squareFreeProduct(P: QQRing, fs: readonly QQPoly[]): QQPoly {
  const product = fs.reduce((a, f) => P.mul(a, f), P.one());
  const dense = denseOf(P, product);
  const den = dense.reduce((l, c) => (c.den > l ? l * c.den : l), 1n);
  const ints = dense.map((c) => (c.num * den) / c.den);
  return fromDense(P, intSquareFree(ints));
}

/**
 * `poles`: polynomials in the parameters (in the order of `params`) where the family is undefined (the
 * denominators of a family declared over QQ(t), ./generic-fibre.ts); they join the discriminant as
 * its part `poles`.
 */
export function discriminant(R: QQRing, F: readonly QQPoly[], params: readonly number[], options: ComputeOptions = {}, poles: readonly QQPoly[] = []): DiscriminantResult {
  const xs = unknowns(R, F, params);
  const { S, P, move, toParams } = blockRing(R, xs, params);
  const n = xs.length;
  const system = F.map(move);
  const J = polyDeterminant(S, jacobian(S, system, Array.from({ length: n }, (_, i) => i)));
  const onlyParams = (g: QQPoly) => g.mons.every((m) => m.slice(0, n).every((e) => e === 0));
  const criticalBasis = ideals.reducedBasis(S, [...system, J], options).filter(onlyParams).map(toParams);
  if (criticalBasis.length === 0) {
    throw new MathError('not-generically-radical', 'every parameter value has a double (or non-isolated) solution: the eliminant of the system and its Jacobian determinant is zero');
  }
  const basis = ideals.reducedBasis(S, system, options);
  if (basis.length === 1 && S.isConstant(basis[0]!)) throw new MathError('no-solutions', 'the system has no solutions for any parameter value');
  const infinity: QQPoly[] = [];
  for (const g of basis) {
    if (onlyParams(g)) {
      throw new MathError('not-generically-finite', `the system has no solutions for generic parameter values: its Gröbner basis holds ${P.toText(toParams(g))} = 0, a condition on the parameters alone`);
    }
    const lead = g.mons[0]!;
    const lc = g.mons.map((m, k) => [m, g.coeffs[k]!] as const).filter(([m]) => m.slice(0, n).every((e, i) => e === lead[i]));
    const c = toParams(S.fromTerms(lc.map(([m, a]) => [Int32Array.from(m, (e, i) => (i < n ? 0 : e)) as Monomial, a] as const)));
    if (!P.isConstant(c) && !infinity.some((h) => P.equals(P.monic(h), P.monic(c)))) infinity.push(P.monic(c));
  }
  const method = 'critical part: the eliminant of (F, det ∂F/∂x) (block order, unknowns first); infinity part: the leading coefficients in the unknowns of the Gröbner basis of F in that order';
  const polePart = poles.map((h) => P.monic(P.fromTerms(h.mons.map((m, k) => [m, h.coeffs[k]!] as const)))).filter((h) => !P.isConstant(h));
  if (params.length > 1) {
    const product = [...infinity, ...polePart];
    const infinityIdeal = product.length > 0 ? [product.reduce((a, h) => P.mul(a, h), P.one())] : [P.one()];
    const union = ideals.intersect(P, criticalBasis, infinityIdeal, options);
    return { ring: P, polynomials: union, critical: criticalBasis, infinity, poles: polePart, method };
  }
  const critical = criticalBasis.length === 1 ? criticalBasis : [ideals.reducedBasis(P, criticalBasis, options)[0]!];
  const infinityPart = infinity.length > 0 ? [squareFreeProduct(P, infinity)] : [];
  const polesPart = polePart.length > 0 ? [squareFreeProduct(P, polePart)] : [];
  const D = squareFreeProduct(P, [...critical, ...infinityPart, ...polesPart]);
  const dense = denseOf(P, D);
  return {
    ring: P,
    polynomials: [D],
    critical,
    infinity: infinityPart,
    poles: polesPart,
    degree: dense.length - 1,
    realRoots: dense.length > 1 ? countRealRoots(dense) : 0,
    method,
  };
}

export interface SweepPoint {
  readonly t: Rat;
  /** Distinct complex solutions at t; null when the fibre is not finite. */
  readonly complex: number | null;
  readonly real: number | null;
}

/** Complex and real solution counts of F(·, t) at t = a + k (b - a)/n, k = 0..n (exact, ../math/solve.ts). */
export function sweep(R: QQRing, F: readonly QQPoly[], t: number, a: Rat, b: Rat, n: number, options: ComputeOptions = {}): SweepPoint[] {
  if (!Number.isInteger(n) || n < 1) throw new MathError('domain', `the number of steps must be a positive integer, got ${n}`);
  unknowns(R, F, [t]);
  const step = QQ.div(QQ.sub(b, a), QQ.fromBigInt(BigInt(n)));
  return Array.from({ length: n + 1 }, (_, k) => countsAt(R, F, t, QQ.add(a, QQ.mul(step, QQ.fromBigInt(BigInt(k)))), options));
}

/** The complex and real solution counts of F(·, t) at one value of t (null counts: not a finite fibre). */
export function countsAt(R: QQRing, F: readonly QQPoly[], t: number, value: Rat, options: ComputeOptions = {}): SweepPoint {
  const sp = specialization(R, new Map([[t, value]]));
  const T = sp.target!;
  const gens = F.map((f) => specializePoly(sp, f)).filter((f) => f.mons.length > 0);
  try {
    const res = solve(T, gens, { ...options, digits: 5 } as Parameters<typeof solve>[2]);
    return { t: value, complex: res.complex, real: res.real };
  } catch (e) {
    if (e instanceof MathError && e.code === 'not-zero-dimensional') return { t: value, complex: null, real: null };
    throw e;
  }
}

/** The simplest rational (smallest denominator, then numerator) in [a, b], a <= b (continued fractions). */
export function simplestBetween(a: Rat, b: Rat): Rat {
  if (a.num <= 0n && b.num >= 0n) return QQ.zero;
  if (b.num < 0n) return QQ.neg(simplestBetween(QQ.neg(b), QQ.neg(a)));
  const n = a.num / a.den; // floor, a > 0
  const fl = QQ.fromBigInt(n);
  if (QQ.eq(fl, a)) return a;
  const next = QQ.fromBigInt(n + 1n);
  if (compareRat(next, b) <= 0) return next;
  // a, b in (n, n + 1): n + 1 / simplest(1 / (b - n), 1 / (a - n)).
  return QQ.add(fl, QQ.inv(simplestBetween(QQ.inv(QQ.sub(b, fl)), QQ.inv(QQ.sub(a, fl)))));
}

export interface Region {
  /** Indices (in the sorted real roots) of the roots bounding the region (null: unbounded). */
  readonly below: number | null;
  readonly above: number | null;
  /** A rational point strictly inside the region (the simplest one between the isolating intervals). */
  readonly sample: Rat;
  readonly counts: SweepPoint;
}

/**
 * The regions of the parameter line cut out by the real roots of the one-parameter discriminant D
 * (isolated exactly, ../math/univariate/isolate.ts), each with a rational sample strictly between two
 * consecutive isolating intervals (no root lies between them) and the solution counts of F there.
 * The counts are constant on each region (D contains the locus where they change).
 */
export function regions(R: QQRing, F: readonly QQPoly[], t: number, D: readonly Rat[], options: ComputeOptions = {}): { roots: RealRoot[]; regions: Region[] } {
  const roots = D.length > 1 ? isolateRealRoots(D) : [];
  const floor = (x: Rat) => (x.num >= 0n ? x.num / x.den : -((-x.num + x.den - 1n) / x.den));
  const samples: Rat[] = [];
  if (roots.length === 0) samples.push(QQ.zero);
  else {
    samples.push(QQ.fromBigInt(floor(roots[0]!.lo) - 1n));
    for (let k = 0; k + 1 < roots.length; k++) {
      // Strictly between: an exact root (lo = hi) is an endpoint that may not be the sample.
      const [a, b] = [roots[k]!.hi, roots[k + 1]!.lo];
      const third = QQ.div(QQ.sub(b, a), QQ.fromBigInt(3n));
      const exact = QQ.eq(roots[k]!.lo, a) || QQ.eq(roots[k + 1]!.hi, b);
      samples.push(exact ? simplestBetween(QQ.add(a, third), QQ.sub(b, third)) : simplestBetween(a, b));
    }
    samples.push(QQ.fromBigInt(floor(roots[roots.length - 1]!.hi) + 2n));
  }
  const index = (k: number) => (k >= 0 && k < roots.length ? k : null);
  const out = samples.map((sample, k) => {
    // A sample on an isolating interval's endpoint is no root (the endpoints of an inexact interval are not roots).
    for (const r of roots) if (QQ.eq(r.lo, r.hi) && QQ.eq(r.lo, sample)) throw new MathError('internal', 'a region sample is a root of the discriminant');
    return { below: index(k - 1), above: index(k), sample, counts: countsAt(R, F, t, sample, options) };
  });
  return { roots, regions: out };
}

export interface FactorCheck {
  /** An irreducible factor of the discriminant over QQ (primitive, positive leading coefficient). */
  readonly polynomial: QQPoly;
  /** Distinct complex solutions of F at each root of the factor (null: not a finite fibre). */
  readonly complex: number | null;
  /** How many of its real roots the real count changes across. */
  readonly crossings: number;
  /** Nothing changes at its roots: the complex count there is the generic one and no real count changes across them. */
  readonly spurious: boolean;
}

export interface RootCheck {
  /** Isolating interval of the real root (lo = hi for a rational root found exactly). */
  readonly lo: Rat;
  readonly hi: Rat;
  /** Index in `factors` of the factor it is a root of. */
  readonly factor: number;
  /** Real solutions just below and just above the root (at the samples of the neighbouring regions). */
  readonly below: number | null;
  readonly above: number | null;
  /** Distinct complex solutions at the root. */
  readonly complex: number | null;
  /** The real count changes across the root, or the complex count differs from the generic one at it. */
  readonly changes: boolean;
}

export interface RootClassification {
  /** Distinct complex solutions at a generic parameter value (at the sample of the first region). */
  readonly generic: number | null;
  readonly factors: FactorCheck[];
  readonly roots: RootCheck[];
  readonly regions: Region[];
}

/**
 * Which roots of a one-parameter discriminant D (square-free, in the parameter ring P) are places where
 * the solutions of F change, and which are spurious (a leading coefficient that vanishes while no
 * solution escapes, a real point where two non-real solutions touch... ). Exact, by two counts:
 * - at the roots of each irreducible factor p of D (over QQ, ../math/factor): the distinct complex
 *   solutions of F in one fibre over a root of p are those of the zero-dimensional system F, p(t) in
 *   QQ[x, t] divided by deg p (the roots of p are conjugate, so every fibre over them has the same
 *   count), counted modulo MODULAR_SERIES_PRIMES random primes of [2^25, 2^26) that must agree (the
 *   distinct count of the reduction equals the count over QQ except for finitely many primes; bound
 *   `randomPrimesBound`), exactly over QQ when they do not; the generic count is the exact count at
 *   a region's sample (every non-root of D is generic);
 * - across each real root: the exact real counts at the samples of the two neighbouring regions
 *   (`regions`; the counts are constant on each region).
 * A factor is spurious when its fibres have the generic complex count and the real count changes
 * across none of its real roots.
 */
export function classifyRoots(R: QQRing, F: readonly QQPoly[], t: number, P: QQRing, D: QQPoly, random: Random, options: ComputeOptions = {}): RootClassification {
  const dense = denseOf(P, D);
  const { roots, regions: parts } = regions(R, F, t, dense, options);
  const generic = parts[0]!.counts.complex;
  const factors = P.isConstant(D) ? [] : factorPolynomial(P, D, options).factors.map((f) => f.factor);
  const complexAt = factors.map((p) => {
    const image = R.fromTerms(p.mons.map((m, k) => {
      const e = new Int32Array(R.nvars);
      e[t] = m[0]!;
      return [e as Monomial, p.coeffs[k]!] as const;
    }));
    const total = distinctCountModulo(R, [...F, image], random, options);
    return total === null ? null : total / P.degree(p);
  });
  const sign = (p: QQPoly, x: Rat) => Math.sign(Number(P.evaluate(p, [x]).num));
  const rootChecks = roots.map((r, k) => {
    const factor = factors.findIndex((p) => (QQ.eq(r.lo, r.hi) ? sign(p, r.lo) === 0 : sign(p, r.lo) * sign(p, r.hi) < 0));
    if (factor < 0) throw new MathError('internal', 'a real root of the discriminant is a root of none of its factors');
    const below = parts[k]!.counts.real;
    const above = parts[k + 1]!.counts.real;
    const complex = complexAt[factor]!;
    return { lo: r.lo, hi: r.hi, factor, below, above, complex, changes: below !== above || complex !== generic };
  });
  const checks = factors.map((p, i) => {
    const crossings = rootChecks.filter((r) => r.factor === i && r.below !== r.above).length;
    return { polynomial: p, complex: complexAt[i]!, crossings, spurious: crossings === 0 && complexAt[i] === generic };
  });
  return { generic, factors: checks, roots: rootChecks, regions: parts };
}

/**
 * The number of distinct complex solutions of a zero-dimensional system over QQ, counted modulo
 * MODULAR_SERIES_PRIMES random primes that must agree (../math/solve.ts countSolutions over GF(p):
 * the distinct count on the quotient algebra), exactly when they do not; null when not zero-dimensional.
 */
function distinctCountModulo(R: QQRing, F: readonly QQPoly[], random: Random, options: ComputeOptions): number | null {
  const counts: number[] = [];
  try {
    while (counts.length < MODULAR_SERIES_PRIMES) {
      const p = randomPrime(random);
      const GFp = new SmallPrimeField(p);
      if (F.some((f) => f.coeffs.some((c) => c.den % BigInt(p) === 0n))) continue;
      const S = new PolyRing(GFp, R.vars, R.order.spec);
      const images = F.map((f) => S.fromTerms(f.mons.map((m, k) => [m, GFp.fromRational(f.coeffs[k]!.num, f.coeffs[k]!.den)] as const)));
      counts.push(countSolutions(S, images, options).complex);
    }
    if (counts.every((c) => c === counts[0])) return counts[0]!;
    return countSolutions(R, F, options).complex;
  } catch (e) {
    if (e instanceof MathError && e.code === 'not-zero-dimensional') return null;
    throw e;
  }
}
