// The Ideal handle: one Gröbner basis per order however many questions are asked, the same answers
// as the generator-list functions and as Buchberger's algorithm run directly (an independent engine),
// and provenance that says which engine ran, over which field, with which primes, and whether the
// result is certified.
import { describe, expect, it } from 'vitest';
import { QQ, SmallPrimeField } from '../../src/math/field.js';
import { buchberger } from '../../src/math/groebner/buchberger.js';
import { Ideal, MODULAR_ERROR_BOUND } from '../../src/math/ideal-handle.js';
import * as ideals from '../../src/math/ideal.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { describeProvenance, isCertified } from '../../src/math/provenance.js';

function ideal<E>(R: PolyRing<E>, ...gens: string[]): Ideal<E> {
  return new Ideal(R, gens.map((s) => parsePoly(R, s)));
}

function sameBasis<E>(R: PolyRing<E>, a: readonly Poly<E>[], b: readonly Poly<E>[]): boolean {
  return a.length === b.length && a.every((g, i) => R.equals(g, b[i]!));
}

describe('Ideal handle: one basis per order', () => {
  const R = new PolyRing(QQ, ['x', 'y']);

  it('gb, dim, degree, vdim, nf, member, standard monomials and solve share one basis', () => {
    const I = ideal(R, 'x^2 + y^2 - 1', 'x - y');
    const basis = I.groebner().basis;
    expect(I.dimension().value).toBe(0);
    expect(I.degree().value).toBe(2n);
    expect(I.vdim().value).toBe(2n);
    expect(I.codimension().value).toBe(2);
    expect(R.toText(I.normalForm(parsePoly(R, 'x^3')).value)).toBe('1/2*y');
    expect(I.contains(parsePoly(R, 'x^2 - y^2')).value).toBe(true);
    expect(I.standardMonomials().value.length).toBe(2);
    const solved = ideals.solveIdeal(I, { seed: 1 });
    expect([solved.value.complex, solved.value.real]).toEqual([2, 2]);
    expect(I.engineRuns).toBe(1);
    // Independent route: Buchberger's algorithm on the generators gives the same reduced basis.
    expect(sameBasis(R, basis, buchberger(R, I.gens))).toBe(true);
  });

  it('the radical reads the cached basis once (it used to compute three)', () => {
    const I = ideal(R, 'x^2', 'y^3');
    I.groebner();
    const r = ideals.radicalOf(I);
    expect(I.engineRuns).toBe(1);
    expect(r.value.gens.map((g) => R.toText(g))).toEqual(['y', 'x']);
    // The radical's handle starts with its reduced basis: asking for it computes nothing.
    expect(r.value.groebner().basis.length).toBe(2);
    expect(r.value.engineRuns).toBe(0);
    // Independent: the radical has vdim 1 (the one point, without multiplicity).
    expect(ideals.vdim(R, r.value.gens)).toBe(1n);
  });

  it('in a lex ring the radical needs the grevlex basis of I and one basis of the result', () => {
    const L = new PolyRing(QQ, ['x', 'y'], { kind: 'lex' });
    const I = ideal(L, 'x^2 - 2*x + 1', 'y^2');
    const r = ideals.radicalOf(I);
    expect(I.engineRuns).toBe(1);
    expect(r.value.gens.map((g) => L.toText(g))).toEqual(['y', 'x - 1']);
    const unit = ideals.radicalOf(ideal(L, 'x', 'x - 1'));
    expect(unit.value.gens.map((g) => L.toText(g))).toEqual(['1']);
  });

  it('keeps one basis per order: lex for gb, grevlex for the Hilbert series', () => {
    const L = new PolyRing(QQ, ['x', 'y', 'z'], { kind: 'lex' });
    const C = ideal(L, 'x*z - y^2', 'x^2 - y', 'x*y - z');
    C.groebner();
    C.dimension();
    C.degree();
    C.groebner();
    expect(C.engineRuns).toBe(2);
    expect(C.groebner().provenance.order).toBe('lex');
    expect(C.hilbertSeries().provenance.order).toBe('grevlex');
    expect([C.dimension().value, C.degree().value]).toEqual([1, 3n]); // the twisted cubic
  });

  it('a handle made from a known basis computes nothing', () => {
    const I = ideal(R, 'x^2 - y', 'x*y - 1');
    const J = Ideal.fromBasis(I.groebner());
    expect(J.degree().value).toBe(3n);
    expect(J.engineRuns).toBe(0);
  });
});

