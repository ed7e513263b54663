// Path tracking: a Runge–Kutta predictor, a Newton corrector, adaptive steps, and an endgame that
// classifies where a path ends.
//
// Representation: a `PathTracker` owns the workspace of one homotopy (typed arrays, no allocation
// while tracking). A path is followed in the real parameter t from 0 to 1 along the Davidenko
// equation dz/dt = -H_z⁻¹·H_t: the classical fourth-order Runge–Kutta step predicts, at most three
// Newton steps at the new t correct (Allgower and Georg, "Introduction to Numerical Continuation
// Methods", SIAM 2003, ch. 2 and 6). A step is accepted when the corrector converges to the
// tolerance within three iterations, its first correction is small (the predictor stayed inside the
// basin of the path: the guard against path jumping) and the iterations contract. The next step
// length scales by (τ/‖Δ₁‖)^(1/5) (the predictor's local error is O(h⁵); τ is the aimed first
// correction), at most doubling; a rejected step halves it.
//
// The endgame (the end of the path, where solutions may be singular or at infinity): the path is
// tracked to s = 1 - t = 0.1, then along the geometric sequence s_k = 0.1·4^-k. Along it the
// valuation of the homogenizing coordinate, v = log(|z_0(s_{k+1})| / |z_0(s_k)|) / log(s_{k+1}/s_k),
// is estimated (the exponent of the Puiseux series z_0(s) ~ c·s^v: Huber and Verschelde, "Polyhedral
// end games for polynomial continuation", Numer. Algorithms 18, 1998): v ≈ 0 at a finite endpoint,
// v > 0 stably at infinity. When the path looks finite the tracker tries to finish it to t = 1 and
// Newton's method there must converge quadratically with a moderate condition number: a
// non-singular endpoint. A path whose Jacobian degenerates while it stays finite is reported
// singular, with its last point (never certified later: the certification needs a regular Jacobian).
import { checkInterrupt, type Interrupt } from '../progress.js';
import type { Homotopy } from './homotopy.js';
import { ComplexLU } from './lu.js';
import { DDPathTracker } from './dd-tracker.js';

export type PathStatus = 'finite' | 'infinity' | 'singular' | 'failed';

export interface PathResult {
  readonly status: PathStatus;
  /** The endpoint (projective, on the chart) for 'finite'; the last point otherwise. */
  readonly z: Float64Array;
  /** The parameter reached. */
  readonly t: number;
  readonly steps: number;
  readonly rejected: number;
  /** The condition estimate of the Jacobian at the endpoint ('finite'), Infinity when not computed. */
  readonly condition: number;
  /** The arithmetic of the tracking that gave this result. */
  readonly precision: 'double' | 'double-double';
  /** The low parts of z when the path was tracked in double-double (z holds the high parts). */
  readonly zLo?: Float64Array;
}

export interface TrackerOptions {
  /** Relative tolerance of the Newton corrector while tracking (default 1e-7; endpoints are refined further). */
  readonly tolerance?: number;
  /** The aimed size of the first Newton correction, relative (default 3e-4; smaller is safer and slower). */
  readonly aim?: number;
  /** Largest step in t (default 0.1). */
  readonly maxStep?: number;
  /**
   * Infinity is declared only when |z_0| < infinityBound·‖z‖ (and the valuation of z_0 is positive and
   * stable); default 0.1, smaller is stricter and slower.
   */
  readonly infinityBound?: number;
  /** Steps allowed for one path (default 20000). */
  readonly maxSteps?: number;
  /**
   * Track a path again in double-double arithmetic (./dd-tracker.ts) when double precision loses it
   * (it fails, or ends singular), if the homotopy evaluates in double-double (default true).
   */
  readonly doubleDouble?: boolean;
  readonly signal?: Interrupt;
}

type Segment = 'ok' | 'min-step' | 'max-steps';

function normInf(x: Float64Array, n: number): number {
  let m = 0;
  for (let i = 0; i < 2 * n; i++) m = Math.max(m, Math.abs(x[i]!));
  return m;
}

