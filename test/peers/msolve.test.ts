// vdl against msolve 0.7.5, an independent solver (F4 + sparse FGLM modulo primes, multi-modular
// lifting, certified real root isolation): the numbers of distinct complex and real solutions of
// vdl's `solve` and of the full stationary analysis must equal msolve's (complex = degree of its
// square-free eliminating polynomial, real = number of its isolating boxes), and every real point vdl
// reports must lie within 10^-20 (relative) of exactly one msolve box, and every box hold one point.
// Systems: katsura-3..5, seeded random dense zero-dimensional systems (2-3 variables, degrees 2-3),
// one non-radical system (a squared generator: distinct solutions and multiplicities), and the
// gradient of the deep linear network 2-1-2 of bench/msolve.js.
//
// msolve comes from $MSOLVE or ~/.cache/msolve-0.7.5/msolve (built by ../shared/peers/build-msolve.sh,
// which .ci/run calls); without it the cross-checks skip, saying why in their title. The helper
// (bench/peers/msolve.js: input writer, output reader) is tested here without msolve too.
import { describe, expect, it } from 'vitest';
import {
  locateMsolve,
  msolveInput,
  msolvePolynomial,
  msolveVariables,
  parseMsolveList,
  readSolutions,
  runMsolve,
  type MsolveBox,
  type MsolveRational,
  type MsolveSolutions,
} from '../../bench/peers/msolve.js';
import { QQ, type Rat, compareRat, rat } from '../../src/math/field.js';
import { PolyRing, type Poly } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { Random } from '../../src/math/random.js';
import { decimalToRational, solve } from '../../src/math/solve.js';
import { katsura } from '../../src/math/systems.js';
import { linearNetwork } from '../../src/networks/architectures.js';
import { randomWeights, squaredLoss } from '../../src/networks/losses.js';
import { gradient, stationaryPoints } from '../../src/networks/stationary.js';

const q = (n: number, d = 1): Rat => rat(BigInt(n), BigInt(d));

/** A random dense polynomial of total degree `degree` in R, coefficients a/b with |a| ≤ 9, 1 ≤ b ≤ 4. */
function randomDense(R: PolyRing<Rat>, degree: number, rng: Random): Poly<Rat> {
  const terms: [Int32Array, Rat][] = [];
  const exps = (n: number, d: number): number[][] =>
    n === 0 ? [[]] : Array.from({ length: d + 1 }, (_, e) => exps(n - 1, d - e).map((rest) => [e, ...rest])).flat();
  for (const e of exps(R.nvars, degree)) terms.push([Int32Array.from(e), q(rng.int(-9, 9) || 1, rng.int(1, 4))]);
  return R.fromTerms(terms);
}

/** A seeded random dense square system in QQ[x1..xn] with the given degrees. */
function randomSystem(seed: number, degrees: number[]) {
  const R = new PolyRing(QQ, msolveVariables(degrees.length));
  const rng = new Random(seed);
  return { R, gens: degrees.map((d) => randomDense(R, d, rng)) };
}

/** The 2-1-2 deep linear network of bench/msolve.js: two data points, generalized L2 (seed 1). */
function network212() {
  const N = linearNetwork([2, 1, 2]);
  const X = [[1, 2], [0, 1]].map((r) => r.map((n) => q(n)));
  const Y = [[2, -1], [1, 1]].map((r) => r.map((n) => q(n)));
  const L = squaredLoss(N, X, Y, { kind: 'entrywise', weights: randomWeights(N, new Random(1)) });
  return { R: N.ring, L, gens: gradient(N.ring, L) };
}

const asRat = (r: MsolveRational): Rat => rat(r.num, r.den);

/** How far x lies outside [lo, hi] (0 inside). */
function distanceToInterval(x: Rat, [lo, hi]: [MsolveRational, MsolveRational]): Rat {
  if (compareRat(x, asRat(lo)) < 0) return QQ.sub(asRat(lo), x);
  if (compareRat(x, asRat(hi)) > 0) return QQ.sub(x, asRat(hi));
  return QQ.zero;
}

/** Whether the point (exact rationals) lies within 10^-20 · max(1, |x_i|) of the box in every coordinate. */
function near(point: readonly Rat[], box: MsolveBox): boolean {
  return point.every((x, i) => {
    const abs = x.num < 0n ? rat(-x.num, x.den) : x;
    const tolerance = QQ.mul(compareRat(abs, QQ.one) > 0 ? abs : QQ.one, rat(1n, 10n ** 20n));
    return compareRat(distanceToInterval(x, box[i]!), tolerance) <= 0;
  });
}

