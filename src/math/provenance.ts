// How a result was obtained. Every computed value that vdl reports carries one of these records
// (the language shows it with `how(x)`, the REPL on the type line, `vdl run --json` next to the value).
//
// Representation: plain immutable data, JSON-serialisable as is (numbers, strings, booleans, arrays).
// `certified` is the one bit consumers filter on: true when the value is proved (exact arithmetic
// over QQ, arithmetic in GF(p) itself, or a probabilistic result that was then verified exactly);
// false when the value is correct only with high probability, in which case `errorBound` states the
// probability of a wrong answer as text (for example "< 2^-40 per unlucky-prime event") when it is known,
// and `note` says what was and was not checked.

export interface Provenance {
  /** The algorithm or route: 'f4', 'modular-f4', 'buchberger', 'hilbert-series', 'hermite', 'rur', ... */
  readonly algorithm: string;
  /** The coefficient field the computation ran over: 'QQ' or 'GF(p)'. */
  readonly field: string;
  /** The monomial order, when one was involved ('grevlex', 'lex', ...). */
  readonly order?: string;
  /** The primes used by a multi-modular computation (how many, and the first few for reproduction). */
  readonly primes?: { readonly count: number; readonly first: readonly number[] };
  /** True when the value is proved; false when it is right only with high probability. */
  readonly certified: boolean;
  /** For a probabilistic value: the chance that it is wrong, when it is known. */
  readonly errorBound?: string;
  /** The seed of the random choices that the value depends on, when it depends on any (decimal text beyond 2^53). */
  readonly seed?: number | string;
  /** Wall-clock seconds of the computation (of this step only; inputs have their own). */
  readonly seconds: number;
  /** Anything else worth saying: a fallback, what the verification covered, ... */
  readonly note?: string;
  /** The provenance of the inputs this value was derived from (e.g. the Gröbner basis a dimension came from). */
  readonly from?: readonly Provenance[];
}

/** True when the value and everything it was derived from is certified. */
export function isCertified(p: Provenance): boolean {
  return p.certified && (p.from ?? []).every(isCertified);
}

/** Runs `compute` and returns its value with the wall-clock seconds it took. */
export function timed<T>(compute: () => T): { value: T; seconds: number } {
  const start = performance.now();
  const value = compute();
  return { value, seconds: (performance.now() - start) / 1000 };
}

/** Seconds of the value and of everything it was derived from. */
export function totalSeconds(p: Provenance): number {
  return (p.from ?? []).reduce((t, q) => t + totalSeconds(q), p.seconds);
}

function secondsText(s: number): string {
  return `${s < 0.01 ? s.toExponential(1) : s.toFixed(2)} s`;
}

/**
 * One line for people (the REPL's type line): "modular over QQ, 3 primes, probabilistic, 0.12 s";
 * a derived value names the computations it came from: "hilbert-series over QQ, from modular
 * (3 primes), probabilistic, 0.12 s". Seconds include the inputs' seconds.
 */
export function describeProvenance(p: Provenance): string {
  const parts = [`${p.algorithm} over ${p.field}`];
  if (p.primes) parts.push(primesText(p.primes.count));
  const inputs = (p.from ?? []).map((q) => (q.primes ? `${q.algorithm} (${primesText(q.primes.count)})` : q.algorithm));
  if (inputs.length > 0) parts.push(`from ${[...new Set(inputs)].join(', ')}`);
  parts.push(isCertified(p) ? 'certified' : 'probabilistic');
  if (p.seed !== undefined) parts.push(`seed ${p.seed}`);
  parts.push(secondsText(totalSeconds(p)));
  return parts.join(', ');
}

function primesText(count: number): string {
  return `${count} prime${count === 1 ? '' : 's'}`;
}
