// Polynomial reduction modulo a list of polynomials: normal forms, S-polynomials, interreduction and
// the Gröbner basis test. This is the workhorse behind Buchberger's algorithm and every ideal
// operation, so it avoids re-merging whole polynomials per step:
//
// - the polynomial being reduced lives in a geobucket (Yan 1998, see geobucket.ts), so that each
//   update p := s·p - q·t·g costs about |g|·log|p| instead of |p| + |g|;
// - the candidate reducers carry a divisibility mask ("short exponent vector", as in Singular): a
//   bit per (variable, exponent threshold), so most non-divisors are rejected by one AND; among
//   several divisors the one of least ecart (deg g - deg lm g) is used, then the shortest (length
//   weighted by coefficient size over QQ), which keeps degrees and coefficients from growing;
// - over QQ the work is fraction-free: reducers are primitive integer polynomials with a positive
//   leading coefficient, an update multiplies p by lc(g)/gcd(lc(g), lc(p)) instead of dividing, and
//   the content of p is removed every few steps (the integers never see a denominator; results are
//   made monic, i.e. rational, only at the end). Over any other field reducers are monic and the
//   update is the usual p := p - c·t·g.
//
// Representation: the work form of a polynomial is a TermList<C> (parallel arrays, strictly
// decreasing monomials of the ring's order, no zero coefficients) with C = bigint over QQ and C = E
// over other fields; a `ReductionDomain` converts between Poly<E> and that form.
//
// Sources: B. Buchberger, PhD thesis, Innsbruck 1965 (S-polynomials, reduction); T. Becker and
// V. Weispfenning, "Gröbner Bases", Springer 1993, §5.1 (normal forms, reduced bases).
import { MathError } from '../errors.js';
import { type Field, type Ring, isRationalField } from '../domain.js';
import { QQ, type Rat, ZZ, rat } from '../field.js';
import { bigAbs, bigGcd } from '../integers.js';
import {
  type Monomial,
  coprime,
  divides,
  monomialDiv,
  monomialLcm,
  monomialMul,
  totalDegree,
} from '../monomial.js';
import type { Poly, PolyRing } from '../poly.js';
import { type Interrupt, checkInterrupt } from '../progress.js';
import { Geobucket, type MonomialCompare, type TermList } from './geobucket.js';

// ---------------------------------------------------------------------------------------------
// Coefficient domains

/**
 * How reduction over the field E is carried out on work coefficients C. Invariant of the work form
 * of a polynomial f: work = λ·f for a tracked non-zero λ ∈ E.
 */
export interface ReductionDomain<E, C> {
  readonly field: Field<E>;
  /** The ring of work coefficients: the field itself, or ZZ for fraction-free reduction over QQ. */
  readonly arith: Ring<C>;
  /** True over QQ: coefficients are integers and content is removed on the way. */
  readonly fractionFree: boolean;
  /** A reducer's work form: monic over a field, primitive with positive leading coefficient over ZZ. */
  toReducer(f: Poly<E>): TermList<C>;
  /** f's work form (fresh arrays) and the λ with work = λ·f. */
  toWork(f: Poly<E>): { terms: TermList<C>; lambda: E };
  /** The polynomial whose work form is `terms` with factor λ: terms / λ. */
  fromWork(terms: TermList<C>, lambda: E): Poly<E>;
  /** terms divided by its leading coefficient. */
  monicFromWork(terms: TermList<C>): Poly<E>;
  /** Normalizes a freshly found basis element to reducer form (in place allowed). */
  normalizeReducer(terms: TermList<C>): TermList<C>;
  /** Multipliers (s, q), s ≠ 0, with s·c = q·a: s·p - q·t·g cancels the leading term c of p. */
  factors(c: C, a: C): [C, C];
  /** λ after the state was multiplied by `scaled` and divided by `divided`. */
  updateLambda(lambda: E, scaled: C, divided: C): E;
}

