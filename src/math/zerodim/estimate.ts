// How many primes a multi-modular parametrization (./parametrize.ts) will need: the "prime k of ~n"
// of its progress line. The residues themselves say nothing about the size of the fractions they
// come from until the modulus exceeds it (rational reconstruction then succeeds, before that its
// output is unrelated to the answer), so the estimate has two sources:
//  - a prior: an arithmetic Bézout-type estimate of the height of W (T. Krick, L. M. Pardo,
//    M. Sombra, "Sharp estimates for the arithmetic Nullstellensatz", Duke Math. J. 109 (2001): the
//    height of a zero-dimensional variety is at most Σ_i (Π_{j≠i} d_j)·(h(f_i) + d_i·log(n+1))),
//    with the number D of solutions in place of the Bézout number Π d_j (a heuristic, not a bound:
//    D·Σ_i (log2 max|coefficient of f_i| + log2 #terms of f_i) / d_i bits);
//  - evidence, which replaces the prior as it comes: every failed checkpoint proves that more bits
//    are needed than the modulus had; a full attempt of the lifting measures the sizes of the
//    coefficients it reconstructed (integers after scaling by the sampled denominators, or fractions
//    with small further denominators: ./lift.ts), and the bits needed are those plus the margin of
//    its integer test; a failing full attempt makes the estimate grow by the checkpoint's growth.
// The modulus needed is about the height h of W plus that margin (./lift.ts: the sampled denominators
// make the coefficients of W and of the V_i integers, which need a modulus of h + INTEGER_MARGIN bits,
// not the 2h + 1 of a fraction of two h-bit numbers), and one prime more is the agreement check of
// early termination. The prior's factor PRIOR_FACTOR covers the further denominators met on the way
// (measured: 1.05·h on the network 2-2-1, 1.3·h on katsura-6 and -7).
import type { IntegerPoly } from '../groebner/modular.js';
import { INTEGER_MARGIN } from './lift.js';
import { bitLength } from './reconstruct.js';

/** Coefficients of at least this fraction of the modulus's bits (less the margin) measure the coefficients' size. */
export const INFORMATIVE = 0.75;

/** The prior's bits needed: PRIOR_FACTOR times the prior height, plus INTEGER_MARGIN (see the module header). */
export const PRIOR_FACTOR = 1.1;

/** The prior estimate of the height (bits) of W: see the module header. */
export function heightPrior(inputs: readonly IntegerPoly[], D: number): number {
  let perSolution = 0;
  for (const f of inputs) {
    if (f.coeffs.length === 0) continue;
    let degree = 1;
    for (const m of f.mons) degree = Math.max(degree, m.reduce((a, e) => a + e, 0));
    let largest = 0n;
    for (const c of f.coeffs) {
      const a = c < 0n ? -c : c;
      if (a > largest) largest = a;
    }
    perSolution += (bitLength(largest) + Math.log2(f.coeffs.length)) / degree;
  }
  return D * perSolution;
}

/** The running estimate of the number of primes (see the module header). */
export class PrimeEstimate {
  /** Bits the modulus needs, as known so far. */
  private neededBits: number;
  /** Whether the figure comes from evidence (a reconstructed sample) rather than from the prior. */
  fromSample = false;

  constructor(priorHeight: number) {
    this.neededBits = PRIOR_FACTOR * priorHeight + INTEGER_MARGIN + 1;
  }

  /** A checkpoint's sample did not reconstruct with a modulus of `bits` bits: more are needed. */
  sampleFailed(bits: number): void {
    if (this.fromSample) this.neededBits = Math.max(this.neededBits, bits * 1.05);
    else if (this.neededBits <= bits) this.neededBits = bits * 1.05;
  }

  /** The sample reconstructed, its largest fraction with `bits` bits (numerator + denominator): at least that many are needed. */
  sampleReconstructed(bits: number): void {
    this.neededBits = Math.max(this.neededBits, bits + 1);
  }

  /**
   * A full attempt with a modulus of `modulusBits` bits reconstructed coefficients of up to `bits`
   * bits. Coefficients that just became reconstructible (more than INFORMATIVE of what the modulus
   * allows) measure the size of the coefficients and replace the prior; smaller ones say nothing.
   */
  heightMeasured(bits: number, modulusBits: number): void {
    if (bits < INFORMATIVE * (modulusBits - INTEGER_MARGIN)) return;
    const needed = bits + INTEGER_MARGIN + 1;
    this.neededBits = this.fromSample ? Math.max(this.neededBits, needed) : needed;
    this.fromSample = true;
  }

  /** A full attempt failed with a modulus of `bits` bits. */
  fullFailed(bits: number): void {
    this.neededBits = Math.max(this.neededBits, bits * 1.05);
  }

  /** The estimated number of primes, given k primes that gave a modulus of `bits` bits. */
  primes(k: number, bits: number): number {
    const perPrime = k > 0 && bits > 0 ? bits / k : 22;
    return Math.max(k + 1, Math.ceil(this.neededBits / perPrime) + 1);
  }
}
