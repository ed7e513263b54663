// Certified numerical solving of a square polynomial system over QQ: total-degree homotopy,
// path tracking, Krawczyk certification, distinctness and realness proved, completeness against
// an exact count.
//
// Route (the design of Bertini and HomotopyContinuation.jl, with certification added after the
// tracking as in Breiding, Rose and Timme, "Certifying zeros of polynomial systems using interval
// arithmetic", ACM TOMS 49, 2023): every start solution of the total-degree homotopy (./homotopy.ts)
// is tracked (./tracker.ts); each finite, non-singular endpoint is certified by the Krawczyk test
// (./krawczyk.ts), which gives a box with exactly one solution. Two certified solutions are the same
// when one's enclosure lies in the other's box (uniqueness there), distinct when their boxes are
// disjoint; otherwise the pair is undecided and the result is not certified. Paths that failed,
// ended singular, were not certified, or duplicated another solution are tracked again with a
// smaller step (two more rounds at most) while solutions are missing. The result is complete when
// the number of distinct certified solutions equals `expected`, the exact number of distinct complex
// solutions (from the modular count of ../solve.ts, computed by the caller): the certified solutions
// are then all of them. Real points are printed with the digits their enclosures prove.
import { MathError } from '../errors.js';
import { QQ, type Rat, compareRat, rat } from '../field.js';
import type { Poly, PolyRing } from '../poly.js';
import { checkInterrupt, type ComputeOptions } from '../progress.js';
import { Random } from '../random.js';
import { formatDecimal } from '../univariate/decimal.js';
import { type CI, floatToRat } from './float-interval.js';
import { ProjectiveHomotopy, type ProjectiveHomotopyData, linearProductHomotopyData, totalDegreeData } from './homotopy.js';
import { type Partition, choosePartition, partitionBezout } from './multihomogeneous.js';
import { boxesIntersect, boxInside, type Certificate, Certifier } from './krawczyk.js';
import { ratToFloat } from './slp.js';
import { cauchyEndgame } from './endgame.js';
import { affineInto, certifyEndpoint, liftPoint } from './endpoint.js';
import { type CertifyData, type PathJob, type PathRunner, type TrackerSettings, buildHomotopy, defaultPathRunner, nextPathJobKey } from './path-runner.js';
import { PathTracker, type TrackerOptions } from './tracker.js';

export interface NumericalSolveOptions extends ComputeOptions {
  /** Seed of γ and of the chart (default 0). */
  readonly seed?: number;
  /** The exact number of distinct complex solutions, when known (completeness is judged against it). */
  readonly expected?: number;
  /** Significant digits of the real points at most (default 15; the enclosures decide how many are printed). */
  readonly digits?: number;
  /** Most paths allowed (default 10^7): the total-degree count Π deg f_i must not exceed it. */
  readonly maxPaths?: number;
  /** Where the paths are tracked (default: `defaultPathRunner()`, sequential unless a host installed worker threads). */
  readonly runner?: PathRunner;
  /**
   * The start system (default 'auto': the partition of the unknowns with the smallest m-homogeneous
   * Bézout number among those `choosePartition` tries, the total degree when no partition is smaller):
   * 'total-degree', or 'multihomogeneous' (the given `groups`, else the best partition into several groups).
   */
  readonly start?: StartKind | 'auto';
  /** The partition of the unknowns (indices) of a multihomogeneous start. */
  readonly groups?: Partition;
}

export type StartKind = 'total-degree' | 'multihomogeneous';

/** The start system a solve used: its kind, the partition, its solutions (the paths) and the total degree. */
export interface StartChoice {
  readonly kind: StartKind;
  /** The groups of unknowns (one group for the total degree). */
  readonly groups: Partition;
  /** The start solutions: Π deg f_i, or the m-homogeneous Bézout number. */
  readonly count: bigint;
  /** Π deg f_i. */
  readonly totalDegree: bigint;
}

