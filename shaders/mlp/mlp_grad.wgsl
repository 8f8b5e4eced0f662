// Mean cross-entropy, its gradient and the accuracy of the MLP over a batch of n samples.
// Oracle: Mlp.lossAndGrad in src/science/mlp/mlp.ts. Needs shaders/lib/mlp.wgsl prepended.
//
// Four entry points, dispatched in order in one pass, so that no n×P buffer of per-sample
// gradients is ever needed:
//   hidden      one invocation per 4 blocks of 4 samples × 4 hidden units: hidden activations;
//   logits      one invocation per block: ∂loss/∂z, loss terms and hits;
//   backHidden  one invocation per block: ∂loss/∂pre;
//   reduce      sums each parameter's per-sample terms over the batch, 4 samples at a time,
//               W1 in tiles of 4×4 parameters, most other invocations serving 4 parameters
//               (see reduceCount), plus two more invocations for the mean loss and the accuracy.
// On SwiftShader, tiles of outputs held in vec4/mat4x4f registers (each load serving several
// multiply-adds) made hidden and the W1 reduce about twice as fast as one row per invocation.
// Per-sample intermediates keep the 4-sample blocks of the inputs (one vec4f per block), and
// padding samples past n carry ∂loss/∂z = 0, loss 0 and no hit, so they add nothing.
// out = [∇θ (P) ‖ loss ‖ accuracy].
@group(0) @binding(3) var<storage, read> labels: array<u32>; // padded to whole blocks
@group(0) @binding(4) var<storage, read_write> hAct: array<vec4f>; // blocks × h
@group(0) @binding(5) var<storage, read_write> dz: array<vec4f>; // blocks × k
@group(0) @binding(6) var<storage, read_write> dpre: array<vec4f>; // blocks × h
@group(0) @binding(7) var<storage, read_write> out: array<f32>;
@group(0) @binding(8) var<storage, read_write> stats: array<vec4f>; // blocks × (loss terms, hits)
@group(0) @binding(9) var<storage, read> w1q: array<vec4f>; // d × quads, see hidden
@group(0) @binding(10) var<storage, read> w2q: array<vec4f>; // k × quads, W2 rows in quads

// hidden: one invocation per (4 blocks of 4 samples, quad of 4 hidden units), its 16×4
// activations held in 4 mat4x4f accumulators; W1 comes transposed in quads (w1q[c·quads + q]
// = W1[4q..4q+3, c], zero past h) so that each input costs one vec4 load of W1 and one of x
// per block. Blocks past the last are computed from clamped indices but not stored.
fn blockQuads() -> u32 { return (blocks() + 3u) / 4u; }

fn storeActs(blk: u32, j0: u32, s: mat4x4f) {
  // Column r of s holds hidden unit j0 + r for the 4 samples of block blk.
  if (blk >= blocks()) { return; }
  let row = blk * dims.h + j0;
  for (var r = 0u; r < 4u; r++) {
    if (j0 + r < dims.h) { hAct[row + r] = activate(s[r]); }
  }
}

@compute @workgroup_size(64)
fn hidden(@builtin(global_invocation_id) gid: vec3u) {
  let hq = quads();
  if (gid.x >= blockQuads() * hq) { return; }
  let b0 = (gid.x / hq) * 4u;
  let q = gid.x % hq;
  let d = dims.d;
  let h = dims.h;
  let j0 = q * 4u;
  let jc = min(vec4u(j0, j0 + 1u, j0 + 2u, j0 + 3u), vec4u(h - 1u));
  let bc = min(vec4u(b0, b0 + 1u, b0 + 2u, b0 + 3u), vec4u(blocks() - 1u)) * d;
  let b1 = offB1();
  let bias = vec4f(theta[b1 + jc.x], theta[b1 + jc.y], theta[b1 + jc.z], theta[b1 + jc.w]);
  let init = mat4x4f(vec4f(bias.x), vec4f(bias.y), vec4f(bias.z), vec4f(bias.w));
  var s0 = init;
  var s1 = init;
  var s2 = init;
  var s3 = init;
  for (var c = 0u; c < d; c++) {
    let w = w1q[c * hq + q];
    let x0 = xb[bc.x + c];
    let x1 = xb[bc.y + c];
    let x2 = xb[bc.z + c];
    let x3 = xb[bc.w + c];
    s0 += mat4x4f(w.x * x0, w.y * x0, w.z * x0, w.w * x0);
    s1 += mat4x4f(w.x * x1, w.y * x1, w.z * x1, w.w * x1);
    s2 += mat4x4f(w.x * x2, w.y * x2, w.z * x2, w.w * x2);
    s3 += mat4x4f(w.x * x3, w.y * x3, w.z * x3, w.w * x3);
  }
  storeActs(b0, j0, s0);
  storeActs(b0 + 1u, j0, s1);
  storeActs(b0 + 2u, j0, s2);
  storeActs(b0 + 3u, j0, s3);
}

