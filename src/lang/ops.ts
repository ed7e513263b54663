// The operators of the language on values: + - * / ^, comparisons and equality. Numbers are exact
// rationals; a float anywhere makes the result a float; a number meets a polynomial by coercion into
// the polynomial's ring; lists act as vectors and matrices. Errors are thrown as diagnostics at the
// operator's span.
import { checkIntegerSize } from '../math/budget.js';
import { QQ, compareRat, rat, type Rat } from '../math/field.js';
import { bitLength } from '../math/interval/dyadic.js';
import { MAX_DEGREE } from '../math/monomial.js';
import { ratToFloat } from '../math/rat-float.js';
import type { Poly } from '../math/poly.js';
import type { BinaryOp, Span } from './ast.js';
import type { ObjectOperators } from './object-kind.js';
import { fail } from './diagnostics.js';
import { bool, float, isMatrix, kindWord, list, num, poly, type RingData, type Value } from './values.js';

/** A number (exact) into the coefficient field of a ring, as a constant polynomial. */
export function coerceToPoly(ring: RingData, v: Value, span: Span): Poly<unknown> {
  if (v.kind === 'poly') {
    if (v.ring.id !== ring.id) {
      fail('ring-mismatch', `the polynomial ${v.ring.poly.toText(v.poly)} lives in ${v.ring.poly.toString()}, not in ${ring.poly.toString()}`, span, [
        'use `use R;` or build the expression in one ring',
      ]);
    }
    return v.poly;
  }
  if (v.kind === 'number') {
    return ring.poly.constant(ring.poly.field.fromRational(v.value.num, v.value.den));
  }
  return fail('type', `expected a polynomial or a number, got ${kindWord(v)}`, span);
}

function isNumeric(v: Value): v is { kind: 'number'; value: Rat } | { kind: 'float'; value: number } {
  return v.kind === 'number' || v.kind === 'float';
}

function toFloat(v: Value): number {
  return v.kind === 'float' ? v.value : v.kind === 'number' ? ratToFloat(v.value) : NaN;
}

function numericOp(op: '+' | '-' | '*' | '/', a: Value, b: Value, span: Span): Value {
  if (a.kind === 'number' && b.kind === 'number') {
    switch (op) {
      case '+':
        return num(QQ.add(a.value, b.value));
      case '-':
        return num(QQ.sub(a.value, b.value));
      case '*':
        return num(QQ.mul(a.value, b.value));
      case '/':
        if (b.value.num === 0n) fail('division-by-zero', 'division by zero', span);
        return num(QQ.div(a.value, b.value));
    }
  }
  const x = toFloat(a), y = toFloat(b);
  switch (op) {
    case '+':
      return float(x + y);
    case '-':
      return float(x - y);
    case '*':
      return float(x * y);
    case '/':
      return float(x / y);
  }
}

/** The ring of the polynomial operands (and a check that there is only one). */
function commonRing(a: Value, b: Value, span: Span): RingData | null {
  const ra = a.kind === 'poly' ? a.ring : null;
  const rb = b.kind === 'poly' ? b.ring : null;
  if (ra && rb && ra.id !== rb.id) {
    fail('ring-mismatch', `cannot combine polynomials of ${ra.poly.toString()} and ${rb.poly.toString()}`, span);
  }
  return ra ?? rb;
}

function polyOp(op: '+' | '-' | '*' | '/', ring: RingData, a: Value, b: Value, span: Span): Value {
  if (a.kind === 'float' || b.kind === 'float') {
    fail('type', 'polynomials have exact coefficients; a float cannot enter a polynomial', span, ['write the number exactly, e.g. 0.5 as 1/2 or 0.5 (decimals are exact)']);
  }
  const R = ring.poly;
  const p = coerceToPoly(ring, a, span);
  const q = coerceToPoly(ring, b, span);
  switch (op) {
    case '+':
      return poly(ring, R.add(p, q));
    case '-':
      return poly(ring, R.sub(p, q));
    case '*':
      return poly(ring, R.mul(p, q));
    case '/':
      if (R.isZero(q)) fail('division-by-zero', 'division by zero', span);
      if (R.isConstant(q)) return poly(ring, R.scale(p, R.field.inv(R.constantCoeff(q))));
      return poly(ring, R.divExact(p, q));
  }
}

function elementwise(op: '+' | '-', a: Value, b: Value, span: Span): Value {
  if (a.kind !== 'list' || b.kind !== 'list') return fail('type', `cannot apply '${op}' to ${kindWord(a)} and ${kindWord(b)}`, span);
  if (a.items.length !== b.items.length) {
    fail('shape', `cannot apply '${op}' to lists of lengths ${a.items.length} and ${b.items.length}`, span);
  }
  return list(a.items.map((x, i) => arithmetic(op, x, b.items[i]!, span)));
}

