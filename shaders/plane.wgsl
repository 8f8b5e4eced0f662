// One invocation per pixel of the complex t-plane: (log|F e^{-s}|, arg F).
// Oracle: planeField in src/science/ghosts/partition.ts.
@group(0) @binding(0) var<uniform> grid: PlaneGrid;
@group(0) @binding(1) var<storage, read> colExp: array<f32>;
@group(0) @binding(2) var<storage, read> rowPhase: array<vec2f>;
@group(0) @binding(3) var<storage, read_write> field: array<vec2f>;

const LOG_FLOOR: f32 = -30.0;

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  let j = gid.y;
  if (i >= grid.width || j >= grid.height) { return; }
  var acc = vec2f(0.0, 0.0);
  let c0 = i * grid.k;
  let r0 = j * grid.k;
  for (var k = 0u; k < grid.k; k++) {
    acc += colExp[c0 + k] * rowPhase[r0 + k];
  }
  let mag = length(acc);
  // A zero of F makes log|F| -inf; the floor keeps the field finite for colour maps and tests.
  let logMag = select(LOG_FLOOR, max(log(mag), LOG_FLOOR), mag > 0.0);
  field[j * grid.width + i] = vec2f(logMag, atan2(acc.y, acc.x));
}
