// Where the paths of a homotopy are tracked: the "path runner". Paths are independent of one another
// (each starts from its own start point and the tracker keeps no state between paths), so a batch of
// them can be tracked on several threads; the callers (./solve-numerical.ts `trackAndCertify`, the
// loop edges of ./monodromy.ts) then read the endpoints in the order of the starts, so the results do
// not depend on the runner. The core tracks them one after the other in the calling thread
// (`sequentialPathRunner`, also what browsers get); a Node host installs a pool of worker threads
// (src/node/path-pool.ts) with `setDefaultPathRunner`. The same jobs are the unit of work for
// running beyond one machine.
//
// Representation: a job is plain data (typed arrays and numbers: posted to a worker as it is, by
// structured clone): the homotopy's data (`HomotopyData`: a projective homotopy from a total-degree or linear-product start, or a compiled
// parameter family with its chart), for a parameter homotopy the path (a → b with γ), the tracker's
// settings and the mode (`track`: through the endgame, ./tracker.ts `track`; `regular`: to a generic
// parameter point without endgame, `trackRegular`). `key` identifies the homotopy's data, so a worker
// builds the homotopy once per key and only sets the path of each batch. Start points are projective
// points on the chart (interleaved re/im); the results are `PathResult`s, one per start, in order.
//
// Contract of a runner: synchronous (the callers are synchronous kernels); it polls `signal` while
// it waits and then throws MathError('interrupted').
import { MathError } from '../errors.js';
import { checkInterrupt, type Interrupt } from '../progress.js';
import { type Homotopy, ProjectiveHomotopy, type ProjectiveHomotopyData } from './homotopy.js';
import { type CompiledFamilyData, FamilyCoefficients, ParameterHomotopy } from './parameter-homotopy.js';
import { PathTracker, type PathResult, type TrackerOptions } from './tracker.js';

/** The data of a homotopy a runner can build (on any thread). */
export type HomotopyData =
  | { readonly kind: 'projective'; readonly data: ProjectiveHomotopyData }
  | { readonly kind: 'parameter'; readonly family: CompiledFamilyData; readonly chart: Float64Array };

/** The tracker's settings without the interrupt (which each thread supplies). */
export type TrackerSettings = Omit<TrackerOptions, 'signal'>;

export interface PathJob {
  /** Identifies `homotopy` (a new key for new data: `nextPathJobKey`). */
  readonly key: number;
  readonly homotopy: HomotopyData;
  /** A parameter homotopy's path: from the parameter point a (t = 0) to b (t = 1) with γ. */
  readonly path?: { readonly a: Float64Array; readonly b: Float64Array; readonly gamma: readonly [number, number] };
  readonly settings: TrackerSettings;
  /** 'track': through the endgame; 'regular': to a regular endpoint, no endgame (loop edges). */
  readonly mode: 'track' | 'regular';
}

/** What a call asks of a job's homotopy besides its data: the path, the settings and the mode. */
export type PathCall = Omit<PathJob, 'homotopy'>;

export interface PathRunner {
  /** Name for provenance notes ('sequential', '1 worker thread and the calling thread'). */
  readonly name: string;
  /** How many paths it tracks at once. */
  readonly parallelism: number;
  /** The paths from `starts` (each left unchanged), their results in the order of the starts. */
  track(job: PathJob, starts: readonly Float64Array[], options?: { readonly signal?: Interrupt }): PathResult[];
}

let keys = 0;

/** A fresh key for a job's homotopy data. */
export function nextPathJobKey(): number {
  return ++keys;
}

/** The homotopy of a job's data. */
export function buildHomotopy(data: HomotopyData): Homotopy & { setPath?: ParameterHomotopy['setPath'] } {
  if (data.kind === 'projective') return new ProjectiveHomotopy(data.data);
  return new ParameterHomotopy(new FamilyCoefficients(data.family), data.chart);
}

/**
 * What tracks a job's paths on one thread: the homotopy built once, its path set per call. Used by
 * the sequential runner and by each worker of a pool, so both compute the same endpoints.
 */
export class PathTrackingTask {
  private readonly homotopy: ReturnType<typeof buildHomotopy>;
  private readonly trackers = new Map<string, PathTracker>();

  constructor(data: HomotopyData) {
    this.homotopy = buildHomotopy(data);
  }

  track(job: PathCall, starts: readonly Float64Array[], signal?: Interrupt): PathResult[] {
    if (job.path) {
      if (!this.homotopy.setPath) throw new MathError('internal', 'a path was given for a total-degree homotopy');
      this.homotopy.setPath(job.path.a, job.path.b, job.path.gamma);
    }
    const id = JSON.stringify(job.settings);
    let tracker = this.trackers.get(id);
    if (!tracker) {
      tracker = new PathTracker(this.homotopy, { ...job.settings, signal });
      this.trackers.set(id, tracker);
    }
    return starts.map((s) => {
      checkInterrupt(signal);
      const z = s.slice();
      return job.mode === 'track' ? tracker.track(z) : tracker.trackRegular(z);
    });
  }
}

/** Prepared tasks of the sequential runner, per homotopy data. */
const prepared = new WeakMap<HomotopyData, { signal: Interrupt | undefined; task: PathTrackingTask }>();

/** One path after the other, in the calling thread. */
export const sequentialPathRunner: PathRunner = {
  name: 'sequential',
  parallelism: 1,
  track(job, starts, options = {}) {
    let state = prepared.get(job.homotopy);
    // a tracker keeps the interrupt it was made with: a new signal needs a new task
    if (!state || state.signal !== options.signal) {
      state = { signal: options.signal, task: new PathTrackingTask(job.homotopy) };
      prepared.set(job.homotopy, state);
    }
    return state.task.track(job, starts, options.signal);
  },
};

let current: PathRunner = sequentialPathRunner;

/** The runner used when a computation is not given one. */
export function defaultPathRunner(): PathRunner {
  return current;
}

/** Installs the default runner (a Node host: a worker pool); returns the previous one. */
export function setDefaultPathRunner(runner: PathRunner): PathRunner {
  const previous = current;
  current = runner;
  return previous;
}
