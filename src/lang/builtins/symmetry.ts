// Landscapes of network losses: `stationary(L, symmetry = N)`, the stationary set modulo the network's
// symmetry group (src/networks/symmetry.ts: one record per real orbit with its dimension and the
// inertia of the Hessian normal to it), `stationary(L)` on a positive-dimensional stationary set
// without a group (src/networks/stationary-components.ts: its components, and the Morse indices of its
// isolated real points), and the records of `teacherDiscriminant`
// (src/networks/teacher-discriminant.ts). Arguments are read in networks.ts and here; nothing
// mathematical happens here.
import type { Rat } from '../../math/field.js';
import type { Poly, PolyRing } from '../../math/poly.js';
import { timed } from '../../math/provenance.js';
import { networkSymmetry, symmetricStationary } from '../../networks/symmetry.js';
import type { CriticalComponent } from '../../geometry/critical-components.js';
import type { StationaryResult } from '../../networks/stationary.js';
import { isolatedStationaryPoints, stationaryComponents, stationarySetDimension } from '../../networks/stationary-components.js';
import type { FamilyRing } from '../../networks/family-losses.js';
import { teacherDiscriminant } from '../../networks/teacher-discriminant.js';
import { rootToDecimal } from '../../math/univariate/decimal.js';
import { fail } from '../diagnostics.js';
import { NETWORK } from '../objects/network.js';
import { reportedProvenance, withProvenance } from '../provenance.js';
import { bool, int, isObject, kindWord, list, num, poly, record, str, type RingData, type Value } from '../values.js';
import { pointValue } from '../objects/point.js';
import type { RationalRing } from './convert.js';
import { componentsField } from './geometry.js';
import type { CallContext } from './registry.js';

export function symmetricStationaryValue(ctx: CallContext, ring: RingData, R: PolyRing<Rat>, f: Poly<Rat>, v: Value): Value {
  const span = ctx.kwargSpans.get('symmetry') ?? ctx.span;
  if (!isObject(NETWORK, v)) return fail('type', `symmetry must be the network whose loss this is, got ${kindWord(v)}`, span);
  const { network, ring: networkRing } = v.data;
  if (networkRing.id !== ring.id) fail('ring-mismatch', `the loss lives in ${R.toString()}, not in the parameter ring of ${network.description}`, span);
  const sym = networkSymmetry(network);
  if (!sym) {
    return fail('domain', `no symmetry group is known for ${network.description} (known: shallow(n, r, 2, outer = false) with O(r), shallow(n, r, k) with outer weights and k ≥ 3 with the rescalings (R*)^r, linear(d0, d1, ..., dL) with GL(d1) × ⋯ × GL(d_{L-1}))`, span);
  }
  const seed = ctx.random.nextUint32();
  const { value: s, seconds } = timed(() => symmetricStationary(R, f, sym, { seed, signal: ctx.signal, onProgress: ctx.onProgress }));
  const inertia = (i: { positive: number; negative: number; zero: number }) => record({ positive: int(i.positive), negative: int(i.negative), zero: int(i.zero) });
  const value = record({
    group: str(s.group),
    real: int(s.orbits.length),
    indices: list(s.indices.map((k) => int(k))),
    degenerate: int(s.degenerate),
    orbits: list(
      s.orbits.map((o) =>
        record({
          dimension: int(o.dimension),
          value: str(o.value),
          index: int(o.index),
          normal: inertia(o.normal),
          transversal: bool(o.transversal),
          function: list(o.invariants.map((c) => str(c))),
          slicePoints: int(o.slicePoints),
          point: list(o.point.map((c) => str(c))),
        }),
      ),
    ),
    slice: record({ equations: str(s.slice), complex: int(s.complex), real: int(s.real) }),
    method: str(s.method),
  });
  return withProvenance(value, reportedProvenance({ algorithm: 'symmetry-slice', field: 'QQ', certified: false, note: `${s.method}; the rational univariate representation rests on multi-modular Gröbner bases (probabilistic)` }, seconds, ctx.random));
}

/**
 * `stationary(L)` when the stationary set is positive-dimensional over QQ (the caller saw it so modulo
 * a prime): {complex: "positive-dimensional", dim, degree, bezout, components, isolated}, or null when
 * the exact dimension is 0 (the prime was unlucky: the zero-dimensional record applies). The dimension
 * is computed at the call; degree (of the reduced top-dimensional part), components and isolated (the
 * isolated points in the zero-dimensional record's shape, with Morse indices) when first read.
 */
