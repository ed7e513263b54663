// Affine parameter families of square polynomial systems: the input of monodromy solving and of
// parameter homotopies.
//
// Representation: an `AffineFamily` is F(x; q) = F₀(x) + Σ_k q_k·G_k(x) with F₀ and every G_k a list
// of n polynomials over QQ in the n unknowns x (G_k may have zero components), and the instance to
// solve q* (`target`, rationals). The system at q* is F(x; q*) (`targetSystem`, exact). Families whose
// coefficients depend affinely on the parameters are the ones the parameter homotopy of Morgan and
// Sommese ("Coefficient-parameter polynomial continuation", Appl. Math. Comput. 29, 1989) moves along
// a straight line in coefficient space, and the ones monodromy solving seeds by choosing x and solving
// a linear system for q (Duff, Hill, Jensen, Lee, Leykin, Sommars, "Solving polynomial systems via
// homotopy continuation and monodromy", IMA J. Numer. Anal. 39, 2019, §2). Three families are built
// here: the system alone (no parameters: ./parameter-homotopy.ts adds a constant term per equation,
// F(x) - p, when it seeds), the diagonal regularizer family of a loss (∂L/∂x_i + q_i·x_i, i.e. the loss
// L + Σ q_i x_i²/2, whose generic member is the target when L already has a generic L2 regularizer, as
// the networks' generalized L2 has), and a system whose coefficients are affine in some of the ring's
// variables, named as parameters.
import { MathError } from '../errors.js';
import { QQ, type Rat } from '../field.js';
import { type Poly, PolyRing } from '../poly.js';

export interface AffineFamily {
  /** The ring of the unknowns (n variables). */
  readonly ring: PolyRing<Rat>;
  /** F₀: n polynomials in the unknowns. */
  readonly base: readonly Poly<Rat>[];
  /** G_k for each parameter k: n polynomials each (zero where the parameter does not appear). */
  readonly directions: readonly (readonly Poly<Rat>[])[];
  /** The instance to solve, q*. */
  readonly target: readonly Rat[];
  /** The parameters' names (for messages and provenance). */
  readonly names: readonly string[];
}

/** F(x; q) at rational q: F₀ + Σ q_k G_k, exactly. */
export function familyAt(family: AffineFamily, q: readonly Rat[]): Poly<Rat>[] {
  const R = family.ring;
  return family.base.map((f, i) => family.directions.reduce((acc, G, k) => R.add(acc, R.scale(G[i]!, q[k]!)), f));
}

/** The system to solve, F(x; q*). */
export function targetSystem(family: AffineFamily): Poly<Rat>[] {
  return familyAt(family, family.target);
}

function square(R: PolyRing<Rat>, gens: readonly Poly<Rat>[]): void {
  if (gens.length !== R.nvars) throw new MathError('not-square', `the numerical solver needs as many equations as unknowns (${gens.length} equations, ${R.nvars} unknowns)`);
  if (gens.some((f) => f.mons.length === 0)) throw new MathError('not-zero-dimensional', 'a zero equation: the solutions are not isolated');
}

/** The system alone: no parameters (seeding adds a constant term per equation). */
export function systemFamily(R: PolyRing<Rat>, gens: readonly Poly<Rat>[]): AffineFamily {
  square(R, gens);
  return { ring: R, base: gens, directions: [], target: [], names: [] };
}

/** The gradient system of a loss with a diagonal L2 perturbation: ∂L/∂x_i + q_i·x_i, at q* = 0. */
export function regularizerFamily(R: PolyRing<Rat>, gradient: readonly Poly<Rat>[]): AffineFamily {
  square(R, gradient);
  const n = R.nvars;
  const directions = Array.from({ length: n }, (_, k) => Array.from({ length: n }, (_, i) => (i === k ? R.variable(k) : R.zero())));
  return { ring: R, base: gradient, directions, target: new Array<Rat>(n).fill(QQ.zero), names: R.vars.map((v) => `q_${v}`) };
}

/**
 * A system over QQ[x, params] whose coefficients are affine in the parameters (no term of degree above
 * one in them), as a family in the unknowns x (the other variables), at the instance `values`.
 */
