// Parameter homotopies of an affine family, compiled once, and the seed of monodromy solving.
//
// Representation: a `CompiledFamily` holds the union of the supports of F₀ and every G_k of an
// ./family.ts family, per equation, homogenized with z₀ in front (z = (z₀, z₁..z_n), x_i = z_i/z₀),
// each equation scaled by a power of two (exact: the zeros do not move). The parameters are the
// family's own (m of them) followed by one auxiliary parameter per equation, a constant term p_i
// (the family F(x; q) - p); an auxiliary parameter is `active` only when the seed needs it, and stays
// 0 at every parameter point otherwise. A parameter point is a complex vector (interleaved re/im) of
// length m + n; the coefficients of the compiled support at q are base + Σ_k q_k·delta_k, computed
// into a Float64Array without allocation.
//
// The homotopy between parameter points a and b (`ParameterHomotopy.setPath`) is the gamma trick in
// parameter space: H(z, t) = (1 - t)·γ·F(z; a) + t·F(z; b), which is F(z; p(t)) times a nonzero scalar
// for p(t) = ((1 - t)γ·a + t·b) / ((1 - t)γ + t), because F is affine in q (Morgan and Sommese,
// "Coefficient-parameter polynomial continuation", Appl. Math. Comput. 29, 1989; the gamma trick:
// Sommese and Wampler, "The Numerical Solution of Systems of Polynomials", 2005, §7.3). Its
// coefficients are linear in t, so H and ∂H/∂t are two evaluations of the one compiled support.
// A random affine chart c·z = 1 is the last equation, as in ./homotopy.ts, so paths to infinity end
// at z₀ = 0. The family's coefficients are also kept in double-double (low parts `baseLo`,
// `deltaValueLo`), so that the homotopy evaluates itself in double-double (`evaluateDD`, for the
// tracker's fallback ./dd-tracker.ts) with coefficients that doubles would round away.
//
// The seed (Duff et al., IMA J. Numer. Anal. 39, 2019, §2: "pick x, solve for p"): x₀ random complex,
// the family's parameters random complex near the target, then a linear system in the parameters
// makes F(x₀; q₀) = 0: Gaussian elimination with pivoting over the columns G_k(x₀), the family's
// parameters first and the auxiliary constants only for the equations they cannot reach.
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import type { Random } from '../random.js';
import type { AffineFamily } from './family.js';
import type { Homotopy } from './homotopy.js';
import { chartEquation, chartEquationDD, toChart } from './homotopy.js';
import { ComplexSystemDD, ratToDD } from './dd-system.js';
import { cddAddTo, cddMul, ddAdd, ddMul, hi as ddHi, lo as ddLo } from './double-double.js';
import { ComplexLU } from './lu.js';
import { ComplexSystem, type ComplexPolynomial, ratToFloat } from './slp.js';

/** A complex normal number (Box–Muller) into out[2i], out[2i+1]. */
export function complexNormal(random: Random, out: Float64Array, i: number, scale = 1): void {
  const u = Math.max(random.nextFloat(), 1e-300);
  const v = random.nextFloat();
  const r = Math.sqrt(-Math.log(u)) * scale;
  out[2 * i] = r * Math.cos(2 * Math.PI * v);
  out[2 * i + 1] = r * Math.sin(2 * Math.PI * v);
}

/** A random complex number of modulus 1. */
export function randomGamma(random: Random): [number, number] {
  const a = 2 * Math.PI * random.nextFloat();
  return [Math.cos(a), Math.sin(a)];
}