export class PathTracker {
  private readonly n: number;
  private readonly H: Float64Array;
  private readonly Hz: Float64Array;
  private readonly Ht: Float64Array;
  private readonly lu: ComplexLU;
  private readonly k: Float64Array[];
  private readonly zt: Float64Array;
  private readonly zp: Float64Array;
  private readonly saved: Float64Array;
  private readonly tolerance: number;
  private readonly aim: number;
  private readonly maxStep: number;
  private readonly maxSteps: number;
  private readonly infinityBound: number;
  private readonly signal?: Interrupt;
  private readonly doubleDouble: boolean;
  private ddTracker: DDPathTracker | null = null;
  private steps = 0;
  /** The LU and Ht in the workspace are those of the current point (up to one correction below the tolerance). */
  private tangentReady = false;
  private rejected = 0;

  constructor(
    readonly homotopy: Homotopy,
    options: TrackerOptions = {},
  ) {
    const n = homotopy.dim;
    this.n = n;
    this.H = new Float64Array(2 * n);
    this.Hz = new Float64Array(2 * n * n);
    this.Ht = new Float64Array(2 * n);
    this.lu = new ComplexLU(n);
    this.k = [0, 1, 2, 3].map(() => new Float64Array(2 * n));
    this.zt = new Float64Array(2 * n);
    this.zp = new Float64Array(2 * n);
    this.saved = new Float64Array(2 * n);
    this.tolerance = options.tolerance ?? 1e-7;
    this.aim = options.aim ?? 3e-4;
    this.maxStep = options.maxStep ?? 0.1;
    this.maxSteps = options.maxSteps ?? 20000;
    this.infinityBound = options.infinityBound ?? 0.1;
    this.signal = options.signal;
    this.doubleDouble = options.doubleDouble ?? true;
  }

  /** dz/dt at (z, t) into out; false when H_z is singular. */
  private tangent(z: Float64Array, t: number, out: Float64Array): boolean {
    this.homotopy.evaluate(z, t, this.H, this.Hz, this.Ht);
    if (!this.lu.factor(this.Hz)) return false;
    for (let i = 0; i < 2 * this.n; i++) out[i] = -this.Ht[i]!;
    this.lu.solve(out);
    return true;
  }

  /** RK4 from (z, t) with step h into zp. */
  private predict(z: Float64Array, t: number, h: number): boolean {
    const [k1, k2, k3, k4] = this.k as [Float64Array, Float64Array, Float64Array, Float64Array];
    const zt = this.zt;
    const m = 2 * this.n;
    if (this.tangentReady) {
      // the corrector's last Jacobian and ∂H/∂t, one Newton correction (below the tolerance) away from z
      for (let i = 0; i < m; i++) k1[i] = -this.Ht[i]!;
      this.lu.solve(k1);
    } else if (!this.tangent(z, t, k1)) return false;
    this.tangentReady = false;
    for (let i = 0; i < m; i++) zt[i] = z[i]! + 0.5 * h * k1[i]!;
    if (!this.tangent(zt, t + 0.5 * h, k2)) return false;
    for (let i = 0; i < m; i++) zt[i] = z[i]! + 0.5 * h * k2[i]!;
    if (!this.tangent(zt, t + 0.5 * h, k3)) return false;
    for (let i = 0; i < m; i++) zt[i] = z[i]! + h * k3[i]!;
    if (!this.tangent(zt, t + h, k4)) return false;
    for (let i = 0; i < m; i++) this.zp[i] = z[i]! + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
    return true;
  }

