// Indexed families as data: every ring carries, per variable, its family and index tuple.
import { describe, expect, it } from 'vitest';
import { polyLatex } from '../../src/lang/print.js';
import { run } from '../../src/lang/run.js';
import { describeVariables, indexTuples, type RingData, type Value } from '../../src/lang/values.js';
import { runErrors, runLines } from '../helpers.js';

function printed(source: string): Value[] {
  const result = run(source);
  if (!result.ok) throw new Error(result.diagnostics[0]!.message);
  return result.prints.flatMap((p) => p.values);
}

function ringOf(v: Value): RingData {
  if (v.kind !== 'ring' && v.kind !== 'poly') throw new Error(`not a ring: ${v.kind}`);
  return v.ring;
}

describe('variable descriptors', () => {
  it('a declared ring describes plain and indexed variables in the ring order', () => {
    const [R] = printed('ring R = QQ[x, w[1..2, 0..1], y];\nprint R;');
    expect(ringOf(R!).variables).toEqual([
      { name: 'x' },
      { name: 'w[1,0]', family: 'w', index: [1, 0] },
      { name: 'w[1,1]', family: 'w', index: [1, 1] },
      { name: 'w[2,0]', family: 'w', index: [2, 0] },
      { name: 'w[2,1]', family: 'w', index: [2, 1] },
      { name: 'y' },
    ]);
    expect(ringOf(R!).poly.vars).toEqual(ringOf(R!).variables.map((v) => v.name));
  });

  it('index tuples run in lexicographic order over inclusive ranges', () => {
    expect(indexTuples([[1, 2], [0, 1]])).toEqual([[1, 0], [1, 1], [2, 0], [2, 1]]);
    expect(indexTuples([])).toEqual([[]]);
  });

  it('names that no family generates are plain, whatever they look like', () => {
    const families = new Map([['a', { name: 'a', ranges: [[1, 2]] as const }]]);
    expect(describeVariables(['a[1]', 'a[3]', 'a[2]', 'b[1]'], families)).toEqual([
      { name: 'a[1]', family: 'a', index: [1] },
      { name: 'a[3]' },
      { name: 'a[2]', family: 'a', index: [2] },
      { name: 'b[1]' },
    ]);
  });

  it('rings made by built-ins (network parameters, function spaces, images) carry their families', () => {
    const [f, g] = printed('let N = linear(1, 2, 1);\nprint fmap(N)[1];\nring T = QQ[t];\nprint gens(image([t, t^2]))[1];');
    expect(ringOf(f!).variables.map((v) => v.family)).toEqual(['W1', 'W1', 'W2', 'W2']);
    expect(ringOf(f!).variables.map((v) => v.index)).toEqual([[1, 1], [2, 1], [1, 1], [1, 2]]);
    expect(f!.kind === 'poly' && polyLatex(f!.ring, f!.poly)).toBe('W1_{1,1} W2_{1,1} + W1_{2,1} W2_{1,2}');
    expect(ringOf(g!).variables).toEqual([
      { name: 'y[1]', family: 'y', index: [1] },
      { name: 'y[2]', family: 'y', index: [2] },
    ]);
  });
});

describe('lookups by family', () => {
  it('w[i,j] finds the variable by its index tuple, and a family stands for its variables', () => {
    const src = [
      'ring R = QQ[x, w[1..2, 0..1]];',
      'print w[2,0], w[1,1] * x;',
      'let I = ideal(x - w[1,0]^2, w[1,1] - w[2,0], w[2,1] - x^2);',
      'print eliminate(I, w) == eliminate(I, [w[1,0], w[1,1], w[2,0], w[2,1]]), eliminate(I, w);',
    ].join('\n');
    expect(runLines(src)).toEqual(['w[2,0], x*w[1,1]', 'true, ideal()']);
  });

  it('a family of another ring is a located ring mismatch', () => {
    const [d] = runErrors('ring S = QQ[u[1..2]];\nlet F = u;\nring R = QQ[x, y];\nprint eliminate(ideal(x - y), F);');
    expect(d!.code).toBe('ring-mismatch');
    expect([d!.span.startLine, d!.span.startColumn]).toEqual([4, 31]);
  });
});
