// Core built-ins: lists, vectors and matrices of numbers, numeric helpers, randomness and timing.
import { gaussianDense, zeros } from '../../math/dense/index.js';
import { QQ, rat } from '../../math/field.js';
import { bigSqrt, binomial as binomialOf } from '../../math/integers.js';
import { fail } from '../diagnostics.js';
import { arithmetic, compare, valuesEqual } from '../ops.js';
import { ratToFloat } from '../../math/rat-float.js';
import { floatMatrixValue } from '../objects/float-matrix.js';
import { numberListFloats } from '../number-list.js';
import { toText } from '../print.js';
import { withProvenance, seedOf } from '../provenance.js';
import { bool, float, int, isMatrix, kindWord, list, num, record, str, type Value } from '../values.js';
import { ringMapCall } from './maps.js';
import { defineBuiltins, type CallContext } from './registry.js';
import { expectInteger, expectList, expectRational } from './convert.js';

function sumOf(ctx: CallContext, items: readonly Value[]): Value {
  return items.reduce<Value>((acc, x) => arithmetic('+', acc, x, ctx.span), int(0));
}

function extremum(ctx: CallContext, args: readonly Value[], op: '<' | '>'): Value {
  const items = args.length === 1 && args[0]!.kind === 'list' ? args[0]!.items : args;
  if (items.length === 0) fail('empty', 'max and min need at least one value', ctx.span);
  return items.reduce((best, x) => {
    const better = compare(op, x, best, ctx.span);
    return better.kind === 'bool' && better.value ? x : best;
  });
}

function absolute(ctx: CallContext, v: Value): Value {
  if (v.kind === 'number') return num(v.value.num < 0n ? QQ.neg(v.value) : v.value);
  if (v.kind === 'float') return float(Math.abs(v.value));
  return fail('type', `abs needs a number, got ${kindWord(v)}`, ctx.span);
}

/** An exact square root when the rational is a perfect square, else a float. */
function sqrtValue(ctx: CallContext, v: Value): Value {
  if (v.kind === 'number') {
    if (v.value.num < 0n) fail('domain', 'square root of a negative number', ctx.span);
    const n = bigSqrt(v.value.num), d = bigSqrt(v.value.den);
    if (n * n === v.value.num && d * d === v.value.den) return num(rat(n, d));
    return float(Math.sqrt(ratToFloat(v.value)));
  }
  if (v.kind === 'float') return float(Math.sqrt(v.value));
  return fail('type', `sqrt needs a number, got ${kindWord(v)}`, ctx.span);
}

/** A matrix of numbers (exact or float) as a float matrix, entry by entry without rational arithmetic; undefined when an entry is not a number. */
function floatMatrixOf(v: Value): Value | undefined {
  const literal = numberListFloats(v);
  if (literal) return floatMatrixValue(literal);
  if (!isMatrix(v)) return undefined;
  const rows = v.items.length, cols = v.items[0]!.items.length;
  const M = zeros(rows, cols);
  for (let i = 0; i < rows; i++) {
    const row = v.items[i]!.items;
    for (let j = 0; j < cols; j++) {
      const x = row[j]!;
      if (x.kind === 'float') M.data[i * cols + j] = x.value;
      else if (x.kind === 'number') M.data[i * cols + j] = x.value.den === 1n ? Number(x.value.num) : ratToFloat(x.value);
      else return undefined;
    }
  }
  return floatMatrixValue(M);
}

function toFloatValue(ctx: CallContext, v: Value): Value {
  if (v.kind === 'number') return float(ratToFloat(v.value));
  if (v.kind === 'float') return v;
  const matrix = floatMatrixOf(v);
  if (matrix) return matrix;
  if (v.kind === 'list') return list(v.items.map((x) => toFloatValue(ctx, x)));
  if (v.kind === 'record') return record(new Map([...v.fields].map(([k, x]) => [k, toFloatValue(ctx, x)])));
  return fail('type', `float needs a number, got ${kindWord(v)}`, ctx.span);
}

