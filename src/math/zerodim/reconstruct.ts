// Rational reconstruction (P. S. Wang, "A p-adic algorithm for univariate partial fractions", SYMSAC
// 1981; the bounds of J. von zur Gathen, J. Gerhard, "Modern Computer Algebra", §5.10) accelerated by
// Lehmer's method (D. H. Lehmer, "Euclid's algorithm for large numbers", Amer. Math. Monthly 45 (1938),
// in the form of D. E. Knuth, TAOCP vol. 2, §4.5.2, Algorithm L): the half-extended Euclidean algorithm on (m, a) is simulated on the leading 52 bits of
// the remainders in doubles, and the cofactor matrix of a run of steps is applied to the big numbers
// once, so each BigInt pass does the work of about 15 Euclidean steps.
//
// Representation: a, m, N, D are bigints, 0 <= a < m; the result is {num, den} with den > 0,
// gcd(num, den) = 1, |num| <= N, den <= D and num ≡ a·den (mod m), or null when there is none. With
// 2·N·D < m such a fraction is unique; it is the one plain Wang (../groebner/modular.ts
// rationalReconstruction) returns, which the tests check. `lehmerGcd` is the integer gcd by the same
// passes (for contents of polynomials with big coefficients).
import type { Rat } from '../field.js';
import { bigGcd, bigSqrt } from '../integers.js';

/** The number of bits of a non-negative bigint (0 for 0). */
export function bitLength(x: bigint): number {
  if (x === 0n) return 0;
  const hex = x.toString(16);
  return hex.length * 4 - (Math.clz32(parseInt(hex[0]!, 16)) - 28);
}

/**
 * The number of bits of x > 0 when it is at least `low`; cheaper than bitLength for big x (one shift
 * that keeps the top bits), -1 when x has fewer bits.
 */
function bitLengthAbove(x: bigint, low: number): number {
  const top = Number(x >> BigInt(low));
  if (top === 0) return -1;
  return low + (top >= 2 ** 52 ? bitLength(x >> BigInt(low)) : Math.floor(Math.log2(top)) + 1);
}

/**
 * Euclidean steps on the leading bits x >= y of two remainders (Knuth, TAOCP 2, §4.5.2, Algorithm L):
 * a quotient is taken only when the bounds (x + A)/(y + C) and (x + B)/(y + D) of the true ratio give
 * the same one, so every quotient is the true quotient of the big remainders. Returns the cofactor
 * matrix [A, B, C, D] (new r0 = A·r0 + B·r1, new r1 = C·r0 + D·r1), or null when no step is certain.
 * The cofactors stay below 2^26 in absolute value, so every product is exact in a double.
 */
function lehmerMatrix(x: number, y: number): [number, number, number, number] | null {
  let A = 1, B = 0, C = 0, D = 1;
  let steps = 0;
  while (y + C !== 0 && y + D !== 0) {
    const q = Math.floor((x + A) / (y + C));
    if (q !== Math.floor((x + B) / (y + D))) break;
    const nC = A - q * C;
    const nD = B - q * D;
    if (Math.abs(nC) >= 2 ** 26 || Math.abs(nD) >= 2 ** 26) break;
    [A, B, C, D] = [C, D, nC, nD];
    [x, y] = [y, x - q * y];
    steps++;
  }
  return steps === 0 ? null : [A, B, C, D];
}

/** Below this, Lehmer passes do not pay. */
const LEHMER_MIN = 1n << 64n;

/**
 * The fraction num/den with num ≡ a·den (mod m), |num| <= N, 0 < den <= D (N = D = floor(sqrt(m/2))
 * unless given), or null (see the module header).
 */
export function reconstructRational(a: bigint, m: bigint, N?: bigint, D?: bigint): Rat | null {
  const bound = N ?? bigSqrt(m / 2n);
  const dBound = D ?? bound;
  a %= m;
  if (a < 0n) a += m;
  let r0 = m, r1 = a;
  let t0 = 0n, t1 = 1n;
  // Lehmer passes while r1 is far above the bound (a pass may take many steps at once, so near the
  // bound single steps decide where to stop).
  const lehmerAbove = 1n << BigInt(bitLength(bound) + 64);
  let bits0 = bitLength(r0); // r0 only decreases: its length is found from the last one
  while (r1 > bound) {
    if (r1 > lehmerAbove) {
      const found = bitLengthAbove(r0, Math.max(0, bits0 - 60));
      bits0 = found >= 0 ? found : bitLength(r0);
      const shift = BigInt(bits0 - 52);
      const m4 = lehmerMatrix(Number(r0 >> shift), Number(r1 >> shift));
      if (m4 !== null) {
        const [ma, mb, mc, md] = m4.map(BigInt) as [bigint, bigint, bigint, bigint];
        [r0, r1] = [ma * r0 + mb * r1, mc * r0 + md * r1];
        [t0, t1] = [ma * t0 + mb * t1, mc * t0 + md * t1];
        continue;
      }
    }
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  if (t1 === 0n) return null;
  const d = t1 < 0n ? -t1 : t1;
  if (d > dBound) return null;
  if (bigGcd(r1, d) !== 1n) return null;
  return { num: t1 < 0n ? -r1 : r1, den: d };
}

/** gcd(a, b) >= 0 by Lehmer's algorithm (the Euclidean steps of lehmerMatrix applied once per pass). */
export function lehmerGcd(a: bigint, b: bigint): bigint {
  let r0 = a < 0n ? -a : a;
  let r1 = b < 0n ? -b : b;
  if (r0 < r1) [r0, r1] = [r1, r0];
  while (r1 !== 0n) {
    if (r1 > LEHMER_MIN) {
      const bits0 = bitLength(r0);
      const shift = BigInt(bits0 - 52);
      const m4 = lehmerMatrix(Number(r0 >> shift), Number(r1 >> shift));
      if (m4 !== null) {
        const [ma, mb, mc, md] = m4.map(BigInt) as [bigint, bigint, bigint, bigint];
        [r0, r1] = [ma * r0 + mb * r1, mc * r0 + md * r1];
        continue;
      }
    }
    [r0, r1] = [r1, r0 % r1];
  }
  return r0;
}
