// The vdl lexer: chevrotain token types, the lexer instance, and a token classification used for syntax
// colouring in the REPL. Pure syntax: no evaluation, no mathematics.
//
// Notes on the vocabulary:
// - Comments (`// ...`, `/* ... */`) go to the lexer group `comments`, so they never reach the parser but
//   are still available (in `lexResult.groups.comments`) for highlighting.
// - An unterminated block comment and an unterminated string are lexed as tokens of their own (so the
//   error is reported once, precisely, and the parser does not cascade); parse.ts turns them into
//   diagnostics. `UnterminatedString` is in the `StringLiteral` category, so the parser accepts it.
// - The declaration words `variety form projection network ideal` are NOT reserved: their tokens are in
//   the `Identifier` category (so `ideal(f)`, `let form = 1;` work) and in the `DeclKeyword` category
//   (so the parser can recognise `ideal I = ...;`).
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { matchNumericList, PART_MINUS, PART_NUMBER, type NumericListPayload } from './numeric-list.js';

// ---------------------------------------------------------------------------------------------
// Trivia

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f\v]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

export const LineComment = createToken({
  name: 'LineComment',
  pattern: /\/\/[^\n\r]*/,
  group: 'comments',
});

export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//,
  group: 'comments',
  line_breaks: true,
});

/** `/*` without a closing `*\/`: swallows the rest of the input (reported as an error by parse.ts). */
export const UnterminatedBlockComment = createToken({
  name: 'UnterminatedBlockComment',
  pattern: /\/\*[\s\S]*/,
  group: 'comments',
  line_breaks: true,
});

// ---------------------------------------------------------------------------------------------
// Literals and names

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });

/** Abstract category of the number tokens. */
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: Lexer.NA });
export const Decimal = createToken({
  name: 'Decimal',
  pattern: /\d+\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+/,
  categories: [NumberLiteral],
});
export const Integer = createToken({ name: 'Integer', pattern: /\d+/, categories: [NumberLiteral] });

/** Abstract category of the string tokens. */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA });

/**
 * A list literal made only of numbers (signed) and nested such lists, `[[1, -2], [3, 4]]`, of at
 * least 16 numbers, taken as one token by a character scanner (./numeric-list.ts) that keeps its
 * parts in `payload`, so that megabyte matrix literals are read in linear time instead of token by
 * token and through the whole expression grammar per entry.
 */
export const NumericList = createToken({
  name: 'NumericList',
  pattern: { exec: matchNumericList },
  line_breaks: true,
  start_chars_hint: ['['],
  label: 'a list of numbers',
});
export const StringToken = createToken({
  name: 'String',
  pattern: /"[^"\\\r\n]*(?:\\[^\r\n][^"\\\r\n]*)*"/,
  categories: [StringLiteral],
});
/** `"...` up to the end of the line without the closing quote (reported as an error by parse.ts). */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"[^"\\\r\n]*(?:\\[^\r\n][^"\\\r\n]*)*\\?/,
  categories: [StringLiteral],
});

// ---------------------------------------------------------------------------------------------
// Keywords

/** Abstract category of the reserved words (for colouring). */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });

function keyword(word: string, extraCategories: TokenType[] = []): TokenType {
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  return createToken({
    name,
    label: `'${word}'`,
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: [Keyword, ...extraCategories],
  });
}

export const Ring = keyword('ring');
export const Let = keyword('let');
export const Fn = keyword('fn');
export const Return = keyword('return');
export const For = keyword('for');
export const In = keyword('in');
export const If = keyword('if');
export const Else = keyword('else');
export const Import = keyword('import');
export const Seed = keyword('seed');
export const Use = keyword('use');
export const Print = keyword('print');
export const Assert = keyword('assert');
export const And = keyword('and');
export const Or = keyword('or');
export const Not = keyword('not');
/** Abstract category of `true` and `false`. */
export const BooleanLiteral = createToken({ name: 'BooleanLiteral', pattern: Lexer.NA });
export const True = keyword('true', [BooleanLiteral]);
export const False = keyword('false', [BooleanLiteral]);

/** Abstract category of the typed-declaration words; they are also ordinary identifiers. */
export const DeclKeyword = createToken({ name: 'DeclKeyword', pattern: Lexer.NA });

