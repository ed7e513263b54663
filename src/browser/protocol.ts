// Messages between a host page and the vdl evaluation worker (src/browser/worker.ts): plain,
// structured-cloneable data, so that the same protocol crosses a Web Worker, a worker thread or a
// MessageChannel. One request runs one whole script in a fresh interpreter (a playground run); the
// interrupt is a SharedArrayBuffer word the worker polls (Atomics.load), because a busy worker cannot
// receive a message while a synchronous kernel runs.
import type { ProgressEvent } from '../math/progress.js';
import type { Diagnostic } from '../lang/diagnostics.js';

export interface RunRequest {
  readonly type: 'run';
  readonly id: number;
  readonly source: string;
  /** The file name diagnostics show (default `<input>`). */
  readonly file?: string;
  readonly seed?: number;
  /**
   * Int32Array over it; index 0 holds the id of the run to stop. Absent where shared memory is not
   * available (a page that is not cross-origin isolated): the client then stops a run by terminating
   * the worker and starting a fresh one.
   */
  readonly interrupt?: SharedArrayBuffer;
}

/** One `print` statement, in every form a host may show. */
export interface PrintedLine {
  /** The line `print` shows (values joined by ", "). */
  readonly text: string;
  /** The same values as LaTeX (src/lang/print.ts `toLatex`), joined by ", ". */
  readonly latex: string;
  /** How each computed value was obtained (describeProvenance), for the values that record it. */
  readonly how: readonly string[];
  /** The SVG documents of the plots among the values (src/lang/plot-svg.ts), in order. */
  readonly plots: readonly string[];
  readonly line: number;
}

export type WorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'print'; readonly id: number; readonly print: PrintedLine }
  | { readonly type: 'progress'; readonly id: number; readonly event: ProgressEvent; readonly text: string }
  | {
      readonly type: 'done';
      readonly id: number;
      readonly ok: boolean;
      readonly diagnostics: readonly Diagnostic[];
      /** The diagnostics as text: `file:line:col: error: message`, the source line and a caret. */
      readonly errorText: string;
      readonly interrupted: boolean;
      readonly seconds: number;
    };

/** What the worker needs of its host scope: a Web Worker's `self`, or an adapter over a port. */
export interface PortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}
