// Real algebraic numbers in Q(t), for t one isolated real root of a square-free integer polynomial w.
//
// Representation (invariants):
// - `AlgebraicRoot`: w (primitive, square-free, degree >= 1, integer coefficients ascending), the
//   residue ring Q[T]/(w) (../univariate/residue.ts), and the isolating interval of one real root t of
//   w (an `IsolatedRoot`, ./root.ts). The interval is shared by every number and point built on the
//   root and only ever shrinks (refinement in place): whatever one number refined, the next reuses.
// - `RealAlgebraicNumber`: the value num(t) / den(t) with num, den residues modulo w (integer
//   polynomial of degree < deg w over a positive integer) and den(t) != 0 (checked exactly when the
//   number is made). This is the shape of a rational univariate representation (Rouillier, AAECC 1999;
//   msolve's x_i = v_i(t) / w'(t), Berthomieu, Eder, Safey El Din, ISSAC 2021): keeping a denominator
//   instead of inverting it modulo w keeps the coefficients at the size of the parametrization (the
//   inverse of w' modulo w is as large as the discriminant), and it makes division right without
//   splitting w: a / b = (a.num·b.den) / (a.den·b.num) only needs b(t) != 0, which is decided exactly,
//   even when b vanishes at other roots of w (where dynamic evaluation, Della Dora, Dicrescenzo, Duval
//   1985, would split w by gcd(w, b.num); here the other roots are never evaluated).
//
// Decisions: the sign of num(t)/den(t) is read from an interval evaluation on t's isolating interval
// (../interval/evaluate.ts) when that excludes 0; otherwise q(t) = 0 is decided exactly (t is a root
// of gcd(w, q) iff that gcd changes sign on the isolating interval; the gcd by ./root-gcd.ts) and
// non-zero signs by refining t until an interval evaluation excludes 0. Decimals are rounded exactly by the one decimal formatter
// (../univariate/decimal.ts rationalFunctionToDecimal, formatDecimal). Numbers of different roots do
// not mix: their arithmetic raises MathError('different-points').
import { MathError } from '../errors.js';
import { type Rat, QQ, rat } from '../field.js';
import { type Dyadic, bitLength, compareDyadic, doubleToDyadic, dyadicMidpoint, dyadicToRat, ratToDyadic } from '../interval/dyadic.js';
import { evaluateUnivariate } from '../interval/evaluate.js';
import { type Interval, intervalContainsZero, intervalDiv, intervalFromInt, intervalSign, intervalWidth } from '../interval/interval.js';
import { type Interrupt, checkInterrupt } from '../progress.js';
import { gcdWithPolynomial } from './root-gcd.js';
import { formatDecimal, rationalFunctionToDecimal } from '../univariate/decimal.js';
import { primitivePart } from '../univariate/integer-poly.js';
import type { RealRoot } from '../univariate/isolate.js';
import { type Residue, ResidueRing } from '../univariate/residue.js';
import { intSquareFree, isSquareFreeModular } from '../univariate/square-free.js';
import { type IsolatedRoot, refineRoot, widthExponent } from './root.js';
import { signAtDyadic } from './sign.js';

export interface AlgebraicOptions {
  readonly signal?: Interrupt;
}

export interface FractionOptions extends AlgebraicOptions {
  /** The caller knows den(t) != 0 (the check is skipped). */
  readonly nonZero?: boolean;
}

/** Whether a rational has a power-of-two denominator (then it is a Dyadic). */
function dyadicOf(x: Rat): Dyadic | undefined {
  const k = bitLength(x.den) - 1;
  return x.den === 1n << BigInt(k) ? { m: x.num, e: -k } : undefined;
}

/** One real root t of w, shared (and refined in place) by the numbers and points built on it. */
export class AlgebraicRoot {
  /** Primitive, square-free. */
  readonly w: readonly bigint[];
  /** Q[T]/(w). */
  readonly ring: ResidueRing;
  private current: IsolatedRoot;

