// Per-sample forward pass and forward-mode JVP of the MLP along a parameter direction v.
// Oracle: Mlp.jvp (logits z, a = ∇_θ z · v) and sampleRadii (Δ_a = max_c a − min_c a), in
// src/science/mlp/mlp.ts and radius.ts. Needs shaders/lib/mlp.wgsl prepended.
//
// theta = [θ ‖ v], v at dims.dir. One invocation per block of 4 samples, which walks the
// hidden units once, accumulating z and a in private arrays, then writes its samples' rows of
// out = [z (n×k) ‖ a (n×k) ‖ Δ_a (n)].
@group(0) @binding(3) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let blk = gid.x;
  let n = dims.n;
  let h = dims.h;
  if (blk * 4u >= n) { return; }
  let v = dims.dir;
  let w2 = offW2();
  let b2 = offB2();
  var z: array<vec4f, CLASSES>;
  var a: array<vec4f, CLASSES>;
  for (var c = 0u; c < CLASSES; c++) {
    z[c] = vec4f(theta[b2 + c]);
    a[c] = vec4f(theta[v + b2 + c]);
  }
  for (var j = 0u; j < h; j++) {
    let l1 = layer1WithDirection(blk, j, v);
    let act = activate(l1.pre);
    // d(act) = σ'(pre)·(V_W1 x + V_b1).
    let dact = slope(l1.pre, act) * l1.dpre;
    // z += W2[:,j] act; a += V_W2[:,j] act + W2[:,j] d(act).
    for (var c = 0u; c < CLASSES; c++) {
      let q = w2 + c * h + j;
      let w = theta[q];
      z[c] += w * act;
      a[c] += theta[v + q] * act + w * dact;
    }
  }
  var lo = a[0];
  var hi = a[0];
  for (var c = 1u; c < CLASSES; c++) {
    lo = min(lo, a[c]);
    hi = max(hi, a[c]);
  }
  let spread = hi - lo;
  for (var s = 0u; s < 4u; s++) {
    let i = blk * 4u + s;
    if (i < n) {
      for (var c = 0u; c < CLASSES; c++) {
        out[i * CLASSES + c] = z[c][s];
        out[(n + i) * CLASSES + c] = a[c][s];
      }
      out[2u * n * CLASSES + i] = spread[s];
    }
  }
}
