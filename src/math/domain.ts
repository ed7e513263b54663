// The domain layer: one hierarchy for every coefficient domain of the engine, after SymPy's polys
// domains and Symbolica's ring traits.
//
// Representation. A domain is an object that does the arithmetic; its elements are plain data
// (`Rat` for QQ, numbers or bigints for GF(p), bigints for ZZ, `Residue` for Q[T]/(m)). `Ring<E>`
// is a commutative ring with 1; `Field<E>` extends it with division. Besides the operations, each
// domain states its capabilities as data:
//
//   kind             what it is: 'rationals', 'integers', 'prime-field', 'residue-ring', 'extension',
//                    'rational-functions' (QQ(t), fraction-field.ts)
//   elements         how elements are stored: 'rational' (Rat), 'word' (a number below 2^27, so
//                    products are exact in doubles), 'bigint', 'opaque' (anything else)
//   characteristic   0n or the prime p
//   exact            arithmetic is exact (no rounding)
//   ordered          a total order compatible with + and · exists and `isNegative` is the sign
//   isField          every non-zero element has an inverse (`Field<E>`)
//
// Code above this module never compares a domain with a particular object (`=== QQ`) or class
// (`instanceof`): it asks the predicates below (`isRationalField`, `isWordPrimeField`,
// `isField`), which read only these flags. So adding QQ(i) or another algebraic
// extension means writing one more class that implements `Field<E>` with its flags (here and in
// field.ts) and teaching the printer its elements; Gröbner bases (Buchberger), normal forms, linear
// algebra and characteristic polynomials then work over it unchanged, and the engines that need more
// (F4: word-size primes; the multi-modular algorithm and real-root code: the rationals) decline it
// by their capability check.
import type { Rat } from './field.js';

export type DomainKind = 'rationals' | 'integers' | 'prime-field' | 'residue-ring' | 'extension' | 'rational-functions';
export type ElementStorage = 'rational' | 'word' | 'bigint' | 'opaque';

/** A commutative ring with 1; the domain object does the arithmetic, elements are plain data. */
export interface Ring<E> {
  /** Display name: "QQ", "GF(p)", "ZZ", "QQ[T]/(m)". */
  readonly name: string;
  readonly kind: DomainKind;
  readonly elements: ElementStorage;
  /** 0n in characteristic zero, p for GF(p). */
  readonly characteristic: bigint;
  readonly exact: boolean;
  readonly ordered: boolean;
  readonly isField: boolean;
  readonly zero: E;
  readonly one: E;
  add(a: E, b: E): E;
  sub(a: E, b: E): E;
  neg(a: E): E;
  mul(a: E, b: E): E;
  isZero(a: E): boolean;
  isOne(a: E): boolean;
  eq(a: E, b: E): boolean;
  fromBigInt(n: bigint): E;
  /** Canonical text: `3`, `-1/2`; over GF(p) the symmetric range (-p/2, p/2]. */
  toString(a: E): string;
  /** True when the canonical text of a starts with a minus sign (used when printing a - b). */
  isNegative(a: E): boolean;
  /** The text of the term c·m when it is not `c*m` (rational functions: `x/(t - 1)`); c is the absolute value. */
  termText?(c: E, mono: string): string;
}

/** A ring with exact division: a / b when b is known to divide a (ZZ; used by fraction-free elimination). */
export interface ExactDivisionRing<E> extends Ring<E> {
  divExact(a: E, b: E): E;
}

/** A field: a Ring whose non-zero elements are invertible. */
export interface Field<E> extends Ring<E> {
  readonly isField: true;
  /** throws MathError('division-by-zero') on zero */
  inv(a: E): E;
  div(a: E, b: E): E;
  /** num/den into the field; throws when den vanishes in the field */
  fromRational(num: bigint, den: bigint): E;
}

/** GF(p) with elements stored as numbers in [0, p), p small enough for exact double products. */
export interface WordPrimeField extends Field<number> {
  readonly kind: 'prime-field';
  readonly elements: 'word';
  readonly p: number;
}

/** The rationals with elements `Rat` (what the multi-modular engine and real-root code need). */
export function isRationalField(F: Ring<unknown>): F is Field<Rat> {
  return F.kind === 'rationals' && F.elements === 'rational' && F.isField;
}

/** A prime field on word-size numbers (what F4's dense Float64 kernels need). */
export function isWordPrimeField(F: Ring<unknown>): F is WordPrimeField {
  return F.kind === 'prime-field' && F.elements === 'word' && F.isField && typeof (F as { p?: unknown }).p === 'number';
}

export function isField<E>(R: Ring<E>): R is Field<E> {
  return R.isField;
}

/** a^k (k a non-negative integer) by repeated squaring, in any ring given by its one and product. */
export function power<E>(one: E, mul: (a: E, b: E) => E, a: E, k: number): E {
  let result = one;
  let base = a;
  while (k > 0) {
    if (k & 1) result = mul(result, base);
    k >>= 1;
    if (k > 0) base = mul(base, base);
  }
  return result;
}
