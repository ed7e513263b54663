// Certified numerical solving (see docs/numerical.md): the entries and the kernels they are built from.
export { solveNumerical, realIntervalText, realPointText, type NumericalSolveOptions, type NumericalSolveResult, type PathStatistics } from './solve-numerical.js';
export { stationaryNumerical, certifiedMorseIndices, type CertifiedMorseResult, type CertifiedStationaryPoint, type NumericalStationaryResult } from './stationary.js';
export { Certifier, type Certificate } from './krawczyk.js';
export { TotalDegreeHomotopy, type Homotopy } from './homotopy.js';
export { PathTracker, type PathResult, type PathStatus, type TrackerOptions } from './tracker.js';
export { ComplexSystem, complexPolynomial, ratToFloat } from './slp.js';
export { ComplexLU } from './lu.js';
export * from './float-interval.js';
