/** Hidden-layer activations and their derivatives, in f64 (the oracle for shaders/landscape). */
import type { Activation } from './shape';

// GELU in its tanh form (Hendrycks & Gimpel 2016, §2: 0.5x(1 + tanh(√(2/π)(x + 0.044715x³)))),
// the form GPT-2 and BERT use: WGSL has no erf, and the CPU and GPU must compute the same function.
const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_A = 0.044715;

export function activate(act: Activation, x: number): number {
  switch (act) {
    case 'tanh':
      return Math.tanh(x);
    case 'relu':
      return x > 0 ? x : 0;
    case 'gelu':
      return 0.5 * x * (1 + Math.tanh(GELU_C * (x + GELU_A * x * x * x)));
  }
}

/** dσ/dx at x; ReLU'(0) = 0 as in PyTorch. */
export function slope(act: Activation, x: number): number {
  switch (act) {
    case 'tanh': {
      const t = Math.tanh(x);
      return 1 - t * t;
    }
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'gelu': {
      const u = GELU_C * (x + GELU_A * x * x * x);
      const t = Math.tanh(u);
      const du = GELU_C * (1 + 3 * GELU_A * x * x);
      return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du;
    }
  }
}
