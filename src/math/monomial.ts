// Monomials and monomial orders. A monomial is an Int32Array of exponents, one per variable, in the
// ring's variable order. An order is a total, multiplicative well-order given by a comparator:
// compare(a, b) > 0 when a is larger. Orders: lex, grevlex, weighted (weight vector, ties by grevlex)
// and block orders (a sequence of blocks, each with its own order; the first block dominates, so a
// block order eliminates the variables of its first block).
//
// Exponent bound: every monomial made here has total degree at most MAX_DEGREE = 2^31 - 1, so each
// exponent and the total degree fit an Int32 slot; products are checked (monomialMul) and throw a
// MathError('too-large') instead of wrapping around. Kernels that pack exponents themselves (F4's
// monomial table) check the sum of total degrees against MAX_DEGREE before adding.
import { MathError } from './errors.js';

export type Monomial = Int32Array;

export type OrderSpec =
  | { readonly kind: 'lex' }
  | { readonly kind: 'grevlex' }
  | { readonly kind: 'weighted'; readonly weights: readonly number[] }
  | { readonly kind: 'block'; readonly blocks: readonly { readonly size: number; readonly order: 'lex' | 'grevlex' }[] };

export interface MonomialOrder {
  readonly spec: OrderSpec;
  readonly compare: (a: Monomial, b: Monomial) => number;
}

export function totalDegree(m: Monomial): number {
  let d = 0;
  for (let i = 0; i < m.length; i++) d += m[i]!;
  return d;
}

function lexRange(a: Monomial, b: Monomial, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

function grevlexRange(a: Monomial, b: Monomial, from: number, to: number): number {
  let da = 0, db = 0;
  for (let i = from; i < to; i++) {
    da += a[i]!;
    db += b[i]!;
  }
  if (da !== db) return da - db;
  for (let i = to - 1; i >= from; i--) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return -d;
  }
  return 0;
}

export function makeOrder(spec: OrderSpec, nvars: number): MonomialOrder {
  switch (spec.kind) {
    case 'lex':
      return { spec, compare: (a, b) => lexRange(a, b, 0, nvars) };
    case 'grevlex':
      return { spec, compare: (a, b) => grevlexRange(a, b, 0, nvars) };
    case 'weighted': {
      const w = spec.weights;
      if (w.length !== nvars) throw new MathError('bad-order', `a weighted order needs ${nvars} weights, got ${w.length}`);
      return {
        spec,
        compare: (a, b) => {
          let d = 0;
          for (let i = 0; i < nvars; i++) d += w[i]! * (a[i]! - b[i]!);
          return d !== 0 ? d : grevlexRange(a, b, 0, nvars);
        },
      };
    }
    case 'block': {
      const bounds: [number, number, 'lex' | 'grevlex'][] = [];
      let start = 0;
      for (const block of spec.blocks) {
        bounds.push([start, start + block.size, block.order]);
        start += block.size;
      }
      if (start !== nvars) throw new MathError('bad-order', `the blocks cover ${start} variables, the ring has ${nvars}`);
      return {
        spec,
        compare: (a, b) => {
          for (const [from, to, order] of bounds) {
            const d = order === 'lex' ? lexRange(a, b, from, to) : grevlexRange(a, b, from, to);
            if (d !== 0) return d;
          }
          return 0;
        },
      };
    }
  }
}

/** The largest total degree (hence exponent) a monomial may have: the largest Int32. */
export const MAX_DEGREE = 2 ** 31 - 1;

/** The error for a monomial of total degree `degree` > MAX_DEGREE (never a wrapped exponent). */
export function degreeOverflow(degree: number | bigint): MathError {
  return new MathError('too-large', `a monomial of degree ${degree} is beyond the largest degree ${MAX_DEGREE} that exponents can hold`);
}

/** a * b; a MathError when the product's total degree exceeds MAX_DEGREE (no wrap-around). */
export function monomialMul(a: Monomial, b: Monomial): Monomial {
  const r = new Int32Array(a.length);
  let degree = 0;
  for (let i = 0; i < a.length; i++) {
    const e = a[i]! + b[i]!;
    degree += e;
    r[i] = e;
  }
  if (degree > MAX_DEGREE) throw degreeOverflow(degree);
  return r;
}

/** m^k; a MathError when its total degree exceeds MAX_DEGREE. */
export function monomialPow(m: Monomial, k: number): Monomial {
  const degree = totalDegree(m) * k;
  if (!Number.isSafeInteger(degree) || degree > MAX_DEGREE) throw degreeOverflow(BigInt(totalDegree(m)) * BigInt(k));
  return m.map((e) => e * k);
}

/** a / b, assuming b divides a. */
export function monomialDiv(a: Monomial, b: Monomial): Monomial {
  const r = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i]! - b[i]!;
  return r;
}

export function divides(b: Monomial, a: Monomial): boolean {
  for (let i = 0; i < a.length; i++) if (b[i]! > a[i]!) return false;
  return true;
}

export function monomialLcm(a: Monomial, b: Monomial): Monomial {
  const r = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = Math.max(a[i]!, b[i]!);
  return r;
}

/** True when gcd(a, b) = 1 (Buchberger's product criterion). */
export function coprime(a: Monomial, b: Monomial): boolean {
  for (let i = 0; i < a.length; i++) if (a[i]! > 0 && b[i]! > 0) return false;
  return true;
}

export function monomialEquals(a: Monomial, b: Monomial): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A string key for hashing a monomial in a Map. */
export function monomialKey(m: Monomial): string {
  return m.join(',');
}
