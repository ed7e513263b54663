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
//  1. the sampled coefficients (first the middle coefficient of w, then every coefficient that made a
//     full attempt fail) are reconstructed from the first k-1 primes by CRT and Wang's rational
//     reconstruction (Lehmer-accelerated, ./reconstruct.ts) and compared with the k-th image; any
//     failure ends the attempt;
//  2. then every coefficient, polynomial by polynomial, with the common-denominator trick: the images
//     are multiplied by the denominator δ of the sampled coefficient of w before the CRT (δ is the
//     leading coefficient of W up to a factor, and the denominators of the v_i are multiples of it), so
//     most coefficients are integers below the bound and need no rational reconstruction; a polynomial
//     keeps one common denominator (a further denominator met on the way multiplies it);
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

/** A reconstructed polynomial: coefficient k is nums[k] / den. */
export interface RationalPoly {
  readonly nums: bigint[];
  readonly den: bigint;
}

/** The lifting state of one parametrization: its images, its sample, its next checkpoint. */
export class ParametrizationLift {
  private readonly store: ResidueStore;
  /**
   * Flat indices of the sampled coefficients; sample[0] is the coefficient of w nearest the middle
   * that is not zero in the first image (a coefficient that is zero, as the odd ones of an even w,
   * would give no denominator and say nothing of the size of the others).
   */
  private readonly sample: number[];
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
    this.sample = [Math.floor(D / 2)];
  }

  get primes(): readonly number[] {
    return this.store.primes;
  }

  add(p: number, image: ArrayLike<number>): void {
    if (this.store.count === 0) this.sample[0] = middleNonZero(image, this.D);
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
    // 1. The sample.
    const values = this.store.crtValues(this.sample, used);
    const modulusBits = bitLength(m);
    let scale = 1n;
    let sampleBits = 0;
    for (let s = 0; s < this.sample.length; s++) {
      const r = reconstructRational(values[s]!, m, bound, bound);
      if (r === null || !agrees(r.num, r.den, last, this.store.residue(used, this.sample[s]!))) {
        this.estimate?.sampleFailed(modulusBits);
        return null;
      }
      if (s === 0) scale = r.den;
      sampleBits = Math.max(sampleBits, bitLength(r.num < 0n ? -r.num : r.num) + bitLength(r.den));
    }
    this.estimate?.sampleReconstructed(sampleBits, modulusBits);
    // 2-3. Every coefficient, polynomial by polynomial, starting where the last attempt failed.
    this.fullAttempts++;
    const D = this.D;
    const out = new Array<RationalPoly>(this.count);
    for (let step = 0; step < this.count; step++) {
      const e = (this.firstPoly + step) % this.count;
      const indices = Array.from({ length: D }, (_, c) => e * D + c);
      const scaled = this.store.crtValues(indices, used, scale);
      const poly = reconstructScaled(scaled, m, bound, scale);
      const failed = typeof poly === 'number' ? poly : mismatch(poly, last, (c) => this.store.residue(used, e * D + c));
      if (failed >= 0) {
        this.estimate?.fullFailed(modulusBits);
        this.firstPoly = e;
        if (!this.sample.includes(e * D + failed)) this.sample.push(e * D + failed);
        return null;
      }
      out[e] = poly as RationalPoly;
    }
    return out;
  }
}

/** The index among the D coefficients of w (the first D of the image) nearest D/2 that is not zero. */
function middleNonZero(image: ArrayLike<number>, D: number): number {
  const middle = Math.floor(D / 2);
  for (let d = 0; d <= D; d++) {
    if (middle + d < D && image[middle + d] !== 0) return middle + d;
    if (middle - d >= 0 && image[middle - d] !== 0) return middle - d;
  }
  return middle;
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
 * The coefficients y_c ≡ scale·x_c (mod m) as fractions x_c = nums[c] / den with one common
 * denominator (a multiple of scale), from the top coefficient down; the index of the coefficient that
 * fails otherwise.
 */
function reconstructScaled(scaled: readonly bigint[], m: bigint, bound: bigint, scale: bigint): RationalPoly | number {
  const len = scaled.length;
  const half = m / 2n;
  const nums = new Array<bigint>(len).fill(0n);
  let den = 1n; // beyond scale
  for (let k = len - 1; k >= 0; k--) {
    let y = den === 1n ? scaled[k]! : (scaled[k]! * den) % m;
    if (y > half) y -= m;
    if ((y < 0n ? -y : y) <= bound) {
      nums[k] = y;
      continue;
    }
    const r = reconstructRational(y < 0n ? y + m : y, m, bound, bound);
    if (r === null || den * r.den > bound) return k;
    for (let j = len - 1; j > k; j--) nums[j] = nums[j]! * r.den;
    nums[k] = r.num;
    den *= r.den;
  }
  return { nums, den: den * scale };
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
