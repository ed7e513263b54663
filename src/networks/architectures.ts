// Network architectures as polynomial parametrizations, and the dimension of their function spaces.
//
// Representation. A `Network` is plain data: its parameter ring (QQ, grevlex, variables named after
// the weight families: `W1[i,j]` for layer 1 of a linear network, `w[i,k]` and `a[i]` for a shallow
// network, `u1[k]`, `u2[k]`, ... for a diagonal network), a basis of the function space's coordinates
// (monomials x^α in the n input variables) and the parametrization `fmap[o][b]`: the coefficient of
// the b-th basis monomial in output o, a polynomial in the parameters. Every function a network
// computes is f_o(x) = Σ_b fmap[o][b](θ) x^{basis[b]}.
//
// - linear(d0, ..., dL): f(x) = W_L ⋯ W_1 x, W_l of size d_l × d_{l-1}; basis x_1..x_{d0}, one output
//   per row; fmap is the matrix product, row-major. The function space is the determinantal variety
//   of dL × d0 matrices of rank ≤ r = min(d_i) (Trager, Kohn, Bruna, ICLR 2020).
// - shallow(n, r, σ): f(x) = Σ_{i=1}^r a_i σ(w_i · x), σ(t) = t^d or a polynomial Σ c_k t^k; basis the
//   monomials of the degrees that occur in σ (decreasing degree, then decreasing lex). With σ = t^d the
//   function space is the affine cone over the r-th secant of the Veronese variety: symmetric tensors
//   of rank ≤ r (Arjevani, Bruna, Kileel, Polak, Trager, arXiv:2501.06074). `outer = false` drops the
//   a_i (all 1), which over C changes nothing for σ = t^d and makes the fibres finite.
// - diagonal(n, L): the diagonal linear network f(x) = β · x with β = u_1 ⊙ ⋯ ⊙ u_L.
//
// Dimension of the function space = the generic rank ρ of the Jacobian of fmap over QQ. It is computed
// (1) modulo a random 26-bit prime p at random integer points θ with entries in [1, p-1]: the rank of
//     J(θ) mod p is at most the rank of the rational matrix J(θ) (a non-zero minor mod p is non-zero),
//     which is at most ρ. So every trial gives a certified lower bound. It is below ρ only if the point
//     lies on the hypersurface of a maximal minor that is non-zero mod p (of degree ≤ ρ(D-1), D the
//     largest degree in fmap; by Schwartz–Zippel, probability ≤ ρ(D-1)/p per independent point, ρ ≤
//     min(#params, ambient)), or if p divides every maximal minor (finitely many primes; p is random);
// (2) exactly over QQ at a random small integer point when the matrix is small: another certified
//     lower bound, a cross-check;
// (3) against a certified upper bound (the ambient dimension, the number of parameters minus the
//     dimension of a free symmetry group, or a variety known to contain the image). When the lower
//     bound meets the upper bound the dimension is proved.
import { MathError } from '../math/errors.js';
import { type Field, QQ, type Rat, SmallPrimeField, randomPrime, rat } from '../math/field.js';
import { binomial } from '../math/integers.js';
import { rank } from '../math/linalg/matrix.js';
import type { Monomial } from '../math/monomial.js';
import { type Poly, PolyRing } from '../math/poly.js';
import { checkInterrupt, type ComputeOptions } from '../math/progress.js';
import { Random } from '../math/random.js';

/** A family of parameters: `W1` with shape [3, 2] is W1[1,1] .. W1[3,2] (1-based, row-major). */
export interface ParameterFamily {
  readonly name: string;
  readonly shape: readonly number[];
}

export type Activation =
  | { readonly kind: 'power'; readonly degree: number }
  /** σ(t) = Σ coefficients[k] t^k (low degree first). */
  | { readonly kind: 'polynomial'; readonly coefficients: readonly Rat[] };

export type Architecture =
  | { readonly kind: 'linear'; readonly widths: readonly number[] }
  | { readonly kind: 'shallow'; readonly inputs: number; readonly width: number; readonly activation: Activation; readonly outer: boolean }
  | { readonly kind: 'diagonal'; readonly inputs: number; readonly depth: number };

