// The reference Gröbner engine (Buchberger with Gebauer–Möller and sugar), the reduction routines and
// the dispatcher. Properties are checked on random small ideals over QQ and GF(p) in several orders;
// known values come from the standard benchmark systems (katsura, cyclic, eco, noon).
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MathError } from '../../src/math/errors.js';
import { type Field, QQ, type Rat, SmallPrimeField, primeField } from '../../src/math/field.js';
import { buchberger } from '../../src/math/groebner/buchberger.js';
import { GROEBNER_ENGINES, autoEngine, groebner } from '../../src/math/groebner/index.js';
import { Reducer, interreduce, isGroebnerBasis, normalForm, spoly } from '../../src/math/groebner/reduce.js';
import * as ideals from '../../src/math/ideal.js';
import { type OrderSpec, divides } from '../../src/math/monomial.js';
import { type Poly, PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import type { ProgressEvent } from '../../src/math/progress.js';
import { cyclic, eco, katsura, noon } from '../../src/math/systems.js';

const GF7 = new SmallPrimeField(7);
const GF32003 = new SmallPrimeField(32003);

const ORDERS: readonly OrderSpec[] = [
  { kind: 'grevlex' },
  { kind: 'lex' },
  { kind: 'block', blocks: [{ size: 1, order: 'grevlex' }, { size: 2, order: 'grevlex' }] },
  { kind: 'weighted', weights: [1, 2, 3] },
];

const text = <E>(R: PolyRing<E>, polys: readonly Poly<E>[]) => polys.map((f) => R.toText(f));

/** Random polynomials in 3 variables: up to `terms` terms, exponents up to `maxExponent`, small integer coefficients. */
function arbitraryPoly<E>(R: PolyRing<E>, terms = 4, maxExponent = 2) {
  const term = fc.tuple(
    fc.integer({ min: -4, max: 4 }),
    fc.array(fc.integer({ min: 0, max: maxExponent }), { minLength: R.nvars, maxLength: R.nvars }),
  );
  return fc
    .array(term, { minLength: 0, maxLength: terms })
    .map((ts) => R.fromTerms(ts.map(([c, e]) => [Int32Array.from(e), R.field.fromBigInt(BigInt(c))] as const)));
}

/** A random small ideal (2 or 3 generators, few terms, low degree) so that Buchberger stays fast. */
function arbitraryIdeal<E>(R: PolyRing<E>) {
  return fc.array(arbitraryPoly(R, 3, 2), { minLength: 1, maxLength: 3 });
}

function isReducedBasis<E>(R: PolyRing<E>, basis: readonly Poly<E>[]): boolean {
  for (let i = 0; i < basis.length; i++) {
    const g = basis[i]!;
    if (!R.field.isOne(g.coeffs[0]!)) return false;
    if (i > 0 && R.order.compare(basis[i - 1]!.mons[0]!, g.mons[0]!) >= 0) return false;
    for (let j = 0; j < basis.length; j++) {
      if (i === j) continue;
      if (g.mons.some((m) => divides(basis[j]!.mons[0]!, m))) return false;
    }
  }
  return true;
}

describe('polynomial ring axioms (PolyRing on random polynomials)', () => {
  for (const F of [QQ, GF7] as Field<unknown>[]) {
    const R = new PolyRing(F, ['x', 'y', 'z']);
    it(`hold over ${F.name}`, () => {
      fc.assert(
        fc.property(arbitraryPoly(R), arbitraryPoly(R), arbitraryPoly(R), (f, g, h) => {
          expect(R.equals(R.add(f, g), R.add(g, f))).toBe(true);
          expect(R.equals(R.mul(f, g), R.mul(g, f))).toBe(true);
          expect(R.equals(R.add(R.add(f, g), h), R.add(f, R.add(g, h)))).toBe(true);
          expect(R.equals(R.mul(R.mul(f, g), h), R.mul(f, R.mul(g, h)))).toBe(true);
          expect(R.equals(R.mul(f, R.add(g, h)), R.add(R.mul(f, g), R.mul(f, h)))).toBe(true);
          expect(R.isZero(R.sub(f, f))).toBe(true);
          expect(R.equals(R.mul(f, R.one()), f)).toBe(true);
        }),
        { numRuns: 60, seed: 1 },
      );
    });
  }
});

describe('reduction', () => {
  const R = new PolyRing(QQ, ['x', 'y', 'z']);
  const p = (s: string) => parsePoly(R, s);

  it('computes S-polynomials with cancelling leading terms', () => {
    expect(R.toText(spoly(R, p('x^2*y - 1'), p('2*x*y^2 - x')))).toBe('1/2*x^2 - y');
    expect(() => spoly(R, p('x'), R.zero())).toThrow(MathError);
  });

  it('normal forms over QQ (fraction-free inside) agree with the division algorithm on a Gröbner basis', () => {
    const basis = buchberger(R, [p('x^2 + 3*y*z - 2'), p('2*x*y - z^2 + 1/3'), p('y^3 - x*z')]);
    fc.assert(
      fc.property(arbitraryPoly(R, 5, 4), (f) => {
        const nf = normalForm(R, f, basis);
        expect(R.equals(nf, R.divide(f, basis).remainder)).toBe(true);
        // f - nf(f) lies in the ideal, and nf is idempotent
        expect(R.isZero(normalForm(R, R.sub(f, nf), basis))).toBe(true);
        expect(R.equals(normalForm(R, nf, basis), nf)).toBe(true);
      }),
      { numRuns: 40, seed: 2 },
    );
  });

  it('the Reducer answers normal forms and zero tests for one basis', () => {
    const gens = [p('x*y - 1'), p('y^2 - z')];
    const basis = buchberger(R, gens);
    const reducer = new Reducer(R, basis);
    const member = R.add(R.mul(p('x + z^2'), gens[0]!), R.mul(p('3*y - 1/2'), gens[1]!));
    expect(reducer.reducesToZero(member)).toBe(true);
    expect(R.isZero(reducer.normalForm(member))).toBe(true);
    expect(reducer.reducesToZero(R.add(member, p('z')))).toBe(false);
    expect(R.toText(reducer.normalForm(R.add(member, p('x*y'))))).toBe('1');
  });

  it('interreduces a generating set; on a Gröbner basis it gives the reduced basis', () => {
    const G = new PolyRing(GF7, ['x', 'y', 'z']);
    const q = (s: string) => parsePoly(G, s);
    expect(text(G, interreduce(G, [q('x^2 + y'), q('x^2'), q('2*y')]))).toEqual(['y', 'x^2']);
    const gens = [q('x^2 - y'), q('x*y - z'), q('y^2 - x*z')];
    const unreduced = [...buchberger(G, gens), G.mul(q('x + 1'), gens[0]!)];
    expect(text(G, interreduce(G, unreduced))).toEqual(text(G, buchberger(G, gens)));
  });
});

describe('Buchberger on random ideals', () => {
  const cases: [string, Field<unknown>, OrderSpec][] = [];
  for (const F of [QQ, GF7, GF32003] as Field<unknown>[]) for (const order of ORDERS) cases.push([`${F.name} ${order.kind}`, F, order]);

  for (const [name, F, order] of cases) {
    it(`gives reduced Gröbner bases that contain the ideal and do not depend on the input order (${name})`, () => {
      const R = new PolyRing(F, ['x', 'y', 'z'], order);
      fc.assert(
        fc.property(arbitraryIdeal(R), fc.integer({ min: 0, max: 1000 }), (gens, seed) => {
          const basis = buchberger(R, gens);
          expect(isReducedBasis(R, basis)).toBe(true);
          expect(isGroebnerBasis(R, basis)).toBe(true);
          for (const g of gens) expect(R.isZero(normalForm(R, g, basis))).toBe(true);
          // the same ideal from shuffled, rescaled and redundant input
          const shuffled = gens.slice().sort(() => 0).reverse();
          const k = seed % shuffled.length;
          const input = [...shuffled.slice(k), ...shuffled.slice(0, k)].map((g, i) => R.scale(g, F.fromBigInt(BigInt(i + 2))));
          if (gens.length >= 2) input.push(R.add(gens[0]!, gens[1]!));
          expect(text(R, buchberger(R, input))).toEqual(text(R, basis));
          // both selection strategies give the same reduced basis
          const other = R.order.spec.kind === 'grevlex' ? 'normal' : 'sugar';
          expect(text(R, buchberger(R, gens, { strategy: other }))).toEqual(text(R, basis));
        }),
        { numRuns: 25, seed: 3 },
      );
    });
  }

  it('handles the zero ideal, the unit ideal and constants', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const p = (s: string) => parsePoly(R, s);
    expect(buchberger(R, [])).toEqual([]);
    expect(buchberger(R, [R.zero()])).toEqual([]);
    expect(text(R, buchberger(R, [p('x + 1'), p('x - 1')]))).toEqual(['1']);
    expect(text(R, buchberger(R, [p('3')]))).toEqual(['1']);
    expect(text(R, buchberger(R, [p('2*x*y'), p('3*x*y')]))).toEqual(['x*y']);
  });

  it('reproduces a textbook basis (Cox–Little–O\'Shea, §2.7: x^3 - 2xy, x^2 y - 2y^2 + x)', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const basis = buchberger(R, [parsePoly(R, 'x^3 - 2*x*y'), parsePoly(R, 'x^2*y - 2*y^2 + x')]);
    expect(text(R, basis)).toEqual(['y^2 - 1/2*x', 'x*y', 'x^2']);
  });

  it('works over GF(2) and GF(3), where leading coefficients and multipliers degenerate', () => {
    for (const p of [2, 3]) {
      const R = new PolyRing(new SmallPrimeField(p), ['x', 'y', 'z'], { kind: 'lex' });
      fc.assert(
        fc.property(arbitraryIdeal(R), (gens) => {
          const basis = buchberger(R, gens);
          expect(isGroebnerBasis(R, basis)).toBe(true);
          for (const g of gens) expect(R.isZero(normalForm(R, g, basis))).toBe(true);
        }),
        { numRuns: 20, seed: 4 },
      );
    }
  });
});

