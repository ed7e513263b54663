// Global set-up: compile once so that tests of the `vdl` command run the real built program
// (bin/vdl.js loads dist/). On a fresh clone `npm ci` has built it already; this keeps it current.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}
