// Entry point of `vdl repl`: the Ink interface on a terminal, the plain line mode otherwise (pipes, CI,
// TERM=dumb, or VDL_PLAIN_REPL=1). Ink and React are loaded only in the first case.
// The memory limit (`--max-memory` MB, default 3/4 of the heap limit; src/node/memory.ts) applies to the
// evaluator: the Ink interface's worker gets it with V8 resource limits to match, so a statement that
// still exhausts the worker's heap costs that worker, never the REPL; the plain mode checks it in-process.
import { defaultMemoryLimit, installMemoryLimit } from '../node/memory.js';
import { plainRepl } from './plain.js';

export async function startRepl(options: { seed?: number; maxMemory?: number }): Promise<number> {
  const memory = options.maxMemory !== undefined ? options.maxMemory * 2 ** 20 : defaultMemoryLimit();
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env['TERM'] !== 'dumb' && !process.env['VDL_PLAIN_REPL'];
  if (!interactive) installMemoryLimit(memory);
  if (!interactive) return plainRepl({ seed: options.seed, prompt: Boolean(process.stdin.isTTY) });
  // Ink renders only the final frame when it believes it runs in CI (the is-in-ci package reads the
  // environment once, when Ink loads). A terminal on both ends means a person is typing, so hide the
  // CI variables before Ink is imported.
  for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) delete process.env[name];
  // Raw mode from now on, before the first prompt is drawn: in the terminal's cooked mode the line
  // discipline would keep keys typed before the line editor listens, and turn a Ctrl-D into an
  // end-of-file marker that reaches nobody (it arrives as a NUL once raw mode is set). In raw mode
  // every key waits in the terminal's buffer as it was typed, and the line editor reads it when ready.
  process.stdin.setRawMode(true);
  // Ink and React are optional peer dependencies (an embedding install leaves them out): without them
  // the plain line mode serves.
  const ink = await import('./ink.js').catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ERR_MODULE_NOT_FOUND') throw e;
    process.stderr.write('vdl: ink and react are not installed (npm install ink react); using the plain line mode\n');
    return null;
  });
  if (!ink) {
    process.stdin.setRawMode(false);
    installMemoryLimit(memory);
    return plainRepl({ seed: options.seed, prompt: true });
  }
  return ink.inkRepl({ seed: options.seed, memory });
}
