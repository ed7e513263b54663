// The `vdl/node` entry: what a Node host adds to the library (`vdl`): module access to files, an
// asynchronous `runAsync` on a worker thread whose abort, timeout and memory limit always take effect,
// and the primes of modular computations and the paths of numerical homotopies on worker threads
// (installed when this entry is imported).
//   import { run } from 'vdl';
//   import { nodeResolver } from 'vdl/node';
//   run(source, { file: 'main.vdl', resolver: nodeResolver() });
export { nodeResolver, type NodeResolverOptions } from './resolver.js';
export { runAsync, DEFAULT_GRACE_MS, type RunAsyncOptions, type AsyncRunResult, type AsyncPrint } from './run-async.js';
export { WorkerPrimeRunner, installPrimeWorkers, primeWorkerScript, type PrimePoolOptions } from './prime-pool.js';
export { WorkerPathRunner, installPathWorkers, pathWorkerScript, type PathPoolOptions } from './path-pool.js';

import { installPrimeWorkers } from './prime-pool.js';
import { installPathWorkers } from './path-pool.js';

installPrimeWorkers();
installPathWorkers();
