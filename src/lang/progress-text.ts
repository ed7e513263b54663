// One line describing a progress event of a long kernel ("f4, degree 5, basis 12, pairs 30"), shared
// by `vdl run --verbose` and the REPL's spinner so that both speak the same way.
import type { ProgressEvent } from '../math/progress.js';

export function describeProgress(e: ProgressEvent): string {
  const parts = [e.stage];
  if (e.degree !== undefined) parts.push(`degree ${e.degree}`);
  if (e.basisSize !== undefined) parts.push(`basis ${e.basisSize}`);
  if (e.pairs !== undefined) parts.push(`pairs ${e.pairs}`);
  if (e.matrixRows !== undefined) parts.push(`matrix ${e.matrixRows}×${e.matrixColumns ?? '?'}`);
  if (e.prime !== undefined) parts.push(`prime ${e.prime}`);
  if (e.message) parts.push(e.message);
  return parts.join(', ');
}
