// Zero-dimensional solving by modular rational parametrizations (issue 9): see the module headers.
export { berlekampMassey } from './berlekamp-massey.js';
export { checkExactly, checkModulo, type IntegerGenerator, type ParametrizationData } from './check.js';
export { NormalForms, NormalSet, type SparseColumn } from './normal-forms.js';
export { parametrize, type Parametrization, type ParametrizeOptions, type ParametrizeTimings } from './parametrize.js';
export { parametrizeModP, type PrimeParametrization, type PrimeParametrizationResult, type PrimeParametrizeOptions } from './prime.js';
