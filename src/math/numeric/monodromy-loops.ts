// Monodromy loops at one base point of an affine parameter family: the solutions there grown by
// carrying the known ones around loops in parameter space.
//
// Representation: the family is compiled once (./parameter-homotopy.ts); the solutions at the base
// parameter point q₀ are points z on the random chart (Float64Arrays, interleaved re/im), with a
// random linear functional ℓ(z) kept beside each for a fast first comparison. A loop is a triangle
// q₀ → q₁ → q₂ → q₀ through two random complex parameter points, each edge a gamma-trick parameter
// homotopy with its own random γ. Each solution goes once through each loop (the solutions carry the
// index of the next loop to take); an endpoint back at q₀ that is not yet known is a new solution.
// When every solution has been through every loop, a new loop is made. The work stops when the
// number of solutions at q₀ reaches `stopAt`, or after `stagnant` consecutive new loops that found
// nothing, or at the loop limit (Duff, Hill, Jensen, Lee, Leykin, Sommars, "Solving polynomial systems
// via homotopy continuation and monodromy", IMA J. Numer. Anal. 39, 2019: the seed by "pick x, solve
// for p", the triangle graph, the stopping criteria). Used by ./monodromy.ts (the base point of a
// family) and ./instance-completion.ts (loops based at an instance).
import { checkInterrupt } from '../progress.js';
import type { Random } from '../random.js';
import type { AffineFamily } from './family.js';
import { randomChart, toChart } from './homotopy.js';
import { CompiledFamily, complexNormal, randomGamma } from './parameter-homotopy.js';
import { type HomotopyData, type PathRunner, defaultPathRunner, nextPathJobKey } from './path-runner.js';
import type { NumericalSolveOptions } from './solve-numerical.js';

export interface MonodromyOptions extends NumericalSolveOptions {
  /**
   * Consecutive new loops without a new solution after which the monodromy stops: default 20 while a
   * known count is not reached (there are more solutions at the base point then), 8 when the count
   * is not known.
   */
  readonly stagnant?: number;
  /** Most loops (default 200). */
  readonly maxLoops?: number;
}

/** Solutions at a base parameter point, grown by monodromy loops. */
export class MonodromySolver {
  readonly compiled: CompiledFamily;
  readonly chart: Float64Array;
  /** The base parameter point q₀. */
  readonly base: Float64Array;
  readonly active: readonly boolean[];
  /** The solutions at q₀ (on the chart). */
  readonly solutions: Float64Array[] = [];
  private readonly keys: [number, number][] = [];
  private readonly next: number[] = [];
  private readonly loops: { points: Float64Array[]; gammas: [number, number][] }[] = [];
  private readonly functional: Float64Array;
  private readonly random: Random;
  /** The homotopy's data for the path runner (the compiled family on the chart), and its key. */
  readonly homotopyData: HomotopyData;
  private readonly jobKey = nextPathJobKey();
  private readonly runner: PathRunner;
  private readonly signal: MonodromyOptions['signal'];
  edgePaths = 0;
  edgeFailures = 0;
  edgeSteps = 0;

  /**
   * The base point is the seed's (a random point and one solution there, ./parameter-homotopy.ts), or
   * `at`: the family's target with known solutions there (affine points, interleaved re/im), the loops
   * then moving the family's own parameters only.
   */
  constructor(family: AffineFamily | CompiledFamily, random: Random, options: MonodromyOptions = {}, at?: { readonly points: readonly Float64Array[] }) {
    this.compiled = family instanceof CompiledFamily ? family : new CompiledFamily(family);
    this.random = random;
    const n = this.compiled.n;
    this.chart = randomChart(random, n);
    this.functional = new Float64Array(2 * (n + 1));
    let starts: Float64Array[];
    if (at) {
      this.base = this.compiled.target();
      this.active = Array.from({ length: this.compiled.size }, (_, k) => k < this.compiled.m);
      starts = at.points.map((x) => {
        const z = new Float64Array(2 * (n + 1));
        z[0] = 1;
        z.set(x.subarray(0, 2 * n), 2);
        toChart(this.chart, z, n + 1);
        return z;
      });
    } else {
      const seed = this.compiled.seed(random, this.chart);
      this.base = seed.q;
      this.active = seed.active;
      starts = [seed.z];
    }
    for (let j = 0; j <= n; j++) complexNormal(random, this.functional, j);
    this.homotopyData = { kind: 'parameter', family: this.compiled.data, chart: this.chart };
    this.runner = options.runner ?? defaultPathRunner();
    this.signal = options.signal;
    for (const z of starts) this.insert(z);
  }

  /** ℓ(z). */
  private key(z: Float64Array): [number, number] {
    let r = 0;
    let i = 0;
    const l = this.functional;
    for (let j = 0; j < l.length; j += 2) {
      r += l[j]! * z[j]! - l[j + 1]! * z[j + 1]!;
      i += l[j]! * z[j + 1]! + l[j + 1]! * z[j]!;
    }
    return [r, i];
  }

