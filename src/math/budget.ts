// Size budgets: a computation whose result is estimated to be larger than the budget is refused up
// front, with a MathError('too-large') that states the estimate, instead of exhausting memory or
// running for hours. Estimates are upper bounds computed from the inputs' shapes only (numbers of
// terms, degrees, coefficient bit lengths), never by starting the work.
//
// Representation: a polynomial term costs about TERM_BYTES (the exponent Int32Array's header and
// the coefficient's) plus 4 bytes per variable plus its coefficient's bits / 8; an integer costs its
// bits / 8. Binomial coefficients are bounded through log2 C(n, k), computed with log-gamma
// (Stirling's series with Bernoulli corrections, exact enough for a bound: relative error < 1e-10
// for arguments >= 10; smaller arguments by exact sums of logarithms).
import { MathError } from './errors.js';

/** The default budget for one result: 1 GiB. */
export const DEFAULT_SIZE_BUDGET = 2 ** 30;
/** Bytes of one term besides its exponents and coefficient digits (typed-array header, BigInt header). */
export const TERM_BYTES = 96;
/** The most variables a ring may have (each monomial stores one Int32 per variable). */
export const MAX_VARIABLES = 100_000;
/** The largest single integer computed by a power or binomial: 2^22 bits (512 KiB; one product of two takes ~0.1 s). */
export const MAX_INTEGER_BITS = 2 ** 22;

let budget = DEFAULT_SIZE_BUDGET;

/** The current size budget in bytes. */
export function sizeBudget(): number {
  return budget;
}

/** Sets the size budget (bytes) and returns the previous one; hosts lower it for untrusted scripts. */
export function setSizeBudget(bytes: number): number {
  if (!(bytes > 0)) throw new RangeError('the size budget must be positive');
  const previous = budget;
  budget = bytes;
  return previous;
}

/** `1.2e9` style for big counts, plain digits below a million. */
export function approx(x: number): string {
  if (!Number.isFinite(x)) return 'more than 1e308';
  return x < 1e6 ? String(Math.ceil(x)) : x.toExponential(1).replace('e+', 'e');
}

export function bytesText(bytes: number): string {
  if (!Number.isFinite(bytes)) return 'more than 1e308 bytes';
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let k = 0;
  while (bytes >= 1024 && k < units.length - 1) {
    bytes /= 1024;
    k++;
  }
  return k === 0 ? `${Math.ceil(bytes)} bytes` : `${bytes < 10 ? bytes.toFixed(1) : Math.round(bytes)} ${units[k]}`;
}

/**
 * Refuses a polynomial result estimated at `terms` terms (given as log2, so astronomically large
 * bounds stay finite) with coefficients of up to `coefficientBits` bits in `nvars` variables;
 * `qualifier` says what kind of estimate it is ('up to' for a bound, 'about' for an extrapolation).
 */
export function checkPolySize(what: string, log2Terms: number, coefficientBits: number, nvars: number, qualifier = 'up to'): void {
  const terms = 2 ** log2Terms;
  const bytes = terms * (TERM_BYTES + 4 * nvars + coefficientBits / 8);
  if (bytes > budget) {
    throw new MathError(
      'too-large',
      `${what} would have ${qualifier} ${approx(terms)} terms with coefficients of up to ${approx(coefficientBits)} bits ` +
        `(about ${bytesText(bytes)}), more than the size budget of ${bytesText(budget)}`,
    );
  }
}

/** Refuses an integer result estimated at `bits` bits. */
export function checkIntegerSize(what: string, bits: number): void {
  if (bits > MAX_INTEGER_BITS || bits / 8 > budget) {
    throw new MathError('too-large', `${what} would have about ${approx(bits)} bits (${bytesText(bits / 8)}), more than the limit of ${approx(Math.min(MAX_INTEGER_BITS, budget * 8))} bits for one number`);
  }
}

