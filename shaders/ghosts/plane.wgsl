// The complex t-plane: per pixel (log|F e^{-s}|, arg F).
// Oracle: planeField in src/science/ghosts/partition.ts.
//
// Each invocation computes a 4×4 block of pixels held as vec4 real and imaginary parts: one
// vec4 load of column factors serves four rows, one row factor four columns. On the software
// adapter this is ~3.5× faster than one pixel per invocation (bench: npm run bench).
@group(0) @binding(0) var<uniform> grid: PlaneGrid;
@group(0) @binding(1) var<storage, read> colExp: array<vec4f>;
@group(0) @binding(2) var<storage, read> rowPhase: array<vec2f>;
@group(0) @binding(3) var<storage, read_write> field: array<vec2f>;

const LOG_FLOOR: f32 = -30.0;

fn logModulusAndPhase(re: f32, im: f32) -> vec2f {
  let mag = length(vec2f(re, im));
  // A zero of F makes log|F| -inf; the floor keeps the field finite for colour maps and tests.
  let logMag = select(LOG_FLOOR, max(log(mag), LOG_FLOOR), mag > 0.0);
  return vec2f(logMag, atan2(im, re));
}

fn store(i0: u32, j: u32, re: vec4f, im: vec4f) {
  if (j >= grid.height) { return; }
  let row = j * grid.width;
  for (var x = 0u; x < 4u; x++) {
    if (i0 + x < grid.width) {
      field[row + i0 + x] = logModulusAndPhase(re[x], im[x]);
    }
  }
}

@compute @workgroup_size(8, 8)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let quads = (grid.width + 3u) / 4u;
  let q = gid.x;
  let j0 = gid.y * 4u;
  if (q >= quads || j0 >= grid.height) { return; }
  let last = grid.height - 1u;
  var re0 = vec4f(0.0); var im0 = vec4f(0.0);
  var re1 = vec4f(0.0); var im1 = vec4f(0.0);
  var re2 = vec4f(0.0); var im2 = vec4f(0.0);
  var re3 = vec4f(0.0); var im3 = vec4f(0.0);
  for (var k = 0u; k < grid.k; k++) {
    let c = colExp[k * quads + q];
    let r0 = rowPhase[j0 * grid.k + k];
    let r1 = rowPhase[min(j0 + 1u, last) * grid.k + k];
    let r2 = rowPhase[min(j0 + 2u, last) * grid.k + k];
    let r3 = rowPhase[min(j0 + 3u, last) * grid.k + k];
    re0 += c * r0.x; im0 += c * r0.y;
    re1 += c * r1.x; im1 += c * r1.y;
    re2 += c * r2.x; im2 += c * r2.y;
    re3 += c * r3.x; im3 += c * r3.y;
  }
  let i0 = 4u * q;
  store(i0, j0, re0, im0);
  store(i0, j0 + 1u, re1, im1);
  store(i0, j0 + 2u, re2, im2);
  store(i0, j0 + 3u, re3, im3);
}
