/**
 * train=auto picks the faster path, and says why. The WGSL kernels run the plain UFM only, and
 * on a software adapter (SwiftShader) they are slower than the f64 CPU path (npm run bench,
 * `collapse-step`), so there the CPU trains and the badge says so.
 */
import { acquireGpu } from '../../../gpu/device';
import type { CollapseConfig } from '../science';
import { CpuBackend, type StepBackend } from './backend';
import type { CollapseSettings } from './collapseEngine';
import { GpuBackend } from './gpuBackend';
import { MlpBackend } from './mlpBackend';
import { digitsUrl, loadDigits } from '../../../worker/loadDigits';

/** Adapters known to be slower than the CPU path for this model. */
const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|software|warp/i;

export async function chooseBackend(
  settings: CollapseSettings,
  cfg: CollapseConfig,
  gpuBroken: string | null,
): Promise<StepBackend> {
  const cpu = (reason: string) => new CpuBackend(cfg, { kind: 'cpu', reason });
  if (settings.model === 'mlp') {
    const data = await loadDigits(settings.dataUrl ?? digitsUrl(self.location.href));
    const why = "the digits MLP trains on the f64 CPU path (its WGSL kernels are the spike's)";
    return new MlpBackend(data, settings.seed, settings.lamW, settings.alpha, {
      kind: 'cpu',
      reason: why,
    });
  }
  if (settings.train === 'cpu') return cpu('train=cpu: f64 on the CPU');
  if (gpuBroken !== null) return cpu(gpuBroken);
  if (cfg.depth > 0) return cpu('the GPU kernels run the plain UFM (depth 0) only');
  const gpu = await acquireGpu();
  if (gpu.kind === 'none') return cpu(gpu.reason);
  if (SOFTWARE_ADAPTER.test(gpu.ctx.adapterName))
    return cpu(
      `faster here: the adapter (${gpu.ctx.adapterName}) is a software GPU, on which the WGSL ` +
        'step is slower than the f64 CPU path (npm run bench: collapse-step)',
    );
  return GpuBackend.create(gpu.ctx.device, cfg, gpu.ctx.adapterName);
}