export function parametricFamily(S: PolyRing<Rat>, gens: readonly Poly<Rat>[], params: readonly number[], values: readonly Rat[]): AffineFamily {
  const isParam = new Array<boolean>(S.nvars).fill(false);
  for (const p of params) isParam[p] = true;
  const unknowns = S.vars.flatMap((_, v) => (isParam[v] ? [] : [v]));
  const R = new PolyRing(QQ, unknowns.map((v) => S.vars[v]!));
  if (values.length !== params.length) throw new MathError('domain', `${params.length} parameters but ${values.length} values`);
  const base: Poly<Rat>[] = [];
  const directions: Poly<Rat>[][] = params.map(() => []);
  for (const f of gens) {
    const parts: [Int32Array, Rat][][] = [[], ...params.map(() => [])];
    f.mons.forEach((m, t) => {
      let which = 0;
      let degree = 0;
      params.forEach((p, k) => {
        if (m[p]! > 0) {
          degree += m[p]!;
          which = k + 1;
        }
      });
      if (degree > 1) throw new MathError('domain', `the coefficients must be affine in the parameters (${params.map((p) => S.vars[p]).join(', ')}): a term of degree ${degree} in them`);
      parts[which]!.push([Int32Array.from(unknowns, (v) => m[v]!), f.coeffs[t]!]);
    });
    base.push(R.fromTerms(parts[0]!));
    params.forEach((_, k) => directions[k]!.push(R.fromTerms(parts[k + 1]!)));
  }
  square(R, base.map((f, i) => (f.mons.length ? f : directions.find((G) => G[i]!.mons.length)?.[i] ?? f)));
  return { ring: R, base, directions, target: values, names: params.map((p) => S.vars[p]!) };
}

/** The variables of a monomial as a bitmask (n ≤ 30). */
function support(m: ArrayLike<number>): number {
  let s = 0;
  for (let v = 0; v < m.length; v++) if (m[v]! > 0) s |= 1 << v;
  return s;
}

/**
 * The invariant coordinate subspaces V_S = {x_j = 0, j ∈ S}, S ≠ ∅, on which every equation i ∈ S
 * vanishes identically for all parameters (each monomial of F₀_i and of every G_k,i contains a
 * variable of S), as bitmasks. With the family's parameters moving every other equation, these
 * carry the components of the incidence variety other than the main one: a solution at generic
 * parameters with zero set S lies on V_S, and its equations i ∈ S must then vanish on all of V_S.
 * Enumerated exhaustively for n ≤ 20 (null beyond: not searched).
 */
export function invariantSubspaces(family: AffineFamily): number[] | null {
  const n = family.ring.nvars;
  if (n > 20) return null;
  const masks: number[][] = family.base.map((f, i) => {
    const all = [f, ...family.directions.map((G) => G[i]!)];
    return [...new Set(all.flatMap((g) => g.mons.map(support)))];
  });
  const found: number[] = [];
  for (let S = 1; S < 1 << n; S++) {
    let ok = true;
    for (let i = 0; i < n && ok; i++) if (S & (1 << i)) for (const m of masks[i]!) if ((m & S) === 0) { ok = false; break; }
    if (ok) found.push(S);
  }
  return found;
}

/** The family restricted to V_S: the unknowns outside S, the equations outside S, the parameters that still appear. */
export function restrictFamily(family: AffineFamily, S: number): { family: AffineFamily; kept: number[]; params: number[] } {
  const R = family.ring;
  const kept = R.vars.flatMap((_, v) => (S & (1 << v) ? [] : [v]));
  const ring = new PolyRing(QQ, kept.map((v) => R.vars[v]!));
  const restrict = (f: Poly<Rat>): Poly<Rat> =>
    ring.fromTerms(f.mons.flatMap((m, t) => ((support(m) & S) !== 0 ? [] : [[Int32Array.from(kept, (v) => m[v]!), f.coeffs[t]!] as const])));
  const base = kept.map((i) => restrict(family.base[i]!));
  const params = family.directions.flatMap((G, k) => {
    const g = kept.map((i) => restrict(G[i]!));
    return g.some((p) => p.mons.length > 0) ? [{ g, k }] : [];
  });
  return {
    family: { ring, base, directions: params.map((p) => p.g), target: params.map((p) => family.target[p.k]!), names: params.map((p) => family.names[p.k]!) },
    kept,
    params: params.map((p) => p.k),
  };
}
