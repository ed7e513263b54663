// Standard benchmark systems of polynomial system solving, built over any field, in a grevlex ring.
// Definitions follow the PoSSo / SymbolicData collections (as also used by Macaulay2's benchmark
// packages and the GroebnerBenchmark suite):
//
// - katsura(n): variables u0..un (n+1 of them); u0 + 2·Σ_{i≥1} u_i - 1 and, for m = 0..n-1,
//   Σ_{l=-n..n} u_{|l|}·u_{|m-l|} - u_m (with u_k = 0 for k > n). Zero-dimensional with 2^n solutions
//   over QQ (S. Katsura, magnetism in a one-dimensional lattice).
// - cyclic(n): variables x0..x(n-1); for k = 1..n-1 the cyclic sums Σ_i Π_{j<k} x_{(i+j) mod n}, and
//   x0·…·x(n-1) - 1 (G. Björck, R. Fröberg: cyclic n-roots). cyclic-4 has dimension 1, cyclic-5 has
//   70 solutions, cyclic-6 156.
// - eco(n): variables x1..xn; for k = 1..n-1: x_n·(x_k + Σ_{i=1}^{n-k-1} x_i·x_{i+k}) - k, and
//   x1 + … + x(n-1) + 1 (A. Morgan, an economics modelling problem). 2^(n-2) solutions for n ≥ 2.
// - noon(n): variables x1..xn; x_i·(10·Σ_{j≠i} x_j² - 11) + 10 (V. W. Noonburg, a neural network
//   model). 3^n - 2n solutions.
import type { Field } from './field.js';
import type { Poly } from './poly.js';
import { PolyRing } from './poly.js';

export interface PolynomialSystem<E> {
  readonly ring: PolyRing<E>;
  readonly gens: Poly<E>[];
}

function sumOf<E>(R: PolyRing<E>, terms: Poly<E>[]): Poly<E> {
  return terms.reduce((acc, t) => R.add(acc, t), R.zero());
}

export function katsura<E>(field: Field<E>, n: number): PolynomialSystem<E> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('katsura(n) needs n >= 1');
  const R = new PolyRing(field, Array.from({ length: n + 1 }, (_, i) => `u${i}`));
  const u = (k: number): Poly<E> => (k <= n ? R.variable(k) : R.zero());
  const gens: Poly<E>[] = [];
  const linear = R.sub(R.add(u(0), R.scale(sumOf(R, Array.from({ length: n }, (_, i) => u(i + 1))), field.fromBigInt(2n))), R.one());
  gens.push(linear);
  for (let m = 0; m < n; m++) {
    const products: Poly<E>[] = [];
    for (let l = -n; l <= n; l++) products.push(R.mul(u(Math.abs(l)), u(Math.abs(m - l))));
    gens.push(R.sub(sumOf(R, products), u(m)));
  }
  return { ring: R, gens };
}

export function cyclic<E>(field: Field<E>, n: number): PolynomialSystem<E> {
  if (!Number.isInteger(n) || n < 2) throw new RangeError('cyclic(n) needs n >= 2');
  const R = new PolyRing(field, Array.from({ length: n }, (_, i) => `x${i}`));
  const x = (k: number) => R.variable(k % n);
  const gens: Poly<E>[] = [];
  for (let k = 1; k < n; k++) {
    const products: Poly<E>[] = [];
    for (let i = 0; i < n; i++) {
      let p = R.one();
      for (let j = 0; j < k; j++) p = R.mul(p, x(i + j));
      products.push(p);
    }
    gens.push(sumOf(R, products));
  }
  let all = R.one();
  for (let i = 0; i < n; i++) all = R.mul(all, x(i));
  gens.push(R.sub(all, R.one()));
  return { ring: R, gens };
}

export function eco<E>(field: Field<E>, n: number): PolynomialSystem<E> {
  if (!Number.isInteger(n) || n < 2) throw new RangeError('eco(n) needs n >= 2');
  const R = new PolyRing(field, Array.from({ length: n }, (_, i) => `x${i + 1}`));
  const x = (k: number) => R.variable(k - 1); // 1-based, as in the literature
  const gens: Poly<E>[] = [];
  for (let k = 1; k <= n - 1; k++) {
    const inner: Poly<E>[] = [x(k)];
    for (let i = 1; i <= n - k - 1; i++) inner.push(R.mul(x(i), x(i + k)));
    gens.push(R.sub(R.mul(x(n), sumOf(R, inner)), R.fromInt(k)));
  }
  const linear: Poly<E>[] = [];
  for (let i = 1; i <= n - 1; i++) linear.push(x(i));
  gens.push(R.add(sumOf(R, linear), R.one()));
  return { ring: R, gens };
}

export function noon<E>(field: Field<E>, n: number): PolynomialSystem<E> {
  if (!Number.isInteger(n) || n < 2) throw new RangeError('noon(n) needs n >= 2');
  const R = new PolyRing(field, Array.from({ length: n }, (_, i) => `x${i + 1}`));
  const gens: Poly<E>[] = [];
  for (let i = 0; i < n; i++) {
    const squares: Poly<E>[] = [];
    for (let j = 0; j < n; j++) if (j !== i) squares.push(R.pow(R.variable(j), 2));
    const bracket = R.sub(R.scale(sumOf(R, squares), field.fromBigInt(10n)), R.fromInt(11));
    gens.push(R.add(R.mul(R.variable(i), bracket), R.fromInt(10)));
  }
  return { ring: R, gens };
}
