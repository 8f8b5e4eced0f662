/**
 * The postMessage API for host pages (slide decks, course sites). Versioned; everything a host
 * sends goes through the same validation as the URL. The README's "Host API" section is the
 * reader's copy of this.
 *
 * In:  'slide:start' | 'slide:stop' (what reveal.js posts to the iframes on a slide), or
 *      { type: 'softmax-atlas', version: 1, action, params? } — as an object or its JSON text —
 *      with action 'set' (params: { tau: '1.2', … }), 'reset', 'play', 'pause', 'step',
 *      'slide:start' or 'slide:stop'.
 * Out: { type: 'softmax-atlas', version: 1, event, … } with event 'ready' | 'state' | 'resize'
 *      | 'key' | 'error'; and, for the keys the page did not use, reveal.js's own command
 *      (JSON text such as '{"method":"next"}'), so a deck keeps its keyboard.
 */
import { applyParams, serializePermalink } from './link';
import { DEFAULT_PARAMS } from './link';
import type { AppParams } from '../instruments/registry';
import { useAtlas } from '../state/store';
import { setSlideActive } from '../state/live';
import { runTransport, type TransportAction } from '../state/transport';
import { quote } from '../link/read';

export const HOST_API_VERSION = 1;
const TAG = 'softmax-atlas';

const hasHost = (): boolean => window.parent !== window;

/**
 * Posts to the host page. With an `origin=` allow-list the message goes only to those origins
 * (postMessage delivers it only where the parent's origin matches); without one, to any host.
 */
function postRaw(message: unknown): void {
  if (!hasHost()) return;
  const allowed = useAtlas.getState().params.origin;
  for (const target of allowed.length > 0 ? allowed : ['*']) {
    window.parent.postMessage(message, target);
  }
}

export function postToHost(event: string, payload: Record<string, unknown> = {}): void {
  postRaw({ type: TAG, version: HOST_API_VERSION, event, ...payload });
}

/** Whether a message's sender may drive the page: any origin, unless `origin=` names some. */
const senderAllowed = (origin: string): boolean => {
  const allowed = useAtlas.getState().params.origin;
  return allowed.length === 0 || allowed.includes(origin);
};

export function permalinkFor(params: AppParams): string {
  return `${location.origin}${location.pathname}${serializePermalink(params)}`;
}

/** What a host asked for, once read; 'ignore' for messages meant for someone else. */
export type HostCommand =
  | { kind: 'slide'; active: boolean }
  | { kind: 'set'; params: Record<string, string> }
  | { kind: 'reset' }
  | { kind: 'transport'; action: TransportAction }
  | { kind: 'rejected'; message: string }
  | { kind: 'ignore' };

const TRANSPORT: readonly string[] = ['play', 'pause', 'step'] satisfies TransportAction[];

function isParams(v: unknown): v is Record<string, string | number> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((x) => typeof x === 'string' || typeof x === 'number')
  );
}

/** Reads one message event's data. Pure, so the protocol is tested without a page. */
export function readHostMessage(data: unknown): HostCommand {
  if (data === 'slide:start') return { kind: 'slide', active: true };
  if (data === 'slide:stop') return { kind: 'slide', active: false };
  // Some hosts (reveal.js's own API among them) send JSON text rather than objects.
  if (typeof data === 'string' && data.startsWith('{')) {
    try {
      data = JSON.parse(data) as unknown;
    } catch {
      return { kind: 'ignore' };
    }
  }
  if (typeof data !== 'object' || data === null) return { kind: 'ignore' };
  const msg = data as { type?: unknown; version?: unknown; action?: unknown; params?: unknown };
  if (msg.type !== TAG) return { kind: 'ignore' };
  if (msg.version !== HOST_API_VERSION) {
    return {
      kind: 'rejected',
      message: `A host page sent API version ${quote(msg.version)}; this page speaks ${HOST_API_VERSION}.`,
    };
  }
  const action = msg.action;
  if (action === 'slide:start' || action === 'slide:stop')
    return { kind: 'slide', active: action === 'slide:start' };
  if (action === 'reset') return { kind: 'reset' };
  if (typeof action === 'string' && TRANSPORT.includes(action))
    return { kind: 'transport', action: action as TransportAction };
  if (action === 'set') {
    if (!isParams(msg.params))
      return {
        kind: 'rejected',
        message: 'A host page sent "set" without params of strings or numbers.',
      };
    return {
      kind: 'set',
      params: Object.fromEntries(Object.entries(msg.params).map(([k, v]) => [k, String(v)])),
    };
  }
  return { kind: 'rejected', message: `A host page sent an unknown message (${quote(action)}).` };
}

/** Carries out a host's command on the store, the page's liveness and the view's transport. */
export function handleHostMessage(data: unknown): void {
  const command = readHostMessage(data);
  const store = useAtlas.getState();
  switch (command.kind) {
    case 'ignore':
      return;
    case 'slide':
      return setSlideActive(command.active);
    case 'reset': {
      const { embed, theme, origin, present, controls } = store.params;
      return store.setParams({ ...DEFAULT_PARAMS, embed, theme, origin, present, controls });
    }
    case 'set': {
      const { params, issues } = applyParams(store.params, command.params);
      store.setParams(params);
      return store.notifyIssues(issues);
    }
    case 'transport':
      if (!runTransport(command.action))
        postToHost('error', {
          action: command.action,
          message: `the ${store.params.view} view has no live loop here`,
        });
      return;
    case 'rejected':
      store.notify('warning', command.message);
      return postToHost('error', { message: command.message });
  }
}

