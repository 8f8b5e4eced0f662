// One update of every prompt's softmax policy in the exact modes (alg pg or npg): one invocation
// per prompt, its K actions in a loop, π and Ã in a B×K scratch buffer. No barriers and no
// workgroup memory, which on SwiftShader (the CPU-emulated GPU) is what costs: a barrier stops
// every invocation of a workgroup, and step.wgsl's reductions take some forty per prompt. The
// f32 twin of science/step.ts for pg and npg; grpo (sampled tokens) stays in step.wgsl. Needs the
// constants ALG, METHOD, DIV (see step.wgsl) prepended.

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
// [0, B·K): π; [B·K, 2·B·K): Ã, both action-major (see PI and ADV).
@group(0) @binding(8) var<storage, read_write> scratch: array<f32>;

const NEG = -3.0e38;

// Scratch is action-major ([j·B + b]): neighbouring invocations (prompts) touch neighbouring
// words, which SwiftShader's SIMD lanes load together instead of gathering K words apart.
fn PI(j: u32, off: u32) -> u32 { return j * P.B + off / P.K; }
fn ADV(j: u32, off: u32) -> u32 { return P.B * P.K + j * P.B + off / P.K; }

fn soft_threshold(a: f32, beta: f32) -> f32 { return sign(a) * max(abs(a) - beta, 0.0); }

fn steer_lambda(omega: f32, k: f32, wMin: f32) -> f32 {
  return min(1.0, max(wMin, exp(-k * abs(omega))));
}

// ∂D/∂π_j up to a constant, for rkl and js (divergence.ts).
fn div_g(p: f32, logp: f32, lr: f32) -> f32 {
  if (DIV == 0u) { return logp - lr + 1.0; }
  return 0.5 * (logp - log(0.5 * (p + exp(lr))));
}

// Ã of the exact rules (exact.ts) into scratch[ADV(j, off)]; A_j = r_j − R is already there.
fn exact_rules(off: u32, A: u32, lse: f32, H: f32) {
  let K = P.K;
  if (METHOD == 2u) {
    var mass = 0.0;
    for (var j = 0u; j < K; j++) {
      let cv = scratch[ADV(j, off)] * (z[off + j] * P.invTemp - lse + H);
      if (cv > P.wLow && cv < P.wHigh) { mass += scratch[PI(j, off)]; }
    }
    if (mass <= 0.0) { return; }
    let keep = 1.0 - min(1.0, P.clipR / mass);
    for (var j = 0u; j < K; j++) {
      let cv = scratch[ADV(j, off)] * (z[off + j] * P.invTemp - lse + H);
      if (cv > P.wLow && cv < P.wHigh) { scratch[ADV(j, off)] = keep * scratch[ADV(j, off)]; }
    }
  } else if (METHOD == 3u) {
    // Greedy by decreasing Cov_a = A_a (log π_a + H), ties to the lower index: each pass takes
    // the largest (value, index) after the last one taken in that order, so no action needs
    // marking and no extra buffer is needed.
    var left = P.klK;
    var lastV = 3.0e38;
    var lastI = -1;
    for (var it = 0u; it < K && left > 0.0; it++) {
      var bv = NEG * 1.1;
      var bi = -1;
      for (var j = 0u; j < K; j++) {
        let cv = covA(off, A, j, lse, H);
        let after = cv < lastV || (cv == lastV && i32(j) > lastI);
        if (after && (bi < 0 || cv > bv)) { bv = cv; bi = i32(j); }
      }
      if (bi < 0) { break; }
      let idx = u32(bi);
      let pj = scratch[PI(idx, off)];
      let f = select(1.0, min(1.0, left / pj), pj > 0.0);
      let a = scratch[ADV(idx, off)];
      scratch[ADV(idx, off)] = (1.0 - f) * a + f * soft_threshold(a, P.klBeta);
      left -= f * pj;
      lastV = bv;
      lastI = bi;
    }
  } else if (METHOD == 4u) {
    var mx = 0.0;
    for (var j = 0u; j < K; j++) {
      let o = scratch[ADV(j, off)] * (1.0 - scratch[PI(j, off)]) * (z[off + j] * P.invTemp - lse + H);
      mx = max(mx, abs(o));
    }
    let k = -log(P.steerWMin) / max(mx, 0.02);
    for (var j = 0u; j < K; j++) {
      let o = scratch[ADV(j, off)] * (1.0 - scratch[PI(j, off)]) * (z[off + j] * P.invTemp - lse + H);
      scratch[ADV(j, off)] = steer_lambda(o, k, P.steerWMin) * scratch[ADV(j, off)];
    }
  }
}

