// Homotopies from a start system in projective coordinates, with the gamma trick: the total-degree
// start system, or a linear-product (multihomogeneous) one (./multihomogeneous.ts).
//
// Representation: the target system F = (f_1..f_n) over QQ in n unknowns is homogenized with a new
// coordinate z_0 (z = (z_0, z_1..z_n), x_i = z_i / z_0) to the degree D_i of the start polynomial g_i
// (D_i = deg f_i for the total-degree start; for a linear product the sum of f_i's degrees in the
// groups, so f_i may gain a power of z_0), each f_i scaled by a power of two so that its largest
// coefficient has modulus in [1, 2) (exact, so the zeros do not move). The total-degree start system
// is g_i = z_i^{d_i} - z_0^{d_i} (d_i = deg f_i), whose Π d_i solutions are the roots of unity; a
// linear-product start g_i is a product of random linear forms, whose solutions are the
// m-homogeneous Bézout number (./multihomogeneous.ts). The homotopy is H(z, t) = (1 - t)·γ·G(z) +
// t·F(z) for t from 0 to 1, with γ a random complex number of modulus 1 (Morgan's gamma trick: for
// all but finitely many arguments of γ the paths are smooth for t in [0, 1) and every isolated
// solution of F is the end of some path; A. Morgan, "Solving Polynomial Systems Using Continuation
// for Engineering and Scientific Problems", 1987, and Sommese and Wampler, "The Numerical Solution of
// Systems of Polynomials", 2005, ch. 8). A random affine chart a·z = 1 (the last equation) keeps the
// paths bounded: paths to solutions at infinity end at z_0 = 0 instead of diverging (Morgan's
// projective transformation, ibid. §3.7). Complex vectors interleave re/im in Float64Arrays; the
// Jacobian is row-major, (n+1)×(n+1).
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import type { Poly } from '../poly.js';
import type { Random } from '../random.js';
import { ComplexSystem, type ComplexPolynomial, ratToFloat } from './slp.js';
import { ComplexSystemDD, type DDPolynomial, ratToDD } from './dd-system.js';
import { cddAddTo, cddMul, ddAdd, hi, lo } from './double-double.js';
import { type LinearProductData, LinearProductStarts, LinearProductSystem, type Partition, groupDegrees, linearProductData } from './multihomogeneous.js';

/** A square homotopy H(z, t): `dim` equations in `dim` unknowns, evaluated without allocation. */
export interface Homotopy {
  readonly dim: number;
  /** H(z, t) into H (2·dim), ∂H/∂z into Hz (2·dim², row-major), ∂H/∂t into Ht (2·dim) when given. */
  evaluate(z: Float64Array, t: number, H: Float64Array, Hz: Float64Array, Ht: Float64Array | null): void;
  /** The same at a complex t = tr + i·ti (for the Cauchy endgame), when the homotopy allows it. */
  evaluateAt?(z: Float64Array, tr: number, ti: number, H: Float64Array, Hz: Float64Array, Ht: Float64Array | null): void;
  /**
   * The same in complex double-double arithmetic at t = th + tl (./double-double.ts: four doubles per
   * complex entry in z, H, Hz, Ht), when the homotopy allows it (./dd-tracker.ts).
   */
  evaluateDD?(z: Float64Array, th: number, tl: number, H: Float64Array, Hz: Float64Array, Ht: Float64Array | null): void;
}

/** The power of two 2^k with 2^k ≤ max |c| < 2^(k+1) over the coefficients of f. */
function scaleExponent(f: Poly<Rat>): number {
  let best = 0;
  for (const c of f.coeffs) best = Math.max(best, Math.abs(ratToFloat(c)));
  return best > 0 ? Math.floor(Math.log2(best)) : 0;
}

/** The total degree of f in its n unknowns. */
function totalDegree(f: Poly<Rat>, n: number): number {
  let d = 0;
  for (const m of f.mons) {
    let s = 0;
    for (let v = 0; v < n; v++) s += m[v]!;
    d = Math.max(d, s);
  }
  return d;
}

