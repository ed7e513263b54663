// CST -> AST: a chevrotain CST visitor that turns the concrete syntax tree of grammar/parser.ts into the
// typed AST of ./ast.ts, with a Span on every node. Number literals become exact num/den (0.25 -> 1/4),
// string escapes are decoded. The CST may come from error recovery (children missing, tokens inserted
// with no position): the builder never throws on that; it drops what it cannot build (the parser has
// already reported why) and builds the rest. Only syntax is handled here: no evaluation.
import type { CstElement, CstNode, CstNodeLocation, IToken } from 'chevrotain';
import { IMPLICIT_MULTIPLICATION, parser } from '../../grammar/parser.js';
import type {
  AssertStmt, AssignStmt, BinaryOp, Block, DeclKind, Expr, FnStmt, ForStmt, Identifier, IfStmt, ImportStmt,
  KeywordArg, LetStmt, NameRef, NumberLit, PrintStmt, Program, RecordField, ReturnStmt, RingStmt, RingVar, SeedStmt,
  Span, Stmt, StringLit, UseStmt,
} from './ast.js';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import { readNumericList, type NumericListPayload } from '../../grammar/numeric-list.js';

type Ctx = Record<string, CstElement[] | undefined>;

// ---------------------------------------------------------------------------------------------
// Literal decoding (exported for tests and other front ends)

/** The largest decimal exponent accepted in a literal such as `1e5000` (beyond: a diagnostic). */
const MAX_EXPONENT = 100_000;

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * The exact value of a number literal (`10`, `0.25`, `1.5e-3`, `1e3`) as a reduced fraction, or null
 * when the text is not a number literal or its exponent is out of range.
 */
export function decodeNumber(text: string): { num: bigint; den: bigint } | null {
  const m = /^(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  let num = BigInt(m[1]! + frac);
  let den = 10n ** BigInt(frac.length);
  if (m[3] !== undefined) {
    const exp = Number(m[3]);
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) return null;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  const g = gcd(num, den);
  if (g > 1n) {
    num /= g;
    den /= g;
  }
  return { num, den };
}

/** A number literal's exact value; an out-of-range exponent (reported by parse.ts) gets a placeholder 0. */
function numberValue(text: string): { num: bigint; den: bigint } {
  // Digits only, the common case: the integer itself, without decodeNumber's regular expression.
  if (/^\d+$/.test(text)) return { num: BigInt(text), den: 1n };
  return decodeNumber(text) ?? { num: 0n, den: 1n };
}

/** The escapes of a string literal: `\"`, `\\`, `\n`, `\t`, `\r`. */
export const STRING_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r' };

/**
 * The value of a string token's text: quotes removed (the closing one may be missing in an
 * unterminated string), escapes decoded; an unknown escape `\q` is kept as written.
 */
function decodeString(image: string): string {
  let body = image.startsWith('"') ? image.slice(1) : image;
  if (body.endsWith('"') && !isEscapedAt(body, body.length - 1)) body = body.slice(0, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      const e = body[i + 1]!;
      out += STRING_ESCAPES[e] ?? `\\${e}`;
      i++;
    } else {
      out += c;
    }
  }
  return out;
}

