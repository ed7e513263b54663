// Plots of real plane curves (src/lang/plot-curve.ts, the `plot` built-in on polynomials): the
// marching-squares segments checked against closed forms (the unit circle's points and its length
// 2π; the two branches of a hyperbola never joined across the saddle at the origin), marked points
// placed at the exact real points of solve, the SVG parsed by python3's xml.etree (skipped with the
// reason without python3), and the errors of misuse at their place.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curveSegments, type PlanePolynomial } from '../src/lang/plot-curve.js';
import type { PlotData } from '../src/lang/plot-svg.js';
import { run, toText, type Value } from '../src/index.js';

function printed(source: string): Value[] {
  const out: Value[] = [];
  const r = run(source, { onPrint: (record) => out.push(...record.values) });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return out;
}

const plotOf = (v: Value) => (v.kind === 'object' ? (v.data as { data: PlotData; svg: string }) : undefined)!;

/** Segments as [x1, y1, x2, y2] quadruples. */
function quads(s: readonly number[]): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let k = 0; k < s.length; k += 4) out.push([s[k]!, s[k + 1]!, s[k + 2]!, s[k + 3]!]);
  return out;
}

describe('curveSegments (marching squares)', () => {
  const circle: PlanePolynomial = { coeffs: [1, 1, -1], xExp: [2, 0, 0], yExp: [0, 2, 0] };

  it('traces the unit circle: points on it to the grid\'s accuracy, total length 2π', () => {
    const box = { x0: -2, x1: 2, y0: -1.5, y1: 1.7 };
    const segments = quads(curveSegments(circle, box, 200));
    const cell = 4 / 200;
    let length = 0;
    for (const [a, b, c, d] of segments) {
      // Linear interpolation of x^2 + y^2 - 1 along a cell edge: error O(cell^2).
      expect(Math.abs(Math.hypot(a, b) - 1)).toBeLessThan(cell * cell);
      expect(Math.abs(Math.hypot(c, d) - 1)).toBeLessThan(cell * cell);
      length += Math.hypot(c - a, d - b);
    }
    // Chords of a circle are shorter than the arc, by a relative O(cell^2).
    expect(length).toBeLessThan(2 * Math.PI);
    expect(length).toBeGreaterThan(2 * Math.PI * (1 - 1e-3));
  });

  it('never joins the two branches of x y = 1/10000 across the saddle at the origin', () => {
    const f: PlanePolynomial = { coeffs: [1, -1e-4], xExp: [1, 0], yExp: [1, 0] };
    // An odd number of cells: the origin is the centre of a cell whose four edges all change sign.
    const segments = quads(curveSegments(f, { x0: -1, x1: 1, y0: -1, y1: 1 }, 41));
    expect(segments.length).toBeGreaterThan(40);
    for (const [a, b, c, d] of segments) {
      expect(Math.sign(a)).toBe(Math.sign(c));
      expect(Math.sign(b)).toBe(Math.sign(d));
      expect(Math.sign(a)).toBe(Math.sign(b));
    }
  });

  it('draws nothing where f does not change sign (an isolated real point is not drawn)', () => {
    const point: PlanePolynomial = { coeffs: [1, 1], xExp: [2, 0], yExp: [0, 2] };
    expect(curveSegments(point, { x0: -1, x1: 1.3, y0: -1, y1: 1.1 }, 50)).toEqual([]);
  });
});

const python = spawnSync('python3', ['-c', 'import xml.etree.ElementTree'], { encoding: 'utf8' }).status === 0;

describe('plot of a polynomial', () => {
  const script = 'ring R = QQ[x, y];\nlet f = x^2 + y^2 - 1;\nlet S = solve(ideal(f, x - y));\nprint plot(f, points = S.points, title = "circle");\n';

  it('marks the real points of solve on the curve, in a box around them', () => {
    const [v] = printed(script);
    expect(toText(v!)).toBe('plot(curve: 1 curve, 2 points)');
    const { data, svg } = plotOf(v!);
    if (data.kind !== 'curve') throw new Error('not a curve');
    // The points are ±(1/√2, 1/√2), in increasing order of x.
    const h = Math.SQRT1_2;
    expect(data.xs[0]).toBeCloseTo(-h, 12);
    expect(data.ys[0]).toBeCloseTo(-h, 12);
    expect(data.xs[1]).toBeCloseTo(h, 12);
    expect(data.axes).toEqual(['x', 'y']);
    // The box: the points' extent, 1 added each way (half the extent is smaller).
    expect(data.box.x0).toBeCloseTo(-h - 1, 12);
    expect(data.box.y1).toBeCloseTo(h + 1, 12);
    expect(svg.match(/<circle /g)!.length).toBe(2);
    expect(svg.match(/<path /g)!.length).toBe(1);
  });

  it('draws a list of curves in one ring, in the variables they use, inside the given box', () => {
    const [v] = printed('ring R = QQ[a, b, c];\nprint plot([b^2 - c^3 - c, b - c], box = [-1, 2, -2, 2], points = [[0, 0]]);');
    const { data } = plotOf(v!);
    if (data.kind !== 'curve') throw new Error('not a curve');
    expect(data.axes).toEqual(['b', 'c']);
    expect(data.curves.length).toBe(2);
    for (const [x1, y1, x2, y2] of quads(data.curves[1]!)) {
      expect(x1 - y1).toBeCloseTo(0, 10);
      expect(x2 - y2).toBeCloseTo(0, 10);
      expect(Math.min(x1, x2)).toBeGreaterThanOrEqual(-1);
    }
  });

  it.skipIf(!python)('writes well-formed SVG (python3\'s xml.etree)', () => {
    const { svg } = plotOf(printed(script)[0]!);
    const r = spawnSync('python3', ['-c', 'import sys, xml.etree.ElementTree as E; r = E.fromstring(sys.stdin.read()); print(len(r.findall("{http://www.w3.org/2000/svg}path")))'], { input: svg, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('1');
  });

  it('says what is wrong, at the argument', () => {
    const error = (source: string) => {
      const d = run(source).diagnostics[0]!;
      return `${d.span.startLine}:${d.span.startColumn} ${d.message}`;
    };
    expect(error('ring R = QQ[x, y, z];\nprint plot(x + y + z);')).toBe('2:12 a plotted curve lives in the plane: these polynomials use 3 variables (x, y, z)');
    expect(error('ring R = GF(7)[x, y];\nprint plot(x - y);')).toBe('2:12 a plotted curve needs coefficients in QQ (a real picture)');
    expect(error('ring R = QQ[x, y, z];\nprint plot(x^2 - 1);')).toBe('2:12 a plotted curve needs two variables: the polynomials use only x and the ring has 3');
    // A keyword's error points at its value.
    const line = 'print plot([1, 2], box = [0, 1, 0, 1]);';
    expect(error(`ring R = QQ[x, y];\n${line}`)).toMatch(new RegExp(`^2:${line.indexOf('[0') + 1} box goes with the plot of a curve`));
    const bad = 'print plot(x - y, box = [1, 0, 0, 1]);';
    expect(error(`ring R = QQ[x, y];\n${bad}`)).toMatch(new RegExp(`^2:${bad.indexOf('[1') + 1} box must be \\[xmin, xmax, ymin, ymax\\] with xmin < xmax`));
    expect(error('ring R = QQ[x, y];\nprint plot(x - y, kind = "line");')).toBe('2:12 kind = "line" needs numbers or points, not polynomials');
  });
});
