// The three printers of values: text (what `print` shows), JSON (the contract's encoding, used by
// `vdl run --json` and the library API) and LaTeX. Each works on the value's data: a polynomial's
// LaTeX is built term by term from its monomials and coefficients, and an indexed variable's
// subscript comes from the ring's per-variable descriptor (values.ts VariableInfo), never from
// rewriting text. Objects of later layers (varieties, forms, networks) print through their
// ObjectKind descriptor, so this module needs no knowledge of them.
import type { Rat } from '../math/field.js';
import type { Monomial } from '../math/monomial.js';
import { orderText, type Poly } from '../math/poly.js';
import { isMatrix, type RingData, type Value, type VariableFamily, type VariableInfo } from './values.js';

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

/** A name in LaTeX math: multi-letter names stay together, underscores are escaped. */
function nameLatex(name: string): string {
  return name.replaceAll('_', '\\_');
}

/** `x`, or `w_{1,2}` for the variable w[1,2] of a family. */
export function variableLatex(v: VariableInfo): string {
  return v.family === undefined ? nameLatex(v.name) : `${nameLatex(v.family)}_{${v.index!.join(',')}}`;
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
  if (p.mons.length === 0) return '0';
  const F = ring.poly.field;
  let out = '';
  p.mons.forEach((m, k) => {
    const c = p.coeffs[k];
    const negative = F.isNegative(c);
    const abs = negative ? F.neg(c) : c;
    const mono = monomialLatex(ring, m);
    const coeff = isRat(abs) ? ratLatex(abs) : F.toString(abs);
    const body = mono === '' ? coeff : F.isOne(abs) ? mono : `${coeff} ${mono}`;
    out += k === 0 ? (negative ? `-${body}` : body) : negative ? ` - ${body}` : ` + ${body}`;
  });
  return out;
}

/** `\mathbb{Q}[x, w_{1}, w_{2}]`, with the order when it is not grevlex. */
export function ringLatex(ring: RingData): string {
  const p = ring.poly.field.characteristic;
  const field = p === 0n ? '\\mathbb{Q}' : `\\mathbb{F}_{${p}}`;
  const spec = ring.poly.order.spec;
  const order = spec.kind === 'grevlex' ? '' : `, \\ \\mathrm{order} = \\mathrm{${orderText(spec)}}`;
  return `${field}[${ring.variables.map(variableLatex).join(', ')}${order}]`;
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
    case 'family':
      return familyText(v.family);
    case 'poly':
      return polyText(v.ring, v.poly);
    case 'ideal':
      return `ideal(${v.ideal.gens.map((g) => polyText(v.ring, g)).join(', ')})`;
    case 'function':
      return `fn ${v.name}(${v.params.join(', ')})`;
    case 'builtin':
      return `builtin ${v.name}`;
    case 'object':
      return v.of.text(v.data);
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
    case 'string':
      return v.value;
    case 'list':
      return v.items.map(toJson);
    case 'record':
      return Object.fromEntries([...v.fields].map(([k, x]) => [k, toJson(x)]));
    case 'ring':
      return { ring: v.ring.poly.toString() };
    case 'poly':
      return polyText(v.ring, v.poly);
    case 'ideal':
      return { ideal: v.ideal.gens.map((g) => polyText(v.ring, g)) };
    case 'object':
      return v.of.json(v.data);
    case 'none':
      return null;
    case 'family':
    case 'function':
    case 'builtin':
      return toText(v);
  }
}

// --- LaTeX -----------------------------------------------------------------------------------

function textLatex(s: string): string {
  return `\\text{${s.replace(/([\\{}$&#^_%~])/g, '\\$1')}}`;
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
      return textLatex(v.value);
    case 'list':
      return isMatrix(v) ? pmatrix(v.items.map((row) => row.items.map(toLatex))) : `\\left[ ${v.items.map(toLatex).join(', ')} \\right]`;
    case 'record':
      return `\\left\\{ ${[...v.fields].map(([k, x]) => `\\mathrm{${nameLatex(k)}}: ${toLatex(x)}`).join(', ')} \\right\\}`;
    case 'poly':
      return polyLatex(v.ring, v.poly);
    case 'ideal':
      return `\\left\\langle ${v.ideal.gens.map((g) => polyLatex(v.ring, g)).join(', ')} \\right\\rangle`;
    case 'ring':
      return ringLatex(v.ring);
    case 'family':
      return `${nameLatex(v.family.name)}_{${v.family.ranges.map(([lo, hi]) => `${lo}..${hi}`).join(',\\,')}}`;
    case 'object':
      return v.of.latex(v.data);
    case 'function':
    case 'builtin':
    case 'none':
      return textLatex(toText(v));
  }
}
