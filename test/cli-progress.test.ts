// Progress of `vdl run` (src/cli/progress.ts) on a fake stream with a fake clock: a status line on a
// terminal (drawn in place, out of the way of printed lines, cleared at the end), a log with
// --verbose, nothing when standard error is not a terminal; and the text of an event.
import { describe, expect, it } from 'vitest';
import { progressReporter } from '../src/cli/progress.js';
import { describeProgress } from '../src/lang/progress-text.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, columns: 60, write: (t: string) => writes.push(t), writes };
}

const ERASE = '\r\x1b[2K';

describe('vdl run progress', () => {
  it('on a terminal: one status line, redrawn at most every 100 ms after 0.3 s, cleared around prints and at the end', () => {
    let now = 0;
    const s = stream(true);
    const p = progressReporter(s, { verbose: false, now: () => now });
    p.onProgress!({ stage: 'f4', degree: 2 });
    expect(s.writes).toEqual([]); // a short run shows nothing
    now = 400;
    p.onProgress!({ stage: 'f4', degree: 3, basisSize: 4 });
    expect(s.writes).toEqual([`${ERASE}[0.4s] f4, degree 3, basis 4`]);
    now = 450;
    p.onProgress!({ stage: 'f4', degree: 4 });
    expect(s.writes.length).toBe(1); // too soon to redraw
    const out: string[] = [];
    p.around(() => out.push('printed'));
    expect(out).toEqual(['printed']);
    // Cleared before the print, redrawn after it with the latest event.
    expect(s.writes.slice(1)).toEqual([ERASE, `${ERASE}[0.5s] f4, degree 4`]);
    now = 2000;
    p.onProgress!({ stage: 'modular', message: 'prime 3', prime: 4194287 });
    expect(s.writes.at(-1)).toBe(`${ERASE}[2.0s] modular, prime 3 (p = 4194287)`);
    p.finish(true);
    expect(s.writes.at(-1)).toBe(ERASE);
  });

  it('cuts the status line to the terminal width', () => {
    let now = 0;
    const s = stream(true);
    const p = progressReporter(s, { verbose: false, now: () => now });
    now = 500;
    p.onProgress!({ stage: 'x'.repeat(200) });
    expect(s.writes[0]!.length).toBe(ERASE.length + 59);
    expect(s.writes[0]!.endsWith('…')).toBe(true);
  });

  it('with --verbose: a log line per event and the total time', () => {
    let now = 0;
    const s = stream(true);
    const p = progressReporter(s, { verbose: true, now: () => now });
    p.onProgress!({ stage: 'f4', degree: 2 });
    now = 1250;
    p.finish(true);
    expect(s.writes).toEqual(['[0.0s] f4, degree 2\n', 'done in 1.250 s\n']);
  });

  it('not on a terminal: nothing', () => {
    const s = stream(false);
    const p = progressReporter(s, { verbose: false });
    expect(p.onProgress).toBeUndefined();
    p.around(() => {});
    p.finish(true);
    expect(s.writes).toEqual([]);
  });

  it('describes an event: stage, its message, counts, then the prime in parentheses', () => {
    expect(describeProgress({ stage: 'f4', degree: 5, basisSize: 12, pairs: 30 })).toBe('f4, degree 5, basis 12, pairs 30');
    expect(describeProgress({ stage: 'modular', message: 'prime 7', prime: 4194199 })).toBe('modular, prime 7 (p = 4194199)');
    expect(describeProgress({ stage: 'f4', matrixRows: 10, matrixColumns: 20 })).toBe('f4, matrix 10×20');
  });
});
