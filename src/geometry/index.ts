// The geometry layer: varieties, forms, projections, critical points, ED degrees, Morse indices and
// polar degrees, on top of src/math. See docs/geometry.md for the conventions.
export * from './common.js';
export * from './variety.js';
export * from './forms.js';
export * from './constructors.js';
export * from './projection.js';
export * from './critical.js';
export * from './count.js';
export * from './ed-degree.js';
export * from './morse.js';
export * from './polar.js';
export * from './routes.js';
export * from './projected.js';
export * from './family.js';
export * from './discriminant.js';
