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
// - projected (./projected.ts), for a degenerate form of rank k with dim X < k < n: the regular
//   critical points by the parametric system of π∘φ (π(x) = P x, ker P = ker Q), with the degrees of
//   the parametric route (the estimate shown); the fibre and ramification points by the Lagrange
//   system with the equations of their class (not in the estimate: it cuts the Lagrange system down to
//   a proper subvariety, but it needs the Lagrange system's guard det(J·C), a c×c determinant of
//   polynomials, which dominates on varieties of high codimension). Not available when X has no
//   parametrization with dim X parameters, when the form is not degenerate, or when π drops the
//   dimension (k ≤ dim X).
// The choice: the route asked for; otherwise, for a non-degenerate form, the parametric route when it
// is available and its Bézout number is below the Lagrange system's; for a degenerate form the
// projected route under the same condition (a degenerate form can make the critical set
// positive-dimensional: the projected route then falls back to the Lagrange route, which analyses it);
// the Lagrange route otherwise. For generic data every route counts the same critical points (DHOST 2016, Thm 4.1: the
// ED correspondence is irreducible of dimension n, so the critical points of generic data avoid any
// proper closed subset of X, such as the points outside the immersive image of a parametrization).
// For given data (`criticalPoints`) that argument does not apply, so there the parametric route is
// taken only when the Lagrange system is beyond LAGRANGE_BUDGET (the result then says that it lists
// the critical points in the immersive image of φ); with a degenerate form it keeps the Lagrange route
// (the projected route counts, criticalPoints lists points with Morse indices).
import { binomial } from './common.js';
import { type Form, formRank, size } from './forms.js';
import { projectedUnavailable } from './projected.js';
import { codimension, dimension, type Variety } from './variety.js';
import type { ComputeOptions } from '../math/progress.js';

export type Route = 'lagrange' | 'minors' | 'parametric' | 'projected';

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

/** The estimates of the four routes for X (and Q: the projected route needs a degenerate form). */
export function estimateRoutes(X: Variety, options: ComputeOptions = {}, Q?: Form): RouteEstimate[] {
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
  const unavailable = (route: Route, why: string): RouteEstimate => ({ route, available: false, unavailable: why, variables: 0, degrees: [], bezout: 0n });
  const e = phi ? phi.map.reduce((a, f) => Math.max(a, phi.ring.degree(f)), 1) : 0;
  // ∇_t d_u(φ(t)) (degree 2e − 1) and the guard det(C'·Jac φ) (degree 1 + m(e − 1)).
  const parametricDegrees = [...Array.from({ length: m }, () => 2 * e - 1), 1 + m * (e - 1)];
  const parametric: RouteEstimate =
    !phi || phi.ring.nvars !== m
      ? unavailable('parametric', phi ? `its parametrization has ${phi.ring.nvars} parameters, not dim X = ${m}` : 'the variety has no parametrization')
      : { route: 'parametric', available: true, variables: m + 1, degrees: parametricDegrees, bezout: product(parametricDegrees) };
  const whyNot = Q ? projectedUnavailable(phi, m, formRank(Q), n) : 'no form given';
  const projected: RouteEstimate = whyNot !== null ? unavailable('projected', whyNot) : { ...parametric, route: 'projected' };
  return [lagrange, parametric, minors, projected];
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
  const estimates = estimateRoutes(X, options, Q);
  const byRoute = (r: Route) => estimates.find((e) => e.route === r)!;
  const summary = estimates.map(describeEstimate).join('; ');
  if (asked) return { route: asked, estimates, reason: `route ${asked} as asked (${summary})` };
  const lagrange = byRoute('lagrange');
  const degenerate = formRank(Q) < size(Q);
  // A degenerate form: the projected route in place of the parametric one (which counts all classes together).
  const candidate = byRoute(degenerate ? 'projected' : 'parametric');
  const overBudget = !options.givenData || lagrange.bezout > LAGRANGE_BUDGET;
  if (degenerate && options.givenData) {
    const why = 'the form is degenerate and the data are given (the projected route counts the classes; the Lagrange route lists every critical point with its Morse index)';
    return { route: 'lagrange', estimates, reason: `route lagrange: ${why} (${summary})` };
  }
  if (candidate.available && candidate.bezout < lagrange.bezout && overBudget) {
    const why = options.givenData ? `the Lagrange system is beyond the budget ${LAGRANGE_BUDGET}` : 'the smaller estimate';
    return { route: candidate.route, estimates, reason: `route ${candidate.route}: ${why} (${summary})` };
  }
  const why = !candidate.available
    ? `the ${candidate.route} route is not available`
    : !overBudget
      ? `the Lagrange system is within the budget ${LAGRANGE_BUDGET} (it finds every smooth critical point of the given data)`
      : 'the smaller estimate';
  return { route: 'lagrange', estimates, reason: `route lagrange: ${why} (${summary})` };
}
