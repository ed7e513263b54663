// Morse indices through the parametrization + interval-inertia route (src/math/realroots/
// point-inertia.ts, used by stationaryPoints), checked by independent routes: the exact inertia of the
// old RUR route (src/math/real-inertia.ts: characteristic polynomial over Q[T]/(f), exact signs) on
// the same losses, and a floating-point eigenvalue check (Jacobi rotations) at the decimal points away
// from degenerate ones. Degenerate stationary points (singular Hessian) must be reported as degenerate,
// never given an index by the intervals, and the results must not depend on the seed.
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, rat } from '../../src/math/field.js';
import { hessian } from '../../src/math/linalg/polymatrix.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { Random } from '../../src/math/random.js';
import { inertiaAtRealSolutions } from '../../src/math/real-inertia.js';
import { linearNetwork } from '../../src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../../src/networks/losses.js';
import { gradient, stationaryPoints } from '../../src/networks/stationary.js';
import { run } from '../../src/index.js';

/** Eigenvalues of a real symmetric matrix by cyclic Jacobi rotations (floating point; a check only). */
function eigenvalues(A: number[][]): number[] {
  const n = A.length;
  const a = A.map((row) => row.slice());
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p]![q]!) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!, akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!, aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
      }
    }
  }
  return a.map((row, i) => row[i]!);
}

/** A double of a polynomial at a point of doubles. */
function evalFloat(R: PolyRing<Rat>, f: Poly<Rat>, x: readonly number[]): number {
  let s = 0;
  f.mons.forEach((m, k) => {
    let t = Number(f.coeffs[k]!.num) / Number(f.coeffs[k]!.den);
    for (let i = 0; i < m.length; i++) t *= x[i]! ** m[i]!;
    s += t;
  });
  return s;
}

/**
 * A random loss in two or three variables with a zero-dimensional gradient and real stationary
 * points: Σ a_i x_i^4 (a_i > 0) + a random quadratic + random linear terms, small integer coefficients.
 */
function randomLoss(seed: number, n: number): { R: PolyRing<Rat>; L: Poly<Rat> } {
  const random = new Random(seed);
  const names = ['x', 'y', 'z'].slice(0, n);
  const R = new PolyRing(QQ, names);
  const x = names.map((_, i) => R.variable(i));
  const c = (lo: number, hi: number) => R.constant(rat(BigInt(random.int(lo, hi))));
  let L = R.zero();
  for (let i = 0; i < n; i++) L = R.add(L, R.mul(c(1, 3), R.pow(x[i]!, 4)));
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) L = R.add(L, R.mul(c(-6, 6), R.mul(x[i]!, x[j]!)));
  for (let i = 0; i < n; i++) L = R.add(L, R.mul(c(-3, 3), x[i]!));
  return { R, L };
}

