// The routes of edDegree over QQ: modulo three random primes by default (no Gröbner basis over QQ,
// labelled probabilistic with the primes and the error bound), exactly with a certified basis on
// request (the second route of every count here). Checked against the
// values of shared/math/BACKGROUND.md and DHOST 2016 (the weighted rank-1 3×3 matrices: 39), and the
// two routes against each other.
import { describe, expect, it } from 'vitest';
import * as G from '../../src/geometry/index.js';
import { Random } from '../../src/math/random.js';
import { runLines } from '../helpers.js';
import { twistedCubic } from './helpers.js';

describe('edDegree over QQ: the modular route by default, the exact route on request', () => {
  it('the twisted cubic (t, t^2, t^3): 5 by both routes; only the exact one is certified', () => {
    const X = twistedCubic();
    const Q = G.identityForm(3);
    const modular = G.edDegree(X, Q, { random: new Random(1) });
    expect(modular).toMatchObject({ count: 5, field: 'QQ', certified: false });
    expect(modular.errorBound).toMatch(/^probabilistic: 3 random primes of \[2\^25, 2\^26\) agree; wrong only if all 3 are unlucky, probability <= \(U\/1894120\)\^3/);
    const primes = /modulo (\d+), (\d+) and the check prime (\d+)/.exec(modular.method)!.slice(1).map(Number);
    expect(new Set(primes).size).toBe(3);
    for (const p of primes) expect(p >= 2 ** 25 && p < 2 ** 26).toBe(true);
    // Seeded: the same seed draws the same primes; another seed other primes, the same count.
    expect(G.edDegree(X, Q, { random: new Random(1) }).method).toBe(modular.method);
    const other = G.edDegree(X, Q, { random: new Random(2) });
    expect(other.count).toBe(5);
    expect(other.method).not.toBe(modular.method);
    const exact = G.edDegree(X, Q, { random: new Random(1), exact: true });
    expect(exact).toMatchObject({ count: 5, field: 'QQ', certified: true });
    expect(exact.errorBound).toBeUndefined();
  });

  it('edDegree(determinantal(3, 3, 1), "weights") over QQ is 39 (the generic ED degree of P^2 × P^2, DHOST 2016), labelled', () => {
    const [line, bound, primes, other] = runLines(
      'let e = edDegree(determinantal(3, 3, 1), "weights");\nlet h = how(e);\nprint e, h.field, h.certified;\nprint h.errorBound;\nprint h.primes.count;\n' +
        'print edDegree(determinantal(3, 3, 1), "weights", prime = 32003);',
    );
    expect(line).toBe('39, QQ, false');
    expect(bound).toMatch(/^probabilistic: 3 random primes of \[2\^25, 2\^26\) agree/);
    expect(primes).toBe('3');
    expect(other).toBe('39'); // a third prime, another data point
  });

  it('certified = true in the language: the exact count, certified', () => {
    const [line] = runLines('ring T = QQ[t];\nlet e = edDegree(image([t, t^2, t^3]), certified = true);\nprint e, how(e).certified;');
    expect(line).toBe('5, true');
  });
});
