// Types of bench/peers/msolve.js (plain JavaScript so that the benchmarks run it without a build),
// for the TypeScript tests that use it (test/peers/msolve.test.ts).

/** A rational from msolve's output: num / den with den > 0 (not necessarily in lowest terms). */
export interface MsolveRational {
  readonly num: bigint;
  readonly den: bigint;
}

/** An isolating box: [lo, hi] per variable. */
export type MsolveBox = [MsolveRational, MsolveRational][];

export interface MsolveParametrization {
  readonly characteristic: number;
  readonly nvars: number;
  /** Solutions counted with multiplicity. */
  readonly degree: number;
  readonly vars: string[];
  readonly form: MsolveRational[];
  /** The eliminating polynomial w (square-free), coefficients by increasing degree. */
  readonly eliminating: MsolveRational[];
  readonly denominator: MsolveRational[];
  readonly numerators: { poly: MsolveRational[]; divisor: MsolveRational }[];
}

export interface MsolveSolutions {
  /** 0: finitely many solutions; -1: none; 1: infinitely many. */
  readonly dimension: 0 | -1 | 1;
  /** Distinct complex solutions (deg w); null without -P. */
  readonly complex: number | null;
  /** Solutions counted with multiplicity; null without -P. */
  readonly multiplicity: number | null;
  /** Real solutions (the number of boxes); null with -P 2. */
  readonly real: number | null;
  readonly boxes: MsolveBox[];
  readonly parametrization: MsolveParametrization | null;
}

export interface MsolveRun {
  readonly ok: boolean;
  readonly timedOut: boolean;
  readonly status: number | null;
  /** The output file's text. */
  readonly output: string;
  /** msolve's standard output and error. */
  readonly log: string;
  /** msolve's internal overall times, seconds (null when it printed none). */
  readonly elapsed: number | null;
  readonly cpu: number | null;
  /** min(cpu, elapsed). */
  readonly seconds: number | null;
}

export interface MsolveRunOptions {
  readonly threads?: number;
  readonly parametrization?: 0 | 1 | 2;
  readonly groebner?: 0 | 1 | 2;
  readonly precision?: number;
  readonly timeoutSeconds?: number;
}

/** vdl's plain polynomial data (src/math/poly.ts) with rational or integer coefficients. */
export interface PlainPoly {
  readonly mons: readonly ArrayLike<number>[];
  readonly coeffs: readonly (MsolveRational | bigint | number)[];
}

export const MSOLVE_VERSION: string;
export const BUILD_SCRIPT: string;
export const CACHED_BINARY: string;
export function locateMsolve(options?: { build?: boolean }): { path: string; reason?: undefined } | { path: null; reason: string };
export function msolveVariables(nvars: number): string[];
export function msolvePolynomial(poly: PlainPoly): string;
export function msolveInput(nvars: number, polys: readonly PlainPoly[], characteristic?: number): string;
export type MsolveValue = MsolveValue[] | MsolveRational | string;
export function parseMsolveList(text: string): MsolveValue;
export function readSolutions(text: string): MsolveSolutions;
export function basisLength(text: string): number;
export function runMsolve(binary: string, input: string, options?: MsolveRunOptions): MsolveRun;
