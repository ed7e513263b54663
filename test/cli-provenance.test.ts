// `vdl run --json` prints a computed value with how it was obtained (typed JSON, docs/json.md), so
// that consumers can filter on `how.certified`; `--json-plain` prints the contract's plain encoding.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'vdl-cli-how-'));

function vdl(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/vdl.js'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SOURCE = [
  'ring R = QQ[x, y];',
  'let I = ideal(x^2 + y^2 - 1, x - y);',
  'print gb(I);',
  'print dim(I), 1 + 1;',
  'print gb(I, certified = true);',
  'print solve(I).real;',
  'print "text";',
  '',
].join('\n');

describe('vdl run --json and provenance', () => {
  const file = path.join(dir, 'how.vdl');
  writeFileSync(file, SOURCE);

  it('puts the provenance of computed values under "how"; others have none', () => {
    const r = vdl(['run', file, '--json', '--seed', '5']);
    expect(r.code).toBe(0);
    const [gb, dims, certified, real, text] = r.stdout.trim().split('\n').map((l) => JSON.parse(l).values);
    expect(gb[0].items.map((p: { value: string }) => p.value)).toEqual(['x - y', 'y^2 - 1/2']);
    expect(gb[0].how).toMatchObject({ algorithm: 'modular', field: 'QQ', order: 'grevlex', certified: false, errorBound: 'not bounded; checked at one independent prime' });
    expect(gb[0].how.primes.count).toBeGreaterThan(0);
    expect(typeof gb[0].how.seconds).toBe('number');
    expect(dims[0]).toMatchObject({ type: 'integer', value: '0', how: { algorithm: 'hilbert-series', certified: false, from: [{ algorithm: 'modular' }] } });
    expect(dims[1]).toEqual({ type: 'integer', value: '2' });
    expect(certified[0].how.certified).toBe(true);
    expect(real[0]).toMatchObject({ value: '2', how: { seed: 5, certified: true } });
    expect(text).toEqual([{ type: 'string', value: 'text' }]);
  });

  it('--json-plain prints the contract encoding only', () => {
    const r = vdl(['run', file, '--json-plain']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([['x - y', 'y^2 - 1/2'], [0, 2], ['x - y', 'y^2 - 1/2'], 2, 'text']);
  });
});
