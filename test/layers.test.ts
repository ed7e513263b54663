// The layer rule, checked: each layer imports only from the layers below it, the mathematics never
// imports the language, only src/repl touches ink or react (so the library API loads neither), and
// the library core (grammar, math, geometry, networks, lang, the entry) uses nothing of Node: no
// built-in module and no `process`. Node belongs to the edge: src/node, src/cli, src/repl.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Which top-level places each layer may import from (besides itself and node: built-ins). */
const allowed: Record<string, string[]> = {
  'src/math': [],
  'src/geometry': ['src/math'],
  'src/networks': ['src/math', 'src/geometry'],
  grammar: ['chevrotain'],
  'src/lang': ['grammar', 'src/math', 'src/geometry', 'src/networks', 'chevrotain', 'fraction.js'],
  'src/node': ['src/lang'],
  'src/browser': ['src/index.js', 'src/lang', 'src/math', 'grammar'],
  'src/lsp': ['src/lang', 'src/math', 'src/node', 'src/repl', 'grammar', 'vscode-languageserver', 'vscode-languageserver-textdocument'],
  'src/cli': ['src/lang', 'src/math', 'src/repl', 'src/node', 'src/lsp', 'grammar'],
  'src/repl': ['src/lang', 'src/math', 'src/cli', 'src/node', 'grammar', 'ink', 'react', 'react/jsx-runtime', 'ink-testing-library'],
};

/** The library core: what `import 'vdl'` loads, which must run where there is no Node (a browser). */
const core = ['grammar', 'src/math', 'src/geometry', 'src/networks', 'src/lang', 'src/index.ts', 'src/browser'];

function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || builtinModules.includes(spec) || builtinModules.includes(spec.split('/')[0]!);
}

/** Source text without comments (roughly: a comment marker inside a string cuts more, never less). */
function code(file: string): string {
  return readFileSync(path.join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}

function files(dir: string): string[] {
  const full = path.join(root, dir);
  if (/\.tsx?$/.test(dir)) return [dir];
  let out: string[] = [];
  for (const name of readdirSync(full)) {
    const p = path.join(full, name);
    if (statSync(p).isDirectory()) out = out.concat(files(path.join(dir, name)));
    else if (/\.tsx?$/.test(name)) out.push(path.join(dir, name));
  }
  return out;
}

function imports(file: string): string[] {
  const text = code(file);
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

/** The layer a target belongs to: a top-level place of the repo, or a package name. */
function layerOf(file: string, spec: string): string {
  if (spec.startsWith('node:')) return 'node';
  if (!spec.startsWith('.')) return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  const target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec));
  return Object.keys(allowed).find((layer) => target === layer || target.startsWith(layer + path.sep)) ?? target;
}

describe('layers', () => {
  for (const [layer, may] of Object.entries(allowed)) {
    it(`${layer} imports only from ${may.length ? may.join(', ') : 'itself'}`, () => {
      let found: string[] = [];
      try {
        found = files(layer);
      } catch {
        return; // a layer that does not exist yet has nothing to check
      }
      const bad: string[] = [];
      for (const file of found) {
        for (const spec of imports(file)) {
          const target = layerOf(file, spec);
          if (target !== 'node' && target !== layer && !may.includes(target)) bad.push(`${file} -> ${spec}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  it('the library core imports no Node built-in and does not use process', () => {
    const bad: string[] = [];
    for (const file of core.flatMap(files)) {
      for (const spec of imports(file)) if (isNodeBuiltin(spec)) bad.push(`${file} imports ${spec}`);
      if (/\bprocess\b/.test(code(file))) bad.push(`${file} uses process`);
    }
    expect(bad).toEqual([]);
  });

  it('the Node check sees what it looks for', () => {
    // The check above must not pass vacuously: the edge does use Node, and the patterns find it.
    const edge = ['src/node', 'src/cli'].flatMap(files);
    expect(edge.some((f) => imports(f).some(isNodeBuiltin))).toBe(true);
    expect(edge.some((f) => /\bprocess\b/.test(code(f)))).toBe(true);
    expect(isNodeBuiltin('fs') && isNodeBuiltin('node:path') && isNodeBuiltin('fs/promises')).toBe(true);
    expect(isNodeBuiltin('chevrotain')).toBe(false);
    expect(core.flatMap(files).length).toBeGreaterThan(50);
  });

  it('the library API (and its browser entry) does not reach ink or react', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of imports(file)) {
        expect(['ink', 'react'], `${file} imports ${spec}`).not.toContain(spec.split('/')[0]);
        if (spec.startsWith('.')) visit(path.relative(root, path.resolve(path.dirname(path.join(root, file)), spec)).replace(/\.js$/, '.ts'));
      }
    };
    visit('src/index.ts');
    visit('src/browser/index.ts');
    visit('src/browser/worker.ts');
    expect(seen.size).toBeGreaterThan(5);
  });
});
