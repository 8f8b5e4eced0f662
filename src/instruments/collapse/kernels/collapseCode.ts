/**
 * WGSL of the collapse kernels, specialised per run: the shape, the loss, the bias and the
 * hyper-parameters become `const`s, so every loop has a literal trip count and every branch on
 * the config folds away (on the software adapter a loop over a uniform bound and a per-lane
 * branch both cost far more than the arithmetic they guard). See shaders/collapse/sample.wgsl.
 */
import commonSrc from '../../../../shaders/collapse/common.wgsl?raw';
import sampleSrc from '../../../../shaders/collapse/sample.wgsl?raw';
import finishSrc from '../../../../shaders/collapse/finish.wgsl?raw';
import outerSrc from '../../../../shaders/collapse/outer.wgsl?raw';
import metricSrc from '../../../../shaders/collapse/metric.wgsl?raw';
import sumRowsSrc from '../../../../shaders/lib/sum_rows.wgsl?raw';
import type { CollapseConfig } from '../science/config';
import type { UfmShape } from '../science/model';

/** Invocations per workgroup: small, so that even N = 2,000 gives every core workgroups. */
export const WG = 16;
/** Blocks of 4 samples per invocation of the per-sample passes. */
const SPB = 8;

export interface CollapseLayout {
  readonly K: number;
  readonly d: number;
  readonly N: number;
  /** Blocks of 4 samples, padded to whole workgroups (H has NB vec4 columns). */
  readonly NB: number;
  /** Workgroups of the per-sample passes. */
  readonly workgroups: number;
  /** Their invocations: rows of the partial-sum tables. */
  readonly ninv: number;
  /** Entries per row of sample.wgsl's and metric.wgsl's tables. */
  readonly stride: number;
  readonly metricStride: number;
  /** Floats in `small` (common.wgsl). */
  readonly small: number;
  /** Offset of the class means in `small`. */
  readonly means: number;
}

export function collapseLayout({ K, d, N }: UfmShape): CollapseLayout {
  const workgroups = Math.ceil(N / (4 * SPB * WG));
  return {
    K,
    d,
    N,
    NB: workgroups * WG * SPB,
    workgroups,
    ninv: workgroups * WG,
    stride: 2 * K * d + K + 3,
    metricStride: (K * (K + 1)) / 2 + 1,
    small: 2 * K * K + 1 + 2 * K * d,
    means: K * K + 1,
  };
}

const u = (n: number): string => `${String(n)}u`;
// Exponent form with f32's 9 significant digits: a valid WGSL float literal for any finite value.
const f = (x: number): string => Math.fround(x).toExponential(8);

export interface CollapseCode {
  readonly sampleStep: string;
  readonly sampleMeasure: string;
  /** finish.wgsl: `update` takes the step variant, `gram` both (DM when measuring). */
  /** outer.wgsl, as the step and as the measurement need it. */
  readonly outerStep: string;
  readonly outerMeasure: string;
  readonly finishStep: string;
  readonly finishMeasure: string;
  readonly metric: string;
  /** Column sums of sample.wgsl's and metric.wgsl's tables. */
  readonly sumStep: string;
  readonly sumMetric: string;
}

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
/** A sum of terms, left to right (the order of the loops on the CPU). */
const sum = (terms: string[]): string => terms.join(' + ');
/** The value of `v(k)` at each lane's class y (vec4f), by a chain of selects over k < K. */
const atClass = (K: number, v: (k: number) => string): string =>
  range(K).reduce((acc, k) => `select(${acc}, ${v(k)}, y == vec4u(${u(k)}))`, 'vec4f(0.0)');

interface Parts {
  readonly declare: string[];
  readonly block: string[];
  readonly write: string[];
}

function fill(src: string, p: Parts): string {
  const ind = (lines: string[], pad: string): string => lines.map((l) => pad + l).join('\n');
  return src
    .replace('  // DECLARE', ind(p.declare, '  '))
    .replace('    // BLOCK', ind(p.block, '    '))
    .replace('  // WRITE', ind(p.write, '  '));
}

