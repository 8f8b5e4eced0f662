/**
 * The loss slice written the way a browser developer would write it with TensorFlow.js: for each
 * row of the grid, the row's displaced weights W + αD + βE as one batch of matrices, batched
 * matmuls through the layers, and the mean softmax cross-entropy per grid point. Used only by the
 * bench (the library side of the slice workloads); TensorFlow.js arrives as an argument, so no
 * app code imports it.
 */
import type * as Tf from '@tensorflow/tfjs-core';
import { mlpLayout, type MlpShape, type ParamVector, type Samples } from './science/shape';

type Tensor3D = Tf.Tensor3D;

/** Each grid point's mean cross-entropy, row-major (β rows of α), as lossSlice lays it out. */
export async function tfjsLossSlice(
  tf: typeof Tf,
  shape: MlpShape,
  theta: ParamVector,
  delta: ParamVector,
  eta: ParamVector,
  data: Samples,
  alphas: Float64Array,
  betas: Float64Array,
): Promise<Float32Array> {
  const { layers } = mlpLayout(shape);
  const na = alphas.length;
  const part = (v: ParamVector, off: number, rows: number, cols: number): Tf.Tensor2D =>
    tf.tensor2d(Float32Array.from(v.subarray(off, off + rows * cols)), [rows, cols]);
  // Per layer: θ, δ and η's W (out×in) and b (1×out), uploaded once.
  const weights = layers.map((L) =>
    [theta, delta, eta].map((v) => ({ w: part(v, L.w, L.out, L.in), b: part(v, L.b, 1, L.out) })),
  );
  const x = tf.tensor2d(Float32Array.from(data.x), [data.n, data.d]);
  const onehot = tf.oneHot(tf.tensor1d(Int32Array.from(data.y), 'int32'), shape.classes);
  const a = tf.tensor3d(Float32Array.from(alphas), [na, 1, 1]);
  const act = (t: Tensor3D): Tensor3D => {
    if (shape.act === 'tanh') return tf.tanh(t);
    if (shape.act === 'relu') return tf.relu(t);
    throw new Error('the TensorFlow.js slice covers tanh and relu');
  };
  const out = new Float32Array(na * betas.length);
  try {
    for (let j = 0; j < betas.length; j++) {
      const beta = betas[j] ?? 0;
      const row = tf.tidy(() => {
        // W + αD + βE for the row's α's: [na, out, in]; b likewise [na, 1, out].
        const displace = (t: Tf.Tensor2D, d: Tf.Tensor2D, e: Tf.Tensor2D): Tensor3D =>
          tf.add(tf.add(t, tf.mul(e, beta)), tf.mul(a, d)) as Tensor3D;
        let h: Tensor3D = tf.broadcastTo(x, [na, data.n, data.d]);
        weights.forEach(([t, d, e], l) => {
          if (!t || !d || !e) throw new Error('missing layer');
          const z = tf.add(
            tf.matMul(h, displace(t.w, d.w, e.w), false, true),
            displace(t.b, d.b, e.b),
          );
          h = l + 1 < weights.length ? act(z as Tensor3D) : (z as Tensor3D);
        });
        const ce = tf.sub(tf.logSumExp(h, 2), tf.sum(tf.mul(h, onehot), 2));
        return tf.mean(ce, 1);
      });
      out.set(await row.data(), j * na);
      row.dispose();
    }
  } finally {
    tf.dispose([x, onehot, a, ...weights.flatMap((l) => l.flatMap((p) => [p.w, p.b]))]);
  }
  return out;
}
