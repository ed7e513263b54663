// Multi-modular Gröbner bases over QQ: F4 modulo many primes, Chinese remaindering and rational
// reconstruction (E. A. Arnold, "Modular algorithms for computing Gröbner bases", JSC 35 (2003);
// M. Monagan's and Idrees–Pfister–Steidel's modular std; Traverso's "Gröbner trace" for the replays;
// P. S. Wang, "A p-adic algorithm for univariate partial fractions", SYMSAC 1981, and Wang, Guy,
// Davenport 1982 for rational reconstruction).
//
// The algorithm:
//  1. Clear denominators and contents: integer generators with the same supports.
//  2. Primes just below 2^22 (F4 then accumulates hundreds of products exactly between reductions,
//     see f4-matrix.ts; larger primes would need fewer images but a slower kernel), skipping
//     a prime that divides any input coefficient (it would change a support, in particular a lead).
//  3. A full F4 run at the first prime records a trace; every further prime replays it (no pair
//     handling, no symbolic preprocessing, no rows that reduced to zero). A replay that behaves
//     differently rejects its prime; when most replays fail, the learning prime was unlucky and the
//     computation restarts from a fresh learning run.
//  4. Residues are kept as mixed-radix (Garner) digits, updated in doubles as each prime arrives.
//     Rational reconstruction is attempted element by element, starting with the element that failed
//     last time, and stops at the first failure; within an element, the common denominator found so
//     far is tried first (so most coefficients need one multiplication, not an extended Euclid).
//  5. A reconstruction is accepted when it agrees with the next prime's replay (not used to build it).
//  6. Verification: `'probabilistic'` (default): a complete replay at a fresh prime, which reduces
//     also the rows that vanished in the learning run, must vanish where they vanished and give the
//     image of the result (this catches an unlucky learning prime, whose trace skips rows that
//     matter), and every input must reduce to zero modulo the result over QQ (exact: the input ideal
//     lies in the ideal of the result). `'full'` adds the S-pair test over QQ (with the Gebauer–Möller
//     criteria), which proves that the result is a Gröbner basis of an ideal J containing the input
//     ideal I. For HOMOGENEOUS input, J = I when moreover the Hilbert function of J equals that of the
//     basis modulo the learning prime: in each degree d, I_d is spanned by the multiples of the
//     generators, a matrix whose rank can only drop modulo p, so HF(R/I_p) >= HF(R/I) >= HF(R/J)
//     (then `certified: true`). For affine input that inequality is FALSE: x + y, x + (1 + p)·y - 1
//     has vdim 1 over QQ and is the unit ideal modulo p (vdim 0). Affine input in grevlex is
//     certified through its homogenization instead: the generators homogenized by a new variable h,
//     smallest in grevlex, give a homogeneous ideal H with H : h^∞ = I^h, certified as above; setting
//     h = 1 in a Gröbner basis of H gives a Gröbner basis of I (Bayer's lemma for grevlex with h last,
//     and Cox–Little–O'Shea, "Ideals, Varieties, and Algorithms", ch. 8 §4 Thm. 4), which is then
//     interreduced exactly and must equal the reconstruction. Other affine inputs are not certified.
import { MathError } from '../errors.js';
import { type Ring, isRationalField } from '../domain.js';
import { type Rat, invModNumber } from '../field.js';
import { bigGcd, bigSqrt } from '../integers.js';
import { lehmerGcd } from './lehmer.js';
import type { Monomial } from '../monomial.js';
import { type Poly, PolyRing } from '../poly.js';
import { checkInterrupt, type ComputeOptions } from '../progress.js';
import { Random } from '../random.js';
import { MonomialTable } from './f4-monomials.js';
import { f4Ids, replayF4, type F4Trace, type IdPoly } from './f4.js';
import { Reducer, interreduce, spoly } from './reduce.js';

export type ModularVerification = 'full' | 'probabilistic';

export interface ModularOptions extends ComputeOptions {
  /** 'probabilistic' (default) or 'full' (exact S-pair test over QQ). */
  readonly verify?: ModularVerification;
  /** Seed for the choice of primes; by default the primes below 2^22 are taken in decreasing order. */
  readonly seed?: number;
  /** Give up (MathError 'modular-failed') after this many primes (default 2000). */
  readonly maxPrimes?: number;
}

