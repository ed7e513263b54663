// Sparse distributed multivariate polynomials over a Field.
// Representation (invariants): a Poly is plain data `{ mons, coeffs }`, parallel arrays with the terms
// sorted in strictly decreasing monomial order of the ring, no zero coefficients, and monomials that
// are never mutated once in a polynomial (so they may be shared). The PolyRing object does all the
// arithmetic, following the rule "the ring is an object, elements are plain data".
import { checkPolySize, checkVariableCount, log2Binomial } from './budget.js';
import { power } from './domain.js';
import { MathError } from './errors.js';
import { bitLength } from './interval/dyadic.js';
import type { Field } from './field.js';
import {
  type Monomial,
  type MonomialOrder,
  type OrderSpec,
  divides,
  makeOrder,
  monomialDiv,
  degreeOverflow,
  MAX_DEGREE,
  monomialMul,
  monomialPow,
  totalDegree,
} from './monomial.js';
import { checkInterrupt } from './progress.js';

/** Products with more term pairs than this are checked against the size budget first. */
const SIZE_CHECK_TERMS = 100_000;

export interface Poly<E> {
  readonly mons: readonly Monomial[];
  readonly coeffs: readonly E[];
}

export class PolyRing<E> {
  readonly order: MonomialOrder;
  readonly nvars: number;
  private readonly zeroMonomial: Monomial;

  constructor(
    readonly field: Field<E>,
    readonly vars: readonly string[],
    orderSpec: OrderSpec = { kind: 'grevlex' },
  ) {
    checkVariableCount(vars.length);
    this.nvars = vars.length;
    this.order = makeOrder(orderSpec, vars.length);
    this.zeroMonomial = new Int32Array(vars.length);
  }

  /** Text such as `QQ[x, y, z]` (with the order when it is not grevlex). */
  toString(): string {
    const spec = this.order.spec;
    const order = spec.kind === 'grevlex' ? '' : `, order = ${orderText(spec)}`;
    return `${this.field.name}[${this.vars.join(', ')}${order}]`;
  }

  /** Same variables and field, another order. */
  withOrder(spec: OrderSpec): PolyRing<E> {
    return new PolyRing(this.field, this.vars, spec);
  }

  // --- construction --------------------------------------------------------------------------

  zero(): Poly<E> {
    return { mons: [], coeffs: [] };
  }

  one(): Poly<E> {
    return this.constant(this.field.one);
  }

  constant(c: E): Poly<E> {
    return this.field.isZero(c) ? this.zero() : { mons: [this.zeroMonomial], coeffs: [c] };
  }

  fromInt(n: bigint | number): Poly<E> {
    return this.constant(this.field.fromBigInt(BigInt(n)));
  }

  variable(i: number): Poly<E> {
    if (i < 0 || i >= this.nvars) throw new RangeError(`no variable ${i} in ${this.toString()}`);
    const m = new Int32Array(this.nvars);
    m[i] = 1;
    return { mons: [m], coeffs: [this.field.one] };
  }

  term(c: E, m: Monomial): Poly<E> {
    return this.field.isZero(c) ? this.zero() : { mons: [m], coeffs: [c] };
  }

  /** Any list of terms (unsorted, repeated monomials, zero coefficients) into canonical form. */
  fromTerms(terms: Iterable<readonly [Monomial, E]>): Poly<E> {
    const list = [...terms].sort((a, b) => this.order.compare(b[0], a[0]));
    const mons: Monomial[] = [];
    const coeffs: E[] = [];
    for (const [m, c] of list) {
      const last = mons.length - 1;
      if (last >= 0 && this.order.compare(mons[last]!, m) === 0) {
        coeffs[last] = this.field.add(coeffs[last]!, c);
      } else {
        mons.push(m);
        coeffs.push(c);
      }
    }
    return this.dropZeros(mons, coeffs);
  }

  private dropZeros(mons: Monomial[], coeffs: E[]): Poly<E> {
    let k = 0;
    for (let i = 0; i < mons.length; i++) {
      if (!this.field.isZero(coeffs[i]!)) {
        mons[k] = mons[i]!;
        coeffs[k] = coeffs[i]!;
        k++;
      }
    }
    mons.length = k;
    coeffs.length = k;
    return { mons, coeffs };
  }

