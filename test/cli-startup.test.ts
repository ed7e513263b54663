// Startup stays fast because the compiler is loaded only when it is needed: `vdl --version` and
// `--help` load the argument parser and nothing of the language, and the REPL draws its prompt before
// it loads chevrotain and the grammar (src/repl/language.ts). Checked on the static import graph
// (type-only imports and dynamic import() do not load at startup); bench/startup.js measures the times.
import { readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Every module loaded at startup by `entry`: static value imports, followed through relative paths. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.startsWith('/')) return; // a package
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm)) {
      const spec = (m[1] ?? m[2])!;
      if (!spec.startsWith('.')) {
        visit(spec.startsWith('node:') ? spec : spec.split('/')[0]!.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec).replace(/\.js$/, '');
      const target = ['.ts', '.tsx'].map((ext) => base + ext).find((f) => existsSync(f));
      if (target) visit(target);
    }
  };
  visit(path.join(root, entry));
  return seen;
}

const rel = (files: Set<string>) => [...files].map((f) => (f.startsWith('/') ? path.relative(root, f) : f));

describe('what startup loads', () => {
  it('vdl --version and --help load no part of the language', () => {
    const loaded = rel(staticGraph('src/cli/main.ts'));
    expect(loaded).toContain('src/cli/args.ts');
    expect(loaded.filter((f) => f === 'chevrotain' || f.startsWith('grammar/') || (f.startsWith('src/lang/') && f !== 'src/lang/suggest.ts'))).toEqual([]);
  });

  it('the REPL draws its prompt before loading chevrotain and the grammar', () => {
    const loaded = rel(staticGraph('src/repl/ink.tsx'));
    expect(loaded).toContain('ink');
    expect(loaded).toContain('src/repl/controller.ts');
    expect(loaded.filter((f) => f === 'chevrotain' || f.startsWith('grammar/') || f === 'src/lang/parse.ts')).toEqual([]);
  });

  it('the graph walker sees chevrotain where it is loaded', () => {
    expect(rel(staticGraph('src/lang/parse.ts'))).toContain('chevrotain');
  });
});
