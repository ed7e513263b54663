// Fuzzing the front end and the evaluator: random token soups and random mutations of the examples go
// through parse, check and run; nothing may escape as an exception, and every failure must be a
// diagnostic whose span lies inside the source.
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProgram } from '../../src/lang/parse.js';
import { check, run } from '../../src/lang/run.js';
import type { Diagnostic } from '../../src/lang/diagnostics.js';

const root = path.resolve(import.meta.dirname, '../..');
const examples = readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.vdl'))
  .map((f) => readFileSync(path.join(root, 'examples', f), 'utf8'));

const TOKENS = [
  'ring', 'R', '=', 'QQ', '[', ']', 'x', 'y', ',', ';', 'let', 'fn', 'f', '(', ')', '{', '}', 'print', 'assert',
  'for', 'in', '1..3', 'if', 'else', 'return', 'ideal', 'gb', 'dim', 'degree', 'solve', '+', '-', '*', '/', '^',
  '==', 'and', 'not', '0.5', '2', '"s"', '.', 'real', 'seed', 'use', 'import', '"nope.vdl"', 'GF(7)', 'order', 'lex',
  '@', '"unterminated', '/*', '*/', '//', '\n', 'w[1,2]', '999999999999999999999', 'true', 'variety', 'V',
];

function assertSpans(source: string, diagnostics: readonly Diagnostic[]) {
  for (const d of diagnostics) {
    expect(typeof d.code).toBe('string');
    expect(d.span.startOffset).toBeGreaterThanOrEqual(0);
    expect(d.span.startLine).toBeGreaterThanOrEqual(1);
    if (d.span.file === '<fuzz>') expect(d.span.startOffset).toBeLessThanOrEqual(source.length);
  }
}

/** A run with a short deadline, so that a mutation that starts a large computation stops quickly. */
function exercise(source: string) {
  const parsed = parseProgram(source, '<fuzz>');
  assertSpans(source, parsed.diagnostics);
  const checked = check(source, { file: '<fuzz>' });
  assertSpans(source, checked.diagnostics);
  const deadline = Date.now() + 300;
  const result = run(source, { file: '<fuzz>', signal: { get aborted() { return Date.now() > deadline; } } });
  assertSpans(source, result.diagnostics);
  for (const d of result.diagnostics) expect(d.code).not.toBe('internal');
}

describe('fuzz', () => {
  it('survives random token soups', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), (tokens) => exercise(tokens.join(' '))),
      { numRuns: 300, seed: 42 },
    );
  });

  it('survives random mutations of the examples', () => {
    const mutation = fc.record({
      example: fc.nat({ max: examples.length - 1 }),
      edits: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'insert', 'swap'), text: fc.constantFrom(...TOKENS) }), {
        minLength: 1,
        maxLength: 4,
      }),
    });
    fc.assert(
      fc.property(mutation, ({ example, edits }) => {
        let source = examples[example]!;
        for (const e of edits) {
          const at = e.at % (source.length + 1);
          if (e.kind === 'delete') source = source.slice(0, at) + source.slice(at + 1 + (e.at % 5));
          else if (e.kind === 'insert') source = source.slice(0, at) + e.text + source.slice(at);
          else source = source.slice(0, at) + source.slice(at + 1, at + 2) + source.slice(at, at + 1) + source.slice(at + 2);
        }
        exercise(source);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
