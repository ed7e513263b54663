// What a host may install under the language for numerical path tracking: the path runner
// (src/math/numeric/path-runner.ts), and what a worker of such a runner needs (the per-thread task,
// the job types, MathError). The Node worker pool (src/node/path-pool.ts) is the one host code here.
export { MathError } from '../math/errors.js';
export {
  type CertifyData,
  type HomotopyData,
  type PathCall,
  type PathJob,
  type PathJobData,
  type PathOutcome,
  type PathRunner,
  PathTrackingTask,
  defaultPathRunner,
  sequentialPathRunner,
  setDefaultPathRunner,
} from '../math/numeric/path-runner.js';
export type { PathResult } from '../math/numeric/tracker.js';
