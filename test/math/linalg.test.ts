import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, SmallPrimeField, ZZ, rat } from '../../src/math/field.js';
import {
  bareissDeterminant,
  berkowitz,
  characteristicPolynomial,
  cofactorDeterminant,
  determinant,
  determinantGaussian,
  hessian,
  identity,
  inverse,
  jacobian,
  kernel,
  matMul,
  matVec,
  minors,
  polyDeterminant,
  rank,
  ratMatrix,
  rowEchelon,
  signature,
  signatureAlgebraic,
  solveLinear,
  transpose,
} from '../../src/math/linalg/index.js';
import { PolyRing } from '../../src/math/poly.js';
import { parsePoly } from '../../src/math/poly-parse.js';
import { UnivariateRing, isolateRealRoots } from '../../src/math/univariate/index.js';

const intMatrix = (n: number, m = n, range = 6) =>
  fc.array(fc.array(fc.integer({ min: -range, max: range }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n });

const toBig = (A: number[][]) => A.map((r) => r.map((x) => BigInt(x)));
const toRat = (A: number[][]) => ratMatrix(A);

/** A random matrix of rank <= r: (n×r)·(r×m). */
const lowRank = (n: number, m: number, r: number) =>
  fc.tuple(intMatrix(n, r, 3), intMatrix(r, m, 3)).map(([B, C]) => matMul(QQ, toRat(B), toRat(C), m));

describe('determinants', () => {
  it('Bareiss, Gaussian and cofactor expansion agree on random integer matrices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }).chain((n) => intMatrix(n)), (A) => {
        const d = cofactorDeterminant(toBig(A));
        expect(bareissDeterminant(toBig(A))).toBe(d);
        expect(determinantGaussian(QQ, toRat(A))).toEqual(rat(d));
        expect(determinant(QQ, toRat(A))).toEqual(rat(d));
        const F = new SmallPrimeField(101);
        const Ap = A.map((r) => r.map((x) => F.fromBigInt(BigInt(x))));
        expect(determinant(F, Ap)).toBe(F.fromBigInt(d));
      }),
      { numRuns: 150 },
    );
  });

  it('clears denominators for rational matrices', () => {
    const A = ratMatrix([
      [[1, 2], [1, 3]],
      [[1, 4], [1, 5]],
    ]);
    // 1/10 - 1/12 = 1/60
    expect(determinant(QQ, A)).toEqual(rat(1n, 60n));
    expect(determinantGaussian(QQ, A)).toEqual(rat(1n, 60n));
  });
});

describe('echelon form, rank, kernel, inverse, linear systems', () => {
  it('A · A^{-1} = I for invertible matrices; singular ones are refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((n) => intMatrix(n)), (A) => {
        const M = toRat(A);
        if (QQ.isZero(determinant(QQ, M))) {
          expect(() => inverse(QQ, M)).toThrow(/singular/);
        } else {
          const I = identity(QQ, A.length);
          expect(matMul(QQ, M, inverse(QQ, M))).toEqual(I);
          expect(matMul(QQ, inverse(QQ, M), M)).toEqual(I);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('kernel vectors map to 0 and rank + nullity = n', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.integer({ min: 1, max: 6 }).chain((m) => fc.integer({ min: 0, max: 4 }).chain((r) => lowRank(n, m, r).map((M) => [M, m] as const)))),
        ([M, m]) => {
          const K = kernel(QQ, M, m);
          const r = rank(QQ, M, m);
          expect(r + K.length).toBe(m);
          for (const v of K) expect(matVec(QQ, M, v).every((x) => QQ.isZero(x))).toBe(true);
          // kernel vectors are independent
          if (K.length > 0) expect(rank(QQ, K, m)).toBe(K.length);
          expect(rank(QQ, transpose(M, m))).toBe(r);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reduced row echelon form and solving', () => {
    const A = ratMatrix([
      [1, 2, 3],
      [2, 4, 6],
      [1, 0, 1],
    ]);
    const { matrix, pivots, rank: r } = rowEchelon(QQ, A);
    expect(r).toBe(2);
    expect(pivots).toEqual([0, 1]);
    expect(matrix).toEqual(ratMatrix([[1, 0, 1], [0, 1, 1], [0, 0, 0]]));
    const x = solveLinear(QQ, A, [rat(6n), rat(12n), rat(2n)]);
    expect(x).not.toBeNull();
    expect(matVec(QQ, A, x!)).toEqual([rat(6n), rat(12n), rat(2n)]);
    expect(solveLinear(QQ, A, [rat(1n), rat(0n), rat(0n)])).toBeNull();
    expect(kernel(QQ, [], 3).length).toBe(3);
  });

  it('works over GF(p)', () => {
    const F = new SmallPrimeField(7);
    const A = [
      [1, 2],
      [3, 6],
    ];
    expect(rank(F, A)).toBe(1);
    expect(() => inverse(F, A)).toThrow(/singular/);
    const B = [
      [1, 2],
      [3, 5],
    ];
    expect(matMul(F, B, inverse(F, B))).toEqual(identity(F, 2));
  });
});

describe('characteristic polynomial', () => {
  it('Hessenberg and Berkowitz agree with det(tI - A) at random points', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }).chain((n) => intMatrix(n)), fc.integer({ min: -20, max: 20 }), (A, t) => {
        const M = toRat(A);
        const n = A.length;
        const p = characteristicPolynomial(QQ, M);
        expect(berkowitz(QQ, M)).toEqual(p);
        expect(p.length).toBe(n + 1);
        const U = new UnivariateRing(QQ);
        const T = rat(BigInt(t));
        const tIminusA = M.map((row, i) => row.map((a, j) => (i === j ? QQ.sub(T, a) : QQ.neg(a))));
        expect(U.evaluate(p, T)).toEqual(determinant(QQ, tIminusA));
      }),
      { numRuns: 150 },
    );
  });

  it('over GF(p) and over a polynomial-free ring (integers mod nothing: bigint)', () => {
    const F = new SmallPrimeField(11);
    const A = [
      [1, 2, 0],
      [0, 3, 4],
      [5, 0, 6],
    ];
    expect(characteristicPolynomial(F, A)).toEqual(berkowitz(F, A));
    // t^2 - 5t - 2 for [[1, 2], [3, 4]]
    expect(berkowitz(ZZ, [[1n, 2n], [3n, 4n]])).toEqual([-2n, -5n, 1n]);
  });
});