  // --- inspection ----------------------------------------------------------------------------

  isZero(f: Poly<E>): boolean {
    return f.mons.length === 0;
  }

  /** True for constants, including zero. */
  isConstant(f: Poly<E>): boolean {
    return f.mons.length === 0 || (f.mons.length === 1 && totalDegree(f.mons[0]!) === 0);
  }

  /** The constant term's coefficient (zero when there is none). */
  constantCoeff(f: Poly<E>): E {
    const n = f.mons.length;
    return n > 0 && totalDegree(f.mons[n - 1]!) === 0 ? f.coeffs[n - 1]! : this.field.zero;
  }

  equals(f: Poly<E>, g: Poly<E>): boolean {
    if (f.mons.length !== g.mons.length) return false;
    for (let i = 0; i < f.mons.length; i++) {
      if (this.order.compare(f.mons[i]!, g.mons[i]!) !== 0) return false;
      if (!this.field.eq(f.coeffs[i]!, g.coeffs[i]!)) return false;
    }
    return true;
  }

  leadMonomial(f: Poly<E>): Monomial {
    if (f.mons.length === 0) throw new MathError('zero-polynomial', 'the zero polynomial has no leading term');
    return f.mons[0]!;
  }

  leadCoeff(f: Poly<E>): E {
    return f.mons.length === 0 ? this.field.zero : f.coeffs[0]!;
  }

  /** Total degree; -1 for the zero polynomial. */
  degree(f: Poly<E>): number {
    let d = -1;
    for (const m of f.mons) d = Math.max(d, totalDegree(m));
    return d;
  }

  degreeIn(f: Poly<E>, i: number): number {
    let d = -1;
    for (const m of f.mons) d = Math.max(d, m[i]!);
    return d;
  }

  isHomogeneous(f: Poly<E>): boolean {
    if (f.mons.length === 0) return true;
    const d = totalDegree(f.mons[0]!);
    return f.mons.every((m) => totalDegree(m) === d);
  }

  /** Indices of the variables that occur in f. */
  support(f: Poly<E>): number[] {
    const used: number[] = [];
    for (let i = 0; i < this.nvars; i++) if (f.mons.some((m) => m[i]! > 0)) used.push(i);
    return used;
  }

  // --- arithmetic ----------------------------------------------------------------------------

  neg(f: Poly<E>): Poly<E> {
    return { mons: f.mons, coeffs: f.coeffs.map((c) => this.field.neg(c)) };
  }

  add(f: Poly<E>, g: Poly<E>): Poly<E> {
    return this.combine(f, g, false);
  }

  sub(f: Poly<E>, g: Poly<E>): Poly<E> {
    return this.combine(f, g, true);
  }

  /** Merge of two sorted term lists: f + g, or f - g when `subtract`. */
  private combine(f: Poly<E>, g: Poly<E>, subtract: boolean): Poly<E> {
    const F = this.field;
    const cmp = this.order.compare;
    const mons: Monomial[] = [];
    const coeffs: E[] = [];
    let i = 0, j = 0, steps = 0;
    while (i < f.mons.length && j < g.mons.length) {
      // Merging two long polynomials with big coefficients takes long too: poll every 1024 steps.
      if ((++steps & 1023) === 0) checkInterrupt();
      const c = cmp(f.mons[i]!, g.mons[j]!);
      if (c > 0) {
        mons.push(f.mons[i]!);
        coeffs.push(f.coeffs[i++]!);
      } else if (c < 0) {
        mons.push(g.mons[j]!);
        coeffs.push(subtract ? F.neg(g.coeffs[j++]!) : g.coeffs[j++]!);
      } else {
        const s = subtract ? F.sub(f.coeffs[i]!, g.coeffs[j]!) : F.add(f.coeffs[i]!, g.coeffs[j]!);
        if (!F.isZero(s)) {
          mons.push(f.mons[i]!);
          coeffs.push(s);
        }
        i++;
        j++;
      }
    }
    for (; i < f.mons.length; i++) {
      mons.push(f.mons[i]!);
      coeffs.push(f.coeffs[i]!);
    }
    for (; j < g.mons.length; j++) {
      mons.push(g.mons[j]!);
      coeffs.push(subtract ? F.neg(g.coeffs[j]!) : g.coeffs[j]!);
    }
    return { mons, coeffs };
  }

