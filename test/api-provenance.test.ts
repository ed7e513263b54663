// The library API exposes provenance: provenanceOf on printed values, the --json wrapping, and the
// one-line description; print records keep the contract's plain JSON.
import { describe, expect, it } from 'vitest';
import { describeProvenance, isCertified, jsonWithProvenance, provenanceOf, run } from '../src/index.js';

describe('library API: provenance', () => {
  it('reads how printed values were obtained', () => {
    const result = run('ring R = QQ[x, y];\nlet I = ideal(x^2 - y, x*y - 1);\nprint degree(I), 2;\nprint degree(I);', { seed: 4 });
    expect(result.ok).toBe(true);
    const [first, second] = result.prints;
    expect(first!.json).toEqual([3, 2]); // the plain encoding, unchanged
    const [degree, two] = first!.values;
    const p = provenanceOf(degree!)!;
    // degree over QQ takes the modular route: leading monomials modulo three random primes, no basis over QQ.
    expect(p).toMatchObject({ algorithm: 'hilbert-series modulo primes', field: 'QQ', order: 'grevlex', certified: false, primes: { count: 3 } });
    expect(isCertified(p)).toBe(false);
    expect(describeProvenance(p)).toMatch(/^hilbert-series modulo primes over QQ, 3 primes, probabilistic, seed 4, /);
    expect(provenanceOf(two!)).toBeUndefined();
    expect(jsonWithProvenance(two!)).toBe(2);
    expect(jsonWithProvenance(second!.values[0]!)).toMatchObject({ value: 3, how: { algorithm: 'hilbert-series modulo primes', primes: { count: 3 }, errorBound: expect.stringMatching(/^probabilistic: 3 random primes/) } });
  });
});