export interface Network {
  readonly architecture: Architecture;
  /** `linear(2, 3, 2)`, `shallow(3, 2, 2)`, ... */
  readonly description: string;
  readonly inputs: number;
  readonly outputs: number;
  readonly families: readonly ParameterFamily[];
  /** The parameter ring: QQ[families...], grevlex, variables in the order of the families. */
  readonly ring: PolyRing<Rat>;
  /** Exponent vectors (length `inputs`) of the function-space coordinates. */
  readonly basis: readonly (readonly number[])[];
  /** fmap[o][b]: the coefficient of x^basis[b] in output o. */
  readonly fmap: readonly (readonly Poly<Rat>[])[];
}

// ---------------------------------------------------------------------------------------------
// Construction.

function familyNames(f: ParameterFamily): string[] {
  let tuples: number[][] = [[]];
  for (const size of f.shape) {
    const next: number[][] = [];
    for (const t of tuples) for (let k = 1; k <= size; k++) next.push([...t, k]);
    tuples = next;
  }
  return tuples.map((t) => `${f.name}[${t.join(',')}]`);
}

function parameterRing(families: readonly ParameterFamily[]): PolyRing<Rat> {
  return new PolyRing(QQ, families.flatMap(familyNames));
}

function checkPositive(what: string, n: number, max = 64): void {
  if (!Number.isInteger(n) || n < 1 || n > max) throw new MathError('domain', `${what} must be an integer from 1 to ${max}, got ${n}`);
}

/** The index in the ring of the first variable of each family. */
function familyOffsets(families: readonly ParameterFamily[]): number[] {
  const out: number[] = [];
  let k = 0;
  for (const f of families) {
    out.push(k);
    k += f.shape.reduce((a, b) => a * b, 1);
  }
  return out;
}

/** A deep linear network with widths d0, d1, ..., dL (weights W_l of size d_l × d_{l-1}). */
export function linearNetwork(widths: readonly number[]): Network {
  if (widths.length < 2) throw new MathError('domain', 'a linear network needs at least two widths (input and output)');
  widths.forEach((d) => checkPositive('a width', d));
  const L = widths.length - 1;
  const families: ParameterFamily[] = [];
  for (let l = 1; l <= L; l++) families.push({ name: `W${l}`, shape: [widths[l]!, widths[l - 1]!] });
  const R = parameterRing(families);
  const offsets = familyOffsets(families);
  const weight = (l: number): Poly<Rat>[][] => {
    const [rows, cols] = families[l - 1]!.shape as [number, number];
    return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => R.variable(offsets[l - 1]! + i * cols + j)));
  };
  let product = weight(1);
  for (let l = 2; l <= L; l++) product = polyMatMul(R, weight(l), product);
  const d0 = widths[0]!;
  const basis = Array.from({ length: d0 }, (_, j) => unitVector(d0, j));
  return {
    architecture: { kind: 'linear', widths: [...widths] },
    description: `linear(${widths.join(', ')})`,
    inputs: d0,
    outputs: widths[L]!,
    families,
    ring: R,
    basis,
    fmap: product,
  };
}

/**
 * A shallow network x ↦ Σ_{i=1}^{width} a_i σ(w_i · x) on C^n, σ(t) = t^degree or a polynomial.
 * `outer = false` fixes every a_i = 1 (no `a` parameters).
 */
export function shallowNetwork(inputs: number, width: number, activation: Activation, outer = true): Network {
  checkPositive('the number of inputs', inputs);
  checkPositive('the width', width, 256);
  const sigma = activationCoefficients(activation);
  const degrees: number[] = [];
  for (let k = sigma.length - 1; k >= 0; k--) if (!QQ.isZero(sigma[k]!)) degrees.push(k);
  if (degrees.length === 0) throw new MathError('domain', 'the activation is the zero polynomial');
  const families: ParameterFamily[] = [{ name: 'w', shape: [width, inputs] }];
  if (outer) families.push({ name: 'a', shape: [width] });
  const R = parameterRing(families);
  const basis = degrees.flatMap((k) => monomialsOfDegree(inputs, k));
  const index = new Map(basis.map((e, b) => [e.join(','), b]));
  // Σ_i a_i Σ_k c_k (w_i · x)^k = Σ_α x^α Σ_i a_i c_{|α|} multinomial(|α|; α) w_i^α.
  const coefficients: Poly<Rat>[] = basis.map(() => R.zero());
  const terms: [Monomial, Rat][][] = basis.map(() => []);
  for (let i = 0; i < width; i++) {
    for (const e of basis) {
      const k = e.reduce((s, x) => s + x, 0);
      const c = QQ.mul(sigma[k]!, { num: multinomial(e), den: 1n });
      const m = new Int32Array(R.nvars);
      e.forEach((x, j) => (m[i * inputs + j] = x));
      if (outer) m[width * inputs + i] = 1;
      terms[index.get(e.join(','))!]!.push([m, c]);
    }
  }
  terms.forEach((t, b) => (coefficients[b] = R.fromTerms(t)));
  const act = activation.kind === 'power' ? `${activation.degree}` : `σ`;
  return {
    architecture: { kind: 'shallow', inputs, width, activation, outer },
    description: `shallow(${inputs}, ${width}, ${act}${outer ? '' : ', outer = false'})`,
    inputs,
    outputs: 1,
    families,
    ring: R,
    basis,
    fmap: [coefficients],
  };
}

