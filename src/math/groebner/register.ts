// Importing this module (for its effect) makes F4 (rings over GF(p)) and the multi-modular algorithm
// (rings over QQ) available to the dispatcher of index.ts, so that `groebner(R, gens)` with the
// default algorithm 'auto' prefers them. The library entry (src/math/index.ts) imports it; index.ts
// itself does not, so that the dispatcher can be tested with no engine registered.
import { f4Engine, modularEngine } from './engines.js';
import { registerGroebnerEngine } from './index.js';

registerGroebnerEngine('f4', f4Engine);
registerGroebnerEngine('modular', modularEngine);
