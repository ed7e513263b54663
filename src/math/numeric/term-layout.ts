// The flattened support of a list of polynomials, shared by the compiled evaluators (the complex
// ComplexSystem of ./slp.ts and the real RealProgram of ../optimize/real-program.ts).
//
// Representation: polynomial i owns the terms termStart[i] .. termStart[i+1]-1 (in the order of its
// exponent list); term t owns the factors factorStart[t] .. factorStart[t+1]-1, one per variable v
// with a positive exponent, as (factorVar, factorExp). maxExp[v] is v's largest exponent (the size of
// its power table) and `widest` the largest number of factors of one term (the size of the prefix
// scratch).
export interface TermLayout {
  readonly termStart: Int32Array;
  readonly factorStart: Int32Array;
  readonly factorVar: Int32Array;
  readonly factorExp: Int32Array;
  readonly maxExp: Int32Array;
  readonly widest: number;
}

/** The layout of polynomials given by their exponent vectors (each of length nvars). */
export function termLayout(nvars: number, supports: readonly (readonly (readonly number[] | Int32Array)[])[]): TermLayout {
  let nterms = 0;
  let nfactors = 0;
  let widest = 0;
  const maxExp = new Int32Array(nvars);
  for (const mons of supports) {
    nterms += mons.length;
    for (const m of mons) {
      let w = 0;
      for (let v = 0; v < nvars; v++) {
        const e = m[v]!;
        if (e > 0) {
          w++;
          if (e > maxExp[v]!) maxExp[v] = e;
        }
      }
      nfactors += w;
      widest = Math.max(widest, w);
    }
  }
  const termStart = new Int32Array(supports.length + 1);
  const factorStart = new Int32Array(nterms + 1);
  const factorVar = new Int32Array(nfactors);
  const factorExp = new Int32Array(nfactors);
  let t = 0;
  let f = 0;
  supports.forEach((mons, i) => {
    termStart[i] = t;
    for (const m of mons) {
      factorStart[t] = f;
      for (let v = 0; v < nvars; v++) {
        if (m[v]! > 0) {
          factorVar[f] = v;
          factorExp[f] = m[v]!;
          f++;
        }
      }
      t++;
    }
  });
  termStart[supports.length] = t;
  factorStart[t] = f;
  return { termStart, factorStart, factorVar, factorExp, maxExp, widest };
}
