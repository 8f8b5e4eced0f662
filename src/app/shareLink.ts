/**
 * The links the shell hands out. A shared or exported link restores the picture, not how this
 * copy of the page is framed: it never carries `embed`, nor the keys that only mean something
 * inside an iframe (`controls`, which controls an embed shows; `origin`, who may drive it).
 */
import type { AppParams, ViewId } from '../instruments/registry';
import { permalinkFor } from './hostMessages';
import { parsePermalink } from './link';

/** The state a shared link holds: this one, minus the embed-only keys. */
export const shareable = (p: AppParams): AppParams => ({
  ...p,
  embed: false,
  controls: [],
  origin: [],
});

/** The full-page link of what is shown. */
export const shareLink = (p: AppParams): string => permalinkFor(shareable(p));

/** The state of another view as this session left it (a view change drops the control names). */
export const viewState = (p: AppParams, view: ViewId): AppParams => ({
  ...p,
  view,
  controls: view === p.view ? p.controls : [],
});

/** A preset's query on top of how the page is shown now (theme, presentation, embed). */
export function presetState(current: AppParams, query: string): AppParams {
  const { params } = parsePermalink(query);
  const { embed, theme, present, origin } = current;
  return { ...params, embed, theme, present, origin };
}

export interface EmbedSize {
  width: number;
  height: number;
}

/** 16:9 at the size of a reveal.js slide's usual frame. */
export const EMBED_SIZE: EmbedSize = { width: 960, height: 540 };

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The iframe a slide deck or course page pastes: the current picture with `embed=1` (keeping
 * the embed's controls when there are some), a title for screen readers, and clipboard access
 * so the embed's own "Copy link" works inside the frame.
 */
export function embedCode(p: AppParams, title: string, size: EmbedSize = EMBED_SIZE): string {
  const src = permalinkFor({ ...shareable(p), embed: true, controls: p.controls });
  return (
    `<iframe src="${escapeAttr(src)}" width="${size.width}" height="${size.height}" ` +
    `title="${escapeAttr(title)}" allow="clipboard-write" style="border:0" loading="lazy"></iframe>`
  );
}
