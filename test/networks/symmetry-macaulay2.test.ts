// Stationary orbits modulo symmetry against Macaulay2 on the same input (skipped, with the reason, when
// M2 is not installed). The sliced system of src/networks/symmetry.ts is written out (∇L = 0 and the
// slice equations) and Macaulay2 saturates it by a different ideal than vdl does:
// - linear(2, 1, 1, 2): by the ideal of all entries of the product W3 W2 W1 (vdl: one seeded random
//   combination of them, then the origin on its own);
// - shallow(2, 1, 4) with outer weights: by the ideal (w_1, w_2) of the unit (vdl: by |w|² + a² − 1,
//   which keeps the zero unit (0, 0)).
// Macaulay2's `degree radical` counts the distinct complex points and RealRoots' `traceCount` (the
// signature of the trace form) the real ones; they must equal vdl's `complex` and `real` less the
// point one saturation keeps and the other removes (the origin, once).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Rat, rat } from '../../src/math/field.js';
import type { Poly } from '../../src/math/poly.js';
import { linearNetwork, shallowNetwork } from '../../src/networks/architectures.js';
import { squaredLoss } from '../../src/networks/losses.js';
import { networkSymmetry, symmetricStationary } from '../../src/networks/symmetry.js';
import { abortAfter } from '../helpers.js';

const HAS_M2 = !spawnSync('M2', ['--version'], { encoding: 'utf8' }).error;
const q = (n: number) => rat(BigInt(n), 1n);

/** A polynomial in Macaulay2's syntax over x_0..x_{n-1}. */
function m2Poly(f: Poly<Rat>): string {
  if (f.mons.length === 0) return '0';
  return f.mons
    .map((m, k) => {
      const c = f.coeffs[k]!;
      const factors = Array.from(m).flatMap((e, i) => (e === 0 ? [] : [e === 1 ? `x_${i}` : `x_${i}^${e}`]));
      return `(${c.num}/${c.den})${factors.map((x) => `*${x}`).join('')}`;
    })
    .join(' + ');
}

/**
 * The distinct complex points of (gens) : (away)^∞ by Macaulay2 (`degree` of the radical), and with
 * `real` its real points (RealRoots' `traceCount`: the signature of the trace form, Hermite).
 */
function m2Counts(nvars: number, gens: readonly Poly<Rat>[], away: readonly Poly<Rat>[], real: boolean): { complex: number; real?: number } {
  const script = [
    'needsPackage "RealRoots";',
    `R = QQ[x_0..x_${nvars - 1}];`,
    `I = ideal(${gens.map(m2Poly).join(', ')});`,
    `J = radical saturate(I, ideal(${away.map(m2Poly).join(', ')}));`,
    'if dim J > 0 then error "positive-dimensional";',
    'print degree J;',
    ...(real ? ['print traceCount J;'] : []),
  ].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'vdl-m2-'));
  try {
    const file = join(dir, 'check.m2');
    writeFileSync(file, script);
    const out = spawnSync('M2', ['--script', file], { encoding: 'utf8', timeout: 300_000 });
    if (out.status !== 0) throw new Error(`M2 failed: ${out.stderr}`);
    const [complex, realCount] = out.stdout.split('\n').map((l) => l.trim()).filter((l) => l.length > 0).map(Number);
    return real ? { complex: complex!, real: realCount! } : { complex: complex! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('stationary orbits modulo symmetry: the sliced system against Macaulay2', () => {
  it('linear(2, 1, 1, 2), X = I, Y = diag(3, 1): saturated by the product entries', (context) => {
    if (!HAS_M2) return context.skip('Macaulay2 (M2) is not installed');
    const N = linearNetwork([2, 1, 1, 2]);
    const L = squaredLoss(N, [[q(1), q(0)], [q(0), q(1)]], [[q(3), q(0)], [q(0), q(1)]]);
    const R = N.ring;
    const sym = networkSymmetry(N)!;
    const result = symmetricStationary(R, L, sym, { seed: 5, signal: abortAfter(50_000) });
    const grad = Array.from({ length: R.nvars }, (_, i) => R.diff(L, i));
    const m2 = m2Counts(R.nvars, [...grad, ...sym.slice], N.fmap.flat(), true);
    // vdl adds the origin (stationary, removed by both saturations) as one point.
    expect({ complex: result.complex - 1, real: result.real - 1 }).toEqual(m2);
  });

  it('shallow(2, 1, 4) with outer weights: saturated by the unit’s inner weights', (context) => {
    if (!HAS_M2) return context.skip('Macaulay2 (M2) is not installed');
    const N = shallowNetwork(2, 1, { kind: 'power', degree: 4 }, true);
    const X: Rat[][] = [[q(1), q(0), q(1), q(2), q(3)], [q(0), q(1), q(1), q(-1), q(1)]];
    const L = squaredLoss(N, X, [[q(2), q(-1), q(3), q(1), q(5)]]);
    const R = N.ring;
    const sym = networkSymmetry(N)!;
    const result = symmetricStationary(R, L, sym, { seed: 5, signal: abortAfter(60_000) });
    const grad = Array.from({ length: R.nvars }, (_, i) => R.diff(L, i));
    // The real count (trace form of size 80) takes minutes in Macaulay2: the complex count only here
    // (the real orbits are checked against the gauge route in symmetry-groups.test.ts).
    const m2 = m2Counts(R.nvars, [...grad, ...sym.slice], [R.variable(0), R.variable(1)], false);
    // The zero unit (0, 0), kept by vdl's saturation, is removed by (w_1, w_2).
    expect(result.complex - 1).toBe(m2.complex);
  });
});
