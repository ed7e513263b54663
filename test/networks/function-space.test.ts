// The function space as a variety: its equations vanish on the parametrization, and its dimension
// (Hilbert series of the equations) agrees with the Jacobian rank.
import { describe, expect, it } from 'vitest';
import { QQ, rat } from '../../src/math/field.js';
import * as ideals from '../../src/math/ideal.js';
import { type Network, fmapList, functionSpaceDimension, linearNetwork, shallowNetwork } from '../../src/networks/architectures.js';
import { functionSpaceVariety } from '../../src/networks/function-space.js';

function check(N: Network, expectedDim: number): number {
  const report = functionSpaceDimension(N, { seed: 3 });
  const { variety, equations } = functionSpaceVariety(N, report);
  const C = variety.ring;
  const fmap = fmapList(N);
  for (const g of variety.gens) {
    const pulled = C.compose(g, N.ring, fmap, (c) => c);
    expect(N.ring.isZero(pulled), `${equations}: ${C.toText(g)}`).toBe(true);
  }
  expect(report.dimension).toBe(expectedDim);
  expect(variety.gens.length === 0 || ideals.dimension(C, [...variety.gens]) === expectedDim).toBe(true);
  return variety.gens.length;
}

describe('function-space varieties', () => {
  it('linear networks: the (r+1)-minors', () => {
    expect(check(linearNetwork([3, 1, 3]), 5)).toBe(9);
    expect(check(linearNetwork([2, 3, 2]), 4)).toBe(0);
  });

  it('quadratic shallow networks: minors of the symmetric matrix in monomial coefficients', () => {
    expect(check(shallowNetwork(3, 1, { kind: 'power', degree: 2 }), 3)).toBe(6);
    expect(check(shallowNetwork(3, 2, { kind: 'power', degree: 2 }), 5)).toBe(1);
  });

  it('cubic and quartic shallow networks: the symmetric-rank equations carried to monomial coefficients', () => {
    expect(check(shallowNetwork(3, 2, { kind: 'power', degree: 3 }), 6)).toBeGreaterThan(0);
    expect(check(shallowNetwork(2, 2, { kind: 'power', degree: 4 }), 4)).toBeGreaterThan(0);
  });

  it('a general activation by implicitization, and a filling one', () => {
    // σ(t) = t^2 + t, one neuron on C^2: 3 parameters in 5 coordinates.
    expect(check(shallowNetwork(2, 1, { kind: 'polynomial', coefficients: [QQ.zero, QQ.one, QQ.one] }), 3)).toBeGreaterThan(0);
    expect(check(shallowNetwork(2, 2, { kind: 'polynomial', coefficients: [QQ.zero, rat(2n), QQ.one] }), 5)).toBe(0);
  });
});
