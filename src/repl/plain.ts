// The plain line-mode REPL: used when stdin is not a terminal (pipes, CI) and as the first REPL.
// It reads lines, keeps reading while the input is incomplete (an unfinished block or expression),
// evaluates each complete input in one Session, and prints results, errors and a type line.
// An error never ends the session.
import * as readline from 'node:readline';
import { formatDiagnostics, Session } from '../lang/run.js';
import { parseProgram, isIncompleteInput } from '../lang/parse.js';
import { toText } from '../lang/print.js';
import { typeName } from '../lang/values.js';

export interface PlainReplOptions {
  readonly seed?: number;
  readonly input?: NodeJS.ReadableStream;
  readonly output?: NodeJS.WritableStream;
  /** Print a prompt (off when the input is a pipe, so that the output equals `vdl run`). */
  readonly prompt?: boolean;
}

export async function plainRepl(options: PlainReplOptions = {}): Promise<number> {
  const output = options.output ?? process.stdout;
  const session = new Session({ seed: options.seed });
  const rl = readline.createInterface({ input: options.input ?? process.stdin, terminal: false });
  const showPrompt = options.prompt ?? false;
  let buffer = '';
  const prompt = () => showPrompt && output.write(buffer ? '... ' : 'vdl> ');
  prompt();
  for await (const line of rl) {
    buffer += (buffer ? '\n' : '') + line;
    const { diagnostics } = parseProgram(buffer, '<input>');
    if (diagnostics.length > 0 && isIncompleteInput(diagnostics)) {
      prompt();
      continue;
    }
    const source = buffer;
    buffer = '';
    if (source.trim() === '') {
      prompt();
      continue;
    }
    if (/^\s*:(quit|q|exit)\s*$/.test(source)) break;
    const result = session.evaluate(source);
    for (const p of result.prints) output.write(`${p.text}\n`);
    if (!result.ok) output.write(`${formatDiagnostics(result.diagnostics, session.sources)}\n`);
    else if (result.value !== undefined && showPrompt) output.write(`${toText(result.value)}\n: ${typeName(result.value)}\n`);
    prompt();
  }
  if (buffer.trim() !== '') {
    const result = session.evaluate(buffer);
    for (const p of result.prints) output.write(`${p.text}\n`);
    if (!result.ok) output.write(`${formatDiagnostics(result.diagnostics, session.sources)}\n`);
  }
  return 0;
}
