// Stationary sets modulo a symmetry group: the orbits of critical points of a loss invariant under a
// linear group action, each with its orbit dimension and the inertia of the Hessian normal to it.
//
// Setting. A loss L(θ) invariant under a group G acting linearly on the parameters (L(g·θ) = L(θ)).
// Its stationary set is a union of G-orbits, positive-dimensional whenever G is; `stationary` counts
// only isolated points. Here each orbit is represented by the points where it meets a slice.
//
// Representation. A `Symmetry` is plain data: the group's name; the infinitesimal generators
// ξ_1..ξ_g of the action as linear vector fields θ ↦ A_k θ (polynomials, one per coordinate); the
// slice equations (dim G of them, or for the rescalings a union of such slices) whose common zeros
// meet every closed real orbit in finitely many points; and invariant polynomials (the network's function-space coordinates fmap) that take
// one value per orbit and so tell orbits apart.
// - shallow(n, r, 2, outer = false): f(x) = Σ_i (w_i · x)², L depends on W (r × n, rows w_i) through
//   S = WᵀW only, so O(r) acts by W ↦ QW (dim r(r-1)/2, generators E_ij - E_ji on the rows). Slice:
//   the rows of W orthogonal, (WWᵀ)_ij = 0 for i < j: by the singular value decomposition every real
//   W has an orthogonal Q with QW in the slice.
// - linear(d0, d1, ..., dL), L ≥ 2: f(x) = W_L ⋯ W_1 x is invariant under G = GL(d1) × ⋯ × GL(d_{L-1}),
//   g_h acting by W_h ↦ g_h W_h, W_{h+1} ↦ W_{h+1} g_h⁻¹ (dim Σ d_h², generators (E_ij W_h, −W_{h+1} E_ij)).
//   Slice, per hidden layer h: balanced, W_h W_hᵀ = W_{h+1}ᵀ W_{h+1} (d_h(d_h+1)/2 equations), and the
//   rows of W_h orthogonal ((W_h W_hᵀ)_ij = 0, i < j): d_h² equations, dim G in all. Why every closed
//   real orbit meets it: d/dt Σ_l ‖(e^{tX}·W)_l‖² at t = 0 is 2 Σ_h tr(X_h (W_h W_hᵀ − W_{h+1}ᵀ W_{h+1}))
//   for symmetric X_h, so the balanced points are the minimum vectors of the norm on their orbits, and
//   a real orbit is closed exactly when it has one, and then its minimum vectors form one orbit of the
//   maximal compact subgroup O(d1) × ⋯ × O(d_{L-1}) (Richardson–Slodowy, "Minimum vectors for real reductive algebraic
//   groups", J. London Math. Soc. 1990). Within it O(d_h) changes the Gram matrix W_h W_hᵀ only by conjugation g_h · g_hᵀ (the
//   orthogonal g_{h-1} cancels), so each can be diagonalized independently: the orbit meets the slice.
//   Orbits that are not closed (W1 ≠ 0 = W2, whose closure holds the origin) do not, and are not
//   reported. Over C the balanced equations have isotropic solutions on such orbits (W_{h+1}ᵀW_{h+1} = 0
//   with W_{h+1} ≠ 0: two zero layers next to any third make a continuum of complex stationary points on
//   the slice), so the sliced system is saturated by a seeded random combination of the entries of the
//   product (`awayFrom`): a real balanced point with product 0 has every W_h = 0 (balanced layers share
//   their singular values), so only the origin is removed, and it is examined on its own (a fixed point:
//   orbit dimension 0, the Hessian there rational). A real orbit with a non-zero product is lost only
//   when the random combination vanishes on it (finitely many values to avoid; seeded).
// - shallow(n, r, k) with outer weights, k ≥ 3: f(x) = Σ_i a_i (w_i · x)^k is invariant under the
//   rescalings (c_1, ..., c_r) ∈ (R*)^r, (w_i, a_i) ↦ (c_i w_i, c_i^{-k} a_i) (dim r, generators
//   ξ_i = (w_i, −k a_i) on unit i). The real orbits of one unit: (w_i, a_i) with w_i ≠ 0 ≠ a_i
//   (closed: |a_i| |w_i|^k is constant on it and c_i → 0 or ∞ blows up one factor), the fixed zero unit
//   (0, 0), and (w_i ≠ 0, 0), (0, a_i ≠ 0), not closed (their closure holds the zero unit). Slice, per
//   unit: the gauge g(a_i) = 0, g = a − 1 for odd k and a² − 1 for even k, or the zero unit:
//   a_i g(a_i) = 0 and w_ic g(a_i) = 0 for every c (so a_i = 0 forces w_i = 0). A closed orbit meets
//   it: c_i = a_i^{1/k} (odd k: one real root, one slice point) or c_i = ±|a_i|^{1/k} (even k: the sign
//   of a_i is an invariant, two slice points (±w_i, sgn a_i)). The orbit (0, a_i ≠ 0) would meet it at
//   (0, ±1), a fat point of the sliced system (there ∇_w L vanishes to order k − 1 in w_i), so the
//   sliced system is saturated by Π_i (|w_i|² + a_i² − 1), which vanishes at (w_i, a_i) = (0, ±1)
//   and at no other real point of the slice (real w_i ≠ 0 gives |w_i|² > 0; the zero unit gives −1):
//   only orbits that are not closed are removed. Transversal: where g(a_i) = 0 the differential of
//   a_i g(a_i) along ξ_i is a_i g'(a_i) · (−k a_i) = −k (odd k) or ∓2k (even k), never 0; at a zero unit
//   ξ_i = 0 (checked per orbit as well). Unlike the balanced slice |w_i|² = k a_i², this slice has
//   no complex isotropic points (w_i · w_i = 0 = a_i, w_i ≠ 0), which make the sliced system
//   positive-dimensional over C. k = 2 has the larger group of the quadratic form Wᵀ diag(a) W (not
//   handled); permutations of the hidden units are finite: they do not make stationary sets
//   positive-dimensional, they permute slice points, which then fall into one orbit below (equal
//   invariants), and `slicePoints` counts them.
//
// Algorithm (every decision exact; ../math/real-inertia.ts):
// 1. The sliced stationary system ∇L = 0, s = 0 (saturated as above where the symmetry says so): its
//    real solutions are stationary points (nothing spurious: the whole gradient vanishes), finitely
//    many when every orbit meets the slice transversally in finitely many points; positive dimension
//    means a continuum of orbits, or a slice meeting an orbit in a continuum (balanced layers with a
//    repeated non-zero singular value): an error that says so.
// 2. At each real solution θ, exact inertias of three symmetric matrices (one rational univariate
//    representation for the three; characteristic polynomials over Q[T]/(f), Descartes' rule):
//    - the Gram matrix ΞᵀΞ of the generators at θ (Ξ = [ξ_1(θ) … ξ_g(θ)]): its rank is the orbit
//      dimension dim T_θ(G·θ);
//    - MᵀM with M = J_s(θ) Ξ (the slice's differential along the orbit): the slice is transversal to
//      the orbit at θ exactly when rank M = rank Ξ (checked, reported per orbit);
//    - the Hessian H(θ). Differentiating L(g·θ) = L(θ) twice at a stationary point gives H ξ = 0 for
//      every ξ in T_θ(G·θ), so H has at least dim(orbit) zero eigenvalues and its inertia on the
//      normal space is (n+, n-, n0 - dim orbit): the normal Hessian's inertia (Morse–Bott index n-;
//      n0 - dim orbit > 0 means degenerate beyond the orbit).
// 3. Solutions with equal invariants (decimals to `digits` digits) and equal inertias are one orbit.
import { MathError } from '../math/errors.js';
import { QQ, type Rat } from '../math/field.js';
import * as ideals from '../math/ideal.js';
import { type Inertia, signature } from '../math/linalg/signature.js';
import { hessian, jacobian } from '../math/linalg/polymatrix.js';
import type { Poly, PolyRing } from '../math/poly.js';
import type { ComputeOptions } from '../math/progress.js';
import { Random } from '../math/random.js';
import { inertiaAtRealSolutions } from '../math/real-inertia.js';
import { formatDecimal } from '../math/univariate/decimal.js';
import type { Network } from './architectures.js';
import { gradient } from './stationary.js';

