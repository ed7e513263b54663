// The parametrization of a zero-dimensional radical ideal over QQ, multi-modular (the design of
// msolve: J. Berthomieu, C. Eder, M. Safey El Din, "msolve: a library for solving polynomial
// systems", ISSAC 2021): everything is computed modulo word-size primes and lifted once.
//
// Output (representation): t = Σ c_i x_i with c_n = 1 (the linear form), W(T) primitive with a
// positive leading coefficient (integers, low degree first; its degree is the number of solutions),
// and for each coordinate an integer polynomial V_i and a positive integer d_i with
//     x_i = V_i(θ) / (d_i · W'(θ))   at each of the deg W roots θ of W  (θ = t at that solution).
// Rouillier's denominator W' keeps the coefficients of V_i of the size of those of W (F. Rouillier,
// AAECC 9 (1999); Dahan–Schost, ISSAC 2004), so few primes are needed.
//
// Algorithm:
//  1. Integer generators (../groebner/modular.ts), in grevlex; a full F4 run at the first prime
//     records the trace, and every further prime replays it (Traverso's Gröbner trace).
//  2. At the learning prime the linear form is chosen (./prime.ts: x_n, then seeded random forms) and
//     kept for every prime; at each prime w and v_i = (q_i·w' mod w) come from sparse FGLM and
//     Berlekamp–Massey (./prime.ts). A prime whose replay fails, or where the form is rejected (deg w
//     < D or w not square-free: the prime divides a discriminant), is skipped.
//  3. Lifting (./lift.ts): the images are stored; at checkpoints (geometric in the prime count) a
//     sample of coefficients is rationally reconstructed (Wang, Lehmer-accelerated) and compared with
//     the newest image, and once it agrees every coefficient is reconstructed with one common
//     denominator per polynomial; a candidate that agrees with a prime not used to build it is kept
//     (early termination).
//  4. Independent check at a fresh prime (./check.ts): W square-free of full degree, t(x(θ)) = θ, and
//     every generator vanishes at the parametrization modulo W. If it fails, restart from a new
//     learning prime.
//  5. `certify: true`: the same check exactly over QQ in Q[T]/(W). It proves that the deg W roots of W
//     give deg W distinct exact solutions (W is square-free: it is square-free modulo the check prime
//     with the same degree). That there are no further solutions (and that each is simple) needs an
//     upper bound, which no computation modulo primes gives (the vdim modulo p can be smaller or
//     larger than over QQ): the certified grevlex basis over QQ (../groebner/modular.ts, verify
//     'full') must have vdim deg W. Only then is `certified` true; a larger vdim means solutions or
//     multiplicities the parametrization misses (MathError 'modular-failed': the caller falls back).
// Decisions taken at the learning prime alone (positive dimension, not radical, no separating form)
// are exact for the ideal modulo that prime and right over QQ unless the prime is unlucky; "no
// solutions" is confirmed at a second prime first.
import { isRationalField } from '../domain.js';
import { MathError } from '../errors.js';
import type { Rat } from '../field.js';
import { f4Ids, type F4Trace } from '../groebner/f4.js';
import { MonomialTable } from '../groebner/f4-monomials.js';
import { inputsModulo, integerGenerators, modularGroebner, primeStream } from '../groebner/modular.js';
import { standardMonomials } from '../hilbert.js';
import type { Poly, PolyRing } from '../poly.js';
import { checkInterrupt, type ComputeOptions } from '../progress.js';
import type { Provenance } from '../provenance.js';
import { Random } from '../random.js';
import { checkExactly, checkModulo } from './check.js';
import { PrimeEstimate, heightPrior } from './estimate.js';
import { ParametrizationLift, type RationalPoly, toOutput } from './lift.js';
import { shear, unshearImage } from './shear.js';
import { FORM_ATTEMPTS, formModulo, linearFormFor, noFormFound, normalFormsOf, tryForm } from './prime.js';
import { type PrimeRunner, defaultPrimeRunner, sequentialPrimeRunner } from './prime-runner.js';
import { type PrimeImage, type PrimeJob, flatImage, newJobKey, tableData, traceData } from './prime-tasks.js';

