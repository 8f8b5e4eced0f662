// Pass 4 of the slice: each grid point's CH partial sums, added in a fixed order (so a point's
// value does not depend on scheduling), become its mean loss and accuracy.
//
// The host prepends: const N, CH.

struct Chunk {
  na: u32,
  count: u32,
  first: u32,
  size: u32,
}

@group(0) @binding(0) var<uniform> chunk: Chunk;
@group(0) @binding(7) var<storage, read> partial: array<vec2f>;
@group(0) @binding(5) var<storage, read_write> result: array<vec2f>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let g = gid.x;
  if (g >= chunk.count) { return; }
  var s = vec2f(0.0);
  for (var c = 0u; c < CH; c++) { s += partial[g * CH + c]; }
  result[g] = s / f32(N);
}
