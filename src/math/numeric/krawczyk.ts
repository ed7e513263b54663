// Certification of approximate solutions by the Krawczyk test, realness by conjugation symmetry.
//
// Representation: a square system F = (f_1..f_n) over QQ in n unknowns; an approximate solution is a
// complex vector x̃ (Float64Array, interleaved re/im). A certificate is a box X = x̃ + [-r, r](1 + i)
// (rectangular complex intervals, ./float-interval.ts) and the Krawczyk image
//   K(X) = x̃ - Y·F(x̃) + (I - Y·F'(X))·(X - x̃),   Y ≈ F'(x̃)⁻¹ (any fixed complex matrix),
// evaluated in interval arithmetic with outward rounding and exact enclosures of the rational
// coefficients. If K(X) lies in the interior of X then F has exactly one zero in X, and it lies in
// K(X) (Krawczyk, "Newton-Algorithmen zur Bestimmung von Nullstellen mit Fehlerschranken", Computing
// 4, 1969; uniqueness: Moore, "A test for existence of solutions to nonlinear systems", SIAM J.
// Numer. Anal. 14, 1977; the complex case by reading C^n as R^{2n}: Rump, "Verification methods",
// Acta Numerica 19, 2010, §13). The radius is inflated from the size of the Newton correction
// (Rump's ε-inflation) a few times; when no radius works the point is not certified: a singular or
// clustered solution, or one too ill-conditioned for double precision, is never claimed.
//
// Realness (F has real coefficients): when x̃ is nearly real its imaginary part is set to 0 and the
// box is centred on the real axis, so X is closed under conjugation; the unique zero ξ in X then
// equals its conjugate (also a zero in X), so ξ is real. A box some coordinate of which has an
// imaginary part excluding 0 contains no real point, so its zero is not real.
import type { Rat } from '../field.js';
import type { Poly, PolyRing } from '../poly.js';
import { type CI, IntervalSystem, ci, ciAdd, ciIntersects, ciInterior, ciMul, ciPoint, ciSub, nextDown, nextUp } from './float-interval.js';
import { ComplexLU } from './lu.js';
import { ComplexSystem, complexPolynomial } from './slp.js';
import { ComplexSystemDD, ddPolynomial } from './dd-system.js';
import { ComplexLUDD } from './dd-lu.js';
import { ddAdd, hi, lo } from './double-double.js';
import { type DCI, DyadicComplexSystem, dciAdd, dciFromDD, dciInterior, dciIntersect, dciInward, dciMul, dciOutward, dciPoint, dciSub } from './dyadic-complex.js';
import { doubleToDyadic, dyadicAdd, dyadicSub } from '../interval/dyadic.js';

/** Mantissa bits of the dyadic intervals of `certifyPrecise`. */
const PRECISE_BITS = 160;

export interface Certificate {
  /** The box X in which the zero is unique. */
  readonly box: readonly CI[];
  /** An enclosure of the zero: K(X) ∩ X. */
  readonly enclosure: readonly CI[];
  /** true: proved real; false: proved not real; null: undecided (the box meets the reals but is not symmetric). */
  readonly real: boolean | null;
  /** The centre used (after Newton refinement; imaginary parts zeroed when proved real). */
  readonly center: Float64Array;
}

/**
 * What a Certifier is built from, as plain data (posted to worker threads with a job's paths:
 * ./path-runner.ts): the system and its Jacobian's entries over QQ.
 */
export interface CertifierData {
  readonly n: number;
  readonly gens: readonly Poly<Rat>[];
  /** ∂f_i/∂x_j, row by row (i, then j). */
  readonly derivatives: readonly Poly<Rat>[];
}

/** A system compiled for certification: float evaluation for Newton and Y, intervals for the test. */
export class Certifier {
  readonly n: number;
  /** What it was built from (to build the same certifier on another thread). */
  readonly data: CertifierData;
  private readonly floatSystem: ComplexSystem;
  private readonly values: IntervalSystem;
  private readonly jacobian: IntervalSystem;
  private readonly fv: Float64Array;
  private readonly fj: Float64Array;
  private readonly lu: ComplexLU;
  private readonly gens: readonly Poly<Rat>[];
  private readonly derivatives: readonly Poly<Rat>[];
  /** The double-double and dyadic evaluations of `certifyPrecise` (built on first use). */
  private precise: { dd: ComplexSystemDD; lu: ComplexLUDD; fv: Float64Array; fj: Float64Array; values: DyadicComplexSystem; jacobian: DyadicComplexSystem } | null = null;

