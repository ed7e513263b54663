// Monodromy solving of an affine parameter family, then a certified parameter homotopy to the
// instance asked, complete by the exact count.
//
// Representation: the solutions at generic complex parameters are grown by monodromy loops
// (./monodromy-loops.ts), one base point per component of the incidence variety (the main one and
// one per invariant coordinate subspace, ./family.ts). Then they are tracked to the target q* by the
// parameter homotopy with the full endgame (./tracker.ts), each finite endpoint certified by Krawczyk
// and distinctness proved by disjoint boxes (./solve-numerical.ts, `trackAndCertify`): for q₀ generic
// every isolated solution at q* is the end of a path from a solution at q₀ (Morgan and Sommese 1989).
// The result is complete when the distinct certified solutions at q* are as many as `expected` (the
// exact count of the caller). When the base count was reached but the target is incomplete (the
// generic count of the family exceeds the target's), the monodromy goes on until it stagnates, and
// the new solutions are tracked too. An instance still short of its count is completed by the
// fallbacks of ./instance-completion.ts, the first of them here (`MonodromyBase.detour`: the lost
// paths again, through a random complex intermediate instance q* ← q_c ← q₀, two segments that avoid
// the real discriminant walls a straight path may graze).
import { checkInterrupt } from '../progress.js';
import { Random } from '../random.js';
import type { Rat } from '../field.js';
import { type AffineFamily, familyAt, invariantSubspaces, restrictFamily, targetSystem } from './family.js';
import { Certifier } from './krawczyk.js';
import { type CompletionOptions, completeInstance } from './instance-completion.js';
import { type MonodromyOptions, MonodromySolver } from './monodromy-loops.js';
import { randomGamma } from './parameter-homotopy.js';
import { CertifiedSet, type CompletionStatistics, type CompletionStep, type NumericalSolveResult, type TrackingRun, numericalResult, trackAndCertify } from './solve-numerical.js';

export type { CompletionStatistics, MonodromyOptions };
export { MonodromySolver };

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



/** A parameter homotopy run of one component to an instance: the run, the component, its start points and the instance's parameter point. */
export interface TrackedRun {
  readonly run: TrackingRun;
  readonly component: Component;
  readonly starts: readonly Float64Array[];
  readonly target: Float64Array;
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
    private readonly options: CompletionOptions = {},
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
   * `mainOnly`) to the instance `values` of the family's parameters, certifying into `set`. With the
   * instance's count `expected`, the lost paths are tracked again while solutions are missing (the
   * rounds of `trackAndCertify`): each other component expects at most one solution per base solution,
   * the main one (tracked last) the rest of the count.
   */
  track(set: CertifiedSet, values: readonly Rat[], gamma: readonly [number, number], from = 0, mainOnly = false, expected = this.options.expected): TrackedRun[] {
    const runs: TrackedRun[] = [];
    const all: Component[] = mainOnly ? [] : [...this.components];
    all.push({ solver: this.main, kept: null, params: null });
    if (!mainOnly && this.origin) {
      const c = set.certifier.certify(new Float64Array(2 * this.n));
      if (c) set.add(c, -1);
    }
    for (const component of all) {
      const { solver, kept, params } = component;
      const starts = solver.solutions.slice(solver === this.main ? from : 0);
      if (starts.length === 0) continue;
      const target = solver.compiled.point(params ? params.map((k) => values[k]!) : values);
      const expect = expected === undefined ? {} : { expected: solver === this.main ? expected : Math.min(expected, set.solutions.length + starts.length) };
      const run = trackAndCertify(set, { homotopy: solver.homotopyData, path: { a: solver.base, b: target, gamma } }, starts.length, (k, z) => z.set(starts[k]!), { ...this.options, ...expect, stage: 'parameter homotopy', ...(kept ? { kept } : {}) });
      runs.push({ run, component, starts, target });
    }
    return runs;
  }

  /**
   * The first fallback of ./instance-completion.ts: the paths of each component of `runs` that lost
   * some (paths that did not end at a new certified solution: failed, at infinity, duplicates,
   * uncertified) tracked again, all of that component's, in two segments: from the base point to a
   * random complex parameter point q_c (no endgame: q_c is generic) and from q_c to the instance (the
   * certified parameter homotopy with its rounds), each with a fresh γ. A straight path from q₀ may pass
   * close to the discriminant near the instance; the detour meets other parts of it. The detour
   * composed with the straight path back is a monodromy loop, which permutes the component's solutions:
   * so all its paths are tracked again, not only the lost ones (whose detours may end at solutions
   * already found while others end at the missing ones).
   */
  detour(set: CertifiedSet, runs: readonly TrackedRun[], expected: number): CompletionStep {
    const before = set.solutions.length;
    let paths = 0;
    let failures = 0;
    let undecided = 0;
    for (const { run, component, starts, target } of runs) {
      if (set.solutions.length >= expected) break;
      if (run.status.every((s) => s === 'finite')) continue;
      const { solver, kept } = component;
      const middle = solver.randomPoint(1);
      const ends = solver.carry(starts, solver.base, middle, randomGamma(this.random));
      const arrived = ends.filter((z): z is Float64Array => z !== null);
      paths += starts.length;
      failures += starts.length - arrived.length;
      if (arrived.length === 0) continue;
      const expect = solver === this.main ? expected : Math.min(expected, set.solutions.length + arrived.length);
      const second = trackAndCertify(set, { homotopy: solver.homotopyData, path: { a: middle, b: target, gamma: randomGamma(this.random) } }, arrived.length, (k, z) => z.set(arrived[k]!), {
        ...this.options,
        expected: expect,
        stage: 'detour',
        ...(kept ? { kept } : {}),
      });
      undecided += second.status.filter((s) => s === 'undecided').length;
      failures += second.status.filter((s) => s === 'failed' || s === 'singular' || s === 'uncertified').length;
    }
    return { method: 'detour', paths, found: set.solutions.length - before, undecided, failures };
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
export function monodromySolve(family: AffineFamily, options: CompletionOptions = {}): MonodromyResult {
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
  const completion = expected !== undefined && set.solutions.length < expected ? completeInstance(family, set, expected, random, options, () => base.detour(set, runs, expected)) : undefined;
  return { ...numericalResult(set, runs.map((r) => r.run), options, gamma, seed, completion), monodromy: base.statistics() };
}


export interface SweepOptions extends CompletionOptions {
  /** The generic number of solutions of the family (the main component stops there), when known. */
  readonly generic?: number;
  /** The exact count of each instance, when known (completeness of each). */
  readonly expectedAt?: readonly (number | undefined)[];
  /**
   * The family of instance i whose target is that instance (for the completion of ./instance-completion.ts
   * when the parameter homotopy leaves it incomplete); default: the sweep's family with its target there.
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
    const expected = options.expectedAt?.[i];
    const runs = base.track(set, values, gamma, 0, false, expected);
    // fewer solutions than the instance's count (lost paths; or the family's generic count exceeds the
    // instance's, and paths from its extra solutions meet the instance near-singular): the fallbacks
    const completion =
      expected !== undefined && set.solutions.length < expected
        ? completeInstance(options.instanceFamily?.(i) ?? { ...family, target: values }, set, expected, random, options, () => base.detour(set, runs, expected))
        : undefined;
    return numericalResult(set, runs.map((r) => r.run), { ...options, expected }, gamma, seed, completion);
  });
  return { results, monodromy: base.statistics() };
}
