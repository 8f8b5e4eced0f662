// One update of every prompt's softmax policy: one workgroup per prompt, a workgroup reduction
// over its K actions. The f32 twin of src/instruments/entropy/science/step.ts (its oracle): the
// maths, the sources and the design choices are documented there. Needs lib/counter_rng.wgsl and
// the constants ALG (0 pg, 1 npg, 2 grpo), METHOD (0 none, 1 bonus, 2 clip-cov, 3 kl-cov,
// 4 steer, 5 div), DIV (0 rkl, 1 fkl, 2 js), and the sizes WG (invocations, a power of two ≥ G),
// MAX_K (≥ K) and MAX_G (≥ G), which the TS side prepends: one pipeline per
// (alg, method) holds only its own path, so SwiftShader compiles it in seconds, not tens of them.

struct Params {
  B: u32, K: u32, G: u32, pad2: u32,
  pad3: u32, pad4: u32, seed: u32, selCount: u32,
  lr: f32, invTemp: f32, coef: f32, divCoef: f32,
  clipR: f32, wLow: f32, wHigh: f32, klK: f32,
  klBeta: f32, steerWMin: f32, pad0: f32, pad1: f32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> z: array<f32>;
@group(0) @binding(2) var<storage, read> rewards: array<f32>;
@group(0) @binding(3) var<storage, read> correct: array<f32>;
@group(0) @binding(4) var<storage, read> logRef: array<f32>;
@group(0) @binding(5) var<storage, read_write> stats: array<vec4<f32>>;
@group(0) @binding(6) var<storage, read> ctrl: array<u32>;

const NEG = -3.0e38;

var<workgroup> sPi: array<f32, MAX_K>;
var<workgroup> sAux: array<f32, MAX_K>;  // effective advantage (exact) or prefix sums (grpo)
var<workgroup> sCov: array<f32, MAX_K>;  // KL-Cov's covariances in exact mode
var<workgroup> sRed: array<vec4<f32>, WG>;
var<workgroup> sOut: vec4<f32>;
var<workgroup> sLeft: f32;
var<workgroup> tAct: array<u32, MAX_G>;
var<workgroup> tR: array<f32, MAX_G>;
var<workgroup> tA: array<f32, MAX_G>;
var<workgroup> tLogp: array<f32, MAX_G>;
var<workgroup> tPi: array<f32, MAX_G>;
var<workgroup> tCov: array<f32, MAX_G>;
var<workgroup> tKey: array<u32, MAX_G>;
var<workgroup> tW: array<f32, MAX_G>;

fn reduce_sum(lid: u32, v: vec4<f32>) -> vec4<f32> {
  sRed[lid] = v;
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s = s >> 1u) {
    if (lid < s) { sRed[lid] = sRed[lid] + sRed[lid + s]; }
    workgroupBarrier();
  }
  if (lid == 0u) { sOut = sRed[0]; }
  return workgroupUniformLoad(&sOut);
}

fn reduce_max(lid: u32, v: f32) -> f32 {
  sRed[lid] = vec4<f32>(v, 0.0, 0.0, 0.0);
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s = s >> 1u) {
    if (lid < s) { sRed[lid].x = max(sRed[lid].x, sRed[lid + s].x); }
    workgroupBarrier();
  }
  if (lid == 0u) { sOut = sRed[0]; }
  return workgroupUniformLoad(&sOut).x;
}

// (value, index): the largest value, ties to the lower index (a stable descending sort).
fn reduce_argmax(lid: u32, v: f32, i: f32) -> vec2<f32> {
  sRed[lid] = vec4<f32>(v, i, 0.0, 0.0);
  workgroupBarrier();
  for (var s = WG / 2u; s > 0u; s = s >> 1u) {
    if (lid < s) {
      let a = sRed[lid];
      let b = sRed[lid + s];
      if (b.x > a.x || (b.x == a.x && b.y < a.y)) { sRed[lid] = b; }
    }
    workgroupBarrier();
  }
  if (lid == 0u) { sOut = sRed[0]; }
  return workgroupUniformLoad(&sOut).xy;
}

fn soft_threshold(a: f32, beta: f32) -> f32 { return sign(a) * max(abs(a) - beta, 0.0); }

fn steer_lambda(omega: f32, k: f32, wMin: f32) -> f32 {
  return min(1.0, max(wMin, exp(-k * abs(omega))));
}

// ∂D/∂π_j up to a constant, for rkl and js (divergence.ts).
fn div_g(j: u32, off: u32, lse: f32) -> f32 {
  let lp = z[off + j] * P.invTemp - lse;
  let lr = logRef[off + j];
  if (DIV == 0u) { return lp - lr + 1.0; }
  return 0.5 * (lp - log(0.5 * (sPi[j] + exp(lr))));
}

