// The `network` object kind: a network architecture of src/networks (its parametrization fmap over
// the parameter ring QQ[W1[i,j], ...]) and that parameter ring as the language sees it. Printed as
// its architecture (`linear(2, 3, 2)`); two networks are equal when their architectures are (the
// description is the architecture's canonical text). dim(N) is the dimension of its function space,
// computed once per network (a Jacobian rank at random points, src/networks/architectures.ts).
import { type DimensionReport, type Network, functionSpaceDimension } from '../../networks/architectures.js';
import { timed, type Provenance } from '../../math/provenance.js';
import type { CallContext } from '../builtins/registry.js';
import { computeOptions } from '../builtins/convert.js';
import type { ObjectKind } from '../object-kind.js';
import { reportedProvenance, withProvenance } from '../provenance.js';
import { int, object, type ObjectValue, type RingData, type Value } from '../values.js';

export interface NetworkData {
  readonly network: Network;
  /** The parameter ring, with the weight families as indexed variables. */
  readonly ring: RingData;
}

const reports = new WeakMap<Network, DimensionReport>();
/** How each dimension report was obtained (kept beside the report cache). */
const reportProvenance = new WeakMap<DimensionReport, Provenance>();

/** The function-space dimension report of a network, computed at most once per network (seeded). */
export function dimensionReport(ctx: CallContext, N: Network): DimensionReport {
  let report = reports.get(N);
  if (!report) {
    const { value, seconds } = timed(() => functionSpaceDimension(N, { ...computeOptions(ctx), seed: ctx.random.nextUint32() }));
    report = value;
    reports.set(N, report);
    reportProvenance.set(
      report,
      reportedProvenance(
        {
          algorithm: 'jacobian-rank',
          field: report.certified ? 'QQ' : `GF(${report.prime})`,
          certified: report.certified,
          errorBound: `≤ ${report.errorBound} (Schwartz–Zippel: the probability that the rank is too small)`,
          note: report.method,
        },
        seconds,
        ctx.random,
      ),
    );
  }
  return report;
}

/** A value computed from a dimension report, with the report's provenance. */
export function reportValue(v: Value, report: DimensionReport): Value {
  const p = reportProvenance.get(report);
  return p ? withProvenance(v, p) : v;
}

export const NETWORK: ObjectKind<NetworkData> = {
  name: 'network',
  typeName: 'Network',
  kindWord: 'a network',
  summary: 'A network architecture (linear, shallow or diagonal) with its parameter ring; it prints as its architecture, and two networks are equal when their architectures are.',
  text: ({ network }) => network.description,
  json: ({ network }) => ({ network: network.description, parameters: network.ring.nvars }),
  typed: ({ network }) => ({ value: network.description, parameters: network.ring.nvars, inputs: network.inputs, outputs: network.outputs }),
  latex: ({ network }) => `\\text{${network.description}}`,
  equals: (a, b) => a.network.description === b.network.description,
  fields: {
    parameters: ({ network }) => int(network.ring.nvars),
    inputs: ({ network }) => int(network.inputs),
    outputs: ({ network }) => int(network.outputs),
  },
  methods: {
    dim: (ctx, { network }) => {
      const report = dimensionReport(ctx, network);
      return reportValue(int(report.dimension), report);
    },
  },
};

/** A network value: its parameter ring is registered with the interpreter, families as data. */
export function networkValue(ctx: CallContext, network: Network): ObjectValue<NetworkData> {
  const families = new Map(network.families.map((f) => [f.name, { name: f.name, ranges: f.shape.map((s) => [1, s] as const) }]));
  const ring = ctx.registerRing({ name: network.description, poly: network.ring, families });
  return object(NETWORK, { network, ring });
}
