// Exact inertia (n+, n-, n0) of real symmetric matrices; the signature is n+ - n-.
//
// Three independent exact routes for rational entries (denominators cleared first where needed):
// - 'bareiss' (default): fraction-free symmetric elimination on integers (see `integerInertia`).
// - 'ldl': symmetric Gaussian elimination with exact rational pivots (an LDL^T factorization with
//   1×1 pivots, and 2×2 pivots [[0, b], [b, 0]] when the remaining diagonal is zero). By Sylvester's
//   law of inertia and Haynsworth's inertia additivity, In(A) = In(pivot block) + In(Schur
//   complement); a 1×1 pivot d contributes sign(d), a 2×2 block [[0, b], [b, 0]] contributes one
//   positive and one negative eigenvalue.
// - 'descartes': the characteristic polynomial p(t) = det(tI - A) of a real symmetric matrix has only
//   real roots, so Descartes' rule of signs is exact for it: n+ = sign variations of the coefficients
//   of p(t), n- = those of p(-t), n0 = the multiplicity of the root 0 (the number of vanishing lowest
//   coefficients).
//
// For entries in a real algebraic number field Q(θ) (`signatureAlgebraic`): θ is given by a
// square-free polynomial m and an isolating interval (a `RealRoot`, see ../univariate.ts); entries are
// polynomials in θ. The characteristic polynomial is computed in Q[T]/(m(T)) (ResidueRing: one
// common denominator per element) by Berkowitz's
// division-free algorithm (m need not be irreducible: no division happens), and the sign of each
// coefficient c_k(θ) is decided exactly (zero by a gcd with m, non-zero signs by refining θ's
// interval), then Descartes' rule applies as above. This is the route for Morse indices at the real
// critical points given by a rational univariate representation.
import { MathError } from '../errors.js';
import { QQ, type Rat } from '../field.js';
import { bigLcm } from '../integers.js';
import { type RealRoot, ResidueRing, signsAtRoot } from '../univariate/index.js';
import { berkowitz, characteristicPolynomial } from './charpoly.js';
import type { ReadonlyMatrix } from './matrix.js';

export interface Inertia {
  /** Number of positive eigenvalues (with multiplicity). */
  readonly positive: number;
  /** Number of negative eigenvalues. */
  readonly negative: number;
  /** Nullity: number of zero eigenvalues. */
  readonly zero: number;
}

export interface SignatureOptions {
  /** 'bareiss' (default), 'ldl' or 'descartes'. */
  readonly method?: 'bareiss' | 'ldl' | 'descartes';
}

function checkSymmetric(A: ReadonlyMatrix<Rat>): number {
  const n = A.length;
  for (let i = 0; i < n; i++) {
    if (A[i]!.length !== n) throw new MathError('not-square', `the signature needs a square matrix, got ${n}x${A[i]!.length}`);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (!QQ.eq(A[i]![j]!, A[j]![i]!)) throw new MathError('not-symmetric', `the matrix is not symmetric (entries ${i + 1},${j + 1} and ${j + 1},${i + 1} differ)`);
    }
  }
  return n;
}

/** The exact inertia of a real symmetric matrix with rational entries. */
export function signature(A: ReadonlyMatrix<Rat>, options: SignatureOptions = {}): Inertia {
  checkSymmetric(A);
  switch (options.method ?? 'bareiss') {
    case 'descartes':
      return inertiaDescartes(A);
    case 'ldl':
      return inertiaLDL(A);
    case 'bareiss': {
      let d = 1n;
      for (const row of A) for (const x of row) d = bigLcm(d, x.den);
      return integerInertia(A.map((row) => row.map((x) => x.num * (d / x.den))));
    }
  }
}

/**
 * The inertia of a symmetric integer matrix by fraction-free symmetric elimination: Bareiss's
 * integer-preserving steps with diagonal pivots, so that the k-th pivot is the k-th leading principal
 * minor d_k of a congruent matrix, and by Jacobi's rule the signs of d_k / d_{k-1} are the signs of
 * the eigenvalue contributions. A zero pivot is avoided by congruences that keep every entry an
 * integer and every Bareiss division exact (they act on the remaining rows and columns only, where
 * the working entries are linear in each row and column): a symmetric swap with a later non-zero
 * diagonal entry, or, when the remaining diagonal vanishes, adding row and column j to row and column
 * k (the new diagonal entry is 2·a_kj != 0). A remaining row that is entirely zero is a kernel
 * direction: it is moved to the end and counted in n0.
 */
export function integerInertia(input: readonly (readonly bigint[])[]): Inertia {
  const A = input.map((row) => row.slice());
  let n = A.length;
  let positive = 0;
  let negative = 0;
  let zero = 0;
  let previous = 1n;
  let previousSign = 1;
  const swap = (i: number, j: number) => {
    [A[i], A[j]] = [A[j]!, A[i]!];
    for (const row of A) [row[i], row[j]] = [row[j]!, row[i]!];
  };
  for (let k = 0; k < n; ) {
    if (A[k]![k] === 0n) {
      let j = k + 1;
      while (j < n && A[j]![j] === 0n) j++;
      if (j < n) swap(k, j);
      else {
        j = k + 1;
        while (j < n && A[k]![j] === 0n) j++;
        if (j === n) {
          // Row k of the remaining block is zero: a kernel direction.
          swap(k, n - 1);
          n--;
          zero++;
          continue;
        }
        // row_k += row_j, col_k += col_j (a unimodular congruence).
        for (let c = 0; c < A.length; c++) A[k]![c]! += A[j]![c]!;
        for (let r = 0; r < A.length; r++) A[r]![k]! += A[r]![j]!;
      }
    }
    const pivot = A[k]![k]!;
    const sign = pivot > 0n ? 1 : -1;
    if (sign === previousSign) positive++;
    else negative++;
    for (let i = k + 1; i < n; i++) {
      const rowI = A[i]!;
      const a = rowI[k]!;
      for (let j = i; j < n; j++) {
        const v = (pivot * rowI[j]! - a * A[k]![j]!) / previous;
        rowI[j] = v;
        A[j]![i] = v;
      }
    }
    previous = pivot;
    previousSign = sign;
    k++;
  }
  return { positive, negative, zero };
}

