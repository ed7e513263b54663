// Certified inertia of a real symmetric matrix known only up to intervals: interval LDL^T.
//
// Representation: a symmetric matrix of Intervals (./interval.ts), read from its lower triangle. The
// elimination is symmetric Gaussian elimination (the LDL^T factorization of Bunch and Kaufman's
// family, "Some stable methods for calculating inertia and solving symmetric linear systems", Math.
// Comp. 1977) carried out in interval arithmetic: at each step a pivot is chosen among the remaining
// diagonal entries whose interval excludes 0 (the one of largest magnitude), or, when there is none,
// a 2×2 block [[a, b], [b, c]] whose determinant interval is certainly negative; the Schur complement
// replaces the rest. By Sylvester's law of inertia and Haynsworth's inertia additivity, a 1×1 pivot d
// contributes sign(d) and a 2×2 block of negative determinant one positive and one negative eigenvalue.
//
// Why the answer is certain: interval arithmetic has the inclusion property, so for every symmetric
// matrix A whose entries lie in the given intervals, the exact elimination of A with the same pivot
// choices produces pivots inside the computed intervals, whose signs are therefore those read here.
// When no pivot can be certified the result is `undecided` (with the step): a zero eigenvalue is
// never claimed, since the intervals cannot tell 0 from a tiny number.
import { checkInterrupt, type Interrupt } from '../progress.js';
import { compareDyadic, dyadicAbs, dyadicMin } from './dyadic.js';
import {
  DEFAULT_BITS,
  type Interval,
  intervalAdd,
  intervalDiv,
  intervalMul,
  intervalNeg,
  intervalPow,
  intervalSign,
  intervalSub,
} from './interval.js';

export type IntervalInertia =
  | { readonly decided: true; readonly positive: number; readonly negative: number }
  | { readonly decided: false; readonly positive: number; readonly negative: number; readonly remaining: number };

export interface IntervalLdlOptions {
  readonly bits?: number;
  readonly signal?: Interrupt;
}

/** The smallest |x| for x in a (0 when a contains 0). */
function mignitude(a: Interval) {
  const s = intervalSign(a);
  if (s === undefined || s === 0) return { m: 0n, e: 0 };
  return dyadicMin(dyadicAbs(a.lo), dyadicAbs(a.hi));
}

/**
 * The inertia (n+, n-) of every symmetric matrix with entries in the given intervals, when the interval
 * LDL^T certifies all pivots (then n0 = 0 for all of them); otherwise `decided: false` with the pivots
 * certified so far and the size of the block left undecided.
 */
export function intervalInertia(M: readonly (readonly Interval[])[], options: IntervalLdlOptions = {}): IntervalInertia {
  const bits = options.bits ?? DEFAULT_BITS;
  const n = M.length;
  // Working copy of the lower triangle, indexed by original row/column numbers.
  const A: Interval[][] = M.map((row, i) => row.slice(0, i + 1));
  const at = (i: number, j: number): Interval => (i >= j ? A[i]![j]! : A[j]![i]!);
  const set = (i: number, j: number, x: Interval) => {
    if (i >= j) A[i]![j] = x;
    else A[j]![i] = x;
  };
  let remaining = Array.from({ length: n }, (_, i) => i);
  let positive = 0;
  let negative = 0;
  while (remaining.length > 0) {
    checkInterrupt(options.signal);
    // 1×1 pivot: the remaining diagonal entry of largest certain magnitude.
    let best = -1;
    let bestMag = { m: 0n, e: 0 };
    for (const i of remaining) {
      const mg = mignitude(at(i, i));
      if (mg.m !== 0n && (best < 0 || compareDyadic(mg, bestMag) > 0)) {
        best = i;
        bestMag = mg;
      }
    }
    if (best >= 0) {
      const d = at(best, best);
      if (intervalSign(d) === 1) positive++;
      else negative++;
      const rest = remaining.filter((i) => i !== best);
      const l = new Map<number, Interval>();
      for (const i of rest) l.set(i, intervalDiv(at(i, best), d, bits));
      for (const i of rest) {
        for (const j of rest) {
          if (j > i) continue;
          set(i, j, intervalSub(at(i, j), intervalMul(l.get(i)!, at(best, j), bits), bits));
        }
      }
      remaining = rest;
      continue;
    }
    // 2×2 pivot [[a, b], [b, c]] with a certainly negative determinant.
    let pair: [number, number] | undefined;
    let det: Interval | undefined;
    for (let x = 0; x < remaining.length && !pair; x++) {
      for (let y = x + 1; y < remaining.length && !pair; y++) {
        const i = remaining[x]!;
        const j = remaining[y]!;
        const dt = intervalSub(intervalMul(at(i, i), at(j, j), bits), intervalPow(at(i, j), 2, bits), bits);
        if (intervalSign(dt) === -1) {
          pair = [i, j];
          det = dt;
        }
      }
    }
    if (!pair || !det) return { decided: false, positive, negative, remaining: remaining.length };
    const [i, j] = pair;
    positive++;
    negative++;
    // P^{-1} = [[c, -b], [-b, a]] / det.
    const inv00 = intervalDiv(at(j, j), det, bits);
    const inv01 = intervalDiv(intervalNeg(at(i, j)), det, bits);
    const inv11 = intervalDiv(at(i, i), det, bits);
    const rest = remaining.filter((k) => k !== i && k !== j);
    // Row r of B P^{-1}: [a_ri·inv00 + a_rj·inv01, a_ri·inv01 + a_rj·inv11].
    const w = new Map<number, [Interval, Interval]>();
    for (const r of rest) {
      const ri = at(r, i);
      const rj = at(r, j);
      w.set(r, [
        intervalAdd(intervalMul(ri, inv00, bits), intervalMul(rj, inv01, bits), bits),
        intervalAdd(intervalMul(ri, inv01, bits), intervalMul(rj, inv11, bits), bits),
      ]);
    }
    for (const r of rest) {
      for (const s of rest) {
        if (s > r) continue;
        const [w0, w1] = w.get(r)!;
        const update = intervalAdd(intervalMul(w0, at(s, i), bits), intervalMul(w1, at(s, j), bits), bits);
        set(r, s, intervalSub(at(r, s), update, bits));
      }
    }
    remaining = rest;
  }
  return { decided: true, positive, negative };
}
