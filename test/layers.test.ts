// The layer rule, checked: each layer imports only from the layers below it, the mathematics never
// imports the language, and only src/repl touches ink or react (so the library API loads neither).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Which top-level places each layer may import from (besides itself and node: built-ins). */
const allowed: Record<string, string[]> = {
  'src/math': [],
  'src/geometry': ['src/math'],
  'src/networks': ['src/math', 'src/geometry'],
  grammar: ['chevrotain'],
  'src/lang': ['grammar', 'src/math', 'src/geometry', 'src/networks', 'chevrotain', 'big.js', 'fraction.js'],
  'src/cli': ['src/lang', 'src/math', 'src/repl'],
  'src/repl': ['src/lang', 'src/math', 'src/cli', 'grammar', 'ink', 'react', 'react/jsx-runtime', 'ink-testing-library'],
};

function files(dir: string): string[] {
  const full = path.join(root, dir);
  let out: string[] = [];
  for (const name of readdirSync(full)) {
    const p = path.join(full, name);
    if (statSync(p).isDirectory()) out = out.concat(files(path.join(dir, name)));
    else if (/\.tsx?$/.test(name)) out.push(path.join(dir, name));
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
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

  it('the library API does not reach ink or react', () => {
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
    expect(seen.size).toBeGreaterThan(5);
  });
});
