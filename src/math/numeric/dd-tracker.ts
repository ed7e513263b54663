// Path tracking in double-double arithmetic: the fallback for a path double precision loses.
//
// Representation: the path is followed in s = 1 - t from s = 1 to s = 0 (so that t = 1 - s is kept in
// double-double, ./double-double.ts, and s can go far below the spacing of doubles near 1); points are
// complex double-double vectors (four doubles per coordinate, z₀ first, on the homotopy's chart). The
// homotopy must evaluate itself in double-double (`Homotopy.evaluateDD`: the projective homotopies of
// ./homotopy.ts, whose target coefficients are rationals rounded to double-double, and the parameter
// homotopies of ./parameter-homotopy.ts, whose family coefficients are). The
// method is ./tracker.ts's: a Runge–Kutta 4 predictor on the Davidenko equation dz/ds = H_z⁻¹·H_t,
// at most three Newton corrector steps (./dd-lu.ts), steps adapted to the size of the first
// correction, and the endgame along s_k = 0.1·4^-k with the valuation of z₀ (finite, or at infinity;
// Huber and Verschelde 1998) down to s = 10⁻³⁰ instead of 10⁻¹⁴, finishing with Newton at t = 1
// converging quadratically below 10⁻²⁰ relative (the corrector's tolerance while tracking too: the
// rounding floor of a correction is about 10⁻³²·cond). What double precision cannot resolve (two
// solutions closer than about 10⁻⁸ relative, or coefficients whose rounding to doubles merges
// solutions) is resolved here, down to about 10⁻¹⁸ relative; a truly singular endpoint still ends
// 'singular'.
import { checkInterrupt, type Interrupt } from '../progress.js';
import { ComplexLUDD } from './dd-lu.js';
import { ddAdd, hi, lo, twoSum } from './double-double.js';
import type { Homotopy } from './homotopy.js';
import type { PathResult, PathStatus } from './tracker.js';

export interface DDTrackerOptions {
  /** Steps (accepted and rejected) allowed for one path, endgame included (default 2500). */
  readonly maxSteps?: number;
  /** Infinity is declared only when |z₀| < infinityBound·‖z‖ (default 0.1). */
  readonly infinityBound?: number;
  readonly signal?: Interrupt;
}

type Segment = 'ok' | 'min-step' | 'max-steps';

/** The largest |high part| of a double-double vector of m complex entries. */
function normInf(x: Float64Array, m: number): number {
  let r = 0;
  for (let i = 0; i < m; i++) r = Math.max(r, Math.abs(x[4 * i]!), Math.abs(x[4 * i + 2]!));
  return r;
}

/** z += c·k (double-double vectors of m complex entries, c a double). */
function axpy(out: Float64Array, z: Float64Array, c: number, k: Float64Array, m: number): void {
  for (let i = 0; i < 4 * m; i += 2) {
    // c·(kh + kl) as a double-double, then added
    const ph = c * k[i]!;
    const pl = c * k[i + 1]!;
    ddAdd(z[i]!, z[i + 1]!, ph, pl);
    out[i] = hi();
    out[i + 1] = lo();
  }
}

export class DDPathTracker {
  private readonly m: number;
  private readonly H: Float64Array;
  private readonly Hz: Float64Array;
  private readonly Ht: Float64Array;
  private readonly lu: ComplexLUDD;
  private readonly k: Float64Array[];
  private readonly zt: Float64Array;
  private readonly zp: Float64Array;
  private readonly saved: Float64Array;
  private readonly d: Float64Array;
  private readonly maxSteps: number;
  private readonly infinityBound: number;
  private readonly signal?: Interrupt;
  private steps = 0;
  private rejected = 0;

  constructor(
    readonly homotopy: Homotopy & Required<Pick<Homotopy, 'evaluateDD'>>,
    options: DDTrackerOptions = {},
  ) {
    const m = homotopy.dim;
    this.m = m;
    this.H = new Float64Array(4 * m);
    this.Hz = new Float64Array(4 * m * m);
    this.Ht = new Float64Array(4 * m);
    this.lu = new ComplexLUDD(m);
    this.k = [0, 1, 2, 3].map(() => new Float64Array(4 * m));
    this.zt = new Float64Array(4 * m);
    this.zp = new Float64Array(4 * m);
    this.saved = new Float64Array(4 * m);
    this.d = new Float64Array(4 * m);
    this.maxSteps = options.maxSteps ?? 2500;
    this.infinityBound = options.infinityBound ?? 0.1;
    this.signal = options.signal;
  }