describe('signature (inertia) of symmetric matrices', () => {
  const symmetric = (n: number) =>
    intMatrix(n, n, 5).map((A) => A.map((row, i) => row.map((_, j) => (j >= i ? A[i]![j]! : A[j]![i]!))));

  it('LDL and Descartes agree on random symmetric matrices, including singular ones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }).chain((n) =>
          fc.oneof(
            symmetric(n).map(toRat),
            // B^T D B with small rank: singular
            fc.tuple(intMatrix(Math.max(1, n - 2), n, 3), fc.array(fc.integer({ min: -2, max: 2 }), { minLength: Math.max(1, n - 2), maxLength: Math.max(1, n - 2) })).map(([B, d]) => {
              const Bq = toRat(B);
              const D = Bq.map((row, i) => row.map((x) => QQ.mul(x, rat(BigInt(d[i]!)))));
              return matMul(QQ, transpose(Bq, n), D, n);
            }),
          ),
        ),
        (A) => {
          const ldl = signature(A, { method: 'ldl' });
          const desc = signature(A, { method: 'descartes' });
          expect(ldl).toEqual(desc);
          expect(signature(A)).toEqual(desc);
          expect(ldl.positive + ldl.negative + ldl.zero).toBe(A.length);
          expect(ldl.zero).toBe(A.length - rank(QQ, A, A.length));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fraction-free route on matrices with many zero diagonal entries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) =>
          fc.array(fc.array(fc.constantFrom(0, 0, 0, 1, -1, 2), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
        ),
        (B) => {
          const A = toRat(B.map((row, i) => row.map((_, j) => (i === j ? 0 : j > i ? B[i]![j]! : B[j]![i]!))));
          expect(signature(A)).toEqual(signature(A, { method: 'descartes' }));
          expect(signature(A, { method: 'ldl' })).toEqual(signature(A, { method: 'descartes' }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('handles zero diagonals (2×2 pivots) and known cases', () => {
    expect(signature(ratMatrix([[0, 1], [1, 0]]))).toEqual({ positive: 1, negative: 1, zero: 0 });
    expect(signature(ratMatrix([[0, 1, 0], [1, 0, 0], [0, 0, 0]]))).toEqual({ positive: 1, negative: 1, zero: 1 });
    expect(signature(ratMatrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]]))).toEqual({ positive: 3, negative: 0, zero: 0 });
    expect(signature(ratMatrix([[[1, 2], 0], [0, [-1, 3]]]), { method: 'descartes' })).toEqual({ positive: 1, negative: 1, zero: 0 });
    expect(() => signature(ratMatrix([[1, 2], [3, 4]]))).toThrow(/not symmetric/);
  });

  it('entries in Q(θ): agrees with rational matrices when θ is rational, and decides √2 exactly', () => {
    // θ = √2; [[θ, 1], [1, θ]] has eigenvalues θ ± 1 > 0
    const sqrt2 = isolateRealRoots([-2n, 0n, 1n])[1]!;
    const c = (...xs: number[]): Rat[] => xs.map((x) => rat(BigInt(x)));
    expect(signatureAlgebraic([[c(0, 1), c(1)], [c(1), c(0, 1)]], sqrt2)).toEqual({ positive: 2, negative: 0, zero: 0 });
    // [[θ, θ^2/2 ... ]]: [[θ, 1], [1, θ^2 / 2]] has determinant θ^3/2 - 1 = √2 - 1 > 0
    expect(signatureAlgebraic([[c(0, 1), c(1)], [c(1), [rat(0n), rat(0n), rat(1n, 2n)]]], sqrt2)).toEqual({ positive: 2, negative: 0, zero: 0 });
    // [[θ, 2], [2, θ^3]]: det = θ^4 - 4 = 0 exactly -> one zero eigenvalue
    expect(signatureAlgebraic([[c(0, 1), c(2)], [c(2), c(0, 0, 0, 1)]], sqrt2)).toEqual({ positive: 1, negative: 0, zero: 1 });
    // θ = -√2: [[θ, 1], [1, θ]] has eigenvalues θ ± 1: one negative, one... -√2+1 < 0 too
    const minusSqrt2 = isolateRealRoots([-2n, 0n, 1n])[0]!;
    expect(signatureAlgebraic([[c(0, 1), c(1)], [c(1), c(0, 1)]], minusSqrt2)).toEqual({ positive: 0, negative: 2, zero: 0 });
    // random rational symmetric matrices embedded with θ = 3 as a root of x - 3 and of (x-3)(x^2-2)
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((n) => intMatrix(n, n, 4).map((A) => A.map((row, i) => row.map((_, j) => (j >= i ? A[i]![j]! : A[j]![i]!))))), (A) => {
        const theta = isolateRealRoots([6n, -2n, -3n, 1n]).find((r) => r.lo.num === 3n && r.lo.den === 1n) ?? isolateRealRoots([6n, -2n, -3n, 1n])[2]!;
        // entry a becomes the polynomial a + (θ - 3)·(θ^2 - 2) which equals a at θ = 3
        const entries = A.map((row) => row.map((a) => [rat(BigInt(a) + 6n), rat(-2n), rat(-3n), rat(1n)]));
        expect(signatureAlgebraic(entries, theta)).toEqual(signature(toRat(A)));
      }),
      { numRuns: 30 },
    );
  });
});

