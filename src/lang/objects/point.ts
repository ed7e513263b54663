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
//
// A second backing of the same two kinds: a point of a real orbit of a sign group
// (src/math/realroots/orbit-point.ts, stationary(L).points on the orbits' route) and its numbers
// Σ c_S(θ)·μ_S. An invariant (the loss, w_e²) is a number of Q(θ), the first backing's
// RealAlgebraicNumber on the orbit's root; a coordinate or any χ-homogeneous value has an exact sign;
// other sums are certified enclosures whose undecidable zero tests raise an error naming
// `certify = true`. Printing is the same; JSON says `orbit` (with the exact data of its terms) instead of
// `exact`, and `known` says how the value is known; orbit points are not read back from JSON.
import { MathError } from '../../math/errors.js';
import { type Rat, rat } from '../../math/field.js';
import { ratToFloat } from '../../math/rat-float.js';
import { type ExactNumberData, type ExactPointData, OrbitNumber, OrbitRealPoint, type OrbitNumberData, type OrbitPointData, RealAlgebraicNumber, RealAlgebraicPoint } from '../../math/realroots/index.js';
import { expectSmallInt } from '../builtins/convert.js';
import type { ObjectKind, ObjectOperators } from '../object-kind.js';
import { type Json, ratJson } from '../print.js';
import { float, int, isObject, list, num, object, str, type ObjectValue, type RingData, type Value } from '../values.js';

/** Digits of the printed decimals when none are asked (the contract's 30 for solve's points). */
export const POINT_DIGITS = 30;

export interface PointData {
  readonly point: RealAlgebraicPoint | OrbitRealPoint;
  /** The ring whose variables are the coordinates (names for JSON; subs and hessian check it). */
  readonly ring: RingData;
  readonly digits: number;
}

/** A number of a point: of Q(t) (the first backing), or of a sign orbit's point. */
export type PointNumber = RealAlgebraicNumber | OrbitNumber;

export interface AlgebraicData {
  readonly value: PointNumber;
  readonly digits: number;
}

/**
 * A number of a point: a plain rational when its representation is constant, an orbit number of Q(θ)
 * (an invariant) as the number of Q(θ) it is, else an `algebraic` object.
 */
export function algebraicValue(value: PointNumber, digits: number): Value {
  if (value instanceof OrbitNumber && value.pending) return object(ALGEBRAIC, { value, digits });
  const exact = value instanceof OrbitNumber ? (value.invariant() ?? value) : value;
  const q = exact.rational();
  return q ? num(q) : object(ALGEBRAIC, { value: exact, digits });
}

