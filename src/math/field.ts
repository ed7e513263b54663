// The concrete domains of the domain layer (domain.ts: the Ring/Field interfaces and their capability
// flags): QQ on bigint-backed rationals, GF(p) on plain numbers for p < 94,906,265 (so that
// (p-1)^2 < 2^53 and products are exact in doubles) and on bigints for larger primes, and the
// integers ZZ (the fraction-free coefficients of reduction over QQ). Primality by Miller–Rabin.
import type { DomainKind, ElementStorage, ExactDivisionRing, Field } from './domain.js';
import { MathError } from './errors.js';
import { bigAbs, bigGcd } from './integers.js';

export type { Field, Ring } from './domain.js';

// ---------------------------------------------------------------------------------------------
// QQ: exact rationals. Invariant: den > 0, gcd(num, den) = 1, zero is 0/1.

export interface Rat {
  readonly num: bigint;
  readonly den: bigint;
}

export function rat(num: bigint, den: bigint = 1n): Rat {
  if (den === 0n) throw new MathError('division-by-zero', 'division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  if (den === 1n) return { num, den };
  const g = bigGcd(num, den);
  return g === 1n ? { num, den } : { num: num / g, den: den / g };
}

const RAT_ZERO: Rat = { num: 0n, den: 1n };
const RAT_ONE: Rat = { num: 1n, den: 1n };

class RationalField implements Field<Rat> {
  readonly name = 'QQ';
  readonly kind: DomainKind = 'rationals';
  readonly elements: ElementStorage = 'rational';
  readonly characteristic = 0n;
  readonly exact = true;
  readonly ordered = true;
  readonly isField = true;
  readonly zero = RAT_ZERO;
  readonly one = RAT_ONE;
  add(a: Rat, b: Rat): Rat {
    if (a.den === 1n && b.den === 1n) return { num: a.num + b.num, den: 1n };
    return rat(a.num * b.den + b.num * a.den, a.den * b.den);
  }
  sub(a: Rat, b: Rat): Rat {
    if (a.den === 1n && b.den === 1n) return { num: a.num - b.num, den: 1n };
    return rat(a.num * b.den - b.num * a.den, a.den * b.den);
  }
  neg(a: Rat): Rat {
    return { num: -a.num, den: a.den };
  }
  mul(a: Rat, b: Rat): Rat {
    if (a.den === 1n && b.den === 1n) return { num: a.num * b.num, den: 1n };
    return rat(a.num * b.num, a.den * b.den);
  }
  inv(a: Rat): Rat {
    if (a.num === 0n) throw new MathError('division-by-zero', 'division by zero');
    return a.num < 0n ? { num: -a.den, den: -a.num } : { num: a.den, den: a.num };
  }
  div(a: Rat, b: Rat): Rat {
    return this.mul(a, this.inv(b));
  }
  isZero(a: Rat): boolean {
    return a.num === 0n;
  }
  isOne(a: Rat): boolean {
    return a.num === 1n && a.den === 1n;
  }
  eq(a: Rat, b: Rat): boolean {
    return a.num === b.num && a.den === b.den;
  }
  fromBigInt(n: bigint): Rat {
    return { num: n, den: 1n };
  }
  fromRational(num: bigint, den: bigint): Rat {
    return rat(num, den);
  }
  toString(a: Rat): string {
    return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
  }
  isNegative(a: Rat): boolean {
    return a.num < 0n;
  }
}

export const QQ: Field<Rat> = new RationalField();

export function compareRat(a: Rat, b: Rat): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// GF(p), p < 94,906,265: elements are numbers in [0, p).

/** The largest p for which (p-1)^2 < 2^53, so that a*b is exact in a double. */
export const SMALL_PRIME_LIMIT = 94_906_265;

export class SmallPrimeField implements Field<number> {
  readonly name: string;
  readonly kind = 'prime-field';
  readonly elements = 'word';
  readonly characteristic: bigint;
  readonly exact = true;
  readonly ordered = false;
  readonly isField = true;
  readonly zero = 0;
  readonly one = 1;
  constructor(readonly p: number) {
    if (!Number.isInteger(p) || p < 2 || p >= SMALL_PRIME_LIMIT) {
      throw new MathError('bad-prime', `GF(${p}): the small-prime field needs a prime below ${SMALL_PRIME_LIMIT}`);
    }
    this.name = `GF(${p})`;
    this.characteristic = BigInt(p);
  }
  add(a: number, b: number): number {
    const s = a + b;
    return s >= this.p ? s - this.p : s;
  }
  sub(a: number, b: number): number {
    const s = a - b;
    return s < 0 ? s + this.p : s;
  }
  neg(a: number): number {
    return a === 0 ? 0 : this.p - a;
  }
  mul(a: number, b: number): number {
    return (a * b) % this.p;
  }
  inv(a: number): number {
    if (a === 0) throw new MathError('division-by-zero', 'division by zero');
    return invModNumber(a, this.p);
  }
  div(a: number, b: number): number {
    return this.mul(a, this.inv(b));
  }
  isZero(a: number): boolean {
    return a === 0;
  }
  isOne(a: number): boolean {
    return a === 1;
  }
  eq(a: number, b: number): boolean {
    return a === b;
  }
  fromBigInt(n: bigint): number {
    const r = Number(n % this.characteristic);
    return r < 0 ? r + this.p : r;
  }
  fromRational(num: bigint, den: bigint): number {
    const d = this.fromBigInt(den);
    if (d === 0) throw new MathError('division-by-zero', `the denominator ${den} vanishes in ${this.name}`);
    return this.mul(this.fromBigInt(num), this.inv(d));
  }
  /** The symmetric representative in (-p/2, p/2]. */
  symmetric(a: number): number {
    return a > this.p / 2 ? a - this.p : a;
  }
  toString(a: number): string {
    return String(this.symmetric(a));
  }
  isNegative(a: number): boolean {
    return this.symmetric(a) < 0;
  }
}

/** Inverse of a modulo p (a != 0 mod p) by the extended Euclidean algorithm on doubles. */
export function invModNumber(a: number, p: number): number {
  let r0 = p, r1 = a % p;
  if (r1 < 0) r1 += p;
  let s0 = 0, s1 = 1;
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1) throw new MathError('division-by-zero', `${a} is not invertible modulo ${p}`);
  return s0 < 0 ? s0 + p : s0;
}

