// The `point` and `algebraic` object kinds: a real solution of a zero-dimensional system kept exactly
// (src/math/realroots/point.ts: a univariate representation and one isolated real root t of its
// polynomial) and the exact real algebraic numbers of such a point (its coordinates, values of
// polynomials at it, and what arithmetic makes of them: src/math/realroots/algebraic.ts).
//
// Printing: the decimals of the value rounded exactly to the value's `digits` significant digits
// (solve's `digits`, 30 by default), trailing zeros dropped, no ellipsis: `1.41421356237309504880168872421`;
// a point prints as the list of its coordinates. An exact rational result of arithmetic (p[1]^2 at
// (√2, ...) is 2) becomes a plain number. JSON carries the decimals and the exact data (w, t's
// isolating interval, numerators over the common denominator), from which `pointFromJson` rebuilds the
// point. Operators: + - * / ^ with numbers and numbers of the same point (exact), with floats (a float);
// comparisons and == exact; numbers of different points do not mix (an error at the operator).
import { MathError } from '../../math/errors.js';
import { type Rat, rat } from '../../math/field.js';
import { ratToFloat } from '../../math/rat-float.js';
import { type ExactNumberData, type ExactPointData, RealAlgebraicNumber, RealAlgebraicPoint } from '../../math/realroots/index.js';
import { expectSmallInt } from '../builtins/convert.js';
import type { ObjectKind, ObjectOperators } from '../object-kind.js';
import { type Json, ratJson } from '../print.js';
import { float, int, isObject, list, num, object, str, type ObjectValue, type RingData, type Value } from '../values.js';

/** Digits of the printed decimals when none are asked (the contract's 30 for solve's points). */
export const POINT_DIGITS = 30;

export interface PointData {
  readonly point: RealAlgebraicPoint;
  /** The ring whose variables are the coordinates (names for JSON; subs and hessian check it). */
  readonly ring: RingData;
  readonly digits: number;
}

export interface AlgebraicData {
  readonly value: RealAlgebraicNumber;
  readonly digits: number;
}

/** A number of a point: a plain rational when its representation is constant, else an `algebraic` object. */
export function algebraicValue(value: RealAlgebraicNumber, digits: number): Value {
  const q = value.rational();
  return q ? num(q) : object(ALGEBRAIC, { value, digits });
}

export function pointValue(point: RealAlgebraicPoint, ring: RingData, digits: number = POINT_DIGITS): ObjectValue<PointData> {
  return object(POINT, { point, ring, digits });
}

/** Significant decimal digits -> bits of absolute width for a box (10^-digits > 2^-bits). */
function digitsToBits(digits: number): number {
  return Math.ceil(digits * Math.log2(10)) + 1;
}

function ratPolyJson(p: readonly Rat[]): Json {
  return p.map(ratJson);
}

function parseRat(j: Json): Rat {
  if (typeof j === 'number' && Number.isInteger(j)) return rat(BigInt(j));
  if (typeof j !== 'string') throw new MathError('bad-json', `expected a rational, got ${JSON.stringify(j)}`);
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(j);
  if (!m) throw new MathError('bad-json', `expected a rational, got ${JSON.stringify(j)}`);
  return rat(BigInt(m[1]!), BigInt(m[2] ?? '1'));
}

function parseRatList(j: Json): Rat[] {
  if (!Array.isArray(j)) throw new MathError('bad-json', 'expected a list of rationals');
  return j.map(parseRat);
}

function exactJson(d: ExactPointData | ExactNumberData): { [key: string]: Json } {
  return { w: d.w.map((c) => ratJson(rat(c))), interval: [ratJson(d.lo), ratJson(d.hi)] };
}

/** The exact data with every number as a string (the typed JSON's convention for exact numbers). */
function exactStrings(d: ExactPointData | ExactNumberData): { [key: string]: Json } {
  const r = (x: Rat) => (x.den === 1n ? `${x.num}` : `${x.num}/${x.den}`);
  const polys: { [key: string]: Json } = 'numerators' in d ? { numerators: d.numerators.map((n) => n.map(r)) } : { numerator: d.numerator.map(r) };
  return { w: d.w.map((c) => c.toString()), interval: [r(d.lo), r(d.hi)], ...polys, denominator: d.denominator.map(r) };
}

