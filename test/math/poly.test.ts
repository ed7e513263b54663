import { describe, expect, it } from 'vitest';
import { QQ, SmallPrimeField, rat } from '../../src/math/field.js';
import { PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';

describe('polynomials', () => {
  const R = new PolyRing(QQ, ['x', 'y', 'z']);
  const p = (s: string) => parsePoly(R, s);

  it('prints in the canonical form', () => {
    expect(R.toText(p('3*x^2*y - 1/2*x + 1'))).toBe('3*x^2*y - 1/2*x + 1');
    expect(R.toText(p('-x + 1'))).toBe('-x + 1');
    expect(R.toText(p('x - x'))).toBe('0');
    expect(R.toText(p('(x + y)^2'))).toBe('x^2 + 2*x*y + y^2');
  });

  it('grevlex orders by degree, then reverse lexicographically', () => {
    expect(R.toText(p('z^2 + x*y + x^2 + y^2 + x*z + z'))).toBe('x^2 + x*y + y^2 + x*z + z^2 + z');
    const L = R.withOrder({ kind: 'lex' });
    expect(L.toText(parsePoly(L, 'z^5 + x*y + y^3'))).toBe('x*y + y^3 + z^5');
  });

  it('multiplies, divides exactly and refuses inexact division', () => {
    const f = p('x^2 - y^2');
    expect(R.toText(R.divExact(f, p('x - y')))).toBe('x + y');
    expect(() => R.divExact(f, p('x - z'))).toThrow(/does not divide/);
  });

  it('differentiates, evaluates and homogenizes', () => {
    expect(R.toText(R.diff(p('x^3*y + y^2 + 3'), 0))).toBe('3*x^2*y');
    expect(R.evaluate(p('x^2 + y - 1/2'), [rat(2n), rat(1n), rat(0n)])).toEqual(rat(9n, 2n));
    expect(R.toText(R.homogenize(p('x^2 + y + 1'), 2))).toBe('x^2 + y*z + z^2');
  });

  it('prints GF(p) coefficients in the symmetric range', () => {
    const G = new PolyRing(new SmallPrimeField(7), ['a', 'b']);
    expect(G.toText(parsePoly(G, 'a + 6*b + 4'))).toBe('a - b - 3');
  });
});
