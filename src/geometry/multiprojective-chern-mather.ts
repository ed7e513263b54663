// Chern–Mather classes of subvarieties of products of projective spaces.
//
// Representation: X ⊂ P^{N_1} × ⋯ × P^{N_k} a ProjectiveVariety (./projective.ts) with k ≥ 2 blocks
// (block j of size N_j + 1), of dimension m, its ideal radical and X equidimensional. With H_j the
// pullback of the hyperplane class of the j-th factor, the Chern–Mather class pushed forward to the
// product is
//   c_M(X) = Σ_a μ(a) H_1^{N_1 - a_1} ⋯ H_k^{N_k - a_k},   a_j ≤ N_j, |a| = a_1 + ⋯ + a_k ≤ m,
// μ(a) = ∫ c_M(X) H^a (H^a = Π H_j^{a_j}); the part with |a| = m - i is c_i^M (dimension m - i), and
// c_0^M = [X], so the μ(a) with |a| = m are the multidegree (./projective.ts `multidegree`).
//
// Algorithm:
// 1. Sections. For a general member D of the base-point-free system |H_j|, c_M(X ∩ D) =
//    c_M(X) · D / (1 + D) (Chern–Mather classes of general sections: the polar varieties of a general
//    section are the sections of the polar varieties, Piene 1978 §2, and Piene's formula below; for
//    smooth X it is adjunction). With b_j general hyperplanes of the j-th factor (X_b = X ∩ them):
//      χ_M(X_b) = ∫ c_M(X) Π_j (H_j / (1 + H_j))^{b_j} = Σ_{e ≥ 0} Π_j C(-b_j, e_j) μ(b + e),
//    where χ_M = deg c_{dim}^M is the Chern–Mather (Euler–Mather) characteristic. This system is
//    triangular (μ(b) has coefficient 1, the others have |b + e| > |b|) and is solved exactly,
//    from |b| = m down to 0.
// 2. χ_M(X_b): X_b is cut out by substituting for the last b_j coordinates of each block random linear
//    combinations of the others (a general codimension-b_j linear subspace of each factor, as a graph),
//    so X_b ⊂ Π P^{N_j - b_j}. For |b| = m it is a finite set and χ_M is its number of points (the
//    multidegree, counted on random sections); otherwise X_b is embedded by Segre,
//    σ: Π P^{N_j - b_j} → P^{Π (N_j - b_j + 1) - 1} (a closed embedding: Chern–Mather classes are
//    intrinsic, so χ_M(σ(X_b)) = χ_M(X_b)), the ideal of σ(X_b) by elimination of the x's from
//    (I(X_b), z_t - Π_j x_{j, t_j}) (../math/ideal.ts, over QQ), and χ_M(σ(X_b)) is the last of its
//    Chern–Mather degrees by Piene's formula from its polar degrees (./polar.ts, ./projective.ts
//    `chernMatherFromPolar`).
// 3. Check: the degrees of the classes in the Segre embedding of X itself, deg c_i^M(σ(X)) =
//    ∫ c_i^M (Σ H_j)^{m-i} = Σ_{|a| = m-i} (m-i)!/Π a_j! μ(a), must equal the Chern–Mather degrees of
//    σ(X) from its own polar degrees (computed in step 2 for b = 0, no sections): a disagreement is an
//    internal error, never an answer.
// Counts of points are exact over QQ (multi-modular Gröbner bases: probabilistic unless certified) or
// over GF(p) with `prime`; every random choice (sections, charts, combinations) comes from the seeded
// stream.
import { MathError } from '../math/errors.js';
import { QQ, type Rat } from '../math/field.js';
import * as ideals from '../math/ideal.js';
import type { Monomial } from '../math/monomial.js';
import { PolyRing } from '../math/poly.js';
import { checkInterrupt } from '../math/progress.js';
import { RANDOM_BOUND, binomial, randomNonZero, type QQPoly, type QQRing } from './common.js';
import { polarDegrees } from './polar.js';
import { type ProjectiveOptions, type ProjectiveVariety, chernMatherFromPolar, multidegree, projectiveVariety } from './projective.js';
import { dimension, variety } from './variety.js';

