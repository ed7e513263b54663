// The residue ring Q[T]/(m(T)), a Ring of the domain layer (not a field: m need not be irreducible).
//
// Representation (invariants): an element is `Residue { num, den }`, num an integer polynomial of
// degree < deg m (low degree first, no trailing zero), den > 0, gcd(content(num), den) = 1, so an
// element carries one common denominator. A product costs integer multiplications, one integer
// pseudo-remainder and one content gcd; inverses use a fraction-free extended Euclidean algorithm
// (pseudo-remainders made primitive jointly with the cofactor; G. E. Collins, "Subresultants and
// reduced polynomial remainder sequences", JACM 1967, for the pseudo-remainder sequence).
import { type DomainKind, type ElementStorage, type Ring, power } from '../domain.js';
import { MathError } from '../errors.js';
import { type Rat, rat } from '../field.js';
import { bigGcd, bigLcm } from '../integers.js';
import { integerPoly, intMul, intPseudoDivide, subInt, trimInt } from './integer-poly.js';
import { checkInterrupt } from '../progress.js';

/** An element num(T)/den of Q[T]/(m): num an integer polynomial of degree < deg m, den > 0, gcd(content(num), den) = 1. */
export interface Residue {
  readonly num: readonly bigint[];
  readonly den: bigint;
}

/**
 * The residue ring Q[T]/(m(T)) for a non-constant polynomial m (not necessarily irreducible).
 * Elements carry one common denominator, so a product costs integer multiplications, an integer
 * pseudo-remainder and a single content gcd instead of a gcd per coefficient operation. Inverses use
 * a fraction-free extended Euclidean algorithm (pseudo-remainders made primitive jointly with the
 * cofactor). A `Ring` of the domain layer (not a field: m need not be irreducible).
 */
export class ResidueRing implements Ring<Residue> {
  readonly name: string;
  readonly kind: DomainKind = 'residue-ring';
  readonly elements: ElementStorage = 'opaque';
  readonly characteristic = 0n;
  readonly exact = true;
  readonly ordered = false;
  readonly isField = false;
  readonly modulus: bigint[];
  readonly degree: number;
  readonly zero: Residue = { num: [], den: 1n };
  readonly one: Residue = { num: [1n], den: 1n };

  constructor(m: readonly (bigint | Rat)[]) {
    this.modulus = integerPoly(m as (bigint | Rat)[]);
    this.degree = this.modulus.length - 1;
    if (this.degree < 1) throw new MathError('bad-modulus', 'the modulus must have degree at least 1');
    this.name = `QQ[T]/(${this.textOf(this.modulus)})`;
  }

  fromBigInt(n: bigint): Residue {
    return this.make([n]);
  }

  isOne(a: Residue): boolean {
    return a.den === 1n && a.num.length === 1 && a.num[0] === 1n;
  }

  /** The element as a polynomial in T with rational coefficients, highest degree first: `1/2*T^2 - 3`. */
  toString(a: Residue): string {
    if (a.num.length === 0) return '0';
    const text = this.textOf(a.num);
    return a.den === 1n ? text : `(${text})/${a.den}`;
  }

  isNegative(a: Residue): boolean {
    return a.num.length > 0 && a.num[a.num.length - 1]! < 0n;
  }

  private textOf(c: readonly bigint[]): string {
    const terms: string[] = [];
    for (let i = c.length - 1; i >= 0; i--) {
      const x = c[i]!;
      if (x === 0n) continue;
      const power = i === 0 ? '' : i === 1 ? 'T' : `T^${i}`;
      const magnitude = x < 0n ? -x : x;
      const body = power === '' ? `${magnitude}` : magnitude === 1n ? power : `${magnitude}*${power}`;
      terms.push(terms.length === 0 ? (x < 0n ? `-${body}` : body) : `${x < 0n ? '-' : '+'} ${body}`);
    }
    return terms.join(' ');
  }

