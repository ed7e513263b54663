// Tab completion, pure: what word is being completed at the cursor, the candidates for it, and what
// Tab does with them (complete a unique candidate, extend to the longest common prefix, or list).
import type { Buffer } from './buffer.js';

export interface CompletionSources {
  /** Names bound in the session (variables, functions, rings). */
  readonly scope: readonly string[];
  readonly builtins: readonly string[];
  /** Functions defined at the top level of stdlib/*.vdl. */
  readonly stdlib: readonly string[];
  readonly keywords: readonly string[];
  /** REPL commands, with their colon (":help"). */
  readonly commands: readonly string[];
  /** Entries of a directory (names; directories end in '/'), for `:load`. Optional. */
  readonly listDirectory?: (dir: string) => readonly string[];
}

export interface CompletionQuery {
  /** The replaced range [start, end) of the text. */
  readonly start: number;
  readonly end: number;
  readonly prefix: string;
  readonly candidates: readonly string[];
  /** Appended after a unique completion (a space after a command). */
  readonly suffix: string;
}

export const FORMATS = ['text', 'json', 'latex'] as const;

function matching(prefix: string, ...lists: (readonly string[])[]): string[] {
  const out = new Set<string>();
  for (const list of lists) for (const name of list) if (name.startsWith(prefix)) out.add(name);
  return [...out].sort();
}

/** The completion question at the cursor, or null when there is no word to complete. */
export function completionQuery(b: Buffer, sources: CompletionSources): CompletionQuery | null {
  const before = b.text.slice(0, b.cursor);
  let m = /^\s*(:[A-Za-z]*)$/.exec(before);
  if (m) {
    const prefix = m[1]!;
    return { start: b.cursor - prefix.length, end: b.cursor, prefix, candidates: matching(prefix, sources.commands), suffix: ' ' };
  }
  m = /^\s*:(?:help|h|\?)\s+([A-Za-z_][A-Za-z0-9_]*|)$/.exec(before);
  if (m) {
    const prefix = m[1]!;
    const names = matching(prefix, sources.builtins, sources.stdlib, sources.commands.map((c) => c.slice(1)));
    return { start: b.cursor - prefix.length, end: b.cursor, prefix, candidates: names, suffix: '' };
  }
  m = /^\s*:format\s+([a-z]*)$/.exec(before);
  if (m) {
    const prefix = m[1]!;
    return { start: b.cursor - prefix.length, end: b.cursor, prefix, candidates: matching(prefix, FORMATS), suffix: '' };
  }
  m = /^\s*:load\s+(\S*)$/.exec(before);
  if (m) {
    if (!sources.listDirectory) return null;
    const typed = m[1]!;
    const slash = typed.lastIndexOf('/');
    const dir = slash >= 0 ? typed.slice(0, slash + 1) : '';
    const prefix = typed.slice(slash + 1);
    const entries = sources.listDirectory(dir || '.').filter((e) => !e.startsWith('.') || prefix.startsWith('.'));
    const candidates = matching(prefix, entries);
    return { start: b.cursor - prefix.length, end: b.cursor, prefix, candidates, suffix: '' };
  }
  // After `:type ` the argument is vdl; any other command argument has no names to complete.
  if (/^\s*:/.test(before) && !/^\s*:(type|t)\s/.test(before)) return null;
  m = /[A-Za-z_][A-Za-z0-9_]*$/.exec(before);
  if (!m) return null;
  // A field after a dot (`r.real`) is not a name in scope.
  if (before[m.index - 1] === '.' && before[m.index - 2] !== '.') return null;
  const prefix = m[0];
  const candidates = matching(prefix, sources.scope, sources.builtins, sources.stdlib, sources.keywords);
  return { start: m.index, end: b.cursor, prefix, candidates, suffix: '' };
}

export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let p = words[0]!;
  for (const w of words) {
    let i = 0;
    while (i < p.length && i < w.length && p[i] === w[i]) i++;
    p = p.slice(0, i);
  }
  return p;
}

export type CompletionResult =
  /** The text changed (a unique completion, or extended to the common prefix). */
  | { readonly kind: 'replace'; readonly start: number; readonly end: number; readonly text: string }
  /** Several candidates and nothing more to add: show them. */
  | { readonly kind: 'list'; readonly candidates: readonly string[] }
  | { readonly kind: 'none' };

export function complete(b: Buffer, sources: CompletionSources): CompletionResult {
  const q = completionQuery(b, sources);
  if (!q || q.candidates.length === 0) return { kind: 'none' };
  if (q.candidates.length === 1) {
    const only = q.candidates[0]!;
    const suffix = only.endsWith('/') ? '' : q.suffix;
    if (only === q.prefix && !suffix) return { kind: 'none' };
    return { kind: 'replace', start: q.start, end: q.end, text: only + suffix };
  }
  const common = commonPrefix(q.candidates);
  if (common.length > q.prefix.length) return { kind: 'replace', start: q.start, end: q.end, text: common };
  return { kind: 'list', candidates: q.candidates };
}
