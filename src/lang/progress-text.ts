// One line describing a progress event of a long kernel, shared by `vdl run` (its status line and
// --verbose log, src/cli/progress.ts) and the REPL's spinner, so that both speak the same way:
// `f4, degree 5, basis 12, pairs 30`, `modular, prime 3 (p = 4194287)`. The stage comes first,
// then what it says of itself, then the counts; a prime's value comes last, in parentheses, so that
// it is not read as a count.
import type { ProgressEvent } from '../math/progress.js';

export function describeProgress(e: ProgressEvent): string {
  const parts = [e.stage];
  if (e.message) parts.push(e.message);
  if (e.degree !== undefined) parts.push(`degree ${e.degree}`);
  if (e.basisSize !== undefined) parts.push(`basis ${e.basisSize}`);
  if (e.pairs !== undefined) parts.push(`pairs ${e.pairs}`);
  if (e.matrixRows !== undefined) parts.push(`matrix ${e.matrixRows}×${e.matrixColumns ?? '?'}`);
  const text = parts.join(', ');
  return e.prime === undefined ? text : `${text} (p = ${e.prime})`;
}
