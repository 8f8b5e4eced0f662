// Per-sample forward pass and forward-mode JVP of the MLP along a parameter direction v.
// Oracle: Mlp.jvp (logits z, a = ∇_θ z · v) and sampleRadii (Δ_a = max_c a − min_c a), in
// src/science/mlp/mlp.ts and radius.ts. Needs shaders/lib/mlp.wgsl prepended.
//
// theta = [θ ‖ v], v at dims.dir. Two entry points, dispatched in order in one pass:
//   hidden  one invocation per (2 blocks of 4 samples, quad of 4 hidden units): the
//           activations and their directional derivatives d(act) = σ'(pre)·(V_W1 x + V_b1),
//           held in mat4x4f accumulators, with W1 and V_W1 transposed in quads (w1q, v1q) so
//           that each input costs one vec4 load of each and one of x per block;
//   main    one invocation per block: z = W2 act + b2, a = V_W2 act + W2 d(act) + V_b2, and
//           Δ_a, written as out = [z (n×k) ‖ a (n×k) ‖ Δ_a (n)]; W2 and V_W2 come in quads of
//           hidden units (w2q, v2q), so a mat4x4f of 4 units' activations meets one vec4 load.
// On SwiftShader the blocked hidden pass is about twice as fast as walking the hidden units
// inside one invocation per block, whose scalar weight loads outnumbered its multiply-adds.
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read_write> hAct: array<vec4f>; // blocks × h
@group(0) @binding(5) var<storage, read_write> hDact: array<vec4f>; // blocks × h
@group(0) @binding(6) var<storage, read> w1q: array<vec4f>; // d × quads, W1 transposed
@group(0) @binding(7) var<storage, read> v1q: array<vec4f>; // d × quads, V_W1 transposed
@group(0) @binding(8) var<storage, read> w2q: array<vec4f>; // k × quads, W2 rows in quads
@group(0) @binding(9) var<storage, read> v2q: array<vec4f>; // k × quads, V_W2 rows in quads

fn blockPairs() -> u32 { return (blocks() + 1u) / 2u; }

fn quadAt(base: u32, jc: vec4u) -> vec4f {
  return vec4f(theta[base + jc.x], theta[base + jc.y], theta[base + jc.z], theta[base + jc.w]);
}

fn splat(q: vec4f) -> mat4x4f {
  return mat4x4f(vec4f(q.x), vec4f(q.y), vec4f(q.z), vec4f(q.w));
}

fn storeHidden(blk: u32, j0: u32, pre: mat4x4f, dpre: mat4x4f) {
  // Column r holds hidden unit j0 + r for the 4 samples of block blk.
  if (blk >= blocks()) { return; }
  let row = blk * dims.h + j0;
  for (var r = 0u; r < 4u; r++) {
    if (j0 + r < dims.h) {
      let act = activate(pre[r]);
      hAct[row + r] = act;
      hDact[row + r] = slope(pre[r], act) * dpre[r];
    }
  }
}

@compute @workgroup_size(64)
fn hidden(@builtin(global_invocation_id) gid: vec3u) {
  let hq = quads();
  if (gid.x >= blockPairs() * hq) { return; }
  let b0 = (gid.x / hq) * 2u;
  let q = gid.x % hq;
  let d = dims.d;
  let j0 = q * 4u;
  let jc = min(vec4u(j0, j0 + 1u, j0 + 2u, j0 + 3u), vec4u(dims.h - 1u));
  // A lone last block is computed twice from a clamped index and stored once.
  let x0o = b0 * d;
  let x1o = min(b0 + 1u, blocks() - 1u) * d;
  let b1 = offB1();
  var p0 = splat(quadAt(b1, jc));
  var p1 = p0;
  var d0 = splat(quadAt(dims.dir + b1, jc));
  var d1 = d0;
  for (var c = 0u; c < d; c++) {
    let w = w1q[c * hq + q];
    let u = v1q[c * hq + q];
    let x0 = xb[x0o + c];
    let x1 = xb[x1o + c];
    p0 += mat4x4f(w.x * x0, w.y * x0, w.z * x0, w.w * x0);
    d0 += mat4x4f(u.x * x0, u.y * x0, u.z * x0, u.w * x0);
    p1 += mat4x4f(w.x * x1, w.y * x1, w.z * x1, w.w * x1);
    d1 += mat4x4f(u.x * x1, u.y * x1, u.z * x1, u.w * x1);
  }
  storeHidden(b0, j0, p0, d0);
  storeHidden(b0 + 1u, j0, p1, d1);
}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let blk = gid.x;
  let n = dims.n;
  let h = dims.h;
  if (blk >= blocks()) { return; }
  let v = dims.dir;
  let b2 = offB2();
  let hq = quads();
  var z: array<vec4f, CLASSES>;
  var a: array<vec4f, CLASSES>;
  for (var c = 0u; c < CLASSES; c++) {
    z[c] = vec4f(theta[b2 + c]);
    a[c] = vec4f(theta[v + b2 + c]);
  }
  let row = blk * h;
  for (var q = 0u; q < hq; q++) {
    // Columns are hidden units 4q..4q+3 (zero past h: their weights are zero too).
    var act = mat4x4f();
    var dact = mat4x4f();
    for (var r = 0u; r < 4u; r++) {
      let j = q * 4u + r;
      if (j < h) {
        act[r] = hAct[row + j];
        dact[r] = hDact[row + j];
      }
    }
    // z += W2[:,j] act; a += V_W2[:,j] act + W2[:,j] d(act), four units at a time.
    for (var c = 0u; c < CLASSES; c++) {
      let w = w2q[c * hq + q];
      z[c] += act * w;
      a[c] += act * v2q[c * hq + q] + dact * w;
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
