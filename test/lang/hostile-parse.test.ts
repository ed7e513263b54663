// Issue 15, hostile sizes in the front end: megabyte literals are read in linear time without
// recursion that can overflow; long operator chains and deep nesting give values or located
// "too deeply" errors; the static checks never overflow the stack.
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/lang/ast.js';
import { highlightTokens, tokenize } from '../../grammar/lexer.js';
import { parseProgram } from '../../src/lang/parse.js';
import { check, run } from '../../src/lang/run.js';
import { runLines } from '../helpers.js';

describe('list literals of numbers', () => {
  const rows = Array.from({ length: 12 }, (_, i) => `[${[i, -i - 1, `${i}.5`, `-${i}e2`].join(', ')}]`);
  const long = `[${rows.join(',\n ')}]`;

  it('read in one pass give the values the grammar gives', () => {
    // The long literal is one NumericList token (a NumberList node of exact numbers); each row alone
    // (short) goes through the grammar, so N below is built by the general route.
    const source = `let M = ${long};`;
    const { program, diagnostics } = parseProgram(source, 'm.vdl');
    expect(diagnostics).toEqual([]);
    const M = (program.body[0] as { value: Expr }).value;
    expect(M.kind).toBe('NumberList');
    expect(source.slice(M.span.startOffset, M.span.endOffset)).toBe(long);
    expect(M.span).toMatchObject({ startLine: 1, startColumn: 9, endLine: 12 });
    for (const row of rows) expect((parseProgram(`let r = ${row};`, 'r.vdl').program.body[0] as { value: Expr }).value.kind).toBe('List');
    expect(runLines(`let M = ${long};\nlet N = [${rows.join(', ')}];\nprint M == N, M[3][2], M[12][4], M[2][3];`)).toEqual(['true, -3, -1100, 3/2']);
  });

  it('reports an out-of-range exponent inside a long list at the number', () => {
    const bad = long.replace('-5e2', '-5e200000');
    const { diagnostics } = parseProgram(`let M = ${bad};`, 'm.vdl');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ message: 'the exponent of this number is too large', span: { startLine: 6, startColumn: 16 } });
  });

  it('are not taken for an index, a range or a list with names or comments', () => {
    const numbers = Array.from({ length: 20 }, (_, k) => k + 1).join(', ');
    const kinds = (source: string) => tokenize(source).tokens.map((t) => t.tokenType.name);
    expect(kinds(`[${numbers}]`)).toEqual(['NumericList']);
    expect(kinds(`v[${numbers}]`)).not.toContain('NumericList');
    expect(kinds(`[${numbers}, x]`)).not.toContain('NumericList');
    expect(kinds(`[${numbers}, 1..3]`)).not.toContain('NumericList');
    expect(kinds(`[${numbers} // twenty\n]`)).not.toContain('NumericList');
    expect(kinds(`[${numbers}, 2x]`)).not.toContain('NumericList');
    // and the editor colours its parts as numbers, signs and punctuation
    const colours = highlightTokens(`[1, -2, ${numbers}]`).slice(0, 5).map((h) => h.category);
    expect(colours).toEqual(['punctuation', 'number', 'punctuation', 'operator', 'number']);
  });

  it('still reports errors inside a list at their place', () => {
    const bad = long.replace('[5, -6', '[5, -6 7');
    const { diagnostics } = parseProgram(`let M = ${bad};`, 'm.vdl');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.span.startLine).toBe(6);
  });

  it('reads a 100,000-element list literal', () => {
    const source = `let L = [${Array.from({ length: 100000 }, (_, j) => (j % 7) - 3).join(',')}];\nprint length(L), L[100000], sum(L);`;
    expect(runLines(source)).toEqual([`100000, ${(99999 % 7) - 3}, ${Array.from({ length: 100000 }, (_, j) => (j % 7) - 3).reduce((a, b) => a + b, 0)}`]);
  });
});

describe('long strings and chains', () => {
  it('lexes a 9 MB string (no regular-expression stack overflow)', () => {
    const r = run(`let s = "${'ab\\"'.repeat(3_000_000)}";\nprint length(s);`);
    expect(r.diagnostics).toEqual([]);
    expect(r.prints[0]!.text).toBe('9000000');
  });

  it('evaluates and checks a sum of 10,000 terms and a chain of 10,000 ands', () => {
    expect(runLines(`print ${Array.from({ length: 10000 }, (_, k) => k % 3).join(' + ')};`)).toEqual(['9999']);
    expect(runLines(`print ${Array(10000).fill('true').join(' and ')}, ${Array(10000).fill('false').join(' or ')};`)).toEqual(['true, false']);
    expect(check(`fn f(x) = x;\nprint ${Array(10000).fill('f(1)').join(' * ')};`).ok).toBe(true);
  });

  it('refuses 3,000 chained field accesses or calls with a located error, in check and run', () => {
    for (const source of [`let r = {a: 1};\nprint r${'.a'.repeat(3000)};`, `fn f(x) = [x];\nprint f(1)${'[1]'.repeat(3000)};`, `let f = 1;\nprint f${'(1)'.repeat(3000)};`]) {
      const checked = check(source, { file: 'deep.vdl' });
      expect(checked.ok).toBe(false);
      expect(checked.diagnostics[0]!.message).toBe('this expression is nested too deeply (more than 500 levels)');
      expect(checked.diagnostics[0]!.span.startLine).toBe(2);
      expect(run(source).diagnostics[0]!.code).toBe('syntax');
    }
  });

  it('evaluates 400 chained field accesses', () => {
    expect(runLines(`let r = 7;\nfor i in 1..400 { r = {a: r}; }\nprint r${'.a'.repeat(400)};`)).toEqual(['7']);
  });
});
