// `vdl repl` with stdin not a terminal (pipes, CI): the plain line mode, which prints what `vdl run`
// prints for the same lines, and goes on after an error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'vdl-piped-'));

function vdl(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/vdl.js'), ...args], {
    encoding: 'utf8',
    input,
    cwd: root,
    env: { ...process.env, VDL_HISTORY: path.join(dir, 'history') },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runFile(source: string, args: string[] = []) {
  const file = path.join(dir, `s${Math.random().toString(36).slice(2)}.vdl`);
  writeFileSync(file, source);
  return vdl(['run', file, ...args]);
}

const SCRIPT = [
  'let a = 2;',
  'fn f(x) {',
  '  return x * a;',
  '}',
  'print f(21);',
  'print [1/3, "s"], {r: 2};',
  'let m = [[1, 2],',
  '         [3, 4]];',
  'print m;',
  'for k in 1..3 { print k^2; }',
  'if a > 1 {',
  '  print "big";',
  '} else {',
  '  print "small";',
  '}',
  'print random(1000000);',
  '',
].join('\n');

describe('vdl repl, piped', () => {
  it('prints exactly what vdl run prints for the same lines', () => {
    const run = runFile(SCRIPT, ['--seed', '3']);
    expect(run.code).toBe(0);
    const repl = vdl(['repl', '--seed', '3'], SCRIPT);
    expect(repl.code).toBe(0);
    expect(repl.stdout).toBe(run.stdout);
    expect(repl.stderr).toBe('');
    // (and the plain mode keeps no history file)
    expect(existsSync(path.join(dir, 'history'))).toBe(false);
    expect(repl.stdout.split('\n').slice(0, 3)).toEqual(['42', '[1/3, "s"], {r: 2}', '[[1, 2], [3, 4]]']);
  });

  it('reports an error with its caret and goes on, where run stops', () => {
    const source = 'let a = 2;\nprint a;\nprint nosuch;\nprint a + 1;\n';
    // (run checks the whole file first, so it prints nothing at all)
    const run = runFile(source);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("3:7: error: unknown name 'nosuch'");
    const repl = vdl(['repl'], source);
    expect(repl.code).toBe(0);
    expect(repl.stdout).toBe("2\n<input 3>:1:7: error: unknown name 'nosuch'\n  print nosuch;\n        ^~~~~~\n3\n");
  });

  it('waits for the end of an unfinished input and reports one left open at the end', () => {
    const r = vdl(['repl'], 'print [1,\n2];\nfn g(x) {\n  return x;\n');
    expect(r.stdout).toMatch(/^\[1, 2\]\n<input 2>:2:12: error: unexpected end of input/);
  });

  it('understands the commands, and stops at :quit', () => {
    const r = vdl(['repl'], ':help gb\n:type 1/2\n:format latex\nprint 1/2;\n:quit\nprint 3;\n');
    expect(r.stdout).toMatch(/^gb\(/);
    expect(r.stdout).toContain(': Rational\nformat: latex\n\\frac{1}{2}\n');
    expect(r.stdout).not.toContain('3\n');
  });
});
