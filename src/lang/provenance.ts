// How a language value was obtained: a side table from value objects to the Provenance records of
// src/math/provenance.ts, so that the shapes of values (and everything that matches on them) do not
// change. Values are immutable and each computed value is a fresh object, so tagging one never tags
// another; a value that is copied into a new object (a list built from it, an arithmetic result) has
// no provenance of its own.
//
// Read by `how(x)` (as a record), by the REPL's type line (describeProvenance) and by `vdl run --json`
// (`{"value": ..., "how": ...}` next to the contract's encoding of a value that has a provenance).
import type { Provenance } from '../math/provenance.js';
import type { Random } from '../math/random.js';
import { toJson, type Json } from './print.js';
import { NONE, bool, float, int, list, record, str, type Value } from './values.js';

const table = new WeakMap<object, Provenance>();

/**
 * Records how `value` was obtained and returns it. A record's fields without a provenance of their own
 * get the record's, lazy fields when they are computed (tagging never forces a field).
 */
export function withProvenance<V extends Value>(value: V, p: Provenance): V {
  table.set(value, p);
  if (value.kind === 'record') value.fields.onCompute((_, field) => {
    if (!table.has(field)) table.set(field, p);
  });
  return value;
}

/** How a value was obtained, when a built-in recorded it. */
export function provenanceOf(value: Value): Provenance | undefined {
  return table.get(value);
}

/** The seed of a random stream in the form Provenance keeps (a number, or decimal text beyond 2^53). */
export function seedOf(random: Random): number | string {
  const s = random.seed;
  return s <= BigInt(Number.MAX_SAFE_INTEGER) && s >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(s) : s.toString();
}

/** What a geometry or network engine says about a count it returns. */
export interface EngineReport {
  readonly algorithm: string;
  /** 'QQ' or 'GF(p)'. */
  readonly field: string;
  readonly certified: boolean;
  /** The chance of a wrong answer when the engine knows it; otherwise what is known is said in words. */
  readonly errorBound?: string;
  /** The primes of a count modulo primes. */
  readonly primes?: readonly number[];
  readonly note?: string;
}

/** Uncertified counts over QQ rest on the default multi-modular Gröbner bases. */
export const MODULAR_COUNT_BOUND = 'not bounded; rests on multi-modular Gröbner bases over QQ, each checked at one independent prime';
/** Counts modulo a prime. */
export const PRIME_COUNT_BOUND = 'not bounded; equal to the count over QQ except for finitely many primes';

/** The provenance of an engine's count: its report, the seconds it took, and the seed when it drew random choices. */
export function reportedProvenance(r: EngineReport, seconds: number, random?: Random): Provenance {
  const bound = r.errorBound ?? (r.field.startsWith('GF(') ? PRIME_COUNT_BOUND : MODULAR_COUNT_BOUND);
  return {
    algorithm: r.algorithm,
    field: r.field,
    ...(r.primes ? { primes: { count: r.primes.length, first: r.primes.slice(0, 3) } } : {}),
    certified: r.certified,
    ...(r.certified ? {} : { errorBound: bound }),
    ...(random ? { seed: seedOf(random) } : {}),
    seconds,
    ...(r.note === undefined ? {} : { note: r.note }),
  };
}

/** `how(x)`: every field present, `none` where the record says nothing. */
export function provenanceRecord(p: Provenance): Value {
  const optional = (x: string | undefined): Value => (x === undefined ? NONE : str(x));
  return record({
    algorithm: str(p.algorithm),
    field: str(p.field),
    order: optional(p.order),
    primes: p.primes ? record({ count: int(p.primes.count), first: list(p.primes.first.map((q) => int(q))) }) : NONE,
    certified: bool(p.certified),
    errorBound: optional(p.errorBound),
    seed: p.seed === undefined ? NONE : typeof p.seed === 'number' ? int(p.seed) : int(BigInt(p.seed)),
    seconds: float(Math.round(p.seconds * 1e6) / 1e6),
    note: optional(p.note),
    from: list((p.from ?? []).map(provenanceRecord)),
  });
}

/** The provenance as JSON (it is plain data already; seconds are rounded to microseconds). */
export function provenanceJson(p: Provenance): Json {
  const out: { [key: string]: Json } = { algorithm: p.algorithm, field: p.field };
  if (p.order !== undefined) out['order'] = p.order;
  if (p.primes) out['primes'] = { count: p.primes.count, first: [...p.primes.first] };
  out['certified'] = p.certified;
  if (p.errorBound !== undefined) out['errorBound'] = p.errorBound;
  if (p.seed !== undefined) out['seed'] = p.seed;
  out['seconds'] = Math.round(p.seconds * 1e6) / 1e6;
  if (p.note !== undefined) out['note'] = p.note;
  if (p.from && p.from.length > 0) out['from'] = p.from.map(provenanceJson);
  return out;
}

/**
 * The JSON of a printed value for `vdl run --json`: the contract's encoding, wrapped as
 * `{"value": ..., "how": ...}` when the value has a provenance (so consumers can filter on
 * `how.certified`).
 */
export function jsonWithProvenance(value: Value): Json {
  const p = provenanceOf(value);
  return p ? { value: toJson(value), how: provenanceJson(p) } : toJson(value);
}
