// Progress and interruption for long kernels. `Interrupt` is anything with an `aborted` flag: an
// AbortSignal works, and so does an object reading a SharedArrayBuffer flag (the REPL's worker thread
// cannot receive an abort event while a synchronous kernel runs, so it polls shared memory instead).
//
// Kernels whose signature carries no signal (polynomial arithmetic, constructors, determinants,
// univariate code, integer functions) poll the *ambient* interrupt: the evaluator runs each statement
// under `withInterrupt(signal, ...)`, and `checkInterrupt` (with or without a signal of its own) also
// reads the ambient one. Polls must come at a bounded interval of work (bench/cancel.js measures the
// latency from an abort to the error).
import { checkMemory } from './budget.js';
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

let ambient: Interrupt | undefined;

/** Runs f with `signal` as the ambient interrupt (restored afterwards, so runs may nest). */
export function withInterrupt<T>(signal: Interrupt | undefined, f: () => T): T {
  const saved = ambient;
  ambient = signal ?? saved;
  try {
    return f();
  } finally {
    ambient = saved;
  }
}

/**
 * Throws MathError('interrupted') when `signal` or the ambient interrupt has been aborted, and
 * MathError('out-of-memory') when the heap passes the memory limit a host set (budget.ts).
 */
export function checkInterrupt(signal?: Interrupt): void {
  if (signal?.aborted || ambient?.aborted) throw new MathError('interrupted', 'computation interrupted');
  checkMemory();
}
