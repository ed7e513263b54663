// The printers of values: text (what `print` shows), JSON (the contract's plain encoding, used by
// `vdl run --json-plain` and the library API's print records) and LaTeX; the typed JSON of
// `vdl run --json` (src/lang/typed-json.ts) reuses the ring and SymPy helpers below. Each works on the value's data: a polynomial's
// LaTeX is built term by term from its monomials and coefficients, and an indexed variable's
// subscript comes from the ring's per-variable descriptor (values.ts VariableInfo), never from
// rewriting text. Objects of later layers (varieties, forms, networks) print through their
// ObjectKind descriptor, so this module needs no knowledge of them.
import type { Rat } from '../math/field.js';
import { isFractionField } from '../math/fraction-field.js';
import type { Monomial } from '../math/monomial.js';
import { orderText, type Poly } from '../math/poly.js';
import { isMatrix, type Kind, type RingData, type Value, type VariableFamily, type VariableInfo } from './values.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

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

export function ratLatex(r: Rat): string {
  if (r.den === 1n) return r.num.toString();
  const sign = r.num < 0n ? '-' : '';
  const n = r.num < 0n ? -r.num : r.num;
  return `${sign}\\frac{${n}}{${r.den}}`;
}

// --- rational matrices (forms, projections) ----------------------------------------------------

export function ratMatrixText(M: readonly (readonly Rat[])[]): string {
  return `[${M.map((r) => `[${r.map(ratText).join(', ')}]`).join(', ')}]`;
}

export function ratMatrixJson(M: readonly (readonly Rat[])[]): Json {
  return M.map((r) => r.map(ratJson));
}