/** Every vdl point near exactly one box and every box near exactly one point. */
function expectPointsInBoxes(points: readonly (readonly string[])[], boxes: readonly MsolveBox[]) {
  expect(points.length).toBe(boxes.length);
  const exact = points.map((p) => p.map(decimalToRational));
  for (const p of exact) expect(boxes.filter((b) => near(p, b)).length).toBe(1);
  for (const b of boxes) expect(exact.filter((p) => near(p, b)).length).toBe(1);
}

const located = locateMsolve();
const binary = located.path;

function msolveSolutions(R: PolyRing<Rat>, gens: readonly Poly<Rat>[]): MsolveSolutions {
  const r = runMsolve(binary!, msolveInput(R.nvars, gens, 0), { parametrization: 1, timeoutSeconds: 120 });
  expect(r.ok, r.log.slice(-500)).toBe(true);
  const s = readSolutions(r.output);
  expect(s.dimension).toBe(0);
  return s;
}

function crossCheckSolve(R: PolyRing<Rat>, gens: readonly Poly<Rat>[]) {
  const m = msolveSolutions(R, gens);
  const v = solve(R, gens, { seed: 7 });
  expect({ complex: v.complex, real: v.real, multiplicity: v.multiplicityCount }).toEqual({
    complex: m.complex,
    real: m.real,
    multiplicity: m.multiplicity,
  });
  expectPointsInBoxes(v.points, m.boxes);
  return { vdl: v, msolve: m };
}

const title = binary ? 'vdl agrees with msolve 0.7.5' : `vdl agrees with msolve 0.7.5 (skipped: ${located.reason})`;

describe.skipIf(binary === null)(title, () => {
  it.each([3, 4, 5])('katsura-%i: complex and real counts, real points in msolve boxes', (n) => {
    const { ring, gens } = katsura(QQ, n);
    // katsura's variables are u0..un; msolve's input names them x1..x(n+1) in the same order.
    const { vdl } = crossCheckSolve(ring, gens);
    expect(vdl.complex).toBe(2 ** n);
  });

  it.each([
    [1, [2, 2]],
    [2, [3, 2]],
    [3, [3, 3]],
    [4, [2, 2, 2]],
    [5, [2, 3, 2]],
  ])('random dense system (seed %i, degrees %j): counts and points', (seed, degrees) => {
    const { R, gens } = randomSystem(seed, degrees);
    const { vdl, msolve } = crossCheckSolve(R, gens);
    // Generic coefficients: the Bézout number of distinct solutions, each simple.
    expect(msolve.complex).toBe(degrees.reduce((a, b) => a * b, 1));
    expect(vdl.real).toBeGreaterThan(0);
  });

  it('non-radical system (f1^2, f2): distinct solutions and multiplicities', () => {
    const { R, gens } = randomSystem(6, [2, 2]);
    const squared = [R.mul(gens[0]!, gens[0]!), gens[1]!];
    const { msolve } = crossCheckSolve(R, squared);
    expect(msolve.complex).toBe(4);
    expect(msolve.multiplicity).toBe(8);
  });

  it('deep linear network 2-1-2: the full stationary analysis against msolve on the gradient', () => {
    const { R, L, gens } = network212();
    const m = msolveSolutions(R, gens);
    const s = stationaryPoints(R, L, { seed: 3 });
    expect({ complex: s.complex, real: s.real }).toEqual({ complex: m.complex, real: m.real });
    expect(s.complex).toBe(17);
    expectPointsInBoxes(
      s.points.map((p) => p.coordinates),
      m.boxes,
    );
  });
});

