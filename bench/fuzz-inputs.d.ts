// Types of bench/fuzz-inputs.js (plain JavaScript so that bench/fuzz.js runs it without a build), for
// the TypeScript test that uses it (test/lang/fuzz-scale.test.ts).

export interface FuzzRandom {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
}

export function makeRandom(seed: number): FuzzRandom;

export interface FuzzInput {
  readonly kind: string;
  readonly source: string;
}

export function fuzzInputs(sources: { readonly examples: readonly string[]; readonly builtins: readonly string[] }): {
  readonly kinds: readonly string[];
  next(rng: FuzzRandom): FuzzInput;
};
