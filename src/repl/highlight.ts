// Syntax colouring from the project's own lexer (grammar/lexer.ts), so that colouring and parsing never
// disagree. Pure: text -> lines of styled runs; the Ink view maps categories to colours. The lexer is
// loaded after the first prompt (./language.ts); until then text is plain.
import type { TokenCategory } from '../../grammar/lexer.js';
import { language } from './language.js';

export type Category = TokenCategory | 'plain' | 'command';

export interface Run {
  readonly text: string;
  readonly category: Category;
  /** This run is the single character under the cursor (a space at the end of a line). */
  readonly cursor?: boolean;
}

/** The category of every character of `text`. */
export function categories(text: string): Category[] {
  const out = new Array<Category>(text.length).fill('plain');
  if (/^\s*:/.test(text)) {
    // A REPL command: the command word is coloured, its argument as vdl (`:type x^2`).
    const m = /^\s*:\S*/.exec(text)!;
    out.fill('command', 0, m[0].length);
    const rest = categories(' '.repeat(m[0].length) + text.slice(m[0].length));
    for (let i = m[0].length; i < text.length; i++) out[i] = rest[i]!;
    return out;
  }
  for (const t of language()?.highlightTokens(text) ?? []) out.fill(t.category, t.start, t.end);
  return out;
}

/**
 * The text as lines of runs of equal category. With a cursor offset, the character under the cursor
 * is a run of its own marked `cursor` (a space when the cursor is at the end of a line).
 */
export function styledLines(text: string, cursor?: number): Run[][] {
  const cats = categories(text);
  const lines: Run[][] = [[]];
  let run = '';
  let category: Category = 'plain';
  const flush = () => {
    if (run) lines[lines.length - 1]!.push({ text: run, category });
    run = '';
  };
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === cursor) {
      flush();
      const shown = c === undefined || c === '\n' ? ' ' : c;
      lines[lines.length - 1]!.push({ text: shown, category: c === undefined || c === '\n' ? 'plain' : cats[i]!, cursor: true });
      if (c === '\n') lines.push([]);
      continue;
    }
    if (c === undefined) break;
    if (c === '\n') {
      flush();
      lines.push([]);
      continue;
    }
    if (cats[i] !== category) {
      flush();
      category = cats[i]!;
    }
    run += c;
  }
  flush();
  return lines;
}
