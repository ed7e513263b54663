// Factorization of multivariate polynomials over QQ into irreducible factors with multiplicities.
//
// Representation: input and output are sparse `Poly<Rat>` of poly.ts; the work is done on the
// recursive dense polynomials of ./recursive.ts. The result is `{ unit, factors }` with f = unit ·
// ∏ factor^multiplicity, every factor primitive over ZZ with a positive leading coefficient.
//
// Algorithm: (1) the content in a chosen main variable v (a polynomial in the other variables) is
// factored recursively; (2) the primitive part is split by Yun's square-free decomposition in v
// (D. Y. Y. Yun, "On square-free decomposition algorithms", SYMSAC 1976; GCL Algorithm 8.2);
// (3) each square-free part is factored: univariate ones by Berlekamp–Zassenhaus (./zassenhaus.ts),
// multivariate ones by Wang's route (P. S. Wang, "An improved multivariate polynomial factoring
// algorithm", Math. Comp. 32 (1978)): a seeded random integer point keeping the degree in v and
// square-freeness (the best of three, by number of univariate factors), univariate factorization of
// the image, and exact multivariate Hensel lifting over QQ of two-factor splits (./hensel.ts) for the
// subsets of the univariate factors in order of increasing size, so that every factor found is
// irreducible (its image is not the product of fewer univariate factors of a true factor) and the
// recombination is exhaustive. The result is checked by multiplying back exactly; it is certified
// (the random point changes the work, not the answer).
import { isRationalField, isWordPrimeField } from '../domain.js';
import { MathError } from '../errors.js';
import { QQ, type Rat } from '../field.js';
import type { Poly, PolyRing } from '../poly.js';
import { checkInterrupt, type ComputeOptions } from '../progress.js';
import { Random } from '../random.js';
import { UnivariateRing } from '../univariate/dense.js';
import { innerPrimitivePart, liftSplit } from './hensel.js';
import * as P from './recursive.js';
import type { RPoly } from './recursive.js';
import { factorModular, modularRing, squareFreeModular } from './modular.js';
import { factorSquareFreeZ, subsets } from './zassenhaus.js';

export interface Factor {
  readonly factor: Poly<Rat>;
  readonly multiplicity: number;
}

export interface Factorization<E = Rat> {
  readonly unit: E;
  readonly factors: readonly { readonly factor: Poly<E>; readonly multiplicity: number }[];
  /** The largest number of modular or univariate factors recombined (a measure of the work). */
  readonly maxImageFactors: number;
}

export interface FactorOptions extends ComputeOptions {
  readonly seed?: number | bigint;
}

const UQ = new UnivariateRing(QQ);

class Factorer {
  readonly random: Random;
  maxImageFactors = 0;
  constructor(
    readonly R: PolyRing<Rat>,
    readonly options: FactorOptions,
  ) {
    this.random = new Random(options.seed ?? 0);
  }

  /** Univariate square-free primitive factoring over ZZ (level 1). */
  univariate(f: readonly Rat[]): Rat[][] {
    const z = (P.integerPrimitive(f as Rat[], 1) as Rat[]).map((c) => c.num);
    const parts = factorSquareFreeZ(z, this.random, this.options.signal, (i) => (this.maxImageFactors = Math.max(this.maxImageFactors, i.modularFactors)));
    return parts.map((g) => g.map((c) => ({ num: c, den: 1n })));
  }

  /** A point for x_2..x_n keeping deg_{x_1} and square-freeness, with its univariate image. */
  private goodPoint(F: RPoly, n: number, range: number): { values: Rat[]; image: Rat[] } | undefined {
    const d = P.innerDegree(F, n);
    const L = P.innerCoefficient(F, n, d);
    for (let attempt = 0; attempt < 20; attempt++) {
      const values = Array.from({ length: n - 1 }, () => ({ num: BigInt(this.random.int(-range, range)), den: 1n }));
      let l = L;
      for (let level = n - 1; level >= 1; level--) l = P.evaluateOuter(l, values[level - 1]!, level);
      if (P.isZero(l, 0)) continue;
      const image = P.evaluateToInner(F, values, n);
      if (UQ.degree(image) === d && UQ.isSquareFree(image)) return { values, image };
    }
    return undefined;
  }