  /**
   * `root` must isolate a root of w (its `poly` may be w or any positive multiple with the same
   * roots); `ring` may be shared by the roots of one w. `primitive`: w is known to be primitive (its
   * content, costly for big coefficients, is not computed again).
   */
  constructor(w: readonly bigint[], root: IsolatedRoot, ring?: ResidueRing, primitive = false) {
    this.w = primitive ? w.slice() : primitivePart(w);
    if (this.w.length < 2) throw new MathError('bad-polynomial', 'an algebraic root needs a polynomial of degree at least 1');
    this.ring = ring ?? new ResidueRing(this.w);
    this.current = { ...root, poly: this.w, signLo: root.signLo === 0 ? 0 : signAtDyadic(this.w, root.lo) as -1 | 1 };
  }

  /** The isolating interval as it is now. */
  get isolated(): IsolatedRoot {
    return this.current;
  }

  /** The isolating interval as an Interval (a point interval for an exact dyadic root). */
  interval(): Interval {
    return { lo: this.current.lo, hi: this.current.hi };
  }

  /** Refines until the width is at most 2^-bits (or the root is hit exactly). */
  refine(bits: number, options: AlgebraicOptions = {}): IsolatedRoot {
    if (widthExponent(this.current) > -bits) this.current = refineRoot(this.current, bits, options);
    return this.current;
  }

  /** The root for the exact tools of ../univariate (rational endpoints). */
  realRoot(): RealRoot {
    return { poly: this.w, lo: dyadicToRat(this.current.lo), hi: dyadicToRat(this.current.hi) };
  }

  /**
   * Whether `other` is the same real number t: the same object, or the same w (coefficient for
   * coefficient) with isolating intervals whose intersection holds a root of w (both intervals
   * isolate roots of one square-free w, so a root in both is both).
   */
  sameRoot(other: AlgebraicRoot): boolean {
    if (other === this) return true;
    if (other.w.length !== this.w.length || other.w.some((c, i) => c !== this.w[i])) return false;
    const a = this.current;
    const b = other.current;
    const lo = compareDyadic(a.lo, b.lo) >= 0 ? a.lo : b.lo;
    const hi = compareDyadic(a.hi, b.hi) <= 0 ? a.hi : b.hi;
    const c = compareDyadic(lo, hi);
    if (c > 0) return false;
    // A point intersection is a root only when one of the roots is that exact dyadic.
    if (c === 0) return (a.signLo === 0 || b.signLo === 0) && signAtDyadic(this.w, lo) === 0;
    return signAtDyadic(this.w, lo) * signAtDyadic(this.w, hi) < 0;
  }

  /** Takes over a refinement made by ../univariate's tools when it is narrower and dyadic. */
  adopt(r: RealRoot): void {
    const lo = dyadicOf(r.lo);
    const hi = dyadicOf(r.hi);
    if (!lo || !hi) return;
    if (this.current.signLo === 0) return;
    if (QQ.eq(r.lo, r.hi)) {
      this.current = { poly: this.w, lo, hi, signLo: 0 };
      return;
    }
    const narrower = compareDyadic(lo, this.current.lo) >= 0 && compareDyadic(hi, this.current.hi) <= 0;
    if (narrower) this.current = { poly: this.w, lo, hi, signLo: signAtDyadic(this.w, lo) as -1 | 1 };
  }
}

/** The exact data of a root: w and t's isolating interval [lo, hi] (dyadic rationals; lo = hi for an exact root). */
export interface ExactRootData {
  readonly w: readonly bigint[];
  readonly lo: Rat;
  readonly hi: Rat;
}

/** The exact data of a number: its root's, and num, den as rational polynomials in T. */
export interface ExactNumberData extends ExactRootData {
  readonly numerator: readonly Rat[];
  readonly denominator: readonly Rat[];
}

