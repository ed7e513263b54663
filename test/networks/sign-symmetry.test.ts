// The sign-symmetry route of stationaryPoints (src/networks/sign-symmetry.ts: the orbits of the hidden
// units' sign flips, parametrized on the invariant ring) against the second route, the parametrization
// of the whole gradient ideal (`signSymmetry: false`): the same complex and real counts, the same real
// points (coordinates and loss values to 30 digits) and the same Morse indices, on the networks of the
// msolve comparison (bench/networks.js: two data points, generalized L2 with seeded weights). The
// language's stationary(L) answers .indices and .points by the orbits (certified = true: the whole ideal).
import { describe, expect, it } from 'vitest';
import { network } from './two-point-networks.js';
import { QQ } from '../../src/math/field.js';
import { PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { signGroupOf } from '../../src/math/zerodim/sign-group.js';
import { type StationaryResult, stationaryPoints, stationaryRealCount } from '../../src/networks/stationary.js';
import { supportSigns } from '../../src/networks/sign-symmetry.js';
import { OrbitRealPoint } from '../../src/math/realroots/index.js';
import { Session } from '../../src/lang/run.js';


const pointKeys = (s: StationaryResult) => s.points.map((p) => `${p.coordinates.join(',')}|${p.value}|${p.index}`).sort();

describe('stationaryPoints by the orbits of the sign symmetries', () => {
  for (const widths of [[2, 1, 2], [2, 2, 1]]) {
    it(`${widths.join('-')}: the same counts, points, values and indices as the whole gradient ideal`, () => {
      const { R, L } = network(widths);
      const orbits = stationaryPoints(R, L, { seed: 1 });
      const whole = stationaryPoints(R, L, { seed: 1, signSymmetry: false });
      expect(orbits.provenance.algorithm).toMatch(/^sparse FGLM on the invariant ring, sign group of order \d+/);
      expect(whole.provenance.algorithm).toBe('parametrization + interval inertia');
      expect([orbits.complex, orbits.real, orbits.indices]).toEqual([whole.complex, whole.real, whole.indices]);
      expect(pointKeys(orbits)).toEqual(pointKeys(whole));
      // Closed counts of the table: 2-1-2 17 complex / 5 real, 2-2-1 33 / 5 (msolve).
      expect(orbits.complex).toBe(widths[1] === 1 ? 17 : 33);
      expect(orbits.real).toBe(5);
      expect(orbits.points.every((p) => p.point instanceof OrbitRealPoint)).toBe(true);
      const count = stationaryRealCount(R, L, { seed: 1 });
      expect([count.complex, count.real]).toEqual([whole.complex, whole.real]);
      expect(count.method).toMatch(/invariant ring/);
    });
  }

  it('the provenance says how: the group order, the orbits and their supports, the primes', () => {
    const { R, L } = network([2, 2, 1]);
    const s = stationaryPoints(R, L, { seed: 1 });
    expect(s.provenance.algorithm).toBe('sparse FGLM on the invariant ring, sign group of order 4 + interval inertia');
    expect(s.provenance.note).toMatch(/33 solutions with multiplicity in 13 orbits/);
    expect(s.provenance.note).toMatch(/33 complex points = the dimension of the quotient/);
    expect(s.provenance.primes!.count).toBeGreaterThan(1);
  });

  it('falls back to the whole gradient ideal when it is not radical (x⁴ + y²: a degenerate point), saying why', () => {
    const R = new PolyRing(QQ, ['x', 'y']);
    const L = parsePoly(R, 'x^4 + y^2');
    expect(signGroupOf(L, 2).rank).toBe(2);
    const s = stationaryPoints(R, L, { seed: 1 });
    expect(s.method).toMatch(/the sign-symmetry route did not apply/);
    expect(s.degenerate).toBe(1);
  });
});

describe('supportSigns', () => {
  it('solves the signs up to the group, or says the monomials do not determine them', () => {
    // x*y + z²: the flips of (x, y) together and of z (characters: x and y equal, z another).
    const g = signGroupOf(parsePoly(new PolyRing(QQ, ['x', 'y', 'z']), 'x*y + z^2'), 3);
    expect(g.rank).toBe(2);
    const signs = supportSigns(g, [[0, 1]], [true], [0, 1]);
    expect(signs).not.toBeNull();
    expect(signs!.get(0) !== signs!.get(1)).toBe(true); // xy < 0: opposite signs
    expect(supportSigns(g, [[0, 1]], [false], [0, 1, 2])!.get(0)).toBe(false);
    // Without a monomial on x and y, their relative sign is unknown.
    expect(supportSigns(g, [], [], [0, 1])).toBeNull();
  });
});

describe('stationary(L) in the language', () => {
  it('answers .indices and .points by the orbits, with the counts and indices of certified = true (the whole ideal)', () => {
    const s = new Session({ seed: 3 });
    const r = s.evaluate(
      'let L = loss(linear(2, 1, 2), X = [[1, 0], [2, 1]], Y = [[2, 1], [-1, 1]], reg = "random");\nlet s = stationary(L);\n' +
        'print s.indices, how(s.indices).algorithm;\nprint typeOf(s.points[1].point), length(s.points) == s.real;\nprint s.indices == stationary(L, certified = true).indices;',
    );
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
    const lines = r.prints.map((p) => p.text);
    expect(lines[0]).toMatch(/sparse FGLM on the invariant ring, sign group of order 2/);
    expect(lines[1]).toBe('point, true');
    expect(lines[2]).toBe('true');
  });
});
