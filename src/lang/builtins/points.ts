// Built-ins of exact real numbers: `sign`. Real points and real algebraic numbers themselves are the
// object kinds of ../objects/point.ts (their float, decimal, abs and length are methods there).
import { fail } from '../diagnostics.js';
import { ALGEBRAIC } from '../objects/point.js';
import { int, isObject, kindWord } from '../values.js';
import { defineBuiltins } from './registry.js';

defineBuiltins([
  {
    name: 'sign',
    signature: 'sign(x)',
    summary: 'The sign of a number, -1, 0 or 1: exact for rationals and real algebraic numbers (a coordinate of a real point), from the value for floats.',
    examples: ['sign(-3/4)  // -1', 'ring R = QQ[x];\nsign(solve(ideal(x^2 - 2)).points[1][1])  // -1'],
    category: 'core',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [x]) {
      const v = x!;
      if (v.kind === 'number') return int(v.value.num > 0n ? 1 : v.value.num < 0n ? -1 : 0);
      if (v.kind === 'float' && !Number.isNaN(v.value)) return int(v.value > 0 ? 1 : v.value < 0 ? -1 : 0);
      if (isObject(ALGEBRAIC, v)) return int(v.data.value.sign({ signal: ctx.signal }));
      return fail('type', `sign needs a number, got ${kindWord(v)}`, ctx.argSpans[0]!);
    },
  },
]);
