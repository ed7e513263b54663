// The floating-point reference of the normal inertia at an orbit (shared by the symmetry tests): the
// orbit's dimension is the rank of the generators at the point, the normal space the eigenvectors of
// Σ_k t_k t_kᵀ (t_k the generators there) for the eigenvalue 0, and the inertia that of the Hessian
// restricted to it (eigenvalues in doubles, zero below a relative tolerance).
import { fromRows, symmetricEigen, toRows } from '../../src/math/dense/index.js';
import type { Rat } from '../../src/math/field.js';
import { hessian } from '../../src/math/linalg/polymatrix.js';
import type { Poly, PolyRing } from '../../src/math/poly.js';
import type { Symmetry } from '../../src/networks/symmetry.js';

/** Floating-point orbit dimension (rank of the generators) and inertia of the Hessian normal to the orbit at a decimal point. */
export function floatNormalInertia(sym: Symmetry, R: PolyRing<Rat>, L: Poly<Rat>, point: string[]) {
  const x = point.map((c) => Number(c));
  const value = (f: Poly<Rat>) => f.mons.reduce((s, m, k) => s + (Number(f.coeffs[k]!.num) / Number(f.coeffs[k]!.den)) * Array.from(m).reduce((p, e, i) => p * x[i]! ** e, 1), 0);
  const H = hessian(R, L).map((row) => row.map(value));
  const n = x.length;
  const tangent = sym.generators.map((g) => g.map(value));
  const P = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => tangent.reduce((s, t) => s + t[i]! * t[j]!, 0)));
  const e = symmetricEigen(fromRows(P));
  const top = Math.max(1, ...Array.from(e.values).map(Math.abs));
  const V = toRows(e.vectors);
  const normalIdx = Array.from(e.values).flatMap((v, k) => (Math.abs(v) <= 1e-10 * top ? [k] : []));
  const normal = normalIdx.map((k) => V.map((row) => row[k]!));
  const restricted = normal.map((u) => normal.map((v) => u.reduce((s, a, i) => s + a * H[i]!.reduce((t, h, j) => t + h * v[j]!, 0), 0)));
  const eig = restricted.length ? Array.from(symmetricEigen(fromRows(restricted)).values) : [];
  const tol = 1e-7 * Math.max(1, ...H.flat().map(Math.abs));
  return { dimension: n - normalIdx.length, normal: { positive: eig.filter((v) => v > tol).length, negative: eig.filter((v) => v < -tol).length, zero: eig.filter((v) => Math.abs(v) <= tol).length } };
}
