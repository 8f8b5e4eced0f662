// One update of every prompt's softmax policy, fused with the measurement of the updated policy:
// the f32 twin of src/instruments/entropy/science/step.ts (its oracle; the maths, sources and
// design choices are documented there, and exact.ts / tokens.ts for the interventions).
//
// Shape for a software adapter (SwiftShader runs four invocations in the lanes of one SIMD
// register; every storage access whose address is not a compile-time constant is a gather with
// bounds checks, and every workgroupBarrier switches coroutines): one invocation per prompt, its
// row in a loop of vec4 chunks, no barriers and no workgroup memory. Each pass reads the row once;
// π is recomputed (one exp) wherever it is needed instead of being stored and gathered again. The
// update pass measures the new row on the fly (sums shifted by the old lse, see `step`), so the
// next step starts from stored (lse, H, R) without a measuring pass of its own.
//
// Rows are padded to K4 vec4 chunks: padded logits hold PAD (π = 0), padded rewards 0. Rewards
// that are all 0 or 1 come as bits (BINARY), the correct-answer flags always do; so the hot loop
// reads and writes z only.
//
// The host prepends (kernels/params.ts): K, K4 (⌈K/4⌉), KW (u32 words of bits per row, ⌈K/32⌉),
// G (rollouts; 1 in exact modes), ALG (0 pg, 1 npg, 2 grpo), METHOD (0 none, 1 bonus, 2 clip-cov,
// 3 kl-cov, 4 steer, 5 div), DIV (0 rkl, 1 fkl, 2 js), BINARY; and lib/counter_rng.wgsl.

struct Params {
  B: u32, K: u32, G: u32, pad2: u32,
  pad3: u32, pad4: u32, seed: u32, selCount: u32,
  lr: f32, invTemp: f32, coef: f32, divCoef: f32,
  clipR: f32, wLow: f32, wHigh: f32, klK: f32,
  klBeta: f32, steerWMin: f32, pad0: f32, pad1: f32,
}

// The step counter of reduce.wgsl (the RNG key of a sampled step).
struct Ctrl { step: u32, first: u32, pad0: u32, pad1: u32, cur: vec4<f32> }

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read_write> z: array<vec4<f32>>;
// [0, B·KW): reward bits (BINARY); [B·KW, 2·B·KW): correct-answer bits.
@group(0) @binding(2) var<storage, read> bits: array<u32>;
// Rewards as f32 rows (not BINARY only).
@group(0) @binding(3) var<storage, read> rvals: array<vec4<f32>>;
// log π_ref rows (METHOD == 5 only).
@group(0) @binding(4) var<storage, read> logRef: array<vec4<f32>>;
// Per prompt after its last pass: (H, R, C, P), C of the update that led there.
@group(0) @binding(5) var<storage, read_write> stats: array<vec4<f32>>;
@group(0) @binding(6) var<storage, read> ctrl: Ctrl;
// Per prompt: log-sum-exp of z/T of the current row.
@group(0) @binding(7) var<storage, read_write> lseBuf: array<f32>;

const NEG = -3.0e38;
const LANES = vec4<u32>(0u, 1u, 2u, 3u);

// The four flags of chunk q from the low nibble of `word` (the caller shifts the word by 4 per
// chunk: per-lane shift counts have no SSE instruction and SwiftShader splits them per lane).
fn nibble(word: u32) -> vec4<f32> {
  let on = (vec4<u32>(word) & vec4<u32>(1u, 2u, 4u, 8u)) != vec4<u32>(0u);
  return select(vec4<f32>(0.0), vec4<f32>(1.0), on);
}

// Reward bits of row b, word w (BINARY), and its correct-answer bits.
fn rbits(b: u32, w: u32) -> u32 { return bits[b * KW + w]; }
fn cbits(b: u32, w: u32) -> u32 { return bits[(P.B + b) * KW + w]; }

