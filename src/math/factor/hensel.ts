// Multivariate Hensel lifting of a two-factor split over QQ, and the multivariate diophantine
// equations it needs (the (x_j - a_j)-adic lifting of Wang's EEZ algorithm, with the leading
// coefficient imposed on both factors).
//
// Representation: recursive dense polynomials of ./recursive.ts at level n, with the main variable
// x_1 innermost and the evaluation point `values[i]` for x_{i+2}. Algorithm: K. O. Geddes, S. R.
// Czapor, G. Labahn, "Algorithms for Computer Algebra" (GCL), 1992, Algorithm 6.2 (multivariate
// diophantine equations by the ideal-adic iteration, bottoming out at the univariate extended
// Euclidean algorithm) and Algorithm 6.4 (multivariate Hensel lifting, one variable at a time,
// replacing the leading coefficients of the factors by the true one, lc_{x_1}(F), evaluated at the
// remaining point; F is multiplied by that leading coefficient so that both factors can carry it).
// Lifting runs over QQ in exact arithmetic, so no p-adic bound is needed: a split lifts exactly when
// it is the image of a true factorization (uniqueness of Hensel lifting for coprime images with
// fixed leading coefficients, GCL Theorem 6.4), and `liftSplit` returns undefined otherwise.
import { QQ, type Rat } from '../field.js';
import { checkInterrupt, type Interrupt } from '../progress.js';
import { UnivariateRing } from '../univariate/dense.js';
import * as P from './recursive.js';
import type { RPoly } from './recursive.js';

const UQ = new UnivariateRing(QQ);

/** s·A + t·B = c in Q[x_1..x_n] with deg_{x_1} s < deg_{x_1} B, or undefined when the iteration does not close. */
export function diophantine(A: RPoly, B: RPoly, c: RPoly, n: number, values: readonly Rat[], signal?: Interrupt): { s: RPoly; t: RPoly } | undefined {
  if (n === 1) {
    const { gcd, s: s0 } = UQ.extendedGcd(A as Rat[], B as Rat[]);
    if (gcd.length !== 1) return undefined;
    const s = UQ.rem(UQ.mul(c as Rat[], s0), B as Rat[]);
    const { quotient, remainder } = UQ.divRem(UQ.sub(c as Rat[], UQ.mul(s, A as Rat[])), B as Rat[]);
    if (remainder.length > 0) return undefined;
    return { s, t: quotient };
  }
  const v = values[n - 2]!;
  const A0 = P.evaluateOuter(A, v, n);
  const B0 = P.evaluateOuter(B, v, n);
  const first = diophantine(A0, B0, P.evaluateOuter(c, v, n), n - 1, values, signal);
  if (!first) return undefined;
  let s = P.raise(first.s, n);
  let t = P.raise(first.t, n);
  const error = () => P.sub(c, P.add(P.mul(s, A, n), P.mul(t, B, n), n), n);
  let e = error();
  const bound = P.degree(c, n) + Math.max(P.degree(A, n), P.degree(B, n));
  for (let k = 1; k <= bound && !P.isZero(e, n); k++) {
    checkInterrupt(signal);
    const ck = P.taylorOuter(e, v, n)[k];
    if (ck === undefined || P.isZero(ck, n - 1)) continue;
    const r = diophantine(A0, B0, ck, n - 1, values, signal);
    if (!r) return undefined;
    s = P.add(s, P.shiftedPower(r.s, v, k, n), n);
    t = P.add(t, P.shiftedPower(r.t, v, k, n), n);
    e = error();
  }
  return P.isZero(e, n) ? { s, t } : undefined;
}

/**
 * q (level l) with its outer variables set to the point, down to level `to`; `shift` is 1 for a
 * polynomial in x_1..x_l and 0 for one in x_2..x_{l+1} (a leading coefficient in x_1).
 */
function evaluateDown(q: RPoly, l: number, to: number, values: readonly Rat[], shift = 1): RPoly {
  for (let level = l; level > to; level--) q = P.evaluateOuter(q, values[level - 1 - shift]!, level);
  return q;
}

/** p (level n) with the coefficient of x_1^{deg} replaced by L (level n-1). */
function withLeading(p: RPoly, L: RPoly, n: number): RPoly {
  const d = P.innerDegree(p, n);
  return P.add(P.sub(p, P.timesInnerPower(P.innerCoefficient(p, n, d), d, n), n), P.timesInnerPower(L, d, n), n);
}

/**
 * Lifts F(x_1, point) = u·w (u, w coprime univariate, up to a constant) to a factor of F: returns U in
 * Q[x_1..x_n] with U·W = lc_{x_1}(F)·F for some W and U(x_1, point) proportional to u, or undefined
 * when u·w is not the image of a factorization of F. Needs lc_{x_1}(F)(point) ≠ 0.
 */
export function liftSplit(F: RPoly, u: readonly Rat[], w: readonly Rat[], n: number, values: readonly Rat[], signal?: Interrupt): RPoly | undefined {
  const L = P.innerCoefficient(F, n, P.innerDegree(F, n));
  const Fl = P.mul(P.timesInnerPower(L, 0, n), F, n);
  const La = P.constantValue(evaluateDown(L, n - 1, 0, values, 0), 0);
  let U: RPoly = UQ.scale(u, QQ.div(La, UQ.leadCoeff(u)));
  let W: RPoly = UQ.scale(w, QQ.div(La, UQ.leadCoeff(w)));
  for (let j = 2; j <= n; j++) {
    const v = values[j - 2]!;
    const Fj = evaluateDown(Fl, n, j, values);
    const Lj = evaluateDown(L, n - 1, j - 1, values, 0);
    U = withLeading(P.raise(U, j), Lj, j);
    W = withLeading(P.raise(W, j), Lj, j);
    const U0 = P.evaluateOuter(U, v, j);
    const W0 = P.evaluateOuter(W, v, j);
    let e = P.sub(Fj, P.mul(U, W, j), j);
    for (let k = 1; k <= P.degree(Fj, j) && !P.isZero(e, j); k++) {
      checkInterrupt(signal);
      const ck = P.taylorOuter(e, v, j)[k];
      if (ck === undefined || P.isZero(ck, j - 1)) continue;
      const r = diophantine(U0, W0, ck, j - 1, values, signal);
      if (!r) return undefined;
      U = P.add(U, P.shiftedPower(r.t, v, k, j), j);
      W = P.add(W, P.shiftedPower(r.s, v, k, j), j);
      e = P.sub(Fj, P.mul(U, W, j), j);
    }
    if (!P.isZero(e, j)) return undefined;
  }
  return U;
}

/** The content of p in x_1 (the gcd of its coefficients of x_1^k, level n-1). */
export function innerContent(p: RPoly, n: number): RPoly {
  let g = P.zero(n - 1);
  for (let k = 0; k <= P.innerDegree(p, n); k++) g = P.gcd(g, P.innerCoefficient(p, n, k), n - 1);
  return g;
}

/** p divided by its content in x_1. */
export function innerPrimitivePart(p: RPoly, n: number): RPoly {
  return P.divExact(p, P.timesInnerPower(innerContent(p, n), 0, n), n)!;
}
