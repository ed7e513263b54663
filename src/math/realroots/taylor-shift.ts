// Taylor shift by 1 of integer polynomials: a(x) -> a(x + 1), coefficients ascending, bigints.
//
// The classical scheme (Horner's rule applied n times: c_j += c_(j+1) for j = n-1 down to i, for each
// i; n(n+1)/2 additions and no multiplication; von zur Gathen and Gerhard, "Fast algorithms for Taylor
// shifts and certain difference equations", ISSAC 1997, method "Horner"), organized so that after outer
// step i the coefficient c_i is final. That order lets the Descartes test (./descartes.ts) stop as
// soon as it has seen two sign variations, without computing the rest of the shift.
//
// Why not the asymptotically fast shifts: the divide-and-conquer method of von zur Gathen and Gerhard
// (a(x+1) = a0(x+1) + (x+1)^m a1(x+1), products by Kronecker substitution on V8's bigints) was
// implemented and measured here against this scheme on degree 64 to 2048 with 64- to 10000-bit
// coefficients: it was 5 to 7 times slower at every size (V8 multiplies long bigints by Karatsuba at
// best, while an addition of two bigints costs little more than a memory copy), so the classical
// scheme is the one kept.
//
// Scaling tricks used by the callers (Rouillier and Zimmermann, J. Comput. Appl. Math. 2004): the
// homothety 2^n g(x/2) is a shift of each coefficient's bits, and common powers of two are divided out
// after each step, so coefficients grow by about n bits per level of the bisection tree, not more.

/** a(x + 1) (ascending coefficients in and out). */
export function taylorShift1(a: readonly bigint[]): bigint[] {
  const c = a.slice();
  const n = c.length - 1;
  for (let i = 0; i < n; i++) for (let j = n - 1; j >= i; j--) c[j]! += c[j + 1]!;
  return c;
}

/** a(x + c) for an integer c (ascending coefficients in and out; the same scheme, with products). */
export function taylorShiftBy(a: readonly bigint[], c: bigint): bigint[] {
  if (c === 1n) return taylorShift1(a);
  const out = a.slice();
  const n = out.length - 1;
  if (c === 0n) return out;
  for (let i = 0; i < n; i++) for (let j = n - 1; j >= i; j--) out[j]! += c * out[j + 1]!;
  return out;
}

/**
 * The sign variations of a(x + 1), capped at `cap`: computes the shift one final coefficient at a time
 * (c_0 first) and stops once `cap` variations have been seen.
 */
export function shiftedVariations(a: readonly bigint[], cap: number): number {
  const c = a.slice();
  const n = c.length - 1;
  let count = 0;
  let last = 0n;
  for (let i = 0; i < n; i++) {
    for (let j = n - 1; j >= i; j--) c[j]! += c[j + 1]!;
    const v = c[i]!;
    if (v !== 0n) {
      if (last !== 0n && v > 0n !== last > 0n && ++count >= cap) return cap;
      last = v;
    }
  }
  const v = c[n]!;
  if (v !== 0n && last !== 0n && v > 0n !== last > 0n) count++;
  return Math.min(count, cap);
}

/** Divides out the largest power of 2 common to all coefficients (roots and signs unchanged). */
export function removeCommonTwos(a: bigint[]): bigint[] {
  let shift = Infinity;
  for (const c of a) {
    if (c === 0n) continue;
    let t = 0;
    let x = c < 0n ? -c : c;
    // Count trailing zero bits, 32 at a time.
    while ((x & 0xffffffffn) === 0n) {
      x >>= 32n;
      t += 32;
    }
    t += 31 - Math.clz32(Number(x & 0xffffffffn) & -Number(x & 0xffffffffn));
    if (t < shift) shift = t;
    if (shift === 0) return a;
  }
  if (shift === Infinity || shift === 0) return a;
  const s = BigInt(shift);
  return a.map((c) => c >> s);
}
