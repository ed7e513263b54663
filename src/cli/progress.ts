// Progress of `vdl run` on standard error. Three behaviours:
// - `--verbose`: a log line per event, `[1.2s] modular, prime 3 (p = 4194287)`, and `done in 1.234 s`;
// - standard error is a terminal (and no --verbose): one status line, redrawn in place at most ten
//   times a second (carriage return and erase-line), shown only once a run has lasted 0.3 s,
//   cleared before each printed line (which goes to standard output, often the same terminal) and
//   redrawn after it, and cleared at the end;
// - otherwise (a pipe, a file, CI): nothing, so that logs stay clean.
// The text of an event is describeProgress (src/lang/progress-text.ts), shared with the REPL.
import { describeProgress } from '../lang/progress-text.js';
import type { ProgressEvent } from '../math/progress.js';

/** What the reporter needs of a stream: process.stderr is one. */
export interface StatusStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface ProgressReporter {
  /** Undefined when nothing is shown (the kernels then skip building events). */
  readonly onProgress: ((event: ProgressEvent) => void) | undefined;
  /** Runs `write` (output to the terminal) with the status line out of its way. */
  around(write: () => void): void;
  /** The run ended: clear the status line (or log the total time with --verbose). */
  finish(ok: boolean): void;
}

const ERASE_LINE = '\r\x1b[2K';
const REDRAW_MS = 100;
const SHOW_AFTER_MS = 300;

export function progressReporter(stream: StatusStream, options: { verbose: boolean; now?: () => number }): ProgressReporter {
  const now = options.now ?? Date.now;
  const started = now();
  const elapsed = () => `${((now() - started) / 1000).toFixed(1)}s`;
  if (options.verbose) {
    return {
      onProgress: (e) => stream.write(`[${elapsed()}] ${describeProgress(e)}\n`),
      around: (write) => write(),
      finish: (ok) => {
        if (ok) stream.write(`done in ${((now() - started) / 1000).toFixed(3)} s\n`);
      },
    };
  }
  if (!stream.isTTY) return { onProgress: undefined, around: (write) => write(), finish: () => {} };
  let shown = '';
  let last: ProgressEvent | undefined;
  let drawnAt = -Infinity;
  const draw = () => {
    if (last === undefined) return;
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    const text = `[${elapsed()}] ${describeProgress(last)}`;
    shown = text.length > width ? `${text.slice(0, width - 1)}…` : text;
    stream.write(`${ERASE_LINE}${shown}`);
    drawnAt = now();
  };
  const clear = () => {
    if (shown === '') return;
    stream.write(ERASE_LINE);
    shown = '';
  };
  return {
    onProgress: (e) => {
      last = e;
      const t = now();
      if (t - started >= SHOW_AFTER_MS && t - drawnAt >= REDRAW_MS) draw();
    },
    around: (write) => {
      const had = shown !== '';
      clear();
      write();
      if (had) draw();
    },
    finish: () => clear(),
  };
}
