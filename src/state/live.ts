/**
 * Whether the page may do live work at all: a host deck has not sent `slide:stop`, the tab is
 * visible, and the page is on screen (an iframe scrolled out of its host's view is not). Views
 * gate their play loops on this (useLiveGate adds their own element's visibility); the engine
 * clients pause their workers' replays on it, so no instrument has to remember.
 */
let slide = true;
let visible = typeof document === 'undefined' || document.visibilityState !== 'hidden';
let onScreen = true;
const listeners = new Set<(live: boolean) => void>();

export const pageLive = (): boolean => slide && visible && onScreen;
export const slideActive = (): boolean => slide;

function changed(update: () => void): void {
  const before = pageLive();
  update();
  const after = pageLive();
  if (after !== before) for (const fn of listeners) fn(after);
}

export function setSlideActive(active: boolean): void {
  changed(() => {
    slide = active;
  });
}

/** Watches visibility and the page's own place on screen, from the module's first import. */
function watch(): void {
  document.addEventListener('visibilitychange', () =>
    changed(() => {
      visible = document.visibilityState !== 'hidden';
    }),
  );
  if (typeof IntersectionObserver === 'undefined') return;
  // In an iframe the implicit root is the top-level viewport, so this sees the host scroll the
  // frame away; in a top-level page the document always intersects and this stays true.
  new IntersectionObserver((entries) =>
    changed(() => {
      for (const e of entries) onScreen = e.isIntersecting;
    }),
  ).observe(document.documentElement);
}

if (typeof document !== 'undefined') watch();

/** Calls fn with the new value whenever pageLive() changes; returns the unsubscribe. */
export function onPageLive(fn: (live: boolean) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