  /**
   * One Newton step on H(·, t) at z, in place; returns ‖Δ‖∞ (Infinity when H_z is singular). The LU
   * of H_z at the point before the step stays available for `condition()`.
   */
  newtonStep(z: Float64Array, t: number): number {
    this.homotopy.evaluate(z, t, this.H, this.Hz, this.Ht);
    this.tangentReady = false;
    if (!this.lu.factor(this.Hz)) return Infinity;
    const d = this.zt;
    for (let i = 0; i < 2 * this.n; i++) d[i] = -this.H[i]!;
    this.lu.solve(d);
    for (let i = 0; i < 2 * this.n; i++) z[i] = z[i]! + d[i]!;
    return normInf(d, this.n);
  }

  /** The condition estimate of the Jacobian last factored. */
  condition(): number {
    return this.lu.condition();
  }

  /** Tracks z from t0 to t1 (t0 < t1 ≤ 1) in place. */
  private segment(z: Float64Array, t0: number, t1: number, budget: number): { result: Segment; t: number } {
    let t = t0;
    let h = Math.min(this.maxStep, t1 - t0);
    this.tangentReady = false;
    const m = 2 * this.n;
    const stop = this.steps + this.rejected + budget;
    while (t < t1) {
      if ((this.steps + this.rejected) % 64 === 0) checkInterrupt(this.signal);
      if (this.steps + this.rejected >= stop) return { result: 'max-steps', t };
      if (t + h > t1 || t1 - (t + h) < 1e-3 * h) h = t1 - t;
      if (h < 1e-14 * Math.max(1, 1 - t) && h < t1 - t) return { result: 'min-step', t };
      const tn = h === t1 - t ? t1 : t + h;
      const scale = Math.max(1, normInf(z, this.n));
      let ok = this.predict(z, t, tn - t);
      let first = Infinity;
      if (ok) {
        ok = false;
        let prev = Infinity;
        for (let it = 0; it < 3; it++) {
          const d = this.newtonStep(this.zp, tn);
          if (it === 0) {
            first = d;
            if (!(d < 1e3 * this.aim * scale)) break;
          } else if (!(d <= 0.25 * prev)) break;
          prev = d;
          if (d < this.tolerance * scale) {
            ok = true;
            break;
          }
        }
      }
      if (ok) {
        for (let i = 0; i < m; i++) z[i] = this.zp[i]!;
        t = tn;
        this.tangentReady = true;
        this.steps++;
        const grow = first > 0 ? 0.8 * Math.pow((this.aim * scale) / first, 0.2) : 2;
        h = Math.min(this.maxStep, h * Math.min(2, Math.max(0.5, grow)));
      } else {
        this.rejected++;
        h *= 0.5;
      }
    }
    return { result: 'ok', t: t1 };
  }

  /** Tracks z from t0 to t1 in place (any real interval of the homotopy's parameter); ok when it got there. */
  advance(z: Float64Array, t0: number, t1: number): { ok: boolean; steps: number } {
    const before = this.steps + this.rejected;
    const r = this.segment(z, t0, t1, this.maxSteps);
    return { ok: r.result === 'ok', steps: this.steps + this.rejected - before };
  }

  /**
   * Tracks one path from the start point z (t = 0), in place, through the endgame; when double
   * precision loses it (failed, or singular) and the homotopy evaluates in double-double, the path is
   * tracked again from its start in double-double (./dd-tracker.ts), whose result is kept when it
   * ends finite or at infinity (its `precision` says so; the steps of both count).
   */
  track(z: Float64Array): PathResult {
    const start = this.doubleDouble && this.homotopy.evaluateDD ? z.slice() : null;
    const r = this.trackDouble(z);
    if (!start || (r.status !== 'failed' && r.status !== 'singular')) return r;
    this.ddTracker ??= new DDPathTracker(this.homotopy as Homotopy & Required<Pick<Homotopy, 'evaluateDD'>>, { signal: this.signal, infinityBound: this.infinityBound });
    const dd = this.ddTracker.track(start);
    if (dd.status !== 'finite' && dd.status !== 'infinity') return { ...r, steps: r.steps + dd.steps, rejected: r.rejected + dd.rejected };
    z.set(dd.z);
    return { ...dd, steps: r.steps + dd.steps, rejected: r.rejected + dd.rejected };
  }