  /** Irreducible factors of a square-free F (level n, main variable x_1 innermost, primitive in x_1). */
  squareFree(F: RPoly, n: number): RPoly[] {
    if (n === 1) return this.univariate(F as Rat[]);
    let best: { values: Rat[]; factors: Rat[][] } | undefined;
    for (let range = 8, found = 0; found < 3; range *= 2) {
      checkInterrupt(this.options.signal);
      const point = this.goodPoint(F, n, range);
      if (!point) {
        if (range > 1 << 20) throw new MathError('internal', 'factor: no good evaluation point found');
        continue;
      }
      found++;
      const factors = this.univariate(point.image);
      if (!best || factors.length < best.factors.length) best = { values: point.values, factors };
      if (factors.length === 1) break;
    }
    const { values } = best!;
    let images = best!.factors;
    this.maxImageFactors = Math.max(this.maxImageFactors, images.length);
    if (images.length === 1) return [P.integerPrimitive(F, n)];
    const result: RPoly[] = [];
    let rest = F;
    let s = 1;
    while (2 * s <= images.length) {
      let found = false;
      for (const S of subsets(images.length, s)) {
        checkInterrupt(this.options.signal);
        const u = S.reduce<Rat[]>((a, i) => UQ.mul(a, images[i]!), [QQ.one]);
        const w = images.filter((_, i) => !S.includes(i)).reduce<Rat[]>((a, g) => UQ.mul(a, g), [QQ.one]);
        const U = liftSplit(rest, u, w, n, values, this.options.signal);
        if (!U) continue;
        const g = P.integerPrimitive(innerPrimitivePart(U, n), n);
        const q = P.divExact(rest, g, n);
        if (q === undefined) continue;
        result.push(g);
        rest = q;
        images = images.filter((_, i) => !S.includes(i));
        found = true;
        break;
      }
      if (!found) s++;
    }
    result.push(P.integerPrimitive(rest, n));
    return result;
  }

  /** Appends the factors of f (times `multiplicity`) to `out`. */
  factor(f: Poly<Rat>, multiplicity: number, out: Factor[]): void {
    const R = this.R;
    const support = R.support(f);
    if (support.length === 0) return;
    // Main variable: the one of least positive degree (fewest univariate factors to recombine).
    const v = support.reduce((a, b) => (R.degreeIn(f, b) < R.degreeIn(f, a) ? b : a));
    const others = support.filter((i) => i !== v);
    const order = [...others, v];
    const n = order.length;
    const F = P.fromSparse(R, f, order);
    if (n > 1) {
      const c = P.content(F, n);
      if (!P.isConstant(c, n - 1)) this.factor(P.toSparse(R, c, others), multiplicity, out);
    }
    const pp = P.primitivePart(F, n);
    // Yun's square-free decomposition in v (the outer variable).
    const d = P.derivativeOuter(pp, n);
    const a0 = P.gcd(pp, d, n);
    let b = P.divExact(pp, a0, n)!;
    let c = P.divExact(d, a0, n)!;
    let e = P.sub(c, P.derivativeOuter(b, n), n);
    for (let i = 1; P.degree(b, n) > 0; i++) {
      checkInterrupt(this.options.signal);
      const a = P.gcd(b, e, n);
      if (P.degree(a, n) > 0) {
        const sparse = P.toSparse(R, a, order);
        const vars = [v, ...R.support(sparse).filter((j) => j !== v)];
        for (const g of this.squareFree(P.fromSparse(R, sparse, vars), vars.length)) {
          out.push({ factor: P.toSparse(R, g, vars), multiplicity: multiplicity * i });
        }
      }
      b = P.divExact(b, a, n)!;
      c = P.divExact(e, a, n)!;
      e = P.sub(c, P.derivativeOuter(b, n), n);
    }
  }
}

/**
 * A univariate f over GF(p), p odd and below 2^26: the unit is lc(f) and the factors are monic
 * (square-free decomposition, distinct-degree and Cantor–Zassenhaus splitting: ./modular.ts).
 */
