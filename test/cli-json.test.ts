// `vdl run --json`: typed JSON (docs/json.md) for every kind of value, one line per print whatever
// the number of values, errors as JSON objects, and the docs' Python snippet that reads the output
// into SymPy (run when python3 has sympy).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'vdl-cli-json-'));

function vdl(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/vdl.js'), ...args], { encoding: 'utf8', cwd: root, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function script(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON is checked member by member */
function lines(text: string): any[] {
  return text.trim().split('\n').map((l) => JSON.parse(l));
}

const RING = { name: 'R', field: 'QQ', variables: ['x', 'w[1]', 'w[2]'], sympy: ['x', 'w_1', 'w_2'], order: 'grevlex' };

describe('vdl run --json (typed)', () => {
  const file = script(
    'kinds.vdl',
    [
      'ring R = QQ[x, w[1..2]];',
      'print 1/2;',
      'print 1/2, 2^60, -3;',
      'print 0.25 + float(0), "s", 1 == 1;',
      'print w[1]^2*w[2] - 1/2*x;',
      'print ideal(x, w[1]), R, w;',
      'print [1, [2]], {a: 1, b: "t"};',
      'print hilbertSeries(ideal(x^2, w[1]^3));',
      'print V(x*w[1]), diag(1, -1/2);',
      'print gb(ideal(x^2 - 1, w[1], w[2]));',
      'fn f(a) = a; print f, gb;',
      '',
    ].join('\n'),
  );
  // One run serves the tests that read it (each spawn costs seconds on a loaded machine).
  let typed: ReturnType<typeof vdl> | undefined;
  const run = () => (typed ??= vdl(['run', file, '--json']));

  it('prints one object per print, with the statement\'s line, whatever the number of values', () => {
    const r = run();
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => [o.type, o.line, o.values.length])).toEqual([
      ['print', 2, 1], ['print', 3, 3], ['print', 4, 3], ['print', 5, 1], ['print', 6, 3], ['print', 7, 2],
      ['print', 8, 1], ['print', 9, 2], ['print', 10, 1], ['print', 11, 2],
    ]);
    // print a and print a, b encode a alike.
    expect(out[1].values[0]).toEqual(out[0].values[0]);
  });

  it('tags every kind of value', () => {
    const out = lines(run().stdout).map((o) => o.values);
    expect(out[0]).toEqual([{ type: 'rational', value: '1/2' }]);
    expect(out[1].slice(1)).toEqual([{ type: 'integer', value: '1152921504606846976' }, { type: 'integer', value: '-3' }]);
    expect(out[2]).toEqual([{ type: 'float', value: 0.25 }, { type: 'string', value: 's' }, { type: 'bool', value: true }]);
    expect(out[3]).toEqual([{ type: 'polynomial', value: 'w[1]^2*w[2] - 1/2*x', sympy: 'w_1**2*w_2 - 1/2*x', ring: RING }]);
    expect(out[4]).toEqual([
      { type: 'ideal', generators: ['x', 'w[1]'], sympy: ['x', 'w_1'], ring: RING },
      { type: 'ring', ...RING, value: 'QQ[x, w[1], w[2]]' },
      { type: 'family', name: 'w', ranges: [[1, 2]], ring: RING },
    ]);
    expect(out[5]).toEqual([
      { type: 'list', items: [{ type: 'integer', value: '1' }, { type: 'list', items: [{ type: 'integer', value: '2' }] }] },
      { type: 'record', fields: { a: { type: 'integer', value: '1' }, b: { type: 'string', value: 't' } } },
    ]);
    // R/(x^2, w1^3) in three variables: (1 + t)(1 + t + t^2)/(1 - t) = (1 + 2t + 2t^2 + t^3)/(1 - t).
    expect(out[6][0]).toMatchObject({ type: 'series', numerator: ['1', '2', '2', '1'], power: 1, value: '(1 + 2*t + 2*t^2 + t^3)/(1 - t)', sympy: '(1 + 2*t + 2*t**2 + t**3)/(1 - t)' });
    expect(out[6][0].how.algorithm).toBe('hilbert-series');
    expect(out[7][0]).toEqual({ type: 'variety', generators: ['x*w[1]'], sympy: ['x*w_1'], ring: RING });
    expect(out[7][1]).toEqual({ type: 'form', matrix: [['1', '0'], ['0', '-1/2']] });
    expect(out[9]).toEqual([{ type: 'function', name: 'f', params: ['a'] }, { type: 'builtin', name: 'gb' }]);
  });

  it('puts provenance under "how", once per list', () => {
    const [gb] = lines(run().stdout)[8].values;
    expect(gb.type).toBe('list');
    expect(gb.how).toMatchObject({ algorithm: 'modular', field: 'QQ', certified: false });
    // The items were obtained the same way: they do not repeat it.
    expect(gb.items.map((p: any) => p.sympy)).toEqual(['w_2', 'w_1', 'x**2 - 1']);
    expect(gb.items.every((p: any) => p.how === undefined)).toBe(true);
  });

  it('prints errors as JSON objects on stderr and exits 1', () => {
    const bad = script('bad.vdl', 'let a = 1;\nprint a + b;\n');
    const r = vdl(['run', bad, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([
      { type: 'error', file: bad, line: 2, col: 11, endLine: 2, endCol: 12, code: 'unknown-name', message: "unknown name 'b'" },
    ]);
    const syntax = lines(vdl(['run', script('syntax.vdl', 'let a = ;\n'), '--json']).stderr);
    expect(syntax[0]).toMatchObject({ type: 'error', line: 1, code: 'syntax' });
    const missing = vdl(['run', path.join(dir, 'missing.vdl'), '--json']);
    expect(missing.code).toBe(2);
    expect(lines(missing.stderr)[0]).toMatchObject({ type: 'error', code: 'cannot-read' });
  });

  it('--json-plain keeps the contract\'s plain encoding and text errors', () => {
    expect(lines(vdl(['run', file, '--json-plain']).stdout).slice(0, 4)).toEqual([
      '1/2', ['1/2', '1152921504606846976', -3], [0.25, 's', true], 'w[1]^2*w[2] - 1/2*x',
    ]);
    const r = vdl(['run', script('bad2.vdl', 'print b;\n'), '--json-plain']);
    expect(r.stderr).toContain('bad2.vdl:1:7: error: unknown name');
  });
});

const sympy = spawnSync('python3', ['-c', 'import sympy'], { encoding: 'utf8' });
const hasSympy = sympy.status === 0;

describe.skipIf(!hasSympy)('the docs/json.md snippet reads vdl output into SymPy (needs python3 with sympy)', () => {
  it('gives the polynomials SymPy computes itself', () => {
    const doc = readFileSync(path.join(root, 'docs/json.md'), 'utf8');
    const snippet = /```python\n([\s\S]*?)```/.exec(doc)![1]!;
    const file = script('sympy.vdl', 'ring R = QQ[x, w[1..2]];\nprint (w[1] - x)^2*w[2] - 1/2;\nprint 3/4, ideal(w[1]*w[2] - 1);\n');
    const json = vdl(['run', file, '--json']).stdout;
    const read = spawnSync('python3', ['-c', snippet], { input: json, encoding: 'utf8' });
    expect(read.stderr).toBe('');
    // SymPy's own expansion of the same product, by an independent route (its arithmetic, not vdl's).
    const own = spawnSync('python3', ['-c', 'import sympy as s\nx, w_1, w_2 = s.symbols("x w_1 w_2")\nprint(s.expand((w_1 - x)**2*w_2 - s.Rational(1, 2)))\nprint(s.Rational(3, 4))\nprint([w_1*w_2 - 1])'], { encoding: 'utf8' });
    expect(read.stdout).toBe(own.stdout);
  });
});
