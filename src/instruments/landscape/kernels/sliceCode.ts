/**
 * WGSL for the slice kernel, specialised per (shape, sample count): the sizes become `const`s,
 * and the forward pass is generated per shape — straight-line code with literal indices for the
 * nets a reader trains (see UNROLL_LIMIT), one loop nest per layer beyond (depth is 1–4).
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

/**
 * Invocations per grid point. The workgroup variant uses 4, one SIMD group: a software adapter
 * runs a workgroup's SIMD groups as coroutines that switch at the barrier, and with 4 the toy
 * slice took 3.0 ms of CPU per point against 4.9 with 64 (Dawn on SwiftShader, 24² grid). The
 * storage variant uses 16 (4 SIMD groups' worth). Fewer when there are few samples.
 */
export function invocationsPerPoint(blocks: number, variant: SliceCode['variant']): number {
  return Math.min(variant === 'workgroup' ? 4 : 16, 4 * Math.ceil(blocks / 4));
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
  const loss =
    variant === 'workgroup'
      ? lossWgSrc.replace('    // FORWARD', forwardFor(shape)(shape, wbase))
      : `${lossSrc}\n${storageLayers(shape, wbase)}\n`;
  return {
    project: `${consts}\n${projectSrc}`,
    weights: `${consts}\n${weightsSrc}`,
    loss: `${consts}\n${activations}\n${act}\n${loss}`,
    reduce: `${consts}\n${reduceSrc}`,
    ch,
    nw,
    widest,
    variant,
  };
}

/**
 * Multiply-adds per sample block after the first layer's products, up to which the workgroup
 * variant's forward pass is written out as straight-line code. Why: on a software adapter
 * (SwiftShader) a private array indexed by a loop counter is a per-lane gather and scatter, and a
 * workgroup-memory load at a loop-counter index is a gather too; with literal indices every
 * activation is an SSA value the JIT keeps in registers (or spills in SIMD layout) and every
 * weight load is one scalar load broadcast to the lanes. The toy net 2→32→32→3 is 1,152 and
 * the digits net 64→128→10 is 1,408; four layers of 128 (49,000) would make a shader too large
 * to compile quickly, so bigger nets keep the loops.
 */
export const UNROLL_LIMIT = 6000;

/**
 * Widest hidden layer for straight-line code: past it the live activations (vec4 each) spill,
 * and the digits net 64→128→10 ran 1.7× slower unrolled than looped (Dawn on SwiftShader).
 */
export const UNROLL_WIDEST = 32;

export function forwardMacs(shape: MlpShape): number {
  const [first, ...rest] = mlpLayout(shape).layers;
  return (first?.out ?? 0) + rest.reduce((sum, L) => sum + L.out * L.in, 0);
}

/** Straight-line code while the live activations stay few, streaming for one hidden layer. */
function forwardFor(shape: MlpShape): (shape: MlpShape, wbase: number) => string {
  if (forwardMacs(shape) <= UNROLL_LIMIT && Math.max(...shape.hidden) <= UNROLL_WIDEST) {
    return unrolledForward;
  }
  return shape.hidden.length === 1 ? streamedForward : loopedForward;
}

/** Block b's first-layer activation j from the three products: P + αQ + βR. */
const firstLayer = (j: string, h1: number): string =>
  `proj[${j} * BLOCKS + b] + alpha * proj[(${u(h1)} + ${j}) * BLOCKS + b] + beta * proj[(${u(2 * h1)} + ${j}) * BLOCKS + b]`;

/**
 * One hidden layer (e.g. the digits net 64→128→10): each hidden unit is formed and at once
 * folded into the K logits, so only K accumulators are live and no activation array exists.
 */
function streamedForward(shape: MlpShape, wbase: number): string {
  const [first, last] = mlpLayout(shape).layers;
  const h1 = first?.out ?? 0;
  const k = Array.from({ length: shape.classes }, (_, c) => c);
  const lw = (last?.w ?? 0) - wbase;
  const lb = (last?.b ?? 0) - wbase;
  return [
    ...k.map((c) => `    var z${c} = vec4f(ws[${u(lb + c)}]);`),
    `    for (var j = 0u; j < H1; j++) {`,
    `      let h = act(${firstLayer('j', h1)});`,
    ...k.map((c) => `      z${c} += ws[${u(lw + c * h1)} + j] * h;`),
    '    }',
    ...softmaxUnrolled(shape.classes),
  ].join('\n');
}

