// primaryDecomposition in the language: records {primary, prime, dim, embedded}, provenance, errors.
import { describe, expect, it } from 'vitest';
import { runErrors, runLines } from '../../helpers.js';

describe('primaryDecomposition in the language', () => {
  it('returns the components with their primes, embedded ones last, intersecting back to I', () => {
    const lines = runLines(
      [
        'ring R = QQ[x, y, z];',
        'let D = primaryDecomposition(ideal(x^2, x*y, x*z^2));',
        'print length(D), D[1].primary, D[1].prime, D[1].dim, D[1].embedded;',
        'print D[2].prime, D[2].dim, D[2].embedded;',
        'print intersect(D[1].primary, D[2].primary) == ideal(x^2, x*y, x*z^2);',
        'print how(D).algorithm;',
        'print primaryDecomposition(ideal(1)), length(primaryDecomposition(ideal(x*y, x*z)));',
      ].join('\n'),
    );
    expect(lines).toEqual(['2, ideal(x), ideal(x), 2, false', 'ideal(z, y, x), 0, true', 'true', 'primary-decomposition-gtz', '[], 2']);
  });

  it('refuses rings other than QQ with a located error', () => {
    const errors = runErrors('ring R = GF(101)[x, y];\nprimaryDecomposition(ideal(x^2, x*y));');
    expect(errors[0]!.span.startLine).toBe(2);
    expect(errors[0]!.message).toMatch(/QQ/);
  });
});