type QQPoly = Poly<Rat>;

export interface Symmetry {
  /** "O(2)", "GL(3)", ... */
  readonly group: string;
  /** dim G. */
  readonly dimension: number;
  /** generators[k][i]: the i-th coordinate of the k-th vector field (linear in θ). */
  readonly generators: readonly (readonly QQPoly[])[];
  /** The slice equations (dim G of them, or a union of such slices). */
  readonly slice: readonly QQPoly[];
  readonly sliceDescription: string;
  /** Invariants that take one value per orbit. */
  readonly invariants: readonly QQPoly[];
  /**
   * When given, the sliced system is saturated by a seeded random combination of these polynomials
   * (removing complex points of the slice on orbits that are not closed), and the origin, where they
   * all vanish, is examined on its own.
   */
  readonly awayFrom?: readonly QQPoly[];
  /** What the saturation removes, for the record's method. */
  readonly awayDescription?: string;
}

/** The symmetry of a network's loss, or null when vdl knows none for the architecture. */
export function networkSymmetry(N: Network): Symmetry | null {
  const a = N.architecture;
  const R = N.ring;
  const x = (i: number) => R.variable(i);
  if (a.kind === 'shallow' && !a.outer && a.activation.kind === 'power' && a.activation.degree === 2) {
    const r = a.width;
    const n = a.inputs;
    // Variables w[i,k] in row-major order (architectures.ts: the family w of shape r × n).
    const w = (i: number, k: number) => x(i * n + k);
    const generators: QQPoly[][] = [];
    const slice: QQPoly[] = [];
    for (let i = 0; i < r; i++) {
      for (let j = i + 1; j < r; j++) {
        // (E_ij - E_ji) W: row i gains row j, row j loses row i.
        const field = Array.from({ length: R.nvars }, () => R.zero());
        for (let k = 0; k < n; k++) {
          field[i * n + k] = w(j, k);
          field[j * n + k] = R.neg(w(i, k));
        }
        generators.push(field);
        let dot = R.zero();
        for (let k = 0; k < n; k++) dot = R.add(dot, R.mul(w(i, k), w(j, k)));
        slice.push(dot);
      }
    }
    return { group: `O(${r})`, dimension: generators.length, generators, slice, sliceDescription: 'the rows of W orthogonal: (W Wᵀ)_ij = 0 for i < j', invariants: N.fmap.flat() };
  }
  if (a.kind === 'shallow' && a.outer && a.activation.kind === 'power' && a.activation.degree >= 3) return rescalingSymmetry(N, a.inputs, a.width, a.activation.degree);
  if (a.kind === 'linear' && a.widths.length >= 3) return hiddenLayerSymmetry(N, a.widths);
  return null;
}