  /** Adds z when it is not a known solution; true when new. */
  insert(z: Float64Array): boolean {
    let scale = 1;
    for (let i = 0; i < z.length; i++) scale = Math.max(scale, Math.abs(z[i]!));
    const tol = 1e-8 * scale;
    const [kr, ki] = this.key(z);
    const lnorm = this.functional.reduce((s, x) => s + Math.abs(x), 0);
    for (let s = 0; s < this.solutions.length; s++) {
      const [or, oi] = this.keys[s]!;
      if (Math.abs(or - kr) > lnorm * tol || Math.abs(oi - ki) > lnorm * tol) continue;
      const w = this.solutions[s]!;
      let same = true;
      for (let i = 0; i < z.length && same; i++) if (Math.abs(w[i]! - z[i]!) > tol) same = false;
      if (same) return false;
    }
    this.solutions.push(z.slice());
    this.keys.push([kr, ki]);
    this.next.push(0);
    return true;
  }

  /**
   * A random parameter point: each active parameter a complex normal times ρ·max(1, |q₀_k|, |q*_k|),
   * ρ cycling through 1/2, 1, 2, 4 with the loops unless given (triangles of several sizes wind around
   * more of the discriminant).
   */
  randomPoint(rho = 2 ** ((this.loops.length % 4) - 1)): Float64Array {
    const q = new Float64Array(this.base.length);
    const target = this.compiled.target();
    this.active.forEach((a, k) => {
      const s = Math.max(1, Math.hypot(this.base[2 * k]!, this.base[2 * k + 1]!), Math.hypot(target[2 * k]!, target[2 * k + 1]!));
      if (a) complexNormal(this.random, q, k, rho * s);
    });
    return q;
  }

  private newLoop(): void {
    const points = [this.base, this.randomPoint(), this.randomPoint()];
    this.loops.push({ points, gammas: [randomGamma(this.random), randomGamma(this.random), randomGamma(this.random)] });
  }

  /**
   * Tracks points on the chart from parameter point a to b (a generic point: no endgame) by the
   * gamma-trick parameter homotopy; each endpoint, or null where the path failed.
   */
  carry(starts: readonly Float64Array[], a: Float64Array, b: Float64Array, gamma: readonly [number, number]): (Float64Array | null)[] {
    const results = this.runner.track({ key: this.jobKey, homotopy: this.homotopyData, path: { a, b, gamma }, settings: {}, mode: 'regular' }, starts, { signal: this.signal });
    this.lastSteps = results.reduce((a, r) => a + r.steps + r.rejected, 0);
    return results.map((r) => (r.status === 'finite' ? r.z : null));
  }

  /** Steps of the last `carry`. */
  lastSteps = 0;

  /** Tracks a batch of start points around loop L; the endpoints that came back (failed ones dropped). */
  private around(L: number, starts: Float64Array[]): Float64Array[] {
    const { points, gammas } = this.loops[L]!;
    let current = starts;
    for (let e = 0; e < 3; e++) {
      const ends = this.carry(current, points[e]!, points[(e + 1) % 3]!, gammas[e]!);
      this.edgePaths += ends.length;
      this.edgeSteps += this.lastSteps;
      current = ends.filter((z): z is Float64Array => z !== null);
      this.edgeFailures += ends.length - current.length;
    }
    return current;
  }

  /**
   * Runs loops until the solutions at q₀ number `stopAt` (Infinity: not known), or `stagnant`
   * consecutive new loops found nothing, or `maxLoops` loops were made.
   */
  run(stopAt: number, options: MonodromyOptions = {}): 'count' | 'stagnant' | 'loops' {
    const stagnantLimit = options.stagnant ?? (Number.isFinite(stopAt) ? 20 : 8);
    const maxLoops = options.maxLoops ?? 200;
    let stagnant = 0;
    let foundSinceLoop = false;
    for (;;) {
      if (this.solutions.length >= stopAt) return 'count';
      let L = Infinity;
      for (const k of this.next) if (k < this.loops.length && k < L) L = k;
      if (L === Infinity) {
        if (this.loops.length > 0) {
          stagnant = foundSinceLoop ? 0 : stagnant + 1;
          if (stagnant >= stagnantLimit) return 'stagnant';
        }
        if (this.loops.length >= maxLoops) return 'loops';
        this.newLoop();
        foundSinceLoop = false;
        continue;
      }
      checkInterrupt(options.signal);
      const batch: number[] = [];
      this.next.forEach((k, s) => {
        if (k === L) batch.push(s);
      });
      // in slices, so that the count is checked often
      for (let b = 0; b < batch.length; b += 32) {
        const slice = batch.slice(b, b + 32);
        options.onProgress?.({ stage: 'monodromy', message: `loop ${L + 1} of ${this.loops.length}: ${this.solutions.length} solutions at the base point` });
        const ends = this.around(
          L,
          slice.map((s) => this.solutions[s]!),
        );
        for (const s of slice) this.next[s] = L + 1;
        for (const z of ends) if (this.insert(z)) foundSinceLoop = true;
        if (this.solutions.length >= stopAt) return 'count';
      }
    }
  }

  get loopCount(): number {
    return this.loops.length;
  }
}