export interface PathStatistics {
  /** Start solutions of the total-degree homotopy (paths tracked in the first round). */
  readonly paths: number;
  /** Paths tracked again in later rounds. */
  readonly retracked: number;
  /** Of those, the paths tracked again with another γ (solutions were still missing after the smaller steps). */
  readonly regamma: number;
  /** Paths that double precision lost and double-double arithmetic tracked (./tracker.ts). */
  readonly doubleDouble: number;
  /** Endpoints certified in higher precision after the double-precision Krawczyk test failed (./krawczyk.ts, `certifyPrecise`). */
  readonly precise: number;
  /** Paths that ended finite and regular. */
  readonly finite: number;
  /** Paths that went to infinity. */
  readonly infinity: number;
  /** Paths that ended at a singular point (never certified). */
  readonly singular: number;
  /** Paths the tracker could not follow (step too small or too many steps), after the last round. */
  readonly failed: number;
  /** Finite regular endpoints whose certification failed (after the last round). */
  readonly uncertified: number;
  /** Accepted and rejected steps over all paths. */
  readonly steps: number;
  readonly rejected: number;
  readonly rounds: number;
}

export interface NumericalSolveResult {
  /** The distinct certified solutions (a box with exactly one solution each, pairwise distinct). */
  readonly solutions: readonly Certificate[];
  /** Distinct certified complex solutions (a certified lower bound of the number of solutions). */
  readonly complex: number;
  /** Certified real solutions among them. */
  readonly real: number;
  /** The real points, each coordinate a decimal string (see `realPointText`), sorted. */
  readonly points: string[][];
  /** Every reported solution is certified, its realness decided, and no two endpoints were left undecided (same or distinct). */
  readonly certified: boolean;
  /** complex === expected (null when no expected count was given). */
  readonly complete: boolean | null;
  readonly statistics: PathStatistics;
  /** Singular solutions found by the Cauchy endgame (not certified), with multiplicities. */
  readonly singular: readonly SingularSolution[];
  /** γ of the homotopy and the seed it was drawn from. */
  readonly gamma: readonly [number, number];
  readonly seed: number;
  /** The path runner's name ('sequential', '2 worker threads'). */
  readonly runner: string;
  /** The monodromy at the instance that completed the set (./monodromy.ts, `completeAtInstance`), when it ran. */
  readonly completion?: CompletionStatistics;
  /** The start system of a homotopy from a start system (`solveNumerical`). */
  readonly start?: StartChoice;
}

/**
 * What completed the certified set of an instance after the homotopy to it left solutions missing
 * (./instance-completion.ts): the fallbacks that ran, in order.
 */
export interface CompletionStatistics {
  /** Solutions certified before. */
  readonly before: number;
  /** New solutions certified by the fallbacks. */
  readonly found: number;
  readonly steps: readonly CompletionStep[];
  /** Certified points whose distinctness from a known one was undecided (the result is then not certified). */
  readonly undecided: number;
}

/** One fallback of the completion of an instance (./instance-completion.ts). */
export interface CompletionStep {
  /**
   * 'detour': lost paths of the parameter homotopy tracked again through a random complex instance;
   * 'monodromy': loops based at the instance; 'start-system': a homotopy from a start system at the instance.
   */
  readonly method: 'detour' | 'monodromy' | 'start-system';
  /** Paths tracked (the detour's paths, the loops' edge paths, the start system's paths). */
  readonly paths: number;
  /** New solutions certified. */
  readonly found: number;
  /** Of the certified points, those whose distinctness from a known one was undecided. */
  readonly undecided: number;
  /** Paths that failed (edge paths of the loops; the start system's failed, singular or uncertified paths). */
  readonly failures: number;
  /** Loops made ('monodromy'). */
  readonly loops?: number;
  /** The start system ('start-system'). */
  readonly start?: StartKind;
}

/** The rounds: the tracker's settings, safer each time. */
const ROUNDS: readonly (TrackerOptions & { readonly infinity?: boolean })[] = [
  {},
  // the double-double fallback (./tracker.ts) ran in the first round: the smaller steps are in doubles
  { aim: 1e-6, maxStep: 0.02, doubleDouble: false },
  { aim: 1e-8, maxStep: 0.005, doubleDouble: false },
  // last resort when solutions are still missing: the paths declared at infinity too, strictly
  { aim: 1e-6, maxStep: 0.02, infinityBound: 1e-8, infinity: true, doubleDouble: false },
];

