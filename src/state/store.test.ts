import { describe, expect, it } from 'vitest';
import { useAtlas } from './store';

describe('notices', () => {
  it('shows a repeated text once and keeps only the newest few, else a message flood buries the page', () => {
    const { notify } = useAtlas.getState();
    notify('warning', 'same');
    notify('warning', 'same');
    expect(useAtlas.getState().notices.filter((n) => n.text === 'same')).toHaveLength(1);
    for (let i = 0; i < 2000; i++) notify('warning', `bad message ${i}`);
    const { notices } = useAtlas.getState();
    expect(notices.length).toBeLessThanOrEqual(5);
    expect(notices.at(-1)?.text).toBe('bad message 1999');
  });
});