function copyTerms<C>(f: Poly<C>): TermList<C> {
  return { mons: f.mons.slice(), coeffs: f.coeffs.slice() };
}

class FieldDomain<E> implements ReductionDomain<E, E> {
  readonly fractionFree = false;
  readonly arith: Ring<E>;
  constructor(readonly field: Field<E>) {
    this.arith = field;
  }
  toReducer(f: Poly<E>): TermList<E> {
    return this.normalizeReducer(copyTerms(f));
  }
  toWork(f: Poly<E>): { terms: TermList<E>; lambda: E } {
    return { terms: copyTerms(f), lambda: this.field.one };
  }
  fromWork(terms: TermList<E>, lambda: E): Poly<E> {
    if (this.field.isOne(lambda)) return terms;
    const inv = this.field.inv(lambda);
    return { mons: terms.mons, coeffs: terms.coeffs.map((c) => this.field.mul(c, inv)) };
  }
  monicFromWork(terms: TermList<E>): Poly<E> {
    return this.normalizeReducer({ mons: terms.mons, coeffs: terms.coeffs.slice() });
  }
  normalizeReducer(terms: TermList<E>): TermList<E> {
    if (terms.mons.length === 0 || this.field.isOne(terms.coeffs[0]!)) return terms;
    const inv = this.field.inv(terms.coeffs[0]!);
    for (let k = 0; k < terms.coeffs.length; k++) terms.coeffs[k] = this.field.mul(terms.coeffs[k]!, inv);
    return terms;
  }
  factors(c: E, a: E): [E, E] {
    return [this.field.one, this.field.isOne(a) ? c : this.field.div(c, a)];
  }
  updateLambda(lambda: E, scaled: E, divided: E): E {
    if (this.field.isOne(scaled) && this.field.isOne(divided)) return lambda;
    return this.field.div(this.field.mul(lambda, scaled), divided);
  }
}

/**
 * gcd of all the numbers (non-negative), stopping early at 1. It starts from the number of least
 * magnitude: every later gcd then costs one division of a large number by a small one plus a
 * Euclid on small numbers, instead of a Euclid on two large numbers.
 */
export function integerContent(coeffs: readonly bigint[]): bigint {
  if (coeffs.length === 0) return 0n;
  let smallest = 0;
  let smallestSize = Infinity;
  for (let i = 0; i < coeffs.length; i++) {
    const c = coeffs[i]!;
    const size = c === 0n ? Infinity : bitLengthEstimate(c);
    if (size < smallestSize) {
      smallestSize = size;
      smallest = i;
    }
  }
  let g = bigAbs(coeffs[smallest]!);
  for (let i = 0; i < coeffs.length && g !== 1n; i++) if (i !== smallest) g = bigGcd(coeffs[i]!, g);
  return g;
}

/** A cheap size measure of a bigint (its number of hexadecimal digits). */
function bitLengthEstimate(c: bigint): number {
  return (c < 0n ? -c : c).toString(16).length;
}

