// Chinese remaindering of many coefficients at many word-size primes, computed only when asked for
// (the lifting of ./lift.ts asks for a few sampled coefficients at checkpoints and for all of them
// once): the images are stored as they come, so adding a prime costs nothing but the copy.
//
// Representation: `ResidueStore` keeps, per prime p_j (distinct primes below 2^26), the residues of
// `size` coefficients as an Int32Array. `crtValues` returns, for chosen coefficients c, the unique
// x_c in [0, p_0·…·p_{k-1}) with x_c ≡ scale·r_{j,c} (mod p_j) for j < k.
//
// Algorithm: Garner's mixed-radix CRT (H. L. Garner, IRE Trans. Electronic Computers 8 (1959)) in two
// levels. Inside blocks of BLOCK consecutive primes the digits are computed in doubles (Horner modulo
// each prime, vectorized over the coefficients), and each block's value X_b in [0, M_b) is assembled
// as a bigint; across blocks Garner runs on bigints modulo the block moduli M_b (Horner modulo M_b on
// numbers of BLOCK·22 bits), and x = Σ_b Y_b·M_0⋯M_{b-1} is assembled once. A coefficient costs
// O(k·BLOCK) double operations and O((k/BLOCK)^2) bigint operations on BLOCK-prime numbers, instead of
// O(k^2) operations for a per-prime incremental CRT of every coefficient.
import { invModNumber } from '../field.js';

/** Primes per block of the first level. */
export const BLOCK = 64;

/** x mod p for 0 <= x < 2^53 (p < 2^26). */
function reduceModulo(x: number, p: number, pinv: number): number {
  let r = x - Math.floor(x * pinv) * p;
  if (r < 0) r += p;
  else if (r >= p) r -= p;
  return r;
}

interface Block {
  readonly start: number;
  readonly end: number;
  readonly modulus: bigint;
}

interface Layout {
  readonly k: number;
  readonly blocks: Block[];
  readonly reduced: bigint[][];
  readonly inverse: bigint[];
}

/** The images of `size` coefficients at a growing list of primes. */
export class ResidueStore {
  readonly primes: number[] = [];
  private readonly images: Int32Array[] = [];
  private cached: Layout | null = null;

  constructor(readonly size: number) {}

  get count(): number {
    return this.primes.length;
  }

  add(p: number, residues: ArrayLike<number>): void {
    if (residues.length !== this.size) throw new RangeError(`ResidueStore: ${residues.length} residues for ${this.size} coefficients`);
    this.primes.push(p);
    this.images.push(Int32Array.from(residues));
  }

  /** The residue of coefficient c at the j-th prime. */
  residue(j: number, c: number): number {
    return this.images[j]![c]!;
  }

  /** The product of the first k primes. */
  modulus(k = this.count): bigint {
    let m = 1n;
    for (let j = 0; j < k; j++) m *= BigInt(this.primes[j]!);
    return m;
  }

  /**
   * x_c in [0, p_0⋯p_{k-1}) with x_c ≡ scale·residue(j, c) (mod p_j) for j < k, for each c of
   * `coefficients` (see the module header).
   */
  crtValues(coefficients: readonly number[], k = this.count, scale = 1n): bigint[] {
    const nc = coefficients.length;
    const { blocks, reduced, inverse } = this.layout(k);
    const nb = blocks.length;
    // First level: the value of each block, per coefficient.
    const blockValues: bigint[][] = blocks.map((b) => this.blockValues(coefficients, b.start, b.end, scale));
    const out = new Array<bigint>(nc);
    const digits = new Array<bigint>(nb);
    for (let c = 0; c < nc; c++) {
      for (let i = 0; i < nb; i++) {
        const Mi = blocks[i]!.modulus;
        let s = 0n;
        for (let j = i - 1; j >= 0; j--) s = (s * reduced[i]![j]! + digits[j]!) % Mi;
        let d = (blockValues[i]![c]! - s) % Mi;
        if (d < 0n) d += Mi;
        digits[i] = i === 0 ? d : (d * inverse[i]!) % Mi;
      }
      let x = 0n;
      for (let i = nb - 1; i >= 0; i--) x = x * blocks[i]!.modulus + digits[i]!;
      out[c] = x;
    }
    return out;
  }

