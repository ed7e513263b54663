// Command-line parsing for `vdl` on Node's util.parseArgs, kept apart from running so that it can be
// tested alone and so that `vdl --version` and `--help` load nothing else (src/cli/main.ts imports the
// compiler only for the commands that need it). Options take `--opt value` or `--opt=value`; a
// script comes from a FILE, from standard input (`-`), or from the command line (`-e CODE`). A usage
// error is a UsageError that points at the argument at fault, the way a diagnostic points at source.
import { parseArgs } from 'node:util';
import { nearest } from '../lang/suggest.js';

/** Where a script's text comes from. */
export type Source = { kind: 'file'; file: string } | { kind: 'stdin' } | { kind: 'eval'; code: string };

export type Command =
  | { name: 'help'; debug: boolean }
  | { name: 'version'; debug: boolean }
  | { name: 'check'; source: Source; json: boolean; debug: boolean }
  | { name: 'run'; source: Source; json: boolean; provenance: boolean; seed?: number; timeout?: number; maxMemory?: number; verbose: boolean; debug: boolean }
  | { name: 'repl'; seed?: number; maxMemory?: number; debug: boolean }
  | { name: 'lsp'; debug: boolean };

export function usage(): string {
  return [
    'Usage:',
    '  vdl run FILE [options]       run a .vdl script (FILE - reads standard input)',
    '  vdl run -e CODE [options]    run the code given on the command line (also: vdl -e CODE)',
    '  vdl check FILE               parse and check, report every problem',
    '  vdl repl [--seed N]          interactive session (takes --max-memory too)',
    '  vdl lsp [--stdio]            the language server on standard input and output (as vdl-lsp)',
    '  vdl --help | --version',
    '',
    'Options (--opt VALUE or --opt=VALUE):',
    '  --json       print one typed JSON object per print statement (JSON Lines, docs/json.md); a',
    '               computed value says how it was obtained under "how"; errors are JSON on stderr',
    '  --json-plain print the plain JSON encoding of the contract (no types, no "how", text errors)',
    '  --seed N     seed for every random choice (default 0)',
    '  --timeout S  stop the run after S seconds',
    '  --max-memory MB  stop a statement that needs more memory than MB megabytes (default: 3/4',
    "               of Node's heap limit)",
    '  --verbose    log the progress of long computations on stderr (on a terminal, without it,',
    '               one status line shows the current stage and is cleared at the end)',
    '  --debug      show stack traces of internal errors',
  ].join('\n');
}

