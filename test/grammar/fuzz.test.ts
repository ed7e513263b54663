// Fuzzing the front end with fast-check: random token soups and random character mutations of valid
// programs never make parseProgram throw, and every diagnostic (and every AST span) lies inside the
// source with line/column matching its offset.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/lang/ast.js';
import { highlightTokens } from '../../grammar/lexer.js';
import { parseProgram } from '../../src/lang/parse.js';

const TOKENS = [
  'ring', 'let', 'fn', 'return', 'for', 'in', 'if', 'else', 'import', 'seed', 'use', 'print', 'assert',
  'and', 'or', 'not', 'true', 'false', 'variety', 'form', 'projection', 'network', 'ideal',
  'R', 'x', 'y', 'w', 'QQ', 'GF', 'order', 'lex', 'f', 'I',
  '0', '1', '42', '0.25', '1.5e-3', '1e3', '123456789012345678901234567890', '"s"', '"a\\"b"', '"unterminated',
  '+', '-', '*', '/', '^', '==', '!=', '<=', '>=', '<', '>', '=', '(', ')', '[', ']', '{', '}', ',', ';',
  ':', '.', '..', '// c\n', '/* c */', '/*', '*/',
  '@', '#', '!', '&&', '\\', '$', '\u00e9', '\t', '\r\n', '\r', '"', "'", '`', '~', '?', '\u0000',
];

const VALID = [
  'ring R = QQ[x, y, z];\nlet f = x^2 + y^2 - 1;\nf = f + 1;\nprint f;',
  'ring S = GF(32003)[a, b, order = lex];\nideal I = ideal(a*b - 1, a - b);\nprint dim(I), degree(I);',
  'ring M = QQ[w[1..2, 1..3], v[1..3]];\nlet W = [[w[1,1], w[1,2]], [w[2,1], w[2,2]]];\nassert det(W) == 0, "why";',
  'fn sq(a) = a * a;\nfn g(a, b) { let c = a + b; return c^-1; }\nfor k in 1..4 { print k, sq(k); }',
  'if dim(I) == 0 { print "finite"; } else if not x { print 1; } else { print "infinite"; }',
  'import "stdlib/matrices.vdl";\nseed 42;\nuse R;\nlet r = {complex: 6, real: 2};\nprint r.real, -L[1]^2;',
  'ring T = QQ[x, y, z, order = [grevlex(x, y), grevlex(z)]];\n/* block */ let s = subs(f, x = 1, y = 0.25); // end',
];

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\n' || (c === '\r' && source[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

function checkSpan(span: Span, source: string, starts: number[]): void {
  expect(span.startOffset).toBeGreaterThanOrEqual(0);
  expect(span.endOffset).toBeGreaterThanOrEqual(span.startOffset);
  expect(span.endOffset).toBeLessThanOrEqual(source.length);
  for (const [offset, line, column] of [
    [span.startOffset, span.startLine, span.startColumn],
    [span.endOffset, span.endLine, span.endColumn],
  ] as const) {
    expect(line).toBeGreaterThanOrEqual(1);
    expect(line).toBeLessThanOrEqual(starts.length);
    expect(starts[line - 1]! + column - 1).toBe(offset);
  }
}

/** Parse and check every invariant; returns nothing, throws (fails) on a violation. */
function check(source: string): void {
  const { program, diagnostics } = parseProgram(source, 'fuzz.vdl');
  const starts = lineStarts(source);
  for (const d of diagnostics) {
    expect(['syntax', 'syntax-eof']).toContain(d.code);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.span.file).toBe('fuzz.vdl');
    checkSpan(d.span, source, starts);
  }
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      v.forEach(walk);
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['span']) checkSpan(o['span'] as Span, source, starts);
      for (const [k, child] of Object.entries(o)) if (k !== 'span') walk(child);
    }
  };
  walk(program);
  for (const h of highlightTokens(source)) {
    expect(0 <= h.start && h.start < h.end && h.end <= source.length).toBe(true);
  }
}

const soup = fc
  .array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom('', ' ', '\n', '  ')), { maxLength: 60 })
  .map((parts) => parts.map(([t, sep]) => t + sep).join(''));

type Mutation = { op: 'delete' | 'insert' | 'swap'; at: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete' as const, 'insert' as const, 'swap' as const),
  at: fc.nat(),
  text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })),
});

function mutate(source: string, mutations: Mutation[]): string {
  let s = source;
  for (const m of mutations) {
    const at = s.length === 0 ? 0 : m.at % (s.length + 1);
    if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + 1 + (m.text.length % 3));
    else if (m.op === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (at + 1 < s.length) s = s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2);
  }
  return s;
}

describe('fuzz: parseProgram never throws and keeps spans in range', () => {
  it('the valid samples parse cleanly', () => {
    for (const source of VALID) expect(parseProgram(source).diagnostics, source).toEqual([]);
  });

  it('survives token soups', () => {
    fc.assert(fc.property(soup, (source) => check(source)), { numRuns: 600 });
  });

  it('survives random mutations of valid programs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.array(mutation, { minLength: 1, maxLength: 6 }), (source, ms) =>
        check(mutate(source, ms))),
      { numRuns: 800 },
    );
  });

  it('survives arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80, unit: 'binary' }), (source) => check(source)), { numRuns: 300 });
  });
});
