// Compiled evaluation of polynomials with rational coefficients in real floating point: values and
// Jacobian, for the optimizers' inner loop (the gradient of a loss, and for Newton its Hessian as
// the Jacobian of the gradient).
//
// Representation: a `RealProgram` is a straight-line program flattened into typed arrays, the real
// counterpart of the complex `ComplexSystem` (../numeric/slp.ts; same layout, half the arithmetic,
// no interleaved imaginary parts, which the optimizers evaluate thousands of times). Each polynomial
// is a run of terms; each term a double coefficient (the rational rounded to a double, within one unit in
// the last place, by `ratToFloat`) and a run of factors (variable, exponent) over its support. Evaluation first fills a
// table of powers x_v^k (k = 0..the largest exponent of v), then each term's value is the product of
// its factors' powers, and its partial derivatives come from prefix and suffix products of the
// factors (reverse mode for one monomial: W. Baur, V. Strassen, "The complexity of partial
// derivatives", TCS 22 (1983)): a gradient costs a small constant times one evaluation, a zero
// coordinate is harmless (no division), and nothing is allocated after construction.
// A Jacobian is row-major (row = polynomial, column = variable).
import type { Rat } from '../field.js';
import { ratToFloat } from '../numeric/slp.js';
import { type TermLayout, termLayout } from '../numeric/term-layout.js';
import type { Poly } from '../poly.js';

export class RealProgram {
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
    polys: readonly Poly<Rat>[],
  ) {
    this.npolys = polys.length;
    this.layout = termLayout(nvars, polys.map((p) => p.mons));
    const { maxExp, widest } = this.layout;
    this.coef = Float64Array.from(polys.flatMap((p) => p.coeffs), ratToFloat);
    this.powOffset = new Int32Array(nvars + 1);
    for (let v = 0; v < nvars; v++) this.powOffset[v + 1] = this.powOffset[v]! + maxExp[v]! + 1;
    this.powers = new Float64Array(this.powOffset[nvars]!);
    this.prefix = new Float64Array(widest + 1);
    this.factorValue = new Float64Array(widest);
    this.factorDeriv = new Float64Array(widest);
  }

  /** The number of terms (the cost of one evaluation is about the number of factors). */
  get terms(): number {
    return this.coef.length;
  }

  /**
   * Values of the polynomials at x into `value` (npolys entries), and when `jac` is given the
   * Jacobian into it (npolys·nvars, row-major); when `magnitude` is given, Σ_t |c_t x^{m_t}| per
   * polynomial into it (the scale of the rounding error of the value: about ε times it). No allocation.
   */
  evaluate(x: ArrayLike<number>, value: Float64Array, jac: Float64Array | null, magnitude?: Float64Array): void {
    const { powers, powOffset, coef, prefix, factorValue, factorDeriv } = this;
    const { maxExp, termStart, factorStart, factorVar, factorExp } = this.layout;
    const n = this.nvars;
    for (let v = 0; v < n; v++) {
      const o = powOffset[v]!;
      const xv = x[v]!;
      powers[o] = 1;
      for (let k = 1; k <= maxExp[v]!; k++) powers[o + k] = powers[o + k - 1]! * xv;
    }
    if (jac) jac.fill(0);
    for (let i = 0; i < this.npolys; i++) {
      let s = 0;
      let size = 0;
      const row = i * n;
      for (let t = termStart[i]!; t < termStart[i + 1]!; t++) {
        const f0 = factorStart[t]!;
        const nf = factorStart[t + 1]! - f0;
        let p = coef[t]!;
        prefix[0] = p;
        for (let a = 0; a < nf; a++) {
          const o = powOffset[factorVar[f0 + a]!]!;
          const e = factorExp[f0 + a]!;
          const w = powers[o + e]!;
          factorValue[a] = w;
          factorDeriv[a] = e * powers[o + e - 1]!;
          p *= w;
          prefix[a + 1] = p;
        }
        s += p;
        size += Math.abs(p);
        if (jac) {
          // ∂/∂x_v of the term = prefix[a] · factorDeriv[a] · (product of the later factors).
          let suffix = 1;
          for (let a = nf - 1; a >= 0; a--) {
            const col = row + factorVar[f0 + a]!;
            jac[col] = jac[col]! + prefix[a]! * factorDeriv[a]! * suffix;
            suffix *= factorValue[a]!;
          }
        }
      }
      value[i] = s;
      if (magnitude) magnitude[i] = size;
    }
  }
}
