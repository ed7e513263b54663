// Series plots and logarithmic axes (src/lang/plot-svg.ts, the `plot` built-in): a record of
// histories draws one polyline per field with a legend; log = true places y at log10 y (checked from
// the drawn coordinates against the data) with ticks at powers of ten, and leaves out y ≤ 0.
import { describe, expect, it } from 'vitest';
import { plotSvg } from '../../src/lang/plot-svg.js';
import { run, type Value } from '../../src/index.js';
import { runErrors } from '../helpers.js';

function printed(source: string): Value[] {
  const out: Value[] = [];
  const r = run(source, { onPrint: (record) => out.push(...record.values) });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return out;
}

const polylines = (svg: string) => [...svg.matchAll(/<polyline[^>]*stroke="([^"]+)"[^>]*points="([^"]+)"/g)].map((m) => ({ colour: m[1]!, points: m[2]!.split(' ').map((p) => p.split(',').map(Number) as [number, number]) }));

describe('series plots', () => {
  it('draw one line per field, in distinct colours, with the field names as a legend', () => {
    const [p] = printed('print plot({gd: [1, 1/2, 1/4], nesterov: [[1, 1], [2, 1/10], [3, 1/100]]}, title = "histories");');
    const svg = (p as unknown as { data: { svg: string } }).data.svg;
    const lines = polylines(svg);
    expect(lines).toHaveLength(2);
    expect(lines[0]!.colour).not.toBe(lines[1]!.colour);
    expect(lines.map((l) => l.points.length)).toEqual([3, 3]);
    expect(svg).toContain('>gd</text>');
    expect(svg).toContain('>nesterov</text>');
  });

  it('with log = true put y at log10 y: equal ratios give equal pixel steps; y ≤ 0 is left out', () => {
    const svg = plotSvg({ kind: 'series', title: '', logY: true, series: [{ name: 'a', xs: [1, 2, 3, 4], ys: [1, 0.1, 0.01, 0] }] });
    const [line] = polylines(svg);
    expect(line!.points).toHaveLength(3);
    const dy = line!.points.slice(1).map((p, i) => p[1] - line!.points[i]![1]);
    expect(Math.abs(dy[0]! - dy[1]!)).toBeLessThan(0.02);
    expect(svg).toContain('>1e-2</text>');
    expect(svg).toContain('>1e0</text>');
  });

  it('prints its series names; a single history can have a log axis too; errors at the call', () => {
    expect(printed('print plot({a: [1, 2], b: [3, 4]});').map(String)).toHaveLength(1);
    const r = run('let p = plot([1, 0.1, 0.01], log = true);\nprint p.kind;');
    expect(r.ok && r.prints[0]!.text).toBe('line');
    expect(run('print plot({a: [1, 2], b: [3, 4]});').prints[0]!.text).toBe('plot(series: a, b)');
    expect(runErrors('plot([1, 2], kind = "histogram", log = true);')[0]!.message).toMatch(/no logarithmic axis/);
    expect(runErrors('plot({a: [1, 2]}, kind = "scatter");')[0]!.message).toMatch(/drawn as lines/);
    expect(runErrors('plot([1, 2], log = 1);')[0]!.message).toMatch(/log must be true or false/);
  });
});
