import { expect, it } from 'vitest';
import { describeGpu, gpuDevice } from '../../../gpu/nodeDevice.test-util';
import { planeFieldGpu } from './plane';
import { planeField } from '../science';

describeGpu('plane kernel in Node (Dawn, SwiftShader)', () => {
  it('agrees with planeField on E4 within 2e-3', async () => {
    const device = await gpuDevice();
    const grid = { width: 64, height: 64, reMin: -4, reMax: 4, imMin: -4, imMax: 4 };
    const z = [2, 0.5, -1];
    const a = [1.5, -0.3, -1.2];
    const gpu = await planeFieldGpu(device, grid, z, a);
    const cpu = planeField(grid, z, a);
    let worst = 0;
    for (let i = 0; i < gpu.length; i += 2) {
      if ((cpu[i] ?? 0) > -6) worst = Math.max(worst, Math.abs((gpu[i] ?? 0) - (cpu[i] ?? 0)));
    }
    expect(worst).toBeLessThan(2e-3);
  });
});
