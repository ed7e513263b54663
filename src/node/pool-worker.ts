// The worker side of ./worker-pool.ts: `serveTasks` answers the pool's requests on the MessagePort
// handed over in workerData. A request is { key, job?, task, index } (the job only the first time
// this worker meets its key: it is prepared once and kept until a job with another key arrives); the
// reply is { kind: 'result', index, result } (typed arrays the handler names are transferred, not
// copied) or { kind: 'error', index, code, message } (a MathError keeps its code; anything else is
// 'internal'). After each reply the worker increments the shared counter `done` and notifies it,
// which is what the pool's blocked thread waits on.
// Signs of life for the pool's dead-worker detection: every poll of the interrupt (the shared stop
// flag `abort`) by a kernel increments `beats[slot]` (a heartbeat that stops when the thread dies,
// hangs or is out of memory); the exit flag `exits[slot]` is set by the bootstrap of ./worker-pool.ts
// (its 'exit' handler, installed before this script is loaded).
import { type MessagePort, workerData } from 'node:worker_threads';
import { MathError } from '../lang/prime-runner.js';

export interface PoolWorkerData {
  readonly port: MessagePort;
  readonly done: Int32Array;
  readonly abort: Int32Array;
  /** This worker's entry in `beats` and `exits`. */
  readonly slot: number;
  readonly beats: Int32Array;
  readonly exits: Int32Array;
}

export interface TaskRequest<J, T> {
  readonly key: number;
  readonly job?: J;
  readonly task: T;
  readonly index: number;
}

export type TaskReply<R> =
  | { readonly kind: 'ready' }
  | { readonly kind: 'result'; readonly index: number; readonly result: R }
  | { readonly kind: 'error'; readonly index: number; readonly code: string; readonly message: string };

/** The interrupt a worker's kernels poll: the pool's stop flag, with a heartbeat at each poll. */
export interface WorkerSignal {
  readonly aborted: boolean;
}

export interface TaskHandlers<J, T, P, R> {
  /** Prepares a job once (under the interrupt: a long preparation can be stopped). */
  prepare(job: J, signal: WorkerSignal): P;
  /** Runs one task of a prepared job. */
  run(prepared: P, task: T, signal: WorkerSignal): R;
  /** The buffers of a result to transfer instead of copying (default none). */
  transfer?(result: R): ArrayBuffer[];
}

/** Serves the pool's requests with `handlers` (call once, at the top of a worker script). */
export function serveTasks<J, T, P, R>(handlers: TaskHandlers<J, T, P, R>): void {
  const { port, done, abort, slot, beats } = workerData as PoolWorkerData;
  const signal: WorkerSignal = {
    get aborted(): boolean {
      Atomics.add(beats, slot, 1);
      return Atomics.load(abort, 0) !== 0;
    },
  };
  const reply = (message: TaskReply<R>, transfer: ArrayBuffer[] = []): void => {
    port.postMessage(message, transfer);
    Atomics.add(done, 0, 1);
    Atomics.notify(done, 0);
  };
  let current: { key: number; prepared: P } | null = null;
  port.on('message', (request: TaskRequest<J, T>) => {
    try {
      if (current?.key !== request.key) {
        if (request.job === undefined) throw new MathError('internal', `worker: job ${request.key} was never sent`);
        current = { key: request.key, prepared: handlers.prepare(request.job, signal) };
      }
      const result = handlers.run(current.prepared, request.task, signal);
      reply({ kind: 'result', index: request.index, result }, handlers.transfer?.(result) ?? []);
    } catch (e) {
      const code = e instanceof MathError ? e.code : 'internal';
      const message = e instanceof Error ? e.message : String(e);
      reply({ kind: 'error', index: request.index, code, message });
    }
  });
  reply({ kind: 'ready' });
}