export interface ChernMatherTerm {
  /** a: the numbers of general hyperplanes of each factor (Σ a_j = dim X - i for c_i). */
  readonly cuts: readonly number[];
  /** μ(a) = ∫ c_M(X) H^a: the coefficient of H_1^{N_1 - a_1} ⋯ H_k^{N_k - a_k}. */
  readonly degree: bigint;
}

export interface MultiprojectiveChernMather {
  readonly dimension: number;
  /** classes[i]: the terms of c_i^M (|a| = dim X - i), lexicographically by a; classes[0] is the multidegree. */
  readonly classes: readonly (readonly ChernMatherTerm[])[];
  /** deg c_i^M in the Segre embedding (with respect to H_1 + ⋯ + H_k), i = 0..dim X. */
  readonly degrees: readonly bigint[];
  /** The polar degrees of the Segre image σ(X) (they depend on the embedding). */
  readonly polar: readonly number[];
  readonly field: string;
  readonly certified: boolean;
}

/** The variable indices of each block. */
function blockIndices(blocks: readonly number[]): number[][] {
  let start = 0;
  return blocks.map((s) => {
    const out = Array.from({ length: s }, (_, i) => start + i);
    start += s;
    return out;
  });
}

/** Every tuple t with 0 ≤ t_j < sizes[j], the last index fastest. */
function tuples(sizes: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const s of sizes) out = out.flatMap((t) => Array.from({ length: s }, (_, i) => [...t, i]));
  return out;
}

/** The Segre image σ(P) ⊂ P^{Π b_j - 1} of a multiprojective variety: its ideal by elimination (step 2). */
export function segreImage(P: ProjectiveVariety, options: ProjectiveOptions): ProjectiveVariety {
  const R = P.cone.ring;
  const n = R.nvars;
  const blocks = blockIndices(P.blocks);
  const ts = tuples(P.blocks);
  const Z = new PolyRing(QQ, ts.map((t) => `z${t.map((i) => i + 1).join('_')}`));
  const S = new PolyRing(QQ, [...R.vars.map((v) => `_${v}`), ...Z.vars]);
  const lift = (f: QQPoly): QQPoly =>
    S.fromTerms(f.mons.map((m, k) => {
      const e = new Int32Array(S.nvars) as Monomial;
      e.set(m);
      return [e, f.coeffs[k]!] as const;
    }));
  const gens = P.cone.gens.map(lift);
  ts.forEach((t, v) => {
    let product = S.one();
    t.forEach((i, j) => (product = S.mul(product, S.variable(blocks[j]![i]!))));
    gens.push(S.sub(S.variable(n + v), product));
  });
  const eliminated = ideals.eliminate(S, gens, Array.from({ length: n }, (_, i) => i), options);
  const down = eliminated.map((f) => Z.fromTerms(f.mons.map((m, k) => [m.slice(n) as Monomial, f.coeffs[k]!] as [Monomial, Rat])));
  return projectiveVariety(variety(Z, down));
}

/** X_b: the last b_j coordinates of block j replaced by random combinations of its first N_j + 1 - b_j (step 2). */
function section(P: ProjectiveVariety, cuts: readonly number[], options: ProjectiveOptions): ProjectiveVariety {
  const R = P.cone.ring;
  const blocks = blockIndices(P.blocks);
  const kept = blocks.flatMap((vars, j) => vars.slice(0, vars.length - cuts[j]!));
  const T: QQRing = new PolyRing(QQ, kept.map((i) => R.vars[i]!));
  const position = new Map(kept.map((i, k) => [i, k]));
  const images: QQPoly[] = new Array<QQPoly>(R.nvars);
  blocks.forEach((vars, j) => {
    const free = vars.slice(0, vars.length - cuts[j]!);
    for (const i of free) images[i] = T.variable(position.get(i)!);
    for (const i of vars.slice(vars.length - cuts[j]!)) {
      images[i] = free.reduce((s, f) => T.add(s, T.scale(T.variable(position.get(f)!), QQ.fromBigInt(randomNonZero(options.random, RANDOM_BOUND)))), T.zero());
    }
  });
  const gens = P.cone.gens.map((g) => R.compose(g, T, images, (c) => c));
  return projectiveVariety(variety(T, gens), P.blocks.map((s, j) => s - cuts[j]!));
}

