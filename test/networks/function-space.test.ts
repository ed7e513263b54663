// The function space as a variety: its equations vanish on the parametrization, and its dimension
// (Hilbert series of the equations) agrees with the Jacobian rank.
import { describe, expect, it } from 'vitest';
import { QQ, rat } from '../../src/math/field.js';
import * as ideals from '../../src/math/ideal.js';
import { type Network, fmapList, functionSpaceDimension, linearNetwork, shallowNetwork } from '../../src/networks/architectures.js';
import { functionSpaceVariety } from '../../src/networks/function-space.js';
import { VARIETY } from '../../src/lang/objects/variety.js';
import { provenanceOf, withProvenance } from '../../src/lang/provenance.js';
import { int } from '../../src/lang/values.js';
import { runLines } from '../helpers.js';

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

describe('the function space is lazy: its dimension from the Jacobian rank, its equations only when read', () => {
  it('shallow(3, 5, 4): the Alexander–Hirschowitz exception (ternary quartics of rank 5 fill 14 of 15 dimensions), no equations computed', () => {
    const N = shallowNetwork(3, 5, { kind: 'power', degree: 4 });
    const space = functionSpaceVariety(N, functionSpaceDimension(N, { seed: 3 }));
    expect(space.dimension).toBe(14);
    expect(space.variety.knownDimension).toBe(14);
    expect(space.equationsComputed()).toBe(false);
  });

  it('the equations are computed on the first read of gens, once, and agree with the dimension', () => {
    const N = linearNetwork([3, 1, 3]);
    const space = functionSpaceVariety(N, functionSpaceDimension(N, { seed: 3 }));
    expect(space.equationsComputed()).toBe(false);
    const gens = space.variety.gens;
    expect(space.equationsComputed()).toBe(true);
    expect(space.variety.gens).toBe(gens);
    expect(gens.length).toBe(9);
    expect(ideals.dimension(space.variety.ring, [...gens])).toBe(space.dimension);
  });

  it('an uncertified Jacobian rank without a theorem gives the dimension, but not as a known dimension of the variety', () => {
    const N = shallowNetwork(2, 1, { kind: 'polynomial', coefficients: [QQ.zero, QQ.one, QQ.one] });
    const report = { ...functionSpaceDimension(N, { seed: 3 }), certified: false };
    const space = functionSpaceVariety(N, report);
    expect(space.dimension).toBe(3);
    expect(space.variety.knownDimension).toBeUndefined();
    expect(space.equationsComputed()).toBe(false);
    expect(ideals.dimension(space.variety.ring, [...space.variety.gens])).toBe(3);
  });

  it('in the language: dim(functionSpace(shallow(3, 5, 4))) is the Jacobian rank of architecture(N)', () => {
    expect(runLines('let N = shallow(3, 5, 4);\nprint dim(functionSpace(N)), architecture(N).dimension, codim(functionSpace(N));')).toEqual(['14, 14, 1']);
    // The equations when asked: the linear network's 2-minors, of dimension 5.
    expect(runLines('let X = functionSpace(linear(3, 1, 3));\nprint dim(X), length(gens(X)), dim(ideal(X)), degree(X);')).toEqual(['5, 9, 5, 6']);
  });

  it('a variety value with a dimension known by another route answers dim and codim with that provenance', () => {
    const N = shallowNetwork(2, 1, { kind: 'polynomial', coefficients: [QQ.zero, QQ.one, QQ.one] });
    const space = functionSpaceVariety(N, { ...functionSpaceDimension(N, { seed: 3 }), certified: false });
    const how = { algorithm: 'jacobian-rank', field: 'GF(101)', certified: false, errorBound: '≤ 0.01', seconds: 0 };
    const ring = { name: 'C', poly: space.variety.ring, families: new Map(), variables: [], id: -1 };
    const data = { ring, variety: space.variety, dimension: withProvenance(int(space.dimension), how) };
    const dim = VARIETY.methods['dim']!(undefined as never, data, [], new Map());
    const codim = VARIETY.methods['codim']!(undefined as never, data, [], new Map());
    expect(dim.kind === 'number' && dim.value.num).toBe(3n);
    expect(codim.kind === 'number' && codim.value.num).toBe(2n);
    expect(provenanceOf(codim)?.algorithm).toBe('jacobian-rank');
    expect(space.equationsComputed()).toBe(false);
  });
});
