// Dense univariate polynomials and exact real roots.
//
// Representations (invariants):
// - Over any Field<E> (QQ as Rat, GF(p) as number or bigint): `E[]`, coefficients low degree first,
//   no trailing (highest-degree) zero; the zero polynomial is `[]`. `UnivariateRing<E>` does the
//   arithmetic, following "the ring is an object, elements are plain data".
// - For real roots over QQ: `IntPoly = readonly bigint[]`, integer coefficients low degree first,
//   no trailing zero. A rational polynomial is carried as a positive multiple of itself with integer
//   coefficients (`integerPoly`), which has the same roots and the same signs everywhere.
// - A real root is a `RealRoot { poly, lo, hi }`: poly is square-free, primitive, of degree >= 1, and
//   either lo = hi is an (exact, rational) root of poly, or lo < hi, poly(lo)·poly(hi) < 0 and poly
//   has exactly one root in the open interval (lo, hi). Endpoints are dyadic rationals as produced
//   by isolation and bisection (any rationals are accepted).
//
// Algorithms and sources:
// - Sturm sequences (signed pseudo-remainder sequence made primitive); `countRealRoots` counts
//   distinct real roots in (lo, hi] exactly (J. C. F. Sturm 1829; Basu–Pollack–Roy, "Algorithms in Real
//   Algebraic Geometry", Thm 2.50).
// - Root isolation by Descartes' rule of signs with bisection (the Vincent–Collins–Akritas method:
//   G. E. Collins and A. G. Akritas, "Polynomial real root isolation using Descartes' rule of signs",
//   SYMSAC 1976; the bisection form of Krandick / Rouillier–Zimmermann 2004): a root bound maps the
//   positive roots into (0, 1); for a sub-interval, the sign variations of (x+1)^n p(1/(x+1)) are
//   0 (no root), 1 (exactly one root) or more (bisect, by integer Taylor shifts).
// - Refinement: Newton's iteration in fixed-point integer arithmetic, each result accepted only after
//   an exact sign change of poly inside the isolating interval (bisection when Newton does not yet
//   converge), so precision doubles per step and nothing rests on floating point. Signs at long dyadic
//   points are first decided by a fixed-point Horner evaluation with a rigorous error bound
//   (`fastSignAt`), falling back to exact evaluation.
// - Decimal output with exact rounding (round half away from zero, as JavaScript's toPrecision): an
//   enclosure of the value is shrunk until both ends round to the same string; a value sitting exactly
//   on a rounding boundary (or at 0) is detected exactly, never by a guess.
// - Elements of Q(θ) for a real algebraic θ (`signAtRoot`, `algebraicToDecimal`,
//   `rationalFunctionToDecimal`): q(θ) = 0 is decided exactly (θ is a root of gcd(poly, q) iff that
//   gcd changes sign on the isolating interval); a non-zero sign or a decimal comes from refining the
//   interval until an enclosure (exact value at lo, Lipschitz bound) excludes 0 or decides the rounding.
// - gcd over Z[x]: modular (W. S. Brown, "On Euclid's algorithm and the computation of polynomial
//   greatest common divisors", JACM 1971), each candidate verified by exact division; square-freeness
//   is proved modulo a prime when possible (`isSquareFreeModular`).
// - `ResidueRing`: arithmetic in Q[T]/(m(T)) with one denominator per element and a fraction-free
//   extended Euclidean algorithm for inverses.
import { MathError } from './errors.js';
import type { DomainKind, ElementStorage, Field, Ring } from './domain.js';
import { type Rat, QQ, SmallPrimeField, compareRat, isProbablePrime, rat } from './field.js';
import { bigAbs, bigGcd, bigLcm } from './integers.js';
import type { Poly, PolyRing } from './poly.js';

// =============================================================================================
// Dense polynomials over a field.

export class UnivariateRing<E> {
  constructor(readonly field: Field<E>) {}

  /** Drops the highest zero coefficients (in place) and returns the array. */
  normalize(a: E[]): E[] {
    let n = a.length;
    while (n > 0 && this.field.isZero(a[n - 1]!)) n--;
    a.length = n;
    return a;
  }

  /** Degree; -1 for zero. */
  degree(a: readonly E[]): number {
    return a.length - 1;
  }

  isZero(a: readonly E[]): boolean {
    return a.length === 0;
  }

  leadCoeff(a: readonly E[]): E {
    return a.length === 0 ? this.field.zero : a[a.length - 1]!;
  }

  constant(c: E): E[] {
    return this.field.isZero(c) ? [] : [c];
  }

  /** The polynomial x (the variable). */
  x(): E[] {
    return [this.field.zero, this.field.one];
  }

  /** From integers or [num, den] pairs, low degree first. */
  fromRationals(coeffs: readonly (number | bigint | readonly [number | bigint, number | bigint])[]): E[] {
    const F = this.field;
    return this.normalize(
      coeffs.map((c) => (Array.isArray(c) ? F.fromRational(BigInt(c[0]), BigInt(c[1])) : F.fromBigInt(BigInt(c as number | bigint)))),
    );
  }

  equals(a: readonly E[], b: readonly E[]): boolean {
    return a.length === b.length && a.every((c, i) => this.field.eq(c, b[i]!));
  }

  add(a: readonly E[], b: readonly E[]): E[] {
    const F = this.field;
    const n = Math.max(a.length, b.length);
    const r = new Array<E>(n);
    for (let i = 0; i < n; i++) {
      r[i] = i >= a.length ? b[i]! : i >= b.length ? a[i]! : F.add(a[i]!, b[i]!);
    }
    return this.normalize(r);
  }

  sub(a: readonly E[], b: readonly E[]): E[] {
    const F = this.field;
    const n = Math.max(a.length, b.length);
    const r = new Array<E>(n);
    for (let i = 0; i < n; i++) {
      r[i] = i >= a.length ? F.neg(b[i]!) : i >= b.length ? a[i]! : F.sub(a[i]!, b[i]!);
    }
    return this.normalize(r);
  }

  neg(a: readonly E[]): E[] {
    return a.map((c) => this.field.neg(c));
  }

  scale(a: readonly E[], c: E): E[] {
    if (this.field.isZero(c)) return [];
    return a.map((x) => this.field.mul(x, c));
  }

  mul(a: readonly E[], b: readonly E[]): E[] {
    if (a.length === 0 || b.length === 0) return [];
    const F = this.field;
    const r = new Array<E>(a.length + b.length - 1).fill(F.zero);
    for (let i = 0; i < a.length; i++) {
      const ai = a[i]!;
      if (F.isZero(ai)) continue;
      for (let j = 0; j < b.length; j++) {
        const bj = b[j]!;
        if (!F.isZero(bj)) r[i + j] = F.add(r[i + j]!, F.mul(ai, bj));
      }
    }
    return this.normalize(r);
  }

  pow(a: readonly E[], k: number): E[] {
    let result: E[] = [this.field.one];
    let base = a.slice();
    while (k > 0) {
      if (k & 1) result = this.mul(result, base);
      k >>= 1;
      if (k > 0) base = this.mul(base, base);
    }
    return result;
  }

  monic(a: readonly E[]): E[] {
    if (a.length === 0) return [];
    return this.scale(a, this.field.inv(a[a.length - 1]!));
  }

  /** a = q·b + r with deg r < deg b. */
  divRem(a: readonly E[], b: readonly E[]): { quotient: E[]; remainder: E[] } {
    const F = this.field;
    if (b.length === 0) throw new MathError('division-by-zero', 'division by the zero polynomial');
    const r = a.slice();
    const db = b.length - 1;
    if (r.length - 1 < db) return { quotient: [], remainder: this.normalize(r) };
    const q = new Array<E>(r.length - db).fill(F.zero);
    const inv = F.inv(b[db]!);
    for (let k = r.length - 1; k >= db; k--) {
      const c = r[k]!;
      if (F.isZero(c)) continue;
      const f = F.mul(c, inv);
      q[k - db] = f;
      for (let j = 0; j <= db; j++) {
        const bj = b[j]!;
        if (!F.isZero(bj)) r[k - db + j] = F.sub(r[k - db + j]!, F.mul(f, bj));
      }
    }
    r.length = db;
    return { quotient: this.normalize(q), remainder: this.normalize(r) };
  }

