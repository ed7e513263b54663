// `npm run docs`: writes docs/builtins.md from the built-in registry.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import '../lang/builtins/index.js';
import { builtinsMarkdown } from '../lang/builtins/docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
writeFileSync(path.join(root, 'docs/builtins.md'), builtinsMarkdown());
console.log('wrote docs/builtins.md');
