// A minimal SVG writer for plots: a line plot of a series (an iteration history), a scatter plot of
// points in the plane, a histogram of values, several named series as lines with a legend (the
// histories of several methods), real plane curves in a box with marked points (their segments from
// ./plot-curve.ts). Line, scatter and series plots may have a logarithmic y axis (ticks at the powers
// of ten; points with y ≤ 0 cannot be drawn there and are left out). The representation is plain data (PlotData: the
// coordinates as doubles, or the bars); the output is one self-contained SVG document with axes,
// ticks at "nice numbers" (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990: steps of
// 1, 2 or 5 times a power of ten) and an optional title. No dependency: the text is built here, with
// every piece of user text escaped for XML.

import type { Box } from './plot-curve.js';

export type PlotData =
  | { readonly kind: 'line' | 'scatter'; readonly title: string; readonly xs: readonly number[]; readonly ys: readonly number[]; readonly logY?: boolean }
  | { readonly kind: 'series'; readonly title: string; readonly series: readonly Series[]; readonly logY?: boolean }
  | { readonly kind: 'histogram'; readonly title: string; readonly bars: readonly Bar[]; readonly values: number }
  | {
      readonly kind: 'curve';
      readonly title: string;
      readonly box: Box;
      /** Per curve, its segments [x1, y1, x2, y2, ...] (./plot-curve.ts curveSegments). */
      readonly curves: readonly (readonly number[])[];
      /** The marked points. */
      readonly xs: readonly number[];
      readonly ys: readonly number[];
      /** The names of the two axes (the curve's variables). */
      readonly axes: readonly [string, string];
    };

/** Colours of successive curves. */
const CURVE_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#9467bd', '#8c564b', '#e377c2'];

/** One named line of a series plot. */
export interface Series {
  readonly name: string;
  readonly xs: readonly number[];
  readonly ys: readonly number[];
}

/** Colours of the series, in order (then repeated). */
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