  rem(a: readonly E[], b: readonly E[]): E[] {
    return this.divRem(a, b).remainder;
  }

  /** a / b when b divides a; MathError('not-exact') otherwise. */
  divExact(a: readonly E[], b: readonly E[]): E[] {
    const { quotient, remainder } = this.divRem(a, b);
    if (remainder.length > 0) throw new MathError('not-exact', 'the polynomial division is not exact');
    return quotient;
  }

  /** The monic gcd (zero when both are zero). */
  gcd(a: readonly E[], b: readonly E[]): E[] {
    let x = a.slice();
    let y = b.slice();
    while (y.length > 0) {
      const r = this.rem(x, y);
      x = y;
      y = this.monic(r);
    }
    return this.monic(x);
  }

  /** The monic gcd g with s·a + t·b = g. */
  extendedGcd(a: readonly E[], b: readonly E[]): { gcd: E[]; s: E[]; t: E[] } {
    let [r0, r1] = [a.slice(), b.slice()];
    let [s0, s1] = [[this.field.one] as E[], [] as E[]];
    let [t0, t1] = [[] as E[], [this.field.one] as E[]];
    while (r1.length > 0) {
      const { quotient: q, remainder: r } = this.divRem(r0, r1);
      [r0, r1] = [r1, r];
      [s0, s1] = [s1, this.sub(s0, this.mul(q, s1))];
      [t0, t1] = [t1, this.sub(t0, this.mul(q, t1))];
    }
    if (r0.length === 0) return { gcd: [], s: s0, t: t0 };
    const inv = this.field.inv(r0[r0.length - 1]!);
    return { gcd: this.scale(r0, inv), s: this.scale(s0, inv), t: this.scale(t0, inv) };
  }

  /** The inverse of a modulo m; MathError('not-invertible') when gcd(a, m) != 1. */
  invMod(a: readonly E[], m: readonly E[]): E[] {
    const { gcd, s } = this.extendedGcd(this.rem(a, m), m);
    if (gcd.length !== 1) throw new MathError('not-invertible', 'the polynomial is not invertible modulo the modulus');
    return this.rem(s, m);
  }

  mulMod(a: readonly E[], b: readonly E[], m: readonly E[]): E[] {
    return this.rem(this.mul(a, b), m);
  }

  derivative(a: readonly E[]): E[] {
    const F = this.field;
    const r: E[] = [];
    for (let i = 1; i < a.length; i++) r.push(F.mul(a[i]!, F.fromBigInt(BigInt(i))));
    return this.normalize(r);
  }

  /** a(x) by Horner's rule. */
  evaluate(a: readonly E[], x: E): E {
    const F = this.field;
    let s = F.zero;
    for (let i = a.length - 1; i >= 0; i--) s = F.add(F.mul(s, x), a[i]!);
    return s;
  }

  /** a(b(x)). */
  compose(a: readonly E[], b: readonly E[]): E[] {
    let s: E[] = [];
    for (let i = a.length - 1; i >= 0; i--) s = this.add(this.mul(s, b), this.constant(a[i]!));
    return s;
  }

  /**
   * The square-free part (the product of the distinct monic irreducible factors), monic. In
   * characteristic 0 it is a / gcd(a, a'); in characteristic p the factors whose multiplicity is a
   * multiple of p are recovered through p-th roots (over a prime field c^p = c, so the p-th root of
   * h(x^p) is h(x)).
   */
  squareFreePart(a: readonly E[]): E[] {
    if (a.length <= 1) return a.length === 0 ? [] : [this.field.one];
    const p = this.field.characteristic;
    const d = this.derivative(a);
    if (d.length === 0) return this.squareFreePart(this.pthRoot(a, p));
    let c = this.gcd(a, d);
    const w = this.divExact(this.monic(a), c);
    if (p === 0n) return w;
    // Remove the factors of w from c; what is left has every multiplicity divisible by p.
    for (;;) {
      const y = this.gcd(c, w);
      if (y.length <= 1) break;
      c = this.divExact(c, y);
    }
    if (c.length <= 1) return w;
    return this.mul(w, this.squareFreePart(this.pthRoot(c, p)));
  }

  /** Distinct roots count check helper: true when a is square-free (gcd(a, a') = 1). */
  isSquareFree(a: readonly E[]): boolean {
    return this.degree(this.squareFreePart(a)) === this.degree(a);
  }

  private pthRoot(a: readonly E[], p: bigint): E[] {
    const step = Number(p);
    const r: E[] = [];
    for (let i = 0; i < a.length; i += step) r.push(a[i]!);
    return this.normalize(r);
  }

  toText(a: readonly E[], variable = 'x'): string {
    const F = this.field;
    if (a.length === 0) return '0';
    let out = '';
    for (let i = a.length - 1; i >= 0; i--) {
      const c = a[i]!;
      if (F.isZero(c)) continue;
      const negative = F.isNegative(c);
      const abs = negative ? F.neg(c) : c;
      const mono = i === 0 ? '' : i === 1 ? variable : `${variable}^${i}`;
      const body = mono === '' ? F.toString(abs) : F.isOne(abs) ? mono : `${F.toString(abs)}*${mono}`;
      out += out === '' ? (negative ? `-${body}` : body) : negative ? ` - ${body}` : ` + ${body}`;
    }
    return out;
  }
}

/** A polynomial of R that involves only variable i, as a dense coefficient array. */
export function univariateFromPoly<E>(R: PolyRing<E>, f: Poly<E>, i: number): E[] {
  const F = R.field;
  const deg = Math.max(-1, R.degreeIn(f, i));
  const r = new Array<E>(deg + 1).fill(F.zero);
  f.mons.forEach((m, k) => {
    for (let j = 0; j < m.length; j++) {
      if (j !== i && m[j] !== 0) throw new MathError('not-univariate', `${R.toText(f)} involves ${R.vars[j]}, not only ${R.vars[i]}`);
    }
    r[m[i]!] = F.add(r[m[i]!]!, f.coeffs[k]!);
  });
  return new UnivariateRing(F).normalize(r);
}

/** A dense array as a polynomial in variable i of R. */
export function univariateToPoly<E>(R: PolyRing<E>, a: readonly E[], i: number): Poly<E> {
  const terms: [Int32Array, E][] = [];
  a.forEach((c, k) => {
    const m = new Int32Array(R.nvars);
    m[i] = k;
    terms.push([m, c]);
  });
  return R.fromTerms(terms);
}

// =============================================================================================
// Integer polynomials.

export type IntPoly = readonly bigint[];

function trimInt(a: bigint[]): bigint[] {
  let n = a.length;
  while (n > 0 && a[n - 1] === 0n) n--;
  a.length = n;
  return a;
}

/** A positive multiple with integer coefficients, made primitive (content 1): same roots, same signs. */
export function integerPoly(coeffs: readonly (Rat | bigint | number)[]): bigint[] {
  let d = 1n;
  const rs = coeffs.map((c) => (typeof c === 'object' ? c : { num: BigInt(c), den: 1n }));
  for (const c of rs) d = bigLcm(d, c.den);
  return primitivePart(trimInt(rs.map((c) => c.num * (d / c.den))));
}

/** The rational polynomial of an integer polynomial. */
export function ratPoly(a: IntPoly): Rat[] {
  return a.map((c) => ({ num: c, den: 1n }));
}

/** gcd of the coefficients (positive; 0 for the zero polynomial). */
export function content(a: IntPoly): bigint {
  let g = 0n;
  for (const c of a) {
    g = bigGcd(g, c);
    if (g === 1n) return 1n;
  }
  return g;
}

