// Real points and real algebraic numbers in the language (src/lang/objects/point.ts): solve(I).points
// are exact points; their coordinates are exact numbers. Checked against closed forms: the circle
// x^2 + y^2 = 1 meets x = y at ±(1/√2, 1/√2), so x^2 = 1/2, x·y = 1/2, x + y = ±√2 (decimals of √2
// known), and against independent routes: the Hessian at a point equals the Hessian polynomials
// substituted by hand, every point of a system makes every generator exactly 0 and lies in its box.
import { describe, expect, it } from 'vitest';
import { ALGEBRAIC, POINT, pointFromJson } from '../../src/lang/objects/point.js';
import { valuesEqual } from '../../src/lang/ops.js';
import { toJson, toLatex, toText } from '../../src/lang/print.js';
import { typedJson } from '../../src/lang/typed-json.js';
import { run } from '../../src/lang/run.js';
import { isObject, type Value } from '../../src/lang/values.js';
import { runErrors, runLines } from '../helpers.js';

const SPAN = { file: '<test>', startOffset: 0, endOffset: 1, startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
const CIRCLE = 'ring R = QQ[x, y];\nlet s = solve(ideal(x^2 + y^2 - 1, x - y));\nlet p = s.points[1];\nlet q = s.points[2];\n';
const HALF_SQRT2 = '0.707106781186547524400844362105';
const SQRT2 = '1.41421356237309504880168872421';

function valueOf(source: string): Value {
  const result = run(source);
  if (!result.ok) throw new Error(result.diagnostics[0]!.message);
  return result.prints.at(-1)!.values[0]!;
}

describe('solve(I).points are exact real points', () => {
  it('print as their coordinates rounded exactly to 30 digits, sorted', () => {
    expect(runLines(`${CIRCLE}print p;\nprint q;\nprint typeOf(p), typeOf(p[1]), length(p);`)).toEqual([
      `[-${HALF_SQRT2}, -${HALF_SQRT2}]`,
      `[${HALF_SQRT2}, ${HALF_SQRT2}]`,
      'point, algebraic, 2',
    ]);
    expect(runLines('ring R = QQ[x, y];\nprint solve(ideal(x^2 - 2, y^2 - 3), digits = 5).points;')).toEqual([
      '[[-1.4142, -1.7321], [-1.4142, 1.7321], [1.4142, -1.7321], [1.4142, 1.7321]]',
    ]);
  });

  it('compute exactly with their coordinates: x^2 = 1/2, x·y = 1/2, x + y = -√2, 1/x = -√2', () => {
    expect(runLines(`${CIRCLE}print p[1]^2, p[1]*p[2], p[1] + p[2], 1/p[1], p[1] - p[2];`)).toEqual([`1/2, 1/2, -${SQRT2}, -${SQRT2}, 0`]);
    expect(runLines(`${CIRCLE}print p[1]^2 == 1/2, p[1] == p[2], (p[1] + 1)*(p[1] - 1) == -1/2, p[1]^-2, -p[1];`)).toEqual([
      `true, true, true, 2, ${HALF_SQRT2}`,
    ]);
  });

  it('compare exactly: signs, <, ==, with rationals and numbers of the same point', () => {
    const src = `${CIRCLE}print sign(p[1]), sign(q[1]), sign(p[1] - p[2]), p[1] < 0, p[1] < -0.7071, p[1] > -0.7072, q[1] >= 0, abs(p[1]) == -p[1];`;
    expect(runLines(src)).toEqual(['-1, 1, 0, true, true, true, true, true']);
    // 0.70710678118654752440 < 1/√2 < 0.70710678118654752441.
    expect(runLines(`${CIRCLE}print q[1] > 0.70710678118654752440, q[1] < 0.70710678118654752441;`)).toEqual(['true, true']);
  });

  it('float, decimal and a float operand give floats; decimal takes any number of digits', () => {
    expect(runLines(`${CIRCLE}print float(p), float(q[2]), decimal(q[1], 5), decimal(p, 3), q[1] + float(1/2), 2.0 * q[1] < 1.5, q[1] + 0.5;`)).toEqual([
      '[-0.7071067811865476, -0.7071067811865476], 0.7071067811865476, 0.70711, ["-0.707", "-0.707"], 1.2071067811865475, true, 1.2071067811865475244008443621',
    ]);
    expect(runLines(`${CIRCLE}print decimal(q[1], 60);`)).toEqual(['0.70710678118654752440084436210484903928483593768847403658834']);
  });

  it('evaluate polynomials: subs(f, p) and hessian(f, p), checked against the substitution by hand', () => {
    expect(runLines(`${CIRCLE}print subs(x^2 + y^2, p), subs(x + y, q), subs(x^3*y - 1/4, q);`)).toEqual([`1, ${SQRT2}, 0`]);
    // f = x^3 + x y^2: H = [[6x, 2y], [2y, 2x]] at (-√2, 1) and (√2, 1).
    const src = [
      'ring R = QQ[x, y];',
      'let f = x^3 + x*y^2;',
      'for p in solve(ideal(x^2 - 2, y - 1)).points {',
      '  let H = hessian(f, p);',
      '  print H[1][1] == 6*p[1], H[1][2] == 2*p[2], H[2][2] == 2*p[1], H[2][1] == H[1][2], H[1][2];',
      '}',
      'print hessian(f, solve(ideal(x^2 - 2, y - 1)).points[1]);',
    ].join('\n');
    expect(runLines(src)).toEqual(['true, true, true, true, 2', 'true, true, true, true, 2', '[[-8.48528137423857029281013234526, 2], [2, -2.82842712474619009760337744842]]']);
  });

  it('satisfy the equations: every generator is exactly 0 at every point, and each box holds the printed point', () => {
    const src = [
      'ring R = QQ[x, y, z];',
      'let I = ideal(x^2 + y^2 + z^2 - 3, x*y*z - 1/2, x + y - 2*z);',
      'let s = solve(I);',
      'print s.real == length(s.points);',
      'for p in s.points {',
      '  print subs(x^2 + y^2 + z^2 - 3, p) == 0 and subs(x*y*z - 1/2, p) == 0 and subs(x + y - 2*z, p) == 0;',
      '  for i in 1..3 { assert p.box[i][1] <= p[i] and p[i] <= p.box[i][2] and p.box[i][2] - p.box[i][1] < 10^-30, "box"; }',
      '}',
    ].join('\n');
    const lines = runLines(src);
    expect(lines[0]).toBe('true');
    expect(lines.length).toBeGreaterThan(1);
    expect(new Set(lines.slice(1))).toEqual(new Set(['true']));
  });

  it('come from the trace route for a non-radical ideal, and are none over GF(p)', () => {
    expect(runLines('ring R = QQ[x, y];\nlet s = solve(ideal(x^2, y^2 - 2*y + 1, x*y));\nprint s.points, typeOf(s.points[1]), s.points[1][2] == 1;')).toEqual(['[[0, 1]], point, true']);
    expect(runLines('ring F = GF(7)[x];\nprint solve(ideal(x^2 - 2)).points;')).toEqual(['[]']);
  });

  it('refuse what would be wrong: numbers of different points, division by zero, points of another ring', () => {
    const [a] = runErrors(`${CIRCLE}print p[1] + q[1];`);
    expect(a!.code).toBe('different-points');
    expect([a!.span.startLine, a!.span.startColumn]).toEqual([5, 7]);
    const [b] = runErrors(`${CIRCLE}print 1/(p[1] - p[2]);`);
    expect(b!.code).toBe('division-by-zero');
    const [c] = runErrors(`${CIRCLE}ring S = QQ[u, v];\nprint subs(u + v, p);`);
    expect(c!.code).toBe('ring-mismatch');
    const [d] = runErrors(`${CIRCLE}print p[1] + x;`);
    expect(d!.code).toBe('type');
    expect(runErrors(`${CIRCLE}print p[3];`)[0]!.code).toBe('index');
  });
});

describe('solve(I).solutions: every complex solution, certified', () => {
  it('x^2 + y^2 + 1 = 0, x = y: the two non-real solutions ±(i/√2, i/√2), within the stated error', () => {
    const src = [
      'ring R = QQ[x, y];',
      'let s = solve(ideal(x^2 + y^2 + 1, x - y));',
      'print s.complex, s.real, length(s.solutions), s.points;',
      'for z in s.solutions { print z.real, z.multiplicity, abs(abs(z.point[1][2]) - sqrt(1/2)) <= z.error + 1e-16, abs(z.point[2][1]) <= z.error, z.error < 1e-12; }',
    ].join('\n');
    expect(runLines(src)).toEqual(['2, 0, 2, []', 'false, 1, true, true, true', 'false, 1, true, true, true']);
  });

  it('flags the real solutions and counts multiplicities (the vdim in all)', () => {
    const src = [
      'ring R = QQ[x, y];',
      'let s = solve(ideal(x^2 - 2, y^2 + 1));',
      'fn mult(z) = z.multiplicity;',
      'print length(s.solutions), s.real, sum(map(mult, s.solutions));',
      'let t = solve(ideal(x^2, y^2 - 2*y + 1, x*y));',
      'print length(t.solutions), t.solutions[1].real, t.solutions[1].multiplicity == vdim(ideal(x^2, y^2 - 2*y + 1, x*y)), t.solutions[1].point;',
    ].join('\n');
    expect(runLines(src)).toEqual(['4, 0, 4', '1, true, true, [[0.0, 0.0], [1.0, 0.0]]']);
  });
});

describe('printing real points', () => {
  it('JSON carries the decimals and the exact data, and reads back to the same point', () => {
    const p = valueOf(`${CIRCLE}print q;`);
    if (!isObject(POINT, p)) throw new Error('not a point');
    const json = JSON.parse(JSON.stringify(toJson(p)));
    expect(json.point).toEqual([HALF_SQRT2, HALF_SQRT2]);
    expect(json.variables).toEqual(['x', 'y']);
    expect(json.digits).toBe(30);
    const back = pointFromJson(json, p.data.ring);
    expect(valuesEqual(back, p, SPAN)).toBe(true);
    expect(toText(back)).toBe(toText(p));
    const other = valueOf(`${CIRCLE}print p;`);
    expect(valuesEqual(back, other, SPAN)).toBe(false);
  });

  it('typed JSON: {type: "point", value, variables, digits, exact} with exact numbers as strings, and it reads back', () => {
    const p = valueOf(`${CIRCLE}print q;`);
    if (!isObject(POINT, p)) throw new Error('not a point');
    const t = typedJson(p) as { type: string; value: string[]; variables: string[]; exact: { w: string[]; interval: string[] } };
    expect(t.type).toBe('point');
    expect(t.value).toEqual([HALF_SQRT2, HALF_SQRT2]);
    expect(t.variables).toEqual(['x', 'y']);
    expect(t.exact.w.every((c) => typeof c === 'string')).toBe(true);
    // The plain reader takes the typed exact part too (rationals as strings).
    expect(valuesEqual(pointFromJson({ exact: t.exact, digits: 30 }, p.data.ring), p, SPAN)).toBe(true);
    const x = typedJson(valueOf(`${CIRCLE}print q[1];`)) as { type: string; value: string };
    expect([x.type, x.value]).toEqual(['algebraic', HALF_SQRT2]);
  });

  it('a number prints its decimals in text and LaTeX, and its JSON has the exact data', () => {
    const x = valueOf(`${CIRCLE}print q[1] + q[2];`);
    expect(isObject(ALGEBRAIC, x)).toBe(true);
    expect(toText(x)).toBe(SQRT2);
    expect(toLatex(x)).toBe(SQRT2);
    const json = toJson(x) as { algebraic: string; exact: { w: unknown[]; interval: unknown[] } };
    expect(json.algebraic).toBe(SQRT2);
    expect(json.exact.interval).toHaveLength(2);
    expect(toLatex(valueOf(`${CIRCLE}print q;`))).toBe(`\\left( ${HALF_SQRT2}, ${HALF_SQRT2} \\right)`);
  });
});
