#!/usr/bin/env node
// The `vdl` command: a thin launcher for the compiled CLI (npm ci builds it through `prepare`).
import { main } from '../dist/src/cli/main.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