  /** num/den reduced modulo m and normalized. */
  make(num: readonly bigint[], den: bigint = 1n): Residue {
    let n = trimInt(num.slice());
    let d = den;
    if (n.length > this.degree) {
      const { remainder, steps } = intPseudoDivide(n, this.modulus);
      n = remainder;
      if (steps > 0) d *= this.modulus[this.degree]! ** BigInt(steps);
    }
    if (d < 0n) {
      n = n.map((c) => -c);
      d = -d;
    }
    if (n.length === 0) return this.zero;
    let g = d;
    for (const c of n) {
      if (g === 1n) break;
      g = bigGcd(g, c);
    }
    return g === 1n ? { num: n, den: d } : { num: n.map((c) => c / g), den: d / g };
  }

  fromRational(a: readonly (bigint | Rat)[]): Residue {
    let den = 1n;
    const rs = a.map((c) => (typeof c === 'object' ? c : { num: c, den: 1n }));
    for (const c of rs) den = bigLcm(den, c.den);
    return this.make(
      rs.map((c) => c.num * (den / c.den)),
      den,
    );
  }

  toRational(a: Residue): Rat[] {
    return a.num.map((c) => rat(c, a.den));
  }

  isZero(a: Residue): boolean {
    return a.num.length === 0;
  }

  eq(a: Residue, b: Residue): boolean {
    return a.den === b.den && a.num.length === b.num.length && a.num.every((c, i) => c === b.num[i]);
  }

  neg(a: Residue): Residue {
    return { num: a.num.map((c) => -c), den: a.den };
  }

  private combine(a: Residue, b: Residue, sign: 1n | -1n): Residue {
    if (a.num.length === 0) return sign === 1n ? b : this.neg(b);
    if (b.num.length === 0) return a;
    const g = bigGcd(a.den, b.den);
    const fa = b.den / g;
    const fb = a.den / g;
    const n = Math.max(a.num.length, b.num.length);
    const num = new Array<bigint>(n);
    for (let i = 0; i < n; i++) num[i] = (a.num[i] ?? 0n) * fa + sign * (b.num[i] ?? 0n) * fb;
    return this.make(num, a.den * fa);
  }

  add(a: Residue, b: Residue): Residue {
    return this.combine(a, b, 1n);
  }

  sub(a: Residue, b: Residue): Residue {
    return this.combine(a, b, -1n);
  }

  mul(a: Residue, b: Residue): Residue {
    if (a.num.length === 0 || b.num.length === 0) return this.zero;
    return this.make(intMul(a.num, b.num), a.den * b.den);
  }

  scale(a: Residue, c: Rat): Residue {
    if (c.num === 0n) return this.zero;
    return this.make(
      a.num.map((x) => x * c.num),
      a.den * c.den,
    );
  }

  pow(a: Residue, k: number): Residue {
    return power(this.one, (x, y) => this.mul(x, y), a, k);
  }

  /** a^{-1}; MathError('not-invertible') when gcd(a, m) is not constant. */
  inverse(a: Residue): Residue {
    if (a.num.length === 0) throw new MathError('not-invertible', 'zero is not invertible');
    // Invariant: r_i ≡ s_i · a.num (mod m), up to the same integer factor on both sides.
    let r0: bigint[] = this.modulus.slice();
    let s0: bigint[] = [];
    let r1: bigint[] = a.num.slice();
    let s1: bigint[] = [1n];
    while (r1.length > 1) {
      checkInterrupt();
      const { quotient, remainder, steps } = intPseudoDivide(r0, r1);
      const lcPower = r1[r1.length - 1]! ** BigInt(steps);
      let s = subInt(
        s0.map((c) => c * lcPower),
        intMul(quotient, s1),
      );
      let r = remainder;
      // Divide the pair by its common content.
      let g = 0n;
      for (const c of r) g = bigGcd(g, c);
      for (const c of s) {
        if (g === 1n) break;
        g = bigGcd(g, c);
      }
      if (g > 1n) {
        r = r.map((c) => c / g);
        s = s.map((c) => c / g);
      }
      r0 = r1;
      s0 = s1;
      r1 = r;
      s1 = s;
    }
    if (r1.length === 0) throw new MathError('not-invertible', 'the element is a zero divisor modulo the modulus');
    // s1 · a.num ≡ c (constant), so a^{-1} = s1 · a.den / c.
    const c = r1[0]!;
    return this.make(
      s1.map((x) => x * a.den),
      c,
    );
  }
}
