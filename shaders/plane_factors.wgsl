// F(u + iv) = sum_k e^{z_k + a_k u} e^{i a_k v} separates into a column factor (depends on u)
// and a row factor (depends on v). Computing each once turns the per-pixel work from K
// exp/cos/sin into K complex multiply-adds.
@group(0) @binding(0) var<uniform> grid: PlaneGrid;
@group(0) @binding(1) var<storage, read> za: array<vec2f>;          // (z_k, a_k)
@group(0) @binding(2) var<storage, read_write> colExp: array<f32>;  // width x K, scaled by e^{-s}
@group(0) @binding(3) var<storage, read_write> rowPhase: array<vec2f>; // height x K

@compute @workgroup_size(64)
fn columns(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i >= grid.width) { return; }
  let u = pixelRe(grid, i);
  // s = max_k Re(z_k + a_k t): the largest term is e^0 = 1, so nothing overflows.
  var s = -3.0e38;
  for (var k = 0u; k < grid.k; k++) {
    s = max(s, za[k].x + za[k].y * u);
  }
  for (var k = 0u; k < grid.k; k++) {
    colExp[i * grid.k + k] = exp(za[k].x + za[k].y * u - s);
  }
}

@compute @workgroup_size(64)
fn rows(@builtin(global_invocation_id) gid: vec3u) {
  let j = gid.x;
  if (j >= grid.height) { return; }
  let v = pixelIm(grid, j);
  for (var k = 0u; k < grid.k; k++) {
    rowPhase[j * grid.k + k] = cexpi(za[k].y * v);
  }
}
