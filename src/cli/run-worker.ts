// The evaluator thread of `vdl run` (started by ./run-script.ts with its resource limits): installs
// the memory limit, runs the script (./execute-script.ts) with its output sent to the main thread as
// messages, records the running top-level statement in shared memory, and reports the exit code.
import { parentPort, workerData } from 'node:worker_threads';
import { installMemoryLimit } from '../node/memory.js';
import type { Command } from './args.js';
import { executeScript } from './execute-script.js';

export interface RunWorkerData {
  readonly command: Extract<Command, { name: 'run' }>;
  readonly script: { file: string; text: string };
  /** Int32 [start, end] offsets of the running top-level statement. */
  readonly statement: SharedArrayBuffer;
  /** The memory limit in bytes. */
  readonly memory: number;
  readonly stderrTTY: boolean;
  readonly columns: number | undefined;
}

export type RunWorkerMessage = { type: 'start' } | { type: 'out' | 'err'; text: string } | { type: 'done'; code: number };

if (parentPort) {
  const port = parentPort;
  const data = workerData as RunWorkerData;
  const post = (m: RunWorkerMessage) => port.postMessage(m);
  installMemoryLimit(data.memory);
  const statement = new Int32Array(data.statement);
  post({ type: 'start' });
  const code = executeScript(data.command, data.script, {
    out: { write: (text: string) => post({ type: 'out', text }) },
    err: { isTTY: data.stderrTTY, columns: data.columns, write: (text: string) => post({ type: 'err', text }) },
    onStatement: (span) => {
      statement[0] = span.startOffset;
      statement[1] = span.endOffset;
    },
  });
  post({ type: 'done', code });
}