/** reveal.js's postMessage command for a key, as its keyboard handler would act on it. */
interface RevealCommand {
  method: string;
  args?: number[];
}

/** The keys a slide deck navigates with, and what reveal.js does for each. */
const DECK_KEYS: Record<string, RevealCommand> = {
  ArrowRight: { method: 'right' },
  ArrowLeft: { method: 'left' },
  ArrowUp: { method: 'up' },
  ArrowDown: { method: 'down' },
  PageDown: { method: 'next' },
  PageUp: { method: 'prev' },
  ' ': { method: 'next' },
  n: { method: 'next' },
  N: { method: 'next' },
  p: { method: 'prev' },
  P: { method: 'prev' },
  Home: { method: 'slide', args: [0] },
  End: { method: 'slide', args: [Number.MAX_SAFE_INTEGER] },
  Escape: { method: 'toggleOverview' },
  o: { method: 'toggleOverview' },
  O: { method: 'toggleOverview' },
  b: { method: 'togglePause' },
  B: { method: 'togglePause' },
  '.': { method: 'togglePause' },
};

/** The bits of a keydown that decide whether it is the page's or the host's. */
export interface KeyFacts {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  defaultPrevented: boolean;
  /** The focused element's tag, input type and role, as lower-case strings ('' if none). */
  tag: string;
  type: string;
  role: string;
  editable: boolean;
}

/** Controls that take every key a deck would want (typing, arrows, paging). */
const TAKES_ALL_KEYS = ['slider', 'spinbutton', 'textbox', 'combobox', 'listbox', 'searchbox'];
/** Roles whose arrow keys move a selection (tabs, radios, menus). */
const TAKES_ARROWS = ['tab', 'radio', 'menuitem', 'option', 'gridcell', 'treeitem'];
const ARROWS_AND_HOME = ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End'];
const BUTTON_INPUTS = ['button', 'submit', 'reset', 'checkbox', 'image', 'file', 'color'];

/** Whether the focused element uses this key itself (so it must not go to the deck). */
function focusUsesKey(f: KeyFacts): boolean {
  if (f.editable || f.tag === 'textarea' || f.tag === 'select') return true;
  if (TAKES_ALL_KEYS.includes(f.role)) return true;
  if (f.tag === 'input') {
    // Text, number, range, radio…: they all use arrows, and the text-like ones every key.
    if (!BUTTON_INPUTS.includes(f.type)) return true;
    return f.key === ' ';
  }
  if (TAKES_ARROWS.includes(f.role) && ARROWS_AND_HOME.includes(f.key)) return true;
  const buttonLike =
    f.tag === 'button' || f.tag === 'summary' || f.role === 'button' || f.role === 'checkbox';
  return buttonLike && f.key === ' ';
}

/**
 * What a keydown inside the frame means for the host: 'release' (Escape on a control: let go of
 * the focus, so the next keys reach the deck), a deck command to forward, or null (the page's).
 */
export function keyForHost(f: KeyFacts): 'release' | RevealCommand | null {
  if (f.defaultPrevented || f.altKey || f.ctrlKey || f.metaKey) return null;
  if (f.key === 'Escape' && f.tag !== '' && f.tag !== 'body') return 'release';
  if (focusUsesKey(f)) return null;
  if (f.key === ' ' && f.shiftKey) return { method: 'prev' };
  return DECK_KEYS[f.key] ?? null;
}

function keyFacts(e: KeyboardEvent): KeyFacts {
  const el = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return {
    key: e.key,
    shiftKey: e.shiftKey,
    altKey: e.altKey,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    defaultPrevented: e.defaultPrevented,
    tag: el ? el.tagName.toLowerCase() : '',
    type: el instanceof HTMLInputElement ? el.type.toLowerCase() : '',
    role: el?.getAttribute('role')?.toLowerCase() ?? '',
    editable: el?.isContentEditable ?? false,
  };
}

/** Hands the keys the page does not use to the host page (the deck keeps its keyboard). */
function forwardKeys(e: KeyboardEvent): void {
  if (!hasHost()) return;
  const verdict = keyForHost(keyFacts(e));
  if (verdict === null) return;
  if (verdict === 'release') {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    e.preventDefault();
    return;
  }
  postRaw(JSON.stringify(verdict));
  postToHost('key', {
    key: e.key,
    code: e.code,
    shiftKey: e.shiftKey,
  });
}

export function startHostMessages(): void {
  window.addEventListener('message', (e: MessageEvent) => {
    // A page's own messages (e.origin is ours) always count; others only from allowed origins.
    if (e.origin === location.origin || senderAllowed(e.origin)) handleHostMessage(e.data);
  });
  // Bubble phase on window: the page's own handlers run first and mark what they used.
  window.addEventListener('keydown', forwardKeys);
  const observer = new ResizeObserver(() =>
    postToHost('resize', {
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }),
  );
  observer.observe(document.documentElement);
}