/** a divided by its (positive) content: the sign of a is kept. */
export function primitivePart(a: IntPoly): bigint[] {
  const g = content(a);
  if (g === 0n || g === 1n) return a.slice();
  return a.map((c) => c / g);
}

export function intDerivative(a: IntPoly): bigint[] {
  const r: bigint[] = [];
  for (let i = 1; i < a.length; i++) r.push(a[i]! * BigInt(i));
  return trimInt(r);
}

export function intMul(a: IntPoly, b: IntPoly): bigint[] {
  if (a.length === 0 || b.length === 0) return [];
  const r = new Array<bigint>(a.length + b.length - 1).fill(0n);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0n) continue;
    for (let j = 0; j < b.length; j++) r[i + j]! += a[i]! * b[j]!;
  }
  return trimInt(r);
}

/** r = lc(b)^steps · (a mod b), computed without fractions; deg r < deg b. */
function pseudoRemainder(a: IntPoly, b: IntPoly): { remainder: bigint[]; steps: number } {
  const db = b.length - 1;
  const lc = b[db]!;
  const r = a.slice();
  let steps = 0;
  while (r.length - 1 >= db && r.length > 0) {
    const k = r.length - 1;
    const c = r[k]!;
    for (let i = 0; i < k; i++) r[i] = r[i]! * lc;
    for (let j = 0; j < db; j++) r[k - db + j]! -= c * b[j]!;
    r.length = k;
    trimInt(r);
    steps++;
  }
  return { remainder: r, steps };
}

/** gcd over Z[x] by the primitive pseudo-remainder sequence (a reference for tests; see intGcd). */
export function intGcdPrs(a: IntPoly, b: IntPoly): bigint[] {
  let x = primitivePart(a);
  let y = primitivePart(b);
  if (x.length < y.length) [x, y] = [y, x];
  while (y.length > 0) {
    const r = pseudoRemainder(x, y).remainder;
    x = y;
    y = primitivePart(r);
  }
  if (x.length === 0) return [];
  if (x[x.length - 1]! < 0n) x = x.map((c) => -c);
  return x.length === 1 ? [1n] : x;
}

/** Primes below the small-prime limit, in decreasing order, generated on demand. */
const gcdPrimes: number[] = [];
function gcdPrime(i: number): number {
  while (gcdPrimes.length <= i) {
    let p = gcdPrimes.length === 0 ? 94906263 : gcdPrimes[gcdPrimes.length - 1]! - 2;
    while (!isProbablePrime(BigInt(p))) p -= 2;
    gcdPrimes.push(p);
  }
  return gcdPrimes[i]!;
}

function dividesInt(b: IntPoly, a: IntPoly): boolean {
  try {
    intDivExact(a, b);
    return true;
  } catch (e) {
    if (e instanceof MathError && e.code === 'not-exact') return false;
    throw e;
  }
}

/**
 * gcd over Z[x] up to a constant: primitive with a positive leading coefficient ([1] when coprime).
 * Modular algorithm (Brown; Collins): gcds modulo word-size primes, scaled by gcd(lc a, lc b) and
 * combined by Chinese remaindering; a candidate is accepted once it divides both inputs (so the result
 * is exact whatever the primes). A gcd of degree 0 modulo one good prime proves coprimality at once.
 */
export function intGcd(a: IntPoly, b: IntPoly): bigint[] {
  let x = primitivePart(trimInt(a.slice()));
  let y = primitivePart(trimInt(b.slice()));
  if (x.length === 0 || y.length === 0) {
    const z = x.length === 0 ? y : x;
    if (z.length === 0) return [];
    return z.length === 1 ? [1n] : z[z.length - 1]! < 0n ? z.map((c) => -c) : z;
  }
  if (x.length === 1 || y.length === 1) return [1n];
  if (x.length < y.length) [x, y] = [y, x];
  const lcx = x[x.length - 1]!;
  const lcy = y[y.length - 1]!;
  const gamma = bigGcd(lcx, lcy);
  let degree = Infinity;
  let H: bigint[] | null = null;
  let modulus = 1n;
  let previous: bigint[] | null = null;
  for (let i = 0; i < 2000; i++) {
    const p = gcdPrime(i);
    const P = BigInt(p);
    if (lcx % P === 0n || lcy % P === 0n) continue;
    const F = new SmallPrimeField(p);
    const V = new UnivariateRing(F);
    const g = V.gcd(V.normalize(x.map((c) => F.fromBigInt(c))), V.normalize(y.map((c) => F.fromBigInt(c))));
    const d = g.length - 1;
    if (d === 0) return [1n];
    if (d > degree) continue; // an unlucky prime
    if (d < degree) {
      degree = d;
      H = null;
      modulus = 1n;
      previous = null;
    }
    const scaled = V.scale(g, F.fromBigInt(gamma));
    if (H === null) {
      H = scaled.map((c) => BigInt(c));
      modulus = P;
    } else {
      const inv = BigInt(F.inv(F.fromBigInt(modulus)));
      H = H.map((h, k) => {
        const diff = (((BigInt(scaled[k]!) - h) % P) + P) % P;
        return h + modulus * ((diff * inv) % P);
      });
      modulus *= P;
    }
    const half = modulus / 2n;
    const candidate = primitivePart(H.map((h) => (h > half ? h - modulus : h)));
    if (previous && candidate.every((c, k) => c === previous![k])) {
      if (dividesInt(candidate, x) && dividesInt(candidate, y)) {
        return candidate[candidate.length - 1]! < 0n ? candidate.map((c) => -c) : candidate;
      }
    }
    previous = candidate;
  }
  return intGcdPrs(a, b);
}

/** a / b over Z[x] when the quotient is integral and exact; MathError('not-exact') otherwise. */
export function intDivExact(a: IntPoly, b: IntPoly): bigint[] {
  if (b.length === 0) throw new MathError('division-by-zero', 'division by the zero polynomial');
  const db = b.length - 1;
  const lc = b[db]!;
  const r = a.slice();
  if (r.length - 1 < db) {
    if (r.length === 0) return [];
    throw new MathError('not-exact', 'the polynomial division is not exact');
  }
  const q = new Array<bigint>(r.length - db).fill(0n);
  for (let k = r.length - 1; k >= db; k--) {
    const c = r[k]!;
    if (c === 0n) continue;
    if (c % lc !== 0n) throw new MathError('not-exact', 'the polynomial division is not exact');
    const f = c / lc;
    q[k - db] = f;
    for (let j = 0; j <= db; j++) r[k - db + j]! -= f * b[j]!;
  }
  for (let k = 0; k < db; k++) if (r[k] !== 0n) throw new MathError('not-exact', 'the polynomial division is not exact');
  return trimInt(q);
}

/** The square-free part over Z: primitive, positive leading coefficient. */
export function intSquareFree(a: IntPoly): bigint[] {
  const p = primitivePart(trimInt(a.slice()));
  if (p.length <= 1) return p.length === 0 ? [] : [1n];
  const g = intGcd(p, intDerivative(p));
  const s = g.length <= 1 ? p : intDivExact(p, g);
  return s[s.length - 1]! < 0n ? s.map((c) => -c) : s;
}

/** lc(b)^steps · a = quotient · b + remainder with deg remainder < deg b, on integers. */
export function intPseudoDivide(a: IntPoly, b: IntPoly): { quotient: bigint[]; remainder: bigint[]; steps: number } {
  if (b.length === 0) throw new MathError('division-by-zero', 'division by the zero polynomial');
  const db = b.length - 1;
  const lc = b[db]!;
  const r = a.slice();
  if (r.length - 1 < db) return { quotient: [], remainder: trimInt(r), steps: 0 };
  const q = new Array<bigint>(r.length - db).fill(0n);
  let steps = 0;
  while (r.length > 0 && r.length - 1 >= db) {
    const k = r.length - 1;
    const c = r[k]!;
    if (lc !== 1n) {
      for (let i = 0; i < q.length; i++) q[i] = q[i]! * lc;
      for (let i = 0; i < k; i++) r[i] = r[i]! * lc;
    }
    q[k - db]! += c;
    for (let j = 0; j < db; j++) r[k - db + j]! -= c * b[j]!;
    r.length = k;
    trimInt(r);
    steps++;
  }
  return { quotient: trimInt(q), remainder: r, steps };
}