// The rewards of chunk q, in the hot loops from the current reward word (see nibble).
fn chunk_rewards(b: u32, q: u32, word: u32) -> vec4<f32> {
  if (BINARY) { return nibble(word); }
  return rvals[b * K4 + q];
}

// The rewards of chunk q, for the passes that are not hot.
fn rewards4(b: u32, q: u32) -> vec4<f32> {
  return chunk_rewards(b, q, select(0u, rbits(b, q / 8u) >> ((q & 7u) * 4u), BINARY));
}

// Which lanes of chunk q are actions (not padding).
fn live4(q: u32) -> vec4<bool> { return vec4<u32>(4u * q) + LANES < vec4<u32>(K); }

// Sums over a row of e_j = exp(u_j − c) for a shift c: S = Σ e, T = Σ e (u − c), and the
// e-weighted rewards and correct flags, one running sum per vec4 lane.
struct Sums { s: vec4<f32>, t: vec4<f32>, r: vec4<f32>, c: vec4<f32> }

fn sums_add(a: Sums, u: vec4<f32>, shift: f32, r: vec4<f32>, c: vec4<f32>) -> Sums {
  let d = u - vec4<f32>(shift);
  let e = exp(d);
  return Sums(a.s + e, a.t + e * d, a.r + e * r, a.c + e * c);
}

// (lse, H, R, P) from the sums: H = log S − T/S, so a collapsed policy (u ≈ c for its one likely
// action) loses no digits to lse − ⟨π, u⟩.
fn sums_end(a: Sums, shift: f32) -> vec4<f32> {
  let one = vec4<f32>(1.0);
  let S = dot(a.s, one);
  let logS = log(S);
  return vec4<f32>(shift + logS, logS - dot(a.t, one) / S, dot(a.r, one) / S, dot(a.c, one) / S);
}

// Measures row b in two passes, shifted by its largest u (the initial rows, and an update whose
// step moved the row so far that the old lse no longer serves as a shift).
fn measure_row(b: u32) -> vec4<f32> {
  var m = vec4<f32>(NEG);
  for (var q = 0u; q < K4; q++) { m = max(m, z[b * K4 + q]); }
  let shift = max(max(m.x, m.y), max(m.z, m.w)) * P.invTemp;
  var a = Sums(vec4<f32>(0.0), vec4<f32>(0.0), vec4<f32>(0.0), vec4<f32>(0.0));
  var rb = 0u;
  var cb = 0u;
  for (var q = 0u; q < K4; q++) {
    if ((q & 7u) == 0u) {
      rb = select(0u, rbits(b, q / 8u), BINARY);
      cb = cbits(b, q / 8u);
    }
    a = sums_add(a, z[b * K4 + q] * P.invTemp, shift, chunk_rewards(b, q, rb), nibble(cb));
    rb = rb >> 4u;
    cb = cb >> 4u;
  }
  return sums_end(a, shift);
}

fn soft_threshold(a: vec4<f32>, beta: f32) -> vec4<f32> {
  return sign(a) * max(abs(a) - vec4<f32>(beta), vec4<f32>(0.0));
}

fn steer_lambda(omega: vec4<f32>, k: f32, wMin: f32) -> vec4<f32> {
  return min(vec4<f32>(1.0), max(vec4<f32>(wMin), exp(-k * abs(omega))));
}

// ∂D/∂π_j up to a constant, for rkl and js (divergence.ts).
fn div_g(p: vec4<f32>, logp: vec4<f32>, lr: vec4<f32>) -> vec4<f32> {
  if (DIV == 0u) { return logp - lr + vec4<f32>(1.0); }
  return 0.5 * (logp - log(0.5 * (p + exp(lr))));
}

// Measures the initial rows (once per run).
@compute @workgroup_size(64)
fn measure(@builtin(global_invocation_id) gid: vec3<u32>) {
  let b = gid.x;
  if (b >= P.B) { return; }
  let m = measure_row(b);
  lseBuf[b] = m.x;
  stats[b] = vec4<f32>(m.y, m.z, 0.0, m.w);
}

