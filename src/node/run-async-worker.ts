// The thread of an asynchronous run (started by ./run-async.ts with its resource limits): installs the
// memory limit and the prime workers, runs the script with the library's `run` under the stop flag in
// shared memory, records the running top-level statement there, and posts prints, progress and the
// result. Imports go to the host's resolver synchronously: a request on the port, Atomics.wait until
// the host thread has answered, then receiveMessageOnPort.
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { ModuleResolver } from '../lang/modules.js';
import { run } from '../lang/run.js';
import { typedPrintJson } from '../lang/typed-json.js';
import { installMemoryLimit } from './memory.js';
import { installPrimeWorkers } from './prime-pool.js';
import type { ResolverRequest, RunAsyncMessage, RunAsyncWorkerData } from './run-async.js';

/** The least interval between two progress messages. */
const PROGRESS_INTERVAL_MS = 50;
let lastProgress = 0;

if (parentPort) {
  const port = parentPort;
  const data = workerData as RunAsyncWorkerData;
  const post = (m: RunAsyncMessage) => port.postMessage(m);
  installMemoryLimit(data.memory);
  installPrimeWorkers();
  const shared = new Int32Array(data.shared);
  const answered = new Int32Array(data.answered);
  const ask = (request: ResolverRequest): never => {
    Atomics.store(answered, 0, 0);
    data.port.postMessage(request);
    // Woken by the host thread once it has answered (it is free: the run is asynchronous there).
    Atomics.wait(answered, 0, 0);
    return receiveMessageOnPort(data.port)!.message as never;
  };
  const resolver: ModuleResolver | undefined = data.hostResolver
    ? { locate: (spec, importer) => ask({ op: 'locate', spec, importer }), read: (location) => ask({ op: 'read', location: { id: location.id, name: location.name } }) }
    : undefined;
  post({ type: 'start' });
  const result = run(data.source, {
    file: data.file,
    resolver,
    seed: data.seed,
    skipCheck: data.skipCheck,
    debug: data.debug,
    signal: { get aborted() { return Atomics.load(shared, 0) !== 0; } },
    onProgress: (event) => {
      // At most one progress message per interval: a host shows the latest anyway.
      const now = Date.now();
      if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
      lastProgress = now;
      post({ type: 'progress', event: { ...event } });
    },
    onPrint: (record) => post({ type: 'print', print: { text: record.text, json: record.json, typed: typedPrintJson(record), span: record.span } }),
    onStatement: (span) => {
      shared[1] = span.startOffset;
      shared[2] = span.endOffset;
    },
  });
  post({ type: 'done', result: { ok: result.ok, prints: [], diagnostics: result.diagnostics, sources: result.sources } });
}
