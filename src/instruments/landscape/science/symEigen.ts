/** Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan §8.5). */

export interface SymEigen {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Eigenvectors as rows, vectors[k·n + i] = component i of eigenvector k (unit norm). */
  vectors: Float64Array;
}

/** `a` is n×n row-major and symmetric; it is not modified. */
export function symEigen(a: ArrayLike<number>, n: number, maxSweeps = 60): SymEigen {
  const m = Float64Array.from({ length: n * n }, (_, i) => a[i] ?? 0);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const at = (i: number, j: number): number => m[i * n + j] ?? 0;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < n; i++) {
      diag += at(i, i) ** 2;
      for (let j = i + 1; j < n; j++) off += at(i, j) ** 2;
    }
    if (off <= 1e-30 * diag || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        // The rotation that zeroes a_pq (Golub & Van Loan, Alg. 8.5.1, sym.schur2).
        const tau = (at(q, q) - at(p, p)) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = at(k, p);
          const mkq = at(k, q);
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = at(p, k);
          const mqk = at(q, k);
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        // Accumulate V ← V·J; eigenvector k is column k of V.
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] ?? 0;
          const vkq = v[k * n + q] ?? 0;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => at(j, j) - at(i, i));
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((col, k) => {
    values[k] = at(col, col);
    for (let i = 0; i < n; i++) vectors[k * n + i] = v[i * n + col] ?? 0;
  });
  return { values, vectors };
}