// What the exact rules (exact.ts) need before the update pass: Ã_j from A_j, π_j, log π_j.
struct Rule {
  // clip-cov: the kept fraction of window tokens; steer: k; kl-cov: the fraction of the last
  // action taken.
  a: f32,
  // kl-cov: the last action taken in the order (Cov descending, index ascending), or −1.
  lastV: f32,
  lastI: i32,
  // ⟨π, Ã⟩ (pg subtracts it; it is 0 up to rounding when Ã = A, so then it is left at 0).
  meanEff: f32,
  // div (rkl, js): ⟨π, g⟩.
  meanG: f32,
}

fn pi_row(b: u32, q: u32, lse: f32) -> vec4<f32> {
  return z[b * K4 + q] * P.invTemp - vec4<f32>(lse);
}

fn in_window(cv: vec4<f32>) -> vec4<bool> {
  return (cv > vec4<f32>(P.wLow)) & (cv < vec4<f32>(P.wHigh));
}

// The last action taken is named by its index: the compiler may round its Cov here one ulp away
// from the value the greedy pass compared.
fn kl_taken(cv: vec4<f32>, q: u32, rule: Rule) -> vec4<bool> {
  let j = vec4<i32>(vec4<u32>(4u * q) + LANES);
  let lv = vec4<f32>(rule.lastV);
  let li = vec4<i32>(rule.lastI);
  return (cv > lv) | ((cv == lv) & (j < li)) | (j == li);
}

fn effective(A: vec4<f32>, p: vec4<f32>, logp: vec4<f32>, H: f32, q: u32, rule: Rule) -> vec4<f32> {
  if (METHOD == 2u) {
    return select(A, rule.a * A, in_window(A * (logp + vec4<f32>(H))));
  } else if (METHOD == 3u) {
    let cv = A * (logp + vec4<f32>(H));
    let j = vec4<i32>(vec4<u32>(4u * q) + LANES);
    let f = select(vec4<f32>(1.0), vec4<f32>(rule.a), j == vec4<i32>(rule.lastI));
    let taken = kl_taken(cv, q, rule) & live4(q);
    return select(A, (1.0 - f) * A + f * soft_threshold(A, P.klBeta), taken);
  } else if (METHOD == 4u) {
    let o = A * (1.0 - p) * (logp + vec4<f32>(H));
    return steer_lambda(o, rule.a, P.steerWMin) * A;
  }
  return A;
}

