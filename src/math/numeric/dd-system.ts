// Compiled evaluation of a polynomial system in complex double-double arithmetic: values and Jacobian,
// for the paths double precision loses (./dd-tracker.ts).
//
// Representation: the flattened support of ./term-layout.ts (the same as ./slp.ts's ComplexSystem),
// with each complex coefficient as four doubles (re.hi, re.lo, im.hi, im.lo; ./double-double.ts);
// vectors interleave complex double-double numbers (entry k at 4k), the Jacobian is row-major (entry
// (i, j) at 4·(i·nvars + j)). Evaluation fills the power table x_v^k of every variable, then each term's
// value is its coefficient times the product of its factors' powers, and its partial derivative in
// the variable of factor a is the coefficient times e_a·x_a^(e_a - 1) times the other factors (a
// product per factor: terms have few factors). No allocation after construction.
import type { Rat } from '../field.js';
import type { Poly } from '../poly.js';
import { ratToFloat } from './slp.js';
import { QQ } from '../field.js';
import { floatToRat } from './float-interval.js';
import { cddAddTo, cddMul } from './double-double.js';
import { termLayout } from './term-layout.js';

/** A polynomial whose coefficients are complex double-double numbers (four doubles each). */
export interface DDPolynomial {
  /** re.hi, re.lo, im.hi, im.lo per term. */
  readonly coeffs: Float64Array;
  readonly exponents: readonly (readonly number[] | Int32Array)[];
}

/** The double-double number nearest (to about 2^-106 relative) to a rational: [hi, lo]. */
export function ratToDD(x: Rat): [number, number] {
  const h = ratToFloat(x);
  // the residual x - h is exact in QQ (a double is a dyadic rational); its nearest double is the low part
  return [h, h === 0 ? 0 : ratToFloat(QQ.sub(x, floatToRat(h)))];
}

/** A polynomial over QQ with coefficients in double-double, times 2^k (exact). */
export function ddPolynomial(f: Poly<Rat>, scale = 1): DDPolynomial {
  const coeffs = new Float64Array(4 * f.mons.length);
  f.coeffs.forEach((c, k) => {
    const [h, l] = ratToDD(c);
    coeffs[4 * k] = h * scale;
    coeffs[4 * k + 1] = l * scale;
  });
  return { coeffs, exponents: f.mons };
}

export class ComplexSystemDD {
  readonly npolys: number;
  private readonly termStart: Int32Array;
  private readonly coef: Float64Array;
  private readonly factorStart: Int32Array;
  private readonly factorVar: Int32Array;
  private readonly factorExp: Int32Array;
  private readonly powOffset: Int32Array;
  private readonly powers: Float64Array;
  private readonly maxExp: Int32Array;
  private readonly acc: Float64Array = new Float64Array(4);

  constructor(
    readonly nvars: number,
    polys: readonly DDPolynomial[],
  ) {
    this.npolys = polys.length;
    const layout = termLayout(nvars, polys.map((p) => p.exponents));
    ({ termStart: this.termStart, factorStart: this.factorStart, factorVar: this.factorVar, factorExp: this.factorExp, maxExp: this.maxExp } = layout);
    const nterms = this.termStart[polys.length]!;
    this.coef = new Float64Array(4 * nterms);
    let t = 0;
    for (const p of polys) {
      this.coef.set(p.coeffs.subarray(0, 4 * p.exponents.length), 4 * t);
      t += p.exponents.length;
    }
    this.powOffset = new Int32Array(nvars + 1);
    for (let v = 0; v < nvars; v++) this.powOffset[v + 1] = this.powOffset[v]! + 4 * (this.maxExp[v]! + 1);
    this.powers = new Float64Array(this.powOffset[nvars]!);
  }

  /** Replaces the coefficients: four doubles per term, the terms of the polynomials in order (a parameter homotopy's coefficients at t). */
  setCoefficients(coef: Float64Array): void {
    this.coef.set(coef.subarray(0, this.coef.length));
  }

  /** Values at x into `value` (4·npolys) and, when given, the Jacobian into `jac` (4·npolys·nvars). */
  evaluate(x: Float64Array, value: Float64Array, jac: Float64Array | null): void {
    const { powers, powOffset, maxExp, coef, termStart, factorStart, factorVar, factorExp, acc } = this;
    const n = this.nvars;
    for (let v = 0; v < n; v++) {
      const o = powOffset[v]!;
      powers.fill(0, o, o + 4);
      powers[o] = 1;
      for (let k = 1; k <= maxExp[v]!; k++) {
        const p = o + 4 * (k - 1);
        cddMul(powers[p]!, powers[p + 1]!, powers[p + 2]!, powers[p + 3]!, x[4 * v]!, x[4 * v + 1]!, x[4 * v + 2]!, x[4 * v + 3]!, powers, p + 4);
      }
    }
    value.fill(0, 0, 4 * this.npolys);
    if (jac) jac.fill(0, 0, 4 * this.npolys * n);
    for (let i = 0; i < this.npolys; i++) {
      for (let t = termStart[i]!; t < termStart[i + 1]!; t++) {
        const f0 = factorStart[t]!;
        const f1 = factorStart[t + 1]!;
        acc.set(coef.subarray(4 * t, 4 * t + 4));
        for (let a = f0; a < f1; a++) {
          const p = powOffset[factorVar[a]!]! + 4 * factorExp[a]!;
          cddMul(acc[0]!, acc[1]!, acc[2]!, acc[3]!, powers[p]!, powers[p + 1]!, powers[p + 2]!, powers[p + 3]!, acc, 0);
        }
        cddAddTo(value, 4 * i, acc, 0);
        if (!jac) continue;
        for (let a = f0; a < f1; a++) {
          // the coefficient times e·x^(e-1) times the other factors
          const e = factorExp[a]!;
          const pa = powOffset[factorVar[a]!]! + 4 * (e - 1);
          cddMul(coef[4 * t]!, coef[4 * t + 1]!, coef[4 * t + 2]!, coef[4 * t + 3]!, e, 0, 0, 0, acc, 0);
          cddMul(acc[0]!, acc[1]!, acc[2]!, acc[3]!, powers[pa]!, powers[pa + 1]!, powers[pa + 2]!, powers[pa + 3]!, acc, 0);
          for (let b = f0; b < f1; b++) {
            if (b === a) continue;
            const p = powOffset[factorVar[b]!]! + 4 * factorExp[b]!;
            cddMul(acc[0]!, acc[1]!, acc[2]!, acc[3]!, powers[p]!, powers[p + 1]!, powers[p + 2]!, powers[p + 3]!, acc, 0);
          }
          cddAddTo(jac, 4 * (i * n + factorVar[a]!), acc, 0);
        }
      }
    }
  }
}