/** f homogenized to degree d (at least its own) with a new variable in front (index 0), as a ComplexPolynomial scaled by 2^-k. */
function homogenized(f: Poly<Rat>, n: number, d: number): ComplexPolynomial {
  const scale = 2 ** -scaleExponent(f);
  const coeffs = new Float64Array(2 * f.mons.length);
  const coeffsLo = new Float64Array(f.mons.length);
  const exponents = f.mons.map((m, k) => {
    const [h, l] = ratToDD(f.coeffs[k]!);
    coeffs[2 * k] = h * scale;
    coeffsLo[k] = l * scale;
    let s = 0;
    for (let v = 0; v < n; v++) s += m[v]!;
    return [d - s, ...Array.from(m)];
  });
  return { coeffs, exponents, coeffsLo };
}

/** A homotopy from a start system as plain data (it can be posted to a worker thread: ./path-runner.ts). */
export interface ProjectiveHomotopyData {
  readonly n: number;
  /** The homogenized, scaled target polynomials (z₀ first), each of the degree of its start polynomial. */
  readonly target: readonly ComplexPolynomial[];
  /** The degrees of the start polynomials (the total degrees for the total-degree start). */
  readonly degrees: readonly number[];
  readonly gamma: readonly [number, number];
  readonly chart: Float64Array;
  /** The linear-product start system, when the start is multihomogeneous (else the total-degree start). */
  readonly linearProduct?: LinearProductData;
}

/** The total degrees of F, checked square with no zero or nonzero constant equation. */
function checkSystem(n: number, gens: readonly Poly<Rat>[]): number[] {
  if (gens.length !== n) throw new MathError('not-square', `the numerical solver needs as many equations as unknowns (${gens.length} equations, ${n} unknowns)`);
  if (gens.some((f) => f.mons.length === 0)) throw new MathError('not-zero-dimensional', 'a zero equation: the solutions are not isolated');
  const degrees = gens.map((f) => totalDegree(f, n));
  if (degrees.some((d) => d === 0)) throw new MathError('no-solutions', 'a nonzero constant equation has no solutions');
  return degrees;
}

/** γ of modulus 1 and the chart, drawn from `random` (in this order). */
function gammaAndChart(random: Random, n: number): { gamma: [number, number]; chart: Float64Array } {
  const angle = 2 * Math.PI * random.nextFloat();
  return { gamma: [Math.cos(angle), Math.sin(angle)], chart: randomChart(random, n) };
}

/** The total-degree homotopy's data for F (n equations in n unknowns): γ and the chart drawn from `random`. */
export function totalDegreeData(n: number, gens: readonly Poly<Rat>[], random: Random): ProjectiveHomotopyData {
  const degrees = checkSystem(n, gens);
  return { n, target: gens.map((f, i) => homogenized(f, n, degrees[i]!)), degrees, ...gammaAndChart(random, n) };
}

/**
 * The linear-product homotopy's data for F and a partition of the unknowns (./multihomogeneous.ts):
 * γ, the chart, then the factors drawn from `random`.
 */
export function linearProductHomotopyData(n: number, gens: readonly Poly<Rat>[], groups: Partition, random: Random): ProjectiveHomotopyData {
  checkSystem(n, gens);
  const covered = groups.flat().sort((a, b) => a - b);
  if (covered.length !== n || covered.some((v, k) => v !== k)) throw new MathError('domain', 'the groups must be a partition of the unknowns (each unknown in exactly one group)');
  const D = groupDegrees(gens, groups);
  const degrees = D.map((row) => row.reduce((a, d) => a + d, 0));
  const { gamma, chart } = gammaAndChart(random, n);
  return { n, target: gens.map((f, i) => homogenized(f, n, degrees[i]!)), degrees, gamma, chart, linearProduct: linearProductData(n, groups, D, random) };
}

/** The start system's evaluation (values 2n, Jacobian 2n(n+1); four doubles per entry in double-double). */
interface StartSystem {
  evaluate(z: Float64Array, G: Float64Array, Gj: Float64Array): void;
  evaluateDD(z: Float64Array, G: Float64Array, Gj: Float64Array): void;
}

/** The total-degree start system z_i^{d_i} - z_0^{d_i}. */
class TotalDegreeStart implements StartSystem {
  private readonly system: ComplexSystem;
  private dd: ComplexSystemDD | null = null;

