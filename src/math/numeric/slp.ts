// Compiled evaluation of a polynomial system in complex floating point: values and Jacobian.
//
// Representation: a `ComplexSystem` is a straight-line program flattened into typed arrays. Each
// polynomial is a run of terms; each term is a complex coefficient (interleaved re, im in
// `coef`) and a run of factors (variable, exponent) over its support. Evaluation first fills a
// table of the powers x_v^k (k = 0..the largest exponent of v) for every variable, then each term's
// value is the product of its factors' powers, and its partial derivatives come from prefix and
// suffix products of the factors (the reverse-mode trick of Baur and Strassen, "The complexity of
// partial derivatives", TCS 1983, specialised to monomials): no division, so a zero coordinate is
// harmless, and no allocation after construction (all scratch space is owned by the system).
// Complex vectors are Float64Arrays with interleaved re/im; a Jacobian is row-major (row = polynomial,
// column = variable), entry (i, j) at 2·(i·nvars + j).
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import { ratToFloat as nearestDouble } from '../rat-float.js';
import type { Poly } from '../poly.js';
import { type TermLayout, termLayout } from './term-layout.js';

/** The double nearest to a rational (src/math/rat-float.ts), refused when it is outside double range. */
export function ratToFloat(x: Rat): number {
  const v = nearestDouble(x);
  if (!Number.isFinite(v)) throw new MathError('out-of-range', `the coefficient ${x.num}/${x.den} is outside the range of double precision`);
  return v;
}

/** One term list per polynomial: complex coefficients and exponent vectors (what a ComplexSystem compiles). */
export interface ComplexPolynomial {
  /** Interleaved re/im, one pair per term. */
  readonly coeffs: Float64Array;
  /** One exponent vector per term, of length nvars. */
  readonly exponents: readonly (readonly number[] | Int32Array)[];
  /**
   * The low parts of the real coefficients in double-double (coefficient k is coeffs[2k] + coeffsLo[k]
   * to about 2^-106 relative), when the polynomial came from exact rationals: ./dd-system.ts.
   */
  readonly coeffsLo?: Float64Array;
}

/** A polynomial over QQ as a ComplexPolynomial (coefficients rounded to doubles, times `scale`). */
export function complexPolynomial(f: Poly<Rat>, scale = 1): ComplexPolynomial {
  const coeffs = new Float64Array(2 * f.mons.length);
  for (let k = 0; k < f.mons.length; k++) coeffs[2 * k] = ratToFloat(f.coeffs[k]!) * scale;
  return { coeffs, exponents: f.mons };
}

export class ComplexSystem {
  readonly npolys: number;
  /** The flattened support (./term-layout.ts). */
  private readonly layout: TermLayout;
  private readonly coef: Float64Array;
  private readonly powOffset: Int32Array;
  private readonly powers: Float64Array;
  private readonly prefix: Float64Array;
  private readonly factorValue: Float64Array;
  private readonly factorDeriv: Float64Array;

  constructor(
    readonly nvars: number,
    polys: readonly ComplexPolynomial[],
  ) {
    this.npolys = polys.length;
    this.layout = termLayout(nvars, polys.map((p) => p.exponents));
    const { maxExp, widest } = this.layout;
    const nterms = this.layout.termStart[polys.length]!;
    this.coef = new Float64Array(2 * nterms);
    let t = 0;
    for (const p of polys) {
      this.coef.set(p.coeffs.subarray(0, 2 * p.exponents.length), 2 * t);
      t += p.exponents.length;
    }
    this.powOffset = new Int32Array(nvars + 1);
    for (let v = 0; v < nvars; v++) this.powOffset[v + 1] = this.powOffset[v]! + 2 * (maxExp[v]! + 1);
    this.powers = new Float64Array(this.powOffset[nvars]!);
    this.prefix = new Float64Array(2 * (widest + 1));
    this.factorValue = new Float64Array(2 * widest);
    this.factorDeriv = new Float64Array(2 * widest);
  }

