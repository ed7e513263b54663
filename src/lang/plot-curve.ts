// The picture of a real plane curve f(x, y) = 0 in a box, for plots (src/lang/plot-svg.ts).
//
// Representation: a curve is a list of line segments, flattened as [x1, y1, x2, y2, ...] in the
// curve's own coordinates. Algorithm: marching squares (Lorensen and Cline, "Marching cubes",
// SIGGRAPH 1987, in two dimensions): f is evaluated in double precision on a (n + 1) x (n + 1) grid,
// and in every cell whose corners do not all have the same sign, the zero set is approximated by
// segments between the edges' sign changes, placed by linear interpolation; the saddle cells (signs
// alternating around the cell) are resolved by the sign at the cell's centre. This draws every part
// of the curve where f changes sign at the grid's scale; it cannot draw what f does not cross: an
// isolated real point (x^2 + y^2 = 0), a component counted twice ((y - x^2)^2 = 0), or an oval
// smaller than a cell. It is a picture, not a certificate: counts and points come from the exact and
// certified routes, and are marked on the picture by the caller.

/** A polynomial in two variables with double coefficients: term k is coeffs[k] x^xExp[k] y^yExp[k]. */
export interface PlanePolynomial {
  readonly coeffs: readonly number[];
  readonly xExp: readonly number[];
  readonly yExp: readonly number[];
}

/** The box [x0, x1] x [y0, y1]. */
export interface Box {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** The values of f on the grid x0 + i (x1 - x0)/n, y0 + j (y1 - y0)/n: entry (i, j) at j (n + 1) + i. */
export function gridValues(f: PlanePolynomial, box: Box, n: number): Float64Array {
  const m = n + 1;
  const xs = Float64Array.from({ length: m }, (_, i) => box.x0 + ((box.x1 - box.x0) * i) / n);
  const ys = Float64Array.from({ length: m }, (_, j) => box.y0 + ((box.y1 - box.y0) * j) / n);
  const values = new Float64Array(m * m);
  const xPow = new Float64Array(m);
  const yPow = new Float64Array(m);
  for (let k = 0; k < f.coeffs.length; k++) {
    for (let i = 0; i < m; i++) xPow[i] = xs[i]! ** f.xExp[k]!;
    for (let j = 0; j < m; j++) yPow[j] = f.coeffs[k]! * ys[j]! ** f.yExp[k]!;
    for (let j = 0; j < m; j++) {
      const c = yPow[j]!;
      const row = j * m;
      for (let i = 0; i < m; i++) values[row + i]! += c * xPow[i]!;
    }
  }
  return values;
}

/** The value of f at one point (for the saddle cells' centres). */
function valueAt(f: PlanePolynomial, x: number, y: number): number {
  let s = 0;
  for (let k = 0; k < f.coeffs.length; k++) s += f.coeffs[k]! * x ** f.xExp[k]! * y ** f.yExp[k]!;
  return s;
}

/**
 * The segments of f = 0 in the box on an n x n grid of cells. A grid value that is exactly 0 counts
 * as positive (so a curve through grid points is still crossed, once).
 */
export function curveSegments(f: PlanePolynomial, box: Box, n = 240): number[] {
  const m = n + 1;
  const v = gridValues(f, box, n);
  const dx = (box.x1 - box.x0) / n;
  const dy = (box.y1 - box.y0) / n;
  const out: number[] = [];
  // The crossing on the edge from corner a (value fa at (xa, ya)) to corner b.
  const cross = (xa: number, ya: number, fa: number, xb: number, yb: number, fb: number): [number, number] => {
    const t = fa / (fa - fb);
    return [xa + t * (xb - xa), ya + t * (yb - ya)];
  };
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      // Corners counterclockwise from the lower left: 0 (i, j), 1 (i+1, j), 2 (i+1, j+1), 3 (i, j+1).
      const f0 = v[j * m + i]!;
      const f1 = v[j * m + i + 1]!;
      const f2 = v[(j + 1) * m + i + 1]!;
      const f3 = v[(j + 1) * m + i]!;
      if (![f0, f1, f2, f3].every(Number.isFinite)) continue;
      const s0 = f0 >= 0;
      const s1 = f1 >= 0;
      const s2 = f2 >= 0;
      const s3 = f3 >= 0;
      if (s0 === s1 && s1 === s2 && s2 === s3) continue;
      const x = box.x0 + i * dx;
      const y = box.y0 + j * dy;
      // The crossings on the edges that change sign: bottom (0-1), right (1-2), top (2-3), left (3-0).
      const edges: [number, number][] = [];
      if (s0 !== s1) edges.push(cross(x, y, f0, x + dx, y, f1));
      if (s1 !== s2) edges.push(cross(x + dx, y, f1, x + dx, y + dy, f2));
      if (s2 !== s3) edges.push(cross(x + dx, y + dy, f2, x, y + dy, f3));
      if (s3 !== s0) edges.push(cross(x, y + dy, f3, x, y, f0));
      if (edges.length === 2) {
        out.push(edges[0]![0], edges[0]![1], edges[1]![0], edges[1]![1]);
        continue;
      }
      // A saddle cell: the four edges cross. If the centre has the sign of corner 0, the corners of
      // the other sign are separated from each other: join bottom with right and top with left;
      // otherwise join bottom with left and right with top.
      const centre = valueAt(f, x + dx / 2, y + dy / 2) >= 0;
      const [b, r, t, l] = edges as [[number, number], [number, number], [number, number], [number, number]];
      if (centre === s0) out.push(b[0], b[1], r[0], r[1], t[0], t[1], l[0], l[1]);
      else out.push(b[0], b[1], l[0], l[1], r[0], r[1], t[0], t[1]);
    }
  }
  return out;
}