  /** H and its derivatives at (z, s): t = 1 - s in double-double. */
  private evaluate(z: Float64Array, s: number, withT: boolean): void {
    twoSum(1, -s);
    this.homotopy.evaluateDD(z, hi(), lo(), this.H, this.Hz, withT ? this.Ht : null);
  }

  /** dz/ds = H_z⁻¹·H_t at (z, s) into out; false when H_z is singular. */
  private tangent(z: Float64Array, s: number, out: Float64Array): boolean {
    this.evaluate(z, s, true);
    if (!this.lu.factor(this.Hz)) return false;
    out.set(this.Ht);
    this.lu.solve(out);
    return true;
  }

  /** RK4 from (z, s) to s + δ (δ < 0) into zp. */
  private predict(z: Float64Array, s: number, delta: number): boolean {
    const [k1, k2, k3, k4] = this.k as [Float64Array, Float64Array, Float64Array, Float64Array];
    const m = this.m;
    if (!this.tangent(z, s, k1)) return false;
    axpy(this.zt, z, 0.5 * delta, k1, m);
    if (!this.tangent(this.zt, s + 0.5 * delta, k2)) return false;
    axpy(this.zt, z, 0.5 * delta, k2, m);
    if (!this.tangent(this.zt, s + 0.5 * delta, k3)) return false;
    axpy(this.zt, z, delta, k3, m);
    if (!this.tangent(this.zt, s + delta, k4)) return false;
    this.zp.set(z);
    axpy(this.zp, this.zp, delta / 6, k1, m);
    axpy(this.zp, this.zp, delta / 3, k2, m);
    axpy(this.zp, this.zp, delta / 3, k3, m);
    axpy(this.zp, this.zp, delta / 6, k4, m);
    return true;
  }

  /** One Newton step on H(·, s) at z in place; the correction's ∞-norm (Infinity when H_z is singular). */
  private newton(z: Float64Array, s: number): number {
    this.evaluate(z, s, false);
    if (!this.lu.factor(this.Hz)) return Infinity;
    const d = this.d;
    for (let i = 0; i < 4 * this.m; i++) d[i] = -this.H[i]!;
    this.lu.solve(d);
    for (let i = 0; i < 4 * this.m; i += 2) {
      ddAdd(z[i]!, z[i + 1]!, d[i]!, d[i + 1]!);
      z[i] = hi();
      z[i + 1] = lo();
    }
    return normInf(d, this.m);
  }

  /** Tracks z from s0 down to s1 (s0 > s1 ≥ 0) in place. */
  private segment(z: Float64Array, s0: number, s1: number, budget: number): { result: Segment; s: number } {
    let s = s0;
    let h = Math.min(0.05, s0 - s1);
    const stop = this.steps + this.rejected + budget;
    while (s > s1) {
      if ((this.steps + this.rejected) % 16 === 0) checkInterrupt(this.signal);
      if (this.steps + this.rejected >= stop) return { result: 'max-steps', s };
      if (s - h < s1 || s - h - s1 < 1e-3 * h) h = s - s1;
      if (h < 1e-30 && h < s - s1) return { result: 'min-step', s };
      const sn = h === s - s1 ? s1 : s - h;
      const scale = Math.max(1, normInf(z, this.m));
      // the aim of the first correction shrinks like √s near the end, as the distance between the
      // paths of a cluster does
      const aim = 1e-5 * Math.min(1, Math.sqrt(10 * s));
      let ok = this.predict(z, s, sn - s);
      let first = Infinity;
      if (ok) {
        ok = false;
        let prev = Infinity;
        for (let it = 0; it < 3; it++) {
          const d = this.newton(this.zp, sn);
          if (it === 0) {
            first = d;
            if (!(d < 1e3 * aim * scale)) break;
          } else if (!(d <= 0.25 * prev)) break;
          prev = d;
          if (d < 1e-20 * scale) {
            ok = true;
            break;
          }
        }
      }
      if (ok) {
        z.set(this.zp);
        s = sn;
        this.steps++;
        const grow = first > 0 ? 0.8 * Math.pow((aim * scale) / first, 0.2) : 2;
        h = Math.min(0.05, h * Math.min(2, Math.max(0.5, grow)));
      } else {
        this.rejected++;
        h *= 0.5;
      }
    }
    return { result: 'ok', s: s1 };
  }

