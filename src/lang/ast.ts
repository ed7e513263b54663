// The typed AST of a .vdl program. Every node carries the span of the source it came from, so that
// every diagnostic (static or at run time) can point at the exact place. Built from chevrotain's CST by
// src/lang/build-ast.ts; consumed by the checker and the evaluator. Plain data, no methods.
import type { NumericListValues } from '../../grammar/numeric-list.js';

/** A source range. Lines and columns are 1-based; offsets are 0-based, end exclusive. */
export interface Span {
  readonly file: string;
  readonly startOffset: number;
  readonly endOffset: number;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface Node {
  readonly span: Span;
}

export interface Identifier extends Node {
  readonly kind: 'Identifier';
  readonly name: string;
}

// ---------------------------------------------------------------------------------------------
// Expressions

/** An exact number literal: integers of any size and decimals (0.25 is 1/4). Always num/den, den > 0. */
export interface NumberLit extends Node {
  readonly kind: 'Number';
  readonly num: bigint;
  readonly den: bigint;
  readonly text: string;
}

export interface StringLit extends Node {
  readonly kind: 'String';
  readonly value: string;
}

export interface BoolLit extends Node {
  readonly kind: 'Bool';
  readonly value: boolean;
}

export interface NameRef extends Node {
  readonly kind: 'Name';
  readonly name: string;
}

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '^'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | 'and' | 'or';

export interface Binary extends Node {
  readonly kind: 'Binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}

export interface Unary extends Node {
  readonly kind: 'Unary';
  readonly op: '-' | 'not';
  readonly operand: Expr;
}

export interface KeywordArg extends Node {
  readonly name: Identifier;
  readonly value: Expr;
}

/** f(a, b, key = v). Keyword arguments come after positional ones. */
export interface Call extends Node {
  readonly kind: 'Call';
  readonly callee: Expr;
  readonly args: readonly Expr[];
  readonly kwargs: readonly KeywordArg[];
}

/** target[i] or target[i, j]: list indexing (1-based) or an indexed ring variable w[1,2]. */
export interface Index extends Node {
  readonly kind: 'Index';
  readonly target: Expr;
  readonly indices: readonly Expr[];
}

/** target.name: a record field. */
export interface FieldAccess extends Node {
  readonly kind: 'Field';
  readonly target: Expr;
  readonly name: Identifier;
}

export interface ListLit extends Node {
  readonly kind: 'List';
  readonly items: readonly Expr[];
}

/**
 * A list literal made only of (signed) numbers and such lists, of at least 16 numbers, read in one
 * pass by the lexer (grammar/numeric-list.ts) into typed arrays (its compact exact form), so that a
 * megabyte matrix literal costs no expression node and no rational per entry; the evaluator makes
 * the exact values (src/lang/number-list.ts). Smaller lists are ordinary `List`s.
 */
export interface NumberListLit extends Node {
  readonly kind: 'NumberList';
  readonly values: NumericListValues;
}

export interface RecordField extends Node {
  readonly key: Identifier;
  readonly value: Expr;
}

export interface RecordLit extends Node {
  readonly kind: 'Record';
  readonly fields: readonly RecordField[];
}

/** a..b, inclusive; evaluates to the list [a, a+1, ..., b]. */
export interface Range extends Node {
  readonly kind: 'Range';
  readonly from: Expr;
  readonly to: Expr;
}

export type Expr =
  | NumberLit | StringLit | BoolLit | NameRef
  | Binary | Unary | Call | Index | FieldAccess
  | ListLit | NumberListLit | RecordLit | Range;

// ---------------------------------------------------------------------------------------------
// Statements

/** One variable or indexed family in a ring declaration: `x`, or `w[1..2, 1..3]`, or `v[3]`. */
export interface RingVar extends Node {
  readonly name: Identifier;
  /** null for a plain variable; else one entry per index position (a Range, or a single Expr). */
  readonly indices: readonly Expr[] | null;
}

/**
 * ring R = QQ[x, y, order = lex]; coefficient is `QQ` (a Name) or `GF(p)` (a Call). With parameters,
 * `QQ(t)[x]`, `QQ(a, b)[x]`, `GF(7)(t)[x]`: `coefficients` is the field below (`QQ`, `GF(7)`) and
 * `params` names the parameters (empty for a ring without them).
 */
export interface RingStmt extends Node {
  readonly kind: 'Ring';
  readonly name: Identifier;
  readonly coefficients: Expr;
  readonly params: readonly NameRef[];
  readonly vars: readonly RingVar[];
  readonly options: readonly KeywordArg[];
}

/** The declaration keywords; `let` accepts any value, the others check its kind. */
export type DeclKind = 'let' | 'variety' | 'form' | 'projection' | 'network' | 'ideal';

export interface LetStmt extends Node {
  readonly kind: 'Let';
  readonly declKind: DeclKind;
  readonly name: Identifier;
  readonly value: Expr;
}

export interface AssignStmt extends Node {
  readonly kind: 'Assign';
  readonly name: Identifier;
  readonly value: Expr;
}

export interface PrintStmt extends Node {
  readonly kind: 'Print';
  readonly values: readonly Expr[];
}

export interface AssertStmt extends Node {
  readonly kind: 'Assert';
  readonly condition: Expr;
  readonly message: Expr | null;
}

/** fn f(a, b) = expr;  or  fn f(a, b) { ... return e; } */
export interface FnStmt extends Node {
  readonly kind: 'Fn';
  readonly name: Identifier;
  readonly params: readonly Identifier[];
  readonly body: Expr | Block;
}

export interface ReturnStmt extends Node {
  readonly kind: 'Return';
  readonly value: Expr | null;
}

export interface ForStmt extends Node {
  readonly kind: 'For';
  readonly variable: Identifier;
  readonly iterable: Expr;
  readonly body: Block;
}

export interface IfStmt extends Node {
  readonly kind: 'If';
  readonly condition: Expr;
  readonly then: Block;
  /** `else { }` or `else if ...` */
  readonly otherwise: Block | IfStmt | null;
}

export interface ImportStmt extends Node {
  readonly kind: 'Import';
  readonly path: StringLit;
}

export interface SeedStmt extends Node {
  readonly kind: 'Seed';
  readonly value: Expr;
}

export interface UseStmt extends Node {
  readonly kind: 'Use';
  readonly ring: Identifier;
}

export interface ExprStmt extends Node {
  readonly kind: 'ExprStmt';
  readonly expr: Expr;
}

export interface Block extends Node {
  readonly kind: 'Block';
  readonly body: readonly Stmt[];
}

export type Stmt =
  | RingStmt | LetStmt | AssignStmt | PrintStmt | AssertStmt | FnStmt | ReturnStmt
  | ForStmt | IfStmt | ImportStmt | SeedStmt | UseStmt | ExprStmt | Block;

export interface Program extends Node {
  readonly kind: 'Program';
  readonly body: readonly Stmt[];
}
