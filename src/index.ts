// The library API of vdl: parse, check and run .vdl source from another program. Importing it loads
// neither ink nor react (the REPL is separate).
import { parseProgram } from './lang/parse.js';
import type { Program } from './lang/ast.js';
import type { Diagnostic } from './lang/diagnostics.js';

export { check, run, Session, formatDiagnostics, type RunOptions, type RunResult, type SessionResult } from './lang/run.js';
export type { PrintRecord } from './lang/evaluator.js';
export type { Diagnostic } from './lang/diagnostics.js';
export type { Span, Program } from './lang/ast.js';
export type { Value } from './lang/values.js';
export type { Json } from './lang/print.js';
export { toText, toJson, toLatex } from './lang/print.js';
export { formatDiagnostic } from './lang/diagnostics.js';

/** Parse only: the AST (with spans) and every syntax error. */
export function parse(source: string, file = '<input>'): { program: Program; diagnostics: Diagnostic[] } {
  return parseProgram(source, file);
}
