// How many primes a multi-modular parametrization (./parametrize.ts) will need: the "prime k of ~n"
// of its progress line. The residues themselves say nothing about the size of the fractions they
// come from until the modulus exceeds it (rational reconstruction then succeeds, before that its
// output is unrelated to the answer), so the estimate has two sources:
//  - a prior: an arithmetic Bézout-type estimate of the height of W (T. Krick, L. M. Pardo,
//    M. Sombra, "Sharp estimates for the arithmetic Nullstellensatz", Duke Math. J. 109 (2001): the
//    height of a zero-dimensional variety is at most Σ_i (Π_{j≠i} d_j)·(h(f_i) + d_i·log(n+1))),
//    with the number D of solutions in place of the Bézout number Π d_j (a heuristic, not a bound:
//    D·Σ_i (log2 max|coefficient of f_i| + log2 #terms of f_i) / d_i bits);
//  - evidence, which replaces the prior as it comes: every failed checkpoint of the sample proves
//    that more bits are needed than the modulus had; once the sample reconstructs, its fractions'
//    sizes (numerator + denominator bits) give the bits needed, and a failing full attempt makes
//    the estimate grow by the checkpoint's growth.
// The modulus needed is about twice the height (a fraction with numerator and denominator of h bits
// needs a modulus of 2h + 1 bits), and one prime more is the agreement check of early termination.
import type { IntegerPoly } from '../groebner/modular.js';
import { bitLength } from './reconstruct.js';

/** A reconstructed sample of at least this fraction of the modulus's bits measures the coefficients' size. */
export const INFORMATIVE = 0.75;

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
    this.neededBits = 2 * priorHeight + 1;
  }

  /** A checkpoint's sample did not reconstruct with a modulus of `bits` bits: more are needed. */
  sampleFailed(bits: number): void {
    if (this.fromSample) this.neededBits = Math.max(this.neededBits, bits * 1.05);
    else if (this.neededBits <= bits) this.neededBits = bits * 1.05;
  }

  /**
   * The sample reconstructed with a modulus of `modulusBits` bits: its largest fraction had `bits`
   * bits (numerator + denominator). A fraction that just became reconstructible (more than
   * INFORMATIVE of the modulus) measures the size of the coefficients, and replaces the prior; a much
   * smaller one says only that this coefficient is small.
   */
  sampleReconstructed(bits: number, modulusBits: number): void {
    if (bits >= INFORMATIVE * modulusBits) {
      this.neededBits = this.fromSample ? Math.max(this.neededBits, bits + 1) : bits + 1;
      this.fromSample = true;
    } else {
      this.sampleFailed(modulusBits);
    }
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
