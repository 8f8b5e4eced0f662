// The small passes of a collapse step, after sample.wgsl and lib/sum_rows.wgsl: the W step, the
// W update, W·Wᵀ for the next step, and the class means the metrics read. Each runs one
// invocation per output entry (or one invocation) with no workgroup memory and no barrier: a
// dispatch boundary is the only synchronisation, which is cheap on the software adapter.
// Oracle: science/stepRule.ts (curvatureW), gd.ts, metrics.ts.

@group(0) @binding(0) var<storage, read_write> wb: array<f32>;
@group(0) @binding(1) var<storage, read> counts: array<f32>;
@group(0) @binding(2) var<storage, read> totals: array<f32>;
@group(0) @binding(3) var<storage, read_write> small: array<f32>;

// The W step α/L (stepRule.ts curvatureW), one invocation.
@compute @workgroup_size(1)
fn curvature() {
  var L = LAM_W;
  if (MSE) {
    // ‖D^½MᵀMD^½/N (+ bias)‖_∞ + tr Σ_W, from the class sums s_k.
    let one = select(0.0, 1.0, BIAS);
    var between = 0.0;
    var inf = 0.0;
    for (var a = 0u; a < K; a++) {
      var row = 0.0;
      for (var c = 0u; c < K; c++) {
        var g = 0.0;
        for (var j = 0u; j < D; j++) {
          g += totals[KD + a * D + j] * totals[KD + c * D + j];
        }
        if (a == c) {
          between += g / counts[a];
        }
        let nn = sqrt(counts[a] * counts[c]);
        row += abs(g / nn + one * nn) * INV_N;
      }
      inf = max(inf, row);
    }
    L += inf + max(0.0, (totals[2u * KD + K + 1u] - between) * INV_N);
  } else {
    L += totals[2u * KD + K + 2u] * INV_N;
  }
  small[ETA] = ALPHA / L;
}

// W and b take their step, one invocation per entry of wb.
@compute @workgroup_size(WG)
fn update(@builtin(global_invocation_id) gid: vec3u) {
  let e = gid.x;
  let eta = small[ETA];
  if (e < KD) {
    wb[e] = wb[e] - eta * (totals[e] * INV_N + LAM_W * wb[e]);
  } else if (BIAS && e < KD + K) {
    wb[e] = wb[e] - eta * totals[2u * KD + e - KD] * INV_N;
  }
}

// Class means and centred means, one invocation per entry.
@compute @workgroup_size(WG)
fn means(@builtin(global_invocation_id) gid: vec3u) {
  let e = gid.x;
  if (e >= KD) {
    return;
  }
  let k = e / D;
  let j = e % D;
  var mg = 0.0;
  for (var a = 0u; a < K; a++) {
    mg += totals[KD + a * D + j];
  }
  let mu = totals[KD + e] / counts[k];
  small[MEANS + e] = mu;
  small[MC + e] = mu - mg * INV_N;
}

// W·Wᵀ (read by every sample for its curvature bound κ_i) and, when measuring, ‖μ_a − μ_c‖²;
// one invocation per pair.
@compute @workgroup_size(WG)
fn gram(@builtin(global_invocation_id) gid: vec3u) {
  let e = gid.x;
  if (e >= K * K) {
    return;
  }
  let a = e / K;
  let c = e % K;
  var s = 0.0;
  for (var j = 0u; j < D; j++) {
    s += wb[a * D + j] * wb[c * D + j];
  }
  small[GRAM + e] = s;
  if (!UPDATE) {
    var dm = 0.0;
    for (var j = 0u; j < D; j++) {
      let v = small[MEANS + a * D + j] - small[MEANS + c * D + j];
      dm += v * v;
    }
    small[DM + e] = dm;
  }
}
