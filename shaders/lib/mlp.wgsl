// Shared pieces of the one-hidden-layer MLP kernels (d → h → k).
// Oracle: class Mlp in src/science/mlp/mlp.ts, whose flat parameter layout this mirrors:
//   W1 h×d row-major at 0, b1 (h) at h·d, W2 k×h row-major at h·d + h, b2 (k) after W2.
//
// Every MLP kernel binds the sizes at 0, the parameters at 1 and the inputs at 2. `theta`
// may hold more than one parameter-shaped vector (the JVP kernel appends its direction v at
// dims.dir). The host prepends `const TANH: bool = …;` (the activation; ReLU when false) and
// `const CLASSES: u32 = k;` (sizes per-invocation arrays): one pipeline per (k, activation).
//
// Inputs come in blocks of 4 samples, xb[b·d + c] = (x[4b, c], …, x[4b+3, c]) (zero-padded
// past n), so one invocation can work on 4 samples with each weight loaded once: on a
// software adapter that is several times faster than one sample per invocation.
struct MlpDims {
  n: u32,
  d: u32,
  h: u32,
  k: u32,
  dir: u32,
}

@group(0) @binding(0) var<uniform> dims: MlpDims;
@group(0) @binding(1) var<storage, read> theta: array<f32>;
@group(0) @binding(2) var<storage, read> xb: array<vec4f>;

fn offB1() -> u32 { return dims.h * dims.d; }
fn offW2() -> u32 { return dims.h * dims.d + dims.h; }
fn offB2() -> u32 { return dims.h * dims.d + dims.h + dims.k * dims.h; }
fn paramCount() -> u32 { return offB2() + dims.k; }

// Blocks of 4 samples, and quads of 4 hidden units (the last of each may be partial).
fn blocks() -> u32 { return (dims.n + 3u) / 4u; }
fn quads() -> u32 { return (dims.h + 3u) / 4u; }

fn activate(pre: vec4f) -> vec4f {
  if (TANH) { return tanh(pre); }
  return max(pre, vec4f(0.0));
}

// σ'(pre) given act = σ(pre); ReLU'(0) = 0 as in the oracle (and PyTorch).
fn slope(pre: vec4f, act: vec4f) -> vec4f {
  if (TANH) { return 1.0 - act * act; }
  return select(vec4f(0.0), vec4f(1.0), pre > vec4f(0.0));
}
