// Built-ins of decomposition beyond the minimal primes: `primaryDecomposition(I)` (src/math/decompose/primary.ts).
import { primaryDecompositionOf } from '../../math/decompose/index.js';
import { withProvenance } from '../provenance.js';
import { bool, idealValue, int, list, record } from '../values.js';
import { expectIdeal, expectRationalRing, ringOfValues } from './convert.js';
import { quietSeed } from './decompose-options.js';
import { defineBuiltins } from './registry.js';

defineBuiltins([
  {
    name: 'primaryDecomposition',
    signature: 'primaryDecomposition(I)',
    summary:
      'A minimal primary decomposition of I over QQ in any dimension, embedded components included: a list of records {primary, prime, dim, embedded} (prime = the radical of primary), isolated components first, by decreasing dimension; their intersection is I. By Gianni–Trager–Zacharias (the reduction to zero dimension over Q(U) and factored eliminants); each component is proved primary. The isolated components are unique; the embedded ones are one valid choice.',
    examples: [
      'ring R = QQ[x, y];\nprimaryDecomposition(ideal(x^2, x*y))  // [{primary: ideal(x), prime: ideal(x), dim: 1, embedded: false}, {primary: ideal(y, x^2), prime: ideal(y, x), dim: 0, embedded: true}]',
      'ring R = QQ[x, y];\nprimaryDecomposition(ideal(x^2 - 2, y^3))[1].prime  // ideal(y, x^2 - 2)',
    ],
    category: 'algebra',
    minArgs: 1,
    maxArgs: 1,
    call(ctx, [I]) {
      const ring = ringOfValues(ctx, [I!]);
      const handle = expectIdeal(ctx, ring, I!, 0);
      expectRationalRing(ctx, ring, 0, 'primary decomposition');
      const r = primaryDecompositionOf(handle, { signal: ctx.signal, onProgress: ctx.onProgress, seed: quietSeed(ctx) });
      const items = r.value.map((c) =>
        withProvenance(record({ primary: withProvenance(idealValue(ring, c.primary), r.provenance), prime: withProvenance(idealValue(ring, c.prime), r.provenance), dim: int(c.dimension), embedded: bool(c.embedded) }), r.provenance),
      );
      return withProvenance(list(items), r.provenance);
    },
  },
]);
