import { describe, expect, it } from 'vitest';
import { pauseEngines, yieldToMessages } from './engineHost';

describe('pausing engines', () => {
  it('holds work at its next yield while paused and lets it go on where it was', async () => {
    let steps = 0;
    const run = (async () => {
      for (let i = 0; i < 10; i++) {
        steps++;
        await yieldToMessages();
      }
    })();
    await yieldToMessages();
    pauseEngines(true);
    const held = steps;
    // Many turns of the event loop: a paused replay must not take a single step more.
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    expect(steps).toBe(held);
    expect(steps).toBeLessThan(10);
    pauseEngines(false);
    await run;
    expect(steps).toBe(10);
  });
});
