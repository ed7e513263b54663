// `npm run grammar:diagrams`: writes docs/grammar.html (railroad diagrams from grammar/diagrams.ts). Paths
// are resolved from this file (dist/src/cli/ once built), so the output lands in the package's docs/
// folder whatever the working directory.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { grammarDiagramsHtml } from '../../grammar/diagrams.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const target = path.join(root, 'docs', 'grammar.html');
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, grammarDiagramsHtml());
console.log(`wrote ${target}`);