  constructor(R: PolyRing<Rat>, gens: readonly Poly<Rat>[]);
  constructor(data: CertifierData);
  constructor(source: PolyRing<Rat> | CertifierData, system?: readonly Poly<Rat>[]) {
    const data = 'derivatives' in source ? source : { n: source.nvars, gens: system!, derivatives: system!.flatMap((f) => Array.from({ length: source.nvars }, (_, j) => source.diff(f, j))) };
    const { n, gens, derivatives } = data;
    this.data = data;
    this.n = n;
    this.floatSystem = new ComplexSystem(
      n,
      gens.map((f) => complexPolynomial(f)),
    );
    this.values = new IntervalSystem(n, gens);
    this.jacobian = new IntervalSystem(n, derivatives);
    this.gens = gens;
    this.derivatives = derivatives;
    this.fv = new Float64Array(2 * gens.length);
    this.fj = new Float64Array(2 * gens.length * n);
    this.lu = new ComplexLU(n);
  }

  /** Newton's method in doubles on x in place (a few steps); the last correction's ∞-norm. */
  refine(x: Float64Array, steps = 4): number {
    let last = Infinity;
    for (let it = 0; it < steps; it++) {
      this.floatSystem.evaluate(x, this.fv, this.fj);
      if (!this.lu.factor(this.fj)) return Infinity;
      const d = this.fv.slice();
      for (let i = 0; i < d.length; i++) d[i] = -d[i]!;
      this.lu.solve(d);
      let m = 0;
      for (let i = 0; i < d.length; i++) {
        x[i] = x[i]! + d[i]!;
        m = Math.max(m, Math.abs(d[i]!));
      }
      if (m === 0 || m >= last) {
        last = Math.min(last, m);
        break;
      }
      last = m;
    }
    return last;
  }

  /** Y ≈ F'(x)⁻¹ as rows of complex doubles; null when F'(x) is singular in doubles. */
  private approximateInverse(x: Float64Array): Float64Array | null {
    const n = this.n;
    this.floatSystem.evaluate(x, this.fv, this.fj);
    if (!this.lu.factor(this.fj)) return null;
    const Y = new Float64Array(2 * n * n);
    const e = new Float64Array(2 * n);
    for (let j = 0; j < n; j++) {
      e.fill(0);
      e[2 * j] = 1;
      this.lu.solve(e);
      for (let i = 0; i < n; i++) {
        Y[2 * (i * n + j)] = e[2 * i]!;
        Y[2 * (i * n + j) + 1] = e[2 * i + 1]!;
      }
    }
    return Y;
  }

  /** The Krawczyk test on X = x + [-r, r](1+i) per coordinate; the image K(X) when it lies inside X, else null. */
  private krawczyk(x: Float64Array, Y: Float64Array, r: number): { box: CI[]; image: CI[] } | null {
    const n = this.n;
    const X: CI[] = [];
    const D: CI[] = [];
    for (let j = 0; j < n; j++) {
      const re = x[2 * j]!;
      const im = x[2 * j + 1]!;
      X.push(ci(nextDown(re - r), nextUp(re + r), nextDown(im - r), nextUp(im + r)));
      D.push(ciSub(X[j]!, ciPoint(re, im)));
    }
    const F = this.values.evaluate(Array.from({ length: n }, (_, j) => ciPoint(x[2 * j]!, x[2 * j + 1]!)));
    const J = this.jacobian.evaluate(X);
    const image: CI[] = [];
    for (let i = 0; i < n; i++) {
      // x_i - (Y F)_i + Σ_j (δ_ij - (Y J)_ij) D_j
      let yf = ciPoint(0, 0);
      for (let k = 0; k < n; k++) yf = ciAdd(yf, ciMul(ciPoint(Y[2 * (i * n + k)]!, Y[2 * (i * n + k) + 1]!), F[k]!));
      let acc = ciSub(ciPoint(x[2 * i]!, x[2 * i + 1]!), yf);
      for (let j = 0; j < n; j++) {
        let yj = ciPoint(0, 0);
        for (let k = 0; k < n; k++) yj = ciAdd(yj, ciMul(ciPoint(Y[2 * (i * n + k)]!, Y[2 * (i * n + k) + 1]!), J[k * n + j]!));
        const m = ciSub(ciPoint(i === j ? 1 : 0, 0), yj);
        acc = ciAdd(acc, ciMul(m, D[j]!));
      }
      if (!ciInterior(acc, X[i]!)) return null;
      image.push(acc);
    }
    return { box: X, image };
  }

