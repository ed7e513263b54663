// A worker thread of the path pool (./path-pool.ts), served by ./pool-worker.ts: a job is a
// homotopy's data, built once into the core's PathTrackingTask (src/math/numeric/path-runner.ts); a
// task is a piece of start points with the call's path, settings and mode, and the reply is their
// PathResults in the order of the starts.
import { type HomotopyData, type PathCall, type PathResult, PathTrackingTask } from '../lang/path-runner.js';
import { serveTasks } from './pool-worker.js';

/** A piece of a call: its start points (the first is start `from` of the call). */
export interface PathTask {
  readonly call: PathCall;
  readonly from: number;
  readonly starts: readonly Float64Array[];
}

serveTasks<HomotopyData, PathTask, PathTrackingTask, PathResult[]>({
  prepare: (homotopy) => new PathTrackingTask(homotopy),
  run: (tracking, task, signal) => tracking.track(task.call, task.starts, signal),
});
