/**
 * "What am I looking at?": the active instrument's paragraph, formula, paper and guided presets,
 * from its registry entry. Open on a reader's first visit to an instrument, then as they left it
 * (remembered in this browser); not shown in embeds, where the slide around it does the talking.
 */
import { useState, type MouseEvent } from 'react';
import type { About } from '../instruments/instrument';
import { useAtlas } from '../state/store';
import { permalinkFor } from './hostMessages';
import { presetState } from './shareLink';
import { navigate } from './urlSync';

const storageKey = (id: string) => `softmax-atlas.about.${id}`;

function remembered(id: string): boolean | null {
  try {
    const v = localStorage.getItem(storageKey(id));
    return v === null ? null : v === 'open';
  } catch {
    return null; // storage refused (private mode, sandboxed frame): every visit is a first one
  }
}

function remember(id: string, open: boolean): void {
  try {
    localStorage.setItem(storageKey(id), open ? 'open' : 'closed');
  } catch {
    // Not remembered; the panel still works.
  }
}

/** A plain click follows the link inside the app (pushed to history); others open it as a link. */
export function inApp(to: () => void) {
  return (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    to();
  };
}

export function AboutPanel({ id, title, about }: { id: string; title: string; about: About }) {
  const params = useAtlas((s) => s.params);
  // Presentation mode and phones open on the figure (figure first); the reader opens the panel
  // when wanted. At 1000 px and narrower the page is one column (styles.css).
  const [open, setOpen] = useState(
    () => remembered(id) ?? (!params.present && !window.matchMedia('(max-width: 1000px)').matches),
  );
  return (
    <details
      className="about-panel"
      data-testid="about"
      open={open}
      onToggle={(e) => {
        const now = e.currentTarget.open;
        if (now === open) return;
        setOpen(now);
        remember(id, now);
      }}
    >
      <summary>What am I looking at?</summary>
      <div className="about-body">
        <p>{about.what}</p>
        <p className="about-paper">
          Paper:{' '}
          <a href={about.paper.href} rel="noopener" target="_blank">
            {about.paper.title}
          </a>
        </p>
        <nav aria-label={`guided presets for ${title}`} className="about-presets">
          <span>Try:</span>
          <ol>
            {about.presets.map((p, i) => {
              const target = presetState(params, p.query);
              return (
                <li key={p.query}>
                  <a
                    href={permalinkFor(target)}
                    data-testid={`preset-${i}`}
                    onClick={inApp(() => navigate(target))}
                  >
                    {p.label}
                  </a>
                </li>
              );
            })}
          </ol>
        </nav>
      </div>
    </details>
  );
}
