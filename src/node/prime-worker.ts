// A worker thread of the prime pool (./prime-pool.ts). It receives, on the MessagePort handed over in
// workerData, requests { key, job?, p, index } (the job itself only the first time this worker sees
// it: it is prepared once and kept until the next job arrives), computes the image at p with the
// core's PRIME_TASKS (src/math/zerodim/prime-tasks.ts), and replies { index, image } or
// { index, error: { code, message } } (a MathError keeps its code; anything else is 'internal').
// After each reply it increments the shared counter `done` and notifies it, which is what the pool's
// blocked thread waits on. `abort` (shared) is the kernels' interrupt flag.
// Signs of life for the pool's dead-worker detection: every poll of the interrupt flag by a kernel
// increments `beats[slot]` (a heartbeat that stops when the thread dies, hangs or is out of memory),
// and when the thread exits (process.exit, an uncaught error) its 'exit' handler stores 1 + the exit
// code in `exits[slot]` and wakes the pool. Both are shared Int32Arrays, one entry per worker.
import { type MessagePort, workerData } from 'node:worker_threads';
import { MathError, PRIME_TASKS, type PreparedTask, type PrimeImage, type PrimeJob } from '../lang/prime-runner.js';

export interface PrimeWorkerData {
  readonly port: MessagePort;
  readonly done: Int32Array;
  readonly abort: Int32Array;
  /** This worker's entry in `beats` and `exits`. */
  readonly slot: number;
  readonly beats: Int32Array;
  readonly exits: Int32Array;
}

export interface PrimeRequest {
  readonly key: number;
  readonly job?: PrimeJob;
  readonly p: number;
  readonly index: number;
}

export type PrimeReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'image'; readonly index: number; readonly image: PrimeImage }
  | { readonly kind: 'error'; readonly index: number; readonly code: string; readonly message: string };

const { port, done, abort, slot, beats, exits } = workerData as PrimeWorkerData;
const signal = {
  get aborted(): boolean {
    Atomics.add(beats, slot, 1);
    return Atomics.load(abort, 0) !== 0;
  },
};
process.on('exit', (code) => {
  Atomics.store(exits, slot, 1 + code);
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
});
let current: { key: number; task: PreparedTask } | null = null;

function reply(message: PrimeReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(done, 0, 1);
  Atomics.notify(done, 0);
}

port.on('message', (request: PrimeRequest) => {
  try {
    if (current?.key !== request.key) {
      if (!request.job) throw new MathError('internal', `prime worker: job ${request.key} was never sent`);
      current = { key: request.key, task: PRIME_TASKS[request.job.task](request.job.setup, signal) };
    }
    const image = current.task.image(request.p, signal);
    reply({ kind: 'image', index: request.index, image }, image.image ? [image.image.buffer as ArrayBuffer] : []);
  } catch (e) {
    const code = e instanceof MathError ? e.code : 'internal';
    const message = e instanceof Error ? e.message : String(e);
    reply({ kind: 'error', index: request.index, code, message });
  }
});
reply({ kind: 'ready' });