/** The diagonal linear network x ↦ (u_1 ⊙ ⋯ ⊙ u_depth) · x on C^n. */
export function diagonalNetwork(inputs: number, depth: number): Network {
  checkPositive('the number of inputs', inputs, 4096);
  checkPositive('the depth', depth);
  const families: ParameterFamily[] = Array.from({ length: depth }, (_, l) => ({ name: `u${l + 1}`, shape: [inputs] }));
  const R = parameterRing(families);
  const beta = Array.from({ length: inputs }, (_, k) => {
    const m = new Int32Array(R.nvars);
    for (let l = 0; l < depth; l++) m[l * inputs + k] = 1;
    return R.term(QQ.one, m);
  });
  return {
    architecture: { kind: 'diagonal', inputs, depth },
    description: `diagonal(${inputs}, ${depth})`,
    inputs,
    outputs: 1,
    families,
    ring: R,
    basis: Array.from({ length: inputs }, (_, j) => unitVector(inputs, j)),
    fmap: [beta],
  };
}

export function activationCoefficients(a: Activation): Rat[] {
  if (a.kind === 'polynomial') {
    const c = [...a.coefficients];
    while (c.length > 0 && QQ.isZero(c[c.length - 1]!)) c.pop();
    return c;
  }
  if (!Number.isInteger(a.degree) || a.degree < 1 || a.degree > 32) {
    throw new MathError('domain', `the activation degree must be an integer from 1 to 32, got ${a.degree}`);
  }
  const c: Rat[] = new Array(a.degree + 1).fill(QQ.zero);
  c[a.degree] = QQ.one;
  return c;
}

/** The function f_o(x) of a network as a polynomial in the input variables x_1..x_n. */
export function functionPolynomial(N: Network, o = 0): { ring: PolyRing<Rat>; poly: Poly<Rat> } {
  const names = [...N.ring.vars, ...Array.from({ length: N.inputs }, (_, j) => `x[${j + 1}]`)];
  const S = new PolyRing(QQ, names);
  const p = N.ring.nvars;
  let sum = S.zero();
  N.basis.forEach((e, b) => {
    const lifted = N.ring.compose(N.fmap[o]![b]!, S, N.ring.vars.map((_, i) => S.variable(i)), (c) => c);
    const m = new Int32Array(S.nvars);
    e.forEach((x, j) => (m[p + j] = x));
    sum = S.add(sum, S.mul(lifted, S.term(QQ.one, m)));
  });
  return { ring: S, poly: sum };
}

/** Monomials of degree k in n variables, in decreasing lex order (x1^k first). */
export function monomialsOfDegree(n: number, k: number): number[][] {
  if (n === 1) return [[k]];
  const out: number[][] = [];
  for (let first = k; first >= 0; first--) for (const rest of monomialsOfDegree(n - 1, k - first)) out.push([first, ...rest]);
  return out;
}

/** The multinomial coefficient |α|! / Π α_i!. */
export function multinomial(alpha: readonly number[]): bigint {
  let total = 0;
  let result = 1n;
  for (const a of alpha) {
    total += a;
    result *= binomial(total, a);
  }
  return result;
}

function unitVector(n: number, j: number): number[] {
  const e = new Array<number>(n).fill(0);
  e[j] = 1;
  return e;
}

function polyMatMul(R: PolyRing<Rat>, A: Poly<Rat>[][], B: Poly<Rat>[][]): Poly<Rat>[][] {
  return A.map((row) =>
    B[0]!.map((_, j) => {
      let s = R.zero();
      row.forEach((a, k) => (s = R.add(s, R.mul(a, B[k]![j]!))));
      return s;
    }),
  );
}

/** Number of parameters and ambient dimension (number of function-space coordinates). */
export function parameterCount(N: Network): number {
  return N.ring.nvars;
}

export function ambientDimension(N: Network): number {
  return N.outputs * N.basis.length;
}

