// Certified real roots: Descartes isolation with fast Taylor shifts, refinement, real points of a
// rational parametrization, inertia and values at them (Morse indices), points of sign orbits. See the headers of each module.
export * from './taylor-shift.js';
export * from './ball-shift.js';
export * from './sign.js';
export * from './root.js';
export * from './descartes.js';
export * from './parametrization.js';
export * from './algebraic.js';
export * from './point.js';
export * from './complex.js';
export * from './point-inertia.js';
export * from './orbit-point.js';
