// `npm run editors`: writes the TextMate grammar generated from the lexer (src/lsp/textmate.ts) into
// the VS Code extension folder. test/lsp/textmate.test.ts fails when the checked-in file is stale.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { textMateGrammarText } from './textmate.js';

const GRAMMAR_FILE = 'editors/vscode/syntaxes/vdl.tmLanguage.json';

const root = path.resolve(import.meta.dirname, '../../..');
writeFileSync(path.join(root, GRAMMAR_FILE), textMateGrammarText());
process.stdout.write(`wrote ${GRAMMAR_FILE}\n`);
