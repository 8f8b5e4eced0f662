/**
 * WGSL for the slice kernel, specialised per (shape, sample count): the sizes become `const`s
 * so every loop has a literal trip count the shader compiler can unroll, and the layers after
 * the first are written out one loop nest per layer (the MLP's depth is 1–4).
 */
import activations from '../../../../shaders/lib/activations.wgsl?raw';
import projectSrc from '../../../../shaders/landscape/slice_project.wgsl?raw';
import weightsSrc from '../../../../shaders/landscape/slice_weights.wgsl?raw';
import lossSrc from '../../../../shaders/landscape/slice_loss.wgsl?raw';
import lossWgSrc from '../../../../shaders/landscape/slice_loss_wg.wgsl?raw';
import reduceSrc from '../../../../shaders/landscape/slice_reduce.wgsl?raw';
import { mlpLayout, type MlpShape } from '../science/shape';

export interface SliceCode {
  project: string;
  weights: string;
  loss: string;
  reduce: string;
  /** Invocations per grid point in the loss pass. */
  ch: number;
  /** Weights after the first layer (per grid point). */
  nw: number;
  /** Widest hidden layer: vec4s of activation scratch per invocation and buffer. */
  widest: number;
  /**
   * 'workgroup': one workgroup per grid point, its later weights in workgroup memory and the
   * activations in function memory (slice_loss_wg.wgsl); 'storage' when the weights do not fit
   * (slice_weights.wgsl forms them per point in a buffer, activations in buffers too).
   */
  variant: 'workgroup' | 'storage';
}

/** f32s of workgroup memory the 'workgroup' variant may use (WebGPU's guaranteed 16 KiB). */
export const WORKGROUP_FLOATS = 4096;

const u = (n: number): string => `${n}u`;

/** Invocations per grid point: 16 (4 SIMD groups' worth), fewer when there are few samples. */
export function invocationsPerPoint(blocks: number, variant: SliceCode['variant']): number {
  return Math.min(variant === 'workgroup' ? 64 : 16, 4 * Math.ceil(blocks / 4));
}

export function sliceCode(shape: MlpShape, n: number): SliceCode {
  const layout = mlpLayout(shape);
  const [first, ...rest] = layout.layers;
  if (!first) throw new RangeError('the MLP has no layers');
  const blocks = Math.ceil(n / 4);
  const wbase = rest[0]?.w ?? layout.size;
  const nw = layout.size - wbase;
  const variant = nw <= WORKGROUP_FLOATS ? 'workgroup' : 'storage';
  const ch = invocationsPerPoint(blocks, variant);
  const widest = Math.max(...shape.hidden);
  const consts = [
    `const P: u32 = ${u(layout.size)};`,
    `const D: u32 = ${u(first.in)};`,
    `const H1: u32 = ${u(first.out)};`,
    `const W1: u32 = ${u(first.w)};`,
    `const B1: u32 = ${u(first.b)};`,
    `const N: u32 = ${u(n)};`,
    `const BLOCKS: u32 = ${u(blocks)};`,
    `const CH: u32 = ${u(ch)};`,
    `const K: u32 = ${u(shape.classes)};`,
    `const WBASE: u32 = ${u(wbase)};`,
    `const NW: u32 = ${u(nw)};`,
    `const WIDEST: u32 = ${u(widest)};`,
  ].join('\n');
  const act = `fn act(x: vec4f) -> vec4f { return act_${shape.act}(x); }`;
  // Hidden layers alternate between two activation arrays (A holds the first); only the K
  // logits are written to z. The storage variant reaches them through accessors.
  const wg = variant === 'workgroup';
  const get = (buf: 'A' | 'B', j: string): string => (wg ? `h${buf}[${j}]` : `h${buf}(${j})`);
  const set = (buf: 'A' | 'B', i: string, v: string): string =>
    wg ? `h${buf}[${i}] = ${v};` : `set${buf}(${i}, ${v});`;
  const weight = (o: string): string => (wg ? `ws[${o}]` : `w(${o})`);
  const body: string[] = [];
  rest.forEach((L, idx) => {
    const last = idx === rest.length - 1;
    const src = idx % 2 === 0 ? 'A' : 'B';
    const dst = idx % 2 === 0 ? 'B' : 'A';
    body.push(
      `  for (var i = 0u; i < ${u(L.out)}; i++) {`,
      `    var s = vec4f(${weight(`${u(L.b - wbase)} + i`)});`,
      `    for (var j = 0u; j < ${u(L.in)}; j++) {`,
      `      s += ${weight(`${u(L.w - wbase)} + i * ${u(L.in)} + j`)} * ${get(src, 'j')};`,
      `    }`,
      last ? `    z[i] = s;` : `    ${set(dst, 'i', 'act(s)')}`,
      `  }`,
    );
  });
  const layers = [
    'fn layers() -> array<vec4f, K> {',
    '  var z: array<vec4f, K>;',
    ...body,
    '  return z;',
    '}',
  ].join('\n');
  return {
    project: `${consts}\n${projectSrc}`,
    weights: `${consts}\n${weightsSrc}`,
    loss: wg
      ? `${consts}\n${activations}\n${act}\n${lossWgSrc.replace('    // LAYERS', body.join('\n'))}`
      : `${consts}\n${activations}\n${act}\n${lossSrc}\n${layers}\n`,
    reduce: `${consts}\n${reduceSrc}`,
    ch,
    nw,
    widest,
    variant,
  };
}