export interface ModularResult {
  /** The reduced Gröbner basis over QQ: monic, sorted by increasing leading monomial. */
  readonly basis: Poly<Rat>[];
  readonly certified: boolean;
  /** The primes whose images were combined. */
  readonly primes: number[];
  /** How the result was obtained and checked. */
  readonly note: string;
  /** Milliseconds spent in each phase (learning run, replays, reconstruction, checks, verification). */
  readonly timings: ModularTimings;
}

export interface ModularTimings {
  learn: number;
  replay: number;
  reconstruct: number;
  crt: number;
  independentCheck: number;
  inputsOverQQ: number;
  fullVerification: number;
}

// --- primes -------------------------------------------------------------------------------------

/** The primes used lie below this bound (and above 2^20). */
export const MODULAR_PRIME_BOUND = 2 ** 22;

function isPrimeNumber(n: number): boolean {
  if (n < 2) return false;
  if (n % 2 === 0) return n === 2;
  if (n % 3 === 0) return n === 3;
  for (let d = 5; d * d <= n; d += 6) if (n % d === 0 || n % (d + 2) === 0) return false;
  return true;
}

/** An endless stream of distinct primes in (2^20, 2^22): decreasing from the bound, or from a seeded start. */
export function* primeStream(seed?: number): Generator<number> {
  let start = MODULAR_PRIME_BOUND - 1;
  if (seed !== undefined) start = new Random(seed).int(2 ** 21, MODULAR_PRIME_BOUND - 1);
  for (let n = start | 1; n > 2 ** 20; n -= 2) if (isPrimeNumber(n)) yield n;
  // Wrapped around (only with a seed): continue below the bound, above the start.
  for (let n = (MODULAR_PRIME_BOUND - 1) | 1; n > start; n -= 2) if (isPrimeNumber(n)) yield n;
  throw new MathError('modular-failed', 'ran out of primes');
}

// --- Chinese remaindering and rational reconstruction ---------------------------------------------

/** x mod p for a bigint x and a small prime p, as a number in [0, p). */
export function bigMod(x: bigint, p: number): number {
  const r = Number(x % BigInt(p));
  return r < 0 ? r + p : r;
}

/**
 * The unique x in [0, p1·…·pk) with x ≡ r_i mod p_i (distinct primes below 2^26), by Garner's
 * mixed-radix algorithm.
 */
export function crt(residues: readonly number[], primes: readonly number[]): bigint {
  if (residues.length !== primes.length) throw new RangeError('crt: one residue per prime');
  const k = primes.length;
  const digits: number[] = [];
  for (let i = 0; i < k; i++) {
    const p = primes[i]!;
    let s = 0;
    let prod = 1;
    for (let j = i - 1; j >= 0; j--) s = (s * (primes[j]! % p) + digits[j]!) % p;
    for (let j = 0; j < i; j++) prod = (prod * (primes[j]! % p)) % p;
    let r = residues[i]! % p;
    if (r < 0) r += p;
    let d = ((r - s) % p) + p;
    d = (d * invModNumber(prod, p)) % p;
    digits.push(d);
  }
  let x = 0n;
  for (let j = k - 1; j >= 0; j--) x = x * BigInt(primes[j]!) + BigInt(digits[j]!);
  return x;
}

/**
 * Rational reconstruction (Wang 1981): the fraction n/d with n ≡ a·d (mod m), |n| <= N and
 * 0 < d <= D, where N = D = floor(sqrt(m/2)) unless given; such a fraction is unique when 2ND < m.
 * Returns null when there is none.
 */
export function rationalReconstruction(a: bigint, m: bigint, N?: bigint, D?: bigint): Rat | null {
  const bound = N ?? bigSqrt(m / 2n);
  const dBound = D ?? bound;
  a %= m;
  if (a < 0n) a += m;
  let r0 = m, r1 = a;
  let t0 = 0n, t1 = 1n;
  while (r1 > bound) {
    const q = r0 / r1;
    const r2 = r0 - q * r1;
    r0 = r1;
    r1 = r2;
    const t2 = t0 - q * t1;
    t0 = t1;
    t1 = t2;
  }
  if (t1 === 0n) return null;
  const d = t1 < 0n ? -t1 : t1;
  if (d > dBound) return null;
  if (bigGcd(r1, d) !== 1n) return null;
  return { num: t1 < 0n ? -r1 : r1, den: d };
}

