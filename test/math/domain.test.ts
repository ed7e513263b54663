// The domain layer: capability flags and predicates, and two toy domains written here (a second
// implementation of GF(p) on words, and the Gaussian rationals QQ(i)) run through generic code
// (the Gröbner dispatcher, Buchberger, normal forms, determinants, characteristic polynomials).
// Nothing in the engine knows these classes: if anything keyed on the identity of QQ or of
// SmallPrimeField, the dispatch or the results below would differ.
import { describe, expect, it } from 'vitest';
import { type DomainKind, type ElementStorage, type Field, isField, isRationalField, isWordPrimeField } from '../../src/math/domain.js';
import { MathError } from '../../src/math/errors.js';
import { LargePrimeField, QQ, type Rat, SmallPrimeField, ZZ, compareRat, rat } from '../../src/math/field.js';
import { groebner, isGroebnerBasis, normalForm } from '../../src/math/groebner/index.js';
import { berkowitz, characteristicPolynomial, determinant, matMul } from '../../src/math/linalg/index.js';
import { type Poly, PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { katsura } from '../../src/math/systems.js';
import { ResidueRing } from '../../src/math/univariate/residue.js';

/** GF(p) on numbers in [0, p) again, written independently: inverses by Fermat, a^(p-2). */
class ToyWordPrimeField implements Field<number> {
  readonly name: string;
  readonly kind = 'prime-field' as const;
  readonly elements = 'word' as const;
  readonly characteristic: bigint;
  readonly exact = true;
  readonly ordered = false;
  readonly isField = true as const;
  readonly zero = 0;
  readonly one = 1;
  constructor(readonly p: number) {
    this.name = `Toy(${p})`;
    this.characteristic = BigInt(p);
  }
  private mod(a: number): number {
    return ((a % this.p) + this.p) % this.p;
  }
  add = (a: number, b: number) => this.mod(a + b);
  sub = (a: number, b: number) => this.mod(a - b);
  neg = (a: number) => this.mod(-a);
  mul = (a: number, b: number) => Number((BigInt(a) * BigInt(b)) % this.characteristic);
  inv = (a: number) => {
    if (a === 0) throw new MathError('division-by-zero', 'division by zero');
    let r = 1, base = a, e = this.p - 2;
    while (e > 0) {
      if (e & 1) r = this.mul(r, base);
      base = this.mul(base, base);
      e >>= 1;
    }
    return r;
  };
  div = (a: number, b: number) => this.mul(a, this.inv(b));
  isZero = (a: number) => a === 0;
  isOne = (a: number) => a === 1;
  eq = (a: number, b: number) => a === b;
  fromBigInt = (n: bigint) => this.mod(Number(n % this.characteristic));
  fromRational = (num: bigint, den: bigint) => this.div(this.fromBigInt(num), this.fromBigInt(den));
  toString = (a: number) => String(a > this.p / 2 ? a - this.p : a);
  isNegative = (a: number) => a > this.p / 2;
}

/** a + b·i with a, b rational: the field QQ(i), an algebraic extension the engine has never seen. */
interface Gaussian {
  readonly re: Rat;
  readonly im: Rat;
}

class GaussianRationals implements Field<Gaussian> {
  readonly name = 'QQ(i)';
  readonly kind: DomainKind = 'extension';
  readonly elements: ElementStorage = 'opaque';
  readonly characteristic = 0n;
  readonly exact = true;
  readonly ordered = false;
  readonly isField = true as const;
  readonly zero: Gaussian = { re: QQ.zero, im: QQ.zero };
  readonly one: Gaussian = { re: QQ.one, im: QQ.zero };
  readonly i: Gaussian = { re: QQ.zero, im: QQ.one };
  of = (re: Rat, im: Rat = QQ.zero): Gaussian => ({ re, im });
  add = (a: Gaussian, b: Gaussian) => this.of(QQ.add(a.re, b.re), QQ.add(a.im, b.im));
  sub = (a: Gaussian, b: Gaussian) => this.of(QQ.sub(a.re, b.re), QQ.sub(a.im, b.im));
  neg = (a: Gaussian) => this.of(QQ.neg(a.re), QQ.neg(a.im));
  mul = (a: Gaussian, b: Gaussian) => this.of(QQ.sub(QQ.mul(a.re, b.re), QQ.mul(a.im, b.im)), QQ.add(QQ.mul(a.re, b.im), QQ.mul(a.im, b.re)));
  inv = (a: Gaussian) => {
    const n = QQ.add(QQ.mul(a.re, a.re), QQ.mul(a.im, a.im));
    return this.of(QQ.div(a.re, n), QQ.neg(QQ.div(a.im, n)));
  };
  div = (a: Gaussian, b: Gaussian) => this.mul(a, this.inv(b));
  isZero = (a: Gaussian) => QQ.isZero(a.re) && QQ.isZero(a.im);
  isOne = (a: Gaussian) => QQ.isOne(a.re) && QQ.isZero(a.im);
  eq = (a: Gaussian, b: Gaussian) => QQ.eq(a.re, b.re) && QQ.eq(a.im, b.im);
  fromBigInt = (n: bigint) => this.of(QQ.fromBigInt(n));
  fromRational = (num: bigint, den: bigint) => this.of(QQ.fromRational(num, den));
  toString = (a: Gaussian) => (QQ.isZero(a.im) ? QQ.toString(a.re) : `(${QQ.toString(a.re)} + ${QQ.toString(a.im)}*i)`);
  isNegative = (a: Gaussian) => QQ.isZero(a.im) && QQ.isNegative(a.re);
}

const QQi = new GaussianRationals();

describe('capabilities', () => {
  it('the built-in domains state what they are', () => {
    expect(isRationalField(QQ)).toBe(true);
    expect(isWordPrimeField(new SmallPrimeField(7))).toBe(true);
    expect(isWordPrimeField(new LargePrimeField(2n ** 61n - 1n))).toBe(false);
    expect(isRationalField(new SmallPrimeField(7))).toBe(false);
    expect([QQ.ordered, ZZ.ordered, new SmallPrimeField(7).ordered]).toEqual([true, true, false]);
    expect(isField(ZZ)).toBe(false);
    const K = new ResidueRing([rat(-2n), QQ.zero, QQ.one]);
    expect([K.kind, K.isField, K.characteristic, K.name]).toEqual(['residue-ring', false, 0n, 'QQ[T]/(T^2 - 2)']);
    // T^2 = 2 in QQ[T]/(T^2 - 2), so (T + 1)^2 = 2T + 3; the ring prints its elements.
    const t1 = K.fromRational([1n, 1n]);
    expect(K.toString(K.mul(t1, t1))).toBe('2*T + 3');
    expect(K.toString(K.fromRational([rat(-1n, 2n)]))).toBe('(-1)/2');
    expect(K.isOne(K.mul(K.fromRational([0n, 1n]), K.fromRational([0n, rat(1n, 2n)])))).toBe(true);
  });
});

describe('a second GF(p) implementation on words', () => {
  const toy = new ToyWordPrimeField(32003);
  const ref = new SmallPrimeField(32003);

  it('is served by F4 through its capabilities, with the same basis as the built-in field', () => {
    expect(isWordPrimeField(toy)).toBe(true);
    const a = katsura(toy, 3);
    const b = katsura(ref, 3);
    const ra = groebner(a.ring, a.gens);
    const rb = groebner(b.ring, b.gens);
    expect(ra.algorithm).toBe('f4');
    expect(ra.basis.map((g) => a.ring.toText(g))).toEqual(rb.basis.map((g) => b.ring.toText(g)));
    expect(groebner(a.ring, a.gens, { algorithm: 'buchberger' }).basis.map((g) => a.ring.toText(g))).toEqual(rb.basis.map((g) => b.ring.toText(g)));
  });

  it('gives the same determinant and characteristic polynomial as the built-in field', () => {
    const A = [
      [3, 1, 4, 1],
      [5, 9, 2, 6],
      [5, 3, 5, 8],
      [9, 7, 9, 3],
    ].map((row) => row.map((x) => ref.fromBigInt(BigInt(x))));
    expect(toy.toString(determinant(toy, A))).toBe(ref.toString(determinant(ref, A)));
    expect(characteristicPolynomial(toy, A)).toEqual(characteristicPolynomial(ref, A));
  });
});

describe('the Gaussian rationals QQ(i), a domain the engine has never seen', () => {
  it('is told apart by capabilities: not the rationals, not a word prime field, so Buchberger runs', () => {
    expect(isRationalField(QQi)).toBe(false);
    expect(isWordPrimeField(QQi)).toBe(false);
    const R = new PolyRing(QQi, ['x', 'y']);
    expect(groebner(R, [R.variable(0)]).algorithm).toBe('buchberger');
    expect(() => groebner(R, [R.variable(0)], { algorithm: 'modular' })).toThrow(expect.objectContaining({ code: 'engine-declined' }));
  });

  it('a basis over QQ(i) of an ideal with rational generators is the basis over QQ (field extension is flat)', () => {
    const Q = new PolyRing(QQ, ['x', 'y', 'z']);
    const R = new PolyRing(QQi, ['x', 'y', 'z']);
    const texts = ['x^2 + y*z - 2', 'x*y - z^2 + 1/3', 'y^2 - x + z'];
    const overQQ = groebner(Q, texts.map((t) => parsePoly(Q, t)), { algorithm: 'buchberger' }).basis;
    const overQQi = groebner(R, texts.map((t) => parsePoly(R, t))).basis;
    expect(overQQi.map((g) => R.toText(g))).toEqual(overQQ.map((g) => Q.toText(g)));
  });

  it('normal forms modulo the maximal ideal (x - i, y + i) are the values at the point (i, -i)', () => {
    const R = new PolyRing(QQi, ['x', 'y'], { kind: 'lex' });
    const i = R.constant(QQi.i);
    const x = R.variable(0), y = R.variable(1);
    const gens: Poly<Gaussian>[] = [R.sub(x, i), R.add(y, i)];
    const basis = groebner(R, gens).basis;
    expect(isGroebnerBasis(R, basis)).toBe(true);
    // x^2 + 1 = (x - i)(x + i) and x*y - 1 (= i·(-i) - 1 = 0 at the point) lie in the ideal.
    expect(normalForm(R, R.add(R.mul(x, x), R.one()), basis)).toEqual(R.zero());
    expect(normalForm(R, R.sub(R.mul(x, y), R.one()), basis)).toEqual(R.zero());
    // A polynomial that does not vanish at (i, -i) has a non-zero normal form, the value there.
    const nf = normalForm(R, R.add(R.mul(x, x), R.mul(y, y)), basis); // i^2 + (-i)^2 = -2
    expect(R.toText(nf)).toBe('-2');
  });

  it('determinants and characteristic polynomials: det(AB) = det A det B and Cayley–Hamilton', () => {
    const g = (a: number, b: number) => QQi.of(rat(BigInt(a)), rat(BigInt(b)));
    const A = [
      [g(1, 2), g(0, 1), g(3, 0)],
      [g(2, -1), g(1, 1), g(0, 0)],
      [g(0, 0), g(4, 1), g(-1, 3)],
    ];
    const B = [
      [g(2, 0), g(1, -1), g(0, 2)],
      [g(0, 3), g(5, 0), g(1, 1)],
      [g(1, 1), g(0, 0), g(2, -2)],
    ];
    expect(QQi.eq(determinant(QQi, matMul(QQi, A, B)), QQi.mul(determinant(QQi, A), determinant(QQi, B)))).toBe(true);
    const chi = characteristicPolynomial(QQi, A);
    expect(chi.map((c, k) => QQi.eq(c, berkowitz(QQi, A)[k]!))).toEqual([true, true, true, true]);
    // χ(A) = 0 by Horner's rule on matrices; χ(0) = -det A for a 3×3 matrix.
    let value = A.map((row) => row.map(() => QQi.zero));
    for (let k = chi.length - 1; k >= 0; k--) {
      value = matMul(QQi, value, A).map((row, r) => row.map((x, c) => (r === c ? QQi.add(x, chi[k]!) : x)));
    }
    expect(value.every((row) => row.every((x) => QQi.isZero(x)))).toBe(true);
    expect(QQi.eq(chi[0]!, QQi.neg(determinant(QQi, A)))).toBe(true);
  });
});

describe('ZZ', () => {
  it('is an ordered ring of characteristic 0 whose arithmetic is that of bigint', () => {
    expect([ZZ.add(2n, -5n), ZZ.mul(-3n, 4n), ZZ.sub(1n, 1n), ZZ.neg(7n)]).toEqual([-3n, -12n, 0n, -7n]);
    expect(ZZ.isNegative(-1n) && !ZZ.isNegative(0n) && ZZ.isOne(1n)).toBe(true);
    expect(compareRat(rat(1n, 3n), rat(1n, 2n))).toBe(-1);
  });
});
