/**
 * Optimiser steps in f64 for the landscape trainer: plain SGD and Adam (Kingma & Ba 2015,
 * Alg. 1). Weight decay is the coupled L2 term g ← g + wd·θ, as `weight_decay` in PyTorch's SGD
 * and Adam, applied to every parameter.
 */
export type OptimiserId = 'sgd' | 'adam';

export interface AdamState {
  m: Float64Array;
  v: Float64Array;
  t: number;
}

export const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8 } as const;

export function newAdamState(size: number): AdamState {
  return { m: new Float64Array(size), v: new Float64Array(size), t: 0 };
}

/** θ ← θ − lr·(g + wd·θ), in place. */
export function sgdStep(theta: Float64Array, grad: Float64Array, lr: number, wd: number): void {
  for (let i = 0; i < theta.length; i++) {
    const p = theta[i] ?? 0;
    theta[i] = p - lr * ((grad[i] ?? 0) + wd * p);
  }
}

/** One Adam step in place (moments in f64, so the CPU replay is exact on every machine). */
export function adamStep(
  theta: Float64Array,
  grad: Float64Array,
  state: AdamState,
  lr: number,
  wd: number,
): void {
  const { beta1, beta2, eps } = ADAM;
  state.t += 1;
  // Bias correction (Kingma & Ba 2015, Alg. 1): m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ).
  const c1 = 1 - beta1 ** state.t;
  const c2 = 1 - beta2 ** state.t;
  for (let i = 0; i < theta.length; i++) {
    const p = theta[i] ?? 0;
    const g = (grad[i] ?? 0) + wd * p;
    const m = beta1 * (state.m[i] ?? 0) + (1 - beta1) * g;
    const v = beta2 * (state.v[i] ?? 0) + (1 - beta2) * g * g;
    state.m[i] = m;
    state.v[i] = v;
    theta[i] = p - (lr * (m / c1)) / (Math.sqrt(v / c2) + eps);
  }
}
