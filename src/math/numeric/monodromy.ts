// Monodromy solving of an affine parameter family, then a certified parameter homotopy to the
// instance asked, complete by the exact count.
//
// Representation: the family is compiled once (./parameter-homotopy.ts); the solutions at the base
// parameter point q₀ are points z on the random chart (Float64Arrays, interleaved re/im), with a
// random linear functional ℓ(z) kept beside each for a fast first comparison. A loop is a triangle
// q₀ → q₁ → q₂ → q₀ through two random complex parameter points, each edge a gamma-trick parameter
// homotopy with its own random γ. Each solution goes once through each loop (the solutions carry the
// index of the next loop to take); an endpoint back at q₀ that is not yet known is a new solution.
// When every solution has been through every loop, a new loop is made. The work stops when the
// number of solutions at q₀ reaches `stopAt`, or after `stagnant` consecutive new loops that found
// nothing (Duff, Hill, Jensen, Lee, Leykin, Sommars, "Solving polynomial systems via homotopy
// continuation and monodromy", IMA J. Numer. Anal. 39, 2019: the seed by "pick x, solve for p", the
// triangle graph, the stopping criteria).
//
// Then the solutions at q₀ are tracked to the target q* by the parameter homotopy with the full
// endgame (./tracker.ts), each finite endpoint certified by Krawczyk and distinctness proved by
// disjoint boxes (./solve-numerical.ts, `trackAndCertify`): for q₀ generic every isolated solution at
// q* is the end of a path from a solution at q₀ (Morgan and Sommese 1989). The result is complete
// when the distinct certified solutions at q* are as many as `expected` (the exact count of the
// caller). When the base count was reached but the target is incomplete (the generic count of the
// family exceeds the target's), the monodromy goes on until it stagnates, and the new solutions are
// tracked too.
import { checkInterrupt } from '../progress.js';
import { Random } from '../random.js';
import type { Rat } from '../field.js';
import { type AffineFamily, familyAt, invariantSubspaces, restrictFamily, targetSystem } from './family.js';
import { Certifier } from './krawczyk.js';
import { randomChart, toChart } from './homotopy.js';
import { CompiledFamily, complexNormal, randomGamma } from './parameter-homotopy.js';
import { type HomotopyData, type PathRunner, defaultPathRunner, nextPathJobKey } from './path-runner.js';
import { CertifiedSet, type CompletionStatistics, type NumericalSolveOptions, type NumericalSolveResult, type TrackingRun, numericalResult, trackAndCertify } from './solve-numerical.js';

export interface MonodromyOptions extends NumericalSolveOptions {
  /**
   * Consecutive new loops without a new solution after which the monodromy stops: default 20 while a
   * known count is not reached (there are more solutions at the base point then), 8 when the count
   * is not known.
   */
  readonly stagnant?: number;
  /** Most loops (default 200). */
  readonly maxLoops?: number;
}

export interface MonodromyStatistics {
  /** Solutions found at the base parameter points (all components). */
  readonly base: number;
  /** Loops made. */
  readonly loops: number;
  /** Paths tracked along loop edges (three per solution and loop, fewer when one fails). */
  readonly edgePaths: number;
  /** Edge paths that failed (their solution is dropped from that loop). */
  readonly edgeFailures: number;
  /** Steps along the loops. */
  readonly edgeSteps: number;
  /** Components solved: the main one and one per invariant coordinate subspace. */
  readonly components: number;
  /** Why the monodromy of the main component stopped: the count was reached, or it stagnated, or the loop limit. */
  readonly stopped: 'count' | 'stagnant' | 'loops';
  /** The parameters of the family (the auxiliary constant terms are named p_i). */
  readonly parameters: readonly string[];
}

export interface MonodromyResult extends NumericalSolveResult {
  readonly monodromy: MonodromyStatistics;
}

export type { CompletionStatistics };

/** Solutions at a base parameter point, grown by monodromy loops. */
export class MonodromySolver {
  readonly compiled: CompiledFamily;
  readonly chart: Float64Array;
  /** The base parameter point q₀. */
  readonly base: Float64Array;
  readonly active: readonly boolean[];
  /** The solutions at q₀ (on the chart). */
  readonly solutions: Float64Array[] = [];
  private readonly keys: [number, number][] = [];
  private readonly next: number[] = [];
  private readonly loops: { points: Float64Array[]; gammas: [number, number][] }[] = [];
  private readonly functional: Float64Array;
  private readonly random: Random;
  /** The homotopy's data for the path runner (the compiled family on the chart), and its key. */
  readonly homotopyData: HomotopyData;
  private readonly jobKey = nextPathJobKey();
  private readonly runner: PathRunner;
  private readonly signal: MonodromyOptions['signal'];
  edgePaths = 0;
  edgeFailures = 0;
  edgeSteps = 0;

