// Projective varieties and subvarieties of products of projective spaces.
//
// Representation: `ProjectiveVariety { cone, blocks }`. `cone` is an affine Variety (./variety.ts) whose
// ring's variables split into consecutive blocks of sizes blocks[0], blocks[1], ... (summing to the
// number of variables); block k holds the homogeneous coordinates of P^{blocks[k] - 1}, and every
// generator is homogeneous in each block separately. One block: X ⊂ P^{n-1} with affine cone `cone`.
//
// - Dimension: with one random affine chart r_k · x_k = 1 per block, V(I + charts) is isomorphic to a
//   dense open subset of X (each point of the product has one representative with r_k · x_k = 1 when
//   r_k · x_k ≠ 0), so dim X = dim V(I + charts); components inside the irrelevant loci x_k = 0 are
//   cut away. With one block this is dim(cone) - 1 (read off the cone's Hilbert series, no chart).
// - Degree and Hilbert polynomial (one block): the cone's reduced degree (../math/decompose), or with
//   multiplicity the Hilbert series' degree; the Hilbert polynomial of R/I (../math/hilbert.ts), equal
//   to that of the saturation of I by the irrelevant ideal in high degree.
// - Multidegree (Van der Waerden; Miller–Sturmfels, "Combinatorial Commutative Algebra", §8.5): for
//   a = (a_1, ..., a_k) with Σ a_j = dim X and a_j ≤ blocks[j] - 1, d_a = the number of points of X
//   on a_j general hyperplanes of each factor P^{blocks[j]-1} (distinct points of the zero-dimensional
//   system I + hyperplanes + charts, ./count.ts; Bertini: generic sections of X are reduced). The
//   class is [X] = Σ_a d_a H_1^{N_1 - a_1} ⋯ H_k^{N_k - a_k} (N_j = blocks[j] - 1), and the degree of
//   X in the Segre embedding is Σ_a (dim X)! / (a_1! ⋯ a_k!) d_a.
// - Chern–Mather classes (one block) from the polar degrees (./polar.ts) by Piene's formula
//   (R. Piene, "Polar classes of singular varieties", Ann. Sci. ÉNS 11 (1978); "Cycles polaires et
//   classes de Chern", 1988; DHOST 2016 Thm 5.8's proof): for X ⊂ P^{n-1} of dimension m,
//   δ_i = Σ_{j=0}^{m-i} (-1)^j C(m+1-j, i+1) deg c_j^M(X); the system is triangular (δ_{m-k} involves
//   c_0..c_k, with c_k's coefficient (-1)^k) and is solved exactly. For smooth X these are the degrees
//   of the Chern classes of the tangent bundle (c_0 = deg X, c_m = the Euler characteristic).
// - Generic ED degree (one block; DHOST Thm 5.4 and 5.8): EDdeg = Σ_i δ_i
//   = Σ_{i=0}^{m} (-1)^i (2^{m+1-i} - 1) deg c_i^M(X), checked against the Lagrange count of the
//   affine cone with generic diagonal weights (./ed-degree.ts), a route independent of the conormal
//   variety.
import { MathError } from '../math/errors.js';
import { QQ, type Rat } from '../math/field.js';
import * as ideals from '../math/ideal.js';
import type { ComputeOptions } from '../math/progress.js';
import type { Random } from '../math/random.js';
import { RANDOM_BOUND, binomial, combination, modularImage, randomNonZero, DEFAULT_PRIME, type QQPoly } from './common.js';
import { countSolutions } from './count.js';
import { edDegree } from './ed-degree.js';
import { randomWeights } from './forms.js';
import { polarDegrees } from './polar.js';
import { dimension, type Variety } from './variety.js';

export interface ProjectiveVariety {
  /** The affine (multi-)cone. */
  readonly cone: Variety;
  /** Sizes of the blocks of homogeneous coordinates (one per projective factor). */
  readonly blocks: readonly number[];
}

/** The multi-degree of each term of f in the blocks; throws unless f is homogeneous in each block. */
function checkMultiHomogeneous(f: QQPoly, blocks: readonly number[], index: number): void {
  let first: number[] | undefined;
  for (const m of f.mons) {
    const degs: number[] = [];
    let start = 0;
    for (const size of blocks) {
      let d = 0;
      for (let i = start; i < start + size; i++) d += m[i]!;
      degs.push(d);
      start += size;
    }
    if (!first) first = degs;
    else if (degs.some((d, k) => d !== first![k])) {
      throw new MathError('not-homogeneous', blocks.length === 1 ? `generator ${index + 1} is not homogeneous: a projective variety needs homogeneous equations` : `generator ${index + 1} is not homogeneous in each block of variables (blocks of sizes ${blocks.join(', ')})`);
    }
  }
}