// KL-Cov's Cov_a from the *original* advantage: the greedy pass changes Ã of taken actions
// only, and a taken action is never compared again, so A_a = r_a − R is recomputed here.
fn covA(off: u32, A: u32, j: u32, lse: f32, H: f32) -> f32 {
  return (rewards[off + j] - stats[off / P.K].y) * (z[off + j] * P.invTemp - lse + H);
}

fn run(b: u32, update: bool) {
  if (b >= P.B) { return; }
  let K = P.K;
  let off = b * K;
  let A = P.B * K + off;
  let invT = P.invTemp;
  var m = NEG;
  for (var j = 0u; j < K; j++) { m = max(m, z[off + j] * invT); }
  var s = 0.0;
  for (var j = 0u; j < K; j++) {
    let e = exp(z[off + j] * invT - m);
    scratch[PI(j, off)] = e;
    s += e;
  }
  let lse = m + log(s);
  var pu = 0.0;
  var R = 0.0;
  var Pc = 0.0;
  for (var j = 0u; j < K; j++) {
    let p = scratch[PI(j, off)] / s;
    scratch[PI(j, off)] = p;
    pu += p * z[off + j] * invT;
    R += p * rewards[off + j];
    Pc += p * correct[off + j];
  }
  let H = lse - pu;
  // R is parked in stats before the update, where covA reads it back.
  stats[b] = vec4<f32>(H, R, 0.0, Pc);
  if (!update) { return; }
  for (var j = 0u; j < K; j++) { scratch[ADV(j, off)] = rewards[off + j] - R; }
  exact_rules(off, A, lse, H);
  var meanEff = 0.0;
  for (var j = 0u; j < K; j++) { meanEff += scratch[PI(j, off)] * scratch[ADV(j, off)]; }
  var meanG = 0.0;
  if (METHOD == 5u && DIV != 1u) {
    for (var j = 0u; j < K; j++) {
      let p = scratch[PI(j, off)];
      meanG += p * div_g(p, z[off + j] * invT - lse, logRef[off + j]);
    }
  }
  let eta = P.lr;
  var cLD = 0.0;
  var cD = 0.0;
  for (var j = 0u; j < K; j++) {
    let p = scratch[PI(j, off)];
    let logp = z[off + j] * invT - lse;
    var dz = 0.0;
    if (ALG == 0u) {
      dz = eta * invT * p * (scratch[ADV(j, off)] - meanEff);
    } else {
      dz = eta * scratch[ADV(j, off)];
    }
    if (METHOD == 1u) {
      dz -= eta * P.coef * invT * p * (logp + H);
    } else if (METHOD == 5u) {
      var grad = p - exp(logRef[off + j]);
      if (DIV != 1u) { grad = p * (div_g(p, logp, logRef[off + j]) - meanG); }
      dz -= eta * P.divCoef * invT * grad;
    }
    let d = dz * invT;
    cLD += p * logp * d;
    cD += p * d;
    z[off + j] = z[off + j] + dz;
  }
  stats[b] = vec4<f32>(H, R, (cLD + H * cD) / eta, Pc);
}

@compute @workgroup_size(64)
fn step(@builtin(global_invocation_id) gid: vec3<u32>) {
  run(gid.x, true);
}

@compute @workgroup_size(64)
fn measure(@builtin(global_invocation_id) gid: vec3<u32>) {
  run(gid.x, false);
}