/** The tracker's settings of the rounds with γ turned (in doubles: they look for paths lost near a branch point). */
const GAMMA_SETTINGS: TrackerSettings = { aim: 1e-6, maxStep: 0.02, doubleDouble: false };

/** The turns of γ (radians) for the lost paths when solutions are still missing after ROUNDS; 'all': every path with a new γ. */
const GAMMA_TURNS: readonly (number | 'all')[] = [0.05, -0.05, 0.5, -0.5, 'all'];

/** The golden angle: the turn of γ for the round of every path (far from the earlier turns, reproducible). */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * The job of a homotopy with its γ turned by `angle` radians: the total-degree homotopy with γ·e^{i·angle}
 * (new data, so a new key), or the parameter homotopy's path with γ·e^{i·angle} (same family and chart).
 */
export function regammaJob(job: Pick<PathJob, 'homotopy' | 'path'>, angle: number): Pick<PathJob, 'key' | 'homotopy' | 'path'> {
  const turn = (g: readonly [number, number]): [number, number] => [g[0] * Math.cos(angle) - g[1] * Math.sin(angle), g[0] * Math.sin(angle) + g[1] * Math.cos(angle)];
  if (job.path) return { key: nextPathJobKey(), homotopy: job.homotopy, path: { ...job.path, gamma: turn(job.path.gamma) } };
  if (job.homotopy.kind !== 'projective') throw new MathError('internal', 'a parameter homotopy without its path');
  return { key: nextPathJobKey(), homotopy: { kind: 'projective', data: { ...job.homotopy.data, gamma: turn(job.homotopy.data.gamma) } } };
}

/**
 * The decimal text of a number known to lie in [lo, hi] (exact rationals): the longest rounding (at
 * most `digits` significant digits) on which both ends agree, which is then the correct rounding of
 * every number in between; when even one digit does not agree (an interval around 0 or across a power
 * of ten), the midpoint to the digits its width allows, and 0 for an interval around 0 (see
 * docs/numerical.md).
 */
export function realIntervalText(lo: Rat, hi: Rat, digits: number): string {
  for (let d = digits; d >= 1; d--) {
    const s = formatDecimal(lo, d);
    if (s === formatDecimal(hi, d)) return s;
  }
  const mid = QQ.div(QQ.add(lo, hi), rat(2n));
  const width = QQ.sub(hi, lo);
  const absMid = mid.num < 0n ? QQ.neg(mid) : mid;
  if (compareRat(absMid, width) <= 0) return '0';
  const d = Math.max(1, Math.min(digits, Math.floor(Math.log10(ratToFloat(absMid) / ratToFloat(width)))));
  return formatDecimal(mid, d);
}

/** realIntervalText for an interval of doubles. */
export function realPointText(lo: number, hi: number, digits: number): string {
  return realIntervalText(floatToRat(lo), floatToRat(hi), digits);
}

/**
 * The homotopy's data for F with the start system the options ask (see NumericalSolveOptions.start),
 * γ, the chart and the linear factors drawn from a random stream started at `seed` (γ and the chart are
 * the same for both starts).
 */
export function startHomotopy(R: PolyRing<Rat>, gens: readonly Poly<Rat>[], seed: number, options: Pick<NumericalSolveOptions, 'start' | 'groups'> = {}): { data: ProjectiveHomotopyData; start: StartChoice } {
  const n = R.nvars;
  const kind = options.start ?? 'auto';
  if (options.groups && kind === 'total-degree') throw new MathError('domain', 'groups go with start = "multihomogeneous" (or no start), not with the total-degree start');
  const total = totalDegreeData(n, gens, new Random(seed));
  const totalDegree = total.degrees.reduce((p, d) => p * BigInt(d), 1n);
  const single = [Array.from({ length: n }, (_, v) => v)];
  if (kind === 'total-degree') return { data: total, start: { kind, groups: single, count: totalDegree, totalDegree } };
  const choice = options.groups ? { groups: options.groups, bezout: partitionBezout(gens, options.groups) } : choosePartition(gens, R.vars, kind === 'multihomogeneous');
  if (kind === 'auto' && choice.groups.length === 1) return { data: total, start: { kind: 'total-degree', groups: single, count: totalDegree, totalDegree } };
  const data = linearProductHomotopyData(n, gens, choice.groups, new Random(seed));
  return { data, start: { kind: 'multihomogeneous', groups: choice.groups, count: choice.bezout, totalDegree } };
}

