// REPL commands (`:help`, `:type`, ...): the table and a pure parser. An input is a command when its
// first non-blank character is ':' (no vdl statement starts with a colon).
import { editDistance } from '../lang/suggest.js';

export type OutputFormat = 'text' | 'json' | 'latex';

export type Command =
  | { readonly kind: 'help'; readonly name?: string }
  | { readonly kind: 'type'; readonly source: string }
  | { readonly kind: 'load'; readonly file: string }
  | { readonly kind: 'seed'; readonly seed: bigint }
  | { readonly kind: 'format'; readonly format?: OutputFormat }
  | { readonly kind: 'quit' }
  | { readonly kind: 'error'; readonly message: string };

export interface CommandInfo {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly usage: string;
  readonly summary: string;
}

export const COMMANDS: readonly CommandInfo[] = [
  { name: 'help', aliases: ['h', '?'], usage: ':help [NAME]', summary: 'documentation of a built-in or stdlib function; alone, this overview' },
  { name: 'type', aliases: ['t'], usage: ':type EXPR', summary: 'evaluate an expression and show only its type' },
  { name: 'load', aliases: ['l'], usage: ':load FILE', summary: 'run a .vdl file in this session (its definitions stay)' },
  { name: 'seed', aliases: [], usage: ':seed N', summary: 'reseed the random generator (random points, primes, ...)' },
  { name: 'format', aliases: [], usage: ':format text|json|latex', summary: 'how results and prints are shown' },
  { name: 'quit', aliases: ['q', 'exit'], usage: ':quit', summary: 'leave the REPL (also Ctrl-D, or Ctrl-C at an empty prompt)' },
];

/** Every spelling, with its colon, for completion. */
export const COMMAND_WORDS: readonly string[] = COMMANDS.flatMap((c) => [c.name, ...c.aliases]).filter((w) => /^[a-z]/.test(w)).map((w) => `:${w}`);

export function isCommand(input: string): boolean {
  return /^\s*:/.test(input);
}

export function findCommand(word: string): CommandInfo | undefined {
  const w = word.replace(/^:/, '');
  return COMMANDS.find((c) => c.name === w || c.aliases.includes(w));
}

export { editDistance } from '../lang/suggest.js';

export function parseCommand(input: string): Command {
  const m = /^\s*:(\S*)\s*([\s\S]*?)\s*$/.exec(input)!;
  const word = m[1]!;
  const arg = m[2]!;
  const info = findCommand(word);
  if (!info) {
    const near = COMMANDS.filter((c) => word && editDistance(c.name, word.toLowerCase()) <= 2).map((c) => `:${c.name}`);
    const hint = near.length ? ` (did you mean ${near.join(' or ')}?)` : '';
    return { kind: 'error', message: `unknown command ':${word}'${hint}; :help lists the commands` };
  }
  switch (info.name) {
    case 'help':
      return arg ? { kind: 'help', name: arg.replace(/^:/, '') } : { kind: 'help' };
    case 'type':
      return arg ? { kind: 'type', source: arg } : { kind: 'error', message: 'usage: :type EXPR' };
    case 'load': {
      const file = arg.replace(/^(["'])(.*)\1$/, '$2');
      return file ? { kind: 'load', file } : { kind: 'error', message: 'usage: :load FILE' };
    }
    case 'seed':
      return /^-?\d+$/.test(arg) ? { kind: 'seed', seed: BigInt(arg) } : { kind: 'error', message: 'usage: :seed N (an integer)' };
    case 'format':
      if (!arg) return { kind: 'format' };
      return arg === 'text' || arg === 'json' || arg === 'latex'
        ? { kind: 'format', format: arg }
        : { kind: 'error', message: `unknown format '${arg}': use text, json or latex` };
    default:
      return arg ? { kind: 'error', message: `:${info.name} takes no argument` } : { kind: 'quit' };
  }
}
