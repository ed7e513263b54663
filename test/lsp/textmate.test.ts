// The TextMate grammar (editors/vscode/syntaxes/vdl.tmLanguage.json) is generated from the lexer
// (src/lsp/textmate.ts): the checked-in file must be current (`npm run editors` rewrites it), and,
// read by a small TextMate-style matcher (earliest match wins, ties by rule order; begin/end rules
// span lines), it must colour every token of the examples and the standard library in the class the
// lexer's own highlightTokens gives it (the REPL's and the playground's colouring).
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { highlightTokens, type TokenCategory } from '../../grammar/lexer.js';
import { textMateGrammar, textMateGrammarText } from '../../src/lsp/textmate.js';

const root = path.resolve(import.meta.dirname, '../..');
const GRAMMAR = 'editors/vscode/syntaxes/vdl.tmLanguage.json';

interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, { name: string }>;
  include?: string;
  patterns?: Rule[];
}

/** The grammar's rules in order, includes expanded. */
function flatten(grammar: { patterns: Rule[]; repository: Record<string, Rule> }): Rule[] {
  const expand = (rules: Rule[]): Rule[] =>
    rules.flatMap((r) => (r.include ? expand(grammar.repository[r.include.slice(1)]!.patterns ?? [grammar.repository[r.include.slice(1)]!]) : [r]));
  return expand(grammar.patterns);
}

/** The scope name at each character of `text` (undefined where no rule applies). */
function scopes(text: string, rules: Rule[]): (string | undefined)[] {
  const out = new Array<string | undefined>(text.length).fill(undefined);
  let offset = 0;
  let open: Rule | null = null; // a begin/end rule still open from an earlier line
  for (const line of text.split('\n')) {
    let p = 0;
    if (open) {
      const end = new RegExp(open.end!, 'g');
      const m = end.exec(line);
      const stop = m ? m.index + m[0].length : line.length;
      out.fill(open.name, offset, offset + stop);
      p = stop;
      if (m) open = null;
    }
    while (!open && p < line.length) {
      let hit: { rule: Rule; m: RegExpExecArray } | null = null;
      for (const rule of rules) {
        const re = new RegExp(rule.match ?? rule.begin!, 'yd');
        re.lastIndex = p;
        const found = re.exec(line);
        if (found && found[0].length > 0) {
          hit = { rule, m: found };
          break;
        }
      }
      if (!hit) {
        p++;
        continue;
      }
      const { rule, m } = hit;
      if (rule.begin) {
        const end = new RegExp(rule.end!, 'g');
        end.lastIndex = p + m[0].length;
        const e = end.exec(line);
        const stop = e ? e.index + e[0].length : line.length;
        out.fill(rule.name, offset + p, offset + stop);
        if (!e) open = rule;
        p = stop;
        continue;
      }
      if (rule.name) out.fill(rule.name, offset + p, offset + p + m[0].length);
      for (const [k, c] of Object.entries(rule.captures ?? {})) {
        const span = m.indices![Number(k)];
        if (span) out.fill(c.name, offset + span[0], offset + span[1]);
      }
      p += m[0].length;
    }
    offset += line.length + 1;
  }
  return out;
}

/** The lexer's colouring class a TextMate scope corresponds to. */
function classOf(scope: string | undefined): TokenCategory {
  if (!scope) return 'identifier';
  if (scope.startsWith('comment')) return 'comment';
  if (scope.startsWith('string') || scope.startsWith('invalid.illegal.unterminated-string')) return 'string';
  if (scope.startsWith('constant.numeric')) return 'number';
  if (scope.startsWith('keyword.operator.vdl')) return 'operator';
  if (scope.startsWith('punctuation')) return 'punctuation';
  if (scope.startsWith('keyword') || scope.startsWith('storage') || scope.startsWith('constant.language')) return 'keyword';
  return 'identifier'; // variable.*, entity.*, support.function
}

describe('TextMate grammar', () => {
  it('the checked-in grammar is the one generated from the lexer (npm run editors)', () => {
    expect(readFileSync(path.join(root, GRAMMAR), 'utf8')).toBe(textMateGrammarText());
  });

  it('colours every token of the examples and the stdlib as the lexer does', () => {
    const rules = flatten(textMateGrammar() as unknown as { patterns: Rule[]; repository: Record<string, Rule> });
    const files = [
      ...readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.vdl')).map((f) => `examples/${f}`),
      ...readdirSync(path.join(root, 'stdlib')).filter((f) => f.endsWith('.vdl')).map((f) => `stdlib/${f}`),
    ];
    expect(files.length).toBeGreaterThan(5);
    // Also the context rule for declaration words, numbers of both kinds, and unterminated text.
    const extra = 'let form = 1; form Q = quadric(2); print ideal(1), 1.5e3, 2e5, 07;\nlet s = "open\nprint 1; /* open';
    const mismatches: string[] = [];
    for (const [name, text] of [...files.map((f) => [f, readFileSync(path.join(root, f), 'utf8')]), ['extra', extra]] as [string, string][]) {
      const s = scopes(text, rules);
      for (const t of highlightTokens(text)) {
        const got = classOf(s[t.start]);
        if (got !== t.category) mismatches.push(`${name}@${t.start} ${JSON.stringify(text.slice(t.start, t.end))}: lexer ${t.category}, grammar ${got} (${s[t.start]})`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('the matcher sees a wrong grammar (the check above can fail)', () => {
    const g = textMateGrammar() as unknown as { patterns: Rule[]; repository: Record<string, Rule> };
    const rules = flatten(g).filter((r) => r.name !== 'keyword.other.vdl');
    const s = scopes('print 1;', rules);
    expect(classOf(s[0])).toBe('identifier');
    expect(classOf(scopes('print 1;', flatten(g))[0])).toBe('keyword');
  });
});
