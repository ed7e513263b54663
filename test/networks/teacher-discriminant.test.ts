// The teacher–metric discriminant (src/networks/teacher-discriminant.ts, `teacherDiscriminant`) and
// the regions of a one-parameter discriminant (src/geometry/discriminant.ts `regions`):
// - a closed form: shallow(1, 1, 2) with the Gaussian metric and teacher t x², L = 3(w² - t)², whose
//   stationary points are w = 0 and w = ±√t: discriminant t, 1 real point (a minimum) for t < 0,
//   3 (two minima) for t > 0;
// - the width-one quadratic network on binary forms with half the Gaussian and half an empirical
//   metric and the teacher x1² + t x1x2 + x2² (examples/teacher-discriminant.vdl): the eliminant of
//   the stationarity system and its Hessian determinant against Singular 4 (`eliminate`,
//   `factorize`): a sextic times (74t² + 63t − 872)², so the discriminant is their square-free product
//   of degree 8; the counts of every region against the counts at a second point of the region.
import { describe, expect, it } from 'vitest';
import { QQ, rat } from '../../src/math/field.js';
import { simplestBetween } from '../../src/geometry/discriminant.js';
import { runLines } from '../helpers.js';

describe('simplestBetween', () => {
  it('returns the rational of least denominator in a closed interval', () => {
    const s = (a: [bigint, bigint], b: [bigint, bigint]) => QQ.toString(simplestBetween(rat(...a), rat(...b)));
    expect(s([1n, 3n], [1n, 2n])).toBe('1/2');
    expect(s([3n, 10n], [7n, 20n])).toBe('1/3');
    expect(s([-7n, 2n], [-3n, 1n])).toBe('-3');
    expect(s([-1n, 5n], [2n, 1n])).toBe('0');
    expect(s([31415n, 10000n], [31416n, 10000n])).toBe('333/106');
  });

  it('agrees with a search of the least denominator on many intervals', () => {
    for (let k = 1; k < 200; k++) {
      const a = rat(BigInt(((k * 7919) % 2001) - 1000), BigInt(1 + ((k * 104729) % 97)));
      const b = QQ.add(a, rat(1n, BigInt(1 + ((k * 31) % 500))));
      const got = simplestBetween(a, b);
      const ceil = (n: bigint, d: bigint) => (n >= 0n ? (n + d - 1n) / d : -(-n / d));
      let q = 1n;
      // The least q with an integer p in [a q, b q]: p = ceil(a q) <= b q.
      while (ceil(a.num * q, a.den) * b.den > b.num * q) q++;
      expect(got.den, `[${QQ.toString(a)}, ${QQ.toString(b)}]`).toBe(q);
    }
  });
});

describe('teacherDiscriminant', () => {
  it('the closed form 3(w² - t)²: discriminant t, regions with 1 and 3 real stationary points', () => {
    const lines = runLines(
      [
        'ring T = QQ[t];',
        'let d = teacherDiscriminant(shallow(1, 1, 2, outer = false), [t], t, gaussian = true);',
        'print d.loss, d.polynomial, d.roots;',
        'for r in d.regions { print r.sample, r.complex, r.real, r.minima, r.indices; }',
      ].join('\n'),
    );
    expect(lines).toEqual(['3*w[1,1]^4 - 6*w[1,1]^2*t + 3*t^2, t, ["0"]', '-3, 3, 1, 1, [1, 0]', '4, 3, 3, 2, [2, 1]']);
  });

  it('the binary-forms family: the discriminant is Singular\'s eliminant made square-free; every region\'s counts hold at a second point', () => {
    const lines = runLines(
      [
        'ring T = QQ[t];',
        'network N = shallow(2, 1, 2, outer = false);',
        'let M = (metric(N, "gaussian") + metric(N, X = transpose([[1, 0], [1, 1], [0, 1], [2, -1]]))) / 2;',
        'let d = teacherDiscriminant(N, [1, t, 1], t, metric = M);',
        'let sextic = 1823242885037299*t^6 - 4512213385257708*t^5 + 4199296244327214*t^4 + 1372265923783383*t^3 - 149134904264823*t^2 - 1140483569771520*t - 349923530290636;',
        'let q = 74*t^2 + 63*t - 872;',
        'let e = 9984078038464249324*t^10 - 7708963837583433132*t^9 - 247140514130867665541*t^8 + 410764659837657553512*t^7 + 1368831602384680330918*t^6 - 4071688389176242778973*t^5 + 3048408861581929172585*t^4 + 1199231783687068763904*t^3 + 55678300366898058740*t^2 - 828758660597054705088*t - 266076253656514964224;',
        'print e == sextic * q^2, d.degree, d.real, d.roots;',
        'print d.polynomial * 1823242885037299 * 74 == sextic * q * 134919973492760126;',
        'let G = gradient(d.loss);',
        'for r in d.regions { print r.real, r.minima, sweep(G, t, r.sample + 1/8, r.sample + 1/8, 1)[1].real; }',
      ].join('\n'),
    );
    expect(lines[0]).toBe('true, 8, 4, ["-3.88472", "-0.308754", "0.784267", "3.03337"]');
    expect(lines[1]).toBe('true');
    // Samples -5, -2, 0, 2, 6; the second points sample + 1/8 lie in the same regions.
    expect(lines.slice(2)).toEqual(['3, 2, 3', '5, 2, 5', '9, 4, 9', '5, 2, 5', '3, 2, 3']);
  });
});
