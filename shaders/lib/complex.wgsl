// Complex numbers as vec2f(re, im).

// e^{i theta}, accurate to about an ulp. The built-in sin/cos only promise an absolute error
// of 2^-11 (WGSL spec) and SwiftShader's are off by ~2e-4; summed over K terms that shows up
// as ~1e-2 in log|F| near the zeros. So: Cody–Waite reduction by pi/2 (three-part constant,
// exact for |theta| < 2^16), then the Cephes sinf/cosf polynomials on [-pi/4, pi/4].
fn cexpi(theta: f32) -> vec2f {
  let n = round(theta * 0.63661977236758134);
  let r = ((theta - n * 1.5703125) - n * 4.837512969970703125e-4) - n * 7.54978995489188216e-8;
  let r2 = r * r;
  let s = r + r * r2 * (-1.6666654611e-1 + r2 * (8.3321608736e-3 + r2 * -1.9515295891e-4));
  let c = 1.0 - 0.5 * r2 + r2 * r2 * (4.166664568298827e-2 + r2 * (-1.388731625493765e-3 + r2 * 2.443315711809948e-5));
  let q = i32(n) & 3;
  if (q == 0) { return vec2f(c, s); }
  if (q == 1) { return vec2f(-s, c); }
  if (q == 2) { return vec2f(-c, -s); }
  return vec2f(s, -c);
}
