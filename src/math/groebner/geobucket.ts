// Geobuckets: a polynomial under repeated "p := p - c·t·g" updates, as used by polynomial reduction.
// Source: T. Yan, "The geobucket data structure for polynomials", J. Symbolic Comput. 25 (1998).
//
// Representation (invariants): bucket i holds a term list sorted in strictly decreasing monomial order
// (no zero coefficients) of length at most 4^(i+1), read from `heads[i]` on (terms before the head have
// been consumed). The polynomial is the sum of the buckets; equal monomials may occur in different
// buckets and are combined only when the leading term is asked for. Adding a list of length L merges
// it into the smallest bucket that can hold it and carries upwards, so each term takes part in
// O(log L) merges instead of one full merge per update.
//
// The buckets own their arrays (callers hand over fresh arrays); monomials are shared and never
// mutated. Coefficients live in a `Ring<C>` of the domain layer: a field, or the integers ZZ for
// fraction-free reduction over QQ.
import type { Ring } from '../domain.js';
import type { Monomial } from '../monomial.js';

/** A mutable term list: parallel arrays, strictly decreasing monomials, no zero coefficients. */
export interface TermList<C> {
  mons: Monomial[];
  coeffs: C[];
}

export type MonomialCompare = (a: Monomial, b: Monomial) => number;

function capacity(level: number): number {
  return 4 << (2 * level);
}

/**
 * Sorted merge of a[aStart..] and b[bStart..] into fresh arrays, adding coefficients of equal
 * monomials and dropping the zeros that result.
 */
export function mergeTerms<C>(
  arith: Ring<C>,
  compare: MonomialCompare,
  aMons: readonly Monomial[],
  aCoeffs: readonly C[],
  aStart: number,
  bMons: readonly Monomial[],
  bCoeffs: readonly C[],
  bStart: number,
): TermList<C> {
  const mons: Monomial[] = [];
  const coeffs: C[] = [];
  let i = aStart, j = bStart;
  const na = aMons.length, nb = bMons.length;
  while (i < na && j < nb) {
    const c = compare(aMons[i]!, bMons[j]!);
    if (c > 0) {
      mons.push(aMons[i]!);
      coeffs.push(aCoeffs[i++]!);
    } else if (c < 0) {
      mons.push(bMons[j]!);
      coeffs.push(bCoeffs[j++]!);
    } else {
      const s = arith.add(aCoeffs[i]!, bCoeffs[j]!);
      if (!arith.isZero(s)) {
        mons.push(aMons[i]!);
        coeffs.push(s);
      }
      i++;
      j++;
    }
  }
  for (; i < na; i++) {
    mons.push(aMons[i]!);
    coeffs.push(aCoeffs[i]!);
  }
  for (; j < nb; j++) {
    mons.push(bMons[j]!);
    coeffs.push(bCoeffs[j]!);
  }
  return { mons, coeffs };
}

export class Geobucket<C> {
  private readonly mons: Monomial[][] = [];
  private readonly coeffs: C[][] = [];
  private readonly heads: number[] = [];

  constructor(
    private readonly arith: Ring<C>,
    private readonly compare: MonomialCompare,
  ) {}

  private length(level: number): number {
    return this.mons[level]!.length - this.heads[level]!;
  }

  /** Adds the term list (sorted, no zeros); the bucket takes ownership of both arrays. */
  add(mons: Monomial[], coeffs: C[]): void {
    if (mons.length === 0) return;
    let level = 0;
    while (capacity(level) < mons.length) level++;
    let curMons = mons, curCoeffs = coeffs;
    for (;;) {
      while (this.mons.length <= level) {
        this.mons.push([]);
        this.coeffs.push([]);
        this.heads.push(0);
      }
      if (this.length(level) > 0) {
        const merged = mergeTerms(
          this.arith, this.compare,
          this.mons[level]!, this.coeffs[level]!, this.heads[level]!,
          curMons, curCoeffs, 0,
        );
        curMons = merged.mons;
        curCoeffs = merged.coeffs;
      }
      if (curMons.length <= capacity(level)) {
        this.mons[level] = curMons;
        this.coeffs[level] = curCoeffs;
        this.heads[level] = 0;
        return;
      }
      this.mons[level] = [];
      this.coeffs[level] = [];
      this.heads[level] = 0;
      level++;
    }
  }

  /**
   * The bucket whose head is the leading term of the sum, after folding every other head with the
   * same monomial into it (and discarding leading terms that cancel); -1 when the sum is zero.
   */
  leadBucket(): number {
    const arith = this.arith;
    for (;;) {
      let best = -1;
      for (let i = 0; i < this.mons.length; i++) {
        if (this.length(i) === 0) continue;
        if (best < 0) {
          best = i;
          continue;
        }
        const c = this.compare(this.mons[i]![this.heads[i]!]!, this.mons[best]![this.heads[best]!]!);
        if (c > 0) best = i;
        else if (c === 0) {
          const hb = this.heads[best]!;
          this.coeffs[best]![hb] = arith.add(this.coeffs[best]![hb]!, this.coeffs[i]![this.heads[i]!]!);
          this.heads[i]!++;
        }
      }
      if (best < 0) return -1;
      if (!arith.isZero(this.coeffs[best]![this.heads[best]!]!)) return best;
      this.heads[best]!++;
    }
  }

  headMonomial(level: number): Monomial {
    return this.mons[level]![this.heads[level]!]!;
  }

  headCoeff(level: number): C {
    return this.coeffs[level]![this.heads[level]!]!;
  }

  /** Drops the head term of the given bucket (after leadBucket has chosen it). */
  popHead(level: number): void {
    this.heads[level]!++;
  }

  /** Multiplies every coefficient by s (s non-zero, and no zero divisors: no term vanishes). */
  scale(s: C): void {
    if (this.arith.isOne(s)) return;
    for (let i = 0; i < this.mons.length; i++) {
      const cs = this.coeffs[i]!;
      for (let k = this.heads[i]!; k < cs.length; k++) cs[k] = this.arith.mul(cs[k]!, s);
    }
  }

  /** Applies f to every live coefficient (f must not map a non-zero coefficient to zero). */
  mapCoefficients(f: (c: C) => C): void {
    for (let i = 0; i < this.mons.length; i++) {
      const cs = this.coeffs[i]!;
      for (let k = this.heads[i]!; k < cs.length; k++) cs[k] = f(cs[k]!);
    }
  }

  /** Visits the live coefficients until the visitor returns false. */
  everyCoefficient(visit: (c: C) => boolean): boolean {
    for (let i = 0; i < this.mons.length; i++) {
      const cs = this.coeffs[i]!;
      for (let k = this.heads[i]!; k < cs.length; k++) if (!visit(cs[k]!)) return false;
    }
    return true;
  }

  /** Number of live terms (an upper bound on the number of terms of the sum). */
  size(): number {
    let n = 0;
    for (let i = 0; i < this.mons.length; i++) n += this.length(i);
    return n;
  }

  /** The sum as one sorted term list; the bucket is emptied. */
  takeAll(): TermList<C> {
    let acc: TermList<C> = { mons: [], coeffs: [] };
    for (let i = 0; i < this.mons.length; i++) {
      if (this.length(i) === 0) continue;
      acc = mergeTerms(this.arith, this.compare, acc.mons, acc.coeffs, 0, this.mons[i]!, this.coeffs[i]!, this.heads[i]!);
      this.mons[i] = [];
      this.coeffs[i] = [];
      this.heads[i] = 0;
    }
    return acc;
  }
}
