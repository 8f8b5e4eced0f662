/**
 * WGSL for the training gradient, specialised per shape: sizes become `const`s and each layer is
 * written out as its own loop nest (the MLP's depth is 1–4), so every array has a literal size.
 */
import activations from '../../../../shaders/lib/activations.wgsl?raw';
import sampleSrc from '../../../../shaders/landscape/grad_sample.wgsl?raw';
import reduceSrc from '../../../../shaders/landscape/grad_reduce.wgsl?raw';
import { mlpLayout, type MlpShape } from '../science/shape';

export interface GradCode {
  sample: string;
  reduce: string;
}

const u = (n: number): string => `${n}u`;

export function gradCode(shape: MlpShape): GradCode {
  const layout = mlpLayout(shape);
  const { layers } = layout;
  const top = layers.length - 1;
  const consts = [
    `const P: u32 = ${u(layout.size)};`,
    `const D: u32 = ${u(shape.inputs)};`,
    `const K: u32 = ${u(shape.classes)};`,
  ].join('\n');
  const fns = [
    `fn act(x: vec4f) -> vec4f { return act_${shape.act}(x); }`,
    `fn slope(x: vec4f) -> vec4f { return slope_${shape.act}(x); }`,
  ].join('\n');
  // a_l: input of layer l (a0 = samples); p_l: pre-activation of hidden layer l (1-based).
  const forward: string[] = [];
  layers.forEach((L, l) => {
    const last = l === top;
    if (!last) {
      forward.push(`  var p${l + 1}: array<vec4f, ${u(L.out)}>;`);
      forward.push(`  var a${l + 1}: array<vec4f, ${u(L.out)}>;`);
    }
    forward.push(
      `  for (var i = 0u; i < ${u(L.out)}; i++) {`,
      `    var s = vec4f(theta[${u(L.b)} + i]);`,
      `    for (var j = 0u; j < ${u(L.in)}; j++) {`,
      `      s += theta[${u(L.w)} + i * ${u(L.in)} + j] * a${l}[j];`,
      `    }`,
      last ? `    z[i] = s;` : `    p${l + 1}[i] = s;\n    a${l + 1}[i] = act(s);`,
      `  }`,
    );
  });
  // d of layer l's output: dz for the logits, d{l+1} for hidden layer l+1.
  const backward: string[] = [];
  for (let l = top; l >= 0; l--) {
    const L = layers[l];
    if (!L) continue;
    const d = l === top ? 'dz' : `d${l + 1}`;
    backward.push(
      `  for (var i = 0u; i < ${u(L.out)}; i++) {`,
      `    let g = ${d}[i];`,
      `    part[base + ${u(L.b)} + i] = dot(g, vec4f(1.0));`,
      `    for (var j = 0u; j < ${u(L.in)}; j++) {`,
      `      part[base + ${u(L.w)} + i * ${u(L.in)} + j] = dot(g, a${l}[j]);`,
      `    }`,
      `  }`,
    );
    if (l === 0) break;
    // δ_{l} = (W_lᵀ δ_{l+1}) ⊙ σ'(p_l).
    backward.push(
      `  var d${l}: array<vec4f, ${u(L.in)}>;`,
      `  for (var j = 0u; j < ${u(L.in)}; j++) {`,
      `    var s = vec4f(0.0);`,
      `    for (var i = 0u; i < ${u(L.out)}; i++) {`,
      `      s += theta[${u(L.w)} + i * ${u(L.in)} + j] * ${d}[i];`,
      `    }`,
      `    d${l}[j] = s * slope(p${l}[j]);`,
      `  }`,
    );
  }
  const sample = sampleSrc
    .replace('  // FORWARD', forward.join('\n'))
    .replace('  // BACKWARD', backward.join('\n'));
  return {
    sample: `${consts}\n${activations}\n${fns}\n${sample}`,
    reduce: `${consts}\n${reduceSrc}`,
  };
}
