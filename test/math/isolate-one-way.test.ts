// univariate/isolate.ts delegates to realroots/descartes.ts (one isolation in the engine): the same
// intervals as the dyadic isolation, and the number of roots of a Sturm sequence (an independent
// route), on seeded random polynomials with rational and repeated roots.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRat, rat } from '../../src/math/field.js';
import { isolateRealRootsDescartes } from '../../src/math/realroots/descartes.js';
import { countRealRoots, isolateRealRoots } from '../../src/math/univariate/index.js';

const dyadicToRat = (x: { m: bigint; e: number }) => (x.e >= 0 ? rat(x.m << BigInt(x.e)) : rat(x.m, 1n << BigInt(-x.e)));

/** Π (x - r_i) · (random cofactor), integer coefficients, low degree first. */
function product(roots: readonly bigint[], extra: readonly bigint[]): bigint[] {
  let p: bigint[] = extra.length > 0 && extra.some((c) => c !== 0n) ? extra.slice() : [1n];
  for (const r of roots) {
    const next = new Array<bigint>(p.length + 1).fill(0n);
    p.forEach((c, i) => {
      next[i + 1]! += c;
      next[i]! -= r * c;
    });
    p = next;
  }
  return p;
}

describe('isolateRealRoots is the Descartes isolation of realroots/', () => {
  it('same intervals as isolateRealRootsDescartes, as many as Sturm counts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: -20n, max: 20n }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.bigInt({ min: -9n, max: 9n }), { minLength: 0, maxLength: 5 }),
        (roots, extra) => {
          const p = product(roots, extra);
          const ours = isolateRealRoots(p);
          const theirs = isolateRealRootsDescartes(p);
          expect(ours.map((r) => [r.lo, r.hi])).toEqual(theirs.map((r) => [dyadicToRat(r.lo), dyadicToRat(r.hi)]));
          expect(ours.length).toBe(countRealRoots(p));
          // Every integer root is found: inside its interval (or the exact endpoint).
          for (const r of new Set(roots)) {
            expect(ours.some((x) => compareRat(x.lo, rat(r)) <= 0 && compareRat(rat(r), x.hi) <= 0)).toBe(true);
          }
        },
      ),
      { seed: 9, numRuns: 60 },
    );
  });
});