  scale(f: Poly<E>, c: E): Poly<E> {
    if (this.field.isZero(c)) return this.zero();
    if (this.field.isOne(c)) return f;
    return { mons: f.mons, coeffs: f.coeffs.map((a) => this.field.mul(a, c)) };
  }

  /** c * m * f; monomial multiplication preserves the order, so no sorting is needed. */
  mulTerm(f: Poly<E>, c: E, m: Monomial): Poly<E> {
    if (this.field.isZero(c)) return this.zero();
    return {
      mons: f.mons.map((a) => monomialMul(a, m)),
      coeffs: f.coeffs.map((a) => this.field.mul(a, c)),
    };
  }

  /**
   * f * g. The partial products c·m·g (one per term of f) are merged like a binary counter: a merge
   * of two partials of equal rank, so at most log2 |f| partials are alive at once (memory stays near
   * the result's size) and the merge tree is balanced (|f| log |f| merges). Polls the interrupt per
   * partial product; a product estimated beyond the size budget is refused before it starts.
   */
  mul(f: Poly<E>, g: Poly<E>): Poly<E> {
    if (f.mons.length > g.mons.length) [f, g] = [g, f];
    if (f.mons.length === 0) return this.zero();
    if (f.mons.length * g.mons.length > SIZE_CHECK_TERMS) this.checkProductSize(f, g);
    const stack: { p: Poly<E>; rank: number }[] = [];
    // Polls on a work counter (terms multiplied): every few rows when g is long, not every 16.
    let work = 0;
    for (let i = 0; i < f.mons.length; i++) {
      work += g.mons.length;
      if (work >= 4096) {
        work = 0;
        checkInterrupt();
      }
      let top = { p: this.mulTerm(g, f.coeffs[i]!, f.mons[i]!), rank: 0 };
      while (stack.length > 0 && stack[stack.length - 1]!.rank === top.rank) {
        const below = stack.pop()!;
        top = { p: this.add(below.p, top.p), rank: top.rank + 1 };
      }
      stack.push(top);
    }
    let result = stack.pop()!.p;
    while (stack.length > 0) result = this.add(stack.pop()!.p, result);
    return result;
  }

  /**
   * f^k by repeated squaring. Refused up front (MathError 'too-large') when the degree k·deg f passes
   * MAX_DEGREE or the estimated size (terms × coefficient bits, see budget.ts) passes the budget.
   */
  pow(f: Poly<E>, k: number): Poly<E> {
    if (!Number.isInteger(k) || k < 0) throw new MathError('bad-exponent', `exponent ${k} must be a non-negative integer`);
    if (k === 0) return this.one();
    if (f.mons.length === 0 || k === 1) return f;
    const degree = this.degree(f);
    if (degree * k > MAX_DEGREE) throw degreeOverflow(BigInt(degree) * BigInt(k));
    if (k > MAX_DEGREE) throw new MathError('too-large', `the exponent ${k} is beyond the largest exponent ${MAX_DEGREE}`);
    const t = f.mons.length;
    const log2Terms = t === 1 ? 0 : Math.min(log2Binomial(t + k - 1, k), log2Binomial(this.nvars + k * degree, this.nvars));
    checkPolySize(`the power (a polynomial with ${t} term${t === 1 ? '' : 's'})^${k}`, log2Terms, this.coefficientBits(f, k), this.nvars);
    if (t === 1) return this.term(power(this.field.one, (a, b) => this.field.mul(a, b), f.coeffs[0]!, k), monomialPow(f.mons[0]!, k));
    return power(this.one(), (a, b) => this.mul(a, b), f, k);
  }