/**
 * GL(d_1) × ⋯ × GL(d_{L-1}) of linear(d_0, ..., d_L): f(x) = W_L ⋯ W_1 x, W_l of size d_l × d_{l-1}
 * (row-major, layer after layer). g_h acts by W_h ↦ g_h W_h, W_{h+1} ↦ W_{h+1} g_h⁻¹; its generators
 * are (E_ij W_h, −W_{h+1} E_ij). Slice per hidden layer: balanced, W_h W_hᵀ = W_{h+1}ᵀ W_{h+1}, and the
 * rows of W_h orthogonal (d_h² equations, dim GL(d_h)).
 */
function hiddenLayerSymmetry(N: Network, widths: readonly number[]): Symmetry {
  const R = N.ring;
  const L = widths.length - 1;
  const offset: number[] = [0];
  for (let l = 1; l <= L; l++) offset.push(offset[l - 1]! + widths[l]! * widths[l - 1]!);
  // W_l[i, j], l = 1..L.
  const w = (l: number, i: number, j: number) => R.variable(offset[l - 1]! + i * widths[l - 1]! + j);
  const index = (l: number, i: number, j: number) => offset[l - 1]! + i * widths[l - 1]! + j;
  const sum = (terms: QQPoly[]) => terms.reduce((s, t) => R.add(s, t), R.zero());
  const generators: QQPoly[][] = [];
  const slice: QQPoly[] = [];
  for (let h = 1; h < L; h++) {
    const [before, d, after] = [widths[h - 1]!, widths[h]!, widths[h + 1]!];
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        const field = Array.from({ length: R.nvars }, () => R.zero());
        for (let c = 0; c < before; c++) field[index(h, i, c)] = w(h, j, c); // (E_ij W_h)[i, c] = W_h[j, c]
        for (let r = 0; r < after; r++) field[index(h + 1, r, j)] = R.neg(w(h + 1, r, i)); // −(W_{h+1} E_ij)[r, j] = −W_{h+1}[r, i]
        generators.push(field);
      }
    }
    const rows = (i: number, j: number) => sum(Array.from({ length: before }, (_, c) => R.mul(w(h, i, c), w(h, j, c))));
    const columns = (i: number, j: number) => sum(Array.from({ length: after }, (_, r) => R.mul(w(h + 1, r, i), w(h + 1, r, j))));
    for (let i = 0; i < d; i++) for (let j = i; j < d; j++) slice.push(R.sub(rows(i, j), columns(i, j)));
    for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) slice.push(rows(i, j));
  }
  const hidden = widths.slice(1, -1);
  const layers = L === 2 ? 'W1 W1ᵀ = W2ᵀ W2, with the rows of W1 orthogonal' : 'W_h W_hᵀ = W_{h+1}ᵀ W_{h+1} for every hidden layer h, with the rows of each W_h orthogonal';
  return {
    group: hidden.map((d) => `GL(${d})`).join(' × '),
    dimension: hidden.reduce((s, d) => s + d * d, 0),
    generators,
    slice,
    sliceDescription: `balanced, ${layers}`,
    invariants: N.fmap.flat(),
    awayFrom: N.fmap.flat(),
    awayDescription: 'saturated by a seeded random combination of the entries of the product (complex isotropic points of orbits that are not closed), the origin examined on its own',
  };
}

