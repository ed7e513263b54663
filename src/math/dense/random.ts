// Random dense float matrices from vdl's seeded stream (src/math/random.ts, sfc32).
//
// Gaussian entries by the Box–Muller transform (G. E. P. Box and M. E. Muller, Ann. Math. Statist.
// 29 (1958)): from u1 ∈ (0, 1] and u2 ∈ [0, 1) (53 random bits each), √(-2 ln u1)·(cos 2πu2, sin 2πu2)
// are two independent N(0, 1) draws; both are used, row-major. Uniform entries: a + (b - a)·u.
// The same seed gives the same matrix on every platform (only +, ·, log, sqrt, cos, sin of doubles).
import type { Random } from '../random.js';
import { type Dense, zeros } from './matrix.js';

/** rows×cols entries N(mean, sd²). */
export function gaussianDense(random: Random, rows: number, cols: number, mean = 0, sd = 1): Dense {
  const M = zeros(rows, cols), d = M.data, total = rows * cols;
  for (let k = 0; k < total; k += 2) {
    const u1 = 1 - random.nextFloat(), u2 = random.nextFloat();
    const radius = Math.sqrt(-2 * Math.log(u1)), angle = 2 * Math.PI * u2;
    d[k] = mean + sd * radius * Math.cos(angle);
    if (k + 1 < total) d[k + 1] = mean + sd * radius * Math.sin(angle);
  }
  return M;
}

/** rows×cols entries uniform in [lo, hi). */
export function uniformDense(random: Random, rows: number, cols: number, lo = 0, hi = 1): Dense {
  const M = zeros(rows, cols), d = M.data;
  for (let k = 0; k < d.length; k++) d[k] = lo + (hi - lo) * random.nextFloat();
  return M;
}
