// Lifting a parametrization from its images modulo many primes to QQ (./parametrize.ts, step 3), in
// the way msolve does it (J. Berthomieu, C. Eder, M. Safey El Din, ISSAC 2021, §4): reconstruct a few
// sampled coefficients at checkpoints, and all of them only once the sample is stable.
//
// Representation: an image is the flat vector of ./prime-tasks.ts (w_0..w_{D-1} of the monic w, then
// each v_i padded to D), `count` polynomials of D coefficients; a candidate is one `RationalPoly` per
// polynomial (coefficient k = nums[k] / den).
//
// Algorithm. The images are stored (./crt.ts), so adding a prime costs nothing. At checkpoints (the
// prime count grows geometrically by CHECKPOINT_GROWTH, so the checkpoints cost a bounded multiple of
// the last one and at most that fraction of primes is computed beyond the needed count), with k
// primes:
//  1. the sampled coefficients (the non-zero coefficients of w nearest j·D/SAMPLE_SPREAD, then every
//     coefficient that made a full attempt fail) are reconstructed from the first k-1 primes by CRT
//     and Wang's rational reconstruction (Lehmer-accelerated, ./reconstruct.ts) and compared with the
//     k-th image; δ = the lcm of the denominators of those that reconstruct and agree (each divides the
//     leading coefficient lc of W). When none does, the attempt ends. The coefficients of w = W/lc in
//     lowest terms differ in size: on the network 2-2-1, gcd(W_j, lc) grows from 27 bits at W_1 to
//     1,907 at W_31 (lc: 2,221 bits), so the upper coefficients are small fractions that reconstruct
//     long before the others, and give most of lc;
//  2. then every coefficient, polynomial by polynomial, scaled by δ before the CRT, from the top
//     coefficient down: a coefficient is an integer times the denominator found so far, or a fraction
//     with a small further denominator, which then multiplies the denominator of the polynomial and is
//     carried to the next polynomial (W and the V_i share lc: Rouillier's w'-form, x_i = V_i/(d_i W'),
//     has d_i small and V_i of about the height h of W). A fraction of n and d bits needs a modulus of
//     n + d bits, an integer of n bits one of n bits: an integer is accepted up to m / 2^INTEGER_MARGIN
//     (not up to √(m/2), the balanced bound), and a fraction is found by Wang's reconstruction with
//     the denominator bounds 2^b, b growing geometrically (smallDenominatorFraction), each with the
//     same margin. A coefficient that is not such a number passes either test with probability about
//     2^-INTEGER_MARGIN, and then the comparison with the k-th image rejects the candidate (step 3).
//     So the modulus needed is about h plus the margin and the further denominators, where balanced
//     reconstruction of each coefficient needs 2h: measured, 223 → 114 primes on the network 2-2-1
//     (W of 2,378 bits), 201 → 108 on 1-2-2, 53 → 35 on 2-1-2, 102 → 62 on katsura-8 (the sample
//     of 31 coefficients rather than 7 saves 8 of those 70 on katsura-8);
//  3. the whole candidate is compared with the k-th image. A coefficient that fails in 2 or 3 joins
//     the sample.
// What is returned agrees with one prime that was not used to build it (early termination, the
// probabilistic criterion of multi-modular algorithms); the caller checks it at an independent prime.
import { invModNumber } from '../field.js';
import { bigGcd, bigSqrt } from '../integers.js';
import { bigMod } from '../groebner/modular.js';
import { ResidueStore } from './crt.js';
import type { PrimeEstimate } from './estimate.js';
import { bitLength, reconstructRational } from './reconstruct.js';

/** Checkpoints: the next is at max(k + 1, ceil(k · CHECKPOINT_GROWTH)) primes. */
export const CHECKPOINT_GROWTH = 1.05;

/**
 * After scaling by the sampled denominator, a residue whose symmetric representative is below
 * m / 2^INTEGER_MARGIN is taken for an integer (see the module header, step 2).
 */
export const INTEGER_MARGIN = 40;

/** A reconstructed polynomial: coefficient k is nums[k] / den. */
export interface RationalPoly {
  readonly nums: bigint[];
  readonly den: bigint;
}

/** The sample starts with the non-zero coefficients of w nearest j·D/SAMPLE_SPREAD, 0 < j < SAMPLE_SPREAD. */
export const SAMPLE_SPREAD = 32;

/** The denominator bounds 2^b tried for a scaled coefficient that is not an integer: b = 16, then ×LADDER_GROWTH. */
export const LADDER_START = 16;
export const LADDER_GROWTH = 1.25;

