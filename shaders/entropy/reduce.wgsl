// Means over prompts of the per-prompt (H, R, C, P) that step.wgsl leaves in `stats`, into the
// history rows of one submission. A step's pass leaves the measurement of the updated rows and the
// C of the update, so `advance` writes row t = (H, R of the rows before update t, its C, their P)
// from ctrl.cur, then keeps the new means in ctrl.cur and counts the step (so the next update
// draws the next step's random numbers); `finish` writes the last row. One workgroup of 64: each
// invocation sums a strided share, and one barrier joins them (barriers are what costs on a
// software adapter).
struct Params { B: u32, pad0: u32, pad1: u32, pad2: u32 }
struct Ctrl { step: u32, first: u32, pad0: u32, pad1: u32, cur: vec4<f32> }

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(5) var<storage, read> stats: array<vec4<f32>>;
@group(0) @binding(6) var<storage, read_write> ctrl: Ctrl;
@group(0) @binding(8) var<storage, read_write> hist: array<vec4<f32>>;

var<workgroup> parts: array<vec4<f32>, 64>;

fn mean_stats(lid: u32) -> vec4<f32> {
  var acc = vec4<f32>(0.0);
  for (var b = lid; b < P.B; b += 64u) { acc += stats[b]; }
  parts[lid] = acc;
  workgroupBarrier();
  // Only invocation 0 uses the result.
  if (lid != 0u) { return acc; }
  var sum = vec4<f32>(0.0);
  for (var i = 0u; i < 64u; i++) { sum += parts[i]; }
  return sum / f32(P.B);
}

// The means of the initial rows (after step.wgsl's `measure`).
@compute @workgroup_size(64)
fn start(@builtin(local_invocation_index) lid: u32) {
  let m = mean_stats(lid);
  if (lid == 0u) { ctrl.cur = vec4<f32>(m.x, m.y, 0.0, m.w); }
}

@compute @workgroup_size(64)
fn advance(@builtin(local_invocation_index) lid: u32) {
  let m = mean_stats(lid);
  if (lid == 0u) {
    let c = ctrl.cur;
    hist[ctrl.step - ctrl.first] = vec4<f32>(c.x, c.y, m.z, c.w);
    ctrl.cur = vec4<f32>(m.x, m.y, 0.0, m.w);
    ctrl.step = ctrl.step + 1u;
  }
}

@compute @workgroup_size(1)
fn finish() {
  hist[ctrl.step - ctrl.first] = ctrl.cur;
}
