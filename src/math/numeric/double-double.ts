// Double-double arithmetic: about 106 bits of mantissa from pairs of doubles, for the paths double
// precision loses (./dd-tracker.ts).
//
// Representation: a double-double number is an unevaluated sum hi + lo of two doubles with
// |lo| ≤ ulp(hi)/2; a complex double-double number is four doubles (re.hi, re.lo, im.hi, im.lo), and a
// complex vector interleaves them in a Float64Array (entry k at 4k). The error-free transformations
// are Knuth's two-sum and Dekker's two-product with Veltkamp's splitting (JavaScript has no fused
// multiply-add); addition is the accurate (IEEE-style) sum and multiplication the sloppy-free product
// of Hida, Li and Bailey, "Algorithms for quad-double precision floating point arithmetic" (ARITH 15,
// 2001) and their QD library, with relative error about 2^-104. To avoid allocating, each operation
// leaves its result in the module's two registers, read by `hi()` and `lo()` right after the call.
let rh = 0;
let rl = 0;

/** The high part of the last result. */
export function hi(): number {
  return rh;
}

/** The low part of the last result. */
export function lo(): number {
  return rl;
}

const SPLITTER = 134217729; // 2^27 + 1

/** a + b exactly as s + e (Knuth's two-sum) into the registers. */
export function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  rl = a - (s - bb) + (b - bb);
  rh = s;
}

/** a·b exactly as p + e (Dekker's two-product with Veltkamp's splitting) into the registers. */
export function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  rl = ah * bh - p + ah * bl + al * bh + al * bl;
  rh = p;
}

/** (ah + al) + (bh + bl) into the registers (the accurate sum). */
export function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  let s = ah + bh;
  let bb = s - ah;
  let e = ah - (s - bb) + (bh - bb);
  const t = al + bl;
  bb = t - al;
  let f = al - (t - bb) + (bl - bb);
  e += t;
  let h = s + e;
  e = e - (h - s);
  s = h;
  e += f;
  h = s + e;
  f = e - (h - s);
  rh = h;
  rl = f;
}

/** (ah + al)·(bh + bl) into the registers. */
export function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = rh;
  const e = rl + (ah * bl + al * bh);
  const s = p + e;
  rl = e - (s - p);
  rh = s;
}

/** (ah + al) / (bh + bl) into the registers (long division: three quotient digits, as the QD library). */
export function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMul(bh, bl, q1, 0);
  ddAdd(ah, al, -rh, -rl);
  const r1 = rh;
  const r2 = rl;
  const q2 = r1 / bh;
  ddMul(bh, bl, q2, 0);
  ddAdd(r1, r2, -rh, -rl);
  const q3 = rh / bh;
  twoSum(q1, q2);
  ddAdd(rh, rl, q3, 0);
}

/** The complex product (ar + i·ai)(br + i·bi) of double-double numbers into out[o..o+3]. */
export function cddMul(
  arh: number,
  arl: number,
  aih: number,
  ail: number,
  brh: number,
  brl: number,
  bih: number,
  bil: number,
  out: Float64Array,
  o: number,
): void {
  ddMul(arh, arl, brh, brl);
  const xh = rh;
  const xl = rl;
  ddMul(aih, ail, bih, bil);
  ddAdd(xh, xl, -rh, -rl);
  const reh = rh;
  const rel = rl;
  ddMul(arh, arl, bih, bil);
  const yh = rh;
  const yl = rl;
  ddMul(aih, ail, brh, brl);
  ddAdd(yh, yl, rh, rl);
  out[o] = reh;
  out[o + 1] = rel;
  out[o + 2] = rh;
  out[o + 3] = rl;
}

/** out[o..o+3] += a (complex double-double at a[p..p+3]). */
export function cddAddTo(out: Float64Array, o: number, a: Float64Array, p: number): void {
  ddAdd(out[o]!, out[o + 1]!, a[p]!, a[p + 1]!);
  out[o] = rh;
  out[o + 1] = rl;
  ddAdd(out[o + 2]!, out[o + 3]!, a[p + 2]!, a[p + 3]!);
  out[o + 2] = rh;
  out[o + 3] = rl;
}