// =============================================================================================
// Arithmetic in Q[T]/(m(T)) without fractions per coefficient.

/** An element num(T)/den of Q[T]/(m): num an integer polynomial of degree < deg m, den > 0, gcd(content(num), den) = 1. */
export interface Residue {
  readonly num: readonly bigint[];
  readonly den: bigint;
}

/**
 * The residue ring Q[T]/(m(T)) for a non-constant polynomial m (not necessarily irreducible).
 * Elements carry one common denominator, so a product costs integer multiplications, an integer
 * pseudo-remainder and a single content gcd instead of a gcd per coefficient operation. Inverses use
 * a fraction-free extended Euclidean algorithm (pseudo-remainders made primitive jointly with the
 * cofactor). A `Ring` of the domain layer (not a field: m need not be irreducible).
 */
export class ResidueRing implements Ring<Residue> {
  readonly name: string;
  readonly kind: DomainKind = 'residue-ring';
  readonly elements: ElementStorage = 'opaque';
  readonly characteristic = 0n;
  readonly exact = true;
  readonly ordered = false;
  readonly isField = false;
  readonly modulus: bigint[];
  readonly degree: number;
  readonly zero: Residue = { num: [], den: 1n };
  readonly one: Residue = { num: [1n], den: 1n };

  constructor(m: readonly (bigint | Rat)[]) {
    this.modulus = integerPoly(m as (bigint | Rat)[]);
    this.degree = this.modulus.length - 1;
    if (this.degree < 1) throw new MathError('bad-modulus', 'the modulus must have degree at least 1');
    this.name = `QQ[T]/(${this.textOf(this.modulus)})`;
  }

  fromBigInt(n: bigint): Residue {
    return this.make([n]);
  }

  isOne(a: Residue): boolean {
    return a.den === 1n && a.num.length === 1 && a.num[0] === 1n;
  }

  /** The element as a polynomial in T with rational coefficients, highest degree first: `1/2*T^2 - 3`. */
  toString(a: Residue): string {
    if (a.num.length === 0) return '0';
    const text = this.textOf(a.num);
    return a.den === 1n ? text : `(${text})/${a.den}`;
  }

  isNegative(a: Residue): boolean {
    return a.num.length > 0 && a.num[a.num.length - 1]! < 0n;
  }

  private textOf(c: readonly bigint[]): string {
    const terms: string[] = [];
    for (let i = c.length - 1; i >= 0; i--) {
      const x = c[i]!;
      if (x === 0n) continue;
      const power = i === 0 ? '' : i === 1 ? 'T' : `T^${i}`;
      const magnitude = x < 0n ? -x : x;
      const body = power === '' ? `${magnitude}` : magnitude === 1n ? power : `${magnitude}*${power}`;
      terms.push(terms.length === 0 ? (x < 0n ? `-${body}` : body) : `${x < 0n ? '-' : '+'} ${body}`);
    }
    return terms.join(' ');
  }

  /** num/den reduced modulo m and normalized. */
  make(num: readonly bigint[], den: bigint = 1n): Residue {
    let n = trimInt(num.slice());
    let d = den;
    if (n.length > this.degree) {
      const { remainder, steps } = intPseudoDivide(n, this.modulus);
      n = remainder;
      if (steps > 0) d *= this.modulus[this.degree]! ** BigInt(steps);
    }
    if (d < 0n) {
      n = n.map((c) => -c);
      d = -d;
    }
    if (n.length === 0) return this.zero;
    let g = d;
    for (const c of n) {
      if (g === 1n) break;
      g = bigGcd(g, c);
    }
    return g === 1n ? { num: n, den: d } : { num: n.map((c) => c / g), den: d / g };
  }

  fromRational(a: readonly (bigint | Rat)[]): Residue {
    let den = 1n;
    const rs = a.map((c) => (typeof c === 'object' ? c : { num: c, den: 1n }));
    for (const c of rs) den = bigLcm(den, c.den);
    return this.make(
      rs.map((c) => c.num * (den / c.den)),
      den,
    );
  }

  toRational(a: Residue): Rat[] {
    return a.num.map((c) => rat(c, a.den));
  }

  isZero(a: Residue): boolean {
    return a.num.length === 0;
  }

  eq(a: Residue, b: Residue): boolean {
    return a.den === b.den && a.num.length === b.num.length && a.num.every((c, i) => c === b.num[i]);
  }

  neg(a: Residue): Residue {
    return { num: a.num.map((c) => -c), den: a.den };
  }

  private combine(a: Residue, b: Residue, sign: 1n | -1n): Residue {
    if (a.num.length === 0) return sign === 1n ? b : this.neg(b);
    if (b.num.length === 0) return a;
    const g = bigGcd(a.den, b.den);
    const fa = b.den / g;
    const fb = a.den / g;
    const n = Math.max(a.num.length, b.num.length);
    const num = new Array<bigint>(n);
    for (let i = 0; i < n; i++) num[i] = (a.num[i] ?? 0n) * fa + sign * (b.num[i] ?? 0n) * fb;
    return this.make(num, a.den * fa);
  }

  add(a: Residue, b: Residue): Residue {
    return this.combine(a, b, 1n);
  }

  sub(a: Residue, b: Residue): Residue {
    return this.combine(a, b, -1n);
  }

  mul(a: Residue, b: Residue): Residue {
    if (a.num.length === 0 || b.num.length === 0) return this.zero;
    return this.make(intMul(a.num, b.num), a.den * b.den);
  }

  scale(a: Residue, c: Rat): Residue {
    if (c.num === 0n) return this.zero;
    return this.make(
      a.num.map((x) => x * c.num),
      a.den * c.den,
    );
  }

  pow(a: Residue, k: number): Residue {
    let result = this.one;
    let base = a;
    while (k > 0) {
      if (k & 1) result = this.mul(result, base);
      k >>= 1;
      if (k > 0) base = this.mul(base, base);
    }
    return result;
  }

  /** a^{-1}; MathError('not-invertible') when gcd(a, m) is not constant. */
  inverse(a: Residue): Residue {
    if (a.num.length === 0) throw new MathError('not-invertible', 'zero is not invertible');
    // Invariant: r_i ≡ s_i · a.num (mod m), up to the same integer factor on both sides.
    let r0: bigint[] = this.modulus.slice();
    let s0: bigint[] = [];
    let r1: bigint[] = a.num.slice();
    let s1: bigint[] = [1n];
    while (r1.length > 1) {
      const { quotient, remainder, steps } = intPseudoDivide(r0, r1);
      const lcPower = r1[r1.length - 1]! ** BigInt(steps);
      let s = subInt(
        s0.map((c) => c * lcPower),
        intMul(quotient, s1),
      );
      let r = remainder;
      // Divide the pair by its common content.
      let g = 0n;
      for (const c of r) g = bigGcd(g, c);
      for (const c of s) {
        if (g === 1n) break;
        g = bigGcd(g, c);
      }
      if (g > 1n) {
        r = r.map((c) => c / g);
        s = s.map((c) => c / g);
      }
      r0 = r1;
      s0 = s1;
      r1 = r;
      s1 = s;
    }
    if (r1.length === 0) throw new MathError('not-invertible', 'the element is a zero divisor modulo the modulus');
    // s1 · a.num ≡ c (constant), so a^{-1} = s1 · a.den / c.
    const c = r1[0]!;
    return this.make(
      s1.map((x) => x * a.den),
      c,
    );
  }
}

function subInt(a: readonly bigint[], b: readonly bigint[]): bigint[] {
  const n = Math.max(a.length, b.length);
  const r = new Array<bigint>(n);
  for (let i = 0; i < n; i++) r[i] = (a[i] ?? 0n) - (b[i] ?? 0n);
  return trimInt(r);
}