/** The lifting state of one parametrization: its images, its sample, its next checkpoint. */
export class ParametrizationLift {
  private readonly store: ResidueStore;
  /**
   * Flat indices of the sampled coefficients: the non-zero coefficients of w (in the first image)
   * nearest j·D/SAMPLE_SPREAD, then every coefficient that made a full attempt fail (a coefficient
   * that is zero, as the odd ones of an even w, would give no denominator).
   */
  private readonly sample: number[] = [];
  private nextCheckpoint = 2;
  /** Where the last full attempt failed (it is retried first). */
  private firstPoly = 0;
  /** Full reconstructions attempted (for provenance and tests). */
  fullAttempts = 0;

  /** `estimate`, when given, is told what each checkpoint learns (./estimate.ts). */
  constructor(
    readonly D: number,
    readonly count: number,
    private readonly estimate?: PrimeEstimate,
  ) {
    this.store = new ResidueStore(D * count);
  }

  get primes(): readonly number[] {
    return this.store.primes;
  }

  add(p: number, image: ArrayLike<number>): void {
    if (this.store.count === 0) {
      for (let j = 1; j < SAMPLE_SPREAD; j++) {
        const c = nearestNonZero(image, this.D, Math.floor((j * this.D) / SAMPLE_SPREAD));
        if (!this.sample.includes(c)) this.sample.push(c);
      }
    }
    this.store.add(p, image);
  }

  /** The candidate when this is a checkpoint and it is stable (see the module header), else null. */
  attempt(): RationalPoly[] | null {
    const k = this.store.count;
    if (k < this.nextCheckpoint) return null;
    this.nextCheckpoint = Math.max(k + 1, Math.ceil(k * CHECKPOINT_GROWTH));
    const used = k - 1;
    const last = this.store.primes[used]!;
    const m = this.store.modulus(used);
    const bound = bigSqrt(m / 2n);
    const wide = m >> BigInt(INTEGER_MARGIN);
    const integerBound = wide > bound ? wide : bound;
    // 1. The sample: the denominators of those that reconstruct (and agree with the k-th image).
    const values = this.store.crtValues(this.sample, used);
    const modulusBits = bitLength(m);
    let scale = 0n;
    let sampleBits = 0;
    for (let s = 0; s < this.sample.length; s++) {
      const r = reconstructRational(values[s]!, m, bound, bound);
      if (r === null || !agrees(r.num, r.den, last, this.store.residue(used, this.sample[s]!))) continue;
      scale = scale === 0n ? r.den : (scale / bigGcd(scale, r.den)) * r.den;
      sampleBits = Math.max(sampleBits, bitLength(r.num < 0n ? -r.num : r.num) + bitLength(r.den));
    }
    if (scale === 0n) {
      this.estimate?.sampleFailed(modulusBits);
      return null;
    }
    this.estimate?.sampleReconstructed(sampleBits);
    // 2-3. Every coefficient, polynomial by polynomial, starting where the last attempt failed; a
    // denominator found in one polynomial is carried to the next (they share the leading coefficient of W).
    this.fullAttempts++;
    const D = this.D;
    const out = new Array<RationalPoly>(this.count);
    let carried = 1n;
    let heightBits = 0;
    for (let step = 0; step < this.count; step++) {
      const e = (this.firstPoly + step) % this.count;
      const indices = Array.from({ length: D }, (_, c) => e * D + c);
      const scaled = this.store.crtValues(indices, used, scale);
      const found = reconstructScaled(scaled, m, bound, integerBound, scale, carried);
      const poly = found.poly;
      heightBits = Math.max(heightBits, found.bits);
      const failed = poly === undefined ? found.failed : mismatch(poly, last, (c) => this.store.residue(used, e * D + c));
      if (failed >= 0) {
        this.estimate?.heightMeasured(heightBits, modulusBits);
        this.estimate?.fullFailed(modulusBits);
        this.firstPoly = e;
        if (!this.sample.includes(e * D + failed)) this.sample.push(e * D + failed);
        return null;
      }
      out[e] = poly!;
      carried = poly!.den / scale;
    }
    this.estimate?.heightMeasured(heightBits, modulusBits);
    return out;
  }
}

/** The index among the D coefficients of w (the first D of the image) nearest `at` that is not zero. */
function nearestNonZero(image: ArrayLike<number>, D: number, at: number): number {
  for (let d = 0; d <= D; d++) {
    if (at + d < D && image[at + d] !== 0) return at + d;
    if (at - d >= 0 && image[at - d] !== 0) return at - d;
  }
  return at;
}

/** num/den ≡ r (mod p); false when p divides den. */
function agrees(num: bigint, den: bigint, p: number, r: number): boolean {
  const d = bigMod(den, p);
  return d !== 0 && (bigMod(num, p) * invModNumber(d, p)) % p === r;
}

