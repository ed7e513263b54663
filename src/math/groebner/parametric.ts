// Gröbner bases over a rational function field K = F(t) (fraction-field.ts) through the base ring
// F[x, t]: the engine 'parametric'.
//
// Route. Clear the denominators of each generator (multiply by the lcm of its coefficients'
// denominators, a unit of K, so the ideal of K[x] is unchanged), read the numerators in F[x, t] with
// the block order x >> t (the ring's order on the x block, grevlex on t) and compute a Gröbner basis G
// there with the base field's engine (multi-modular F4 over QQ, F4 over GF(p)). Read over K, G is a
// Gröbner basis of I·K[x] (the standard fact behind comprehensive Gröbner bases and Gianni–Kalkbrener
// specialization; Becker–Weispfenning, "Gröbner Bases", 1993; Cox–Little–O'Shea, "Ideals, Varieties,
// and Algorithms"). Proof: for f in I·K[x] some d(t) ≠ 0 has d·f in I (clear the denominators of a
// K-combination of the generators); in the block order the leading monomial of d·f is
// (lm_x(f), lm_t(d·lc_x(f))), divisible by that of some g in G, so lm_x(g) divides lm_x(f). An element
// of G free of x is a non-zero polynomial in t, a unit of K: then I·K[x] = (1). Otherwise the basis
// over K is made monic, minimal (one element per minimal leading monomial) and reduced (tails reduced
// by the others over K), so the result is the unique reduced basis, as every engine returns.
import type { Field } from '../domain.js';
import type { FractionField, RatFun } from '../fraction-field.js';
import type { Monomial, OrderSpec } from '../monomial.js';
import { divides } from '../monomial.js';
import { PolyRing, type Poly } from '../poly.js';
import { checkInterrupt } from '../progress.js';
import type { GroebnerOptions, GroebnerResult } from './engines.js';

/** The base engine: a reduced Gröbner basis over the base field F of K. */
export type BaseGroebner = <E>(R: PolyRing<E>, gens: readonly Poly<E>[], options: GroebnerOptions) => GroebnerResult<E>;

/** The ring F[x, t] with the block order x >> t, or undefined when R's order is not a product of lex/grevlex blocks. */
export function numeratorRing<E>(R: PolyRing<RatFun<E>>): PolyRing<E> | undefined {
  const K = R.field as FractionField<E>;
  const spec = R.order.spec;
  const xBlocks: { size: number; order: 'lex' | 'grevlex' }[] | undefined =
    spec.kind === 'lex' || spec.kind === 'grevlex' ? [{ size: R.nvars, order: spec.kind }] : spec.kind === 'block' ? spec.blocks.map((b) => ({ size: b.size, order: b.order })) : undefined;
  if (!xBlocks) return undefined;
  const order: OrderSpec = { kind: 'block', blocks: [...xBlocks, { size: K.params.length, order: 'grevlex' }] };
  return new PolyRing(K.coefficients as Field<E>, [...R.vars, ...K.params], order);
}

/** f with its denominators cleared, as a polynomial of F[x, t] (S = numeratorRing(R)). */
export function clearedNumerator<E>(R: PolyRing<RatFun<E>>, S: PolyRing<E>, f: Poly<RatFun<E>>): Poly<E> {
  const K = R.field as FractionField<E>;
  const B = K.base;
  const d = K.lcm(f.coeffs.map((c) => c.den));
  const n = R.nvars;
  const terms: [Monomial, E][] = [];
  f.mons.forEach((m, k) => {
    const c = f.coeffs[k]!;
    const q = B.mul(c.num, B.divExact(d, c.den));
    q.mons.forEach((tm, j) => {
      const mono = new Int32Array(S.nvars);
      mono.set(m, 0);
      mono.set(tm, n);
      terms.push([mono as Monomial, q.coeffs[j]!]);
    });
  });
  return S.fromTerms(terms);
}

/** A polynomial of F[x, t] read in K[x] (coefficients: polynomials in t). */
export function overFractions<E>(R: PolyRing<RatFun<E>>, S: PolyRing<E>, g: Poly<E>): Poly<RatFun<E>> {
  const K = R.field as FractionField<E>;
  const B = K.base;
  const n = R.nvars;
  const byX = new Map<string, { x: Monomial; terms: [Monomial, E][] }>();
  g.mons.forEach((m, k) => {
    const x = m.slice(0, n) as Monomial;
    const key = x.join(',');
    let entry = byX.get(key);
    if (!entry) byX.set(key, (entry = { x, terms: [] }));
    entry.terms.push([m.slice(n) as Monomial, g.coeffs[k]!]);
  });
  void S;
  return R.fromTerms([...byX.values()].map(({ x, terms }) => [x, K.fromPoly(B.fromTerms(terms))] as const));
}

export function parametricGroebner<E>(R: PolyRing<RatFun<E>>, gens: readonly Poly<RatFun<E>>[], options: GroebnerOptions, base: BaseGroebner): GroebnerResult<RatFun<E>> | undefined {
  const S = numeratorRing(R);
  if (!S) return undefined;
  const cleared = gens.filter((f) => f.mons.length > 0).map((f) => clearedNumerator(R, S, f));
  const result = base(S, cleared, options);
  const n = R.nvars;
  const note = `a Gröbner basis of the numerators in ${S.toString()} (${result.algorithm}${result.note ? `: ${result.note}` : ''}), read over ${R.field.name}`;
  const common = { algorithm: 'parametric', certified: result.certified, note, ...(result.primes ? { primes: result.primes } : {}) };
  if (result.basis.length === 0) return { basis: [], ...common };
  if (result.basis.some((g) => g.mons[0]!.slice(0, n).every((e) => e === 0))) return { basis: [R.one()], ...common };
  // Monic over K, sorted by leading monomial ascending; keep one element per minimal leading monomial.
  const monic = result.basis.map((g) => R.monic(overFractions(R, S, g)));
  monic.sort((a, b) => R.order.compare(a.mons[0]!, b.mons[0]!));
  const minimal: Poly<RatFun<E>>[] = [];
  for (const g of monic) {
    if (!minimal.some((h) => divides(h.mons[0]!, g.mons[0]!))) minimal.push(g);
  }
  const reduced = minimal.map((g, i) => {
    checkInterrupt(options.signal);
    const others = minimal.filter((_, j) => j !== i);
    const tail = { mons: g.mons.slice(1), coeffs: g.coeffs.slice(1) };
    const r = R.divide(tail, others).remainder;
    return R.add(R.term(g.coeffs[0]!, g.mons[0]!), r);
  });
  return { basis: reduced, ...common };
}
