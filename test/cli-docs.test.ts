// The documentation is self-contained and the package is clean: every link in docs/ (and the README
// and ARCHITECTURE) stays inside the repository and points at a file that exists, no page refers to
// files beside the repository; docs/reference.md documents every keyword of the lexer; the LICENSE
// is the MIT license package.json names; `npm pack` ships the library's build and no source map
// that points at a source it neither ships nor carries.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allTokens, tokenCategory, DECLARATION_WORDS } from '../grammar/lexer.js';

const root = path.resolve(import.meta.dirname, '..');
const pages = [...readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), 'README.md', 'ARCHITECTURE.md'];

describe('documentation', () => {
  it('links only to files inside the repository that exist', () => {
    const bad: string[] = [];
    for (const page of pages) {
      const text = readFileSync(path.join(root, page), 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.split('#')[0]!;
        if (target === '') continue;
        if (/^[a-z]+:/i.test(target)) {
          bad.push(`${page}: ${target} (outside the repository)`);
          continue;
        }
        const resolved = path.resolve(path.dirname(path.join(root, page)), target);
        if (!resolved.startsWith(root + path.sep)) bad.push(`${page}: ${target} (outside the repository)`);
        else if (!existsSync(resolved)) bad.push(`${page}: ${target} (no such file)`);
      }
      // Paths to files beside the repository (the contract, the background notes, peers' scripts).
      for (const m of text.matchAll(/`(\.\.\/[^`]*|shared\/[^`]*)`/g)) bad.push(`${page}: ${m[1]} (beside the repository)`);
    }
    expect(bad).toEqual([]);
  });

  it('the language reference documents every keyword of the lexer', () => {
    const reference = readFileSync(path.join(root, 'docs/reference.md'), 'utf8');
    const keywords = allTokens.filter((t) => tokenCategory(t) === 'keyword').map((t) => String(t.LABEL ?? t.name).replace(/'/g, ''));
    expect(keywords).toEqual(expect.arrayContaining(['for', 'if', 'assert', 'seed', 'import']));
    const missing = [...keywords, ...DECLARATION_WORDS].filter((k) => !new RegExp(`\`[^\`]*\\b${k}\\b[^\`]*\``).test(reference));
    expect(missing).toEqual([]);
  });

  it('has the MIT license that package.json names', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { license: string; files: string[] };
    expect(pkg.license).toBe('MIT');
    const license = readFileSync(path.join(root, 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License\n/);
    expect(license).toContain('Permission is hereby granted, free of charge');
  });
});

describe('npm pack', () => {
  it('ships no source map that points at a source it does not ship', () => {
    // dist/ is built by the test set-up; --ignore-scripts keeps `prepare` from building it again.
    const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const files = new Set((JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    expect(files.has('LICENSE')).toBe(true);
    expect(files.has('dist/src/index.js')).toBe(true);
    expect([...files].filter((f) => f.startsWith('dist/') && !/^dist\/(src|grammar)\//.test(f))).toEqual([]);
    const dangling: string[] = [];
    for (const file of files) {
      if (!file.endsWith('.map')) continue;
      const map = JSON.parse(readFileSync(path.join(root, file), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      map.sources.forEach((source, i) => {
        const target = path.relative(root, path.resolve(path.dirname(path.join(root, file)), source));
        // A source is there when the package ships it or the map carries its text (inlineSources).
        if (!files.has(target) && typeof map.sourcesContent?.[i] !== 'string') dangling.push(`${file} -> ${target}`);
      });
    }
    expect(dangling).toEqual([]);
  });
});
