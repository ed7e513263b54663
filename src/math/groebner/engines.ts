// The static table of Gröbner engines and the contract they share. Every engine returns the reduced
// Gröbner basis of the ideal in the ring's order: monic, sorted by leading monomial ascending, [] for
// the zero ideal and [1] for the unit ideal, with how it was obtained.
//
// Engines, in the order 'auto' tries them (the first whose `serves` accepts the ring's coefficient
// domain runs; `serves` reads only the domain's capability flags, see domain.ts):
// - 'f4' (f4.ts): prime fields stored in machine words (Faugère's F4 on Float64 rows).
// - 'modular' (modular.ts): the rationals (multi-modular F4 with rational reconstruction; certified
//   only with `verify: 'full'`).
// - 'parametric' (parametric.ts): rational function fields F(t) over QQ or GF(p) (a basis of the
//   numerators in F[x, t] for the block order x >> t by the engine of F, read over F(t); Buchberger
//   over F(t) when the ring's order is not a product of lex/grevlex blocks).
// - 'buchberger' (buchberger.ts): any field and order; the reference engine.
// An engine asked for by name on a domain it does not serve throws MathError('engine-declined').
// The table is a constant: which engine runs never depends on which modules were imported.
import { type Ring, isField, isRationalField, isWordPrimeField } from '../domain.js';
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import type { Poly, PolyRing } from '../poly.js';
import type { ComputeOptions } from '../progress.js';
import { buchberger } from './buchberger.js';
import { f4 } from './f4.js';
import { modularGroebner, type ModularVerification } from './modular.js';
import { isFractionField, type RatFun } from '../fraction-field.js';
import { parametricGroebner } from './parametric.js';

export type GroebnerEngineName = 'buchberger' | 'f4' | 'modular' | 'parametric';
export type GroebnerAlgorithm = 'auto' | GroebnerEngineName;

export interface GroebnerOptions extends ComputeOptions {
  readonly algorithm?: GroebnerAlgorithm;
}

export interface GroebnerResult<E> {
  /** The reduced Gröbner basis: monic, sorted by leading monomial ascending. */
  readonly basis: Poly<E>[];
  /** The engine that produced it: a GroebnerEngineName. */
  readonly algorithm: string;
  /** False when the result is correct only with high probability (e.g. an unverified modular lift). */
  readonly certified: boolean;
  /** How the result was obtained, when there is more to say (primes used, ...). */
  readonly note?: string;
  /** The primes whose images a multi-modular engine combined, in the order used. */
  readonly primes?: readonly number[];
}

/** An engine: the same contract as `groebner` itself. */
export type GroebnerEngine = <E>(R: PolyRing<E>, gens: readonly Poly<E>[], options?: GroebnerOptions) => GroebnerResult<E>;

export interface GroebnerEngineEntry {
  readonly name: GroebnerEngineName;
  /** The coefficient domains this engine is for, by capability. */
  readonly serves: (F: Ring<unknown>) => boolean;
  readonly run: GroebnerEngine;
}

function declined(engine: string, F: Ring<unknown>, needs: string): MathError {
  return new MathError('engine-declined', `${engine} needs ${needs}, not ${F.name}`);
}

/** F4 for rings over a word-size prime field. */
export function f4Engine<E>(R: PolyRing<E>, gens: readonly Poly<E>[], options: GroebnerOptions = {}): GroebnerResult<E> {
  if (!isWordPrimeField(R.field)) throw declined('F4', R.field, 'a small prime field');
  const basis = f4(R as unknown as PolyRing<number>, gens as readonly Poly<number>[], options);
  return { basis: basis as unknown as Poly<E>[], algorithm: 'f4', certified: true, note: `F4 over ${R.field.name}` };
}

/**
 * The multi-modular algorithm for rings over the rationals. Reads an optional
 * `verify: 'full' | 'probabilistic'` from the options (default 'probabilistic').
 */
export function modularEngine<E>(R: PolyRing<E>, gens: readonly Poly<E>[], options: GroebnerOptions = {}): GroebnerResult<E> {
  if (!isRationalField(R.field)) throw declined('the modular algorithm', R.field, 'QQ');
  const verify = (options as { readonly verify?: ModularVerification }).verify;
  const result = modularGroebner(R as unknown as PolyRing<Rat>, gens as readonly Poly<Rat>[], {
    signal: options.signal,
    onProgress: options.onProgress,
    ...(verify === undefined ? {} : { verify }),
  });
  return { basis: result.basis as unknown as Poly<E>[], algorithm: 'modular', certified: result.certified, note: result.note, primes: result.primes };
}

/** Buchberger's algorithm over any field. */
export function buchbergerEngine<E>(R: PolyRing<E>, gens: readonly Poly<E>[], options: GroebnerOptions = {}): GroebnerResult<E> {
  return { basis: buchberger(R, gens, options), algorithm: 'buchberger', certified: true };
}

/** Gröbner bases over F(t) through F[x, t] (parametric.ts), the base field's engine doing the work. */
export function parametricEngine<E>(R: PolyRing<E>, gens: readonly Poly<E>[], options: GroebnerOptions = {}): GroebnerResult<E> {
  if (!isFractionField(R.field)) throw declined('the parametric engine', R.field, 'a rational function field F(t)');
  const base = <B>(S: PolyRing<B>, fs: readonly Poly<B>[], o: GroebnerOptions): GroebnerResult<B> => {
    const entry = GROEBNER_ENGINES.find((e) => e.name !== 'parametric' && e.serves(S.field))!;
    return entry.run(S, fs, o);
  };
  const K = R as unknown as PolyRing<RatFun<unknown>>;
  const result = parametricGroebner(K, gens as unknown as readonly Poly<RatFun<unknown>>[], options, base);
  return (result ?? buchbergerEngine(R, gens, options)) as unknown as GroebnerResult<E>;
}

export const GROEBNER_ENGINES: readonly GroebnerEngineEntry[] = [
  { name: 'f4', serves: isWordPrimeField, run: f4Engine },
  { name: 'modular', serves: isRationalField, run: modularEngine },
  { name: 'parametric', serves: isFractionField, run: parametricEngine },
  { name: 'buchberger', serves: isField, run: buchbergerEngine },
];