/** All fmap polynomials, output-major (for a linear network: the product matrix, row-major). */
export function fmapList(N: Network): Poly<Rat>[] {
  return N.fmap.flatMap((row) => [...row]);
}

// ---------------------------------------------------------------------------------------------
// Jacobian ranks.

/**
 * The Jacobian of polynomials at a point with all coordinates non-zero, over a field: each term
 * c·x^m contributes m_k · (its value) / x_k to ∂/∂x_k.
 */
export function jacobianAt<E>(F: Field<E>, R: PolyRing<Rat>, polys: readonly Poly<Rat>[], point: readonly E[], toField: (c: Rat) => E): E[][] {
  const n = R.nvars;
  const inverses = point.map((x) => F.inv(x));
  const powers = point.map((x) => [F.one, x]);
  const power = (i: number, e: number): E => {
    const t = powers[i]!;
    while (t.length <= e) t.push(F.mul(t[t.length - 1]!, point[i]!));
    return t[e]!;
  };
  return polys.map((f) => {
    const row = new Array<E>(n).fill(F.zero);
    f.mons.forEach((m, t) => {
      let v = toField(f.coeffs[t]!);
      for (let i = 0; i < n; i++) if (m[i]! > 0) v = F.mul(v, power(i, m[i]!));
      if (F.isZero(v)) return;
      for (let k = 0; k < n; k++) {
        if (m[k]! === 0) continue;
        row[k] = F.add(row[k]!, F.mul(F.mul(v, F.fromBigInt(BigInt(m[k]!))), inverses[k]!));
      }
    });
    return row;
  });
}

/** A random prime in [2^25, 2^26): the one drawing of ../math/field.ts. */
export { randomPrime };

export interface DimensionOptions extends ComputeOptions {
  readonly seed?: number;
  /** Independent random points over GF(p) (default 2). */
  readonly trials?: number;
  /** Largest Jacobian (rows × columns) for the exact rank over QQ (default 1500; 0 disables it). */
  readonly exactLimit?: number;
}

export type Classification = 'filling' | 'thick' | 'low-dimensional';

export interface DimensionReport {
  readonly parameters: number;
  readonly ambient: number;
  /** The dimension of the function space: the largest Jacobian rank found (a certified lower bound). */
  readonly dimension: number;
  readonly prime: number;
  readonly trials: number;
  /** Upper bound on the probability that `dimension` is too small (Schwartz–Zippel, all trials failing); 0 when certified. */
  readonly errorBound: number;
  /** The exact rank over QQ at a random small integer point, or null when skipped (too large). */
  readonly exactRank: number | null;
  /** A proved upper bound and its reason. */
  readonly upperBound: number;
  readonly upperBoundReason: string;
  /** True when the lower bound meets the upper bound: the dimension is then proved. */
  readonly certified: boolean;
  /** The expected dimension (see expectedDimension) and expected - dimension. */
  readonly expected: number;
  readonly defect: number;
  /** The value of a theorem when one applies (determinantal variety, Alexander–Hirschowitz), else null. */
  readonly known: number | null;
  readonly knownReason: string | null;
  readonly classification: Classification;
  readonly method: string;
}

/**
 * The expected dimension: min(parameters - dimension of the obvious free symmetry group, ambient).
 * Linear networks: the function space is the determinantal variety of rank ≤ r, of dimension
 * r(d0 + dL - r), which is the expected (and actual) value. Shallow networks with σ = t^d: the
 * rescaling (a_i, w_i) ↦ (t^{-d} a_i, t w_i) leaves width·n effective parameters (the
 * Alexander–Hirschowitz count min(r·n, C(n+d-1, d))). Other activations: min(parameters, ambient).
 * Diagonal networks: n (the rescalings of the u_l leave n effective parameters).
 */
export function expectedDimension(N: Network): number {
  const a = N.architecture;
  const ambient = ambientDimension(N);
  switch (a.kind) {
    case 'linear': {
      const r = Math.min(...a.widths);
      const d0 = a.widths[0]!, dL = a.widths[a.widths.length - 1]!;
      return r * (d0 + dL - r);
    }
    case 'shallow':
      if (a.activation.kind === 'power' || isMonomialActivation(a.activation)) return Math.min(a.width * a.inputs, ambient);
      return Math.min(parameterCount(N), ambient);
    case 'diagonal':
      return a.inputs;
  }
}

function isMonomialActivation(a: Activation): boolean {
  return activationCoefficients(a).filter((c) => !QQ.isZero(c)).length === 1;
}

