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
// A job may also carry the certifier's data (`certify`: the system and its Jacobian over QQ, and
// where the homotopy's unknowns sit among the system's): then the thread that tracks a path certifies
// its finite endpoint too (./endpoint.ts `certifyEndpoint`: Krawczyk in doubles, else in higher
// precision), and the result carries the certificate, so the certification runs on the workers with
// the tracking. A certificate does not depend on the thread that computed it.
//
// Contract of a runner: synchronous (the callers are synchronous kernels); it polls `signal` while
// it waits and then throws MathError('interrupted').
import { MathError } from '../errors.js';
import { checkInterrupt, type Interrupt } from '../progress.js';
import { type Homotopy, ProjectiveHomotopy, type ProjectiveHomotopyData } from './homotopy.js';
import { type CompiledFamilyData, FamilyCoefficients, ParameterHomotopy } from './parameter-homotopy.js';
import { PathTracker, type PathResult, type TrackerOptions } from './tracker.js';
import { Certifier, type CertifierData } from './krawczyk.js';
import { type EndpointCertificate, certifyEndpoint } from './endpoint.js';

/** The data of a homotopy a runner can build (on any thread). */
export type HomotopyData =
  | { readonly kind: 'projective'; readonly data: ProjectiveHomotopyData }
  | { readonly kind: 'parameter'; readonly family: CompiledFamilyData; readonly chart: Float64Array };

/** The certification of a job's endpoints: the certifier's data, and the homotopy's unknowns among the system's (see ./endpoint.ts). */
export interface CertifyData {
  readonly certifier: CertifierData;
  readonly kept?: readonly number[];
}

/** What the threads of a job build once: its homotopy, and the certifier of its endpoints when the job certifies. */
export interface PathJobData {
  readonly homotopy: HomotopyData;
  readonly certify?: CertifyData;
}

/** A path's result, with its endpoint's certificate when the job certifies and the path ended finite. */
export type PathOutcome = PathResult & { readonly certified?: EndpointCertificate };

/** The tracker's settings without the interrupt (which each thread supplies). */
export type TrackerSettings = Omit<TrackerOptions, 'signal'>;

export interface PathJob {
  /** Identifies `homotopy` (a new key for new data: `nextPathJobKey`). */
  readonly key: number;
  readonly homotopy: HomotopyData;
  /** When given, each finite endpoint is certified by the thread that tracked it (same key: same data). */
  readonly certify?: CertifyData;
  /** A parameter homotopy's path: from the parameter point a (t = 0) to b (t = 1) with γ. */
  readonly path?: { readonly a: Float64Array; readonly b: Float64Array; readonly gamma: readonly [number, number] };
  readonly settings: TrackerSettings;
  /** 'track': through the endgame; 'regular': to a regular endpoint, no endgame (loop edges). */
  readonly mode: 'track' | 'regular';
}

/** What a call asks of a job besides its data: the path, the settings and the mode. */
export type PathCall = Omit<PathJob, 'homotopy' | 'certify'>;

export interface PathRunner {
  /** Name for provenance notes ('sequential', '1 worker thread and the calling thread'). */
  readonly name: string;
  /** How many paths it tracks at once. */
  readonly parallelism: number;
  /** The paths from `starts` (each left unchanged), their results in the order of the starts (certified when the job says so). */
  track(job: PathJob, starts: readonly Float64Array[], options?: { readonly signal?: Interrupt }): PathOutcome[];
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

/** The certifiers built on this thread, per certifier data. */
const certifiers = new WeakMap<CertifierData, Certifier>();

/** The certifier of the data (built once per thread and data). */
function certifierOf(data: CertifierData): Certifier {
  let c = certifiers.get(data);
  if (!c) {
    c = new Certifier(data);
    certifiers.set(data, c);
  }
  return c;
}

/**
 * What tracks a job's paths on one thread: the homotopy built once, its path set per call; with
 * `certify`, each finite endpoint certified too. Used by the sequential runner and by each worker of a
 * pool, so both compute the same endpoints and certificates.
 */
export class PathTrackingTask {
  private readonly homotopy: ReturnType<typeof buildHomotopy>;
  private readonly trackers = new Map<string, PathTracker>();
  private readonly certifier: Certifier | null;
  private readonly kept: readonly number[] | undefined;

  constructor(data: HomotopyData, certify?: CertifyData) {
    this.homotopy = buildHomotopy(data);
    this.certifier = certify ? certifierOf(certify.certifier) : null;
    this.kept = certify?.kept;
  }

  track(job: PathCall, starts: readonly Float64Array[], signal?: Interrupt): PathOutcome[] {
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
    const n = this.homotopy.dim - 1;
    return starts.map((s) => {
      checkInterrupt(signal);
      const z = s.slice();
      const result = job.mode === 'track' ? tracker.track(z) : tracker.trackRegular(z);
      if (!this.certifier || result.status !== 'finite') return result;
      return { ...result, certified: certifyEndpoint(this.certifier, result.z, result.zLo, n, this.kept) };
    });
  }
}

/** Prepared tasks of the sequential runner, per homotopy data (and the certification it was prepared with). */
const prepared = new WeakMap<HomotopyData, { signal: Interrupt | undefined; certify: CertifyData | undefined; task: PathTrackingTask }>();

/** One path after the other, in the calling thread. */
export const sequentialPathRunner: PathRunner = {
  name: 'sequential',
  parallelism: 1,
  track(job, starts, options = {}) {
    let state = prepared.get(job.homotopy);
    // a tracker keeps the interrupt it was made with: a new signal needs a new task (and new certify data too)
    if (!state || state.signal !== options.signal || state.certify !== job.certify) {
      state = { signal: options.signal, certify: job.certify, task: new PathTrackingTask(job.homotopy, job.certify) };
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
