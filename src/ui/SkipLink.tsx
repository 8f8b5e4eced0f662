/**
 * The first tab stop of the page: jumps past the header and the controls to the view's main
 * figure (the first picture with a text alternative in <main>), so a keyboard reader reaches
 * the picture in one key press. Hidden until focused.
 */
import type { MouseEvent } from 'react';

const FIGURE = 'main [role="img"]';

function toFigure(e: MouseEvent<HTMLAnchorElement>) {
  const figure = document.querySelector<HTMLElement | SVGElement>(FIGURE);
  // No figure drawn yet: the link's own #main target still moves focus past the header.
  if (!figure) return;
  e.preventDefault();
  if (!figure.hasAttribute('tabindex')) figure.setAttribute('tabindex', '-1');
  figure.focus();
  figure.scrollIntoView({ block: 'nearest' });
}

export function SkipLink() {
  return (
    <a className="skip-link" href="#main" data-testid="skip-link" onClick={toFigure}>
      skip to the figure
    </a>
  );
}