/** A certified upper bound on the dimension, with its reason. */
function upperBound(N: Network): { bound: number; reason: string } {
  const a = N.architecture;
  const ambient = ambientDimension(N);
  const params = parameterCount(N);
  let bound = Math.min(params, ambient);
  let reason = params <= ambient ? 'the number of parameters' : 'the ambient dimension';
  const improve = (b: number, why: string) => {
    if (b < bound) {
      bound = b;
      reason = why;
    }
  };
  if (a.kind === 'linear') {
    const r = Math.min(...a.widths);
    const d0 = a.widths[0]!, dL = a.widths[a.widths.length - 1]!;
    improve(r * (d0 + dL - r), `the image lies in the ${dL}x${d0} matrices of rank <= ${r} (dimension r(d0 + dL - r))`);
  } else if (a.kind === 'shallow' && a.outer && isMonomialActivation(a.activation)) {
    improve(a.width * a.inputs, 'the number of parameters minus the free rescaling of each neuron');
  } else if (a.kind === 'diagonal') {
    improve(a.inputs, 'the ambient dimension');
  }
  return { bound, reason };
}

/**
 * The dimension of the function space by a theorem, when one applies: the determinantal variety for
 * linear networks, Alexander–Hirschowitz for shallow networks with σ = t^d, n for diagonal networks.
 */
export function knownDimension(N: Network): { value: number; reason: string } | null {
  const a = N.architecture;
  if (a.kind === 'linear') {
    const r = Math.min(...a.widths);
    const d0 = a.widths[0]!, dL = a.widths[a.widths.length - 1]!;
    return { value: r * (d0 + dL - r), reason: 'determinantal variety (Trager, Kohn, Bruna 2020)' };
  }
  if (a.kind === 'diagonal') return { value: a.inputs, reason: 'the map u ↦ u1 ⊙ ... ⊙ uL is onto' };
  if (isMonomialActivation(a.activation)) {
    const d = activationCoefficients(a.activation).length - 1;
    return { value: alexanderHirschowitz(a.inputs, d, a.width), reason: 'Alexander–Hirschowitz theorem' };
  }
  return null;
}

/**
 * The dimension of the affine cone of symmetric tensors of rank ≤ r in Sym^d(C^n) (the r-th secant
 * of the Veronese variety of P^{n-1}): min(r·n, C(n+d-1, d)), except d = 2 (symmetric matrices of
 * rank ≤ r: r·n - C(r, 2) for r ≤ n) and the Alexander–Hirschowitz exceptions (d, n, r) = (4, 3, 5),
 * (4, 4, 9), (4, 5, 14), (3, 5, 7), which have dimension one less than expected.
 */
export function alexanderHirschowitz(n: number, d: number, r: number): number {
  const ambient = Number(binomial(n + d - 1, d));
  if (d === 1) return Math.min(n, ambient);
  if (d === 2) return r >= n ? ambient : r * n - (r * (r - 1)) / 2;
  const expected = Math.min(r * n, ambient);
  const exceptions = [
    [4, 3, 5],
    [4, 4, 9],
    [4, 5, 14],
    [3, 5, 7],
  ];
  return exceptions.some(([dd, nn, rr]) => dd === d && nn === n && rr === r) ? expected - 1 : expected;
}

/**
 * filling: the function space (the image itself, over the reals) is the whole ambient space;
 * thick: its closure is (full dimension) but the image is not known to be everything;
 * low-dimensional: dimension below the ambient dimension.
 * (Terminology of Kileel, Trager, Bruna, "On the expressive power of deep polynomial neural
 * networks", NeurIPS 2019.) Filling is claimed only where it is a theorem: linear networks with
 * min(d_i) = min(d0, dL); diagonal networks; shallow networks with σ = t (any width) or σ = t² with
 * outer weights and width ≥ n (every real quadratic form is a signed sum of n squares).
 */
export function classify(N: Network, dimension: number): Classification {
  const ambient = ambientDimension(N);
  if (dimension < ambient) return 'low-dimensional';
  const a = N.architecture;
  if (a.kind === 'linear' || a.kind === 'diagonal') return 'filling';
  if (a.activation.kind === 'power' || isMonomialActivation(a.activation)) {
    const d = activationCoefficients(a.activation).length - 1;
    if (d === 1) return 'filling';
    if (d === 2 && a.outer && a.width >= a.inputs) return 'filling';
  }
  return 'thick';
}

