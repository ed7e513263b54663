// The Cauchy endgame (src/math/numeric/endgame.ts) and the singular solutions it reports: a double
// root and a triple root found with their multiplicities and to far more digits than the path itself
// reaches (the exact roots are known), a winding number checked against the Puiseux exponent, paths
// to infinity and their projective points (the exact points at infinity are known), and refusal to
// certify what is singular.
import { describe, expect, it } from 'vitest';
import { QQ } from '../../../src/math/field.js';
import { PolyRing } from '../../../src/math/poly.js';
import { parsePoly } from '../../../src/math/poly-parse.js';
import { Random } from '../../../src/math/random.js';
import { cauchyEndgame } from '../../../src/math/numeric/endgame.js';
import { ProjectiveHomotopy } from '../../../src/math/numeric/homotopy.js';
import { solveNumerical } from '../../../src/math/numeric/solve-numerical.js';
import { PathTracker } from '../../../src/math/numeric/tracker.js';

const system = (vars: string[], eqs: string[]) => {
  const R = new PolyRing(QQ, vars);
  return { R, gens: eqs.map((e) => parsePoly(R, e)) };
};

describe('singular solutions by the Cauchy endgame', () => {
  it('a double root (x - 2)² = 0, y = x + 1: one point of multiplicity 2, winding number 2, to 1e-10', () => {
    // the start roots ±1 are not roots of the target, so the two paths meet only at t = 1, where
    // x(s) = 2 + c·s^(1/2) + ...: they exchange around s = 0
    const { R, gens } = system(['x', 'y'], ['x^2 - 4*x + 4', 'y - x - 1']);
    const r = solveNumerical(R, gens, { seed: 1, expected: 1 });
    expect(r.complex).toBe(0); // never certified
    expect(r.complete).toBe(false);
    expect(r.singular).toHaveLength(1);
    const s = r.singular[0]!;
    expect(s.multiplicity).toBe(2);
    expect(s.winding).toBe(2);
    expect(Math.abs(s.point[0]! - 2)).toBeLessThan(1e-10);
    expect(Math.abs(s.point[2]! - 3)).toBeLessThan(1e-10);
    expect(Math.abs(s.point[1]!) + Math.abs(s.point[3]!)).toBeLessThan(1e-10);
  });

  it('a triple root beside a regular one: (x - 2)³(x + 1) = 0 with y = x²', () => {
    const { R, gens } = system(['x', 'y'], ['(x - 2)^3*(x + 1)', 'y - x^2']);
    const r = solveNumerical(R, gens, { seed: 2, expected: 2 });
    expect(r.complex).toBe(1); // x = -1, y = 1: certified
    expect(r.points).toEqual([['-1', '1']]);
    expect(r.singular).toHaveLength(1);
    expect(r.singular[0]!.multiplicity).toBe(3);
    expect(Math.abs(r.singular[0]!.point[0]! - 2)).toBeLessThan(1e-8);
    expect(Math.abs(r.singular[0]!.point[2]! - 4)).toBeLessThan(1e-8);
  });

  it('paths to infinity: the endgame gives the point at infinity in projective coordinates', () => {
    // x + y = 1 and x + y = 2: parallel lines, which meet at the point at infinity [0 : 1 : -1]
    const { R, gens } = system(['x', 'y'], ['x + y - 1', 'x + y - 2']);
    const H = ProjectiveHomotopy.totalDegree(2, gens, new Random(3));
    const tracker = new PathTracker(H);
    const z = new Float64Array(6);
    H.startSolution(0, z);
    const r = tracker.track(z);
    expect(r.status).toBe('infinity');
    expect(R.nvars).toBe(2);
    // from a point of the path near t = 1 (tracked again to s = 1e-3), the Cauchy endgame
    const w = new Float64Array(6);
    H.startSolution(0, w);
    expect(tracker.advance(w, 0, 1 - 1e-3).ok).toBe(true);
    const c = cauchyEndgame(H, w, 1e-3)!;
    expect(c.winding).toBe(1);
    const [z0r, z0i, z1r, z1i, z2r, z2i] = Array.from(c.z);
    expect(Math.hypot(z0r!, z0i!)).toBeLessThan(1e-10 * Math.hypot(z1r!, z1i!));
    // z2 / z1 = -1
    const d = z1r! * z1r! + z1i! * z1i!;
    expect(Math.abs((z2r! * z1r! + z2i! * z1i!) / d + 1)).toBeLessThan(1e-10);
    expect(Math.abs((z2i! * z1r! - z2r! * z1i!) / d)).toBeLessThan(1e-10);
  });
});

describe('near-singular pairs: two certified points or refused, never one certified double point', () => {
  // (x - 1)² = δ², y = 2x: the simple roots x = 1 ± δ (closed form)
  const pair = (delta: bigint) => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const [x, y] = [R.variable(0), R.variable(1)];
    const gens = [R.sub(R.pow(R.sub(x, R.one()), 2), R.constant({ num: 1n, den: delta * delta })), R.sub(y, R.scale(x, { num: 2n, den: 1n }))];
    return { R, gens };
  };

  it('10⁻⁸ apart: two certified real points, each box holding exactly its own root', () => {
    const { R, gens } = pair(10n ** 8n);
    const r = solveNumerical(R, gens, { seed: 1, expected: 2 });
    expect([r.complex, r.real, r.complete, r.certified]).toEqual([2, 2, true, true]);
    const boxes = r.solutions.map((c) => c.box[0]!).sort((a, b) => a.rl - b.rl);
    expect(boxes[0]!.rl <= 1 - 1e-8 && 1 - 1e-8 <= boxes[0]!.rh && boxes[0]!.rh < 1 + 1e-8).toBe(true);
    expect(boxes[1]!.rl <= 1 + 1e-8 && 1 + 1e-8 <= boxes[1]!.rh && boxes[1]!.rl > 1 - 1e-8).toBe(true);
  });

  it('10⁻¹⁵ apart (closer than a certificate box can be): refused, incomplete, no box claims both', () => {
    const { R, gens } = pair(10n ** 15n);
    const r = solveNumerical(R, gens, { seed: 1, expected: 2 });
    expect(r.complete).toBe(false);
    // a certificate claims exactly one zero in its box: no box may hold both 1 - 10⁻¹⁵ and 1 + 10⁻¹⁵
    for (const c of r.solutions) expect(c.box[0]!.rl <= 1 - 1e-15 && 1 + 1e-15 <= c.box[0]!.rh).toBe(false);
    expect(r.complex).toBeLessThan(2);
  });
});