/** x mod p for 0 <= x < 2^53 (p < 2^26). */
function reduceModulo(x: number, p: number, pinv: number): number {
  let r = x - Math.floor(x * pinv) * p;
  if (r < 0) r += p;
  else if (r >= p) r -= p;
  return r;
}

/** s[c] = (s[c]·q + v[c]) mod p for every c (all operands below 2^26, so the sum is exact). */
function hornerStep(s: Float64Array, v: Float64Array, q: number, p: number, pinv: number): void {
  for (let c = 0; c < s.length; c++) s[c] = reduceModulo(s[c]! * q + v[c]!, p, pinv);
}

/**
 * Residues of a fixed list of coefficients modulo a growing list of primes, stored as Garner
 * mixed-radix digits: x = v_0 + v_1·p_0 + v_2·p_0·p_1 + … . Adding a prime costs O(k) double
 * operations per coefficient; the bigint value is assembled only when asked for.
 */
export class MixedRadix {
  readonly primes: number[] = [];
  private bigPrimes: bigint[] = [];
  /** digits[i] holds the i-th digit of every coefficient. */
  private digits: Float64Array[] = [];
  /** prefixInverse[i] = (p_0·…·p_{i-1})^{-1} mod p_i. */
  private prefixInverse: number[] = [];
  private modulus = 1n;

  constructor(readonly size: number) {}

  get count(): number {
    return this.primes.length;
  }

  get product(): bigint {
    return this.modulus;
  }

  add(p: number, residues: Float64Array): void {
    const i = this.primes.length;
    const pinv = 1 / p;
    let prod = 1;
    const reduced: number[] = [];
    for (let j = 0; j < i; j++) {
      const pj = this.primes[j]! % p;
      reduced.push(pj);
      prod = reduceModulo(prod * pj, p, pinv);
    }
    const inv = i === 0 ? 1 : invModNumber(prod, p);
    // s = v_0 + v_1·p_0 + … + v_{i-1}·p_0…p_{i-2} modulo p, by Horner from the top digit, one digit
    // row at a time (long loops over typed arrays).
    const size = this.size;
    const s = new Float64Array(size);
    for (let j = i - 1; j >= 0; j--) hornerStep(s, this.digits[j]!, reduced[j]!, p, pinv);
    const digit = new Float64Array(size);
    for (let c = 0; c < size; c++) {
      let d = residues[c]! - s[c]!;
      if (d < 0) d += p;
      digit[c] = reduceModulo(d * inv, p, pinv);
    }
    this.primes.push(p);
    this.bigPrimes.push(BigInt(p));
    this.digits.push(digit);
    this.prefixInverse.push(inv);
    this.modulus *= BigInt(p);
  }

  /** The coefficient c as an integer in [0, product). */
  value(c: number): bigint {
    const k = this.primes.length;
    if (k === 0) return 0n;
    let x = BigInt(this.digits[k - 1]![c]!);
    let j = k - 2;
    // Two digits at a time: v_j + p_j·v_{j+1} < 2^50 is exact in a double.
    for (; j >= 1; j -= 2) {
      const low = this.digits[j - 1]![c]! + this.primes[j - 1]! * this.digits[j]![c]!;
      x = x * (this.bigPrimes[j]! * this.bigPrimes[j - 1]!) + BigInt(low);
    }
    if (j === 0) x = x * this.bigPrimes[0]! + BigInt(this.digits[0]![c]!);
    return x;
  }
}

// --- the modular algorithm -----------------------------------------------------------------------

export interface IntegerPoly {
  mons: readonly Monomial[];
  coeffs: bigint[];
}

/** Primitive integer multiples of the non-zero generators (same supports). */
export function integerGenerators(gens: readonly Poly<Rat>[]): IntegerPoly[] {
  const out: IntegerPoly[] = [];
  for (const g of gens) {
    if (g.mons.length === 0) continue;
    let l = 1n;
    for (const c of g.coeffs) l = (l / bigGcd(l, c.den)) * c.den;
    let coeffs = g.coeffs.map((c) => (c.num * l) / c.den);
    let content = 0n;
    for (const c of coeffs) content = bigGcd(content, c);
    if (content > 1n) coeffs = coeffs.map((c) => c / content);
    out.push({ mons: g.mons, coeffs });
  }
  return out;
}