class RationalDomain implements ReductionDomain<Rat, bigint> {
  readonly field = QQ;
  readonly fractionFree = true;
  readonly arith = ZZ;
  private clearDenominators(f: Poly<Rat>): { terms: TermList<bigint>; denominator: bigint } {
    let lcm = 1n;
    for (const c of f.coeffs) if (c.den !== 1n && lcm % c.den !== 0n) lcm = (lcm / bigGcd(lcm, c.den)) * c.den;
    const coeffs = f.coeffs.map((c) => (c.den === 1n ? c.num * lcm : c.num * (lcm / c.den)));
    return { terms: { mons: f.mons.slice(), coeffs }, denominator: lcm };
  }
  toReducer(f: Poly<Rat>): TermList<bigint> {
    return this.normalizeReducer(this.clearDenominators(f).terms);
  }
  toWork(f: Poly<Rat>): { terms: TermList<bigint>; lambda: Rat } {
    const { terms, denominator } = this.clearDenominators(f);
    return { terms, lambda: { num: denominator, den: 1n } };
  }
  fromWork(terms: TermList<bigint>, lambda: Rat): Poly<Rat> {
    // terms / λ = terms · den / num
    return { mons: terms.mons, coeffs: terms.coeffs.map((c) => rat(c * lambda.den, lambda.num)) };
  }
  monicFromWork(terms: TermList<bigint>): Poly<Rat> {
    if (terms.mons.length === 0) return { mons: [], coeffs: [] };
    const lead = terms.coeffs[0]!;
    return { mons: terms.mons, coeffs: terms.coeffs.map((c) => rat(c, lead)) };
  }
  normalizeReducer(terms: TermList<bigint>): TermList<bigint> {
    if (terms.mons.length === 0) return terms;
    let g = integerContent(terms.coeffs);
    if (terms.coeffs[0]! < 0n) g = -g;
    if (g !== 1n) for (let k = 0; k < terms.coeffs.length; k++) terms.coeffs[k] = terms.coeffs[k]! / g;
    return terms;
  }
  factors(c: bigint, a: bigint): [bigint, bigint] {
    const g = bigGcd(c, a);
    let s = a / g, q = c / g;
    if (s < 0n) {
      s = -s;
      q = -q;
    }
    return [s, q];
  }
  updateLambda(lambda: Rat, scaled: bigint, divided: bigint): Rat {
    if (scaled === 1n && divided === 1n) return lambda;
    return rat(lambda.num * scaled, lambda.den * divided);
  }
}

const RATIONAL_DOMAIN = new RationalDomain();

/** The reduction domain for a ring: fraction-free integers over QQ, the field itself otherwise. */
export function reductionDomain<E>(R: PolyRing<E>): ReductionDomain<E, unknown> {
  if (isRationalField(R.field)) return RATIONAL_DOMAIN as unknown as ReductionDomain<E, unknown>;
  return new FieldDomain(R.field) as unknown as ReductionDomain<E, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Divisibility masks ("short exponent vectors")

/**
 * A 32-bit summary of a monomial such that b | a implies mask(b) & ~mask(a) = 0. With n ≤ 32
 * variables, variable i owns floor(32/n) bits (at most 4), bit k set when the exponent exceeds k;
 * with more variables, bit (i mod 32) is set when x_i occurs.
 */
export function divisibilityMasker(nvars: number): (m: Monomial) => number {
  if (nvars === 0) return () => 0;
  if (nvars > 32) {
    return (m) => {
      let mask = 0;
      for (let i = 0; i < m.length; i++) if (m[i]! > 0) mask |= 1 << (i & 31);
      return mask;
    };
  }
  const bits = Math.max(1, Math.min(4, Math.floor(32 / nvars)));
  return (m) => {
    let mask = 0;
    for (let i = 0; i < m.length; i++) {
      const e = m[i]!;
      for (let k = 0; k < bits && k < e; k++) mask |= 1 << (i * bits + k);
    }
    return mask;
  };
}

/** Σ over the terms of (1 + bit length of the coefficient / 64): length weighted by coefficient size. */
function integerWeight(coeffs: readonly bigint[]): number {
  let w = 0;
  for (const c of coeffs) w += 1 + (c < 0n ? -c : c).toString(16).length / 16;
  return w;
}

// ---------------------------------------------------------------------------------------------
// Reducer tables and the reduction loop

export interface ReducerEntry<C> {
  terms: TermList<C>;
  readonly lead: Monomial;
  leadCoeff: C;
  readonly mask: number;
  readonly sugar: number;
  /** Cost of using this reducer: its length, weighted by coefficient size over ZZ. */
  weight: number;
  /** deg(g) - deg(lm(g)): how much a reduction step by g may raise the degree. */
  ecart: number;
  active: boolean;
}

/** The current set of reducers with their masks; entries are only ever deactivated, not removed. */
export class ReducerTable<C> {
  readonly entries: ReducerEntry<C>[] = [];
  readonly mask: (m: Monomial) => number;
  constructor(
    readonly nvars: number,
    private readonly fractionFree = false,
  ) {
    this.mask = divisibilityMasker(nvars);
  }

  /** Adds a reducer (in reducer form: monic, or primitive over ZZ); returns its index. */
  add(terms: TermList<C>, sugar: number): number {
    const lead = terms.mons[0]!;
    const weight = this.fractionFree ? integerWeight(terms.coeffs as unknown as bigint[]) : terms.mons.length;
    const ecart = termsDegree(terms) - totalDegree(lead);
    this.entries.push({ terms, lead, leadCoeff: terms.coeffs[0]!, mask: this.mask(lead), sugar, weight, ecart, active: true });
    return this.entries.length - 1;
  }

  /** Replaces the polynomial of entry k by another one with the same leading monomial (a tail-reduced form). */
  replace(k: number, terms: TermList<C>): void {
    const e = this.entries[k]!;
    e.terms = terms;
    e.leadCoeff = terms.coeffs[0]!;
    e.weight = this.fractionFree ? integerWeight(terms.coeffs as unknown as bigint[]) : terms.mons.length;
    e.ecart = termsDegree(terms) - totalDegree(e.lead);
  }

  /**
   * Index of an active reducer whose leading monomial divides m, or -1. Among several, the one of
   * least ecart (so that a reduction step raises the degree as little as possible: this is what keeps
   * lex computations from producing polynomials of huge degree, as in Singular's redHoney), then of
   * least weight.
   */
  findDivisor(m: Monomial, maskOfM: number): number {
    const notM = ~maskOfM;
    let best = -1;
    let bestEcart = Infinity;
    let bestWeight = Infinity;
    const entries = this.entries;
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k]!;
      if (!e.active || (e.mask & notM) !== 0) continue;
      if (e.ecart > bestEcart || (e.ecart === bestEcart && e.weight >= bestWeight)) continue;
      if (divides(e.lead, m)) {
        best = k;
        bestEcart = e.ecart;
        bestWeight = e.weight;
      }
    }
    return best;
  }
}

