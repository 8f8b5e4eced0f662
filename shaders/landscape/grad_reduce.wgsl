// Pass 2 of the training gradient: parameter p's block shares added in block order (a fixed
// order, so the sum does not depend on scheduling). The host prepends: const P.

struct Batch {
  count: u32,
  blocks: u32,
  inv: f32,
  pad: u32,
}

@group(0) @binding(0) var<uniform> batch: Batch;
@group(0) @binding(5) var<storage, read> part: array<f32>;
@group(0) @binding(7) var<storage, read_write> grad: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let p = gid.x + gid.y * 65535u * 64u;
  if (p >= P) { return; }
  var s = 0.0;
  for (var b = 0u; b < batch.blocks; b++) { s += part[b * P + p]; }
  grad[p] = s;
}
