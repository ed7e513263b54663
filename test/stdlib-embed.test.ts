// The standard library embedded in src/lang/stdlib-sources.ts is current with stdlib/*.vdl (regenerate
// with `npm run stdlib`), and both resolvers serve the standard library from it.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFailure, stdlibModules, stdlibResolver } from '../src/lang/modules.js';
import { nodeResolver } from '../src/node/resolver.js';
import { stdlibSourcesModule } from '../src/node/stdlib-embed.js';

const root = path.resolve(import.meta.dirname, '..');

describe('embedded standard library', () => {
  it('src/lang/stdlib-sources.ts is current (npm run stdlib regenerates it)', () => {
    expect(readFileSync(path.join(root, 'src/lang/stdlib-sources.ts'), 'utf8')).toBe(stdlibSourcesModule(path.join(root, 'stdlib')));
  });

  it('every stdlib file is served, with its text, by the core and the Node resolvers', () => {
    const files = readdirSync(path.join(root, 'stdlib')).filter((f) => f.endsWith('.vdl')).sort();
    expect(stdlibModules()).toEqual(files.map((f) => `stdlib/${f}`));
    for (const resolver of [stdlibResolver, nodeResolver()]) {
      for (const f of files) {
        const location = resolver.locate(`stdlib/${f}`, null);
        expect(location).toEqual({ id: `stdlib/${f}`, name: `stdlib/${f}` });
        const source = isFailure(location) ? location : resolver.read(location);
        expect(source).toBe(readFileSync(path.join(root, 'stdlib', f), 'utf8'));
      }
    }
  });
});
