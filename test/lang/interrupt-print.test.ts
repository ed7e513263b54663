// An interrupt may arrive at any poll, including while a value is printed (lazy record fields are
// computed then, outside any built-in call): it must be reported as an interruption, never as an
// internal error (the fuzz tests' short deadlines hit this under load).
import { expect, it } from 'vitest';
import { run } from '../../src/lang/run.js';

it('an interrupt at any poll of a run is an interruption, not an internal error', () => {
  const internal: string[] = [];
  let interrupted = 0;
  for (let k = 1; k < 400; k += 3) {
    let polls = 0;
    const signal = { get aborted() { return ++polls > k; } };
    const result = run('ring R = QQ[x, y];\nprint solve(ideal(x^2 - 2, y - x));', { file: '<t>', signal });
    for (const d of result.diagnostics) {
      if (d.code === 'internal') internal.push(`after ${k} polls: ${d.message}`);
      if (d.code === 'interrupted') interrupted++;
    }
  }
  expect(internal).toEqual([]);
  expect(interrupted).toBeGreaterThan(0);
});
