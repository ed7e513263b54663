// The plain line-mode REPL: used when stdin is not a terminal (pipes, CI) or the terminal cannot run
// the Ink interface. It reads lines, keeps reading while the input is incomplete (an unfinished block
// or expression: the parser's only complaint is "unexpected end of input"), evaluates each complete
// input in one session (the same ReplEngine as the interactive REPL, so the same commands and
// semantics), and prints results and errors. An error never ends the session.
//
// Piped, it prints exactly what `vdl run` prints for the same lines (prints and errors, no echo of
// bare expressions); with a prompt, each result is echoed with its type line.
import * as readline from 'node:readline';
import { isIncompleteInput, parseProgram } from '../lang/parse.js';
import { isCommand } from './commands.js';
import { ReplEngine, type Outcome } from './engine.js';

export interface PlainReplOptions {
  readonly seed?: number;
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
  /** Print a prompt and echo results (off when the input is a pipe, so that the output equals `vdl run`). */
  readonly prompt?: boolean;
}

export async function plainRepl(options: PlainReplOptions = {}): Promise<number> {
  const output = options.output ?? process.stdout;
  const interactive = options.prompt ?? false;
  const engine = new ReplEngine({ seed: options.seed, onPrint: (line) => output.write(`${line}\n`) });
  const rl = readline.createInterface({ input: options.input ?? process.stdin, terminal: false });
  let buffer = '';
  const prompt = () => interactive && output.write(buffer ? '...  ' : 'vdl> ');
  const show = (o: Outcome) => {
    for (const p of o.prints) output.write(`${p}\n`);
    if (o.interrupted) output.write('interrupted\n');
    else if (o.error !== undefined) output.write(`${o.error}\n`);
    if (interactive && o.value !== undefined) output.write(`${o.value}\n`);
    if (o.type !== undefined && (interactive || o.value === undefined)) output.write(`: ${o.type}\n`);
    if (o.info !== undefined) output.write(`${o.info}\n`);
  };
  prompt();
  for await (const line of rl) {
    buffer += (buffer ? '\n' : '') + line;
    if (!isCommand(buffer) && isIncompleteInput(parseProgram(buffer, '<input>').diagnostics)) {
      prompt();
      continue;
    }
    const source = buffer;
    buffer = '';
    if (source.trim() !== '') {
      const outcome = engine.submit(source);
      show(outcome);
      if (outcome.quit) break;
    }
    prompt();
  }
  rl.close();
  // An input left unfinished at the end: evaluate it, so that its error (end of input) is reported.
  if (buffer.trim() !== '') show(engine.submit(buffer));
  return 0;
}
