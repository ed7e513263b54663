// A worker thread of the path pool (./path-pool.ts). It receives, on the MessagePort handed over in
// workerData, requests { key, job (its homotopy data only the first time this worker sees the key),
// starts, index } and tracks the paths from the starts with the core's PathTrackingTask
// (src/math/numeric/path-runner.ts: the homotopy is built once per key, the job's path is set per
// request), replying { index, results } or { index, code, message } (a MathError keeps its code;
// anything else is 'internal'). After each reply it increments the shared counter `done` and
// notifies it, which is what the pool's blocked thread waits on. `abort` (shared) is the tracker's
// interrupt flag.
import { type MessagePort, workerData } from 'node:worker_threads';
import { type HomotopyData, MathError, type PathJob, type PathResult, PathTrackingTask } from '../lang/path-runner.js';

export interface PathWorkerData {
  readonly port: MessagePort;
  readonly done: Int32Array;
  readonly abort: Int32Array;
}

export interface PathRequest {
  /** The job without its homotopy data when this worker already has the key's. */
  readonly job: Omit<PathJob, 'homotopy'> & { readonly homotopy?: HomotopyData };
  readonly starts: Float64Array[];
  readonly index: number;
}

export type PathReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'paths'; readonly index: number; readonly results: PathResult[] }
  | { readonly kind: 'error'; readonly index: number; readonly code: string; readonly message: string };

const { port, done, abort } = workerData as PathWorkerData;
const signal = {
  get aborted(): boolean {
    return Atomics.load(abort, 0) !== 0;
  },
};
let current: { key: number; task: PathTrackingTask } | null = null;

function reply(message: PathReply): void {
  port.postMessage(message);
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
}

port.on('message', (request: PathRequest) => {
  try {
    const { job } = request;
    if (current?.key !== job.key) {
      if (!job.homotopy) throw new MathError('internal', `path worker: the homotopy of job ${job.key} was never sent`);
      current = { key: job.key, task: new PathTrackingTask(job.homotopy) };
    }
    const results = current.task.track(job as PathJob, request.starts, signal);
    reply({ kind: 'paths', index: request.index, results });
  } catch (e) {
    const code = e instanceof MathError ? e.code : 'internal';
    const message = e instanceof Error ? e.message : String(e);
    reply({ kind: 'error', index: request.index, code, message });
  }
});
reply({ kind: 'ready' });
