// Entry point of `vdl repl`: the plain line REPL (the Ink interface is built on top of it in its own
// module when the terminal supports it).
import { plainRepl } from './plain.js';

export async function startRepl(options: { seed?: number }): Promise<number> {
  return plainRepl({ seed: options.seed, prompt: Boolean(process.stdin.isTTY) });
}
