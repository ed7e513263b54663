// `vdl run` and `vdl check` read imported files through the Node resolver: relative to the importing
// file, shown relative to the working directory, cycles reported at the import with a caret.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'vdl-cli-modules-'));
mkdirSync(path.join(dir, 'lib'));
writeFileSync(path.join(dir, 'main.vdl'), 'import "lib/a.vdl";\nprint fromA, fromB;\n');
writeFileSync(path.join(dir, 'lib/a.vdl'), 'import "b.vdl";\nlet fromA = fromB + 1;\n');
writeFileSync(path.join(dir, 'lib/b.vdl'), 'let fromB = 41;\n');
writeFileSync(path.join(dir, 'loop.vdl'), 'import "lib/loop.vdl";\n');
writeFileSync(path.join(dir, 'lib/loop.vdl'), '// back to the main file\nimport "../loop.vdl";\n');

function vdl(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/vdl.js'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('vdl and modules', () => {
  it('imports files relative to the importing file', () => {
    expect(vdl('run', 'main.vdl')).toMatchObject({ code: 0, stdout: '42, 41\n' });
    expect(vdl('check', 'main.vdl')).toMatchObject({ code: 0, stdout: 'main.vdl: ok\n' });
  });

  it('reports an import cycle with its chain, at the import that closes it, in check and run', () => {
    const expected = 'lib/loop.vdl:2:8: error: import cycle: loop.vdl -> lib/loop.vdl -> loop.vdl\n  import "../loop.vdl";\n         ^~~~~~~~~~~~~\n';
    const checked = vdl('check', 'loop.vdl');
    expect(checked.code).toBe(1);
    expect(checked.stderr).toBe(`${expected}1 problem found\n`);
    expect(vdl('run', 'loop.vdl')).toMatchObject({ code: 1, stderr: expected, stdout: '' });
  });
});