/** The inputs modulo p, monic; null when p divides a coefficient. */
export function inputsModulo(inputs: readonly IntegerPoly[], p: number): Float64Array[] | null {
  const out: Float64Array[] = [];
  for (const f of inputs) {
    const coefs = new Float64Array(f.coeffs.length);
    for (let k = 0; k < coefs.length; k++) {
      const c = bigMod(f.coeffs[k]!, p);
      if (c === 0) return null;
      coefs[k] = c;
    }
    const inv = invModNumber(coefs[0]!, p);
    for (let k = 0; k < coefs.length; k++) coefs[k] = (coefs[k]! * inv) % p;
    out.push(coefs);
  }
  return out;
}

/** The shape of a basis: the supports of its elements, as a list of id arrays. */
interface Shape {
  readonly mons: Int32Array[];
  /** Offset of each element's coefficients in the flat coefficient vector. */
  readonly offsets: Int32Array;
  readonly total: number;
}

function shapeOf(basis: readonly IdPoly[]): Shape {
  const offsets = new Int32Array(basis.length + 1);
  for (let e = 0; e < basis.length; e++) offsets[e + 1] = offsets[e]! + basis[e]!.mons.length;
  return { mons: basis.map((g) => g.mons), offsets, total: offsets[basis.length]! };
}

/** The coefficients of `basis` laid out along `shape` (missing terms are 0); null when it does not fit. */
function flatten(shape: Shape, basis: readonly IdPoly[]): Float64Array | null {
  if (basis.length !== shape.mons.length) return null;
  const out = new Float64Array(shape.total);
  for (let e = 0; e < basis.length; e++) {
    const want = shape.mons[e]!;
    const g = basis[e]!;
    if (g.mons[0] !== want[0]) return null;
    const off = shape.offsets[e]!;
    if (g.mons.length === want.length && g.mons.every((m, k) => m === want[k])) {
      out.set(g.coefs, off);
      continue;
    }
    // Different supports: every non-zero term of g must occur in the shape (both decreasing).
    const pos = new Map<number, number>();
    for (let k = 0; k < want.length; k++) pos.set(want[k]!, k);
    for (let k = 0; k < g.mons.length; k++) {
      if (g.coefs[k] === 0) continue;
      const at = pos.get(g.mons[k]!);
      if (at === undefined) return null;
      out[off + at] = g.coefs[k]!;
    }
  }
  return out;
}

/** Where a reconstruction attempt failed: element and term position. */
interface Failure {
  readonly failed: number;
  readonly position: number;
}

interface Candidate {
  /** Per element, the numerators and the common denominator of its coefficients. */
  readonly nums: bigint[][];
  readonly dens: bigint[];
  /** Per element, factors whose product is the common denominator (as reconstruction found them). */
  readonly factors: bigint[][];
}

/**
 * Rational reconstruction of every coefficient, element by element, starting where the last attempt
 * failed; returns the candidate or where it failed.
 */