  /** track() in double precision only. */
  private trackDouble(z: Float64Array): PathResult {
    this.steps = 0;
    this.rejected = 0;
    const n = this.n;
    const m = 2 * n;
    const done = (status: PathStatus, t: number, condition = Infinity): PathResult => ({ status, z: z.slice(), t, steps: this.steps, rejected: this.rejected, condition, precision: 'double' });
    const sEnd = 0.1;
    const first = this.segment(z, 0, 1 - sEnd, this.maxSteps);
    if (first.result !== 'ok') return done('failed', first.t);
    let s = sEnd;
    let prevAbs = Math.hypot(z[0]!, z[1]!);
    const valuations: number[] = [];
    let finishTries = 0;
    let nextFinish = sEnd;
    while (s > 1e-14) {
      const looksFinite = valuations.length >= 2 && Math.abs(valuations[valuations.length - 1]!) < 0.05 && Math.abs(valuations[valuations.length - 2]!) < 0.05;
      if (looksFinite && s <= nextFinish && finishTries < 4) {
        finishTries++;
        nextFinish = s * 1e-3;
        this.saved.set(z.subarray(0, m));
        const before = { steps: this.steps, rejected: this.rejected };
        const fin = this.segment(z, 1 - s, 1, 400);
        if (fin.result === 'ok') {
          const end = this.finish(z);
          if (end !== null) return done(Math.hypot(z[0]!, z[1]!) < 1e-10 * normInf(z, n) ? 'infinity' : 'finite', 1, end);
        }
        z.set(this.saved.subarray(0, m));
        // the failed attempt's steps still count
        this.steps = Math.max(this.steps, before.steps);
      }
      const sNext = s / 4;
      const seg = this.segment(z, 1 - s, 1 - sNext, this.maxSteps);
      if (seg.result !== 'ok') return done(valuations.length > 0 && valuations[valuations.length - 1]! > 0.05 ? 'infinity' : 'failed', seg.t);
      s = sNext;
      const abs = Math.hypot(z[0]!, z[1]!);
      valuations.push(Math.log(abs / prevAbs) / Math.log(1 / 4));
      prevAbs = abs;
      const k = valuations.length;
      if (k >= 2) {
        const [b, c] = [valuations[k - 2]!, valuations[k - 1]!];
        const stable = Math.abs(c - b) < 0.1 * c;
        if (c > 0.05 && stable && abs < this.infinityBound * normInf(z, n)) return done('infinity', 1 - s);
      }
    }
    const last = valuations[valuations.length - 1] ?? 0;
    return done(last > 0.05 ? 'infinity' : 'singular', 1 - s);
  }

  /**
   * Tracks z from t = 0 to 1 in place when the endpoint is known to be regular and finite (a generic
   * parameter point: the edges of monodromy loops), with no endgame: Newton at t = 1 must converge.
   */
  trackRegular(z: Float64Array): PathResult {
    this.steps = 0;
    this.rejected = 0;
    const seg = this.segment(z, 0, 1, this.maxSteps);
    const end = seg.result === 'ok' ? this.finish(z) : null;
    return { status: end === null ? 'failed' : 'finite', z: z.slice(), t: seg.t, steps: this.steps, rejected: this.rejected, condition: end ?? Infinity, precision: 'double' };
  }

  /** Newton at t = 1 until quadratic convergence; the condition estimate, or null when it does not converge. */
  private finish(z: Float64Array): number | null {
    const scale = Math.max(1, normInf(z, this.n));
    let prev = Infinity;
    for (let it = 0; it < 6; it++) {
      const d = this.newtonStep(z, 1);
      if (!Number.isFinite(d)) return null;
      if (d < 1e-13 * scale || (d < 1e-10 * scale && d < 0.01 * prev)) {
        const c = this.condition();
        return c < 1e12 ? c : null;
      }
      if (it > 0 && d > 0.5 * prev) return null;
      prev = d;
    }
    return null;
  }
}
