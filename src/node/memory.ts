// The memory limit for Node hosts (`vdl run --max-memory`, the REPL's evaluator): V8's heap statistics
// as the probe of the memory budget in src/math/budget.ts, and a full garbage collection (V8's gc
// function, exposed at run time through --expose-gc and read from a fresh context) to tell garbage
// from live data before a statement is stopped. The limit defaults to 3/4 of the heap limit V8 was
// started with, and a worker that runs scripts gets a V8 heap limit a third above the memory limit
// (workerHeapMb), so the check stops a statement before V8 runs out.
import v8 from 'node:v8';
import vm from 'node:vm';
import { setMemoryLimit } from '../lang/limits.js';

const MB = 2 ** 20;

/** The default memory limit in bytes: 3/4 of this isolate's heap limit. */
export function defaultMemoryLimit(): number {
  return Math.floor(v8.getHeapStatistics().heap_size_limit * 0.75);
}

/** The V8 old-generation limit (MB) of a worker whose memory limit is `bytes`. */
export function workerHeapMb(bytes: number): number {
  return Math.ceil((bytes * 4) / 3 / MB);
}

let gc: (() => void) | null | undefined;

/** V8's full collection, or null when it cannot be exposed. */
function fullCollection(): (() => void) | null {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  return gc;
}

/** Installs the memory limit (bytes; default: defaultMemoryLimit) for the statements run in this thread. */
export function installMemoryLimit(bytes = defaultMemoryLimit()): void {
  const used = () => v8.getHeapStatistics().used_heap_size;
  const collect = fullCollection();
  setMemoryLimit({
    bytes,
    probe: {
      used,
      collect: collect
        ? () => {
          collect();
          return used();
        }
        : undefined,
    },
  });
}