/**
 * The root of some exact data: w square-free of degree >= 1 and [lo, hi] dyadic with lo = hi a root
 * of w, or lo < hi and w(lo)·w(hi) < 0 (refinement keeps that sign change, so it converges to a root
 * of w in the interval; the data `toData` writes isolates exactly one). MathError('bad-point') otherwise.
 */
export function rootOfData(data: ExactRootData): AlgebraicRoot {
  const w = primitivePart(data.w);
  const lo = dyadicOf(data.lo);
  const hi = dyadicOf(data.hi);
  if (w.length < 2 || !lo || !hi) throw new MathError('bad-point', 'a root needs a polynomial of degree >= 1 and an interval with dyadic endpoints');
  if (!isSquareFreeModular(w) && intSquareFree(w).length !== w.length) throw new MathError('bad-point', 'the polynomial of a root must be square-free');
  const c = compareDyadic(lo, hi);
  const sLo = signAtDyadic(w, lo);
  if (c === 0 && sLo === 0) return new AlgebraicRoot(w, { poly: w, lo, hi, signLo: 0 });
  if (c < 0 && sLo !== 0 && sLo * signAtDyadic(w, hi) < 0) return new AlgebraicRoot(w, { poly: w, lo, hi, signLo: sLo });
  throw new MathError('bad-point', 'the interval does not isolate a root of the polynomial');
}

/** Integer coefficients and a positive denominator of a rational polynomial. */
function residueOf(ring: ResidueRing, p: readonly (bigint | Rat)[]): Residue {
  return ring.fromRational(p);
}

/** The value num(t) / den(t) in Q(t) (see the header). */
export class RealAlgebraicNumber {
  /** Decimal texts already computed, by number of digits. */
  private decimals: Map<number, string> | undefined;

  private constructor(
    readonly root: AlgebraicRoot,
    readonly num: Residue,
    readonly den: Residue,
  ) {}

  /** The rational q as a number of Q(t). */
  static rational(root: AlgebraicRoot, q: Rat): RealAlgebraicNumber {
    return new RealAlgebraicNumber(root, root.ring.fromRational([q]), root.ring.one);
  }

  /**
   * num(t) / den(t) for polynomials with rational coefficients (reduced modulo w);
   * MathError('division-by-zero') when den(t) = 0.
   */
  static fraction(root: AlgebraicRoot, num: readonly (bigint | Rat)[], den: readonly (bigint | Rat)[] = [1n], options: AlgebraicOptions = {}): RealAlgebraicNumber {
    return RealAlgebraicNumber.ofResidues(root, residueOf(root.ring, num), residueOf(root.ring, den), options);
  }

  /** num(t) / den(t) for residues modulo w; MathError('division-by-zero') when den(t) = 0. */
  static ofResidues(root: AlgebraicRoot, num: Residue, den: Residue, options: FractionOptions = {}): RealAlgebraicNumber {
    const K = root.ring;
    if (K.isZero(den) || (!options.nonZero && signAt(root, den.num, options) === 0)) {
      throw new MathError('division-by-zero', 'division by a number that is zero at this point');
    }
    // A constant denominator is folded into the numerator, so exact rationals stay num/1.
    if (den.num.length === 1) return new RealAlgebraicNumber(root, K.scale(num, rat(den.den, den.num[0]!)), K.one);
    return new RealAlgebraicNumber(root, num, den);
  }

  /** The rational value when num and den are constants (a number built from rationals), else undefined. */
  rational(): Rat | undefined {
    if (this.num.num.length > 1 || this.den.num.length > 1) return undefined;
    const n = this.num.num.length === 0 ? rat(0n) : rat(this.num.num[0]!, this.num.den);
    return QQ.div(n, rat(this.den.num[0]!, this.den.den));
  }

  private same(other: RealAlgebraicNumber): void {
    if (!this.root.sameRoot(other.root)) {
      throw new MathError('different-points', 'these numbers belong to different points (different roots of their polynomials); only numbers of one point combine');
    }
  }

  neg(): RealAlgebraicNumber {
    return new RealAlgebraicNumber(this.root, this.root.ring.neg(this.num), this.den);
  }

