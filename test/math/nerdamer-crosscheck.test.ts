// An independent route for expansion and differentiation: nerdamer (a separate CAS) expands and
// differentiates random expressions; our polynomial arithmetic must agree at random rational points.
import fc from 'fast-check';
import nerdamer from 'nerdamer/all.min.js';
import { describe, expect, it } from 'vitest';
import { QQ, rat, type Rat } from '../../src/math/field.js';
import { PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';

const R = new PolyRing(QQ, ['x', 'y', 'z']);

/** A random polynomial expression with products, powers and parentheses. */
const expression: fc.Arbitrary<string> = fc.letrec((tie) => ({
  leaf: fc.oneof(fc.constantFrom('x', 'y', 'z'), fc.integer({ min: -5, max: 5 }).map((n) => `(${n})`)),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.tuple(tie('node'), fc.constantFrom('+', '-', '*'), tie('node')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('leaf'), fc.integer({ min: 2, max: 3 })).map(([a, k]) => `${a}^${k}`),
  ),
})).node as fc.Arbitrary<string>;

/** nerdamer's value of an expression at a point, as an exact fraction string. */
function nerdamerAt(expr: string, point: readonly Rat[]): Rat {
  const subs = { x: `${point[0]!.num}/${point[0]!.den}`, y: `${point[1]!.num}/${point[1]!.den}`, z: `${point[2]!.num}/${point[2]!.den}` };
  const text = nerdamer(expr, subs).toString(); // an exact rational such as -37/8
  const [n, d] = text.split('/');
  return rat(BigInt(n!), BigInt(d ?? '1'));
}

describe('nerdamer as an independent route', () => {
  const point: Rat[] = [rat(2n, 3n), rat(-5n, 2n), rat(7n, 4n)];

  it('expands random expressions to the same polynomial', () => {
    fc.assert(
      fc.property(expression, (expr) => {
        const ours = parsePoly(R, expr);
        const expanded = nerdamer(expr).expand().toString();
        expect(R.evaluate(ours, point)).toEqual(nerdamerAt(expanded, point));
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it('differentiates random expressions the same way', () => {
    fc.assert(
      fc.property(expression, fc.constantFrom(0, 1, 2), (expr, i) => {
        const name = R.vars[i]!;
        const ours = R.diff(parsePoly(R, expr), i);
        const theirs = nerdamer(`diff(${expr}, ${name})`).expand().toString();
        expect(R.evaluate(ours, point)).toEqual(nerdamerAt(theirs, point));
      }),
      { numRuns: 60, seed: 4 },
    );
  });
});