/** Refuses a ring with more than MAX_VARIABLES variables. */
export function checkVariableCount(n: number): void {
  if (n > MAX_VARIABLES) throw new MathError('too-large', `a ring with ${approx(n)} variables is more than the limit of ${MAX_VARIABLES}`);
}

const LN2 = Math.log(2);

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (x < 10) {
    // Γ(x) = Γ(x + m) / (x (x+1) ... (x+m-1)), shifting x to at least 10.
    let shift = 0;
    while (x < 10) {
      shift += Math.log(x);
      x += 1;
    }
    return lnGamma(x) - shift;
  }
  const inv = 1 / x, inv2 = inv * inv;
  // Stirling: (x - 1/2) ln x - x + ln(2π)/2 + 1/(12x) - 1/(360x^3) + 1/(1260x^5)
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260));
}

/** log2 C(n, k) for reals n >= k >= 0 (0 when k <= 0 or k >= n). */
export function log2Binomial(n: number, k: number): number {
  if (k <= 0 || k >= n) return 0;
  return (lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1)) / LN2;
}

// ---------------------------------------------------------------------------------------------
// The memory budget. A host that can measure its heap installs a probe (src/node/memory.ts reads
// V8's heap statistics); every kernel that polls the interrupt (checkInterrupt in progress.ts) and
// the evaluator between statements then also call checkMemory, which reads the probe at most every
// MEMORY_POLL_MS and stops the statement with MathError('out-of-memory') once the heap in use passes
// the limit, before V8 itself runs out (a V8 out-of-memory kills the process or worker). Garbage
// counts as in use until it is collected, so above the limit the probe first collects (when the host
// can force a collection; at most every MEMORY_COLLECT_MS unless the heap is MEMORY_URGENT times the
// limit) and reads again.

/** What a host measures: the bytes of heap in use, and the same after a full collection when it can force one. */
export interface MemoryProbe {
  used(): number;
  collect?(): number;
}

const MEMORY_POLL_MS = 5;
const MEMORY_COLLECT_MS = 1000;
/** Above this multiple of the limit a collection is not postponed. */
const MEMORY_URGENT = 1.1;

let memory: { probe: MemoryProbe; limit: number } | undefined;
let lastRead = -Infinity;
let lastCollect = -Infinity;

/** Installs the memory limit (bytes) and its probe; `undefined` removes it. Returns the previous one. */
export function setMemoryLimit(limit: { probe: MemoryProbe; bytes: number } | undefined): { probe: MemoryProbe; bytes: number } | undefined {
  if (limit && !(limit.bytes > 0)) throw new RangeError('the memory limit must be positive');
  const previous = memory ? { probe: memory.probe, bytes: memory.limit } : undefined;
  memory = limit ? { probe: limit.probe, limit: limit.bytes } : undefined;
  lastRead = lastCollect = -Infinity;
  return previous;
}

/** The memory limit in bytes (Infinity when no host installed one). */
export function memoryLimit(): number {
  return memory?.limit ?? Infinity;
}

/** Throws MathError('out-of-memory') when the heap in use passes the memory limit (see above). */
export function checkMemory(): void {
  if (memory === undefined) return;
  const now = performance.now();
  if (now - lastRead < MEMORY_POLL_MS) return;
  lastRead = now;
  const { probe, limit } = memory;
  let used = probe.used();
  if (used <= limit) return;
  if (probe.collect) {
    // Slightly over the limit, collect at most every MEMORY_COLLECT_MS (no thrashing); well over
    // it (hosts give V8 a third more), collect now rather than let V8 run out.
    if (now - lastCollect < MEMORY_COLLECT_MS && used < limit * MEMORY_URGENT) return;
    lastCollect = now;
    used = probe.collect();
    lastRead = performance.now();
  }
  if (used > limit) {
    throw new MathError('out-of-memory', `out of memory: the computation uses ${bytesText(used)}, more than the memory limit of ${bytesText(limit)}`);
  }
}
