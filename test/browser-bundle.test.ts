// The library entry (src/index.ts) bundles for the browser: esbuild, platform 'browser', resolves every
// import without a Node built-in module, and the bundle runs a program that imports the standard library
// (embedded, so no file system is needed).
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function bundle(entry: string) {
  return build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
}

const isNodeModule = (p: string) => p.startsWith('node:') || builtinModules.includes(p.split('/')[0]!);

describe('browser bundle', () => {
  it('src/index.ts bundles for the browser with no Node built-in module', async () => {
    const result = await bundle('src/index.ts');
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('src/lang/stdlib-sources.ts');
    const imports = Object.values(result.metafile.inputs).flatMap((i) => i.imports);
    expect(imports.map((x) => x.path).filter(isNodeModule)).toEqual([]);
    // Nothing is left to the runtime: the only imports not bundled are relative ones whose bindings
    // TypeScript semantics drop (all unused), which esbuild lists as external.
    expect(imports.filter((x) => x.external && !x.path.startsWith('.')).map((x) => x.path)).toEqual([]);
  }, 120_000);

  it('the bundle runs a program importing the standard library', async () => {
    const result = await bundle('src/index.ts');
    const text = result.outputFiles[0]!.text;
    expect(text).not.toMatch(/\bprocess\s*[.[]/); // a browser has no process object
    const lib = (await import(`data:text/javascript;base64,${Buffer.from(text).toString('base64')}`)) as typeof import('../src/index.js');
    // katsura(2) has 2^2 = 4 solutions (Katsura 1990).
    const r = lib.run('import "stdlib/systems.vdl";\nprint vdim(katsura(2));');
    expect(r.diagnostics).toEqual([]);
    expect(r.prints.map((p) => p.text)).toEqual(['4']);
  }, 120_000);

  it('the check fails for an entry that needs Node', async () => {
    await expect(bundle('src/node/resolver.ts')).rejects.toThrow(/node:fs|built into node/);
  }, 120_000);
});
