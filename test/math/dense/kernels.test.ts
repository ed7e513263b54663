// The dense float kernels against the exact kernels of src/math/linalg on rational (integer) inputs,
// against closed forms, and against numpy on the same data when python3 with numpy is installed.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { QQ, type Rat, rat } from '../../../src/math/field.js';
import { characteristicPolynomial, determinant, matMul, rank, solveLinear } from '../../../src/math/linalg/index.js';
import {
  type Dense, applyQt, cholesky, choleskySolve, fromRows, gram, householderQR, leastSquares, matTmul, matTVec, matVec, matmul,
  solveLower, solveLowerTransposed, solveUpper, solveUpperTransposed, svd, symmetricEigen, thinQ, toRows, transposeDense, upperR,
} from '../../../src/math/dense/index.js';
import { Random } from '../../../src/math/random.js';

const toFloat = (r: Rat) => Number(r.num) / Number(r.den);
const q = (n: number) => rat(BigInt(n));

function randomInts(seed: number, m: number, n: number, bound = 9): number[][] {
  const random = new Random(seed);
  return Array.from({ length: m }, () => Array.from({ length: n }, () => random.int(-bound, bound)));
}
const exact = (A: number[][]) => A.map((r) => r.map(q));
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
};
const flat = (A: Dense) => toRows(A).flat();

describe('products', () => {
  it('matmul, A^T B, gram and matrix-vector products equal the exact products of integer matrices', () => {
    // Sizes that cross the blocking (KB = 64 rows of B, JB = 512 columns) so every block edge is exercised.
    const A = randomInts(1, 70, 130), B = randomInts(2, 130, 520);
    // Integer entries below 2^53 at every step: the plain product is exact and so must the blocked one be.
    const exactAB = A.map((r) => B[0]!.map((_, j) => r.reduce((s, a, k) => s + a * B[k]![j]!, 0))).flat();
    expect(maxAbsDiff(flat(matmul(fromRows(A), fromRows(B))), exactAB)).toBe(0);
    const C = randomInts(3, 70, 40);
    const AtC = matMul(QQ, exact(A[0]!.map((_, j) => A.map((r) => r[j]!))), exact(C)).flat().map(toFloat);
    expect(maxAbsDiff(flat(matTmul(fromRows(A), fromRows(C))), AtC)).toBe(0);
    const AtA = matMul(QQ, exact(A[0]!.map((_, j) => A.map((r) => r[j]!))), exact(A)).flat().map(toFloat);
    expect(maxAbsDiff(flat(gram(fromRows(A))), AtA)).toBe(0);
    const x = A[0]!.map((_, j) => j - 60);
    expect(Array.from(matVec(fromRows(A), x))).toEqual(A.map((r) => r.reduce((s, a, j) => s + a * x[j]!, 0)));
    const y = A.map((_, i) => 3 - i);
    expect(Array.from(matTVec(fromRows(A), y))).toEqual(A[0]!.map((_, j) => A.reduce((s, r, i) => s + r[j]! * y[i]!, 0)));
    expect(toRows(transposeDense(fromRows(A)))).toEqual(A[0]!.map((_, j) => A.map((r) => r[j]!)));
  });

  it('matVec on floats gives each row\'s left-to-right dot product bit for bit, for every row count mod 4 and on a strided view', () => {
    const random = new Random(8);
    for (let rows = 1; rows <= 9; rows++) {
      const A = Array.from({ length: rows }, () => Array.from({ length: 37 }, () => random.nextFloat() - 0.5));
      const x = Array.from({ length: 37 }, () => random.nextFloat() * 1e3 - 500);
      const dot = (r: readonly number[]) => r.reduce((s, a, j) => s + a * x[j]!, 0);
      expect(Array.from(matVec(fromRows(A), x))).toEqual(A.map(dot));
      const wide = fromRows(A.map((r) => [...r, 1, 2, 3]));
      expect(Array.from(matVec({ rows, cols: 37, stride: 40, data: wide.data }, Float64Array.from(x)))).toEqual(A.map(dot));
    }
  });

  it('a strided view (a leading block of a wider buffer) multiplies like its copy', () => {
    const big = fromRows(randomInts(4, 6, 10));
    const view: Dense = { rows: 6, cols: 4, stride: 10, data: big.data };
    const block = fromRows(toRows(big).map((r) => r.slice(0, 4)));
    const B = fromRows(randomInts(5, 4, 3));
    expect(flat(matmul(view, B))).toEqual(flat(matmul(block, B)));
  });
});