/** Solves F = 0 (n equations in n unknowns over QQ) by homotopy continuation with certified endpoints. */
export function solveNumerical(R: PolyRing<Rat>, gens: readonly Poly<Rat>[], options: NumericalSolveOptions = {}): NumericalSolveResult {
  const seed = options.seed ?? 0;
  const { data, start } = startHomotopy(R, gens, seed, options);
  const homotopy = new ProjectiveHomotopy(data);
  const maxPaths = options.maxPaths ?? 1e7;
  if (start.count > BigInt(maxPaths)) {
    throw new MathError('too-many-paths', `the ${start.kind} homotopy has ${start.count} paths, more than the ${maxPaths} allowed`);
  }
  const paths = Number(homotopy.pathCount);
  if (BigInt(paths) !== start.count) throw new MathError('internal', `the linear-product start has ${paths} solutions, not the m-homogeneous Bézout number ${start.count}`);
  const set = new CertifiedSet(new Certifier(R, gens));
  const run = trackAndCertify(set, { homotopy: { kind: 'projective', data } }, paths, (k, z) => homotopy.startSolution(k, z), options);
  return { ...numericalResult(set, run, options, homotopy.gamma, seed), start };
}

/** The distinct certified solutions found so far, and the paths that found them. */
export class CertifiedSet {
  readonly solutions: Certificate[] = [];
  /** The path (of the last `trackAndCertify`) that found each solution, -1 for earlier runs. */
  readonly owner: number[] = [];

  constructor(readonly certifier: Certifier) {}

  /** Adds a certificate: 'new', 'duplicate' (one's enclosure lies in the other's box) or 'undecided'. */
  add(c: Certificate, path: number): 'new' | 'duplicate' | 'undecided' {
    for (const other of this.solutions) {
      if (!boxesIntersect(c.box, other.box)) continue;
      if (boxInside(c.enclosure, other.box) || boxInside(other.enclosure, c.box)) return 'duplicate';
      return 'undecided';
    }
    this.solutions.push(c);
    this.owner.push(path);
    return 'new';
  }
}

export type EndpointStatus = 'finite' | 'infinity' | 'singular' | 'failed' | 'uncertified' | 'duplicate' | 'undecided';

/** A path that ended at a singular point (or failed, or was not certified): the Cauchy endgame's estimate and winding number. */
export interface SingularEndpoint {
  readonly path: number;
  /** The affine point (interleaved re/im), or null when the endgame put it at infinity. */
  readonly x: Float64Array | null;
  /** The projective point on the chart (z₀ first). */
  readonly z: Float64Array;
  readonly winding: number;
}

/** What `trackAndCertify` did: the status of every path and the counts of the work. */
export interface TrackingRun {
  readonly status: EndpointStatus[];
  /** The paths that ended singular, their endpoints by the Cauchy endgame (where it closed its loops). */
  readonly singular: SingularEndpoint[];
  readonly paths: number;
  readonly retracked: number;
  /** Paths tracked again with another γ. */
  readonly regamma: number;
  /** Paths tracked in double-double arithmetic after double precision lost them. */
  readonly doubleDouble: number;
  /** Endpoints certified in higher precision (`Certifier.certifyPrecise`) after the double-precision test failed. */
  readonly precise: number;
  readonly steps: number;
  readonly rejected: number;
  readonly rounds: number;
}

