import { describe, expect, it } from 'vitest';
import { laneQueue } from './lanes';
import { resourceCache } from './resourceCache';

const tick = () => new Promise<void>((r) => setTimeout(r, 1));

describe('laneQueue', () => {
  it('runs one lane in order and lanes side by side, else runs share a mapped buffer', async () => {
    const inLane = laneQueue();
    const log: string[] = [];
    const job = (name: string) => async () => {
      log.push(`${name}+`);
      await tick();
      log.push(`${name}-`);
    };
    await Promise.all([inLane(1, job('a')), inLane(1, job('b')), inLane(2, job('c'))]);
    // b starts only after a ends; c (another lane) starts before a ends.
    expect(log.indexOf('b+')).toBeGreaterThan(log.indexOf('a-'));
    expect(log.indexOf('c+')).toBeLessThan(log.indexOf('a-'));
  });

  it('keeps a lane going after a failed job, else one lost dispatch stalls a run', async () => {
    const inLane = laneQueue();
    await expect(inLane(1, () => Promise.reject(new Error('lost')))).rejects.toThrow('lost');
    await expect(inLane(1, () => Promise.resolve(7))).resolves.toBe(7);
  });
});

describe('resourceCache', () => {
  it('keeps the most recently used entries and destroys the evicted, else buffers leak', () => {
    const cache = resourceCache<{ buffers: GPUBuffer[]; name: string }>(2);
    const device = {} as GPUDevice;
    const destroyed: string[] = [];
    const make = (name: string) => () => ({
      name,
      buffers: [{ destroy: () => destroyed.push(name) } as unknown as GPUBuffer],
    });
    const a = cache(device, 'a', make('a'));
    cache(device, 'b', make('b'));
    expect(cache(device, 'a', make('a2'))).toBe(a);
    cache(device, 'c', make('c'));
    expect(destroyed).toEqual(['b']);
    expect(cache(device, 'a', make('a3')).name).toBe('a');
  });
});
