// Real root isolation of integer (or rational) polynomials, in the rational form the univariate
// modules use (refine.ts, decimal.ts, solve.ts): the isolation itself is the one of
// ../realroots/descartes.ts (Descartes' rule of signs with bisection, the Vincent–Collins–Akritas
// method: G. E. Collins and A. G. Akritas, SYMSAC 1976; F. Rouillier and P. Zimmermann, J. Comput.
// Appl. Math. 162 (2004)), whose dyadic intervals are read here as rationals.
//
// Representation (invariants): a real root is a `RealRoot { poly, lo, hi }`: poly is square-free,
// primitive, of degree >= 1, and either lo = hi is an (exact, rational) root of poly, or lo < hi,
// poly(lo)·poly(hi) < 0 and poly has exactly one root in the open interval (lo, hi) (the invariant of
// ../realroots/root.ts's IsolatedRoot, whose dyadic endpoints m·2^e become the rationals here).
// Endpoints are dyadic rationals as produced by isolation and bisection (any rationals are accepted
// by the refinement).
import { MathError } from '../errors.js';
import { type Rat, rat } from '../field.js';
import type { Dyadic } from '../interval/dyadic.js';
import { isolateSquareFree } from '../realroots/descartes.js';
import { integerPoly } from './integer-poly.js';
import { intSquareFree } from './square-free.js';

export interface RealRoot {
  /** Square-free, primitive, degree >= 1. */
  readonly poly: readonly bigint[];
  readonly lo: Rat;
  readonly hi: Rat;
}

export function midpoint(a: Rat, b: Rat): Rat {
  return rat(a.num * b.den + b.num * a.den, 2n * a.den * b.den);
}

/** m·2^e as a rational. */
function dyadicToRat(x: Dyadic): Rat {
  return x.e >= 0 ? rat(x.m << BigInt(x.e)) : rat(x.m, 1n << BigInt(-x.e));
}

/**
 * Isolating intervals of the distinct real roots of a, in increasing order (a need not be square-free;
 * the roots' polynomial is its square-free part). Rational coefficients are accepted.
 */
export function isolateRealRoots(a: readonly (bigint | Rat)[]): RealRoot[] {
  const p = intSquareFree(integerPoly(a as (bigint | Rat)[]));
  if (p.length === 0) throw new MathError('zero-polynomial', 'the zero polynomial has infinitely many roots');
  return isolateSquareFree(p).map((r) => ({ poly: p, lo: dyadicToRat(r.lo), hi: dyadicToRat(r.hi) }));
}
