// The value of a NumberList literal (a long list of numbers read by the lexer in one pass): a lazy
// exact view of the compact form of grammar/numeric-list.ts (number k = m_k · 10^(−s_k), the mantissa
// an exact integer in a double, or its text when its digits do not fit). Each list of the literal is a
// list value whose items are made when a route first reads them (printing, ==, JSON, det, rank, ...)
// and kept; until then a 1000×500 literal costs 1001 small objects. Routes that read the doubles
// (float(M), through numberListFloats) take them straight from the mantissas (one correctly rounded
// division each) and never make the rationals. The exact values, when made, are rationals in lowest
// terms, in one pass without BigInt arithmetic where a double suffices:
//   - an integer |m| ≤ SHARED_INTEGERS is a shared, immutable number value (no allocation);
//   - m / 10^s with s ≤ 15 is reduced on doubles (exact on integers below 2^53): trailing zeros of m
//     cancel tens, then only twos or only fives can cancel; one BigInt per numerator and a cached
//     BigInt per denominator 2^a·5^b;
//   - anything else (long mantissas, large exponents) goes through decodeNumber, as a lone literal does.
import type { NumericListShape, NumericListValues } from '../../grammar/numeric-list.js';
import { numericListFloat } from '../../grammar/numeric-list.js';
import type { Dense } from '../math/dense/matrix.js';
import type { Rat } from '../math/field.js';
import { decodeNumber } from './build-ast.js';
import type { Value } from './values.js';

/** Integers in [−SHARED_INTEGERS, SHARED_INTEGERS] share one value each. */
const SHARED_INTEGERS = 1024;
const shared: Value[] = Array.from({ length: 2 * SHARED_INTEGERS + 1 }, (_, k) => ({
  kind: 'number',
  value: { num: BigInt(k - SHARED_INTEGERS), den: 1n },
}));
/** 10^s as a double, exact for s ≤ 15 (below 2^53), the range of the double route. */
const POWER_LIMIT = 15;
/** 2^a · 5^b as a BigInt at index a · (POWER_LIMIT + 1) + b, made when first needed. */
const denominators: (bigint | undefined)[] = new Array((POWER_LIMIT + 1) ** 2);

function denominator(twos: number, fives: number): bigint {
  const k = twos * (POWER_LIMIT + 1) + fives;
  return (denominators[k] ??= 2n ** BigInt(twos) * 5n ** BigInt(fives));
}

/**
 * m / 10^s in lowest terms for an integer |m| < 2^53 and 0 < s ≤ POWER_LIMIT: trailing zeros of m
 * cancel tens; what is left of m can share only twos or only fives with 10^s.
 */
function decimalRational(m: number, s: number): Rat {
  while (s > 0 && m % 10 === 0) {
    m /= 10;
    s--;
  }
  if (s === 0) return { num: BigInt(m), den: 1n };
  let twos = s, fives = s;
  if (m % 2 === 0) {
    while (twos > 0 && m % 2 === 0) {
      m /= 2;
      twos--;
    }
  } else {
    while (fives > 0 && m % 5 === 0) {
      m /= 5;
      fives--;
    }
  }
  return { num: BigInt(m), den: denominator(twos, fives) };
}

/** Number k as an exact rational in lowest terms (the placeholder 0 for an exponent parse.ts refused). */
export function numberListRational(v: NumericListValues, k: number): Rat {
  const m = v.mantissas[k]!;
  const s = v.scales[k]!;
  if (Number.isNaN(m)) {
    const text = v.texts.get(k)!;
    const negative = text.startsWith('-');
    const r = decodeNumber(negative ? text.slice(1) : text) ?? { num: 0n, den: 1n };
    return negative ? { num: -r.num, den: r.den } : r;
  }
  if (s === 0) return { num: BigInt(m), den: 1n };
  if (s > 0 && s <= POWER_LIMIT) return decimalRational(m, s);
  if (s < 0) {
    const p = 10 ** -s;
    const product = m * p;
    if (-s <= 22 && Number.isSafeInteger(product)) return { num: BigInt(product), den: 1n };
    return { num: BigInt(m) * 10n ** BigInt(-s), den: 1n };
  }
  // A long fraction of a short mantissa (s > 15): reduce in BigInts.
  let num = BigInt(m), den = 10n ** BigInt(s);
  let a = num < 0n ? -num : num, b = den;
  while (b !== 0n) [a, b] = [b, a % b];
  if (a > 1n) {
    num /= a;
    den /= a;
  }
  return { num, den };
}

function numberValue(v: NumericListValues, k: number): Value {
  const m = v.mantissas[k]!;
  if (v.scales[k] === 0 && m >= -SHARED_INTEGERS && m <= SHARED_INTEGERS) return shared[m + SHARED_INTEGERS]!;
  return { kind: 'number', value: numberListRational(v, k) };
}

/** The literal behind each matrix literal's value, for its doubles (numberListFloats). */
const literals = new WeakMap<Value, NumericListValues>();

/**
 * The list of `shape` whose items are made when first read: a list of lists of numbers costs one
 * small object per list until a route reads its entries (printing, ==, JSON, det, ...); then the
 * exact values are made once and kept. Routes that read the doubles (float(M)) never make them.
 */
function shapeValue(v: NumericListValues, shape: NumericListShape): Value {
  let items: Value[] | undefined;
  return {
    kind: 'list',
    get items(): readonly Value[] {
      return (items ??= shapeItems(v, shape));
    },
  };
}

function shapeItems(v: NumericListValues, shape: NumericListShape): Value[] {
  const out: Value[] = new Array(shape.length);
  for (let k = 0; k < shape.length; k++) {
    const item = shape[k]!;
    out[k] = typeof item === 'number' ? numberValue(v, item) : shapeValue(v, item);
  }
  return out;
}

/** Whether the literal is a matrix: rows of one length > 0, numbers only. */
function isMatrixShape(shape: NumericListShape): boolean {
  const first = shape[0];
  if (first === undefined || typeof first === 'number' || first.length === 0) return false;
  return shape.every((row) => typeof row !== 'number' && row.length === first.length && row.every((x) => typeof x === 'number'));
}

/** The value of a NumberList literal: nested lists of exact numbers. */
export function numberListValue(v: NumericListValues): Value {
  const value = shapeValue(v, v.shape);
  if (isMatrixShape(v.shape)) literals.set(value, v);
  return value;
}

/**
 * The entries as doubles (row-major) when `value` is a matrix literal's value itself (not a copy or
 * a result), each the double nearest the literal's decimal text; undefined otherwise.
 */
export function numberListFloats(value: Value): Dense | undefined {
  const v = literals.get(value);
  if (!v) return undefined;
  const rows = v.shape.length, cols = (v.shape[0] as NumericListShape).length;
  // Leaves are numbered in source order, so row i holds the numbers i·cols … i·cols + cols − 1.
  const data = new Float64Array(rows * cols);
  for (let k = 0; k < data.length; k++) data[k] = numericListFloat(v, k);
  return { rows, cols, stride: cols, data };
}
