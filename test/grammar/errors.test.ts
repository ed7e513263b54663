// Syntax errors: messages, spans (line:col), recovery reporting every error of a file, lexical errors,
// and isIncompleteInput (unexpected end of input) for the REPL.
import { describe, expect, it } from 'vitest';
import { isIncompleteInput, parseProgram } from '../../src/lang/parse.js';

function errors(source: string): string[] {
  return parseProgram(source, 'e.vdl').diagnostics.map(
    (d) => `${d.span.startLine}:${d.span.startColumn} ${d.code} ${d.message}`,
  );
}

describe('error recovery', () => {
  it('reports three separate errors with their positions, and keeps the good statements', () => {
    const source = [
      'ring R = QQ[x, y];',
      'let a = x +;',          // 2: missing operand
      'let b = 2;',
      'print a b;',            // 4: missing comma
      'let c = (1 + 2;',       // 5: missing ')'
      'print c;',
    ].join('\n');
    const { program, diagnostics } = parseProgram(source, 'e.vdl');
    expect(diagnostics.map((d) => [d.span.startLine, d.span.startColumn, d.code])).toEqual([
      [2, 12, 'syntax'],
      [4, 8, 'syntax'],
      [5, 15, 'syntax'],
    ]);
    expect(diagnostics[0]!.message).toBe("expected an expression but found ';'");
    expect(diagnostics.every((d) => d.span.file === 'e.vdl')).toBe(true);
    const kinds = program.body.map((s) => s.kind);
    expect(kinds[0]).toBe('Ring');
    expect(kinds).toContain('Let');
    expect(program.body.filter((s) => s.kind === 'Let' && s.name.name === 'b')).toHaveLength(1);
    expect(program.body.at(-1)).toMatchObject({ kind: 'Print', values: [{ name: 'c' }] });
  });

  it('points a missing semicolon just after the statement', () => {
    const d = parseProgram('let x = 1\nprint x;', 'e.vdl').diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      code: 'syntax', message: "expected ';' after the statement",
      span: { startLine: 1, startColumn: 10, startOffset: 9, endOffset: 9 },
    });
  });

  it('reports stray closing brackets and keeps parsing', () => {
    expect(errors('}\nprint 1;\n)\nlet = 2;')).toEqual([
      "1:1 syntax unexpected '}'",
      "3:1 syntax unexpected ')'",
      "4:5 syntax expected a name but found '='",
    ]);
  });

  it('rejects implicit multiplication', () => {
    expect(errors('let y = 2x;')).toEqual([
      "1:10 syntax implicit multiplication is not supported: write '2*x' instead of '2x'",
    ]);
    expect(errors('let y = 2(x + 1);')[0]).toMatch(/^1:9 syntax implicit multiplication is not supported/);
  });

  it('rejects chained comparisons and ranges', () => {
    expect(errors('print a < b < c;')[0]).toMatch(/^1:13 syntax comparisons do not chain/);
    expect(errors('print 1..2..3;')[0]).toMatch(/^1:11 syntax ranges do not chain/);
  });

  it('checks argument and ring item order', () => {
    expect(errors('f(k = 1, x);')).toEqual(['1:10 syntax positional arguments must come before keyword arguments']);
    expect(errors('ring R = QQ[order = lex, x];')).toEqual(['1:26 syntax ring variables must come before the options (name = value)']);
  });

  it('explains a record at the start of a statement', () => {
    expect(errors('{a: 1};')[0]).toMatch(/^1:3 syntax a statement starting with '\{' is a block/);
    expect(errors('x := 1;')).toEqual(["1:2 syntax expected ';' after the statement"]);
  });

  it('names the expected token', () => {
    expect(errors('let x == 1;')).toEqual(["1:7 syntax expected '=' but found '=='"]);
    expect(errors('for k 1..4 { }')).toEqual(["1:7 syntax expected 'in' but found '1'"]);
    expect(errors('fn f(a, b { }')).toEqual(["1:11 syntax expected ')' but found '{'"]);
    expect(errors('ring R = QQ[x,];')).toEqual(["1:15 syntax expected a ring variable or option but found ']'"]);
    expect(errors('let 3 = 4;')).toEqual(["1:5 syntax expected a name but found '3'"]);
  });

  it('reports one error per broken statement, not a cascade', () => {
    expect(errors('f(a == b != c); if a < b < c { }')).toHaveLength(2);
  });
});

