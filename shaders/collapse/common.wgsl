// Shared declarations of the collapse kernels (UFM gradient step and NC statistics, f32).
// Layouts (all row-major): wb = [W (K×d) | b (K)]; H is N×d, one sample per row; labels are
// class indices. Oracle: src/instruments/collapse/science (model.ts, stepRule.ts, metrics.ts).

struct Params {
  K: u32,
  d: u32,
  N: u32,
  chunks: u32,
  loss: u32,   // 0 = CE, 1 = MSE
  bias: u32,   // 1 = trainable bias
  update: u32, // 0 = measure only (no parameter writes)
  pad: u32,
  lamW: f32,
  lamH: f32,
  alpha: f32,
  invN: f32,
}

@group(0) @binding(0) var<uniform> P: Params;

const WG: u32 = 64u;
// Offsets in `small`, sized for K ≤ 10, d ≤ 64.
const GRAM: u32 = 0u;    // W·Wᵀ, K×K
const MEANS: u32 = 100u; // class means μ_k, K×d
const MC: u32 = 740u;    // centred means μ_k − μ_G, K×d
const DM: u32 = 1380u;   // ‖μ_a − μ_c‖², K×K
const ETA: u32 = 1480u;  // step of W and b

// Per-chunk partial sums: [R·Hᵀ (K×d) | class sums (K×d) | Σ r_ik (K) | loss, ‖h‖², c·‖h‖²].
fn partialStride() -> u32 {
  return 2u * P.K * P.d + P.K + 3u;
}