/** Primes just below the small-prime limit (so GF(p) arithmetic is exact in doubles). */
const CHECK_PRIMES = [94906249, 94906247, 94906219, 94906213];

/**
 * A proof that a is square-free, when it succeeds: gcd(a mod p, a' mod p) = 1 for a prime p not
 * dividing the leading coefficient (a repeated factor over Q would survive reduction modulo such a p).
 * False means "not proved" (a is not square-free, or every tried prime was unlucky).
 */
export function isSquareFreeModular(a: IntPoly): boolean {
  if (a.length <= 2) return a.length > 0;
  for (const p of CHECK_PRIMES) {
    if (a[a.length - 1]! % BigInt(p) === 0n) continue;
    const F = new SmallPrimeField(p);
    const V = new UnivariateRing(F);
    const ap = V.normalize(a.map((c) => F.fromBigInt(c)));
    if (V.degree(V.gcd(ap, V.derivative(ap))) === 0) return true;
  }
  return false;
}

/** q^n · a(p/q) for q > 0, by Horner's rule on integers (n = deg a). */
function homogeneousValue(a: IntPoly, p: bigint, q: bigint): bigint {
  const n = a.length - 1;
  if (n < 0) return 0n;
  if (q === 1n) {
    let s = 0n;
    for (let i = n; i >= 0; i--) s = s * p + a[i]!;
    return s;
  }
  let s = a[n]!;
  let qk = 1n;
  for (let i = n - 1; i >= 0; i--) {
    qk *= q;
    s = s * p + a[i]! * qk;
  }
  return s;
}

/** The sign of a at the rational x: -1, 0 or 1. */
export function signAt(a: IntPoly, x: Rat): number {
  const v = homogeneousValue(a, x.num, x.den);
  return v > 0n ? 1 : v < 0n ? -1 : 0;
}

/**
 * The sign of a at x, exactly, evaluated in fixed point first when x is a dyadic rational with a long
 * denominator: truncating Horner at the scale of x has an error below n·max(1,|x|)^(n-1) + 1 units,
 * so a value beyond that bound decides the sign without the n-fold growth of exact evaluation; the
 * exact evaluation decides the rest.
 */
export function fastSignAt(a: IntPoly, x: Rat): number {
  const k = bitLength(x.den) - 1;
  if (k < 64 || x.den !== 1n << BigInt(k) || a.length < 3) return signAt(a, x);
  const s = BigInt(k);
  const y = fixedPointValue(a, x.num, s);
  const n = a.length - 1;
  const M = (bigAbs(x.num) >> s) + 1n;
  const E = BigInt(n) * M ** BigInt(n - 1) + 1n;
  if (y > E) return 1;
  if (y < -E) return -1;
  return signAt(a, x);
}

/** a(x) for rational x. */
export function evaluateInt(a: IntPoly, x: Rat): Rat {
  if (a.length === 0) return QQ.zero;
  return rat(homogeneousValue(a, x.num, x.den), x.den ** BigInt(a.length - 1));
}

function signAtInfinity(a: IntPoly, positive: boolean): number {
  const n = a.length - 1;
  const s = a[n]! > 0n ? 1 : -1;
  return positive || n % 2 === 0 ? s : -s;
}

// =============================================================================================
// Sturm sequences and root counting.

/**
 * The Sturm sequence of a (taken square-free first): S0 = a, S1 = a', S_{k+1} = -rem(S_{k-1}, S_k)
 * up to positive factors (signed pseudo-remainders made primitive).
 */
export function sturmSequence(a: IntPoly): bigint[][] {
  const p = intSquareFree(a);
  if (p.length === 0) throw new MathError('zero-polynomial', 'the zero polynomial has no Sturm sequence');
  const seq: bigint[][] = [p];
  let prev = p;
  let cur = primitivePart(intDerivative(p));
  while (cur.length > 0) {
    seq.push(cur);
    const { remainder, steps } = pseudoRemainder(prev, cur);
    // remainder = lc^steps · rem; we need -rem times a positive number.
    const lcNegative = cur[cur.length - 1]! < 0n && steps % 2 === 1;
    const next = primitivePart(lcNegative ? remainder : remainder.map((c) => -c));
    prev = cur;
    cur = next;
  }
  return seq;
}

function variationsAt(seq: readonly IntPoly[], x: Rat | 'plus' | 'minus'): number {
  let count = 0;
  let last = 0;
  for (const s of seq) {
    const v = x === 'plus' ? signAtInfinity(s, true) : x === 'minus' ? signAtInfinity(s, false) : signAt(s, x);
    if (v === 0) continue;
    if (last !== 0 && v !== last) count++;
    last = v;
  }
  return count;
}

/**
 * The number of distinct real roots of a in (lo, hi] (lo = -∞ and hi = +∞ when omitted), exact, by
 * Sturm's theorem. a need not be square-free. Accepts integer or rational coefficients.
 */
export function countRealRoots(a: readonly (bigint | Rat)[], lo?: Rat, hi?: Rat): number {
  const p = integerPoly(a as (bigint | Rat)[]);
  if (p.length === 0) throw new MathError('zero-polynomial', 'the zero polynomial has infinitely many roots');
  if (p.length === 1) return 0;
  if (lo && hi && compareRat(lo, hi) >= 0) return 0;
  const seq = sturmSequence(p);
  return variationsAt(seq, lo ?? 'minus') - variationsAt(seq, hi ?? 'plus');
}

/** Sign variations in a coefficient sequence (zeros skipped): Descartes' bound on positive roots. */
export function signVariations(a: readonly bigint[]): number {
  let count = 0;
  let last = 0n;
  for (const c of a) {
    if (c === 0n) continue;
    if (last !== 0n && (c > 0n) !== (last > 0n)) count++;
    last = c;
  }
  return count;
}

// =============================================================================================
// Root isolation (Descartes / Vincent–Collins–Akritas bisection).

export interface RealRoot {
  /** Square-free, primitive, degree >= 1. */
  readonly poly: readonly bigint[];
  readonly lo: Rat;
  readonly hi: Rat;
}

function taylorShiftOne(a: readonly bigint[]): bigint[] {
  const c = a.slice();
  const n = c.length - 1;
  for (let i = 0; i < n; i++) for (let j = n - 1; j >= i; j--) c[j]! += c[j + 1]!;
  return c;
}

/**
 * The variations of (x+1)^n a(1/(x+1)), capped at 2: the Descartes bound for the roots of a in (0, 1)
 * (0: none, 1: exactly one, 2: two or more). The Taylor shift finalizes one coefficient per outer
 * step, so the count stops as soon as it reaches 2.
 */
function unitIntervalVariations(a: readonly bigint[]): number {
  const c = a.slice().reverse();
  const n = c.length - 1;
  let count = 0;
  let last = 0n;
  for (let i = 0; i < n; i++) {
    for (let j = n - 1; j >= i; j--) c[j]! += c[j + 1]!;
    const v = c[i]!;
    if (v !== 0n) {
      if (last !== 0n && v > 0n !== last > 0n && ++count >= 2) return 2;
      last = v;
    }
  }
  const v = c[n]!;
  if (v !== 0n && last !== 0n && v > 0n !== last > 0n) count++;
  return Math.min(count, 2);
}

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}

/** Divides out the largest power of 2 common to all coefficients (does not change roots or signs). */
function removeCommonTwos(a: bigint[]): bigint[] {
  let shift = -1;
  for (const c of a) {
    if (c === 0n) continue;
    let t = 0;
    let x = c < 0n ? -c : c;
    while ((x & 1n) === 0n && (shift < 0 || t < shift)) {
      x >>= 1n;
      t++;
    }
    shift = shift < 0 ? t : Math.min(shift, t);
    if (shift === 0) return a;
  }
  if (shift <= 0) return a;
  const s = BigInt(shift);
  return a.map((c) => c >> s);
}

