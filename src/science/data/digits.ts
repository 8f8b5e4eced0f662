/**
 * The 8×8 handwritten digits (UCI Optical Recognition of Handwritten Digits, Alpaydin & Kaynak
 * 1998, CC BY 4.0; the scikit-learn copy): the data set of the Ghosts of Softmax LR-spike test.
 */
import { Rng } from '../rng';

/** A labelled data set: n rows of d features, row-major, ready to copy into a GPU buffer. */
export interface Dataset<D extends number = number> {
  x: Float32Array;
  y: Uint8Array;
  n: number;
  d: D;
}

const PIXELS = 64;
const CLASSES = 10;

/**
 * Parses the CSV shipped in shared/data/digits: one row per image, 64 pixel values (integers
 * 0–16) then the class (0–9), no header. Blank lines are skipped; anything else that does not fit
 * throws, naming the line, so a truncated download fails loudly instead of training on junk.
 */
export function parseDigitsCsv(text: string): Dataset<64> {
  const lines = text.split(/\r?\n/);
  const rows: string[][] = [];
  const lineNo: number[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    rows.push(line.split(','));
    lineNo.push(i + 1);
  });
  const n = rows.length;
  const x = new Float32Array(n * PIXELS);
  const y = new Uint8Array(n);
  rows.forEach((cells, r) => {
    const where = `digits CSV line ${lineNo[r] ?? '?'}`;
    if (cells.length !== PIXELS + 1) {
      throw new Error(`${where}: expected ${PIXELS + 1} values, got ${cells.length}`);
    }
    cells.forEach((cell, c) => {
      const s = cell.trim();
      const v = /^\d+(\.0*)?$/.test(s) ? Number(s) : NaN;
      if (c < PIXELS) {
        if (!(v >= 0 && v <= 16)) throw new Error(`${where}: pixel ${c} is "${s}", not 0–16`);
        // Pixels are 4×4-block counts 0–16; /16 maps them to [0, 1] as the paper does.
        x[r * PIXELS + c] = v / 16;
      } else {
        if (!(v >= 0 && v < CLASSES)) throw new Error(`${where}: label is "${s}", not 0–9`);
        y[r] = v;
      }
    });
  });
  return { x, y, n, d: PIXELS };
}

/** Rows `idx` of `data`, in that order. */
export function subset<D extends number>(data: Dataset<D>, idx: ArrayLike<number>): Dataset<D> {
  const { d } = data;
  const x = new Float32Array(idx.length * d);
  const y = new Uint8Array(idx.length);
  for (let r = 0; r < idx.length; r++) {
    const src = idx[r] ?? 0;
    x.set(data.x.subarray(src * d, src * d + d), r * d);
    y[r] = data.y[src] ?? 0;
  }
  return { x, y, n: idx.length, d };
}

/**
 * Deterministic shuffled split: the last round(testFraction·n) rows of a seeded permutation are
 * the test set. Not stratified (the paper's repo stratifies per class; with 10 balanced classes
 * the difference is a row or two per class).
 */
export function splitTrainTest<D extends number>(
  data: Dataset<D>,
  testFraction: number,
  seed: number,
): { train: Dataset<D>; test: Dataset<D> } {
  if (!(testFraction >= 0 && testFraction <= 1)) {
    throw new RangeError(`testFraction must be in [0, 1], got ${testFraction}`);
  }
  const perm = new Rng(seed).permutation(data.n);
  const nTest = Math.round(testFraction * data.n);
  const nTrain = data.n - nTest;
  return {
    train: subset(data, perm.subarray(0, nTrain)),
    test: subset(data, perm.subarray(nTrain)),
  };
}