  constructor(private readonly degrees: readonly number[]) {
    this.system = new ComplexSystem(degrees.length + 1, this.polys(1));
  }

  /** The polynomials, coefficients of `width` complex parts (1: doubles, 2: double-double). */
  private polys(width: 1 | 2): { coeffs: Float64Array; exponents: number[][] }[] {
    const m = this.degrees.length + 1;
    return this.degrees.map((d, i) => {
      const a = new Array<number>(m).fill(0);
      const b = new Array<number>(m).fill(0);
      a[i + 1] = d;
      b[0] = d;
      const coeffs = new Float64Array(4 * width);
      coeffs[0] = 1;
      coeffs[2 * width] = -1;
      return { coeffs, exponents: [a, b] };
    });
  }

  evaluate(z: Float64Array, G: Float64Array, Gj: Float64Array): void {
    this.system.evaluate(z, G, Gj);
  }

  evaluateDD(z: Float64Array, G: Float64Array, Gj: Float64Array): void {
    this.dd ??= new ComplexSystemDD(this.degrees.length + 1, this.polys(2));
    this.dd.evaluate(z, G, Gj);
  }
}

export class ProjectiveHomotopy implements Homotopy {
  readonly n: number;
  readonly dim: number;
  /** The degrees of the start polynomials. */
  readonly degrees: readonly number[];
  /** γ (re, im). */
  readonly gamma: readonly [number, number];
  /** The chart a (interleaved), a·z = 1. */
  readonly chart: Float64Array;
  private readonly target: ComplexSystem;
  private readonly start: StartSystem;
  /** The start solutions of a linear-product start (built on first use, by the thread that numbers the paths). */
  private starts: LinearProductStarts | null = null;
  private readonly fv: Float64Array;
  private readonly fj: Float64Array;
  private readonly gv: Float64Array;
  private readonly gj: Float64Array;
  /** The double-double evaluation (built on first use). */
  private dd: { target: ComplexSystemDD; fv: Float64Array; fj: Float64Array; gv: Float64Array; gj: Float64Array; s: Float64Array; t: Float64Array } | null = null;

  constructor(readonly data: ProjectiveHomotopyData) {
    const n = data.n;
    this.n = n;
    this.degrees = data.degrees;
    this.dim = n + 1;
    this.target = new ComplexSystem(n + 1, data.target);
    this.start = data.linearProduct ? new LinearProductSystem(data.linearProduct) : new TotalDegreeStart(data.degrees);
    this.gamma = data.gamma;
    this.chart = data.chart;
    this.fv = new Float64Array(2 * n);
    this.fj = new Float64Array(2 * n * (n + 1));
    this.gv = new Float64Array(2 * n);
    this.gj = new Float64Array(2 * n * (n + 1));
  }

  /** The total-degree homotopy for F with γ and the chart drawn from `random`. */
  static totalDegree(n: number, gens: readonly Poly<Rat>[], random: Random): ProjectiveHomotopy {
    return new ProjectiveHomotopy(totalDegreeData(n, gens, random));
  }

  /** The number of start solutions (Π d_i, or the m-homogeneous Bézout number), as a bigint (it may be large). */
  get pathCount(): bigint {
    if (this.data.linearProduct) return BigInt(this.linearProductStarts().count);
    return this.degrees.reduce((p, d) => p * BigInt(d), 1n);
  }

  private linearProductStarts(): LinearProductStarts {
    this.starts ??= new LinearProductStarts(this.data.linearProduct!);
    return this.starts;
  }

  /** The start solution number k (total degree: mixed radix over the degrees), on the chart. */
  startSolution(k: number, z: Float64Array): void {
    const n = this.n;
    if (this.data.linearProduct) {
      this.linearProductStarts().solution(k, z);
      toChart(this.chart, z, n + 1);
      return;
    }
    z[0] = 1;
    z[1] = 0;
    let r = k;
    for (let i = 0; i < n; i++) {
      const d = this.degrees[i]!;
      const j = r % d;
      r = Math.floor(r / d);
      const angle = (2 * Math.PI * j) / d;
      z[2 * (i + 1)] = Math.cos(angle);
      z[2 * (i + 1) + 1] = Math.sin(angle);
    }
    toChart(this.chart, z, n + 1);
  }

