// The REPL's type line says how a computed value was obtained: engine, field, primes, whether it is
// certified, the seed when randomness was used, and the seconds; values nothing computed show only
// their type.
import { describe, expect, it } from 'vitest';
import { ReplEngine } from '../../src/repl/engine.js';

describe('REPL type line', () => {
  it('adds the provenance of a computed value after its type', () => {
    const e = new ReplEngine();
    e.submit('ring R = QQ[x, y];');
    e.submit('let I = ideal(x^2 + y^2 - 1, x - y);');
    expect(e.submit('gb(I);').type).toMatch(/^List \(2\) · modular over QQ, \d+ primes?, probabilistic, \d.*s$/);
    expect(e.submit('dim(I);').type).toMatch(/^Integer · hilbert-series over QQ, from modular \(\d+ primes?\), probabilistic, .* s$/);
    expect(e.submit('degree(I);')).toMatchObject({ value: '2' });
    expect(e.submit('gb(I, certified = true);').type).toMatch(/^List \(2\) · modular over QQ, \d+ primes?, certified, /);
    expect(e.submit('solve(I);').type).toMatch(/^Record · modular-parametrization over QQ, \d+ primes?, certified, seed 0, /);
  });

  it('shows only the type for values without provenance, also in :type', () => {
    const e = new ReplEngine();
    e.submit('ring R = GF(7)[x];');
    expect(e.submit('x^2 + 1;').type).toBe('Polynomial in GF(7)[x]');
    expect(e.submit(':type ideal(x)').type).toBe('Ideal of GF(7)[x]');
    expect(e.submit(':type dim(ideal(x))').type).toMatch(/^Integer · hilbert-series over GF\(7\), from f4, certified, /);
  });
});