/** Isolating intervals (possibly with endpoints that are roots) of the positive roots of a square-free a with a(0) != 0. */
function isolatePositive(a: readonly bigint[], out: { lo: Rat; hi: Rat }[]): void {
  const n = a.length - 1;
  if (n < 1) return;
  const lc = bigAbs(a[n]!);
  let mx = 0n;
  for (let i = 0; i < n; i++) if (bigAbs(a[i]!) > mx) mx = bigAbs(a[i]!);
  // Cauchy's bound: every root has |x| < 1 + max|a_i| / |a_n| <= 2^k.
  const bound = 1n + (mx + lc - 1n) / lc;
  const k = bitLength(bound);
  const scale = 1n << BigInt(k);
  const g0 = removeCommonTwos(a.map((c, i) => c << BigInt(k * i)));
  const stack: { g: bigint[]; c: bigint; j: number }[] = [{ g: g0, c: 0n, j: 0 }];
  while (stack.length > 0) {
    const { g, c, j } = stack.pop()!;
    const v = unitIntervalVariations(g);
    if (v === 0) continue;
    const den = 1n << BigInt(j);
    if (v === 1) {
      out.push({ lo: rat(c * scale, den), hi: rat((c + 1n) * scale, den) });
      continue;
    }
    const left = g.map((x, i) => x << BigInt(n - i)); // 2^n g(x/2)
    let atMid = 0n;
    for (const x of left) atMid += x;
    if (atMid === 0n) {
      const mid = rat((2n * c + 1n) * scale, 2n * den);
      out.push({ lo: mid, hi: mid });
    }
    const right = taylorShiftOne(left); // 2^n g((x+1)/2)
    stack.push({ g: removeCommonTwos(right), c: 2n * c + 1n, j: j + 1 });
    stack.push({ g: removeCommonTwos(left), c: 2n * c, j: j + 1 });
  }
}

function midpoint(a: Rat, b: Rat): Rat {
  return rat(a.num * b.den + b.num * a.den, 2n * a.den * b.den);
}

/** The sign of p just to the right of x (p square-free): sign p(x), or sign p'(x) when p(x) = 0. */
function signRightOf(p: IntPoly, x: Rat): number {
  const s = signAt(p, x);
  return s !== 0 ? s : signAt(intDerivative(p), x);
}

/**
 * Shrinks an interval holding exactly one root in its interior until neither endpoint is a root
 * (or the root is hit exactly), establishing the RealRoot invariant.
 */
function normalizeInterval(p: readonly bigint[], lo: Rat, hi: Rat): RealRoot {
  if (QQ.eq(lo, hi)) return { poly: p, lo, hi };
  let sLo = signRightOf(p, lo);
  while (signAt(p, lo) === 0 || signAt(p, hi) === 0) {
    const mid = midpoint(lo, hi);
    const s = signAt(p, mid);
    if (s === 0) return { poly: p, lo: mid, hi: mid };
    if (s === sLo) {
      lo = mid;
      sLo = s;
    } else {
      hi = mid;
    }
  }
  return { poly: p, lo, hi };
}

/**
 * Isolating intervals of the distinct real roots of a, in increasing order (a need not be square-free;
 * the roots' polynomial is its square-free part). Rational coefficients are accepted.
 */
export function isolateRealRoots(a: readonly (bigint | Rat)[]): RealRoot[] {
  const p = intSquareFree(integerPoly(a as (bigint | Rat)[]));
  if (p.length === 0) throw new MathError('zero-polynomial', 'the zero polynomial has infinitely many roots');
  if (p.length === 1) return [];
  const intervals: { lo: Rat; hi: Rat }[] = [];
  let q = p;
  if (q[0] === 0n) {
    intervals.push({ lo: QQ.zero, hi: QQ.zero });
    q = q.slice(1);
  }
  isolatePositive(q, intervals);
  const negatives: { lo: Rat; hi: Rat }[] = [];
  isolatePositive(
    q.map((c, i) => (i % 2 === 0 ? c : -c)),
    negatives,
  );
  for (const { lo, hi } of negatives) intervals.push({ lo: QQ.neg(hi), hi: QQ.neg(lo) });
  intervals.sort((x, y) => compareRat(x.lo, y.lo) || compareRat(x.hi, y.hi));
  return intervals.map(({ lo, hi }) => normalizeInterval(p, lo, hi));
}

/** One bisection step (the root stays isolated; an exact hit gives lo = hi). */
export function bisectRoot(root: RealRoot): RealRoot {
  const { poly, lo, hi } = root;
  if (QQ.eq(lo, hi)) return root;
  const mid = midpoint(lo, hi);
  const s = fastSignAt(poly, mid);
  if (s === 0) return { poly, lo: mid, hi: mid };
  return s === fastSignAt(poly, lo) ? { poly, lo: mid, hi } : { poly, lo, hi: mid };
}

/** Refines by bisection until hi - lo <= width (width > 0). */
export function refineRoot(root: RealRoot, width: Rat): RealRoot {
  let r = root;
  while (!QQ.eq(r.lo, r.hi) && compareRat(QQ.sub(r.hi, r.lo), width) > 0) r = bisectRoot(r);
  return r;
}

/** Refines by `steps` bisections. */
export function refineRootSteps(root: RealRoot, steps: number): RealRoot {
  let r = root;
  for (let i = 0; i < steps && !QQ.eq(r.lo, r.hi); i++) r = bisectRoot(r);
  return r;
}

/** f(X / 2^s) · 2^s, approximately (truncating fixed-point Horner). */
function fixedPointValue(f: IntPoly, X: bigint, s: bigint): bigint {
  let y = 0n;
  for (let i = f.length - 1; i >= 0; i--) y = ((y * X) >> s) + (f[i]! << s);
  return y;
}

function floorDiv(a: bigint, b: bigint): bigint {
  // b > 0
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return -floorDiv(-a, b);
}

/**
 * Refines until hi - lo <= 2^-bits: Newton's iteration in fixed-point arithmetic from the midpoint,
 * each result verified exactly by a sign change of poly inside the isolating interval; bisection
 * steps when Newton does not (yet) converge, with more guard bits after each failure.
 */
export function refineRootToBits(root: RealRoot, bits: number): RealRoot {
  let r = root;
  const f = r.poly;
  const df = intDerivative(f);
  const n = f.length - 1;
  let maxCoeff = 0n;
  for (const c of f) if (bigAbs(c) > maxCoeff) maxCoeff = bigAbs(c);
  let guard = bitLength(maxCoeff) + n * bitLength(magnitudeBound(r)) + 16;
  const narrowEnough = (x: RealRoot) => {
    if (QQ.eq(x.lo, x.hi)) return true;
    const w = QQ.sub(x.hi, x.lo);
    return w.num << BigInt(bits) <= w.den;
  };
  for (let attempt = 0; !narrowEnough(r); attempt++) {
    const s = BigInt(bits + 32 + guard);
    const window = 1n << BigInt(guard + 8);
    const loX = floorDiv(r.lo.num << s, r.lo.den);
    const hiX = ceilDiv(r.hi.num << s, r.hi.den);
    let X = (loX + hiX) >> 1n;
    let converged = false;
    for (let it = 0; it < 200; it++) {
      const D = fixedPointValue(df, X, s);
      if (D === 0n) break;
      const delta = (fixedPointValue(f, X, s) << s) / D;
      X -= delta;
      if (X <= loX || X >= hiX) break;
      if (bigAbs(delta) <= window) {
        converged = true;
        break;
      }
    }
    if (converged) {
      // Endpoints rounded outwards to 2^-(bits+2), so that later evaluations stay short.
      const drop = s - BigInt(bits + 2);
      const a = rat((X - window) >> drop, 1n << BigInt(bits + 2));
      const b = rat(-((-(X + window)) >> drop), 1n << BigInt(bits + 2));
      if (compareRat(r.lo, a) < 0 && compareRat(b, r.hi) < 0) {
        const sa = fastSignAt(f, a);
        const sb = fastSignAt(f, b);
        if (sa === 0) return { poly: f, lo: a, hi: a };
        if (sb === 0) return { poly: f, lo: b, hi: b };
        if (sa !== sb) {
          r = { poly: f, lo: a, hi: b };
          continue;
        }
      }
    }
    r = refineRootSteps(r, 4);
    guard += 32;
    if (attempt > 64) guard = Math.min(guard, 4096);
  }
  return r;
}