  /** Newton at t = 1 until it converges quadratically below 10⁻²⁰ relative; the pivot ratio, or null. */
  private finish(z: Float64Array): number | null {
    const scale = Math.max(1, normInf(z, this.m));
    let prev = Infinity;
    for (let it = 0; it < 8; it++) {
      const d = this.newton(z, 0);
      if (!Number.isFinite(d)) return null;
      // converged: below 10⁻²⁰ relative with a quadratic step (the rounding floor is about 10⁻³²·cond)
      if (d < 1e-20 * scale && (d < 1e-3 * prev || d < 1e-28 * scale)) return this.lu.pivotRatio < 1e24 ? this.lu.pivotRatio : null;
      if (it > 0 && d > 0.5 * prev) return null;
      prev = d;
    }
    return null;
  }

  /**
   * Tracks the path from the start point z (doubles, t = 0) through the endgame; the result's z holds
   * the high parts and zLo the low parts of the endpoint.
   */
  track(start: Float64Array): PathResult {
    this.steps = 0;
    this.rejected = 0;
    const m = this.m;
    const z = new Float64Array(4 * m);
    for (let i = 0; i < m; i++) {
      z[4 * i] = start[2 * i]!;
      z[4 * i + 2] = start[2 * i + 1]!;
    }
    const done = (status: PathStatus, s: number, condition = Infinity): PathResult => {
      const hiParts = new Float64Array(2 * m);
      const loParts = new Float64Array(2 * m);
      for (let i = 0; i < 2 * m; i++) {
        hiParts[i] = z[2 * i]!;
        loParts[i] = z[2 * i + 1]!;
      }
      return { status, z: hiParts, zLo: loParts, t: 1 - s, steps: this.steps, rejected: this.rejected, condition, precision: 'double-double' };
    };
    const abs0 = () => Math.hypot(z[0]!, z[2]!);
    // one budget of steps for the whole path (a singular endpoint would otherwise take it per segment)
    const left = () => Math.max(0, this.maxSteps - this.steps - this.rejected);
    const first = this.segment(z, 1, 0.1, left());
    if (first.result !== 'ok') return done('failed', first.s);
    let s = 0.1;
    let prevAbs = abs0();
    const valuations: number[] = [];
    let nextFinish = s;
    let tries = 0;
    while (s > 1e-30) {
      const k = valuations.length;
      const looksFinite = k >= 2 && Math.abs(valuations[k - 1]!) < 0.05 && Math.abs(valuations[k - 2]!) < 0.05;
      if (looksFinite && s <= nextFinish && tries < 12) {
        tries++;
        nextFinish = s * 1e-3;
        this.saved.set(z);
        const fin = this.segment(z, s, 0, Math.min(600, left()));
        if (fin.result === 'ok') {
          const end = this.finish(z);
          if (end !== null) return done(abs0() < 1e-20 * normInf(z, m) ? 'infinity' : 'finite', 0, end);
        }
        z.set(this.saved);
      }
      const sNext = s / 4;
      const seg = this.segment(z, s, sNext, left());
      if (seg.result !== 'ok') return done(k > 0 && valuations[k - 1]! > 0.05 ? 'infinity' : 'failed', seg.s);
      s = sNext;
      const abs = abs0();
      valuations.push(Math.log(abs / prevAbs) / Math.log(1 / 4));
      prevAbs = abs;
      const j = valuations.length;
      if (j >= 2) {
        const [b, c] = [valuations[j - 2]!, valuations[j - 1]!];
        if (c > 0.05 && Math.abs(c - b) < 0.1 * c && abs < this.infinityBound * normInf(z, m)) return done('infinity', s);
      }
    }
    const last = valuations[valuations.length - 1] ?? 0;
    return done(last > 0.05 ? 'infinity' : 'singular', s);
  }
}
