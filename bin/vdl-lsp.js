#!/usr/bin/env node
// The vdl language server over stdio (`vdl-lsp --stdio`; the flag is what editors pass, and stdio is
// the only transport). See docs/editors.md.
import { startLanguageServer } from '../dist/src/lsp/server.js';

startLanguageServer();