  /**
   * The base point is the seed's (a random point and one solution there, ./parameter-homotopy.ts), or
   * `at`: the family's target with known solutions there (affine points, interleaved re/im), the loops
   * then moving the family's own parameters only.
   */
  constructor(family: AffineFamily | CompiledFamily, random: Random, options: MonodromyOptions = {}, at?: { readonly points: readonly Float64Array[] }) {
    this.compiled = family instanceof CompiledFamily ? family : new CompiledFamily(family);
    this.random = random;
    const n = this.compiled.n;
    this.chart = randomChart(random, n);
    this.functional = new Float64Array(2 * (n + 1));
    let starts: Float64Array[];
    if (at) {
      this.base = this.compiled.target();
      this.active = Array.from({ length: this.compiled.size }, (_, k) => k < this.compiled.m);
      starts = at.points.map((x) => {
        const z = new Float64Array(2 * (n + 1));
        z[0] = 1;
        z.set(x.subarray(0, 2 * n), 2);
        toChart(this.chart, z, n + 1);
        return z;
      });
    } else {
      const seed = this.compiled.seed(random, this.chart);
      this.base = seed.q;
      this.active = seed.active;
      starts = [seed.z];
    }
    for (let j = 0; j <= n; j++) complexNormal(random, this.functional, j);
    this.homotopyData = { kind: 'parameter', family: this.compiled.data, chart: this.chart };
    this.runner = options.runner ?? defaultPathRunner();
    this.signal = options.signal;
    for (const z of starts) this.insert(z);
  }

  /** ℓ(z). */
  private key(z: Float64Array): [number, number] {
    let r = 0;
    let i = 0;
    const l = this.functional;
    for (let j = 0; j < l.length; j += 2) {
      r += l[j]! * z[j]! - l[j + 1]! * z[j + 1]!;
      i += l[j]! * z[j + 1]! + l[j + 1]! * z[j]!;
    }
    return [r, i];
  }

  /** Adds z when it is not a known solution; true when new. */
  insert(z: Float64Array): boolean {
    let scale = 1;
    for (let i = 0; i < z.length; i++) scale = Math.max(scale, Math.abs(z[i]!));
    const tol = 1e-8 * scale;
    const [kr, ki] = this.key(z);
    const lnorm = this.functional.reduce((s, x) => s + Math.abs(x), 0);
    for (let s = 0; s < this.solutions.length; s++) {
      const [or, oi] = this.keys[s]!;
      if (Math.abs(or - kr) > lnorm * tol || Math.abs(oi - ki) > lnorm * tol) continue;
      const w = this.solutions[s]!;
      let same = true;
      for (let i = 0; i < z.length && same; i++) if (Math.abs(w[i]! - z[i]!) > tol) same = false;
      if (same) return false;
    }
    this.solutions.push(z.slice());
    this.keys.push([kr, ki]);
    this.next.push(0);
    return true;
  }

  /**
   * A random parameter point: each active parameter a complex normal times ρ·max(1, |q₀_k|, |q*_k|),
   * ρ cycling through 1/2, 1, 2, 4 with the loops (triangles of several sizes wind around more of the
   * discriminant).
   */
  private randomPoint(): Float64Array {
    const q = new Float64Array(this.base.length);
    const target = this.compiled.target();
    const rho = 2 ** ((this.loops.length % 4) - 1);
    this.active.forEach((a, k) => {
      const s = Math.max(1, Math.hypot(this.base[2 * k]!, this.base[2 * k + 1]!), Math.hypot(target[2 * k]!, target[2 * k + 1]!));
      if (a) complexNormal(this.random, q, k, rho * s);
    });
    return q;
  }

  private newLoop(): void {
    const points = [this.base, this.randomPoint(), this.randomPoint()];
    this.loops.push({ points, gammas: [randomGamma(this.random), randomGamma(this.random), randomGamma(this.random)] });
  }