/**
 * Tracks `paths` paths of a homotopy from t = 0 (start k written by `start(k, z)`) to t = 1, certifies
 * each finite regular endpoint into `set`, and tracks again (safer settings, see ROUNDS) the paths
 * that failed, ended singular, were not certified or duplicated a solution, while solutions are
 * missing (fewer than options.expected in the set). When solutions are still missing after those
 * rounds, the lost paths are tracked again with γ turned by ±ε (`GAMMA_TURNS`), then every path with
 * a new γ (see `regammaJob`). `kept` places the homotopy's unknowns among the certifier's (a homotopy
 * on a coordinate subspace: ./monodromy.ts; see ./endpoint.ts). The paths of the first γ are certified
 * by the runner, in the path tasks (on the worker threads of a pool); the others here.
 */
export function trackAndCertify(
  set: CertifiedSet,
  job: Pick<PathJob, 'homotopy' | 'path'>,
  paths: number,
  start: (k: number, z: Float64Array) => void,
  options: NumericalSolveOptions & { readonly stage?: string; readonly kept?: readonly number[] } = {},
): TrackingRun {
  const homotopy = buildHomotopy(job.homotopy);
  if (job.path) homotopy.setPath?.(job.path.a, job.path.b, job.path.gamma);
  const runner = options.runner ?? defaultPathRunner();
  const key = nextPathJobKey();
  const n = homotopy.dim - 1;
  const certify: CertifyData = { certifier: set.certifier.data, ...(options.kept ? { kept: options.kept } : {}) };
  const solutions = set.solutions;
  const owner = set.owner;
  for (let i = 0; i < owner.length; i++) owner[i] = -1;
  let steps = 0;
  let rejected = 0;
  let retracked = 0;
  let regamma = 0;
  let doubleDouble = 0;
  let precise = 0;
  const status = new Array<EndpointStatus>(paths);
  const z = new Float64Array(2 * homotopy.dim);
  const x = new Float64Array(2 * n);
  let rounds = 0;
  const missing = () => options.expected !== undefined && solutions.length < options.expected;
  /** Tracks the paths ks with a round's job; the paths to track again. */
  const round = (roundJob: PathJob, ks: readonly number[], primary = true): number[] => {
    rounds++;
    const again: number[] = [];
    // in chunks (progress, interrupt); the endpoints are read in the order of the paths, whatever the runner
    const chunk = 16 * runner.parallelism;
    for (let from = 0; from < ks.length; from += chunk) {
      checkInterrupt(options.signal);
      options.onProgress?.({ stage: options.stage ?? 'homotopy', message: `round ${rounds}: path ${from + 1} of ${ks.length}, ${solutions.length} certified solutions` });
      const batch = ks.slice(from, from + chunk);
      const starts = batch.map((k) => {
        const z = new Float64Array(2 * homotopy.dim);
        start(k, z);
        return z;
      });
      const results = runner.track(roundJob, starts, { signal: options.signal });
      batch.forEach((k, j) => {
        const result = results[j]!;
        steps += result.steps;
        rejected += result.rejected;
        if (result.precision === 'double-double') doubleDouble++;
        // a round with γ turned follows other paths: it only adds the solutions it certifies, and the
        // statuses (and the singular endpoints' endgame, on the first homotopy) stay the first γ's
        if (!primary) {
          if (result.status !== 'finite') return;
          affineInto(result.z, n, x);
          const c = set.certifier.certify(liftPoint(x, options.kept, set.certifier.n));
          if (c) set.add(c, -1);
          return;
        }
        if (result.status !== 'finite') {
          // a path lost again keeps what an earlier round found for it
          if (status[k] === undefined || status[k] === 'failed' || status[k] === 'singular' || status[k] === 'infinity') status[k] = result.status;
          if (result.status !== 'infinity') again.push(k);
          return;
        }
        // certified in the path task (the runner's thread), or here when the runner did not: the Krawczyk
        // test in doubles, else in higher precision from the double-double endpoint (./endpoint.ts)
        const endpoint = result.certified ?? certifyEndpoint(set.certifier, result.z, result.zLo, n, options.kept);
        const c = endpoint.certificate;
        if (endpoint.precise) precise++;
        if (!c) {
          if (status[k] !== 'finite') status[k] = 'uncertified';
          again.push(k);
          return;
        }
        const added = set.add(c, k);
        if (status[k] !== 'finite') status[k] = added === 'new' ? 'finite' : added;
        if (added !== 'new') {
          again.push(k);
          // the path that found the solution first may be the one that jumped: track it again too
          const first = owner[solutions.findIndex((s) => boxesIntersect(s.box, c.box))];
          if (first !== undefined && first >= 0 && added === 'duplicate' && status[first] === 'finite') again.push(first);
        }
      });
    }
    return [...new Set(again)].sort((a, b) => a - b);
  };
  const jobWith = (settings: TrackerSettings, variant?: Pick<PathJob, 'key' | 'homotopy' | 'path'>): PathJob => {
    const base = variant ?? { key, homotopy: job.homotopy, certify, ...(job.path ? { path: job.path } : {}) };
    return { ...base, settings, mode: 'track' };
  };
  let todo = Array.from({ length: paths }, (_, k) => k);
  for (const settings of ROUNDS) {
    if (settings.infinity) {
      if (options.expected === undefined) break;
      todo = [...new Set([...todo, ...status.flatMap((s, k) => (s === 'infinity' ? [k] : []))])].sort((a, b) => a - b);
    }
    if (rounds > 0 && !missing()) break;
    // nothing to track again in this round: the last round (paths declared at infinity) may still come
    if (todo.length === 0) continue;
    if (rounds > 0) retracked += todo.length;
    const { infinity: _, ...trackerSettings } = settings;
    todo = round(jobWith(trackerSettings), todo);
  }
  // solutions still missing: the lost paths with γ turned a little to either side (a path lost near a
  // branch point passes it on one side or the other; the two sides end at the two solutions that meet
  // there, and every other path keeps its endpoint), then every path with a new γ
  const lost = () => status.flatMap((s, k) => (s !== 'finite' && s !== 'infinity' ? [k] : []));
  for (const turn of GAMMA_TURNS) {
    if (!missing()) break;
    const ks = turn === 'all' ? Array.from({ length: paths }, (_, k) => k) : lost();
    if (ks.length === 0) continue;
    retracked += ks.length;
    regamma += ks.length;
    round(jobWith(GAMMA_SETTINGS, regammaJob(job, turn === 'all' ? GOLDEN_ANGLE : turn)), ks, false);
  }
  // the Cauchy endgame on the paths that ended singular, failed or uncertified: tracked again to
  // s = 1 - t = 10⁻³ (then 10⁻⁴, 10⁻⁵ when the loops do not close there)
  const singular: SingularEndpoint[] = [];
  const tracker = new PathTracker(homotopy, { signal: options.signal });
  for (let k = 0; k < paths; k++) {
    if (status[k] !== 'singular' && status[k] !== 'failed' && status[k] !== 'uncertified') continue;
    checkInterrupt(options.signal);
    for (const s0 of [1e-3, 1e-4, 1e-5]) {
      start(k, z);
      const a = tracker.advance(z, 0, 1 - s0);
      steps += a.steps;
      if (!a.ok) break;
      const r = cauchyEndgame(homotopy, z, s0);
      if (!r) continue;
      steps += r.steps;
      singular.push({ path: k, x: affine(r.z, n), z: r.z, winding: r.winding });
      break;
    }
  }
  return { status, singular, paths, retracked, regamma, doubleDouble, precise, steps, rejected, rounds };
}