describe('known systems', () => {
  it('katsura-3 and katsura-4 have 8 and 16 solutions over QQ', () => {
    for (const [n, count] of [
      [3, 8n],
      [4, 16n],
    ] as const) {
      const { ring, gens } = katsura(QQ, n);
      const basis = buchberger(ring, gens);
      expect(isGroebnerBasis(ring, basis)).toBe(true);
      expect(ideals.vdim(ring, basis)).toBe(count);
    }
  });

  it('cyclic-4 has dimension 1 (QQ); cyclic-5 has 70 solutions (GF(32003))', () => {
    const c4 = cyclic(QQ, 4);
    expect(ideals.dimension(c4.ring, c4.gens)).toBe(1);
    const c5 = cyclic(GF32003, 5);
    const basis = buchberger(c5.ring, c5.gens);
    expect(basis.length).toBe(20);
    expect(ideals.vdim(c5.ring, basis)).toBe(70n);
  });

  it('eco-5 has 8 solutions and noon-3 has 21 (3^n - 2n)', () => {
    const e = eco(QQ, 5);
    expect(ideals.vdim(e.ring, buchberger(e.ring, e.gens))).toBe(8n);
    const n = noon(GF32003, 3);
    expect(ideals.vdim(n.ring, buchberger(n.ring, n.gens))).toBe(21n);
  });

  it('the systems have the documented shape (eco-5 and noon-4 as in the SymbolicData/GroebnerBenchmark files)', () => {
    const same = <E>(R: PolyRing<E>, gens: Poly<E>[], expected: string[]) =>
      expect(gens.map((f, i) => R.equals(f, parsePoly(R, expected[i]!)))).toEqual(expected.map(() => true));
    const k = katsura(QQ, 3);
    expect(k.ring.vars).toEqual(['u0', 'u1', 'u2', 'u3']);
    same(k.ring, k.gens, [
      'u0 + 2*u1 + 2*u2 + 2*u3 - 1',
      'u0^2 + 2*u1^2 + 2*u2^2 + 2*u3^2 - u0',
      '2*u0*u1 + 2*u1*u2 + 2*u2*u3 - u1',
      'u1^2 + 2*u0*u2 + 2*u1*u3 - u2',
    ]);
    const c = cyclic(QQ, 3);
    same(c.ring, c.gens, ['x0 + x1 + x2', 'x0*x1 + x1*x2 + x2*x0', 'x0*x1*x2 - 1']);
    const e = eco(QQ, 5);
    same(e.ring, e.gens, [
      'x1*x2*x5 + x2*x3*x5 + x3*x4*x5 + x1*x5 - 1',
      'x1*x3*x5 + x2*x4*x5 + x2*x5 - 2',
      'x1*x4*x5 + x3*x5 - 3',
      'x4*x5 - 4',
      'x1 + x2 + x3 + x4 + 1',
    ]);
    const n = noon(QQ, 4);
    same(n.ring, n.gens, [
      '10*x1*x2^2 + 10*x1*x3^2 + 10*x1*x4^2 - 11*x1 + 10',
      '10*x1^2*x2 + 10*x2*x3^2 + 10*x2*x4^2 - 11*x2 + 10',
      '10*x1^2*x3 + 10*x2^2*x3 + 10*x3*x4^2 - 11*x3 + 10',
      '10*x1^2*x4 + 10*x2^2*x4 + 10*x3^2*x4 - 11*x4 + 10',
    ]);
  });
});