/** The default limit on the primes is at least this many... */
export const MIN_PRIME_LIMIT = 2000;
/** ...and this many times the a-priori estimate (within 40 % on networks, 3-4 times over on katsura). */
export const PRIME_LIMIT_FACTOR = 4;

/**
 * The default limit on the primes, given the a-priori estimate of how many are needed (./estimate.ts):
 * a fixed limit would stop large systems (network 3-2-3: about 9,000 primes estimated) for no reason.
 */
export function primeLimit(estimatedPrimes: number): number {
  return Math.max(MIN_PRIME_LIMIT, Math.ceil(PRIME_LIMIT_FACTOR * estimatedPrimes));
}

/**
 * A parallel runner gets this many primes per worker at a time: its workers take the next prime as
 * soon as they are free, so one slow prime or a late wake-up does not leave the others idle (at most
 * this many primes per worker are computed beyond the count needed).
 */
export const BATCH_PER_WORKER = 4;

/** Below this many solutions the primes run in the calling thread unless a runner is given. */
export const PARALLEL_MIN_SOLUTIONS = 32;

export interface ParametrizeOptions extends ComputeOptions {
  /** Seed of the linear form and of the projections (default 0). */
  readonly seed?: number;
  /** Check the result exactly over QQ (then `provenance.certified` is true). */
  readonly certify?: boolean;
  /**
   * Give up (MathError 'modular-failed') after this many primes (default: the larger of
   * MIN_PRIME_LIMIT and PRIME_LIMIT_FACTOR times the a-priori estimate of ./estimate.ts, set once the
   * first prime has told the number of solutions).
   */
  readonly maxPrimes?: number;
  /** Where the primes after the first are computed (default: defaultPrimeRunner(), see ./prime-runner.ts). */
  readonly runner?: PrimeRunner;
}

export interface Parametrization {
  /** The variables, in the order of `numerators`. */
  readonly vars: readonly string[];
  /** t = Σ linearForm[i]·x_i, linearForm[n-1] = 1. */
  readonly linearForm: bigint[];
  /** W: primitive, positive leading coefficient, low degree first; deg W = the number of solutions. */
  readonly w: bigint[];
  /** x_i = numerators[i](θ) / (denominators[i] · W'(θ)). */
  readonly numerators: bigint[][];
  readonly denominators: bigint[];
  readonly provenance: Provenance;
  /** Milliseconds per phase. */
  readonly timings: ParametrizeTimings;
}

export interface ParametrizeTimings {
  learn: number;
  replay: number;
  sequences: number;
  reconstruct: number;
  check: number;
  certify: number;
}

/** The form t = x_n. */
function lastVariable(n: number): bigint[] {
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? 1n : 0n));
}

/** The system in the coordinates where `form` is the last variable, learned at p; null when p divides a coefficient. */
function shearedSystem(G: PolyRing<Rat>, gens: readonly Poly<Rat>[], form: readonly bigint[], p: number, options: ComputeOptions) {
  const inputs = integerGenerators(gens.map((f) => shear(G, f, form)));
  const coefs = inputsModulo(inputs, p);
  if (coefs === null) return null;
  const table = new MonomialTable(G.nvars, G.order.spec);
  const polys = inputs.map((f, k) => ({ mons: Int32Array.from(f.mons, (m) => table.fromMonomial(m)), coefs: coefs[k]! }));
  const learned = f4Ids(table, p, G.order.spec, polys, { learn: true, signal: options.signal });
  if (learned.basis.length === 1 && table.degrees[learned.basis[0]!.mons[0]!] === 0) return null;
  return { table, trace: learned.trace as F4Trace, inputs, nf: normalFormsOf(table, learned.basis, p, options.signal) };
}