function reconstruct(shape: Shape, residues: MixedRadix, first: Failure): Candidate | Failure {
  const m = residues.product;
  const bound = bigSqrt(m / 2n);
  const half = m / 2n;
  const nelem = shape.mons.length;
  // The coefficient that failed last time usually fails again: try it alone first.
  const probeAt = shape.offsets[first.failed]! + first.position;
  if (first.position > 0 && probeAt < shape.offsets[first.failed + 1]!) {
    if (rationalReconstruction(residues.value(probeAt), m, bound, bound) === null) return first;
  }
  const nums: bigint[][] = new Array(nelem);
  const dens: bigint[] = new Array(nelem);
  const factors: bigint[][] = new Array(nelem);
  for (let step = 0; step < nelem; step++) {
    const e = (first.failed + step) % nelem;
    const off = shape.offsets[e]!;
    const len = shape.offsets[e + 1]! - off;
    // Coefficients of the element as n_k / d with one common denominator d (the element is monic).
    let d = 1n;
    const elementFactors: bigint[] = [];
    const elementNums: bigint[] = new Array(len);
    elementNums[0] = 1n;
    let failedAt = 0;
    // Reconstruct the last coefficient first: it is often the largest, so a failure shows early.
    const order: number[] = [];
    for (let k = len - 1; k >= 1; k--) order.push(k);
    for (const k of order) {
      const c = residues.value(off + k);
      let y = (c * d) % m;
      if (y > half) y -= m;
      const ay = y < 0n ? -y : y;
      if (ay <= bound) {
        elementNums[k] = y;
        continue;
      }
      const r = rationalReconstruction(y < 0n ? y + m : y, m, bound, bound);
      // c = r / d  ->  c = r.num / (r.den·d): rescale what we have.
      const newD = r === null ? 0n : d * r.den;
      if (r === null || newD > bound) {
        failedAt = k;
        break;
      }
      for (const j of order) {
        if (j === k) break;
        elementNums[j] = elementNums[j]! * r.den;
      }
      elementNums[0] = newD;
      elementNums[k] = r.num;
      d = newD;
      elementFactors.push(r.den);
    }
    if (failedAt > 0) return { failed: e, position: failedAt };
    elementNums[0] = d;
    nums[e] = elementNums;
    dens[e] = d;
    factors[e] = elementFactors;
  }
  return { nums, dens, factors };
}

/** The candidate's coefficients modulo p, flat; null when p divides a denominator. */
function candidateModulo(shape: Shape, cand: Candidate, p: number): Float64Array | null {
  const out = new Float64Array(shape.total);
  const bp = BigInt(p);
  const mod = (x: bigint) => {
    const r = Number(x % bp);
    return r < 0 ? r + p : r;
  };
  const pinv = 1 / p;
  for (let e = 0; e < shape.mons.length; e++) {
    const dm = mod(cand.dens[e]!);
    if (dm === 0) return null;
    const inv = invModNumber(dm, p);
    const off = shape.offsets[e]!;
    const nums = cand.nums[e]!;
    for (let k = 0; k < nums.length; k++) out[off + k] = reduceModulo(mod(nums[k]!) * inv, p, pinv);
  }
  return out;
}