// logits: one invocation per block of 4 samples: logits from the activations, ∂loss/∂z, loss
// terms and hits.
@compute @workgroup_size(64)
fn logits(@builtin(global_invocation_id) gid: vec3u) {
  let blk = gid.x;
  let n = dims.n;
  let h = dims.h;
  if (blk >= blocks()) { return; }
  let b2 = offB2();
  let i0 = blk * 4u;
  let live = select(vec4f(0.0), vec4f(1.0), vec4u(i0, i0 + 1u, i0 + 2u, i0 + 3u) < vec4u(n));
  var z: array<vec4f, CLASSES>;
  for (var c = 0u; c < CLASSES; c++) {
    z[c] = vec4f(theta[b2 + c]);
  }
  // Four hidden units at a time: a mat4x4f of their activations meets one vec4 of W2.
  let hq = quads();
  for (var q = 0u; q < hq; q++) {
    var act = mat4x4f();
    for (var r = 0u; r < 4u; r++) {
      let j = q * 4u + r;
      if (j < h) { act[r] = hAct[blk * h + j]; }
    }
    for (var c = 0u; c < CLASSES; c++) {
      z[c] += act * w2q[c * hq + q];
    }
  }
  let y = vec4u(labels[i0], labels[i0 + 1u], labels[i0 + 2u], labels[i0 + 3u]);
  // Stable log-sum-exp; argmax with the lowest index winning ties, as in the oracle.
  var zmax = z[0];
  var best = vec4u(0u);
  for (var c = 1u; c < CLASSES; c++) {
    let better = z[c] > zmax;
    zmax = select(zmax, z[c], better);
    best = select(best, vec4u(c), better);
  }
  var sum = vec4f(0.0);
  var zy = vec4f(0.0);
  for (var c = 0u; c < CLASSES; c++) {
    sum += exp(z[c] - zmax);
    zy = select(zy, z[c], y == vec4u(c));
  }
  let lse = zmax + log(sum);
  // ∂(mean CE)/∂z_c = (softmax_c − 1[c = y]) / n.
  let scale = live / f32(n);
  for (var c = 0u; c < CLASSES; c++) {
    let onehot = select(vec4f(0.0), vec4f(1.0), y == vec4u(c));
    dz[blk * CLASSES + c] = (exp(z[c] - lse) - onehot) * scale;
  }
  stats[2u * blk] = (lse - zy) * live;
  stats[2u * blk + 1u] = select(vec4f(0.0), vec4f(1.0), best == y) * live;
}

// The reduce pass's invocations: W1 in tiles of 4 hidden units × 4 inputs (4 loads of dpre
// and 4 of x serve 16 outputs), then b1, then W2 in tiles of 1 class × 4 hidden units, then
// b2, then the loss and the accuracy. Hidden units past h and inputs past d in a partial tile
// are computed from clamped indices but not stored.
fn inputQuads() -> u32 { return (dims.d + 3u) / 4u; }
fn reduceCount() -> u32 { return quads() * inputQuads() + dims.h + dims.k * quads() + dims.k + 2u; }

fn storeQuad(p0: u32, stride: u32, j0: u32, s: mat4x4f) {
  // Column r of s holds hidden unit j0 + r, summed over the 4 lanes of each block.
  for (var r = 0u; r < 4u; r++) {
    if (j0 + r < dims.h) {
      out[p0 + r * stride] = dot(s[r], vec4f(1.0));
    }
  }
}

// A pass of its own rather than a loop at the end of logits: there, with z live in a private
// array, SwiftShader ran the whole pass ten times slower.
@compute @workgroup_size(64)
fn backHidden(@builtin(global_invocation_id) gid: vec3u) {
  let blk = gid.x;
  let h = dims.h;
  if (blk >= blocks()) { return; }
  let hq = quads();
  for (var q = 0u; q < hq; q++) {
    // ∂loss/∂pre_j = σ'(pre_j) Σ_c ∂loss/∂z_c W2[c, j] for the 4 units of quad q (columns).
    var s = mat4x4f();
    for (var c = 0u; c < CLASSES; c++) {
      let g = dz[blk * CLASSES + c];
      let w = w2q[c * hq + q];
      s += mat4x4f(g * w.x, g * w.y, g * w.z, g * w.w);
    }
    for (var r = 0u; r < 4u; r++) {
      let j = q * 4u + r;
      if (j < h) {
        // σ' from the activation alone: for ReLU act > 0 exactly when pre > 0.
        let act = hAct[blk * h + j];
        dpre[blk * h + j] = slope(act, act) * s[r];
      }
    }
  }
}