/**
 * Step 3 of the module header: images of `job` at further primes (from `nextPrime`, by `runner` in
 * batches of BATCH_PER_WORKER per thread, processed in the order of the primes) added to `lift` until
 * a candidate is stable; null when images fail at most primes (the learning prime looks unlucky).
 * Shared with the invariant route (./invariant.ts).
 */
export function liftImages(
  job: PrimeJob,
  lift: ParametrizationLift,
  estimate: PrimeEstimate,
  runner: PrimeRunner,
  nextPrime: () => number,
  firstBits: number,
  timings: ParametrizeTimings,
  progress: (message: string, prime?: number) => void,
  options: ComputeOptions,
): { candidate: RationalPoly[] | null; skipped: number } {
  const queue: PrimeImage[] = [];
  let modulusBits = firstBits;
  const imageAt = (): { p: number; image: Float64Array } | 'failed' => {
    if (queue.length === 0) {
      const batch = Array.from({ length: runner.parallelism > 1 ? BATCH_PER_WORKER * runner.parallelism : 1 }, () => nextPrime());
      for (const image of runner.images(job, batch, options)) {
        timings.replay += image.replayMs;
        timings.sequences += image.sequencesMs;
        queue.push(image);
      }
    }
    const next = queue.shift()!;
    return next.image ? { p: next.p, image: next.image } : 'failed';
  };
  let failures = 0;
  let successes = 0;
  let skipped = 0;
  let candidate: RationalPoly[] | null = null;
  while (candidate === null) {
    checkInterrupt(options.signal);
    const next = imageAt();
    if (typeof next === 'string') {
      skipped++;
      // Replays that fail, or a form rejected at most primes: the learning prime looks unlucky.
      if (++failures >= 3 && failures > successes) break;
      continue;
    }
    successes++;
    lift.add(next.p, next.image);
    modulusBits += Math.log2(next.p);
    const k = lift.primes.length;
    progress(`prime ${k} of ~${estimate.primes(k, modulusBits)}${estimate.fromSample ? '' : ' (a priori)'}`, next.p);
    const t0 = performance.now();
    candidate = lift.attempt();
    timings.reconstruct += performance.now() - t0;
  }
  return { candidate, skipped };
}

/**
 * The parametrization of the solutions of a zero-dimensional radical ideal of QQ[x_1..x_n] (see the
 * module header). MathError 'not-zero-dimensional', 'no-solutions', 'not-radical' (the caller falls
 * back to ../solve.ts), 'no-separating-form' or 'modular-failed'.
 */
