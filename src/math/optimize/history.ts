// Iteration histories with bounded memory: named columns of equal length (one entry per recorded
// iteration), sampled so that a run of any length keeps at most `cap` entries. When the columns are
// full, every other entry is dropped and the sampling stride doubles, so the kept iterations stay
// evenly spread over the whole run (the first iteration is always kept, and the caller records the
// last one whatever the stride: recording an iteration again replaces its entry).
// Used by the optimizers (./minimize.ts) and the iterative NNLS methods (src/networks/nnls.ts).

export class SampledHistory<K extends string> {
  /** The columns, `iteration` first; equal lengths. */
  readonly columns: Record<K | 'iteration', number[]>;
  private stride = 1;

  constructor(
    names: readonly K[],
    private readonly cap = 4096,
  ) {
    this.columns = Object.fromEntries([['iteration', []], ...names.map((n) => [n, []])]) as unknown as Record<K | 'iteration', number[]>;
  }

  /** True when iteration k falls on the current sampling stride. */
  wants(k: number): boolean {
    return k % this.stride === 0;
  }

  /** Records iteration k (replacing the last entry when it is the same iteration). */
  push(k: number, values: Readonly<Record<K, number>>): void {
    const cols = this.columns as Record<string, number[]>;
    if (cols['iteration']!.at(-1) === k) for (const c of Object.values(cols)) c.pop();
    cols['iteration']!.push(k);
    for (const [name, v] of Object.entries(values) as [string, number][]) cols[name]!.push(v);
    if (cols['iteration']!.length >= this.cap) {
      for (const c of Object.values(cols)) {
        const kept = c.filter((_, i) => i % 2 === 0);
        c.length = 0;
        c.push(...kept);
      }
      this.stride *= 2;
    }
  }

  get length(): number {
    return (this.columns as Record<string, number[]>)['iteration']!.length;
  }
}
