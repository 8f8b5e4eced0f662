import { useEffect } from 'react';
import { useAtlas } from '../state/store';

/** Every notice the page has for the reader; each can be dismissed, none blocks the view. */
export function NoticeBar() {
  const notices = useAtlas((s) => s.notices);
  const dismiss = useAtlas((s) => s.dismiss);
  // Escape closes the newest notice, so a lecturer at the keyboard never needs the mouse.
  const newest = notices.at(-1)?.id;
  useEffect(() => {
    if (newest === undefined) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      dismiss(newest);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [newest, dismiss]);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.level}`} data-testid="notice" data-level={n.level}>
          <span>{n.text}</span>
          <button type="button" aria-label="dismiss notice" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
