// Univariate polynomials and exact real roots, by topic:
//   dense.ts         dense polynomials over any field (UnivariateRing)
//   integer-poly.ts  integer polynomials: arithmetic, evaluation, gcd over Z[x]
//   square-free.ts   square-free parts and modular square-freeness proofs
//   residue.ts       the residue ring Q[T]/(m(T))
//   sturm.ts         signs at rationals, Sturm sequences, real-root counting
//   isolate.ts       real root isolation (Descartes / Vincent–Collins–Akritas)
//   refine.ts        refinement of isolated roots, exact signs at real algebraic numbers
//   decimal.ts       the one decimal formatter, and decimals of elements of Q(θ)
export * from './dense.js';
export * from './integer-poly.js';
export * from './square-free.js';
export * from './residue.js';
export * from './sturm.js';
export * from './isolate.js';
export * from './refine.js';
export * from './decimal.js';
