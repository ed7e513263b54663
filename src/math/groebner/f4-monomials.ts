// The monomial table of F4: every monomial met during a computation gets an integer id, and all
// later work (products, lcms, divisibility, comparisons, matrix columns) is done on ids.
//
// Representation (invariants):
//  - `exps` holds the exponent vectors packed one after another (`nvars` Int32 slots per id), so the
//    exponents of id m are exps[m*nvars .. m*nvars+nvars). Entries are never changed once written;
//    the buffer grows by doubling (so read `table.exps` afresh after any insertion).
//  - `degrees[m]` is the total degree, `hashes[m]` a hash that is *linear* in the exponents
//    (Σ e_i·w_i mod 2^32 with random odd weights w_i), so that hash(a·b) = hash(a) + hash(b) and a
//    product can be looked up before it is built.
//  - `masks[m]` is a 32-bit divisibility mask (Bigatti's "divmask", as in CoCoA, msolve and Giac):
//    a | b implies (masks[a] & ~masks[b]) === 0, which rejects most non-divisors with one operation.
//    With n <= 32 variables each variable owns floor(32/n) bits, bit j set when e_i > j; with more
//    variables, variable i sets bit i mod 32 when e_i > 0.
//  - `slots` is an open-addressing hash table (linear probing, power-of-two size, load <= 1/2) of
//    id + 1 (0 = empty). Ids are dense 0..size-1 and are never removed.
//
// The comparison `compare(a, b)` realises the ring's monomial order (lex, grevlex, weighted, block)
// on the packed vectors and agrees with `makeOrder(spec).compare` of monomial.ts.
import { degreeOverflow, MAX_DEGREE, type Monomial, type OrderSpec } from '../monomial.js';

export class MonomialTable {
  readonly nvars: number;
  exps: Int32Array;
  degrees: Int32Array;
  hashes: Int32Array;
  masks: Int32Array;
  size = 0;
  private capacity: number;
  private slots: Int32Array;
  private slotMask: number;
  private readonly weights: Int32Array;
  /** Mask layout: bits per variable (0 when variables share bits modulo 32). */
  private readonly bitsPerVar: number;
  /** Compare two ids in the ring's order: > 0 when a is larger. */
  readonly compare: (a: number, b: number) => number;