function declWord(word: string): TokenType {
  const name = word.charAt(0).toUpperCase() + word.slice(1);
  return createToken({
    name,
    label: `'${word}'`,
    pattern: new RegExp(word),
    longer_alt: Identifier,
    categories: [DeclKeyword, Identifier],
  });
}

export const Variety = declWord('variety');
export const Form = declWord('form');
export const Projection = declWord('projection');
export const Network = declWord('network');
export const Ideal = declWord('ideal');

export const DECLARATION_WORDS = ['variety', 'form', 'projection', 'network', 'ideal'] as const;

// ---------------------------------------------------------------------------------------------
// Operators and punctuation

/** Categories grouping the binary operators of one precedence level. */
export const AdditiveOp = createToken({ name: 'AdditiveOp', pattern: Lexer.NA });
export const MultiplicativeOp = createToken({ name: 'MultiplicativeOp', pattern: Lexer.NA });
export const ComparisonOp = createToken({ name: 'ComparisonOp', pattern: Lexer.NA });

export const Plus = createToken({ name: 'Plus', pattern: '+', label: "'+'", categories: [AdditiveOp] });
export const Minus = createToken({ name: 'Minus', pattern: '-', label: "'-'", categories: [AdditiveOp] });
export const Star = createToken({ name: 'Star', pattern: '*', label: "'*'", categories: [MultiplicativeOp] });
export const Slash = createToken({ name: 'Slash', pattern: '/', label: "'/'", categories: [MultiplicativeOp] });
export const Caret = createToken({ name: 'Caret', pattern: '^', label: "'^'" });
export const EqEq = createToken({ name: 'EqEq', pattern: '==', label: "'=='", categories: [ComparisonOp] });
export const NotEq = createToken({ name: 'NotEq', pattern: '!=', label: "'!='", categories: [ComparisonOp] });
export const LtEq = createToken({ name: 'LtEq', pattern: '<=', label: "'<='", categories: [ComparisonOp] });
export const GtEq = createToken({ name: 'GtEq', pattern: '>=', label: "'>='", categories: [ComparisonOp] });
export const Lt = createToken({ name: 'Lt', pattern: '<', label: "'<'", categories: [ComparisonOp] });
export const Gt = createToken({ name: 'Gt', pattern: '>', label: "'>'", categories: [ComparisonOp] });
export const Equals = createToken({ name: 'Equals', pattern: '=', label: "'='" });
export const LParen = createToken({ name: 'LParen', pattern: '(', label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: "')'" });
export const LBracket = createToken({ name: 'LBracket', pattern: '[', label: "'['" });
export const RBracket = createToken({ name: 'RBracket', pattern: ']', label: "']'" });
export const LBrace = createToken({ name: 'LBrace', pattern: '{', label: "'{'" });
export const RBrace = createToken({ name: 'RBrace', pattern: '}', label: "'}'" });
export const Comma = createToken({ name: 'Comma', pattern: ',', label: "','" });
export const Semicolon = createToken({ name: 'Semicolon', pattern: ';', label: "';'" });
export const Colon = createToken({ name: 'Colon', pattern: ':', label: "':'" });
export const DotDot = createToken({ name: 'DotDot', pattern: '..', label: "'..'" });
export const Dot = createToken({ name: 'Dot', pattern: '.', label: "'.'" });

// ---------------------------------------------------------------------------------------------
// The vocabulary. Order matters: the first matching pattern wins (keywords use longer_alt so that
// `letter` is an Identifier), longer operators come before their prefixes.

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  // abstract categories (never matched, but the parser must know them)
  NumberLiteral,
  StringLiteral,
  Keyword,
  BooleanLiteral,
  DeclKeyword,
  AdditiveOp,
  MultiplicativeOp,
  ComparisonOp,
  // literals
  Decimal,
  Integer,
  StringToken,
  UnterminatedString,
  // keywords before Identifier (`form` before `for`, whose longer_alt would otherwise eat it)
  Variety, Form, Projection, Network, Ideal,
  Ring, Let, Fn, Return, For, In, If, Else, Import, Seed, Use, Print, Assert, And, Or, Not, True, False,
  Identifier,
  // operators
  EqEq, NotEq, LtEq, GtEq, Lt, Gt, Equals,
  Plus, Minus, Star, Slash, Caret,
  LParen, RParen, NumericList, LBracket, RBracket, LBrace, RBrace,
  Comma, Semicolon, Colon, DotDot, Dot,
];