/** sample.wgsl's straight-line parts for one config and mode. */
function sampleParts(cfg: CollapseConfig, L: CollapseLayout, update: boolean): Parts {
  const { K, d: D } = L;
  const KD = K * D;
  const mse = cfg.loss === 'mse';
  const ks = range(K);
  const js = range(D);
  const w = (k: number, j: number): string => `wb[${u(k * D + j)}]`;
  const g = (a: number, c: number): string => `g${a}_${c}`;
  const declare: string[] = [];
  const block: string[] = [];
  const write: string[] = [];
  // W·Wᵀ and its ∞-norm, read once per invocation.
  for (const a of ks) for (const c of ks) declare.push(`let ${g(a, c)} = small[${u(a * K + c)}];`);
  declare.push(
    `let inf = ${ks.map((a) => `(${sum(ks.map((c) => `abs(${g(a, c)})`))})`).reduce((x, y) => `max(${x}, ${y})`)};`,
    'var lossSum = vec4f(0.0);',
    'var hsqSum = vec4f(0.0);',
    'var cwSum = vec4f(0.0);',
  );

  for (const j of js) block.push(`let h${j} = hCur[${u(j)} * NB + q];`);
  block.push(`let hsq = ${sum(js.map((j) => `h${j} * h${j}`))};`);
  for (const k of ks) {
    const bias = cfg.bias ? [`vec4f(wb[${u(KD + k)}])`] : [];
    block.push(`let z${k} = ${sum([...bias, ...js.map((j) => `${w(k, j)} * h${j}`)])};`);
  }
  // Argmax, ties to the lowest k as on the CPU.
  block.push('var m = z0;', 'var top = vec4u(0u);');
  for (const k of ks.slice(1))
    block.push(`top = select(top, vec4u(${u(k)}), z${k} > m);`, `m = max(m, z${k});`);
  for (const k of ks) block.push(`let isY${k} = y == vec4u(${u(k)});`);
  if (mse) {
    for (const k of ks)
      block.push(
        `let r${k} = select(z${k} - select(vec4f(0.0), vec4f(1.0), isY${k}), vec4f(0.0), !valid);`,
      );
    block.push(
      `let loss = ${sum(ks.map((k) => `0.5 * r${k} * r${k}`))};`,
      'let kap = vec4f(inf);',
      'let cw = vec4f(0.0);',
    );
  } else {
    for (const k of ks) block.push(`let e${k} = exp(z${k} - m);`);
    block.push(
      `let sum = ${sum(ks.map((k) => `e${k}`))};`,
      // 1 − p_y from the other classes' mass, not by subtraction (it is tiny at large ρ).
      `let others = ${sum(ks.map((k) => `select(e${k}, vec4f(0.0), isY${k})`))};`,
      `let zy = ${atClass(K, (k) => `z${k}`)};`,
      `let gyy = ${atClass(K, (k) => `vec4f(${g(k, k)})`)};`,
      'let oneMinusPy = others / sum;',
      'let loss = select(select(m - zy + log(sum), log1pSmall(others), y == top), vec4f(0.0), !valid);',
    );
    for (const k of ks) {
      block.push(
        `let p${k} = e${k} / sum;`,
        `let r${k} = select(select(p${k}, -oneMinusPy, isY${k}), vec4f(0.0), !valid);`,
      );
    }
    const kv = ks.map(
      (k) =>
        `select(p${k} * (${g(k, k)} + gyy - 2.0 * ${atClass(K, (c) => `vec4f(${g(k, c)})`)}), vec4f(0.0), isY${k})`,
    );
    block.push(
      `let kap = min(0.5 * vec4f(inf), ${sum(kv)});`,
      `let cw = select(min(vec4f(0.5), 2.0 * oneMinusPy) * (hsq${cfg.bias ? ' + 1.0' : ''}), vec4f(0.0), !valid);`,
    );
  }
  block.push('lossSum += loss;', 'hsqSum += hsq;', 'cwSum += cw;');
  if (update) {
    block.push('let eta = ALPHA / (LAM_H + kap * INV_N);');
    for (const j of js)
      block.push(
        `hNext[${u(j)} * NB + q] = h${j} - eta * ((${sum(ks.map((k) => `r${k} * ${w(k, j)}`))}) * INV_N + LAM_H * h${j});`,
      );
    for (const k of ks) block.push(`resid[${u(k)} * NB + q] = r${k};`);
  } else {
    block.push('best[q] = top;');
  }

  const put = (e: number, v: string): string => `partials[base + ${u(e)}] = dot(${v}, one);`;
  write.push(
    put(2 * KD + K, 'lossSum'),
    put(2 * KD + K + 1, 'hsqSum'),
    put(2 * KD + K + 2, 'cwSum'),
  );
  return { declare, block, write };
}

/** outer.wgsl's parts: one line per class. */
function outerParts(cfg: CollapseConfig, L: CollapseLayout, update: boolean): Parts {
  const { K, d: D } = L;
  const KD = K * D;
  const classes = !update || cfg.loss === 'mse';
  const ks = range(K);
  const declare: string[] = [];
  const block: string[] = [];
  const write: string[] = [];
  if (update) {
    for (const k of ks) declare.push(`var rh${k} = vec4f(0.0);`, `var sr${k} = vec4f(0.0);`);
    for (const k of ks)
      block.push(
        `let r${k} = resid[${u(k)} * NB + q];`,
        `rh${k} += r${k} * h;`,
        `sr${k} += r${k};`,
      );
    for (const k of ks) write.push(`partials[base + ${u(k * D)} + j] = dot(rh${k}, one);`);
    write.push('if (j == 0u) {');
    for (const k of ks) write.push(`  partials[base + ${u(2 * KD + k)}] = dot(sr${k}, one);`);
    write.push('}');
  }
  if (classes) {
    for (const k of ks) declare.push(`var cs${k} = vec4f(0.0);`);
    for (const k of ks) block.push(`cs${k} += select(vec4f(0.0), h, y == vec4u(${u(k)}));`);
    for (const k of ks) write.push(`partials[base + ${u(KD + k * D)} + j] = dot(cs${k}, one);`);
  }
  return { declare, block, write };
}

