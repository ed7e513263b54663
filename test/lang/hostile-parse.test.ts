// Issue 15, hostile sizes in the front end: megabyte literals are read in linear time without
// recursion that can overflow; long operator chains and deep nesting give values or located
// "too deeply" errors; the static checks never overflow the stack.
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/lang/ast.js';
import { parseProgram } from '../../src/lang/parse.js';
import { check, run } from '../../src/lang/run.js';
import { runLines } from '../helpers.js';

/** Every number, sign and list of a literal, with the source text under its span. */
function leaves(e: Expr, source: string, out: string[] = []): string[] {
  const text = source.slice(e.span.startOffset, e.span.endOffset);
  if (e.kind === 'List') {
    expect(text.startsWith('[') && text.endsWith(']')).toBe(true);
    out.push(`list(${e.items.length})`);
    for (const item of e.items) leaves(item, source, out);
  } else if (e.kind === 'Unary') {
    expect(text).toBe(`-${source.slice(e.operand.span.startOffset, e.operand.span.endOffset)}`);
    out.push('-');
    leaves(e.operand, source, out);
  } else if (e.kind === 'Number') {
    expect(text).toBe(e.text);
    out.push(e.text);
  } else {
    out.push(e.kind);
  }
  return out;
}

describe('list literals of numbers', () => {
  const rows = Array.from({ length: 12 }, (_, i) => `[${[i, -i - 1, `${i}.5`, `-${i}e2`].join(', ')}]`);
  const long = `[${rows.join(',\n ')}]`;

  it('read in one pass give the AST and values the grammar gives', () => {
    // The long literal takes the one-pass reader; each row alone (short) goes through the grammar.
    const source = `let M = ${long};`;
    const { program, diagnostics } = parseProgram(source, 'm.vdl');
    expect(diagnostics).toEqual([]);
    const M = (program.body[0] as { value: Expr }).value;
    const expected = ['list(12)'];
    for (const row of rows) {
      const alone = parseProgram(`let r = ${row};`, 'r.vdl');
      const r = alone.program.body[0] as { value: Expr };
      expected.push(...leaves(r.value, `let r = ${row};`));
    }
    expect(leaves(M, source)).toEqual(expected);
    expect(runLines(`let M = ${long};\nlet N = [${rows.join(', ')}];\nprint M == N, M[3][2], M[12][4];`)).toEqual(['true, -3, -1100']);
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