  add(other: RealAlgebraicNumber): RealAlgebraicNumber {
    return this.combine(other, 1);
  }

  sub(other: RealAlgebraicNumber): RealAlgebraicNumber {
    return this.combine(other, -1);
  }

  private combine(other: RealAlgebraicNumber, sign: 1 | -1): RealAlgebraicNumber {
    this.same(other);
    const K = this.root.ring;
    const b = sign === 1 ? other.num : K.neg(other.num);
    if (K.eq(this.den, other.den)) return new RealAlgebraicNumber(this.root, K.add(this.num, b), this.den);
    const num = K.add(K.mul(this.num, other.den), K.mul(b, this.den));
    return new RealAlgebraicNumber(this.root, num, K.mul(this.den, other.den));
  }

  mul(other: RealAlgebraicNumber): RealAlgebraicNumber {
    this.same(other);
    const K = this.root.ring;
    return new RealAlgebraicNumber(this.root, K.mul(this.num, other.num), K.mul(this.den, other.den));
  }

  /** this / other; MathError('division-by-zero') when other is 0 at t (decided exactly). */
  div(other: RealAlgebraicNumber, options: AlgebraicOptions = {}): RealAlgebraicNumber {
    this.same(other);
    const K = this.root.ring;
    return RealAlgebraicNumber.ofResidues(this.root, K.mul(this.num, other.den), K.mul(this.den, other.num), options);
  }

  /** this^k for an integer k (k < 0 divides; 0^0 = 1). */
  pow(k: number, options: AlgebraicOptions = {}): RealAlgebraicNumber {
    if (!Number.isInteger(k)) throw new MathError('bad-exponent', `powers of algebraic numbers need an integer exponent, got ${k}`);
    const K = this.root.ring;
    const p = new RealAlgebraicNumber(this.root, K.pow(this.num, Math.abs(k)), K.pow(this.den, Math.abs(k)));
    return k >= 0 ? p : RealAlgebraicNumber.rational(this.root, rat(1n)).div(p, options);
  }

  /** The exact sign of the value. */
  sign(options: AlgebraicOptions = {}): -1 | 0 | 1 {
    if (this.num.num.length === 0) return 0;
    const q = this.rational();
    if (q) return q.num > 0n ? 1 : -1;
    // den.den and num.den are positive: the signs are those of the integer polynomials at t.
    const s = signAt(this.root, this.num.num, options);
    return s === 0 ? 0 : ((s * signAt(this.root, this.den.num, options)) as -1 | 1);
  }

  /** sign(this - other). */
  compare(other: RealAlgebraicNumber, options: AlgebraicOptions = {}): -1 | 0 | 1 {
    return this.sub(other).sign(options);
  }

  equals(other: RealAlgebraicNumber, options: AlgebraicOptions = {}): boolean {
    return this.compare(other, options) === 0;
  }

  /**
   * An interval of width <= 2^-bits containing the value (absolute width): t's interval is refined and
   * the working precision raised until the interval quotient of the enclosures of num and den is
   * narrow enough (it shrinks with the width of t's interval and the rounding, so the loop ends).
   */
  enclosure(bits: number, options: AlgebraicOptions = {}): Interval {
    const target: Dyadic = { m: 1n, e: -bits };
    const q = this.rational();
    if (q) {
      let b = Math.max(64, bits + 8);
      for (;;) {
        const x = { lo: ratToDyadic(q, b, false), hi: ratToDyadic(q, b, true) };
        if (compareDyadic(intervalWidth(x), target) <= 0) return x;
        b *= 2;
      }
    }
    let precision = Math.max(64, bits + 32);
    let rootBits = Math.max(bits + 4, 16);
    for (;;) {
      checkInterrupt(options.signal);
      const T = this.root.interval();
      const n = quotientBy(evaluateUnivariate(this.num.num, T, precision), this.num.den, precision);
      const d = quotientBy(evaluateUnivariate(this.den.num, T, precision), this.den.den, precision);
      if (!intervalContainsZero(d)) {
        const x = intervalDiv(n, d, precision);
        if (compareDyadic(intervalWidth(x), target) <= 0) return x;
        // The width grows with the magnitudes: ask for as many more bits as the result is too wide.
        const excess = Math.max(1, magnitude(intervalWidth(x)) + bits);
        rootBits += excess;
        precision += excess + 16;
      } else {
        rootBits += 16;
        precision += 16;
      }
      this.root.refine(rootBits, options);
    }
  }