/** metric.wgsl's straight-line parts. */
function metricParts(L: CollapseLayout): Parts {
  const { K, d: D, means } = L;
  const mc = means + K * D;
  const dm = mc + K * D;
  const ks = range(K);
  const js = range(D);
  const pairs = ks.flatMap((a) => ks.slice(a).map((c) => [a, c] as const));
  const declare = [
    ...pairs.map(([a, c]) => `var S${a}_${c} = vec4f(0.0);`),
    'var miss = vec4f(0.0);',
  ];
  const block: string[] = [];
  for (const j of js) {
    // v_i formed first, so a collapsed class keeps its tiny spread in f32.
    const mu = atClass(K, (k) => `vec4f(small[${u(means + k * D + j)}])`);
    block.push(`let v${j} = select(hCur[${u(j)} * NB + q] - ${mu}, vec4f(0.0), !valid);`);
  }
  for (const k of ks)
    block.push(`let pv${k} = ${sum(js.map((j) => `small[${u(mc + k * D + j)}] * v${j}`))};`);
  block.push(`let pvy = ${atClass(K, (k) => `pv${k}`)};`);
  // dist_k − dist_y = 2(pv_y − pv_k) + ‖μ_y − μ_k‖²; ties go to the lowest k, as on the CPU.
  block.push('var nearest = vec4u(0u);', 'var dBest = vec4f(3.4e38);');
  for (const k of ks) {
    const dyk = atClass(K, (c) => `vec4f(small[${u(dm + c * K + k)}])`);
    block.push(
      `let dist${k} = select(2.0 * (pvy - pv${k}) + ${dyk}, vec4f(0.0), y == vec4u(${u(k)}));`,
      `nearest = select(nearest, vec4u(${u(k)}), dist${k} < dBest);`,
      `dBest = min(dBest, dist${k});`,
    );
  }
  block.push('miss += select(vec4f(0.0), vec4f(1.0), valid & (nearest != best[q]));');
  for (const [a, c] of pairs) block.push(`S${a}_${c} += pv${a} * pv${c};`);
  const write = [
    ...pairs.map(([a, c], e) => `partials[base + ${u(e)}] = dot(S${a}_${c}, one);`),
    `partials[base + ${u(pairs.length)}] = dot(miss, one);`,
  ];
  return { declare, block, write };
}

export function collapseCode(cfg: CollapseConfig, L: CollapseLayout): CollapseCode {
  const head = (update: boolean, stride: number): string =>
    [
      `const K: u32 = ${u(L.K)};`,
      `const D: u32 = ${u(L.d)};`,
      `const N: u32 = ${u(L.N)};`,
      `const NB: u32 = ${u(L.NB)};`,
      `const SPB: u32 = ${u(SPB)};`,
      `const WG: u32 = ${u(WG)};`,
      `const NINV: u32 = ${u(L.ninv)};`,
      `const STRIDE: u32 = ${u(stride)};`,
      `const MSE: bool = ${String(cfg.loss === 'mse')};`,
      `const BIAS: bool = ${String(cfg.bias)};`,
      `const UPDATE: bool = ${String(update)};`,
      `const LAM_W: f32 = ${f(cfg.lamW)};`,
      `const LAM_H: f32 = ${f(cfg.lamH)};`,
      `const ALPHA: f32 = ${f(cfg.alpha)};`,
      commonSrc,
    ].join('\n');
  const sumRows = (entries: number, row: number): string =>
    [
      `const ENTRIES: u32 = ${u(entries)};`,
      `const ROWS: u32 = ${u(L.ninv)};`,
      `const ROW: u32 = ${u(row)};`,
      `const WG: u32 = ${u(WG)};`,
      sumRowsSrc,
    ].join('\n');
  return {
    sampleStep: `${head(true, L.stride)}\n${fill(sampleSrc, sampleParts(cfg, L, true))}`,
    sampleMeasure: `${head(false, L.stride)}\n${fill(sampleSrc, sampleParts(cfg, L, false))}`,
    outerStep: `${head(true, L.stride)}\n${fill(outerSrc, outerParts(cfg, L, true))}`,
    outerMeasure: `${head(false, L.stride)}\n${fill(outerSrc, outerParts(cfg, L, false))}`,
    finishStep: `${head(true, L.stride)}\n${finishSrc}`,
    finishMeasure: `${head(false, L.stride)}\n${finishSrc}`,
    metric: `${head(false, L.metricStride)}\n${fill(metricSrc, metricParts(L))}`,
    sumStep: sumRows(L.stride, L.stride),
    sumMetric: sumRows(L.metricStride, L.metricStride),
  };
}
