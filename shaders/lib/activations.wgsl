// Hidden-layer activations on 4 samples at once, and their derivatives.
// Oracle: src/instruments/landscape/science/activation.ts.

// tanh from e = exp(−2|x|) ≤ 1: never overflows (exp(2x) does past x ≈ 44 in f32, and
// (∞ − 1)/(∞ + 1) is NaN); the absolute error near 0 stays at f32 rounding.
fn tanh_stable(x: vec4f) -> vec4f {
  let e = exp(-2.0 * abs(x));
  return sign(x) * (1.0 - e) / (1.0 + e);
}

fn act_tanh(x: vec4f) -> vec4f { return tanh_stable(x); }
fn act_relu(x: vec4f) -> vec4f { return max(x, vec4f(0.0)); }

// GELU, tanh form (Hendrycks & Gimpel 2016, §2): 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))).
const GELU_C: f32 = 0.7978845608028654;
const GELU_A: f32 = 0.044715;
fn act_gelu(x: vec4f) -> vec4f {
  return 0.5 * x * (1.0 + tanh_stable(GELU_C * (x + GELU_A * x * x * x)));
}

fn slope_tanh(x: vec4f) -> vec4f {
  let t = tanh_stable(x);
  return 1.0 - t * t;
}
// ReLU'(0) = 0, as in the oracle and PyTorch.
fn slope_relu(x: vec4f) -> vec4f { return select(vec4f(0.0), vec4f(1.0), x > vec4f(0.0)); }
fn slope_gelu(x: vec4f) -> vec4f {
  let t = tanh_stable(GELU_C * (x + GELU_A * x * x * x));
  let du = GELU_C * (1.0 + 3.0 * GELU_A * x * x);
  return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * du;
}
