// Pass 2 of the slice: the weights of every layer after the first at each grid point of this
// chunk, wgrid[(g − first)·NW + o] = θ + αδ + βη at offset WBASE + o (Li et al. 2018, Eq. 1).
// Formed once per grid point here, so the loss pass reads each weight once per 4 samples
// instead of recombining three vectors per use.
//
// The host prepends: const P, NW, WBASE.

struct Chunk {
  na: u32,
  count: u32,
  first: u32,
  size: u32,
}

@group(0) @binding(0) var<uniform> chunk: Chunk;
@group(0) @binding(1) var<storage, read> params: array<f32>;
@group(0) @binding(2) var<storage, read> axes: array<f32>;
@group(0) @binding(6) var<storage, read_write> wgrid: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let t = gid.x + gid.y * 65535u * 64u;
  if (t >= chunk.size * NW) { return; }
  let local = t / NW;
  let o = t % NW;
  let g = chunk.first + local;
  let alpha = axes[g % chunk.na];
  let beta = axes[chunk.na + g / chunk.na];
  let q = WBASE + o;
  wgrid[t] = params[q] + alpha * params[P + q] + beta * params[2u * P + q];
}