// The passes before the update that a rule needs (none for none and bonus, nor for fkl).
fn exact_rule(b: u32, lse: f32, H: f32, R: f32) -> Rule {
  var rule = Rule(1.0, 0.0, -1, 0.0, 0.0);
  if (METHOD == 2u) {
    // Ã = keep·A on the window; ⟨π, Ã⟩ = ⟨π, A⟩ − (1 − keep)·Σ_window π A, with ⟨π, A⟩ = 0.
    var mass = 0.0;
    var wa = 0.0;
    for (var q = 0u; q < K4; q++) {
      let logp = pi_row(b, q, lse);
      let p = exp(logp);
      let A = rewards4(b, q) - vec4<f32>(R);
      let w = in_window(A * (logp + vec4<f32>(H)));
      mass += dot(select(vec4<f32>(0.0), p, w), vec4<f32>(1.0));
      wa += dot(select(vec4<f32>(0.0), p * A, w), vec4<f32>(1.0));
    }
    if (mass > 0.0) { rule.a = 1.0 - min(1.0, P.clipR / mass); }
    rule.meanEff = -(1.0 - rule.a) * wa;
  } else if (METHOD == 3u) {
    // Greedy by decreasing Cov_a = A_a (log π_a + H), ties to the lower index: each pass takes
    // the largest (Cov, index) after the last one taken in that order, so the taken set is
    // everything up to (lastV, lastI) and the update pass can tell it without marks.
    var left = P.klK;
    var lastV = 3.0e38;
    var lastI = -1;
    var f = 1.0;
    var shift = 0.0;
    for (var it = 0u; it < K && left > 0.0; it++) {
      var bv = NEG;
      var bi = -1;
      var bp = 0.0;
      var ba = 0.0;
      for (var q = 0u; q < K4; q++) {
        let logp = pi_row(b, q, lse);
        let A = rewards4(b, q) - vec4<f32>(R);
        let cv = A * (logp + vec4<f32>(H));
        let live = live4(q);
        for (var l = 0u; l < 4u; l++) {
          let j = i32(4u * q + l);
          let after = cv[l] < lastV || (cv[l] == lastV && j > lastI);
          if (live[l] && after && (bi < 0 || cv[l] > bv)) {
            bv = cv[l];
            bi = j;
            bp = exp(logp[l]);
            ba = A[l];
          }
        }
      }
      if (bi < 0) { break; }
      f = select(1.0, min(1.0, left / bp), bp > 0.0);
      // A partial take spends the rest of the mass (exactly, not up to rounding), so only the
      // last action taken can have f < 1.
      left = select(left - bp, 0.0, f < 1.0);
      shift += bp * f * (soft_threshold(vec4<f32>(ba), P.klBeta).x - ba);
      lastV = bv;
      lastI = bi;
    }
    rule.a = f;
    rule.lastV = lastV;
    rule.lastI = lastI;
    rule.meanEff = shift;
  } else if (METHOD == 4u) {
    var mx = 0.0;
    for (var q = 0u; q < K4; q++) {
      let logp = pi_row(b, q, lse);
      let A = rewards4(b, q) - vec4<f32>(R);
      let o = A * (1.0 - exp(logp)) * (logp + vec4<f32>(H));
      let a = select(vec4<f32>(0.0), abs(o), live4(q));
      mx = max(mx, max(max(a.x, a.y), max(a.z, a.w)));
    }
    rule.a = -log(P.steerWMin) / max(mx, 0.02);
    var me = 0.0;
    for (var q = 0u; q < K4; q++) {
      let logp = pi_row(b, q, lse);
      let p = exp(logp);
      let A = rewards4(b, q) - vec4<f32>(R);
      me += dot(p * effective(A, p, logp, H, q, rule), vec4<f32>(1.0));
    }
    rule.meanEff = me;
  }
  return rule;
}

// div (rkl, js): ⟨π, g⟩, for every alg.
fn mean_div_g(b: u32, lse: f32) -> f32 {
  var g = 0.0;
  for (var q = 0u; q < K4; q++) {
    let logp = pi_row(b, q, lse);
    let p = exp(logp);
    g += dot(p * div_g(p, logp, logRef[b * K4 + q]), vec4<f32>(1.0));
  }
  return g;
}

// GRPO's sampled tokens of one prompt, in increasing action order: their actions and Ã_i.
struct Tokens { act: array<u32, G>, w: array<f32, G>, sumW: f32 }

