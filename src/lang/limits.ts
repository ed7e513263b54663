// The limits a host sets for the runs in its thread, re-exported from the engine (src/math/budget.ts)
// for the hosts' layers, which import the language layer and not the engine: the memory limit with
// the probe that measures the heap (src/node/memory.ts installs V8's), and the size budget.
export { memoryLimit, setMemoryLimit, setSizeBudget, sizeBudget, type MemoryProbe } from '../math/budget.js';