function matrixProduct(a: Value, b: Value, span: Span): Value {
  const A = (a as { items: readonly { items: readonly Value[] }[] }).items;
  if (isMatrix(b)) {
    const B = b.items;
    if (A[0]!.items.length !== B.length) {
      fail('shape', `cannot multiply a ${A.length}×${A[0]!.items.length} matrix by a ${B.length}×${B[0]!.items.length} matrix`, span);
    }
    return list(A.map((row) => list(B[0]!.items.map((_, j) => dot(row.items, B.map((r) => r.items[j]!), span)))));
  }
  const v = (b as { items: readonly Value[] }).items;
  if (A[0]!.items.length !== v.length) {
    fail('shape', `cannot multiply a ${A.length}×${A[0]!.items.length} matrix by a vector of length ${v.length}`, span);
  }
  return list(A.map((row) => dot(row.items, v, span)));
}

function dot(xs: readonly Value[], ys: readonly Value[], span: Span): Value {
  let acc: Value = num(rat(0n));
  for (let i = 0; i < xs.length; i++) acc = arithmetic('+', acc, arithmetic('*', xs[i]!, ys[i]!, span), span);
  return acc;
}

/** The operators of an object kind of numbers among the operands, if any (ObjectKind.operators). */
function objectOperators(a: Value, b: Value): ObjectOperators | undefined {
  return (a.kind === 'object' ? a.of.operators : undefined) ?? (b.kind === 'object' ? b.of.operators : undefined);
}

export function arithmetic(op: '+' | '-' | '*' | '/', a: Value, b: Value, span: Span): Value {
  if (isNumeric(a) && isNumeric(b)) return numericOp(op, a, b, span);
  const viaObject = objectOperators(a, b)?.arithmetic(op, a, b);
  if (viaObject) return viaObject;
  const ring = commonRing(a, b, span);
  if (ring && (a.kind === 'poly' || isNumeric(a)) && (b.kind === 'poly' || isNumeric(b))) return polyOp(op, ring, a, b, span);
  if (op === '+' && a.kind === 'string' && b.kind === 'string') return { kind: 'string', value: a.value + b.value };
  // Vectors and matrices.
  if (a.kind === 'list' && b.kind === 'list') {
    if (op === '+' || op === '-') return elementwise(op, a, b, span);
    if (op === '*' && isMatrix(a) && (isMatrix(b) || !b.items.some((x) => x.kind === 'list'))) return matrixProduct(a, b, span);
    if (op === '*' && !isMatrix(a) && !isMatrix(b)) {
      fail('type', 'cannot multiply two vectors with *', span, ['use dot(u, v) for the inner product']);
    }
  }
  if (op === '*' && a.kind !== 'list' && b.kind === 'list') return list(b.items.map((x) => arithmetic('*', a, x, span)));
  if ((op === '*' || op === '/') && a.kind === 'list' && b.kind !== 'list') return list(a.items.map((x) => arithmetic(op, x, b, span)));
  return fail('type', `cannot apply '${op}' to ${kindWord(a)} and ${kindWord(b)}`, span);
}

function toTextShort(r: Rat): string {
  const text = r.den === 1n ? r.num.toString() : `${r.num}/${r.den}`;
  return text.length > 20 ? `${text.slice(0, 8)}…` : text;
}

export function power(a: Value, b: Value, span: Span): Value {
  if (b.kind === 'number' && b.value.den === 1n) {
    const e = b.value.num;
    if (a.kind === 'number') {
      if (e < 0n && a.value.num === 0n) fail('division-by-zero', 'zero to a negative power', span);
      const k = Number(e < 0n ? -e : e);
      const { num: n, den: d } = a.value;
      if (k === 0) return num(rat(1n, 1n));
      if (d === 1n && (n === 0n || n === 1n || n === -1n)) return num(rat(n === -1n && k % 2 === 0 ? 1n : n, 1n));
      checkIntegerSize(`the power ${toTextShort(a.value)}^${e}`, Math.max(bitLength(n), bitLength(d)) * k);
      const p = rat(a.value.num ** BigInt(k), a.value.den ** BigInt(k));
      return num(e < 0n ? QQ.inv(p) : p);
    }
    if (a.kind === 'float') return float(a.value ** Number(e));
    if (a.kind === 'poly') {
      if (e < 0n) fail('type', 'a polynomial cannot be raised to a negative power', span);
      if (e > BigInt(MAX_DEGREE)) fail('too-large', `the exponent ${e} is beyond the largest exponent ${MAX_DEGREE}`, span);
      return poly(a.ring, a.ring.poly.pow(a.poly, Number(e)));
    }
  }
  if (isNumeric(a) && isNumeric(b)) return float(toFloat(a) ** toFloat(b));
  const viaObject = objectOperators(a, b)?.arithmetic('^', a, b);
  if (viaObject) return viaObject;
  return fail('type', `cannot raise ${kindWord(a)} to the power ${kindWord(b)}`, span, ['exponents of polynomials must be non-negative integers']);
}

