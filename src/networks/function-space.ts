// The function space of a network as a variety (the neurovariety): the closure of the image of fmap,
// in the coordinates of fmap (c_1..c_K, output-major, in the order of the network's basis; for a linear
// network m[i,j], the entries of the dL×d0 matrix).
//
// Equations, from the cheapest source that applies:
// - dimension = ambient (certified, or by the Alexander–Hirschowitz / determinantal theorem): none;
// - linear networks: the (r+1)-minors of the matrix m (determinantal variety, r = min d_i);
// - shallow networks with σ = t²: the (r+1)-minors of the symmetric matrix S of f(x) = x^T S x;
// - shallow networks with σ = t^d: the equations of the geometry layer's symmetricRank(n, d, r) in its
//   tensor coordinates T_α, carried over by T_α = c_α / multinomial(α);
// - otherwise: implicitization (elimination of the parameters), which may be expensive.
// The equations are computed only when they are read (`variety.gens`, so `ideal(X)`, `degree(X)`, ...);
// the dimension comes from the Jacobian rank of the network's dimension report (architectures.ts), as
// `architecture(N)` gives it, never from the equations.
import { QQ, type Rat, rat } from '../math/field.js';
import { minors } from '../math/linalg/polymatrix.js';
import { type Poly, PolyRing } from '../math/poly.js';
import type { ComputeOptions } from '../math/progress.js';
import { implicitize, multisets, symmetricRank } from '../geometry/constructors.js';
import { type Variety, variety } from '../geometry/variety.js';
import {
  type DimensionReport,
  type Network,
  activationCoefficients,
  ambientDimension,
  fmapList,
  functionSpaceMatrix,
  knownDimension,
  multinomial,
} from './architectures.js';

export interface CoordinateFamily {
  readonly name: string;
  readonly ranges: readonly (readonly [number, number])[];
}

export interface FunctionSpace {
  /** Its `gens` are computed on first read (see functionSpaceVariety); everything else is known at once. */
  readonly variety: Variety;
  readonly families: readonly CoordinateFamily[];
  /** How the equations are (or will be) obtained. */
  readonly equations: string;
  /**
   * The dimension, from the Jacobian rank of the dimension report: certified when the report is (or when
   * a theorem gives it, then also `variety.knownDimension`), else probabilistic with the report's bound.
   */
  readonly dimension: number;
  /** Whether the equations have been computed (reading `variety.gens` computes them). */
  equationsComputed(): boolean;
}

/** The coordinate ring of the function space: m[1..dL, 1..d0] for linear networks, c[1..K] otherwise. */
export function coordinateRing(N: Network): { ring: PolyRing<Rat>; families: CoordinateFamily[] } {
  const K = ambientDimension(N);
  if (N.architecture.kind === 'linear') {
    const dL = N.outputs, d0 = N.inputs;
    const names: string[] = [];
    for (let i = 1; i <= dL; i++) for (let j = 1; j <= d0; j++) names.push(`m[${i},${j}]`);
    return { ring: new PolyRing(QQ, names), families: [{ name: 'm', ranges: [[1, dL], [1, d0]] }] };
  }
  const names = Array.from({ length: K }, (_, k) => `c[${k + 1}]`);
  return { ring: new PolyRing(QQ, names), families: [{ name: 'c', ranges: [[1, K]] }] };
}

/**
 * The function space of N as a variety whose equations are lazy: `variety.gens` is a getter that runs
 * the chosen route (minors, symmetric rank, implicitization) on its first read and caches the result,
 * so that the dimension (from the Jacobian rank of `report`, as architecture(N) reads it) costs no
 * implicitization. The route is chosen at once, from the architecture alone.
 */
export function functionSpaceVariety(N: Network, report: DimensionReport, options: ComputeOptions = {}): FunctionSpace {
  const { ring: C, families } = coordinateRing(N);
  const parametrization = { ring: N.ring, map: fmapList(N) };
  const ambient = ambientDimension(N);
  const known = knownDimension(N);
  const full = report.certified ? report.dimension === ambient : known !== null ? known.value === ambient : report.dimension === ambient;
  const name = `functionSpace(${N.description})`;
  const certifiedDim = report.certified ? report.dimension : undefined;
  const make = (compute: () => Poly<Rat>[], equations: string, knownDim?: number): FunctionSpace => {
    let gens: readonly Poly<Rat>[] | undefined;
    const base = variety(C, [], { name, parametrization, ...(knownDim !== undefined ? { knownDimension: knownDim } : {}) });
    const lazy: Variety = {
      ...base,
      get gens() {
        gens ??= compute().filter((g) => g.mons.length > 0);
        return gens;
      },
    };
    return { variety: lazy, families, equations, dimension: knownDim ?? report.dimension, equationsComputed: () => gens !== undefined };
  };
  if (full) return make(() => [], 'none: the function space fills the ambient space', ambient);
  const matrix = functionSpaceMatrix(N, C);
  if (matrix) {
    return make(
      () => distinct(C, minors(C, matrix.matrix, matrix.rank + 1)),
      `the ${matrix.rank + 1}-minors of the ${N.architecture.kind === 'linear' ? 'matrix' : 'symmetric matrix of the quadratic form'}`,
      certifiedDim ?? known?.value,
    );
  }
  const a = N.architecture;
  if (a.kind === 'shallow') {
    const sigma = activationCoefficients(a.activation);
    const nonzero = sigma.filter((c) => !QQ.isZero(c)).length;
    if (nonzero === 1) {
      const d = sigma.length - 1;
      const equations = () => {
        const T = symmetricRank(a.inputs, d, a.width, options).variety;
        // T's variables are the tensor entries for the multisets of 1..n of size d, in lex order.
        const index = new Map(N.basis.map((e, b) => [e.join(','), b]));
        const images = multisets(a.inputs, d).map((tuple) => {
          const e = new Array<number>(a.inputs).fill(0);
          for (const i of tuple) e[i - 1]! += 1;
          return C.scale(C.variable(index.get(e.join(','))!), rat(1n, multinomial(e)));
        });
        return distinct(C, T.gens.map((g) => T.ring.compose(g, C, images, (c) => c)));
      };
      return make(equations, `symmetric tensors of rank <= ${a.width} (geometry layer), in monomial coefficients`, certifiedDim ?? known?.value);
    }
  }
  return make(() => implicitize(N.ring, fmapList(N), C, options), 'implicitization (elimination of the parameters)', certifiedDim);
}

/** The non-zero polynomials made monic, without repetitions (symmetric matrices repeat minors). */
function distinct(C: PolyRing<Rat>, gens: readonly Poly<Rat>[]): Poly<Rat>[] {
  const out: Poly<Rat>[] = [];
  for (const g of gens) {
    if (C.isZero(g)) continue;
    const monic = C.monic(g);
    if (!out.some((h) => C.equals(h, monic))) out.push(monic);
  }
  return out;
}
