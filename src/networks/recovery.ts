// Low-rank matrix recovery losses as polynomials in the factors L (n1×k) and R (n2×k) of X = L Rᵀ:
// the models of L. Ding, D. Drusvyatskiy, M. Fazel, Z. Harchaoui, "Flat minima generalize for
// low-rank matrix recovery" (arXiv:2203.03756), with their 1/m normalisation.
//
// - matrix sensing:    f = (1/m) Σ_i (⟨A_i, L Rᵀ⟩ - b_i)²            (A_i: n1×n2, b_i numbers)
// - bilinear sensing:  f = (1/m) Σ_i (u_iᵀ L Rᵀ v_i - y_i)²          (u_i ∈ R^n1, v_i ∈ R^n2)
// - matrix completion: f = (1/|Ω|) Σ_{(i,j)∈Ω} ((L Rᵀ)_ij - M_ij)²    (Ω the observed entries)
// - robust PCA:        f = ||L Rᵀ + G⊙G - H⊙H - M||²_F + λ (||G||²_F + ||H||²_F)
//   with the sparse corruption S = G⊙G - H⊙H overparametrized entrywise, which makes the ℓ1 penalty
//   polynomial: min {||G||² + ||H||² : G⊙G - H⊙H = S} = ||S||_1 (the double overparametrization of
//   C. You, Z. Zhu, Q. Qu, Y. Ma, "Robust recovery via implicit bias of discrepant learning rates for
//   double over-parameterization", NeurIPS 2020). λ = 0 leaves the implicit bias of small starts.
// Bilinear sensing is matrix sensing with the rank-one A_i = u_i v_iᵀ.
//
// Representation: every loss is (1/m) Σ_i (Σ_a C_ia c_a(θ) - b_i)² for polynomials c_a (the entries
// p_jl = Σ_t L_jt R_lt of L Rᵀ, plus G_jl² - H_jl² for robust PCA), built once as
// (1/m)(cᵀ G c - 2 gᵀ c + bᵀb) with the Gram matrix G = CᵀC and g = Cᵀb over QQ (the same
// quadratic form as the network losses, ./losses.ts), so the cost is one product per pair of
// entries, not per measurement. Variables: L[i,t], R[j,t] (row-major), then G[i,j], H[i,j].
import { MathError } from '../math/errors.js';
import { QQ, type Rat, rat } from '../math/field.js';
import { type Poly, PolyRing } from '../math/poly.js';
import { quadraticForm } from './losses.js';

export type RecoveryModel = 'sensing' | 'bilinear' | 'completion' | 'robust-pca';

export interface RecoveryLoss {
  readonly ring: PolyRing<Rat>;
  readonly loss: Poly<Rat>;
  /** The variable families in ring order: name and shape. */
  readonly families: readonly { readonly name: string; readonly shape: readonly [number, number] }[];
  /** The formula, in words (for documentation and provenance). */
  readonly formula: string;
}

interface Factors {
  readonly ring: PolyRing<Rat>;
  readonly families: RecoveryLoss['families'];
  /** p[j][l] = (L Rᵀ)_jl as a polynomial. */
  readonly product: Poly<Rat>[][];
}

function factorRing(n1: number, n2: number, k: number, corruption: boolean): Factors {
  if (!(n1 >= 1 && n2 >= 1 && k >= 1)) throw new MathError('shape', 'the factors need positive sizes');
  const families: [string, number, number][] = [['L', n1, k], ['R', n2, k]];
  if (corruption) families.push(['G', n1, n2], ['H', n1, n2]);
  const names = families.flatMap(([f, rows, cols]) => Array.from({ length: rows * cols }, (_, e) => `${f}[${Math.floor(e / cols) + 1},${(e % cols) + 1}]`));
  const ring = new PolyRing(QQ, names);
  const Lv = (i: number, t: number) => ring.variable(i * k + t);
  const Rv = (j: number, t: number) => ring.variable(n1 * k + j * k + t);
  const product = Array.from({ length: n1 }, (_, i) =>
    Array.from({ length: n2 }, (_, j) => {
      let p = ring.zero();
      for (let t = 0; t < k; t++) p = ring.add(p, ring.mul(Lv(i, t), Rv(j, t)));
      return p;
    }),
  );
  return { ring, families: families.map(([name, rows, cols]) => ({ name, shape: [rows, cols] as const })), product };
}

/** (1/m) (cᵀ G c - 2 gᵀ c + bᵀ b) for the measurement rows C (m × K) and targets b. */
function leastSquaresOf(ring: PolyRing<Rat>, c: readonly Poly<Rat>[], C: readonly (readonly Rat[])[], b: readonly Rat[]): Poly<Rat> {
  const K = c.length;
  const G: Rat[][] = Array.from({ length: K }, () => new Array<Rat>(K).fill(QQ.zero));
  const g = new Array<Rat>(K).fill(QQ.zero);
  C.forEach((row, i) => {
    const support = row.flatMap((v, a) => (QQ.isZero(v) ? [] : [a]));
    for (const a of support) {
      g[a] = QQ.add(g[a]!, QQ.mul(row[a]!, b[i]!));
      for (const a2 of support) G[a]![a2] = QQ.add(G[a]![a2]!, QQ.mul(row[a]!, row[a2]!));
    }
  });
  const bb = b.reduce((s, v) => QQ.add(s, QQ.mul(v, v)), QQ.zero);
  return ring.scale(quadraticForm(ring, c, G, g, bb), rat(1n, BigInt(C.length)));
}

