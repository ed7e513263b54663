// Golden tests: every script in examples/ (and the vdl test scripts of stdlib/ in test/stdlib/)
// runs, and its printed output must equal the checked-in .out file next to it. Regenerate an
// expected file only after checking the new output by hand: UPDATE_GOLDEN=1 npx vitest run test/examples.test.ts
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, run } from '../src/lang/run.js';

const root = path.resolve(import.meta.dirname, '..');
const folders = ['examples', 'test/stdlib'];

for (const folder of folders) {
  const dir = path.join(root, folder);
  const scripts = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.vdl')).sort() : [];
  describe(`golden: ${folder}`, () => {
    for (const script of scripts) {
      it(script, () => {
        const file = path.join(dir, script);
        const expectedFile = file.replace(/\.vdl$/, '.out');
        const result = run(readFileSync(file, 'utf8'), { file, seed: 0 });
        const output = result.prints.map((p) => p.text).join('\n') + '\n';
        if (!result.ok) throw new Error(formatDiagnostics(result.diagnostics, result.sources));
        if (process.env['UPDATE_GOLDEN']) writeFileSync(expectedFile, output);
        if (!existsSync(expectedFile)) throw new Error(`missing expected output ${expectedFile} (UPDATE_GOLDEN=1 writes it)`);
        expect(output).toBe(readFileSync(expectedFile, 'utf8'));
      });
    }
  });
}