defineBuiltins([
  {
    name: 'length',
    signature: 'length(L)',
    summary: 'The number of elements of a list (or characters of a string).',
    examples: ['length([1, 2, 3])  // 3'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [v]) {
      if (v!.kind === 'list') return int(v!.items.length);
      if (v!.kind === 'string') return int(v!.value.length);
      return fail('type', `length needs a list, got ${kindWord(v!)}`, ctx.span);
    },
  },
  {
    name: 'sum',
    signature: 'sum(L)',
    summary: 'The sum of the elements of a list (numbers, polynomials or vectors).',
    examples: ['sum([1, 2, 3])  // 6', 'sum(1..100)  // 5050'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call: (ctx, [v]) => sumOf(ctx, expectList(ctx, v!, 0)),
  },
  {
    name: 'product',
    signature: 'product(L)',
    summary: 'The product of the elements of a list.',
    examples: ['product(1..5)  // 120'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call: (ctx, [v]) => expectList(ctx, v!, 0).reduce<Value>((acc, x) => arithmetic('*', acc, x, ctx.span), int(1)),
  },
  {
    name: 'max',
    signature: 'max(L) or max(a, b, ...)',
    summary: 'The largest of some numbers.',
    examples: ['max([3, 1, 2])  // 3'],
    category: 'core',
    minArgs: 1,
    maxArgs: Infinity,
    call: (ctx, args) => extremum(ctx, args, '>'),
  },
  {
    name: 'min',
    signature: 'min(L) or min(a, b, ...)',
    summary: 'The smallest of some numbers.',
    examples: ['min(3, 1, 2)  // 1'],
    category: 'core',
    minArgs: 1,
    maxArgs: Infinity,
    call: (ctx, args) => extremum(ctx, args, '<'),
  },
  {
    name: 'abs',
    signature: 'abs(x)',
    summary: 'Absolute value (exact for rationals).',
    examples: ['abs(-3/4)  // 3/4'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call: (ctx, [v]) => absolute(ctx, v!),
  },
  {
    name: 'sqrt',
    signature: 'sqrt(x)',
    summary: 'Square root: exact when x is the square of a rational, a float otherwise.',
    examples: ['sqrt(9/4)  // 3/2', 'sqrt(2)  // 1.4142135623730951'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call: (ctx, [v]) => sqrtValue(ctx, v!),
  },
  {
    name: 'norm',
    signature: 'norm(v)',
    summary: 'Euclidean norm of a vector: exact when the sum of squares is a rational square, else a float.',
    examples: ['norm([3, 4])  // 5'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [v]) {
      const items = expectList(ctx, v!, 0);
      return sqrtValue(ctx, sumOf(ctx, items.map((x) => arithmetic('*', x, x, ctx.span))));
    },
  },
  {
    name: 'dot',
    signature: 'dot(u, v)',
    summary: 'The inner product Σ u_i v_i of two vectors of the same length.',
    examples: ['dot([1, 2], [3, 4])  // 11'],
    category: 'core',
    minArgs: 2,
    maxArgs: 2,
    call(ctx, [u, v]) {
      const a = expectList(ctx, u!, 0), b = expectList(ctx, v!, 1);
      if (a.length !== b.length) fail('shape', `dot needs vectors of the same length, got ${a.length} and ${b.length}`, ctx.span);
      return sumOf(ctx, a.map((x, i) => arithmetic('*', x, b[i]!, ctx.span)));
    },
  },
  {
    name: 'transpose',
    signature: 'transpose(M)',
    summary: 'The transpose of a matrix (a list of equal-length lists).',
    examples: ['transpose([[1, 2], [3, 4]])  // [[1, 3], [2, 4]]'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [m]) {
      if (!isMatrix(m!)) return fail('type', `transpose needs a matrix, got ${kindWord(m!)}`, ctx.argSpans[0]!);
      const rows = m.items;
      return list(rows[0]!.items.map((_, j) => list(rows.map((r) => r.items[j]!))));
    },
  },
  {
    name: 'append',
    signature: 'append(L, x)',
    summary: 'A new list: L with x added at the end.',
    examples: ['append([1, 2], 3)  // [1, 2, 3]'],
    category: 'core',
    minArgs: 2,
    maxArgs: 2,
    call: (ctx, [l, x]) => list([...expectList(ctx, l!, 0), x!]),
  },
  {
    name: 'concat',
    signature: 'concat(L1, L2, ...)',
    summary: 'The lists joined end to end.',
    examples: ['concat([1], [2, 3])  // [1, 2, 3]'],
    category: 'core',
    minArgs: 1,
    maxArgs: Infinity,
    call: (ctx, args) => list(args.flatMap((l, i) => expectList(ctx, l, i))),
  },
  {
    name: 'map',
    signature: 'map(f, L) or map(R, S, [g1, ..., gn]) or map(phi, x)',
    summary:
      'The list of f(x) for x in L. With rings, map(R, S, [g1, ..., gn]) is the ring map S -> R sending the i-th variable of S to gi in R (target first, as in Macaulay2), and map(phi, x) applies a ring map to a polynomial, an ideal or a list of them (moving them into R).',
    examples: [
      'fn sq(a) = a * a;\nmap(sq, [1, 2, 3])  // [1, 4, 9]',
      'ring S = QQ[u, v];\nlet f = u^2 - v;\nring R = QQ[t];\nlet phi = map(R, S, [t, t^2]);\nmap(phi, f)  // 0',
    ],
    category: 'core',
    minArgs: 2,
    maxArgs: 3,
    call: (ctx, args) => {
      const ringMap = ringMapCall(ctx, args);
      if (ringMap) return ringMap;
      if (args.length !== 2) return fail('arity', `map(f, L) takes 2 arguments, got ${args.length}`, ctx.span);
      const [f, l] = args;
      return list(expectList(ctx, l!, 1).map((x) => ctx.callFunction(f!, [x])));
    },
  },
  {
    name: 'str',
    signature: 'str(x)',
    summary: 'The text of a value, as a string.',
    examples: ['str(1/2) + "!"  // 1/2!'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call: (_ctx, [v]) => str(toText(v!)),
  },
  {
    name: 'float',
    signature: 'float(x)',
    summary: 'A floating-point approximation of a number (or of every number in a list or record). A matrix of numbers becomes a float matrix (the value kind of the numerical built-ins; `.entries` gives back a list of lists of floats).',
    examples: ['float(1/3)  // 0.3333333333333333'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call: (ctx, [v]) => toFloatValue(ctx, v!),
  },
  {
    name: 'numerator',
    signature: 'numerator(q)',
    summary: 'The numerator of a rational number in lowest terms.',
    examples: ['numerator(6/4)  // 3'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call: (ctx, [v]) => int(expectRational(ctx, v!, 0).num),
  },
  {
    name: 'denominator',
    signature: 'denominator(q)',
    summary: 'The (positive) denominator of a rational number in lowest terms.',
    examples: ['denominator(6/4)  // 2'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call: (ctx, [v]) => int(expectRational(ctx, v!, 0).den),
  },
  {
    name: 'binomial',
    signature: 'binomial(n, k)',
    summary: 'The binomial coefficient C(n, k).',
    examples: ['binomial(5, 2)  // 10'],
    category: 'core',
    minArgs: 2,
    maxArgs: 2,
    call(ctx, [n, k]) {
      return int(binomialOf(expectInteger(ctx, n!, 0), expectInteger(ctx, k!, 1)));
    },
  },
  {
    name: 'factorial',
    signature: 'factorial(n)',
    summary: 'n! for a non-negative integer n.',
    examples: ['factorial(5)  // 120'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [n]) {
      const a = expectInteger(ctx, n!, 0);
      if (a < 0n || a > 10000n) fail('domain', 'factorial needs an integer from 0 to 10000', ctx.span);
      let r = 1n;
      for (let i = 2n; i <= a; i++) r *= i;
      return int(r);
    },
  },
  {
    name: 'mod',
    signature: 'mod(a, n)',
    summary: 'The remainder of the integer a modulo n, in [0, |n|).',
    examples: ['mod(-1, 5)  // 4'],
    category: 'core',
    minArgs: 2,
    maxArgs: 2,
    call(ctx, [a, n]) {
      const x = expectInteger(ctx, a!, 0), m = expectInteger(ctx, n!, 1);
      if (m === 0n) fail('division-by-zero', 'mod by zero', ctx.span);
      const r = x % m;
      return int(r < 0n ? r + (m < 0n ? -m : m) : r);
    },
  },
  {
    name: 'floor',
    signature: 'floor(x)',
    summary: 'The largest integer not above x (exact for rationals).',
    examples: ['floor(-3/2)  // -2'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [v]) {
      if (v!.kind === 'float') return int(BigInt(Math.floor(v!.value)));
      const r = expectRational(ctx, v!, 0);
      const q = r.num / r.den;
      return int(r.num < 0n && q * r.den !== r.num ? q - 1n : q);
    },
  },
  {
    name: 'typeOf',
    signature: 'typeOf(x)',
    summary: 'The kind of a value as a word: number, float, polynomial, ideal, list, ...',
    examples: ['typeOf(1/2)  // number'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call: (_ctx, [v]) => str(v!.kind === 'object' ? v!.of.name : v!.kind === 'poly' ? 'polynomial' : v!.kind),
  },
  {
    name: 'timing',
    signature: 'timing(e)',
    summary: 'Evaluates e and returns {value, seconds}: the wall-clock seconds of that evaluation (a float).',
    examples: ['timing(sum(1..1000)).value  // 500500'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    lazy: true,
    call(ctx, _args, _kw, exprs) {
      const start = performance.now();
      const value = ctx.evaluate(exprs[0]!);
      return record({ value, seconds: float((performance.now() - start) / 1000) });
    },
  },
  {
    name: 'random',
    signature: 'random(n)',
    summary: 'A random integer in [-n, n], from the seeded generator (see the seed statement).',
    examples: ['seed 1;\nrandom(10)'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [n]) {
      const bound = expectInteger(ctx, n!, 0);
      if (bound < 0n) fail('domain', 'random(n) needs n >= 0', ctx.span);
      return int(ctx.random.bigint(-bound, bound));
    },
  },
  {
    name: 'randomPoint',
    signature: 'randomPoint(R, n = 10)',
    summary:
      "A point of R's affine space: a list with one random integer in [-n, n] per variable of the ring R (seeded), in the ring's variable order.",
    examples: ['seed 1;\nring R = QQ[x, y, z];\nlength(randomPoint(R))  // 3'],
    category: 'core',
    minArgs: 1,
    maxArgs: 2,
    call(ctx, [R, n]) {
      if (R!.kind !== 'ring') return fail('type', `randomPoint needs a ring, got ${kindWord(R!)}`, ctx.argSpans[0] ?? ctx.span);
      const bound = n ? expectInteger(ctx, n, 1) : 10n;
      if (bound < 0n) fail('domain', 'randomPoint(R, n) needs n >= 0', ctx.argSpans[1] ?? ctx.span);
      return list(R!.ring.poly.vars.map(() => int(ctx.random.bigint(-bound, bound))));
    },
  },
  {
    name: 'randomMatrix',
    signature: 'randomMatrix(rows, cols, n)',
    summary: 'A rows×cols matrix of random integers in [-n, n] (seeded; exact, for the algebraic routes: gaussianMatrix gives float data).',
    examples: ['seed 1;\nrandomMatrix(2, 3, 5)'],
    category: 'core',
    minArgs: 3,
    maxArgs: 3,
    call(ctx, [r, c, n]) {
      const rows = Number(expectInteger(ctx, r!, 0)), cols = Number(expectInteger(ctx, c!, 1));
      const bound = expectInteger(ctx, n!, 2);
      if (rows < 1 || cols < 1) fail('domain', `randomMatrix needs positive sizes, got ${rows}x${cols}`, ctx.span);
      if (rows * cols > 1_000_000) fail('too-large', `randomMatrix(${rows}, ${cols}, ...) would have ${rows * cols} entries, more than the limit of 1000000`, ctx.span);
      if (bound < 0n) fail('domain', 'randomMatrix(rows, cols, n) needs n >= 0', ctx.argSpans[2] ?? ctx.span);
      const out: Value[] = new Array(rows);
      if (2n * bound + 1n < 1n << 21n) {
        // The same draws as bigint(-n, n) entry by entry (Random.offsets), each a shared immutable value.
        const span = Number(2n * bound + 1n);
        const table = Array.from({ length: span }, (_, k) => int(BigInt(k) - bound));
        const draws = ctx.random.offsets(span, rows * cols);
        for (let i = 0; i < rows; i++) {
          const row: Value[] = new Array(cols);
          for (let j = 0; j < cols; j++) row[j] = table[draws[i * cols + j]!]!;
          out[i] = list(row);
        }
      } else {
        for (let i = 0; i < rows; i++) out[i] = list(Array.from({ length: cols }, () => int(ctx.random.bigint(-bound, bound))));
      }
      return list(out);
    },
  },
  {
    name: 'gaussianMatrix',
    signature: 'gaussianMatrix(rows, cols, mean = 0, sd = 1)',
    summary:
      "A rows×cols float matrix with independent N(mean, sd²) entries, drawn from the run's seeded random stream by the Box–Muller transform (two normal draws per pair of uniform 53-bit draws, row-major). how(...) records the seed.",
    examples: ['seed 1;\ngaussianMatrix(2, 3).rows  // 2'],
    category: 'core',
    minArgs: 2,
    maxArgs: 4,
    call(ctx, [r, c, mean, sd]) {
      const rows = Number(expectInteger(ctx, r!, 0)), cols = Number(expectInteger(ctx, c!, 1));
      if (rows < 1 || cols < 1 || rows * cols > 10_000_000) fail('domain', 'gaussianMatrix needs positive sizes (at most 10^7 entries)', ctx.span);
      const real = (v: Value | undefined, index: number, fallback: number): number => {
        if (!v) return fallback;
        if (v.kind === 'float') return v.value;
        if (v.kind === 'number') return ratToFloat(v.value);
        return fail('type', `argument ${index + 1} must be a number, got ${kindWord(v)}`, ctx.argSpans[index] ?? ctx.span);
      };
      const mu = real(mean, 2, 0), sigma = real(sd, 3, 1);
      if (!(sigma >= 0) || !Number.isFinite(sigma) || !Number.isFinite(mu)) fail('domain', 'gaussianMatrix needs a finite mean and a finite sd >= 0', ctx.argSpans[sd ? 3 : 2] ?? ctx.span);
      const start = performance.now();
      const M = gaussianDense(ctx.random, rows, cols, mu, sigma);
      return withProvenance(floatMatrixValue(M), {
        algorithm: 'box-muller',
        field: 'float64',
        certified: true,
        seed: seedOf(ctx.random),
        seconds: (performance.now() - start) / 1000,
        note: `random data: N(${mu}, ${sigma}²) entries from the seeded sfc32 stream`,
      });
    },
  },
  {
    name: 'assertEqual',
    signature: 'assertEqual(a, b)',
    summary: 'true when a == b; otherwise an error that shows both values.',
    examples: ['assertEqual(1 + 1, 2)'],
    category: 'core',
    minArgs: 2,
    maxArgs: 2,
    call(ctx, [a, b]) {
      if (!valuesEqual(a!, b!, ctx.span)) fail('assertion', `assertion failed: ${toText(a!, true)} is not ${toText(b!, true)}`, ctx.span);
      return bool(true);
    },
  },
]);

