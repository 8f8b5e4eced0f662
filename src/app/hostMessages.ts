/**
 * The postMessage API for host pages (slide decks, course sites). Versioned; everything a
 * host sends goes through the same validation as the URL.
 *
 * In:  'slide:start' | 'slide:stop' (reveal.js), or
 *      { type: 'softmax-atlas', version: 1, action: 'set', params: { tau: '1.2', … } }
 *      { type: 'softmax-atlas', version: 1, action: 'reset' }
 * Out: { type: 'softmax-atlas', version: 1, event: 'ready' | 'state' | 'resize', … }
 */
import { applyParams, serializePermalink } from './link';
import { DEFAULT_PARAMS } from './link';
import type { AppParams } from '../instruments/registry';
import { useAtlas } from '../state/store';

export const HOST_API_VERSION = 1;
const TAG = 'softmax-atlas';

let active = true;
const slideListeners = new Set<(active: boolean) => void>();

export const slideActive = (): boolean => active;

export function onSlideChange(fn: (active: boolean) => void): () => void {
  slideListeners.add(fn);
  return () => slideListeners.delete(fn);
}

function setSlideActive(next: boolean): void {
  active = next;
  for (const fn of slideListeners) fn(next);
}

const hasHost = (): boolean => window.parent !== window;

export function postToHost(event: string, payload: Record<string, unknown> = {}): void {
  if (!hasHost()) return;
  window.parent.postMessage({ type: TAG, version: HOST_API_VERSION, event, ...payload }, '*');
}

export function permalinkFor(params: AppParams): string {
  return `${location.origin}${location.pathname}${serializePermalink(params)}`;
}

function isRecordOfStrings(v: unknown): v is Record<string, string> {
  return (
    typeof v === 'object' &&
    v !== null &&
    Object.values(v).every((x) => typeof x === 'string' || typeof x === 'number')
  );
}

function handle(data: unknown): void {
  if (data === 'slide:start') return setSlideActive(true);
  if (data === 'slide:stop') return setSlideActive(false);
  if (typeof data !== 'object' || data === null) return;
  const msg = data as { type?: unknown; version?: unknown; action?: unknown; params?: unknown };
  if (msg.type !== TAG) return;
  const store = useAtlas.getState();
  if (msg.version !== HOST_API_VERSION) {
    store.notify(
      'warning',
      `A host page sent API version ${String(msg.version)}; this page speaks ${HOST_API_VERSION}.`,
    );
    return;
  }
  if (msg.action === 'reset') {
    store.setParams({ ...DEFAULT_PARAMS, embed: store.params.embed, theme: store.params.theme });
  } else if (msg.action === 'set' && isRecordOfStrings(msg.params)) {
    const entries = Object.fromEntries(Object.entries(msg.params).map(([k, v]) => [k, String(v)]));
    const { params, issues } = applyParams(store.params, entries);
    store.setParams(params);
    store.notifyIssues(issues);
  } else {
    store.notify('warning', `A host page sent an unknown message (${String(msg.action)}).`);
  }
}

export function startHostMessages(): void {
  window.addEventListener('message', (e: MessageEvent) => handle(e.data));
  const observer = new ResizeObserver(() =>
    postToHost('resize', {
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }),
  );
  observer.observe(document.documentElement);
}