function termsDegree<C>(terms: TermList<C>): number {
  let d = 0;
  for (const m of terms.mons) {
    const t = totalDegree(m);
    if (t > d) d = t;
  }
  return d;
}

export interface ReductionOutcome<C> {
  /** The remainder (full mode) or the top-reduced polynomial (top mode), in work form. */
  readonly terms: TermList<C>;
  /** Sugar after the reduction steps (max over sugar(g) + deg(t) of the steps). */
  readonly sugar: number;
  /** Product of the multipliers s applied to the state and of the contents divided out. */
  readonly scaled: C;
  readonly divided: C;
}

/** How often (in reduction steps) the signal is polled and the integer content removed. */
const STEPS_BETWEEN_CHECKS = 8;

/**
 * Reduces the polynomial held in `bucket` by the active reducers of `table`. In full mode every term
 * is reduced (normal form); in top mode the loop stops at the first irreducible leading term and the
 * rest of the polynomial is returned as it stands.
 */
export function reduceBucket<E, C>(
  domain: ReductionDomain<E, C>,
  compare: MonomialCompare,
  bucket: Geobucket<C>,
  table: ReducerTable<C>,
  mode: 'full' | 'top',
  sugar: number,
  signal?: Interrupt,
): ReductionOutcome<C> {
  const arith = domain.arith;
  const remMons: Monomial[] = [];
  const remCoeffs: C[] = [];
  let scaled = arith.one;
  let divided = arith.one;
  let steps = 0;
  for (;;) {
    const b = bucket.leadBucket();
    if (b < 0) break;
    const m = bucket.headMonomial(b);
    const k = table.findDivisor(m, table.mask(m));
    if (k < 0) {
      if (mode === 'top') break;
      remMons.push(m);
      remCoeffs.push(bucket.headCoeff(b));
      bucket.popHead(b);
      continue;
    }
    const g = table.entries[k]!;
    const t = monomialDiv(m, g.lead);
    const degreeT = totalDegree(t);
    const c = bucket.headCoeff(b);
    bucket.popHead(b);
    const [s, q] = domain.factors(c, g.leadCoeff);
    if (!arith.isOne(s)) {
      bucket.scale(s);
      for (let i = 0; i < remCoeffs.length; i++) remCoeffs[i] = arith.mul(remCoeffs[i]!, s);
      scaled = arith.mul(scaled, s);
    }
    const gm = g.terms.mons, gc = g.terms.coeffs;
    const n = gm.length;
    if (n > 1) {
      const mons: Monomial[] = new Array(n - 1);
      const coeffs: C[] = new Array(n - 1);
      const minusQ = arith.neg(q);
      if (degreeT === 0) for (let i = 1; i < n; i++) mons[i - 1] = gm[i]!;
      else for (let i = 1; i < n; i++) mons[i - 1] = monomialMul(gm[i]!, t);
      for (let i = 1; i < n; i++) coeffs[i - 1] = arith.mul(gc[i]!, minusQ);
      bucket.add(mons, coeffs);
    }
    // Sugar follows the top reductions only; tail reductions (as in Singular) leave it alone.
    if (remMons.length === 0 && g.sugar + degreeT > sugar) sugar = g.sugar + degreeT;
    if (++steps % STEPS_BETWEEN_CHECKS === 0) {
      checkInterrupt(signal);
      if (domain.fractionFree) {
        const d = removeIntegerContent(bucket as unknown as Geobucket<bigint>, remCoeffs as unknown as bigint[]);
        if (d !== 1n) divided = arith.mul(divided, d as unknown as C);
      }
    }
  }
  // In top mode nothing was moved to the remainder: the result is what is left in the bucket.
  const terms: TermList<C> = mode === 'top' ? bucket.takeAll() : { mons: remMons, coeffs: remCoeffs };
  if (domain.fractionFree && terms.mons.length > 0) {
    const d = integerContent(terms.coeffs as unknown as bigint[]);
    if (d > 1n) {
      const cs = terms.coeffs as unknown as bigint[];
      for (let i = 0; i < cs.length; i++) cs[i] = cs[i]! / d;
      divided = arith.mul(divided, d as unknown as C);
    }
  }
  return { terms, sugar, scaled, divided };
}