describe('solves', () => {
  const n = 12;
  const M = randomInts(6, n, n);
  const b = randomInts(7, 1, n)[0]!;
  it('triangular solves against the exact solution', () => {
    const L = M.map((r, i) => r.map((v, j) => (j < i ? v : j === i ? 10 + Math.abs(v) : 0)));
    const U = L[0]!.map((_, j) => L.map((r) => r[j]!)); // U = L^T
    const exactX = (T: number[][]) => solveLinear(QQ, exact(T), b.map(q))!.map(toFloat);
    expect(maxAbsDiff(solveLower(fromRows(L), b), exactX(L))).toBeLessThan(1e-13);
    expect(maxAbsDiff(solveUpper(fromRows(U), b), exactX(U))).toBeLessThan(1e-13);
    expect(maxAbsDiff(solveUpperTransposed(fromRows(U), b), exactX(L))).toBeLessThan(1e-13);
    expect(maxAbsDiff(solveLowerTransposed(fromRows(L), b), exactX(U))).toBeLessThan(1e-13);
    expect(() => solveUpper(fromRows([[1, 2], [0, 0]]), [1, 1])).toThrow(/zero pivot/);
  });

  it('Cholesky of M^T M + I solves the system as the exact solver does; L L^T reproduces it', () => {
    const S = matMul(QQ, exact(M[0]!.map((_, j) => M.map((r) => r[j]!))), exact(M)).map((r, i) => r.map((v, j) => (i === j ? QQ.add(v, QQ.one) : v)));
    const Sf = fromRows(S.map((r) => r.map(toFloat)));
    const L = cholesky(Sf);
    expect(maxAbsDiff(flat(matmul(L, transposeDense(L))), flat(Sf))).toBeLessThan(1e-10);
    const x = choleskySolve(L, b);
    const xe = solveLinear(QQ, S, b.map(q))!.map(toFloat);
    expect(maxAbsDiff(x, xe) / Math.max(...xe.map(Math.abs))).toBeLessThan(1e-10);
    expect(() => cholesky(fromRows([[1, 2], [2, 1]]))).toThrow(/not positive definite/);
  });
});

