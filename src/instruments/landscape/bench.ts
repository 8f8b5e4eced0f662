/**
 * Landscape's bench module (see bench/types.ts): the slice kernel and the training-gradient
 * kernel against their f64 CPU paths on the workloads — (a) a 128×128 slice of MLP
 * 2→32→32→3 over 1,024 spirals, (b) a 51×51 slice of 64→128→10 over the 1,797 digits, (c) one
 * full-batch training step of each — and the agreement checks e2e/landscape-kernels.gpu.spec.ts
 * calls. On the software adapter a slice takes tens of seconds, so reps are few.
 */
import type { TfjsSide } from '../../../bench/tfjs';
import type { BenchModule, BenchSides, BenchWorkload } from '../../../bench/types';
import { digitsUrl, loadDigits } from '../../worker/loadDigits';
import { GradKernel } from './kernels/grad';
import { gradAgreement, type GradAgreementOptions } from './kernels/gradAgreement';
import { SliceKernel } from './kernels/slice';
import { sliceAgreement, type SliceAgreementOptions } from './kernels/sliceAgreement';
import { toyDataset } from './science/datasets';
import { sliceDirections } from './science/directions';
import { lossAndGradient } from './science/gradient';
import { initParams } from './science/init';
import type { MlpShape, Samples } from './science/shape';
import { axis, lossSlice } from './science/slice';
import { tfjsLossSlice } from './tfjsSlice';

const TFJS_SIDES: readonly TfjsSide[] = ['tfjs-wasm', 'tfjs-webgpu', 'tfjs-cpu'];

function maxRelativeError(a: Float32Array, b: Float32Array): number {
  let worst = a.length === b.length ? 0 : Infinity;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? NaN;
    const y = b[i] ?? NaN;
    worst = Math.max(worst, Math.abs(x - y) / Math.max(1e-6, Math.abs(y)));
  }
  return worst;
}

type Net = 'toy' | 'digits';

async function inputs(net: Net, baseUrl: string): Promise<{ shape: MlpShape; data: Samples }> {
  if (net === 'toy') {
    const data = toyDataset({ kind: 'spirals', n: 1024, noise: 0.1, seed: 0 });
    return { data, shape: { inputs: 2, hidden: [32, 32], classes: 3, act: 'tanh' } };
  }
  const d = await loadDigits(digitsUrl(baseUrl));
  const x = Float32Array.from(d.x, (v) => v / 16);
  return {
    data: { x, y: d.y, n: d.n, d: 64 },
    shape: { inputs: 64, hidden: [128], classes: 10, act: 'tanh' },
  };
}

const sliceWorkload = (
  id: string,
  name: string,
  net: Net,
  grid: number,
): BenchWorkload<{ net: string; grid: number }> => ({
  id,
  name,
  params: { net, grid },
  reps: 1,
  async setup(ctx): Promise<BenchSides> {
    const { shape, data } = await inputs(net, ctx.baseUrl);
    const theta = initParams(shape, 0);
    const [delta, eta] = sliceDirections(shape, theta, { seed: 1, norm: 'filter', bias: 'ignore' });
    const ax = axis(1, grid);
    const kernel = await SliceKernel.create(ctx.device, shape, data, grid);
    // The harness runs the GPU side first: each library side's first (warm-up) run is checked
    // against it, so the comparison is of the same slice.
    let reference: Float32Array | undefined;
    const checked = new Set<TfjsSide>();
    const library = (side: TfjsSide) => async (): Promise<Float32Array> => {
      const loss = await tfjsLossSlice(
        await ctx.tfjs(side),
        shape,
        theta,
        delta,
        eta,
        data,
        ax,
        ax,
      );
      if (reference && !checked.has(side)) {
        checked.add(side);
        const worst = maxRelativeError(loss, reference);
        if (!(worst < 1e-3))
          throw new Error(`${side}'s slice differs from the kernel's by ${worst}`);
      }
      return loss;
    };
    return {
      gpu: async () => {
        const r = await kernel.evaluate(theta, delta, eta, ax, ax);
        reference ??= r.loss;
        return r;
      },
      cpu: () => lossSlice(shape, theta, delta, eta, data, ax, ax),
      libraries: Object.fromEntries(TFJS_SIDES.map((side) => [side, library(side)])),
    };
  },
});

const stepWorkload = (id: string, name: string, net: Net): BenchWorkload<{ net: string }> => ({
  id,
  name,
  params: { net },
  reps: 10,
  perSecond: true,
  async setup(ctx): Promise<BenchSides> {
    const { shape, data } = await inputs(net, ctx.baseUrl);
    const theta = initParams(shape, 0);
    const kernel = await GradKernel.create(ctx.device, shape, data);
    // The gradient is the step's cost; the f64 update is the same code on both sides.
    return {
      gpu: () => kernel.evaluate(theta),
      cpu: () => lossAndGradient(shape, theta, data),
    };
  },
});

export const bench = {
  id: 'landscape',
  workloads: [
    sliceWorkload(
      'landscape-slice-toy',
      'slice 128² of MLP 2→32→32→3 over 1,024 spirals',
      'toy',
      128,
    ),
    sliceWorkload(
      'landscape-slice-digits',
      'slice 51² of MLP 64→128→10 over 1,797 digits',
      'digits',
      51,
    ),
    stepWorkload('landscape-step-toy', 'training gradient, MLP 2→32→32→3, full batch 1,024', 'toy'),
    stepWorkload(
      'landscape-step-digits',
      'training gradient, MLP 64→128→10, full batch 1,797',
      'digits',
    ),
  ],
  checks: {
    sliceAgreement: (ctx, opts: SliceAgreementOptions) => sliceAgreement(ctx.device, opts),
    gradAgreement: (ctx, opts: GradAgreementOptions) => gradAgreement(ctx.device, opts),
  },
} satisfies BenchModule;
