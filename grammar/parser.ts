// The vdl grammar: a chevrotain CstParser with error recovery. It only recognises the syntax and builds a
// concrete syntax tree; src/lang/build-ast.ts turns that into the typed AST and src/lang/parse.ts drives
// lexer + parser + builder. One instance (`parser`) is exported and reused by setting `parser.input`.
//
// Expression precedence, lowest to highest:
//   range `a..b` (non-associative)  <  `or`  <  `and`  <  `not` (prefix)  <  comparisons (non-associative)
//   <  `+ -` (left)  <  `* /` (left)  <  unary `-`  <  `^` (right; its exponent may start with `-`)
//   <  postfix: call `f(a, k = v)`, index `L[i, j]`, field `r.name`
import {
  CstParser,
  EOF,
  tokenMatcher,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from 'chevrotain';
import {
  AdditiveOp,
  allTokens,
  And,
  Assert,
  BooleanLiteral,
  Caret,
  Colon,
  Comma,
  ComparisonOp,
  DeclKeyword,
  Dot,
  DotDot,
  Else,
  Equals,
  Fn,
  For,
  Identifier,
  If,
  Import,
  In,
  LBrace,
  LBracket,
  Let,
  LParen,
  Minus,
  MultiplicativeOp,
  Not,
  NumberLiteral,
  NumericList,
  Or,
  Print,
  RBrace,
  RBracket,
  Return,
  Ring,
  RParen,
  Seed,
  Semicolon,
  StringLiteral,
  Use,
} from './lexer.js';

// ---------------------------------------------------------------------------------------------
// Error messages

const EXPRESSION_RULES = new Set([
  'expression', 'orExpr', 'andExpr', 'notExpr', 'comparison', 'additive', 'multiplicative',
  'unary', 'power', 'postfix', 'primary', 'argument',
]);

/** `'x'` for a token, `end of input` for EOF. */
export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'end of input';
  const image = token.image.length > 20 ? `${token.image.slice(0, 17)}...` : token.image;
  return `'${image}'`;
}

/** The human label of a token type: `';'`, `'let'`, `a name`, `a number`. */
export function describeTokenType(tokenType: TokenType): string {
  if (tokenType === EOF) return 'end of input';
  if (tokenType === Identifier) return 'a name';
  if (tokenType === NumberLiteral) return 'a number';
  if (tokenType === StringLiteral) return 'a string';
  if (tokenType === BooleanLiteral) return "'true' or 'false'";
  if (tokenType === DeclKeyword) return 'a declaration keyword';
  if (tokenType === AdditiveOp) return "'+' or '-'";
  if (tokenType === MultiplicativeOp) return "'*' or '/'";
  if (tokenType === ComparisonOp) return 'a comparison';
  return tokenType.LABEL ?? `'${tokenType.name}'`;
}

function adjacent(a: IToken, b: IToken): boolean {
  return Number.isFinite(a.endOffset) && a.endOffset !== undefined && a.endOffset + 1 === b.startOffset;
}

/** `2x`, `2(x)`: a number immediately followed by a name or a parenthesis. */
function isImplicitMultiplication(previous: IToken, actual: IToken): boolean {
  return (
    previous !== undefined && actual !== undefined &&
    tokenMatcher(previous, NumberLiteral) &&
    (tokenMatcher(actual, Identifier) || actual.tokenType === LParen) &&
    adjacent(previous, actual)
  );
}

export const IMPLICIT_MULTIPLICATION = 'implicit multiplication is not supported';
export const UNEXPECTED_EOF = 'unexpected end of input';
export const EXPECTED_SEMICOLON = "expected ';' after the statement";

function what(ruleName: string): string {
  if (EXPRESSION_RULES.has(ruleName)) return 'an expression';
  if (ruleName === 'statement') return 'a statement';
  if (ruleName === 'ringItem') return 'a ring variable or option';
  if (ruleName === 'recordField') return "a record field 'name: value'";
  return '';
}

