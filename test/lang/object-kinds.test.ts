// Object kinds: one descriptor per kind gives its type name, printers, equality, fields and methods.
import { describe, expect, it } from 'vitest';
import { builtin } from '../../src/lang/builtins/index.js';
import { methodFor } from '../../src/lang/builtins/registry.js';
import type { ObjectKind } from '../../src/lang/object-kind.js';
import { OBJECT_KINDS, objectKindNamed } from '../../src/lang/object-kinds.js';
import { valuesEqual } from '../../src/lang/ops.js';
import { toJson, toLatex, toText } from '../../src/lang/print.js';
import { run } from '../../src/lang/run.js';
import { int, isObject, kindWord, object, objectField, str, typeName, type Value } from '../../src/lang/values.js';
import { runErrors, runLines } from '../helpers.js';

const SPAN = { file: '<test>', startOffset: 0, endOffset: 1, startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };

function valueOf(source: string): Value {
  const result = run(source);
  if (!result.ok) throw new Error(result.diagnostics[0]!.message);
  return result.prints.at(-1)!.values[0]!;
}

/** One value of each kind, made by the language. */
const EXAMPLES: Record<string, string> = {
  variety: 'ring R = QQ[x, y];\nprint V(y - x^2);',
  form: 'print diag(1/2, 1);',
  projection: 'print projection(diag(0, 1, 1));',
  network: 'print linear(2, 3, 2);',
  series: 'ring R = QQ[x, y];\nprint hilbertSeries(ideal(x^2));',
  point: 'ring R = QQ[x, y];\nprint solve(ideal(x^2 - 2, y - x)).points[1];',
  algebraic: 'ring R = QQ[x, y];\nprint solve(ideal(x^2 - 2, y - x)).points[1][2];',
  floatmatrix: 'print float([[1, 2], [3, 4]]);',
  plot: 'print plot([1, 1/2, 1/4]);',
  factorization: 'ring R = QQ[x];\nprint factor(x^2 - 1);',
  ringmap: 'ring S = QQ[u];\nring R = QQ[t];\nprint map(R, S, [t^2]);',
  projective: 'ring R = QQ[x, y, z];\nprint projective(V(x*z - y^2));',
};

/** The kinds that have a typed declaration (`variety X = ...`). */
const DECLARED = ['variety', 'form', 'projection', 'network'];

