// Optimizers on polynomial losses in floating point (see docs/numerics.md): compiled real
// evaluation with gradients, gd / heavy-ball / nesterov / adam / newton, seeded initializations,
// sampled histories.
export * from './real-program.js';
export * from './history.js';
export * from './minimize.js';
export * from './init.js';