/** The affine point z_1..z_n / z_0 of a projective point, or null when z_0 is (numerically) 0. */
function affine(z: Float64Array, n: number): Float64Array | null {
  const zr = z[0]!;
  const zi = z[1]!;
  let norm = 0;
  for (let i = 0; i < 2 * (n + 1); i++) norm = Math.max(norm, Math.abs(z[i]!));
  if (Math.hypot(zr, zi) < 1e-8 * norm) return null;
  const d = zr * zr + zi * zi;
  const x = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const ar = z[2 * (i + 1)]!;
    const ai = z[2 * (i + 1) + 1]!;
    x[2 * i] = (ar * zr + ai * zi) / d;
    x[2 * i + 1] = (ai * zr - ar * zi) / d;
  }
  return x;
}

/** A singular solution: its point (from the Cauchy endgame, not certified) and its multiplicity (the paths that end there). */
export interface SingularSolution {
  /** Interleaved re/im, in the unknowns. */
  readonly point: Float64Array;
  /** The number of paths ending there (the multiplicity of the solution, for a homotopy with the gamma trick). */
  readonly multiplicity: number;
  /** The largest winding number of those paths. */
  readonly winding: number;
}

/** The singular endpoints grouped into points: the same point when they agree to 10⁻⁶ relative. */
export function singularSolutions(runs: readonly TrackingRun[]): SingularSolution[] {
  const out: { point: Float64Array; multiplicity: number; winding: number }[] = [];
  for (const r of runs)
    for (const e of r.singular) {
      if (!e.x) continue;
      const x = e.x;
      const scale = Math.max(1, ...Array.from(x, Math.abs));
      const same = out.find((o) => o.point.every((v, i) => Math.abs(v - x[i]!) <= 1e-6 * scale));
      if (same) {
        same.multiplicity++;
        same.winding = Math.max(same.winding, e.winding);
      } else out.push({ point: x, multiplicity: 1, winding: e.winding });
    }
  return out;
}