/** The compiled support and coefficient map of a family (see the header). */
export function compileFamily(family: AffineFamily): CompiledFamilyData {
  const n = family.ring.nvars;
  const m = family.directions.length;
  const support: ComplexPolynomial[] = [];
  const degrees: number[] = [];
  const base: number[] = [];
  const baseLo: number[] = [];
  const dp: number[] = [];
  const dt: number[] = [];
  const dv: number[] = [];
  const dvLo: number[] = [];
  let offset = 0;
  for (let i = 0; i < n; i++) {
    const parts = [family.base[i]!, ...family.directions.map((G) => G[i]!)];
    const index = new Map<string, number>();
    const mons: Int32Array[] = [];
    const keyOf = (e: ArrayLike<number>) => Array.prototype.join.call(e, ',');
    const termOf = (e: Int32Array): number => {
      const key = keyOf(e);
      let t = index.get(key);
      if (t === undefined) {
        t = mons.length;
        index.set(key, t);
        mons.push(e);
      }
      return t;
    };
    termOf(new Int32Array(n)); // the constant term (the auxiliary parameter's)
    let biggest = 0;
    for (const f of parts) for (const c of f.coeffs) biggest = Math.max(biggest, Math.abs(ratToFloat(c)));
    const scale = biggest > 0 ? 2 ** -Math.floor(Math.log2(biggest)) : 1;
    // F₀'s coefficients (its monomials are distinct: one per term) and the directions', in double-double
    const local: number[] = [];
    const localLo: number[] = [];
    parts.forEach((f, k) => {
      f.mons.forEach((e, j) => {
        const t = termOf(Int32Array.from(e));
        const [h, l] = ratToDD(f.coeffs[j]!);
        if (k === 0) {
          local[t] = h * scale;
          localLo[t] = l * scale;
        } else {
          dp.push(k - 1);
          dt.push(offset + t);
          dv.push(h * scale);
          dvLo.push(l * scale);
        }
      });
    });
    dp.push(m + i);
    dt.push(offset);
    dv.push(1);
    dvLo.push(0);
    let d = 0;
    for (const e of mons) d = Math.max(d, e.reduce((s, x) => s + x, 0));
    if (d === 0) throw new MathError('no-solutions', `equation ${i + 1} has no term in the unknowns`);
    degrees.push(d);
    const exponents = mons.map((e) => [d - e.reduce((s, x) => s + x, 0), ...Array.from(e)]);
    support.push({ coeffs: new Float64Array(2 * mons.length), exponents });
    for (let t = 0; t < mons.length; t++) {
      base.push(local[t] ?? 0, 0);
      baseLo.push(localLo[t] ?? 0);
    }
    offset += mons.length;
  }
  return {
    n,
    m,
    degrees,
    support,
    base: Float64Array.from(base),
    baseLo: Float64Array.from(baseLo),
    deltaParam: Int32Array.from(dp),
    deltaTerm: Int32Array.from(dt),
    deltaValue: Float64Array.from(dv),
    deltaValueLo: Float64Array.from(dvLo),
    termCount: offset,
  };
}

/**
 * The compiled support and coefficient map of a family as plain data (typed arrays and numbers: it
 * can be posted to a worker thread as it is, see ./path-runner.ts).
 */
export interface CompiledFamilyData {
  readonly n: number;
  readonly m: number;
  readonly degrees: readonly number[];
  readonly support: readonly ComplexPolynomial[];
  readonly base: Float64Array;
  /** The low parts of the (real) base coefficients in double-double, one per term. */
  readonly baseLo: Float64Array;
  readonly deltaParam: Int32Array;
  readonly deltaTerm: Int32Array;
  readonly deltaValue: Float64Array;
  /** The low parts of deltaValue in double-double. */
  readonly deltaValueLo: Float64Array;
  readonly termCount: number;
}

/** The compiled family's evaluation part (what a parameter homotopy needs), built from its plain data. */
export class FamilyCoefficients {
  /** Unknowns (= equations). */
  readonly n: number;
  /** The family's parameters (the auxiliary constants follow them). */
  readonly m: number;
  /** All parameters: m + n. */
  readonly size: number;
  readonly degrees: readonly number[];
  /** The homogenized support (coefficients are set per parameter point). */
  readonly support: readonly ComplexPolynomial[];
  protected readonly base: Float64Array;
  /** Parameter, term, real coefficient, in triples. */
  private readonly deltaParam: Int32Array;
  private readonly deltaTerm: Int32Array;
  private readonly deltaValue: Float64Array;
  readonly termCount: number;

  constructor(readonly data: CompiledFamilyData) {
    this.n = data.n;
    this.m = data.m;
    this.size = data.m + data.n;
    this.degrees = data.degrees;
    this.support = data.support;
    this.base = data.base;
    this.deltaParam = data.deltaParam;
    this.deltaTerm = data.deltaTerm;
    this.deltaValue = data.deltaValue;
    this.termCount = data.termCount;
  }

  /** A fresh compiled system on the support (coefficients to be set). */
  system(): ComplexSystem {
    return new ComplexSystem(this.n + 1, this.support);
  }

