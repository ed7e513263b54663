// Linear algebra: dense matrices over a Field (./matrix.ts), Bareiss determinants over rings with exact
// division (./bareiss.ts), fraction-free integer determinants
// (./integer.ts), characteristic polynomials (./charpoly.ts), exact inertia of symmetric matrices
// (./signature.ts) and matrices of polynomials (./polymatrix.ts). Matrices are plain row-major arrays
// `E[][]`; the Field object does the arithmetic.
export * from './matrix.js';
export * from './integer.js';
export * from './charpoly.js';
export * from './signature.js';
export * from './polymatrix.js';
export * from './bareiss.js';
