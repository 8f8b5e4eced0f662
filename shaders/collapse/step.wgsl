// One gradient step of the UFM (plain, depth 0) with the curvature step rule of
// science/stepRule.ts, in five dispatches: gram → sample → partial → reduce → finish.

@group(0) @binding(1) var<storage, read_write> wb: array<f32>;
@group(0) @binding(3) var<storage, read> hCur: array<f32>;
@group(0) @binding(4) var<storage, read_write> hNext: array<f32>;
@group(0) @binding(5) var<storage, read> labels: array<u32>;
@group(0) @binding(6) var<storage, read> counts: array<f32>;
@group(0) @binding(7) var<storage, read_write> resid: array<f32>;
@group(0) @binding(8) var<storage, read_write> sstats: array<f32>;
@group(0) @binding(9) var<storage, read_write> partials: array<f32>;
@group(0) @binding(10) var<storage, read_write> totals: array<f32>;
@group(0) @binding(11) var<storage, read_write> small: array<f32>;

// W·Wᵀ, read by every sample for its curvature bound κ_i.
@compute @workgroup_size(64)
fn gram(@builtin(local_invocation_index) t: u32) {
  let K = P.K;
  let d = P.d;
  for (var e = t; e < K * K; e += WG) {
    let a = e / K;
    let c = e % K;
    var s = 0.0;
    for (var j = 0u; j < d; j++) {
      s += wb[a * d + j] * wb[c * d + j];
    }
    small[GRAM + e] = s;
  }
}

fn log1pSmall(u: f32) -> f32 {
  // log(1 + u) without losing u to the rounding of 1 + u (CE of a saturated softmax).
  if (u < 1e-3) {
    return u * (1.0 - u * (0.5 - u / 3.0));
  }
  return log(1.0 + u);
}

// Per sample: logits, loss, residual ∂loss/∂z, the per-sample step η_i and the update of h_i
// (written to hNext, so later dispatches of this step still read the old H).
@compute @workgroup_size(64)
fn sample(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  if (i >= P.N) {
    return;
  }
  let K = P.K;
  let d = P.d;
  let y = labels[i];
  let hb = i * d;
  var z: array<f32, 10>;
  var r: array<f32, 10>;
  var hsq = 0.0;
  for (var j = 0u; j < d; j++) {
    let h = hCur[hb + j];
    hsq += h * h;
  }
  var best = 0u;
  for (var k = 0u; k < K; k++) {
    var acc = select(0.0, wb[K * d + k], P.bias == 1u);
    for (var j = 0u; j < d; j++) {
      acc += wb[k * d + j] * hCur[hb + j];
    }
    z[k] = acc;
    if (acc > z[best]) {
      best = k;
    }
  }
  var inf = 0.0;
  for (var a = 0u; a < K; a++) {
    var s = 0.0;
    for (var c = 0u; c < K; c++) {
      s += abs(small[GRAM + a * K + c]);
    }
    inf = max(inf, s);
  }
  var loss = 0.0;
  var kap = inf;
  var cw = 0.0;
  if (P.loss == 1u) {
    for (var k = 0u; k < K; k++) {
      let t = z[k] - select(0.0, 1.0, k == y);
      r[k] = t;
      loss += 0.5 * t * t;
    }
  } else {
    let m = z[best];
    var s = 0.0;
    var others = 0.0;
    for (var k = 0u; k < K; k++) {
      let e = exp(z[k] - m);
      r[k] = e;
      s += e;
      if (k != y) {
        others += e;
      }
    }
    // 1 − p_y from the other classes' mass, not by subtraction (it is tiny at large ρ).
    let oneMinusPy = others / s;
    if (y == best) {
      loss = log1pSmall(others);
    } else {
      loss = m - z[y] + log(s);
    }
    let gyy = small[GRAM + y * K + y];
    var kv = 0.0;
    for (var k = 0u; k < K; k++) {
      let p = r[k] / s;
      r[k] = p;
      if (k != y) {
        kv += p * (small[GRAM + k * K + k] + gyy - 2.0 * small[GRAM + k * K + y]);
      }
    }
    r[y] = -oneMinusPy;
    kap = min(0.5 * inf, kv);
    cw = min(0.5, 2.0 * oneMinusPy) * (hsq + select(0.0, 1.0, P.bias == 1u));
  }
  for (var k = 0u; k < K; k++) {
    resid[i * K + k] = r[k];
  }
  sstats[i * 4u] = loss;
  sstats[i * 4u + 1u] = hsq;
  sstats[i * 4u + 2u] = cw;
  sstats[i * 4u + 3u] = f32(best);
  if (P.update == 1u) {
    let eta = P.alpha / (P.lamH + kap * P.invN);
    for (var j = 0u; j < d; j++) {
      var g = 0.0;
      for (var k = 0u; k < K; k++) {
        g += r[k] * wb[k * d + j];
      }
      let h = hCur[hb + j];
      hNext[hb + j] = h - eta * (g * P.invN + P.lamH * h);
    }
  }
}