  /** The coefficients at the parameter point q (2·size numbers) into out (2·termCount). */
  coefficients(q: Float64Array, out: Float64Array): void {
    out.set(this.base);
    const { deltaParam, deltaTerm, deltaValue } = this;
    for (let j = 0; j < deltaParam.length; j++) {
      const k = deltaParam[j]!;
      const t = deltaTerm[j]!;
      const v = deltaValue[j]!;
      out[2 * t] = out[2 * t]! + v * q[2 * k]!;
      out[2 * t + 1] = out[2 * t + 1]! + v * q[2 * k + 1]!;
    }
  }

  /**
   * The coefficients at the parameter point q (2·size doubles) in complex double-double (4·termCount:
   * re.hi, re.lo, im.hi, im.lo per term), from the double-double base and directions: a coefficient
   * such as 1 - 10⁻²⁰·q keeps its 10⁻²⁰·q.
   */
  coefficientsDD(q: Float64Array, out: Float64Array): void {
    const { base, deltaParam, deltaTerm, deltaValue } = this;
    const { baseLo, deltaValueLo } = this.data;
    out.fill(0);
    for (let t = 0; t < this.termCount; t++) {
      out[4 * t] = base[2 * t]!;
      out[4 * t + 1] = baseLo[t]!;
    }
    for (let j = 0; j < deltaParam.length; j++) {
      const k = deltaParam[j]!;
      const o = 4 * deltaTerm[j]!;
      const vh = deltaValue[j]!;
      const vl = deltaValueLo[j]!;
      ddMul(vh, vl, q[2 * k]!, 0);
      ddAdd(out[o]!, out[o + 1]!, ddHi(), ddLo());
      out[o] = ddHi();
      out[o + 1] = ddLo();
      ddMul(vh, vl, q[2 * k + 1]!, 0);
      ddAdd(out[o + 2]!, out[o + 3]!, ddHi(), ddLo());
      out[o + 2] = ddHi();
      out[o + 3] = ddLo();
    }
  }

}

/** A compiled family with its exact data: the target, parameter points, the monodromy seed. */
export class CompiledFamily extends FamilyCoefficients {
  constructor(readonly family: AffineFamily) {
    super(compileFamily(family));
  }

  /** The target parameter point q* (the auxiliary constants 0). */
  target(): Float64Array {
    return this.point(this.family.target);
  }

  /** The parameter point with the family's parameters at `values` and the auxiliary constants 0. */
  point(values: readonly Rat[]): Float64Array {
    const q = new Float64Array(2 * this.size);
    values.forEach((v, k) => (q[2 * k] = ratToFloat(v)));
    return q;
  }

  /**
   * A seed: a point z₀ (on the chart) and a parameter point q₀ with F(z₀; q₀) = 0, and which
   * parameters are active (the family's always, the auxiliary constants the elimination needed).
   */
  seed(random: Random, chart: Float64Array): { z: Float64Array; q: Float64Array; active: boolean[] } {
    const { n, m, size } = this;
    const q = new Float64Array(2 * size);
    const target = this.target();
    for (let k = 0; k < m; k++) {
      complexNormal(random, q, k, Math.max(1, Math.hypot(target[2 * k]!, target[2 * k + 1]!)));
      q[2 * k] = q[2 * k]! + target[2 * k]!;
    }
    const z = new Float64Array(2 * (n + 1));
    z[0] = 1;
    for (let i = 0; i < n; i++) complexNormal(random, z, i + 1);
    const sys = this.system();
    const coef = new Float64Array(2 * this.termCount);
    const value = new Float64Array(2 * n);
    this.coefficients(q, coef);
    sys.setCoefficients(coef);
    sys.evaluate(z, value, null);
    const residual = value.slice();
    // the columns G_k(x₀): the values of the system with coefficients delta_k alone
    const columns: Float64Array[] = [];
    const unit = new Float64Array(2 * size);
    for (let k = 0; k < size; k++) {
      unit.fill(0);
      unit[2 * k] = 1;
      this.coefficients(unit, coef);
      for (let t = 0; t < coef.length; t++) coef[t] = coef[t]! - this.base[t]!;
      sys.setCoefficients(coef);
      sys.evaluate(z, value, null);
      columns.push(value.slice());
    }
    const pivots = choosePivots(columns, n);
    const M = new Float64Array(2 * n * n);
    pivots.forEach((k, j) => {
      for (let i = 0; i < n; i++) {
        M[2 * (i * n + j)] = columns[k]![2 * i]!;
        M[2 * (i * n + j) + 1] = columns[k]![2 * i + 1]!;
      }
    });
    const lu = new ComplexLU(n);
    if (!lu.factor(M)) throw new MathError('internal', 'monodromy seed: the parameter columns are singular');
    for (let i = 0; i < 2 * n; i++) residual[i] = -residual[i]!;
    lu.solve(residual);
    pivots.forEach((k, j) => {
      q[2 * k] = q[2 * k]! + residual[2 * j]!;
      q[2 * k + 1] = q[2 * k + 1]! + residual[2 * j + 1]!;
    });
    const active = Array.from({ length: size }, (_, k) => k < m || pivots.includes(k));
    toChart(chart, z, n + 1);
    return { z, q, active };
  }
}