function pointJson(p: PointData): Json {
  const d = p.point.toData();
  return {
    point: p.point.decimals(p.digits),
    variables: p.ring.variables.map((v) => v.name),
    digits: p.digits,
    exact: { ...exactJson(d), numerators: d.numerators.map(ratPolyJson), denominator: ratPolyJson(d.denominator) },
  };
}

/** The point of a JSON encoding written by `vdl run --json` (its `exact` part), in the ring given. */
export function pointFromJson(json: Json, ring: RingData): ObjectValue<PointData> {
  if (typeof json !== 'object' || json === null || Array.isArray(json) || typeof json.exact !== 'object' || json.exact === null || Array.isArray(json.exact)) {
    throw new MathError('bad-json', 'a point\'s JSON has the fields point, variables, digits and exact');
  }
  const e = json.exact;
  const interval = parseRatList(e.interval ?? null);
  const numerators = e.numerators;
  if (!Array.isArray(numerators) || interval.length !== 2) throw new MathError('bad-json', 'exact needs w, interval [lo, hi], numerators and denominator');
  const point = RealAlgebraicPoint.fromData({
    w: parseRatList(e.w ?? null).map((c) => c.num),
    lo: interval[0]!,
    hi: interval[1]!,
    numerators: numerators.map(parseRatList),
    denominator: parseRatList(e.denominator ?? null),
  });
  const digits = typeof json.digits === 'number' ? json.digits : POINT_DIGITS;
  return pointValue(point, ring, digits);
}

function decimalLatex(text: string): string {
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  return m ? `${m[1]} \\cdot 10^{${Number(m[2])}}` : text;
}

export const POINT: ObjectKind<PointData> = {
  name: 'point',
  typeName: 'Real point',
  kindWord: 'a real point',
  summary:
    'An exact real solution of a zero-dimensional system (solve(I).points): a univariate representation and one isolated real root. It prints as the list of its coordinates rounded exactly to its digits (30 by default); p[i] is the i-th coordinate (an exact real algebraic number), p.box a list of [lo, hi] rational intervals of width < 10^-digits around the coordinates; float(p), decimal(p, d), subs(f, p) and hessian(f, p) evaluate; == is exact.',
  text: (p) => `[${p.point.decimals(p.digits).join(', ')}]`,
  json: pointJson,
  typed: (p) => ({ value: p.point.decimals(p.digits), variables: p.ring.variables.map((v) => v.name), digits: p.digits, exact: exactStrings(p.point.toData()) }),
  latex: (p) => `\\left( ${p.point.decimals(p.digits).map(decimalLatex).join(', ')} \\right)`,
  equals: (a, b) => a.point.equals(b.point),
  fields: {
    coordinates: (p) => list(pointItems(p)),
    box: (p) => list(p.point.box(digitsToBits(p.digits)).map((x) => list([num(dyadicRat(x.lo)), num(dyadicRat(x.hi))]))),
  },
  methods: {
    float: (_ctx, p) => list(p.point.toNumbers().map((x) => float(x))),
    decimal: (ctx, p, [, d]) => list(p.point.decimals(d ? expectSmallInt(ctx, d, 1, 1, 10000) : p.digits).map((x) => str(x))),
    length: (_ctx, p) => int(p.point.dimension),
  },
  items: (p) => pointItems(p),
};

function pointItems(p: PointData): Value[] {
  return p.point.coordinates().map((x) => algebraicValue(x, p.digits));
}

function dyadicRat(x: { m: bigint; e: number }): Rat {
  return x.e >= 0 ? rat(x.m << BigInt(x.e)) : rat(x.m, 1n << BigInt(-x.e));
}

function numberJson(a: AlgebraicData): Json {
  const d = a.value.toData();
  return {
    algebraic: a.value.toDecimal(a.digits),
    digits: a.digits,
    exact: { ...exactJson(d), numerator: ratPolyJson(d.numerator), denominator: ratPolyJson(d.denominator) },
  };
}