/** The dimension of the function space of N, with how it was obtained (see the module header). */
export function functionSpaceDimension(N: Network, options: DimensionOptions = {}): DimensionReport {
  const random = new Random(options.seed ?? 0);
  const trials = options.trials ?? 2;
  const polys = fmapList(N);
  const R = N.ring;
  const params = parameterCount(N);
  const ambient = ambientDimension(N);
  const D = Math.max(1, ...polys.map((f) => R.degree(f)));
  const upper = upperBound(N);
  const p = randomPrime(random);
  const F = new SmallPrimeField(p);
  let dimension = 0;
  let used = 0;
  for (let t = 0; t < trials && dimension < upper.bound; t++) {
    checkInterrupt(options.signal);
    const point = Array.from({ length: params }, () => random.int(1, p - 1));
    const J = jacobianAt(F, R, polys, point, (c) => F.fromRational(c.num, c.den));
    dimension = Math.max(dimension, rank(F, J, params));
    used++;
    options.onProgress?.({ stage: 'jacobian-rank', prime: p, message: `trial ${t + 1}: rank ${dimension}` });
  }
  const limit = options.exactLimit ?? 1500;
  let exactRank: number | null = null;
  if (limit > 0 && polys.length * params <= limit) {
    checkInterrupt(options.signal);
    const point = Array.from({ length: params }, () => {
      const v = random.int(1, 9);
      return rat(BigInt(random.int(0, 1) ? v : -v));
    });
    exactRank = rank(QQ, jacobianAt(QQ, R, polys, point, (c) => c), params);
    dimension = Math.max(dimension, exactRank);
  }
  const certified = dimension >= upper.bound;
  const perTrial = (Math.min(params, ambient) * (D - 1)) / p;
  const errorBound = certified || D === 1 ? 0 : Math.min(1, perTrial) ** used;
  const expected = expectedDimension(N);
  const known = knownDimension(N);
  const modular = `rank of the Jacobian at ${used} random integer point${used === 1 ? '' : 's'} modulo the prime ${p} (a proved lower bound)`;
  const method = certified
    ? `${modular} = ${upper.reason}: proved`
    : `${modular}; equal to the dimension except with probability <= ${errorBound.toPrecision(3)} (Schwartz–Zippel)` +
      (exactRank !== null ? `; exact rank over QQ at a random integer point: ${exactRank}` : '');
  return {
    parameters: params,
    ambient,
    dimension,
    prime: p,
    trials: used,
    errorBound,
    exactRank,
    upperBound: upper.bound,
    upperBoundReason: upper.reason,
    certified,
    expected,
    defect: expected - dimension,
    known: known?.value ?? null,
    knownReason: known?.reason ?? null,
    classification: classify(N, dimension),
    method,
  };
}

// ---------------------------------------------------------------------------------------------
// Equations of the function space (when a formula gives them).

/**
 * Generators of the ideal of the function space in the coordinates c_1..c_K (K = ambient dimension,
 * output-major in the order of `basis`), when a formula gives them: the (r+1)-minors of the dL×d0
 * matrix for a linear network (r < min(d0, dL)); the (r+1)-minors of the symmetric matrix S with
 * f(x) = x^T S x (S_ii = c_ii, S_ij = c_ij / 2) for a shallow network with σ = t²; none when the
 * dimension equals the ambient dimension. Null when no formula applies (use elimination).
 */
export function functionSpaceMatrix(N: Network, C: PolyRing<Rat>): { matrix: Poly<Rat>[][]; rank: number } | null {
  const a = N.architecture;
  const coordinate = (k: number) => C.variable(k);
  if (a.kind === 'linear') {
    const d0 = a.widths[0]!, dL = a.widths[a.widths.length - 1]!;
    const matrix = Array.from({ length: dL }, (_, i) => Array.from({ length: d0 }, (_, j) => coordinate(i * d0 + j)));
    return { matrix, rank: Math.min(...a.widths) };
  }
  if (a.kind === 'shallow' && isMonomialActivation(a.activation) && activationCoefficients(a.activation).length === 3) {
    const n = a.inputs;
    const half = rat(1n, 2n);
    const index = new Map(N.basis.map((e, b) => [e.join(','), b]));
    const S = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => {
        const e = new Array<number>(n).fill(0);
        e[i]! += 1;
        e[j]! += 1;
        const c = coordinate(index.get(e.join(','))!);
        return i === j ? c : C.scale(c, half);
      }),
    );
    return { matrix: S, rank: Math.min(a.width, n) };
  }
  return null;
}
