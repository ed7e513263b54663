// The Web Worker script of vdl (the `vdl/worker` entry): load it with
// `new Worker(new URL('vdl/worker', import.meta.url), { type: 'module' })` (or the bundled
// web/dist/worker.js) and drive it with VdlWorkerClient (src/browser/client.ts).
import type { PortLike } from './protocol.js';
import { serve } from './serve.js';

serve(globalThis as unknown as PortLike);
