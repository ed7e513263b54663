// Exact interval arithmetic on dyadic endpoints: see the headers of each module.
export * from './dyadic.js';
export * from './interval.js';
export * from './evaluate.js';
export * from './ldl.js';
