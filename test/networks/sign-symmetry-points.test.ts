// stationary points from the orbits of the sign symmetries as values (issue 9, item 3 for the orbits'
// route: src/networks/sign-symmetry.ts builds one src/math/realroots/orbit-point.ts point per orbit
// element). Checked by independent routes: the exact points of the whole gradient ideal's
// parametrization (2-1-2, 2-2-1: the same set of points to 30 digits, the same exact loss values, the
// same indices, and subs / hessian / float at each point agreeing to 30 digits), and the certified
// boxes of the monodromy route (2-2-2: 225 complex, 25 real, msolve's counts on this data; every point and
// value within the boxes' digits). In the language: the default .points does not compute the whole
// ideal (how(s.points) names the orbits), and its values are exact numbers.
import { describe, expect, it } from 'vitest';
import { network } from './two-point-networks.js';
import { hessian } from '../../src/math/linalg/polymatrix.js';
import { stationaryMonodromy } from '../../src/math/numeric/stationary.js';
import { OrbitRealPoint, RealAlgebraicPoint } from '../../src/math/realroots/index.js';
import { stationaryPoints } from '../../src/networks/stationary.js';
import { Session } from '../../src/lang/run.js';


describe('stationary points of the orbits as values, against the whole ideal', () => {
  for (const widths of [[2, 1, 2], [2, 2, 1]]) {
    it(`${widths.join('-')}: the same points (30 digits), loss values, indices and doubles${widths[1] === 1 ? ', Hessians and exact values' : ''}`, () => {
      const { R, L } = network(widths);
      const orbits = stationaryPoints(R, L, { seed: 1 });
      const whole = stationaryPoints(R, L, { seed: 1, signSymmetry: false });
      expect(orbits.provenance.algorithm).toMatch(/^sparse FGLM on the invariant ring/);
      expect(orbits.points.every((p) => p.point instanceof OrbitRealPoint)).toBe(true);
      expect(whole.points.every((p) => p.point instanceof RealAlgebraicPoint)).toBe(true);
      // The orbit point's exact value in Q(θ) against the whole route's interval decimal of the loss.
      const text = (p: (typeof orbits.points)[number], value: string) => `${p.point!.decimals(30).join(',')}|${value}|${p.index}`;
      // Both lists are sorted by value, then coordinates: the same points in the same order.
      expect(orbits.points.map((p) => text(p, (p.point as OrbitRealPoint).evaluate(L).invariant()!.toDecimal(30)))).toEqual(whole.points.map((p) => text(p, p.value)));
      expect(orbits.points.map((p) => p.point!.toNumbers())).toEqual(whole.points.map((p) => p.point!.toNumbers()));
      if (widths[1] !== 1) return;
      // 2-1-2: subs and hessian at each point exactly both ways (the whole ideal's exact evaluation in
      // Q[T]/(W) costs seconds per polynomial on 2-2-1's W, so only here).
      const H = hessian(R, L);
      const exact = (p: (typeof orbits.points)[number]) => [p.point!.evaluate(L).toDecimal(30), ...H.flatMap((row) => row.map((h) => p.point!.evaluate(h).toDecimal(30)))];
      expect(orbits.points.map(exact)).toEqual(whole.points.map(exact));
    });
  }

  it('2-2-2: 225 complex, 25 real (msolve, bench/RESULTS.md); every point, value and index inside the monodromy route\'s certified boxes', () => {
    const { R, L } = network([2, 2, 2]);
    const orbits = stationaryPoints(R, L, { seed: 1 });
    expect([orbits.complex, orbits.real]).toEqual([225, 25]);
    const mono = stationaryMonodromy(R, L, { seed: 1, expected: 225 });
    expect([mono.solve.complex, mono.solve.real]).toEqual([225, 25]);
    const near = (x: number, decimal: string) => {
      const digits = decimal.replace(/^-?0?\.?0*/, '').replace(/[.e].*$/, '').length;
      return Math.abs(x - Number(decimal)) <= Math.max(1e-300, Math.abs(Number(decimal))) * 10 ** -(Math.min(digits, 15) - 1) + 10 ** -(Math.min(digits, 15) + 1);
    };
    for (const p of mono.morse.points) {
      const match = orbits.points.filter((o) => o.point!.toNumbers().every((x, i) => near(x, p.coordinates[i]!)));
      expect(match.length).toBe(1);
      expect(match[0]!.index).toBe(p.index);
      expect(near((match[0]!.point as OrbitRealPoint).evaluate(L).toNumber(), p.value)).toBe(true);
    }
  });
});

describe('stationary(L).points in the language (orbits by default)', () => {
  const session = () => new Session({ seed: 3 });
  const run = (source: string) => {
    const r = session().evaluate(source);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    return r.prints.map((p) => p.text);
  };
  const L = 'let L = loss(linear(2, 1, 2), X = [[1, 0], [2, 1]], Y = [[2, 1], [-1, 1]], reg = [[[1/2, 1/3]], [[1/5], [1/7]]]);\n';

  it('.points come from the orbits (how names them, not the whole ideal) and agree with certified = true', () => {
    const lines = run(
      `${L}let s = stationary(L);\nlet c = stationary(L, certified = true);\n` +
        'print how(s.points).algorithm;\nprint how(c.points).algorithm;\nprint length(s.points) == s.real, typeOf(s.points[1].point);\n' +
        'for k in 1..length(s.points) { let p = s.points[k].point; let e = c.points[k].point; ' +
        'print decimal(p, 30) == decimal(e, 30), decimal(subs(L, p), 30) == decimal(subs(L, e), 30), decimal(s.points[k].value, 30) == decimal(c.points[k].value, 30), s.points[k].index == c.points[k].index, float(p) == float(e); }',
    );
    expect(lines[0]).toMatch(/^sparse FGLM on the invariant ring, sign group of order 2/);
    expect(lines[1]).toBe('parametrization + interval inertia');
    expect(lines[2]).toBe('true, point');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines.slice(3)) expect(line).toBe('true, true, true, true, true');
  });

  it('values are exact numbers: the loss at an orbit point is a number of Q(θ), coordinates have exact signs, hessian works', () => {
    const lines = run(
      `${L}let s = stationary(L);\nlet p = s.points[1].point;\n` +
        'print typeOf(s.points[1].value), s.points[1].value == subs(L, p);\n' +
        'print sign(p[1]) * sign(p[1]) == 1 or p[1] == 0, p[1]^2 >= 0, subs(L, p) - s.points[1].value == 0;\n' +
        'let H = hessian(L, p);\nprint length(H), decimal(H[1][1], 10) == decimal(subs(diff(diff(L, vars(L)[1]), vars(L)[1]), p), 10);',
    );
    expect(lines[0]).toBe('algebraic, true');
    expect(lines[1]).toBe('true, true, true');
    expect(lines[2]).toBe('4, true');
  });
});