  /** The number of terms (coefficients are stored in the order of the polynomials' terms, re/im interleaved). */
  get termCount(): number {
    return this.layout.termStart[this.npolys]!;
  }

  /**
   * Replaces every coefficient (2·termCount numbers, the polynomials' terms in order): a parameter
   * homotopy moves the coefficients of one compiled support (./parameter-homotopy.ts).
   */
  setCoefficients(c: Float64Array): void {
    this.coef.set(c.subarray(0, this.coef.length));
  }

  /** The largest exponent of each variable (the degrees a power table needs). */
  degreeIn(v: number): number {
    return this.layout.maxExp[v]!;
  }

  /**
   * Values of the polynomials at x into `value` (2·npolys), and when `jac` is given the Jacobian
   * into it (2·npolys·nvars, row-major). No allocation.
   */
  evaluate(x: Float64Array, value: Float64Array, jac: Float64Array | null): void {
    const { powers, powOffset, coef, prefix, factorValue, factorDeriv } = this;
    const { maxExp, termStart, factorStart, factorVar, factorExp } = this.layout;
    const n = this.nvars;
    for (let v = 0; v < n; v++) {
      const o = powOffset[v]!;
      const xr = x[2 * v]!;
      const xi = x[2 * v + 1]!;
      powers[o] = 1;
      powers[o + 1] = 0;
      for (let k = 1; k <= maxExp[v]!; k++) {
        const pr = powers[o + 2 * k - 2]!;
        const pi = powers[o + 2 * k - 1]!;
        powers[o + 2 * k] = pr * xr - pi * xi;
        powers[o + 2 * k + 1] = pr * xi + pi * xr;
      }
    }
    if (jac) jac.fill(0);
    for (let i = 0; i < this.npolys; i++) {
      let sr = 0;
      let si = 0;
      const row = 2 * i * n;
      for (let t = termStart[i]!; t < termStart[i + 1]!; t++) {
        const f0 = factorStart[t]!;
        const nf = factorStart[t + 1]! - f0;
        let pr = coef[2 * t]!;
        let pi = coef[2 * t + 1]!;
        prefix[0] = pr;
        prefix[1] = pi;
        for (let a = 0; a < nf; a++) {
          const v = factorVar[f0 + a]!;
          const e = factorExp[f0 + a]!;
          const o = powOffset[v]!;
          const wr = powers[o + 2 * e]!;
          const wi = powers[o + 2 * e + 1]!;
          factorValue[2 * a] = wr;
          factorValue[2 * a + 1] = wi;
          factorDeriv[2 * a] = e * powers[o + 2 * e - 2]!;
          factorDeriv[2 * a + 1] = e * powers[o + 2 * e - 1]!;
          const qr = pr * wr - pi * wi;
          pi = pr * wi + pi * wr;
          pr = qr;
          prefix[2 * a + 2] = pr;
          prefix[2 * a + 3] = pi;
        }
        sr += pr;
        si += pi;
        if (jac) {
          let ur = 1;
          let ui = 0;
          for (let a = nf - 1; a >= 0; a--) {
            // d/dx_v = prefix[a] · factorDeriv[a] · suffix
            const ar = prefix[2 * a]!;
            const ai = prefix[2 * a + 1]!;
            const dr = factorDeriv[2 * a]!;
            const di = factorDeriv[2 * a + 1]!;
            const br = ar * dr - ai * di;
            const bi = ar * di + ai * dr;
            const col = row + 2 * factorVar[f0 + a]!;
            jac[col] = jac[col]! + br * ur - bi * ui;
            jac[col + 1] = jac[col + 1]! + br * ui + bi * ur;
            const wr = factorValue[2 * a]!;
            const wi = factorValue[2 * a + 1]!;
            const nr = ur * wr - ui * wi;
            ui = ur * wi + ui * wr;
            ur = nr;
          }
        }
      }
      value[2 * i] = sr;
      value[2 * i + 1] = si;
    }
  }
}