/** The forward pass with loops (nets past UNROLL_LIMIT): activations in two private arrays. */
function loopedForward(shape: MlpShape, wbase: number): string {
  const [first, ...rest] = mlpLayout(shape).layers;
  const h1 = first?.out ?? 0;
  const out = [
    '    var hA: array<vec4f, WIDEST>;',
    '    var hB: array<vec4f, WIDEST>;',
    '    var z: array<vec4f, K>;',
    `    for (var j = 0u; j < H1; j++) { hA[j] = act(${firstLayer('j', h1)}); }`,
  ];
  rest.forEach((L, idx) => {
    const src = idx % 2 === 0 ? 'hA' : 'hB';
    const dst = idx % 2 === 0 ? 'hB' : 'hA';
    const last = idx === rest.length - 1;
    out.push(
      `    for (var i = 0u; i < ${u(L.out)}; i++) {`,
      `      var s = vec4f(ws[${u(L.b - wbase)} + i]);`,
      `      for (var j = 0u; j < ${u(L.in)}; j++) { s += ws[${u(L.w - wbase)} + i * ${u(L.in)} + j] * ${src}[j]; }`,
      last ? '      z[i] = s;' : `      ${dst}[i] = act(s);`,
      '    }',
    );
  });
  out.push(
    '    var m = z[0];',
    '    var best = vec4u(0u);',
    '    for (var k = 1u; k < K; k++) { best = select(best, vec4u(k), z[k] > m); m = max(m, z[k]); }',
    '    var s = vec4f(0.0);',
    '    var zy = vec4f(0.0);',
    '    for (var k = 0u; k < K; k++) { s += exp(z[k] - m); zy = select(zy, z[k], y == vec4u(k)); }',
    '    let ce = m + log(s) - zy;',
  );
  return out.join('\n');
}

/** The forward pass as straight-line code: unit i of layer l is the value h<l>_<i>. */
function unrolledForward(shape: MlpShape, wbase: number): string {
  const [first, ...rest] = mlpLayout(shape).layers;
  const h1 = first?.out ?? 0;
  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  const out = range(h1).map((j) => `    let h1_${j} = act(${firstLayer(u(j), h1)});`);
  rest.forEach((L, idx) => {
    const last = idx === rest.length - 1;
    for (const i of range(L.out)) {
      const terms = range(L.in).map(
        (j) => `ws[${u(L.w - wbase + i * L.in + j)}] * h${idx + 1}_${j}`,
      );
      const sum = `vec4f(ws[${u(L.b - wbase + i)}]) + ${terms.join(' + ')}`;
      out.push(last ? `    let z${i} = ${sum};` : `    let h${idx + 2}_${i} = act(${sum});`);
    }
  });
  out.push(...softmaxUnrolled(shape.classes));
  return out.join('\n');
}

/** Softmax CE of the logits z0…z(K−1) by the log-sum-exp shift; argmax, lowest index on ties. */
function softmaxUnrolled(classes: number): string[] {
  const rest = Array.from({ length: classes - 1 }, (_, c) => c + 1);
  return [
    '    var m = z0;',
    '    var best = vec4u(0u);',
    ...rest.flatMap((c) => [
      `    best = select(best, vec4u(${u(c)}), z${c} > m);`,
      `    m = max(m, z${c});`,
    ]),
    `    let s = ${['exp(z0 - m)', ...rest.map((c) => `exp(z${c} - m)`)].join(' + ')};`,
    '    var zy = z0;',
    ...rest.map((c) => `    zy = select(zy, z${c}, y == vec4u(${u(c)}));`),
    '    let ce = m + log(s) - zy;',
  ];
}

/** The storage variant's layers after the first, through the accessors of slice_loss.wgsl. */
function storageLayers(shape: MlpShape, wbase: number): string {
  const [, ...rest] = mlpLayout(shape).layers;
  const body: string[] = [];
  rest.forEach((L, idx) => {
    const last = idx === rest.length - 1;
    const src = idx % 2 === 0 ? 'A' : 'B';
    const dst = idx % 2 === 0 ? 'B' : 'A';
    body.push(
      `  for (var i = 0u; i < ${u(L.out)}; i++) {`,
      `    var s = vec4f(w(${u(L.b - wbase)} + i));`,
      `    for (var j = 0u; j < ${u(L.in)}; j++) {`,
      `      s += w(${u(L.w - wbase)} + i * ${u(L.in)} + j) * h${src}(j);`,
      `    }`,
      last ? `    z[i] = s;` : `    set${dst}(i, act(s));`,
      `  }`,
    );
  });
  return [
    'fn layers() -> array<vec4f, K> {',
    '  var z: array<vec4f, K>;',
    ...body,
    '  return z;',
    '}',
  ].join('\n');
}