  private checkProductSize(f: Poly<E>, g: Poly<E>): void {
    const log2Terms = Math.min(
      Math.log2(f.mons.length) + Math.log2(g.mons.length),
      log2Binomial(this.nvars + this.degree(f) + this.degree(g), this.nvars),
    );
    const bits = this.coefficientBits(f, 1) + this.coefficientBits(g, 1) + Math.log2(f.mons.length);
    checkPolySize(`the product of polynomials with ${f.mons.length} and ${g.mons.length} terms`, log2Terms, bits, this.nvars);
  }

  /**
   * A bound on the coefficient bits of f^k: k·(log2 t + max numerator bits + max denominator bits)
   * for rational coefficients (|coefficients of f^k| <= (Σ|c_i|)^k); 64 for machine-number fields.
   */
  private coefficientBits(f: Poly<E>, k: number): number {
    let num = 0, den = 0;
    for (const c of f.coeffs) {
      if (typeof c !== 'object' || c === null || typeof (c as { num?: unknown }).num !== 'bigint') return 64;
      const r = c as unknown as { num: bigint; den: bigint };
      num = Math.max(num, bitLength(r.num));
      den = Math.max(den, bitLength(r.den) - 1);
    }
    return Math.max(64, k * (Math.log2(f.mons.length) + num + den));
  }

  /** f divided by its leading coefficient (zero stays zero). */
  monic(f: Poly<E>): Poly<E> {
    if (f.mons.length === 0) return f;
    return this.scale(f, this.field.inv(f.coeffs[0]!));
  }

  /**
   * Multivariate division of f by the list gs: f = Σ q_i g_i + r with no term of r divisible by any
   * leading monomial of the g_i. Returns the quotients and the remainder.
   */
  divide(f: Poly<E>, gs: readonly Poly<E>[]): { quotients: Poly<E>[]; remainder: Poly<E> } {
    const F = this.field;
    const quotients: [Monomial, E][][] = gs.map(() => []);
    const remainder: [Monomial, E][] = [];
    let p = f;
    while (p.mons.length > 0) {
      const m = p.mons[0]!;
      const c = p.coeffs[0]!;
      const i = gs.findIndex((g) => g.mons.length > 0 && divides(g.mons[0]!, m));
      if (i < 0) {
        remainder.push([m, c]);
        p = { mons: p.mons.slice(1), coeffs: p.coeffs.slice(1) };
      } else {
        const g = gs[i]!;
        const q = monomialDiv(m, g.mons[0]!);
        const qc = F.div(c, g.coeffs[0]!);
        quotients[i]!.push([q, qc]);
        p = this.sub(p, this.mulTerm(g, qc, q));
      }
    }
    return {
      quotients: quotients.map((terms) => ({ mons: terms.map((t) => t[0]), coeffs: terms.map((t) => t[1]) })),
      remainder: { mons: remainder.map((t) => t[0]), coeffs: remainder.map((t) => t[1]) },
    };
  }

  /** f / g when g divides f exactly; a MathError('not-exact') otherwise. */
  divExact(f: Poly<E>, g: Poly<E>): Poly<E> {
    if (g.mons.length === 0) throw new MathError('division-by-zero', 'division by the zero polynomial');
    const { quotients, remainder } = this.divide(f, [g]);
    if (remainder.mons.length > 0) {
      throw new MathError('not-exact', `${this.toText(g)} does not divide ${this.toText(f)}`);
    }
    return quotients[0]!;
  }

  // --- calculus and substitution -------------------------------------------------------------

  diff(f: Poly<E>, i: number): Poly<E> {
    const terms: [Monomial, E][] = [];
    for (let k = 0; k < f.mons.length; k++) {
      const m = f.mons[k]!;
      const e = m[i]!;
      if (e === 0) continue;
      const d = m.slice();
      d[i] = e - 1;
      terms.push([d, this.field.mul(f.coeffs[k]!, this.field.fromBigInt(BigInt(e)))]);
    }
    // Lowering one exponent can reorder terms (e.g. under grevlex), so normalize.
    return this.fromTerms(terms);
  }

