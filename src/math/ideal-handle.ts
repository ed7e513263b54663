// An ideal of a polynomial ring that remembers what has been computed about it, and how.
//
// Representation: the ring R (with its monomial order) and the non-zero generators, both immutable;
// the caches below are filled on demand and never change an answer, only whether it is recomputed:
// - per monomial order (key: the order's text, `orderText(spec)`), the reduced Gröbner basis of the
//   ideal in R.withOrder(spec) together with the Provenance of the run that produced it (engine,
//   field, primes, certified or not, seconds, the engine's note);
// - the Hilbert series of R/in(I) for grevlex (a degree-compatible order, so that its partial sums
//   are the affine Hilbert function of R/I), and with it dim, codim, degree and vdim;
// - the standard monomials in R's order.
// Derived data carry a Provenance of their own whose `from` is the basis they were read off; such a
// value is certified exactly when that basis is (the derivations themselves are exact combinatorics).
//
// A cached basis answers a later request unless that request asks for more: `certified: true` when
// the cached basis is not certified (over QQ the modular engine then runs its full verification,
// and Buchberger's exact algorithm when that cannot certify), or a named engine other than the one
// that ran. The new basis replaces the cached one. `engineRuns` counts the Gröbner computations.
//
// The algorithms are those of groebner/index.ts (the one Gröbner entry point) and hilbert.ts.
import { groebner, normalForm, type GroebnerAlgorithm, type GroebnerOptions, type GroebnerResult } from './groebner/index.js';
import { hilbertSeriesOfLeads, seriesDegree, seriesDimension, standardMonomials, type HilbertSeries } from './hilbert.js';
import { MathError } from './errors.js';
import type { Monomial, OrderSpec } from './monomial.js';
import { orderText, type Poly, type PolyRing } from './poly.js';
import { isCertified, timed, type Provenance } from './provenance.js';

export interface BasisOptions extends GroebnerOptions {
  /**
   * Ask for a certified basis. Over QQ the default multi-modular basis is probabilistic; with this
   * option the modular engine runs its exact verification (S-pairs over QQ and a Hilbert function
   * comparison), and when that cannot prove the result (affine positive-dimensional input) the basis
   * is recomputed with Buchberger's algorithm in exact arithmetic.
   */
  readonly certified?: boolean;
}

/** A reduced Gröbner basis in one order, and how it was obtained. */
export interface GroebnerBasis<E> {
  /** The ring in the order of the basis (R itself for R's own order). */
  readonly ring: PolyRing<E>;
  /** Monic, sorted by leading monomial ascending; [] for the zero ideal, [1] for the unit ideal. */
  readonly basis: readonly Poly<E>[];
  readonly provenance: Provenance;
}

/** A value computed from an ideal, and how. */
export interface Derived<T> {
  readonly value: T;
  readonly provenance: Provenance;
}

/** What the probabilistic multi-modular basis over QQ has been checked against (no bound is proved). */
export const MODULAR_ERROR_BOUND = 'not bounded; checked at one independent prime';

const FIRST_PRIMES = 3;

/** The Provenance of one Gröbner basis computation. */
export function basisProvenance<E>(R: PolyRing<E>, result: GroebnerResult<E>, seconds: number): Provenance {
  return {
    algorithm: result.algorithm,
    field: R.field.name,
    order: orderText(R.order.spec),
    ...(result.primes && result.primes.length > 0 ? { primes: { count: result.primes.length, first: result.primes.slice(0, FIRST_PRIMES) } } : {}),
    certified: result.certified,
    ...(result.certified ? {} : { errorBound: result.algorithm === 'modular' ? MODULAR_ERROR_BOUND : 'not bounded' }),
    seconds,
    ...(result.note === undefined ? {} : { note: result.note }),
  };
}

/**
 * The Provenance of a value computed exactly from inputs with the given provenances: certified when
 * they all are; otherwise it inherits their error bound.
 */
