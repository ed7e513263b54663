// The work of one prime in the modular parametrization (./parametrize.ts), as plain data that can be
// posted to a worker thread (./prime-runner.ts): the job's setup holds everything learned at the
// first prime, and the image at a prime p is computed from it alone.
//
// Representation of a setup (structured-clone data: typed arrays, numbers, bigints):
//  - the monomial table as its exponent vectors in id order (`exps`, `size` rows of `nvars`), so that
//    inserting them in order into a fresh MonomialTable gives back the same ids;
//  - the F4 trace without its table (its steps are typed arrays of ids);
//  - the integer generators' coefficients (their supports are the trace's input monomials);
//  - the leading monomials of the learned basis (they define the normal set), the linear form, and
//    the seed of the projections (and the form made the last variable, when the generators were
//    sheared: ./shear.ts).
// The image at p is the flat vector of ./parametrize.ts: w_0..w_{D-1} (w monic), then each v_i padded
// to D; or why p gave none: 'bad-prime' (p divides an input coefficient), 'replay' (the trace does
// not replay at p) or a PrimeFailure of ./prime.ts (the form or projection is rejected at p).
// The projection vector at p is drawn from Random(seed, p), so images do not depend on which runner
// computed them or in which order.
import { type F4Trace, replayF4 } from '../groebner/f4.js';
import { MonomialTable } from '../groebner/f4-monomials.js';
import { inputsModulo } from '../groebner/modular.js';
import type { OrderSpec } from '../monomial.js';
import type { Interrupt } from '../progress.js';
import { Random } from '../random.js';
import { NormalForms, NormalSet } from './normal-forms.js';
import { type PrimeFailure, type PrimeParametrization, formModulo, tryForm } from './prime.js';
import { unshearImage } from './shear.js';
import { type InvariantSetup, prepareInvariant } from './invariant.js';

/** A monomial table as plain data. */
export interface TableData {
  readonly nvars: number;
  readonly order: OrderSpec;
  readonly size: number;
  readonly exps: Int32Array;
}

export type TraceData = Omit<F4Trace, 'table'>;

/** What every prime task replays: the learned F4 trace on its monomial table, and the generators. */
export interface F4ReplaySetup {
  readonly table: TableData;
  readonly trace: TraceData;
  /** Integer coefficients of the generators, in the trace's input order. */
  readonly coeffs: readonly (readonly bigint[])[];
  /** Leading monomial ids of the learned reduced basis. */
  readonly leads: Int32Array;
}

export interface ParametrizationSetup extends F4ReplaySetup {
  readonly form: readonly bigint[];
  /**
   * When set, the generators are in the coordinates where this form is the last variable (./shear.ts,
   * `form` is then x_n) and the images are turned back to the original coordinates.
   */
  readonly shear?: readonly bigint[];
  readonly seed: number;
}

/** A job for a prime runner: `key` is unique per job (a worker prepares each job once); the invariant route's job is in ./invariant.ts. */
export interface PrimeJob {
  readonly key: number;
  /** 'parametrization': ParametrizationSetup; 'invariant': InvariantSetup. */
  readonly task: 'parametrization' | 'invariant';
  readonly setup: ParametrizationSetup | InvariantSetup;
}

export type ImageFailure = 'bad-prime' | 'replay' | PrimeFailure;

export interface PrimeImage {
  readonly p: number;
  /** The flat image, or null with the reason in `failure`. */
  readonly image: Float64Array | null;
  readonly failure?: ImageFailure;
  /** Milliseconds in the F4 replay and in the sequences (sparse FGLM, Berlekamp–Massey). */
  readonly replayMs: number;
  readonly sequencesMs: number;
}

/** A job prepared in one thread: its image at any prime. */
export interface PreparedTask {
  image(p: number, signal?: Interrupt): PrimeImage;
}

let nextKey = 1;

/** A fresh job key (unique within this thread; the runner pairs it with the job object). */
export function newJobKey(): number {
  return nextKey++;
}

/** The table as plain data. */
export function tableData(table: MonomialTable, order: OrderSpec): TableData {
  return { nvars: table.nvars, order, size: table.size, exps: table.exps.slice(0, table.size * table.nvars) };
}

/** A table with the same ids as the one `data` was taken from. */
export function tableFrom(data: TableData): MonomialTable {
  const table = new MonomialTable(data.nvars, data.order, Math.max(1 << 12, 2 ** Math.ceil(Math.log2(data.size + 1))));
  for (let id = 0; id < data.size; id++) {
    if (table.insert(data.exps, id * data.nvars) !== id) throw new Error('tableFrom: the exponent vectors are not distinct');
  }
  return table;
}

/** The trace without its table. */
export function traceData(trace: F4Trace): TraceData {
  const { inputCount, inputMons, steps, final, output, leads } = trace;
  return { inputCount, inputMons, steps, final, output, leads };
}

/** The image of one prime as a flat vector: w_0..w_{D-1} (w monic), then each v_i padded to D. */
export function flatImage(param: PrimeParametrization, D: number): Float64Array {
  const out = new Float64Array(D * (1 + param.v.length));
  for (let k = 0; k < D; k++) out[k] = param.w[k]!;
  param.v.forEach((v, i) => v.forEach((c, k) => (out[(i + 1) * D + k] = c)));
  return out;
}

/** The seeded projections at p. */
export function projectionRandom(seed: number, p: number): Random {
  return new Random((BigInt(seed >>> 0) << 32n) | BigInt(p));
}

/** Prepares a parametrization job: the table, the trace and the normal set, once. */
export function prepareParametrization(setup: ParametrizationSetup, signal?: Interrupt): PreparedTask {
  const table = tableFrom(setup.table);
  const trace: F4Trace = { ...setup.trace, table };
  const normalSet = new NormalSet(table, setup.leads, signal);
  const inputs = setup.coeffs.map((coeffs) => ({ mons: [], coeffs: coeffs.slice() }));
  const D = normalSet.size;
  return {
    image(p, interrupt) {
      const t0 = performance.now();
      const coefs = inputsModulo(inputs, p);
      if (!coefs) return { p, image: null, failure: 'bad-prime', replayMs: 0, sequencesMs: 0 };
      const basis = replayF4(trace, p, coefs, { signal: interrupt });
      const t1 = performance.now();
      if (!basis) return { p, image: null, failure: 'replay', replayMs: t1 - t0, sequencesMs: 0 };
      const result = tryForm(new NormalForms(normalSet, basis, p, interrupt), formModulo(setup.form, p), projectionRandom(setup.seed, p), interrupt);
      const t2 = performance.now();
      if (typeof result === 'string') return { p, image: null, failure: result, replayMs: t1 - t0, sequencesMs: t2 - t1 };
      const image = flatImage(result, D);
      if (setup.shear) unshearImage(image.subarray(D), D, setup.form.length, formModulo(setup.shear, p), p);
      return { p, image, replayMs: t1 - t0, sequencesMs: t2 - t1 };
    },
  };
}

/** The tasks a runner can run, by name (each reads the setup its task names). */
export const PRIME_TASKS: { readonly [K in PrimeJob['task']]: (setup: PrimeJob['setup'], signal?: Interrupt) => PreparedTask } = {
  parametrization: (setup, signal) => prepareParametrization(setup as ParametrizationSetup, signal),
  invariant: (setup, signal) => prepareInvariant(setup as InvariantSetup, signal),
};
