// Every example in the built-in documentation runs, and where it states its value after `//`, the
// printed value must be exactly that. The same data feeds :help and docs/builtins.md.
import { describe, expect, it } from 'vitest';
import { allBuiltins } from '../../src/lang/builtins/index.js';
import { run, formatDiagnostics } from '../../src/lang/run.js';

describe('built-in documentation examples', () => {
  for (const b of allBuiltins()) {
    for (const example of b.examples ?? []) {
      it(`${b.name}: ${example.split('\n').pop()}`, () => {
        const lines = example.split('\n');
        const last = lines.pop()!;
        const [expr, expected] = last.split(/\s+\/\/\s+/);
        const source = [...lines, `print ${expr!.replace(/;\s*$/, '')};`].join('\n');
        const result = run(source, { seed: 0 });
        if (!result.ok) throw new Error(formatDiagnostics(result.diagnostics, result.sources));
        if (expected !== undefined) expect(result.prints[0]!.text).toBe(expected);
      });
    }
  }
});

describe('docs/builtins.md', () => {
  it('is the registry\'s documentation (run `npm run docs` after changing a built-in)', async () => {
    const { readFileSync } = await import('node:fs');
    const { builtinsMarkdown } = await import('../../src/lang/builtins/docs.js');
    const file = new URL('../../docs/builtins.md', import.meta.url);
    expect(readFileSync(file, 'utf8')).toBe(builtinsMarkdown());
  });
});
