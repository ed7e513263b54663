import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, SmallPrimeField } from '../../src/math/field.js';
import { groebnerBasis, isGroebnerBasis, normalForm } from '../../src/math/groebner/index.js';
import { signature } from '../../src/math/linalg/signature.js';
import { matMul } from '../../src/math/linalg/matrix.js';
import { PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { countDistinctSolutions, hermiteForm, multiplicationMatrices, quotientAlgebra, traceVector } from '../../src/math/quotient.js';
import {
  decimalToRational,
  evaluateAtRepresentation,
  fglm,
  rationalUnivariateRepresentation,
  solve,
  valueAtRepresentation,
  verifyRepresentation,
} from '../../src/math/solve.js';
import { katsura } from '../../src/math/systems.js';
import { ResidueRing, countRealRoots } from '../../src/math/univariate/index.js';

function system(vars: string[], texts: string[]) {
  const R = new PolyRing(QQ, vars);
  return { R, gens: texts.map((t) => parsePoly(R, t)) };
}

/** Second route for the counts: the RUR's polynomial (square-free degree, Sturm count). */
function countsByRur(R: PolyRing<Rat>, gens: ReturnType<typeof parsePoly<Rat>>[], seed: number) {
  const rur = rationalUnivariateRepresentation(R, gens, { seed });
  return { complex: rur.polynomial.length - 1, real: countRealRoots(rur.polynomial) };
}

describe('solve over QQ', () => {
  it('circle and line: 2 complex, 2 real, ±0.7071...', () => {
    const { R, gens } = system(['x', 'y'], ['x^2 + y^2 - 1', 'x - y']);
    const s = solve(R, gens, { seed: 1 });
    expect(s.complex).toBe(2);
    expect(s.real).toBe(2);
    expect(s.points).toEqual([
      ['-0.707106781186547524400844362105', '-0.707106781186547524400844362105'],
      ['0.707106781186547524400844362105', '0.707106781186547524400844362105'],
    ]);
  });

  it('rings in other orders are solved through grevlex', () => {
    const L = new PolyRing(QQ, ['x', 'y'], { kind: 'lex' });
    const s = solve(L, ['x^2 + y^2 - 1', 'x - y'].map((t) => parsePoly(L, t)), { digits: 5 });
    expect(s).toMatchObject({ complex: 2, real: 2, points: [['-0.70711', '-0.70711'], ['0.70711', '0.70711']] });
  });

  it('x^2 + 1, y: 2 complex, 0 real', () => {
    const { R, gens } = system(['x', 'y'], ['x^2 + 1', 'y']);
    const s = solve(R, gens);
    expect(s).toMatchObject({ complex: 2, real: 0, points: [] });
  });

  it('multiplicities: (x^2, y) has one distinct solution, vdim 2', () => {
    const { R, gens } = system(['x', 'y'], ['x^2', 'y']);
    const s = solve(R, gens);
    expect(s).toMatchObject({ complex: 1, real: 1, points: [['0', '0']], multiplicityCount: 2 });
    const t = solve(...Object.values(system(['x', 'y'], ['(x - 1)^3*(x + 2)', '(y - x)^2'])) as [PolyRing<Rat>, never[]]);
    expect(t.complex).toBe(2);
    expect(t.real).toBe(2);
    expect(t.points).toEqual([
      ['-2', '-2'],
      ['1', '1'],
    ]);
  });

  it('exact rational and irrational coordinates, √2 to 30 digits', () => {
    const { R, gens } = system(['x', 'y'], ['x^2 - 2', 'y - 1/2']);
    const s = solve(R, gens, { digits: 30 });
    expect(s.points).toEqual([
      ['-1.41421356237309504880168872421', '0.5'],
      ['1.41421356237309504880168872421', '0.5'],
    ]);
    expect(solve(R, gens, { digits: 5 }).points[1]).toEqual(['1.4142', '0.5']);
  });

  it('retries non-separating forms, one variable, boundary rounding, few digits', () => {
    const { R, gens } = system(['x', 'y'], ['x^2 - 1', 'y^2 - 1']);
    for (const method of ['hermite', 'rur'] as const) {
      for (const seed of [0, 1, 2, 3, 4, 5]) {
        const s = solve(R, gens, { seed, method });
        expect(s.complex).toBe(4);
        expect(s.points).toEqual([
          ['-1', '-1'],
          ['-1', '1'],
          ['1', '-1'],
          ['1', '1'],
        ]);
      }
    }
    const one = system(['x'], ['x^3 - 2']);
    expect(solve(one.R, one.gens, { digits: 20 })).toMatchObject({ complex: 3, real: 1, points: [['1.2599210498948731648']] });
    const boundary = system(['x', 'y'], ['8*x - 1', 'y^2 - 2']);
    expect(solve(boundary.R, boundary.gens, { digits: 2 }).points).toEqual([
      ['0.12', '-1.4'],
      ['0.12', '1.4'],
    ]);
    expect(solve(boundary.R, boundary.gens, { digits: 1 }).points).toEqual([
      ['0.1', '-1'],
      ['0.1', '1'],
    ]);
  });

  it('random triangular systems with known counts (both routes)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 1000 }),
        (roots, k, q, seed) => {
          // p(x) = Π (x - r) · (x^2 + k) when k > 0, y = q(x), z^2 = x + 10 (two real z per real x)
          const factors = roots.map((r) => `(x - ${r})`);
          if (k > 0) factors.push(`(x^2 + ${k})`);
          const qx = q.map((c, i) => `${c}*x^${i}`).join(' + ');
          const { R, gens } = system(['x', 'y', 'z'], [factors.join('*'), `y - (${qx})`, 'z^2 - x - 10']);
          const distinctReal = new Set(roots).size;
          const distinct = distinctReal + (k > 0 ? 2 : 0);
          const a = solve(R, gens, { seed, method: 'hermite', digits: 8 });
          const b = solve(R, gens, { seed, method: 'rur', digits: 8 });
          expect(a.complex).toBe(2 * distinct);
          expect(a.real).toBe(2 * distinctReal);
          expect([b.complex, b.real]).toEqual([a.complex, a.real]);
          expect(b.points).toEqual(a.points);
          expect(a.points.map((p) => p[0])).toEqual([...new Set(roots)].sort((u, v) => u - v).flatMap((r) => [String(r), String(r)]));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('no solutions and positive dimension', () => {
    const { R, gens } = system(['x', 'y'], ['x*y - 1', 'x']);
    expect(solve(R, gens)).toMatchObject({ complex: 0, real: 0, points: [] });
    const { R: S, gens: g2 } = system(['x', 'y', 'z'], ['x*y', 'x*z']);
    expect(() => solve(S, g2)).toThrow(/positive dimension 2; solve needs finitely many solutions/);
    try {
      solve(S, g2);
    } catch (e) {
      expect((e as { code: string }).code).toBe('not-zero-dimensional');
    }
  });

  it('katsura-3: 8 complex solutions; the real count agrees between Hermite and the RUR, for several seeds', () => {
    const { ring: R, gens } = katsura(QQ, 3);
    const s = solve(R, gens, { seed: 7, digits: 20 });
    expect(s.complex).toBe(8);
    for (const seed of [1, 2, 3]) {
      const other = countsByRur(R, gens, seed);
      expect(other.complex).toBe(8);
      expect(other.real).toBe(s.real);
    }
    expect(s.points.length).toBe(s.real);
    // every point satisfies the equations to about 18 digits
    for (const p of s.points) {
      const values = p.map(decimalToRational);
      for (const g of gens) {
        const v = R.evaluate(g, values);
        expect(Math.abs(Number(v.num) / Number(v.den))).toBeLessThan(1e-15);
      }
    }
  });

  it('counts are independent of the seed and the input order', () => {
    const { R, gens } = system(['x', 'y'], ['x^3 - 3*x*y^2 - 1', 'x^2 + y^2 - 2']);
    const a = solve(R, gens, { seed: 1, digits: 12 });
    const b = solve(R, [...gens].reverse(), { seed: 99, digits: 12 });
    expect(a.complex).toBe(b.complex);
    expect(a.real).toBe(b.real);
    expect(a.points).toEqual(b.points);
    expect(a.complex).toBe(6);
  });

  it('the RUR satisfies the system exactly and its Hermite form has the right inertia', () => {
    const { R, gens } = system(['x', 'y', 'z'], ['x^2 + y^2 + z^2 - 3', 'x - y*z', 'z^2 - 1']);
    const rur = rationalUnivariateRepresentation(R, gens, { seed: 5 });
    for (const g of gens) {
      expect(evaluateAtRepresentation(R, g, rur.coordinates, rur.polynomial)).toEqual([]);
      expect(valueAtRepresentation(rur, g)).toEqual([]);
      expect(valueAtRepresentation(rur, g, 4)).toEqual([]);
    }
    // x·g_1 - g_x vanishes modulo f_t: the two forms of the coordinates agree
    const K = new ResidueRing(rur.polynomial);
    // t(x(θ)) = θ: Σ c_i g_i - T·g_1 = 0 modulo f_t
    let lin = K.neg(K.mul(K.fromRational([QQ.zero, QQ.one]), K.fromRational(rur.denominator)));
    rur.numerators.forEach((g, i) => (lin = K.add(lin, K.scale(K.fromRational(g), QQ.fromBigInt(rur.linearForm[i]!)))));
    expect(K.isZero(lin)).toBe(true);
    rur.coordinates.forEach((q, i) => {
      const lhs = K.mul(K.fromRational(q), K.fromRational(rur.denominator));
      expect(K.eq(lhs, K.fromRational(rur.numerators[i]!))).toBe(true);
    });
    const G = groebnerBasis(R, gens);
    const A = quotientAlgebra(R, G);
    const H = hermiteForm(A, traceVector(A));
    const inertia = signature(H);
    expect(inertia.positive + inertia.negative).toBe(rur.polynomial.length - 1);
    expect(signature(H, { method: 'descartes' })).toEqual(inertia);
    expect(countDistinctSolutions(A)).toBe(rur.polynomial.length - 1);
  });

  it('the Hermite route and the RUR-only route agree, also with multiplicities (fallback to the Hermite rank)', () => {
    const systems: [string[], string[]][] = [
      [['x', 'y'], ['x^2 + y^2 - 1', 'x - y']],
      [['x', 'y'], ['x^2', 'y']],
      [['x', 'y'], ['(x - 1)^3*(x + 2)', '(y - x)^2']],
      [['x', 'y'], ['x^3 - 3*x*y^2 - 1', 'x^2 + y^2 - 2']],
      [['x', 'y', 'z'], ['x^2 + y^2 + z^2 - 3', 'x - y*z', 'z^2 - 1']],
    ];
    for (const [vars, texts] of systems) {
      const { R, gens } = system(vars, texts);
      const a = solve(R, gens, { method: 'hermite', digits: 15 });
      const b = solve(R, gens, { method: 'rur', digits: 15 });
      expect(a.method).toBe('hermite+rur');
      expect({ complex: b.complex, real: b.real, points: b.points }).toEqual({ complex: a.complex, real: a.real, points: a.points });
    }
    const { ring: K, gens: k4 } = katsura(QQ, 4);
    const rurOnly = solve(K, k4, { method: 'rur', digits: 10 });
    expect(rurOnly.method).toBe('rur');
    expect(rurOnly.complex).toBe(16);
    expect(solve(K, k4, { method: 'hermite', digits: 10 })).toMatchObject({ complex: 16, real: rurOnly.real, points: rurOnly.points });
  });

  it('the RUR check (exact and modular) accepts a correct representation and rejects a wrong one', () => {
    const { ring: R, gens } = katsura(QQ, 3);
    const rur = rationalUnivariateRepresentation(R, gens, { seed: 3 });
    expect(() => verifyRepresentation(rur, gens, true)).not.toThrow();
    expect(() => verifyRepresentation(rur, gens, false)).not.toThrow();
    const wrong = { ...rur, numerators: [rur.numerators[1]!, rur.numerators[0]!, ...rur.numerators.slice(2)] };
    expect(() => verifyRepresentation(wrong, gens, true)).toThrow(/does not satisfy/);
    expect(() => verifyRepresentation(wrong, gens, false)).toThrow(/does not satisfy/);
    expect(solve(R, gens, { method: 'rur', check: 'modular', digits: 10 })).toEqual(solve(R, gens, { method: 'rur', check: 'exact', digits: 10 }));
  });

  it('multiplication matrices commute', () => {
    const { ring: R, gens } = katsura(QQ, 2);
    const A = quotientAlgebra(R, groebnerBasis(R, gens));
    const [M0, M1, M2] = multiplicationMatrices(A);
    expect(matMul(QQ, M0!, M1!)).toEqual(matMul(QQ, M1!, M0!));
    expect(matMul(QQ, M1!, M2!)).toEqual(matMul(QQ, M2!, M1!));
  });
});

describe('solve over GF(p)', () => {
  it('counts distinct solutions through the radical; real does not apply', () => {
    const F = new SmallPrimeField(32003);
    const R = new PolyRing(F, ['x', 'y']);
    const gens = ['x^2 + y^2 - 1', 'x - y'].map((t) => parsePoly(R, t));
    expect(solve(R, gens)).toMatchObject({ complex: 2, real: null, points: [] });
    const multiple = ['x^3', '(y - 1)^2*(y + 1)'].map((t) => parsePoly(R, t));
    expect(solve(R, multiple)).toMatchObject({ complex: 2, multiplicityCount: 9 });
    const { ring: K, gens: k3 } = katsura(F, 3);
    expect(solve(K, k3).complex).toBe(8);
  });

  it('multiplicities divisible by p in a small field', () => {
    const F = new SmallPrimeField(3);
    const R = new PolyRing(F, ['x', 'y']);
    const gens = ['(x - 1)^3*(x + 1)', 'y^3'].map((t) => parsePoly(R, t));
    expect(solve(R, gens).complex).toBe(2);
  });
});

describe('FGLM', () => {
  const check = (vars: string[], texts: string[]) => {
    const R = new PolyRing(QQ, vars);
    const gens = texts.map((t) => parsePoly(R, t));
    const G = groebnerBasis(R, gens);
    const L = R.withOrder({ kind: 'lex' });
    const direct = groebnerBasis(L, gens.map((f) => R.convert(f, L, (c) => c)));
    const viaFglm = fglm(R, G, { kind: 'lex' });
    expect(viaFglm.map((f) => L.toText(f))).toEqual(direct.map((f) => L.toText(f)));
  };

  it('agrees with a direct lex Gröbner basis', () => {
    check(['x', 'y'], ['x^2 + y^2 - 1', 'x - y']);
    check(['x', 'y', 'z'], ['x^2 + y^2 + z^2 - 3', 'x - y*z', 'z^2 - 1']);
    check(['x', 'y'], ['x^2', 'x*y', 'y^3']);
    check(['x', 'y'], ['x^3 - 3*x*y^2 - 1', 'x^2 + y^2 - 2']);
  });

  it('katsura-2 to lex agrees with the direct lex basis; katsura-3 to lex is a Gröbner basis of the same ideal', () => {
    check(['u0', 'u1', 'u2'], katsura(QQ, 2).gens.map((f) => katsura(QQ, 2).ring.toText(f)));
    // (A direct lex Buchberger run on katsura-3 over QQ is slow; check the FGLM result intrinsically.)
    const { ring: R, gens } = katsura(QQ, 3);
    const G = groebnerBasis(R, gens);
    const L = R.withOrder({ kind: 'lex' });
    const lex = fglm(R, G, { kind: 'lex' });
    expect(isGroebnerBasis(L, lex)).toBe(true);
    for (const g of gens) expect(normalForm(L, R.convert(g, L, (c) => c), lex)).toEqual(L.zero());
    for (const h of lex) expect(normalForm(R, L.convert(h, R, (c) => c), G)).toEqual(R.zero());
    // shape position: the last element is univariate of degree 8 in the last variable
    expect(L.degreeIn(lex[0]!, 3)).toBe(8);
    const back = fglm(L, lex, { kind: 'grevlex' });
    expect(back.map((f) => R.toText(f))).toEqual(G.map((f) => R.toText(f)));
  });

  it('over GF(p)', () => {
    const F = new SmallPrimeField(101);
    const { ring: R, gens } = katsura(F, 3);
    const G = groebnerBasis(R, gens);
    const L = R.withOrder({ kind: 'lex' });
    const direct = groebnerBasis(L, gens.map((f) => R.convert(f, L, (c) => c)));
    expect(fglm(R, G, { kind: 'lex' }).map((f) => L.toText(f))).toEqual(direct.map((f) => L.toText(f)));
  });
});
