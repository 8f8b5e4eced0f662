/**
 * Neural-collapse metrics (SPEC §5: Papyan, Han, Donoho, PNAS 2020; Zhu et al. 2021,
 * tding1/Neural-Collapse validate_NC.py), split in two so the GPU can share the work:
 * `ncStats` is the per-sample part (class sums, the K×K within-class matrix S of SPEC's NC1 form,
 * the NCC mismatch count) and `ncMetrics` the small K×K part in f64 (Jacobi eigensolve).
 */
import { frobenius, matMul, pinvSym, rowGram } from './linalg';

/** The sufficient statistics of the metrics: what a GPU pass returns. */
export interface NcStats {
  readonly K: number;
  readonly d: number;
  readonly counts: readonly number[];
  /** Class means μ_k, K×d (not centred). */
  readonly means: Float64Array;
  /** S = (1/N)Σ_i (M̄ᵀv_i)(M̄ᵀv_i)ᵀ, v_i = h_i − μ_{y_i} (K×K; SPEC §5 NC1 form). */
  readonly S: Float64Array;
  /** Samples where argmax_k (w_kᵀh + b_k) ≠ argmin_k ‖h − μ_k‖. */
  readonly mismatches: number;
}

export interface NcMetrics {
  readonly nc1: number;
  readonly equinormM: number;
  readonly equinormW: number;
  readonly equiangleM: number;
  readonly equiangleW: number;
  readonly maxAngleM: number;
  readonly etfDistW: number;
  readonly etfDistM: number;
  readonly nc3: number;
  readonly nc3Zhu: number;
  readonly nc4: number;
  /** Mean pairwise cosine of the centred class means (→ −1/(K−1) at collapse). */
  readonly meanCos: number;
  /** Pairwise cosines of the centred class means, K×K (diagonal 1). */
  readonly cosM: Float64Array;
  /** ‖μ_k‖, not centred (readout norm-h-k). */
  readonly normH: readonly number[];
  /** ‖w_k‖ (readout norm-w-k). */
  readonly normW: readonly number[];
}

/** Centred class means M̄ as K rows of length d: μ_k − μ_G (μ_G the mean over all samples). */
export function centredMeans(
  means: Float64Array,
  counts: readonly number[],
  d: number,
): Float64Array {
  const K = counts.length;
  const N = counts.reduce((a, b) => a + b, 0);
  const mg = new Float64Array(d);
  for (let k = 0; k < K; k++)
    for (let j = 0; j < d; j++)
      mg[j] = (mg[j] ?? 0) + ((counts[k] ?? 0) * (means[k * d + j] ?? 0)) / N;
  const mc = new Float64Array(K * d);
  for (let k = 0; k < K; k++)
    for (let j = 0; j < d; j++) mc[k * d + j] = (means[k * d + j] ?? 0) - (mg[j] ?? 0);
  return mc;
}

/** Per-sample statistics on the CPU (features N×d row-major, labels, classifier W K×d, bias b). */
export function ncStats(
  features: Float64Array,
  labels: Uint8Array,
  counts: readonly number[],
  W: Float64Array,
  b: Float64Array,
  d: number,
): NcStats {
  const K = counts.length;
  const N = labels.length;
  const means = new Float64Array(K * d);
  for (let i = 0; i < N; i++) {
    const k = labels[i] ?? 0;
    for (let j = 0; j < d; j++)
      means[k * d + j] = (means[k * d + j] ?? 0) + (features[i * d + j] ?? 0);
  }
  for (let k = 0; k < K; k++)
    for (let j = 0; j < d; j++) means[k * d + j] = (means[k * d + j] ?? 0) / (counts[k] ?? 1);
  const mc = centredMeans(means, counts, d);
  // ‖μ_y − μ_k‖², so the NCC argmin compares ‖v‖² + 2v·(μ_y − μ_k) + ‖μ_y − μ_k‖² without ever
  // subtracting two large numbers (the same form the f32 kernel uses).
  const gm = rowGram(means, K, d);
  const S = new Float64Array(K * K);
  const pv = new Float64Array(K);
  const v = new Float64Array(d);
  let mismatches = 0;
  for (let i = 0; i < N; i++) {
    const y = labels[i] ?? 0;
    for (let j = 0; j < d; j++) v[j] = (features[i * d + j] ?? 0) - (means[y * d + j] ?? 0);
    let zBest = -Infinity;
    let am = 0;
    for (let k = 0; k < K; k++) {
      let p = 0;
      let z = b[k] ?? 0;
      for (let j = 0; j < d; j++) {
        p += (mc[k * d + j] ?? 0) * (v[j] ?? 0);
        z += (W[k * d + j] ?? 0) * (features[i * d + j] ?? 0);
      }
      pv[k] = p;
      if (z > zBest) [zBest, am] = [z, k];
    }
    // dist_k − dist_y = 2(pv_y − pv_k) + ‖μ_y − μ_k‖² (μ_G cancels in pv_y − pv_k).
    let dBest = Infinity;
    let nearest = 0;
    for (let k = 0; k < K; k++) {
      const dyk = (gm[y * K + y] ?? 0) + (gm[k * K + k] ?? 0) - 2 * (gm[y * K + k] ?? 0);
      const dist = k === y ? 0 : 2 * ((pv[y] ?? 0) - (pv[k] ?? 0)) + dyk;
      if (dist < dBest) [dBest, nearest] = [dist, k];
    }
    if (nearest !== am) mismatches++;
    for (let a = 0; a < K; a++)
      for (let c = 0; c < K; c++)
        S[a * K + c] = (S[a * K + c] ?? 0) + ((pv[a] ?? 0) * (pv[c] ?? 0)) / N;
  }
  return { K, d, counts, means, S, mismatches };
}