function inertiaLDL(A: ReadonlyMatrix<Rat>): Inertia {
  let M: Rat[][] = A.map((row) => row.slice());
  let positive = 0;
  let negative = 0;
  let zero = 0;
  while (M.length > 0) {
    const n = M.length;
    // A 1×1 pivot: the non-zero diagonal entry with the smallest numbers keeps growth low.
    let k = -1;
    let best = Infinity;
    for (let i = 0; i < n; i++) {
      const d = M[i]![i]!;
      if (d.num === 0n) continue;
      const size = d.num.toString(16).length + d.den.toString(16).length;
      if (size < best) {
        best = size;
        k = i;
      }
    }
    if (k >= 0) {
      const d = M[k]![k]!;
      if (d.num > 0n) positive++;
      else negative++;
      const inv = QQ.inv(d);
      const rest = [...Array(n).keys()].filter((i) => i !== k);
      M = rest.map((i) => {
        const f = QQ.mul(M[i]![k]!, inv);
        return rest.map((j) => (f.num === 0n || M[k]![j]!.num === 0n ? M[i]![j]! : QQ.sub(M[i]![j]!, QQ.mul(f, M[k]![j]!))));
      });
      continue;
    }
    // Zero diagonal: a non-zero off-diagonal b gives the block [[0, b], [b, 0]] (eigenvalues ±b).
    let pi = -1;
    let pj = -1;
    search: for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        if (M[i]![j]!.num !== 0n) {
          pi = i;
          pj = j;
          break search;
        }
      }
    }
    if (pi < 0) {
      zero += n;
      break;
    }
    positive++;
    negative++;
    const invB = QQ.inv(M[pi]![pj]!);
    const rest = [...Array(n).keys()].filter((i) => i !== pi && i !== pj);
    // Schur complement: M_rs - [M_ri, M_rj] E^{-1} [M_is, M_js]^T with E^{-1} = [[0, 1/b], [1/b, 0]].
    M = rest.map((r) =>
      rest.map((s) => {
        const t = QQ.add(QQ.mul(M[r]![pi]!, M[pj]![s]!), QQ.mul(M[r]![pj]!, M[pi]![s]!));
        return t.num === 0n ? M[r]![s]! : QQ.sub(M[r]![s]!, QQ.mul(t, invB));
      }),
    );
  }
  return { positive, negative, zero };
}

/** Inertia from the signs of the characteristic polynomial's coefficients (low degree first). */
export function inertiaFromCharpolySigns(signs: readonly number[]): Inertia {
  const n = signs.length - 1;
  let zero = 0;
  while (zero < n && signs[zero] === 0) zero++;
  const variations = (s: readonly number[]) => {
    let count = 0;
    let last = 0;
    for (const v of s) {
      if (v === 0) continue;
      if (last !== 0 && v !== last) count++;
      last = v;
    }
    return count;
  };
  const positive = variations(signs);
  const negative = variations(signs.map((s, i) => (i % 2 === 0 ? s : -s)));
  if (positive + negative + zero !== n) {
    throw new MathError('not-symmetric', 'the characteristic polynomial is not real-rooted: the matrix is not real symmetric');
  }
  return { positive, negative, zero };
}

function inertiaDescartes(A: ReadonlyMatrix<Rat>): Inertia {
  const p = characteristicPolynomial(QQ, A);
  return inertiaFromCharpolySigns(p.map((c) => (c.num > 0n ? 1 : c.num < 0n ? -1 : 0)));
}

/**
 * The exact inertia of a real symmetric matrix whose entries are polynomials in one real algebraic
 * number θ (entries[i][j] = coefficients, low degree first, of a polynomial in θ; θ is the root
 * isolated by `theta`). Entries are reduced modulo theta.poly; the characteristic polynomial is
 * computed in Q[T]/(theta.poly) by Berkowitz, and the signs of its coefficients at θ are exact.
 */
export function signatureAlgebraic(entries: ReadonlyMatrix<readonly Rat[]>, theta: RealRoot): Inertia {
  const K = new ResidueRing(theta.poly);
  const n = entries.length;
  const M = entries.map((row) => {
    if (row.length !== n) throw new MathError('not-square', `the signature needs a square matrix, got ${n}x${row.length}`);
    return row.map((e) => K.fromRational(e));
  });
  // Symmetry at θ: a difference that is not zero modulo m may still vanish at θ when m is reducible.
  const asymmetric: Rat[][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      const d = K.sub(M[i]![j]!, M[j]![i]!);
      if (!K.isZero(d)) asymmetric.push(K.toRational(d));
    }
  }
  let root = theta;
  if (asymmetric.length > 0) {
    const checked = signsAtRoot(root, asymmetric);
    if (checked.signs.some((s) => s !== 0)) throw new MathError('not-symmetric', 'the matrix is not symmetric');
    root = checked.root;
  }
  const coeffs = berkowitz(K, M);
  // Only signs matter: a residue num/den has the sign of num (den > 0).
  const { signs } = signsAtRoot(
    root,
    coeffs.map((c) => c.num),
  );
  return inertiaFromCharpolySigns(signs);
}
