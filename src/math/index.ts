// The exact engine as a library (the package's "./math" export): fields, polynomials, Gröbner bases,
// ideals, solving and linear algebra.
export * from './domain.js';
export * from './field.js';
export * from './monomial.js';
export * from './poly.js';
export { parsePoly } from './poly-parse.js';
export * from './errors.js';
export * from './progress.js';
export { Random } from './random.js';
export { GROEBNER_ENGINES, autoEngine, groebner, groebnerBasis, normalForm, type GroebnerAlgorithm, type GroebnerOptions, type GroebnerResult } from './groebner/index.js';
export * as ideals from './ideal.js';
export { solve } from './solve.js';
export * as linalg from './linalg/index.js';
export * as systems from './systems.js';
export * as zerodim from './zerodim/index.js';
export * as interval from './interval/index.js';
export * as realroots from './realroots/index.js';
export * as numeric from './numeric/index.js';