  /**
   * The blocks of the first k primes, reduced[b][j] = M_j mod M_b (j < b) and
   * inverse[b] = (M_0⋯M_{b-1})^{-1} mod M_b; kept for the last k asked for.
   */
  private layout(k: number): Layout {
    if (this.cached?.k === k) return this.cached;
    const blocks: Block[] = [];
    for (let start = 0; start < k; start += BLOCK) {
      const end = Math.min(k, start + BLOCK);
      let modulus = 1n;
      for (let j = start; j < end; j++) modulus *= BigInt(this.primes[j]!);
      blocks.push({ start, end, modulus });
    }
    const reduced: bigint[][] = blocks.map((b, i) => blocks.slice(0, i).map((o) => o.modulus % b.modulus));
    const inverse: bigint[] = blocks.map((b, i) => {
      let prod = 1n;
      for (let j = 0; j < i; j++) prod = (prod * reduced[i]![j]!) % b.modulus;
      return i === 0 ? 1n : bigInverse(prod, b.modulus);
    });
    this.cached = { k, blocks, reduced, inverse };
    return this.cached;
  }

  /** The values in [0, p_start⋯p_{end-1}) of the chosen coefficients on one block of primes. */
  private blockValues(coefficients: readonly number[], start: number, end: number, scale: bigint): bigint[] {
    const nc = coefficients.length;
    const digits: Float64Array[] = [];
    const s = new Float64Array(nc);
    for (let j = start; j < end; j++) {
      const p = this.primes[j]!;
      const pinv = 1 / p;
      const image = this.images[j]!;
      const sc = Number(((scale % BigInt(p)) + BigInt(p)) % BigInt(p));
      // prod = p_start⋯p_{j-1} mod p; s = the value of the lower digits mod p (Horner from the top).
      let prod = 1;
      for (let l = start; l < j; l++) prod = reduceModulo(prod * (this.primes[l]! % p), p, pinv);
      const inv = j === start ? 1 : invModNumber(prod, p);
      s.fill(0);
      for (let l = j - 1; l >= start; l--) {
        const q = this.primes[l]! % p;
        const dl = digits[l - start]!;
        for (let c = 0; c < nc; c++) s[c] = reduceModulo(s[c]! * q + dl[c]!, p, pinv);
      }
      const digit = new Float64Array(nc);
      for (let c = 0; c < nc; c++) {
        const r = sc === 1 ? image[coefficients[c]!]! : reduceModulo(image[coefficients[c]!]! * sc, p, pinv);
        let d = r - s[c]!;
        if (d < 0) d += p;
        digit[c] = reduceModulo(d * inv, p, pinv);
      }
      digits.push(digit);
    }
    // x = Σ_l d_l·p_start⋯p_(l-1), by Horner from the top on pairs of digits: d_l + p_l·d_(l+1) < 2^52
    // is exact in a double, so each bigint step takes two primes (the pair moduli precomputed).
    const pairs: { low: number; modulus: bigint; prime: number }[] = [];
    for (let l = start; l < end; l += 2) {
      const two = l + 1 < end;
      pairs.push({ low: l, modulus: two ? BigInt(this.primes[l]! * this.primes[l + 1]!) : BigInt(this.primes[l]!), prime: this.primes[l]! });
    }
    const out = new Array<bigint>(nc);
    for (let c = 0; c < nc; c++) {
      let x = 0n;
      for (let t = pairs.length - 1; t >= 0; t--) {
        const { low, modulus, prime } = pairs[t]!;
        const d = digits[low - start]![c]! + (low + 1 < end ? prime * digits[low + 1 - start]![c]! : 0);
        x = x * modulus + BigInt(d);
      }
      out[c] = x;
    }
    return out;
  }
}

/** a^{-1} mod m (gcd(a, m) = 1). */
export function bigInverse(a: bigint, m: bigint): bigint {
  let r0 = m, r1 = ((a % m) + m) % m;
  let t0 = 0n, t1 = 1n;
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (r0 !== 1n) throw new RangeError('bigInverse: not invertible');
  return ((t0 % m) + m) % m;
}
