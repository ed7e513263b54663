// vdim and degree over QQ by the modular route (src/math/modular-series.ts: leading monomials of the
// grevlex bases modulo three random primes, no basis over QQ), labelled probabilistic with the primes
// and the error bound; checked against the exact route (certified = true: a certified basis over QQ)
// and against closed forms (Bézout numbers of generic complete intersections, a monomial ideal).
import { describe, expect, it } from 'vitest';
import { QQ, randomPrime } from '../../src/math/field.js';
import { hilbertSeriesModulo } from '../../src/math/modular-series.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { PolyRing } from '../../src/math/poly.js';
import { Random } from '../../src/math/random.js';
import { runErrors, runLines } from '../helpers.js';

/** A dense polynomial of degree d in the variables, with seeded integer coefficients in [-9, 9]. */
function denseText(vars: readonly string[], d: number, random: Random): string {
  const terms: string[] = [];
  const walk = (i: number, left: number, mon: string[]) => {
    if (i === vars.length) {
      terms.push([String(random.int(-9, 9) || 1), ...mon].join('*'));
      return;
    }
    for (let e = 0; e <= left; e++) walk(i + 1, left - e, e === 0 ? mon : [...mon, `${vars[i]}^${e}`]);
  };
  walk(0, d, []);
  return terms.join(' + ');
}

describe('vdim and degree over QQ: the modular route by default, the exact one on request', () => {
  it('random dense systems: the Bézout number, equal to the certified count', () => {
    const random = new Random(7);
    for (const degrees of [[2, 2, 2], [2, 3, 2], [3, 3]]) {
      const vars = ['x', 'y', 'z'].slice(0, degrees.length);
      const gens = degrees.map((d) => denseText(vars, d, random));
      const [line] = runLines(`ring R = QQ[${vars.join(', ')}];\nlet I = ideal(${gens.join(', ')});\nlet v = vdim(I);\nlet d = degree(I);\nprint v, vdim(I, certified = true), d, how(v).certified;`);
      const bezout = degrees.reduce((a, b) => a * b, 1);
      expect(line).toBe(`${bezout}, ${bezout}, ${bezout}, false`);
    }
  });

  it('is labelled: three random primes of [2^25, 2^26), the error bound, no basis over QQ; certified = true is certified', () => {
    const [bound, primes, algorithm, exact] = runLines(
      'ring R = QQ[x, y];\nlet I = ideal(x^2 + y^2 - 1, x^3 - y/7);\nlet h = how(vdim(I));\nprint h.errorBound;\nprint h.primes.first;\nprint h.algorithm, h.certified;\n' +
        'print how(vdim(I, certified = true)).certified, vdim(I, certified = true);',
    );
    expect(bound).toMatch(/^probabilistic: 3 random primes of \[2\^25, 2\^26\) agree; wrong only if all 3 are unlucky, probability <= \(U\/1894120\)\^3/);
    const ps = JSON.parse(primes!) as number[];
    expect(ps.length).toBe(3);
    for (const p of ps) expect(p >= 2 ** 25 && p < 2 ** 26).toBe(true);
    expect(algorithm).toBe('hilbert-series modulo primes, false');
    expect(exact).toBe('true, 6');
  });

  it('does not depend on the seed, and does not change the run\'s other random draws', () => {
    const source = 'ring R = QQ[x, y, z];\nlet I = ideal(x*y - z^2, x^2 - y, z^3 - x*y*z + 1);\nlet v = vdim(I);\nprint v, degree(I);\nprint random(1000000);';
    const reference = runLines('ring R = QQ[x, y, z];\nprint random(1000000);', { seed: 11 });
    const a = runLines(source, { seed: 11 });
    expect(a[1]).toBe(reference[0]);
    expect(runLines(source, { seed: 12 })[0]).toBe(a[0]);
    expect(a[0]).toBe(runLines(source.replace('vdim(I);', 'vdim(I, certified = true);'), { seed: 11 })[0]);
  });

  it('a known basis over QQ answers directly (no primes drawn)', () => {
    const [line] = runLines('ring R = QQ[x, y];\nlet I = ideal(x^2, y^3);\nlet g = gb(I);\nprint vdim(I), how(vdim(I)).algorithm;');
    expect(line).toMatch(/^6, hilbert-series$/);
  });

  it('a positive-dimensional ideal: a located error for vdim, its degree for degree', () => {
    const errors = runErrors('ring R = QQ[x, y, z];\nprint vdim(ideal(x^2 - y*z, x*y - z^2));');
    expect(errors[0]?.message).toMatch(/positive dimension 1/);
    expect(errors[0]?.span.startLine).toBe(2);
    expect(runLines('ring R = QQ[x, y, z];\nprint degree(ideal(x^2 - y*z, x*y - z^2)), degree(ideal(x^2 - y*z, x*y - z^2), certified = true);')).toEqual(['4, 4']);
  });

  it('the engine: primes that disagree give undefined (the caller then takes the exact route)', () => {
    // (p·x^2 + y, y^2, x^3) for p the first prime drawn from the stream: its leading monomials are
    // x^2, x·y, y^2 over QQ (vdim 3) but y, x^3 modulo p, so the primes disagree.
    const stream = new Random(3);
    const p = randomPrime(stream.clone());
    const R = new PolyRing(QQ, ['x', 'y']);
    const gens = [`${p}*x^2 + y`, 'y^2', 'x^3'].map((g) => parsePoly(R, g));
    expect(hilbertSeriesModulo(R, gens, stream)).toBeUndefined();
    const other = hilbertSeriesModulo(R, gens, new Random(4));
    expect(other?.primes.includes(p)).toBe(false);
    expect(other?.series.numerator.reduce((a, b) => a + b, 0n)).toBe(3n);
  });
});
