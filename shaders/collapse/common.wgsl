// Constants every collapse kernel shares, after the shape the host prepends (collapseCode.ts):
// K, D, N (samples), NB (blocks of 4 samples, padded to whole workgroups), SPB (blocks per
// invocation of the per-sample passes), WG, NINV (their invocations), STRIDE (their partial sums
// per invocation), MSE, BIAS, UPDATE, LAM_W, LAM_H, ALPHA.
//
// small: [GRAM = W·Wᵀ (K×K) | ETA (the W step) | MEANS μ_k (K×D) | MC μ_k − μ_G (K×D) |
// DM ‖μ_a − μ_c‖² (K×K)].

const KD: u32 = K * D;
const INV_N: f32 = 1.0 / f32(N);
const GRAM: u32 = 0u;
const ETA: u32 = K * K;
const MEANS: u32 = ETA + 1u;
const MC: u32 = MEANS + KD;
const DM: u32 = MC + KD;
const SMALL: u32 = DM + K * K;
