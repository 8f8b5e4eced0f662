// Pass 3 of the slice, for nets whose later weights fit in workgroup memory (≤ 4096 f32): one
// workgroup per grid point. The workgroup forms θ + αδ + βη for the layers after the first once,
// in workgroup memory, then each invocation c takes sample blocks c, c + CH, … (4 samples as a
// vec4 per unit) and writes its share of the cross-entropy and hits (Li et al. 2018, Eq. 1).
// Oracle: lossSlice in src/instruments/landscape/science/slice.ts.
//
// Why this shape: on a software adapter every storage access whose address differs across the
// SIMD lanes is a gather with bounds checks. Here the weight index and the activation index are
// the same in every lane (loop counters), so they are plain vector loads from workgroup and
// function memory; only the first-layer products and labels are per-lane loads. One barrier per
// grid point is negligible.
//
// The host prepends: const P, H1, N, BLOCKS, CH (the workgroup size), K, NW, WBASE, WIDEST,
// `fn act(vec4f) -> vec4f`, and replaces the FORWARD line by the forward pass of block b from
// the first layer's products (slice_project.wgsl) to the cross-entropy `ce` (vec4f) and the
// argmax `best` (vec4u) of its 4 samples, the lowest index winning ties (see sliceCode.ts: as
// straight-line code with literal indices for nets up to a size, loops beyond).

struct Chunk {
  na: u32,
  count: u32,
  first: u32,
  size: u32,
}

@group(0) @binding(0) var<uniform> chunk: Chunk;
@group(0) @binding(1) var<storage, read> params: array<f32>;
@group(0) @binding(2) var<storage, read> axes: array<f32>;
@group(0) @binding(3) var<storage, read> proj: array<vec4f>;
@group(0) @binding(4) var<storage, read> labels: array<vec4u>;
@group(0) @binding(7) var<storage, read_write> partial: array<vec2f>;

var<workgroup> ws: array<f32, NW>;

@compute @workgroup_size(CH)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) c: u32) {
  let local = wid.x + wid.y * 65535u;
  if (local >= chunk.size) { return; }
  let g = chunk.first + local;
  let alpha = axes[g % chunk.na];
  let beta = axes[chunk.na + g / chunk.na];
  for (var o = c; o < NW; o += CH) {
    let q = WBASE + o;
    ws[o] = params[q] + alpha * params[P + q] + beta * params[2u * P + q];
  }
  workgroupBarrier();

  var lossSum = 0.0;
  var hits = 0.0;
  for (var b = c; b < BLOCKS; b += CH) {
    let y = labels[b];
    // FORWARD
    let valid = vec4u(4u * b) + vec4u(0u, 1u, 2u, 3u) < vec4u(N);
    lossSum += dot(select(vec4f(0.0), ce, valid), vec4f(1.0));
    hits += dot(select(vec4f(0.0), vec4f(1.0), valid & (best == y)), vec4f(1.0));
  }
  partial[g * CH + c] = vec2f(lossSum, hits);
}