describe('progress and interruption', () => {
  it('reports the degree, basis size and pairs, and stops when the signal is raised', () => {
    const { ring, gens } = katsura(GF32003, 4);
    const events: ProgressEvent[] = [];
    buchberger(ring, gens, { onProgress: (e) => events.push(e) });
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.stage === 'buchberger' && e.degree !== undefined && e.basisSize !== undefined && e.pairs !== undefined)).toBe(true);
    let calls = 0;
    const signal = {
      get aborted() {
        return ++calls > 5;
      },
    };
    expect(() => buchberger(ring, gens, { signal })).toThrow(expect.objectContaining({ code: 'interrupted' }));
  });
});

describe('the dispatcher', () => {
  const R = new PolyRing(GF32003, ['x', 'y']);
  const gens = [parsePoly(R, 'x^2 - y'), parsePoly(R, 'x*y - 1')];
  const Q = new PolyRing(QQ, ['x', 'y']);

  it('picks the engine by the domain: F4 over a word-size GF(p), modular over QQ, Buchberger over a bigint GF(p)', () => {
    expect(autoEngine(R)).toBe('f4');
    expect(autoEngine(Q)).toBe('modular');
    const L = new PolyRing(primeField(2n ** 61n - 1n) as Field<bigint>, ['x', 'y']);
    expect(autoEngine(L)).toBe('buchberger');
    expect(groebner(L, [parsePoly(L, 'x^2 - y'), parsePoly(L, 'x*y - 1')]).algorithm).toBe('buchberger');
    const result = groebner(R, gens);
    expect(result.algorithm).toBe('f4');
    expect(text(R, result.basis)).toEqual(text(R, buchberger(R, gens)));
    expect(GROEBNER_ENGINES.map((e) => e.name)).toEqual(['f4', 'modular', 'parametric', 'buchberger']);
  });

  it('runs an engine asked for by name, which declines a domain it does not serve', () => {
    expect(groebner(R, gens, { algorithm: 'buchberger' }).algorithm).toBe('buchberger');
    expect(() => groebner(Q, [parsePoly(Q, 'x - y')], { algorithm: 'f4' })).toThrow(expect.objectContaining({ code: 'engine-declined' }));
    expect(() => groebner(R, gens, { algorithm: 'modular' })).toThrow(/needs QQ, not GF\(32003\)/);
    expect(() => groebner(R, gens, { algorithm: 'magic' as never })).toThrow(expect.objectContaining({ code: 'bad-option' }));
  });

  it('F4 and the modular engine agree with Buchberger on katsura-3', () => {
    for (const [F, name] of [
      [GF32003, 'f4'],
      [QQ, 'modular'],
    ] as const) {
      const { ring, gens: system } = katsura(F as Field<unknown>, 3);
      const result = groebner(ring, system);
      expect(result.algorithm).toBe(name);
      expect(text(ring, result.basis)).toEqual(text(ring, buchberger(ring, system)));
    }
  });

  it('does not depend on import order: a fresh module graph holding only groebner/index.ts picks the same engines', async () => {
    vi.resetModules();
    const fresh = await import('../../src/math/groebner/index.js');
    const freshField = await import('../../src/math/field.js');
    const freshPoly = await import('../../src/math/poly.js');
    expect(fresh.groebner).not.toBe(groebner); // really a second module instance
    const { ring: K, gens: system } = katsura(freshField.QQ, 2);
    const S = new freshPoly.PolyRing(freshField.QQ, K.vars);
    expect(fresh.groebner(S, system).algorithm).toBe('modular');
    const G = new freshPoly.PolyRing(new freshField.SmallPrimeField(32003), ['x', 'y']);
    expect(fresh.groebner(G, [G.variable(0), G.variable(1)]).algorithm).toBe('f4');
  });
});

describe('QQ coefficients stay exact', () => {
  it('returns monic rational bases for systems with rational input', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const basis = buchberger(R, [parsePoly(R, '1/3*x^2 + 2/5*y - 1/7'), parsePoly(R, '3/2*x*y - 5')]);
    expect(basis.every((g) => QQ.isOne(g.coeffs[0]! as Rat))).toBe(true);
    expect(isGroebnerBasis(R, basis)).toBe(true);
    // the ideal is zero-dimensional with 3 solutions: x^2 y = 10/3 and y from the first equation
    expect(ideals.vdim(R, basis)).toBe(3n);
  });
});