fn run(b: u32, lid: u32, update: bool) {
  let K = P.K;
  let off = b * K;
  let invT = P.invTemp;
  var m = NEG;
  for (var j = lid; j < K; j += WG) { m = max(m, z[off + j] * invT); }
  m = reduce_max(lid, m);
  var s = 0.0;
  for (var j = lid; j < K; j += WG) {
    let e = exp(z[off + j] * invT - m);
    sPi[j] = e;
    s += e;
  }
  s = reduce_sum(lid, vec4<f32>(s, 0.0, 0.0, 0.0)).x;
  let lse = m + log(s);
  var acc = vec4<f32>(0.0);
  for (var j = lid; j < K; j += WG) {
    let p = sPi[j] / s;
    sPi[j] = p;
    acc += vec4<f32>(p * z[off + j] * invT, p * rewards[off + j], p * correct[off + j], 0.0);
  }
  let tot = reduce_sum(lid, acc);
  let H = lse - tot.x;
  let R = tot.y;
  if (!update) {
    if (lid == 0u) { stats[b] = vec4<f32>(H, R, 0.0, tot.z); }
    return;
  }
  let stepIx = ctrl[0];
  var meanEff = 0.0;
  var sumW = 0.0;
  if (ALG == 2u) {
    sumW = grpo_tokens(b, lid, off, lse, H, stepIx);
  } else {
    meanEff = exact_advantage(lid, off, lse, H, R);
  }
  var meanG = 0.0;
  if (METHOD == 5u && DIV != 1u) {
    var g = 0.0;
    for (var j = lid; j < K; j += WG) { g += sPi[j] * div_g(j, off, lse); }
    meanG = reduce_sum(lid, vec4<f32>(g, 0.0, 0.0, 0.0)).x;
  }
  let eta = P.lr;
  var c = vec4<f32>(0.0);
  for (var j = lid; j < K; j += WG) {
    let p = sPi[j];
    let logp = z[off + j] * invT - lse;
    var dz = 0.0;
    if (ALG == 0u) {
      dz = eta * invT * p * (sAux[j] - meanEff);
    } else if (ALG == 1u) {
      dz = eta * sAux[j];
    } else {
      var sj = 0.0;
      for (var i = 0u; i < P.G; i++) { if (tAct[i] == j) { sj += tW[i]; } }
      dz = eta * invT * (sj - p * sumW) / f32(P.G);
    }
    if (METHOD == 1u) {
      dz -= eta * P.coef * invT * p * (logp + H);
    } else if (METHOD == 5u) {
      var grad = p - exp(logRef[off + j]);
      if (DIV != 1u) { grad = p * (div_g(j, off, lse) - meanG); }
      dz -= eta * P.divCoef * invT * grad;
    }
    let d = dz * invT;
    c += vec4<f32>(p * logp * d, p * d, 0.0, 0.0);
    z[off + j] = z[off + j] + dz;
  }
  let ct = reduce_sum(lid, c);
  if (lid == 0u) { stats[b] = vec4<f32>(H, R, (ct.x + H * ct.y) / eta, tot.z); }
}

// Exact mode: Ã into sAux (exact.ts); returns ⟨π, Ã⟩.
fn exact_advantage(lid: u32, off: u32, lse: f32, H: f32, R: f32) -> f32 {
  let K = P.K;
  for (var j = lid; j < K; j += WG) { sAux[j] = rewards[off + j] - R; }
  if (METHOD == 2u) {
    var mass = 0.0;
    for (var j = lid; j < K; j += WG) {
      let cv = sAux[j] * (z[off + j] * P.invTemp - lse + H);
      if (cv > P.wLow && cv < P.wHigh) { mass += sPi[j]; }
    }
    mass = reduce_sum(lid, vec4<f32>(mass, 0.0, 0.0, 0.0)).x;
    let keep = select(1.0, 1.0 - min(1.0, P.clipR / mass), mass > 0.0);
    for (var j = lid; j < K; j += WG) {
      let cv = sAux[j] * (z[off + j] * P.invTemp - lse + H);
      if (cv > P.wLow && cv < P.wHigh) { sAux[j] = keep * sAux[j]; }
    }
  } else if (METHOD == 3u) {
    for (var j = lid; j < K; j += WG) { sCov[j] = sAux[j] * (z[off + j] * P.invTemp - lse + H); }
    if (lid == 0u) { sLeft = P.klK; }
    for (var it = 0u; it < K; it++) {
      let left = workgroupUniformLoad(&sLeft);
      if (left <= 0.0) { break; }
      var bv = NEG * 1.1;
      var bi = 0.0;
      for (var j = lid; j < K; j += WG) {
        if (sCov[j] > bv) { bv = sCov[j]; bi = f32(j); }
      }
      let best = reduce_argmax(lid, bv, bi);
      if (best.x <= NEG) { break; }
      if (lid == 0u) {
        let idx = u32(best.y);
        let pj = sPi[idx];
        let f = select(1.0, min(1.0, left / pj), pj > 0.0);
        let a = sAux[idx];
        sAux[idx] = (1.0 - f) * a + f * soft_threshold(a, P.klBeta);
        sCov[idx] = NEG;
        sLeft = left - f * pj;
      }
    }
  } else if (METHOD == 4u) {
    var mx = 0.0;
    for (var j = lid; j < K; j += WG) {
      let o = sAux[j] * (1.0 - sPi[j]) * (z[off + j] * P.invTemp - lse + H);
      mx = max(mx, abs(o));
    }
    mx = reduce_max(lid, mx);
    let k = -log(P.steerWMin) / max(mx, 0.02);
    workgroupBarrier();
    for (var j = lid; j < K; j += WG) {
      let o = sAux[j] * (1.0 - sPi[j]) * (z[off + j] * P.invTemp - lse + H);
      sAux[j] = steer_lambda(o, k, P.steerWMin) * sAux[j];
    }
  }
  var me = 0.0;
  for (var j = lid; j < K; j += WG) { me += sPi[j] * sAux[j]; }
  return reduce_sum(lid, vec4<f32>(me, 0.0, 0.0, 0.0)).x;
}

