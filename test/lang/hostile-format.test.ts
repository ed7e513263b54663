// Issue 15: diagnostics format in linear time (each source's lines are indexed once, not split for
// every diagnostic: 20,000 errors took 55 s), with the same text as before: the line of the span
// without its line break (`\n` or `\r\n`), a caret under the span, nothing past the last line.
import { describe, expect, it } from 'vitest';
import { check, formatDiagnostics } from '../../src/lang/run.js';
import { formatDiagnostic, type Diagnostic } from '../../src/lang/diagnostics.js';

function at(file: string, line: number, column: number, width = 1): Diagnostic {
  const span = { file, startOffset: 0, endOffset: 0, startLine: line, startColumn: column, endLine: line, endColumn: column + width };
  return { severity: 'error', code: 'x', message: 'm', span };
}

/** The former text form (one split of the whole source per diagnostic), as the reference. */
function reference(d: Diagnostic, source: string): string {
  const text = source.split(/\r?\n/)[d.span.startLine - 1];
  const head = `${d.span.file}:${d.span.startLine}:${d.span.startColumn}: error: m`;
  if (text === undefined) return head;
  const width = Math.max(1, d.span.endColumn - d.span.startColumn);
  return [head, `  ${text}`, `  ${' '.repeat(d.span.startColumn - 1)}^${'~'.repeat(Math.max(0, Math.min(width, text.length - d.span.startColumn + 1) - 1))}`].join('\n');
}

describe('formatDiagnostic', () => {
  it('shows the line of the span as splitting the source did, for \\n, \\r\\n, a lone \\r and past the end', () => {
    const sources = ['ab\ncd\r\nef', 'x\r\n\r\ny\r', 'one\rtwo\nthree\n', '', '\n\n'];
    for (const source of sources) {
      for (let line = 1; line <= 5; line++) {
        for (const column of [1, 2, 3]) {
          const d = at('f.vdl', line, column, 2);
          expect(formatDiagnostic(d, source), JSON.stringify({ source, line, column })).toBe(reference(d, source));
        }
      }
    }
  });

  it('formats the 20,000 errors of a 20,000-line script, each with its own line', () => {
    const source = Array.from({ length: 20_000 }, (_, k) => `print zz${k};`).join('\n');
    const result = check(source, { file: 'many.vdl' });
    expect(result.diagnostics).toHaveLength(20_000);
    const text = formatDiagnostics(result.diagnostics, result.sources).split('\n');
    expect(text[0]).toBe("many.vdl:1:7: error: unknown name 'zz0'");
    expect(text).toContain("many.vdl:20000:7: error: unknown name 'zz19999'");
    expect(text).toContain('  print zz19999;');
  });
});
