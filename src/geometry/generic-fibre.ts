// Rings with parameters, K[x] with K = F(t) (src/math/fraction-field.ts): the generic fibre of a
// family, its specializations, and the family it stands for.
//
// Representation: a ring R = PolyRing over a FractionField K = F(t_1..t_k); its polynomials have
// coefficients num(t)/den(t) in lowest terms. The ideals, bases, dimensions and counts of R are those
// of the generic fibre (the Gröbner engine 'parametric' computes bases through F[x, t]).
// - Specialization t = a (a in F^k): every coefficient num(a)/den(a); a point where a denominator
//   vanishes is a pole (MathError 'pole'). For an ideal, the specialization of its reduced basis G
//   over K: when no denominator of G vanishes at a, G(a) has the leading monomials of G, so it is a
//   Gröbner basis of the ideal it generates (Buchberger's criterion specializes: each S-polynomial of
//   G reduces to zero over K by a standard representation whose coefficients have only denominators
//   that are products of those of G, which do not vanish at a), and the fibre has the generic
//   dimension, degree and count with multiplicity. Where one vanishes, a is not generic for the
//   ideal (MathError 'not-generic', which names the coefficient).
// - The family: the same polynomials with denominators cleared (times the lcm of their
//   denominators, a unit of K) in F[x, t] (grevlex, the parameters last), for ./discriminant.ts.
import { MathError } from '../math/errors.js';
import type { Field } from '../math/field.js';
import { type FractionField, type RatFun, isFractionField } from '../math/fraction-field.js';
import { clearedNumerator } from '../math/groebner/parametric.js';
import { PolyRing, type Poly } from '../math/poly.js';

/** The field of a ring with parameters, checked. */
export function parameterField<E>(R: PolyRing<RatFun<E>>): FractionField<E> {
  if (!isFractionField(R.field)) throw new MathError('bad-field', `${R.toString()} has no parameters`);
  return R.field as FractionField<E>;
}

/** F[x] with R's variables and order: where the specializations of R live. */
export function fibreRing<E>(R: PolyRing<RatFun<E>>): PolyRing<E> {
  return new PolyRing(parameterField(R).coefficients as Field<E>, R.vars, R.order.spec);
}

/** f at t = values, in T = fibreRing(R); MathError('pole') where a denominator vanishes. */
export function specializeAt<E>(R: PolyRing<RatFun<E>>, T: PolyRing<E>, f: Poly<RatFun<E>>, values: readonly E[]): Poly<E> {
  const K = parameterField(R);
  const names = () => K.params.map((t, i) => `${t} = ${K.coefficients.toString(values[i]!)}`).join(', ');
  return T.fromTerms(
    f.mons.map((m, k) => {
      const c = f.coeffs[k]!;
      const v = K.evaluate(c, values);
      if (v === undefined) throw new MathError('pole', `${names()} is a pole of the coefficient ${K.toString(c)} in ${R.toText(f)}`);
      return [m, v] as const;
    }),
  );
}

/**
 * The specialization at t = values of the ideal whose reduced basis over K is G (monic): G(a);
 * MathError('not-generic') when a denominator of G vanishes there.
 */
export function specializeBasis<E>(R: PolyRing<RatFun<E>>, T: PolyRing<E>, G: readonly Poly<RatFun<E>>[], values: readonly E[]): Poly<E>[] {
  const K = parameterField(R);
  return G.map((g) => {
    try {
      return specializeAt(R, T, g, values);
    } catch (e) {
      if (!(e instanceof MathError) || e.code !== 'pole') throw e;
      const at = K.params.map((t, i) => `${t} = ${K.coefficients.toString(values[i]!)}`).join(', ');
      throw new MathError(
        'not-generic',
        `${at} is not a generic value for this ideal: its Gröbner basis over ${K.name} has ${R.toText(g)}, with a coefficient that has a pole there, so the fibre may differ from the generic one (to study it, write the family over ${K.coefficients.name}[${[...R.vars, ...K.params].join(', ')}] and specialize there)`,
      );
    }
  });
}

/** The family of R's polynomials: the ring F[x, t] (grevlex) and the polynomials with denominators cleared. */
export function numeratorFamily<E>(R: PolyRing<RatFun<E>>, F: readonly Poly<RatFun<E>>[]): { ring: PolyRing<E>; polys: Poly<E>[]; params: number[] } {
  const K = parameterField(R);
  const S = new PolyRing(K.coefficients as Field<E>, [...R.vars, ...K.params]);
  return { ring: S, polys: F.map((f) => clearedNumerator(R, S, f)), params: K.params.map((_, i) => R.nvars + i) };
}

/** The denominators of the coefficients of F (the values where the family itself is undefined), monic, distinct. */
export function poles<E>(R: PolyRing<RatFun<E>>, F: readonly Poly<RatFun<E>>[]): Poly<E>[] {
  const K = parameterField(R);
  const B = K.base;
  const out: Poly<E>[] = [];
  for (const f of F) {
    const d = K.lcm(f.coeffs.map((c) => c.den));
    if (!B.isConstant(d) && !out.some((h) => B.equals(h, d))) out.push(d);
  }
  return out;
}