/** The first coefficient of `poly` that disagrees with the residues at p, or -1. */
function mismatch(poly: RationalPoly, p: number, residue: (c: number) => number): number {
  const d = bigMod(poly.den, p);
  if (d === 0) return 0;
  const inv = invModNumber(d, p);
  for (let c = 0; c < poly.nums.length; c++) if ((bigMod(poly.nums[c]!, p) * inv) % p !== residue(c)) return c;
  return -1;
}

/**
 * The fraction y ≡ num/den (mod m) when the denominator is small: Wang's reconstruction with the
 * bounds den <= 2^b and |num| <= m / 2^(b + INTEGER_MARGIN + 1), for b = LADDER_START, then growing by
 * LADDER_GROWTH while 2^b is below the numerator bound (each bound pair has a unique answer, and a
 * residue that is not such a fraction gives one with probability about 2^-INTEGER_MARGIN); last, the
 * balanced bounds √(m/2). A fraction of n and d bits is found with a modulus of about
 * n + 1.25·d + INTEGER_MARGIN bits instead of 2·max(n, d).
 */
export function smallDenominatorFraction(y: bigint, m: bigint, bound: bigint): { num: bigint; den: bigint } | null {
  const bits = bitLength(m);
  for (let b = LADDER_START; 2 * b + INTEGER_MARGIN + 2 < bits; b = Math.ceil(b * LADDER_GROWTH)) {
    const r = reconstructRational(y, m, m >> BigInt(b + INTEGER_MARGIN + 1), 1n << BigInt(b));
    if (r !== null) return r;
  }
  return reconstructRational(y, m, bound, bound);
}

/**
 * The coefficients y_c ≡ scale·x_c (mod m) as fractions x_c = nums[c] / den with one common
 * denominator (a multiple of scale·carried), from the top coefficient down: an integer (times the
 * denominator so far) when its symmetric representative is at most `integerBound`, else a fraction
 * with a small denominator (smallDenominatorFraction); the index of the coefficient that fails
 * otherwise.
 */
function reconstructScaled(scaled: readonly bigint[], m: bigint, bound: bigint, integerBound: bigint, scale: bigint, carried: bigint): Scaled {
  const len = scaled.length;
  const half = m / 2n;
  const nums = new Array<bigint>(len).fill(0n);
  let den = carried; // beyond scale
  let bits = 0;
  for (let k = len - 1; k >= 0; k--) {
    let y = den === 1n ? scaled[k]! : (scaled[k]! * den) % m;
    if (y > half) y -= m;
    if ((y < 0n ? -y : y) <= integerBound) {
      nums[k] = y;
      bits = Math.max(bits, bitLength(y < 0n ? -y : y));
      continue;
    }
    const r = smallDenominatorFraction(y < 0n ? y + m : y, m, bound);
    // The polynomial's denominator may exceed √(m/2) (a large part of lc missing from δ): the integers
    // after it are still tested against integerBound (network 2-2-2: 993 → 900 primes without the cap at √(m/2)).
    if (r === null || den * r.den > integerBound) return { failed: k, bits };
    for (let j = len - 1; j > k; j--) nums[j] = nums[j]! * r.den;
    nums[k] = r.num;
    den *= r.den;
    bits = Math.max(bits, bitLength(r.num < 0n ? -r.num : r.num) + bitLength(r.den));
  }
  return { poly: { nums, den: den * scale }, failed: -1, bits };
}

/** What reconstructScaled found: the polynomial, or the coefficient that failed; the largest size met (bits). */
interface Scaled {
  readonly poly?: RationalPoly;
  readonly failed: number;
  readonly bits: number;
}

/** From monic w = (nums, den) and v_i = nums_i/den_i to W primitive and x_i = V_i / (d_i W'). */
export function toOutput(cand: readonly RationalPoly[]): { w: bigint[]; numerators: bigint[][]; denominators: bigint[] } {
  const [wr, ...vs] = cand;
  let w = [...wr!.nums, wr!.den];
  let content = 0n;
  for (const c of w) content = bigGcd(content, c);
  w = w.map((c) => c / content);
  const lead = w[w.length - 1]!; // positive: den > 0
  // x_i = v_i / w_monic' = lead · v_i / W'.
  const numerators: bigint[][] = [];
  const denominators: bigint[] = [];
  for (const v of vs) {
    const nums = v!.nums.map((c) => c * lead);
    let g = v!.den;
    for (const c of nums) g = bigGcd(g, c);
    let trimmed = nums.map((c) => c / g);
    while (trimmed.length > 0 && trimmed[trimmed.length - 1] === 0n) trimmed = trimmed.slice(0, -1);
    numerators.push(trimmed);
    denominators.push(v!.den / g);
  }
  return { w, numerators, denominators };
}