export function derivedProvenance(algorithm: string, from: readonly Provenance[], seconds: number, extra: Partial<Provenance> = {}): Provenance {
  const certified = from.every(isCertified);
  const bound = from.find((p) => !isCertified(p))?.errorBound;
  const first = from[0];
  return {
    algorithm,
    field: extra.field ?? first?.field ?? '',
    ...(first?.order === undefined ? {} : { order: first.order }),
    certified,
    ...(certified || bound === undefined ? {} : { errorBound: bound }),
    seconds,
    from,
    ...extra,
  };
}

export class Ideal<E> {
  /** The non-zero generators. */
  readonly gens: readonly Poly<E>[];
  /** How many Gröbner bases this handle has computed (tests read it; caches keep it low). */
  engineRuns = 0;
  private readonly bases = new Map<string, GroebnerBasis<E>>();
  private series: Derived<HilbertSeries> | undefined;
  private standard: Derived<Monomial[]> | undefined;

  constructor(
    readonly ring: PolyRing<E>,
    gens: readonly Poly<E>[],
  ) {
    this.gens = gens.filter((g) => !ring.isZero(g));
  }

  /** The ideal generated by a known reduced Gröbner basis in R's order (its cache starts with it). */
  static fromBasis<E>(basis: GroebnerBasis<E>): Ideal<E> {
    const I = new Ideal(basis.ring, basis.basis);
    I.bases.set(orderText(basis.ring.order.spec), basis);
    return I;
  }

  /** The cached reduced Gröbner basis in the order `spec`, if one was computed (nothing is computed). */
  cachedGroebner(spec: OrderSpec = this.ring.order.spec): GroebnerBasis<E> | undefined {
    return this.bases.get(orderText(spec));
  }

  /** The reduced Gröbner basis in the order `spec` (default: R's own order). */
  groebner(options: BasisOptions = {}, spec: OrderSpec = this.ring.order.spec): GroebnerBasis<E> {
    const key = orderText(spec);
    const cached = this.bases.get(key);
    if (cached && satisfies(cached.provenance, options)) return cached;
    const S = key === orderText(this.ring.order.spec) ? this.ring : this.ring.withOrder(spec);
    const gens = S === this.ring ? this.gens : this.gens.map((f) => this.ring.convert(f, S, (c) => c));
    let computed = this.run(S, gens, options, options.certified ? { verify: 'full' } : {});
    if (options.certified && !computed.provenance.certified) {
      if (options.algorithm !== undefined && options.algorithm !== 'auto' && options.algorithm !== 'buchberger') {
        throw new MathError('not-certified', `the ${options.algorithm} engine could not certify this basis: ${computed.provenance.note ?? ''}`);
      }
      const uncertified = computed.provenance;
      const exact = this.run(S, gens, { ...options, algorithm: 'buchberger' }, {});
      computed = {
        ...exact,
        provenance: { ...exact.provenance, note: `${uncertified.algorithm} could not be certified (${uncertified.note ?? 'no note'}); recomputed by Buchberger's algorithm in exact arithmetic` },
      };
    }
    this.bases.set(key, computed);
    // Data read off the basis it replaces would keep that basis's provenance: read them again.
    this.series = undefined;
    this.standard = undefined;
    return computed;
  }

  /** The reduced basis in a degree-compatible order: R's own when it is grevlex, else grevlex. */
  graded(options: BasisOptions = {}): GroebnerBasis<E> {
    return this.groebner(options, this.ring.order.spec.kind === 'grevlex' ? this.ring.order.spec : { kind: 'grevlex' });
  }

  /** The Hilbert series of R/in(I) for grevlex (of R/I for homogeneous I), in lowest terms. */
  hilbertSeries(options: BasisOptions = {}): Derived<HilbertSeries> {
    if (this.series && satisfies(this.series.provenance, options)) return this.series;
    const g = this.graded(options);
    const { value, seconds } = timed(() => hilbertSeriesOfLeads(g.basis.map((f) => f.mons[0]!), this.ring.nvars));
    this.series = { value, provenance: derivedProvenance('hilbert-series', [g.provenance], seconds) };
    return this.series;
  }

