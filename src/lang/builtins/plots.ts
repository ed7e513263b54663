// The `plot` built-in: `plot(L)` of a list of numbers draws the series against 1..n (an iteration
// history); of a list of points [x, y] (numbers, floats or decimal strings) a
// scatter plot; `plot(L, kind = "histogram")` counts the values; a record of such lists draws named
// lines with a legend (`log = true`: a logarithmic y axis); `plot(f)` of a polynomial in two
// variables (or a list of them) draws the real curves f = 0 in a box (src/lang/plot-curve.ts), with
// `points = [...]` marked. The value is a `plot` object (src/lang/objects/plot.ts) holding the SVG
// document from src/lang/plot-svg.ts.
import { isRationalField } from '../../math/domain.js';
import type { Rat } from '../../math/field.js';
import { ratToFloat } from '../../math/numeric/slp.js';
import type { Span } from '../ast.js';
import { fail } from '../diagnostics.js';
import { PLOT } from '../objects/plot.js';
import { POINT } from '../objects/point.js';
import { curveSegments, type Box, type PlanePolynomial } from '../plot-curve.js';
import { histogramBars, plotSvg, type PlotData } from '../plot-svg.js';
import { isObject, kindWord, object, type RingData, type Value } from '../values.js';
import { defineBuiltins, type CallContext } from './registry.js';

/** A number for the picture: exact numbers and floats, and decimal strings. */
function coordinate(ctx: CallContext, v: Value): number {
  const x = v.kind === 'float' ? v.value : v.kind === 'number' ? ratToFloat(v.value) : v.kind === 'string' && v.value.trim() !== '' ? Number(v.value) : NaN;
  if (!Number.isFinite(x)) fail('type', `plot needs numbers (or decimal strings), got ${v.kind === 'string' ? `"${v.value}"` : kindWord(v)}`, ctx.argSpans[0]!);
  return x;
}

/** The x and y of one series: a list of numbers against 1..n, or a list of points [x, y]. */
function seriesOf(ctx: CallContext, data: Value, what: string): { xs: number[]; ys: number[]; points: boolean } {
  if (data.kind !== 'list' || data.items.length === 0) return fail('type', `${what} needs a non-empty list, got ${kindWord(data)}`, ctx.argSpans[0]!);
  if (data.items.every((p) => p.kind === 'list')) {
    const pairs = data.items.map((p) => (p.kind === 'list' && p.items.length === 2 ? p.items.map((v) => coordinate(ctx, v)) : fail('type', 'plot takes points in the plane: lists [x, y]', ctx.argSpans[0]!)));
    return { xs: pairs.map((p) => p[0]!), ys: pairs.map((p) => p[1]!), points: true };
  }
  const ys = data.items.map((v) => coordinate(ctx, v));
  return { xs: ys.map((_, i) => i + 1), ys, points: false };
}

function plotData(ctx: CallContext, data: Value, kind: string, title: string, logY: boolean): PlotData {
  if (data.kind === 'record') {
    if (kind !== 'auto' && kind !== 'line') fail('domain', 'a record of series is drawn as lines (kind = "line")', ctx.span);
    if (data.fields.size === 0) fail('type', 'plot needs at least one series', ctx.argSpans[0]!);
    const series = [...data.fields].map(([name, v]) => ({ name, ...seriesOf(ctx, v, `the series ${name}`) }));
    return { kind: 'series', title, series: series.map(({ name, xs, ys }) => ({ name, xs, ys })), logY };
  }
  if (data.kind !== 'list' || data.items.length === 0) return fail('type', `plot needs a non-empty list, got ${kindWord(data)}`, ctx.argSpans[0]!);
  if (kind === 'histogram') {
    if (data.items.every((p) => p.kind === 'list')) fail('type', 'a histogram needs a list of numbers', ctx.argSpans[0]!);
    if (logY) fail('domain', 'a histogram has no logarithmic axis', ctx.span);
    const values = data.items.map((v) => coordinate(ctx, v));
    return { kind, title, bars: histogramBars(values), values: values.length };
  }
  const s = seriesOf(ctx, data, 'plot');
  const drawn = kind === 'auto' ? (s.points ? 'scatter' : 'line') : (kind as 'line' | 'scatter');
  return { kind: drawn, title, xs: s.xs, ys: s.ys, ...(logY ? { logY } : {}) };
}

