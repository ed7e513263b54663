// Calls and the errors they raise: engine errors (MathError) become diagnostics at the span of the
// innermost expression that raised them, and built-ins called as values (through a variable, a
// parameter or a higher-order built-in) are checked exactly like direct calls.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/lang/diagnostics.js';
import { run } from '../../src/lang/run.js';
import { runErrors, runLines } from '../helpers.js';

/** The 1-based line and column of the first occurrence of `needle` in `source`, found by searching. */
function where(source: string, needle: string): { startLine: number; startColumn: number } {
  const at = source.indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' is not in the source`);
  const before = source.slice(0, at).split('\n');
  return { startLine: before.length, startColumn: before[before.length - 1]!.length + 1 };
}

/** The one diagnostic of a run, with its span's start; the static checks can be skipped. */
function onlyError(source: string, skipCheck = false): Diagnostic {
  const diagnostics = runErrors(source, { skipCheck });
  expect(diagnostics).toHaveLength(1);
  return diagnostics[0]!;
}

describe('engine errors become diagnostics at the span of the expression that raised them', () => {
  it('a built-in: the singular matrix of inverse', () => {
    const src = 'let M = [[1, 2], [2, 4]];\nprint 1 + inverse(M)[1][1];';
    const d = onlyError(src);
    expect(d).toMatchObject({ code: 'singular', message: 'the 2x2 matrix is singular (rank 1)', span: where(src, 'inverse(M)') });
    expect(d.span.endColumn - d.span.startColumn).toBe('inverse(M)'.length);
  });

  it('an operator: a denominator that vanishes in GF(7)', () => {
    const src = 'ring R = GF(7)[x];\nprint 2 * (x + 1/7);';
    expect(onlyError(src)).toMatchObject({ code: 'division-by-zero', message: 'the denominator 7 vanishes in GF(7)', span: where(src, '(x + 1/7)') });
  });

  it('inside a user function: at the call in its body, not at the caller', () => {
    const src = 'fn inv(M) = inverse(M);\nprint inv([[0]]);';
    expect(onlyError(src)).toMatchObject({ code: 'singular', span: where(src, 'inverse(M)') });
  });

  it('a ring declaration: the field at GF(p), the order at the statement', () => {
    const gf = 'let a = 1;\nring R = GF(6)[x];';
    expect(onlyError(gf)).toMatchObject({ code: 'bad-prime', message: 'GF(6): 6 is not a prime', span: where(gf, 'GF(6)') });
    const order = 'ring R = QQ[x, y, order = weighted(1)];';
    expect(onlyError(order)).toMatchObject({ code: 'bad-order', message: 'a weighted order needs 2 weights, got 1', span: where(order, 'ring') });
  });

  it('never as an internal error', () => {
    const d = onlyError('ring R = QQ[x];\nprint (x^2 + 1) / (x + 1);');
    expect(d.code).toBe('not-exact');
    expect(d.span.startLine).toBe(2);
  });
});

describe('built-ins called as values get the checks of direct calls', () => {
  /** The diagnostic of a call, with its span given as the text it covers. */
  const located = (src: string, skipCheck = false) => {
    const d = onlyError(src, skipCheck);
    const lines = src.split('\n');
    const text = lines[d.span.startLine - 1]!.slice(d.span.startColumn - 1, d.span.endColumn - 1);
    return { code: d.code, message: d.message, notes: d.notes, text };
  };

  it('arity through a variable, as for the direct call', () => {
    const direct = located('print det([[1]], 2);', true);
    expect(direct).toMatchObject({ code: 'arity', message: 'det takes 1 argument, got 2', text: 'det([[1]], 2)' });
    expect(located('let f = det;\nprint f([[1]], 2);')).toEqual({ ...direct, text: 'f([[1]], 2)' });
  });

  it('arity through a parameter of a user function', () => {
    const direct = located('print det([[1]], 2);', true);
    expect(located('fn ap(g, M) = g(M, 2);\nprint ap(det, [[1]]);')).toEqual({ ...direct, text: 'g(M, 2)' });
  });

  it('keywords through a variable, at the keyword', () => {
    const head = 'ring R = QQ[x];\n';
    const direct = located(`${head}print solve(ideal(x), digit = 3);`, true);
    expect(direct).toMatchObject({ code: 'keyword', text: 'digit' });
    expect(direct.message).toMatch(/^solve has no keyword argument 'digit'/);
    expect(located(`${head}let s = solve;\nprint s(ideal(x), digit = 3);`)).toEqual(direct);
  });

  it('arity from a higher-order built-in, at its call (once an internal error)', () => {
    expect(located('print map(binomial, [1, 2]);')).toEqual({
      code: 'arity',
      message: 'binomial takes 2 arguments, got 1',
      notes: ['usage: binomial(n, k)'],
      text: 'map(binomial, [1, 2])',
    });
  });

  it('a lazy built-in cannot be called as a value', () => {
    expect(located('print map(timing, [1]);')).toMatchObject({ code: 'type', text: 'map(timing, [1])' });
    expect(runLines('let t = timing;\nprint t(1 + 1).value;')).toEqual(['2']);
  });

  it('an object method runs when the built-in is passed as a value', () => {
    const src = 'ring R = QQ[x, y, z];\nlet X = V(x*y, z);\n';
    expect(runLines(`${src}print map(dim, [X]), [dim(X)];`)).toEqual(['[1], [1]']);
  });

  it('values still work: map over built-ins and user functions', () => {
    expect(runLines('fn sq(a) = a * a;\nlet f = abs;\nprint map(f, [-1, 2]), map(sq, [3]), f(-5);')).toEqual(['[1, 2], [9], 5']);
  });
});

it('run() reports the engine error instead of throwing', () => {
  const result = run('print inverse([[0]]);');
  expect(result.ok).toBe(false);
  expect(result.diagnostics[0]!.code).toBe('singular');
});
