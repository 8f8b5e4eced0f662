// The sums over samples of sample.wgsl's step: R·Hᵀ (Σ_i r_ik h_ij) and Σ_i r_i when UPDATE, the
// class sums (Σ_{i: y_i = k} h_ij) when measuring or for MSE. One invocation per (row, j): it runs
// the SPB blocks of 4 samples that invocation `row` of sample.wgsl ran, for feature j and every
// class k, and writes entries k·D + j (and KD + k·D + j, and 2·KD + k from j = 0) of that row of
// the partial-sum table. Neighbouring lanes share the row, so the residuals and labels they read
// are the same address (one broadcast load); the K sums are named values (collapseCode.ts writes
// the DECLARE, BLOCK and WRITE lines, one per class).

@group(0) @binding(2) var<storage, read> hCur: array<vec4f>;
@group(0) @binding(4) var<storage, read> labels: array<vec4u>;
@group(0) @binding(5) var<storage, read_write> partials: array<f32>;
@group(0) @binding(7) var<storage, read> resid: array<vec4f>;

@compute @workgroup_size(WG)
fn outer(@builtin(global_invocation_id) gid: vec3u) {
  let row = gid.x / D;
  let j = gid.x % D;
  if (row >= NINV) {
    return;
  }
  // DECLARE
  for (var s = 0u; s < SPB; s++) {
    let q = s * NINV + row;
    let h = hCur[j * NB + q];
    let y = labels[q];
    // BLOCK
  }
  let base = row * STRIDE;
  let one = vec4f(1.0);
  // WRITE
}
