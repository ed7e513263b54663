// ESLint as part of `npm test`: the whole repository lints with zero problems under eslint.config.js,
// and the rules that matter most here (the layer rule, no `any`) really fire on code that breaks them.
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** The rule ids ESLint reports for `code` placed at `file` (a path that need not exist). */
async function rulesFiredOn(code: string, file: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: root }).lintText(code, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint', () => {
  it('the repository has no lint errors or warnings', async () => {
    const results = await new ESLint({ cwd: root }).lintFiles(['.']);
    const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    expect(problems).toEqual([]);
  });

  it('the layer rule: the engine imports nothing above it, the language not the REPL', async () => {
    expect(await rulesFiredOn("import { list } from '../lang/values.js';\nexport const v = list;\n", 'src/math/probe.ts')).toEqual(['no-restricted-imports']);
    expect(await rulesFiredOn("import { Box } from 'ink';\nexport const b = Box;\n", 'src/lang/probe.ts')).toEqual(['no-restricted-imports']);
    expect(await rulesFiredOn("import { run } from '../lang/run.js';\nexport const r = run;\n", 'src/geometry/probe.ts')).toEqual(['no-restricted-imports']);
    // Imports downwards are allowed.
    expect(await rulesFiredOn("import { QQ } from '../math/field.js';\nexport const q = QQ;\n", 'src/geometry/probe.ts')).toEqual([]);
    expect(await rulesFiredOn("import { Box } from 'ink';\nexport const b = Box;\n", 'src/repl/probe.ts')).toEqual([]);
  });

  it('the library core uses no Node; the edge may', async () => {
    const fs = "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n";
    expect(await rulesFiredOn(fs, 'src/lang/probe.ts')).toEqual(['no-restricted-imports']);
    expect(await rulesFiredOn(fs, 'src/math/probe.ts')).toEqual(['no-restricted-imports']);
    expect(await rulesFiredOn('export const cwd = process.cwd();\n', 'src/lang/probe.ts')).toEqual(['no-restricted-globals']);
    expect(await rulesFiredOn(fs, 'src/node/probe.ts')).toEqual([]);
    expect(await rulesFiredOn('export const cwd = process.cwd();\n', 'src/cli/probe.ts')).toEqual([]);
  });

  it('no explicit any in the language layer or the library entry', async () => {
    expect(await rulesFiredOn('export const x: any = 1;\n', 'src/lang/probe.ts')).toEqual(['@typescript-eslint/no-explicit-any']);
    expect(await rulesFiredOn('export const x: any = 1;\n', 'src/index.ts')).toEqual(['@typescript-eslint/no-explicit-any']);
  });
});
