// Column sums of a table of partial sums, one row per invocation of the kernel that wrote it:
// totals[e] = Σ_r parts[r·ROW + e] for e < ENTRIES, r < ROWS, in f32. One invocation per entry,
// so the lanes of a SIMD group read consecutive addresses, with no workgroup memory or barrier
// (both costly on a software adapter).
//
// The host prepends: const ENTRIES, ROWS, ROW (the row stride, ≥ ENTRIES), WG.

@group(0) @binding(0) var<storage, read> parts: array<f32>;
@group(0) @binding(1) var<storage, read_write> totals: array<f32>;

@compute @workgroup_size(WG)
fn sumRows(@builtin(global_invocation_id) gid: vec3u) {
  let e = gid.x;
  if (e >= ENTRIES) {
    return;
  }
  var s = 0.0;
  for (var r = 0u; r < ROWS; r++) {
    s += parts[r * ROW + e];
  }
  totals[e] = s;
}
