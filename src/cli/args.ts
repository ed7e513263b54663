// Command-line parsing for `vdl`, kept apart from running so that it can be tested alone.
export type Command =
  | { name: 'help'; debug: boolean }
  | { name: 'version'; debug: boolean }
  | { name: 'check'; file: string; debug: boolean }
  | { name: 'run'; file: string; json: boolean; provenance: boolean; seed?: number; timeout?: number; verbose: boolean; debug: boolean }
  | { name: 'repl'; seed?: number; debug: boolean };

export function usage(): string {
  return [
    'Usage:',
    '  vdl run FILE [--json] [--seed N] [--timeout S] [--verbose]   run a .vdl script',
    '  vdl check FILE                                               parse and check, report every problem',
    '  vdl repl [--seed N]                                          interactive session',
    '  vdl --help | --version',
    '',
    'Options:',
    '  --json       print one typed JSON object per print statement (JSON Lines, docs/json.md); a',
    '               computed value says how it was obtained under "how"; errors are JSON on stderr',
    '  --json-plain print the plain JSON encoding of the contract (no types, no "how", text errors)',
    '  --seed N     seed for every random choice (default 0)',
    '  --timeout S  stop the run after S seconds',
    '  --verbose    show progress of long computations on stderr',
    '  --debug      show stack traces of internal errors',
  ].join('\n');
}

export function parseArguments(argv: readonly string[]): Command {
  const args = [...argv];
  const debug = takeFlag(args, '--debug');
  if (args.includes('--help') || args.includes('-h')) return { name: 'help', debug };
  if (args.includes('--version') || args.includes('-v')) return { name: 'version', debug };
  const name = args.shift();
  switch (name) {
    case undefined:
      throw new Error('no command given');
    case 'run': {
      const plain = takeFlag(args, '--json-plain');
      const json = takeFlag(args, '--json') || plain;
      const verbose = takeFlag(args, '--verbose');
      const seed = takeNumber(args, '--seed', true);
      const timeout = takeNumber(args, '--timeout', false);
      const file = onlyFile(args, 'run');
      return { name: 'run', file, json, provenance: !plain, seed, timeout, verbose, debug };
    }
    case 'check':
      return { name: 'check', file: onlyFile(args, 'check'), debug };
    case 'repl': {
      const seed = takeNumber(args, '--seed', true);
      if (args.length > 0) throw new Error(`unexpected argument '${args[0]}' for repl`);
      return { name: 'repl', seed, debug };
    }
    default:
      throw new Error(`unknown command '${name}'`);
  }
}

function takeFlag(args: string[], flag: string): boolean {
  const i = args.indexOf(flag);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

function takeNumber(args: string[], flag: string, integer: boolean): number | undefined {
  const i = args.indexOf(flag);
  if (i < 0) return undefined;
  const text = args[i + 1];
  const value = Number(text);
  if (text === undefined || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || (!integer && value <= 0)) {
    throw new Error(`${flag} needs ${integer ? 'an integer' : 'a positive number'}`);
  }
  args.splice(i, 2);
  return value;
}

function onlyFile(args: string[], command: string): string {
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) throw new Error(`unknown option '${unknown}' for ${command}`);
  if (args.length !== 1) throw new Error(`${command} needs exactly one FILE`);
  return args[0]!;
}