// G draws y_i ∼ π by inverse CDF (the first action whose prefix sum exceeds u_i), group-normalised
// advantages, the covariance rule, Ã_i. The draws are sorted first, so one pass over the row
// places them all: the prefix sums are formed in the order of step.ts, in f32.
fn grpo_tokens(b: u32, lse: f32, H: f32) -> Tokens {
  let step = ctrl.step;
  var us: array<f32, G>;
  var ord: array<u32, G>;
  for (var i = 0u; i < G; i++) {
    let u = counter_uniform(P.seed, step, b, i, 0u);
    var k = i;
    while (k > 0u && us[k - 1u] > u) {
      us[k] = us[k - 1u];
      ord[k] = ord[k - 1u];
      k--;
    }
    us[k] = u;
    ord[k] = i;
  }
  var act: array<u32, G>;
  for (var i = 0u; i < G; i++) { act[i] = K - 1u; }
  // The next draw to place is kept in a register (nextU; 2 once all are placed): indexing `us`
  // by k in every chunk would be a gather.
  var k = 0u;
  var nextU = us[0];
  var c = 0.0;
  for (var q = 0u; q < K4 && k < G; q++) {
    let p = exp(pi_row(b, q, lse));
    let c1 = c + p.x;
    let c2 = c1 + p.y;
    let c3 = c2 + p.z;
    let c4 = c3 + p.w;
    while (nextU < c4) {
      act[ord[k]] = 4u * q + select(select(select(3u, 2u, nextU < c3), 1u, nextU < c2), 0u, nextU < c1);
      k++;
      nextU = select(2.0, us[min(k, G - 1u)], k < G);
    }
    c = c4;
  }
  // Per token (in rollout order): reward, log π, π; group-normalised advantage.
  var A: array<f32, G>;
  var logp: array<f32, G>;
  var mean = 0.0;
  for (var i = 0u; i < G; i++) {
    let a = act[i];
    let r = rewards4(b, a / 4u)[a & 3u];
    A[i] = r;
    mean += r;
    logp[i] = z[b * K4 + a / 4u][a & 3u] * P.invTemp - lse;
  }
  mean /= f32(G);
  var v = 0.0;
  for (var i = 0u; i < G; i++) { v += (A[i] - mean) * (A[i] - mean); }
  let sd = sqrt(v / f32(G));
  var w: array<f32, G>;
  for (var i = 0u; i < G; i++) {
    A[i] = (A[i] - mean) / (sd + 1e-6);
    w[i] = A[i];
  }
  if (METHOD == 2u || METHOD == 3u) {
    var mA = 0.0;
    var mL = 0.0;
    for (var i = 0u; i < G; i++) { mA += A[i]; mL += logp[i]; }
    mA /= f32(G);
    mL /= f32(G);
    var cov: array<f32, G>;
    for (var i = 0u; i < G; i++) { cov[i] = (A[i] - mA) * (logp[i] - mL); }
    if (METHOD == 2u) {
      // The candidates with the smallest counter-RNG keys (tokens.ts clipCovSelect).
      var key: array<u32, G>;
      for (var i = 0u; i < G; i++) { key[i] = counter_u32(P.seed, step, b, i, 1u); }
      for (var i = 0u; i < G; i++) {
        if (cov[i] > P.wLow && cov[i] < P.wHigh) {
          var rank = 0u;
          for (var j = 0u; j < G; j++) {
            let cand = cov[j] > P.wLow && cov[j] < P.wHigh;
            if (cand && (key[j] < key[i] || (key[j] == key[i] && j < i))) { rank++; }
          }
          if (rank < P.selCount) { w[i] = 0.0; }
        }
      }
    } else {
      for (var i = 0u; i < G; i++) {
        var rank = 0u;
        for (var j = 0u; j < G; j++) {
          if (cov[j] > cov[i] || (cov[j] == cov[i] && j < i)) { rank++; }
        }
        if (rank < P.selCount) { w[i] = soft_threshold(vec4<f32>(A[i]), P.klBeta).x; }
      }
    }
  } else if (METHOD == 4u) {
    var mx = 0.0;
    for (var i = 0u; i < G; i++) {
      mx = max(mx, abs(A[i] * (1.0 - exp(logp[i])) * (logp[i] + H)));
    }
    let k = -log(P.steerWMin) / max(mx, 0.02);
    for (var i = 0u; i < G; i++) {
      let o = A[i] * (1.0 - exp(logp[i])) * (logp[i] + H);
      w[i] = steer_lambda(vec4<f32>(o), k, P.steerWMin).x * A[i];
    }
  }
  var t: Tokens;
  t.sumW = 0.0;
  for (var i = 0u; i < G; i++) {
    t.act[i] = act[ord[i]];
    t.w[i] = w[ord[i]];
    t.sumW += w[i];
  }
  return t;
}

