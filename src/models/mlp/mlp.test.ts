import { describe, it, expect } from 'vitest';
import { Rng } from '../../science/rng';
import { Mlp, mlpLayout, type Activation } from './mlp';

/** A tiny problem in f64 so finite differences are accurate to ~1e-10. */
function tiny(activation: Activation, seed: number) {
  const mlp = new Mlp({ d: 3, h: 5, k: 4, activation });
  const rng = new Rng(seed);
  const params = Float64Array.from(mlp.init(rng));
  // Non-zero biases so they are exercised too.
  for (let i = 0; i < params.length; i++) params[i] = (params[i] ?? 0) + 0.1 * rng.normal();
  const n = 6;
  const x = Float64Array.from({ length: n * 3 }, () => rng.normal());
  const y = Uint8Array.from({ length: n }, () => rng.int(4));
  const v = Float64Array.from({ length: mlp.size }, () => rng.normal());
  return { mlp, params, x, y, n, v };
}

function shifted(params: Float64Array, dir: ArrayLike<number>, t: number): Float64Array {
  return params.map((p, i) => p + t * (dir[i] ?? 0));
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
};

describe('Mlp layout and forward', () => {
  it('lays out 64→128→10 as W1, b1, W2, b2 with 9,610 numbers, else GPU offsets disagree', () => {
    expect(mlpLayout({ d: 64, h: 128, k: 10, activation: 'relu' })).toEqual({
      w1: 0,
      b1: 8192,
      w2: 8320,
      b2: 9600,
      size: 9610,
    });
  });

  it('computes z = W2 σ(W1 x + b1) + b2 by hand on a 2→2→2 net, else the layout is misread', () => {
    const mlp = new Mlp({ d: 2, h: 2, k: 2, activation: 'relu' });
    // W1 = [[1, 2], [−1, 1]], b1 = [0, −5], W2 = [[1, 0], [2, −1]], b2 = [0.5, 0].
    const params = Float32Array.from([1, 2, -1, 1, 0, -5, 1, 0, 2, -1, 0.5, 0]);
    // x = (1, 1): pre = (3, −5), act = (3, 0), z = (3.5, 6).
    expect(Array.from(mlp.forward(params, Float32Array.from([1, 1]), 1))).toEqual([3.5, 6]);
  });

  it('draws He-scaled initial weights and zero biases, else training starts off-scale', () => {
    const mlp = new Mlp({ d: 64, h: 128, k: 10, activation: 'relu' });
    const p = mlp.init(new Rng(1));
    const { b1, w2 } = mlp.layout;
    let s2 = 0;
    for (let i = 0; i < b1; i++) s2 += (p[i] ?? 0) ** 2;
    // Var W1 = 2/64; 8,192 draws give the sample variance to about ±1.6%.
    expect(s2 / b1 / (2 / 64)).toBeCloseTo(1, 1);
    expect(Array.from(p.subarray(b1, w2)).every((b) => b === 0)).toBe(true);
  });
});

describe.each(['relu', 'tanh'] as const)('Mlp derivatives (%s)', (activation) => {
  it('gives the gradient of central finite differences, else backprop is wrong', () => {
    const { mlp, params, x, y, n } = tiny(activation, 2);
    const { grad, loss } = mlp.lossAndGrad(params, x, y, n);
    expect(Number.isFinite(loss)).toBe(true);
    const eps = 1e-6;
    const fd = new Float64Array(mlp.size);
    for (let q = 0; q < mlp.size; q++) {
      const e = new Float64Array(mlp.size);
      e[q] = 1;
      const up = mlp.lossAndGrad(shifted(params, e, eps), x, y, n).loss;
      const down = mlp.lossAndGrad(shifted(params, e, -eps), x, y, n).loss;
      fd[q] = (up - down) / (2 * eps);
    }
    // f64 throughout; the f32 rounding of grad (~6e-8 relative) dominates FD error (~1e-9).
    const scale = Math.sqrt(dot(fd, fd));
    for (let q = 0; q < mlp.size; q++) {
      expect(Math.abs((grad[q] ?? 0) - (fd[q] ?? 0))).toBeLessThan(1e-6 * scale);
    }
  });

  it('gives JVP slopes equal to finite differences of the logits along v, else Δ_a is wrong', () => {
    const { mlp, params, x, n, v } = tiny(activation, 3);
    const { logits, a } = mlp.jvp(params, x, n, v);
    expect(logits).toEqual(mlp.forward(params, x, n));
    const eps = 1e-6;
    const up = mlp.forward(shifted(params, v, eps), x, n);
    const down = mlp.forward(shifted(params, v, -eps), x, n);
    const scale = Math.max(...Array.from(a, Math.abs));
    a.forEach((ak, i) => {
      const fd = ((up[i] ?? 0) - (down[i] ?? 0)) / (2 * eps);
      expect(Math.abs(ak - fd)).toBeLessThan(1e-7 * scale);
    });
  });

  it('satisfies dL/dt = mean Σ_c (p_c − 1[c=y]) a_c = ∇L·v, else JVP and backprop disagree', () => {
    const { mlp, params, x, y, n, v } = tiny(activation, 4);
    const { logits, a } = mlp.jvp(params, x, n, v);
    const k = mlp.shape.k;
    let slope = 0;
    for (let i = 0; i < n; i++) {
      const z = Array.from(logits.subarray(i * k, i * k + k));
      const zmax = Math.max(...z);
      const sum = z.reduce((s, zc) => s + Math.exp(zc - zmax), 0);
      z.forEach((zc, c) => {
        const p = Math.exp(zc - zmax) / sum;
        slope += ((p - (c === y[i] ? 1 : 0)) * (a[i * k + c] ?? 0)) / n;
      });
    }
    const { grad } = mlp.lossAndGrad(params, x, y, n);
    const gv = dot(grad, v);
    // grad is f32: each term carries ~6e-8 relative error, summed over 49 terms.
    expect(Math.abs(slope - gv)).toBeLessThan(1e-6 * Math.sqrt(dot(grad, grad) * dot(v, v)));
  });
});

describe('Mlp loss', () => {
  it('stays finite for huge logits (stable log-sum-exp), else a spiked run reports NaN', () => {
    const mlp = new Mlp({ d: 1, h: 1, k: 2, activation: 'relu' });
    // z = (1e4·x, 0) with label 1: CE = 1e4·x exactly.
    const params = Float32Array.from([1, 0, 1e4, 0, 0, 0]);
    const { loss, grad, accuracy } = mlp.lossAndGrad(
      params,
      Float32Array.from([1]),
      Uint8Array.from([1]),
      1,
    );
    expect(loss).toBe(1e4);
    expect(grad.every(Number.isFinite)).toBe(true);
    expect(accuracy).toBe(0);
  });
});
