// A worker thread of the path pool (./path-pool.ts), served by ./pool-worker.ts: a job is a
// homotopy's data (and the certifier's, when the job certifies its endpoints), built once into the
// core's PathTrackingTask (src/math/numeric/path-runner.ts); a task is a piece of start points with
// the call's path, settings and mode, and the reply is their results (with the certificates of the
// finite endpoints) in the order of the starts.
import { type PathCall, type PathJobData, type PathOutcome, PathTrackingTask } from '../lang/path-runner.js';
import { serveTasks } from './pool-worker.js';

/** A piece of a call: its start points (the first is start `from` of the call). */
export interface PathTask {
  readonly call: PathCall;
  readonly from: number;
  readonly starts: readonly Float64Array[];
}

serveTasks<PathJobData, PathTask, PathTrackingTask, PathOutcome[]>({
  prepare: (job) => new PathTrackingTask(job.homotopy, job.certify),
  run: (tracking, task, signal) => tracking.track(task.call, task.starts, signal),
});
