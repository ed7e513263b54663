// The deep linear networks of the msolve comparison (bench/networks.js), shared by the sign-symmetry
// tests: two data points (a third input and output row for widths 3), generalized L2 with weights
// drawn from seed 1.
import { rat } from '../../src/math/field.js';
import { Random } from '../../src/math/random.js';
import { linearNetwork } from '../../src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../../src/networks/losses.js';

const q = (n: number) => rat(BigInt(n));
const X2 = [[1, 2], [0, 1], [1, -1]].map((r) => r.map(q));
const Y2 = [[2, -1], [1, 1], [0, 1]].map((r) => r.map(q));

/** linear(widths) with its regularized squared loss on the two data points: the ring and L. */
export function network(widths: number[]) {
  const N = linearNetwork(widths);
  const L = squaredLoss(N, X2.slice(0, widths[0]), Y2.slice(0, widths[widths.length - 1]), { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
  return { R: N.ring, L };
}