describe('the table of object kinds', () => {
  it('lists each kind once, under the name a typed declaration uses', () => {
    const names = OBJECT_KINDS.map((k) => k.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(Object.keys(EXAMPLES).sort());
    for (const name of DECLARED) {
      const source = EXAMPLES[name]!.replace(/print (.*);$/, `${name} it = $1;\nprint it;`);
      expect(runLines(source)).toHaveLength(1);
      expect(objectKindNamed(name)?.name).toBe(name);
    }
    expect(objectKindNamed('ideal')).toBeUndefined();
  });

  it('values made by the built-ins carry their kind: type name, kind word, typeOf', () => {
    for (const kind of OBJECT_KINDS) {
      const v = valueOf(EXAMPLES[kind.name]!);
      expect(isObject(kind, v)).toBe(true);
      expect(typeName(v)).toBe(kind.typeName);
      expect(kindWord(v)).toBe(kind.kindWord);
      expect(runLines(EXAMPLES[kind.name]!.replace(/print (.*);$/, 'print typeOf($1);')).at(-1)).toBe(kind.name);
    }
    expect(runErrors('ring R = QQ[x];\nvariety X = diag(1, 2);')[0]!.message).toBe('a variety declaration needs a variety, got a form');
  });

  it('every method extends an existing built-in (which keeps its arity and documentation)', () => {
    for (const kind of OBJECT_KINDS) {
      for (const name of Object.keys(kind.methods)) expect(builtin(name), `${kind.name}.${name}`).toBeDefined();
    }
  });
});

describe('printers', () => {
  it('text, JSON and LaTeX of each kind', () => {
    const variety = valueOf(EXAMPLES['variety']!);
    expect(toText(variety)).toBe('V(-x^2 + y)');
    expect(toJson(variety)).toEqual({ variety: ['-x^2 + y'], ring: 'QQ[x, y]' });
    expect(toLatex(variety)).toBe('V\\left(-x^{2} + y\\right)');

    const form = valueOf(EXAMPLES['form']!);
    expect(toText(form)).toBe('diag(1/2, 1)');
    expect(toJson(form)).toEqual({ form: [['1/2', 0], [0, 1]] });
    expect(toLatex(form)).toBe('\\begin{pmatrix} \\frac{1}{2} & 0 \\\\ 0 & 1 \\end{pmatrix}');
    expect(toText(valueOf('print form([[2, 1], [1, 2]]);'))).toBe('form([[2, 1], [1, 2]])');

    const p = valueOf(EXAMPLES['projection']!);
    expect(toText(p)).toBe('projection([[0, 1, 0], [0, 0, 1]])');
    expect(toJson(p)).toEqual({ projection: [[0, 1, 0], [0, 0, 1]] });
    expect(toLatex(p)).toBe('\\begin{pmatrix} 0 & 1 & 0 \\\\ 0 & 0 & 1 \\end{pmatrix}');

    const N = valueOf(EXAMPLES['network']!);
    expect(toText(N)).toBe('linear(2, 3, 2)');
    expect(toJson(N)).toEqual({ network: 'linear(2, 3, 2)', parameters: 12 });
    expect(toLatex(N)).toBe('\\text{linear(2, 3, 2)}');

    const series = valueOf(EXAMPLES['series']!);
    expect(toText(series)).toBe('(1 + t)/(1 - t)');
    expect(toJson(series)).toEqual({ numerator: [1, 1], power: 1, text: '(1 + t)/(1 - t)' });
    expect(toLatex(series)).toBe('\\frac{1 + t}{1 - t}');
  });

  it('a Hilbert series reads its fields and typesets its numerator from the coefficients', () => {
    // R/(x^2, y^3) in QQ[x, y, z]: (1 + t)(1 + t + t^2)/(1 - t) = (1 + 2t + 2t^2 + t^3)/(1 - t).
    const src = 'ring R = QQ[x, y, z];\nlet H = hilbertSeries(ideal(x^2, y^3));\nprint H.numerator, H.power, H.text;\nprint H;';
    expect(runLines(src)).toEqual(['[1, 2, 2, 1], 1, (1 + 2*t + 2*t^2 + t^3)/(1 - t)', '(1 + 2*t + 2*t^2 + t^3)/(1 - t)']);
    expect(toLatex(valueOf(src))).toBe('\\frac{1 + 2 t + 2 t^{2} + t^{3}}{1 - t}');
    expect(toLatex(valueOf('ring R = QQ[x, y];\nprint hilbertSeries(ideal(x^2, y^2));'))).toBe('1 + 2 t + t^{2}');
    expect(toLatex(valueOf('ring R = QQ[x, y, z, w];\nprint hilbertSeries(ideal(x*y));'))).toBe('\\frac{1 + t}{(1 - t)^{3}}');
  });

  it('a variety made in a ring with indexed coordinates prints them as subscripts', () => {
    const X = valueOf('ring T = QQ[t];\nprint image([t, t^2]);');
    expect(toText(X)).toBe('V(y[1]^2 - y[2])');
    expect(toLatex(X)).toBe('V\\left(y_{1}^{2} - y_{2}\\right)');
  });
});

describe('equality through the kind', () => {
  it('compares varieties as sets, forms and projections as matrices, networks by architecture', () => {
    const src = [
      'ring R = QQ[x, y];',
      'print V(x, y) == V(x + y, y), V(x) == V(x, y);',
      'print diag(1, 2) == form([[1, 0], [0, 2]]), diag(1, 2) == identity(2), projection(diag(0, 1)) == projection([[0, 1]]);',
      'print linear(2, 3, 2) == linear(2, 3, 2), linear(2, 3, 2) == linear(2, 2), diag(1, 1) == projection([[1, 0], [0, 1]]);',
    ].join('\n');
    expect(runLines(src)).toEqual(['true, false', 'true, false, true', 'true, false, false']);
  });
});

describe('fields and methods', () => {
  it('reads fields with a dot; the values agree with the built-ins that compute the same thing', () => {
    const src = [
      'network N = linear(2, 3, 2);',
      'print N.parameters, length(vars(params(N))), N.inputs, N.outputs;',
      'form Q = form([[2, 1], [1, 2]]);',
      'print Q.matrix, projection(Q).matrix;',
      'ring R = QQ[x, y];',
      'variety X = V(x*y, x);',
      'print X.gens == gens(X), X.gens;',
    ].join('\n');
    expect(runLines(src)).toEqual(['12, 12, 2, 2', '[[2, 1], [1, 2]], [[1, 0], [0, 1]]', 'true, [x*y, x]']);
  });

  it('an unknown field is a located error that lists the fields', () => {
    const [d] = runErrors('network N = linear(2, 2);\nprint N.weights;');
    expect(d!.code).toBe('unknown-field');
    expect(d!.message).toBe("a network has no field 'weights'");
    expect([d!.span.startLine, d!.span.startColumn]).toEqual([2, 9]);
    expect(d!.notes).toEqual(['its fields: parameters, inputs, outputs']);
  });

  it('built-ins dispatch to the methods of the kind of their first argument', () => {
    expect(runLines('ring R = QQ[x, y, z];\nlet X = V(x*z - y^2, x^2 - y, x*y - z);\nprint dim(X), codim(X), degree(X), rank(diag(1, 0, 2));')).toEqual(['1, 2, 3, 2']);
    expect(runLines('print dim(linear(3, 1, 3)), rank(projection(diag(0, 1, 1)));')).toEqual(['5, 2']);
  });
});

describe('a kind needs nothing but its descriptor', () => {
  // A toy kind (a labelled integer) defined here: printing, equality, fields and methods all work
  // without registering it anywhere, because the value carries its descriptor.
  const TAG: ObjectKind<{ label: string; n: number }> = {
    name: 'tag',
    typeName: 'Tag',
    kindWord: 'a tag',
    summary: 'A labelled integer (a kind defined by a test).',
    text: (d) => `${d.label}#${d.n}`,
    json: (d) => ({ tag: d.label, n: d.n }),
    latex: (d) => `\\mathrm{${d.label}}_{${d.n}}`,
    equals: (a, b) => a.n === b.n,
    fields: { label: (d) => str(d.label) },
    methods: { dim: (_ctx, d) => int(d.n) },
  };

  it('prints, compares, reads fields and answers built-ins', () => {
    const a = object(TAG, { label: 'a', n: 3 });
    const b = object(TAG, { label: 'b', n: 3 });
    expect([toText(a), toJson(a), toLatex(a), typeName(a), kindWord(a)]).toEqual(['a#3', { tag: 'a', n: 3 }, '\\mathrm{a}_{3}', 'Tag', 'a tag']);
    expect(valuesEqual(a, b, SPAN)).toBe(true);
    expect(valuesEqual(a, object(TAG, { label: 'a', n: 4 }), SPAN)).toBe(false);
    expect(objectField(a, 'label')).toEqual(str('a'));
    expect(objectField(a, 'n')).toBeUndefined();
    expect(objectField(a, 'toString')).toBeUndefined();
    expect(methodFor('dim', a)?.({} as never, [a], new Map())).toEqual(int(3));
    expect(methodFor('rank', a)).toBeUndefined();
    expect(methodFor('constructor', a)).toBeUndefined();
  });
});
