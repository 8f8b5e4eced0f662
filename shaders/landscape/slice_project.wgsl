// Pass 1 of the slice: the first layer is linear in (α, β) (Li et al. 2018, Eq. 1 with
// W₁(θ + αδ + βη)x = W₁θx + αW₁δx + βW₁ηx), so its pre-activations at every grid point are
// P + αQ + βR with three products per sample computed once here. For the 64-pixel digits this
// removes the 64-wide input layer from the per-grid-point work.
//
// The host prepends: const P, D (inputs), H1 (first hidden width), W1, B1 (offsets),
// BLOCKS (sample blocks of 4). params = θ ‖ δ ‖ η, P numbers each.
// Inputs in blocks of 4 samples: xb[b·D + i] = (x[4b, i], …, x[4b+3, i]), zero past n.
// Output proj[(c·H1 + j)·BLOCKS + b], c = 0, 1, 2 for θ, δ, η.

@group(0) @binding(1) var<storage, read> params: array<f32>;
@group(0) @binding(2) var<storage, read> xb: array<vec4f>;
@group(0) @binding(3) var<storage, read_write> proj: array<vec4f>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let t = gid.x;
  if (t >= H1 * BLOCKS) { return; }
  let j = t / BLOCKS;
  let b = t % BLOCKS;
  for (var c = 0u; c < 3u; c++) {
    let base = c * P;
    var s = vec4f(params[base + B1 + j]);
    for (var i = 0u; i < D; i++) {
      s += params[base + W1 + j * D + i] * xb[b * D + i];
    }
    proj[(c * H1 + j) * BLOCKS + b] = s;
  }
}
