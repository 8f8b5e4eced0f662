/**
 * The plot scale: how many CSS pixels one chart unit takes. Charts are laid out in chart units
 * (12-unit tick labels, fixed margins) and drawn `scale` times larger, so presentation mode
 * enlarges type, marks and margins together and nothing collides. The shell sets it as the CSS
 * custom property `--plot-scale` on the root element; the kit knows no app state.
 */
import { useSyncExternalStore, type RefObject } from 'react';
import { useElementSize } from '../ui/useElementSize';

const PROPERTY = '--plot-scale';

let current = 1;
const listeners = new Set<() => void>();
let observer: MutationObserver | null = null;

function measure(): number {
  const v = parseFloat(getComputedStyle(document.documentElement).getPropertyValue(PROPERTY));
  return Number.isFinite(v) && v > 0 ? v : 1;
}

// The property follows the root's attributes (the shell's data-present, the theme), so a change
// of those is the only time it is read again. One observer tells every chart at once.
function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  if (observer === null) {
    current = measure();
    observer = new MutationObserver(() => {
      const next = measure();
      if (next === current) return;
      current = next;
      for (const listener of listeners) listener();
    });
    observer.observe(document.documentElement, { attributes: true });
  }
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = null;
    }
  };
}

/** The plot scale (1 unless the page says otherwise). */
export function usePlotScale(): number {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => 1,
  );
}

/** An element's size in chart units: what a chart drawn `usePlotScale()` times larger may take. */
export function usePlotBox(ref: RefObject<Element | null>): { width: number; height: number } {
  const { width, height } = useElementSize(ref);
  const scale = usePlotScale();
  return { width: Math.floor(width / scale), height: Math.floor(height / scale) };
}