export const vdlLexer = new Lexer(allTokens, {
  positionTracking: 'full',
  ensureOptimizations: true,
});

/** Lex a source text; comments are in `groups.comments`, not in `tokens`. */
export function tokenize(source: string) {
  return vdlLexer.tokenize(source);
}

// ---------------------------------------------------------------------------------------------
// Classification for syntax colouring

export type TokenCategory =
  | 'keyword' | 'number' | 'string' | 'comment' | 'identifier' | 'operator' | 'punctuation';

const PUNCTUATION = new Set<TokenType>([LParen, RParen, LBracket, RBracket, LBrace, RBrace, Comma, Semicolon, Colon]);
const KEYWORDS = new Set<TokenType>([
  Ring, Let, Fn, Return, For, In, If, Else, Import, Seed, Use, Print, Assert, And, Or, Not, True, False,
  Variety, Form, Projection, Network, Ideal,
]);

/**
 * The colouring class of a token type. The declaration words (`ideal`, `form`, ...) are classed as
 * keywords here; `highlightTokens` refines that by context (a call `ideal(f)` is an identifier).
 */
export function tokenCategory(tokenType: TokenType): TokenCategory {
  if (tokenType === LineComment || tokenType === BlockComment || tokenType === UnterminatedBlockComment) {
    return 'comment';
  }
  if (tokenType === Integer || tokenType === Decimal) return 'number';
  if (tokenType === StringToken || tokenType === UnterminatedString) return 'string';
  if (KEYWORDS.has(tokenType)) return 'keyword';
  if (tokenType === Identifier) return 'identifier';
  if (PUNCTUATION.has(tokenType)) return 'punctuation';
  return 'operator';
}

export interface HighlightToken {
  /** 0-based offset of the first character. */
  readonly start: number;
  /** 0-based offset one past the last character. */
  readonly end: number;
  readonly category: TokenCategory;
}

const DECL_TOKENS = new Set<TokenType>([Variety, Form, Projection, Network, Ideal]);

function isNameToken(t: IToken | undefined): boolean {
  return t !== undefined && (t.tokenType === Identifier || DECL_TOKENS.has(t.tokenType));
}

/** The parts of a NumericList token as the tokens they stand for: brackets and commas, signs, numbers. */
function numericListHighlights(t: IToken): HighlightToken[] {
  const p = t.payload as NumericListPayload;
  const out: HighlightToken[] = [];
  for (let k = 0; k < p.kinds.length; k++) {
    const kind = p.kinds[k];
    const category: TokenCategory = kind === PART_NUMBER ? 'number' : kind === PART_MINUS ? 'operator' : 'punctuation';
    out.push({ start: p.starts[k]!, end: p.ends[k]!, category });
  }
  for (let i = t.image.indexOf(','); i >= 0; i = t.image.indexOf(',', i + 1)) out.push({ start: t.startOffset + i, end: t.startOffset + i + 1, category: 'punctuation' });
  return out;
}

/**
 * Lex `source` (keeping comments) and classify every token, in source order. Characters the lexer cannot
 * match and whitespace are not covered. A declaration word is a keyword only where it starts a
 * declaration (`ideal I = ...`); elsewhere (`ideal(f)`, `let ideal = 1`) it is an identifier.
 */
export function highlightTokens(source: string): HighlightToken[] {
  const result = vdlLexer.tokenize(source);
  const tokens = result.tokens;
  const out: HighlightToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tokenType === NumericList) {
      out.push(...numericListHighlights(t));
      continue;
    }
    let category = tokenCategory(t.tokenType);
    if (DECL_TOKENS.has(t.tokenType)) {
      const declares = isNameToken(tokens[i + 1]) && tokens[i + 2]?.tokenType === Equals;
      category = declares ? 'keyword' : 'identifier';
    }
    out.push({ start: t.startOffset, end: t.startOffset + t.image.length, category });
  }
  for (const c of result.groups['comments'] ?? []) {
    out.push({ start: c.startOffset, end: c.startOffset + c.image.length, category: 'comment' });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
