// Lazy records: a field given as a thunk is computed on its first read and cached; printing reads
// every field. The built-ins that return records of very different costs (solve, stationary) compute
// only what is read: checked by which fields the record has computed, by the progress events the
// network engine reports before each expensive stage, and by how(x); and the lazy values are checked
// against the eager engine (an independent call of src/networks/stationary.ts) and other routes.
import { describe, expect, it } from 'vitest';
import { QQ, rat } from '../../src/math/field.js';
import { toJson, toText } from '../../src/lang/print.js';
import { provenanceOf, withProvenance } from '../../src/lang/provenance.js';
import { Session } from '../../src/lang/run.js';
import { int, record, type RecordValue, type Value } from '../../src/lang/values.js';
import { PolyRing } from '../../src/math/poly.js';
import type { ProgressEvent } from '../../src/math/progress.js';
import { stationaryPoints } from '../../src/networks/stationary.js';
import { runErrors, runLines } from '../helpers.js';

/** A session that records progress events; `value(name)` reads a global without printing it. */
function session() {
  const events: ProgressEvent[] = [];
  const s = new Session({ seed: 5, onProgress: (e) => events.push(e) });
  const evaluate = (source: string): string[] => {
    const result = s.evaluate(source);
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
    return result.prints.map((p) => p.text);
  };
  const value = (name: string): Value => s.interpreter.globals.lookup(name)!;
  const fieldsComputed = (name: string): string[] => {
    const v = value(name) as RecordValue;
    return [...v.fields.keys()].filter((k) => v.fields.isComputed(k));
  };
  return { events, evaluate, value, fieldsComputed };
}

const stage = (events: readonly ProgressEvent[], text: string) => events.filter((e) => e.stage === 'stationary' && e.message?.includes(text)).length;

describe('record fields', () => {
  it('a lazy field is computed once, on its first read, and keeps its place in the order', () => {
    let calls = 0;
    const r = record({ a: int(1), b: () => (calls++, int(2)), c: int(3) });
    expect(calls).toBe(0);
    expect([...r.fields.keys()]).toEqual(['a', 'b', 'c']);
    expect(r.fields.has('b') && !r.fields.isComputed('b')).toBe(true);
    const first = r.fields.get('b');
    expect(r.fields.get('b')).toBe(first);
    expect(calls).toBe(1);
    expect(r.fields.get('nope')).toBeUndefined();
    expect(r.fields.size).toBe(3);
  });

  it('printing (text and JSON) computes every field, and the printed record equals an eager one', () => {
    let calls = 0;
    const lazy = record({ x: () => (calls++, int(7)), y: () => (calls++, int(8)) });
    expect(toText(lazy)).toBe('{x: 7, y: 8}');
    expect(toJson(lazy)).toEqual({ x: 7, y: 8 });
    expect(calls).toBe(2);
    expect(toText(record({ x: int(7), y: int(8) }))).toBe(toText(lazy));
  });

  it('a field whose computation fails caches nothing: the next read tries again', () => {
    let fail = true;
    const r = record({ x: () => { if (fail) throw new Error('not yet'); return int(1); } });
    expect(() => r.fields.get('x')).toThrow('not yet');
    expect(r.fields.isComputed('x')).toBe(false);
    fail = false;
    expect(toText(r.fields.get('x')!)).toBe('1');
  });

  it("a record's provenance reaches its lazy fields when they are computed, without forcing them", () => {
    const own = { algorithm: 'own', field: 'QQ', certified: true, seconds: 0 };
    const shared = { algorithm: 'shared', field: 'QQ', certified: false, seconds: 0 };
    const r = withProvenance(record({ plain: () => int(1), tagged: () => withProvenance(int(2), own) }), shared);
    expect(r.fields.isComputed('plain') || r.fields.isComputed('tagged')).toBe(false);
    expect(provenanceOf(r.fields.get('plain')!)?.algorithm).toBe('shared');
    expect(provenanceOf(r.fields.get('tagged')!)?.algorithm).toBe('own');
  });

  it('record literals, field access and equality work as before', () => {
    expect(runLines('let r = {a: 1, b: [2, 3]}; print r.b, r == {a: 1, b: [2, 3]}, r;')).toEqual(['[2, 3], true, {a: 1, b: [2, 3]}']);
    expect(runErrors('let r = {a: 1}; print r.c;')[0]!.code).toBe('unknown-field');
  });
});

