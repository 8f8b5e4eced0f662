import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleHostMessage, keyForHost, readHostMessage, type KeyFacts } from './hostMessages';
import { useAtlas } from '../state/store';
import { pageLive } from '../state/live';
import { registerTransport } from '../state/transport';
import { DEFAULT_PARAMS } from './link';

const msg = (action: string, extra: Record<string, unknown> = {}) => ({
  type: 'softmax-atlas',
  version: 1,
  action,
  ...extra,
});

describe('reading host messages', () => {
  it('takes reveal.js’s plain strings and the versioned API, as objects or JSON text', () => {
    expect(readHostMessage('slide:stop')).toEqual({ kind: 'slide', active: false });
    expect(readHostMessage('slide:start')).toEqual({ kind: 'slide', active: true });
    expect(readHostMessage(msg('slide:stop'))).toEqual({ kind: 'slide', active: false });
    expect(readHostMessage(JSON.stringify(msg('play')))).toEqual({
      kind: 'transport',
      action: 'play',
    });
    expect(readHostMessage(msg('step'))).toEqual({ kind: 'transport', action: 'step' });
    expect(readHostMessage(msg('set', { params: { tau: 1.5, y: '2' } }))).toEqual({
      kind: 'set',
      params: { tau: '1.5', y: '2' },
    });
  });

  it('ignores other pages’ traffic and names what it cannot use', () => {
    // What reveal.js sends to video players, and its own API commands, are not for us.
    expect(readHostMessage('{"method":"play"}')).toEqual({ kind: 'ignore' });
    expect(readHostMessage('{not json')).toEqual({ kind: 'ignore' });
    expect(readHostMessage(42)).toEqual({ kind: 'ignore' });
    expect(readHostMessage({ ...msg('set'), version: 2 })).toMatchObject({ kind: 'rejected' });
    expect(readHostMessage(msg('set', { params: { tau: [1] } }))).toMatchObject({
      kind: 'rejected',
    });
    expect(readHostMessage(msg('fly'))).toMatchObject({ kind: 'rejected' });
  });
});

describe('carrying out host messages', () => {
  const posted: unknown[] = [];
  beforeEach(() => {
    posted.length = 0;
    // A framed page: its parent is another window that records what it is sent.
    const parent = { postMessage: (m: unknown) => posted.push(m) };
    vi.stubGlobal('window', { parent });
  });
  afterEach(() => {
    handleHostMessage('slide:start');
    vi.unstubAllGlobals();
  });

  it('validates "set" by the link schema and keeps the app keys on "reset"', () => {
    useAtlas.getState().setParams({ ...DEFAULT_PARAMS, embed: true });
    handleHostMessage(msg('set', { params: { tau: '2.5', y: '99' } }));
    const { params, notices } = useAtlas.getState();
    expect(params.ghosts.tau).toBe(2.5);
    // y = 99 is out of range for three logits: the default stays, and the notice names it.
    expect(params.ghosts.y).toBe(DEFAULT_PARAMS.ghosts.y);
    expect(notices.at(-1)?.text).toMatch(/\by\b/);
    handleHostMessage(msg('reset'));
    expect(useAtlas.getState().params.ghosts.tau).toBe(DEFAULT_PARAMS.ghosts.tau);
    expect(useAtlas.getState().params.embed).toBe(true);
  });

  it('pauses and resumes the page on slide:stop / slide:start', () => {
    handleHostMessage('slide:stop');
    expect(pageLive()).toBe(false);
    handleHostMessage(JSON.stringify(msg('slide:start')));
    expect(pageLive()).toBe(true);
  });

  it('drives the transport of the view on screen, and says so when there is none', () => {
    handleHostMessage(msg('play'));
    expect(posted).toEqual([
      expect.objectContaining({ type: 'softmax-atlas', event: 'error', action: 'play' }),
    ]);
    const calls: string[] = [];
    const handlers = (name: string) => () => ({
      play: () => calls.push(`${name}:play`),
      pause: () => calls.push(`${name}:pause`),
      step: () => calls.push(`${name}:step`),
    });
    const offFirst = registerTransport(handlers('first'));
    const offSecond = registerTransport(handlers('second'));
    handleHostMessage(msg('play'));
    offSecond();
    handleHostMessage(msg('pause'));
    handleHostMessage(msg('step'));
    offFirst();
    expect(calls).toEqual(['second:play', 'first:pause', 'first:step']);
  });
});

describe('keys for the host deck', () => {
  const on = (key: string, focus: Partial<KeyFacts> = {}): ReturnType<typeof keyForHost> =>
    keyForHost({
      key,
      shiftKey: false,
      altKey: false,
      ctrlKey: false,
      metaKey: false,
      defaultPrevented: false,
      tag: 'body',
      type: '',
      role: '',
      editable: false,
      ...focus,
    });

  it('forwards the deck’s keys in reveal.js’s command format when the page does not use them', () => {
    expect(on('ArrowRight')).toEqual({ method: 'right' });
    expect(on('ArrowLeft')).toEqual({ method: 'left' });
    expect(on('PageDown')).toEqual({ method: 'next' });
    expect(on(' ')).toEqual({ method: 'next' });
    expect(on(' ', { shiftKey: true })).toEqual({ method: 'prev' });
    expect(on('N')).toEqual({ method: 'next' });
    expect(on('Escape')).toEqual({ method: 'toggleOverview' });
    // A button does not use arrows, so they go to the deck; it does use Space.
    expect(on('ArrowRight', { tag: 'button' })).toEqual({ method: 'right' });
    expect(on(' ', { tag: 'button' })).toBeNull();
    expect(on(' ', { tag: 'input', type: 'checkbox' })).toBeNull();
    expect(on('ArrowRight', { tag: 'input', type: 'checkbox' })).toEqual({ method: 'right' });
  });

  it('leaves keys to the control that uses them, and to the page’s own handlers', () => {
    expect(on('ArrowRight', { tag: 'input', type: 'range' })).toBeNull();
    expect(on('PageDown', { tag: 'input', type: 'range' })).toBeNull();
    expect(on('n', { tag: 'input', type: 'text' })).toBeNull();
    expect(on('ArrowUp', { tag: 'input', type: 'number' })).toBeNull();
    expect(on('ArrowRight', { tag: 'div', role: 'slider' })).toBeNull();
    expect(on('ArrowRight', { tag: 'button', role: 'tab' })).toBeNull();
    expect(on('ArrowDown', { tag: 'select' })).toBeNull();
    expect(on('p', { tag: 'div', editable: true })).toBeNull();
    expect(on('ArrowRight', { defaultPrevented: true })).toBeNull();
    expect(on('ArrowLeft', { altKey: true })).toBeNull();
    expect(on('x')).toBeNull();
  });

  it('lets Escape release a focused control, so the next keys reach the deck', () => {
    expect(on('Escape', { tag: 'input', type: 'range' })).toBe('release');
    expect(on('Escape', { tag: 'button' })).toBe('release');
  });
});