  /** Tracks a batch of start points around loop L; the endpoints that came back (failed ones dropped). */
  private around(L: number, starts: Float64Array[]): Float64Array[] {
    const { points, gammas } = this.loops[L]!;
    let current = starts;
    for (let e = 0; e < 3; e++) {
      const path = { a: points[e]!, b: points[(e + 1) % 3]!, gamma: gammas[e]! };
      const results = this.runner.track({ key: this.jobKey, homotopy: this.homotopyData, path, settings: {}, mode: 'regular' }, current, { signal: this.signal });
      const out: Float64Array[] = [];
      for (const r of results) {
        this.edgePaths++;
        this.edgeSteps += r.steps + r.rejected;
        if (r.status === 'finite') out.push(r.z);
        else this.edgeFailures++;
      }
      current = out;
    }
    return current;
  }

  /**
   * Runs loops until the solutions at q₀ number `stopAt` (Infinity: not known), or `stagnant`
   * consecutive new loops found nothing, or `maxLoops` loops were made.
   */
  run(stopAt: number, options: MonodromyOptions = {}): 'count' | 'stagnant' | 'loops' {
    const stagnantLimit = options.stagnant ?? (Number.isFinite(stopAt) ? 20 : 8);
    const maxLoops = options.maxLoops ?? 200;
    let stagnant = 0;
    let foundSinceLoop = false;
    for (;;) {
      if (this.solutions.length >= stopAt) return 'count';
      let L = Infinity;
      for (const k of this.next) if (k < this.loops.length && k < L) L = k;
      if (L === Infinity) {
        if (this.loops.length > 0) {
          stagnant = foundSinceLoop ? 0 : stagnant + 1;
          if (stagnant >= stagnantLimit) return 'stagnant';
        }
        if (this.loops.length >= maxLoops) return 'loops';
        this.newLoop();
        foundSinceLoop = false;
        continue;
      }
      checkInterrupt(options.signal);
      const batch: number[] = [];
      this.next.forEach((k, s) => {
        if (k === L) batch.push(s);
      });
      // in slices, so that the count is checked often
      for (let b = 0; b < batch.length; b += 32) {
        const slice = batch.slice(b, b + 32);
        options.onProgress?.({ stage: 'monodromy', message: `loop ${L + 1} of ${this.loops.length}: ${this.solutions.length} solutions at the base point` });
        const ends = this.around(
          L,
          slice.map((s) => this.solutions[s]!),
        );
        for (const s of slice) this.next[s] = L + 1;
        for (const z of ends) if (this.insert(z)) foundSinceLoop = true;
        if (this.solutions.length >= stopAt) return 'count';
      }
    }
  }

  get loopCount(): number {
    return this.loops.length;
  }
}

/** One component at its base point: its solver, and where its unknowns and parameters sit in the family's. */
interface Component {
  readonly solver: MonodromySolver;
  /** The family's unknowns kept (null: all, the main component). */
  readonly kept: readonly number[] | null;
  /** The family's parameters kept, in the restricted family's order (null: all). */
  readonly params: readonly number[] | null;
}

/**
 * The solutions of a family at generic complex parameter points, one base point per component (the
 * main one and one per invariant coordinate subspace: ./family.ts), found by monodromy; then tracked
 * to any instance by the certified parameter homotopy (`instance`). Solving once and tracking to many
 * instances is the parameter homotopy of Morgan and Sommese (1989).
 */
export class MonodromyBase {
  readonly n: number;
  readonly main: MonodromySolver;
  readonly components: Component[] = [];
  /** The origin is a solution for every parameter (the subspace of all unknowns). */
  origin = false;
  stopped: 'count' | 'stagnant' | 'loops' = 'stagnant';
  private readonly subspaces: number[];

  constructor(
    readonly family: AffineFamily,
    private readonly random: Random,
    private readonly options: MonodromyOptions = {},
  ) {
    this.n = family.ring.nvars;
    this.main = new MonodromySolver(family, random, options);
    this.subspaces = this.main.active.slice(family.directions.length).some(Boolean) ? [] : (invariantSubspaces(family) ?? []);
  }

  /** True when the main component needed constant terms added (the family's own parameters do not reach every equation). */
  get extended(): boolean {
    return this.main.active.slice(this.family.directions.length).some(Boolean);
  }

