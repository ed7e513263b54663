// The rational function field F(t_1, ..., t_k) over F = QQ or GF(p): the coefficient field of a ring
// with parameters, `QQ(t)[x, y]` (the generic fibre of the family in x with parameters t).
//
// Representation (invariants): an element is plain data `{num, den}`, two polynomials of the base
// ring B = F[t_1..t_k] (grevlex) with gcd(num, den) = 1 and den monic (leading coefficient 1 in B's
// order); zero is 0/1. So equal elements have equal data, and `eq` compares the data. The gcd is the
// univariate Euclidean algorithm (one parameter, any field) or, over QQ with several parameters, the
// recursive dense gcd of factor/recursive.ts (GCDHEU, then the primitive PRS; Geddes–Czapor–Labahn
// §7); several parameters over GF(p) are refused (no multivariate gcd over GF(p) here).
//
// The domain's flags say kind 'rational-functions', elements 'opaque', not ordered: Buchberger's
// algorithm, normal forms and linear algebra work over it unchanged (domain.ts); the Gröbner engine
// 'parametric' (groebner/parametric.ts) computes bases faster through the base ring F[x, t].
import type { DomainKind, ElementStorage, Field } from './domain.js';
import { MathError } from './errors.js';
import type { Rat } from './field.js';
import * as rec from './factor/recursive.js';
import { PolyRing, type Poly } from './poly.js';
import type { Monomial } from './monomial.js';
import { UnivariateRing } from './univariate/dense.js';

/** num/den with num, den in F[t], coprime, den monic. */
export interface RatFun<E> {
  readonly num: Poly<E>;
  readonly den: Poly<E>;
}

export class FractionField<E> implements Field<RatFun<E>> {
  readonly name: string;
  readonly kind: DomainKind = 'rational-functions';
  readonly elements: ElementStorage = 'opaque';
  readonly characteristic: bigint;
  readonly exact = true;
  readonly ordered = false;
  readonly isField = true;
  readonly zero: RatFun<E>;
  readonly one: RatFun<E>;
  /** The base ring F[t_1..t_k] of numerators and denominators. */
  readonly base: PolyRing<E>;
  private readonly U: UnivariateRing<E>;

  constructor(
    readonly coefficients: Field<E>,
    readonly params: readonly string[],
  ) {
    if (params.length === 0) throw new MathError('domain', 'a rational function field needs at least one parameter');
    if (params.length > 1 && coefficients.kind !== 'rationals') {
      throw new MathError('not-implemented', `several parameters are supported over QQ only, not over ${coefficients.name} (one parameter: ${coefficients.name}(t))`);
    }
    this.base = new PolyRing(coefficients, params);
    this.U = new UnivariateRing(coefficients);
    this.characteristic = coefficients.characteristic;
    this.name = `${coefficients.name}(${params.join(', ')})`;
    this.zero = { num: this.base.zero(), den: this.base.one() };
    this.one = { num: this.base.one(), den: this.base.one() };
  }

  /** The parameter t_i as an element. */
  param(i: number): RatFun<E> {
    return { num: this.base.variable(i), den: this.base.one() };
  }

  /** A polynomial of the base ring as an element. */
  fromPoly(p: Poly<E>): RatFun<E> {
    return { num: p, den: this.base.one() };
  }

  /** num/den reduced to the canonical form (den non-zero). */
  fraction(num: Poly<E>, den: Poly<E>): RatFun<E> {
    const B = this.base;
    if (den.mons.length === 0) throw new MathError('division-by-zero', 'division by zero');
    if (num.mons.length === 0) return this.zero;
    if (B.isConstant(den)) {
      const c = this.coefficients.inv(den.coeffs[0]!);
      return { num: B.scale(num, c), den: B.one() };
    }
    const g = this.gcd(num, den);
    const n = B.isConstant(g) ? num : B.divExact(num, g);
    const d = B.isConstant(g) ? den : B.divExact(den, g);
    const c = this.coefficients.inv(d.coeffs[0]!);
    return { num: B.scale(n, c), den: B.scale(d, c) };
  }

  /** The gcd in F[t] (up to a unit). */
  gcd(a: Poly<E>, b: Poly<E>): Poly<E> {
    const B = this.base;
    if (this.params.length === 1) {
      const dense = (f: Poly<E>) => {
        const out: E[] = Array.from({ length: B.degree(f) + 1 }, () => this.coefficients.zero);
        f.mons.forEach((m, k) => (out[m[0]!] = f.coeffs[k]!));
        return out;
      };
      const g = this.U.gcd(dense(a), dense(b));
      return B.fromTerms(g.map((c, k) => [Int32Array.of(k) as Monomial, c] as const));
    }
    const Q = B as unknown as PolyRing<Rat>;
    const order = this.params.map((_, i) => i);
    const n = order.length;
    const g = rec.gcd(rec.fromSparse(Q, a as unknown as Poly<Rat>, order), rec.fromSparse(Q, b as unknown as Poly<Rat>, order), n);
    return rec.toSparse(Q, g, order) as unknown as Poly<E>;
  }