describe('solve(I) is lazy', () => {
  const setup = 'ring R = QQ[x, y];\nlet I = ideal(x^2*(x - 1), y^2 - 2);\nlet s = solve(I);\n';

  it('.complex counts the distinct solutions without isolating real roots', () => {
    const t = session();
    expect(t.evaluate(`${setup}print s.complex, how(s.complex).algorithm;`)).toEqual(['4, distinct-count']);
    expect(t.fieldsComputed('s')).toEqual(['complex']);
    // The eager route (real roots) on a fresh record: the same count; vdim counts the double root twice.
    expect(t.evaluate('let t = solve(I);\nprint t.points;\nprint t.complex, t.real, vdim(I);')).toEqual([
      '[[0, -1.41421356237309504880168872421], [0, 1.41421356237309504880168872421], [1, -1.41421356237309504880168872421], [1, 1.41421356237309504880168872421]]',
      '4, 4, 6',
    ]);
    expect(t.fieldsComputed('t')).toEqual(['complex', 'real', 'points']);
  });

  it('.complex of a radical system over QQ is the degree of the modular parametrization (no real roots), equal to the vdim', () => {
    const t = session();
    // katsura-3 is radical with 2^3 = 8 solutions: the independent route is the vdim from the Hilbert series.
    const lines = t.evaluate('import "stdlib/systems.vdl";\nlet K = katsura(3);\nlet s = solve(K);\nprint s.complex, how(s.complex).algorithm, vdim(K);');
    expect(lines).toEqual(['8, modular-parametrization, 8']);
    expect(t.fieldsComputed('s')).toEqual(['complex']);
    expect(t.evaluate('print s.real;')).toEqual(['6']);
  });

  it("the record's provenance is that of its most complete route that has run (the REPL's type line)", () => {
    const t = session();
    expect(t.evaluate(`${setup}print how(s).algorithm;\nprint s.complex, how(s).algorithm;\nprint s.points == s.points;\nprint how(s).algorithm == how(s.points).algorithm, how(s).algorithm == "solve";`)).toEqual([
      'solve',
      '4, solve',
      'true',
      'true, false',
    ]);
  });

  it('printing the record computes every field; a positive-dimensional ideal is still an error at the call', () => {
    expect(runLines(`${setup}print s;`)[0]).toMatch(/^\{complex: 4, real: 4, points: \[\[/);
    const [d] = runErrors('ring R = QQ[x, y];\nlet s = solve(ideal(x*y));');
    expect(d!.span.startLine).toBe(2);
  });
});

describe('stationary(L) is lazy', () => {
  // The scalar network of background §4: 5 complex stationary points, 3 real, Morse indices [2, 1, 0].
  const scalar = 'let L = loss(linear(1, 1, 1), X = [[1, 1, 1]], Y = [[1, 2, 2]], reg = [[[1/2]], [[2]]]);\nlet s = stationary(L);\n';

  it('.complex is the count modulo a random prime, labelled probabilistic; nothing exact runs', () => {
    const t = session();
    expect(t.evaluate(`${scalar}print s.complex, s.bezout;\nprint how(s.complex).field, how(s.complex).certified;`)).toEqual(['5, 9', expect.stringMatching(/^GF\(\d+\), false$/)]);
    expect(t.evaluate('print how(s.complex).errorBound;')[0]).toMatch(/^probabilistic: counted modulo a random 26-bit prime/);
    expect(t.fieldsComputed('s')).toEqual(['complex', 'bezout']);
    expect(stage(t.events, 'real count') + stage(t.events, 'Morse')).toBe(0);
  });

  it('.real counts real points exactly without the Morse indices; .indices then runs the exact route', () => {
    const t = session();
    expect(t.evaluate(`${scalar}print s.real, how(s.real).field;`)).toEqual(['3, QQ']);
    expect(stage(t.events, 'real count')).toBe(1);
    expect(stage(t.events, 'Morse')).toBe(0);
    expect(t.fieldsComputed('s')).toEqual(['real', 'bezout']);
    expect(t.evaluate('print s.indices, s.minima;')).toEqual(['[2, 1, 0], 2']);
    expect(stage(t.events, 'Morse')).toBe(1);
    // Once the exact route ran, .complex is its count over QQ, and the record says how the exact route went.
    expect(t.evaluate('print s.complex, how(s.complex).field;')).toEqual(['5, QQ']);
    expect(t.evaluate('print how(s).note == how(s.indices).note, how(s.real).note == how(s.indices).note;')).toEqual(['true, false']);
  });

  it('the lazy fields equal the eager engine, read in any order', () => {
    const R = new PolyRing(QQ, ['w1', 'w2']);
    const w1 = R.variable(0), w2 = R.variable(1);
    const p = R.mul(w1, w2);
    // The same loss as `scalar`, built independently: ½((1·p - 1)² + 2(p - 2)²) + ½(½ w1² + 2 w2²).
    const half = rat(1n, 2n);
    const data = R.add(R.mul(R.sub(p, R.one()), R.sub(p, R.one())), R.scale(R.mul(R.sub(p, R.fromInt(2)), R.sub(p, R.fromInt(2))), rat(2n)));
    const L = R.scale(R.add(data, R.add(R.scale(R.mul(w1, w1), half), R.scale(R.mul(w2, w2), rat(2n)))), half);
    const eager = stationaryPoints(R, L);
    const t = session();
    const lines = t.evaluate(`${scalar}print s.points;\nprint s.complex, s.real, s.indices, s.degenerate;\nlet u = stationary(L);\nprint u;`);
    // Each point is an exact real point, printed as the list of its coordinates' decimals.
    // The value is the exact loss there: a fraction when rational, else its 30 digits.
    const valueText = (pt: (typeof eager.points)[number]) => {
      const x = pt.point!.evaluate(L);
      const q = x.rational();
      return q ? (q.den === 1n ? `${q.num}` : `${q.num}/${q.den}`) : x.toDecimal(30);
    };
    const points = eager.points.map((pt) => `{point: [${pt.coordinates.join(', ')}], value: ${valueText(pt)}, index: ${pt.index}}`);
    expect(lines[0]).toBe(`[${points.join(', ')}]`);
    expect(lines[1]).toBe(`${eager.complex}, ${eager.real}, [${eager.indices.join(', ')}], ${eager.degenerate}`);
    expect(lines[2]).toBe(
      `{complex: ${eager.complex}, real: ${eager.real}, minima: ${eager.minima}, indices: [${eager.indices.join(', ')}], degenerate: ${eager.degenerate}, bezout: ${eager.bezout}, points: [${points.join(', ')}]}`,
    );
  });

  it('a network with 6 weights gives .complex by the modular route, equal to the count at another prime', () => {
    const t = session();
    const lines = t.evaluate(
      'let L = loss(linear(2, 2, 1), X = [[1, 0], [2, 1]], Y = [[2, 1]], reg = "random");\nlet s = stationary(L);\nprint s.complex;\nprint stationary(L, prime = 32003).complex;',
    );
    expect(lines[0]).toBe(lines[1]);
    expect(Number(lines[0])).toBeGreaterThan(0);
    expect(t.fieldsComputed('s')).toEqual(['complex', 'bezout']);
    expect(stage(t.events, 'real count') + stage(t.events, 'Morse')).toBe(0);
  });

  it('a positive-dimensional set of stationary points: its dimension at the call, its components when read', () => {
    const t = session();
    t.evaluate('let L = loss(linear(1, 1, 1), X = [[1, 1, 1]], Y = [[1, 2, 2]]);\nlet s = stationary(L);');
    expect(t.fieldsComputed('s')).toEqual(['complex', 'dim', 'bezout']);
    expect(t.evaluate('print s.complex, s.dim;')).toEqual(['positive-dimensional, 1']);
    expect(t.fieldsComputed('s')).toEqual(['complex', 'dim', 'bezout']);
    expect(t.evaluate('print s.isolated.indices;')).toEqual(['[0, 1, 0]']);
    expect(t.fieldsComputed('s')).toEqual(['complex', 'dim', 'bezout', 'isolated']);
  });
});