/**
 * The rescalings of shallow(n, r, k) with outer weights, f(x) = Σ_i a_i (w_i · x)^k, k ≥ 3: the torus
 * (c_1, ..., c_r) acting by (w_i, a_i) ↦ (c_i w_i, c_i^{-k} a_i), generators ξ_i = (w_i, −k a_i) on
 * unit i. Slice (see the module header): per unit, the gauge g(a_i) = 0 (g = a − 1 for odd k,
 * a² − 1 for even k) or the unit zero: a_i g(a_i) = 0 and w_ic g(a_i) = 0 for every c; saturated by
 * Π_i (|w_i|² + a_i² − 1), which removes the units (0, a_i ≠ 0) (orbits that are not closed).
 */
function rescalingSymmetry(N: Network, n: number, r: number, k: number): Symmetry {
  const R = N.ring;
  // w[i, c] at i n + c, then a[i] at r n + i (architectures.ts).
  const w = (i: number, c: number) => R.variable(i * n + c);
  const a = (i: number) => R.variable(r * n + i);
  const generators: QQPoly[][] = [];
  const slice: QQPoly[] = [];
  const kk = R.constant({ num: BigInt(k), den: 1n });
  let away = R.one();
  for (let i = 0; i < r; i++) {
    const field = Array.from({ length: R.nvars }, () => R.zero());
    for (let c = 0; c < n; c++) field[i * n + c] = w(i, c);
    field[r * n + i] = R.neg(R.mul(kk, a(i)));
    generators.push(field);
    const gauge = k % 2 === 1 ? R.sub(a(i), R.one()) : R.sub(R.mul(a(i), a(i)), R.one());
    slice.push(R.mul(a(i), gauge));
    for (let c = 0; c < n; c++) slice.push(R.mul(w(i, c), gauge));
    let norm = R.sub(R.mul(a(i), a(i)), R.one());
    for (let c = 0; c < n; c++) norm = R.add(norm, R.mul(w(i, c), w(i, c)));
    away = R.mul(away, norm);
  }
  return {
    group: r === 1 ? 'rescalings R*' : `rescalings (R*)^${r}`,
    dimension: r,
    generators,
    slice,
    sliceDescription: k % 2 === 1 ? 'each unit with a_i = 1, or zero (w_i = 0, a_i = 0)' : 'each unit with a_i = ±1, or zero (w_i = 0, a_i = 0)',
    invariants: N.fmap.flat(),
    awayFrom: [away],
    awayDescription: 'saturated by Π_i (|w_i|² + a_i² − 1) (the units (0, ±1), on orbits that are not closed)',
  };
}

