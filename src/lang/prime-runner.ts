// What a host may install under the language: the runner of the multi-modular computations' primes
// (src/math/zerodim/prime-runner.ts), and what a worker of such a runner needs (the tasks, their
// data types, MathError). The Node worker pool (src/node/prime-pool.ts) is the one host code here.
export { MathError } from '../math/errors.js';
export { type PrimeRunner, defaultPrimeRunner, sequentialPrimeRunner, setDefaultPrimeRunner } from '../math/zerodim/prime-runner.js';
export { PRIME_TASKS, type PreparedTask, type PrimeImage, type PrimeJob } from '../math/zerodim/prime-tasks.js';
