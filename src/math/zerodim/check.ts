// Checks of a parametrization x_i = V_i(T) / (d_i·W'(T)) (t = Σ c_i x_i = T at the roots of W) against
// the generators: modulo a prime, and exactly over QQ.
//
// Representation: W, V_i integer polynomials (low degree first), d_i positive integers; a generator f of
// total degree δ is evaluated homogenized, Σ_m a_m Π_i (V_i/d_i)^{m_i} · (W')^{δ-|m|}, in the residue
// ring K[T]/(W). Where W is square-free (checked) W' is invertible modulo W, so that value is zero
// exactly when f vanishes at every point (V_1/(d_1 W'), …)(θ), θ a root of W.
//
// What a passing check proves (over QQ, or over GF(p) for the images): every root θ of W gives a
// solution of the system, and t(x(θ)) = θ (Σ c_i V_i/d_i ≡ T·W' mod W), so the deg W roots give
// deg W distinct solutions. It does not prove that there are no other solutions.
import type { Monomial } from '../monomial.js';
import { SmallPrimeField } from '../field.js';
import { bigMod } from '../groebner/modular.js';
import { checkInterrupt, type Interrupt } from '../progress.js';
import { ResidueRing, type Residue, UnivariateRing } from '../univariate/index.js';

/** The parametrization's data as the checks read it. */
export interface ParametrizationData {
  readonly linearForm: readonly bigint[];
  readonly w: readonly bigint[];
  readonly numerators: readonly (readonly bigint[])[];
  readonly denominators: readonly bigint[];
}

/** A generator with integer coefficients. */
export interface IntegerGenerator {
  readonly mons: readonly Monomial[];
  readonly coeffs: readonly bigint[];
}

interface ResidueOps<R, C> {
  readonly one: R;
  add(a: R, b: R): R;
  mul(a: R, b: R): R;
  scale(a: R, c: C): R;
}

function degreeOf(m: Monomial): number {
  let d = 0;
  for (const e of m) d += e;
  return d;
}

/** Σ_m c_m Π images_i^{m_i} · denominator^{δ-|m|} (δ = the total degree of f), in the residue ring. */
function homogenizedValue<R, C>(K: ResidueOps<R, C>, zero: C, mons: readonly Monomial[], coeffs: readonly C[], images: readonly R[], denominator: R): R {
  const degree = Math.max(...mons.map(degreeOf));
  const powers: R[][] = images.map((x) => [K.one, x]);
  const denominatorPowers: R[] = [K.one, denominator];
  const power = (table: R[], e: number): R => {
    while (table.length <= e) table.push(K.mul(table[table.length - 1]!, table[1]!));
    return table[e]!;
  };
  let sum = K.scale(K.one, zero);
  mons.forEach((m, k) => {
    let t: R = power(denominatorPowers, degree - degreeOf(m));
    for (let i = 0; i < m.length; i++) if (m[i]! > 0) t = K.mul(t, power(powers[i]!, m[i]!));
    sum = K.add(sum, K.scale(t, coeffs[k]!));
  });
  return sum;
}

/**
 * The check modulo p: W keeps its degree and is square-free modulo p, t(x(θ)) = θ, and every generator
 * vanishes at the parametrization modulo W. Null when p divides the leading coefficient of W or a d_i
 * (the prime cannot be used).
 */
export function checkModulo(param: ParametrizationData, gens: readonly IntegerGenerator[], p: number, signal?: Interrupt): boolean | null {
  const F = new SmallPrimeField(p);
  const V = new UnivariateRing(F);
  const reduce = (a: readonly bigint[]) => V.normalize(a.map((c) => bigMod(c, p)));
  const w = reduce(param.w);
  if (w.length !== param.w.length) return null;
  const inverses: number[] = [];
  for (const d of param.denominators) {
    const dp = bigMod(d, p);
    if (dp === 0) return null;
    inverses.push(F.inv(dp));
  }
  const dw = V.derivative(w);
  if (V.degree(V.gcd(w, dw)) !== 0) return false;
  if (w.length === 1) return true; // no solutions to check
  const K: ResidueOps<number[], number> = {
    one: [1],
    add: (a, b) => V.add(a, b),
    mul: (a, b) => V.mulMod(a, b, w),
    scale: (a, c) => V.scale(a, c),
  };
  const images = param.numerators.map((v, i) => V.rem(V.scale(reduce(v), inverses[i]!), w));
  let form: number[] = [];
  param.linearForm.forEach((c, i) => (form = V.add(form, V.scale(images[i]!, bigMod(c, p)))));
  if (!V.equals(V.rem(form, w), V.mulMod(V.x(), dw, w))) return false;
  for (const f of gens) {
    checkInterrupt(signal);
    const value = homogenizedValue(K, 0, f.mons, f.coeffs.map((c) => bigMod(c, p)), images, V.rem(dw, w));
    if (V.rem(value, w).length !== 0) return false;
  }
  return true;
}

/** The same check over QQ, exactly, in Q[T]/(W) (W square-free is checked by the caller modulo a prime). */
export function checkExactly(param: ParametrizationData, gens: readonly IntegerGenerator[], signal?: Interrupt): boolean {
  if (param.w.length === 1) return true;
  const K = new ResidueRing(param.w);
  const ops: ResidueOps<Residue, bigint> = {
    one: K.one,
    add: (a, b) => K.add(a, b),
    mul: (a, b) => K.mul(a, b),
    scale: (a, c) => K.scale(a, { num: c, den: 1n }),
  };
  const images = param.numerators.map((v, i) => K.make(v, param.denominators[i]!));
  const dw = K.make(param.w.slice(1).map((c, k) => c * BigInt(k + 1)));
  let form = K.zero;
  param.linearForm.forEach((c, i) => (form = K.add(form, ops.scale(images[i]!, c))));
  if (!K.eq(form, K.mul(K.make([0n, 1n]), dw))) return false;
  for (const f of gens) {
    checkInterrupt(signal);
    if (!K.isZero(homogenizedValue(ops, 0n, f.mons, f.coeffs, images, dw))) return false;
  }
  return true;
}