function checkMatrix(M: readonly (readonly Rat[])[], what: string): [number, number] {
  const n1 = M.length, n2 = M[0]?.length ?? 0;
  if (n1 === 0 || n2 === 0 || M.some((row) => row.length !== n2)) throw new MathError('shape', `${what} must be a non-empty matrix`);
  return [n1, n2];
}

/** Matrix sensing: (1/m) Σ_i (⟨A_i, L Rᵀ⟩ - b_i)². */
export function sensingLoss(A: readonly (readonly (readonly Rat[])[])[], b: readonly Rat[], k: number): RecoveryLoss {
  if (A.length === 0) throw new MathError('shape', 'matrix sensing needs at least one measurement matrix');
  if (b.length !== A.length) throw new MathError('shape', `b must have one value per measurement matrix (${A.length}), got ${b.length}`);
  const [n1, n2] = checkMatrix(A[0]!, 'each measurement matrix');
  A.forEach((Ai, i) => {
    const [r, c] = checkMatrix(Ai, 'each measurement matrix');
    if (r !== n1 || c !== n2) throw new MathError('shape', `the measurement matrices must all be ${n1}×${n2}; matrix ${i + 1} is ${r}×${c}`);
  });
  const F = factorRing(n1, n2, k, false);
  const loss = leastSquaresOf(F.ring, F.product.flat(), A.map((Ai) => Ai.flat()), b);
  return { ring: F.ring, loss, families: F.families, formula: '(1/m) Σ_i (⟨A_i, L Rᵀ⟩ - b_i)²' };
}

/** Bilinear sensing: (1/m) Σ_i (u_iᵀ L Rᵀ v_i - y_i)² (u_i, v_i the rows of U and V). */
export function bilinearLoss(U: readonly (readonly Rat[])[], V: readonly (readonly Rat[])[], y: readonly Rat[], k: number): RecoveryLoss {
  const [m, n1] = checkMatrix(U, 'U (one row u_i per measurement)');
  const [m2, n2] = checkMatrix(V, 'V (one row v_i per measurement)');
  if (m2 !== m || y.length !== m) throw new MathError('shape', `U, V and y need one row (value) per measurement: ${m}, ${m2}, ${y.length}`);
  const F = factorRing(n1, n2, k, false);
  const C = U.map((u, i) => u.flatMap((uj) => V[i]!.map((vl) => QQ.mul(uj, vl))));
  const loss = leastSquaresOf(F.ring, F.product.flat(), C, y);
  return { ring: F.ring, loss, families: F.families, formula: '(1/m) Σ_i (u_iᵀ L Rᵀ v_i - y_i)²' };
}

/** Matrix completion: (1/|Ω|) Σ_{(i,j)∈Ω} ((L Rᵀ)_ij - M_ij)² over the observed entries (1-based pairs). */
export function completionLoss(M: readonly (readonly Rat[])[], observed: readonly (readonly [number, number])[], k: number): RecoveryLoss {
  const [n1, n2] = checkMatrix(M, 'M');
  if (observed.length === 0) throw new MathError('shape', 'matrix completion needs at least one observed entry');
  const seen = new Set<string>();
  for (const [i, j] of observed) {
    if (!(Number.isInteger(i) && Number.isInteger(j) && i >= 1 && i <= n1 && j >= 1 && j <= n2)) throw new MathError('shape', `the observed entry [${i}, ${j}] is outside the ${n1}×${n2} matrix`);
    if (seen.has(`${i},${j}`)) throw new MathError('domain', `the entry [${i}, ${j}] is listed twice among the observed entries`);
    seen.add(`${i},${j}`);
  }
  const F = factorRing(n1, n2, k, false);
  const c = observed.map(([i, j]) => F.product[i - 1]![j - 1]!);
  const C = observed.map((_, r) => observed.map((__, s) => (r === s ? QQ.one : QQ.zero)));
  const loss = leastSquaresOf(F.ring, c, C, observed.map(([i, j]) => M[i - 1]![j - 1]!));
  return { ring: F.ring, loss, families: F.families, formula: '(1/|Ω|) Σ_{(i,j)∈Ω} ((L Rᵀ)_ij - M_ij)²' };
}

/** Robust PCA: ||L Rᵀ + G⊙G - H⊙H - M||²_F + λ (||G||²_F + ||H||²_F). */
export function robustPcaLoss(M: readonly (readonly Rat[])[], k: number, lambda: Rat = QQ.zero): RecoveryLoss {
  const [n1, n2] = checkMatrix(M, 'M');
  if (lambda.num < 0n) throw new MathError('domain', 'the weight λ of the sparse part must be non-negative');
  const F = factorRing(n1, n2, k, true);
  const R = F.ring;
  const base = (n1 + n2) * k;
  const Gv = (i: number, j: number) => R.variable(base + i * n2 + j);
  const Hv = (i: number, j: number) => R.variable(base + n1 * n2 + i * n2 + j);
  let loss = R.zero();
  for (let i = 0; i < n1; i++) {
    for (let j = 0; j < n2; j++) {
      const e = R.sub(R.add(R.sub(F.product[i]![j]!, R.constant(M[i]![j]!)), R.mul(Gv(i, j), Gv(i, j))), R.mul(Hv(i, j), Hv(i, j)));
      loss = R.add(loss, R.mul(e, e));
      if (!QQ.isZero(lambda)) loss = R.add(loss, R.scale(R.add(R.mul(Gv(i, j), Gv(i, j)), R.mul(Hv(i, j), Hv(i, j))), lambda));
    }
  }
  return { ring: R, loss, families: F.families, formula: '||L Rᵀ + G⊙G - H⊙H - M||²_F + λ (||G||²_F + ||H||²_F)' };
}
