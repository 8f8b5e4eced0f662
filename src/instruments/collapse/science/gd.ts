/** One full-batch gradient-descent step of the UFM with the curvature step rule (stepRule.ts). */
import type { CollapseConfig } from './config';
import { type Forward, type UfmShape, type UfmState, forward, gradients, objective } from './model';
import { stepSizes } from './stepRule';

export interface StepInfo {
  /** The objective F at the state before the step. */
  readonly objective: number;
  readonly forward: Forward;
}

/** Updates `st` in place: θ ← θ − η_block ∇_block F. Returns F before the step. */
export function gdStep(cfg: CollapseConfig, shape: UfmShape, st: UfmState): StepInfo {
  const fw = forward(cfg, shape, st);
  const f = objective(cfg, st, fw);
  const g = gradients(cfg, shape, st, fw);
  const eta = stepSizes(cfg, shape, st, fw);
  const { d, N } = shape;
  for (let j = 0; j < st.W.length; j++) st.W[j] = (st.W[j] ?? 0) - eta.W * (g.W[j] ?? 0);
  for (let j = 0; j < st.b.length; j++) st.b[j] = (st.b[j] ?? 0) - eta.W * (g.b[j] ?? 0);
  st.layers.forEach((a, m) => {
    const e = eta.layers[m] ?? 0;
    const ga = g.layers[m];
    if (!ga) return;
    for (let j = 0; j < a.length; j++) a[j] = (a[j] ?? 0) - e * (ga[j] ?? 0);
  });
  for (let i = 0; i < N; i++) {
    const e = eta.H[i] ?? 0;
    for (let j = i * d; j < (i + 1) * d; j++) st.H[j] = (st.H[j] ?? 0) - e * (g.H[j] ?? 0);
  }
  return { objective: f, forward: fw };
}