// One update of prompt b and the measurement of its new row.
@compute @workgroup_size(64)
fn step(@builtin(global_invocation_id) gid: vec3<u32>) {
  let b = gid.x;
  if (b >= P.B) { return; }
  let lse = lseBuf[b];
  let st = stats[b];
  let H = st.x;
  let R = st.y;
  let eta = P.lr;
  let invT = P.invTemp;
  var rule = Rule(1.0, 0.0, -1, 0.0, 0.0);
  var tok: Tokens;
  if (ALG == 2u) {
    tok = grpo_tokens(b, lse, H);
  } else {
    rule = exact_rule(b, lse, H, R);
  }
  if (METHOD == 5u && DIV != 1u) { rule.meanG = mean_div_g(b, lse); }
  // The chunk of the next token (K4 once all are added), in a register as nextU above.
  var k = 0u;
  var nextQ = select(K4, tok.act[0] / 4u, ALG == 2u);
  // The new row is measured on the fly, shifted by the old lse: Σ e^(u′ − lse) = Σ π e^(Δu) stays
  // near 1 unless a step moves some logit by tens of nats, and then measure_row redoes it.
  var a = Sums(vec4<f32>(0.0), vec4<f32>(0.0), vec4<f32>(0.0), vec4<f32>(0.0));
  var cLD = vec4<f32>(0.0);
  var cD = vec4<f32>(0.0);
  var rb = 0u;
  var cb = 0u;
  for (var q = 0u; q < K4; q++) {
    if ((q & 7u) == 0u) {
      rb = select(0u, rbits(b, q / 8u), BINARY);
      cb = cbits(b, q / 8u);
    }
    let zq = z[b * K4 + q];
    let logp = zq * invT - vec4<f32>(lse);
    let p = exp(logp);
    let r = chunk_rewards(b, q, rb);
    var dz: vec4<f32>;
    if (ALG == 2u) {
      // Σ_i Ã_i (e_{y_i} − π) / G; the tokens are in action order.
      var s = vec4<f32>(0.0);
      while (q == nextQ) {
        s[tok.act[k] & 3u] += tok.w[k];
        k++;
        nextQ = select(K4, tok.act[min(k, G - 1u)] / 4u, k < G);
      }
      dz = eta * invT * (s - p * tok.sumW) / f32(G);
    } else {
      let eff = effective(r - vec4<f32>(R), p, logp, H, q, rule);
      if (ALG == 0u) {
        dz = eta * invT * p * (eff - vec4<f32>(rule.meanEff));
      } else {
        dz = eta * eff;
      }
    }
    if (METHOD == 1u) {
      dz -= eta * P.coef * invT * p * (logp + vec4<f32>(H));
    } else if (METHOD == 5u) {
      let lr = logRef[b * K4 + q];
      var grad = p - exp(lr);
      if (DIV != 1u) { grad = p * (div_g(p, logp, lr) - vec4<f32>(rule.meanG)); }
      dz -= eta * P.divCoef * invT * grad;
    }
    let d = dz * invT;
    cLD += p * logp * d;
    cD += p * d;
    let zn = zq + dz;
    z[b * K4 + q] = zn;
    a = sums_add(a, zn * invT, lse, r, nibble(cb));
    rb = rb >> 4u;
    cb = cb >> 4u;
  }
  var m = sums_end(a, lse);
  let S = dot(a.s, vec4<f32>(1.0));
  if (!(S > 1e-20 && S < 1e20)) { m = measure_row(b); }
  lseBuf[b] = m.x;
  let C = (dot(cLD, vec4<f32>(1.0)) + H * dot(cD, vec4<f32>(1.0))) / eta;
  stats[b] = vec4<f32>(m.y, m.z, C, m.w);
}
