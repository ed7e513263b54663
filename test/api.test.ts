// The library API as docs/api.md shows it: parse, check, run with a seed, a signal and callbacks; and
// the examples of docs/api.md themselves, run by Node against the built package (imported as 'vdl'
// and 'vdl/node', as a user would).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, formatDiagnostics, parse, run, Session } from '../src/index.js';

const root = path.resolve(import.meta.dirname, '..');

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

  it('the examples of docs/api.md print what their comments say', () => {
    const doc = readFileSync(path.join(root, 'docs/api.md'), 'utf8');
    const blocks = [...doc.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBe(4);
    // Inside the package (dist/ is built by the test set-up), so that 'vdl' resolves to the package itself.
    const dir = path.join(root, 'dist', 'doc-examples');
    mkdirSync(dir, { recursive: true });
    blocks.forEach((code, i) => {
      const expected = [...code.matchAll(/console\.log\(.*\/\/ → (.*)$/gm)].map((m) => m[1]!);
      expect(expected.length).toBeGreaterThan(0);
      const file = path.join(dir, `api-${i + 1}.mjs`);
      // An example must not keep the process alive after it finishes (no timer or socket left behind).
      const leftBehind = "\nconst left = process.getActiveResourcesInfo().filter((r) => /Timeout|Immediate|TCP|UDP/.test(r));\nif (left.length > 0) console.error(`left behind: ${left.join(', ')}`);\n";
      writeFileSync(file, code + leftBehind);
      const r = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: root });
      expect(r.stderr).toBe('');
      expect(r.stdout.trimEnd().split('\n')).toEqual(expected);
    });
  });
});