  evaluate(z: Float64Array, t: number, H: Float64Array, Hz: Float64Array, Ht: Float64Array | null): void {
    this.evaluateAt(z, t, 0, H, Hz, Ht);
  }

  /** H at the complex parameter t = tr + i·ti (the Cauchy endgame's loops around t = 1). */
  evaluateAt(z: Float64Array, tr: number, ti: number, H: Float64Array, Hz: Float64Array, Ht: Float64Array | null): void {
    const n = this.n;
    const m = n + 1;
    this.target.evaluate(z, this.fv, this.fj);
    this.start.evaluate(z, this.gv, this.gj);
    const [gr, gi] = this.gamma;
    // s = (1 - t)·γ
    const sr = (1 - tr) * gr + ti * gi;
    const si = (1 - tr) * gi - ti * gr;
    for (let i = 0; i < n; i++) {
      const fr = this.fv[2 * i]!;
      const fi = this.fv[2 * i + 1]!;
      const ar = this.gv[2 * i]!;
      const ai = this.gv[2 * i + 1]!;
      H[2 * i] = sr * ar - si * ai + tr * fr - ti * fi;
      H[2 * i + 1] = sr * ai + si * ar + tr * fi + ti * fr;
      if (Ht) {
        Ht[2 * i] = fr - (ar * gr - ai * gi);
        Ht[2 * i + 1] = fi - (ar * gi + ai * gr);
      }
      for (let j = 0; j < m; j++) {
        const o = 2 * (i * m + j);
        const br = this.gj[o]!;
        const bi = this.gj[o + 1]!;
        const cr = this.fj[o]!;
        const ci = this.fj[o + 1]!;
        Hz[o] = sr * br - si * bi + tr * cr - ti * ci;
        Hz[o + 1] = sr * bi + si * br + tr * ci + ti * cr;
      }
    }
    chartEquation(this.chart, z, n, H, Hz, Ht);
  }

  /** H at t = th + tl in complex double-double arithmetic (four doubles per complex entry). */
  evaluateDD(z: Float64Array, th: number, tl: number, H: Float64Array, Hz: Float64Array, Ht: Float64Array | null): void {
    const n = this.n;
    const m = n + 1;
    if (!this.dd) {
      this.dd = {
        target: new ComplexSystemDD(m, this.data.target.map(toDD)),
        fv: new Float64Array(4 * n),
        fj: new Float64Array(4 * n * m),
        gv: new Float64Array(4 * n),
        gj: new Float64Array(4 * n * m),
        s: new Float64Array(4),
        t: new Float64Array(4),
      };
    }
    const { target, fv, fj, gv, gj, s, t } = this.dd;
    target.evaluate(z, fv, fj);
    this.start.evaluateDD(z, gv, gj);
    const [gr, gi] = this.gamma;
    // s = (1 - t)·γ
    ddAdd(1, 0, -th, -tl);
    cddMul(hi(), lo(), 0, 0, gr, 0, gi, 0, s, 0);
    for (let i = 0; i < n; i++) {
      cddMul(s[0]!, s[1]!, s[2]!, s[3]!, gv[4 * i]!, gv[4 * i + 1]!, gv[4 * i + 2]!, gv[4 * i + 3]!, H, 4 * i);
      cddMul(th, tl, 0, 0, fv[4 * i]!, fv[4 * i + 1]!, fv[4 * i + 2]!, fv[4 * i + 3]!, t, 0);
      cddAddTo(H, 4 * i, t, 0);
      if (Ht) {
        cddMul(-gr, 0, -gi, 0, gv[4 * i]!, gv[4 * i + 1]!, gv[4 * i + 2]!, gv[4 * i + 3]!, Ht, 4 * i);
        cddAddTo(Ht, 4 * i, fv, 4 * i);
      }
      for (let j = 0; j < m; j++) {
        const o = 4 * (i * m + j);
        cddMul(s[0]!, s[1]!, s[2]!, s[3]!, gj[o]!, gj[o + 1]!, gj[o + 2]!, gj[o + 3]!, Hz, o);
        cddMul(th, tl, 0, 0, fj[o]!, fj[o + 1]!, fj[o + 2]!, fj[o + 3]!, t, 0);
        cddAddTo(Hz, o, t, 0);
      }
    }
    chartEquationDD(this.chart, z, n, H, Hz, Ht, t);
  }
}

