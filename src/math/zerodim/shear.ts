// The linear change of coordinates that makes a linear form t = Σ c_i x_i (c_n = 1) the last
// variable, as msolve does when x_n does not separate the solutions (J. Berthomieu, C. Eder,
// M. Safey El Din, ISSAC 2021, §3): y_i = x_i for i < n and y_n = t, that is x_n = y_n - Σ_{i<n} c_i y_i.
// In the new coordinates the multiplication matrix of t is the one of the last variable, which for a
// grevlex basis is mostly unit columns (Faugère–Mou, "Sparse FGLM algorithms", JSC 80 (2017)), so the
// sequences of sparse FGLM cost a fraction of those of a dense multiplication matrix.
//
// Representation: polynomials of the same ring (the variables keep their names: only the meaning of
// the last one changes); the form as integers with c_n = 1.
import type { Rat } from '../field.js';
import type { Poly, PolyRing } from '../poly.js';

/** f(y_1, …, y_{n-1}, y_n - Σ_{i<n} c_i y_i): f in the coordinates where t is the last variable. */
export function shear(R: PolyRing<Rat>, f: Poly<Rat>, c: readonly bigint[]): Poly<Rat> {
  const n = R.nvars;
  let last = R.variable(n - 1);
  for (let i = 0; i < n - 1; i++) if (c[i] !== 0n) last = R.sub(last, R.scale(R.variable(i), { num: c[i]!, den: 1n }));
  const powers: Poly<Rat>[] = [R.one()];
  let out = R.zero();
  f.mons.forEach((m, k) => {
    const e = m[n - 1]!;
    while (powers.length <= e) powers.push(R.mul(powers[powers.length - 1]!, last));
    const rest = m.slice() as Int32Array;
    rest[n - 1] = 0;
    out = R.add(out, R.mulTerm(powers[e]!, f.coeffs[k]!, rest));
  });
  return out;
}

/**
 * The last coordinate back from sheared images modulo p: x_n = y_n - Σ_{i<n} c_i x_i, applied to the
 * image's polynomials (v_{x_n} = v_{y_n} - Σ c_i v_{x_i}); `v` holds n polynomials padded to the same
 * length, in place.
 */
export function unshearImage(v: Float64Array, D: number, n: number, c: readonly number[], p: number): void {
  const lastAt = (n - 1) * D;
  for (let i = 0; i < n - 1; i++) {
    const ci = c[i]!;
    if (ci === 0) continue;
    const neg = p - ci;
    for (let k = 0; k < D; k++) v[lastAt + k] = (v[lastAt + k]! + neg * v[i * D + k]!) % p;
  }
}