export function stationarySetValue(ctx: CallContext, ring: RingData, R: PolyRing<Rat>, f: Poly<Rat>, bezout: bigint, certify: boolean): Value | null {
  const seed = ctx.random.nextUint32();
  const compute = { signal: ctx.signal, onProgress: ctx.onProgress, seed };
  const { value: dimension, seconds } = timed(() => stationarySetDimension(R, f, compute));
  if (dimension <= 0) return null;
  const how = (algorithm: string, seconds: number, note: string) =>
    reportedProvenance({ algorithm, field: 'QQ', certified: false, note: `${note}; Gröbner bases over QQ are multi-modular (probabilistic)` }, seconds, ctx.random);
  let components: { readonly value: CriticalComponent[]; readonly seconds: number } | undefined;
  const allComponents = () => (components ??= timed(() => stationaryComponents(R, f, compute)));
  const NOTE = 'the minimal primes of the gradient ideal (Gianni–Trager–Zacharias), each with the dimension and degree of its reduced component';
  let isolated: { readonly value: StationaryResult; readonly seconds: number } | undefined;
  const isolatedPoints = () => (isolated ??= timed(() => isolatedStationaryPoints(R, f, allComponents().value, { ...compute, certify })));
  const fromIsolated = (read: (s: StationaryResult) => Value) => () => {
    const s = isolatedPoints();
    const p = s.value.provenance;
    return withProvenance(read(s.value), how(p.algorithm, s.seconds + allComponents().seconds, s.value.method));
  };
  const result = record({
    complex: str('positive-dimensional'),
    dim: int(dimension),
    degree: () => {
      const c = allComponents();
      const top = c.value.filter((x) => x.dimension === dimension).reduce((s, x) => s + x.degree, 0);
      return withProvenance(int(top), how('minimal-primes', c.seconds, `${NOTE}: the sum of the degrees of the components of dimension ${dimension}`));
    },
    bezout: int(bezout),
    components: () => {
      const c = allComponents();
      return withProvenance(componentsField(ring, () => c.value)(), how('minimal-primes', c.seconds, NOTE));
    },
    isolated: fromIsolated((s) =>
      record({
        complex: int(s.complex),
        real: int(s.real),
        minima: int(s.minima),
        indices: list(s.indices.map((k) => int(k))),
        degenerate: int(s.degenerate),
        points: list(s.points.map((p) => record({ point: p.point ? pointValue(p.point, ring) : list(p.coordinates.map((c) => str(c))), value: str(p.value), index: int(p.index) }))),
      }),
    ),
  });
  return withProvenance(
    result,
    how('gradient-ideal', seconds, `the stationary set has dimension ${dimension} (Hilbert series of the gradient ideal over QQ); degree, components and isolated are computed on first read: ${NOTE}; isolated: their zero-dimensional ones, parametrized, with certified Morse indices (interval inertia)`),
  );
}

/** The record of teacherDiscriminant: the discriminant (in the parameter ring P), its real roots and the regions. */
export function teacherDiscriminantValue(ctx: CallContext, family: FamilyRing, C: RationalRing, P: RationalRing, L: Poly<Rat>): Value {
  const { value: r, seconds } = timed(() => teacherDiscriminant(family, L, { seed: ctx.random.nextUint32(), signal: ctx.signal, onProgress: ctx.onProgress }));
  const d = r.discriminant;
  // d.ring has the parameter's name; its polynomials are moved to P (same single variable).
  const inP = (f: Poly<Rat>) => poly(P, f);
  const roots = r.roots;
  const decimal = (root: (typeof roots)[number]) => str(rootToDecimal(root, 6));
  const counts = (x: number | null) => (x === null ? str('positive-dimensional') : int(x));
  const value = record({
    polynomial: inP(d.polynomials[0]!),
    degree: int(d.degree ?? 0),
    real: int(d.realRoots ?? 0),
    roots: list(roots.map(decimal)),
    regions: list(
      r.regions.map((g) =>
        record({
          from: g.below === null ? str('-infinity') : decimal(roots[g.below]!),
          to: g.above === null ? str('infinity') : decimal(roots[g.above]!),
          sample: num(g.sample),
          complex: counts(g.counts.complex),
          real: counts(g.counts.real),
          minima: g.minima === null ? str('positive-dimensional') : int(g.minima),
          indices: g.indices === null ? str('positive-dimensional') : list(g.indices.map((k) => int(k))),
        }),
      ),
    ),
    critical: list(d.critical.map(inP)),
    infinity: list(d.infinity.map(inP)),
    loss: poly(C, L),
  });
  return withProvenance(value, reportedProvenance({ algorithm: 'teacher-metric-discriminant', field: 'QQ', certified: false, note: `${d.method}; regions by exact real root isolation, counts by solve and Morse indices by stationary at a rational sample of each; Gröbner bases over QQ by the multi-modular algorithm` }, seconds, ctx.random));
}
