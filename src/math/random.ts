// A small seeded pseudo-random generator (sfc32, by Chris Doty-Humphrey, public domain algorithm) so
// that every random choice in vdl (generic data points, weights, primes, linear changes of coordinates)
// is reproducible from a seed. Not cryptographic; chosen for speed and good statistical quality.
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** The seed this stream started from (results that used it record it in their provenance). */
  readonly seed: bigint;

  constructor(seed: number | bigint = 0) {
    this.seed = BigInt(seed);
    // Split a 64-bit seed into the state words; the warm-up rounds decorrelate nearby seeds.
    const s = BigInt.asUintN(64, BigInt(seed));
    this.a = Number(s & 0xffffffffn) | 0;
    this.b = Number(s >> 32n) | 0;
    this.c = 0x9e3779b9 | 0;
    this.d = 1;
    for (let i = 0; i < 16; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1) with 53 random bits. */
  nextFloat(): number {
    return (this.nextUint32() * 2 ** 21 + (this.nextUint32() >>> 11)) / 2 ** 53;
  }

  /** An integer uniformly in [lo, hi] (inclusive), |lo|, |hi| < 2^53. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.nextFloat() * (hi - lo + 1));
  }

  /** A bigint uniformly in [lo, hi] (inclusive), of any size. */
  bigint(lo: bigint, hi: bigint): bigint {
    const span = hi - lo + 1n;
    const bits = span.toString(2).length + 64;
    let r = 0n;
    for (let i = 0; i < bits; i += 32) r = (r << 32n) | BigInt(this.nextUint32());
    return lo + (r % span);
  }

  /**
   * `count` draws of bigint(lo, lo + span - 1) as offsets from lo (0 ≤ offset < span): the same draws in
   * the same order, without bigint arithmetic. Needs 1 ≤ span < 2^21, so that (r·2^32 + w) mod span
   * stays below 2^53 (exact in doubles).
   */
  offsets(span: number, count: number): Int32Array {
    if (!(Number.isInteger(span) && span >= 1 && span < 2 ** 21)) throw new RangeError('Random.offsets needs an integer span in [1, 2^21)');
    const words = Math.ceil((span.toString(2).length + 64) / 32);
    const out = new Int32Array(count);
    for (let k = 0; k < count; k++) {
      let r = 0;
      for (let w = 0; w < words; w++) r = (r * 4294967296 + this.nextUint32()) % span;
      out[k] = r;
    }
    return out;
  }

  /** An independent copy in the same state (the REPL restores it after an interrupted statement). */
  clone(): Random {
    const r = new Random(this.seed);
    r.a = this.a;
    r.b = this.b;
    r.c = this.c;
    r.d = this.d;
    return r;
  }

  /** A fresh generator derived from this one (for independent sub-streams). */
  fork(): Random {
    return new Random((BigInt(this.nextUint32()) << 32n) | BigInt(this.nextUint32()));
  }
}