export function negate(a: Value, span: Span): Value {
  switch (a.kind) {
    case 'number':
      return num(QQ.neg(a.value));
    case 'float':
      return float(-a.value);
    case 'poly':
      return poly(a.ring, a.ring.poly.neg(a.poly));
    case 'list':
      return list(a.items.map((x) => negate(x, span)));
    case 'object':
      return a.of.operators?.negate(a) ?? fail('type', `cannot negate ${kindWord(a)}`, span);
    default:
      return fail('type', `cannot negate ${kindWord(a)}`, span);
  }
}

/** Structural equality; ideals compare as sets (by reduced Gröbner bases), objects by their kind's equality. */
export function valuesEqual(a: Value, b: Value, span: Span): boolean {
  const viaObject = objectOperators(a, b)?.compare(a, b);
  if (viaObject !== undefined) return viaObject === 0;
  if (isNumeric(a) && isNumeric(b)) {
    if (a.kind === 'number' && b.kind === 'number') return QQ.eq(a.value, b.value);
    return toFloat(a) === toFloat(b);
  }
  if (a.kind === 'poly' || b.kind === 'poly') {
    const ring = commonRing(a, b, span);
    if (!ring || !(a.kind === 'poly' || isNumeric(a)) || !(b.kind === 'poly' || isNumeric(b))) return false;
    return ring.poly.equals(coerceToPoly(ring, a, span), coerceToPoly(ring, b, span));
  }
  switch (a.kind) {
    case 'bool':
    case 'string':
      return b.kind === a.kind && b.value === a.value;
    case 'list':
      return b.kind === 'list' && a.items.length === b.items.length && a.items.every((x, i) => valuesEqual(x, b.items[i]!, span));
    case 'record':
      return (
        b.kind === 'record' &&
        a.fields.size === b.fields.size &&
        [...a.fields].every(([k, x]) => b.fields.has(k) && valuesEqual(x, b.fields.get(k)!, span))
      );
    case 'ideal':
      if (b.kind !== 'ideal') return false;
      if (a.ring.id !== b.ring.id) fail('ring-mismatch', 'cannot compare ideals of different rings', span);
      return a.ideal.equals(b.ideal);
    case 'ring':
      return b.kind === 'ring' && a.ring.id === b.ring.id;
    case 'none':
      return b.kind === 'none';
    case 'object':
      return b.kind === 'object' && b.of === a.of && a.of.equals(a.data, b.data);
    default:
      return a === b;
  }
}

export function compare(op: '<' | '<=' | '>' | '>=', a: Value, b: Value, span: Span): Value {
  const viaObject = objectOperators(a, b)?.compare(a, b);
  if (viaObject !== undefined) return bool(op === '<' ? viaObject < 0 : op === '<=' ? viaObject <= 0 : op === '>' ? viaObject > 0 : viaObject >= 0);
  if (!isNumeric(a) || !isNumeric(b)) {
    if (a.kind === 'string' && b.kind === 'string') {
      const c = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return bool(op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0);
    }
    return fail('type', `cannot compare ${kindWord(a)} and ${kindWord(b)} with '${op}'`, span);
  }
  const c = a.kind === 'number' && b.kind === 'number' ? compareRat(a.value, b.value) : Math.sign(toFloat(a) - toFloat(b));
  return bool(op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0);
}

export function binary(op: BinaryOp, a: Value, b: Value, span: Span): Value {
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
      return arithmetic(op, a, b, span);
    case '^':
      return power(a, b, span);
    case '==':
      return bool(valuesEqual(a, b, span));
    case '!=':
      return bool(!valuesEqual(a, b, span));
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, a, b, span);
    case 'and':
    case 'or':
      // Short-circuit forms are handled by the evaluator; this is the strict fallback.
      if (a.kind !== 'bool' || b.kind !== 'bool') fail('type', `'${op}' needs booleans`, span);
      return bool(op === 'and' ? a.value && b.value : a.value || b.value);
  }
}
