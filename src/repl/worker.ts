// The evaluation worker: one ReplEngine (one Session) per REPL, in its own thread, so that a long
// synchronous computation never blocks the terminal UI. Interruption cannot be a message (the worker's
// event loop is busy running the statement), so the UI writes into shared memory, and the Session's
// signal reads it with Atomics.load; the evaluator checks it between statements and the kernels poll it.
// Progress events and prints are posted as they happen (postMessage does not need the event loop).
import { parentPort, workerData } from 'node:worker_threads';
import { installMemoryLimit } from '../node/memory.js';
import { ReplEngine, completionNames } from './engine.js';
import type { Reply, Request, WorkerData } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('src/repl/worker.ts must run in a worker thread');
const data = workerData as WorkerData;
const flag = new Int32Array(data.interrupt);
if (data.memory !== undefined) installMemoryLimit(data.memory);
const post = (reply: Reply) => port.postMessage(reply);

let current = 0;
/** At most one progress message per interval: the UI shows only the latest anyway. */
const PROGRESS_INTERVAL_MS = 50;
let lastProgress = 0;

const engine = new ReplEngine({
  seed: data.seed,
  // The UI stores the id of the request to stop, so a Ctrl-C that arrives after its statement has
  // finished cannot stop the next one, and nothing needs resetting.
  signal: { get aborted() { return Atomics.load(flag, 0) === current; } },
  onProgress: (event) => {
    const now = Date.now();
    if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
    lastProgress = now;
    post({ type: 'progress', id: current, event: { ...event } });
  },
  onPrint: (line) => post({ type: 'print', id: current, line }),
});

port.on('message', (request: Request) => {
  if (request.type !== 'submit') return;
  current = request.id;
  lastProgress = 0;
  const outcome = engine.submit(request.input);
  post({ type: 'done', id: request.id, outcome, scope: engine.names() });
});

post({ type: 'ready', names: completionNames(), scope: engine.names() });