// GRPO: sample G tokens, group-normalised advantages, the covariance rule; tW = Ã_i.
// Returns Σ_i Ã_i.
fn grpo_tokens(b: u32, lid: u32, off: u32, lse: f32, H: f32, step: u32) -> f32 {
  let K = P.K;
  let G = P.G;
  // Prefix sums of π: a contiguous chunk per invocation, then the chunk offsets.
  let chunk = (K + WG - 1u) / WG;
  let start = lid * chunk;
  let end = min(K, start + chunk);
  var part = 0.0;
  for (var j = start; j < end; j++) { part += sPi[j]; sAux[j] = part; }
  sRed[lid] = vec4<f32>(part, 0.0, 0.0, 0.0);
  workgroupBarrier();
  var base = 0.0;
  for (var i = 0u; i < lid; i++) { base += sRed[i].x; }
  for (var j = start; j < end; j++) { sAux[j] += base; }
  workgroupBarrier();
  let total = sAux[K - 1u];
  if (lid < G) {
    let u = counter_uniform(P.seed, step, b, lid, 0u) * total;
    var lo = 0u;
    var hi = K - 1u;
    while (lo < hi) {
      let mid = (lo + hi) >> 1u;
      if (sAux[mid] > u) { hi = mid; } else { lo = mid + 1u; }
    }
    tAct[lid] = lo;
    tR[lid] = rewards[off + lo];
    tPi[lid] = sPi[lo];
    tLogp[lid] = z[off + lo] * P.invTemp - lse;
    tKey[lid] = counter_u32(P.seed, step, b, lid, 1u);
  }
  workgroupBarrier();
  if (lid < G) {
    var mean = 0.0;
    for (var i = 0u; i < G; i++) { mean += tR[i]; }
    mean /= f32(G);
    var v = 0.0;
    for (var i = 0u; i < G; i++) { v += (tR[i] - mean) * (tR[i] - mean); }
    tA[lid] = (tR[lid] - mean) / (sqrt(v / f32(G)) + 1e-6);
  }
  workgroupBarrier();
  if (lid < G) {
    var mA = 0.0;
    var mL = 0.0;
    for (var i = 0u; i < G; i++) { mA += tA[i]; mL += tLogp[i]; }
    mA /= f32(G);
    mL /= f32(G);
    tCov[lid] = (tA[lid] - mA) * (tLogp[lid] - mL);
  }
  workgroupBarrier();
  if (lid < G) {
    let a = tA[lid];
    var w = a;
    if (METHOD == 2u) {
      let c = tCov[lid];
      if (c > P.wLow && c < P.wHigh) {
        var rank = 0u;
        for (var i = 0u; i < G; i++) {
          let ci = tCov[i];
          if (ci > P.wLow && ci < P.wHigh && (tKey[i] < tKey[lid] || (tKey[i] == tKey[lid] && i < lid))) { rank++; }
        }
        if (rank < P.selCount) { w = 0.0; }
      }
    } else if (METHOD == 3u) {
      let c = tCov[lid];
      var rank = 0u;
      for (var i = 0u; i < G; i++) {
        if (tCov[i] > c || (tCov[i] == c && i < lid)) { rank++; }
      }
      if (rank < P.selCount) { w = soft_threshold(a, P.klBeta); }
    } else if (METHOD == 4u) {
      var mx = 0.0;
      for (var i = 0u; i < G; i++) { mx = max(mx, abs(tA[i] * (1.0 - tPi[i]) * (tLogp[i] + H))); }
      let k = -log(P.steerWMin) / max(mx, 0.02);
      w = steer_lambda(a * (1.0 - tPi[lid]) * (tLogp[lid] + H), k, P.steerWMin) * a;
    }
    tW[lid] = w;
  }
  workgroupBarrier();
  var sumW = 0.0;
  for (var i = 0u; i < G; i++) { sumW += tW[i]; }
  return sumW;
}

@compute @workgroup_size(WG)
fn step(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  run(wid.x, lid, true);
}

@compute @workgroup_size(WG)
fn measure(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  run(wid.x, lid, false);
}
