// Means over prompts of the per-prompt (H, R, C, P) into the history row of the current step;
// `advance` then counts the step (so the next update draws the next step's random numbers).
struct Params { B: u32, pad0: u32, pad1: u32, pad2: u32 }

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(5) var<storage, read> stats: array<vec4<f32>>;
@group(0) @binding(6) var<storage, read_write> ctrl: array<u32>; // [step, first step of this submission]
@group(0) @binding(7) var<storage, read_write> hist: array<vec4<f32>>;

var<workgroup> sRed: array<vec4<f32>, 256>;

fn mean_into_history(lid: u32) {
  var acc = vec4<f32>(0.0);
  for (var b = lid; b < P.B; b += 256u) { acc += stats[b]; }
  sRed[lid] = acc;
  workgroupBarrier();
  for (var s = 128u; s > 0u; s = s >> 1u) {
    if (lid < s) { sRed[lid] = sRed[lid] + sRed[lid + s]; }
    workgroupBarrier();
  }
  if (lid == 0u) { hist[ctrl[0] - ctrl[1]] = sRed[0] / f32(P.B); }
}

@compute @workgroup_size(256)
fn advance(@builtin(local_invocation_index) lid: u32) {
  mean_into_history(lid);
  if (lid == 0u) { ctrl[0] = ctrl[0] + 1u; }
}

@compute @workgroup_size(256)
fn record(@builtin(local_invocation_index) lid: u32) {
  mean_into_history(lid);
}