/** Sign comparison of two rationals. */
function sgn(x: Rat): number {
  return x.num > 0n ? 1 : x.num < 0n ? -1 : 0;
}

/** True when q(θ) = 0 exactly, for θ the root isolated by `root`. */
export function isZeroAtRoot(root: RealRoot, q: readonly (bigint | Rat)[]): boolean {
  const qi = integerPoly(q as (bigint | Rat)[]);
  if (qi.length === 0) return true;
  if (QQ.eq(root.lo, root.hi)) return signAt(qi, root.lo) === 0;
  const g = intGcd(root.poly, qi);
  if (g.length <= 1) return false;
  // g divides poly, so it has at most the one root θ in (lo, hi), simple, and no root at lo or hi.
  return fastSignAt(g, root.lo) * fastSignAt(g, root.hi) < 0;
}

/** An integer M >= max(|lo|, |hi|). */
function magnitudeBound(root: RealRoot): bigint {
  const ceilAbs = (x: Rat) => (bigAbs(x.num) + x.den - 1n) / x.den;
  const a = ceilAbs(root.lo);
  const b = ceilAbs(root.hi);
  return a > b ? a : b;
}

/** Σ k |q_k| M^(k-1): a Lipschitz constant of q on [-M, M]. */
function lipschitzBound(q: IntPoly, M: bigint): bigint {
  let s = 0n;
  let power = 1n;
  for (let k = 1; k < q.length; k++) {
    s += BigInt(k) * bigAbs(q[k]!) * power;
    power *= M;
  }
  return s;
}

/**
 * q(θ)/den at scale 2^S: q(θ)/den ∈ [value - radius, value + 1 + radius] / 2^S, from the exact value
 * at lo (floored) and the Lipschitz bound L of q on the interval (radius = ceil(L·(hi-lo)·2^S/den)).
 */
function fixedPointEnclosure(q: IntPoly, den: bigint, L: bigint, r: RealRoot, S: number, M1: bigint): { value: bigint; radius: bigint } {
  const n = q.length - 1;
  // Horner's error at scale 2^s2 is below E units. The start point x̃ = X/2^s2 is lo itself when lo is
  // a dyadic rational with at most s2 bits after the point (the usual case), else within 2^-s2 of lo.
  const E = BigInt(Math.max(n, 1)) * M1 ** BigInt(Math.max(n - 1, 0)) + 1n;
  const extra = bitLength(E) + 4;
  const k = bitLength(r.lo.den) - 1;
  const dyadic = r.lo.den === 1n << BigInt(k);
  const s2 = BigInt(Math.max(S + extra, dyadic ? k : 0));
  const X = floorDiv(r.lo.num << s2, r.lo.den);
  const y = fixedPointValue(q, X, s2);
  const w = QQ.sub(r.hi, r.lo);
  const error = E + ceilDiv((L * w.num) << s2, w.den) + (dyadic ? 0n : L);
  const unit = den << (s2 - BigInt(S));
  return { value: floorDiv(y, unit), radius: ceilDiv(error, unit) };
}

/**
 * Exact signs of q_j(θ) for several polynomials q_j (integer or rational coefficients): zero is
 * decided by a gcd, other signs by refining θ until an enclosure of q_j excludes 0. Returns the signs
 * and the refined root.
 */
export function signsAtRoot(root: RealRoot, qs: readonly (readonly (bigint | Rat)[])[]): { signs: number[]; root: RealRoot } {
  let r = root;
  const signs: number[] = [];
  for (const q of qs) {
    const qi = integerPoly(q as (bigint | Rat)[]);
    if (qi.length === 0) {
      signs.push(0);
      continue;
    }
    if (QQ.eq(r.lo, r.hi)) {
      signs.push(signAt(qi, r.lo));
      continue;
    }
    if (isZeroAtRoot(r, qi)) {
      signs.push(0);
      continue;
    }
    const M1 = magnitudeBound(r) + 1n;
    const L = lipschitzBound(qi, M1);
    let S = 16;
    for (;;) {
      r = refineRootToBits(r, S + bitLength(L) + 2);
      if (QQ.eq(r.lo, r.hi)) {
        signs.push(signAt(qi, r.lo));
        break;
      }
      const { value, radius } = fixedPointEnclosure(qi, 1n, L, r, S, M1);
      if (value - radius > 0n) {
        signs.push(1);
        break;
      }
      if (value + 1n + radius < 0n) {
        signs.push(-1);
        break;
      }
      S *= 2;
    }
  }
  return { signs, root: r };
}

/** The exact sign of q(θ). */
export function signAtRoot(root: RealRoot, q: readonly (bigint | Rat)[]): number {
  return signsAtRoot(root, [q]).signs[0]!;
}

// =============================================================================================
// Decimal output with exact rounding.

/** A decimal rounding: the value n · 10^(exponent - digits + 1) with |n| having exactly `digits` digits. */
interface Rounded {
  readonly n: bigint;
  readonly exponent: number;
}

function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

/** x != 0 rounded to `digits` significant digits, half away from zero. */
function roundSignificant(x: Rat, digits: number): Rounded {
  const negative = x.num < 0n;
  const a = bigAbs(x.num);
  const b = x.den;
  let e = a.toString().length - b.toString().length;
  // 10^e <= a/b < 10^(e+1)
  if (e >= 0 ? a < b * pow10(e) : a * pow10(-e) < b) e--;
  const s = digits - 1 - e;
  const num = s >= 0 ? a * pow10(s) : a;
  const den = s >= 0 ? b : b * pow10(-s);
  let n = (2n * num + den) / (2n * den);
  if (n === pow10(digits)) {
    n = pow10(digits - 1);
    e++;
  }
  return { n: negative ? -n : n, exponent: e };
}

function roundedValue(r: Rounded, digits: number): Rat {
  const k = r.exponent - digits + 1;
  return k >= 0 ? rat(r.n * pow10(k)) : rat(r.n, pow10(-k));
}

function roundedText(r: Rounded, digits: number): string {
  if (r.n === 0n) return '0';
  const negative = r.n < 0n;
  let ds = bigAbs(r.n).toString().padStart(digits, '0');
  ds = ds.replace(/0+$/, '');
  if (ds === '') ds = '0';
  const e = r.exponent;
  let body: string;
  if (e >= -7 && e < 21) {
    if (e >= 0) {
      const intPart = ds.length > e + 1 ? ds.slice(0, e + 1) : ds.padEnd(e + 1, '0');
      const frac = ds.length > e + 1 ? ds.slice(e + 1) : '';
      body = frac === '' ? intPart : `${intPart}.${frac}`;
    } else {
      body = `0.${'0'.repeat(-e - 1)}${ds}`;
    }
  } else {
    body = ds.length > 1 ? `${ds[0]}.${ds.slice(1)}e${e >= 0 ? '+' : ''}${e}` : `${ds}e${e >= 0 ? '+' : ''}${e}`;
  }
  return negative ? `-${body}` : body;
}

/**
 * The decimal text of a rational with `digits` significant digits, rounded half away from zero;
 * trailing zeros are dropped (so exact values print short: `0.5`, `2`), positional notation for
 * exponents in [-7, 21), scientific (`1.5e-9`) outside.
 */
export function formatDecimal(x: Rat, digits: number): string {
  if (!Number.isInteger(digits) || digits < 1) throw new MathError('bad-digits', `the number of digits must be a positive integer, got ${digits}`);
  if (x.num === 0n) return '0';
  return roundedText(roundSignificant(x, digits), digits);
}

