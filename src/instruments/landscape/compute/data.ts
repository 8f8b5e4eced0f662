/** The samples a training run uses: a seeded toy set, the digits (pixels scaled to [0, 1]) or the reader's own. */
import type { Dataset } from '../../../science/data/digits';
import { loadDigits } from '../../../worker/loadDigits';
import { toyClasses, toyDataset } from '../science/datasets';
import type { Samples } from '../science/shape';
import type { TrainSettings } from './protocol';

export interface RunData {
  samples: Samples;
  classes: number;
}

export const classesOf = (s: Samples): number => {
  let k = 0;
  for (let i = 0; i < s.n; i++) k = Math.max(k, s.y[i] ?? 0);
  return Math.max(2, k + 1);
};

export async function runData(t: TrainSettings, dataUrl: string): Promise<RunData> {
  if (t.own) return { samples: t.own.samples, classes: classesOf(t.own.samples) };
  if (t.data === 'digits') {
    const d: Dataset<64> = await loadDigits(dataUrl);
    // Pixels are 0–16; scaled to [0, 1] so one learning rate suits every data set.
    const x = Float32Array.from(d.x, (v) => v / 16);
    return { samples: { x, y: d.y, n: d.n, d: 64 }, classes: 10 };
  }
  const opts = { kind: t.data, n: t.n, noise: t.noise, seed: t.seed };
  return { samples: toyDataset(opts), classes: toyClasses(opts) };
}