  constructor(nvars: number, order: OrderSpec, initialCapacity = 1 << 12) {
    this.nvars = nvars;
    this.capacity = initialCapacity;
    this.exps = new Int32Array(initialCapacity * Math.max(nvars, 1));
    this.degrees = new Int32Array(initialCapacity);
    this.hashes = new Int32Array(initialCapacity);
    this.masks = new Int32Array(initialCapacity);
    this.slots = new Int32Array(initialCapacity * 2);
    this.slotMask = initialCapacity * 2 - 1;
    this.weights = new Int32Array(nvars);
    // Fixed pseudo-random odd weights (a 32-bit LCG): deterministic, so ids are reproducible.
    let s = 0x2545f491;
    for (let i = 0; i < nvars; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) | 0;
      this.weights[i] = s | 1;
    }
    this.bitsPerVar = nvars <= 32 && nvars > 0 ? Math.floor(32 / nvars) : 0;
    this.compare = this.makeCompare(order);
  }

  // --- insertion and lookup --------------------------------------------------------------------

  /** The id of the monomial with exponents src[off .. off+nvars), inserting it if new. */
  insert(src: ArrayLike<number>, off = 0): number {
    if (this.size === this.capacity) this.grow();
    const n = this.nvars;
    let h = 0;
    for (let i = 0; i < n; i++) h = (h + Math.imul(src[off + i]!, this.weights[i]!)) | 0;
    let slot = h & this.slotMask;
    for (;;) {
      const e = this.slots[slot]!;
      if (e === 0) break;
      const id = e - 1;
      if (this.hashes[id] === h) {
        const o = id * n;
        const exps = this.exps;
        let i = 0;
        while (i < n && exps[o + i] === src[off + i]) i++;
        if (i === n) return id;
      }
      slot = (slot + 1) & this.slotMask;
    }
    const id = this.append(h);
    const o = id * n;
    const exps = this.exps;
    let d = 0;
    for (let i = 0; i < n; i++) {
      const e = src[off + i]!;
      exps[o + i] = e;
      d += e;
    }
    this.finish(id, d, slot);
    return id;
  }

  /** The id of a·b. */
  mul(a: number, b: number): number {
    if (this.degrees[a]! + this.degrees[b]! > MAX_DEGREE) throw degreeOverflow(this.degrees[a]! + this.degrees[b]!);
    if (this.size === this.capacity) this.grow();
    const n = this.nvars;
    const h = (this.hashes[a]! + this.hashes[b]!) | 0;
    const oa = a * n, ob = b * n;
    let slot = h & this.slotMask;
    let exps = this.exps;
    for (;;) {
      const e = this.slots[slot]!;
      if (e === 0) break;
      const id = e - 1;
      if (this.hashes[id] === h) {
        const o = id * n;
        let i = 0;
        while (i < n && exps[o + i] === exps[oa + i]! + exps[ob + i]!) i++;
        if (i === n) return id;
      }
      slot = (slot + 1) & this.slotMask;
    }
    const id = this.append(h);
    exps = this.exps;
    const o = id * n;
    for (let i = 0; i < n; i++) exps[o + i] = exps[oa + i]! + exps[ob + i]!;
    this.finish(id, this.degrees[a]! + this.degrees[b]!, slot);
    return id;
  }

  /** The id of a/b, for b dividing a. */
  div(a: number, b: number): number {
    const n = this.nvars;
    const buf = this.scratch();
    const exps = this.exps;
    const oa = a * n, ob = b * n;
    for (let i = 0; i < n; i++) buf[i] = exps[oa + i]! - exps[ob + i]!;
    return this.insert(buf);
  }

  /** The id of lcm(a, b). */
  lcm(a: number, b: number): number {
    const n = this.nvars;
    const buf = this.scratch();
    const exps = this.exps;
    const oa = a * n, ob = b * n;
    for (let i = 0; i < n; i++) {
      const x = exps[oa + i]!, y = exps[ob + i]!;
      buf[i] = x > y ? x : y;
    }
    return this.insert(buf);
  }

  /** True when a divides b. */
  divides(a: number, b: number): boolean {
    if ((this.masks[a]! & ~this.masks[b]!) !== 0) return false;
    const n = this.nvars;
    const exps = this.exps;
    const oa = a * n, ob = b * n;
    for (let i = 0; i < n; i++) if (exps[oa + i]! > exps[ob + i]!) return false;
    return true;
  }

  /** True when a and b have no variable in common. */
  coprime(a: number, b: number): boolean {
    const n = this.nvars;
    const exps = this.exps;
    const oa = a * n, ob = b * n;
    for (let i = 0; i < n; i++) if (exps[oa + i]! > 0 && exps[ob + i]! > 0) return false;
    return true;
  }

  /** A fresh Int32Array with the exponents of id m. */
  monomial(m: number): Monomial {
    const o = m * this.nvars;
    return this.exps.slice(o, o + this.nvars);
  }

  fromMonomial(m: Monomial): number {
    return this.insert(m, 0);
  }

  // --- internals -------------------------------------------------------------------------------

  private scratchBuffer: Int32Array | undefined;
  private scratch(): Int32Array {
    return (this.scratchBuffer ??= new Int32Array(this.nvars));
  }

  /** Callers grow the table before probing, so the free slot they found stays valid. */
  private append(h: number): number {
    const id = this.size++;
    this.hashes[id] = h;
    return id;
  }

  /** Records degree and mask of a freshly written id and links it into the slot found free. */
  private finish(id: number, degree: number, slot: number): void {
    this.degrees[id] = degree;
    this.masks[id] = this.maskOf(id);
    this.slots[slot] = id + 1;
  }

  private maskOf(id: number): number {
    return this.maskOfExponents(this.exps, id * this.nvars);
  }

  /** The divisibility mask of the exponent vector src[off .. off+nvars). */
  maskOfExponents(exps: ArrayLike<number>, o: number): number {
    const n = this.nvars;
    let mask = 0;
    const b = this.bitsPerVar;
    if (b > 0) {
      for (let i = 0; i < n; i++) {
        const e = exps[o + i]!;
        const top = e < b ? e : b;
        // bits i*b .. i*b+top-1 set: "e_i > j" for j < top
        if (top > 0) mask |= ((1 << top) - 1) << (i * b);
      }
    } else {
      for (let i = 0; i < n; i++) if (exps[o + i]! > 0) mask |= 1 << (i & 31);
    }
    return mask;
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const n = Math.max(this.nvars, 1);
    const exps = new Int32Array(cap * n);
    exps.set(this.exps);
    this.exps = exps;
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.degrees = grow32(this.degrees);
    this.hashes = grow32(this.hashes);
    this.masks = grow32(this.masks);
    this.capacity = cap;
    this.slots = new Int32Array(cap * 2);
    this.slotMask = cap * 2 - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id]! & this.slotMask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.slotMask;
      this.slots[slot] = id + 1;
    }
  }

  private makeCompare(spec: OrderSpec): (a: number, b: number) => number {
    const n = this.nvars;
    const grevlexRange = (a: number, b: number, from: number, to: number): number => {
      const exps = this.exps;
      const oa = a * n, ob = b * n;
      let da = 0, db = 0;
      for (let i = from; i < to; i++) {
        da += exps[oa + i]!;
        db += exps[ob + i]!;
      }
      if (da !== db) return da - db;
      for (let i = to - 1; i >= from; i--) {
        const d = exps[oa + i]! - exps[ob + i]!;
        if (d !== 0) return -d;
      }
      return 0;
    };
    const lexRange = (a: number, b: number, from: number, to: number): number => {
      const exps = this.exps;
      const oa = a * n, ob = b * n;
      for (let i = from; i < to; i++) {
        const d = exps[oa + i]! - exps[ob + i]!;
        if (d !== 0) return d;
      }
      return 0;
    };
    switch (spec.kind) {
      case 'grevlex':
        return (a, b) => {
          const degrees = this.degrees;
          const d = degrees[a]! - degrees[b]!;
          if (d !== 0) return d;
          const exps = this.exps;
          const oa = a * n, ob = b * n;
          for (let i = n - 1; i >= 0; i--) {
            const e = exps[oa + i]! - exps[ob + i]!;
            if (e !== 0) return -e;
          }
          return 0;
        };
      case 'lex':
        return (a, b) => lexRange(a, b, 0, n);
      case 'weighted': {
        const w = spec.weights;
        return (a, b) => {
          const exps = this.exps;
          const oa = a * n, ob = b * n;
          let d = 0;
          for (let i = 0; i < n; i++) d += w[i]! * (exps[oa + i]! - exps[ob + i]!);
          return d !== 0 ? d : grevlexRange(a, b, 0, n);
        };
      }
      case 'block': {
        const bounds: [number, number, boolean][] = [];
        let start = 0;
        for (const block of spec.blocks) {
          bounds.push([start, start + block.size, block.order === 'lex']);
          start += block.size;
        }
        return (a, b) => {
          for (const [from, to, lex] of bounds) {
            const d = lex ? lexRange(a, b, from, to) : grevlexRange(a, b, from, to);
            if (d !== 0) return d;
          }
          return 0;
        };
      }
    }
  }
}
