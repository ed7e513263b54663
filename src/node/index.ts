// The `vdl/node` entry: what a Node host adds to the library (`vdl`): module access to files, and the
// primes of modular computations on worker threads (installed when this entry is imported).
//   import { run } from 'vdl';
//   import { nodeResolver } from 'vdl/node';
//   run(source, { file: 'main.vdl', resolver: nodeResolver() });
export { nodeResolver, type NodeResolverOptions } from './resolver.js';
export { WorkerPrimeRunner, installPrimeWorkers, primeWorkerScript, type PrimePoolOptions } from './prime-pool.js';

import { installPrimeWorkers } from './prime-pool.js';

installPrimeWorkers();