describe('QR', () => {
  it('Q is orthonormal, Q R = A P, and |det R| = |det A| exactly computed', () => {
    const A = randomInts(8, 9, 9);
    const f = householderQR(fromRows(A), { pivot: true });
    const Q = thinQ(f), R = upperR(f);
    expect(maxAbsDiff(flat(matTmul(Q, Q)), flat(fromRows(Array.from({ length: 9 }, (_, i) => Array.from({ length: 9 }, (_, j) => (i === j ? 1 : 0))))))).toBeLessThan(1e-14);
    const QR = toRows(matmul(Q, R));
    const AP = A.map((r) => Array.from(f.perm, (j) => r[j]!));
    expect(maxAbsDiff(QR.flat(), AP.flat())).toBeLessThan(1e-12);
    let detR = 1;
    for (let k = 0; k < 9; k++) detR *= R.data[k * 9 + k]!;
    const detA = toFloat(determinant(QQ, exact(A)));
    expect(Math.abs(Math.abs(detR) - Math.abs(detA)) / Math.abs(detA)).toBeLessThan(1e-12);
    // The pivoted diagonal is non-increasing in magnitude (Businger–Golub).
    for (let k = 1; k < 9; k++) expect(Math.abs(R.data[k * 9 + k]!)).toBeLessThanOrEqual(Math.abs(R.data[(k - 1) * 9 + k - 1]!) * (1 + 1e-12));
  });

  it('pivoted QR finds the exact rank of rank-deficient integer matrices', () => {
    for (const [seed, m, n, r] of [[9, 10, 8, 3], [10, 6, 12, 4], [11, 15, 15, 7]] as const) {
      const X = randomInts(seed, m, r), Y = randomInts(seed + 100, r, n);
      const A = matMul(QQ, exact(X), exact(Y));
      const exactRank = rank(QQ, A);
      expect(householderQR(fromRows(A.map((row) => row.map(toFloat))), { pivot: true }).rank).toBe(exactRank);
      expect(svd(fromRows(A.map((row) => row.map(toFloat)))).rank).toBe(exactRank);
    }
  });

  it('least squares equals the exact solution of the normal equations; Q^T b carries the residual', () => {
    const A = randomInts(12, 20, 7), b = randomInts(13, 1, 20)[0]!;
    const At = A[0]!.map((_, j) => A.map((r) => r[j]!));
    const xe = solveLinear(QQ, matMul(QQ, exact(At), exact(A)), At.map((r) => r.reduce((s, a, i) => QQ.add(s, QQ.mul(q(a), q(b[i]!))), QQ.zero)))!.map(toFloat);
    const ls = leastSquares(fromRows(A), b);
    expect(ls.rank).toBe(7);
    expect(maxAbsDiff(ls.x, xe)).toBeLessThan(1e-13);
    const r = A.map((row, i) => row.reduce((s, a, j) => s + a * xe[j]!, 0) - b[i]!);
    expect(Math.abs(ls.residual - Math.hypot(...r))).toBeLessThan(1e-11);
    const y = applyQt(householderQR(fromRows(A)), b);
    expect(Math.abs(Math.hypot(...y) - Math.hypot(...b))).toBeLessThan(1e-11);
  });
});

