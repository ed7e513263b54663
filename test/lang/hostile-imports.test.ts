// Issue 15, imports confined: a module is read only from under the resolver's roots (the script's
// folder for the CLI), never through `..`, an absolute path or a symbolic link pointing out; only
// regular files of bounded size are read; a refused file's content never reaches a diagnostic.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type ModuleResolver } from '../../src/index.js';
import { nodeResolver } from '../../src/node/index.js';

const outer = mkdtempSync(path.join(tmpdir(), 'vdl-hostile-'));
const root = path.join(outer, 'project');
mkdirSync(path.join(root, 'lib'), { recursive: true });
mkdirSync(path.join(root, 'folder.vdl'));
writeFileSync(path.join(outer, 'secret.vdl'), 'let apikey = "SECRET-CONTENT";\n');
writeFileSync(path.join(root, 'lib', 'ok.vdl'), 'let fromLib = 7;\n');
writeFileSync(path.join(root, 'big.vdl'), `let big = 1;\n${'// padding\n'.repeat(200)}`);
symlinkSync(path.join(outer, 'secret.vdl'), path.join(root, 'link.vdl'));
symlinkSync(path.join(root, 'lib', 'ok.vdl'), path.join(root, 'inner-link.vdl'));
let fifo = false;
try {
  execFileSync('mkfifo', [path.join(root, 'pipe.vdl')]);
  fifo = true;
} catch {
  // no mkfifo on this system: the FIFO case is skipped
}

function runIn(source: string, resolver: ModuleResolver = nodeResolver({ cwd: root })) {
  const r = run(source, { file: path.join(root, 'main.vdl'), resolver });
  return { ok: r.ok, text: r.prints.map((p) => p.text).join('\n'), diagnostics: r.diagnostics.map((d) => `${d.code}: ${d.message}`), raw: r.diagnostics };
}

describe('imports stay under the roots', () => {
  it('reads modules inside the root, through links that stay inside', () => {
    expect(runIn('import "lib/ok.vdl"; import "inner-link.vdl"; print fromLib;')).toMatchObject({ ok: true, text: '7' });
  });

  it.each([
    ['a .. escape', '../secret.vdl', 'outside the folder'],
    ['an absolute path outside', path.join(outer, 'secret.vdl'), 'outside the folder'],
    ['/etc/hostname', '/etc/hostname', 'outside the folder'],
    ['/dev/zero', '/dev/zero', 'outside the folder'],
    ['a symbolic link pointing out', 'link.vdl', 'links to a file outside'],
    ['a folder', 'folder.vdl', 'it is a folder'],
    ['a missing file', 'missing.vdl', 'no such file'],
  ])('refuses %s with a located error that shows no content', (_what, spec, why) => {
    const r = runIn(`print 1;\nimport "${spec}";\nprint apikey;`);
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toContain('import-not-found');
    expect(r.diagnostics[0]).toContain(why);
    expect(r.raw[0]!.span).toMatchObject({ startLine: 2, startColumn: 8 });
    expect(JSON.stringify(r.raw)).not.toContain('SECRET');
  });

  it.runIf(fifo)('refuses a FIFO without blocking on it', () => {
    expect(runIn('import "pipe.vdl";').diagnostics).toEqual(["import-not-found: cannot read module 'pipe.vdl' (it is not a regular file)"]);
  });

  it('refuses a module larger than the limit, saying the size', () => {
    const r = runIn('import "big.vdl"; print big;', nodeResolver({ cwd: root, maxModuleBytes: 100 }));
    expect(r.diagnostics[0]).toMatch(/cannot read module 'big.vdl' \(it has \d+ bytes, more than the limit of 100 for a module\)/);
    expect(runIn('import "big.vdl"; print big;').text).toBe('1');
  });

  it('takes explicit roots: the folder of the main script, not the working directory', () => {
    const resolver = nodeResolver({ cwd: outer, roots: [path.join(root, 'lib')] });
    expect(run('import "ok.vdl"; print fromLib;', { file: path.join(root, 'lib', 'main.vdl'), resolver }).ok).toBe(true);
    const r = run('import "../big.vdl";', { file: path.join(root, 'lib', 'main.vdl'), resolver });
    expect(r.diagnostics[0]!.message).toContain('outside the folder');
    expect(run('import "stdlib/systems.vdl"; print 1;', { file: path.join(root, 'lib', 'main.vdl'), resolver }).ok).toBe(true);
  });

  it('by default, confines the imports of a script to its own folder, wherever the script is', () => {
    // The host names the script (trusted); what the script imports stays under the script's folder.
    const resolver = nodeResolver({ cwd: path.join(root, 'lib') });
    const main = path.join(outer, 'main.vdl');
    expect(run('import "project/lib/ok.vdl"; print fromLib;', { file: main, resolver }).prints[0]!.text).toBe('7');
    const r = run('import "../etc/passwd";', { file: main, resolver });
    expect(r.diagnostics[0]!.message).toMatch(/^cannot import '\.\.\/etc\/passwd': it is outside the folders /);
  });

  it('keeps the standard library closed too', () => {
    const r = runIn('import "stdlib/../../secret.vdl";');
    expect(r.ok).toBe(false);
    expect(r.diagnostics[0]).toContain('import-not-found');
  });
});
