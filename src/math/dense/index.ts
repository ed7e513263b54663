// Dense float linear algebra on Float64Array (row-major with explicit strides): products, triangular
// solves, Cholesky, Householder QR with column pivoting and least squares, symmetric eigenvalues
// (tridiagonalization + implicit QL), SVD (one-sided Jacobi). Each module's header cites its
// algorithm (Golub–Van Loan, "Matrix Computations", 4th ed.). The exact counterparts over a Field
// live in ../linalg/. See docs/numerics.md.
export * from './matrix.js';
export * from './blas.js';
export * from './triangular.js';
export * from './cholesky.js';
export * from './qr.js';
export * from './symmetric-eigen.js';
export * from './svd.js';
export * from './random.js';