export function pointValue(point: RealAlgebraicPoint | OrbitRealPoint, ring: RingData, digits: number = POINT_DIGITS): ObjectValue<PointData> {
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

function ratText(x: Rat): string {
  return x.den === 1n ? `${x.num}` : `${x.num}/${x.den}`;
}

function orbitNumberJson(d: OrbitNumberData, text: (x: Rat) => Json): Json {
  return d.terms.map((t) => ({ mask: t.mask, numerator: t.numerator.map(text), denominator: t.denominator.map(text) }));
}

/** The exact data of an orbit point (rationals as JSON rationals, or every number a string for the typed JSON). */
function orbitPointJson(d: OrbitPointData, variables: readonly string[], strings: boolean): { [key: string]: Json } {
  const text = strings ? ratText : ratJson;
  return {
    w: d.w.map((c) => (strings ? c.toString() : ratJson(rat(c)))),
    interval: [text(d.lo), text(d.hi)],
    support: d.support.map((e) => variables[e]!),
    basis: d.basis.map((e) => variables[e]!),
    negative: d.negative.map((e) => variables[e]!),
    coordinates: d.coordinates.map((c) => orbitNumberJson(c, text)),
  };
}

/** How an orbit point's numbers are known (JSON's `known`). */
const ORBIT_POINT_KNOWN =
  'a point of a real orbit of the sign group: θ a root of W (interval), each coordinate Σ c_S(θ)·Π_{j in S} w_{basis j} with w_b = ±√(w_b²); invariants exact in Q(θ), coordinates with exact signs, other sums certified enclosures';

function pointJson(p: PointData): Json {
  if (p.point instanceof OrbitRealPoint) {
    const variables = p.ring.variables.map((v) => v.name);
    return { point: p.point.decimals(p.digits), variables, digits: p.digits, known: ORBIT_POINT_KNOWN, orbit: orbitPointJson(p.point.toData(), variables, false) };
  }
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
  if (typeof json.orbit === 'object' && json.orbit !== null) {
    throw new MathError('bad-json', 'a point of a sign orbit (stationary(L).points on the orbits route) is not read back from JSON: its decimals are in "point"; stationary(L, certified = true) gives points that are');
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
  typed: (p): { [key: string]: Json } => {
    const variables = p.ring.variables.map((v) => v.name);
    if (p.point instanceof OrbitRealPoint) return { value: p.point.decimals(p.digits), variables, digits: p.digits, known: ORBIT_POINT_KNOWN, orbit: orbitPointJson(p.point.toData(), variables, true) };
    return { value: p.point.decimals(p.digits), variables, digits: p.digits, exact: exactStrings(p.point.toData()) };
  },
  latex: (p) => `\\left( ${p.point.decimals(p.digits).map(decimalLatex).join(', ')} \\right)`,
  equals: (a, b) => (a.point instanceof OrbitRealPoint ? a.point.equals(b.point) : b.point instanceof OrbitRealPoint ? b.point.equals(a.point) : a.point.equals(b.point)),
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

/** How an orbit number is known (JSON's `known`). */
function orbitKnown(x: OrbitNumber): string {
  return `a number of a point of a sign orbit: ${x.knowledge}`;
}

function numberJson(a: AlgebraicData): Json {
  if (a.value instanceof OrbitNumber) {
    return { algebraic: a.value.toDecimal(a.digits), digits: a.digits, known: orbitKnown(a.value), orbit: { terms: orbitNumberJson(a.value.toData(), ratJson) } };
  }
  const d = a.value.toData();
  return {
    algebraic: a.value.toDecimal(a.digits),
    digits: a.digits,
    exact: { ...exactJson(d), numerator: ratPolyJson(d.numerator), denominator: ratPolyJson(d.denominator) },
  };
}

/**
 * The exact operands of a pair, on one point: numbers of Q(t) unless one is an orbit number (then both
 * orbit numbers: a number of Q(θ) and a rational are lifted); undefined when one is not an exact number.
 */
function exactOperands(a: Value, b: Value): [PointNumber, PointNumber] | undefined {
  const x = isObject(ALGEBRAIC, a) ? a.data.value : undefined;
  const y = isObject(ALGEBRAIC, b) ? b.data.value : undefined;
  const orbit = x instanceof OrbitNumber ? x : y instanceof OrbitNumber ? y : undefined;
  const like = (x ?? y)!;
  const operand = (v: Value, n: PointNumber | undefined): PointNumber | undefined => {
    if (orbit) {
      if (n instanceof OrbitNumber) return n;
      if (n) return orbit.point.lift(n);
      return v.kind === 'number' ? orbit.point.rational(v.value) : undefined;
    }
    if (n) return n;
    return v.kind === 'number' ? RealAlgebraicNumber.rational((like as RealAlgebraicNumber).root, v.value) : undefined;
  };
  const p = operand(a, x);
  const q = operand(b, y);
  return p && q ? [p, q] : undefined;
}

/** The digits to print the result of two operands with. */
function digitsOf(a: Value, b: Value): number {
  return Math.max(isObject(ALGEBRAIC, a) ? a.data.digits : 0, isObject(ALGEBRAIC, b) ? b.data.digits : 0);
}

function arithmetic(op: '+' | '-' | '*' | '/', x: PointNumber, y: PointNumber): PointNumber {
  if (x instanceof OrbitNumber) {
    const z = y as OrbitNumber;
    return op === '+' ? x.add(z) : op === '-' ? x.sub(z) : op === '*' ? x.mul(z) : x.div(z);
  }
  const z = y as RealAlgebraicNumber;
  return op === '+' ? x.add(z) : op === '-' ? x.sub(z) : op === '*' ? x.mul(z) : x.div(z);
}

function compareNumbers(x: PointNumber, y: PointNumber): -1 | 0 | 1 {
  return x instanceof OrbitNumber ? x.compare(y as OrbitNumber) : x.compare(y as RealAlgebraicNumber);
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
    const digits = digitsOf(a, b);
    if (op === '^') {
      if (!isObject(ALGEBRAIC, a) || b.kind !== 'number' || b.value.den !== 1n) return undefined;
      if (b.value.num > 100000n || b.value.num < -100000n) throw new MathError('too-large', `the exponent ${b.value.num} is too large`);
      return algebraicValue(a.data.value.pow(Number(b.value.num)), digits);
    }
    const pair = exactOperands(a, b);
    if (!pair) return undefined;
    return algebraicValue(arithmetic(op, pair[0], pair[1]), digits);
  },
  negate: (a) => (isObject(ALGEBRAIC, a) ? algebraicValue(a.data.value.neg(), a.data.digits) : undefined),
  compare(a, b) {
    if (a.kind === 'float' || b.kind === 'float') {
      const x = floatOf(a);
      const y = floatOf(b);
      return x === undefined || y === undefined ? undefined : (Math.sign(x - y) as -1 | 0 | 1);
    }
    const pair = exactOperands(a, b);
    return pair ? compareNumbers(pair[0], pair[1]) : undefined;
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
  typed: (a): { [key: string]: Json } =>
    a.value instanceof OrbitNumber
      ? { value: a.value.toDecimal(a.digits), digits: a.digits, known: orbitKnown(a.value), orbit: { terms: orbitNumberJson(a.value.toData(), ratText) } }
      : { value: a.value.toDecimal(a.digits), digits: a.digits, exact: exactStrings(a.value.toData()) },
  latex: (a) => decimalLatex(a.value.toDecimal(a.digits)),
  equals: (a, b) => {
    const pair = exactOperands(object(ALGEBRAIC, a), object(ALGEBRAIC, b));
    return pair !== undefined && compareNumbers(pair[0], pair[1]) === 0;
  },
  fields: {},
  methods: {
    float: (_ctx, a) => float(a.value.toNumber()),
    decimal: (ctx, a, [, d]) => str(a.value.toDecimal(d ? expectSmallInt(ctx, d, 1, 1, 10000) : a.digits)),
    abs: (_ctx, a) => algebraicValue(a.value.sign() < 0 ? a.value.neg() : a.value, a.digits),
  },
  operators: OPERATORS,
};