/** Divides the bucket and the remainder by their common content; returns the divisor (1n if none). */
function removeIntegerContent(bucket: Geobucket<bigint>, remainder: bigint[]): bigint {
  const all: bigint[] = remainder.slice();
  bucket.everyCoefficient((c) => {
    all.push(c);
    return true;
  });
  const g = integerContent(all);
  if (g <= 1n) return 1n;
  bucket.mapCoefficients((c) => c / g);
  for (let i = 0; i < remainder.length; i++) remainder[i] = remainder[i]! / g;
  return g;
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * A reusable reducer for one basis: precomputes the work forms and masks once, then answers normal
 * forms and zero tests. `normalForm` is the full reduction (every term of the result is standard);
 * when the basis is a Gröbner basis it is the unique normal form.
 */
export class Reducer<E> {
  private readonly domain: ReductionDomain<E, unknown>;
  private readonly table: ReducerTable<unknown>;

  constructor(
    readonly ring: PolyRing<E>,
    basis: readonly Poly<E>[],
    private readonly signal?: Interrupt,
  ) {
    this.domain = reductionDomain(ring);
    this.table = new ReducerTable(ring.nvars, this.domain.fractionFree);
    for (const g of basis) if (g.mons.length > 0) this.table.add(this.domain.toReducer(g), 0);
  }

  private run(f: Poly<E>, mode: 'full' | 'top'): { outcome: ReductionOutcome<unknown>; lambda: E } {
    const { terms, lambda } = this.domain.toWork(f);
    const bucket = new Geobucket(this.domain.arith, this.ring.order.compare);
    bucket.add(terms.mons, terms.coeffs);
    const outcome = reduceBucket(this.domain, this.ring.order.compare, bucket, this.table, mode, 0, this.signal);
    return { outcome, lambda };
  }

  normalForm(f: Poly<E>): Poly<E> {
    if (f.mons.length === 0) return f;
    const { outcome, lambda } = this.run(f, 'full');
    return this.domain.fromWork(outcome.terms, this.domain.updateLambda(lambda, outcome.scaled, outcome.divided));
  }

  /** True when f reduces to zero (top reduction suffices). */
  reducesToZero(f: Poly<E>): boolean {
    if (f.mons.length === 0) return true;
    return this.run(f, 'top').outcome.terms.mons.length === 0;
  }

  /** True when some leading monomial of the basis divides m. */
  isReducible(m: Monomial): boolean {
    return this.table.findDivisor(m, this.table.mask(m)) >= 0;
  }
}

/** The normal form of f modulo `basis` (full reduction: no term of the result is divisible by a leading monomial). */
export function normalForm<E>(R: PolyRing<E>, f: Poly<E>, basis: readonly Poly<E>[], signal?: Interrupt): Poly<E> {
  return new Reducer(R, basis, signal).normalForm(f);
}

/** The S-polynomial lcm/lt(f)·f - lcm/lt(g)·g of two non-zero polynomials (leading terms cancel). */
export function spoly<E>(R: PolyRing<E>, f: Poly<E>, g: Poly<E>): Poly<E> {
  if (f.mons.length === 0 || g.mons.length === 0) {
    throw new MathError('zero-polynomial', 'the S-polynomial needs two non-zero polynomials');
  }
  const F = R.field;
  const lcm = monomialLcm(f.mons[0]!, g.mons[0]!);
  const a = R.mulTerm(f, F.inv(f.coeffs[0]!), monomialDiv(lcm, f.mons[0]!));
  const b = R.mulTerm(g, F.inv(g.coeffs[0]!), monomialDiv(lcm, g.mons[0]!));
  return R.sub(a, b);
}

/**
 * An interreduced (autoreduced) generating set of the same ideal: monic, no leading monomial divides
 * a term of another element, sorted by leading monomial ascending. For a Gröbner basis the result is
 * the reduced Gröbner basis.
 */
export function interreduce<E>(R: PolyRing<E>, polys: readonly Poly<E>[], signal?: Interrupt): Poly<E>[] {
  let current = polys.filter((f) => f.mons.length > 0).map((f) => R.monic(f));
  const cmp = R.order.compare;
  for (;;) {
    checkInterrupt(signal);
    current.sort((f, g) => cmp(f.mons[0]!, g.mons[0]!));
    let changed = false;
    const next: Poly<E>[] = [];
    for (let i = 0; i < current.length; i++) {
      const others = [...next, ...current.slice(i + 1)];
      const r = others.length === 0 ? current[i]! : normalForm(R, current[i]!, others, signal);
      if (r.mons.length === 0) {
        changed = true;
        continue;
      }
      const monicR = R.monic(r);
      if (!R.equals(monicR, current[i]!)) changed = true;
      next.push(monicR);
    }
    current = next;
    if (!changed) break;
  }
  return current.sort((f, g) => cmp(f.mons[0]!, g.mons[0]!));
}

/** True when every S-polynomial of the (non-zero) polynomials reduces to zero modulo them. */
export function isGroebnerBasis<E>(R: PolyRing<E>, polys: readonly Poly<E>[], signal?: Interrupt): boolean {
  const basis = polys.filter((f) => f.mons.length > 0);
  const reducer = new Reducer(R, basis, signal);
  for (let i = 0; i < basis.length; i++) {
    for (let j = i + 1; j < basis.length; j++) {
      // Buchberger's product criterion: coprime leading monomials give an S-polynomial that reduces to 0.
      if (coprime(basis[i]!.mons[0]!, basis[j]!.mons[0]!)) continue;
      if (!reducer.reducesToZero(spoly(R, basis[i]!, basis[j]!))) return false;
    }
  }
  return true;
}
