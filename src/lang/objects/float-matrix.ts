// The `floatmatrix` object kind: a dense matrix of IEEE doubles, distinct from exact matrices (lists
// of lists of rationals). Its data is the `Dense` of src/math/dense (row-major Float64Array with
// rows, cols and a row stride), so built-ins hand it to the float kernels without conversion.
// Made by `float(M)` (M a matrix of numbers), `gaussianMatrix(...)`; exact built-ins refuse it
// (`.entries` converts it back to a list of lists of floats, explicitly).
// Text: `float([[1.0, 2.5], [3.0, 4.0]])` (it reads back as the same value) up to 400 entries; larger
// ones print their corners: `float matrix 1000×500 [[a, b, …, c], …, [d, e, …, f]]`. JSON
// `{floatMatrix: [[...]], rows, cols}` (every entry; non-finite entries as text, like floats), typed
// JSON `{"type": "floatmatrix", rows, cols, matrix}`;
// LaTeX a pmatrix (corners with \cdots, \vdots, \ddots beyond 400 entries).
import { type Dense, entry, frobenius, svd, transposeDense } from '../../math/dense/index.js';
import { MathError } from '../../math/errors.js';
import type { ObjectKind } from '../object-kind.js';
import { floatText, type Json } from '../print.js';
import { float, int, list, object, type ObjectValue } from '../values.js';

const FULL = 400;
const CORNER = 3;

/** Row and column indices to show: all, or the first CORNER and the last one with a gap marker (-1). */
function shown(n: number, full: boolean): number[] {
  if (full || n <= CORNER + 1) return Array.from({ length: n }, (_, i) => i);
  return [...Array.from({ length: CORNER }, (_, i) => i), -1, n - 1];
}

function floatJson(x: number): Json {
  return Number.isFinite(x) ? x : String(x);
}

function rowsJson(M: Dense): Json[] {
  return Array.from({ length: M.rows }, (_, i) => Array.from({ length: M.cols }, (_, j) => floatJson(entry(M, i, j))));
}

function text(M: Dense): string {
  const full = M.rows * M.cols <= FULL;
  const rows = shown(M.rows, full), cols = shown(M.cols, full);
  const body = `[${rows.map((i) => (i < 0 ? '…' : `[${cols.map((j) => (j < 0 ? '…' : floatText(entry(M, i, j)))).join(', ')}]`)).join(', ')}]`;
  return full ? `float(${body})` : `float matrix ${M.rows}×${M.cols} ${body}`;
}

function latex(M: Dense): string {
  const full = M.rows * M.cols <= FULL;
  const rows = shown(M.rows, full), cols = shown(M.cols, full);
  const cell = (i: number, j: number) => (i < 0 && j < 0 ? '\\ddots' : i < 0 ? '\\vdots' : j < 0 ? '\\cdots' : floatText(entry(M, i, j)));
  return `\\begin{pmatrix} ${rows.map((i) => cols.map((j) => cell(i, j)).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
}

function entries(M: Dense) {
  return list(Array.from({ length: M.rows }, (_, i) => list(Array.from({ length: M.cols }, (_, j) => float(entry(M, i, j))))));
}

export const FLOAT_MATRIX: ObjectKind<Dense> = {
  name: 'floatmatrix',
  typeName: 'FloatMatrix',
  kindWord: 'a float matrix',
  summary:
    'A dense matrix of floating-point numbers (IEEE doubles), distinct from exact matrices: made by float(M) and gaussianMatrix, used by the numerical built-ins (nnls, flatMinimum) without conversion. It prints as float([[1.0, 2.5], [3.0, 4.0]]) up to 400 entries, larger ones as their corners (float matrix 1000×500 [[…]]); its JSON is {floatMatrix, rows, cols}. Fields: rows, cols, entries (a list of lists of floats: the explicit conversion for exact built-ins, which refuse float matrices). == compares shapes and entries. transpose, rank (numerical, by SVD: σ > max(m, n)·ε·σ₁) and norm (Frobenius) accept it.',
  text,
  json: (M) => ({ floatMatrix: rowsJson(M), rows: M.rows, cols: M.cols }),
  typed: (M) => ({ rows: M.rows, cols: M.cols, matrix: rowsJson(M) }),
  latex,
  equals: (a, b) => {
    if (a.rows !== b.rows || a.cols !== b.cols) return false;
    for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) if (entry(a, i, j) !== entry(b, i, j)) return false;
    return true;
  },
  fields: {
    rows: (M) => int(M.rows),
    cols: (M) => int(M.cols),
    entries,
  },
  methods: {
    transpose: (_ctx, M) => floatMatrixValue(transposeDense(M)),
    rank: (ctx, M) => {
      if (M.rows === 0 || M.cols === 0) return int(0);
      return int(svd(M, { signal: ctx.signal }).rank);
    },
    norm: (_ctx, M) => float(frobenius(M)),
    float: (_ctx, M) => floatMatrixValue(M),
  },
};

export function floatMatrixValue(M: Dense): ObjectValue<Dense> {
  if (!(M.data instanceof Float64Array)) throw new MathError('internal', 'a float matrix needs Float64Array data');
  return object(FLOAT_MATRIX, M);
}
