// The landscape engine in Node on the f64 path: step=N is the same θ however it is reached
// (one request, N single steps, or back from further on), reset drops the run, a GPU that fails
// mid-run is replayed from the seed on the CPU, and the 1-D panel interpolates between the pair
// of ends a request names, pins included. A failure means a link or a pin shows another θ than
// the one the reader trained to.
import { describe, expect, it } from 'vitest';
import { engineHost, type HostJob, type HostReply } from '../../../worker/engineHost';
import { lossAndGradient } from '../science/gradient';
import { lossAndAccuracy } from '../science/forward';
import { lossSlice } from '../science/slice';
import { landscapeEngine, type AcquireKernels } from './engine';
import type {
  InterpPair,
  LandscapeEvent,
  LandscapeRequest,
  LandscapeState,
  TrainSettings,
} from './protocol';

const TRAIN: TrainSettings = {
  data: 'moons',
  n: 48,
  noise: 0.1,
  hidden: [5],
  act: 'tanh',
  opt: 'adam',
  lr: 0.05,
  wd: 0,
  batch: 16,
  seed: 4,
  train: 'cpu',
  own: null,
};

const DEFAULT_PAIR: InterpPair = { from: { kind: 'initial' }, to: { kind: 'current' } };

let nextId = 1;
const request = (step: number, over: Partial<LandscapeRequest> = {}): LandscapeRequest => ({
  id: nextId++,
  kind: 'runTo',
  train: TRAIN,
  slice: { norm: 'filter', bias: 'ignore', span: 1, grid: 21, dirs: 'random' },
  pair: DEFAULT_PAIR,
  step,
  refine: false,
  dataUrl: '',
  ...over,
});

const job: HostJob<LandscapeEvent> = { superseded: () => false, event: () => {}, gpuBroken: null };

async function serve(
  engine: ReturnType<typeof landscapeEngine>,
  req: LandscapeRequest,
): Promise<LandscapeState> {
  const r = await engine.serve(req, job);
  if (typeof r === 'symbol') throw new Error('cancelled');
  return r;
}

describe('the landscape engine', () => {
  it('replays step=N to the same θ, loss and history as N single steps', async () => {
    const once = await serve(landscapeEngine(), request(12));
    const stepper = landscapeEngine();
    const history: number[] = [];
    let s: LandscapeState | null = null;
    for (let t = 1; t <= 12; t++) {
      s = await serve(stepper, request(t));
      // Each state carries only the rows the page does not have yet.
      expect(s.historyFrom).toBe(t - 1);
      history.push(...s.history);
    }
    expect(s?.step).toBe(12);
    expect(s?.theta).toEqual(once.theta);
    expect(s?.trainLoss).toBe(once.trainLoss);
    expect(history).toEqual(Array.from(once.history));
    expect(once.history).toHaveLength(12);
    // And the run moved: a run that ignored the step would still be at θ₀.
    expect(once.theta).not.toEqual(once.theta0);
  });

  it('goes back by replaying from the seed, not by keeping the later θ', async () => {
    const e = landscapeEngine();
    await serve(e, request(20));
    const back = await serve(e, request(7));
    const fresh = await serve(landscapeEngine(), request(7));
    expect(back.step).toBe(7);
    expect(back.theta).toEqual(fresh.theta);
    expect(back.historyFrom).toBe(0);
    expect(Array.from(back.history)).toEqual(Array.from(fresh.history));
  });

  it('reset drops the run: the next request starts from the seed and resends all history', async () => {
    const e = landscapeEngine();
    await serve(e, request(5));
    expect((await serve(e, request(9))).historyFrom).toBe(5);
    e.reset();
    const again = await serve(e, request(9));
    expect(again.historyFrom).toBe(0);
    expect(again.history).toHaveLength(9);
    expect(again.theta).toEqual((await serve(landscapeEngine(), request(9))).theta);
  });

  it('reports f(0, 0), train-loss and the slice of the θ it trained to', async () => {
    const s = await serve(landscapeEngine(), request(6));
    const full = lossAndAccuracy(
      { inputs: 2, hidden: [5], classes: s.classes, act: 'tanh' },
      s.theta,
      s.samples,
    );
    expect(s.trainLoss).toBe(full.loss);
    expect(s.slice?.center).toBe(s.trainLoss);
    expect(s.slice?.alphas).toHaveLength(21);
    expect(s.slice?.min.loss).toBeLessThanOrEqual(s.trainLoss);
  });
});

