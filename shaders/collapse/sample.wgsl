// The per-sample pass of the collapse kernels (UFM, depth 0, f32): logits, loss, residual
// ∂loss/∂z, the per-sample step η_i of science/stepRule.ts and, when UPDATE, the update of h_i
// (written to hNext, so the rest of this step still reads the old H); and each invocation's
// share of every sum the step and the metrics need. Oracle: src/instruments/collapse/science
// (model.ts, stepRule.ts, gd.ts).
//
// Layouts: wb = [W (K×D) row-major | b (K)]; H in blocks of 4 samples, feature-major:
// h[j·NB + q] = (h_{4q}, …, h_{4q+3})_j, zero past N; labels[q] likewise, K past N.
//
// Why this shape (software adapter, see DESIGN.md): one invocation runs SPB blocks of 4 samples
// as vec4s, so each weight load serves 4 samples; no workgroup memory and no barrier (on
// SwiftShader they turn every workgroup into coroutines). SwiftShader does not unroll loops, and
// a function array or buffer read at a loop-counter index is a per-lane gather, so the work on
// one block is straight-line code that collapseCode.ts writes per shape (it replaces the BLOCK,
// DECLARE and WRITE lines): every weight is read at a literal index (one scalar load broadcast
// to the lanes), every per-sample value and running sum is a named value, and a class index
// picks by `select`. The constants (common.wgsl) come first.
//
// partials[invocation·STRIDE + e], entries e: [R·Hᵀ (K×D) | class sums (K×D) | Σ_i r_i (K) |
// Σ loss, Σ‖h‖², Σ c_i‖h‖² (the CE curvature of W)]. This pass writes the last three and, when
// UPDATE, the residuals r_i (resid[k·NB + q], blocks like H); outer.wgsl forms the other sums
// from them (R·Hᵀ and Σ r when UPDATE, class sums when measuring or for MSE).

@group(0) @binding(0) var<storage, read> wb: array<f32>;
@group(0) @binding(1) var<storage, read> small: array<f32>;
@group(0) @binding(2) var<storage, read> hCur: array<vec4f>;
@group(0) @binding(3) var<storage, read_write> hNext: array<vec4f>;
@group(0) @binding(4) var<storage, read> labels: array<vec4u>;
@group(0) @binding(5) var<storage, read_write> partials: array<f32>;
@group(0) @binding(6) var<storage, read_write> best: array<vec4u>;
@group(0) @binding(7) var<storage, read_write> resid: array<vec4f>;

fn log1pSmall(u: vec4f) -> vec4f {
  // log(1 + u) without losing u to the rounding of 1 + u (CE of a saturated softmax).
  return select(log(1.0 + u), u * (1.0 - u * (0.5 - u / 3.0)), u < vec4f(1e-3));
}

@compute @workgroup_size(WG)
fn sample(@builtin(global_invocation_id) gid: vec3u) {
  let inv = gid.x;
  // DECLARE
  for (var s = 0u; s < SPB; s++) {
    // Neighbouring lanes take neighbouring blocks.
    let q = s * NINV + inv;
    let y = labels[q];
    let valid = y < vec4u(K);
    // BLOCK
  }
  let base = inv * STRIDE;
  let one = vec4f(1.0);
  // WRITE
}