  /** Solves the other components until they stagnate; the number of their solutions. */
  solveComponents(): number {
    let count = 0;
    for (const S of this.subspaces) {
      const { family: sub, kept, params } = restrictFamily(this.family, S);
      if (kept.length === 0) {
        this.origin = true;
        count++;
        continue;
      }
      const solver = new MonodromySolver(sub, this.random, this.options);
      solver.run(Infinity, this.options);
      this.components.push({ solver, kept, params });
      count += solver.solutions.length;
    }
    return count;
  }

  /** Grows the main component to `stopAt` solutions (Infinity: until `stagnant` loops in a row find nothing). */
  solveMain(stopAt: number, stagnant?: number): void {
    this.stopped = this.main.run(stopAt, stagnant === undefined ? this.options : { ...this.options, stagnant });
  }

  /**
   * Tracks the base solutions (of the main component from index `from`; of the others unless
   * `mainOnly`) to the instance `values` of the family's parameters, certifying into `set`.
   */
  track(set: CertifiedSet, values: readonly Rat[], gamma: readonly [number, number], from = 0, mainOnly = false): TrackingRun[] {
    const runs: TrackingRun[] = [];
    const n = this.n;
    const all: Component[] = mainOnly ? [] : [...this.components];
    all.push({ solver: this.main, kept: null, params: null });
    if (!mainOnly && this.origin) {
      const c = set.certifier.certify(new Float64Array(2 * n));
      if (c) set.add(c, -1);
    }
    for (const { solver, kept, params } of all) {
      const starts = solver.solutions.slice(solver === this.main ? from : 0);
      if (starts.length === 0) continue;
      const path = { a: solver.base, b: solver.compiled.point(params ? params.map((k) => values[k]!) : values), gamma };
      runs.push(trackAndCertify(set, { homotopy: solver.homotopyData, path }, starts.length, (k, z) => z.set(starts[k]!), { ...this.options, stage: 'parameter homotopy', ...(kept ? { kept } : {}) }));
    }
    return runs;
  }

  /** The number of base solutions over all components. */
  get size(): number {
    return this.main.solutions.length + this.components.reduce((s, c) => s + c.solver.solutions.length, 0) + (this.origin ? 1 : 0);
  }

  statistics(): MonodromyStatistics {
    const solvers = [this.main, ...this.components.map((c) => c.solver)];
    const sum = (f: (s: MonodromySolver) => number) => solvers.reduce((a, s) => a + f(s), 0);
    const m = this.family.directions.length;
    return {
      base: this.size,
      loops: sum((s) => s.loopCount),
      edgePaths: sum((s) => s.edgePaths),
      edgeFailures: sum((s) => s.edgeFailures),
      edgeSteps: sum((s) => s.edgeSteps),
      components: 1 + this.subspaces.length,
      stopped: this.stopped,
      parameters: [...this.family.names, ...this.family.ring.vars.map((_, i) => `p_${i + 1}`)].filter((_, k) => k < m || this.main.active[k]),
    };
  }
}

/**
 * Solves the family at its target by monodromy and a certified parameter homotopy; complete when
 * the distinct certified solutions number options.expected. The other components (./family.ts) are
 * solved first, each until it stagnates; the main component stops at the count still missing.
 */
export function monodromySolve(family: AffineFamily, options: MonodromyOptions = {}): MonodromyResult {
  const seed = options.seed ?? 0;
  const random = new Random(seed);
  const set = new CertifiedSet(new Certifier(family.ring, targetSystem(family)));
  const gamma = randomGamma(random);
  const expected = options.expected;
  const base = new MonodromyBase(family, random, options);
  const others = base.solveComponents();
  base.solveMain(expected === undefined ? Infinity : Math.max(1, expected - others));
  const runs = base.track(set, family.target, gamma);
  if (expected !== undefined && set.solutions.length < expected && base.stopped === 'count') {
    // solutions missing at the target although the base count was reached: the family may have more
    // solutions than the target (a generic count above the target's); a few more loops look for them
    const tracked = base.main.solutions.length;
    base.solveMain(Infinity, options.stagnant ?? 3);
    runs.push(...base.track(set, family.target, gamma, tracked, true));
  }
  const completion = expected !== undefined && set.solutions.length < expected ? completeAtInstance(family, set, expected, random, options) : undefined;
  return { ...numericalResult(set, runs, options, gamma, seed), monodromy: base.statistics(), ...(completion ? { completion } : {}) };
}