/** A usage error: the message, and the position of the argument at fault (for the caret), if any. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly argument?: number,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The message, then the command line with a caret under the argument at fault. */
export function formatUsageError(e: UsageError, argv: readonly string[]): string {
  const head = `vdl: error: ${e.message}`;
  if (e.argument === undefined || e.argument >= argv.length) return head;
  const words = argv.map((a) => (/^[\w./=:@,+-]+$/.test(a) ? a : JSON.stringify(a)));
  const before = ['vdl', ...words.slice(0, e.argument)].join(' ').length + 1;
  return `${head}\n  vdl ${words.join(' ')}\n  ${' '.repeat(before)}^${'~'.repeat(Math.max(0, words[e.argument]!.length - 1))}`;
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  debug: { type: 'boolean' },
  json: { type: 'boolean' },
  'json-plain': { type: 'boolean' },
  verbose: { type: 'boolean' },
  seed: { type: 'string' },
  timeout: { type: 'string' },
  'max-memory': { type: 'string' },
  eval: { type: 'string', short: 'e' },
  stdio: { type: 'boolean' },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Which options each command accepts (help, version and debug go with every command). */
const ACCEPTS: Record<'run' | 'check' | 'repl' | 'lsp', readonly OptionName[]> = {
  run: ['json', 'json-plain', 'verbose', 'seed', 'timeout', 'max-memory', 'eval'],
  check: ['json', 'eval'],
  repl: ['seed', 'max-memory'],
  // Editors pass --stdio; standard input and output are the only transport.
  lsp: ['stdio'],
};

const COMMANDS = ['run', 'check', 'repl', 'lsp'] as const;

export function parseArguments(argv: readonly string[]): Command {
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const given = new Map<OptionName, { value: string | undefined; index: number }>();
  const positionals: { value: string; index: number }[] = [];
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push({ value: t.value, index: t.index });
    if (t.kind !== 'option') continue;
    if (!(t.name in OPTIONS)) {
      const near = nearest(t.name, Object.keys(OPTIONS), 1).map((n) => `--${n}`);
      throw new UsageError(`unknown option '${t.rawName}'${near.length ? `; did you mean ${near[0]}?` : ''}`, t.index);
    }
    const name = t.name as OptionName;
    if (OPTIONS[name].type === 'string' && t.value === undefined) throw new UsageError(`${t.rawName} needs a value`, t.index);
    if (OPTIONS[name].type === 'boolean' && t.value !== undefined) throw new UsageError(`${t.rawName} takes no value`, t.index);
    if (given.has(name)) throw new UsageError(`${t.rawName} is given twice`, t.index);
    given.set(name, { value: t.value, index: t.index });
  }
  const debug = given.has('debug');
  if (given.has('help')) return { name: 'help', debug };
  if (given.has('version')) return { name: 'version', debug };
  // `vdl -e CODE` is `vdl run -e CODE`.
  const first = positionals[0];
  const name = first === undefined && given.has('eval') ? 'run' : first?.value;
  if (name === undefined) throw new UsageError('no command given');
  if (!(COMMANDS as readonly string[]).includes(name)) {
    const near = nearest(name, COMMANDS, 1);
    throw new UsageError(`unknown command '${name}'${near.length ? `; did you mean '${near[0]}'?` : ''}`, first!.index);
  }
  const command = name as (typeof COMMANDS)[number];
  for (const [option, { index }] of given) {
    if (option !== 'debug' && !ACCEPTS[command].includes(option)) throw new UsageError(`${command} does not take --${option}`, index);
  }
  const rest = first?.value === command ? positionals.slice(1) : positionals;
  const seed = numberOption(given.get('seed'), '--seed', true);
  const maxMemory = numberOption(given.get('max-memory'), '--max-memory', false);
  if (command === 'repl') {
    if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]!.value}' for repl`, rest[0]!.index);
    return { name: 'repl', seed, maxMemory, debug };
  }
  if (command === 'lsp') {
    if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]!.value}' for lsp`, rest[0]!.index);
    return { name: 'lsp', debug };
  }
  const source = sourceOf(command, rest, given.get('eval'));
  const json = given.has('json') || given.has('json-plain');
  if (command === 'check') return { name: 'check', source, json, debug };
  const timeout = numberOption(given.get('timeout'), '--timeout', false);
  return { name: 'run', source, json, provenance: !given.has('json-plain'), seed, timeout, maxMemory, verbose: given.has('verbose'), debug };
}

function sourceOf(command: string, rest: readonly { value: string; index: number }[], code: { value: string | undefined; index: number } | undefined): Source {
  if (code !== undefined) {
    if (rest.length > 0) throw new UsageError(`${command} -e takes no FILE`, rest[0]!.index);
    return { kind: 'eval', code: code.value! };
  }
  if (rest.length !== 1) throw new UsageError(rest.length === 0 ? `${command} needs a FILE (or - for standard input, or -e CODE)` : `${command} takes one FILE`, rest[1]?.index);
  return rest[0]!.value === '-' ? { kind: 'stdin' } : { kind: 'file', file: rest[0]!.value };
}

function numberOption(option: { value: string | undefined; index: number } | undefined, flag: string, integer: boolean): number | undefined {
  if (option === undefined) return undefined;
  const text = option.value!;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || (!integer && value <= 0)) {
    throw new UsageError(`${flag} needs ${integer ? 'an integer' : 'a positive number'}, not '${text}'`, option.index);
  }
  return value;
}
