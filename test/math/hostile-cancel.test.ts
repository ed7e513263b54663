// Issue 15, time limits that hold: the kernels the issue names poll the interrupt while they work, so
// a signal stops them mid-statement. Each case ends with one long statement: without polls inside
// the kernel the run would finish (no statement boundary follows), with them it is interrupted.
// The signal turns aborted after a number of polls, so the tests need no timers.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/lang/run.js';
import { abortAfter } from '../helpers.js';

/** An n×n matrix literal with `digits`-digit entries from a fixed sequence. */
function bigMatrix(n: number, digits: number): string {
  let s = 987654321n;
  const m = 10n ** BigInt(digits);
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const row: string[] = [];
    for (let j = 0; j < n; j++) {
      s = (s * 6364136223846793005n + 1442695040888963407n) % (1n << 64n);
      row.push(((s * s * s) % m).toString());
    }
    rows.push(`[${row.join(', ')}]`);
  }
  return `[${rows.join(', ')}]`;
}

describe('kernels stop when asked', () => {
  const M = bigMatrix(40, 30);
  it.each([
    ['det over big integers (Bareiss)', `let M = ${M};\nlet d = det(M);`],
    ['rank over QQ (row echelon)', `let M = ${M};\nlet r = rank(M / 7);`],
    ['inverse over QQ', `let M = ${M};\nlet r = inverse(M / 7);`],
    ['minors of a polynomial matrix', 'ring R = QQ[x[1..8, 1..8]];\nlet m = minors([for0], 3);'.replace('[for0]', `[${Array.from({ length: 8 }, (_, i) => `[${Array.from({ length: 8 }, (_, j) => `x[${i + 1}, ${j + 1}]`).join(', ')}]`).join(', ')}]`)],
    ['image([t, t^2, t^1000000]) (F4 on a million columns)', 'ring R = QQ[t];\nlet X = image([t, t^2, t^1000000]);'],
    ['a univariate solve of degree 120', 'ring R = QQ[x];\nlet f = 1;\nfor k in 1..120 { f = f * (x - k / 7) + 1; }\nlet s = solve(ideal(f)).real;'],
  ])('%s', (_what, source) => {
    const signal = abortAfter(source.includes('1000000') ? 20 : 150);
    const r = run(source, { signal });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['interrupted']);
  });

  it('refuses veronese(22, 3) once its first minors show the size (7.4 million minors)', () => {
    const r = run('let X = veronese(22, 3);');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['too-large']);
    expect(r.diagnostics[0]!.message).toMatch(/^the 2×2 minors of a 22×253 matrix \(7\.4e6 of them\) would have about 1\.5e7 terms .* more than the size budget of 1\.0 GiB$/);
  });
});