// ---------------------------------------------------------------------------------------------
// Domains whose elements are canonical bigints (ZZ, GF(p) for large p): equal elements are equal
// bigints, so the tests are the same.

abstract class BigIntElements {
  readonly elements: ElementStorage = 'bigint';
  readonly exact = true;
  readonly zero = 0n;
  readonly one = 1n;
  isZero(a: bigint): boolean {
    return a === 0n;
  }
  isOne(a: bigint): boolean {
    return a === 1n;
  }
  eq(a: bigint, b: bigint): boolean {
    return a === b;
  }
}

// ---------------------------------------------------------------------------------------------
// GF(p) for large p: bigint elements in [0, p).

export class LargePrimeField extends BigIntElements implements Field<bigint> {
  readonly name: string;
  readonly kind: DomainKind = 'prime-field';
  readonly ordered = false;
  readonly isField = true;
  constructor(readonly characteristic: bigint) {
    super();
    if (characteristic < 2n) throw new MathError('bad-prime', `GF(${characteristic}) needs a prime`);
    this.name = `GF(${characteristic})`;
  }
  private mod(a: bigint): bigint {
    const r = a % this.characteristic;
    return r < 0n ? r + this.characteristic : r;
  }
  add(a: bigint, b: bigint): bigint {
    const s = a + b;
    return s >= this.characteristic ? s - this.characteristic : s;
  }
  sub(a: bigint, b: bigint): bigint {
    const s = a - b;
    return s < 0n ? s + this.characteristic : s;
  }
  neg(a: bigint): bigint {
    return a === 0n ? 0n : this.characteristic - a;
  }
  mul(a: bigint, b: bigint): bigint {
    return (a * b) % this.characteristic;
  }
  inv(a: bigint): bigint {
    if (a === 0n) throw new MathError('division-by-zero', 'division by zero');
    let r0 = this.characteristic, r1 = a;
    let s0 = 0n, s1 = 1n;
    while (r1 !== 0n) {
      const q = r0 / r1;
      [r0, r1] = [r1, r0 - q * r1];
      [s0, s1] = [s1, s0 - q * s1];
    }
    if (r0 !== 1n) throw new MathError('division-by-zero', `${a} is not invertible modulo ${this.characteristic}`);
    return this.mod(s0);
  }
  div(a: bigint, b: bigint): bigint {
    return this.mul(a, this.inv(b));
  }
  fromBigInt(n: bigint): bigint {
    return this.mod(n);
  }
  fromRational(num: bigint, den: bigint): bigint {
    const d = this.mod(den);
    if (d === 0n) throw new MathError('division-by-zero', `the denominator ${den} vanishes in ${this.name}`);
    return this.mul(this.mod(num), this.inv(d));
  }
  private symmetric(a: bigint): bigint {
    return 2n * a > this.characteristic ? a - this.characteristic : a;
  }
  override toString(a: bigint): string {
    return this.symmetric(a).toString();
  }
  isNegative(a: bigint): boolean {
    return this.symmetric(a) < 0n;
  }
}

