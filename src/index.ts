// The library API of vdl: parse, check and run .vdl source from another program. Importing it loads
// neither ink nor react (the REPL is separate), and nothing of Node: no module here or below imports a
// Node built-in (test/layers.test.ts), and the entry bundles for the browser (test/browser-bundle.test.ts).
// Module access is the host's: `import` reads through a ModuleResolver; the default knows only the
// embedded standard library, and `vdl/node` (src/node/) supplies one that reads files.
import { parseProgram } from './lang/parse.js';
import type { Program } from './lang/ast.js';
import type { Diagnostic } from './lang/diagnostics.js';

export {
  check,
  run,
  Session,
  formatDiagnostics,
  type CheckOptions,
  type CheckResult,
  type RunOptions,
  type RunResult,
  type SessionOptions,
  type SessionResult,
} from './lang/run.js';
export { stdlibResolver, stdlibModules, type ModuleResolver, type ModuleLocation, type ModuleFailure } from './lang/modules.js';
export type { PrintRecord } from './lang/evaluator.js';
export type { Diagnostic } from './lang/diagnostics.js';
export type { Span, Program } from './lang/ast.js';
export type { Value } from './lang/values.js';
export type { Json } from './lang/print.js';
export { toText, toJson, toLatex } from './lang/print.js';
export { formatDiagnostic } from './lang/diagnostics.js';
export { provenanceOf, jsonWithProvenance } from './lang/provenance.js';
export { typedJson, typedPrintJson, diagnosticJson, type JsonObject } from './lang/typed-json.js';
export { describeProvenance, isCertified, type Provenance } from './math/provenance.js';

/** Parse only: the AST (with spans) and every syntax error. */
export function parse(source: string, file = '<input>'): { program: Program; diagnostics: Diagnostic[] } {
  return parseProgram(source, file);
}
