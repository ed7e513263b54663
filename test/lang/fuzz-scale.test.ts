// Issue 15, fuzzing on every run: a few thousand inputs from the generators of bench/fuzz.js (token
// soups, mutated examples and standard-library modules, huge and zero numbers, swapped rings,
// built-in calls on values of every kind) go through parse, check and run with a short deadline;
// none may throw, report an internal error or show a JavaScript stack. The checked-in corpus
// (test/fuzz-corpus/: minimized failures of `npm run fuzz` and the hostile inputs) runs too.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzInputs, makeRandom } from '../../bench/fuzz-inputs.js';
import { allBuiltins } from '../../src/lang/builtins/registry.js';
import type { Diagnostic } from '../../src/lang/diagnostics.js';
import { run } from '../../src/lang/run.js';

const root = path.resolve(import.meta.dirname, '../..');
const read = (dir: string) =>
  readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.vdl'))
    .sort()
    .map((f) => ({ name: f, source: readFileSync(path.join(root, dir, f), 'utf8') }));

const STACK = /\n\s+at |\bat [\w.<>]+ \(.*:\d+:\d+\)|file:\/\/\/|\.js:\d+:\d+/;

/** The problems of one input: thrown exceptions, internal errors, stack traces (empty when none). */
function problems(source: string, deadlineMs: number): string[] {
  const out: string[] = [];
  const look = (ds: readonly Diagnostic[]) => {
    for (const d of ds) {
      if (d.code === 'internal') out.push(`internal: ${d.message}`);
      if (STACK.test([d.message, ...(d.notes ?? [])].join('\n'))) out.push(`stack trace: ${d.message}`);
    }
  };
  try {
    // run parses and checks first (a static error stops it there), then runs.
    const deadline = performance.now() + deadlineMs;
    look(run(source, { file: '<fuzz>', signal: { get aborted() { return performance.now() >= deadline; } } }).diagnostics);
  } catch (e) {
    out.push(`uncaught: ${e instanceof Error ? e.message : String(e)}`);
  }
  return out;
}

describe('fuzzing at scale', () => {
  it('survives 2,000 generated inputs (seed 2026)', () => {
    const generator = fuzzInputs({ examples: [...read('examples'), ...read('stdlib')].map((f) => f.source), builtins: allBuiltins().map((b) => b.name) });
    const failures: string[] = [];
    const kinds = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const { kind, source } = generator.next(makeRandom(2026 * 1000003 + i));
      kinds.add(kind);
      for (const p of problems(source, 10)) failures.push(`input ${i} (${kind}): ${p}\n${source.slice(0, 400)}`);
    }
    expect(failures).toEqual([]);
    expect([...kinds].sort()).toEqual(['call', 'mutate', 'numbers', 'rings', 'soup']);
  });

  const corpus = read('test/fuzz-corpus');
  it('has a corpus', () => expect(corpus.length).toBeGreaterThan(0));
  it.each(corpus.map((f) => [f.name, f.source]))('corpus %s', (_name, source) => {
    expect(problems(source, 200)).toEqual([]);
  });
});
