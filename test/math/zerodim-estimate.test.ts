// The estimate of the number of primes of a modular parametrization (src/math/zerodim/estimate.ts),
// the "prime k of ~n" of the progress line: the running estimate's rules, and on real systems the
// estimate against the count of primes the lifting actually needed (measured by the run itself).
import { describe, expect, it } from 'vitest';
import { QQ, rat } from '../../src/math/field.js';
import { integerGenerators } from '../../src/math/groebner/modular.js';
import { katsura } from '../../src/math/systems.js';
import { PRIOR_FACTOR, PrimeEstimate, heightPrior } from '../../src/math/zerodim/estimate.js';
import { INTEGER_MARGIN } from '../../src/math/zerodim/lift.js';
import { parametrize } from '../../src/math/zerodim/index.js';
import { MIN_PRIME_LIMIT, PRIME_LIMIT_FACTOR, primeLimit } from '../../src/math/zerodim/parametrize.js';
import { MathError } from '../../src/math/errors.js';
import { Random } from '../../src/math/random.js';
import { linearNetwork } from '../../src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../../src/networks/losses.js';
import { gradient } from '../../src/networks/stationary.js';

/** The progress messages of a parametrization, and the number of primes it used. */
function run(ring: Parameters<typeof parametrize>[0], gens: Parameters<typeof parametrize>[1]) {
  const messages: string[] = [];
  const P = parametrize(ring, gens, { seed: 1, onProgress: (e) => messages.push(e.message ?? '') });
  const estimates = messages.flatMap((m) => {
    const match = /^prime (\d+) of ~(\d+)( \(a priori\))?$/.exec(m);
    return match ? [{ k: Number(match[1]), n: Number(match[2]), prior: match[3] !== undefined }] : [];
  });
  return { primes: P.provenance.primes!.count, estimates, D: P.w.length - 1 };
}

describe('PrimeEstimate', () => {
  it('starts from the prior (a modulus of 1.1 times the height plus the integer margin), and counts one prime for the agreement check', () => {
    const e = new PrimeEstimate(1000);
    // 1.1·1000 + 40 + 1 = 1,141 bits at 20 bits per prime: 58 primes, plus one.
    expect(PRIOR_FACTOR).toBe(1.1);
    expect(INTEGER_MARGIN).toBe(40);
    expect(e.primes(10, 200)).toBe(59);
    expect(e.fromSample).toBe(false);
  });

  it('grows past the prior when a checkpoint fails with more bits than the prior asked for', () => {
    const e = new PrimeEstimate(100);
    e.sampleFailed(300);
    expect(e.primes(15, 300)).toBe(Math.ceil((300 * 1.05) / 20) + 1);
  });

  it('coefficients that just became reconstructible replace the prior; small ones say nothing of the others; a sample only raises it', () => {
    const e = new PrimeEstimate(10_000);
    e.heightMeasured(10, 400); // small coefficients: no information on the others
    expect(e.fromSample).toBe(false);
    expect(e.primes(20, 400)).toBe(Math.ceil(11_041 / 20) + 1);
    e.sampleReconstructed(200); // below the prior: no change
    expect(e.primes(20, 400)).toBe(Math.ceil(11_041 / 20) + 1);
    e.heightMeasured(350, 400);
    expect(e.fromSample).toBe(true);
    expect(e.primes(20, 400)).toBe(Math.ceil(391 / 20) + 1);
    e.sampleReconstructed(500); // a sample of 500 bits: at least 501 are needed
    expect(e.primes(20, 400)).toBe(Math.ceil(501 / 20) + 1);
    e.fullFailed(600);
    expect(e.primes(20, 400)).toBe(Math.ceil(630 / 20) + 1);
  });

  it('never says fewer primes than the next one', () => {
    const e = new PrimeEstimate(1);
    expect(e.primes(50, 1100)).toBe(51);
  });
});

describe('"prime k of ~n" on real systems', () => {
  it('deep linear network 2-2-1 (33 solutions): the prior estimate is within 25 % of the primes the lifting needed', () => {
    const N = linearNetwork([2, 2, 1]);
    const X = [[rat(1n), rat(2n)], [rat(0n), rat(1n)]];
    const Y = [[rat(2n), rat(-1n)]];
    const L = squaredLoss(N, X, Y, { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
    const grad = gradient(N.ring, L).filter((g) => !N.ring.isZero(g));
    const { primes, estimates, D } = run(N.ring, grad);
    expect(D).toBe(33);
    expect(estimates.length).toBe(primes - 1); // one message per prime after the learning prime
    estimates.forEach(({ k }, i) => expect(k).toBe(i + 2));
    expect(estimates.every(({ k, n }) => n > k)).toBe(true);
    const first = estimates[0]!;
    expect(first.prior).toBe(true);
    expect(Math.abs(first.n - primes) / primes).toBeLessThan(0.25);
    // The prior is the formula of the module header, recomputed here from the integer generators.
    const bits = (x: bigint) => (x < 0n ? -x : x).toString(2).length;
    const height = integerGenerators(grad).reduce((h, f) => {
      const degree = Math.max(...f.mons.map((m) => m.reduce((a, b) => a + b, 0)));
      return h + (Math.max(...f.coeffs.map(bits)) + Math.log2(f.coeffs.length)) / degree;
    }, 0);
    expect(heightPrior(integerGenerators(grad), D)).toBeCloseTo(D * height, 6);
  });

  it('katsura-5: an overestimating prior is replaced by the sample once it reconstructs', () => {
    const { ring, gens } = katsura(QQ, 5);
    const { primes, estimates } = run(ring, gens);
    const last = estimates[estimates.length - 1]!;
    expect(estimates[0]!.n).toBeGreaterThan(2 * primes); // the prior: katsura's heights are far below it
    expect(last.prior).toBe(false);
    expect(last.k).toBe(primes);
    expect(last.n - primes).toBeLessThanOrEqual(2);
  });
});

describe('the default limit on the primes follows the estimate', () => {
  it('at least MIN_PRIME_LIMIT, else PRIME_LIMIT_FACTOR times the estimate (3-2-3: about 9,000 primes estimated)', () => {
    expect(primeLimit(10)).toBe(MIN_PRIME_LIMIT);
    expect(primeLimit(9181)).toBe(PRIME_LIMIT_FACTOR * 9181);
    expect(primeLimit(9181)).toBeGreaterThan(2 * 9181);
  });

  it('an explicit maxPrimes is kept: katsura-5 (12 primes) stops after 5 with modular-failed', () => {
    const { ring, gens } = katsura(QQ, 5);
    let error: unknown;
    try {
      parametrize(ring, gens, { seed: 1, maxPrimes: 5 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MathError);
    expect((error as MathError).code).toBe('modular-failed');
    expect((error as MathError).message).toMatch(/after 5 primes/);
  });
});