export function parametrize(R: PolyRing<Rat>, gens: readonly Poly<Rat>[], options: ParametrizeOptions = {}): Parametrization {
  if (!isRationalField(R.field)) throw new MathError('bad-field', `the modular parametrization works over QQ, not ${(R.field as { name: string }).name}`);
  const start = performance.now();
  const timings: ParametrizeTimings = { learn: 0, replay: 0, sequences: 0, reconstruct: 0, check: 0, certify: 0 };
  const timed = <T>(phase: keyof ParametrizeTimings, f: () => T): T => {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      timings[phase] += performance.now() - t0;
    }
  };
  const G = R.order.spec.kind === 'grevlex' ? R : R.withOrder({ kind: 'grevlex' });
  const converted = G === R ? gens : gens.map((f) => R.convert(f, G, (c) => c));
  const inputs = integerGenerators(converted);
  if (inputs.length === 0) throw new MathError('not-zero-dimensional', 'the zero ideal has positive dimension');
  const n = G.nvars;
  const spec = G.order.spec;
  const table = new MonomialTable(n, spec);
  const inputMons = inputs.map((f) => Int32Array.from(f.mons, (m) => table.fromMonomial(m)));
  let maxPrimes = options.maxPrimes ?? MIN_PRIME_LIMIT;

  const seed = options.seed ?? 0;
  const random = new Random(seed);
  const primes = primeStream();
  let tried = 0;
  const nextPrime = (): { p: number; coefs: Float64Array[] } => {
    for (;;) {
      if (++tried > maxPrimes) throw new MathError('modular-failed', `no stable parametrization after ${maxPrimes} primes`);
      const p = primes.next().value as number;
      const coefs = inputsModulo(inputs, p);
      if (coefs) return { p, coefs };
    }
  };
  const progress = (message: string, prime?: number) =>
    options.onProgress?.({ stage: 'parametrization', message, ...(prime === undefined ? {} : { prime }) });

  let restarts = 0;
  let skipped = 0;
  for (;;) {
    checkInterrupt(options.signal);
    // 1. Learning run and the linear form.
    const first = nextPrime();
    const learned = timed('learn', () =>
      f4Ids(table, first.p, spec, inputMons.map((mons, k) => ({ mons, coefs: first.coefs[k]! })), { learn: true, signal: options.signal }),
    );
    const trace = learned.trace as F4Trace;
    if (learned.basis.length === 1 && table.degrees[learned.basis[0]!.mons[0]!] === 0) {
      // 1 in the ideal modulo p: confirm at a second prime (an unlucky prime can lose solutions).
      const again = nextPrime();
      const second = timed('learn', () =>
        f4Ids(table, again.p, spec, inputMons.map((mons, k) => ({ mons, coefs: again.coefs[k]! })), { signal: options.signal }),
      );
      if (second.basis.length === 1 && table.degrees[second.basis[0]!.mons[0]!] === 0) {
        throw new MathError('no-solutions', `the system has no solutions (1 is in the ideal modulo ${first.p} and ${again.p})`);
      }
      if (++restarts > 3) throw new MathError('modular-failed', 'too many unlucky learning primes');
      continue;
    }
    const nf0 = normalFormsOf(table, learned.basis, first.p, options.signal);
    const normalSet = nf0.normalSet;
    const D = normalSet.size;
    // The form: x_n itself, else seeded random forms t, each made the last variable by a change of
    // coordinates (./shear.ts) so that its multiplication matrix stays sparse.
    const chosen = timed('sequences', () => {
      const plain = tryForm(nf0, formModulo(linearFormFor(random, n, 0), first.p), random, options.signal);
      if (typeof plain !== 'string') return { form: linearFormFor(random, n, 0), system: null, image: flatImage(plain, D) };
      for (let attempt = 1; attempt <= FORM_ATTEMPTS && n > 1; attempt++) {
        const form = linearFormFor(random, n, attempt);
        const system = shearedSystem(G, converted, form, first.p, options);
        if (system === null || system.nf.size !== D) continue;
        const image = tryForm(system.nf, formModulo(lastVariable(n), first.p), random, options.signal);
        if (typeof image === 'string') continue;
        const flat = flatImage(image, D);
        unshearImage(flat.subarray(D), D, n, formModulo(form, first.p), first.p);
        return { form, system, image: flat };
      }
      return null;
    });
    if (chosen === null) return noFormFound(nf0, G.vars, options);
    const c = chosen.form;
    progress(`learned at ${first.p}: ${D} solutions, linear form ${c.join(', ')}${chosen.system ? ' (made the last variable)' : ''}`, first.p);

    // 2-3. Further primes until the reconstruction is stable, computed by the runner in batches of
    // BATCH_PER_WORKER primes per worker (the images do not depend on the runner: see ./prime-tasks.ts).
    const count = 1 + n;
    // The estimate of the primes needed, for the progress line "prime k of ~n" (./estimate.ts).
    const estimate = new PrimeEstimate(heightPrior(inputs, D));
    if (options.maxPrimes === undefined) maxPrimes = primeLimit(estimate.primes(1, Math.log2(first.p)));
    const lift = new ParametrizationLift(D, count, estimate);
    const modulusBits = Math.log2(first.p);
    timed('reconstruct', () => lift.add(first.p, chosen.image));
    // The default runner only for systems where a prime costs more than handing it to a worker.
    const runner = options.runner ?? (D >= PARALLEL_MIN_SOLUTIONS ? defaultPrimeRunner() : sequentialPrimeRunner);
    const learnedSystem = chosen.system ?? { table, trace, inputs, nf: nf0 };
    const job: PrimeJob = {
      key: newJobKey(),
      task: 'parametrization',
      setup: {
        table: tableData(learnedSystem.table, spec),
        trace: traceData(learnedSystem.trace),
        coeffs: learnedSystem.inputs.map((f) => f.coeffs),
        leads: learnedSystem.nf.normalSet.leads,
        form: chosen.system ? lastVariable(n) : c,
        ...(chosen.system ? { shear: c } : {}),
        seed,
      },
    };
    const lifted = liftImages(job, lift, estimate, runner, () => nextPrime().p, modulusBits, timings, progress, options);
    skipped += lifted.skipped;
    const candidate = lifted.candidate;
    if (candidate === null) {
      if (++restarts > 3) throw new MathError('modular-failed', 'the F4 trace or the linear form failed at too many primes');
      progress('restarting: the learning prime looks unlucky');
      continue;
    }

    // 4. The independent check.
    const out = toOutput(candidate);
    const data = { linearForm: c, ...out };
    let checkPrime = 0;
    let verdict: boolean | null = null;
    while (verdict === null) {
      const { p } = nextPrime();
      verdict = timed('check', () => checkModulo(data, inputs, p, options.signal));
      checkPrime = p;
    }
    if (!verdict) {
      if (++restarts > 3) throw new MathError('modular-failed', 'the reconstructed parametrization fails the check at an independent prime');
      progress('restarting: the independent check failed');
      continue;
    }
    const used = lift.primes;
    let note =
      `sparse FGLM (Berlekamp–Massey) parametrization modulo ${used.length} primes below 2^22 (F4 learned at ${used[0]}` +
      (restarts > 0 ? `, ${restarts} restart(s)` : '') +
      (skipped > 0 ? `, ${skipped} prime(s) skipped` : '') +
      `, the others on ${runner.name}` +
      `), lifted from the first ${used.length - 1} by CRT and rational reconstruction (sampled coefficients at checkpoints, then all) and agreeing with the last; checked modulo ${checkPrime}: ` +
      `W square-free of degree ${D}, t(x(θ)) = θ, every generator vanishes at the parametrization`;
    let certified = false;
    if (options.certify) {
      const exact = timed('certify', () => checkExactly(data, inputs, options.signal));
      if (!exact) throw new MathError('modular-failed', 'the parametrization fails the exact check over QQ');
      const bound = timed('certify', () => modularGroebner(G, converted, { verify: 'full', signal: options.signal }));
      const vdim = bound.certified ? standardMonomials(G, bound.basis).length : null;
      if (vdim !== null && vdim !== D) {
        throw new MathError('modular-failed', `the certified basis has vdim ${vdim}, the parametrization ${D} solutions: multiplicities or solutions it does not see`);
      }
      certified = vdim === D;
      note += certified
        ? `; certified over QQ: the ${D} roots of W give ${D} distinct exact solutions (exact check in Q[T]/(W)), and the certified Gröbner basis over QQ has vdim ${D}, so there are no others and each is simple`
        : `; the ${D} roots of W give ${D} distinct exact solutions (exact check in Q[T]/(W)); that there are no others is not proved (${bound.note})`;
    } else {
      note += ' (probabilistic: not a proof)';
    }
    const provenance: Provenance = {
      algorithm: 'modular-parametrization',
      field: 'QQ',
      order: 'grevlex',
      primes: { count: used.length, first: used.slice(0, 3) },
      certified,
      seed,
      seconds: (performance.now() - start) / 1000,
      note,
    };
    return { vars: R.vars, linearForm: c, ...out, provenance, timings };
  }
}
