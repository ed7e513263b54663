// What the language server knows about one document, as pure functions of its text (the protocol is
// in src/lsp/server.ts): diagnostics from the static checker (`check`, the same as `vdl check`),
// completion and hover from the built-in registry and the standard library (src/repl/help.ts, the
// REPL's `:help`), and go-to-definition for names bound by `let` (and the typed declarations), `fn`,
// parameters, `for`, `ring`, and for imports (the module, and names defined in it).
// Representation: positions are LSP's (0-based line, UTF-16 character), converted from the AST's
// span offsets (JavaScript string indices, also UTF-16) by TextDocument.positionAt. Name resolution is
// lexical: the innermost scope (block, function, loop) holding a declaration of the name, and in it
// the last declaration before the use (else the first, for recursion and later definitions).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  DiagnosticSeverity,
  MarkupKind,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type Hover,
  type Location,
  type Position,
  type Range,
} from 'vscode-languageserver/node';
import { Identifier, tokenize } from '../../grammar/lexer.js';
import type * as A from '../lang/ast.js';
import { allBuiltins } from '../lang/builtins/index.js';
import { isFailure, isStdlibSpec, type ModuleResolver } from '../lang/modules.js';
import { parseProgram } from '../lang/parse.js';
import { check } from '../lang/run.js';
import { nodeResolver } from '../node/resolver.js';
import { helpFor, KEYWORDS, stdlibFunctions } from '../repl/help.js';

