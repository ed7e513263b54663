// Shared fixtures for the geometry tests.
import { QQ, rat, type Rat } from '../../src/math/field.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { Random } from '../../src/math/random.js';
import * as G from '../../src/geometry/index.js';

export const r = (n: number | bigint, d: number | bigint = 1) => rat(BigInt(n), BigInt(d));

/** The parabola y = x^2 with its parametrization t -> (t, t^2). */
export function parabola(): G.Variety {
  const R = new PolyRing(QQ, ['x', 'y']);
  const T = new PolyRing(QQ, ['t']);
  const t = T.variable(0);
  return G.variety(R, [R.sub(R.variable(1), R.mul(R.variable(0), R.variable(0)))], { parametrization: { ring: T, map: [t, T.mul(t, t)], degree: 1 } });
}

/** The affine twisted cubic (t, t^2, t^3) with its ideal and parametrization. */
export function twistedCubic(): G.Variety {
  const R = new PolyRing(QQ, ['x', 'y', 'z']);
  const [x, y, z] = [0, 1, 2].map((i) => R.variable(i)) as [Poly<Rat>, Poly<Rat>, Poly<Rat>];
  const T = new PolyRing(QQ, ['t']);
  const t = T.variable(0);
  return G.variety(R, [R.sub(y, R.mul(x, x)), R.sub(z, R.mul(x, y)), R.sub(R.mul(y, y), R.mul(x, z))], {
    parametrization: { ring: T, map: [t, T.mul(t, t), T.pow(t, 3)], degree: 1 },
  });
}

/** A random dense polynomial of degree d in n variables (seeded, integer coefficients). */
export function randomHypersurface(n: number, d: number, seed: number): G.Variety {
  const R = new PolyRing(QQ, Array.from({ length: n }, (_, i) => `x${i + 1}`));
  const random = new Random(seed);
  const terms: [Int32Array, Rat][] = [];
  const rec = (prefix: number[], left: number) => {
    if (prefix.length === n) {
      terms.push([Int32Array.from(prefix), r(random.int(-9, 9) || 1)]);
      return;
    }
    for (let e = 0; e <= left; e++) rec([...prefix, e], left - e);
  };
  rec([], d);
  return G.hypersurface(R, R.fromTerms(terms));
}

export function frobeniusForm(c: G.Constructed): G.Form {
  return G.diagonalForm(c.frobenius.map((w) => rat(w)));
}

export const PRIME = G.DEFAULT_PRIME;

export function ed(X: G.Variety, Q: G.Form, seed: number, extra: Partial<G.EDOptions> = {}): number | null {
  return G.edDegree(X, Q, { random: new Random(seed), method: 'lagrange', ...extra }).count; // the Lagrange route unless another is asked
}