/** X ⊂ P^{b_1 - 1} × ⋯ × P^{b_k - 1} from its multi-homogeneous cone (blocks default: one block, X ⊂ P^{n-1}). */
export function projectiveVariety(cone: Variety, blocks?: readonly number[]): ProjectiveVariety {
  const n = cone.ring.nvars;
  const b = blocks ?? [n];
  if (b.length === 0 || b.some((s) => !Number.isInteger(s) || s < 1)) throw new MathError('domain', 'the blocks of homogeneous coordinates must be positive sizes');
  const total = b.reduce((x, y) => x + y, 0);
  if (total !== n) throw new MathError('domain', `the blocks (sizes ${b.join(', ')}) must cover the ${n} variables of the ring exactly`);
  cone.gens.forEach((g, i) => checkMultiHomogeneous(g, b, i));
  return { cone, blocks: b };
}

/** The variable indices of block k. */
function blockVars(P: ProjectiveVariety, k: number): number[] {
  const start = P.blocks.slice(0, k).reduce((a, b) => a + b, 0);
  return Array.from({ length: P.blocks[k]! }, (_, i) => start + i);
}

function randomLinear(P: ProjectiveVariety, k: number, random: Random, constant: boolean): QQPoly {
  const R = P.cone.ring;
  const vars = blockVars(P, k);
  const f = combination(R, vars.map(() => QQ.fromBigInt(randomNonZero(random, RANDOM_BOUND))), vars.map((i) => R.variable(i)));
  return constant ? R.sub(f, R.one()) : f;
}

export interface ProjectiveOptions extends ComputeOptions {
  readonly random: Random;
  /** Count over GF(prime) instead of QQ (modulo two primes by default). */
  readonly prime?: number;
}

/**
 * dim X (-1 when X is empty). One block: dim(cone) - 1 from the cone's Hilbert series (exact).
 * Several blocks: the dimension of V(I + random charts), over GF(p) (p = the given prime or the default
 * one: equal to the dimension over QQ except for finitely many p).
 */
export function projectiveDimension(P: ProjectiveVariety, options: ProjectiveOptions): number {
  if (P.blocks.length === 1) return Math.max(-1, dimension(P.cone, options) - 1);
  const R = P.cone.ring;
  const charts = P.blocks.map((_, k) => randomLinear(P, k, options.random, true));
  const { ring, convert } = modularImage(R, options.prime ?? DEFAULT_PRIME);
  return ideals.dimension(ring, [...P.cone.gens, ...charts].map(convert), options);
}

/** The Hilbert polynomial of R/I (one block): rational coefficients in s from s^0 (exact). */
export function projectiveHilbertPolynomial(P: ProjectiveVariety, options: ComputeOptions = {}): Rat[] {
  if (P.blocks.length !== 1) throw new MathError('domain', 'the Hilbert polynomial is defined here for a subvariety of one projective space (one block)');
  return ideals.hilbertPolynomial(P.cone.ring, P.cone.gens, options);
}

export interface MultidegreeTerm {
  /** a_j: the number of general hyperplanes of the j-th factor cutting X. */
  readonly cuts: readonly number[];
  /** d_a: the number of points of X on them. */
  readonly degree: number;
}

export interface MultidegreeResult {
  readonly dimension: number;
  /** One term per a with Σ a_j = dim X and a_j ≤ N_j (zeros included), lexicographically by a. */
  readonly terms: readonly MultidegreeTerm[];
  /** The degree in the Segre embedding: Σ_a (dim X)! / ∏ a_j! · d_a. */
  readonly segreDegree: number;
  readonly field: string;
  readonly certified: boolean;
}

/** The multidegree of X by counting points on generic linear sections (see the module header). */
export function multidegree(P: ProjectiveVariety, options: ProjectiveOptions): MultidegreeResult {
  const m = projectiveDimension(P, options);
  const k = P.blocks.length;
  const caps = P.blocks.map((b) => b - 1);
  const tuples: number[][] = [];
  const walk = (j: number, left: number, acc: number[]) => {
    if (j === k) {
      if (left === 0) tuples.push(acc.slice());
      return;
    }
    for (let a = 0; a <= Math.min(left, caps[j]!); a++) {
      acc.push(a);
      walk(j + 1, left - a, acc);
      acc.pop();
    }
  };
  if (m >= 0) walk(0, m, []);
  const R = P.cone.ring;
  let field = 'QQ';
  let certified = true;
  const terms = tuples.map((a) => {
    const gens = [...P.cone.gens];
    a.forEach((count, j) => {
      for (let t = 0; t < count; t++) gens.push(randomLinear(P, j, options.random, false));
      gens.push(randomLinear(P, j, options.random, true));
    });
    const counted = countSolutions(R, gens, { signal: options.signal, onProgress: options.onProgress, prime: options.prime, modular: options.prime === undefined, random: options.random });
    if (counted.distinct === null) throw new MathError('internal', `the section with cuts (${a.join(', ')}) of a variety of dimension ${m} is not finite`);
    field = counted.field;
    certified &&= counted.certified;
    return { cuts: a, degree: counted.distinct };
  });
  const factorial = (x: number) => Array.from({ length: x }, (_, i) => i + 1).reduce((p, q) => p * q, 1);
  const segreDegree = terms.reduce((s, t) => s + (factorial(m) / t.cuts.reduce((p, a) => p * factorial(a), 1)) * t.degree, 0);
  return { dimension: m, terms, segreDegree, field, certified };
}

