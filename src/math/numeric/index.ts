// Certified numerical solving (see docs/numerical.md): the entries and the kernels they are built from.
export { solveNumerical, realIntervalText, realPointText, type NumericalSolveOptions, type NumericalSolveResult, type PathStatistics } from './solve-numerical.js';
export { stationaryNumerical, stationaryMonodromy, certifiedMorseIndices, type CertifiedMorseResult, type CertifiedStationaryPoint, type NumericalStationaryResult } from './stationary.js';
export { Certifier, type Certificate } from './krawczyk.js';
export { ProjectiveHomotopy, randomChart, type Homotopy } from './homotopy.js';
export { PathTracker, type PathResult, type PathStatus, type TrackerOptions } from './tracker.js';
export { ComplexSystem, complexPolynomial, ratToFloat } from './slp.js';
export { ComplexLU } from './lu.js';
export { DDPathTracker, type DDTrackerOptions } from './dd-tracker.js';
export { ComplexSystemDD, ddPolynomial, ratToDD, type DDPolynomial } from './dd-system.js';
export { ComplexLUDD } from './dd-lu.js';
export * from './float-interval.js';
export { type AffineFamily, familyAt, invariantSubspaces, parametricFamily, regularizerFamily, restrictFamily, systemFamily, targetSystem } from './family.js';
export { CompiledFamily, ParameterHomotopy } from './parameter-homotopy.js';
export { MonodromyBase, MonodromySolver, completeAtInstance, monodromySolve, parameterSweep, type MonodromyOptions, type MonodromyResult, type MonodromyStatistics, type SweepOptions } from './monodromy.js';
export { CircleHomotopy, cauchyEndgame, type CauchyResult } from './endgame.js';
export { CertifiedSet, regammaJob, singularSolutions, trackAndCertify, type CompletionStatistics, type SingularSolution, type TrackingRun } from './solve-numerical.js';
export { type HomotopyData, type PathJob, type PathRunner, PathTrackingTask, defaultPathRunner, sequentialPathRunner, setDefaultPathRunner } from './path-runner.js';
