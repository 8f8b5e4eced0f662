/**
 * TensorFlow.js, the library a browser developer would reach for, as the bench's third side:
 * its wasm (XNNPACK, SIMD), webgpu and cpu (plain JS) backends, loaded only by the bench page.
 * The wasm binaries are bundled by Vite and served from the page's own origin: nothing is fetched
 * from a CDN. Without cross-origin isolation (the site does not send COOP/COEP) the wasm backend
 * runs single-threaded with SIMD, as it would on a reader's page.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export type Tf = typeof tf;

/** The sides' names, as the table and latest.json show them. */
export const TFJS_BACKENDS = { 'tfjs-wasm': 'wasm', 'tfjs-webgpu': 'webgpu', 'tfjs-cpu': 'cpu' };
export type TfjsSide = keyof typeof TFJS_BACKENDS;

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

/** TensorFlow.js with `side`'s backend active (backends are global: each call switches). */
export async function tfjs(side: TfjsSide): Promise<Tf> {
  const name = TFJS_BACKENDS[side];
  if (tf.getBackend() !== name && !(await tf.setBackend(name))) {
    throw new Error(`TensorFlow.js backend ${name} did not initialise`);
  }
  await tf.ready();
  return tf;
}