/** Path statistics of one or more runs (their counts added; `finite` is the set's size). */
export function pathStatistics(set: CertifiedSet, runs: readonly TrackingRun[]): PathStatistics {
  const count = (s: EndpointStatus) => runs.reduce((a, r) => a + r.status.filter((x) => x === s).length, 0);
  const sum = (f: (r: TrackingRun) => number) => runs.reduce((a, r) => a + f(r), 0);
  return {
    paths: sum((r) => r.paths),
    retracked: sum((r) => r.retracked),
    regamma: sum((r) => r.regamma),
    doubleDouble: sum((r) => r.doubleDouble),
    precise: sum((r) => r.precise),
    finite: set.solutions.length,
    infinity: count('infinity'),
    singular: count('singular'),
    failed: count('failed'),
    uncertified: count('uncertified'),
    steps: sum((r) => r.steps),
    rejected: sum((r) => r.rejected),
    rounds: Math.max(0, ...runs.map((r) => r.rounds)),
  };
}

/** The result record of a certified set: real points, certified, complete (and the completion that grew the set, when one ran). */
export function numericalResult(set: CertifiedSet, runs: TrackingRun | readonly TrackingRun[], options: NumericalSolveOptions, gamma: readonly [number, number], seed: number, completion?: CompletionStatistics): NumericalSolveResult {
  const all = Array.isArray(runs) ? (runs as readonly TrackingRun[]) : [runs as TrackingRun];
  const digits = options.digits ?? 15;
  const solutions = set.solutions;
  const undecided = all.reduce((a, r) => a + r.status.filter((x) => x === 'undecided').length, 0) + (completion?.undecided ?? 0);
  const realSolutions = solutions.filter((c) => c.real === true);
  const points = realSolutions.map((c) => c.enclosure.map((e: CI) => realPointText(e.rl, e.rh, digits)));
  points.sort((p, q) => {
    for (let i = 0; i < p.length; i++) {
      const a = Number(p[i]);
      const b = Number(q[i]);
      if (a !== b) return a - b;
    }
    return 0;
  });
  const decided = solutions.every((c) => c.real !== null);
  const complete = options.expected === undefined ? null : solutions.length === options.expected;
  return {
    solutions,
    complex: solutions.length,
    real: realSolutions.length,
    points,
    certified: decided && undecided === 0,
    complete,
    statistics: pathStatistics(set, all),
    singular: singularSolutions(all),
    gamma,
    seed,
    runner: (options.runner ?? defaultPathRunner()).name,
    ...(completion ? { completion } : {}),
  };
}
