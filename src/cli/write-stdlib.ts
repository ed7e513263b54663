// `npm run stdlib`: writes src/lang/stdlib-sources.ts from stdlib/*.vdl.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stdlibSourcesModule } from '../node/stdlib-embed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
writeFileSync(path.join(root, 'src/lang/stdlib-sources.ts'), stdlibSourcesModule(path.join(root, 'stdlib')));
console.log('wrote src/lang/stdlib-sources.ts');
