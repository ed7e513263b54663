// Small helpers shared by the geometry modules: embedding polynomials into rings with extra
// variables, seeded random rational data, linear combinations and conversions to GF(p).
//
// Conventions: every variety of the geometry layer lives in a polynomial ring over QQ
// (`PolyRing<Rat>`); auxiliary systems (Lagrange multipliers λ, the Rabinowitsch variable z of a
// saturation) live in a ring whose first variables are those of the variety, followed by the extra
// ones, so that a point of the auxiliary system starts with the point of the variety.
import { MathError } from '../math/errors.js';
import { QQ, type Rat, primeField, rat } from '../math/field.js';
import type { Monomial } from '../math/monomial.js';
import { PolyRing, type Poly } from '../math/poly.js';
import type { Random } from '../math/random.js';

export type QQRing = PolyRing<Rat>;
export type QQPoly = Poly<Rat>;

/** The default prime for counts over GF(p): the largest prime below 94,906,265 (exact in doubles). */
export const DEFAULT_PRIME = 94906249;

/** A ring with the variables of R followed by `extra` (grevlex). */
export function extendRing(R: QQRing, extra: readonly string[]): QQRing {
  const taken = new Set(R.vars);
  const names = extra.map((name) => {
    let candidate = name;
    while (taken.has(candidate)) candidate = `_${candidate}`;
    taken.add(candidate);
    return candidate;
  });
  return new PolyRing(QQ, [...R.vars, ...names]);
}

/** f of R as a polynomial of S, where the variables of R are the first R.nvars variables of S. */
export function embed(R: QQRing, S: QQRing, f: QQPoly, offset = 0): QQPoly {
  if (R === S && offset === 0) return f;
  return S.fromTerms(
    f.mons.map((m, k) => {
      const e = new Int32Array(S.nvars) as Monomial;
      for (let i = 0; i < m.length; i++) e[i + offset] = m[i]!;
      return [e, f.coeffs[k]!] as const;
    }),
  );
}

/** A non-zero random integer in [-bound, bound]. */
export function randomNonZero(random: Random, bound: number): bigint {
  for (;;) {
    const x = random.int(-bound, bound);
    if (x !== 0) return BigInt(x);
  }
}

/** A random integer in [lo, hi], as a rational. */
export function randomRat(random: Random, lo: number, hi: number): Rat {
  return rat(BigInt(random.int(lo, hi)));
}

/** The bound on the random integers used for generic data, combinations and charts. */
export const RANDOM_BOUND = 1000;

/** Σ a_k f_k. */
export function combination(R: QQRing, coeffs: readonly Rat[], fs: readonly QQPoly[]): QQPoly {
  let s = R.zero();
  fs.forEach((f, k) => {
    if (!QQ.isZero(coeffs[k]!)) s = R.add(s, R.scale(f, coeffs[k]!));
  });
  return s;
}

/** The linear polynomial Σ a_i x_{vars[i]} + b. */
export function linearForm(R: QQRing, coeffs: readonly Rat[], vars: readonly number[], constant: Rat = QQ.zero): QQPoly {
  let s = R.constant(constant);
  vars.forEach((v, i) => {
    if (!QQ.isZero(coeffs[i]!)) s = R.add(s, R.scale(R.variable(v), coeffs[i]!));
  });
  return s;
}

/** Binomial coefficient C(n, k) as a number. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** The ring over GF(p) with the same variables, and a conversion of polynomials into it. */
export function modularImage(S: QQRing, prime: number) {
  const F = primeField(prime) as unknown as import('../math/field.js').Field<number>;
  const Sp = new PolyRing<number>(F, S.vars);
  const convert = (f: QQPoly): Poly<number> => {
    try {
      return S.convert(f, Sp, (c) => F.fromRational(c.num, c.den));
    } catch (e) {
      if (e instanceof MathError) throw new MathError('bad-prime', `the prime ${prime} divides a denominator of the system; choose another prime`);
      throw e;
    }
  };
  return { ring: Sp, convert };
}

/** Rationals matrix helper: a matrix of small integers. */
export function intMatrix(rows: readonly (readonly number[])[]): Rat[][] {
  return rows.map((r) => r.map((x) => rat(BigInt(x))));
}
