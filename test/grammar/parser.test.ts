// parseProgram on well-formed programs: every statement form and expression form gives the expected
// AST (kinds, names, nesting, precedence), exact numbers, decoded strings, and accurate spans.
import { describe, expect, it } from 'vitest';
import type { Expr, Stmt } from '../../src/lang/ast.js';
import type { NumericListShape, NumericListValues } from '../../grammar/numeric-list.js';
import { numberListRational } from '../../src/lang/number-list.js';
import { parseProgram } from '../../src/lang/parse.js';
import { decodeNumber } from '../../src/lang/build-ast.js';

function parseOk(source: string): readonly Stmt[] {
  const { program, diagnostics } = parseProgram(source, 'test.vdl');
  expect(diagnostics.map((d) => `${d.span.startLine}:${d.span.startColumn} ${d.message}`)).toEqual([]);
  return program.body;
}

function stmt(source: string): Stmt {
  const body = parseOk(source);
  expect(body).toHaveLength(1);
  return body[0]!;
}

function expr(source: string): Expr {
  const s = stmt(`${source};`);
  if (s.kind !== 'ExprStmt') throw new Error(`expected an expression statement, got ${s.kind}`);
  return s.expr;
}

function numberItem(v: NumericListValues, i: number | NumericListShape): string {
  if (typeof i !== 'number') return `[${i.map((x) => numberItem(v, x)).join(' ')}]`;
  const { num, den } = numberListRational(v, i);
  return den === 1n ? `${num}` : `${num}/${den}`;
}

