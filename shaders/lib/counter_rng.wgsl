// Counter-based RNG, the twin of src/science/counterRng.ts (bit for bit: u32 arithmetic only).
// PCG hash: Jarzynski & Olano, "Hash Functions for GPU Rendering", JCGT 2020.
fn pcg_hash(v: u32) -> u32 {
  let state = v * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

fn counter_u32(seed: u32, step: u32, prompt: u32, rollout: u32, stream: u32) -> u32 {
  var h = pcg_hash(stream);
  h = pcg_hash(rollout + h);
  h = pcg_hash(prompt + h);
  h = pcg_hash(step + h);
  return pcg_hash(seed + h);
}

// Uniform on [0, 1) with 24 bits: exact in f32, so it equals the TypeScript draw.
fn counter_uniform(seed: u32, step: u32, prompt: u32, rollout: u32, stream: u32) -> f32 {
  return f32(counter_u32(seed, step, prompt, rollout, stream) >> 8u) * (1.0 / 16777216.0);
}
