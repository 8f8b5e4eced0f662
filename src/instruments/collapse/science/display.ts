/**
 * 3-D display coordinates of the class means and classifier rows (SPEC §5 "Display" [D]):
 * K ≤ 4, Gram–Schmidt on the centred means (exact coordinates in their span, padded with zeros
 * for K = 2, 3); K > 4, PCA of the K×K Gram G = M̄M̄ᵀ = VΛVᵀ with coordinates V₃Λ₃^{1/2} (no
 * d-dimensional SVD). Classifier rows are projected on the same orthonormal basis. The ideal
 * simplex ETF is drawn as the ETF nearest the centred means (orthogonal Procrustes).
 */
import { jacobiEig, matMul, rowGram } from './linalg';

export interface DisplayCoords {
  readonly method: 'gram-schmidt' | 'pca';
  /** Orthonormal basis rows in feature space, 3×d (rows of zeros where the span is smaller). */
  readonly basis: Float64Array;
  /** Centred class means, K×3. */
  readonly means: Float64Array;
  /** Classifier rows w_k, K×3. */
  readonly classifiers: Float64Array;
  /** Vertices of the nearest simplex ETF (same scale as the means), K×3. */
  readonly etf: Float64Array;
}

/** Orthonormal basis of the first ≤ 3 independent rows of mc (K×d), golden/nc.py's order. */
function gramSchmidtBasis(mc: Float64Array, K: number, d: number): Float64Array {
  const basis = new Float64Array(3 * d);
  let r = 0;
  let scale = 0;
  for (let i = 0; i < K * d; i++) scale = Math.max(scale, Math.abs(mc[i] ?? 0));
  for (let k = 0; k < K && r < 3; k++) {
    const w = mc.slice(k * d, (k + 1) * d);
    for (let b = 0; b < r; b++) {
      let c = 0;
      for (let j = 0; j < d; j++) c += (w[j] ?? 0) * (basis[b * d + j] ?? 0);
      for (let j = 0; j < d; j++) w[j] = (w[j] ?? 0) - c * (basis[b * d + j] ?? 0);
    }
    let n = 0;
    for (const v of w) n += v * v;
    n = Math.sqrt(n);
    // golden/nc.py drops a vector below 1e-10; relative to the data scale here, so tiny
    // (early-training) means are not dropped wholesale.
    if (n > 1e-10 * Math.max(scale, 1e-300)) {
      for (let j = 0; j < d; j++) basis[r * d + j] = (w[j] ?? 0) / n;
      r++;
    }
  }
  return basis;
}

/** Top-3 PCA basis from the K×K Gram: u_j = M̄ᵀv_j/√λ_j. */
function pcaBasis(mc: Float64Array, K: number, d: number): Float64Array {
  const { values, vectors } = jacobiEig(rowGram(mc, K, d), K);
  const order = Array.from({ length: K }, (_, k) => k).sort(
    (a, b) => (values[b] ?? 0) - (values[a] ?? 0),
  );
  const basis = new Float64Array(3 * d);
  order.slice(0, 3).forEach((k, r) => {
    const lam = values[k] ?? 0;
    if (!(lam > 0)) return;
    for (let c = 0; c < K; c++) {
      const coef = (vectors[c * K + k] ?? 0) / Math.sqrt(lam);
      for (let j = 0; j < d; j++)
        basis[r * d + j] = (basis[r * d + j] ?? 0) + coef * (mc[c * d + j] ?? 0);
    }
  });
  return basis;
}

/** Rows of a (K×d) in the basis (3×d): K×3. */
function project(a: Float64Array, basis: Float64Array, K: number, d: number): Float64Array {
  const out = new Float64Array(K * 3);
  for (let k = 0; k < K; k++)
    for (let r = 0; r < 3; r++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (a[k * d + j] ?? 0) * (basis[r * d + j] ?? 0);
      out[k * 3 + r] = s;
    }
  return out;
}

/** The simplex ETF M = √(K/(K−1))(I − 11ᵀ/K) (SPEC §5), K×K, symmetric. */
export function simplexEtf(K: number): Float64Array {
  const s = Math.sqrt(K / (K - 1));
  const m = new Float64Array(K * K);
  for (let i = 0; i < K; i++)
    for (let j = 0; j < K; j++) m[i * K + j] = s * ((i === j ? 1 : 0) - 1 / K);
  return m;
}

/**
 * The ETF vertices s·U·ẽ_k nearest the centred means m_k (max Σ⟨m_k, Uẽ_k⟩ over U with
 * orthonormal columns: U = A(AᵀA)^{−½}, A = M̄ᵀẼ), scaled to the means' mean norm. Since U's
 * columns lie in the span of the means, only K×K algebra is needed: U·Ẽ = M̄ᵀ·Ẽ(ẼGẼ)^{†½}Ẽ.
 */
function nearestEtf(mc: Float64Array, K: number, d: number): Float64Array {
  const E = simplexEtf(K);
  const G = rowGram(mc, K, d);
  const EGE = matMul(matMul(E, G, K, K, K), E, K, K, K);
  const { values, vectors } = jacobiEig(EGE, K);
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  const X = new Float64Array(K * K);
  for (let k = 0; k < K; k++) {
    const lam = values[k] ?? 0;
    if (!(lam > 1e-12 * max)) continue;
    for (let i = 0; i < K; i++)
      for (let j = 0; j < K; j++)
        X[i * K + j] =
          (X[i * K + j] ?? 0) +
          ((vectors[i * K + k] ?? 0) * (vectors[j * K + k] ?? 0)) / Math.sqrt(lam);
  }
  // Coefficients C (K×K): vertex k = Σ_c m_c C[c][k].
  const C = matMul(matMul(E, X, K, K, K), E, K, K, K);
  let scale = 0;
  for (let k = 0; k < K; k++) scale += Math.sqrt(G[k * K + k] ?? 0) / K;
  const out = new Float64Array(K * d);
  for (let k = 0; k < K; k++)
    for (let c = 0; c < K; c++) {
      const coef = scale * (C[c * K + k] ?? 0);
      for (let j = 0; j < d; j++)
        out[k * d + j] = (out[k * d + j] ?? 0) + coef * (mc[c * d + j] ?? 0);
    }
  return out;
}

/** Display coordinates from centred means mc (K×d) and classifier W (K×d). */
export function displayCoords(
  mc: Float64Array,
  W: Float64Array,
  K: number,
  d: number,
): DisplayCoords {
  const method = K <= 4 ? 'gram-schmidt' : 'pca';
  const basis = method === 'gram-schmidt' ? gramSchmidtBasis(mc, K, d) : pcaBasis(mc, K, d);
  return {
    method,
    basis,
    means: project(mc, basis, K, d),
    classifiers: project(W, basis, K, d),
    etf: project(nearestEtf(mc, K, d), basis, K, d),
  };
}

/** Wireframe edges of the ETF: every pair of vertices. */
export function etfEdges(K: number): [number, number][] {
  const e: [number, number][] = [];
  for (let i = 0; i < K; i++) for (let j = i + 1; j < K; j++) e.push([i, j]);
  return e;
}
