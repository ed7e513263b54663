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
// sweep: the numbers of complex and real solutions at the grid t_k = a + k (b - a)/n, exactly (solve).
import { MathError } from '../math/errors.js';
import { QQ, type Rat, compareRat } from '../math/field.js';
import * as ideals from '../math/ideal.js';
import { jacobian, polyDeterminant } from '../math/linalg/polymatrix.js';
import type { Monomial } from '../math/monomial.js';
import { PolyRing } from '../math/poly.js';
import type { ComputeOptions } from '../math/progress.js';
import { solve } from '../math/solve.js';
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
    for (let k = 0; k + 1 < roots.length; k++) samples.push(simplestBetween(roots[k]!.hi, roots[k + 1]!.lo));
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