/**
 * The degrees deg c_0^M, ..., deg c_m^M of the Chern–Mather classes from the polar degrees δ_0..δ_m
 * (Piene's formula, inverted; see the module header). Exact integer arithmetic.
 */
export function chernMatherFromPolar(delta: readonly number[]): bigint[] {
  const m = delta.length - 1;
  const c: bigint[] = [];
  for (let k = 0; k <= m; k++) {
    let rest = BigInt(delta[m - k]!);
    for (let j = 0; j < k; j++) rest -= (j % 2 === 0 ? 1n : -1n) * BigInt(binomial(m + 1 - j, m - k + 1)) * c[j]!;
    c.push(k % 2 === 0 ? rest : -rest);
  }
  return c;
}

/** Piene's formula forward: the polar degrees δ_i = Σ_j (-1)^j C(m+1-j, i+1) deg c_j. */
export function polarFromChernMather(c: readonly bigint[]): bigint[] {
  const m = c.length - 1;
  return Array.from({ length: m + 1 }, (_, i) => {
    let s = 0n;
    for (let j = 0; j <= m - i; j++) s += (j % 2 === 0 ? 1n : -1n) * BigInt(binomial(m + 1 - j, i + 1)) * c[j]!;
    return s;
  });
}

/** DHOST Thm 5.8: the generic ED degree Σ_i (-1)^i (2^{m+1-i} - 1) deg c_i^M. */
export function edDegreeFromChernMather(c: readonly bigint[]): bigint {
  const m = c.length - 1;
  return c.reduce((s, ci, i) => s + (i % 2 === 0 ? 1n : -1n) * ((1n << BigInt(m + 1 - i)) - 1n) * ci, 0n);
}

export interface ChernMatherResult {
  readonly polar: readonly number[];
  readonly chernMather: readonly bigint[];
  readonly field: string;
  readonly certified: boolean;
}

function requireOneBlock(P: ProjectiveVariety, what: string): void {
  if (P.blocks.length !== 1) throw new MathError('domain', `${what} is computed for a subvariety of one projective space (one block of coordinates)`);
}

/** Polar degrees (./polar.ts) and the Chern–Mather degrees they give by Piene's formula. */
export function chernMather(P: ProjectiveVariety, options: ProjectiveOptions): ChernMatherResult {
  requireOneBlock(P, 'the Chern–Mather class');
  const res = polarDegrees(P.cone, { random: options.random, prime: options.prime, signal: options.signal, onProgress: options.onProgress });
  return { polar: res.degrees, chernMather: chernMatherFromPolar(res.degrees), field: res.field, certified: res.certified };
}

export interface ProjectiveEDResult {
  /** The generic ED degree. */
  readonly count: number;
  /** DHOST Thm 5.8 from the Chern–Mather degrees (= Σ polar degrees), when asked. */
  readonly polar?: number;
  /** The Lagrange count on the affine cone with generic diagonal weights, when asked. */
  readonly lagrange?: number;
  readonly polarDegrees?: readonly number[];
  readonly chernMather?: readonly bigint[];
  readonly field: string;
  readonly certified: boolean;
}

/**
 * The generic ED degree of X ⊂ P^{n-1} (the ED degree of its cone for generic weights): by DHOST Thm 5.8
 * (route "polar"), by the Lagrange count (route "lagrange"), or both, which must agree ("both").
 */
export function projectiveEdDegree(P: ProjectiveVariety, route: 'polar' | 'lagrange' | 'both', options: ProjectiveOptions): ProjectiveEDResult {
  requireOneBlock(P, 'the ED degree of a projective variety');
  let polar: number | undefined;
  let lagrange: number | undefined;
  let cm: ChernMatherResult | undefined;
  let field = 'QQ';
  let certified = true;
  if (route !== 'lagrange') {
    cm = chernMather(P, options);
    polar = Number(edDegreeFromChernMather(cm.chernMather));
    field = cm.field;
    certified &&= cm.certified;
  }
  if (route !== 'polar') {
    const Q = randomWeights(P.cone.ring.nvars, options.random);
    const r = edDegree(P.cone, Q, { random: options.random, prime: options.prime, method: 'lagrange', signal: options.signal, onProgress: options.onProgress });
    if (r.count === null) throw new MathError('internal', 'the Lagrange count of the cone with generic weights has a positive-dimensional critical set');
    lagrange = r.count;
    field = r.field;
    certified &&= r.certified;
  }
  if (polar !== undefined && lagrange !== undefined && polar !== lagrange) {
    throw new MathError('internal', `the two routes to the generic ED degree disagree: ${polar} by DHOST Thm 5.8 (polar degrees ${cm!.polar.join(', ')}), ${lagrange} by the Lagrange count; report this`);
  }
  return {
    count: (polar ?? lagrange)!,
    ...(polar === undefined ? {} : { polar, polarDegrees: cm!.polar, chernMather: cm!.chernMather }),
    ...(lagrange === undefined ? {} : { lagrange }),
    field,
    certified,
  };
}