// One workgroup per chunk of 64 samples: the chunk's share of R·Hᵀ, class sums, Σ r and stats.
@compute @workgroup_size(64)
fn partial(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) t: u32) {
  let K = P.K;
  let d = P.d;
  let c = wid.x;
  let i0 = c * WG;
  let i1 = min(i0 + WG, P.N);
  let base = c * partialStride();
  let kd = K * d;
  let entries = kd + d + K + 3u;
  for (var e = t; e < entries; e += WG) {
    if (e < kd) {
      let k = e / d;
      let j = e % d;
      var acc = 0.0;
      for (var i = i0; i < i1; i++) {
        acc += resid[i * K + k] * hCur[i * d + j];
      }
      partials[base + e] = acc;
    } else if (e < kd + d) {
      let j = e - kd;
      var acc: array<f32, 10>;
      for (var i = i0; i < i1; i++) {
        acc[labels[i]] += hCur[i * d + j];
      }
      for (var k = 0u; k < K; k++) {
        partials[base + kd + k * d + j] = acc[k];
      }
    } else if (e < kd + d + K) {
      let k = e - kd - d;
      var acc = 0.0;
      for (var i = i0; i < i1; i++) {
        acc += resid[i * K + k];
      }
      partials[base + 2u * kd + k] = acc;
    } else {
      let s = e - kd - d - K;
      var acc = 0.0;
      for (var i = i0; i < i1; i++) {
        acc += sstats[i * 4u + s];
      }
      partials[base + 2u * kd + K + s] = acc;
    }
  }
}

// Totals over chunks, one invocation per entry.
@compute @workgroup_size(64)
fn reduce(@builtin(global_invocation_id) gid: vec3u) {
  let e = gid.x;
  let stride = partialStride();
  if (e >= stride) {
    return;
  }
  var acc = 0.0;
  for (var c = 0u; c < P.chunks; c++) {
    acc += partials[c * stride + e];
  }
  totals[e] = acc;
}

var<workgroup> classGram: array<f32, 100>;
var<workgroup> etaW: f32;

// One workgroup: class means, centred means, ‖μ_a − μ_c‖², the W step and the W, b update.
@compute @workgroup_size(64)
fn finish(@builtin(local_invocation_index) t: u32) {
  let K = P.K;
  let d = P.d;
  let kd = K * d;
  for (var e = t; e < kd; e += WG) {
    let k = e / d;
    let j = e % d;
    small[MEANS + e] = totals[kd + e] / counts[k];
    var mg = 0.0;
    for (var a = 0u; a < K; a++) {
      mg += totals[kd + a * d + j];
    }
    small[MC + e] = totals[kd + e] / counts[k] - mg * P.invN;
  }
  for (var e = t; e < K * K; e += WG) {
    let a = e / K;
    let c = e % K;
    var s = 0.0;
    for (var j = 0u; j < d; j++) {
      s += totals[kd + a * d + j] * totals[kd + c * d + j];
    }
    classGram[e] = s;
  }
  workgroupBarrier();
  storageBarrier();
  for (var e = t; e < K * K; e += WG) {
    let a = e / K;
    let c = e % K;
    var s = 0.0;
    for (var j = 0u; j < d; j++) {
      let v = small[MEANS + a * d + j] - small[MEANS + c * d + j];
      s += v * v;
    }
    small[DM + e] = s;
  }
  if (t == 0u) {
    let hsq = totals[2u * kd + K + 1u];
    var L = P.lamW;
    if (P.loss == 0u) {
      L += totals[2u * kd + K + 2u] * P.invN;
    } else {
      // ‖D^½MᵀMD^½/N (+ bias)‖_∞ + tr Σ_W (stepRule.ts curvatureW).
      let one = select(0.0, 1.0, P.bias == 1u);
      var between = 0.0;
      var inf = 0.0;
      for (var a = 0u; a < K; a++) {
        between += classGram[a * K + a] / counts[a];
        var row = 0.0;
        for (var c = 0u; c < K; c++) {
          let nn = sqrt(counts[a] * counts[c]);
          row += abs(classGram[a * K + c] / (nn) + one * nn) * P.invN;
        }
        inf = max(inf, row);
      }
      L += inf + max(0.0, (hsq - between) * P.invN);
    }
    etaW = P.alpha / L;
    small[ETA] = etaW;
  }
  workgroupBarrier();
  if (P.update == 1u) {
    let eta = etaW;
    for (var e = t; e < kd; e += WG) {
      wb[e] = wb[e] - eta * (totals[e] * P.invN + P.lamW * wb[e]);
    }
    if (P.bias == 1u) {
      for (var k = t; k < K; k += WG) {
        wb[kd + k] = wb[kd + k] - eta * totals[2u * kd + k] * P.invN;
      }
    }
  }
}