/** A complex polynomial with double coefficients (and low parts, when given) as a double-double one. */
function toDD(p: ComplexPolynomial): DDPolynomial {
  const k = p.exponents.length;
  const coeffs = new Float64Array(4 * k);
  for (let j = 0; j < k; j++) {
    coeffs[4 * j] = p.coeffs[2 * j]!;
    coeffs[4 * j + 1] = p.coeffsLo?.[j] ?? 0;
    coeffs[4 * j + 2] = p.coeffs[2 * j + 1]!;
  }
  return { coeffs, exponents: p.exponents };
}

/** A random chart (entries uniform in [-1, 1] + i[-1, 1]) for n unknowns (n + 1 coordinates). */
export function randomChart(random: Random, n: number): Float64Array {
  const chart = new Float64Array(2 * (n + 1));
  for (let i = 0; i < chart.length; i++) chart[i] = 2 * random.nextFloat() - 1;
  return chart;
}

/**
 * The chart's equation a·z - 1 = 0 as the last row (index n) of a homotopy in the n + 1 coordinates
 * z: its value into H, its gradient a into Hz (row-major, n + 1 columns), and 0 into Ht (it does not
 * depend on t).
 */
export function chartEquation(a: Float64Array, z: Float64Array, n: number, H: Float64Array, Hz: Float64Array, Ht: Float64Array | null): void {
  const m = n + 1;
  let lr = -1;
  let li = 0;
  for (let j = 0; j < m; j++) {
    const ar = a[2 * j]!;
    const ai = a[2 * j + 1]!;
    lr += ar * z[2 * j]! - ai * z[2 * j + 1]!;
    li += ar * z[2 * j + 1]! + ai * z[2 * j]!;
    Hz[2 * (n * m + j)] = ar;
    Hz[2 * (n * m + j) + 1] = ai;
  }
  H[2 * n] = lr;
  H[2 * n + 1] = li;
  if (Ht) {
    Ht[2 * n] = 0;
    Ht[2 * n + 1] = 0;
  }
}

/** The chart's equation a·z - 1 = 0 as the last row of a double-double homotopy (chartEquation in double-double; `t` is scratch of 4). */
export function chartEquationDD(a: Float64Array, z: Float64Array, n: number, H: Float64Array, Hz: Float64Array, Ht: Float64Array | null, t: Float64Array): void {
  const m = n + 1;
  H.fill(0, 4 * n, 4 * n + 4);
  H[4 * n] = -1;
  for (let j = 0; j < m; j++) {
    cddMul(a[2 * j]!, 0, a[2 * j + 1]!, 0, z[4 * j]!, z[4 * j + 1]!, z[4 * j + 2]!, z[4 * j + 3]!, t, 0);
    cddAddTo(H, 4 * n, t, 0);
    const o = 4 * (n * m + j);
    Hz[o] = a[2 * j]!;
    Hz[o + 1] = 0;
    Hz[o + 2] = a[2 * j + 1]!;
    Hz[o + 3] = 0;
  }
  if (Ht) Ht.fill(0, 4 * n, 4 * n + 4);
}

/** Scales z so that a·z = 1. */
export function toChart(a: Float64Array, z: Float64Array, m: number): void {
  let sr = 0;
  let si = 0;
  for (let j = 0; j < m; j++) {
    sr += a[2 * j]! * z[2 * j]! - a[2 * j + 1]! * z[2 * j + 1]!;
    si += a[2 * j]! * z[2 * j + 1]! + a[2 * j + 1]! * z[2 * j]!;
  }
  const d = sr * sr + si * si;
  const ir = sr / d;
  const ii = -si / d;
  for (let j = 0; j < m; j++) {
    const xr = z[2 * j]!;
    const xi = z[2 * j + 1]!;
    z[2 * j] = xr * ir - xi * ii;
    z[2 * j + 1] = xr * ii + xi * ir;
  }
}
