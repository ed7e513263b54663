// Geometry built-ins (varieties, forms, projections, critical points). The geometry layer is the
// subject of its own issue; until it lands these names answer `not-implemented`.
import { defineBuiltins } from './registry.js';
import { pending } from './pending.js';

const ISSUE = 'the geometry layer, issue 4';
const INF = Number.POSITIVE_INFINITY;

defineBuiltins([
  pending('geometry', 'V', 'V(f, ...) or V(I)', 'The affine variety of some polynomials or an ideal.', ISSUE, [1, INF]),
  pending('geometry', 'singular', 'singular(X)', 'The singular locus of a variety.', ISSUE, [1, 1]),
  pending('geometry', 'image', 'image(phi) or image(p, X)', 'The closure of the image of a polynomial map, or of a variety under a projection.', ISSUE, [1, 2]),
  pending('geometry', 'determinantal', 'determinantal(m, n, r)', 'm×n matrices of rank at most r.', ISSUE, [3, 3]),
  pending('geometry', 'veronese', 'veronese(n, d)', 'The affine cone over the Veronese variety.', ISSUE, [2, 2]),
  pending('geometry', 'segre', 'segre(n1, n2, ...)', 'The affine cone over the Segre variety.', ISSUE, [2, INF]),
  pending('geometry', 'symmetricRank', 'symmetricRank(n, d, k)', 'Symmetric tensors of rank at most k.', ISSUE, [3, 3]),
  pending('geometry', 'hypersurface', 'hypersurface(f)', 'The hypersurface of one polynomial.', ISSUE, [1, 1]),
  pending('geometry', 'identity', 'identity(n)', 'The identity form on C^n.', ISSUE, [1, 1]),
  pending('geometry', 'diag', 'diag(a1, ..., an)', 'A diagonal form.', ISSUE, [1, INF]),
  pending('geometry', 'weights', 'weights(w1, ..., wn)', 'The diagonal form of some weights.', ISSUE, [1, INF]),
  pending('geometry', 'form', 'form(M)', 'The form of a symmetric rational matrix.', ISSUE, [1, 1]),
  pending('geometry', 'gram', 'gram(D)', 'The form D·D^T of a data matrix.', ISSUE, [1, 1]),
  pending('geometry', 'kernel', 'kernel(Q)', 'A basis of the kernel of a form or matrix.', ISSUE, [1, 1]),
  pending('geometry', 'projection', 'projection(Q) or projection(A)', 'The linear projection along the kernel of a form, or by a matrix.', ISSUE, [1, 1]),
  pending('geometry', 'ramification', 'ramification(p, X)', 'The ramification locus of a projection restricted to a variety.', ISSUE, [2, 2]),
  pending('geometry', 'branch', 'branch(p, X)', 'The branch locus (image of the ramification locus).', ISSUE, [2, 2]),
  pending('geometry', 'critical', 'critical(X, Q, u)', 'The ideal of critical points of the squared distance to u.', ISSUE, [3, 3]),
  pending('geometry', 'edDegree', 'edDegree(X) or edDegree(X, Q)', 'The Euclidean distance degree.', ISSUE, [1, 2]),
  pending('geometry', 'criticalPoints', 'criticalPoints(X, Q, u)', 'Counts and Morse indices of the critical points.', ISSUE, [3, 3]),
]);
