// Shared helpers for tests: run a source and collect printed lines and diagnostics.
import { run, type RunOptions } from '../src/lang/run.js';

export function runLines(source: string, options: RunOptions = {}): string[] {
  const result = run(source, options);
  if (!result.ok) {
    const d = result.diagnostics[0]!;
    throw new Error(`${d.code}: ${d.message} at ${d.span.startLine}:${d.span.startColumn}`);
  }
  return result.prints.map((p) => p.text);
}

/** The diagnostics of a failing run (a test error when the run succeeds). */
export function runErrors(source: string, options: RunOptions = {}) {
  const result = run(source, options);
  if (result.ok) throw new Error(`expected an error, got output: ${result.prints.map((p) => p.text).join(' | ')}`);
  return result.diagnostics;
}

/** A signal that turns aborted after `polls` reads: cancellation at any point of a run, without timers. */
export function abortAfter(polls: number): { readonly aborted: boolean; readonly reads: number } {
  let reads = 0;
  return {
    get aborted() {
      return ++reads > polls;
    },
    get reads() {
      return reads;
    },
  };
}