function sameVector(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function candidateToPolys(table: MonomialTable, shape: Shape, cand: Candidate): Poly<Rat>[] {
  return shape.mons.map((mons, e) => {
    const d = cand.dens[e]!;
    const nums = cand.nums[e]!;
    const outMons: Monomial[] = [];
    const coeffs: Rat[] = [];
    for (let k = 0; k < mons.length; k++) {
      const n = k === 0 ? d : nums[k]!;
      if (n === 0n) continue;
      outMons.push(table.monomial(mons[k]!));
      // gcd(n, f_1·…·f_t) = gcd(n, f_1)·gcd(n/gcd(n, f_1), f_2·…·f_t) (prime by prime: min(e, α) +
      // min(e - min(e, α), β) = min(e, α + β)), so the gcd with the common denominator is a product
      // of gcds with its (much smaller) factors.
      let g = 1n;
      let rest = n;
      for (const f of cand.factors[e]!) {
        if (f === 1n) continue;
        const h = lehmerGcd(rest % f, f);
        if (h !== 1n) {
          g *= h;
          rest /= h;
        }
      }
      coeffs.push(g === 1n ? { num: n, den: d } : { num: n / g, den: d / g });
    }
    return { mons: outMons, coeffs };
  });
}

/**
 * The reduced Gröbner basis over QQ by the multi-modular method. The result is labelled
 * `certified` only after the full verification (option `verify: 'full'`) succeeded.
 */
export function modularGroebner(R: PolyRing<Rat>, gens: readonly Poly<Rat>[], options: ModularOptions = {}): ModularResult {
  const field: Ring<unknown> = R.field;
  if (!isRationalField(field)) throw new MathError('bad-field', `the modular algorithm works over QQ, not ${field.name}`);
  const verify = options.verify ?? 'probabilistic';
  const maxPrimes = options.maxPrimes ?? 2000;
  const timings: ModularTimings = { learn: 0, replay: 0, reconstruct: 0, crt: 0, independentCheck: 0, inputsOverQQ: 0, fullVerification: 0 };
  const timed = <T>(phase: keyof ModularTimings, f: () => T): T => {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      timings[phase] += performance.now() - t0;
    }
  };
  const inputs = integerGenerators(gens);
  if (inputs.length === 0) return { basis: [], certified: true, primes: [], note: 'the zero ideal', timings };
  const spec = R.order.spec;
  const table = new MonomialTable(R.nvars, spec);
  const inputIds: IdPoly[] = inputs.map((f) => ({
    mons: Int32Array.from(f.mons, (m) => table.fromMonomial(m)),
    coefs: new Float64Array(f.mons.length),
  }));
  const primes = primeStream(options.seed);
  let tried = 0;
  const nextPrime = (): { p: number; coefs: Float64Array[] } => {
    for (;;) {
      if (++tried > maxPrimes) throw new MathError('modular-failed', `no stable result after ${maxPrimes} primes`);
      const p = primes.next().value as number;
      const coefs = inputsModulo(inputs, p);
      if (coefs) return { p, coefs };
    }
  };
  const fullF4 = (p: number, coefs: Float64Array[], learn: boolean) =>
    f4Ids(
      table,
      p,
      spec,
      inputIds.map((f, k) => ({ mons: f.mons, coefs: coefs[k]! })),
      { learn, signal: options.signal, ...(learn && options.onProgress ? { onProgress: options.onProgress } : {}) },
    );
  const progress = (message: string, prime?: number) =>
    options.onProgress?.({ stage: 'modular', message, ...(prime === undefined ? {} : { prime }) });

  let restarts = 0;
  let rejected = 0;
  let checkPrime = 0;
  for (;;) {
    // Learning run.
    const first = nextPrime();
    const learned = timed('learn', () => fullF4(first.p, first.coefs, true));
    const trace = learned.trace as F4Trace;
    const shape = shapeOf(learned.basis);
    const residues = new MixedRadix(shape.total);
    timed('crt', () => residues.add(first.p, flatten(shape, learned.basis)!));
    progress(`learned the trace: ${shape.mons.length} elements, ${shape.total} coefficients`, first.p);
    let failures = 0;
    let lastFailed: Failure = { failed: 0, position: 0 };
    let candidate: Candidate | null = null;
    let successes = 0;
    while (candidate === null) {
      checkInterrupt(options.signal);
      const { p, coefs } = nextPrime();
      const replayed = timed('replay', () => replayF4(trace, p, coefs, { signal: options.signal }));
      const flat = replayed ? flatten(shape, replayed) : null;
      if (!flat) {
        failures++;
        rejected++;
        if (failures >= 3 && failures > successes) break; // the learning prime looks unlucky
        continue;
      }
      successes++;
      timed('crt', () => residues.add(p, flat));
      progress(`prime ${residues.count}`, p);
      const attempt = timed('reconstruct', () => reconstruct(shape, residues, lastFailed));
      if ('failed' in attempt) {
        lastFailed = attempt;
        continue;
      }
      // Accept when the next prime agrees.
      for (;;) {
        const check = nextPrime();
        const rep = timed('replay', () => replayF4(trace, check.p, check.coefs, { signal: options.signal }));
        const flatCheck = rep ? flatten(shape, rep) : null;
        if (!flatCheck) {
          rejected++;
          continue;
        }
        const mod = timed('reconstruct', () => candidateModulo(shape, attempt, check.p));
        if (mod && sameVector(mod, flatCheck)) candidate = attempt;
        else residues.add(check.p, flatCheck);
        break;
      }
    }
    if (candidate === null) {
      if (++restarts > 5) throw new MathError('modular-failed', 'the F4 trace failed at too many primes');
      progress('restarting: the learning prime looks unlucky');
      continue;
    }

    // Independent check at a fresh prime: a full replay, which also reduces the rows that vanished
    // in the learning run. A row that vanished only modulo the learning prime (an unlucky prime the
    // replays cannot see, as they skip such rows) does not vanish here; otherwise the trace is an F4
    // computation valid over QQ, and its image must be the candidate's.
    let verdict: 'ok' | 'unlucky-learning' | 'mismatch' = 'mismatch';
    for (let attempt = 0; attempt < 3 && verdict === 'mismatch'; attempt++) {
      const fresh = nextPrime();
      let reason = '';
      const full = timed('independentCheck', () =>
        replayF4(trace, fresh.p, fresh.coefs, { signal: options.signal, checkZeroRows: true, onFailure: (r) => (reason = r) }),
      );
      if (full === null) {
        if (reason === 'zero-row') verdict = 'unlucky-learning';
        continue; // the fresh prime itself may be unlucky: try another
      }
      const image = candidateModulo(shape, candidate, fresh.p);
      const flatFull = flatten(shape, full);
      if (image !== null && flatFull !== null && sameVector(image, flatFull)) {
        verdict = 'ok';
        checkPrime = fresh.p;
      }
    }
    if (verdict !== 'ok') {
      if (++restarts > 5) throw new MathError('modular-failed', 'the reconstructed basis does not survive the independent check');
      progress(`restarting: the independent check failed (${verdict})`);
      continue;
    }

    const basis = timed('reconstruct', () => candidateToPolys(table, shape, candidate));
    const containsInputs = timed('inputsOverQQ', () => {
      const reducer = new Reducer(R, reducersFor(R, basis, gens), options.signal);
      return gens.every((g) => reducer.reducesToZero(g));
    });
    if (!containsInputs) {
      // The trace skipped a row that vanished only modulo the learning prime.
      if (++restarts > 5) throw new MathError('modular-failed', 'an input does not reduce to zero modulo the reconstructed basis');
      progress('restarting: an input does not reduce to zero modulo the reconstruction');
      continue;
    }
    const used = residues.primes;
    let note =
      `multi-modular F4 over ${used.length} primes below 2^22 (learning at ${used[0]}` +
      (restarts > 0 ? `, ${restarts} restart(s)` : '') +
      (rejected > 0 ? `, ${rejected} prime(s) rejected` : '') +
      `); the reconstruction agreed with a further prime and with a complete F4 replay modulo ${checkPrime} ` +
      `(which also checks that every row that vanished in the learning run vanishes again); ` +
      `every input reduces to zero modulo the result over QQ`;
    let certified = false;
    if (verify === 'full') {
      const full = timed('fullVerification', () =>
        fullVerification(R, gens, basis, table, shape, trace, new Reducer(R, basis, options.signal), options),
      );
      certified = full.certified;
      note += `; ${full.note}`;
      if (!certified && spec.kind === 'grevlex') {
        const viaH = timed('fullVerification', () => homogenizedCertificate(R, gens, basis, options));
        certified = viaH.certified;
        note += `; ${viaH.note}`;
      }
    } else {
      note += ' (probabilistic: not a proof)';
    }
    return { basis, certified, primes: used.slice(), note, timings };
  }
}

