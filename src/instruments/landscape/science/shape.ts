/**
 * The landscape instrument's MLP: inputs → hidden₁ → … → hidden_L → K logits, one activation
 * for every hidden layer, softmax cross-entropy on the logits.
 *
 * Flat parameter layout (the same offsets index GPU buffers), layer by layer:
 *   W_l  out×in row-major (row r = output neuron r, the "filter" of Li et al. 2018 §4), then
 *   b_l  out.
 * For MLP 2 → 3 → 3 this is W1[3×2], b1[3], W2[3×3], b2[3]: the 21 numbers of SPEC §3.
 */
export type Activation = 'tanh' | 'relu' | 'gelu';

export const ACTIVATIONS: readonly Activation[] = ['tanh', 'relu', 'gelu'];

export interface MlpShape {
  /** Input dimension (2 for the toy sets, 64 for the 8×8 digits). */
  readonly inputs: number;
  /** Widths of the hidden layers, 1–4 layers of 2–128 units. */
  readonly hidden: readonly number[];
  /** Number of classes K (logits). */
  readonly classes: number;
  readonly act: Activation;
}

/** One dense layer's place in the flat vector. */
export interface LayerSlot {
  readonly in: number;
  readonly out: number;
  /** Offset of W (out×in, row-major). */
  readonly w: number;
  /** Offset of b (out). */
  readonly b: number;
}

export interface MlpLayout {
  readonly layers: readonly LayerSlot[];
  readonly size: number;
  /** Widest layer (inputs, hidden or classes): sizes scratch buffers. */
  readonly widest: number;
}

export const HIDDEN_LAYERS = { min: 1, max: 4 } as const;
export const HIDDEN_WIDTH = { min: 2, max: 128 } as const;

export function mlpLayout(shape: MlpShape): MlpLayout {
  const widths = [shape.inputs, ...shape.hidden, shape.classes];
  const layers: LayerSlot[] = [];
  let off = 0;
  for (let l = 0; l + 1 < widths.length; l++) {
    const inW = widths[l] ?? 0;
    const outW = widths[l + 1] ?? 0;
    layers.push({ in: inW, out: outW, w: off, b: off + outW * inW });
    off += outW * inW + outW;
  }
  return { layers, size: off, widest: Math.max(...widths) };
}

/** Throws RangeError naming the first field out of range. */
export function checkShape(shape: MlpShape): void {
  const { inputs, hidden, classes } = shape;
  if (!Number.isInteger(inputs) || inputs < 1) throw new RangeError(`inputs: ${inputs}`);
  if (!Number.isInteger(classes) || classes < 2) throw new RangeError(`classes: ${classes}`);
  if (hidden.length < HIDDEN_LAYERS.min || hidden.length > HIDDEN_LAYERS.max) {
    throw new RangeError(`hidden: ${hidden.length} layers, expected 1–4`);
  }
  for (const h of hidden) {
    if (!Number.isInteger(h) || h < HIDDEN_WIDTH.min || h > HIDDEN_WIDTH.max) {
      throw new RangeError(`hidden: width ${h}, expected an integer 2–128`);
    }
  }
}

/** "16,16" → [16, 16]; null if it is not 1–4 comma-separated integers in 2–128. */
export function parseHidden(text: string): number[] | null {
  const parts = text.split(',').map((s) => s.trim());
  if (parts.length < HIDDEN_LAYERS.min || parts.length > HIDDEN_LAYERS.max) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p)) return null;
    const h = Number(p);
    if (h < HIDDEN_WIDTH.min || h > HIDDEN_WIDTH.max) return null;
    out.push(h);
  }
  return out;
}

/** Parameters, a direction or a gradient in parameter space. */
export type ParamVector = Float64Array | Float32Array;

/** A labelled sample set; `Dataset` from src/science/data/digits.ts fits it. */
export interface Samples {
  /** n×d row-major; f64 accepted so golden inputs are exact. */
  readonly x: Float32Array | Float64Array;
  readonly y: Uint8Array;
  readonly n: number;
  readonly d: number;
}
