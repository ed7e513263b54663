// The three printers of values: text (what `print` shows), JSON (the contract's encoding, used by
// `vdl run --json` and the library API) and LaTeX. Object kinds defined by later layers (varieties,
// forms, networks) register their own printers here, so this module needs no knowledge of them.
import type { Rat } from '../math/field.js';
import type { Poly } from '../math/poly.js';
import { isMatrix, type RingData, type Value } from './values.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ObjectPrinter {
  text(data: unknown): string;
  json(data: unknown): Json;
  latex?(data: unknown): string;
}

const objectPrinters = new Map<string, ObjectPrinter>();

export function registerObjectPrinter(type: string, printer: ObjectPrinter): void {
  objectPrinters.set(type, printer);
}

function printerFor(type: string): ObjectPrinter {
  return objectPrinters.get(type) ?? { text: () => `<${type}>`, json: () => ({ [type]: null }) };
}

// --- numbers ---------------------------------------------------------------------------------

export function ratText(r: Rat): string {
  return r.den === 1n ? r.num.toString() : `${r.num}/${r.den}`;
}

/** Floats print with up to 17 significant digits (the shortest text that reads back exactly). */
export function floatText(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e21) return x.toFixed(1);
  return String(x);
}

const TWO_53 = 2n ** 53n;

export function ratJson(r: Rat): Json {
  if (r.den !== 1n) return `${r.num}/${r.den}`;
  return r.num < TWO_53 && r.num > -TWO_53 ? Number(r.num) : r.num.toString();
}

export function polyText(ring: RingData, p: Poly<unknown>): string {
  return ring.poly.toText(p);
}

// --- text ------------------------------------------------------------------------------------

/** Text of a value; strings print bare at the top level and quoted inside lists and records. */
export function toText(v: Value, nested = false): string {
  switch (v.kind) {
    case 'number':
      return ratText(v.value);
    case 'float':
      return floatText(v.value);
    case 'bool':
      return String(v.value);
    case 'string':
      return nested ? JSON.stringify(v.value) : v.value;
    case 'list':
      return `[${v.items.map((x) => toText(x, true)).join(', ')}]`;
    case 'record':
      return `{${[...v.fields].map(([k, x]) => `${k}: ${toText(x, true)}`).join(', ')}}`;
    case 'ring':
      return v.ring.poly.toString();
    case 'family': {
      const ranges = v.family.ranges.map(([lo, hi]) => `${lo}..${hi}`).join(', ');
      return `${v.family.name}[${ranges}]`;
    }
    case 'poly':
      return polyText(v.ring, v.poly);
    case 'ideal':
      return `ideal(${v.ideal.gens.map((g) => polyText(v.ring, g)).join(', ')})`;
    case 'function':
      return `fn ${v.name}(${v.params.join(', ')})`;
    case 'builtin':
      return `builtin ${v.name}`;
    case 'object':
      return printerFor(v.type).text(v.data);
    case 'none':
      return 'none';
  }
}

// --- JSON ------------------------------------------------------------------------------------

export function toJson(v: Value): Json {
  switch (v.kind) {
    case 'number':
      return ratJson(v.value);
    case 'float':
      return Number.isFinite(v.value) ? v.value : String(v.value);
    case 'bool':
      return v.value;
    case 'string':
      return v.value;
    case 'list':
      return v.items.map(toJson);
    case 'record': {
      const out: { [key: string]: Json } = {};
      for (const [k, x] of v.fields) out[k] = toJson(x);
      return out;
    }
    case 'ring':
      return { ring: v.ring.poly.toString() };
    case 'family':
      return toText(v);
    case 'poly':
      return polyText(v.ring, v.poly);
    case 'ideal':
      return { ideal: v.ideal.gens.map((g) => polyText(v.ring, g)) };
    case 'function':
    case 'builtin':
      return toText(v);
    case 'object':
      return printerFor(v.type).json(v.data);
    case 'none':
      return null;
  }
}

// --- LaTeX -----------------------------------------------------------------------------------

function ratLatex(r: Rat): string {
  if (r.den === 1n) return r.num.toString();
  const sign = r.num < 0n ? '-' : '';
  const n = r.num < 0n ? -r.num : r.num;
  return `${sign}\\frac{${n}}{${r.den}}`;
}

/** LaTeX of a polynomial from its canonical text: exponents braced, `*` dropped, fractions set. */
export function polyLatex(text: string): string {
  return text
    .replace(/(\d+)\/(\d+)/g, '\\frac{$1}{$2}')
    .replace(/\^(\d+)/g, '^{$1}')
    .replace(/([A-Za-z_][A-Za-z0-9_]*)\[([0-9,]+)\]/g, '$1_{$2}')
    .replace(/\*/g, ' ');
}

export function toLatex(v: Value): string {
  switch (v.kind) {
    case 'number':
      return ratLatex(v.value);
    case 'float':
      return floatText(v.value);
    case 'bool':
      return `\\mathrm{${v.value}}`;
    case 'string':
      return `\\text{${v.value.replace(/([\\{}$&#^_%~])/g, '\\$1')}}`;
    case 'list':
      if (isMatrix(v)) {
        const rows = v.items.map((row) => row.items.map(toLatex).join(' & '));
        return `\\begin{pmatrix} ${rows.join(' \\\\ ')} \\end{pmatrix}`;
      }
      return `\\left[ ${v.items.map(toLatex).join(', ')} \\right]`;
    case 'record':
      return `\\left\\{ ${[...v.fields].map(([k, x]) => `\\mathrm{${k}}: ${toLatex(x)}`).join(', ')} \\right\\}`;
    case 'poly':
      return polyLatex(polyText(v.ring, v.poly));
    case 'ideal':
      return `\\left\\langle ${v.ideal.gens.map((g) => polyLatex(polyText(v.ring, g))).join(', ')} \\right\\rangle`;
    case 'ring':
      return polyLatex(v.ring.poly.toString()).replace(/^QQ/, '\\mathbb{Q}').replace(/^GF\((\d+)\)/, '\\mathbb{F}_{$1}');
    case 'object': {
      const printer = printerFor(v.type);
      return printer.latex ? printer.latex(v.data) : `\\text{${printer.text(v.data)}}`;
    }
    default:
      return `\\text{${toText(v)}}`;
  }
}
