// Decimal output and rational recovery at the edges of the exact world. big.js formats an exact
// rational as a correctly rounded decimal with any number of digits; fraction.js turns a float back
// into the simplest rational within a tolerance (continued fractions). Neither runs in a hot path.
import Big from 'big.js';
import Fraction from 'fraction.js';
import { rat } from '../../math/field.js';
import { fail } from '../diagnostics.js';
import { kindWord, num, str, type Value } from '../values.js';
import { expectSmallInt } from './convert.js';
import { defineBuiltins } from './registry.js';

/** num/den to `digits` significant digits, rounded half-even, as text (e.g. "0.333" or "1.41e+5"). */
export function rationalToDecimal(numerator: bigint, denominator: bigint, digits: number): string {
  if (numerator === 0n) return '0';
  // Enough decimal places for `digits` significant digits whatever the magnitude of the quotient.
  const magnitude = numerator.toString().replace('-', '').length - denominator.toString().length;
  const Exact = Big();
  Exact.DP = Math.max(0, digits - magnitude + 2);
  Exact.RM = Big.roundHalfEven;
  return new Exact(numerator.toString()).div(denominator.toString()).toPrecision(digits, Big.roundHalfEven);
}

defineBuiltins([
  {
    name: 'decimal',
    signature: 'decimal(x, digits = 30)',
    summary: 'An exact number as a decimal string with the given number of significant digits, correctly rounded.',
    examples: ['decimal(1/3, 10)  // 0.3333333333', 'decimal(22/7)  // 3.14285714285714285714285714286'],
    category: 'core',
    minArgs: 1,
    maxArgs: 2,
    call(ctx, [x, d]) {
      const digits = d ? expectSmallInt(ctx, d, 1, 1, 10000) : 30;
      if (x!.kind === 'float') return str(x!.value.toPrecision(Math.min(digits, 100)));
      if (x!.kind !== 'number') return fail('type', `decimal needs a number, got ${kindWord(x!)}`, ctx.argSpans[0]!);
      return str(rationalToDecimal(x!.value.num, x!.value.den, digits));
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
  if (v.kind === 'number') return Number(v.value.num) / Number(v.value.den);
  return NaN;
}