/** Π_j C(-b_j, e_j) = Π_j (-1)^{e_j} C(b_j + e_j - 1, e_j) (the coefficient of H^e in Π (1 + H_j)^{-b_j}). */
function inverseCoefficient(b: readonly number[], e: readonly number[]): bigint {
  let c = 1n;
  for (let j = 0; j < b.length; j++) {
    if (e[j] === 0) continue;
    if (b[j] === 0) return 0n;
    c *= (e[j]! % 2 === 0 ? 1n : -1n) * BigInt(binomial(b[j]! + e[j]! - 1, e[j]!));
  }
  return c;
}

const factorial = (x: number): bigint => {
  let f = 1n;
  for (let i = 2; i <= x; i++) f *= BigInt(i);
  return f;
};

/** The Chern–Mather class of X ⊂ Π P^{N_j} (see the module header). */
export function multiprojectiveChernMather(P: ProjectiveVariety, options: ProjectiveOptions): MultiprojectiveChernMather {
  if (P.blocks.length < 2) throw new MathError('internal', 'multiprojectiveChernMather is for two or more blocks');
  const md = multidegree(P, options);
  const m = md.dimension;
  const caps = P.blocks.map((s) => s - 1);
  let field = md.field;
  let certified = md.certified;
  const key = (a: readonly number[]) => a.join(',');
  const all = tuples(caps.map((c) => c + 1)).filter((a) => a.reduce((s, x) => s + x, 0) <= m);
  const mu = new Map<string, bigint>();
  for (const t of md.terms) mu.set(key(t.cuts), BigInt(t.degree));
  let segrePolar: number[] = [];
  let segreDegrees: bigint[] = [];
  const byLevel = [...all].sort((a, b) => b.reduce((s, x) => s + x, 0) - a.reduce((s, x) => s + x, 0));
  for (const b of byLevel) {
    checkInterrupt(options.signal);
    const level = b.reduce((s, x) => s + x, 0);
    if (level === m) continue; // the multidegree
    const Xb = b.every((x) => x === 0) ? P : section(P, b, options);
    const sigma = segreImage(Xb, options);
    const d = dimension(sigma.cone, options) - 1;
    let chi = 0n;
    if (d >= 0) {
      if (d !== m - level) throw new MathError('domain', `a general section of X by (${b.join(', ')}) hyperplanes has dimension ${d}, not ${m - level}: X must be equidimensional`);
      let polar: number[];
      let cm: bigint[];
      if (sigma.cone.gens.length === 0) {
        // σ(X_b) = P^d itself (every other factor a point): c(T P^d) = (1 + H)^{d+1}, and its conormal variety is empty.
        cm = Array.from({ length: d + 1 }, (_, i) => BigInt(binomial(d + 1, i)));
        polar = [];
      } else {
        const res = polarDegrees(sigma.cone, { random: options.random, prime: options.prime, signal: options.signal, onProgress: options.onProgress });
        field = res.field;
        certified &&= res.certified;
        polar = res.degrees;
        cm = chernMatherFromPolar(polar);
      }
      chi = cm[cm.length - 1]!;
      if (level === 0) {
        segrePolar = polar;
        segreDegrees = cm;
      }
    }
    let rest = 0n;
    for (const a of all) {
      if (a.every((x, j) => x === b[j])) continue;
      if (!a.every((x, j) => x >= b[j]!)) continue;
      const value = mu.get(key(a));
      if (value === undefined) throw new MathError('internal', 'the Chern–Mather system was not solved in order');
      rest += inverseCoefficient(b, a.map((x, j) => x - b[j]!)) * value;
    }
    mu.set(key(b), chi - rest);
  }
  const classes = Array.from({ length: m + 1 }, (_, i) =>
    all.filter((a) => a.reduce((s, x) => s + x, 0) === m - i).map((a) => ({ cuts: a, degree: mu.get(key(a))! })),
  );
  const degrees = classes.map((terms, i) => terms.reduce((s, t) => s + (factorial(m - i) / t.cuts.reduce((p, a) => p * factorial(a), 1n)) * t.degree, 0n));
  if (m >= 0 && degrees.some((d, i) => d !== segreDegrees[i])) {
    throw new MathError('internal', `the Chern–Mather degrees in the Segre embedding disagree: [${degrees.join(', ')}] from the sections, [${segreDegrees.join(', ')}] from the polar degrees of the Segre image; report this`);
  }
  return { dimension: m, classes, degrees, polar: segrePolar, field, certified };
}
