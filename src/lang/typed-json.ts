// The typed JSON encoding of values (`vdl run --json`; the schema is docs/json.md). Every value is a
// JSON object whose "type" member names its kind, so a consumer never has to guess what a bare string
// was: `{"type": "rational", "value": "1/2"}`, `{"type": "integer", "value": "12"}` (exact numbers are
// always decimal strings, whatever their size), polynomials and ideals with their ring (name, field,
// variables, order) and a "sympy" text that SymPy's parse_expr reads (`w[1]^2*w[2]` -> `w_1**2*w_2`),
// lists as {"items"}, records as {"fields"}. A value with a provenance (src/lang/provenance.ts) has it
// under "how", unless it is the provenance of the enclosing value (a record's fields share it).
// Object kinds (varieties, forms, ...) give their members through ObjectKind.typed (object-kind.ts).
//
// A `print` statement prints one line `{"type": "print", "line": L, "values": [...]}` whether it
// prints one value or several, and a diagnostic prints as `{"type": "error", "file", "line", "col",
// "endLine", "endCol", "code", "message", "notes"?}`.
import type { Provenance } from '../math/provenance.js';
import type { Diagnostic } from './diagnostics.js';
import type { PrintRecord } from './evaluator.js';
import { polySympy, polyText, ratText, ringJson, type Json } from './print.js';
import { provenanceJson, provenanceOf } from './provenance.js';
import type { Value } from './values.js';

export type JsonObject = { [key: string]: Json };

/** The members after "type" for each kind of value (objects delegate to their kind). */
function members(v: Value, outer: Provenance | undefined): { type: string; rest: JsonObject } {
  switch (v.kind) {
    case 'number':
      return { type: v.value.den === 1n ? 'integer' : 'rational', rest: { value: ratText(v.value) } };
    case 'float':
      return { type: 'float', rest: { value: Number.isFinite(v.value) ? v.value : String(v.value) } };
    case 'bool':
      return { type: 'bool', rest: { value: v.value } };
    case 'string':
      return { type: 'string', rest: { value: v.value } };
    case 'list':
      return { type: 'list', rest: { items: v.items.map((x) => typedJson(x, outer)) } };
    case 'record':
      return { type: 'record', rest: { fields: Object.fromEntries([...v.fields].map(([k, x]) => [k, typedJson(x, outer)])) } };
    case 'ring':
      return { type: 'ring', rest: { ...ringJson(v.ring), value: v.ring.poly.toString() } };
    case 'family':
      return {
        type: 'family',
        rest: { name: v.family.name, ranges: v.family.ranges.map(([lo, hi]) => [lo, hi]), ring: ringJson(v.ring) },
      };
    case 'poly':
      return { type: 'polynomial', rest: { value: polyText(v.ring, v.poly), sympy: polySympy(v.ring, v.poly), ring: ringJson(v.ring) } };
    case 'ideal':
      return {
        type: 'ideal',
        rest: {
          generators: v.ideal.gens.map((g) => polyText(v.ring, g)),
          sympy: v.ideal.gens.map((g) => polySympy(v.ring, g)),
          ring: ringJson(v.ring),
        },
      };
    case 'function':
      return { type: 'function', rest: { name: v.name, params: [...v.params] } };
    case 'builtin':
      return { type: 'builtin', rest: { name: v.name } };
    case 'object':
      return { type: v.of.name, rest: v.of.typed ? v.of.typed(v.data) : { value: v.of.json(v.data) } };
    case 'none':
      return { type: 'none', rest: {} };
  }
}

/**
 * The typed JSON of a value. `outer` is the provenance of the enclosing value: a nested value repeats
 * "how" only when it was obtained differently.
 */
export function typedJson(v: Value, outer?: Provenance): JsonObject {
  const how = provenanceOf(v);
  const { type, rest } = members(v, how ?? outer);
  return how !== undefined && how !== outer ? { type, ...rest, how: provenanceJson(how) } : { type, ...rest };
}

/** One `print` statement: `{"type": "print", "line": L, "values": [...]}` (one value or several alike). */
export function typedPrintJson(record: PrintRecord): JsonObject {
  return { type: 'print', file: record.span.file, line: record.span.startLine, values: record.values.map((v) => typedJson(v)) };
}

/** A diagnostic as a JSON object: where, the stable code, the message, and its notes when it has any. */
export function diagnosticJson(d: Diagnostic): JsonObject {
  const { file, startLine, startColumn, endLine, endColumn } = d.span;
  const out: JsonObject = {
    type: d.severity,
    file,
    line: startLine,
    col: startColumn,
    endLine,
    endCol: endColumn,
    code: d.code,
    message: d.message,
  };
  if (d.notes && d.notes.length > 0) out['notes'] = [...d.notes];
  return out;
}
