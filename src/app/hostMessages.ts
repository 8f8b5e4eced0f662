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
import { quote } from '../link/read';

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

/**
 * Posts to the host page. With an `origin=` allow-list the message goes only to those origins
 * (postMessage delivers it only where the parent's origin matches); without one, to any host,
 * as the API always did.
 */
export function postToHost(event: string, payload: Record<string, unknown> = {}): void {
  if (!hasHost()) return;
  const message = { type: TAG, version: HOST_API_VERSION, event, ...payload };
  const allowed = useAtlas.getState().params.origin;
  for (const target of allowed.length > 0 ? allowed : ['*']) {
    window.parent.postMessage(message, target);
  }
}

/** Whether a message's sender may drive the page: any origin, unless `origin=` names some. */
const senderAllowed = (origin: string): boolean => {
  const allowed = useAtlas.getState().params.origin;
  return allowed.length === 0 || allowed.includes(origin);
};

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
      `A host page sent API version ${quote(msg.version)}; this page speaks ${HOST_API_VERSION}.`,
    );
    return;
  }
  if (msg.action === 'reset') {
    const { embed, theme, origin } = store.params;
    store.setParams({ ...DEFAULT_PARAMS, embed, theme, origin });
  } else if (msg.action === 'set' && isRecordOfStrings(msg.params)) {
    const entries = Object.fromEntries(Object.entries(msg.params).map(([k, v]) => [k, String(v)]));
    const { params, issues } = applyParams(store.params, entries);
    store.setParams(params);
    store.notifyIssues(issues);
  } else {
    store.notify('warning', `A host page sent an unknown message (${quote(msg.action)}).`);
  }
}

export function startHostMessages(): void {
  window.addEventListener('message', (e: MessageEvent) => {
    // A page's own messages (e.origin is ours) always count; others only from allowed origins.
    if (e.origin === location.origin || senderAllowed(e.origin)) handle(e.data);
  });
  const observer = new ResizeObserver(() =>
    postToHost('resize', {
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }),
  );
  observer.observe(document.documentElement);
}
