// The bundle-size budget of bench/bundle.js, kept in the suite: the library's browser entry, the
// evaluation worker and the playground bundle for the browser (platform 'browser', so a Node module
// anywhere fails the build) and stay within their minified and gzip budgets.
import { describe, expect, it } from 'vitest';
import { measureBundles } from '../../bench/bundle.js';

describe('browser bundles', () => {
  it('build for the browser and stay within their size budgets', async () => {
    const rows = await measureBundles();
    expect(rows.map((r) => r.name)).toHaveLength(4);
    for (const r of rows) {
      expect(r.gzip, r.name).toBeLessThan(r.bytes); // gzip really ran on real code
      expect({ name: r.name, within: r.within, kib: Math.round(r.bytes / 1024), gzipKib: Math.round(r.gzip / 1024) }).toMatchObject({ name: r.name, within: true });
    }
  });
});

describe('the playground page code', () => {
  it('type-checks with the DOM library (web/tsconfig.json; the root program has no DOM)', async () => {
    const { execFileSync } = await import('node:child_process');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '../..');
    // Throws (with tsc's messages) when there is a type error.
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'web/tsconfig.json')], { cwd: root, encoding: 'utf8' });
  });
});
