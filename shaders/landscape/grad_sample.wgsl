// Pass 1 of the training gradient: ∇_θ of the mean softmax cross-entropy over a batch, by
// backprop. Oracle: lossAndGradient in src/instruments/landscape/science/gradient.ts.
//
// Invocation b takes the batch rows 4b … 4b+3 as the four lanes of a vec4 per unit, runs the
// forward pass keeping every pre-activation and activation in function memory, then the
// backward pass, and writes its block's gradient share to part[b·P …] and its loss and hits to
// stats[b]. grad_reduce.wgsl adds the blocks in a fixed order, so a step does not depend on
// scheduling and the GPU path replays on the same device. Lanes past the batch get δ = 0.
//
// The host prepends: const P, D (inputs), K, BLOCKS_MAX, `fn act`, `fn slope`, and replaces the
// FORWARD and BACKWARD lines by one loop nest per layer (arrays a0 = inputs, a_l / p_l = the
// activation / pre-activation of hidden layer l, z = logits, d_l = ∂ℓ/∂p_l, dz = ∂ℓ/∂z).

struct Batch {
  count: u32,
  blocks: u32,
  inv: f32,
  pad: u32,
}

@group(0) @binding(0) var<uniform> batch: Batch;
@group(0) @binding(1) var<storage, read> theta: array<f32>;
@group(0) @binding(2) var<storage, read> x: array<f32>;
@group(0) @binding(3) var<storage, read> labels: array<u32>;
@group(0) @binding(4) var<storage, read> rows: array<u32>;
@group(0) @binding(5) var<storage, read_write> part: array<f32>;
@group(0) @binding(6) var<storage, read_write> stats: array<vec2f>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let b = gid.x;
  if (b >= batch.blocks) { return; }
  let lane = vec4u(4u * b) + vec4u(0u, 1u, 2u, 3u);
  let valid = lane < vec4u(batch.count);
  let last = batch.count - 1u;
  let r = vec4u(rows[min(lane.x, last)], rows[min(lane.y, last)], rows[min(lane.z, last)],
    rows[min(lane.w, last)]);
  var a0: array<vec4f, D>;
  for (var i = 0u; i < D; i++) {
    a0[i] = vec4f(x[r.x * D + i], x[r.y * D + i], x[r.z * D + i], x[r.w * D + i]);
  }
  let y = vec4u(labels[r.x], labels[r.y], labels[r.z], labels[r.w]);
  var z: array<vec4f, K>;
  // FORWARD
  // Softmax CE by the log-sum-exp shift; ∂ℓ/∂z_c = (softmax_c − [c = y])/count.
  var m = z[0];
  var best = vec4u(0u);
  for (var k = 1u; k < K; k++) {
    best = select(best, vec4u(k), z[k] > m);
    m = max(m, z[k]);
  }
  var s = vec4f(0.0);
  var zy = vec4f(0.0);
  for (var k = 0u; k < K; k++) {
    s += exp(z[k] - m);
    zy = select(zy, z[k], y == vec4u(k));
  }
  let lse = m + log(s);
  var dz: array<vec4f, K>;
  for (var k = 0u; k < K; k++) {
    let g = (exp(z[k] - lse) - select(vec4f(0.0), vec4f(1.0), y == vec4u(k))) * batch.inv;
    dz[k] = select(vec4f(0.0), g, valid);
  }
  let ce = select(vec4f(0.0), lse - zy, valid);
  let hit = select(vec4f(0.0), vec4f(1.0), valid & (best == y));
  stats[b] = vec2f(dot(ce, vec4f(1.0)), dot(hit, vec4f(1.0)));
  let base = b * P;
  // BACKWARD
}
