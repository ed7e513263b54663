// Issue 14, item 7: "a script that builds a large linear model crashed the process with a V8
// out-of-memory stack after 9 minutes instead of stopping with a diagnostic". The loss of a deep
// linear network 8-8-8-8 (192 weights) on 30 data columns, built under `vdl run --max-memory 40`,
// stops at the statement that builds it with a located out-of-memory error, after what printed
// before it, with no V8 stack.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function runScript(name: string, text: string, args: string[]) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'vdl-model-')), name);
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [path.join(root, 'bin/vdl.js'), 'run', ...args, file], { encoding: 'utf8', cwd: root });
  return { file, code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const model = (widths: string, columns: number) =>
  [
    `network N = linear(${widths});`,
    `let X = randomMatrix(${widths.split(',')[0]!.trim()}, ${columns}, 9);`,
    `let Y = randomMatrix(${widths.split(',').at(-1)!.trim()}, ${columns}, 9);`,
    'print "start";',
    'let L = loss(N, X = X, Y = Y, reg = "random");',
    'print "done";',
    '',
  ].join('\n');

describe('building a large linear model stops with a diagnostic naming the statement', () => {
  it('over --max-memory: a located out-of-memory error at the loss statement, no V8 stack', () => {
    const r = runScript('model.vdl', model('8, 8, 8, 8', 30), ['--max-memory', '40']);
    expect(r).toMatchObject({ code: 1, stdout: 'start\n' });
    expect(r.stderr).toMatch(new RegExp(`^${escape(r.file)}:5:9: error: out of memory: `));
    expect(r.stderr).toContain('let L = loss(N, X = X, Y = Y, reg = "random");');
    expect(r.stderr).not.toMatch(/\n\s+at |FATAL|JavaScript heap/);
  }, 300_000);
});