/**
 * Completes a set of certified solutions of the family at its target by monodromy based at the target
 * itself: the known solutions are the base solutions, loops through random values of the family's own
 * parameters carry them around, and every new solution at the base is a solution of the target
 * system, certified into `set` directly (no tracking to the instance). It stops when the set has
 * `expected` solutions, or when `stagnant` loops in a row found nothing. Loops never leave the
 * component of the incidence variety of the solutions they start from, so each component with a
 * missing solution must have a known one (a draw of a network: the tracked points of ./stationary.ts's
 * sweep, which reach every component).
 */
export function completeAtInstance(family: AffineFamily, set: CertifiedSet, expected: number, random: Random, options: MonodromyOptions = {}): CompletionStatistics {
  const before = set.solutions.length;
  const n = family.ring.nvars;
  if (before >= expected || before === 0 || family.directions.length === 0) return { before, found: 0, loops: 0, edgePaths: 0, edgeFailures: 0 };
  const solver = new MonodromySolver(family, random, options, { points: set.solutions.map((c) => c.center) });
  const x = new Float64Array(2 * n);
  let seen = solver.solutions.length;
  for (let attempt = 0; attempt < 8 && set.solutions.length < expected; attempt++) {
    const stopped = solver.run(solver.solutions.length + (expected - set.solutions.length), { ...options, stagnant: options.stagnant ?? 10 });
    for (const z of solver.solutions.slice(seen)) {
      const zr = z[0]!;
      const zi = z[1]!;
      const d = zr * zr + zi * zi;
      for (let i = 0; i < n; i++) {
        x[2 * i] = (z[2 * i + 2]! * zr + z[2 * i + 3]! * zi) / d;
        x[2 * i + 1] = (z[2 * i + 3]! * zr - z[2 * i + 2]! * zi) / d;
      }
      const c = set.certifier.certify(x);
      if (c) set.add(c, -1);
    }
    seen = solver.solutions.length;
    if (stopped !== 'count') break;
  }
  return { before, found: set.solutions.length - before, loops: solver.loopCount, edgePaths: solver.edgePaths, edgeFailures: solver.edgeFailures };
}

export interface SweepOptions extends MonodromyOptions {
  /** The generic number of solutions of the family (the main component stops there), when known. */
  readonly generic?: number;
  /** The exact count of each instance, when known (completeness of each). */
  readonly expectedAt?: readonly (number | undefined)[];
  /**
   * The family of instance i whose target is that instance (for `completeAtInstance` when the
   * parameter homotopy leaves it incomplete); default: the sweep's family with its target there.
   */
  readonly instanceFamily?: (i: number) => AffineFamily;
}

/**
 * Solves the family at many instances from one set of base solutions: monodromy once at generic
 * complex parameters (stopping at options.generic when the family's own parameters reach every
 * equation; else until it stagnates), then a certified parameter homotopy to each instance.
 */
export function parameterSweep(family: AffineFamily, instances: readonly (readonly Rat[])[], options: SweepOptions = {}): { results: NumericalSolveResult[]; monodromy: MonodromyStatistics } {
  const seed = options.seed ?? 0;
  const random = new Random(seed);
  const base = new MonodromyBase(family, random, options);
  const others = base.solveComponents();
  base.solveMain(options.generic !== undefined && !base.extended ? Math.max(1, options.generic - others) : Infinity);
  const results = instances.map((values, i) => {
    checkInterrupt(options.signal);
    options.onProgress?.({ stage: 'parameter homotopy', message: `instance ${i + 1} of ${instances.length}` });
    const set = new CertifiedSet(new Certifier(family.ring, familyAt(family, values)));
    const gamma = randomGamma(random);
    const runs = base.track(set, values, gamma);
    const expected = options.expectedAt?.[i];
    // fewer solutions than the instance's count (the family's generic count exceeds the instance's, and
    // paths from its extra solutions meet the instance near-singular): monodromy at the instance
    const completion = expected !== undefined && set.solutions.length < expected ? completeAtInstance(options.instanceFamily?.(i) ?? { ...family, target: values }, set, expected, random, options) : undefined;
    return { ...numericalResult(set, runs, { ...options, expected }, gamma, seed), ...(completion ? { completion } : {}) };
  });
  return { results, monodromy: base.statistics() };
}
