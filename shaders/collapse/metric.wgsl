// The per-sample parts of the NC metrics (science/metrics.ts ncStats) at the state the last
// measuring sample.wgsl pass saw: v_i = h_i − μ_y, the projection M̄ᵀv_i, each invocation's
// share of S = Σ(M̄ᵀv)(M̄ᵀv)ᵀ (upper triangle) and of the NCC mismatch count (against the argmax
// in `best`). Reads the means of finish.wgsl. Same constants, layouts and shape as sample.wgsl;
// partials[invocation·STRIDE + e], entries: S_ac for a ≤ c (row by row), then the mismatches.
// The block's work is straight-line code from collapseCode.ts, as in sample.wgsl.

@group(0) @binding(0) var<storage, read> small: array<f32>;
@group(0) @binding(1) var<storage, read> hCur: array<vec4f>;
@group(0) @binding(2) var<storage, read> labels: array<vec4u>;
@group(0) @binding(3) var<storage, read> best: array<vec4u>;
@group(0) @binding(4) var<storage, read_write> partials: array<f32>;

@compute @workgroup_size(WG)
fn metric(@builtin(global_invocation_id) gid: vec3u) {
  let inv = gid.x;
  // DECLARE
  for (var s = 0u; s < SPB; s++) {
    let q = s * NINV + inv;
    let y = labels[q];
    let valid = y < vec4u(K);
    // BLOCK
  }
  let base = inv * STRIDE;
  let one = vec4f(1.0);
  // WRITE
}
