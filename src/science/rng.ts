/**
 * The only source of randomness in science/: every initialisation, shuffle and noise draw takes
 * an Rng built from the seed in the link, so a shared link replays bit for bit. Nothing here may
 * call Math.random.
 */

/** Seeded mulberry32 stream with uniform and normal (Box–Muller) draws. */
export class Rng {
  private state: number;
  /** Second Box–Muller deviate, kept so normals come in the same order however they are drawn. */
  private spare: number | null = null;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new RangeError(`seed must be finite, got ${seed}`);
    this.state = Math.trunc(seed) >>> 0;
  }

  /** Next 32-bit unsigned integer (mulberry32, T. Ettinger 2017). */
  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform on [0, 1); 2⁻³² resolution, plenty for initialisation and shuffling. */
  uniform(): number {
    return this.nextU32() / 4294967296;
  }

  /** Standard normal deviate. */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    // Box–Muller; 1 − u keeps the log argument in (0, 1], so it never sees log 0.
    const u1 = 1 - this.uniform();
    const u2 = this.uniform();
    const radius = Math.sqrt(-2 * Math.log(u1));
    this.spare = radius * Math.sin(2 * Math.PI * u2);
    return radius * Math.cos(2 * Math.PI * u2);
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`int(n) needs n ≥ 1, got ${n}`);
    return Math.floor(this.uniform() * n);
  }

  /** A uniformly random permutation of 0..n−1 (Fisher–Yates). */
  permutation(n: number): Uint32Array {
    const out = new Uint32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = out[i] ?? 0;
      out[i] = out[j] ?? 0;
      out[j] = t;
    }
    return out;
  }

  /** Full internal state, so a paused run can be resumed exactly. */
  snapshot(): RngState {
    return { state: this.state, spare: this.spare };
  }

  static restore(s: RngState): Rng {
    const rng = new Rng(0);
    rng.state = s.state >>> 0;
    rng.spare = s.spare;
    return rng;
  }
}

export interface RngState {
  readonly state: number;
  readonly spare: number | null;
}
