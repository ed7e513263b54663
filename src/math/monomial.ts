// Monomials and monomial orders. A monomial is an Int32Array of exponents, one per variable, in the
// ring's variable order. An order is a total, multiplicative well-order given by a comparator:
// compare(a, b) > 0 when a is larger. Orders: lex, grevlex, weighted (weight vector, ties by grevlex)
// and block orders (a sequence of blocks, each with its own order; the first block dominates, so a
// block order eliminates the variables of its first block).
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

export function monomialMul(a: Monomial, b: Monomial): Monomial {
  const r = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) r[i] = a[i]! + b[i]!;
  return r;
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
