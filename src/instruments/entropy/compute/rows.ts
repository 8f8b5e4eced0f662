/**
 * The rows a run streams, and the page's copy of them. Rows are append-only: a message carries
 * the steps the page has not had (`from` on), so a long run posts O(steps) numbers in all.
 */

/** One run's per-step means: H, R, P at steps from…step; C of the updates from…step−1. */
export interface RunRows {
  H: Float64Array;
  R: Float64Array;
  P: Float64Array;
  C: Float64Array;
}

export interface EntropySnapshot {
  key: string;
  backend: 'gpu' | 'cpu';
  /** The adapter, or why the CPU ran. */
  note: string;
  step: number;
  from: number;
  /** Prompts and actions as built (rewards= makes B = 1, K = its length). */
  B: number;
  K: number;
  method: RunRows;
  baseline: RunRows;
  /** Per-prompt probability that one sample is correct: now, and of the initial policies. */
  pass: { method: Float64Array; baseline: Float64Array; initial: Float64Array };
  /** One prompt's actions now (prompt 0; for task=seq its first token): log π and A = r − J. */
  points: { logPi: Float64Array; adv: Float64Array };
}

export const emptyRows = (): RunRows => ({
  H: new Float64Array(0),
  R: new Float64Array(0),
  P: new Float64Array(0),
  C: new Float64Array(0),
});

function joined(a: Float64Array, keep: number, b: Float64Array): Float64Array {
  const out = new Float64Array(Math.min(keep, a.length) + b.length);
  out.set(a.subarray(0, keep));
  out.set(b, Math.min(keep, a.length));
  return out;
}

const joinRows = (a: RunRows, keep: number, b: RunRows): RunRows => ({
  H: joined(a.H, keep, b.H),
  R: joined(a.R, keep, b.R),
  P: joined(a.P, keep, b.P),
  C: joined(a.C, keep, b.C),
});

/** The page's copy after `next` arrived: its rows replace everything from next.from on. */
export function appendSnapshot(
  prev: EntropySnapshot | null,
  next: EntropySnapshot,
): EntropySnapshot {
  const fresh =
    prev === null ||
    next.from === 0 ||
    prev.key !== next.key ||
    prev.backend !== next.backend ||
    prev.step < next.from;
  if (fresh) return next;
  return {
    ...next,
    from: 0,
    method: joinRows(prev.method, next.from, next.method),
    baseline: joinRows(prev.baseline, next.from, next.baseline),
  };
}

export const snapshotTransfer = (s: EntropySnapshot): Transferable[] =>
  [s.method, s.baseline]
    .flatMap((r) => [r.H, r.R, r.P, r.C])
    .concat([s.pass.method, s.pass.baseline, s.pass.initial, s.points.logPi, s.points.adv])
    .map((a) => a.buffer);
