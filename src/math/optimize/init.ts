// Seeded initializations for the optimizers (every draw from vdl's seeded stream, src/math/random.ts).
//
// - gaussianInit: independent N(0, scale²) coordinates (Box–Muller, ../dense/random.ts). With a small
//   scale this is the "small initialization" of the implicit-bias literature (e.g. Woodworth et al.,
//   "Kernel and rich regimes in overparametrized models", COLT 2020).
// - balancedInit: a balanced point of a deep linear network W_L ⋯ W_1 (W_l of size d_l × d_{l-1}):
//   W_{l+1}ᵀ W_{l+1} = W_l W_lᵀ for every l (S. Arora, N. Cohen, N. Golowich, W. Hu, "A convergence
//   analysis of gradient descent for deep linear neural networks", ICLR 2019, §3 "balanced
//   initialization"). Procedure: draw A (d_L × d_0) with N(0, scale²) entries, take its SVD and keep
//   the top r = min_l d_l singular triples, A_r = U Σ Vᵀ; draw Q_l (d_l × r) with orthonormal columns
//   for the hidden layers (thin Householder QR of a Gaussian matrix); set
//   W_1 = Q_1 Σ^{1/L} Vᵀ, W_l = Q_l Σ^{1/L} Q_{l-1}ᵀ, W_L = U Σ^{1/L} Q_{L-1}ᵀ.
//   Then W_{l+1}ᵀ W_{l+1} = Q_l Σ^{2/L} Q_lᵀ = W_l W_lᵀ and the product is A_r. Gradient flow keeps
//   W_{l+1}ᵀ W_{l+1} - W_l W_lᵀ constant, so the trajectory stays balanced.
import { type Dense, zeros } from '../dense/matrix.js';
import { householderQR, thinQ } from '../dense/qr.js';
import { gaussianDense } from '../dense/random.js';
import { svd } from '../dense/svd.js';
import { MathError } from '../errors.js';
import type { Random } from '../random.js';

/** n independent N(0, scale²) draws. */
export function gaussianInit(random: Random, n: number, scale: number): Float64Array {
  return gaussianDense(random, 1, n, 0, scale).data;
}

/** Balanced weights W_1, ..., W_L (row-major, W_l is widths[l] × widths[l-1]) with product of Gaussian scale. */
export function balancedInit(random: Random, widths: readonly number[], scale: number): Dense[] {
  const L = widths.length - 1;
  if (L < 1) throw new MathError('domain', 'a linear network needs at least one layer');
  const d0 = widths[0]!, dL = widths[L]!;
  const r = Math.min(...widths);
  const A = gaussianDense(random, dL, d0, 0, scale);
  const { U, V, singular } = svd(A);
  const root = Array.from({ length: r }, (_, k) => Math.pow(singular[k]!, 1 / L));
  /** Orthonormal d × r columns: the thin Q of a Gaussian d × r matrix. */
  const orthonormal = (d: number): Dense => thinQ(householderQR(gaussianDense(random, d, r)));
  // Left and right factors of each layer: W_l = left_l Σ^{1/L} right_lᵀ, both with r orthonormal columns.
  const hidden = Array.from({ length: L - 1 }, (_, l) => orthonormal(widths[l + 1]!));
  const columns = (M: Dense, k: number) => (i: number) => M.data[i * M.stride + k]!;
  const layers: Dense[] = [];
  for (let l = 1; l <= L; l++) {
    const left = l === L ? U : hidden[l - 1]!;
    const right = l === 1 ? V : hidden[l - 2]!;
    const W = zeros(widths[l]!, widths[l - 1]!);
    for (let k = 0; k < r; k++) {
      const u = columns(left, k), v = columns(right, k);
      for (let i = 0; i < W.rows; i++) {
        const ui = root[k]! * u(i);
        for (let j = 0; j < W.cols; j++) W.data[i * W.cols + j] = W.data[i * W.cols + j]! + ui * v(j);
      }
    }
    layers.push(W);
  }
  return layers;
}