/** A bar of a histogram: the values in [lo, hi) (the last bar includes hi), and how many there are. */
export interface Bar {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

/** Tick positions covering [lo, hi], about `count` of them, at multiples of 1, 2 or 5 times a power of ten. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step - 1e-9) * step; t <= hi + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return ticks;
}

/**
 * The bars of a histogram: one bar per value when all values are integers and there are at most 40
 * distinct ones (Morse indices, counts), else Sturges' rule, ceil(log2 n) + 1 bars of equal width.
 */
export function histogramBars(values: readonly number[]): Bar[] {
  if (values.length === 0) return [];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (values.every(Number.isInteger) && hi - lo < 40) {
    const bars: Bar[] = [];
    for (let v = lo; v <= hi; v++) bars.push({ lo: v - 0.5, hi: v + 0.5, count: values.filter((x) => x === v).length });
    return bars;
  }
  const k = Math.ceil(Math.log2(values.length)) + 1;
  const width = hi > lo ? (hi - lo) / k : 1;
  const bars = Array.from({ length: k }, (_, i) => ({ lo: lo + i * width, hi: lo + (i + 1) * width, count: 0 }));
  for (const x of values) bars[Math.min(k - 1, Math.floor((x - lo) / width))]!.count++;
  return bars;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A tick label: short, without floating-point noise (0.30000000000000004 -> 0.3). */
function label(x: number): string {
  return String(Number(x.toPrecision(6)));
}

const WIDTH = 480;
const HEIGHT = 320;
const MARGIN = { left: 56, right: 16, top: 28, bottom: 36 };

/** The series of a plot as drawn: for a log axis, y replaced by log10 y and points with y ≤ 0 left out. */
function drawnSeries(p: PlotData): Series[] {
  if (p.kind === 'histogram' || p.kind === 'curve') return [];
  const all: readonly Series[] = p.kind === 'series' ? p.series : [{ name: '', xs: p.xs, ys: p.ys }];
  if (!p.logY) return [...all];
  return all.map((s) => {
    const keep = s.ys.flatMap((y, i) => (y > 0 && Number.isFinite(y) ? [i] : []));
    return { name: s.name, xs: keep.map((i) => s.xs[i]!), ys: keep.map((i) => Math.log10(s.ys[i]!)) };
  });
}

/** Ticks of a log10 axis over [lo, hi] (in exponents): the integer exponents, thinned to about six. */
function logTicks(lo: number, hi: number): number[] {
  const a = Math.floor(lo), b = Math.ceil(hi);
  const step = Math.max(1, Math.ceil((b - a) / 6));
  const ticks: number[] = [];
  for (let e = a; e <= b; e += step) ticks.push(e);
  return ticks;
}

/** The SVG document of a plot. */
export function plotSvg(p: PlotData): string {
  const series = drawnSeries(p);
  const logY = (p.kind === 'line' || p.kind === 'scatter' || p.kind === 'series') && p.logY === true;
  const xs = p.kind === 'histogram' ? p.bars.flatMap((b) => [b.lo, b.hi]) : p.kind === 'curve' ? [p.box.x0, p.box.x1] : series.flatMap((s) => s.xs);
  const ys = p.kind === 'histogram' ? [0, ...p.bars.map((b) => b.count)] : p.kind === 'curve' ? [p.box.y0, p.box.y1] : series.flatMap((s) => s.ys);
  const span = (v: readonly number[]): [number, number] => {
    if (v.length === 0) return [0, 1];
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
  };
  const xTicks = niceTicks(...span(xs));
  const yTicks = logY ? logTicks(...span(ys)) : niceTicks(...span(ys));
  const [x0, x1] = [Math.min(xTicks[0]!, ...xs), Math.max(xTicks.at(-1)!, ...xs)];
  const [y0, y1] = [Math.min(yTicks[0]!, ...ys), Math.max(yTicks.at(-1)!, ...ys)];
  const w = WIDTH - MARGIN.left - MARGIN.right;
  const h = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number) => (MARGIN.left + ((x - x0) / (x1 - x0 || 1)) * w).toFixed(2);
  const sy = (y: number) => (MARGIN.top + h - ((y - y0) / (y1 - y0 || 1)) * h).toFixed(2);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="11">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
  ];
  if (p.title) out.push(`<text x="${WIDTH / 2}" y="18" text-anchor="middle" font-size="13">${escapeXml(p.title)}</text>`);
  // Axes, ticks and labels.
  out.push(`<g stroke="#444" fill="none"><rect x="${MARGIN.left}" y="${MARGIN.top}" width="${w}" height="${h}"/></g>`);
  for (const t of xTicks) {
    out.push(`<line x1="${sx(t)}" y1="${sy(y0)}" x2="${sx(t)}" y2="${(Number(sy(y0)) + 4).toFixed(2)}" stroke="#444"/>`);
    out.push(`<text x="${sx(t)}" y="${(Number(sy(y0)) + 16).toFixed(2)}" text-anchor="middle">${label(t)}</text>`);
  }
  for (const t of yTicks) {
    out.push(`<line x1="${(MARGIN.left - 4).toFixed(2)}" y1="${sy(t)}" x2="${MARGIN.left}" y2="${sy(t)}" stroke="#444"/>`);
    out.push(`<text x="${MARGIN.left - 7}" y="${(Number(sy(t)) + 4).toFixed(2)}" text-anchor="end">${logY ? `1e${t}` : label(t)}</text>`);
  }
  switch (p.kind) {
    case 'line':
    case 'series':
      series.forEach((s, k) => {
        out.push(`<polyline fill="none" stroke="${PALETTE[k % PALETTE.length]}" stroke-width="1.5" points="${s.xs.map((x, i) => `${sx(x)},${sy(s.ys[i]!)}`).join(' ')}"/>`);
      });
      if (p.kind === 'series') {
        // The legend, top right inside the frame.
        series.forEach((s, k) => {
          const y = MARGIN.top + 14 + 14 * k, x = WIDTH - MARGIN.right - 120;
          out.push(`<line x1="${x}" y1="${y - 4}" x2="${x + 18}" y2="${y - 4}" stroke="${PALETTE[k % PALETTE.length]}" stroke-width="2"/>`);
          out.push(`<text x="${x + 22}" y="${y}">${escapeXml(s.name)}</text>`);
        });
      }
      break;
    case 'scatter':
      for (const s of series) for (let i = 0; i < s.xs.length; i++) out.push(`<circle cx="${sx(s.xs[i]!)}" cy="${sy(s.ys[i]!)}" r="3" fill="#d62728"/>`);
      break;
    case 'curve': {
      p.curves.forEach((segments, c) => {
        const d: string[] = [];
        for (let k = 0; k + 3 < segments.length; k += 4) d.push(`M${sx(segments[k]!)} ${sy(segments[k + 1]!)}L${sx(segments[k + 2]!)} ${sy(segments[k + 3]!)}`);
        out.push(`<path fill="none" stroke="${CURVE_COLOURS[c % CURVE_COLOURS.length]}" stroke-width="1.5" stroke-linecap="round" d="${d.join('')}"/>`);
      });
      for (let i = 0; i < p.xs.length; i++) out.push(`<circle cx="${sx(p.xs[i]!)}" cy="${sy(p.ys[i]!)}" r="3.5" fill="#d62728"/>`);
      out.push(`<text x="${WIDTH - MARGIN.right}" y="${HEIGHT - 4}" text-anchor="end" font-style="italic">${escapeXml(p.axes[0])}</text>`);
      out.push(`<text x="4" y="${MARGIN.top - 6}" font-style="italic">${escapeXml(p.axes[1])}</text>`);
      break;
    }
    case 'histogram':
      for (const b of p.bars) {
        const top = Number(sy(b.count));
        out.push(`<rect x="${sx(b.lo)}" y="${top.toFixed(2)}" width="${(Number(sx(b.hi)) - Number(sx(b.lo))).toFixed(2)}" height="${(Number(sy(0)) - top).toFixed(2)}" fill="#2ca02c" stroke="white"/>`);
      }
      break;
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
