// The `vdl` command as a user runs it: exit codes, text and JSON output, diagnostics with carets.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'vdl-cli-'));

function vdl(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/vdl.js'), ...args], { encoding: 'utf8', input, cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function script(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('vdl command', () => {
  it('prints help and version', () => {
    expect(vdl(['--help'])).toMatchObject({ code: 0 });
    expect(vdl(['--help']).stdout).toContain('vdl run FILE');
    expect(vdl(['--version']).stdout).toMatch(/^vdl \d+\.\d+\.\d+/);
  });

  it('exits 2 on usage errors', () => {
    expect(vdl([]).code).toBe(2);
    expect(vdl(['frobnicate']).code).toBe(2);
    expect(vdl(['run']).code).toBe(2);
    expect(vdl(['run', 'x.vdl', '--seed', 'abc']).code).toBe(2);
    expect(vdl(['run', path.join(dir, 'missing.vdl')]).code).toBe(2);
  });

  it('runs a script as text and as JSON lines', () => {
    const file = script('ok.vdl', 'print 1/2, 2^60;\nprint [1, "a"], {real: 2};\nprint 2^53;\n');
    expect(vdl(['run', file])).toMatchObject({ code: 0, stdout: '1/2, 1152921504606846976\n[1, "a"], {real: 2}\n9007199254740992\n' });
    // The contract's encoding (LANGUAGE.md "Output"), kept behind --json-plain; --json is typed (test/cli-json.test.ts).
    const json = vdl(['run', file, '--json-plain']);
    expect(json.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([['1/2', '1152921504606846976'], [[1, 'a'], { real: 2 }], '9007199254740992']);
  });

  it('runs a script from standard input (-) and from the command line (-e)', () => {
    expect(vdl(['run', '-'], 'print 6*7;\n')).toMatchObject({ code: 0, stdout: '42\n' });
    expect(vdl(['-e', 'print 1/2 + 1/3;'])).toMatchObject({ code: 0, stdout: '5/6\n' });
    const bad = vdl(['run', '-e', 'print nosuch;']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("<-e>:1:7: error: unknown name 'nosuch'\n  print nosuch;\n        ^~~~~~");
  });

  it('points at an unknown option and exits 2', () => {
    const r = vdl(['run', 'x.vdl', '--sed=5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vdl: error: unknown option '--sed'; did you mean --seed\?\n {2}vdl run x\.vdl --sed=5\n {16}\^~{6}\n/);
  });

  it('reports an error with file, line, column and a caret, and exits 1', () => {
    const file = script('bad.vdl', 'let a = 1;\nprint a + b;\n');
    const r = vdl(['run', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:2:11: error: unknown name 'b'`);
    expect(r.stderr).toContain('  print a + b;\n            ^');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('check reports every syntax error at once', () => {
    const file = script('syntax.vdl', 'let a = ;\nprint 1 +;\nlet b = 2;\n');
    const r = vdl(['check', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(':1:');
    expect(r.stderr).toContain(':2:');
    expect(vdl(['check', script('good.vdl', 'print 1;')]).code).toBe(0);
  });

  it('stops quietly when its output is closed early (vdl run x | head)', () => {
    const file = script('many.vdl', 'for k in 1..20000 { print k; }');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/vdl.js run "${file}" | head -1; echo "status $?"`], { encoding: 'utf8', cwd: root });
    expect(r.stdout).toBe('1\nstatus 0\n');
    expect(r.stderr).not.toContain('EPIPE');
  });

  it('uses the seed', () => {
    const file = script('seed.vdl', 'print random(1000000);');
    expect(vdl(['run', file, '--seed=5']).stdout).toBe(vdl(['run', file, '--seed', '5']).stdout);
    expect(vdl(['run', file, '--seed', '5']).stdout).not.toBe(vdl(['run', file, '--seed', '6']).stdout);
  });

  it('stops at the timeout', () => {
    const file = script('loop.vdl', 'let s = 0;\nfor k in 1..10000000 { s = s + k; }\n');
    const r = vdl(['run', file, '--timeout', '0.5']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('timed out after 0.5 s');
  });

  it('repl in piped mode gives the same values as run', () => {
    const lines = 'let a = 2;\nfn f(x) {\n  return x * a;\n}\nprint f(21);\nprint nosuch;\nprint 1/3;\n';
    const r = vdl(['repl'], lines);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('42\n');
    expect(r.stdout).toContain("unknown name 'nosuch'");
    expect(r.stdout).toContain('1/3\n');
  });
});
