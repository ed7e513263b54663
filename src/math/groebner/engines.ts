// Adapters that plug F4 (rings over a SmallPrimeField) and the multi-modular algorithm (rings over
// QQ) into the Gröbner dispatcher of index.ts. This module must not import index.ts at run time
// (index.ts imports it to register the engines), only its types.
import { MathError } from '../errors.js';
import { QQ, SmallPrimeField, type Rat } from '../field.js';
import type { Poly, PolyRing } from '../poly.js';
import { f4 } from './f4.js';
import type { GroebnerOptions, GroebnerResult } from './index.js';
import { modularGroebner, type ModularVerification } from './modular.js';

/** F4 for rings over GF(p) with p < 94,906,265; declines any other field. */
export function f4Engine<E>(R: PolyRing<E>, gens: readonly Poly<E>[], options: GroebnerOptions = {}): GroebnerResult<E> {
  if (!(R.field instanceof SmallPrimeField)) {
    throw new MathError('engine-declined', `F4 needs a small prime field, not ${R.field.name}`);
  }
  const basis = f4(R as unknown as PolyRing<number>, gens as readonly Poly<number>[], options);
  return { basis: basis as unknown as Poly<E>[], algorithm: 'f4', certified: true, note: `F4 over ${R.field.name}` };
}

/**
 * The multi-modular algorithm for rings over QQ; declines any other field. Reads an optional
 * `verify: 'full' | 'probabilistic'` from the options (default 'probabilistic').
 */
export function modularEngine<E>(R: PolyRing<E>, gens: readonly Poly<E>[], options: GroebnerOptions = {}): GroebnerResult<E> {
  if ((R.field as unknown) !== QQ) {
    throw new MathError('engine-declined', `the modular algorithm works over QQ, not ${R.field.name}`);
  }
  const verify = (options as { readonly verify?: ModularVerification }).verify;
  const result = modularGroebner(R as unknown as PolyRing<Rat>, gens as readonly Poly<Rat>[], {
    signal: options.signal,
    onProgress: options.onProgress,
    ...(verify === undefined ? {} : { verify }),
  });
  return { basis: result.basis as unknown as Poly<E>[], algorithm: 'modular', certified: result.certified, note: result.note };
}
