// Mean cross-entropy, its gradient and the accuracy of the MLP over a batch of n samples.
// Oracle: Mlp.lossAndGrad in src/science/mlp/mlp.ts. Needs shaders/lib/mlp.wgsl prepended.
//
// Three entry points, dispatched in order in one pass, so that no n×P buffer of per-sample
// gradients is ever needed:
//   forward     one invocation per block of 4 samples: hidden activations, ∂loss/∂z, loss
//               terms and hits;
//   backHidden  one invocation per block: ∂loss/∂pre;
//   reduce      sums each parameter's per-sample terms over the batch, 4 samples at a time,
//               most invocations serving 4 parameters (see reduceCount), plus two more
//               invocations for the mean loss and the accuracy.
// Per-sample intermediates keep the 4-sample blocks of the inputs (one vec4f per block), and
// padding samples past n carry ∂loss/∂z = 0, loss 0 and no hit, so they add nothing.
// out = [∇θ (P) ‖ loss ‖ accuracy].
@group(0) @binding(3) var<storage, read> labels: array<u32>; // padded to whole blocks
@group(0) @binding(4) var<storage, read_write> hAct: array<vec4f>; // blocks × h
@group(0) @binding(5) var<storage, read_write> dz: array<vec4f>; // blocks × k
@group(0) @binding(6) var<storage, read_write> dpre: array<vec4f>; // blocks × h
@group(0) @binding(7) var<storage, read_write> out: array<f32>;
@group(0) @binding(8) var<storage, read_write> stats: array<vec4f>; // blocks × (loss terms, hits)

fn blocks() -> u32 { return (dims.n + 3u) / 4u; }

@compute @workgroup_size(64)
fn forward(@builtin(global_invocation_id) gid: vec3u) {
  let blk = gid.x;
  let n = dims.n;
  let h = dims.h;
  if (blk >= blocks()) { return; }
  let w2 = offW2();
  let b2 = offB2();
  let i0 = blk * 4u;
  let live = select(vec4f(0.0), vec4f(1.0), vec4u(i0, i0 + 1u, i0 + 2u, i0 + 3u) < vec4u(n));
  var z: array<vec4f, CLASSES>;
  for (var c = 0u; c < CLASSES; c++) {
    z[c] = vec4f(theta[b2 + c]);
  }
  for (var j = 0u; j < h; j++) {
    let act = activate(layer1(blk, j));
    hAct[blk * h + j] = act;
    for (var c = 0u; c < CLASSES; c++) {
      z[c] += theta[w2 + c * h + j] * act;
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

// The reduce pass's invocations: W1 in tiles of 4 hidden units × 1 input (one load of x
// serves 4 outputs), then b1, then W2 in tiles of 1 class × 4 hidden units, then b2, then the
// loss and the accuracy. Hidden units past h in a partial tile are computed but not stored.
fn quads() -> u32 { return (dims.h + 3u) / 4u; }
fn reduceCount() -> u32 { return quads() * dims.d + dims.h + dims.k * quads() + dims.k + 2u; }

fn storeQuad(p0: u32, stride: u32, j0: u32, s: mat4x4f) {
  // Column r of s holds hidden unit j0 + r, summed over the 4 lanes of each block.
  for (var r = 0u; r < 4u; r++) {
    if (j0 + r < dims.h) {
      out[p0 + r * stride] = dot(s[r], vec4f(1.0));
    }
  }
}

// A pass of its own rather than a loop at the end of forward: there, with z live in a private
// array, SwiftShader ran the whole forward pass ten times slower.
@compute @workgroup_size(64)
fn backHidden(@builtin(global_invocation_id) gid: vec3u) {
  let blk = gid.x;
  let h = dims.h;
  if (blk >= blocks()) { return; }
  let w2 = offW2();
  for (var j = 0u; j < h; j++) {
    // ∂loss/∂pre_j = σ'(pre_j) Σ_c ∂loss/∂z_c W2[c, j]; σ' from the activation alone: for ReLU
    // act > 0 exactly when pre > 0.
    var s = vec4f(0.0);
    for (var c = 0u; c < CLASSES; c++) {
      s += dz[blk * CLASSES + c] * theta[w2 + c * h + j];
    }
    let act = hAct[blk * h + j];
    dpre[blk * h + j] = slope(act, act) * s;
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
  if (t < hq * d) {
    // W1[j, m] = Σ_i dpre[i, j] x[i, m], for j = j0..j0+3.
    let j0 = (t / d) * 4u;
    let m = t % d;
    let j = min(vec4u(j0, j0 + 1u, j0 + 2u, j0 + 3u), vec4u(h - 1u));
    var s = mat4x4f();
    for (var b = 0u; b < nb; b++) {
      let xm = xb[b * d + m];
      let row = b * h;
      s[0] += dpre[row + j.x] * xm;
      s[1] += dpre[row + j.y] * xm;
      s[2] += dpre[row + j.z] * xm;
      s[3] += dpre[row + j.w] * xm;
    }
    storeQuad(j0 * d + m, d, j0, s);
    return;
  }
  t -= hq * d;
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