/**
 * The elements of a reduced basis that can take part in reducing `polys`: all of them, except for
 * degree-compatible orders (grevlex, positive weights), where a reducer's lead — hence, the order
 * being degree compatible, every term — has a (weighted) degree at most that of the polynomial.
 */
function reducersFor(R: PolyRing<Rat>, basis: readonly Poly<Rat>[], polys: readonly Poly<Rat>[]): readonly Poly<Rat>[] {
  const spec = R.order.spec;
  let weight: (m: Monomial) => number;
  if (spec.kind === 'grevlex') weight = (m) => m.reduce((a, e) => a + e, 0);
  else if (spec.kind === 'weighted' && spec.weights.every((w) => w > 0)) weight = (m) => m.reduce((a, e, i) => a + e * spec.weights[i]!, 0);
  else return basis;
  let top = 0;
  for (const f of polys) for (const m of f.mons) top = Math.max(top, weight(m));
  return basis.filter((g) => g.mons.length > 0 && weight(g.mons[0]!) <= top);
}

/**
 * The exact test: every S-pair surviving the Gebauer–Möller criteria reduces to zero over QQ, so the
 * basis is a Gröbner basis of an ideal J containing the input ideal I; for homogeneous input, I = J
 * when the Hilbert function agrees with the basis modulo the learning prime (see the module header:
 * the argument needs homogeneous input and is not used for affine input).
 */