  /** The Krull dimension of R/I (-1 for the unit ideal). */
  dimension(options: BasisOptions = {}): Derived<number> {
    const s = this.hilbertSeries(options);
    return { value: seriesDimension(s.value), provenance: s.provenance };
  }

  /** The number of variables minus the dimension. */
  codimension(options: BasisOptions = {}): Derived<number> {
    const d = this.dimension(options);
    return { value: this.ring.nvars - d.value, provenance: d.provenance };
  }

  /** The degree: the reduced Hilbert numerator at t = 1 (0 for the unit ideal). */
  degree(options: BasisOptions = {}): Derived<bigint> {
    const s = this.hilbertSeries(options);
    return { value: seriesDegree(s.value), provenance: s.provenance };
  }

  /** dim_k R/I, for a zero-dimensional ideal (MathError 'not-zero-dimensional' otherwise). */
  vdim(options: BasisOptions = {}): Derived<bigint> {
    const s = this.hilbertSeries(options);
    if (s.value.power > 0) {
      throw new MathError('not-zero-dimensional', `the ideal has positive dimension ${s.value.power}; vdim needs finitely many solutions`);
    }
    return { value: seriesDegree(s.value), provenance: s.provenance };
  }

  /** The standard monomials in R's order (zero-dimensional ideals only), ascending. */
  standardMonomials(options: BasisOptions = {}): Derived<Monomial[]> {
    if (this.standard && satisfies(this.standard.provenance, options)) return this.standard;
    const g = this.groebner(options);
    const { value, seconds } = timed(() => standardMonomials(g.ring, g.basis));
    this.standard = { value, provenance: derivedProvenance('standard-monomials', [g.provenance], seconds) };
    return this.standard;
  }

  /** The normal form of f (an element of R) modulo the reduced basis in R's order. */
  normalForm(f: Poly<E>, options: BasisOptions = {}): Derived<Poly<E>> {
    const g = this.groebner(options);
    const { value, seconds } = timed(() => normalForm(this.ring, f, g.basis, options.signal));
    return { value, provenance: derivedProvenance('normal-form', [g.provenance], seconds) };
  }

  /** Whether f lies in the ideal (its normal form vanishes). */
  contains(f: Poly<E>, options: BasisOptions = {}): Derived<boolean> {
    const r = this.normalForm(f, options);
    return { value: this.ring.isZero(r.value), provenance: r.provenance };
  }

  /** Whether the ideal is the whole ring. */
  isUnit(options: BasisOptions = {}): boolean {
    return this.groebner(options).basis.some((g) => this.ring.isConstant(g) && !this.ring.isZero(g));
  }

  /** Same ideal as J (same ring): equal reduced Gröbner bases in R's order. */
  equals(J: Ideal<E>, options: BasisOptions = {}): boolean {
    const a = this.groebner(options).basis;
    const b = J.groebner(options).basis;
    return a.length === b.length && a.every((g, i) => this.ring.equals(g, b[i]!));
  }

  private run(S: PolyRing<E>, gens: readonly Poly<E>[], options: BasisOptions, extra: { readonly verify?: 'full' }): GroebnerBasis<E> {
    const groebnerOptions: GroebnerOptions & { readonly verify?: 'full' } = {
      signal: options.signal,
      onProgress: options.onProgress,
      ...(options.algorithm === undefined ? {} : { algorithm: options.algorithm }),
      ...extra,
    };
    const { value: result, seconds } = timed(() => groebner(S, gens, groebnerOptions));
    this.engineRuns++;
    return { ring: S, basis: result.basis, provenance: basisProvenance(S, result, seconds) };
  }
}

/** Whether a result obtained as `p` answers a request with these options. */
function satisfies(p: Provenance, options: BasisOptions): boolean {
  if (options.certified && !isCertified(p)) return false;
  const wanted: GroebnerAlgorithm = options.algorithm ?? 'auto';
  if (wanted === 'auto') return true;
  const basis = basisOf(p);
  return basis.algorithm === wanted;
}

/** The provenance of the Gröbner basis a derived value was read off (the record itself for a basis). */
function basisOf(p: Provenance): Provenance {
  return p.from?.[0] ? basisOf(p.from[0]) : p;
}