describe('Morse indices by parametrization + interval inertia', () => {
  it('agree point by point with the exact RUR route and with floating-point eigenvalues (seeded random losses)', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { R, L } = randomLoss(seed, seed <= 4 ? 2 : 3);
      const s = stationaryPoints(R, L, { seed, digits: 20 });
      expect(s.method).toContain('parametrization + interval inertia');
      const old = inertiaAtRealSolutions(R, gradient(R, L), hessian(R, L), { seed, digits: 20, evaluate: [L] });
      expect([s.complex, s.real]).toEqual([old.complex, old.real]);
      // The same points with the same exactly rounded decimals, and the same inertia at each.
      const key = (c: readonly string[]) => c.join(',');
      const exact = new Map(old.points.map((p) => [key(p.coordinates), p]));
      for (const p of s.points) {
        const o = exact.get(key(p.coordinates));
        expect(o, `seed ${seed}: point ${key(p.coordinates)}`).toBeDefined();
        expect(p.inertia).toEqual(o!.inertia);
        expect(p.value).toBe(o!.values[0]);
        // Floating point, away from degenerate points only.
        const H = hessian(R, L).map((row) => row.map((h) => evalFloat(R, h, p.coordinates.map(Number))));
        const ev = eigenvalues(H);
        if (Math.min(...ev.map(Math.abs)) > 1e-6) expect(ev.filter((e) => e < 0).length).toBe(p.index);
      }
    }
  });

  it('a 1-2-1 network with generalized L2: the indices equal the exact route, independent of the seed', () => {
    const N = linearNetwork([1, 2, 1]);
    const q = (n: number) => rat(BigInt(n));
    const L = squaredLoss(N, [[q(1), q(2)]], [[q(2), q(-1)]], { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
    // The whole gradient ideal's route (the sign-symmetry route, without exact points, is
    // test/networks/sign-symmetry.test.ts).
    const a = stationaryPoints(N.ring, L, { seed: 1, signSymmetry: false });
    const b = stationaryPoints(N.ring, L, { seed: 7, signSymmetry: false });
    // The exact points belong to each seed's parametrization (another linear form, another W): compared
    // by their decimals, which the exact real algebraic numbers must reproduce.
    const plain = (s: typeof a) => s.points.map(({ point: _point, ...rest }) => rest);
    expect([b.complex, b.real, b.indices, plain(b)]).toEqual([a.complex, a.real, a.indices, plain(a)]);
    for (const p of [...a.points, ...b.points]) expect(p.point!.decimals(30)).toEqual(p.coordinates);
    const old = inertiaAtRealSolutions(N.ring, gradient(N.ring, L), hessian(N.ring, L), { seed: 3, evaluate: [L] });
    expect(a.real).toBe(old.real);
    const indices = new Array<number>(a.indices.length).fill(0);
    for (const p of old.points) indices[p.inertia.negative]!++;
    expect(a.indices).toEqual(indices);
    expect(a.degenerate).toBe(0);
  });

  it('a degenerate stationary point (x^3 + y^2 + ...) is reported as degenerate, never given an interval index', () => {
    // L = x^3/3 - x^2 ... : here L = x^3 + y^2: the origin is the only stationary point, a double
    // solution of the gradient (3x^2, 2y) with Hessian diag(0, 2): degenerate, one zero eigenvalue.
    const R = new PolyRing(QQ, ['x', 'y']);
    const [x, y] = [R.variable(0), R.variable(1)];
    const s = stationaryPoints(R, R.add(R.pow(x, 3), R.mul(y, y)), { seed: 3 });
    expect([s.complex, s.real, s.degenerate, s.minima]).toEqual([1, 1, 1, 0]);
    expect(s.points[0]!.inertia).toEqual({ positive: 1, negative: 0, zero: 1 });
    expect(s.points[0]!.degenerate).toBe(true);
    expect(s.method).toContain('does not apply');
    // A symmetric case: L = (x^2 - 1)^2 y^2 + y^2 + x^4 ... with a degenerate point among simple ones:
    // L = x^4/4 - x^2/2 + y^3 has stationary points (0, 0), (±1, 0); all three have Hessian
    // diag(3x^2 - 1, 0): every one is degenerate (the y-direction is flat at y = 0).
    const L2 = R.add(R.sub(R.scale(R.pow(x, 4), rat(1n, 4n)), R.scale(R.mul(x, x), rat(1n, 2n))), R.pow(y, 3));
    const t = stationaryPoints(R, L2, { seed: 5 });
    expect([t.complex, t.real, t.degenerate]).toEqual([3, 3, 3]);
    expect(t.points.map((p) => p.inertia.zero)).toEqual([1, 1, 1]);
    expect(t.points.map((p) => p.index).sort()).toEqual([0, 0, 1]);
  });

  it('how(s.indices) names the route (here the orbits of the sign flip of the hidden unit) and carries the parametrization\'s label', () => {
    const script =
      'let L = loss(linear(1, 1, 1), X = [[1, 1, 1]], Y = [[1, 2, 2]], reg = [[[1/2]], [[2]]]);\nlet s = stationary(L);\nprint s.indices, how(s.indices).algorithm, how(s.indices).certified, how(s.indices).primes.count > 0;';
    const r = run(script, { seed: 1 });
    expect(r.ok).toBe(true);
    expect(r.prints[0]!.text).toBe('[2, 1, 0], sparse FGLM on the invariant ring, sign group of order 2 + interval inertia, false, true');
  });

  it('certify = true: the parametrization is checked exactly and the indices are certified', () => {
    const R = new PolyRing(QQ, ['w1', 'w2']);
    const [w1, w2] = [R.variable(0), R.variable(1)];
    const p = R.mul(w1, w2);
    const L = R.add(R.scale(R.sub(R.scale(R.mul(p, p), rat(3n)), R.scale(p, rat(10n))), rat(1n, 2n)), R.add(R.scale(R.mul(w1, w1), rat(1n, 4n)), R.mul(w2, w2)));
    const s = stationaryPoints(R, L, { certify: true });
    expect(s.provenance.certified).toBe(true);
    expect(s.provenance.algorithm).toBe('parametrization + interval inertia');
    expect(s.indices).toEqual([2, 1, 0]);
  });
});