  /**
   * The value to `digits` significant digits, rounded exactly (half to even; trailing zeros dropped).
   * First by intervals (decimalByEnclosure); only a value the enclosures cannot decide (on or very
   * near a rounding boundary, or 0) goes to the exact route of ../univariate/decimal.ts.
   */
  toDecimal(digits: number, options: AlgebraicOptions = {}): string {
    const cached = this.decimals?.get(digits);
    if (cached !== undefined) return cached;
    const text = decimalByEnclosure(this, digits, options) ?? this.exactDecimal(digits);
    this.rememberDecimal(digits, text);
    return text;
  }

  /** The decimal text already computed for `digits`, if any. */
  knownDecimal(digits: number): string | undefined {
    return this.decimals?.get(digits);
  }

  /** Records the decimal text of the value found elsewhere (RealAlgebraicPoint.decimals: intervals on the point's box). */
  rememberDecimal(digits: number, text: string): void {
    (this.decimals ??= new Map()).set(digits, text);
  }

  /** The exact route: rationalFunctionToDecimal (exact values at the root's endpoints, boundaries tested exactly). */
  exactDecimal(digits: number): string {
    // num/n0 over den/d0 = (num·d0) / (den·n0), both integer polynomials.
    const P = this.num.num.map((c) => c * this.den.den);
    const Q = this.den.num.map((c) => c * this.num.den);
    const { text, root } = rationalFunctionToDecimal(this.root.realRoot(), P, Q, digits);
    this.root.adopt(root);
    return text;
  }

  /**
   * The double nearest to the value (ties to even): enclosures are narrowed until both ends round to
   * the same double; a value exactly halfway between two doubles is recognised exactly.
   */
  toNumber(options: AlgebraicOptions = {}): number {
    if (this.sign(options) === 0) return 0;
    for (let bits = 64; ; bits += 64) {
      const x = this.enclosure(bits, options);
      const a = roundToDouble(x.lo);
      const b = roundToDouble(x.hi);
      if (a === b) return a;
      if (bits >= 256) {
        // Adjacent doubles a < b: the value may be their midpoint exactly.
        const mid = dyadicMidpoint(doubleToDyadic(a), doubleToDyadic(b));
        if (this.compare(RealAlgebraicNumber.rational(this.root, dyadicToRat(mid)), options) === 0) return roundToDouble(mid);
      }
    }
  }

  /** The exact data of the number (see rootOfData and fromData). */
  toData(): ExactNumberData {
    const { lo, hi } = this.root.realRoot();
    return { w: this.root.w.slice(), lo, hi, numerator: this.root.ring.toRational(this.num), denominator: this.root.ring.toRational(this.den) };
  }

  /** The number of some exact data (as `toData` writes it); MathError('bad-point') or ('division-by-zero') when it is not one. */
  static fromData(data: ExactNumberData): RealAlgebraicNumber {
    return RealAlgebraicNumber.fraction(rootOfData(data), data.numerator, data.denominator);
  }

  /** num(T)/den(T) as text, with T the root: `(T^2 - 3)/(2*T)`. */
  toString(): string {
    const K = this.root.ring;
    return K.isOne(this.den) ? K.toString(this.num) : `(${K.toString(this.num)})/(${K.toString(this.den)})`;
  }
}

/** Enclosure widths tried by decimalByEnclosure beyond the first, in extra bits, before the exact route. */
const DECIMAL_EXTRA_BITS = [24, 96];

