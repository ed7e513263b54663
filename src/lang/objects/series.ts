// The `series` object kind: a Hilbert series N(t)/(1 - t)^power in lowest terms (src/math/ideal.ts
// hilbertSeries), the numerator as integer coefficients from t^0. Text `(1 + t)/(1 - t)^2`, LaTeX
// \frac{1 + t}{(1 - t)^{2}}; JSON {numerator, power, text}; the fields numerator, power and text.
import type { ObjectKind } from '../object-kind.js';
import { ratJson } from '../print.js';
import { int, list, object, str, type ObjectValue } from '../values.js';

export interface SeriesData {
  readonly numerator: readonly bigint[];
  readonly power: number;
}

/** The numerator in t, highest degree last as in the data: `1 + 2*t - t^3`; `0` when it is zero. */
function numeratorText({ numerator }: SeriesData, times: string, power: (k: number) => string): string {
  let out = '';
  numerator.forEach((c, k) => {
    if (c === 0n) return;
    const mag = c < 0n ? -c : c;
    const mono = k === 0 ? '' : k === 1 ? 't' : `t${power(k)}`;
    const body = mono === '' ? `${mag}` : mag === 1n ? mono : `${mag}${times}${mono}`;
    out += out === '' ? (c < 0n ? `-${body}` : body) : c < 0n ? ` - ${body}` : ` + ${body}`;
  });
  return out === '' ? '0' : out;
}

/** The numerator as a factor of a quotient: in parentheses when it is a sum. */
function numeratorFactor(s: SeriesData, times: string, power: (k: number) => string): string {
  const num = numeratorText(s, times, power);
  return s.numerator.filter((c) => c !== 0n).length > 1 ? `(${num})` : num;
}

function seriesText(s: SeriesData): string {
  if (s.power === 0) return numeratorText(s, '*', (k) => `^${k}`);
  return `${numeratorFactor(s, '*', (k) => `^${k}`)}/(1 - t)${s.power === 1 ? '' : `^${s.power}`}`;
}

/** SymPy's syntax: `(1 + t)/(1 - t)**2`. */
function seriesSympy(s: SeriesData): string {
  if (s.power === 0) return numeratorText(s, '*', (k) => `**${k}`);
  return `${numeratorFactor(s, '*', (k) => `**${k}`)}/(1 - t)${s.power === 1 ? '' : `**${s.power}`}`;
}

export const SERIES: ObjectKind<SeriesData> = {
  name: 'series',
  typeName: 'Series',
  kindWord: 'a series',
  summary: 'A Hilbert series numerator(t)/(1 - t)^power in lowest terms; it prints as (1 + t)/(1 - t)^2, and its JSON is {numerator, power, text}.',
  text: seriesText,
  json: (s) => ({ numerator: s.numerator.map((c) => ratJson({ num: c, den: 1n })), power: s.power, text: seriesText(s) }),
  typed: (s) => ({ numerator: s.numerator.map((c) => c.toString()), power: s.power, value: seriesText(s), sympy: seriesSympy(s) }),
  latex: (s) => {
    const num = numeratorText(s, ' ', (k) => `^{${k}}`);
    if (s.power === 0) return num;
    return `\\frac{${num}}{${s.power === 1 ? '1 - t' : `(1 - t)^{${s.power}}`}}`;
  },
  equals: (a, b) => a.power === b.power && a.numerator.length === b.numerator.length && a.numerator.every((c, i) => c === b.numerator[i]),
  fields: {
    numerator: (s) => list(s.numerator.map((c) => int(c))),
    power: (s) => int(s.power),
    text: (s) => str(seriesText(s)),
  },
  methods: {},
};

export function seriesValue(numerator: readonly bigint[], power: number): ObjectValue<SeriesData> {
  return object(SERIES, { numerator, power });
}