function fullVerification(
  R: PolyRing<Rat>,
  gens: readonly Poly<Rat>[],
  basis: Poly<Rat>[],
  table: MonomialTable,
  shape: Shape,
  trace: F4Trace,
  reducer: Reducer<Rat>,
  options: ModularOptions,
): { certified: boolean; note: string } {
  const leads = shape.mons.map((m) => m[0]!);
  for (const [i, j] of criticalPairs(table, leads)) {
    checkInterrupt(options.signal);
    if (!reducer.reducesToZero(spoly(R, basis[i]!, basis[j]!))) {
      throw new MathError('modular-failed', 'an S-polynomial of the reconstructed basis does not reduce to zero');
    }
  }
  const sameLeads = trace.leads.length === leads.length && leads.every((l, k) => l === trace.leads[k]);
  if (sameLeads && gens.every((g) => R.isHomogeneous(g))) {
    return {
      certified: true,
      note: 'certified: all S-pairs reduce to zero over QQ, and the Hilbert function agrees with the basis modulo the learning prime (an upper bound for homogeneous input)',
    };
  }
  return {
    certified: false,
    note: 'all S-pairs reduce to zero over QQ (the result is a Gröbner basis of an ideal containing the input); for affine input the Hilbert function modulo a prime proves no equality of the ideals',
  };
}

/**
 * The certificate of an affine basis in grevlex through the homogenization (see the module header):
 * a certified basis of the homogenized generators (h a new last variable, grevlex), dehomogenized
 * and interreduced over QQ, must be `basis`.
 */
function homogenizedCertificate(R: PolyRing<Rat>, gens: readonly Poly<Rat>[], basis: readonly Poly<Rat>[], options: ModularOptions): { certified: boolean; note: string } {
  let h = 'h';
  while (R.vars.includes(h)) h = `_${h}`;
  const n = R.nvars;
  const H = new PolyRing(R.field, [...R.vars, h], { kind: 'grevlex' });
  const homogenized = gens.map((g) => H.homogenize(H.fromTerms(g.mons.map((m, k): [Monomial, Rat] => [Int32Array.from([...m, 0]), g.coeffs[k]!])), n));
  const lifted = modularGroebner(H, homogenized, { ...options, verify: 'full' });
  if (!lifted.certified) return { certified: false, note: `the homogenized ideal is not certified either (${lifted.note})` };
  const dehomogenized = lifted.basis.map((g) => R.fromTerms(g.mons.map((m, k): [Monomial, Rat] => [m.slice(0, n), g.coeffs[k]!])));
  const reduced = interreduce(R, dehomogenized, options.signal);
  const same = reduced.length === basis.length && reduced.every((g, k) => R.equals(g, basis[k]!));
  if (!same) throw new MathError('modular-failed', 'the reconstructed basis differs from the certified basis of the homogenized input');
  return {
    certified: true,
    note:
      `certified through the homogenization: the basis of the generators homogenized by ${h} (${lifted.basis.length} elements) ` +
      `is certified (S-pairs over QQ and its Hilbert function), and setting ${h} = 1 in it gives this basis`,
  };
}

/** The pairs (i, j), i < j, that survive the Gebauer–Möller criteria for a basis with these leads. */
export function criticalPairs(table: MonomialTable, leads: readonly number[]): [number, number][] {
  interface P {
    i: number;
    j: number;
    lcm: number;
  }
  let pairs: P[] = [];
  const active: number[] = [];
  for (let h = 0; h < leads.length; h++) {
    const lh = leads[h]!;
    pairs = pairs.filter((pr) => {
      if (!table.divides(lh, pr.lcm)) return true;
      return table.lcm(leads[pr.i]!, lh) === pr.lcm || table.lcm(leads[pr.j]!, lh) === pr.lcm;
    });
    const cand = active.map((i) => ({ i, j: h, lcm: table.lcm(leads[i]!, lh), coprime: table.coprime(leads[i]!, lh) }));
    const state = new Uint8Array(cand.length);
    for (let a = 0; a < cand.length; a++) {
      if (cand[a]!.coprime) {
        state[a] = 1;
        continue;
      }
      let drop = false;
      for (let b = 0; b < cand.length && !drop; b++) {
        if (b !== a && state[b] !== 2 && table.divides(cand[b]!.lcm, cand[a]!.lcm)) drop = true;
      }
      state[a] = drop ? 2 : 1;
    }
    for (let a = 0; a < cand.length; a++) if (state[a] === 1 && !cand[a]!.coprime) pairs.push(cand[a]!);
    const still = active.filter((i) => !table.divides(lh, leads[i]!));
    still.push(h);
    active.length = 0;
    active.push(...still);
  }
  return pairs.map((pr) => [pr.i, pr.j]);
}