// ---------------------------------------------------------------------------------------------
// ZZ: the integers as native bigints.

class IntegerRing extends BigIntElements implements ExactDivisionRing<bigint> {
  readonly name = 'ZZ';
  readonly kind: DomainKind = 'integers';
  readonly characteristic = 0n;
  readonly ordered = true;
  readonly isField = false;
  add(a: bigint, b: bigint): bigint {
    return a + b;
  }
  sub(a: bigint, b: bigint): bigint {
    return a - b;
  }
  neg(a: bigint): bigint {
    return -a;
  }
  mul(a: bigint, b: bigint): bigint {
    return a * b;
  }
  /** a / b for b dividing a (truncating otherwise). */
  divExact(a: bigint, b: bigint): bigint {
    return a / b;
  }
  fromBigInt(n: bigint): bigint {
    return n;
  }
  override toString(a: bigint): string {
    return a.toString();
  }
  isNegative(a: bigint): boolean {
    return a < 0n;
  }
}

export const ZZ: ExactDivisionRing<bigint> = new IntegerRing();

/** GF(p) for a prime p (checked): the fast number path when p is small enough. */
export function primeField(p: bigint | number): Field<number> | Field<bigint> {
  const big = BigInt(p);
  if (!isProbablePrime(big)) throw new MathError('bad-prime', `GF(${big}): ${big} is not a prime`);
  return big < BigInt(SMALL_PRIME_LIMIT) ? new SmallPrimeField(Number(big)) : new LargePrimeField(big);
}

/** Deterministic Miller–Rabin for n < 3.3e24 (first 13 prime bases), probabilistic beyond. */
export function isProbablePrime(n: bigint): boolean {
  if (n < 2n) return false;
  const small = [2n, 3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n];
  for (const q of small) {
    if (n === q) return true;
    if (n % q === 0n) return false;
  }
  let d = n - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  const powMod = (b: bigint, e: bigint): bigint => {
    let r = 1n;
    b %= n;
    while (e > 0n) {
      if (e & 1n) r = (r * b) % n;
      b = (b * b) % n;
      e >>= 1n;
    }
    return r;
  };
  outer: for (const a of small) {
    let x = powMod(a, d);
    if (x === 1n || x === n - 1n) continue;
    for (let i = 1; i < s; i++) {
      x = (x * x) % n;
      if (x === n - 1n) continue outer;
    }
    return false;
  }
  return true;
}

/** A prime drawn uniformly at random from [2^25, 2^26) (so that GF(p) arithmetic is exact in doubles). */
export function randomPrime(random: { int(lo: number, hi: number): number }): number {
  for (;;) {
    const p = random.int(2 ** 25, 2 ** 26 - 1) | 1;
    if (isProbablePrime(BigInt(p))) return p;
  }
}

export { bigAbs };
