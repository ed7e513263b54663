// The networks layer: architectures and their function spaces, losses, stationary points with exact
// Morse indices, pure/spurious critical points, flatness and NNLS, on top of src/math and
// src/geometry. See docs/networks.md for the conventions.
export * from './architectures.js';
export * from './function-space.js';
export * from './losses.js';
export * from './stationary.js';
export * from './flatness.js';
export * from './nnls.js';