export interface StationaryOrbit {
  /** Decimals of the invariants (the function computed) on the orbit. */
  readonly invariants: string[];
  /** The loss on the orbit, a decimal. */
  readonly value: string;
  /** dim of the orbit (rank of the generators at its points). */
  readonly dimension: number;
  /** Inertia of the Hessian normal to the orbit: zero counts the degenerate directions beyond the orbit. */
  readonly normal: Inertia;
  /** The Morse–Bott index (normal.negative). */
  readonly index: number;
  /** The slice is transversal to the orbit at its points (rank of the slice's differential along the orbit). */
  readonly transversal: boolean;
  /** Points of the slice on the orbit, and one of them (decimals, in the ring's order). */
  readonly slicePoints: number;
  readonly point: string[];
}

export interface SymmetricStationaryResult {
  readonly group: string;
  readonly groupDimension: number;
  readonly slice: string;
  /** Distinct complex and real solutions of the sliced system. */
  readonly complex: number;
  readonly real: number;
  /** The real stationary orbits, by loss value. */
  readonly orbits: StationaryOrbit[];
  /** indices[k]: orbits of Morse–Bott index k. */
  readonly indices: number[];
  /** Orbits with a degenerate normal Hessian. */
  readonly degenerate: number;
  readonly method: string;
}

/** The origin as an orbit (a fixed point of a linear action: dimension 0), when it is stationary: its Hessian is rational, its inertia exact. */
function originOrbit(R: PolyRing<Rat>, L: QQPoly, grad: readonly QQPoly[], H: readonly (readonly QQPoly[])[], sym: Symmetry, digits: number): StationaryOrbit | null {
  const zero = Array.from({ length: R.nvars }, () => QQ.zero);
  if (grad.some((g) => !QQ.isZero(R.evaluate(g, zero)))) return null;
  const normal = signature(H.map((row) => row.map((f) => R.evaluate(f, zero))));
  const text = (f: QQPoly) => formatDecimal(R.evaluate(f, zero), digits);
  return { invariants: sym.invariants.map(text), value: text(L), dimension: 0, normal, index: normal.negative, transversal: true, slicePoints: 1, point: zero.map(() => formatDecimal(QQ.zero, digits)) };
}

export interface SymmetricStationaryOptions extends ComputeOptions {
  readonly seed: number;
  readonly digits?: number;
}

function gramOf(R: PolyRing<Rat>, columns: readonly (readonly QQPoly[])[]): QQPoly[][] {
  const dot = (u: readonly QQPoly[], v: readonly QQPoly[]) => u.reduce((s, a, i) => (R.isZero(a) || R.isZero(v[i]!) ? s : R.add(s, R.mul(a, v[i]!))), R.zero());
  return columns.map((u) => columns.map((v) => dot(u, v)));
}

