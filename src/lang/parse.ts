// The front end's entry point: source text -> (AST, syntax diagnostics). Lexes with grammar/lexer.ts,
// parses with the shared recovering parser of grammar/parser.ts, builds the AST with ./build-ast.ts, and
// turns every lexer and parser error into a Diagnostic (code 'syntax', or 'syntax-eof' when the input
// simply ended too early, which the REPL uses to keep reading a multi-line input). Never throws on any
// input; reports all syntax errors of a run at once.
import { EOF, tokenMatcher, type CstElement, type CstNode, type ILexingError, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import {
  Assert,
  Fn,
  For,
  If,
  Import,
  LBrace,
  LBracket,
  Let,
  LParen,
  NumberLiteral,
  NumericList,
  Print,
  RBrace,
  RBracket,
  RParen,
  Return,
  Ring,
  Seed,
  Semicolon,
  Use,
  StringLiteral,
  UnterminatedBlockComment,
  UnterminatedString,
  vdlLexer,
} from '../../grammar/lexer.js';
import { PART_NUMBER, type NumericListPayload } from '../../grammar/numeric-list.js';
import { EXPECTED_SEMICOLON, parser } from '../../grammar/parser.js';
import type { Program, Span } from './ast.js';
import { buildProgram, decodeNumber, STRING_ESCAPES } from './build-ast.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';

export interface ParseResult {
  readonly program: Program;
  /** Every syntax error, in source order; empty when the program is well formed. */
  readonly diagnostics: Diagnostic[];
}

/** Code of a diagnostic raised because the input ended where more was expected. */
export const SYNTAX_EOF = 'syntax-eof';
export const SYNTAX = 'syntax';

/** Offsets -> 1-based line/column, with the line terminators chevrotain uses (\n, \r\n, \r). */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(source: string) {
    // Without carriage returns, line breaks are found by indexOf (native, fast on megabyte literals).
    if (!source.includes('\r')) {
      for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }

  span(file: string, start: number, end: number): Span {
    const s = this.position(start);
    const e = this.position(end);
    return {
      file, startOffset: start, endOffset: end,
      startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column,
    };
  }
}

function isRealToken(t: IToken | undefined): t is IToken {
  return t !== undefined && t.tokenType !== EOF && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
}

function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

function lexerMessage(source: string, e: ILexingError): string {
  const text = source.slice(e.offset, e.offset + e.length);
  if (text === '!') return "unexpected character '!' (write '!=' for 'not equal', 'not' for negation)";
  if (text === '&&' || text === '&') return `unexpected '${text}' (write 'and')`;
  if (text === '||' || text === '|') return `unexpected '${text}' (write 'or')`;
  const shown = text.length > 20 ? `${text.slice(0, 17)}...` : text;
  return text.length === 1 ? `unexpected character '${shown}'` : `unexpected characters '${shown}'`;
}

/** Index of the last token ending at or before `offset` (-1 if none). */
function lastTokenBefore(tokens: readonly IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokenEnd(tokens[mid]!) <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Run the parser over the whole token vector. Recovery normally resynchronises inside the statement
 * loop; should the parser ever stop early (a "not all input parsed" error), parsing resumes after the
 * offending token, so that one bad spot never hides the rest of the file.
 */
function parseTokens(tokens: IToken[]): { cst: CstNode; errors: IRecognitionException[] } {
  const errors: IRecognitionException[] = [];
  const statements: CstElement[] = [];
  let start = 0;
  for (;;) {
    parser.input = start === 0 ? tokens : tokens.slice(start);
    const cst = parser.program();
    const round = parser.errors;
    errors.push(...round);
    statements.push(...(cst?.children?.['statement'] ?? []));
    const stuck = round.find((e) => e.name === 'NotAllInputParsedException');
    const index = stuck ? tokens.indexOf(stuck.token, start) : -1;
    if (index < start) break;
    start = index + 1;
  }
  return { cst: { name: 'program', children: { statement: statements } }, errors };
}

/**
 * The deepest nesting of expressions a program may have, counted as the checker and the evaluator
 * recurse: one level per operand, call, index or field access, except along the left operand of a
 * binary operator (those chains are walked with a loop, so `1 + 1 + ... + 1` has depth 1).
 */
export const MAX_EXPRESSION_DEPTH = 500;

/**
 * The first node (in a depth-first walk) deeper than MAX_EXPRESSION_DEPTH, or null. Iterative, over
 * every node of the AST (any object with a span), so no stack is used however deep the tree is.
 */
function tooDeepExpression(program: Program): { span: Span } | null {
  const stack: { node: object; depth: number }[] = [{ node: program, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > MAX_EXPRESSION_DEPTH && 'span' in node) return node as { span: Span };
    const binary = (node as { kind?: string }).kind === 'Binary';
    for (const [key, value] of Object.entries(node)) {
      if (key === 'span' || value === null || typeof value !== 'object') continue;
      const next = binary && key === 'left' ? depth : depth + 1;
      if (Array.isArray(value)) {
        for (const item of value) if (item !== null && typeof item === 'object' && 'span' in item) stack.push({ node: item, depth: next });
      } else if ('span' in value) {
        stack.push({ node: value, depth: next });
      }
    }
  }
  return null;
}

/** The deepest nesting of `( [ {` a program may have. */
export const MAX_NESTING = 64;

const TOO_DEEP = 'this program is nested too deeply to parse';

/** The first opening bracket deeper than MAX_NESTING, if any. */
function tooDeeplyNested(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    const type = t.tokenType;
    if (type === LParen || type === LBracket || type === LBrace) {
      if (++depth > MAX_NESTING) return t;
    } else if ((type === RParen || type === RBracket || type === RBrace) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

/** Tokens that end or start a statement. */
const BOUNDARIES: ReadonlySet<TokenType> = new Set([
  Semicolon, LBrace, RBrace, Ring, Let, Fn, Return, For, If, Import, Seed, Use, Print, Assert,
]);

/** Is there a statement boundary among the tokens starting in [from, to)? */
function hasBoundary(tokens: readonly IToken[], from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = lastTokenBefore(tokens, from) + 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.startOffset >= to) break;
    if (t.startOffset >= from && BOUNDARIES.has(t.tokenType)) return true;
  }
  return false;
}

/**
 * Parse a vdl source text. Always returns a program (with the statements that could be built) and the
 * list of syntax diagnostics; a program is valid only when the list is empty.
 */
export function parseProgram(source: string, file = '<input>'): ParseResult {
  const lines = new LineIndex(source);
  const diagnostics: Diagnostic[] = [];
  const lexResult = vdlLexer.tokenize(source);
  const tokens = lexResult.tokens;

  // Lexical errors: characters no token matches, unterminated strings and comments, bad escapes.
  const lexErrorOffsets: number[] = [];
  for (const e of lexResult.errors) {
    lexErrorOffsets.push(e.offset);
    diagnostics.push(diagnostic(SYNTAX, lexerMessage(source, e), lines.span(file, e.offset, e.offset + e.length)));
  }
  for (const t of tokens) {
    if (t.tokenType === UnterminatedString) {
      lexErrorOffsets.push(t.startOffset);
      diagnostics.push(diagnostic(
        SYNTAX, "unterminated string: missing the closing '\"' on this line",
        lines.span(file, t.startOffset, tokenEnd(t)),
      ));
    }
    if (tokenMatcher(t, StringLiteral)) {
      const terminated = t.tokenType !== UnterminatedString;
      const body = t.image.slice(1, terminated ? -1 : undefined);
      for (let i = 0; i < body.length; i++) {
        if (body[i] !== '\\') continue;
        const next = body[i + 1];
        if (next !== undefined && STRING_ESCAPES[next] === undefined) {
          const at = t.startOffset + 1 + i;
          diagnostics.push(diagnostic(
            SYNTAX, `unknown escape sequence '\\${next}' in a string (known: \\" \\\\ \\n \\t \\r)`,
            lines.span(file, at, at + 2),
          ));
        }
        i++;
      }
    }
    if (tokenMatcher(t, NumberLiteral) && decodeNumber(t.image) === null) {
      diagnostics.push(diagnostic(SYNTAX, 'the exponent of this number is too large',
        lines.span(file, t.startOffset, tokenEnd(t))));
    }
    if (t.tokenType === NumericList && /[eE]/.test(t.image)) {
      const p = t.payload as NumericListPayload;
      for (let k = 0; k < p.kinds.length; k++) {
        if (p.kinds[k] !== PART_NUMBER || decodeNumber(source.slice(p.starts[k], p.ends[k])) !== null) continue;
        diagnostics.push(diagnostic(SYNTAX, 'the exponent of this number is too large', lines.span(file, p.starts[k]!, p.ends[k]!)));
      }
    }
  }
  for (const c of lexResult.groups['comments'] ?? []) {
    if (c.tokenType === UnterminatedBlockComment) {
      diagnostics.push(diagnostic(SYNTAX_EOF, "unterminated comment: missing the closing '*/'",
        lines.span(file, c.startOffset, c.startOffset + 2)));
    }
  }

  // Parsing, with recovery: every error is recorded in parser.errors. The parser and the builder are
  // recursive, so absurdly deep nesting is refused up front (and a stack overflow, say from a chain of
  // thousands of `^`, becomes a diagnostic).
  const tooDeepDiagnostic = (at: IToken | undefined, message: string) => diagnostic(
    SYNTAX, message, at ? lines.span(file, at.startOffset, tokenEnd(at)) : lines.span(file, 0, 0),
  );
  let cst: CstNode = { name: 'program', children: {} };
  let parseErrors: IRecognitionException[] = [];
  const deepest = tooDeeplyNested(tokens);
  if (deepest) {
    diagnostics.push(tooDeepDiagnostic(deepest, `brackets are nested too deeply (more than ${MAX_NESTING} levels)`));
  } else {
    try {
      ({ cst, errors: parseErrors } = parseTokens(tokens));
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      diagnostics.push(tooDeepDiagnostic(tokens[0], TOO_DEEP));
    }
  }
  const last = tokens[tokens.length - 1];
  const endOfInput = last ? tokenEnd(last) : 0;
  let previousErrorOffset = -1;
  for (const e of parseErrors) {
    const token = e.token;
    const atEof = !isRealToken(token);
    const offset = atEof ? endOfInput : token.startOffset;
    // One error per statement: a later error with no statement boundary since the previous one is a
    // cascade of it (recovery resumed mid-statement).
    if (previousErrorOffset >= 0 && !hasBoundary(tokens, previousErrorOffset, offset)) continue;
    previousErrorOffset = offset;
    // An error right after an unexpected character is a consequence of it: report only the character.
    const before = lastTokenBefore(tokens, offset);
    // (From the start of the previous token: an unterminated string swallows the rest of its line.)
    const gapStart = before >= 0 ? tokens[before]!.startOffset : 0;
    if (lexErrorOffsets.some((o) => o >= gapStart && o <= offset)) continue;
    const previous = (e as { previousToken?: IToken }).previousToken;
    let span: Span;
    if (atEof) {
      span = lines.span(file, endOfInput, endOfInput);
    } else if (e.message === EXPECTED_SEMICOLON && isRealToken(previous)) {
      // `let x = 1` then a new line: point just after the statement, where the ';' belongs.
      span = lines.span(file, tokenEnd(previous), tokenEnd(previous));
    } else {
      span = lines.span(file, token.startOffset, tokenEnd(token));
    }
    diagnostics.push(diagnostic(atEof ? SYNTAX_EOF : SYNTAX, e.message, span));
  }

  let built: ReturnType<typeof buildProgram>;
  try {
    built = buildProgram(cst, { file, source });
  } catch (err) {
    // The builder is meant to cope with every recovered tree; should it not, the syntax errors already
    // explain the input, so report them with an empty program rather than crash. A failure on a valid
    // tree is a bug and propagates.
    if (err instanceof RangeError) diagnostics.push(tooDeepDiagnostic(tokens[0], TOO_DEEP));
    else if (diagnostics.length === 0) throw err;
    built = buildProgram(undefined, { file, source });
  }
  diagnostics.push(...built.diagnostics);
  const deep = tooDeepExpression(built.program);
  if (deep) {
    diagnostics.push(diagnostic(SYNTAX, `this expression is nested too deeply (more than ${MAX_EXPRESSION_DEPTH} levels)`, deep.span));
  }
  diagnostics.sort((a, b) => a.span.startOffset - b.span.startOffset);
  return { program: built.program, diagnostics };
}

/**
 * True when the input is merely unfinished: there are diagnostics and every one of them is an
 * "unexpected end of input" (code 'syntax-eof'). The REPL then keeps reading lines.
 */
export function isIncompleteInput(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.length > 0 && diagnostics.every((d) => d.code === SYNTAX_EOF);
}
