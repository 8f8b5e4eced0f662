// Pass 3 of the slice: the cross-entropy and hits of θ + αδ + βη over a share of the samples,
// for every grid point of this chunk (Li et al. 2018, Eq. 1). Oracle: lossSlice in
// src/instruments/landscape/science/slice.ts.
//
// The host prepends: const P, H1, N (samples), BLOCKS (of 4 samples), CH (invocations per grid
// point), K (classes), NW, `fn act(vec4f) -> vec4f`, and `fn layers() -> array<vec4f, K>`, the
// layers after the first (reading h1 through hA), one loop nest per layer.
//
// Invocation (g, c) takes sample blocks c, c + CH, …: each carries 4 samples as a vec4 per unit,
// so every weight load serves 4 samples, and the CH invocations of a grid point sit side by side
// in a SIMD group, where their weight addresses are identical. No barriers and no workgroup
// memory: on a software adapter a barrier is a coroutine switch.

struct Chunk {
  na: u32,
  count: u32,
  first: u32,
  size: u32,
}

@group(0) @binding(0) var<uniform> chunk: Chunk;
@group(0) @binding(2) var<storage, read> axes: array<f32>;
@group(0) @binding(3) var<storage, read> proj: array<vec4f>;
@group(0) @binding(4) var<storage, read> labels: array<vec4u>;
@group(0) @binding(6) var<storage, read> wgrid: array<f32>;
@group(0) @binding(7) var<storage, read_write> partial: array<vec2f>;

@group(0) @binding(8) var<storage, read_write> act0: array<vec4f>;
@group(0) @binding(9) var<storage, read_write> act1: array<vec4f>;

var<private> wbase: u32;
var<private> slot: u32;
var<private> stride: u32;

// Weight o (after the first layer) at this invocation's grid point.
fn w(o: u32) -> f32 { return wgrid[wbase + o]; }

// Hidden activations live in two storage buffers, unit j of invocation t at j·stride + t (the
// lanes of a SIMD group touch consecutive vec4s). Large private arrays are what SwiftShader
// handles worst: they crashed or stalled the adapter here (see the phase-1 report).
fn hA(j: u32) -> vec4f { return act0[j * stride + slot]; }
fn hB(j: u32) -> vec4f { return act1[j * stride + slot]; }
fn setA(j: u32, v: vec4f) { act0[j * stride + slot] = v; }
fn setB(j: u32, v: vec4f) { act1[j * stride + slot] = v; }

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let t = gid.x + gid.y * 65535u * 64u;
  if (t >= chunk.size * CH) { return; }
  let local = t / CH;
  let c = t % CH;
  let g = chunk.first + local;
  let alpha = axes[g % chunk.na];
  let beta = axes[chunk.na + g / chunk.na];
  wbase = local * NW;
  slot = t;
  stride = chunk.size * CH;

  var lossSum = 0.0;
  var hits = 0.0;
  for (var b = c; b < BLOCKS; b += CH) {
    // The first layer from its three precomputed products (slice_project.wgsl).
    for (var j = 0u; j < H1; j++) {
      let pre = proj[j * BLOCKS + b] + alpha * proj[(H1 + j) * BLOCKS + b]
        + beta * proj[(2u * H1 + j) * BLOCKS + b];
      setA(j, act(pre));
    }
    let z = layers();
    // Softmax CE by the log-sum-exp shift; argmax with the lowest index on ties.
    var m = z[0];
    var best = vec4u(0u);
    for (var k = 1u; k < K; k++) {
      best = select(best, vec4u(k), z[k] > m);
      m = max(m, z[k]);
    }
    var s = vec4f(0.0);
    var zy = vec4f(0.0);
    let y = labels[b];
    for (var k = 0u; k < K; k++) {
      s += exp(z[k] - m);
      zy = select(zy, z[k], y == vec4u(k));
    }
    let ce = m + log(s) - zy;
    let valid = vec4u(4u * b) + vec4u(0u, 1u, 2u, 3u) < vec4u(N);
    lossSum += dot(select(vec4f(0.0), ce, valid), vec4f(1.0));
    hits += dot(select(vec4f(0.0), vec4f(1.0), valid & (best == y)), vec4f(1.0));
  }
  partial[g * CH + c] = vec2f(lossSum, hits);
}
