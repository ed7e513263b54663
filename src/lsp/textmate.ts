// The TextMate grammar of vdl (editors/vscode/syntaxes/vdl.tmLanguage.json), generated from the
// lexer's token definitions (grammar/lexer.ts) so that editors colour what the parser reads: the
// keyword list, the number, string, comment and identifier patterns and the operators are the lexer's
// own. Representation: a plain JSON object in the TextMate grammar format (scopeName, patterns,
// repository; regular expressions in the Oniguruma syntax, of which the lexer's patterns use only the
// part shared with JavaScript). One context rule is the lexer's too: a declaration word (`ideal`,
// `form`, ...) is a keyword only where it declares (`ideal I = ...`), as in `highlightTokens`.
import {
  allTokens,
  BlockComment,
  DECLARATION_WORDS,
  Decimal,
  Identifier,
  Integer,
  Keyword,
  LineComment,
  StringToken,
  tokenCategory,
} from '../../grammar/lexer.js';

export type TextMateGrammar = Record<string, unknown>;
type TokenType = (typeof allTokens)[number];

function source(t: TokenType): string {
  const p = t.PATTERN;
  if (p instanceof RegExp) return p.source;
  if (typeof p === 'string') return p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  throw new Error(`token ${t.name} has no pattern a grammar can use`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The reserved words by their TextMate scope (control flow, logic, constants, the rest). */
function keywordGroups(): Record<string, string[]> {
  const words = allTokens
    .filter((t) => t.CATEGORIES?.includes(Keyword))
    .map((t) => String(t.LABEL ?? t.name).replace(/'/g, ''));
  const groups: Record<string, string[]> = {
    'keyword.control.vdl': [],
    'keyword.operator.logical.vdl': [],
    'constant.language.boolean.vdl': [],
    'keyword.other.vdl': [],
  };
  for (const w of words) {
    if (['if', 'else', 'for', 'in', 'return'].includes(w)) groups['keyword.control.vdl']!.push(w);
    else if (['and', 'or', 'not'].includes(w)) groups['keyword.operator.logical.vdl']!.push(w);
    else if (['true', 'false'].includes(w)) groups['constant.language.boolean.vdl']!.push(w);
    else groups['keyword.other.vdl']!.push(w);
  }
  return groups;
}

/** Operator and punctuation tokens, longest first (so `==` wins over `=`). */
function symbols(category: 'operator' | 'punctuation'): string[] {
  return allTokens
    .filter((t) => typeof t.PATTERN === 'string' && tokenCategory(t) === category)
    .map((t) => t.PATTERN as string)
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
}

export function textMateGrammar(): TextMateGrammar {
  const word = source(Identifier);
  const keywordRules = Object.entries(keywordGroups()).map(([name, words]) => ({ name, match: `\\b(?:${words.join('|')})\\b` }));
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'vdl',
    scopeName: 'source.vdl',
    fileTypes: ['vdl'],
    comment: 'Generated from grammar/lexer.ts by `npm run editors` (src/lsp/textmate.ts): do not edit by hand.',
    patterns: ['comments', 'strings', 'declarations', 'keywords', 'calls', 'numbers', 'operators', 'punctuation'].map((r) => ({ include: `#${r}` })),
    repository: {
      comments: {
        patterns: [
          { name: 'comment.line.double-slash.vdl', match: source(LineComment) },
          // The lexer's block comment, and an unterminated one running to the end of the file.
          { name: 'comment.block.vdl', begin: escape('/*'), end: escape('*/'), comment: source(BlockComment) },
        ],
      },
      strings: {
        patterns: [
          { name: 'string.quoted.double.vdl', match: source(StringToken) },
          // An unterminated string runs to the end of the line (the lexer's UnterminatedString).
          { name: 'invalid.illegal.unterminated-string.vdl', match: '"(?:[^"\\\\\\r\\n]|\\\\[^\\r\\n])*\\\\?$' },
        ],
      },
      declarations: {
        patterns: [
          {
            // `ideal I = ...`: a declaration word followed by a name and `=` (not `==`).
            match: `\\b(${DECLARATION_WORDS.join('|')})\\s+(${word})\\s*(?==(?!=))`,
            captures: { '1': { name: 'storage.type.vdl' }, '2': { name: 'variable.other.declaration.vdl' } },
          },
          { match: `\\b(let)\\s+(${word})`, captures: { '1': { name: 'keyword.other.vdl' }, '2': { name: 'variable.other.declaration.vdl' } } },
          { match: `\\b(ring)\\s+(${word})`, captures: { '1': { name: 'keyword.other.vdl' }, '2': { name: 'entity.name.type.ring.vdl' } } },
          { match: `\\b(fn)\\s+(${word})`, captures: { '1': { name: 'keyword.other.vdl' }, '2': { name: 'entity.name.function.vdl' } } },
        ],
      },
      // A name called (after the keywords, so `if (` stays a keyword).
      calls: {
        patterns: [
          { match: `\\b(${word})(?=\\s*\\()`, captures: { '1': { name: 'support.function.vdl' } } },
        ],
      },
      keywords: { patterns: keywordRules },
      numbers: {
        patterns: [
          { name: 'constant.numeric.decimal.vdl', match: `\\b(?:${source(Decimal)})\\b` },
          { name: 'constant.numeric.integer.vdl', match: `\\b${source(Integer)}\\b` },
        ],
      },
      operators: { patterns: [{ name: 'keyword.operator.vdl', match: symbols('operator').map(escape).join('|') }] },
      punctuation: { patterns: [{ name: 'punctuation.separator.vdl', match: symbols('punctuation').map(escape).join('|') }] },
    },
  };
}

/** The grammar file's text: the JSON with two-space indentation and a final newline. */
export function textMateGrammarText(): string {
  return `${JSON.stringify(textMateGrammar(), null, 2)}\n`;
}
