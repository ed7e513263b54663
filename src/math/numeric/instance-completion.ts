// Completion of the certified solutions of one instance of a family when the parameter homotopy to it
// left solutions missing (fewer distinct certified solutions than the instance's exact count).
//
// Representation: the instance's `CertifiedSet` (./solve-numerical.ts: Krawczyk boxes, pairwise
// disjoint) is grown in place by fallbacks tried in order while solutions are missing, each recorded
// as a `CompletionStep` (paths tracked, solutions found) in the result's `completion`:
// 1. 'detour' (run by the caller, ./monodromy.ts `MonodromyBase.detour`): the lost paths of the
//    parameter homotopy tracked again through a random complex intermediate instance.
// 2. 'monodromy' (`completeAtInstance`): monodromy based at the instance itself (./monodromy-loops.ts):
//    the certified solutions are the base solutions, loops through random complex values of the
//    instance family's own parameters carry them around, and every new point back at the instance is
//    certified directly (Krawczyk in doubles, else in higher precision: ./endpoint.ts). Loops never
//    leave the component of the incidence variety of the solutions they start from, so each component
//    with a missing solution must have a known one. When the loops stagnate, fresh loops are tried with
//    a new chart and new random points (`rounds`), as Duff et al. recommend for a stalled monodromy
//    (IMA J. Numer. Anal. 39, 2019, §4).
// 3. 'start-system': a homotopy from a start system at the instance itself (./solve-numerical.ts,
//    `solveNumerical`, the multihomogeneous start when it cuts the paths), whose certified endpoints are
//    merged into the set; it reaches every isolated solution for a generic γ (Morgan and Sommese 1987),
//    whatever the family's components. It runs only when its path count is at most `startPaths`.
// Distinctness is proved as everywhere by disjoint certified boxes: a certified point whose box meets a
// known one without either enclosure inside the other's box is counted `undecided`, and the result is
// then not certified.
import { MathError } from '../errors.js';
import type { Random } from '../random.js';
import { type AffineFamily, targetSystem } from './family.js';
import { certifyEndpoint } from './endpoint.js';
import { type MonodromyOptions, MonodromySolver } from './monodromy-loops.js';
import { type CertifiedSet, type CompletionStatistics, type CompletionStep, solveNumerical } from './solve-numerical.js';

export interface CompletionOptions extends MonodromyOptions {
  /** Rounds of fresh monodromy loops at the instance, each until it stagnates (default 3). */
  readonly rounds?: number;
  /** Most paths of the start-system fallback (default 20,000); above, it is not tried. */
  readonly startPaths?: number;
}

/** What monodromy at the instance did (`completeAtInstance`). */
export interface InstanceMonodromy {
  /** Solutions certified before. */
  readonly before: number;
  /** New solutions certified by the loops. */
  readonly found: number;
  readonly loops: number;
  readonly edgePaths: number;
  readonly edgeFailures: number;
  /** New certified points whose distinctness from a known one was undecided. */
  readonly undecided: number;
}

/**
 * Completes a set of certified solutions of the family at its target by monodromy based at the target
 * itself (step 2 of the header). It stops when the set has `expected` solutions, or when `rounds`
 * rounds of loops (each with its own chart and random points, seeded by every certified solution
 * known) stagnated after `stagnant` loops in a row without a new point (default 10).
 */
export function completeAtInstance(family: AffineFamily, set: CertifiedSet, expected: number, random: Random, options: CompletionOptions = {}): InstanceMonodromy {
  const before = set.solutions.length;
  const n = family.ring.nvars;
  let loops = 0;
  let edgePaths = 0;
  let edgeFailures = 0;
  let undecided = 0;
  if (before >= expected || before === 0 || family.directions.length === 0) return { before, found: 0, loops, edgePaths, edgeFailures, undecided };
  const rounds = options.rounds ?? 3;
  for (let round = 0; round < rounds && set.solutions.length < expected; round++) {
    const solver = new MonodromySolver(family, random, options, { points: set.solutions.map((c) => c.center) });
    let seen = solver.solutions.length;
    // the solver's count stops short of `expected` when a new point is not certified or not distinct: run on then
    for (let attempt = 0; attempt < 8 && set.solutions.length < expected; attempt++) {
      const stopped = solver.run(solver.solutions.length + (expected - set.solutions.length), { ...options, stagnant: options.stagnant ?? 10 });
      for (const z of solver.solutions.slice(seen)) {
        const c = certifyEndpoint(set.certifier, z, undefined, n).certificate;
        if (!c) continue;
        if (set.add(c, -1) === 'undecided') undecided++;
      }
      seen = solver.solutions.length;
      if (stopped !== 'count') break;
    }
    loops += solver.loopCount;
    edgePaths += solver.edgePaths;
    edgeFailures += solver.edgeFailures;
  }
  return { before, found: set.solutions.length - before, loops, edgePaths, edgeFailures, undecided };
}

/**
 * Completes the set by a homotopy from a start system at the instance (step 3 of the header): the
 * certified solutions of `solveNumerical` on the instance's system merged into the set. Null when the
 * start system has more than `maxPaths` paths (not tried).
 */
export function completeByStartSystem(family: AffineFamily, set: CertifiedSet, expected: number, random: Random, options: CompletionOptions = {}): CompletionStep | null {
  const before = set.solutions.length;
  let solved;
  try {
    solved = solveNumerical(family.ring, targetSystem(family), {
      seed: random.nextUint32(),
      expected,
      maxPaths: options.startPaths ?? 20000,
      ...(options.runner ? { runner: options.runner } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } catch (e) {
    if (e instanceof MathError && e.code === 'too-many-paths') return null;
    throw e;
  }
  let undecided = 0;
  for (const c of solved.solutions) if (set.add(c, -1) === 'undecided') undecided++;
  const start = solved.start!;
  return { method: 'start-system', paths: solved.statistics.paths, found: set.solutions.length - before, undecided, start: start.kind, failures: solved.statistics.failed + solved.statistics.uncertified + solved.statistics.singular };
}

/**
 * Completes the certified set of an instance (`family` at its target) missing solutions: the caller's
 * detour first (step 1 of the header, when given), then monodromy at the instance, then a start system
 * at the instance, each only while solutions are missing.
 */
export function completeInstance(
  family: AffineFamily,
  set: CertifiedSet,
  expected: number,
  random: Random,
  options: CompletionOptions = {},
  detour?: () => CompletionStep,
): CompletionStatistics {
  const before = set.solutions.length;
  const steps: CompletionStep[] = [];
  const missing = () => set.solutions.length < expected;
  if (detour && missing()) steps.push(detour());
  if (missing() && set.solutions.length > 0 && family.directions.length > 0) {
    const m = completeAtInstance(family, set, expected, random, options);
    steps.push({ method: 'monodromy', paths: m.edgePaths, found: m.found, undecided: m.undecided, loops: m.loops, failures: m.edgeFailures });
  }
  if (missing()) {
    const s = completeByStartSystem(family, set, expected, random, options);
    if (s) steps.push(s);
  }
  return { before, found: set.solutions.length - before, steps, undecided: steps.reduce((a, s) => a + s.undecided, 0) };
}
