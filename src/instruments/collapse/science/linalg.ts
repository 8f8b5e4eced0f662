/**
 * Small dense symmetric linear algebra in f64 for the K×K matrices of the collapse metrics
 * (K ≤ 10): a cyclic Jacobi eigensolver (the same algorithm as golden/nc.py, so the golden
 * values reproduce to rounding) and the pseudo-inverse built on it. Matrices are row-major
 * Float64Arrays of n×n.
 */

export interface SymEig {
  /** Eigenvalues, in the order Jacobi leaves them (unsorted). */
  readonly values: Float64Array;
  /** Eigenvectors as columns: vectors[i * n + k] is component i of eigenvector k. */
  readonly vectors: Float64Array;
}

const at = (a: Float64Array, i: number): number => a[i] ?? 0;

/** Cyclic Jacobi rotations until the off-diagonal mass is below tol (golden/nc.py jacobi_eig). */
export function jacobiEig(s: Float64Array, n: number, tol = 1e-15, sweeps = 100): SymEig {
  const a = Float64Array.from(s);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) if (i !== j) off += at(a, i * n + j) ** 2;
    if (off < tol) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(a, p * n + q);
        if (Math.abs(apq) < 1e-300) continue;
        const th = (at(a, q * n + q) - at(a, p * n + p)) / (2 * apq);
        const t = (th >= 0 ? 1 : -1) / (Math.abs(th) + Math.sqrt(th * th + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(a, k * n + p);
          const akq = at(a, k * n + q);
          a[k * n + p] = c * akp - sn * akq;
          a[k * n + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = at(a, p * n + k);
          const aqk = at(a, q * n + k);
          a[p * n + k] = c * apk - sn * aqk;
          a[q * n + k] = sn * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = at(v, k * n + p);
          const vkq = at(v, k * n + q);
          v[k * n + p] = c * vkp - sn * vkq;
          v[k * n + q] = sn * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = at(a, i * n + i);
  return { values, vectors: v };
}

/** Moore–Penrose pseudo-inverse of a symmetric matrix; eigenvalues below rtol·max are dropped. */
export function pinvSym(s: Float64Array, n: number, rtol = 1e-10): Float64Array {
  const { values, vectors } = jacobiEig(s, n);
  let max = 0;
  for (const w of values) max = Math.max(max, Math.abs(w));
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const w = at(values, k);
    if (!(Math.abs(w) > rtol * max)) continue;
    for (let i = 0; i < n; i++) {
      const vik = at(vectors, i * n + k) / w;
      for (let j = 0; j < n; j++)
        out[i * n + j] = at(out, i * n + j) + vik * at(vectors, j * n + k);
    }
  }
  return out;
}

/** C = A·B for row-major A (r×m) and B (m×c). */
export function matMul(
  a: Float64Array,
  b: Float64Array,
  r: number,
  m: number,
  c: number,
): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++)
    for (let k = 0; k < m; k++) {
      const aik = at(a, i * m + k);
      if (aik === 0) continue;
      for (let j = 0; j < c; j++) out[i * c + j] = at(out, i * c + j) + aik * at(b, k * c + j);
    }
  return out;
}

/** Gram matrix A·Aᵀ of the r rows (length m) of a row-major A. */
export function rowGram(a: Float64Array, r: number, m: number): Float64Array {
  const g = new Float64Array(r * r);
  for (let i = 0; i < r; i++)
    for (let j = i; j < r; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += at(a, i * m + k) * at(a, j * m + k);
      g[i * r + j] = s;
      g[j * r + i] = s;
    }
  return g;
}

/** Induced ∞-norm (max absolute row sum): an upper bound on the spectral radius. */
export function normInf(a: Float64Array, n: number): number {
  let best = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.abs(at(a, i * n + j));
    best = Math.max(best, s);
  }
  return best;
}

export function frobenius(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) ** 2;
  return Math.sqrt(s);
}