const mean = (x: readonly number[]): number => x.reduce((a, b) => a + b, 0) / x.length;
const std = (x: readonly number[]): number => {
  const m = mean(x);
  return Math.sqrt(mean(x.map((v) => (v - m) ** 2)));
};

/** Papyan's NC2 equinorm: std/mean of the norms (population std). */
const cv = (x: readonly number[]): number => std(x) / mean(x);

/** Off-diagonal cosines of the K rows of a (K×d). */
function cosines(a: Float64Array, K: number, d: number): { all: number[]; matrix: Float64Array } {
  const g = rowGram(a, K, d);
  const all: number[] = [];
  const matrix = new Float64Array(K * K);
  for (let i = 0; i < K; i++)
    for (let j = 0; j < K; j++) {
      const c = (g[i * K + j] ?? 0) / Math.sqrt((g[i * K + i] ?? 0) * (g[j * K + j] ?? 0));
      matrix[i * K + j] = i === j ? 1 : c;
      if (i !== j) all.push(c);
    }
  return { all, matrix };
}

/** ‖G/‖G‖_F − (I − 11ᵀ/K)/√(K−1)‖_F for the Gram G of K rows (Zhu et al.'s ETF distance). */
function etfDistance(g: Float64Array, K: number): number {
  const f = frobenius(g);
  let s = 0;
  for (let i = 0; i < K; i++)
    for (let j = 0; j < K; j++) {
      const e = ((i === j ? 1 : 0) - 1 / K) / Math.sqrt(K - 1);
      s += ((g[i * K + j] ?? 0) / f - e) ** 2;
    }
  return Math.sqrt(s);
}

/** The NC metrics from the statistics and the classifier W (K×d). */
export function ncMetrics(st: NcStats, W: Float64Array): NcMetrics {
  const { K, d, counts, means, S } = st;
  const N = counts.reduce((a, b) => a + b, 0);
  const mc = centredMeans(means, counts, d);
  const G = rowGram(mc, K, d);
  // NC1 = tr(Σ_W Σ_B^†)/K = tr((G^†)² S) (SPEC §5 [D]).
  const gp = pinvSym(G, K);
  const gp2s = matMul(matMul(gp, gp, K, K, K), S, K, K, K);
  let nc1 = 0;
  for (let k = 0; k < K; k++) nc1 += gp2s[k * K + k] ?? 0;
  const normMc = Array.from({ length: K }, (_, k) => Math.sqrt(G[k * K + k] ?? 0));
  const gw = rowGram(W, K, d);
  const normW = Array.from({ length: K }, (_, k) => Math.sqrt(gw[k * K + k] ?? 0));
  const cm = cosines(mc, K, d);
  const cw = cosines(W, K, d);
  const fW = frobenius(W);
  const fM = frobenius(mc);
  let nc3 = 0;
  for (let j = 0; j < K * d; j++) nc3 += ((W[j] ?? 0) / fW - (mc[j] ?? 0) / fM) ** 2;
  // Zhu's NC3: W·M̄ (K×K) against the ETF.
  const wm = new Float64Array(K * K);
  for (let a = 0; a < K; a++)
    for (let c = 0; c < K; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (W[a * d + j] ?? 0) * (mc[c * d + j] ?? 0);
      wm[a * K + c] = s;
    }
  let zhu = 0;
  const fwm = frobenius(wm);
  for (let i = 0; i < K; i++)
    for (let j = 0; j < K; j++)
      zhu += ((wm[i * K + j] ?? 0) / fwm - ((i === j ? 1 : 0) - 1 / K) / Math.sqrt(K - 1)) ** 2;
  const gmeans = rowGram(means, K, d);
  return {
    nc1,
    equinormM: cv(normMc),
    equinormW: cv(normW),
    equiangleM: std(cm.all),
    equiangleW: std(cw.all),
    maxAngleM: mean(cm.all.map((c) => Math.abs(c + 1 / (K - 1)))),
    etfDistW: etfDistance(gw, K),
    etfDistM: etfDistance(G, K),
    nc3,
    nc3Zhu: Math.sqrt(zhu),
    nc4: st.mismatches / N,
    meanCos: mean(cm.all),
    cosM: cm.matrix,
    normH: Array.from({ length: K }, (_, k) => Math.sqrt(gmeans[k * K + k] ?? 0)),
    normW,
  };
}