/** The real stationary orbits of L under the symmetry, with orbit dimensions and normal inertias. */
export function symmetricStationary(R: PolyRing<Rat>, L: QQPoly, sym: Symmetry, options: SymmetricStationaryOptions): SymmetricStationaryResult {
  const n = R.nvars;
  const grad = gradient(R, L);
  let gens = [...grad, ...sym.slice];
  const compute = { ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
  // Saturation by a seeded random combination h of awayFrom; the origin, when h vanishes there, is examined on its own.
  let originRemoved = false;
  if (sym.awayFrom) {
    const random = new Random(options.seed);
    const h = sym.awayFrom.reduce((s, f) => R.add(s, R.scale(f, QQ.fromBigInt(BigInt(random.int(1, 1000))))), R.zero());
    gens = ideals.saturateByPolynomial(R, gens, h, compute);
    originRemoved = QQ.isZero(R.evaluate(h, Array.from({ length: n }, () => QQ.zero)));
  }
  const vars = Array.from({ length: n }, (_, i) => i);
  const H = hessian(R, L, vars);
  const Xi = sym.generators;
  const Js = jacobian(R, sym.slice, vars);
  const M = Xi.map((xi) => Js.map((row) => row.reduce((s, a, i) => (R.isZero(a) || R.isZero(xi[i]!) ? s : R.add(s, R.mul(a, xi[i]!))), R.zero())));
  const digits = options.digits ?? 30;
  let found;
  try {
    found = inertiaAtRealSolutions(R, gens, H, { seed: options.seed, digits, evaluate: [L, ...sym.invariants], more: [gramOf(R, Xi), gramOf(R, M)], ...compute });
  } catch (e) {
    if (e instanceof MathError && e.code === 'not-zero-dimensional') {
      throw new MathError('positive-dimensional', `the stationary points on the slice (${sym.sliceDescription}) are not finitely many: the stationary set is more than a finite union of ${sym.group}-orbits meeting the slice transversally (a continuum of orbits, or a slice that is not transversal)`);
    }
    throw e;
  }
  const groups = new Map<string, StationaryOrbit & { slicePoints: number }>();
  found.points.forEach((p) => {
    const [orbitGram, sliceGram] = p.more as [Inertia, Inertia];
    const dimension = orbitGram.positive;
    const sliceRank = sliceGram.positive;
    const normal: Inertia = { positive: p.inertia.positive, negative: p.inertia.negative, zero: p.inertia.zero - dimension };
    if (normal.zero < 0) throw new MathError('internal', 'the Hessian has fewer zero eigenvalues than the orbit has dimensions: the loss is not invariant under the group');
    const invariants = p.values.slice(1);
    const key = [...invariants, normal.positive, normal.negative, normal.zero, dimension].join('|');
    const known = groups.get(key);
    if (known) {
      groups.set(key, { ...known, slicePoints: known.slicePoints + 1, transversal: known.transversal && sliceRank === dimension });
    } else {
      groups.set(key, { invariants, value: p.values[0]!, dimension, normal, index: normal.negative, transversal: sliceRank === dimension, slicePoints: 1, point: p.coordinates });
    }
  });
  const origin = originRemoved ? originOrbit(R, L, grad, H, sym, digits) : null;
  if (origin) groups.set('origin', origin);
  const orbits = [...groups.values()].sort((a, b) => Number(a.value) - Number(b.value));
  const indices = new Array<number>(n + 1).fill(0);
  for (const o of orbits) indices[o.index]! += 1;
  while (indices.length > 1 && indices[indices.length - 1] === 0) indices.pop();
  return {
    group: sym.group,
    groupDimension: sym.dimension,
    slice: sym.sliceDescription,
    complex: found.complex + (origin ? 1 : 0),
    real: found.real + (origin ? 1 : 0),
    orbits,
    indices,
    degenerate: orbits.filter((o) => o.normal.zero > 0).length,
    method: `stationary orbits of ${sym.group} on the slice (${sym.sliceDescription}): the real solutions of ∇L = 0 and the slice${sym.awayDescription ? ` (${sym.awayDescription})` : ''}, exact inertias (one rational univariate representation, characteristic polynomials over Q[T]/(f)) of the Hessian, of the generators' Gram matrix (orbit dimension) and of the slice's differential along the orbit (transversality); orbits told apart by the invariants to ${digits} digits`,
  };
}

