/**
 * Whether live work may run now: the page is live (a host deck has not sent slide:stop, the tab
 * is visible, the page is on screen; see state/live.ts) and the element itself is on screen.
 * Views start and pause their loops on this.
 */
import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { onPageLive, pageLive } from '../state/live';

/** Whether the page as a whole is live (state/live.ts), as React state. */
export function usePageLive(): boolean {
  return useSyncExternalStore(onPageLive, pageLive);
}

export function useLiveGate(ref: RefObject<Element | null>): boolean {
  const live = usePageLive();
  const [onScreen, setOnScreen] = useState(true);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      for (const e of entries) setOnScreen(e.isIntersecting);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);

  return live && onScreen;
}