/**
 * q(θ) (a polynomial in θ with rational or integer coefficients) to `digits` significant digits,
 * rounded exactly: the enclosure [q(lo) - L·w, q(lo) + L·w] (L a Lipschitz bound of q on the initial
 * interval, w its width) is shrunk by refining θ until both ends round alike; a value equal to 0 or to
 * a rounding boundary is recognised exactly.
 */
export function algebraicToDecimal(root: RealRoot, q: readonly (bigint | Rat)[], digits: number): string {
  return rationalFunctionToDecimal(root, q, undefined, digits).text;
}

/** Like algebraicToDecimal, and also returns the refined root (to pass on to the next evaluation at θ). */
export function algebraicToDecimalRefining(root: RealRoot, q: readonly (bigint | Rat)[], digits: number): { text: string; root: RealRoot } {
  return rationalFunctionToDecimal(root, q, undefined, digits);
}

/** An integer polynomial and a positive integer d with q = poly / d. */
function integerWithDenominator(q: readonly (bigint | Rat)[]): { poly: bigint[]; den: bigint } {
  let den = 1n;
  const rs = q.map((c) => (typeof c === 'object' ? c : { num: c, den: 1n }));
  for (const c of rs) den = bigLcm(den, c.den);
  return { poly: trimInt(rs.map((c) => c.num * (den / c.den))), den };
}

/** Interval quotient [a0, a1] / [b0, b1] for 0 < b0 <= b1. */
function divideIntervals(a0: Rat, a1: Rat, b0: Rat, b1: Rat): [Rat, Rat] {
  const lower = QQ.div(a0, a0.num >= 0n ? b1 : b0);
  const upper = QQ.div(a1, a1.num >= 0n ? b0 : b1);
  return [lower, upper];
}

/**
 * p(θ)/q(θ) (q = 1 when omitted) to `digits` significant digits, rounded exactly; returns the text
 * and the refined root. Enclosures of p(θ) and q(θ) at scale 2^S come from the exact value at lo and
 * Lipschitz bounds; θ is refined (Newton, verified) until both ends of the quotient's enclosure round
 * alike. A value equal to 0 or to a rounding boundary β is recognised exactly (p - β·q vanishes at θ).
 * MathError('division-by-zero') when q(θ) = 0.
 */
export function rationalFunctionToDecimal(
  root: RealRoot,
  numerator: readonly (bigint | Rat)[],
  denominator: readonly (bigint | Rat)[] | undefined,
  digits: number,
): { text: string; root: RealRoot } {
  if (!Number.isInteger(digits) || digits < 1) throw new MathError('bad-digits', `the number of digits must be a positive integer, got ${digits}`);
  const { poly: P, den: dp } = integerWithDenominator(numerator);
  const { poly: Q, den: dq } = integerWithDenominator(denominator ?? [1n]);
  let r = root;
  if (Q.length === 0) throw new MathError('division-by-zero', 'division by the zero polynomial');
  const exactValue = (x: Rat) => {
    const d = QQ.div(evaluateInt(Q, x), QQ.fromBigInt(dq));
    if (d.num === 0n) throw new MathError('division-by-zero', 'the denominator vanishes at the root');
    return QQ.div(QQ.div(evaluateInt(P, x), QQ.fromBigInt(dp)), d);
  };
  if (P.length === 0) return { text: '0', root: r };
  if (QQ.eq(r.lo, r.hi)) return { text: formatDecimal(exactValue(r.lo), digits), root: r };
  // θ itself: the enclosure is the isolating interval.
  const identity = Q.length === 1 && Q[0] === dq && P.length === 2 && P[0] === 0n && P[1] === dp;
  const M1 = magnitudeBound(r) + 1n;
  const LP = lipschitzBound(P, M1);
  const LQ = lipschitzBound(Q, M1);
  const constantDenominator = Q.length === 1;
  let zeroChecked = false;
  let denominatorChecked = false;
  let testedBoundary: Rat | undefined;
  let S = Math.ceil(digits * 3.33) + 16;
  for (;;) {
    r = refineRootToBits(r, identity ? S : S + bitLength(LP > LQ ? LP : LQ) + 2);
    if (QQ.eq(r.lo, r.hi)) return { text: formatDecimal(exactValue(r.lo), digits), root: r };
    let A: Rat, B: Rat;
    if (identity) {
      A = r.lo;
      B = r.hi;
    } else {
      const unit = 1n << BigInt(S);
      const np = fixedPointEnclosure(P, dp, LP, r, S, M1);
      const n0 = rat(np.value - np.radius, unit);
      const n1 = rat(np.value + 1n + np.radius, unit);
      if (constantDenominator) {
        const c = rat(Q[0]!, dq);
        [A, B] = c.num > 0n ? [QQ.div(n0, c), QQ.div(n1, c)] : [QQ.div(n1, c), QQ.div(n0, c)];
      } else {
        const nq = fixedPointEnclosure(Q, dq, LQ, r, S, M1);
        const d0 = rat(nq.value - nq.radius, unit);
        const d1 = rat(nq.value + 1n + nq.radius, unit);
        if (d0.num <= 0n && d1.num >= 0n) {
          if (!denominatorChecked) {
            denominatorChecked = true;
            if (isZeroAtRoot(r, Q)) throw new MathError('division-by-zero', 'the denominator vanishes at the root');
          }
          S *= 2;
          continue;
        }
        [A, B] = d0.num > 0n ? divideIntervals(n0, n1, d0, d1) : divideIntervals(QQ.neg(n1), QQ.neg(n0), QQ.neg(d1), QQ.neg(d0));
      }
    }
    if (sgn(A) <= 0 && sgn(B) >= 0) {
      if (!zeroChecked) {
        zeroChecked = true;
        if (isZeroAtRoot(r, P)) return { text: '0', root: r };
      }
      S *= 2;
      continue;
    }
    const ra = roundSignificant(A, digits);
    const rb = roundSignificant(B, digits);
    if (ra.n === rb.n && ra.exponent === rb.exponent) return { text: roundedText(ra, digits), root: r };
    // Both ends round differently: a rounding boundary β lies in (A, B]. Check once whether the
    // value is β exactly (then round β itself), otherwise refine further.
    const negative = sgn(A) < 0;
    const lower = negative ? roundSignificant(QQ.neg(B), digits) : ra;
    const k = lower.exponent - digits + 1;
    const ulp = k >= 0 ? rat(pow10(k)) : rat(1n, pow10(-k));
    const beta0 = QQ.add(roundedValue({ n: bigAbs(lower.n), exponent: lower.exponent }, digits), QQ.mul(rat(1n, 2n), ulp));
    const beta = negative ? QQ.neg(beta0) : beta0;
    if (compareRat(A, beta) <= 0 && compareRat(beta, B) <= 0 && (!testedBoundary || !QQ.eq(testedBoundary, beta))) {
      testedBoundary = beta;
      // p/dp - β·q/dq = 0 at θ  <=>  P·dq·β.den - β.num·dp·Q = 0 at θ.
      const n = Math.max(P.length, Q.length);
      const shifted: bigint[] = [];
      for (let i = 0; i < n; i++) shifted.push((P[i] ?? 0n) * dq * beta.den - beta.num * dp * (Q[i] ?? 0n));
      if (isZeroAtRoot(r, trimInt(shifted))) return { text: formatDecimal(beta, digits), root: r };
    }
    S += Math.max(32, S >> 1);
  }
}

/** The root θ to `digits` significant digits (exact rounding). */
export function rootToDecimal(root: RealRoot, digits: number): string {
  return algebraicToDecimal(root, [0n, 1n], digits);
}

/** All distinct real roots of f, increasing, each to `digits` significant digits. */
export function rootsToDigits(f: readonly (bigint | Rat)[], digits: number): string[] {
  return isolateRealRoots(f).map((r) => rootToDecimal(r, digits));
}
