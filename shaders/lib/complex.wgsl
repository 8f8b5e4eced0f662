// Complex numbers as vec2f(re, im).

// e^{i theta}
fn cexpi(theta: f32) -> vec2f {
  return vec2f(cos(theta), sin(theta));
}
