/**
 * Whether live work may run now: the page is visible, the element is on screen, and a host
 * slide deck has not sent slide:stop. Views start and pause their loops on this.
 */
import { useEffect, useState, type RefObject } from 'react';
import { onSlideChange, slideActive } from './hostMessages';

export function useLiveGate(ref: RefObject<Element | null>): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  const [onScreen, setOnScreen] = useState(true);
  const [slide, setSlide] = useState(slideActive);

  useEffect(() => {
    const onVis = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onVis);
    return () => document.removeEventListener('visibilitychange', onVis);
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => {
      for (const e of entries) setOnScreen(e.isIntersecting);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);

  useEffect(() => onSlideChange(setSlide), []);

  return visible && onScreen && slide;
}
