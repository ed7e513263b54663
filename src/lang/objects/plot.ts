// The `plot` object kind: a picture of numbers as an SVG document (made by the `plot` built-in,
// src/lang/builtins/plots.ts, with the writer src/lang/plot-svg.ts). The data is the plot's PlotData
// and its SVG text. It prints as `plot(line: 20 values)`; its SVG is the field `.svg`, the typed
// JSON's "svg", and the file that `vdl run` writes for a printed plot (src/cli/execute-script.ts).
import type { ObjectKind } from '../object-kind.js';
import type { PlotData } from '../plot-svg.js';
import { textLatex } from '../print.js';
import { str } from '../values.js';

export interface PlotValue {
  readonly data: PlotData;
  readonly svg: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function describe(p: PlotData): string {
  if (p.kind === 'curve') return `curve: ${plural(p.curves.length, 'curve')}${p.xs.length > 0 ? `, ${plural(p.xs.length, 'point')}` : ''}`;
  if (p.kind === 'histogram') return `histogram: ${p.values} value${p.values === 1 ? '' : 's'} in ${p.bars.length} bar${p.bars.length === 1 ? '' : 's'}`;
  if (p.kind === 'series') return `series: ${p.series.map((s) => s.name).join(', ')}`;
  return p.kind === 'line' ? `line: ${p.ys.length} value${p.ys.length === 1 ? '' : 's'}` : `scatter: ${p.xs.length} point${p.xs.length === 1 ? '' : 's'}`;
}

export const PLOT: ObjectKind<PlotValue> = {
  name: 'plot',
  typeName: 'Plot',
  kindWord: 'a plot',
  summary: 'A plot (line, scatter, histogram, or real plane curves with marked points) as an SVG document; it prints as plot(line: 20 values), its field svg is the document, and vdl run writes a printed plot to an .svg file.',
  text: (p) => `plot(${describe(p.data)})`,
  json: (p) => ({ plot: p.data.kind, svg: p.svg }),
  typed: (p) => ({ kind: p.data.kind, title: p.data.title, value: describe(p.data), svg: p.svg }),
  latex: (p) => textLatex(`plot(${describe(p.data)})`),
  equals: (a, b) => a.svg === b.svg,
  fields: {
    svg: (p) => str(p.svg),
    kind: (p) => str(p.data.kind),
    title: (p) => str(p.data.title),
  },
  methods: {},
};