  /** The least common multiple in F[t] of some polynomials (monic). */
  lcm(ps: readonly Poly<E>[]): Poly<E> {
    const B = this.base;
    let l = B.one();
    for (const p of ps) {
      if (B.isConstant(p)) continue;
      const g = this.gcd(l, p);
      l = B.mul(l, B.isConstant(g) ? p : B.divExact(p, g));
    }
    return B.monic(l);
  }

  add(a: RatFun<E>, b: RatFun<E>): RatFun<E> {
    const B = this.base;
    if (B.equals(a.den, b.den)) return this.fraction(B.add(a.num, b.num), a.den);
    return this.fraction(B.add(B.mul(a.num, b.den), B.mul(b.num, a.den)), B.mul(a.den, b.den));
  }
  sub(a: RatFun<E>, b: RatFun<E>): RatFun<E> {
    return this.add(a, this.neg(b));
  }
  neg(a: RatFun<E>): RatFun<E> {
    return { num: this.base.neg(a.num), den: a.den };
  }
  mul(a: RatFun<E>, b: RatFun<E>): RatFun<E> {
    const B = this.base;
    if (a.num.mons.length === 0 || b.num.mons.length === 0) return this.zero;
    if (B.isConstant(a.den) && B.isConstant(b.den)) return { num: B.mul(a.num, b.num), den: a.den };
    return this.fraction(B.mul(a.num, b.num), B.mul(a.den, b.den));
  }
  inv(a: RatFun<E>): RatFun<E> {
    if (a.num.mons.length === 0) throw new MathError('division-by-zero', 'division by zero');
    return this.fraction(a.den, a.num);
  }
  div(a: RatFun<E>, b: RatFun<E>): RatFun<E> {
    return this.mul(a, this.inv(b));
  }
  isZero(a: RatFun<E>): boolean {
    return a.num.mons.length === 0;
  }
  isOne(a: RatFun<E>): boolean {
    return this.base.isConstant(a.den) && this.base.isConstant(a.num) && this.coefficients.isOne(a.num.coeffs[0]!);
  }
  eq(a: RatFun<E>, b: RatFun<E>): boolean {
    return this.base.equals(a.num, b.num) && this.base.equals(a.den, b.den);
  }
  fromBigInt(n: bigint): RatFun<E> {
    return this.fromPoly(this.base.constant(this.coefficients.fromBigInt(n)));
  }
  fromRational(num: bigint, den: bigint): RatFun<E> {
    return this.fromPoly(this.base.constant(this.coefficients.fromRational(num, den)));
  }
  /** True when the leading coefficient of the numerator is negative (the sign a printer pulls out). */
  isNegative(a: RatFun<E>): boolean {
    return a.num.mons.length > 0 && this.coefficients.isNegative(a.num.coeffs[0]!);
  }
  /** Whether the element is a polynomial in t (denominator 1). */
  isPolynomial(a: RatFun<E>): boolean {
    return this.base.isConstant(a.den);
  }

  /** `t`, `t - 1`, `1/(t - 1)`, `(t + 1)/t^2`: the text of an element on its own. */
  toString(a: RatFun<E>): string {
    const B = this.base;
    const num = B.toText(a.num);
    if (B.isConstant(a.den)) return num;
    return `${a.num.mons.length > 1 ? `(${num})` : num}/${this.denominatorText(a)}`;
  }

  /** The text of the term c·m (c the absolute value of a coefficient, m a monomial's text): `x/(t - 1)`, `(t + 1)*x`. */
  termText(c: RatFun<E>, mono: string): string {
    const B = this.base;
    const single = c.num.mons.length === 1;
    const num = B.toText(c.num);
    const numFactor = single ? num : `(${num})`;
    const over = B.isConstant(c.den) ? '' : `/${this.denominatorText(c)}`;
    if (mono === '') return `${numFactor}${over}`;
    if (B.isConstant(c.num) && this.coefficients.isOne(c.num.coeffs[0]!)) return `${mono}${over}`;
    return `${numFactor}*${mono}${over}`;
  }

  private denominatorText(a: RatFun<E>): string {
    const B = this.base;
    const den = B.toText(a.den);
    const plainMonomial = a.den.mons.length === 1 && this.coefficients.isOne(a.den.coeffs[0]!) && !den.includes('*');
    return plainMonomial ? den : `(${den})`;
  }

  /** The value at t = values (in F), or undefined when the denominator vanishes there. */
  evaluate(a: RatFun<E>, values: readonly E[]): E | undefined {
    const d = this.base.evaluate(a.den, values);
    if (this.coefficients.isZero(d)) return undefined;
    return this.coefficients.div(this.base.evaluate(a.num, values), d);
  }
}

/** A rational function field (what the parametric Gröbner engine and the language's parameter rings need). */
export function isFractionField(F: { readonly kind: DomainKind }): F is FractionField<unknown> {
  return F.kind === 'rational-functions';
}
