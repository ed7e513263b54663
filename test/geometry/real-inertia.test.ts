import { describe, expect, it } from 'vitest';
import { QQ, rat, type Rat } from '../../src/math/field.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { hessian } from '../../src/math/linalg/polymatrix.js';
import { inertiaAtRealSolutions } from '../../src/math/real-inertia.js';

describe('inertiaAtRealSolutions', () => {
  it('scalar linear network (Mehta et al.): 5 complex, 3 real, origin a saddle, two minima', () => {
    const R = new PolyRing(QQ, ['w1', 'w2']);
    const [w1, w2] = [R.variable(0), R.variable(1)];
    const c = (a: bigint, b = 1n) => R.constant(rat(a, b));
    const p = R.mul(w1, w2);
    // L = 1/2 (3 p^2 - 10 p) + 1/2 (1/2 w1^2 + 2 w2^2)
    const L = R.add(
      R.mul(c(1n, 2n), R.sub(R.mul(c(3n), R.mul(p, p)), R.mul(c(10n), p))),
      R.mul(c(1n, 2n), R.add(R.mul(c(1n, 2n), R.mul(w1, w1)), R.mul(c(2n), R.mul(w2, w2)))),
    );
    const grad = [R.diff(L, 0), R.diff(L, 1)];
    for (const seed of [1, 2, 3]) {
      const res = inertiaAtRealSolutions(R, grad, hessian(R, L), { seed, digits: 10, evaluate: [L] });
      expect(res.complex).toBe(5);
      expect(res.real).toBe(3);
      const indices = res.points.map((pt) => pt.inertia.negative).sort();
      expect(indices).toEqual([0, 0, 1]);
      const origin = res.points.find((pt) => pt.coordinates.every((x) => x === '0'))!;
      expect(origin.inertia).toEqual({ positive: 1, negative: 1, zero: 0 });
      expect(origin.signs).toEqual([0]);
      for (const pt of res.points) if (pt !== origin) expect(pt.signs).toEqual([-1]);
    }
  });

  it('a degenerate point: zero eigenvalues are detected exactly', () => {
    // x^3 - 2 x = 0, y^2 - 2 = 0; matrix diag(x^2 - 2, y - x): at x = ±sqrt2, first entry exactly 0.
    const R = new PolyRing(QQ, ['x', 'y']);
    const [x, y] = [R.variable(0), R.variable(1)];
    const two = R.fromInt(2);
    const gens = [R.sub(R.pow(x, 3), R.mul(two, x)), R.sub(R.mul(y, y), two)];
    const M: Poly<Rat>[][] = [
      [R.sub(R.mul(x, x), two), R.zero()],
      [R.zero(), R.sub(y, x)],
    ];
    const res = inertiaAtRealSolutions(R, gens, M, { seed: 7 });
    expect(res.complex).toBe(6);
    expect(res.real).toBe(6);
    const zeros = res.points.map((p) => p.inertia.zero).sort();
    // (x, y) = (s, s) for s = ±sqrt2: both entries 0; (s, -s): first 0; (0, ±sqrt2): none.
    expect(zeros).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('further matrices (`more`) get at each point the inertias that separate calls give', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const [x, y] = [R.variable(0), R.variable(1)];
    const two = R.fromInt(2);
    const gens = [R.sub(R.pow(x, 3), R.mul(two, x)), R.sub(R.mul(y, y), two)];
    const A: Poly<Rat>[][] = [[R.sub(R.mul(x, x), two), R.zero()], [R.zero(), R.sub(y, x)]];
    const B: Poly<Rat>[][] = [[x, y], [y, R.one()]];
    const both = inertiaAtRealSolutions(R, gens, A, { seed: 7, more: [B, A] });
    const alone = inertiaAtRealSolutions(R, gens, B, { seed: 7 });
    expect(both.points.map((p) => p.more[0])).toEqual(alone.points.map((p) => p.inertia));
    expect(both.points.map((p) => p.more[1])).toEqual(both.points.map((p) => p.inertia));
    // det B = x − y²  = x − 2: negative at every root x ∈ {0, ±√2}, so B is indefinite there.
    for (const p of both.points) expect(p.more[0]).toEqual({ positive: 1, negative: 1, zero: 0 });
    expect(() => inertiaAtRealSolutions(R, gens, A, { seed: 7, more: [[[x, y], [R.zero(), x]]] })).toThrow(/symmetric/);
  });

  it('rejects a non-symmetric matrix', () => {
    const R = new PolyRing(QQ, ['x']);
    const x = R.variable(0);
    expect(() => inertiaAtRealSolutions(R, [x], [[x, R.one()], [R.zero(), x]], { seed: 0 })).toThrow(/symmetric/);
  });
});