/** The file name a document is checked under: its path for `file:` URIs, else the URI itself. */
export function fileOf(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

function uriOf(file: string): string {
  return path.isAbsolute(file) ? pathToFileURL(file).href : file;
}

/** Imports resolve as `vdl run` resolves them for the file: relative to its folder, stdlib embedded. */
export function resolverFor(uri: string): ModuleResolver {
  return uri.startsWith('file:') ? nodeResolver({ cwd: path.dirname(fileOf(uri)) }) : nodeResolver();
}

function rangeOf(doc: TextDocument, span: { startOffset: number; endOffset: number }): Range {
  return { start: doc.positionAt(span.startOffset), end: doc.positionAt(Math.max(span.endOffset, span.startOffset + 1)) };
}

// ---------------------------------------------------------------------------------------------
// Diagnostics

export function diagnose(doc: TextDocument): LspDiagnostic[] {
  const file = fileOf(doc.uri);
  const { diagnostics, program } = check(doc.getText(), { file, resolver: resolverFor(doc.uri) });
  const firstImport = program.body.find((s) => s.kind === 'Import');
  return diagnostics.map((d) => {
    const here = d.span.file === file;
    // A problem inside an imported module is shown at the import, with its own position.
    const span = here ? d.span : (firstImport?.span ?? { startOffset: 0, endOffset: 0 });
    const where = here ? '' : `${d.span.file}:${d.span.startLine}:${d.span.startColumn}: `;
    const notes = d.notes?.length ? `\n${d.notes.join('\n')}` : '';
    return {
      range: rangeOf(doc, span),
      severity: d.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
      code: d.code,
      source: 'vdl',
      message: `${where}${d.message}${notes}`,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Declarations and scopes

export interface Declaration {
  readonly name: string;
  /** The declaring identifier. */
  readonly span: A.Span;
  /** Offsets [start, end) where the name is visible. */
  readonly scope: readonly [number, number];
  readonly kind: 'let' | 'fn' | 'parameter' | 'for' | 'ring' | 'variable';
  /** The declaring statement (for hover). */
  readonly statement: A.Stmt;
}

/** Every declaration of a program with its scope. */
export function declarations(program: A.Program): Declaration[] {
  const out: Declaration[] = [];
  const TOP: [number, number] = [0, Number.POSITIVE_INFINITY];
  const walk = (stmts: readonly A.Stmt[], scope: readonly [number, number]): void => {
    for (const s of stmts) {
      switch (s.kind) {
        case 'Let':
          out.push({ name: s.name.name, span: s.name.span, scope, kind: 'let', statement: s });
          break;
        case 'Fn': {
          out.push({ name: s.name.name, span: s.name.span, scope, kind: 'fn', statement: s });
          const inner: [number, number] = [s.span.startOffset, s.span.endOffset];
          for (const p of s.params) out.push({ name: p.name, span: p.span, scope: inner, kind: 'parameter', statement: s });
          if (s.body.kind === 'Block') walk(s.body.body, inner);
          break;
        }
        case 'For': {
          const inner: [number, number] = [s.span.startOffset, s.span.endOffset];
          out.push({ name: s.variable.name, span: s.variable.span, scope: inner, kind: 'for', statement: s });
          walk(s.body.body, inner);
          break;
        }
        case 'Ring':
          out.push({ name: s.name.name, span: s.name.span, scope, kind: 'ring', statement: s });
          for (const v of [...s.params, ...s.vars.map((x) => x.name)]) out.push({ name: v.name, span: v.span, scope, kind: 'variable', statement: s });
          break;
        case 'If': {
          walk(s.then.body, [s.then.span.startOffset, s.then.span.endOffset]);
          if (s.otherwise) walk([s.otherwise], scope);
          break;
        }
        case 'Block':
          walk(s.body, [s.span.startOffset, s.span.endOffset]);
          break;
        default:
          break;
      }
    }
  };
  walk(program.body, TOP);
  return out;
}

/** The declaration a use of `name` at `offset` refers to, in this program (null if none). */
export function resolveName(program: A.Program, name: string, offset: number): Declaration | null {
  const visible = declarations(program).filter((d) => d.name === name && d.scope[0] <= offset && offset < d.scope[1]);
  if (visible.length === 0) return null;
  const width = (d: Declaration) => d.scope[1] - d.scope[0];
  const innermost = Math.min(...visible.map(width));
  const inScope = visible.filter((d) => width(d) === innermost);
  const before = inScope.filter((d) => d.span.startOffset <= offset);
  return before.length ? before[before.length - 1]! : inScope[0]!;
}

/** The name (an identifier or a declaration word used as one) under or just before the cursor. */
export function wordAt(text: string, offset: number): { name: string; start: number; end: number } | null {
  for (const t of tokenize(text).tokens) {
    const isName = t.tokenType === Identifier || t.tokenType.CATEGORIES?.includes(Identifier);
    const end = t.startOffset + t.image.length;
    if (isName && t.startOffset <= offset && offset <= end) return { name: t.image, start: t.startOffset, end };
    if (t.startOffset > offset) break;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Modules

/** The folder of the package's stdlib/ sources (shipped with it), or null. */
function stdlibFolder(): string | null {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(path.join(dir, 'stdlib', 'systems.vdl')) && existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return null;
}

interface Module {
  readonly uri: string | null;
  readonly text: string;
  readonly program: A.Program;
}

/** The module an import statement names, read through the document's resolver. */
function importedModule(doc: TextDocument, stmt: A.ImportStmt): Module | null {
  const resolver = resolverFor(doc.uri);
  const location = resolver.locate(stmt.path.value, fileOf(doc.uri));
  if (isFailure(location)) return null;
  const text = resolver.read(location);
  if (isFailure(text)) return null;
  let uri: string | null = null;
  if (isStdlibSpec(location.id)) {
    const root = stdlibFolder();
    uri = root ? pathToFileURL(path.join(root, location.id)).href : null;
  } else {
    uri = uriOf(location.id);
  }
  return { uri, text, program: parseProgram(text, location.name).program };
}

function imports(program: A.Program): A.ImportStmt[] {
  return program.body.filter((s): s is A.ImportStmt => s.kind === 'Import');
}

// ---------------------------------------------------------------------------------------------
// Definition, hover, completion

function locationIn(uri: string, text: string, span: A.Span): Location {
  return { uri, range: rangeOf(TextDocument.create(uri, 'vdl', 0, text), span) };
}

export function definition(doc: TextDocument, position: Position): Location | null {
  const text = doc.getText();
  const offset = doc.offsetAt(position);
  const { program } = parseProgram(text, fileOf(doc.uri));
  const imp = imports(program).find((s) => s.path.span.startOffset <= offset && offset < s.path.span.endOffset);
  if (imp) {
    const m = importedModule(doc, imp);
    return m?.uri ? { uri: m.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } : null;
  }
  const word = wordAt(text, offset);
  if (!word) return null;
  const local = resolveName(program, word.name, word.start);
  if (local) return locationIn(doc.uri, text, local.span);
  for (const s of imports(program)) {
    const m = importedModule(doc, s);
    if (!m?.uri) continue;
    const d = declarations(m.program).find((x) => x.name === word.name && x.scope[0] === 0 && x.scope[1] === Number.POSITIVE_INFINITY);
    if (d) return locationIn(m.uri, m.text, d.span);
  }
  return null;
}

/** The comment lines just above a line (0-based), without the slashes. */
function commentAbove(text: string, line: number): string {
  const lines = text.split('\n');
  const doc: string[] = [];
  for (let i = line - 1; i >= 0 && /^\s*\/\//.test(lines[i]!); i--) doc.unshift(lines[i]!.replace(/^\s*\/\/ ?/, ''));
  return doc.join('\n');
}

function fence(code: string): string {
  return `\`\`\`vdl\n${code}\n\`\`\``;
}

export function hover(doc: TextDocument, position: Position): Hover | null {
  const text = doc.getText();
  const word = wordAt(text, doc.offsetAt(position));
  if (!word) return null;
  const range = { start: doc.positionAt(word.start), end: doc.positionAt(word.end) };
  const { program } = parseProgram(text, fileOf(doc.uri));
  const local = resolveName(program, word.name, word.start);
  if (local) {
    const s = local.statement;
    const firstLine = text.slice(s.span.startOffset, s.span.endOffset).split('\n')[0]!;
    const head = local.kind === 'parameter' ? `parameter ${local.name} of ${firstLine}` : local.kind === 'for' ? `loop variable ${local.name}` : firstLine;
    const comment = local.kind === 'parameter' || local.kind === 'for' ? '' : commentAbove(text, s.span.startLine - 1);
    return { range, contents: { kind: MarkupKind.Markdown, value: [fence(head), comment].filter(Boolean).join('\n\n') } };
  }
  const help = helpFor(word.name);
  if (!help.ok) return null;
  const [first, ...rest] = help.text.split('\n');
  const body = rest.join('\n').trim();
  return { range, contents: { kind: MarkupKind.Markdown, value: [fence(first!), body].filter(Boolean).join('\n\n') } };
}

/** Every name that can be written here: built-ins, the standard library, keywords, the document's own. */
export function completion(doc: TextDocument): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (item: CompletionItem) => {
    if (seen.has(item.label)) return;
    seen.add(item.label);
    items.push(item);
  };
  const { program } = parseProgram(doc.getText(), fileOf(doc.uri));
  for (const d of declarations(program)) {
    add({ label: d.name, kind: d.kind === 'fn' ? CompletionItemKind.Function : CompletionItemKind.Variable, detail: `${d.kind} (this file)` });
  }
  for (const b of allBuiltins()) {
    add({ label: b.name, kind: CompletionItemKind.Function, detail: b.signature, documentation: { kind: MarkupKind.Markdown, value: b.summary } });
  }
  for (const s of stdlibFunctions()) {
    add({
      label: s.name,
      kind: CompletionItemKind.Function,
      detail: `${s.name}(${s.params.join(', ')}) from ${s.file}`,
      documentation: { kind: MarkupKind.Markdown, value: `${s.doc}\n\n\`import "${s.file}";\`` },
    });
  }
  for (const k of KEYWORDS) add({ label: k, kind: CompletionItemKind.Keyword });
  return items;
}
