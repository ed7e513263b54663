// The `plot` built-in: `plot(L)` of a list of numbers draws the series against 1..n (an iteration
// history); of a list of points [x, y] (numbers, floats or decimal strings) a
// scatter plot; `plot(L, kind = "histogram")` counts the values. The value is a `plot` object
// (src/lang/objects/plot.ts) holding the SVG document from src/lang/plot-svg.ts.
import { fail } from '../diagnostics.js';
import { PLOT } from '../objects/plot.js';
import { histogramBars, plotSvg, type PlotData } from '../plot-svg.js';
import { kindWord, object, type Value } from '../values.js';
import { defineBuiltins, type CallContext } from './registry.js';

/** A number for the picture: exact numbers and floats, and decimal strings. */
function coordinate(ctx: CallContext, v: Value): number {
  const x = v.kind === 'float' ? v.value : v.kind === 'number' ? Number(v.value.num) / Number(v.value.den) : v.kind === 'string' && v.value.trim() !== '' ? Number(v.value) : NaN;
  if (!Number.isFinite(x)) fail('type', `plot needs numbers (or decimal strings), got ${v.kind === 'string' ? `"${v.value}"` : kindWord(v)}`, ctx.argSpans[0]!);
  return x;
}

function plotData(ctx: CallContext, data: Value, kind: string, title: string): PlotData {
  if (data.kind !== 'list' || data.items.length === 0) return fail('type', `plot needs a non-empty list, got ${kindWord(data)}`, ctx.argSpans[0]!);
  const points = data.items.every((p) => p.kind === 'list');
  if (kind === 'histogram') {
    if (points) fail('type', 'a histogram needs a list of numbers', ctx.argSpans[0]!);
    const values = data.items.map((v) => coordinate(ctx, v));
    return { kind, title, bars: histogramBars(values), values: values.length };
  }
  if (points) {
    const pairs = data.items.map((p) => (p.kind === 'list' && p.items.length === 2 ? p.items.map((v) => coordinate(ctx, v)) : fail('type', 'plot takes points in the plane: lists [x, y]', ctx.argSpans[0]!)));
    return { kind: kind === 'auto' ? 'scatter' : (kind as 'line' | 'scatter'), title, xs: pairs.map((p) => p[0]!), ys: pairs.map((p) => p[1]!) };
  }
  const ys = data.items.map((v) => coordinate(ctx, v));
  return { kind: kind === 'auto' ? 'line' : (kind as 'line' | 'scatter'), title, xs: ys.map((_, i) => i + 1), ys };
}

defineBuiltins([
  {
    name: 'plot',
    signature: 'plot(L, kind = "auto", title = "")',
    summary:
      'A plot as an SVG document: a list of numbers is drawn as a line against 1..n (a series, such as an iteration history), a list of points [x, y] as a scatter plot, and kind = "histogram" counts the values (one bar per integer value, else Sturges\' bins). vdl run writes a printed plot to an .svg file; the field svg holds the document.',
    examples: ['plot([3, 1, 1/2, 1/4])  // plot(line: 4 values)', 'plot([[0, 1], [1, 0]])  // plot(scatter: 2 points)', 'plot([0, 1, 1, 2], kind = "histogram")  // plot(histogram: 4 values in 3 bars)'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    keywords: ['kind', 'title'],
    returns: 'plot',
    call(ctx, [data], kwargs) {
      const kindArg = kwargs.get('kind');
      const kind = kindArg === undefined ? 'auto' : kindArg.kind === 'string' ? kindArg.value : '';
      if (!['auto', 'line', 'scatter', 'histogram'].includes(kind)) fail('domain', 'kind must be "auto", "line", "scatter" or "histogram"', ctx.span);
      const titleArg = kwargs.get('title');
      const title = titleArg === undefined ? '' : titleArg.kind === 'string' ? titleArg.value : fail('type', 'title must be a string', ctx.span);
      const p = plotData(ctx, data!, kind, title);
      return object(PLOT, { data: p, svg: plotSvg(p) });
    },
  },
]);