/**
 * n columns (of n complex rows) spanning C^n, preferring earlier columns: Gaussian elimination with
 * partial pivoting, column by column in order; a column whose best remaining entry is below 10⁻⁸ of
 * the largest entry is skipped. The auxiliary unit columns at the end make the rank n.
 */
function choosePivots(columns: readonly Float64Array[], n: number): number[] {
  const work = columns.map((c) => c.slice());
  let biggest = 0;
  for (const c of work) for (let i = 0; i < n; i++) biggest = Math.max(biggest, Math.hypot(c[2 * i]!, c[2 * i + 1]!));
  const used = new Array<boolean>(n).fill(false);
  const pivots: number[] = [];
  for (let k = 0; k < work.length && pivots.length < n; k++) {
    const c = work[k]!;
    let row = -1;
    let best = 1e-8 * biggest;
    for (let i = 0; i < n; i++) {
      const a = Math.hypot(c[2 * i]!, c[2 * i + 1]!);
      if (!used[i] && a > best) {
        best = a;
        row = i;
      }
    }
    if (row < 0) continue;
    used[row] = true;
    pivots.push(k);
    // eliminate the pivot row's entry from the later columns
    const pr = c[2 * row]!;
    const pi = c[2 * row + 1]!;
    const d = pr * pr + pi * pi;
    for (let l = k + 1; l < work.length; l++) {
      const w = work[l]!;
      const fr = (w[2 * row]! * pr + w[2 * row + 1]! * pi) / d;
      const fi = (w[2 * row + 1]! * pr - w[2 * row]! * pi) / d;
      for (let i = 0; i < n; i++) {
        const cr = c[2 * i]!;
        const ci = c[2 * i + 1]!;
        w[2 * i] = w[2 * i]! - (fr * cr - fi * ci);
        w[2 * i + 1] = w[2 * i + 1]! - (fr * ci + fi * cr);
      }
    }
  }
  return pivots;
}

/** H(z, t) = (1 - t)·γ·F(z; a) + t·F(z; b) on the chart c·z = 1 (see the header). */
export class ParameterHomotopy implements Homotopy {
  readonly dim: number;
  private readonly n: number;
  private readonly sys: ComplexSystem;
  private readonly slope: ComplexSystem;
  private readonly start: Float64Array;
  private readonly diff: Float64Array;
  private readonly coef: Float64Array;
  private readonly scratch: Float64Array;
  gamma: [number, number] = [1, 0];
  /** The path's end points (for the double-double evaluation, built when first asked after setPath). */
  private a: Float64Array | null = null;
  private b: Float64Array | null = null;
  /** The double-double evaluation: γ·F(a) and F(b) - γ·F(a) in double-double, the systems and scratch (null: to build for this path). */
  private dd: { sys: ComplexSystemDD; slope: ComplexSystemDD; start: Float64Array; diff: Float64Array; coef: Float64Array; scratch: Float64Array; path: boolean } | null = null;

  constructor(
    readonly compiled: FamilyCoefficients,
    readonly chart: Float64Array,
  ) {
    this.n = compiled.n;
    this.dim = compiled.n + 1;
    this.sys = compiled.system();
    this.slope = compiled.system();
    const size = 2 * compiled.termCount;
    this.start = new Float64Array(size);
    this.diff = new Float64Array(size);
    this.coef = new Float64Array(size);
    this.scratch = new Float64Array(size);
  }