  /** Tries to certify a zero near x: Newton refinement, then the Krawczyk test with inflated radii. */
  certify(x0: Float64Array): Certificate | null {
    const n = this.n;
    const x = x0.slice();
    const step = this.refine(x);
    if (!Number.isFinite(step)) return null;
    let scale = 1;
    for (let i = 0; i < 2 * n; i++) scale = Math.max(scale, Math.abs(x[i]!));
    let imag = 0;
    for (let j = 0; j < n; j++) imag = Math.max(imag, Math.abs(x[2 * j + 1]!));
    const attempt = (center: Float64Array, symmetric: boolean): Certificate | null => {
      const Y = this.approximateInverse(center);
      if (!Y) return null;
      // the size of the Newton correction at the centre, from the float residual
      this.floatSystem.evaluate(center, this.fv, this.fj);
      const d = this.fv.slice();
      this.lu.factor(this.fj);
      this.lu.solve(d);
      let delta = 0;
      for (let i = 0; i < 2 * n; i++) delta = Math.max(delta, Math.abs(d[i]!));
      let r = Math.max(4 * delta, 1e-14 * scale);
      for (let k = 0; k < 4; k++, r *= 64) {
        const result = this.krawczyk(center, Y, r);
        if (!result) continue;
        const enclosure = result.image.map((a, j) => intersect(a, result.box[j]!));
        const real = symmetric ? true : enclosure.some((e) => e.il > 0 || e.ih < 0) ? false : null;
        return { box: result.box, enclosure, real, center };
      }
      return null;
    };
    if (imag <= 1e-6 * scale) {
      const realCenter = x.slice();
      for (let j = 0; j < n; j++) realCenter[2 * j + 1] = 0;
      const c = attempt(realCenter, true);
      if (c) return c;
    }
    return attempt(x, false);
  }

  /** The kernels of `certifyPrecise`. */
  private preciseKernels(): NonNullable<Certifier['precise']> {
    const n = this.n;
    this.precise ??= {
      dd: new ComplexSystemDD(n, this.gens.map((f) => ddPolynomial(f))),
      lu: new ComplexLUDD(n),
      fv: new Float64Array(4 * n),
      fj: new Float64Array(4 * n * n),
      values: new DyadicComplexSystem(n, this.gens),
      jacobian: new DyadicComplexSystem(n, this.derivatives),
    };
    return this.precise;
  }

  /**
   * The Newton correction at x (complex double-double, four doubles per coordinate) into d, with the
   * Jacobian at x left factored; false when it is singular.
   */
  private correctionDD(x: Float64Array, d: Float64Array): boolean {
    const { dd, lu, fv, fj } = this.preciseKernels();
    dd.evaluate(x, fv, fj);
    if (!lu.factor(fj)) return false;
    for (let i = 0; i < 4 * this.n; i++) d[i] = -fv[i]!;
    lu.solve(d);
    return true;
  }

  /**
   * Certifies a zero near x (doubles; with the low parts xLo of a double-double point, when known) as
   * `certify` does, for points too ill-conditioned for double precision: Newton's method in
   * double-double (./dd-system.ts, ./dd-lu.ts), Y the double rounding of the inverse Jacobian computed
   * in double-double, and the Krawczyk test in dyadic interval arithmetic at 160 bits
   * (./dyadic-complex.ts) with F at the exact centre. The certificate's box is a double box inside the
   * dyadic box X (uniqueness holds in any part of X) and its enclosure a double box around K(X) ∩ X,
   * so radii start at 10⁻¹³ relative: solutions closer than that are not certified.
   */
  certifyPrecise(x0: Float64Array, xLo?: Float64Array): Certificate | null {
    const n = this.n;
    const x = new Float64Array(4 * n);
    for (let i = 0; i < 2 * n; i++) {
      x[2 * i] = x0[i]!;
      x[2 * i + 1] = xLo?.[i] ?? 0;
    }
    const d = new Float64Array(4 * n);
    let last = Infinity;
    for (let it = 0; it < 8; it++) {
      if (!this.correctionDD(x, d)) return null;
      let m = 0;
      for (let i = 0; i < 4 * n; i += 2) {
        ddAdd(x[i]!, x[i + 1]!, d[i]!, d[i + 1]!);
        x[i] = hi();
        x[i + 1] = lo();
        m = Math.max(m, Math.abs(d[i]!));
      }
      if (m === 0 || m >= 0.5 * last) break;
      last = m;
    }
    let scale = 1;
    for (let j = 0; j < 2 * n; j++) scale = Math.max(scale, Math.abs(x[2 * j]!));
    // Newton did not converge (a singular zero, or none near): nothing to certify
    if (!(last < 1e-10 * scale)) return null;
    let imag = 0;
    for (let j = 0; j < n; j++) imag = Math.max(imag, Math.abs(x[4 * j + 2]!));
    if (imag <= 1e-6 * scale) {
      const realCenter = x.slice();
      for (let j = 0; j < n; j++) realCenter[4 * j + 2] = realCenter[4 * j + 3] = 0;
      const c = this.krawczykPrecise(realCenter, true, scale);
      if (c) return c;
    }
    return this.krawczykPrecise(x, false, scale);
  }

