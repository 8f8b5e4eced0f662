import { expect, it } from 'vitest';
import { describeGpu, gpuDevice } from '../../../gpu/nodeDevice.test-util';
import { collapseStepAgreement } from './agreement';

describeGpu('collapse kernels in Node (Dawn, SwiftShader) against the f64 science', () => {
  const cases = [
    { seed: 1, loss: 'ce', counts: { kind: 'balanced', K: 4, n: 30 }, d: 8 },
    { seed: 2, loss: 'mse', counts: { kind: 'explicit', counts: [40, 10, 5] }, d: 5 },
    {
      seed: 3,
      loss: 'ce',
      counts: { kind: 'explicit', counts: [70, 3, 20, 9, 1, 50] },
      d: 64,
      bias: true,
    },
    { seed: 4, loss: 'mse', counts: { kind: 'balanced', K: 10, n: 13 }, d: 12, bias: true },
    // A trained, saturated CE state (ρ near ρ*): the f32 loss and 1 − p_y paths matter here.
    { seed: 5, loss: 'ce', counts: { kind: 'balanced', K: 3, n: 20 }, d: 3, warmSteps: 300 },
  ] as const;
  for (const c of cases)
    it(
      `one step + metrics agree to 1e-4 normwise (${c.loss}, ${JSON.stringify(c.counts)}, d=${String(c.d)})`,
      { timeout: 120_000 },
      async () => {
        const a = await collapseStepAgreement(await gpuDevice(), c);
        expect(a.nonFinite).toBe(0);
        expect(a.mismatchDiff).toBe(0);
        for (const [name, e] of Object.entries(a.maxRelErr)) expect(e, name).toBeLessThan(1e-4);
      },
    );
});