describe('lexical errors', () => {
  it('reports unexpected characters with their span', () => {
    const d = parseProgram('let x = 1;\nlet y = x @ 2;', 'e.vdl').diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({
      code: 'syntax', message: "unexpected character '@'",
      span: { startLine: 2, startColumn: 11, endLine: 2, endColumn: 12 },
    });
    expect(errors('if a && b { }')[0]).toBe("1:6 syntax unexpected '&&' (write 'and')");
    expect(errors('print !a;')[0]).toMatch(/^1:7 syntax unexpected character '!'/);
  });

  it('reports unterminated strings and unknown escapes', () => {
    expect(errors('print "abc;\nprint 1;')).toEqual([
      "1:7 syntax unterminated string: missing the closing '\"' on this line",
    ]);
    expect(errors('print "a\\qb";')).toEqual([
      '1:9 syntax unknown escape sequence \'\\q\' in a string (known: \\" \\\\ \\n \\t \\r)',
    ]);
  });

  it('reports an unterminated block comment as incomplete input', () => {
    const d = parseProgram('let x = 1; /* never closed\nlet y', 'e.vdl').diagnostics;
    expect(d.map((x) => [x.code, x.span.startLine, x.span.startColumn])).toEqual([['syntax-eof', 1, 12]]);
    expect(isIncompleteInput(d)).toBe(true);
  });

  it('reports numbers whose exponent is too large', () => {
    expect(errors('print 1e999999999;')).toEqual(['1:7 syntax the exponent of this number is too large']);
  });
});

describe('deep nesting', () => {
  it('accepts reasonable nesting and refuses absurd nesting with a diagnostic', () => {
    expect(parseProgram(`print ${'('.repeat(40)}1${')'.repeat(40)};`).diagnostics).toEqual([]);
    expect(errors(`print ${'['.repeat(100)}${']'.repeat(100)};`)).toEqual([
      '1:71 syntax brackets are nested too deeply (more than 64 levels)',
    ]);
    expect(errors(`print ${'2^'.repeat(5000)}2;`)).toEqual(['1:1 syntax this program is nested too deeply to parse']);
    expect(parseProgram(`${'-'.repeat(5000)}1;`).diagnostics).toHaveLength(1);
  });
});

describe('end of input', () => {
  it('marks unfinished input as incomplete, pointing just past the last token', () => {
    for (const source of ['fn f(a) {', 'let x = 1', 'print f(1,', 'if x { print 1; } else', 'let y = [1, 2', 'x = 1 +', 'ring R = QQ[x']) {
      const d = parseProgram(source, 'e.vdl').diagnostics;
      expect(d.length, source).toBeGreaterThan(0);
      expect(isIncompleteInput(d), source).toBe(true);
      expect(d[0]!.code).toBe('syntax-eof');
      expect(d[0]!.message).toMatch(/^unexpected end of input/);
    }
    const d = parseProgram('fn f(a) {\n  print a;  // more to come\n', 'e.vdl').diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toBe("unexpected end of input: expected '}'");
    expect(d[0]!.span).toMatchObject({ startLine: 2, startColumn: 11, startOffset: 20, endOffset: 20 });
  });

  it('does not mark real errors as incomplete', () => {
    expect(isIncompleteInput(parseProgram('1 + ;').diagnostics)).toBe(false);
    expect(isIncompleteInput(parseProgram('let x = 1; }').diagnostics)).toBe(false);
    expect(isIncompleteInput(parseProgram('print @').diagnostics)).toBe(false);
    expect(isIncompleteInput(parseProgram('let x = 1;').diagnostics)).toBe(false);
    expect(isIncompleteInput([])).toBe(false);
  });

  it('accepts empty and comment-only input', () => {
    expect(parseProgram('').diagnostics).toEqual([]);
    expect(parseProgram('// nothing\n/* at all */').program.body).toEqual([]);
    expect(parseProgram('').program.span).toMatchObject({ file: '<input>', startOffset: 0, endOffset: 0 });
  });
});