describe('the msolve helper (bench/peers/msolve.js)', () => {
  it('writes polynomials that read back to the same polynomial', () => {
    const { R, gens } = randomSystem(11, [3, 2, 2]);
    const tricky = R.sub(R.scale(R.variable(0), q(-1)), R.fromInt(7)); // -x1 - 7: leading sign, constant
    for (const g of [...gens, tricky, R.zero()]) expect(R.equals(parsePoly(R, msolvePolynomial(g)), g)).toBe(true);
    const input = msolveInput(3, gens.slice(0, 2), 32003).split('\n');
    expect(input.slice(0, 2)).toEqual(['x1,x2,x3', '32003']);
    expect(input[2]!.endsWith(',')).toBe(true);
    expect(input[3]!.endsWith(',')).toBe(false);
  });

  it('reads the -P 1 output of the tutorial: parametrization and boxes', () => {
    // msolve tutorial, section "Parametrizations": the example param_and_reals_char0.
    const text = `[0, [0,
3,
4,
['z1', 'z2', 'z3'],
[0, 0, 1],
[1,
[[4, [-116, -210, 1484, -344, 53]],
[3, [-210, 2968, -1032, 212]],
[
[[3, [1894, 162, -1636, 192]],
1],
[[3, [-146, -620, -3118, 314]],
1]
]]]],[1,
[[[679375673646273705027530285330331715009 / 2^128, 339687836823136852513765142665165857505 / 2^127], [-60535166785954698124918883091179878673 / 2^128, -3783447924122168632807430193198742417 / 2^124], [-1162789190151604508343028862486419979779 / 2^132, -581394595075802254171514431243209989889 / 2^131]], [[-756665306660103909967296571629791504137 / 2^128, -756665306660103909967296571629791504135 / 2^128], [88745898258177294078528671940999802399 / 2^126, 177491796516354588157057343881999604799 / 2^127], [2063895933416661444279689618845660247455 / 2^132, 4127791866833322888559379237691320494911 / 2^133]]]
]]:`;
    const s = readSolutions(text);
    expect(s).toMatchObject({ dimension: 0, complex: 4, multiplicity: 4, real: 2 });
    expect(s.parametrization!.vars).toEqual(['z1', 'z2', 'z3']);
    expect(s.parametrization!.eliminating.map((c) => c.num)).toEqual([-116n, -210n, 1484n, -344n, 53n]);
    expect(s.parametrization!.numerators).toHaveLength(2);
    const [lo, hi] = s.boxes[0]![0]!;
    expect(lo).toEqual({ num: 679375673646273705027530285330331715009n, den: 2n ** 128n });
    expect(compareRat(asRat(lo), asRat(hi))).toBeLessThan(0);
    expect(s.boxes[1]!).toHaveLength(3);
  });

  it('reads the empty, positive-dimensional and plain real-solving outputs', () => {
    expect(readSolutions('[-1]:')).toMatchObject({ dimension: -1, complex: 0, real: 0 });
    expect(readSolutions('[1, 3, -1, []]:').dimension).toBe(1);
    const s = readSolutions('[0, [1,\n[[[1, 1], [-2, -2], [3, 3]], [[1, 1], [2, 2], [3, 3]]]\n]]:');
    expect(s).toMatchObject({ dimension: 0, complex: null, real: 2 });
    expect(s.boxes[1]!.map(([a]) => a.num)).toEqual([1n, 2n, 3n]);
    expect(readSolutions('[0, [1,\n[]\n]]:').real).toBe(0);
    expect(parseMsolveList("[-3/4, 'x', []]:")).toEqual([{ num: -3n, den: 4n }, 'x', []]);
  });

  it('matches a point to a box within the tolerance only', () => {
    const box: MsolveBox = [
      [{ num: 1n, den: 4n }, { num: 1n, den: 2n }],
      [{ num: -3n, den: 1n }, { num: -3n, den: 1n }],
    ];
    expect(near([q(1, 3), q(-3)], box)).toBe(true);
    expect(near([rat(10n ** 21n + 1n, 2n * 10n ** 21n), q(-3)], box)).toBe(true); // 1/2 + 10^-21
    expect(near([rat(10n ** 19n + 1n, 2n * 10n ** 19n), q(-3)], box)).toBe(false); // 1/2 + 10^-19
    expect(near([q(1, 3), rat(-3n * 10n ** 19n - 1n, 10n ** 19n)], box)).toBe(false);
    expect(() => expectPointsInBoxes([['0.4', '-3'], ['0.3', '-3']], [box])).toThrow();
  });

  it('rejects output it cannot read, saying where', () => {
    expect(() => parseMsolveList('[0, [1,')).toThrow(/offset/);
    expect(() => parseMsolveList('[1 2]:')).toThrow(/expected ',' or '\]' at offset 3/);
  });

  it('says why there is no binary when $MSOLVE points nowhere', () => {
    const saved = process.env.MSOLVE;
    process.env.MSOLVE = '/nonexistent/msolve';
    try {
      expect(locateMsolve()).toEqual({ path: null, reason: '$MSOLVE is /nonexistent/msolve, which does not exist' });
    } finally {
      if (saved === undefined) delete process.env.MSOLVE;
      else process.env.MSOLVE = saved;
    }
  });
});