describe('symmetric eigenvalues and SVD', () => {
  it('the tridiagonal Toeplitz matrix (2, -1) has eigenvalues 2 - 2 cos(kπ/(n+1)) (closed form)', () => {
    const n = 40;
    const T = fromRows(Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 2 : Math.abs(i - j) === 1 ? -1 : 0))));
    const { values, vectors } = symmetricEigen(T);
    const closed = Array.from({ length: n }, (_, k) => 2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1)));
    expect(maxAbsDiff(values, closed)).toBeLessThan(1e-13);
    // T V = V diag(values), V^T V = I.
    const TV = matmul(T, vectors);
    let worst = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) worst = Math.max(worst, Math.abs(TV.data[i * n + j]! - vectors.data[i * n + j]! * values[j]!));
    expect(worst).toBeLessThan(1e-13);
    const VtV = matTmul(vectors, vectors);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(Math.abs(VtV.data[i * n + j]! - (i === j ? 1 : 0))).toBeLessThan(1e-13);
  });

  it('eigenvalues of an integer symmetric matrix: sum = trace, product = det, and each a root of the exact characteristic polynomial', () => {
    const n = 8;
    const B = randomInts(14, n, n);
    const S = B.map((r, i) => r.map((_, j) => B[i]![j]! + B[j]![i]!));
    const { values } = symmetricEigen(fromRows(S));
    const trace = S.reduce((s, r, i) => s + r[i]!, 0);
    expect(Math.abs(values.reduce((s, v) => s + v, 0) - trace)).toBeLessThan(1e-11);
    const det = toFloat(determinant(QQ, exact(S)));
    expect(Math.abs(values.reduce((s, v) => s * v, 1) - det) / Math.abs(det)).toBeLessThan(1e-11);
    const chi = characteristicPolynomial(QQ, exact(S)).map(toFloat); // coefficients from t^0
    for (const lambda of values) {
      let value = 0, scale = 0;
      for (let k = chi.length - 1; k >= 0; k--) {
        value = value * lambda + chi[k]!;
        scale = scale * Math.abs(lambda) + Math.abs(chi[k]!);
      }
      expect(Math.abs(value) / scale).toBeLessThan(1e-12);
    }
  });

  it('SVD: U Σ V^T = A, orthonormal factors, σ² the eigenvalues of A^T A, tall and wide', () => {
    for (const [m, n] of [[13, 7], [7, 13], [10, 10]] as const) {
      const A = randomInts(15 + m, m, n);
      const { U, singular, V } = svd(fromRows(A));
      const r = Math.min(m, n);
      const US = fromRows(toRows(U).map((row) => row.map((u, k) => u * singular[k]!)));
      expect(maxAbsDiff(flat(matmul(US, transposeDense(V))), A.flat())).toBeLessThan(1e-12);
      const UtU = matTmul(U, U), VtV = matTmul(V, V);
      for (let i = 0; i < r; i++) for (let j = 0; j < r; j++) {
        expect(Math.abs(UtU.data[i * r + j]! - (i === j ? 1 : 0))).toBeLessThan(1e-13);
        expect(Math.abs(VtV.data[i * r + j]! - (i === j ? 1 : 0))).toBeLessThan(1e-13);
      }
      const G = m >= n ? gram(fromRows(A)) : gram(transposeDense(fromRows(A)));
      const eig = Array.from(symmetricEigen(G).values).reverse();
      expect(maxAbsDiff(Array.from(singular, (s) => s * s), eig.slice(0, r)) / eig[0]!).toBeLessThan(1e-13);
    }
  });

  it('the Hilbert matrix of order 8: the smallest singular value to relative accuracy (eigenvalues 1/λ of the exact inverse)', () => {
    const n = 8;
    const H = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => rat(1n, BigInt(i + j + 1))));
    const { singular } = svd(fromRows(H.map((r) => r.map(toFloat))));
    // det H exactly equals the product of the singular values (H is positive definite).
    const det = toFloat(determinant(QQ, H));
    expect(Math.abs(singular.reduce((s, v) => s * v, 1) / det - 1)).toBeLessThan(1e-6);
    expect(singular[n - 1]! / singular[0]!).toBeLessThan(1e-9);
  });
});

const numpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!numpy)('against numpy on the same data (skipped: python3 with numpy is not installed)', () => {
  it('singular values, symmetric eigenvalues and least squares of seeded float data agree with numpy.linalg', () => {
    const random = new Random(99);
    const m = 30, n = 20;
    const A = Array.from({ length: m }, () => Array.from({ length: n }, () => 2 * random.nextFloat() - 1));
    const b = Array.from({ length: m }, () => random.nextFloat());
    const script = [
      'import json, sys, numpy as np',
      'd = json.load(sys.stdin); A = np.array(d["A"]); b = np.array(d["b"])',
      'S = A.T @ A',
      'print(json.dumps({"s": np.linalg.svd(A, compute_uv=False).tolist(), "e": np.linalg.eigvalsh(S).tolist(), "x": np.linalg.lstsq(A, b, rcond=None)[0].tolist()}))',
    ].join('\n');
    const out = spawnSync('python3', ['-c', script], { input: JSON.stringify({ A, b }), encoding: 'utf8' });
    expect(out.status).toBe(0);
    const ref = JSON.parse(out.stdout) as { s: number[]; e: number[]; x: number[] };
    const Ad = fromRows(A);
    expect(maxAbsDiff(svd(Ad).singular, ref.s)).toBeLessThan(1e-13);
    expect(maxAbsDiff(symmetricEigen(gram(Ad)).values, ref.e)).toBeLessThan(1e-12);
    expect(maxAbsDiff(leastSquares(Ad, b).x, ref.x)).toBeLessThan(1e-13);
  });
});
