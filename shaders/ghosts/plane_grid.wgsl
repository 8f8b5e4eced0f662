// The pixel grid of a window of the complex plane. Pixel centres; row 0 is the top,
// so the imaginary part falls as the row index grows (as on screen).
struct PlaneGrid {
  width: u32,
  height: u32,
  k: u32,
  _pad: u32,
  reMin: f32,
  reMax: f32,
  imMin: f32,
  imMax: f32,
}

fn pixelRe(g: PlaneGrid, i: u32) -> f32 {
  return g.reMin + (f32(i) + 0.5) * (g.reMax - g.reMin) / f32(g.width);
}

fn pixelIm(g: PlaneGrid, j: u32) -> f32 {
  return g.imMax - (f32(j) + 0.5) * (g.imMax - g.imMin) / f32(g.height);
}
