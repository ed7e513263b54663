// Routes by cost: which system `edDegree` and `criticalPoints` solve, chosen by an estimate made
// before any Gröbner basis is computed, and recorded with the result.
//
// Representation: a `RouteEstimate` per route (variables, the degrees of the equations of a square
// subsystem, their Bézout number, and for the minors route the number and size of the minors), and a
// `RouteChoice` {route, estimates, reason}. The estimate is the Bézout number of the system the route
// would solve (Cox–Little–O'Shea, "Using Algebraic Geometry", §3.5: a bound on the number of isolated
// solutions of a square system, and the scale of the degrees a Gröbner basis meets), computed from
// the data of the variety alone:
// - lagrange, in (x, λ, z) (./critical.ts): c equations of X (its c largest generator degrees; the
//   random combinations have those degrees), n equations Q(x-u) = J^T λ of degree max(1, d) (d the
//   largest generator degree), and the guard 1 - z·det(J·C) of degree 1 + c(d - 1);
// - parametric, in (t, z): p = dim X equations ∂_t d_u(φ(t)) of degree 2e - 1 (e the largest degree
//   of the coordinates of φ) and the guard 1 - z·det(C'·Jac φ) of degree 1 + p(e - 1); available when
//   X carries a parametrization with p = dim X parameters;
// - minors, in (x, z): the c equations of X, m = dim X of the C(n, c+1) minors of size c + 1 (degree
//   1 + c(d - 1), (c+1)! terms each in the Leibniz expansion) and the guard; reported, chosen only
//   when asked (building the minors is itself the cost: C(n, c+1)·(c+1)! products).
// The choice: the route asked for; otherwise the parametric route when it is available, the form is
// non-degenerate (a degenerate form can make the critical set positive-dimensional, which only the
// Lagrange route analyses) and its Bézout number is below the Lagrange system's; the Lagrange route
// otherwise. For generic data every route counts the same critical points (DHOST 2016, Thm 4.1: the
// ED correspondence is irreducible of dimension n, so the critical points of generic data avoid any
// proper closed subset of X, such as the points outside the immersive image of a parametrization).
// For given data (`criticalPoints`) that argument does not apply, so there the parametric route is
// taken only when the Lagrange system is beyond LAGRANGE_BUDGET (the result then says that it lists
// the critical points in the immersive image of φ).
import { binomial } from './common.js';
import { type Form, formRank, size } from './forms.js';
import { codimension, dimension, type Variety } from './variety.js';
import type { ComputeOptions } from '../math/progress.js';

export type Route = 'lagrange' | 'minors' | 'parametric';

export interface RouteEstimate {
  readonly route: Route;
  /** Whether the route applies to this variety (the parametric route needs a parametrization). */
  readonly available: boolean;
  /** Why it does not apply, when it does not. */
  readonly unavailable?: string;
  /** Number of variables of the system. */
  readonly variables: number;
  /** Degrees of the equations of a square subsystem. */
  readonly degrees: readonly number[];
  /** Their Bézout number Π degrees (a bigint: it can be large). */
  readonly bezout: bigint;
  /** For the minors route: how many minors, of which size. */
  readonly minors?: { readonly count: number; readonly size: number };
}

export interface RouteChoice {
  readonly route: Route;
  readonly estimates: readonly RouteEstimate[];
  /** Why this route, in words (goes into the provenance). */
  readonly reason: string;
}

function product(degrees: readonly number[]): bigint {
  return degrees.reduce((a, d) => a * BigInt(Math.max(d, 1)), 1n);
}

function maxDegree(X: Variety): number {
  return X.gens.reduce((d, g) => Math.max(d, X.ring.degree(g)), 1);
}

/** The c largest generator degrees (the degrees of the c random combinations). */
function equationDegrees(X: Variety, c: number): number[] {
  const ds = X.gens.map((g) => X.ring.degree(g)).sort((a, b) => b - a);
  const top = ds.slice(0, c);
  while (top.length < c) top.push(1);
  return top;
}