/**
 * `digits` significant digits of x by intervals, or undefined when they cannot decide. A coarse
 * enclosure gives the magnitude 2^m of x (it must exclude 0); an enclosure of absolute width
 * 2^(m - 3.33·digits - 8) then usually has both ends rounding to the same decimal, and rounding (half
 * to even, ./decimal.ts formatDecimal) is monotone, so x, which lies between them, rounds to that
 * decimal too. Ends that round differently mean a rounding boundary lies in the enclosure: it is
 * narrowed twice more, and after that the exact route (which recognises a value on the boundary)
 * decides. Cost: interval Horner evaluations of num and den on t's refined interval
 * (../interval/evaluate.ts) at about 3.33·digits + |m| bits, instead of exact rational values.
 */
function decimalByEnclosure(x: RealAlgebraicNumber, digits: number, options: AlgebraicOptions): string | undefined {
  // The magnitude: from a coarse enclosure, or finer ones when the value is small (its exact sign
  // first: a zero is recognised by a gcd with w, ./root-gcd.ts).
  let known = x.enclosure(16, options);
  for (let bits = 128; intervalContainsZero(known); bits *= 2) {
    if (bits === 128 && x.sign(options) === 0) return '0';
    known = x.enclosure(bits, options);
  }
  // |x| >= 2^(m-1) with m the magnitude of the end nearer 0.
  const near = compareDyadic(dyadicAbsValue(known.lo), dyadicAbsValue(known.hi)) <= 0 ? known.lo : known.hi;
  const base = Math.ceil(digits * 3.3220) + 9 - magnitude(near);
  for (const extra of [0, ...DECIMAL_EXTRA_BITS]) {
    const e = x.enclosure(base + extra, options);
    const lo = formatDecimal(dyadicToRat(e.lo), digits);
    if (lo === formatDecimal(dyadicToRat(e.hi), digits)) return lo;
  }
  return undefined;
}

/** Rounds of decimalsOfFractions (each refines t and raises the precision by what the widest undecided value lacked). */
const FRACTION_ROUNDS = 4;

/**
 * The decimals of several numbers num_i(t) / den(t) with one denominator (the coordinates of a point
 * over their common denominator), by intervals: each round refines t once, evaluates den once and every
 * undecided num_i once on t's interval (interval Horner, ../interval/evaluate.ts), and keeps the texts
 * whose enclosure has both ends rounding alike (rounding is monotone). The next round asks for as many
 * more bits as the widest undecided enclosure lacked. Entries left undefined (a value 0, on or very
 * near a rounding boundary) are for the exact route of each number (RealAlgebraicNumber.toDecimal).
 * den(t) != 0 is the caller's invariant.
 */
export function decimalsOfFractions(root: AlgebraicRoot, numerators: readonly Residue[], denominator: Residue, digits: number, options: AlgebraicOptions = {}): (string | undefined)[] {
  const out: (string | undefined)[] = numerators.map(() => undefined);
  // Absolute widths for values of magnitude about 1 first; the rounds adapt to the actual magnitudes.
  let rootBits = Math.ceil(digits * 3.3220) + 16;
  let precision = rootBits + 48;
  for (let round = 0; round < FRACTION_ROUNDS; round++) {
    checkInterrupt(options.signal);
    root.refine(rootBits, options);
    const T = root.interval();
    const d = quotientBy(evaluateUnivariate(denominator.num, T, precision), denominator.den, precision);
    let more = 0;
    if (intervalContainsZero(d)) more = 32;
    else {
      numerators.forEach((num, i) => {
        if (out[i] !== undefined) return;
        if (num.num.length === 0) {
          out[i] = '0';
          return;
        }
        const x = intervalDiv(quotientBy(evaluateUnivariate(num.num, T, precision), num.den, precision), d, precision);
        if (intervalContainsZero(x)) {
          // Maybe 0: narrowed in the first round only, then left to the exact route.
          if (round === 0) more = Math.max(more, 32);
          return;
        }
        const lo = formatDecimal(dyadicToRat(x.lo), digits);
        if (lo === formatDecimal(dyadicToRat(x.hi), digits)) {
          out[i] = lo;
          return;
        }
        // The width wanted is about 2^(m - 3.33·digits - 8) for |x| ~ 2^m.
        const near = compareDyadic(dyadicAbsValue(x.lo), dyadicAbsValue(x.hi)) <= 0 ? x.lo : x.hi;
        const wanted = magnitude(near) - Math.ceil(digits * 3.3220) - 8;
        more = Math.max(more, magnitude(intervalWidth(x)) - wanted, 8);
      });
    }
    if (out.every((t) => t !== undefined)) break;
    rootBits += more;
    precision += more + 16;
  }
  return out;
}