function pmatrix(rows: readonly (readonly string[])[]): string {
  return `\\begin{pmatrix} ${rows.map((r) => r.join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
}

export function ratMatrixLatex(M: readonly (readonly Rat[])[]): string {
  return pmatrix(M.map((r) => r.map(ratLatex)));
}

// --- polynomials -------------------------------------------------------------------------------

export function polyText(ring: RingData, p: Poly<unknown>): string {
  return ring.poly.toText(p);
}

function familyText(f: VariableFamily): string {
  return `${f.name}[${f.ranges.map(([lo, hi]) => `${lo}..${hi}`).join(', ')}]`;
}

/**
 * A name in LaTeX math: trailing digits become a subscript (`x1`, `x_1` -> `x_{1}`), a multi-letter
 * stem is set upright-italic as one word (`\\mathit{ab}`), other underscores are escaped.
 */
function nameLatex(name: string): string {
  const m = /^([A-Za-z]+)_?(\d+)$/.exec(name);
  const stem = (s: string) => (s.length > 1 ? `\\mathit{${s.replaceAll('_', '\\_')}}` : s);
  return m ? `${stem(m[1]!)}_{${m[2]}}` : stem(name);
}

/** A family's name (`w`, `W1`): its index is the subscript, so the name stays as it is, underscores escaped. */
function stemLatex(name: string): string {
  return name.replaceAll('_', '\\_');
}

/** `x`, or `w_{1,2}` for the variable w[1,2] of a family. */
export function variableLatex(v: VariableInfo): string {
  return v.family === undefined ? nameLatex(v.name) : `${stemLatex(v.family)}_{${v.index!.join(',')}}`;
}

function monomialLatex(ring: RingData, m: Monomial): string {
  const factors: string[] = [];
  m.forEach((e, i) => {
    if (e === 0) return;
    const x = variableLatex(ring.variables[i]!);
    factors.push(e === 1 ? x : `${x}^{${e}}`);
  });
  return factors.join(' ');
}

/** Coefficients stored as rationals typeset as fractions; other domains by their canonical text. */
function isRat(c: unknown): c is Rat {
  return typeof c === 'object' && c !== null && 'num' in c && 'den' in c;
}

/** LaTeX of a polynomial from its terms, in the ring's order, signs as in the canonical text. */
export function polyLatex(ring: RingData, p: Poly<unknown>): string {
  const F = ring.poly.field;
  return signedTerms(ring, p, (abs, m) => {
    const mono = monomialLatex(ring, m);
    const coeff = isRat(abs) ? ratLatex(abs) : F.toString(abs);
    return mono === '' ? coeff : F.isOne(abs) ? mono : `${coeff} ${mono}`;
  });
}

/** The terms of p joined with their signs (`a - b + c`, `-a` first), each |term| written by `term`. */
function signedTerms(ring: RingData, p: Poly<unknown>, term: (abs: unknown, m: Poly<unknown>['mons'][number]) => string): string {
  if (p.mons.length === 0) return '0';
  const F = ring.poly.field;
  let out = '';
  p.mons.forEach((m, k) => {
    const c = p.coeffs[k];
    const negative = F.isNegative(c);
    const body = term(negative ? F.neg(c) : c, m);
    out += k === 0 ? (negative ? `-${body}` : body) : negative ? ` - ${body}` : ` + ${body}`;
  });
  return out;
}

// --- SymPy names and the typed JSON of rings (docs/json.md) ---------------------------------------

/** A name SymPy's `parse_expr` reads as one symbol: `x` stays `x`, `w[1,2]` becomes `w_1_2`. */
export function variableSympy(v: VariableInfo): string {
  return v.family === undefined ? v.name : `${v.family}_${v.index!.join('_')}`;
}

/** A polynomial in SymPy's syntax from its terms: `w_1**2*w_2 - 1/2*x` (coefficients by the field's text). */
export function polySympy(ring: RingData, p: Poly<unknown>): string {
  const F = ring.poly.field;
  return signedTerms(ring, p, (abs, m) => {
    const factors: string[] = [];
    m.forEach((e, i) => {
      if (e === 0) return;
      const x = variableSympy(ring.variables[i]!);
      factors.push(e === 1 ? x : `${x}**${e}`);
    });
    const mono = factors.join('*');
    const coeff = F.toString(abs).replaceAll('^', '**'); // rational-function coefficients: polynomials in the parameters
    return mono === '' ? coeff : F.isOne(abs) ? mono : `${coeff}*${mono}`;
  });
}

/** A ring in the typed JSON: its name, field, variables (canonical and SymPy names) and order. */
export function ringJson(ring: RingData): { [key: string]: Json } {
  return {
    name: ring.name,
    field: ring.poly.field.name,
    variables: ring.variables.map((v) => v.name),
    sympy: ring.variables.map(variableSympy),
    order: orderText(ring.poly.order.spec),
  };
}

/** `\mathbb{Q}[x, w_{1}, w_{2}]`, with the order when it is not grevlex. */
export function ringLatex(ring: RingData): string {
  const p = ring.poly.field.characteristic;
  const F = ring.poly.field;
  const params = isFractionField(F) ? `(${F.params.join(', ')})` : '';
  const field = `${p === 0n ? '\\mathbb{Q}' : `\\mathbb{F}_{${p}}`}${params}`;
  const spec = ring.poly.order.spec;
  const order = spec.kind === 'grevlex' ? '' : `, \\ \\mathrm{order} = \\mathrm{${orderText(spec)}}`;
  return `${field}[${ring.variables.map(variableLatex).join(', ')}${order}]`;
}

// --- the printers of each kind of value ---------------------------------------------------------

type Of<K extends Kind> = Extract<Value, { kind: K }>;

/** Text, JSON and LaTeX of one kind of value. Methods, so that a Printer<Of<K>> is a Printer<Value>. */
interface Printer<V> {
  /** `nested`: inside a list or record (strings are quoted there). */
  text(v: V, nested: boolean): string;
  json(v: V): Json;
  latex(v: V): string;
}

/** Characters that LaTeX's text mode treats specially, each with its printable form. */
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
};

/** A string as upright text in math mode, every special character escaped. */
export function textLatex(s: string): string {
  return `\\text{${s.replace(/[\\{}$&#^_%~]/g, (c) => TEXT_ESCAPES[c]!)}}`;
}

/** A decimal number (`-1.414`, `2.5e-7`) typeset as a number: a real minus sign, `\\times 10^{k}`. */
function decimalLatex(text: string): string {
  const m = /^(-?\d+(?:\.\d+)?)(?:e([+-]?\d+))?$/i.exec(text)!;
  return m[2] === undefined ? m[1]! : `${m[1]} \\times 10^{${Number(m[2])}}`;
}

const DECIMAL = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** A string: a decimal number (as `solve` and `decimal` give them) typesets as a number, other text as text. */
function stringLatex(s: string): string {
  return DECIMAL.test(s) ? decimalLatex(s) : textLatex(s);
}

/** A float: finite ones as decimal numbers, the others by name. */
function floatLatex(x: number): string {
  if (Number.isNaN(x)) return '\\mathrm{NaN}';
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : '-\\infty';
  return decimalLatex(floatText(x));
}

/** The rarely typeset kinds (functions, nothing) print their text in LaTeX and JSON. */
function textual<V extends Value>(text: (v: V) => string): Printer<V> {
  return { text, json: text, latex: (v) => textLatex(text(v)) };
}

const PRINTERS: { readonly [K in Kind]: Printer<Of<K>> } = {
  number: { text: (v) => ratText(v.value), json: (v) => ratJson(v.value), latex: (v) => ratLatex(v.value) },
  float: { text: (v) => floatText(v.value), json: (v) => (Number.isFinite(v.value) ? v.value : String(v.value)), latex: (v) => floatLatex(v.value) },
  bool: { text: (v) => String(v.value), json: (v) => v.value, latex: (v) => `\\mathrm{${v.value}}` },
  string: { text: (v, nested) => (nested ? JSON.stringify(v.value) : v.value), json: (v) => v.value, latex: (v) => stringLatex(v.value) },
  list: {
    text: (v) => `[${v.items.map((x) => toText(x, true)).join(', ')}]`,
    json: (v) => v.items.map(toJson),
    latex: (v) => (isMatrix(v) ? pmatrix(v.items.map((row) => row.items.map(toLatex))) : `\\left[ ${v.items.map(toLatex).join(', ')} \\right]`),
  },
  record: {
    text: (v) => `{${[...v.fields].map(([k, x]) => `${k}: ${toText(x, true)}`).join(', ')}}`,
    json: (v) => Object.fromEntries([...v.fields].map(([k, x]) => [k, toJson(x)])),
    latex: (v) => `\\left\\{ ${[...v.fields].map(([k, x]) => `\\mathrm{${k.replaceAll('_', '\\_')}}: ${toLatex(x)}`).join(', ')} \\right\\}`,
  },
  ring: { text: (v) => v.ring.poly.toString(), json: (v) => ({ ring: v.ring.poly.toString() }), latex: (v) => ringLatex(v.ring) },
  family: {
    text: (v) => familyText(v.family),
    json: (v) => familyText(v.family),
    latex: (v) => `${stemLatex(v.family.name)}_{${v.family.ranges.map(([lo, hi]) => `${lo}..${hi}`).join(',\\,')}}`,
  },
  poly: { text: (v) => polyText(v.ring, v.poly), json: (v) => polyText(v.ring, v.poly), latex: (v) => polyLatex(v.ring, v.poly) },
  ideal: {
    text: (v) => `ideal(${v.ideal.gens.map((g) => polyText(v.ring, g)).join(', ')})`,
    json: (v) => ({ ideal: v.ideal.gens.map((g) => polyText(v.ring, g)) }),
    latex: (v) => `\\left\\langle ${v.ideal.gens.map((g) => polyLatex(v.ring, g)).join(', ')} \\right\\rangle`,
  },
  function: textual((v) => `fn ${v.name}(${v.params.join(', ')})`),
  builtin: textual((v) => `builtin ${v.name}`),
  object: { text: (v) => v.of.text(v.data), json: (v) => v.of.json(v.data), latex: (v) => v.of.latex(v.data) },
  none: { text: () => 'none', json: () => null, latex: () => textLatex('none') },
};

function printerOf(v: Value): Printer<Value> {
  return PRINTERS[v.kind];
}

/** Text of a value; strings print bare at the top level and quoted inside lists and records. */
export function toText(v: Value, nested = false): string {
  return printerOf(v).text(v, nested);
}

/** The contract's JSON encoding. */
export function toJson(v: Value): Json {
  return printerOf(v).json(v);
}

export function toLatex(v: Value): string {
  return printerOf(v).latex(v);
}