describe('Ideal handle: provenance', () => {
  const R = new PolyRing(QQ, ['x', 'y', 'z']);

  it('over QQ the default basis is multi-modular and probabilistic, with its primes and an honest error bound', () => {
    const I = ideal(R, 'x^2 + y*z - 2', 'y^2 - x*z + 1', 'z^2 - x*y - 3');
    const p = I.groebner().provenance;
    expect(p).toMatchObject({ algorithm: 'modular', field: 'QQ', order: 'grevlex', certified: false, errorBound: MODULAR_ERROR_BOUND });
    expect(p.primes!.count).toBeGreaterThan(0);
    expect(p.primes!.first.length).toBeLessThanOrEqual(3);
    expect(p.note).toContain('probabilistic');
    expect(describeProvenance(p)).toMatch(/^modular over QQ, \d+ primes?, probabilistic, /);
    // Derived values say where they came from and inherit the uncertainty.
    const d = I.dimension().provenance;
    expect(d.algorithm).toBe('hilbert-series');
    expect(d.from).toEqual([p]);
    expect(isCertified(d)).toBe(false);
    expect(describeProvenance(d)).toContain('from modular');
  });

  it('certified = true certifies the cached basis and what is read off it', () => {
    const I = ideal(R, 'x^2 + y*z - 2', 'y^2 - x*z + 1', 'z^2 - x*y - 3');
    const probabilistic = I.groebner();
    I.dimension();
    const certified = I.groebner({ certified: true });
    expect(certified.provenance.certified).toBe(true);
    expect(sameBasis(R, probabilistic.basis, certified.basis)).toBe(true);
    expect(I.groebner().provenance.certified).toBe(true); // the cache now holds the certified basis
    expect(isCertified(I.dimension().provenance)).toBe(true);
    expect(I.engineRuns).toBe(2);
  });

  it('certified = true on input the modular check cannot prove falls back to exact Buchberger', () => {
    // Affine in grevlex: certified through the homogenized ideal (groebner/modular.ts).
    const J = ideal(R, 'x*y - z^2 + 1', 'x^2 - y + z');
    const c = J.groebner({ certified: true });
    expect(c.provenance).toMatchObject({ algorithm: 'modular', certified: true });
    expect(c.provenance.note).toContain('homogenization');
    expect(sameBasis(R, c.basis, buchberger(R, J.gens))).toBe(true);
    // Affine in lex: the modular full verification does not prove ideal equality.
    const L = R.withOrder({ kind: 'lex' });
    const I = ideal(L, 'x*y - z^2 + 1', 'x^2 - y + z');
    const g = I.groebner({ certified: true });
    expect(g.provenance.certified).toBe(true);
    expect(g.provenance.algorithm).toBe('buchberger');
    expect(g.provenance.note).toContain('recomputed by Buchberger');
    expect(sameBasis(L, g.basis, buchberger(L, I.gens))).toBe(true);
  });

  it('over GF(p) F4 is exact: certified, no primes, no error bound', () => {
    const F = new PolyRing(new SmallPrimeField(32003), ['x', 'y']);
    const p = ideal(F, 'x^2 + y^2 - 1', 'x - y').groebner().provenance;
    expect(p).toMatchObject({ algorithm: 'f4', field: 'GF(32003)', certified: true });
    expect(p.primes).toBeUndefined();
    expect(p.errorBound).toBeUndefined();
  });

  it('asking for another engine by name recomputes with it; auto then reuses whichever ran last', () => {
    const I = ideal(R, 'x^2 - y', 'y^2 - z');
    expect(I.groebner().provenance.algorithm).toBe('modular');
    expect(I.groebner({ algorithm: 'buchberger' }).provenance.algorithm).toBe('buchberger');
    expect(I.groebner().provenance.algorithm).toBe('buchberger');
    expect(I.engineRuns).toBe(2);
  });

  it('composite operations list every basis they computed', () => {
    const I = ideal(R, 'x*y', 'x*z');
    const r = ideals.traced('saturation', R, {}, (o) => ideals.saturate(R, I.gens, [parsePoly(R, 'x')], o));
    expect(r.value.map((g) => R.toText(g))).toEqual(['z', 'y']);
    expect(r.provenance.algorithm).toBe('saturation');
    expect(r.provenance.from!.length).toBeGreaterThanOrEqual(2);
    expect(r.provenance.order).toBeUndefined();
    expect(r.provenance.field).toBe('QQ');
  });
});
