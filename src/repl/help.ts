// What the REPL knows about names outside the session: the built-in registry (the same data that
// docs/builtins.md is generated from), the functions of stdlib/*.vdl (parsed with the real parser),
// the keywords (from the lexer). Used by :help and by tab completion.
import { allTokens, tokenCategory } from '../../grammar/lexer.js';
import { allBuiltins, builtin } from '../lang/builtins/index.js';
import { helpText } from '../lang/builtins/docs.js';
import { stdlibDefinitions, type StdlibDefinition } from '../lang/stdlib-names.js';
import { aliasOf, nearest } from '../lang/suggest.js';
import { COMMANDS, findCommand } from './commands.js';

export type StdlibFunction = StdlibDefinition;

/** Top-level functions (and `let` names) of every standard-library module (the embedded sources). */
export function stdlibFunctions(): readonly StdlibFunction[] {
  return stdlibDefinitions();
}

export function builtinNames(): string[] {
  return allBuiltins().map((b) => b.name).sort();
}

export const KEYWORDS: readonly string[] = allTokens
  .filter((t) => tokenCategory(t) === 'keyword')
  .map((t) => String(t.LABEL ?? t.name).replace(/'/g, ''))
  .sort();

const CATEGORY_TITLES: Record<string, string> = {
  core: 'Core',
  algebra: 'Algebra',
  geometry: 'Geometry',
  networks: 'Networks',
};

/** Words laid out in lines of at most `width` characters, indented. */
function wrapWords(words: readonly string[], width: number, indent = '  '): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const w of words) {
    if (line.length > indent.length && line.length + w.length + 2 > width) {
      lines.push(line.replace(/,\s*$/, ','));
      line = indent;
    }
    line += `${w}, `;
  }
  if (line.trim()) lines.push(line.replace(/,\s*$/, ''));
  return lines;
}

/** `:help` alone: the commands, the keys, and every built-in by category. */
export function overview(width = 80): string {
  const out = ['Commands:'];
  const pad = Math.max(...COMMANDS.map((c) => c.usage.length));
  for (const c of COMMANDS) out.push(`  ${c.usage.padEnd(pad)}  ${c.summary}`);
  out.push(
    '',
    'Keys: Enter runs a complete input (an unfinished one continues on the next line), Alt-Enter',
    'inserts a new line, Tab completes, Up/Down walk the history, Ctrl-C interrupts a running',
    'statement (or clears the input; at an empty prompt it exits, as does Ctrl-D).',
  );
  const byCategory = new Map<string, string[]>();
  for (const b of allBuiltins()) {
    const list = byCategory.get(b.category) ?? [];
    list.push(b.name);
    byCategory.set(b.category, list);
  }
  out.push('', 'Built-in functions (:help NAME for one of them):');
  const order = Object.keys(CATEGORY_TITLES);
  const sorted = [...byCategory].sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
  for (const [category, names] of sorted) {
    out.push(`${CATEGORY_TITLES[category] ?? category}:`, ...wrapWords(names.sort(), width));
  }
  const std = stdlibFunctions();
  if (std.length) {
    const files = [...new Set(std.map((s) => s.file))];
    out.push('', `Standard library (${files.map((f) => `import "${f}";`).join(' ')}):`);
    out.push(...wrapWords(std.map((s) => s.name), width));
  }
  return out.join('\n');
}

/** `:help NAME`; ok is false when nothing is known by that name (the text then suggests names). */
export function helpFor(name: string): { ok: boolean; text: string } {
  const b = builtin(name);
  if (b) return { ok: true, text: helpText(b) };
  const std = stdlibFunctions().find((s) => s.name === name);
  if (std) {
    const head = `${std.name}(${std.params.join(', ')})    from ${std.file}: import "${std.file}"; to use it`;
    return { ok: true, text: std.doc ? `${head}\n\n${std.doc}` : head };
  }
  const command = findCommand(name);
  if (command) return { ok: true, text: `${command.usage}\n\n${command.summary}` };
  if (KEYWORDS.includes(name)) return { ok: true, text: `'${name}' is a keyword of the language; see docs/language.md` };
  // Another system's name first (groebner -> gb), then names that start with it, then near spellings
  // (edit distance with transpositions: slove -> solve).
  const all = [...builtinNames(), ...stdlibFunctions().map((s) => s.name)];
  const alias = aliasOf(name);
  const prefixed = all.filter((n) => n.toLowerCase().startsWith(name.toLowerCase()));
  const near = [...new Set([...(alias ? [alias] : []), ...prefixed, ...nearest(name, all, 5)])].slice(0, 5);
  const hint = near.length ? `; did you mean ${near.join(', ')}?` : '; :help lists them all';
  return { ok: false, text: `no built-in or stdlib function named '${name}'${hint}` };
}