type PolyValue = Extract<Value, { kind: 'poly' }>;

/** The polynomials of plot(f) or plot([f, g]), or null when the data is not polynomials. */
function curvePolynomials(data: Value): PolyValue[] | null {
  if (data.kind === 'poly') return [data];
  if (data.kind === 'list' && data.items.length > 0 && data.items.every((v) => v.kind === 'poly')) return data.items as PolyValue[];
  return null;
}

/** The two variables of the picture: those the polynomials use (in the ring's order), or the ring's two. */
function curveAxes(ctx: CallContext, polys: readonly PolyValue[]): { ring: RingData; axes: [number, number] } {
  const ring = polys[0]!.ring;
  if (polys.some((f) => f.ring !== ring)) fail('type', 'the curves of one plot must be polynomials of the same ring', ctx.argSpans[0]!);
  if (!isRationalField(ring.poly.field)) fail('domain', 'a plotted curve needs coefficients in QQ (a real picture)', ctx.argSpans[0]!);
  const used = [...new Set(polys.flatMap((f) => ring.poly.support(f.poly)))].sort((a, b) => a - b);
  if (used.length > 2) fail('domain', `a plotted curve lives in the plane: these polynomials use ${used.length} variables (${used.map((i) => ring.variables[i]!.name).join(', ')})`, ctx.argSpans[0]!);
  const n = ring.variables.length;
  if (used.length === 2) return { ring, axes: [used[0]!, used[1]!] };
  if (n === 2) return { ring, axes: [0, 1] };
  return fail('domain', `a plotted curve needs two variables: the polynomials use ${used.length === 0 ? 'none' : `only ${ring.variables[used[0]!]!.name}`} and the ring has ${n}`, ctx.argSpans[0]!);
}

function planePolynomial(f: PolyValue, [ix, iy]: [number, number]): PlanePolynomial {
  const mons = f.poly.mons;
  return {
    coeffs: (f.poly.coeffs as Rat[]).map(ratToFloat),
    xExp: mons.map((m) => m[ix]!),
    yExp: mons.map((m) => m[iy]!),
  };
}

/** The marked points: `point` values (their coordinates on the axes) or pairs [x, y]. */
function markedPoints(ctx: CallContext, v: Value, ring: RingData, [ix, iy]: [number, number], span: Span): [number, number][] {
  if (v.kind !== 'list') return fail('type', `points must be a list of points, got ${kindWord(v)}`, span);
  return v.items.map((p) => {
    if (isObject(POINT, p)) {
      const pt = p.data.point;
      const [i, j] = p.data.ring === ring ? [ix, iy] : pt.dimension === 2 ? [0, 1] : fail('domain', `a marked point of another ring must have 2 coordinates, not ${pt.dimension}`, span);
      return [pt.coordinate(i).toNumber(), pt.coordinate(j).toNumber()];
    }
    if (p.kind === 'list' && p.items.length === 2) return [coordinate(ctx, p.items[0]!), coordinate(ctx, p.items[1]!)];
    return fail('type', `a marked point is a point value or a pair [x, y], got ${kindWord(p)}`, span);
  });
}

/** The box: given as [x0, x1, y0, y1]; else around the marked points (half their extent added, at least 1 each way); else [-2, 2]^2. */
function plotBox(ctx: CallContext, given: Value | undefined, marks: readonly [number, number][]): Box {
  if (given !== undefined) {
    const span = ctx.kwargSpans.get('box') ?? ctx.span;
    if (given.kind !== 'list' || given.items.length !== 4) return fail('type', 'box must be [xmin, xmax, ymin, ymax]', span);
    const [x0, x1, y0, y1] = given.items.map((v) => coordinate(ctx, v)) as [number, number, number, number];
    if (!(x0 < x1 && y0 < y1)) fail('domain', 'box must be [xmin, xmax, ymin, ymax] with xmin < xmax and ymin < ymax', span);
    return { x0, x1, y0, y1 };
  }
  if (marks.length === 0) return { x0: -2, x1: 2, y0: -2, y1: 2 };
  const around = (v: number[]): [number, number] => {
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    const pad = Math.max(1, (hi - lo) / 2);
    return [lo - pad, hi + pad];
  };
  const [x0, x1] = around(marks.map((p) => p[0]));
  const [y0, y1] = around(marks.map((p) => p[1]));
  return { x0, x1, y0, y1 };
}