  /** The Krawczyk test of `certifyPrecise` around the double-double centre c. */
  private krawczykPrecise(c: Float64Array, symmetric: boolean, scale: number): Certificate | null {
    const n = this.n;
    const bits = PRECISE_BITS;
    const d = new Float64Array(4 * n);
    if (!this.correctionDD(c, d)) return null;
    let delta = 0;
    for (let i = 0; i < 4 * n; i += 2) delta = Math.max(delta, Math.abs(d[i]!));
    // Y: the inverse Jacobian at c (factored by correctionDD), rounded to doubles
    const { lu, values, jacobian } = this.preciseKernels();
    const Y: DCI[][] = Array.from({ length: n }, () => new Array<DCI>(n));
    const e = new Float64Array(4 * n);
    for (let j = 0; j < n; j++) {
      e.fill(0);
      e[4 * j] = 1;
      lu.solve(e);
      for (let i = 0; i < n; i++) Y[i]![j] = dciPoint(doubleToDyadic(e[4 * i]!), doubleToDyadic(e[4 * i + 2]!));
    }
    const center = Array.from({ length: n }, (_, j) => dciFromDD(c[4 * j]!, c[4 * j + 1]!, c[4 * j + 2]!, c[4 * j + 3]!));
    const F = values.evaluate(center, bits);
    const YF = Y.map((row) => row.reduce((acc, y, k) => dciAdd(acc, dciMul(y, F[k]!, bits), bits), dciPoint({ m: 0n, e: 0 }, { m: 0n, e: 0 })));
    for (let r = Math.max(4 * delta, 1e-13 * scale), k = 0; k < 4; k++, r *= 64) {
      const rd = doubleToDyadic(r);
      const X = center.map((a) => ({ re: { lo: dyadicSub(a.re.lo, rd), hi: dyadicAdd(a.re.hi, rd) }, im: { lo: dyadicSub(a.im.lo, rd), hi: dyadicAdd(a.im.hi, rd) } }));
      const J = jacobian.evaluate(X, bits);
      const K: DCI[] = [];
      let inside = true;
      for (let i = 0; i < n && inside; i++) {
        let acc = dciSub(center[i]!, YF[i]!, bits);
        for (let j = 0; j < n; j++) {
          let yj = dciPoint({ m: 0n, e: 0 }, { m: 0n, e: 0 });
          for (let l = 0; l < n; l++) yj = dciAdd(yj, dciMul(Y[i]![l]!, J[l * n + j]!, bits), bits);
          const m = dciSub(dciPoint({ m: i === j ? 1n : 0n, e: 0 }, { m: 0n, e: 0 }), yj, bits);
          acc = dciAdd(acc, dciMul(m, dciSub(X[j]!, center[j]!, bits), bits), bits);
        }
        inside = dciInterior(acc, X[i]!);
        K.push(acc);
      }
      if (!inside) continue;
      const box = X.map(dciInward);
      if (box.some((b) => b === null)) return null;
      const enclosure = K.map((a, j) => dciOutward(dciIntersect(a, X[j]!)));
      if (!boxInside(enclosure, box as CI[])) return null;
      const real = symmetric ? true : enclosure.some((a) => a.il > 0 || a.ih < 0) ? false : null;
      const mid = new Float64Array(2 * n);
      for (let j = 0; j < n; j++) {
        mid[2 * j] = c[4 * j]!;
        mid[2 * j + 1] = c[4 * j + 2]!;
      }
      return { box: box as CI[], enclosure, real, center: mid };
    }
    return null;
  }
}

function intersect(a: CI, b: CI): CI {
  return ci(Math.max(a.rl, b.rl), Math.min(a.rh, b.rh), Math.max(a.il, b.il), Math.min(a.ih, b.ih));
}

/** True when every coordinate of a lies in the corresponding coordinate of b (closed). */
export function boxInside(a: readonly CI[], b: readonly CI[]): boolean {
  return a.every((x, j) => x.rl >= b[j]!.rl && x.rh <= b[j]!.rh && x.il >= b[j]!.il && x.ih <= b[j]!.ih);
}

/** True when the boxes share a point. */
export function boxesIntersect(a: readonly CI[], b: readonly CI[]): boolean {
  return a.every((x, j) => ciIntersects(x, b[j]!));
}

/** The largest width of a box's coordinates (real or imaginary). */
export function boxWidth(a: readonly CI[]): number {
  return Math.max(...a.map((x) => Math.max(x.rh - x.rl, x.ih - x.il)));
}
