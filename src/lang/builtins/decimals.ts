// Decimal output and rational recovery at the edges of the exact world. Exact numbers are formatted
// by the engine's one decimal formatter (`formatDecimal`, src/math/univariate/decimal.ts: significant
// digits, half to even, trailing zeros dropped), the same as solve's coordinates; fraction.js turns a
// float back into the simplest rational within a tolerance (continued fractions).
import Fraction from 'fraction.js';
import { rat } from '../../math/field.js';
import { ratToFloat } from '../../math/rat-float.js';
import { formatDecimal } from '../../math/univariate/decimal.js';
import { fail } from '../diagnostics.js';
import { kindWord, num, str, type Value } from '../values.js';
import { expectSmallInt } from './convert.js';
import { defineBuiltins } from './registry.js';

defineBuiltins([
  {
    name: 'decimal',
    signature: 'decimal(x, digits = 30)',
    summary: 'An exact number as a decimal string with the given number of significant digits, rounded half to even; trailing zeros are dropped (decimal(1/2, 5) is 0.5).',
    examples: ['decimal(1/3, 10)  // 0.3333333333', 'decimal(22/7)  // 3.14285714285714285714285714286', 'decimal(5/2, 1)  // 2', 'decimal(1/2, 5)  // 0.5'],
    category: 'core',
    minArgs: 1,
    maxArgs: 2,
    call(ctx, [x, d]) {
      const digits = d ? expectSmallInt(ctx, d, 1, 1, 10000) : 30;
      if (x!.kind === 'float') return str(x!.value.toPrecision(Math.min(digits, 100)));
      if (x!.kind !== 'number') return fail('type', `decimal needs a number, got ${kindWord(x!)}`, ctx.argSpans[0]!);
      return str(formatDecimal(x!.value, digits));
    },
  },
  {
    name: 'rationalize',
    signature: 'rationalize(x, tolerance = 1e-12)',
    summary: 'The simplest rational within the tolerance of a float (continued fractions); exact numbers are returned as they are.',
    examples: ['rationalize(float(1/3))  // 1/3', 'rationalize(float(3.14159), 0.001)  // 333/106'],
    category: 'core',
    minArgs: 1,
    maxArgs: 2,
    call(ctx, [x, tol]) {
      if (x!.kind === 'number') return x!;
      if (x!.kind !== 'float' || !Number.isFinite(x!.value)) return fail('type', `rationalize needs a finite float, got ${kindWord(x!)}`, ctx.argSpans[0]!);
      const tolerance = tol === undefined ? 1e-12 : toTolerance(tol);
      if (!(tolerance > 0)) fail('domain', 'the tolerance must be a positive number', ctx.argSpans[1] ?? ctx.span);
      const f = new Fraction(x!.value).simplify(tolerance);
      return num(rat(BigInt(f.s) * BigInt(f.n), BigInt(f.d)));
    },
  },
]);

function toTolerance(v: Value): number {
  if (v.kind === 'float') return v.value;
  if (v.kind === 'number') return ratToFloat(v.value);
  return NaN;
}
