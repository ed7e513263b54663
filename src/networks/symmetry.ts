// Stationary sets modulo a symmetry group: the orbits of critical points of a loss invariant under a
// linear group action, each with its orbit dimension and the inertia of the Hessian normal to it.
//
// Setting. A loss L(θ) invariant under a group G acting linearly on the parameters (L(g·θ) = L(θ)).
// Its stationary set is a union of G-orbits, positive-dimensional whenever G is; `stationary` counts
// only isolated points. Here each orbit is represented by the points where it meets a slice.
//
// Representation. A `Symmetry` is plain data: the group's name; the infinitesimal generators
// ξ_1..ξ_g of the action as linear vector fields θ ↦ A_k θ (polynomials, one per coordinate); the
// slice equations s_1..s_c (c = dim G) whose common zeros meet every real orbit of interest in finitely
// many points; and invariant polynomials (the network's function-space coordinates fmap) that take
// one value per orbit and so tell orbits apart.
// - shallow(n, r, 2, outer = false): f(x) = Σ_i (w_i · x)², L depends on W (r × n, rows w_i) through
//   S = WᵀW only, so O(r) acts by W ↦ QW (dim r(r-1)/2, generators E_ij - E_ji on the rows). Slice:
//   the rows of W orthogonal, (WWᵀ)_ij = 0 for i < j: by the singular value decomposition every real
//   W has an orthogonal Q with QW in the slice.
// - linear(d0, d1, d2): f(x) = W2 W1 x is invariant under GL(d1): (W1, W2) ↦ (g W1, W2 g⁻¹) (dim d1²,
//   generators (E_ij W1, -W2 E_ij)). Slice: balanced, W1W1ᵀ = W2ᵀW2 (d1(d1+1)/2 equations), and rows
//   of W1 orthogonal ((W1W1ᵀ)_ij = 0, i < j). Every real orbit whose closure is closed and contains a
//   balanced pair meets it (the balanced factorizations of W2W1 form one O(d1)-orbit); orbits such as
//   W1 ≠ 0 = W2 (not closed: their closure holds the origin) do not, and are not reported.
//
// Algorithm (every decision exact; ../math/real-inertia.ts):
// 1. The sliced stationary system ∇L = 0, s = 0: its real solutions are stationary points (nothing
//    spurious: the whole gradient vanishes), finitely many when every orbit meets the slice
//    transversally; positive dimension means a continuum of orbits (an error that says so).
// 2. At each real solution θ, exact inertias of three symmetric matrices (characteristic polynomials
//    over Q[T]/(f), Descartes' rule):
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
import type { Rat } from '../math/field.js';
import type { Inertia } from '../math/linalg/signature.js';
import { hessian, jacobian } from '../math/linalg/polymatrix.js';
import type { Poly, PolyRing } from '../math/poly.js';
import type { ComputeOptions } from '../math/progress.js';
import { inertiaAtRealSolutions } from '../math/real-inertia.js';
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
  /** The slice equations (as many as dim G). */
  readonly slice: readonly QQPoly[];
  readonly sliceDescription: string;
  /** Invariants that take one value per orbit. */
  readonly invariants: readonly QQPoly[];
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
  if (a.kind === 'linear' && a.widths.length === 3) {
    const [d0, d1, d2] = a.widths as [number, number, number];
    // W1[i,j] (d1 × d0) then W2[i,j] (d2 × d1), row-major.
    const w1 = (i: number, j: number) => x(i * d0 + j);
    const w2 = (i: number, j: number) => x(d1 * d0 + i * d1 + j);
    const generators: QQPoly[][] = [];
    for (let i = 0; i < d1; i++) {
      for (let j = 0; j < d1; j++) {
        const field = Array.from({ length: R.nvars }, () => R.zero());
        for (let c = 0; c < d0; c++) field[i * d0 + c] = w1(j, c); // (E_ij W1)[i, c] = W1[j, c]
        for (let r = 0; r < d2; r++) field[d1 * d0 + r * d1 + j] = R.neg(w2(r, i)); // -(W2 E_ij)[r, j] = -W2[r, i]
        generators.push(field);
      }
    }
    const gram1 = (i: number, j: number) => Array.from({ length: d0 }, (_, c) => R.mul(w1(i, c), w1(j, c))).reduce((s, t) => R.add(s, t), R.zero());
    const gram2 = (i: number, j: number) => Array.from({ length: d2 }, (_, r) => R.mul(w2(r, i), w2(r, j))).reduce((s, t) => R.add(s, t), R.zero());
    const slice: QQPoly[] = [];
    for (let i = 0; i < d1; i++) for (let j = i; j < d1; j++) slice.push(R.sub(gram1(i, j), gram2(i, j)));
    for (let i = 0; i < d1; i++) for (let j = i + 1; j < d1; j++) slice.push(gram1(i, j));
    return {
      group: `GL(${d1})`,
      dimension: d1 * d1,
      generators,
      slice,
      sliceDescription: 'balanced, W1 W1ᵀ = W2ᵀ W2, with the rows of W1 orthogonal',
      invariants: N.fmap.flat(),
    };
  }
  return null;
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
  const gens = [...grad, ...sym.slice];
  const vars = Array.from({ length: n }, (_, i) => i);
  const H = hessian(R, L, vars);
  const Xi = sym.generators;
  const Js = jacobian(R, sym.slice, vars);
  const M = Xi.map((xi) => Js.map((row) => row.reduce((s, a, i) => (R.isZero(a) || R.isZero(xi[i]!) ? s : R.add(s, R.mul(a, xi[i]!))), R.zero())));
  const digits = options.digits ?? 30;
  const run = (matrix: QQPoly[][], evaluate: readonly QQPoly[] = []) => {
    try {
      return inertiaAtRealSolutions(R, gens, matrix, { seed: options.seed, digits, evaluate, ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    } catch (e) {
      if (e instanceof MathError && e.code === 'not-zero-dimensional') {
        throw new MathError('positive-dimensional', `the stationary points on the slice (${sym.sliceDescription}) are not finitely many: the stationary set is more than a finite union of ${sym.group}-orbits meeting the slice transversally (a continuum of orbits, or a slice that is not transversal)`);
      }
      throw e;
    }
  };
  const hess = run(H, [L, ...sym.invariants]);
  const orbitGram = run(gramOf(R, Xi));
  const sliceGram = run(gramOf(R, M));
  if (orbitGram.points.length !== hess.points.length || sliceGram.points.length !== hess.points.length) {
    throw new MathError('internal', 'the real solutions of the sliced system differ between runs with the same seed');
  }
  const groups = new Map<string, StationaryOrbit & { slicePoints: number }>();
  hess.points.forEach((p, k) => {
    const dimension = orbitGram.points[k]!.inertia.positive;
    const sliceRank = sliceGram.points[k]!.inertia.positive;
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
  const orbits = [...groups.values()].sort((a, b) => Number(a.value) - Number(b.value));
  const indices = new Array<number>(n + 1).fill(0);
  for (const o of orbits) indices[o.index]! += 1;
  while (indices.length > 1 && indices[indices.length - 1] === 0) indices.pop();
  return {
    group: sym.group,
    groupDimension: sym.dimension,
    slice: sym.sliceDescription,
    complex: hess.complex,
    real: hess.real,
    orbits,
    indices,
    degenerate: orbits.filter((o) => o.normal.zero > 0).length,
    method: `stationary orbits of ${sym.group} on the slice (${sym.sliceDescription}): the real solutions of ∇L = 0 and the slice, exact inertias (rational univariate representation, characteristic polynomials over Q[T]/(f)) of the Hessian, of the generators' Gram matrix (orbit dimension) and of the slice's differential along the orbit (transversality); orbits told apart by the invariants to ${digits} digits`,
  };
}