export function factorModularPolynomial(R: PolyRing<number>, f: Poly<number>, options: FactorOptions = {}): Factorization<number> {
  const F = R.field;
  if (!isWordPrimeField(F)) throw new MathError('bad-field', `factorModularPolynomial needs GF(p) on machine words; got ${R.toString()}`);
  if (F.p === 2 || F.p >= 1 << 26) throw new MathError('not-implemented', `factor over ${F.name} is implemented for odd primes below 2^26`);
  if (R.isZero(f)) throw new MathError('zero-polynomial', 'the zero polynomial has no factorization');
  const support = R.support(f);
  if (support.length > 1) throw new MathError('not-implemented', `factor over ${F.name} is implemented for polynomials in one variable; this one has ${support.length}`);
  const unit = R.leadCoeff(f);
  if (support.length === 0) return { unit, factors: [], maxImageFactors: 0 };
  const v = support[0]!;
  const U = modularRing(F.p);
  const coeffs = new Array<number>(R.degreeIn(f, v) + 1).fill(0);
  f.mons.forEach((m, k) => (coeffs[m[v]!] = f.coeffs[k]!));
  const random = new Random(options.seed ?? 0);
  const factors: { factor: Poly<number>; multiplicity: number }[] = [];
  let count = 0;
  for (const [g, m] of squareFreeModular(U, U.monic(U.normalize(coeffs)))) {
    const parts = factorModular(U, g, random, options.signal);
    count = Math.max(count, parts.length);
    for (const h of parts) {
      factors.push({ factor: R.fromTerms(h.map((c, i) => { const e = new Int32Array(R.nvars); e[v] = i; return [e, c] as const; })), multiplicity: m });
    }
  }
  factors.sort((x, y) => R.degree(x.factor) - R.degree(y.factor) || R.order.compare(y.factor.mons[0]!, x.factor.mons[0]!) || x.multiplicity - y.multiplicity);
  const product = factors.reduce((p, x) => R.mul(p, R.pow(x.factor, x.multiplicity)), R.constant(unit));
  if (!R.equals(product, f)) throw new MathError('internal', 'factor: the factors do not multiply back to the input');
  return { unit, factors, maxImageFactors: count };
}

/** f = unit · ∏ factor^multiplicity over QQ, factors irreducible, primitive over ZZ, positive leading coefficients. */
export function factorPolynomial(R: PolyRing<Rat>, f: Poly<Rat>, options: FactorOptions = {}): Factorization {
  if (!isRationalField(R.field)) throw new MathError('bad-field', `factor works over QQ (and over GF(p) in one variable); this polynomial lives in ${R.toString()}`);
  if (R.isZero(f)) throw new MathError('zero-polynomial', 'the zero polynomial has no factorization');
  const worker = new Factorer(R, options);
  const raw: Factor[] = [];
  worker.factor(f, 1, raw);
  // Equal factors found along different branches (content and primitive part) are merged.
  const factors: Factor[] = [];
  for (const x of raw) {
    const factor = R.leadCoeff(x.factor).num < 0n ? R.neg(x.factor) : x.factor;
    const same = factors.findIndex((y) => R.equals(y.factor, factor));
    if (same >= 0) factors[same] = { factor, multiplicity: factors[same]!.multiplicity + x.multiplicity };
    else factors.push({ factor, multiplicity: x.multiplicity });
  }
  factors.sort((x, y) => R.degree(x.factor) - R.degree(y.factor) || R.order.compare(y.factor.mons[0]!, x.factor.mons[0]!) || x.multiplicity - y.multiplicity);
  const product = factors.reduce((p, x) => R.mul(p, R.pow(x.factor, x.multiplicity)), R.one());
  const unit = QQ.div(R.leadCoeff(f), R.leadCoeff(product));
  if (!R.equals(R.scale(product, unit), f)) throw new MathError('internal', 'factor: the factors do not multiply back to the input');
  return { unit, factors, maxImageFactors: worker.maxImageFactors };
}