  /** f at the point `values` (one field element per variable), by Horner-free power tables. */
  evaluate(f: Poly<E>, values: readonly E[]): E {
    const F = this.field;
    const powers: E[][] = values.map((v) => [F.one, v]);
    const power = (i: number, e: number): E => {
      const table = powers[i]!;
      while (table.length <= e) table.push(F.mul(table[table.length - 1]!, values[i]!));
      return table[e]!;
    };
    let sum = F.zero;
    for (let k = 0; k < f.mons.length; k++) {
      let t: E = f.coeffs[k]!;
      const m = f.mons[k]!;
      for (let i = 0; i < m.length; i++) if (m[i]! > 0) t = F.mul(t, power(i, m[i]!));
      sum = F.add(sum, t);
    }
    return sum;
  }

  /**
   * Substitute images[i] for variable i (the images live in `target`, which must share the field's
   * element type); `mapCoeff` carries coefficients over. Power tables avoid recomputing x_i^k.
   */
  compose<T>(f: Poly<E>, target: PolyRing<T>, images: readonly Poly<T>[], mapCoeff: (c: E) => T): Poly<T> {
    const powers: Poly<T>[][] = images.map((g) => [target.one(), g]);
    const power = (i: number, e: number): Poly<T> => {
      const table = powers[i]!;
      while (table.length <= e) table.push(target.mul(table[table.length - 1]!, images[i]!));
      return table[e]!;
    };
    let sum = target.zero();
    for (let k = 0; k < f.mons.length; k++) {
      let t = target.constant(mapCoeff(f.coeffs[k]!));
      const m = f.mons[k]!;
      for (let i = 0; i < m.length; i++) if (m[i]! > 0) t = target.mul(t, power(i, m[i]!));
      sum = target.add(sum, t);
    }
    return sum;
  }

  /** The same polynomial in another ring with the same variables (another order or field). */
  convert<T>(f: Poly<E>, target: PolyRing<T>, mapCoeff: (c: E) => T): Poly<T> {
    if (target.nvars !== this.nvars) throw new RangeError('convert: the rings have different numbers of variables');
    return target.fromTerms(f.mons.map((m, k) => [m, mapCoeff(f.coeffs[k]!)] as const));
  }

  /** Homogenize with respect to variable h: every term is raised to the top degree in the other variables. */
  homogenize(f: Poly<E>, h: number): Poly<E> {
    const degreeWithout = (m: Monomial) => totalDegree(m) - m[h]!;
    let d = 0;
    for (const m of f.mons) d = Math.max(d, degreeWithout(m));
    return this.fromTerms(
      f.mons.map((m, k) => {
        const n = m.slice();
        n[h] = m[h]! + d - degreeWithout(m);
        const term: [Monomial, E] = [n, f.coeffs[k] as E];
        return term;
      }),
    );
  }

  // --- text ----------------------------------------------------------------------------------

  monomialText(m: Monomial): string {
    const parts: string[] = [];
    for (let i = 0; i < m.length; i++) {
      const e = m[i]!;
      if (e === 1) parts.push(this.vars[i]!);
      else if (e > 1) parts.push(`${this.vars[i]}^${e}`);
    }
    return parts.join('*');
  }

  /** The canonical text of the language contract: `3*x^2*y - 1/2*x + 1`, `0` for zero. */
  toText(f: Poly<E>): string {
    if (f.mons.length === 0) return '0';
    const F = this.field;
    let out = '';
    for (let k = 0; k < f.mons.length; k++) {
      const c = f.coeffs[k]!;
      const negative = F.isNegative(c);
      const abs = negative ? F.neg(c) : c;
      const mono = this.monomialText(f.mons[k]!);
      let body: string;
      if (F.termText) body = F.termText(abs, mono);
      else if (mono === '') body = F.toString(abs);
      else if (F.isOne(abs)) body = mono;
      else body = `${F.toString(abs)}*${mono}`;
      if (k === 0) out = negative ? `-${body}` : body;
      else out += negative ? ` - ${body}` : ` + ${body}`;
    }
    return out;
  }
}

export function orderText(spec: OrderSpec): string {
  switch (spec.kind) {
    case 'lex':
    case 'grevlex':
      return spec.kind;
    case 'weighted':
      return `weighted(${spec.weights.join(', ')})`;
    case 'block':
      return `[${spec.blocks.map((b) => `${b.order}(${b.size})`).join(', ')}]`;
  }
}