function curvePlot(ctx: CallContext, polys: readonly PolyValue[], kwargs: ReadonlyMap<string, Value>, title: string): PlotData {
  const { ring, axes } = curveAxes(ctx, polys);
  const pointsArg = kwargs.get('points');
  const marks = pointsArg === undefined ? [] : markedPoints(ctx, pointsArg, ring, axes, ctx.kwargSpans.get('points') ?? ctx.span);
  const box = plotBox(ctx, kwargs.get('box'), marks);
  const inside = marks.filter(([x, y]) => x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1);
  return {
    kind: 'curve',
    title,
    box,
    curves: polys.map((f) => curveSegments(planePolynomial(f, axes), box)),
    xs: inside.map((p) => p[0]),
    ys: inside.map((p) => p[1]),
    axes: [ring.variables[axes[0]]!.name, ring.variables[axes[1]]!.name],
  };
}

defineBuiltins([
  {
    name: 'plot',
    signature: 'plot(L, kind = "auto", title = "", log = false, box = [xmin, xmax, ymin, ymax], points = [])',
    summary:
      'A plot as an SVG document: a list of numbers is drawn as a line against 1..n (a series, such as an iteration history), a list of points [x, y] as a scatter plot, kind = "histogram" counts the values (one bar per integer value, else Sturges\' bins), a record of such lists draws each field as a named line with a legend (plot({gd: h1.loss, adam: h2.loss}, log = true) compares histories; log = true: a logarithmic y axis, values ≤ 0 left out), and a polynomial in two variables (or a list of them) is drawn as its real curve f = 0 in the box (marching squares on a 240x240 grid: where f changes sign; isolated real points are not drawn), with the points marked (point values or pairs [x, y]). vdl run writes a printed plot to an .svg file; the field svg holds the document.',
    examples: ['plot([3, 1, 1/2, 1/4])  // plot(line: 4 values)', 'plot([[0, 1], [1, 0]])  // plot(scatter: 2 points)', 'plot([0, 1, 1, 2], kind = "histogram")  // plot(histogram: 4 values in 3 bars)', 'plot({gd: [1, 1/2, 1/4], nesterov: [1, 1/10, 1/100]}, log = true)  // plot(series: gd, nesterov)', 'ring R = QQ[x, y];\nplot(x^2 + y^2 - 1, points = [[1, 0]])  // plot(curve: 1 curve, 1 point)'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['kind', 'title', 'log', 'box', 'points'],
    returns: 'plot',
    call(ctx, [data], kwargs) {
      const kindArg = kwargs.get('kind');
      const kind = kindArg === undefined ? 'auto' : kindArg.kind === 'string' ? kindArg.value : '';
      if (!['auto', 'line', 'scatter', 'histogram', 'curve'].includes(kind)) fail('domain', 'kind must be "auto", "line", "scatter", "histogram" or "curve"', ctx.span);
      const titleArg = kwargs.get('title');
      const title = titleArg === undefined ? '' : titleArg.kind === 'string' ? titleArg.value : fail('type', 'title must be a string', ctx.span);
      const logArg = kwargs.get('log');
      const logY = logArg === undefined ? false : logArg.kind === 'bool' ? logArg.value : fail('type', 'log must be true or false', ctx.kwargSpans.get('log') ?? ctx.span);
      const polys = curvePolynomials(data!);
      if ((kind === 'curve') !== (polys !== null) && kind !== 'auto') fail('type', kind === 'curve' ? `a curve plot needs a polynomial in two variables (or a list of them), got ${kindWord(data!)}` : `kind = "${kind}" needs numbers or points, not polynomials`, ctx.argSpans[0]!);
      for (const k of ['box', 'points']) if (polys === null && kwargs.has(k)) fail('type', `${k} goes with the plot of a curve (a polynomial in two variables)`, ctx.kwargSpans.get(k) ?? ctx.span);
      if (polys && logY) fail('domain', 'a curve plot has no logarithmic axis', ctx.kwargSpans.get('log') ?? ctx.span);
      const p = polys ? curvePlot(ctx, polys, kwargs, title) : plotData(ctx, data!, kind, title, logY);
      return object(PLOT, { data: p, svg: plotSvg(p) });
    },
  },
]);
