// Polar degrees of a projective variety (a homogeneous ideal: X is the affine cone) and their sum,
// the generic ED degree (DHOST 2016, Thm 5.4: for X in general position with respect to the isotropic
// quadric, EDdegree(X) = δ_0(X) + ... + δ_{n-2}(X)).
//
// The polar degrees are the multidegrees of the conormal variety
//   N_X = closure{ (x, y) ∈ P^{n-1} × P^{n-1} : x ∈ X_reg, y ⊥ T_x X },
// [N_X] = Σ_i δ_i s^{n-1-i} t^{i+1} (DHOST §5), so δ_i is the number of points of N_X on which x
// satisfies i general linear equations and y satisfies n-2-i of them. Computation (independent of the
// critical-point systems): with J the Jacobian of c random combinations of the generators, the
// conormal variety is parametrized by (x, λ) ↦ (x, J(x)^T λ); the system is
//   I(x) = 0, i random linear forms in x, r·x = 1 (an affine chart), n-2-i random linear forms in
//   y = J(x)^T λ, r'·λ = 1, 1 - z·det(J·C)
// and its number of distinct solutions is δ_i (./count.ts). Only i = 0..dim(P X) can be non-zero.
import { MathError } from '../math/errors.js';
import { QQ, type Rat } from '../math/field.js';
import type { ComputeOptions } from '../math/progress.js';
import type { Random } from '../math/random.js';
import { RANDOM_BOUND, combination, embed, extendRing, randomNonZero, type QQPoly } from './common.js';
import { countSolutions } from './count.js';
import { normalData } from './critical.js';
import { isHomogeneous, type Variety } from './variety.js';

export interface PolarDegreesResult {
  /** degrees[i] = δ_i for i = 0..dim(P X) (δ_i = 0 outside). */
  readonly degrees: number[];
  /** Σ δ_i: the generic ED degree. */
  readonly sum: number;
  readonly method: string;
  readonly field: string;
  /**
   * False for a count over GF(p), which equals the count over QQ for all but finitely many p, and
   * for a count over QQ that rests on an uncertified (multi-modular) Gröbner basis.
   */
  readonly certified: boolean;
}

export interface PolarOptions extends ComputeOptions {
  readonly random: Random;
  readonly prime?: number;
}

export function polarDegrees(X: Variety, options: PolarOptions): PolarDegreesResult {
  if (!isHomogeneous(X)) throw new MathError('not-homogeneous', 'polar degrees need a homogeneous ideal (an affine cone over a projective variety)');
  const random = options.random;
  const compute = { signal: options.signal, onProgress: options.onProgress };
  const N = normalData(X, random, compute);
  const R = X.ring;
  const { n, c, m } = N;
  if (c === 0) throw new MathError('domain', 'the whole space has an empty conormal variety (its ED degree is 1)');
  if (m <= 0) return { degrees: [], sum: 0, method: 'conormal variety', field: options.prime ? `GF(${options.prime})` : 'QQ', certified: options.prime === undefined };
  const S = extendRing(R, [...Array.from({ length: c }, (_, k) => `lambda${k + 1}`), 'z']);
  const xs = Array.from({ length: n }, (_, i) => S.variable(i));
  const lambdas = Array.from({ length: c }, (_, k) => S.variable(n + k));
  const y: QQPoly[] = Array.from({ length: n }, (_, i) => combination(S, lambdas.map(() => QQ.one), lambdas.map((l, k) => S.mul(l, embed(R, S, N.jac[k]![i]!)))));
  const randomCoeffs = (len: number): Rat[] => Array.from({ length: len }, () => QQ.fromBigInt(randomNonZero(random, RANDOM_BOUND)));
  const degrees: number[] = [];
  let field = 'QQ';
  let certified = options.prime === undefined;
  for (let i = 0; i < m; i++) {
    const gens = X.gens.map((g) => embed(R, S, g));
    for (let a = 0; a < i; a++) gens.push(combination(S, randomCoeffs(n), xs));
    gens.push(S.sub(combination(S, randomCoeffs(n), xs), S.one()));
    for (let b = 0; b < n - 2 - i; b++) gens.push(combination(S, randomCoeffs(n), y));
    if (c > 0) gens.push(S.sub(combination(S, randomCoeffs(c), lambdas), S.one()));
    gens.push(S.sub(S.one(), S.mul(S.variable(n + c), embed(R, S, N.guard))));
    const counted = countSolutions(S, gens, { ...compute, prime: options.prime });
    field = counted.field;
    certified &&= counted.certified;
    if (counted.distinct === null) throw new MathError('internal', `the polar system for δ_${i} is not zero-dimensional`);
    degrees.push(counted.distinct);
  }
  return { degrees, sum: degrees.reduce((a, b) => a + b, 0), method: 'multidegrees of the conormal variety (random linear sections, distinct solutions)', field, certified };
}
