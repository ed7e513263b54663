// Lost paths tracked again with another γ (src/math/numeric/solve-numerical.ts, trackAndCertify): a
// total-degree homotopy whose γ puts a branch point on the real path t ∈ [0, 1] loses both paths
// (they meet at t = 1/2); the rounds with smaller steps cannot help (the same γ), the rounds with γ
// turned to either side find both solutions, checked against the closed form x = ±2.
import { describe, expect, it } from 'vitest';
import { QQ, rat } from '../../../src/math/field.js';
import { PolyRing } from '../../../src/math/poly.js';
import { Random } from '../../../src/math/random.js';
import { ProjectiveHomotopy, totalDegreeData } from '../../../src/math/numeric/homotopy.js';
import { Certifier } from '../../../src/math/numeric/krawczyk.js';
import { CertifiedSet, trackAndCertify } from '../../../src/math/numeric/solve-numerical.js';

describe('lost paths tracked again with another γ', () => {
  const R = new PolyRing(QQ, ['x']);
  const F = [R.sub(R.pow(R.variable(0), 2), R.constant(rat(4n)))];
  // γ = -1: H = -(1 - t)(x² - z₀²) + t(x²/4 - z₀²) is -3/8·x² at t = 1/2, a double root on the path
  const data = { ...totalDegreeData(1, F, new Random(1)), gamma: [-1, 0] as [number, number] };
  const homotopy = new ProjectiveHomotopy(data);
  const run = (expected?: number) => {
    const set = new CertifiedSet(new Certifier(R, F));
    const r = trackAndCertify(set, { homotopy: { kind: 'projective', data } }, 2, (k, z) => homotopy.startSolution(k, z), expected === undefined ? {} : { expected });
    return { set, r };
  };

  it('with γ on the branch point both paths are lost, whatever the step', () => {
    const { set, r } = run();
    expect(set.solutions.length).toBeLessThan(2);
    expect(r.regamma).toBe(0);
  });

  it('knowing the count, the lost paths are tracked with γ turned and both solutions are certified', () => {
    const { set, r } = run(2);
    expect(set.solutions.length).toBe(2);
    expect(r.regamma).toBeGreaterThan(0);
    const xs = set.solutions.map((c) => c.center[0]!).sort((a, b) => a - b);
    expect(xs[0]).toBeCloseTo(-2, 12);
    expect(xs[1]).toBeCloseTo(2, 12);
    expect(set.solutions.every((c) => c.real === true)).toBe(true);
  });
});
