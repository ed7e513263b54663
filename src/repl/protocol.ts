// Messages between the REPL's UI thread and its evaluation worker (plain, structured-cloneable data).
import type { ProgressEvent } from '../math/progress.js';
import type { CompletionNames, Outcome } from './engine.js';

export interface WorkerData {
  readonly seed?: number | bigint;
  /** Int32Array over it; index 0 is the interrupt flag (1 = stop the running statement). */
  readonly interrupt: SharedArrayBuffer;
  /** The memory limit in bytes (src/node/memory.ts), when the REPL sets one. */
  readonly memory?: number;
}

export type Request = { readonly type: 'submit'; readonly id: number; readonly input: string };

export type Reply =
  | { readonly type: 'ready'; readonly names: CompletionNames; readonly scope: readonly string[] }
  | { readonly type: 'print'; readonly id: number; readonly line: string }
  | { readonly type: 'progress'; readonly id: number; readonly event: ProgressEvent }
  | { readonly type: 'done'; readonly id: number; readonly outcome: Outcome; readonly scope: readonly string[] };
