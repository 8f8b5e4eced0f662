// Per-sample parts of the NC metrics (science/metrics.ts ncStats), one workgroup per chunk of 64
// samples: v_i = h_i − μ_y, the projection M̄ᵀv_i, the chunk's share of S = Σ(M̄ᵀv)(M̄ᵀv)ᵀ and
// of the NCC mismatch count. Reads the means that `finish` wrote and the argmax of `sample`.

@group(0) @binding(3) var<storage, read> hCur: array<f32>;
@group(0) @binding(5) var<storage, read> labels: array<u32>;
@group(0) @binding(8) var<storage, read_write> sstats: array<f32>;
@group(0) @binding(11) var<storage, read_write> small: array<f32>;
@group(0) @binding(12) var<storage, read_write> mpart: array<f32>;

var<workgroup> pvs: array<f32, 640>;
var<workgroup> mism: array<f32, 64>;

@compute @workgroup_size(64)
fn metric(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) t: u32) {
  let K = P.K;
  let d = P.d;
  let i = wid.x * WG + t;
  var pv: array<f32, 10>;
  var miss = 0.0;
  if (i < P.N) {
    let y = labels[i];
    for (var k = 0u; k < K; k++) {
      var s = 0.0;
      for (var j = 0u; j < d; j++) {
        // v_i formed first, so a collapsed class keeps its tiny spread in f32.
        s += small[MC + k * d + j] * (hCur[i * d + j] - small[MEANS + y * d + j]);
      }
      pv[k] = s;
    }
    // dist_k − dist_y = 2(pv_y − pv_k) + ‖μ_y − μ_k‖²; ties go to the lowest k, as on the CPU.
    var nearest = 0u;
    var dBest = 3.4e38;
    for (var k = 0u; k < K; k++) {
      var dist = 0.0;
      if (k != y) {
        dist = 2.0 * (pv[y] - pv[k]) + small[DM + y * K + k];
      }
      if (dist < dBest) {
        dBest = dist;
        nearest = k;
      }
    }
    miss = select(0.0, 1.0, nearest != u32(sstats[i * 4u + 3u]));
  }
  for (var k = 0u; k < K; k++) {
    pvs[t * K + k] = pv[k];
  }
  mism[t] = miss;
  workgroupBarrier();
  let stride = K * K + 1u;
  for (var e = t; e < K * K + 1u; e += WG) {
    var acc = 0.0;
    if (e < K * K) {
      let a = e / K;
      let c = e % K;
      for (var r = 0u; r < WG; r++) {
        acc += pvs[r * K + a] * pvs[r * K + c];
      }
    } else {
      for (var r = 0u; r < WG; r++) {
        acc += mism[r];
      }
    }
    mpart[wid.x * stride + e] = acc;
  }
}
