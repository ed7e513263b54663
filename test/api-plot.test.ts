// Plots as SVG (src/lang/plot-svg.ts, the `plot` built-in and kind): the tick and bin rules, the
// geometry of the drawing checked against the data, XML well-formedness by an independent parser
// (python3's xml.etree; skipped with the reason without python3), and `vdl run` writing a printed
// plot to a file beside the script.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { histogramBars, niceTicks, plotSvg } from '../src/lang/plot-svg.js';
import { run, toText, type Value } from '../src/index.js';

const root = path.resolve(import.meta.dirname, '..');

function printed(source: string): Value[] {
  const out: Value[] = [];
  const r = run(source, { onPrint: (record) => out.push(...record.values) });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return out;
}

/** The numbers of an attribute list such as points="x,y x,y". */
const numbers = (s: string) => s.split(/[ ,]/).map(Number);

describe('plot-svg', () => {
  it('ticks at 1, 2 or 5 times a power of ten, inside the range', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0, 97)).toEqual([0, 50]);
    expect(niceTicks(-3, 3)).toEqual([-2, 0, 2]);
    expect(niceTicks(0, 10, 11)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const [lo, hi] of [[0.001, 0.0043], [-1e6, 3e6], [7, 8]] as const) {
      const t = niceTicks(lo, hi);
      expect(t.every((x) => x >= lo - 1e-12 && x <= hi + 1e-12)).toBe(true);
      const step = t[1]! - t[0]!;
      const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-12);
      expect([1, 2, 5].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
    }
  });

  it('bins integers one per value, other values by Sturges\' rule', () => {
    expect(histogramBars([0, 1, 1, 2, 2, 2]).map((b) => b.count)).toEqual([1, 2, 3]);
    const values = Array.from({ length: 100 }, (_, i) => Math.sin(i) * 10);
    const bars = histogramBars(values);
    expect(bars.length).toBe(Math.ceil(Math.log2(100)) + 1);
    expect(bars.reduce((s, b) => s + b.count, 0)).toBe(100);
    for (const b of bars) expect(values.filter((x) => x >= b.lo && (x < b.hi || b === bars.at(-1))).length).toBe(b.count);
  });

  it('draws a series as a polyline whose heights follow the values', () => {
    const ys = [3, 1, 0.5, 0.25, 2];
    const svg = plotSvg({ kind: 'line', title: 'loss <per step>', xs: ys.map((_, i) => i + 1), ys });
    const pts = numbers(/<polyline [^>]*points="([^"]+)"/.exec(svg)![1]!);
    const px = pts.filter((_, i) => i % 2 === 0);
    const py = pts.filter((_, i) => i % 2 === 1);
    // Screen y grows downwards: a larger value is higher up; x is increasing; the map is affine.
    for (let i = 1; i < ys.length; i++) expect(px[i]! > px[i - 1]!).toBe(true);
    const slope = (py[1]! - py[0]!) / (ys[1]! - ys[0]!);
    expect(slope).toBeLessThan(0);
    for (let i = 0; i < ys.length; i++) expect(py[i]! - py[0]!).toBeCloseTo(slope * (ys[i]! - ys[0]!), 1);
    expect(svg).toContain('loss &lt;per step&gt;');
  });
});

const python = spawnSync('python3', ['-c', 'import xml.etree.ElementTree'], { encoding: 'utf8' }).status === 0;

describe('the plot built-in', () => {
  it('makes line, scatter and histogram plots', () => {
    const [line, scatter, hist] = printed('print plot([3, 1, 1/2, 1/4]), plot([[0, 1], [1, 0], ["0.5", "-0.5"]], title = "points"), plot([0, 1, 1, 2], kind = "histogram");');
    expect([line, scatter, hist].map((v) => toText(v!))).toEqual(['plot(line: 4 values)', 'plot(scatter: 3 points)', 'plot(histogram: 4 values in 3 bars)']);
    const svg = (v: Value) => (v.kind === 'object' ? (v.data as { svg: string }).svg : '');
    expect(svg(scatter!).match(/<circle /g)!.length).toBe(3);
    expect(svg(hist!).match(/<rect [^>]*fill="#2ca02c"/g)!.length).toBe(3);
  });


  it('says what is wrong with its input', () => {
    const r = run('print plot([[1, 2, 3]]);');
    expect(r.diagnostics[0]!.message).toBe('plot takes points in the plane: lists [x, y]');
    expect(run('print plot([1, "a"]);').diagnostics[0]!.message).toBe('plot needs numbers (or decimal strings), got "a"');
  });

  it.skipIf(!python)('writes well-formed SVG (parsed by python3\'s xml.etree)', () => {
    const values = printed('print plot([3, 1, 1/2]), plot([[0, 1], [2, 3]], title = "a & b"), plot([0.5, 1.5, 2.5, 0.1], kind = "histogram");');
    for (const v of values) {
      const svg = v.kind === 'object' ? (v.data as { svg: string }).svg : '';
      const r = spawnSync('python3', ['-c', 'import sys, xml.etree.ElementTree as E; r = E.fromstring(sys.stdin.read()); print(r.tag)'], { input: svg, encoding: 'utf8' });
      expect(r.stdout.trim()).toBe('{http://www.w3.org/2000/svg}svg');
    }
  });

  it('vdl run writes a printed plot beside the script', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vdl-plot-'));
    const file = path.join(dir, 'history.vdl');
    writeFileSync(file, 'let h = [1, 1/2, 1/4, 1/8];\nprint plot(h, title = "residuals");\n');
    const r = spawnSync(process.execPath, [path.join(root, 'bin/vdl.js'), 'run', file], { encoding: 'utf8', cwd: root });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('plot(line: 4 values)\n');
    const svgFile = path.join(dir, 'history-2.svg');
    expect(r.stderr).toBe(`vdl: wrote ${svgFile}\n`);
    expect(existsSync(svgFile)).toBe(true);
    expect(readFileSync(svgFile, 'utf8')).toMatch(/^<svg [\s\S]*residuals[\s\S]*<\/svg>\n$/);
  });
});
