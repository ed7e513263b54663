// Options shared by the decomposition built-ins (radical, minimalPrimes, components, degree): the seed
// they draw without advancing the run's random stream (their answers do not depend on it, so scripts
// keep their other random draws), and the `multiplicity` keyword of degree.
import { fail } from '../diagnostics.js';
import { kindWord, type Value } from '../values.js';
import type { CallContext } from './registry.js';

/** A seed read off the run's random stream without advancing it. */
export function quietSeed(ctx: CallContext): number {
  return ctx.random.clone().nextUint32();
}

/** The `multiplicity = true/false` keyword, or `otherwise` when it is absent. */
export function multiplicityAsked(ctx: CallContext, kwargs: ReadonlyMap<string, Value>, otherwise: boolean): boolean {
  const v = kwargs.get('multiplicity');
  if (v === undefined) return otherwise;
  if (v.kind !== 'bool') return fail('type', `multiplicity must be true or false, got ${kindWord(v)}`, ctx.span);
  return v.value;
}
