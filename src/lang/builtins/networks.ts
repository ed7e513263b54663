// Network built-ins (architectures, losses, stationary points, NNLS). The networks layer is the
// subject of its own issue; until it lands these names answer `not-implemented`.
import { defineBuiltins } from './registry.js';
import { pending } from './pending.js';

const ISSUE = 'the networks layer, issue 5';
const INF = Number.POSITIVE_INFINITY;

defineBuiltins([
  pending('networks', 'linear', 'linear(d0, d1, ..., dL)', 'A deep linear network.', ISSUE, [2, INF]),
  pending('networks', 'shallow', 'shallow(n, width, degree)', 'A shallow network with activation t^degree.', ISSUE, [3, 3]),
  pending('networks', 'diagonal', 'diagonal(n, depth)', 'A diagonal network x = u1 ⊙ ... ⊙ u_depth.', ISSUE, [2, 2]),
  pending('networks', 'params', 'params(N)', 'The parameter ring of a network.', ISSUE, [1, 1]),
  pending('networks', 'fmap', 'fmap(N)', 'The parametrization of a network.', ISSUE, [1, 1]),
  pending('networks', 'functionSpace', 'functionSpace(N)', 'The neurovariety of a network.', ISSUE, [1, 1]),
  pending('networks', 'loss', 'loss(N, X = D, Y = T, reg = R)', 'The squared loss of a network on data.', ISSUE, [1, 1], ['X', 'Y', 'reg']),
  pending('networks', 'stationary', 'stationary(L)', 'Stationary points of a polynomial loss.', ISSUE, [1, 1]),
  pending('networks', 'traceHessian', 'traceHessian(L, point)', 'The trace of the Hessian.', ISSUE, [1, 2]),
  pending('networks', 'nnls', 'nnls(A, b, method = ...)', 'Non-negative least squares.', ISSUE, [2, 2], ['method']),
  pending('networks', 'teacher', 'teacher(N, ...)', 'A teacher–student loss.', ISSUE, [1, INF]),
  pending('networks', 'metric', 'metric(...)', 'The metric induced by a data distribution.', ISSUE, [1, INF]),
]);