function implicitMessage(previous: IToken, actual: IToken): string {
  return `${IMPLICIT_MULTIPLICATION}: write '${previous.image}*${actual.image}' instead of '${previous.image}${actual.image}'`;
}

/** Rules in which a failed CONSUME comes right after a complete expression. */
const AFTER_EXPRESSION_RULES = new Set([
  'exprStmt', 'letStmt', 'assignStmt', 'printStmt', 'assertStmt', 'returnStmt', 'seedStmt', 'ifStmt',
  'callSuffix', 'indexSuffix', 'parenExpr', 'listLit', 'recordLit', 'ringVar',
]);

/** Tokens that may follow a complete expression inside a statement. */
const CLOSING_TOKENS: readonly TokenType[] = [Semicolon, Comma, RParen, RBracket, RBrace, LBrace];

/** The token just before `token` in the parser's current input (for messages that need context). */
function tokenBefore(token: IToken): IToken | undefined {
  if (!Number.isFinite(token.startOffset)) return undefined;
  const input = parser.input;
  let lo = 0;
  let hi = input.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const offset = input[mid]!.startOffset;
    if (offset === token.startOffset) return input[mid - 1];
    if (offset < token.startOffset) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    if (expected === EOF) return `unexpected ${describeToken(actual)}`;
    if (actual.tokenType === EOF) return `${UNEXPECTED_EOF}: expected ${describeTokenType(expected)}`;
    if (isImplicitMultiplication(previous, actual)) return implicitMessage(previous, actual);
    if (AFTER_EXPRESSION_RULES.has(ruleName) && CLOSING_TOKENS.includes(expected)) {
      if (tokenMatcher(actual, ComparisonOp)) {
        return `comparisons do not chain: write 'a < b and b < c' instead of 'a < b < c' (found ${describeToken(actual)})`;
      }
      if (actual.tokenType === DotDot) return "ranges do not chain: 'a..b..c' is not an expression";
    }
    if (
      expected === Semicolon && ruleName === 'exprStmt' && actual.tokenType === Colon &&
      tokenBefore(previous)?.tokenType === LBrace
    ) {
      return "a statement starting with '{' is a block: to write a record there, wrap it in parentheses '({...})'";
    }
    if (expected === Semicolon) return EXPECTED_SEMICOLON;
    return `expected ${describeTokenType(expected)} but found ${describeToken(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${describeToken(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, previous, ruleName }) {
    const first = actual[0]!;
    const expected = what(ruleName);
    if (first.tokenType === EOF) return `${UNEXPECTED_EOF}${expected ? `: expected ${expected}` : ''}`;
    if (isImplicitMultiplication(previous, first)) return implicitMessage(previous, first);
    return expected ? `expected ${expected} but found ${describeToken(first)}` : `unexpected ${describeToken(first)}`;
  },
  buildEarlyExitMessage({ actual, previous, ruleName }) {
    const first = actual[0]!;
    const expected = what(ruleName) || 'an expression';
    if (first.tokenType === EOF) return `${UNEXPECTED_EOF}: expected ${expected}`;
    if (isImplicitMultiplication(previous, first)) return implicitMessage(previous, first);
    return `expected ${expected} but found ${describeToken(first)}`;
  },
};

/** Token types recovery may invent (single-token insertion): punctuation and keywords, never content. */
const CONTENT_TOKENS: readonly TokenType[] = [Identifier, NumberLiteral, StringLiteral, BooleanLiteral, DeclKeyword];

const DECLARATION_WORDS = new Set(['variety', 'form', 'projection', 'network', 'ideal']);

// ---------------------------------------------------------------------------------------------
// The grammar

export class VdlParser extends CstParser {
  constructor() {
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: 3,
      nodeLocationTracking: 'full',
      errorMessageProvider: errorMessages,
    });
    this.performSelfAnalysis();
  }

  protected override canTokenTypeBeInsertedInRecovery(tokType: TokenType): boolean {
    return !CONTENT_TOKENS.includes(tokType);
  }

  /** `ideal I = ...`: a declaration word, a name, and `=` (the words are ordinary names elsewhere). */
  private isDeclaration(): boolean {
    const first = this.LA(1);
    return (
      tokenMatcher(first, DeclKeyword) && DECLARATION_WORDS.has(first.image) &&
      tokenMatcher(this.LA(2), Identifier) && this.LA(3).tokenType === Equals
    );
  }

  public program = this.RULE('program', () => {
    this.MANY(() => this.SUBRULE(this.statement));
  });

  /** `name = ...` (a single `=`, not `==`): an assignment, a keyword argument or a ring option. */
  private nextIsNameEquals(): boolean {
    return tokenMatcher(this.LA(1), Identifier) && this.LA(2).tokenType === Equals;
  }

  /**
   * The statement is chosen by its first token alone (LL(1)), with two gates for the contextual cases
   * (a typed declaration `ideal I = ...`, an assignment `x = ...`). Deciding on one token means that any
   * statement the loop enters consumes at least that token, which keeps error recovery moving forward.
   * A statement starting with `{` is a block, never a record.
   */
  public statement = this.RULE('statement', () => {
    this.OR({
      MAX_LOOKAHEAD: 1,
      DEF: [
        { ALT: () => this.SUBRULE(this.ringStmt) },
        { GATE: () => this.LA(1).tokenType === Let || this.isDeclaration(), ALT: () => this.SUBRULE(this.letStmt) },
        { ALT: () => this.SUBRULE(this.fnStmt) },
        { ALT: () => this.SUBRULE(this.returnStmt) },
        { ALT: () => this.SUBRULE(this.forStmt) },
        { ALT: () => this.SUBRULE(this.ifStmt) },
        { ALT: () => this.SUBRULE(this.importStmt) },
        { ALT: () => this.SUBRULE(this.seedStmt) },
        { ALT: () => this.SUBRULE(this.useStmt) },
        { ALT: () => this.SUBRULE(this.printStmt) },
        { ALT: () => this.SUBRULE(this.assertStmt) },
        { ALT: () => this.SUBRULE(this.block), IGNORE_AMBIGUITIES: true },
        { GATE: () => this.nextIsNameEquals(), ALT: () => this.SUBRULE(this.assignStmt) },
        { ALT: () => this.SUBRULE(this.exprStmt), IGNORE_AMBIGUITIES: true },
        { ALT: () => this.SUBRULE(this.emptyStmt) },
      ],
    });
  });

  /** A lone `;` (after a block, say `fn f() { ... };`): allowed and ignored. */
  public emptyStmt = this.RULE('emptyStmt', () => {
    this.CONSUME(Semicolon);
  });

  // ring R = QQ[x, w[1..2, 1..3], order = lex];
  public ringStmt = this.RULE('ringStmt', () => {
    this.CONSUME(Ring);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Equals);
    this.SUBRULE(this.ringCoefficients);
    this.CONSUME(LBracket);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.ringItem) });
    this.CONSUME(RBracket);
    this.CONSUME(Semicolon);
  });

  /** `QQ`, `GF(32003)`: a primary expression and calls on it, but no indexing (the `[` opens the vars). */
  public ringCoefficients = this.RULE('ringCoefficients', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => this.SUBRULE(this.callSuffix));
  });

  public ringItem = this.RULE('ringItem', () => {
    this.OR({
      MAX_LOOKAHEAD: 1,
      DEF: [
        { GATE: () => this.nextIsNameEquals(), ALT: () => this.SUBRULE(this.keywordArg) },
        { ALT: () => this.SUBRULE(this.ringVar), IGNORE_AMBIGUITIES: true },
      ],
    });
  });

  public ringVar = this.RULE('ringVar', () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(LBracket);
      this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.expression) });
      this.CONSUME(RBracket);
    });
  });

  /** `let x = e;` or a typed declaration `ideal I = e;` */
  public letStmt = this.RULE('letStmt', () => {
    this.OR([
      { ALT: () => this.CONSUME(Let) },
      { ALT: () => this.CONSUME(DeclKeyword) },
    ]);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
    this.CONSUME(Semicolon);
  });

  public assignStmt = this.RULE('assignStmt', () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
    this.CONSUME(Semicolon);
  });

  public printStmt = this.RULE('printStmt', () => {
    this.CONSUME(Print);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.expression) });
    this.CONSUME(Semicolon);
  });

  public assertStmt = this.RULE('assertStmt', () => {
    this.CONSUME(Assert);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.OPTION(() => {
      this.CONSUME(Comma);
      this.SUBRULE2(this.expression, { LABEL: 'message' });
    });
    this.CONSUME(Semicolon);
  });

  /** `fn f(a, b) = e;` or `fn f(a, b) { ... }` */
  public fnStmt = this.RULE('fnStmt', () => {
    this.CONSUME(Fn);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(LParen);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.CONSUME2(Identifier, { LABEL: 'params' }) });
    this.CONSUME(RParen);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Equals);
          this.SUBRULE(this.expression);
          this.CONSUME(Semicolon);
        },
      },
      { ALT: () => this.SUBRULE(this.block) },
    ]);
  });

  public returnStmt = this.RULE('returnStmt', () => {
    this.CONSUME(Return);
    this.OPTION(() => this.SUBRULE(this.expression));
    this.CONSUME(Semicolon);
  });

  public forStmt = this.RULE('forStmt', () => {
    this.CONSUME(For);
    this.CONSUME(Identifier, { LABEL: 'variable' });
    this.CONSUME(In);
    this.SUBRULE(this.expression);
    this.SUBRULE(this.block);
  });

  public ifStmt = this.RULE('ifStmt', () => {
    this.CONSUME(If);
    this.SUBRULE(this.expression);
    this.SUBRULE(this.block, { LABEL: 'then' });
    this.OPTION(() => {
      this.CONSUME(Else);
      this.OR([
        { ALT: () => this.SUBRULE(this.ifStmt, { LABEL: 'elseIf' }) },
        { ALT: () => this.SUBRULE2(this.block, { LABEL: 'otherwise' }) },
      ]);
    });
  });

  public importStmt = this.RULE('importStmt', () => {
    this.CONSUME(Import);
    this.CONSUME(StringLiteral);
    this.CONSUME(Semicolon);
  });

  public seedStmt = this.RULE('seedStmt', () => {
    this.CONSUME(Seed);
    this.SUBRULE(this.expression);
    this.CONSUME(Semicolon);
  });

  public useStmt = this.RULE('useStmt', () => {
    this.CONSUME(Use);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Semicolon);
  });

  public block = this.RULE('block', () => {
    this.CONSUME(LBrace);
    this.MANY(() => this.SUBRULE(this.statement));
    this.CONSUME(RBrace);
  });

  public exprStmt = this.RULE('exprStmt', () => {
    this.SUBRULE(this.expression);
    this.CONSUME(Semicolon);
  });

  // -------------------------------------------------------------------------------------------
  // Expressions

  /** The lowest level: `a..b` (non-associative). */
  public expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpr, { LABEL: 'from' });
    this.OPTION(() => {
      this.CONSUME(DotDot);
      this.SUBRULE2(this.orExpr, { LABEL: 'to' });
    });
  });

  public orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(Or, { LABEL: 'operators' });
      this.SUBRULE2(this.andExpr, { LABEL: 'operands' });
    });
  });

  public andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(And, { LABEL: 'operators' });
      this.SUBRULE2(this.notExpr, { LABEL: 'operands' });
    });
  });

  public notExpr = this.RULE('notExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  /** Non-associative: `a < b < c` is a syntax error. */
  public comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive, { LABEL: 'operands' });
    this.OPTION(() => {
      this.CONSUME(ComparisonOp, { LABEL: 'operators' });
      this.SUBRULE2(this.additive, { LABEL: 'operands' });
    });
  });

  public additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(AdditiveOp, { LABEL: 'operators' });
      this.SUBRULE2(this.multiplicative, { LABEL: 'operands' });
    });
  });

  public multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(MultiplicativeOp, { LABEL: 'operators' });
      this.SUBRULE2(this.unary, { LABEL: 'operands' });
    });
  });

  public unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Minus);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.power) },
    ]);
  });

  /** `a ^ b`, right associative; the exponent is a unary (so `2^-1` and `2^3^2 = 2^(3^2)`). */
  public power = this.RULE('power', () => {
    this.SUBRULE(this.postfix, { LABEL: 'base' });
    this.OPTION(() => {
      this.CONSUME(Caret);
      this.SUBRULE(this.unary, { LABEL: 'exponent' });
    });
  });

  public postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.callSuffix, { LABEL: 'suffixes' }) },
        { ALT: () => this.SUBRULE(this.indexSuffix, { LABEL: 'suffixes' }) },
        { ALT: () => this.SUBRULE(this.fieldSuffix, { LABEL: 'suffixes' }) },
      ]);
    });
  });

  public callSuffix = this.RULE('callSuffix', () => {
    this.CONSUME(LParen);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.argument) });
    this.CONSUME(RParen);
  });

  /** A positional argument, or a keyword argument `name = value` (`=` here, never `==`). */
  public argument = this.RULE('argument', () => {
    this.OR({
      MAX_LOOKAHEAD: 1,
      DEF: [
        { GATE: () => this.nextIsNameEquals(), ALT: () => this.SUBRULE(this.keywordArg) },
        { ALT: () => this.SUBRULE(this.expression), IGNORE_AMBIGUITIES: true },
      ],
    });
  });

  public keywordArg = this.RULE('keywordArg', () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Equals);
    this.SUBRULE(this.expression);
  });

  public indexSuffix = this.RULE('indexSuffix', () => {
    this.CONSUME(LBracket);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.expression) });
    this.CONSUME(RBracket);
  });

  public fieldSuffix = this.RULE('fieldSuffix', () => {
    this.CONSUME(Dot);
    // `seed` is a statement keyword but also a field name (how(x).seed).
    this.OR([{ ALT: () => this.CONSUME(Identifier, { LABEL: 'name' }) }, { ALT: () => this.CONSUME(Seed, { LABEL: 'name' }) }]);
  });

  public primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.CONSUME(NumberLiteral) },
      { ALT: () => this.CONSUME(NumericList) },
      { ALT: () => this.CONSUME(StringLiteral) },
      { ALT: () => this.CONSUME(BooleanLiteral) },
      { ALT: () => this.CONSUME(Identifier) },
      { ALT: () => this.SUBRULE(this.parenExpr) },
      { ALT: () => this.SUBRULE(this.listLit) },
      { ALT: () => this.SUBRULE(this.recordLit) },
    ]);
  });

  public parenExpr = this.RULE('parenExpr', () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(RParen);
  });

  /** `[a, b]`, `[]`, and nested lists for matrices `[[1, 2], [3, 4]]`. */
  public listLit = this.RULE('listLit', () => {
    this.CONSUME(LBracket);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.expression) });
    this.CONSUME(RBracket);
  });

  /** `{complex: 6, real: 2}` */
  public recordLit = this.RULE('recordLit', () => {
    this.CONSUME(LBrace);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.recordField) });
    this.CONSUME(RBrace);
  });

  public recordField = this.RULE('recordField', () => {
    this.CONSUME(Identifier, { LABEL: 'key' });
    this.CONSUME(Colon);
    this.SUBRULE(this.expression);
  });
}

/** The one parser instance; set `parser.input = tokens`, call `parser.program()`, read `parser.errors`. */
export const parser = new VdlParser();
