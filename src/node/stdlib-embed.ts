// The standard library embedded in the library: src/lang/stdlib-sources.ts is generated from
// stdlib/*.vdl by `npm run stdlib` (src/cli/write-stdlib.ts), so that `import "stdlib/..."` works with no
// file system (in a browser, or from the bundled library). test/stdlib-embed.test.ts checks that the
// generated module is current.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The text of src/lang/stdlib-sources.ts for the .vdl files of `dir`, in name order. */
export function stdlibSourcesModule(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.vdl')).sort();
  const entries = files.map((f) => `  ${JSON.stringify(f)}: ${JSON.stringify(readFileSync(path.join(dir, f), 'utf8'))},`);
  return [
    '// Generated from stdlib/*.vdl by `npm run stdlib` (src/node/stdlib-embed.ts): do not edit by hand.',
    '// The source of each standard-library module by file name, read by stdlibResolver (src/lang/modules.ts).',
    'export const STDLIB_SOURCES: Readonly<Record<string, string>> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}
