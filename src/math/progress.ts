// Progress and interruption for long kernels. `Interrupt` is anything with an `aborted` flag: an
// AbortSignal works, and so does an object reading a SharedArrayBuffer flag (the REPL's worker thread
// cannot receive an abort event while a synchronous kernel runs, so it polls shared memory instead).
import { MathError } from './errors.js';

export interface Interrupt {
  readonly aborted: boolean;
}

export interface ProgressEvent {
  /** Which kernel: 'f4', 'buchberger', 'modular', 'fglm', ... */
  readonly stage: string;
  readonly degree?: number;
  readonly basisSize?: number;
  readonly pairs?: number;
  readonly matrixRows?: number;
  readonly matrixColumns?: number;
  readonly prime?: number;
  readonly message?: string;
}

export interface ComputeOptions {
  readonly signal?: Interrupt;
  readonly onProgress?: (event: ProgressEvent) => void;
}

export function checkInterrupt(signal: Interrupt | undefined): void {
  if (signal?.aborted) throw new MathError('interrupted', 'computation interrupted');
}
