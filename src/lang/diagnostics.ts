// The one diagnostic type of vdl: a stable code, a message and a span. Syntax errors, static-check
// errors, run-time errors and errors raised by the mathematics all end up here, and all print the same
// way: `file:line:col: error: message`, the source line, and a caret under the place.
// Errors of the mathematics (MathError, with a stable code) become diagnostics in one function,
// `raisingAt`, which the evaluator applies to every expression it evaluates: an engine error is
// reported at the innermost expression (operator or call) whose evaluation raised it.
import { MathError } from '../math/errors.js';
import type { Span } from './ast.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable, kebab-case: 'syntax', 'unknown-name', 'arity', 'type', 'not-implemented', ... */
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  readonly notes?: readonly string[];
}

/** Thrown inside the evaluator; caught at the top and reported as its diagnostic. */
export class VdlError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'VdlError';
  }
}

export function diagnostic(code: string, message: string, span: Span, notes?: readonly string[]): Diagnostic {
  return notes && notes.length > 0
    ? { severity: 'error', code, message, span, notes }
    : { severity: 'error', code, message, span };
}

export function fail(code: string, message: string, span: Span, notes?: readonly string[]): never {
  throw new VdlError(diagnostic(code, message, span, notes));
}

/**
 * Runs f; a MathError it throws is re-raised as a diagnostic at span, with the MathError's code and
 * message. This is the only place where engine errors become diagnostics.
 */
export function raisingAt<T>(span: Span, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof MathError) fail(e.code, e.message, span);
    throw e;
  }
}

/** A span covering nothing at the start of a file, for errors that have no better place. */
export function fileSpan(file: string): Span {
  return { file, startOffset: 0, endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
}

/**
 * Where each line starts, for the last few sources: formatting n diagnostics of one source reads it
 * once (not n times), so that 20,000 errors format in linear time.
 */
const lineStarts = new Map<string, readonly number[]>();
const LINE_INDEX_SOURCES = 8;

/** The offsets where the lines of `source` start (line 1 at offset 0). */
function lineStartsOf(source: string): readonly number[] {
  let starts = lineStarts.get(source);
  if (!starts) {
    const found = [0];
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) found.push(i + 1);
    if (lineStarts.size >= LINE_INDEX_SOURCES) lineStarts.clear();
    lineStarts.set(source, found);
    starts = found;
  }
  return starts;
}

/** Line `line` (1-based) of `source` without its line break (`\n` or `\r\n`), or undefined past the end. */
function sourceLine(source: string, line: number): string | undefined {
  const starts = lineStartsOf(source);
  const start = starts[line - 1];
  if (start === undefined) return undefined;
  const next = starts[line];
  const text = source.slice(start, next === undefined ? source.length : next - 1);
  return text.endsWith('\r') && next !== undefined ? text.slice(0, -1) : text;
}

/** The span of the offsets [start, end) of `text` (lines and columns 1-based), for hosts that know only offsets. */
export function spanOfOffsets(file: string, text: string, start: number, end: number): Span {
  const starts = lineStartsOf(text);
  const at = (offset: number) => {
    // The last line starting at or before the offset (binary search).
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
  const s = at(start), e = at(end);
  return { file, startOffset: start, endOffset: end, startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column };
}

/** The text form: `file:line:col: error: message`, the source line, a caret (tildes under the span). */
export function formatDiagnostic(d: Diagnostic, source: string | undefined): string {
  const { file, startLine, startColumn } = d.span;
  const lines = [`${file}:${startLine}:${startColumn}: ${d.severity}: ${d.message}`];
  if (source !== undefined) {
    const text = sourceLine(source, startLine);
    if (text !== undefined) {
      const width = d.span.endLine === startLine ? Math.max(1, d.span.endColumn - startColumn) : 1;
      const underline = '^' + '~'.repeat(Math.max(0, Math.min(width, text.length - startColumn + 1) - 1));
      lines.push(`  ${text}`);
      lines.push(`  ${' '.repeat(startColumn - 1)}${underline}`);
    }
  }
  for (const note of d.notes ?? []) lines.push(`  note: ${note}`);
  return lines.join('\n');
}
