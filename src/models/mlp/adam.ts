/**
 * Adam (Kingma & Ba 2015) split into "propose" and "apply", so a step controller can rescale the
 * update between the two (Sao 2026, Prop. 5.2). The moments always absorb the raw gradient; only
 * the applied step is scaled, as in the paper's repo (`experiments/lrspike/run.py`, AdamCore).
 */

export interface AdamOptions {
  beta1: number;
  beta2: number;
  eps: number;
}

export const ADAM_DEFAULTS: AdamOptions = { beta1: 0.9, beta2: 0.999, eps: 1e-8 };

export interface AdamSnapshot {
  readonly m: Float32Array;
  readonly v: Float32Array;
  readonly t: number;
}

export class Adam {
  readonly options: AdamOptions;
  /** First and second moments in f32, the layout a GPU optimiser would keep. */
  m: Float32Array;
  v: Float32Array;
  /** Number of steps proposed so far. */
  t = 0;

  constructor(size: number, options: Partial<AdamOptions> = {}) {
    this.options = { ...ADAM_DEFAULTS, ...options };
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  /**
   * Updates the moments with `grad` and returns the proposed update p, to be added to the
   * parameters (it already carries the −lr sign): p = −lr · m̂/(√v̂ + ε).
   */
  propose(grad: Float32Array, lr: number): Float32Array {
    if (grad.length !== this.m.length) {
      throw new RangeError(`gradient has ${grad.length} entries, expected ${this.m.length}`);
    }
    const { beta1, beta2, eps } = this.options;
    this.t += 1;
    // Bias correction (Kingma & Ba 2015, Alg. 1): m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ).
    const c1 = 1 - beta1 ** this.t;
    const c2 = 1 - beta2 ** this.t;
    const p = new Float32Array(grad.length);
    for (let i = 0; i < grad.length; i++) {
      const g = grad[i] ?? 0;
      // Rounded to f32 before use, so p is what a kernel reading back its f32 moments computes.
      const m = Math.fround(beta1 * (this.m[i] ?? 0) + (1 - beta1) * g);
      const v = Math.fround(beta2 * (this.v[i] ?? 0) + (1 - beta2) * g * g);
      this.m[i] = m;
      this.v[i] = v;
      p[i] = (-lr * (m / c1)) / (Math.sqrt(v / c2) + eps);
    }
    return p;
  }

  snapshot(): AdamSnapshot {
    return { m: this.m.slice(), v: this.v.slice(), t: this.t };
  }

  static restore(s: AdamSnapshot, options: Partial<AdamOptions> = {}): Adam {
    const adam = new Adam(s.m.length, options);
    adam.m = s.m.slice();
    adam.v = s.v.slice();
    adam.t = s.t;
    return adam;
  }
}

/** params += scale · p, in place. */
export function apply(params: Float32Array, p: Float32Array, scale: number): void {
  if (p.length !== params.length) {
    throw new RangeError(`update has ${p.length} entries, expected ${params.length}`);
  }
  for (let i = 0; i < params.length; i++) params[i] = (params[i] ?? 0) + scale * (p[i] ?? 0);
}

/** Euclidean norm, accumulated in f64. */
export function norm(p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const q = p[i] ?? 0;
    s += q * q;
  }
  return Math.sqrt(s);
}
