// The rational function field F(t) (src/math/fraction-field.ts) and the parametric Gröbner engine
// (src/math/groebner/parametric.ts): field axioms on seeded random elements, canonical form, the
// printed text, and bases over QQ(t) against Buchberger's algorithm run directly over QQ(t) (a second
// route: the reference engine on the rational-function coefficients themselves).
import { describe, expect, it } from 'vitest';
import { QQ, primeField, type Field, type Rat } from '../../src/math/field.js';
import { FractionField, type RatFun } from '../../src/math/fraction-field.js';
import { groebner } from '../../src/math/groebner/index.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { Random } from '../../src/math/random.js';

const K = new FractionField(QQ, ['t']);
const B = K.base;
const t = K.param(0);
const c = (n: number) => K.fromBigInt(BigInt(n));

function randomPoly(random: Random, degree: number): Poly<Rat> {
  const terms = Array.from({ length: degree + 1 }, (_, k) => [Int32Array.of(k), QQ.fromRational(BigInt(random.int(-5, 5)), BigInt(random.int(1, 3)))] as const);
  return B.fromTerms(terms);
}

function randomElement(random: Random): RatFun<Rat> {
  let den = randomPoly(random, random.int(0, 2));
  if (den.mons.length === 0) den = B.one();
  return K.fraction(randomPoly(random, random.int(0, 3)), den);
}

describe('QQ(t): arithmetic in lowest terms', () => {
  it('normalizes: (t^2 - 1)/(t - 1) = t + 1, the denominator monic, equal elements equal data', () => {
    const q = K.div(K.sub(K.mul(t, t), c(1)), K.sub(t, c(1)));
    expect(K.eq(q, K.add(t, c(1)))).toBe(true);
    expect(K.toString(q)).toBe('t + 1');
    const h = K.div(c(1), K.mul(c(2), K.sub(t, c(3))));
    expect(K.toString(h)).toBe('1/2/(t - 3)');
    expect(B.toText(h.den)).toBe('t - 3');
  });

  it('field axioms on seeded random elements (associativity, distributivity, inverses)', () => {
    const random = new Random(11);
    for (let k = 0; k < 40; k++) {
      const [a, b, d] = [randomElement(random), randomElement(random), randomElement(random)];
      expect(K.eq(K.mul(K.add(a, b), d), K.add(K.mul(a, d), K.mul(b, d)))).toBe(true);
      expect(K.eq(K.add(K.add(a, b), d), K.add(a, K.add(b, d)))).toBe(true);
      expect(K.eq(K.sub(K.add(a, b), b), a)).toBe(true);
      if (!K.isZero(a)) expect(K.isOne(K.mul(a, K.inv(a)))).toBe(true);
    }
  });

  it('several parameters over QQ (multivariate gcd); GF(p) with several parameters is refused', () => {
    const L = new FractionField(QQ, ['a', 'b']);
    const [a, b] = [L.param(0), L.param(1)];
    const q = L.div(L.sub(L.mul(a, a), L.mul(b, b)), L.add(a, b));
    expect(L.toString(q)).toBe('a - b');
    expect(() => new FractionField(primeField(7) as Field<number>, ['a', 'b'])).toThrow(/several parameters are supported over QQ only/);
    const G7 = new FractionField(primeField(7) as Field<number>, ['s']);
    expect(G7.name).toBe('GF(7)(s)');
    const s = G7.param(0);
    expect(G7.toString(G7.div(G7.sub(G7.mul(s, s), G7.one), G7.add(s, G7.one)))).toBe('s - 1');
  });

  it('prints terms as rational functions: x/(t - 1), (t + 1)*x, -x/t, a constant coefficient in parentheses', () => {
    const R = new PolyRing(K, ['x', 'y']);
    const x = R.variable(0);
    const y = R.variable(1);
    const f = R.add(R.scale(x, K.inv(K.sub(t, c(1)))), R.scale(y, K.add(t, c(1))));
    expect(R.toText(f)).toBe('x/(t - 1) + (t + 1)*y');
    expect(R.toText(R.scale(x, K.neg(K.inv(t))))).toBe('-x/t');
    expect(R.toText(R.add(x, R.constant(K.sub(t, c(1)))))).toBe('x + (t - 1)');
    expect(R.toText(R.sub(x, R.constant(K.sub(t, c(1)))))).toBe('x - (t - 1)');
    expect(R.toText(R.scale(x, K.div(K.mul(c(2), t), K.mul(t, K.add(t, c(1))))))).toBe('2*x/(t + 1)');
  });
});

describe('Gröbner bases over QQ(t): the parametric engine against Buchberger over QQ(t)', () => {
  const R = new PolyRing(K, ['x', 'y', 'z']);
  const [x, y, z] = [R.variable(0), R.variable(1), R.variable(2)];
  const k = (f: RatFun<Rat>) => R.constant(f);
  const systems: [string, Poly<RatFun<Rat>>[]][] = [
    ['a conic and a line', [R.sub(R.add(R.mul(x, x), R.mul(k(t), R.mul(y, y))), R.one()), R.sub(x, R.mul(k(K.add(t, c(1))), y))]],
    ['twisted cubic with a parameter', [R.sub(R.mul(x, z), R.mul(y, y)), R.sub(R.mul(k(t), R.mul(x, x)), y), R.sub(R.mul(x, y), z)]],
    ['a denominator', [R.add(R.mul(k(K.inv(K.sub(t, c(2)))), R.mul(x, y)), z), R.sub(R.mul(z, z), k(t)), R.sub(R.mul(y, y), x)]],
    ['generically inconsistent', [R.sub(R.mul(k(t), x), R.one()), R.sub(x, R.one()), R.sub(y, z)]],
  ];
  for (const [name, gens] of systems) {
    for (const order of ['grevlex', 'lex'] as const) {
      it(`${name} (${order})`, () => {
        const S = R.withOrder({ kind: order });
        const inS = gens.map((g) => S.fromTerms(g.mons.map((m, j) => [m, g.coeffs[j]!] as const)));
        const ours = groebner(S, inS);
        const reference = groebner(S, inS, { algorithm: 'buchberger' });
        expect(ours.algorithm).toBe('parametric');
        expect(ours.basis.map((g) => S.toText(g))).toEqual(reference.basis.map((g) => S.toText(g)));
      });
    }
  }
});