/** The estimates of the three routes for X and Q. */
export function estimateRoutes(X: Variety, options: ComputeOptions = {}): RouteEstimate[] {
  const n = X.ring.nvars;
  const c = Math.max(codimension(X, options), 0);
  const m = Math.max(dimension(X, options), 0);
  const d = maxDegree(X);
  const gens = equationDegrees(X, c);
  const guard = c > 0 ? [1 + c * (d - 1)] : [];
  const lagrangeDegrees = [...gens, ...Array.from({ length: n }, () => Math.max(1, d)), ...guard];
  const lagrange: RouteEstimate = {
    route: 'lagrange',
    available: true,
    variables: n + c + (c > 0 ? 1 : 0),
    degrees: lagrangeDegrees,
    bezout: product(lagrangeDegrees),
  };
  const minorDegree = 1 + c * (d - 1);
  const minorsDegrees = [...gens, ...Array.from({ length: m }, () => minorDegree), ...guard];
  const minors: RouteEstimate = {
    route: 'minors',
    available: true,
    variables: n + (c > 0 ? 1 : 0),
    degrees: minorsDegrees,
    bezout: product(minorsDegrees),
    minors: { count: binomial(n, c + 1), size: c + 1 },
  };
  const phi = X.parametrization;
  let parametric: RouteEstimate;
  if (!phi || phi.ring.nvars !== m) {
    parametric = {
      route: 'parametric',
      available: false,
      unavailable: phi ? `its parametrization has ${phi.ring.nvars} parameters, not dim X = ${m}` : 'the variety has no parametrization',
      variables: 0,
      degrees: [],
      bezout: 0n,
    };
  } else {
    const p = phi.ring.nvars;
    const e = phi.map.reduce((a, f) => Math.max(a, phi.ring.degree(f)), 1);
    const degrees = [...Array.from({ length: p }, () => 2 * e - 1), 1 + p * (e - 1)];
    parametric = { route: 'parametric', available: true, variables: p + 1, degrees, bezout: product(degrees) };
  }
  return [lagrange, parametric, minors];
}

function describeEstimate(e: RouteEstimate): string {
  if (!e.available) return `${e.route}: not available (${e.unavailable})`;
  const minors = e.minors ? `, ${e.minors.count} minors of size ${e.minors.size}` : '';
  return `${e.route}: ${e.variables} variables, Bézout number ${e.bezout}${minors}`;
}

/** Above this Bézout number of the Lagrange system, criticalPoints takes the parametric route when it can. */
export const LAGRANGE_BUDGET = 100_000n;

/**
 * The route for X and Q: `asked` when given (an unavailable parametric route is an error of the
 * caller, reported by the route itself), else by the estimates (see the module header).
 */
export function chooseRoute(X: Variety, Q: Form, asked: Route | undefined, options: ComputeOptions & { readonly givenData?: boolean } = {}): RouteChoice {
  const estimates = estimateRoutes(X, options);
  const byRoute = (r: Route) => estimates.find((e) => e.route === r)!;
  const summary = estimates.map(describeEstimate).join('; ');
  if (asked) return { route: asked, estimates, reason: `route ${asked} as asked (${summary})` };
  const lagrange = byRoute('lagrange');
  const parametric = byRoute('parametric');
  const degenerate = formRank(Q) < size(Q);
  const overBudget = !options.givenData || lagrange.bezout > LAGRANGE_BUDGET;
  if (parametric.available && !degenerate && parametric.bezout < lagrange.bezout && overBudget) {
    const why = options.givenData ? `the Lagrange system is beyond the budget ${LAGRANGE_BUDGET}` : 'the smaller estimate';
    return { route: 'parametric', estimates, reason: `route parametric: ${why} (${summary})` };
  }
  const why = !parametric.available
    ? 'the parametric route is not available'
    : degenerate
      ? 'the form is degenerate (only the Lagrange route analyses a positive-dimensional critical set)'
      : !overBudget
        ? `the Lagrange system is within the budget ${LAGRANGE_BUDGET} (it finds every smooth critical point of the given data)`
        : 'the smaller estimate';
  return { route: 'lagrange', estimates, reason: `route lagrange: ${why} (${summary})` };
}
