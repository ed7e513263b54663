// The browser entry of vdl (the `browser` condition of the package's "." export): the library API of
// src/index.ts, which imports nothing of Node, plus the worker client for hosts that must not block
// (run a script in a Web Worker with live prints, progress and cancel). The worker script itself is
// the `vdl/worker` entry (src/browser/worker.ts).
export * from '../index.js';
export { highlightTokens, type HighlightToken, type TokenCategory } from '../../grammar/lexer.js';
export { VdlWorkerClient, type WorkerLike, type RunHandlers, type RunOutcome, type ClientOptions } from './client.js';
export type { PrintedLine, PortLike, RunRequest, WorkerReply } from './protocol.js';
