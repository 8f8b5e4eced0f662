// F(u + iv) = sum_k e^{z_k + a_k u} e^{i a_k v} separates into a column factor (depends on u)
// and a row factor (depends on v). Computing each once turns the per-pixel work from K
// exp/cos/sin into K complex multiply-adds.
@group(0) @binding(0) var<uniform> grid: PlaneGrid;
@group(0) @binding(1) var<storage, read> za: array<vec2f>;              // (z_k, a_k)
// K x ceil(width/4): four neighbouring columns per vec4, scaled by e^{-s} of each column.
@group(0) @binding(2) var<storage, read_write> colExp: array<vec4f>;
@group(0) @binding(3) var<storage, read_write> rowPhase: array<vec2f>;  // height x K

fn columnFactor(i: u32, k: u32) -> f32 {
  let u = pixelRe(grid, min(i, grid.width - 1u));
  // s = max_k Re(z_k + a_k t): the largest term is e^0 = 1, so nothing overflows.
  var s = -3.0e38;
  for (var m = 0u; m < grid.k; m++) {
    s = max(s, za[m].x + za[m].y * u);
  }
  return exp(za[k].x + za[k].y * u - s);
}

@compute @workgroup_size(64)
fn columns(@builtin(global_invocation_id) gid: vec3u) {
  let quads = (grid.width + 3u) / 4u;
  let q = gid.x;
  if (q >= quads) { return; }
  for (var k = 0u; k < grid.k; k++) {
    colExp[k * quads + q] = vec4f(
      columnFactor(4u * q, k),
      columnFactor(4u * q + 1u, k),
      columnFactor(4u * q + 2u, k),
      columnFactor(4u * q + 3u, k),
    );
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