function dyadicAbsValue(x: Dyadic): Dyadic {
  return x.m < 0n ? { m: -x.m, e: x.e } : x;
}

/** The double nearest to a dyadic (ties to even): BigInt → Number rounds to nearest, and a sticky bit keeps that right after a shift. */
export function roundToDouble(x: Dyadic): number {
  let { m, e } = x;
  const shift = bitLength(m) - 64;
  if (shift > 0) {
    const dropped = m - ((m >> BigInt(shift)) << BigInt(shift));
    m = (m >> BigInt(shift)) | (dropped !== 0n ? 1n : 0n);
    e += shift;
  }
  return Number(m) * 2 ** e;
}


/** The interval x / c for a positive integer c. */
function quotientBy(x: Interval, c: bigint, bits: number): Interval {
  return c === 1n ? x : intervalDiv(x, intervalFromInt(c, bits), bits);
}

/** log2 of |x| rounded up (-Infinity for 0). */
function magnitude(x: Dyadic): number {
  return x.m === 0n ? -Infinity : bitLength(x.m) + x.e;
}

/**
 * gcd(w, q) of a root's w, remembered per polynomial q (the same array object) and residue ring: the
 * points of one representation share their ring and their coordinates' numerators, so a coordinate
 * that is 0 at several points costs one gcd.
 */
const gcdCache = new WeakMap<readonly bigint[], { readonly ring: ResidueRing; readonly g: bigint[] }>();

function gcdAtRoot(root: AlgebraicRoot, q: readonly bigint[], options: AlgebraicOptions): bigint[] {
  const known = gcdCache.get(q);
  if (known && known.ring === root.ring) return known.g;
  const g = gcdWithPolynomial(root.w, q, options.signal);
  gcdCache.set(q, { ring: root.ring, g });
  return g;
}

/**
 * The exact sign of the integer polynomial q at t: an interval first; when it straddles 0, q(t) = 0 is
 * decided by the gcd with w (./root-gcd.ts: t is a root of gcd(w, q) iff the gcd changes sign on t's
 * isolating interval), and otherwise t is refined until an interval of q excludes 0.
 */
export function signAt(root: AlgebraicRoot, q: readonly bigint[], options: AlgebraicOptions = {}): -1 | 0 | 1 {
  if (q.length === 0) return 0;
  if (q.length === 1) return q[0]! > 0n ? 1 : -1;
  checkInterrupt(options.signal);
  const s = intervalSign(evaluateUnivariate(q, root.interval(), 128));
  if (s !== undefined) return s; // [0, 0] encloses only 0
  const t = root.isolated;
  if (t.signLo === 0) return signAtDyadic(q, t.lo);
  const g = gcdAtRoot(root, q, options);
  if (g.length > 1 && signAtDyadic(g, t.lo) * signAtDyadic(g, t.hi) < 0) return 0;
  for (let bits = 64; ; bits *= 2) {
    checkInterrupt(options.signal);
    const r = root.refine(bits, options);
    if (r.signLo === 0) return signAtDyadic(q, r.lo);
    const v = intervalSign(evaluateUnivariate(q, root.interval(), 2 * bits + 64));
    if (v !== undefined && v !== 0) return v;
  }
}
