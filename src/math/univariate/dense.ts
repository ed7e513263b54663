// Dense univariate polynomials over any field of the domain layer.
//
// Representation (invariants): `E[]`, coefficients low degree first, no trailing (highest-degree)
// zero; the zero polynomial is `[]`. `UnivariateRing<E>` does the arithmetic over a `Field<E>` (QQ as
// Rat, GF(p) as number or bigint), following "the ring is an object, elements are plain data".
// Algorithms: schoolbook arithmetic, Euclid's gcd, and the square-free part (a / gcd(a, a') in
// characteristic 0; in characteristic p the factors of multiplicity divisible by p are recovered
// through p-th roots, as in K. O. Geddes, S. R. Czapor, G. Labahn, "Algorithms for Computer
// Algebra", 1992, §8.3).
//
// Over GF(p) with p < 2^26 (`SmallPrimeField`), products and divisions run on doubles with delayed
// reduction (the accumulation bound of F4's rows, ../groebner/f4-matrix.ts: up to
// floor((2^52 - p)/(p-1)^2) products of residues summed exactly before one reduction, 256 for the
// primes below 2^22 of the modular algorithms), instead of one `%` per term through the field object.
import type { Field } from '../domain.js';
import { MathError } from '../errors.js';
import { SmallPrimeField } from '../field.js';
import { delayedReductionBound, modReduce } from '../groebner/f4-matrix.js';
import type { Poly, PolyRing } from '../poly.js';
import { checkInterrupt } from '../progress.js';

/** p when F is GF(p) with p < 2^26 (the word kernels below apply), else 0. */
function wordPrime<E>(F: Field<E>): number {
  return F instanceof SmallPrimeField && F.p < 2 ** 26 ? F.p : 0;
}

/** Drops the high zeros of a Float64Array of residues into a number[]. */
function trimmed(a: Float64Array, n: number): number[] {
  while (n > 0 && a[n - 1] === 0) n--;
  return Array.from(a.subarray(0, n));
}

/** a·b over GF(p), p < 2^26, with delayed reduction. */
function mulWord(a: readonly number[], b: readonly number[], p: number): number[] {
  const delay = delayedReductionBound(p);
  const pinv = 1 / p;
  const n = a.length + b.length - 1;
  const r = new Float64Array(n);
  let pending = 0;
  for (let i = 0; i < a.length; i++) {
    if ((i & 63) === 63) checkInterrupt();
    const ai = a[i]!;
    if (ai !== 0) {
      for (let j = 0; j < b.length; j++) r[i + j] = r[i + j]! + ai * b[j]!;
      // Each entry gets at most one product per i.
      if (++pending === delay) {
        for (let k = 0; k < n; k++) r[k] = modReduce(r[k]!, p, pinv);
        pending = 0;
      }
    }
  }
  for (let k = 0; k < n; k++) r[k] = modReduce(r[k]!, p, pinv);
  return trimmed(r, n);
}

/** a = q·b + r over GF(p), p < 2^26, with delayed reduction (b non-zero, normalized). */
function divRemWord(a: readonly number[], b: readonly number[], p: number): { quotient: number[]; remainder: number[] } {
  const delay = delayedReductionBound(p);
  const pinv = 1 / p;
  const db = b.length - 1;
  const r = Float64Array.from(a);
  if (a.length - 1 < db) return { quotient: [], remainder: trimmed(r, a.length) };
  const q = new Float64Array(a.length - db);
  const inv = new SmallPrimeField(p).inv(b[db]!);
  const negB = Float64Array.from(b, (x) => (x === 0 ? 0 : p - x));
  let pending = 0;
  for (let k = a.length - 1; k >= db; k--) {
    if ((k & 63) === 0) checkInterrupt();
    // r[k] has received at most `pending` products since the last reduction.
    const c = modReduce(r[k]!, p, pinv);
    if (c === 0) continue;
    const f = modReduce(c * inv, p, pinv);
    q[k - db] = f;
    const base = k - db;
    for (let j = 0; j < db; j++) r[base + j] = r[base + j]! + f * negB[j]!;
    if (++pending === delay) {
      for (let t = 0; t < k; t++) r[t] = modReduce(r[t]!, p, pinv);
      pending = 0;
    }
  }
  for (let t = 0; t < db; t++) r[t] = modReduce(r[t]!, p, pinv);
  return { quotient: trimmed(q, q.length), remainder: trimmed(r, db) };
}

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
    const p = wordPrime(F);
    if (p > 0) return mulWord(a as readonly number[], b as readonly number[], p) as E[];
    const r = new Array<E>(a.length + b.length - 1).fill(F.zero);
    for (let i = 0; i < a.length; i++) {
      checkInterrupt();
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
      checkInterrupt();
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
    const p = wordPrime(F);
    if (p > 0) return divRemWord(a as readonly number[], b as readonly number[], p) as { quotient: E[]; remainder: E[] };
    const r = a.slice();
    const db = b.length - 1;
    if (r.length - 1 < db) return { quotient: [], remainder: this.normalize(r) };
    const q = new Array<E>(r.length - db).fill(F.zero);
    const inv = F.inv(b[db]!);
    for (let k = r.length - 1; k >= db; k--) {
      checkInterrupt();
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
      checkInterrupt();
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
      checkInterrupt();
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