@compute @workgroup_size(64)
fn reduce(@builtin(global_invocation_id) gid: vec3u) {
  var t = gid.x;
  let nb = blocks();
  let d = dims.d;
  let h = dims.h;
  let hq = quads();
  if (t >= reduceCount()) { return; }
  let dh = inputQuads();
  if (t < hq * dh) {
    // W1[j, m] = Σ_i dpre[i, j] x[i, m], for j = j0..j0+3 and m = m0..m0+3: each block's
    // 4 loads of dpre and 4 of x serve 16 outputs.
    let j0 = (t / dh) * 4u;
    let m0 = (t % dh) * 4u;
    let m = min(vec4u(m0, m0 + 1u, m0 + 2u, m0 + 3u), vec4u(d - 1u));
    let j = min(vec4u(j0, j0 + 1u, j0 + 2u, j0 + 3u), vec4u(h - 1u));
    var s0 = mat4x4f();
    var s1 = mat4x4f();
    var s2 = mat4x4f();
    var s3 = mat4x4f();
    for (var b = 0u; b < nb; b++) {
      let xo = b * d;
      let x = mat4x4f(xb[xo + m.x], xb[xo + m.y], xb[xo + m.z], xb[xo + m.w]);
      let row = b * h;
      let p = mat4x4f(dpre[row + j.x], dpre[row + j.y], dpre[row + j.z], dpre[row + j.w]);
      s0 += mat4x4f(p[0] * x[0], p[1] * x[0], p[2] * x[0], p[3] * x[0]);
      s1 += mat4x4f(p[0] * x[1], p[1] * x[1], p[2] * x[1], p[3] * x[1]);
      s2 += mat4x4f(p[0] * x[2], p[1] * x[2], p[2] * x[2], p[3] * x[2]);
      s3 += mat4x4f(p[0] * x[3], p[1] * x[3], p[2] * x[3], p[3] * x[3]);
    }
    storeQuad(j0 * d + m0, d, j0, s0);
    if (m0 + 1u < d) { storeQuad(j0 * d + m0 + 1u, d, j0, s1); }
    if (m0 + 2u < d) { storeQuad(j0 * d + m0 + 2u, d, j0, s2); }
    if (m0 + 3u < d) { storeQuad(j0 * d + m0 + 3u, d, j0, s3); }
    return;
  }
  t -= hq * dh;
  if (t < h) {
    var s = vec4f(0.0);
    for (var b = 0u; b < nb; b++) { s += dpre[b * h + t]; }
    out[offB1() + t] = dot(s, vec4f(1.0));
    return;
  }
  t -= h;
  if (t < dims.k * hq) {
    // W2[c, j] = Σ_i dz[i, c] act[i, j], for j = j0..j0+3.
    let c = t / hq;
    let j0 = (t % hq) * 4u;
    let j = min(vec4u(j0, j0 + 1u, j0 + 2u, j0 + 3u), vec4u(h - 1u));
    var s = mat4x4f();
    for (var b = 0u; b < nb; b++) {
      let g = dz[b * CLASSES + c];
      let row = b * h;
      s[0] += g * hAct[row + j.x];
      s[1] += g * hAct[row + j.y];
      s[2] += g * hAct[row + j.z];
      s[3] += g * hAct[row + j.w];
    }
    storeQuad(offW2() + c * h + j0, 1u, j0, s);
    return;
  }
  t -= dims.k * hq;
  if (t < dims.k) {
    var s = vec4f(0.0);
    for (var b = 0u; b < nb; b++) { s += dz[b * CLASSES + t]; }
    out[offB2() + t] = dot(s, vec4f(1.0));
    return;
  }
  // t = k: mean loss; t = k + 1: accuracy.
  let comp = t - dims.k;
  var s = vec4f(0.0);
  for (var b = 0u; b < nb; b++) { s += stats[2u * b + comp]; }
  out[paramCount() + comp] = dot(s, vec4f(1.0)) / f32(dims.n);
}
