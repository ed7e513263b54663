// The `vdl/node` entry: what a Node host adds to the library (`vdl`): module access to files.
//   import { run } from 'vdl';
//   import { nodeResolver } from 'vdl/node';
//   run(source, { file: 'main.vdl', resolver: nodeResolver() });
export { nodeResolver, type NodeResolverOptions } from './resolver.js';