describe('polynomial matrices', () => {
  const R = new PolyRing(QQ, ['a', 'b', 'c', 'd', 'x', 'y']);
  const p = (s: string) => parsePoly(R, s);

  it('determinants by Bareiss agree with cofactors and with evaluation', () => {
    const vars = ['a', 'b', 'c', 'd', 'x', 'y'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.array(fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.constantFrom(...vars), fc.integer({ min: -2, max: 2 })), { minLength: n, maxLength: n }), { minLength: n, maxLength: n }),
        ),
        fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 6, maxLength: 6 }),
        (entries, point) => {
          const M = entries.map((row) => row.map(([c, v, k]) => p(`${c}*${v} + ${k}`)));
          const det = polyDeterminant(R, M);
          const values = point.map((x) => rat(BigInt(x)));
          const evaluated = M.map((row) => row.map((f) => R.evaluate(f, values)));
          expect(R.evaluate(det, values)).toEqual(determinant(QQ, evaluated));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('minors of a generic 2×3 matrix; Jacobian and Hessian', () => {
    const M = [
      [p('a'), p('b'), p('c')],
      [p('d'), p('x'), p('y')],
    ];
    const m2 = minors(R, M, 2);
    expect(m2.map((f) => R.toText(f))).toEqual(['-b*d + a*x', '-c*d + a*y', '-c*x + b*y']);
    expect(minors(R, M, 1).length).toBe(6);
    expect(minors(R, M, 3)).toEqual([]);
    const big = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => p(`${i + 1}*x^${j} + y*${j}`)));
    expect(minors(R, big, 4)[0]).toEqual(polyDeterminant(R, big));
    const J = jacobian(R, [p('x^2*y'), p('x + y^3')], [4, 5]);
    expect(J.map((row) => row.map((f) => R.toText(f)))).toEqual([
      ['2*x*y', 'x^2'],
      ['1', '3*y^2'],
    ]);
    const H = hessian(R, p('x^3 + x*y^2'), [4, 5]);
    expect(H.map((row) => row.map((f) => R.toText(f)))).toEqual([
      ['6*x', '2*y'],
      ['2*y', '2*x'],
    ]);
  });
});