/** A compact s-expression of an expression, to check structure and precedence at a glance. */
function sexpr(e: Expr): string {
  switch (e.kind) {
    case 'Number': return e.den === 1n ? `${e.num}` : `${e.num}/${e.den}`;
    case 'String': return JSON.stringify(e.value);
    case 'Bool': return `${e.value}`;
    case 'Name': return e.name;
    case 'Binary': return `(${e.op} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case 'Unary': return `(${e.op} ${sexpr(e.operand)})`;
    case 'Call': {
      const parts = [sexpr(e.callee), ...e.args.map(sexpr), ...e.kwargs.map((k) => `${k.name.name}=${sexpr(k.value)}`)];
      return `(call ${parts.join(' ')})`;
    }
    case 'Index': return `(index ${sexpr(e.target)} ${e.indices.map(sexpr).join(' ')})`;
    case 'Field': return `(. ${sexpr(e.target)} ${e.name.name})`;
    case 'List': return `[${e.items.map(sexpr).join(' ')}]`;
    case 'NumberList': return numberItem(e.values, e.values.shape);
    case 'Record': return `{${e.fields.map((f) => `${f.key.name}: ${sexpr(f.value)}`).join(', ')}}`;
    case 'Range': return `(.. ${sexpr(e.from)} ${sexpr(e.to)})`;
  }
}

const p = (source: string) => sexpr(expr(source));

describe('ring statements', () => {
  it('parses variables over QQ', () => {
    const s = stmt('ring R = QQ[x, y, z];');
    expect(s).toMatchObject({
      kind: 'Ring',
      name: { kind: 'Identifier', name: 'R' },
      coefficients: { kind: 'Name', name: 'QQ' },
      vars: [
        { name: { name: 'x' }, indices: null },
        { name: { name: 'y' }, indices: null },
        { name: { name: 'z' }, indices: null },
      ],
      options: [],
    });
  });

  it('parses GF(p) coefficients and options', () => {
    const s = stmt('ring S = GF(32003)[a, b, order = lex];');
    if (s.kind !== 'Ring') throw new Error(s.kind);
    expect(sexpr(s.coefficients)).toBe('(call GF 32003)');
    expect(s.vars.map((v) => v.name.name)).toEqual(['a', 'b']);
    expect(s.options.map((o) => [o.name.name, sexpr(o.value)])).toEqual([['order', 'lex']]);
  });

  it('parses indexed families with ranges', () => {
    const s = stmt('ring M = QQ[w[1..2, 1..3], v[1..3], u[4]];');
    if (s.kind !== 'Ring') throw new Error(s.kind);
    expect(s.vars.map((v) => [v.name.name, v.indices?.map(sexpr)])).toEqual([
      ['w', ['(.. 1 2)', '(.. 1 3)']],
      ['v', ['(.. 1 3)']],
      ['u', ['4']],
    ]);
    expect(s.vars[0]!.span).toMatchObject({ startColumn: 13, endColumn: 26 });
  });

  it('parses block orders', () => {
    const s = stmt('ring T = QQ[x, y, z, order = [grevlex(x, y), grevlex(z)]];');
    if (s.kind !== 'Ring') throw new Error(s.kind);
    expect(sexpr(s.options[0]!.value)).toBe('[(call grevlex x y) (call grevlex z)]');
  });
});

describe('declarations and assignments', () => {
  it('parses let', () => {
    expect(stmt('let f = x^2 + y^2 - 1;')).toMatchObject({
      kind: 'Let', declKind: 'let', name: { name: 'f' },
      value: { kind: 'Binary', op: '-' },
    });
  });

  it.each(['variety', 'form', 'projection', 'network', 'ideal'] as const)('parses typed declaration %s', (word) => {
    expect(stmt(`${word} X = g(1);`)).toMatchObject({ kind: 'Let', declKind: word, name: { name: 'X' } });
  });

  it('keeps the declaration words usable as names', () => {
    const body = parseOk(
      'ideal I = ideal(f, x*y - 1); projection p = projection(Q); form Q = form(M); let ideal2 = 1; let network = 2; ideal = 3;',
    );
    expect(body.map((s) => s.kind)).toEqual(['Let', 'Let', 'Let', 'Let', 'Let', 'Assign']);
    const first = body[0]!;
    if (first.kind !== 'Let') throw new Error(first.kind);
    expect(sexpr(first.value)).toBe('(call ideal f (- (* x y) 1))');
    expect(body[3]).toMatchObject({ declKind: 'let', name: { name: 'ideal2' } });
    expect(body[4]).toMatchObject({ declKind: 'let', name: { name: 'network' } });
    expect(body[5]).toMatchObject({ kind: 'Assign', name: { name: 'ideal' } });
    expect(p('ideal(f, g)')).toBe('(call ideal f g)');
  });

  it('parses assignment, distinct from ==', () => {
    expect(stmt('f = f + 1;')).toMatchObject({ kind: 'Assign', name: { name: 'f' }, value: { op: '+' } });
    expect(stmt('f == 1;')).toMatchObject({ kind: 'ExprStmt', expr: { kind: 'Binary', op: '==' } });
  });
});

describe('other statements', () => {
  it('parses print with several values', () => {
    const s = stmt('print dim(I), degree(I);');
    if (s.kind !== 'Print') throw new Error(s.kind);
    expect(s.values.map(sexpr)).toEqual(['(call dim I)', '(call degree I)']);
  });

  it('parses assert with and without a message', () => {
    expect(stmt('assert x == 4;')).toMatchObject({ kind: 'Assert', condition: { op: '==' }, message: null });
    expect(stmt('assert degree(I) == 4, "why it matters";')).toMatchObject({
      kind: 'Assert', message: { kind: 'String', value: 'why it matters' },
    });
  });

  it('parses both function forms and return', () => {
    expect(stmt('fn sq(a) = a * a;')).toMatchObject({
      kind: 'Fn', name: { name: 'sq' }, params: [{ name: 'a' }], body: { kind: 'Binary', op: '*' },
    });
    const g = stmt('fn g(a, b) { let c = a + b; return c; }');
    expect(g).toMatchObject({
      kind: 'Fn', params: [{ name: 'a' }, { name: 'b' }],
      body: { kind: 'Block', body: [{ kind: 'Let' }, { kind: 'Return', value: { kind: 'Name', name: 'c' } }] },
    });
    expect(stmt('fn h() { return; }')).toMatchObject({ params: [], body: { body: [{ kind: 'Return', value: null }] } });
  });

  it('parses for loops over ranges and lists', () => {
    const s = stmt('for k in 1..4 { print k, sq(k); }');
    expect(s).toMatchObject({
      kind: 'For', variable: { name: 'k' },
      iterable: { kind: 'Range', from: { num: 1n }, to: { num: 4n } },
      body: { kind: 'Block', body: [{ kind: 'Print' }] },
    });
    expect(stmt('for e in list { }')).toMatchObject({ iterable: { kind: 'Name', name: 'list' }, body: { body: [] } });
  });

  it('parses if / else if / else chains', () => {
    const s = stmt('if dim(I) == 0 { print "finite"; } else if x { print 1; } else { print "infinite"; }');
    expect(s).toMatchObject({
      kind: 'If', condition: { op: '==' }, then: { kind: 'Block', body: [{ kind: 'Print' }] },
      otherwise: {
        kind: 'If', condition: { kind: 'Name', name: 'x' },
        otherwise: { kind: 'Block', body: [{ kind: 'Print', values: [{ value: 'infinite' }] }] },
      },
    });
    expect(stmt('if a { }')).toMatchObject({ otherwise: null });
  });

  it('parses import, seed, use, blocks and expression statements', () => {
    const body = parseOk('import "stdlib/matrices.vdl"; seed 42; use R; { let a = 1; { } } f(x);;');
    expect(body.map((s) => s.kind)).toEqual(['Import', 'Seed', 'Use', 'Block', 'ExprStmt']);
    expect(body[0]).toMatchObject({ path: { kind: 'String', value: 'stdlib/matrices.vdl' } });
    expect(body[1]).toMatchObject({ value: { kind: 'Number', num: 42n } });
    expect(body[2]).toMatchObject({ ring: { name: 'R' } });
    expect(body[3]).toMatchObject({ body: [{ kind: 'Let' }, { kind: 'Block', body: [] }] });
  });
});

describe('expressions', () => {
  it('gives * and / precedence over + and -, all left associative', () => {
    expect(p('a + b * c - d / e')).toBe('(- (+ a (* b c)) (/ d e))');
    expect(p('a - b - c')).toBe('(- (- a b) c)');
    expect(p('a / b * c')).toBe('(* (/ a b) c)');
  });

  it('makes ^ right associative and tighter than unary minus', () => {
    expect(p('2^3^2')).toBe('(^ 2 (^ 3 2))');
    expect(p('-x^2')).toBe('(- (^ x 2))');
    expect(p('2^-1')).toBe('(^ 2 (- 1))');
    expect(p('-2 * -x')).toBe('(* (- 2) (- x))');
    expect(p('a * b^2')).toBe('(* a (^ b 2))');
  });

  it('orders comparisons, not, and, or, range', () => {
    expect(p('a + 1 < b * 2')).toBe('(< (+ a 1) (* b 2))');
    expect(p('not a == b and c or d')).toBe('(or (and (not (== a b)) c) d)');
    expect(p('a or b and c')).toBe('(or a (and b c))');
    expect(p('1 + 1..n - 1')).toBe('(.. (+ 1 1) (- n 1))');
    for (const op of ['==', '!=', '<', '<=', '>', '>=']) expect(p(`a ${op} b`)).toBe(`(${op} a b)`);
  });

  it('parses calls with keyword arguments, distinct from ==', () => {
    expect(p('f(a, b, key = v)')).toBe('(call f a b key=v)');
    expect(p('f(a == b)')).toBe('(call f (== a b))');
    expect(p('subs(f, x = 1, y = t)')).toBe('(call subs f x=1 y=t)');
    expect(p('nnls(A, b, method = "reparam")')).toBe('(call nnls A b method="reparam")');
    expect(p('g()')).toBe('(call g)');
    expect(p('f(x)(y)')).toBe('(call (call f x) y)');
  });

  it('parses indexing, field access and their chains', () => {
    expect(p('L[1]')).toBe('(index L 1)');
    expect(p('w[1,2]')).toBe('(index w 1 2)');
    expect(p('r.real')).toBe('(. r real)');
    expect(p('solve(I).points[1][2]')).toBe('(index (index (. (call solve I) points) 1) 2)');
    expect(p('-L[1]^2')).toBe('(- (^ (index L 1) 2))');
  });

  it('parses literals: lists, matrices, records, booleans, parentheses', () => {
    expect(p('[a, b]')).toBe('[a b]');
    expect(p('[]')).toBe('[]');
    expect(p('[[1, 2], [3, 4]]')).toBe('[[1 2] [3 4]]');
    expect(p('f({complex: 6, real: 2})')).toBe('(call f {complex: 6, real: 2})');
    expect(p('f({})')).toBe('(call f {})');
    expect(p('[true, false]')).toBe('[true false]');
    expect(p('(a + b) * c')).toBe('(* (+ a b) c)');
  });

  it('reads a statement starting with { as a block, and ({...}) as a record', () => {
    expect(stmt('{ }')).toMatchObject({ kind: 'Block' });
    expect(stmt('({a: 1});')).toMatchObject({ kind: 'ExprStmt', expr: { kind: 'Record' } });
    expect(stmt('let r = {a: 1};')).toMatchObject({ kind: 'Let', value: { kind: 'Record' } });
  });
});

describe('numbers and strings', () => {
  it('reads numbers exactly', () => {
    expect(expr('10')).toMatchObject({ kind: 'Number', num: 10n, den: 1n, text: '10' });
    expect(expr('0.25')).toMatchObject({ num: 1n, den: 4n, text: '0.25' });
    expect(expr('0.1')).toMatchObject({ num: 1n, den: 10n });
    expect(expr('1.5e-3')).toMatchObject({ num: 3n, den: 2000n, text: '1.5e-3' });
    expect(expr('1e3')).toMatchObject({ num: 1000n, den: 1n });
    expect(expr('2.50')).toMatchObject({ num: 5n, den: 2n });
    expect(expr('0.0')).toMatchObject({ num: 0n, den: 1n });
    expect(expr('123456789012345678901234567890')).toMatchObject({ num: 123456789012345678901234567890n, den: 1n });
    expect(p('3/4')).toBe('(/ 3 4)');
  });

  it('decodes number text', () => {
    expect(decodeNumber('1.25E+2')).toEqual({ num: 125n, den: 1n });
    expect(decodeNumber('7e-2')).toEqual({ num: 7n, den: 100n });
    expect(decodeNumber('1e999999999')).toBeNull();
  });

  it('decodes string escapes', () => {
    expect(expr('"a\\"b\\\\c\\nd\\te"')).toMatchObject({ kind: 'String', value: 'a"b\\c\nd\te' });
    expect(expr('""')).toMatchObject({ value: '' });
  });
});

describe('spans', () => {
  const source = 'ring R = QQ[x];\nlet f = x^2 + 1;\n  print f, 3;\n';
  const { program, diagnostics } = parseProgram(source, 'spans.vdl');

  it('covers the whole file for the program', () => {
    expect(diagnostics).toEqual([]);
    expect(program.span).toMatchObject({ file: 'spans.vdl', startOffset: 0, endOffset: source.length, startLine: 1, startColumn: 1, endLine: 4, endColumn: 1 });
  });

  it('gives statements and expressions exact line/column ranges', () => {
    const [ring, let_, print] = program.body;
    expect(ring!.span).toMatchObject({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 16, startOffset: 0, endOffset: 15 });
    expect(let_!.span).toMatchObject({ startLine: 2, startColumn: 1, endColumn: 17 });
    if (let_!.kind !== 'Let') throw new Error(let_!.kind);
    expect(let_.name.span).toMatchObject({ startLine: 2, startColumn: 5, endColumn: 6 });
    expect(let_.value.span).toMatchObject({ startLine: 2, startColumn: 9, endColumn: 16 });
    if (let_.value.kind !== 'Binary') throw new Error(let_.value.kind);
    expect(let_.value.left.span).toMatchObject({ startColumn: 9, endColumn: 12 });
    expect(source.slice(let_.value.left.span.startOffset, let_.value.left.span.endOffset)).toBe('x^2');
    expect(print!.span).toMatchObject({ startLine: 3, startColumn: 3, endLine: 3, endColumn: 14 });
  });

  it('puts a span with the file name on every node', () => {
    const seen: unknown[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if ('kind' in o || 'name' in o || 'key' in o) {
          expect(o['span']).toMatchObject({ file: 'spans.vdl' });
          seen.push(o);
        }
        for (const [k, child] of Object.entries(o)) if (k !== 'span') walk(child);
      }
    };
    walk(parseProgram('ring R = QQ[w[1..2], order = lex]; fn g(a) { return f(a, k = {r: [1]}).x[2]; } if not a { } else { }', 'spans.vdl').program);
    expect(seen.length).toBeGreaterThan(25);
  });

  it('widens a parenthesised expression to its parentheses', () => {
    const e = expr('(a + b) * c');
    if (e.kind !== 'Binary') throw new Error(e.kind);
    expect(e.span).toMatchObject({ startColumn: 1, endColumn: 12 });
    expect(e.left.span).toMatchObject({ startColumn: 1, endColumn: 8 });
  });
});
