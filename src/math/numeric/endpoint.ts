// What is done with a finite endpoint of a path, on whichever thread tracked it: its affine point and
// its certificate (./krawczyk.ts). The path runners (./path-runner.ts) certify the endpoints of a
// job that carries the certifier's data inside the path tasks, so the Krawczyk tests run on the worker
// threads with the tracking; ./solve-numerical.ts certifies the others in the calling thread, by the
// same function, so a certificate is the same bit for bit wherever it was computed.
//
// Representation: a projective endpoint z = (z_0, z_1..z_n) on the homotopy's chart (interleaved
// re/im), with the low parts zLo when the path was tracked in double-double (./dd-tracker.ts); the
// affine point x_i = z_i / z_0. `kept` places the homotopy's unknowns among the certifier's (a
// homotopy on a coordinate subspace, ./monodromy.ts: unknown j of the homotopy is unknown kept[j] of
// the system, the others are 0).
import { cddMul, ddAdd, ddDiv, ddMul, hi as ddHi, lo as ddLo } from './double-double.js';
import type { Certificate, Certifier } from './krawczyk.js';

/** The affine point x_i = z_i / z_0 of a projective point into x. */
export function affineInto(z: Float64Array, n: number, x: Float64Array): void {
  const zr = z[0]!;
  const zi = z[1]!;
  const d = zr * zr + zi * zi;
  for (let i = 0; i < n; i++) {
    const ar = z[2 * (i + 1)]!;
    const ai = z[2 * (i + 1) + 1]!;
    x[2 * i] = (ar * zr + ai * zi) / d;
    x[2 * i + 1] = (ai * zr - ar * zi) / d;
  }
}

/** The affine point z_i / z_0 of a projective double-double point (high parts z, low parts zLo), as high and low parts. */
export function affineDD(z: Float64Array, zLo: Float64Array, n: number): { x: Float64Array; lo: Float64Array } {
  const x = new Float64Array(2 * n);
  const lo4 = new Float64Array(2 * n);
  const q = new Float64Array(4);
  // 1/z₀ = conj(z₀)/|z₀|²
  ddMul(z[0]!, zLo[0]!, z[0]!, zLo[0]!);
  const ah = ddHi();
  const al = ddLo();
  ddMul(z[1]!, zLo[1]!, z[1]!, zLo[1]!);
  ddAdd(ah, al, ddHi(), ddLo());
  const mh = ddHi();
  const ml = ddLo();
  ddDiv(z[0]!, zLo[0]!, mh, ml);
  const ir = [ddHi(), ddLo()] as const;
  ddDiv(-z[1]!, -zLo[1]!, mh, ml);
  const ii = [ddHi(), ddLo()] as const;
  for (let i = 0; i < n; i++) {
    const o = 2 * (i + 1);
    cddMul(z[o]!, zLo[o]!, z[o + 1]!, zLo[o + 1]!, ir[0], ir[1], ii[0], ii[1], q, 0);
    x[2 * i] = q[0]!;
    lo4[2 * i] = q[1]!;
    x[2 * i + 1] = q[2]!;
    lo4[2 * i + 1] = q[3]!;
  }
  return { x, lo: lo4 };
}

/** The point x of the homotopy's unknowns as a point of the certifier's N unknowns (kept: see the header). */
export function liftPoint(x: Float64Array, kept: readonly number[] | undefined, N: number): Float64Array {
  if (!kept) return x;
  const full = new Float64Array(2 * N);
  kept.forEach((v, j) => {
    full[2 * v] = x[2 * j]!;
    full[2 * v + 1] = x[2 * j + 1]!;
  });
  return full;
}

/** An endpoint's certificate (null: not certified) and whether it needed higher precision. */
export interface EndpointCertificate {
  readonly certificate: Certificate | null;
  /** Certified by `certifyPrecise` after the double-precision Krawczyk test failed. */
  readonly precise: boolean;
}

/**
 * Certifies a finite endpoint z (n unknowns of the homotopy): the Krawczyk test in doubles at its
 * affine point, and when that fails (too ill-conditioned for doubles) Newton's method and the test in
 * higher precision (`certifyPrecise`), from the double-double endpoint when the path was tracked so.
 */
export function certifyEndpoint(certifier: Certifier, z: Float64Array, zLo: Float64Array | undefined, n: number, kept?: readonly number[]): EndpointCertificate {
  const x = new Float64Array(2 * n);
  affineInto(z, n, x);
  const c = certifier.certify(liftPoint(x, kept, certifier.n));
  if (c) return { certificate: c, precise: false };
  const dd = zLo ? affineDD(z, zLo, n) : null;
  const p = certifier.certifyPrecise(liftPoint(dd ? dd.x : x, kept, certifier.n), dd ? liftPoint(dd.lo, kept, certifier.n) : undefined);
  return { certificate: p, precise: p !== null };
}