  /** The path from the parameter point a (t = 0) to b (t = 1) with the constant γ. */
  setPath(a: Float64Array, b: Float64Array, gamma: readonly [number, number]): void {
    this.gamma = [gamma[0], gamma[1]];
    const [gr, gi] = gamma;
    this.compiled.coefficients(a, this.scratch);
    for (let t = 0; t < this.scratch.length; t += 2) {
      const ar = this.scratch[t]!;
      const ai = this.scratch[t + 1]!;
      this.start[t] = ar * gr - ai * gi;
      this.start[t + 1] = ar * gi + ai * gr;
    }
    this.compiled.coefficients(b, this.scratch);
    for (let t = 0; t < this.scratch.length; t++) this.diff[t] = this.scratch[t]! - this.start[t]!;
    this.slope.setCoefficients(this.diff);
    this.a = a;
    this.b = b;
    if (this.dd) this.dd.path = false;
  }

  /**
   * H at t = th + tl in complex double-double arithmetic (./dd-tracker.ts): the coefficients γ·F(a) and
   * F(b) - γ·F(a) from the family's double-double coefficients (./family.ts rationals rounded to
   * double-double; the parameter points are doubles), so a coefficient that doubles round (1 - 10⁻²⁰)
   * keeps its low part, then H = F(z; coefficients at t) as in `evaluateAt`.
   */
  evaluateDD(z: Float64Array, th: number, tl: number, H: Float64Array, Hz: Float64Array, Ht: Float64Array | null): void {
    const n = this.n;
    const terms = this.compiled.termCount;
    if (!this.dd) {
      const zero = this.compiled.support.map((p) => ({ coeffs: new Float64Array(4 * p.exponents.length), exponents: p.exponents }));
      this.dd = {
        sys: new ComplexSystemDD(n + 1, zero),
        slope: new ComplexSystemDD(n + 1, zero),
        start: new Float64Array(4 * terms),
        diff: new Float64Array(4 * terms),
        coef: new Float64Array(4 * terms),
        scratch: new Float64Array(4),
        path: false,
      };
    }
    const dd = this.dd;
    if (!dd.path) {
      if (!this.a || !this.b) throw new MathError('internal', 'a parameter homotopy evaluated before its path was set');
      const [gr, gi] = this.gamma;
      this.compiled.coefficientsDD(this.a, dd.coef);
      for (let t = 0; t < terms; t++) cddMul(dd.coef[4 * t]!, dd.coef[4 * t + 1]!, dd.coef[4 * t + 2]!, dd.coef[4 * t + 3]!, gr, 0, gi, 0, dd.start, 4 * t);
      this.compiled.coefficientsDD(this.b, dd.diff);
      for (let k = 0; k < 4 * terms; k++) dd.coef[k] = -dd.start[k]!;
      for (let t = 0; t < terms; t++) cddAddTo(dd.diff, 4 * t, dd.coef, 4 * t);
      dd.slope.setCoefficients(dd.diff);
      dd.path = true;
    }
    const { coef, start, diff, scratch } = dd;
    for (let t = 0; t < terms; t++) {
      const o = 4 * t;
      // start + t·diff (t real)
      cddMul(th, tl, 0, 0, diff[o]!, diff[o + 1]!, diff[o + 2]!, diff[o + 3]!, coef, o);
      cddAddTo(coef, o, start, o);
    }
    dd.sys.setCoefficients(coef);
    dd.sys.evaluate(z, H, Hz);
    if (Ht) dd.slope.evaluate(z, Ht, null);
    chartEquationDD(this.chart, z, n, H, Hz, Ht, scratch);
  }

  evaluate(z: Float64Array, t: number, H: Float64Array, Hz: Float64Array, Ht: Float64Array | null): void {
    this.evaluateAt(z, t, 0, H, Hz, Ht);
  }

  /** H at the complex parameter t = tr + i·ti (the Cauchy endgame's loops around t = 1). */
  evaluateAt(z: Float64Array, tr: number, ti: number, H: Float64Array, Hz: Float64Array, Ht: Float64Array | null): void {
    const n = this.n;
    const { coef, start, diff } = this;
    if (ti === 0) for (let k = 0; k < coef.length; k++) coef[k] = start[k]! + tr * diff[k]!;
    else
      for (let k = 0; k < coef.length; k += 2) {
        const dr = diff[k]!;
        const di = diff[k + 1]!;
        coef[k] = start[k]! + tr * dr - ti * di;
        coef[k + 1] = start[k + 1]! + tr * di + ti * dr;
      }
    this.sys.setCoefficients(coef);
    this.sys.evaluate(z, H, Hz);
    if (Ht) this.slope.evaluate(z, Ht, null);
    chartEquation(this.chart, z, n, H, Hz, Ht);
  }
}

