// The library API as docs/api.md shows it: parse, check, run with a seed, a signal and callbacks.
import { describe, expect, it } from 'vitest';
import { check, formatDiagnostics, parse, run, Session } from '../src/index.js';

describe('library API', () => {
  it('runs the example of docs/api.md', () => {
    const source = `
      ring R = QQ[x, y];
      let s = solve(ideal(x^2 + y^2 - 1, x - y));
      print s.complex, s.real;
    `;
    const controller = new AbortController();
    const seen: unknown[] = [];
    const result = run(source, { seed: 1, signal: controller.signal, onPrint: (p) => seen.push(p.json) });
    expect(result.ok).toBe(true);
    expect(result.prints.map((p) => p.json)).toEqual([[2, 2]]);
    expect(seen).toEqual([[2, 2]]);
  });

  it('parse returns the AST with spans; check and run report diagnostics', () => {
    const { program, diagnostics } = parse('let a = 1;\nprint a;');
    expect(diagnostics).toEqual([]);
    expect(program.body[1]).toMatchObject({ kind: 'Print', span: { startLine: 2, startColumn: 1 } });
    const checked = check('print b;', { file: 'x.vdl' });
    expect(checked.ok).toBe(false);
    const failed = run('print 1/0;', { file: 'y.vdl' });
    expect(formatDiagnostics(failed.diagnostics, failed.sources)).toBe('y.vdl:1:7: error: division by zero\n  print 1/0;\n        ^~~');
  });

  it('a session keeps state between inputs', () => {
    const session = new Session({ seed: 0 });
    expect(session.evaluate('ring R = GF(32003)[x, y, z]; let I = ideal(x^2 - y*z, y^2 - x*z, z^2 - x*y - 1);').ok).toBe(true);
    const result = session.evaluate('print length(gb(I)); dim(I);');
    expect(result.prints[0]!.text).toMatch(/^\d+$/);
    expect(result.value).toMatchObject({ kind: 'number' });
    expect(session.names()).toContain('I');
  });
});
