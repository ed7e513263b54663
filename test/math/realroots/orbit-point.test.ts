// Points of sign orbits as values (src/math/realroots/orbit-point.ts), on a synthetic orbit whose
// numbers are known in closed form: θ = √2 (W = T² − 2), s_0 = w_0² = 4/(2θ) = √2 and s_1 = w_1² =
// 16/(2θ) = 4√2, so w_0 = ±2^{1/4} and w_1 = ±2·2^{1/4}; the characters of w_0 and w_1 are independent
// (the orbit has 4 points). Checked against the closed forms: decimals of 2^{1/4}, 2·2^{1/4}, 3·2^{1/4}
// and 2√2 (Python's decimal module at 60 digits), exact invariants (x⁴ = 2, x²y² = 8, (x² + y²)² = 50),
// exact signs of one-term numbers, exact zero tests of two-term numbers (2x − y = 0), and the
// undecidable zero test of a four-term number (0 at this point and at the point with both signs
// flipped) naming certify = true.
import { describe, expect, it } from 'vitest';
import { MathError } from '../../../src/math/errors.js';
import { QQ, rat } from '../../../src/math/field.js';
import { PolyRing } from '../../../src/math/poly.js';
import { parsePoly } from '../../../src/math/poly-parse.js';
import { AlgebraicRoot, OrbitRealPoint, SignOrbit, isolateSquareFree } from '../../../src/math/realroots/index.js';
import { ResidueRing } from '../../../src/math/univariate/residue.js';

const FOURTH_ROOT_2 = '1.18920711500272106671749997056';

function syntheticPoint(negative: [boolean, boolean] = [false, false]) {
  const w = [-2n, 0n, 1n];
  const K = new ResidueRing(w);
  const positive = isolateSquareFree(w).find((r) => r.lo.m >= 0n)!;
  const orbit = new SignOrbit({
    root: new AlgebraicRoot(w, positive, K, true),
    n: 2,
    characters: [1, 2],
    support: [0, 1],
    delta: K.make([0n, 2n]),
    squares: new Map([[0, K.make([4n])], [1, K.make([16n])]]),
    monomials: [],
  });
  return new OrbitRealPoint(orbit, new Map([[0, negative[0]], [1, negative[1]]]));
}

describe('OrbitRealPoint on θ = √2 (closed forms)', () => {
  const R = new PolyRing(QQ, ['x', 'y']);

  it('coordinates: decimals of ±2^{1/4}, ±2·2^{1/4}, exact signs, doubles', () => {
    const p = syntheticPoint([false, true]);
    expect(p.decimals(30)).toEqual([FOURTH_ROOT_2, '-2.37841423000544213343499994112']);
    expect(p.coordinate(0).sign()).toBe(1);
    expect(p.coordinate(1).sign()).toBe(-1);
    expect(p.toNumbers()).toEqual([2 ** 0.25, -2 * 2 ** 0.25]);
  });

  it('invariants are exact numbers of Q(θ): x⁴ = 2, x²·y² = 8, x² + y² = 5√2', () => {
    const p = syntheticPoint();
    // x^4 = s_0^2 = 2 exactly (a rational).
    expect(p.evaluate(parsePoly(R, 'x^4')).invariant()!.rational()).toEqual(rat(2n));
    // x^2 y^2 = s_0 s_1 = 4·2 = 8.
    expect(p.evaluate(parsePoly(R, 'x^2*y^2')).rational()).toEqual(rat(8n));
    // x^2 + y^2 = 5√2: an irrational number of Q(θ), exact: its square is 50.
    const v = p.evaluate(parsePoly(R, 'x^2 + y^2')).invariant()!;
    expect(v.rational()).toBeUndefined();
    expect(v.mul(v).rational()).toEqual(rat(50n));
    // The same by arithmetic on the coordinates.
    const [x, y] = p.coordinates();
    expect(x!.mul(x!).add(y!.mul(y!)).invariant()!.equals(v)).toBe(true);
  });

  it('one-term numbers have exact signs and divide exactly; x·y = 2√2 at (+, +) and −2√2 at (+, −)', () => {
    const p = syntheticPoint();
    const q = syntheticPoint([false, true]);
    const xy = p.evaluate(parsePoly(R, 'x*y'));
    expect(xy.invariant()).toBeUndefined(); // x·y has the character of neither variable alone
    expect(xy.sign()).toBe(1);
    expect(q.evaluate(parsePoly(R, 'x*y')).sign()).toBe(-1);
    expect(xy.toDecimal(20)).toBe('2.8284271247461900976');
    // y / x = 2 exactly, though it is not an invariant: an exact one-term quotient.
    const [x, y] = p.coordinates();
    const ratio = y!.div(x!);
    expect(ratio.sub(p.rational(rat(2n))).sign()).toBe(0);
    expect(ratio.toDecimal(30)).toBe('2');
  });

  it('sums of different characters: signs by enclosures, division by the norm, and an undecidable zero named', () => {
    const p = syntheticPoint();
    const [x, y] = p.coordinates();
    const s = x!.add(y!); // 3·2^{1/4}
    expect(s.sign()).toBe(1);
    expect(s.toDecimal(25)).toBe('3.5676213450081632001525');
    const inv = p.rational(rat(1n)).div(s);
    expect(inv.mul(s).sub(p.rational(rat(1n))).sign()).toBe(0);
    // Two terms: exact. 2x − y = 0 (equal squares 4√2, opposite signs); x − 1 > 0.
    expect(x!.mul(p.rational(rat(2n))).sub(y!).sign()).toBe(0);
    expect(x!.sub(p.rational(rat(1n))).sign()).toBe(1);
    // Four terms: z = (2x − y) + (xy − (2/5)(x² + y²)) = 0 + (2√2 − 2√2) is 0 at (+, +) and at (−, −): its
    // norm is 0 and another conjugate encloses 0 too: undecided, and the error says what decides it.
    const z = x!.mul(p.rational(rat(2n))).sub(y!).add(x!.mul(y!)).sub(p.evaluate(parsePoly(R, 'x^2 + y^2')).mul(p.rational(rat(2n, 5n))));
    expect(z.parts.size).toBe(4);
    let error: unknown;
    try {
      z.sign();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MathError);
    expect((error as MathError).code).toBe('undecided');
    expect((error as MathError).message).toMatch(/certify = true/);
    // At (+, −), 2x − y = 4·2^{1/4} ≠ 0: decided.
    const q = syntheticPoint([false, true]);
    expect(q.coordinate(0).mul(q.rational(rat(2n))).sub(q.coordinate(1)).sign()).toBe(1);
  });

  it('equality of points: same orbit and signs, or different', () => {
    expect(syntheticPoint().equals(syntheticPoint())).toBe(true);
    expect(syntheticPoint().equals(syntheticPoint([true, false]))).toBe(false);
  });
});