function isEscapedAt(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

// ---------------------------------------------------------------------------------------------
// Spans

function isToken(e: CstElement | undefined): e is IToken {
  return e !== undefined && (e as IToken).image !== undefined;
}

function isNode(e: CstElement | undefined): e is CstNode {
  return e !== undefined && (e as CstNode).children !== undefined;
}

function validToken(t: IToken | undefined): t is IToken {
  return t !== undefined && !t.isInsertedInRecovery && Number.isFinite(t.startOffset) &&
    Number.isFinite(t.endOffset ?? NaN) && Number.isFinite(t.startLine ?? NaN);
}

/** A span covering `start..end` of the same file (either may be null). */
function merge(a: Span | null, b: Span | null): Span | null {
  if (!a) return b;
  if (!b) return a;
  const first = a.startOffset <= b.startOffset ? a : b;
  const last = a.endOffset >= b.endOffset ? a : b;
  return {
    file: a.file,
    startOffset: first.startOffset,
    startLine: first.startLine,
    startColumn: first.startColumn,
    endOffset: last.endOffset,
    endLine: last.endLine,
    endColumn: last.endColumn,
  };
}

export interface BuildOptions {
  /** The file name recorded in every span. */
  readonly file: string;
  /** The source text; gives the program node a span over the whole file (else it covers its tokens). */
  readonly source?: string;
}

export interface BuildResult {
  readonly program: Program;
  /** Syntax errors the parser does not see (keyword argument order, `2(x)`, ...): code 'syntax'. */
  readonly diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------------------------
// The visitor

const BaseVisitor = parser.getBaseCstVisitorConstructor();

const DECL_KINDS: ReadonlySet<string> = new Set(['variety', 'form', 'projection', 'network', 'ideal']);

/** An item of a call's arguments (an expression) or of a ring's brackets (a variable), or a keyword argument. */
type Arg<T> = { readonly positional: T } | { readonly keyword: KeywordArg };

class AstBuilder extends BaseVisitor {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly file: string) {
    super();
    this.validateVisitor();
  }

  // -- helpers -------------------------------------------------------------------------------

  private tokenSpan(t: IToken | undefined): Span | null {
    if (!validToken(t)) return null;
    return {
      file: this.file,
      startOffset: t.startOffset,
      endOffset: t.endOffset! + 1,
      startLine: t.startLine!,
      startColumn: t.startColumn!,
      endLine: t.endLine!,
      endColumn: t.endColumn! + 1,
    };
  }

  private locationSpan(loc: CstNodeLocation | undefined): Span | null {
    if (!loc) return null;
    const { startOffset, endOffset, startLine, startColumn, endLine, endColumn } = loc;
    if (![startOffset, endOffset, startLine, startColumn, endLine, endColumn].every((n) => Number.isFinite(n))) {
      return null;
    }
    return {
      file: this.file,
      startOffset,
      endOffset: endOffset! + 1,
      startLine: startLine!,
      startColumn: startColumn!,
      endLine: endLine!,
      endColumn: endColumn! + 1,
    };
  }

  private nodeSpan(n: CstNode | undefined): Span | null {
    return n ? this.locationSpan(n.location) : null;
  }

  private token(ctx: Ctx, key: string, index = 0): IToken | undefined {
    const e = ctx[key]?.[index];
    return isToken(e) && validToken(e) ? e : undefined;
  }

  private tokens(ctx: Ctx, key: string): IToken[] {
    return (ctx[key] ?? []).filter((e): e is IToken => isToken(e) && validToken(e));
  }

  private node(ctx: Ctx, key: string, index = 0): CstNode | undefined {
    const e = ctx[key]?.[index];
    return isNode(e) ? e : undefined;
  }

  private nodes(ctx: Ctx, key: string): CstNode[] {
    return (ctx[key] ?? []).filter(isNode);
  }

  /** Visit a child node; undefined/null results (broken subtrees) become null. */
  private sub<T>(n: CstNode | undefined): T | null {
    if (!n) return null;
    const r = this.visit(n) as T | undefined;
    return r ?? null;
  }

  private expr(n: CstNode | undefined): Expr | null {
    return this.sub<Expr>(n);
  }

  private identifier(t: IToken | undefined): Identifier | null {
    const span = this.tokenSpan(t);
    return span && t ? { kind: 'Identifier', name: t.image, span } : null;
  }

  private error(message: string, span: Span | null): void {
    if (span) this.diagnostics.push(diagnostic('syntax', message, span));
  }

  /** Fold `operands[0] op operands[1] op ...` to the left; stops at the first missing piece. */
  private foldLeft(ctx: Ctx, opOf: (t: IToken) => BinaryOp): Expr | null {
    const operands = this.nodes(ctx, 'operands');
    const operators = (ctx['operators'] ?? []).filter(isToken);
    let left = this.expr(operands[0]);
    if (!left) return null;
    for (let i = 0; i < operators.length; i++) {
      const right = this.expr(operands[i + 1]);
      if (!right) break;
      left = { kind: 'Binary', op: opOf(operators[i]!), left, right, span: merge(left.span, right.span)! };
    }
    return left;
  }

  // -- statements ----------------------------------------------------------------------------

  program(ctx: Ctx): Stmt[] {
    return this.statements(ctx);
  }

  private statements(ctx: Ctx): Stmt[] {
    const out: Stmt[] = [];
    for (const n of this.nodes(ctx, 'statement')) {
      const s = this.sub<Stmt>(n);
      if (s) out.push(s);
    }
    return out;
  }

  statement(ctx: Ctx): Stmt | null {
    for (const key of Object.keys(ctx)) {
      const n = this.node(ctx, key);
      if (n) return this.sub<Stmt>(n);
    }
    return null;
  }

  ringStmt(ctx: Ctx): RingStmt | null {
    const name = this.identifier(this.token(ctx, 'name'));
    const coefficients = this.sub<Expr>(this.node(ctx, 'ringCoefficients'));
    const span = this.spanOf(ctx);
    if (!name || !coefficients || !span) return null;
    const items = this.positionalThenKeywords<RingVar>(this.nodes(ctx, 'ringItem'), 'ring variables must come before the options (name = value)');
    // `QQ(t)[x]`, `GF(7)(a)[x]`: a call of the field on names declares the parameters of QQ(t).
    const c = coefficients;
    const base = c.kind === 'Call' && (c.callee.kind === 'Name' ? c.callee.name === 'QQ' : c.callee.kind === 'Call' && c.callee.callee.kind === 'Name' && c.callee.callee.name === 'GF');
    const params = base && c.kind === 'Call' && c.args.length > 0 && c.args.every((a) => a.kind === 'Name') ? (c.args as NameRef[]) : [];
    const field = params.length > 0 && c.kind === 'Call' ? c.callee : coefficients;
    return { kind: 'Ring', name, coefficients: field, params, vars: items.positional, options: items.keywords, span };
  }

  ringCoefficients(ctx: Ctx): Expr | null {
    let e = this.expr(this.node(ctx, 'primary'));
    for (const n of this.nodes(ctx, 'callSuffix')) {
      if (!e) break;
      e = this.applySuffix(e, n);
    }
    return e;
  }

  ringItem(ctx: Ctx): Arg<RingVar> | null {
    return this.keywordOr<RingVar>(ctx, 'ringVar');
  }

  ringVar(ctx: Ctx): RingVar | null {
    const name = this.identifier(this.token(ctx, 'name'));
    if (!name) return null;
    const span = merge(name.span, this.tokenSpan(this.token(ctx, 'RBracket')));
    if (!ctx['LBracket']) return { name, indices: null, span: name.span };
    const indices = this.exprList(ctx, 'expression');
    return { name, indices, span: span ?? name.span };
  }

  letStmt(ctx: Ctx): LetStmt | null {
    const decl = this.token(ctx, 'DeclKeyword');
    const declKind: DeclKind = decl && DECL_KINDS.has(decl.image) ? (decl.image as DeclKind) : 'let';
    const name = this.identifier(this.token(ctx, 'name'));
    const value = this.expr(this.node(ctx, 'expression'));
    const span = this.spanOf(ctx);
    if (!name || !value || !span) return null;
    return { kind: 'Let', declKind, name, value, span };
  }

  assignStmt(ctx: Ctx): AssignStmt | null {
    const name = this.identifier(this.token(ctx, 'name'));
    const value = this.expr(this.node(ctx, 'expression'));
    const span = this.spanOf(ctx);
    if (!name || !value || !span) return null;
    return { kind: 'Assign', name, value, span };
  }

  printStmt(ctx: Ctx): PrintStmt | null {
    const span = this.spanOf(ctx);
    if (!span) return null;
    return { kind: 'Print', values: this.exprList(ctx, 'expression'), span };
  }

  assertStmt(ctx: Ctx): AssertStmt | null {
    const condition = this.expr(this.node(ctx, 'condition'));
    const message = this.expr(this.node(ctx, 'message'));
    const span = this.spanOf(ctx);
    if (!condition || !span) return null;
    return { kind: 'Assert', condition, message, span };
  }

  fnStmt(ctx: Ctx): FnStmt | null {
    const name = this.identifier(this.token(ctx, 'name'));
    const params: Identifier[] = [];
    for (const t of this.tokens(ctx, 'params')) {
      const p = this.identifier(t);
      if (p) params.push(p);
    }
    const blockNode = this.node(ctx, 'block');
    const body: Expr | Block | null = blockNode
      ? this.sub<Block>(blockNode)
      : this.expr(this.node(ctx, 'expression'));
    const span = this.spanOf(ctx);
    if (!name || !body || !span) return null;
    return { kind: 'Fn', name, params, body, span };
  }

  returnStmt(ctx: Ctx): ReturnStmt | null {
    const span = this.spanOf(ctx);
    if (!span) return null;
    const valueNode = this.node(ctx, 'expression');
    const value = this.expr(valueNode);
    if (valueNode && !value) return null;
    return { kind: 'Return', value, span };
  }

  forStmt(ctx: Ctx): ForStmt | null {
    const variable = this.identifier(this.token(ctx, 'variable'));
    const iterable = this.expr(this.node(ctx, 'expression'));
    const body = this.sub<Block>(this.node(ctx, 'block'));
    const span = this.spanOf(ctx);
    if (!variable || !iterable || !body || !span) return null;
    return { kind: 'For', variable, iterable, body, span };
  }

  ifStmt(ctx: Ctx): IfStmt | null {
    const condition = this.expr(this.node(ctx, 'expression'));
    const then = this.sub<Block>(this.node(ctx, 'then'));
    const span = this.spanOf(ctx);
    if (!condition || !then || !span) return null;
    let otherwise: Block | IfStmt | null = null;
    const elseIf = this.node(ctx, 'elseIf');
    const elseBlock = this.node(ctx, 'otherwise');
    if (elseIf) otherwise = this.sub<IfStmt>(elseIf);
    else if (elseBlock) otherwise = this.sub<Block>(elseBlock);
    return { kind: 'If', condition, then, otherwise, span };
  }

  importStmt(ctx: Ctx): ImportStmt | null {
    const path = this.stringLit(this.token(ctx, 'StringLiteral'));
    const span = this.spanOf(ctx);
    if (!path || !span) return null;
    return { kind: 'Import', path, span };
  }

  seedStmt(ctx: Ctx): SeedStmt | null {
    const value = this.expr(this.node(ctx, 'expression'));
    const span = this.spanOf(ctx);
    if (!value || !span) return null;
    return { kind: 'Seed', value, span };
  }

  useStmt(ctx: Ctx): UseStmt | null {
    const ring = this.identifier(this.token(ctx, 'name'));
    const span = this.spanOf(ctx);
    if (!ring || !span) return null;
    return { kind: 'Use', ring, span };
  }

  block(ctx: Ctx): Block | null {
    const span = this.spanOf(ctx);
    if (!span) return null;
    return { kind: 'Block', body: this.statements(ctx), span };
  }

  /** `;` alone: nothing to build. */
  emptyStmt(): null {
    return null;
  }

  exprStmt(ctx: Ctx): Stmt | null {
    const expr = this.expr(this.node(ctx, 'expression'));
    if (!expr) return null;
    const span = merge(expr.span, this.tokenSpan(this.token(ctx, 'Semicolon')))!;
    return { kind: 'ExprStmt', expr, span };
  }

  /**
   * The span of the node whose children are `ctx`: from its first to its last real token. chevrotain's
   * visitor passes only the children, so the span is recomputed from them.
   */
  private spanOf(ctx: Ctx): Span | null {
    let span: Span | null = null;
    for (const list of Object.values(ctx)) {
      for (const e of list ?? []) {
        span = merge(span, isToken(e) ? this.tokenSpan(e) : isNode(e) ? this.nodeSpan(e) : null);
      }
    }
    return span;
  }

  private exprList(ctx: Ctx, key: string): Expr[] {
    const out: Expr[] = [];
    for (const n of this.nodes(ctx, key)) {
      const e = this.expr(n);
      if (e) out.push(e);
    }
    return out;
  }

  // -- expressions ---------------------------------------------------------------------------

  expression(ctx: Ctx): Expr | null {
    const from = this.expr(this.node(ctx, 'from'));
    if (!from) return null;
    if (!ctx['DotDot']) return from;
    const to = this.expr(this.node(ctx, 'to'));
    if (!to) return from;
    return { kind: 'Range', from, to, span: merge(from.span, to.span)! };
  }

  orExpr(ctx: Ctx): Expr | null {
    return this.foldLeft(ctx, () => 'or');
  }

  andExpr(ctx: Ctx): Expr | null {
    return this.foldLeft(ctx, () => 'and');
  }

  notExpr(ctx: Ctx): Expr | null {
    const not = this.token(ctx, 'Not');
    const inner = this.node(ctx, 'notExpr');
    if (inner || ctx['Not']) {
      const operand = this.expr(inner);
      if (!operand) return null;
      return { kind: 'Unary', op: 'not', operand, span: merge(this.tokenSpan(not), operand.span)! };
    }
    return this.expr(this.node(ctx, 'comparison'));
  }

  comparison(ctx: Ctx): Expr | null {
    return this.foldLeft(ctx, (t) => t.image as BinaryOp);
  }

  additive(ctx: Ctx): Expr | null {
    return this.foldLeft(ctx, (t) => t.image as BinaryOp);
  }

  multiplicative(ctx: Ctx): Expr | null {
    return this.foldLeft(ctx, (t) => t.image as BinaryOp);
  }

  unary(ctx: Ctx): Expr | null {
    if (ctx['Minus']) {
      const operand = this.expr(this.node(ctx, 'unary'));
      if (!operand) return null;
      return { kind: 'Unary', op: '-', operand, span: merge(this.tokenSpan(this.token(ctx, 'Minus')), operand.span)! };
    }
    return this.expr(this.node(ctx, 'power'));
  }

  power(ctx: Ctx): Expr | null {
    const base = this.expr(this.node(ctx, 'base'));
    if (!base) return null;
    if (!ctx['Caret']) return base;
    const exponent = this.expr(this.node(ctx, 'exponent'));
    if (!exponent) return base;
    return { kind: 'Binary', op: '^', left: base, right: exponent, span: merge(base.span, exponent.span)! };
  }

  postfix(ctx: Ctx): Expr | null {
    let e = this.expr(this.node(ctx, 'primary'));
    for (const n of this.nodes(ctx, 'suffixes')) {
      if (!e) break;
      e = this.applySuffix(e, n);
    }
    return e;
  }

  /** Apply a call/index/field suffix CST node to `target`; a broken suffix leaves `target` as is. */
  private applySuffix(target: Expr, suffix: CstNode): Expr {
    const ctx = suffix.children as Ctx;
    const span = merge(target.span, this.nodeSpan(suffix))!;
    switch (suffix.name) {
      case 'callSuffix': {
        if (target.kind === 'Number') {
          this.error(`${IMPLICIT_MULTIPLICATION}: write '${target.text}*(...)'`, span);
        }
        const items = this.positionalThenKeywords<Expr>(this.nodes(ctx, 'argument'), 'positional arguments must come before keyword arguments');
        return { kind: 'Call', callee: target, args: items.positional, kwargs: items.keywords, span };
      }
      case 'indexSuffix': {
        const indices = this.exprList(ctx, 'expression');
        if (indices.length === 0) return target;
        return { kind: 'Index', target, indices, span };
      }
      case 'fieldSuffix': {
        const name = this.identifier(this.token(ctx, 'name'));
        if (!name) return target;
        return { kind: 'Field', target, name, span };
      }
      default:
        return target;
    }
  }

  // Suffixes are applied to their target by applySuffix, never visited on their own.
  callSuffix(): null {
    return null;
  }

  indexSuffix(): null {
    return null;
  }

  fieldSuffix(): null {
    return null;
  }

  argument(ctx: Ctx): Arg<Expr> | null {
    return this.keywordOr<Expr>(ctx, 'expression');
  }

  /** A call argument or a ring item: a keyword argument `name = value`, or else the node `other`. */
  private keywordOr<T>(ctx: Ctx, other: string): Arg<T> | null {
    const kw = this.node(ctx, 'keywordArg');
    if (kw) {
      const keyword = this.sub<KeywordArg>(kw);
      return keyword ? { keyword } : null;
    }
    const positional = this.sub<T>(this.node(ctx, other));
    return positional ? { positional } : null;
  }

  /** Items that may end in keyword arguments (calls, ring brackets); an item after a keyword is an error. */
  private positionalThenKeywords<T extends { readonly span: Span }>(nodes: readonly CstNode[], misplaced: string): { positional: T[]; keywords: KeywordArg[] } {
    const positional: T[] = [];
    const keywords: KeywordArg[] = [];
    for (const n of nodes) {
      const item = this.sub<Arg<T>>(n);
      if (!item) continue;
      if ('keyword' in item) {
        keywords.push(item.keyword);
      } else {
        if (keywords.length > 0) this.error(misplaced, item.positional.span);
        positional.push(item.positional);
      }
    }
    return { positional, keywords };
  }

  keywordArg(ctx: Ctx): KeywordArg | null {
    const name = this.identifier(this.token(ctx, 'name'));
    const value = this.expr(this.node(ctx, 'expression'));
    if (!name || !value) return null;
    return { name, value, span: merge(name.span, value.span)! };
  }

  primary(ctx: Ctx): Expr | null {
    const num = this.token(ctx, 'NumberLiteral');
    if (num) return this.numberLit(num);
    const numbers = this.token(ctx, 'NumericList');
    if (numbers) return this.numericList(numbers);
    const str = this.token(ctx, 'StringLiteral');
    if (str) return this.stringLit(str);
    const bool = this.token(ctx, 'BooleanLiteral');
    if (bool) return { kind: 'Bool', value: bool.image === 'true', span: this.tokenSpan(bool)! };
    const id = this.token(ctx, 'Identifier');
    if (id) return { kind: 'Name', name: id.image, span: this.tokenSpan(id)! };
    for (const key of ['parenExpr', 'listLit', 'recordLit']) {
      const n = this.node(ctx, key);
      if (n) return this.expr(n);
    }
    return null;
  }

  /** `(e)`: the inner expression, its span widened to the parentheses. */
  parenExpr(ctx: Ctx): Expr | null {
    const inner = this.expr(this.node(ctx, 'expression'));
    if (!inner) return null;
    const span = this.spanOf(ctx) ?? inner.span;
    return { ...inner, span };
  }

  listLit(ctx: Ctx): Expr | null {
    const span = this.spanOf(ctx);
    if (!span) return null;
    return { kind: 'List', items: this.exprList(ctx, 'expression'), span };
  }

  recordLit(ctx: Ctx): Expr | null {
    const span = this.spanOf(ctx);
    if (!span) return null;
    const fields: RecordField[] = [];
    for (const n of this.nodes(ctx, 'recordField')) {
      const f = this.sub<RecordField>(n);
      if (f) fields.push(f);
    }
    return { kind: 'Record', fields, span };
  }

  recordField(ctx: Ctx): RecordField | null {
    const key = this.identifier(this.token(ctx, 'key'));
    const value = this.expr(this.node(ctx, 'expression'));
    if (!key || !value) return null;
    return { key, value, span: merge(key.span, value.span)! };
  }

  /** A NumericList token (grammar/numeric-list.ts): its numbers read once into typed arrays. */
  private numericList(t: IToken): Expr | null {
    const p = t.payload as NumericListPayload | undefined;
    const span = this.tokenSpan(t);
    if (!p || !span) return null;
    return { kind: 'NumberList', values: readNumericList(t.image, p, t.startOffset), span };
  }

  private numberLit(t: IToken): NumberLit | null {
    const span = this.tokenSpan(t);
    return span ? { kind: 'Number', ...numberValue(t.image), text: t.image, span } : null;
  }

  private stringLit(t: IToken | undefined): StringLit | null {
    const span = this.tokenSpan(t);
    if (!span || !t) return null;
    return { kind: 'String', value: decodeString(t.image), span };
  }
}

// ---------------------------------------------------------------------------------------------

/** Position just past the end of `source` (1-based line/column). */
function endPosition(source: string): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  if (!source.includes('\r')) {
    // Without carriage returns, line breaks are found by indexOf (native, fast on megabyte literals).
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    return { line, column: source.length - lineStart + 1 };
  }
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 /* \n */ || (c === 13 /* \r */ && source.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: source.length - lineStart + 1 };
}

/**
 * Build the AST of a `program` CST (the result of `parser.program()`), possibly partial after error
 * recovery. Never throws on a recovered CST.
 */
export function buildProgram(cst: CstNode | undefined, options: BuildOptions): BuildResult {
  const builder = new AstBuilder(options.file);
  const body = cst && cst.children ? (builder.visit(cst) as Stmt[] | undefined) ?? [] : [];
  let span: Span;
  if (options.source !== undefined) {
    const end = endPosition(options.source);
    span = {
      file: options.file,
      startOffset: 0,
      endOffset: options.source.length,
      startLine: 1,
      startColumn: 1,
      endLine: end.line,
      endColumn: end.column,
    };
  } else {
    const first = body[0]?.span;
    const last = body[body.length - 1]?.span;
    span = merge(first ?? null, last ?? null) ?? {
      file: options.file, startOffset: 0, endOffset: 0, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1,
    };
  }
  return { program: { kind: 'Program', body, span }, diagnostics: builder.diagnostics };
}