describe('the 1-D pair', () => {
  const shapeOf = (s: LandscapeState) => ({
    inputs: 2,
    hidden: [5],
    classes: s.classes,
    act: 'tanh' as const,
  });
  const at = (s: LandscapeState, alpha: number): number => {
    const ip = s.interp;
    if (!ip) throw new Error('no interpolation');
    const i = ip.alphas.indexOf(alpha);
    if (i < 0) throw new Error(`α = ${alpha} is not on the curve`);
    return ip.loss[i] ?? NaN;
  };

  it('runs from θ₀ (α = 0) to the current θ (α = 1) by default', async () => {
    const s = await serve(landscapeEngine(), request(10));
    expect(s.interp?.from).toEqual({ kind: 'initial', step: 0 });
    expect(s.interp?.to).toEqual({ kind: 'current', step: 10 });
    expect(at(s, 1)).toBe(s.trainLoss);
    expect(at(s, 0)).toBe(lossAndAccuracy(shapeOf(s), s.theta0, s.samples).loss);
    expect(s.interp?.alphas[0]).toBe(-0.5);
    expect(s.interp?.alphas.at(-1)).toBe(1.5);
  });

  it('runs between two pinned θ’s: their losses at α = 0 and 1, whatever the current step', async () => {
    const e = landscapeEngine();
    const s5 = await serve(e, request(5));
    const s20 = await serve(e, request(20));
    const pinned: InterpPair = {
      from: { kind: 'pin', step: 5, theta: s5.theta },
      to: { kind: 'pin', step: 20, theta: s20.theta },
    };
    const s = await serve(e, request(30, { pair: pinned }));
    expect(s.step).toBe(30);
    expect(s.interp?.from).toEqual({ kind: 'pin', step: 5 });
    expect(s.interp?.to).toEqual({ kind: 'pin', step: 20 });
    expect(at(s, 0)).toBe(s5.trainLoss);
    expect(at(s, 1)).toBe(s20.trainLoss);
    expect(at(s, 1)).not.toBe(s.trainLoss);
    // The midpoint is the loss at (θ₅ + θ₂₀)/2, evaluated independently.
    const mid = Float64Array.from(s5.theta, (v, i) => 0.5 * v + 0.5 * (s20.theta[i] ?? NaN));
    expect(at(s, 0.5)).toBeCloseTo(lossAndAccuracy(shapeOf(s), mid, s.samples).loss, 12);
    // The curve does not depend on the step the run is at.
    const later = await serve(e, request(33, { pair: pinned }));
    expect(Array.from(later.interp?.loss ?? [])).toEqual(Array.from(s.interp?.loss ?? []));
  });

  it('mixes ends: a pin to the current θ, and the reversed pair is the mirror image', async () => {
    const e = landscapeEngine();
    const s8 = await serve(e, request(8));
    const pin = { kind: 'pin' as const, step: 8, theta: s8.theta };
    const fwd = await serve(e, request(16, { pair: { from: pin, to: { kind: 'current' } } }));
    const rev = await serve(e, request(16, { pair: { from: { kind: 'current' }, to: pin } }));
    expect(at(fwd, 0)).toBe(s8.trainLoss);
    expect(at(fwd, 1)).toBe(fwd.trainLoss);
    const f = fwd.interp?.loss ?? new Float64Array();
    const r = rev.interp?.loss ?? new Float64Array();
    expect(f.length).toBeGreaterThan(40);
    // α on a grid symmetric about ½: L at α one way is L at 1 − α the other way.
    for (let i = 0; i < f.length; i++) {
      expect(r[f.length - 1 - i]).toBeCloseTo(f[i] ?? NaN, 10);
    }
    expect(fwd.interp?.min.loss).toBeCloseTo(rev.interp?.min.loss ?? NaN, 10);
  });
});

describe('a GPU that fails mid-run', () => {
  /**
   * A stand-in GPU: f64 kernels labelled 'gpu' whose gradient throws from its `failAt`-th call
   * on, as a lost device would. Its slice is the f64 oracle, so it answers like the CPU path.
   */
  const failingKernels =
    (failAt: number): AcquireKernels =>
    (shape, samples) => {
      let calls = 0;
      return Promise.resolve({
        kind: 'gpu',
        adapter: 'fake',
        grad: {
          evaluate: (theta, rows) => {
            if (++calls >= failAt) return Promise.reject(new Error('device lost'));
            return Promise.resolve(lossAndGradient(shape, theta, samples, rows));
          },
        },
        slice: {
          evaluate: (theta, delta, eta, alphas, betas) => {
            const r = lossSlice(
              shape,
              theta,
              delta,
              eta,
              samples,
              Float64Array.from(alphas),
              Float64Array.from(betas),
            );
            return Promise.resolve({
              loss: Float32Array.from(r.loss),
              accuracy: Float32Array.from(r.accuracy),
            });
          },
        },
      });
    };

  it('is replayed from the seed on the CPU: the same θ as train=cpu, and the badge says why', async () => {
    const replies: HostReply<LandscapeState, LandscapeEvent>[] = [];
    const handle = engineHost(landscapeEngine(failingKernels(6)), (r) => replies.push(r));
    const req = request(10, { train: { ...TRAIN, train: 'auto' } });
    handle(req);
    await expect
      .poll(() => replies.find((r) => r.id === req.id && r.kind !== 'event'))
      .toBeDefined();
    const done = replies.find((r) => r.id === req.id && r.kind === 'done');
    if (done?.kind !== 'done') throw new Error(`no result: ${JSON.stringify(replies.at(-1))}`);
    const cpu = await serve(landscapeEngine(), request(10));
    expect(done.result.theta).toEqual(cpu.theta);
    expect(Array.from(done.result.history)).toEqual(Array.from(cpu.history));
    expect(done.result.trainProvenance).toEqual({
      kind: 'cpu',
      reason: 'the GPU failed: device lost',
    });
    expect(done.result.slice?.provenance.kind).toBe('cpu');
  });

  it('keeps the GPU when it does not fail', async () => {
    const s = await serve(
      landscapeEngine(failingKernels(Infinity)),
      request(4, { train: { ...TRAIN, train: 'auto' } }),
    );
    expect(s.trainProvenance).toEqual({ kind: 'gpu', adapter: 'fake' });
    expect(s.step).toBe(4);
  });
});
