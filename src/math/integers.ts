// Integer helpers on native bigint. Functions whose result size depends on the arguments' values
// (binomial) are bounded up front by budget.ts and poll the interrupt (progress.ts) as they go.
import { checkIntegerSize, log2Binomial } from './budget.js';
import { checkInterrupt } from './progress.js';

export function bigAbs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

export function bigGcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function bigLcm(a: bigint, b: bigint): bigint {
  if (a === 0n || b === 0n) return 0n;
  return bigAbs((a / bigGcd(a, b)) * b);
}

/** Integer square root (floor) of a non-negative bigint. */
export function bigSqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('square root of a negative number');
  if (n < 2n) return n;
  // Newton's iteration from above: x_{k+1} = (x_k + n / x_k) / 2 decreases to floor(sqrt(n)).
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/**
 * C(n, k) for integers n >= 0 (0 outside 0 <= k <= n), by the product (n-k+1)/1 · ... · n/k, each
 * partial product an integer. Refused (MathError 'too-large') when log2 C(n, k) passes the integer
 * limit of budget.ts; polls the interrupt every 256 factors.
 */
export function binomial(n: number | bigint, k: number | bigint): bigint {
  const N = BigInt(n);
  let K = BigInt(k);
  if (K < 0n || K > N) return 0n;
  if (N - K < K) K = N - K;
  checkIntegerSize(`binomial(${N}, ${k})`, log2Binomial(Number(N), Number(K)));
  let r = 1n;
  for (let i = 1n; i <= K; i++) {
    if ((i & 255n) === 0n) checkInterrupt();
    r = (r * (N - K + i)) / i;
  }
  return r;
}
