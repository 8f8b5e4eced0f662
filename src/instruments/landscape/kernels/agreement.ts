/**
 * GPU-versus-CPU agreement checks on seeded inputs, for Vitest in Node, the browser bench page
 * and Playwright: each runs a kernel and its f64 oracle on the same inputs and reports the worst
 * difference.
 */
import { Rng } from '../../../science/rng';
import { toyDataset } from '../science/datasets';
import type { Activation, MlpShape, Samples } from '../science/shape';

export interface AgreementOptions {
  seed: number;
  hidden: number[];
  act: Activation;
  /** Samples. */
  n: number;
  /** 'spirals' (2-D, 3 classes) or 'digits-like' (64 features in [0, 1], 10 classes). */
  data?: 'spirals' | 'digits-like';
}

export interface Agreement {
  /** Worst |gpu − cpu|/max(|cpu|, 1e-3) over every compared number. */
  maxRelErr: number;
  /** Entries where the GPU gave NaN or ±∞. */
  nonFinite: number;
  compared: number;
}

/** Seeded samples: the spirals, or random 8×8 "images" in [0, 1] with 10 labels. */
export function agreementData(opts: AgreementOptions): { data: Samples; shape: MlpShape } {
  if (opts.data === 'digits-like') {
    const rng = new Rng(opts.seed + 101);
    const x = new Float32Array(opts.n * 64);
    for (let i = 0; i < x.length; i++) x[i] = rng.int(17) / 16;
    const y = Uint8Array.from({ length: opts.n }, (_, i) => i % 10);
    return {
      data: { x, y, n: opts.n, d: 64 },
      shape: { inputs: 64, hidden: opts.hidden, classes: 10, act: opts.act },
    };
  }
  const data = toyDataset({ kind: 'spirals', n: opts.n, noise: 0.05, seed: opts.seed, classes: 3 });
  return { data, shape: { inputs: 2, hidden: opts.hidden, classes: 3, act: opts.act } };
}

export const relErr = (gpu: number, cpu: number): number =>
  Math.abs(gpu - cpu) / Math.max(Math.abs(cpu), 1e-3);