/** An operand as a number of Q(t) for the root of `like`, or undefined when it is not an exact number. */
function exactOperand(v: Value, like: RealAlgebraicNumber): RealAlgebraicNumber | undefined {
  if (isObject(ALGEBRAIC, v)) return v.data.value;
  if (v.kind === 'number') return RealAlgebraicNumber.rational(like.root, v.value);
  return undefined;
}

/** The algebraic operand of a pair (there is one when these operators run) and the digits to print the result with. */
function algebraicOf(a: Value, b: Value): { like: RealAlgebraicNumber; digits: number } {
  const x = isObject(ALGEBRAIC, a) ? a.data : undefined;
  const y = isObject(ALGEBRAIC, b) ? b.data : undefined;
  return { like: (x ?? y)!.value, digits: Math.max(x?.digits ?? 0, y?.digits ?? 0) };
}

function floatOf(v: Value): number | undefined {
  if (v.kind === 'float') return v.value;
  if (isObject(ALGEBRAIC, v)) return v.data.value.toNumber();
  if (v.kind === 'number') return ratToFloat(v.value);
  return undefined;
}

const OPERATORS: ObjectOperators = {
  arithmetic(op, a, b) {
    if (a.kind === 'float' || b.kind === 'float') {
      const x = floatOf(a);
      const y = floatOf(b);
      if (x === undefined || y === undefined) return undefined;
      return float(op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : op === '/' ? x / y : x ** y);
    }
    const { like, digits } = algebraicOf(a, b);
    if (op === '^') {
      if (!isObject(ALGEBRAIC, a) || b.kind !== 'number' || b.value.den !== 1n) return undefined;
      if (b.value.num > 100000n || b.value.num < -100000n) throw new MathError('too-large', `the exponent ${b.value.num} is too large`);
      return algebraicValue(a.data.value.pow(Number(b.value.num)), digits);
    }
    const x = exactOperand(a, like);
    const y = exactOperand(b, like);
    if (!x || !y) return undefined;
    const r = op === '+' ? x.add(y) : op === '-' ? x.sub(y) : op === '*' ? x.mul(y) : x.div(y);
    return algebraicValue(r, digits);
  },
  negate: (a) => (isObject(ALGEBRAIC, a) ? algebraicValue(a.data.value.neg(), a.data.digits) : undefined),
  compare(a, b) {
    if (a.kind === 'float' || b.kind === 'float') {
      const x = floatOf(a);
      const y = floatOf(b);
      return x === undefined || y === undefined ? undefined : (Math.sign(x - y) as -1 | 0 | 1);
    }
    const { like } = algebraicOf(a, b);
    const x = exactOperand(a, like);
    const y = exactOperand(b, like);
    return x && y ? x.compare(y) : undefined;
  },
};

export const ALGEBRAIC: ObjectKind<AlgebraicData> = {
  name: 'algebraic',
  typeName: 'Real algebraic number',
  kindWord: 'a real algebraic number',
  summary:
    'An exact real number of a real point: a coordinate p[i], a value subs(f, p), or what + - * / ^ make of them with rationals and numbers of the same point. It prints rounded exactly to its digits (30 by default); comparisons, == and sign are exact; float(x) is the nearest double, decimal(x, d) any number of digits. Numbers of different points do not mix.',
  text: (a) => a.value.toDecimal(a.digits),
  json: numberJson,
  typed: (a) => ({ value: a.value.toDecimal(a.digits), digits: a.digits, exact: exactStrings(a.value.toData()) }),
  latex: (a) => decimalLatex(a.value.toDecimal(a.digits)),
  equals: (a, b) => a.value.equals(b.value),
  fields: {},
  methods: {
    float: (_ctx, a) => float(a.value.toNumber()),
    decimal: (ctx, a, [, d]) => str(a.value.toDecimal(d ? expectSmallInt(ctx, d, 1, 1, 10000) : a.digits)),
    abs: (_ctx, a) => algebraicValue(a.value.sign() < 0 ? a.value.neg() : a.value, a.digits),
  },
  operators: OPERATORS,
};
