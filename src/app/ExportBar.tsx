/**
 * Share and export for one figure: copy link, copy embed code, PNG (2×), SVG, and the view's
 * numbers as JSON. Every export describes itself: the figures carry a caption (view, mode,
 * parameters, link; a toggle leaves it off) and the JSON the same in its envelope. Links handed
 * out are full-page links: an embed's own keys never travel.
 */
import { useState, type RefObject } from 'react';
import { create } from 'zustand';
import { captionSvg, downloadBlob, svgToPng } from '../plots/export';
import type { FigureHandle } from '../plots/figure';
import { describeFields } from '../link/schema';
import { AVAILABLE } from '../instruments/registry';
import { useAtlas } from '../state/store';
import { envelope, envelopeText, exportCaption, type ViewExport } from './exportJson';
import { embedCode, shareLink, shareable } from './shareLink';

export interface ExportBarProps {
  name: string;
  figure: RefObject<FigureHandle | null>;
  /** The view's numbers; the bar wraps them in the one export envelope. */
  json: () => ViewExport;
  compact: boolean;
  /** Only PNG and SVG (a second figure of a view whose first bar already shares link and JSON). */
  figureOnly?: boolean;
  /** Prefix for the buttons' test ids, so two bars on one page stay distinguishable. */
  testIdPrefix?: string;
  /** Accessible name of the group. */
  label?: string;
}

/** One choice for every bar of the session: a lecturer who turns captions off means all figures. */
const useCaptionChoice = create<{ on: boolean; set: (on: boolean) => void }>()((set) => ({
  on: true,
  set: (on) => set({ on }),
}));

type Shared = { what: 'link' | 'embed'; text: string; copied: boolean };

/** Writes to the clipboard; false where it is refused (a cross-origin iframe, no permission). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The envelope of what the view shows now, with its full-page link. */
function currentEnvelope(json: () => ViewExport) {
  const { params } = useAtlas.getState();
  return envelope(params.view, params[params.view], shareLink(params), json());
}

export function ExportBar(props: ExportBarProps) {
  const { name, figure, json, compact, figureOnly = false, testIdPrefix = '' } = props;
  const label = props.label ?? 'share and export';
  const notify = useAtlas((s) => s.notify);
  const params = useAtlas((s) => s.params);
  const caption = useCaptionChoice();
  const [shared, setShared] = useState<Shared | null>(null);
  const instrument = AVAILABLE.find((i) => i.id === params.view);
  const title = `Softmax Atlas: ${instrument?.title ?? params.view}`;
  const linkNow = shareLink(params);
  const embedNow = embedCode(params, title);
  // The confirmation holds while what was copied is still what the page shows.
  const confirmed = (what: Shared['what']) =>
    shared?.what === what &&
    shared.copied &&
    shared.text === (what === 'link' ? linkNow : embedNow);

  const guard = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      notify('error', `${what} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const svg = () => {
    const handle = figure.current;
    if (!handle) throw new Error('the figure is not drawn yet');
    const text = handle.toSvg();
    if (!caption.on || !instrument) return text;
    const e = currentEnvelope(json);
    const { params: p } = useAtlas.getState();
    const fields = describeFields(instrument.link, shareable(p)[instrument.id]);
    return captionSvg(
      text,
      exportCaption(instrument.title, e, fields),
      getComputedStyle(document.body).color,
    );
  };

  const share = async (what: Shared['what'], text: string) =>
    setShared({ what, text, copied: await copyText(text) });

  const field = (what: Shared['what'], testId: string, ariaLabel: string) => {
    if (shared?.what !== what) return null;
    // Shown when the clipboard refused (focused and selected, ready for Ctrl+C), and in the full
    // layout also after a copy, so the reader sees what was copied.
    if (shared.copied && compact) return null;
    return (
      <input
        className="copied-link"
        readOnly
        aria-label={ariaLabel}
        data-testid={testId}
        value={shared.text}
        ref={(el) => {
          if (el && !shared.copied && document.activeElement !== el) {
            el.focus();
            el.select();
          }
        }}
        onFocus={(e) => e.currentTarget.select()}
      />
    );
  };

  return (
    <div className={compact ? 'export-bar compact' : 'export-bar'} role="group" aria-label={label}>
      {!figureOnly && (
        <button type="button" data-testid="copy-link" onClick={() => void share('link', linkNow)}>
          {confirmed('link') ? 'Copied ✓' : 'Copy link'}
        </button>
      )}
      {!figureOnly && !compact && (
        <button
          type="button"
          data-testid="copy-embed"
          onClick={() => void share('embed', embedNow)}
        >
          {confirmed('embed') ? 'Copied ✓' : 'Copy embed code'}
        </button>
      )}
      <button
        type="button"
        data-testid={`${testIdPrefix}export-png`}
        onClick={() =>
          guard('PNG export', async () => downloadBlob(await svgToPng(svg(), 2), `${name}.png`))
        }
      >
        PNG
      </button>
      <button
        type="button"
        data-testid={`${testIdPrefix}export-svg`}
        onClick={() =>
          guard('SVG export', async () =>
            downloadBlob(new Blob([svg()], { type: 'image/svg+xml' }), `${name}.svg`),
          )
        }
      >
        SVG
      </button>
      {!figureOnly && (
        <button
          type="button"
          data-testid={`${testIdPrefix}export-json`}
          onClick={() =>
            guard('JSON export', async () => {
              const text = envelopeText(currentEnvelope(json));
              downloadBlob(new Blob([text], { type: 'application/json' }), `${name}.json`);
            })
          }
        >
          JSON
        </button>
      )}
      {!figureOnly && !compact && (
        <label className="caption-toggle">
          <input
            type="checkbox"
            data-testid="export-caption"
            checked={caption.on}
            onChange={(e) => caption.set(e.currentTarget.checked)}
          />
          caption on PNG/SVG
        </label>
      )}
      <span role="status" className="visually-hidden">
        {shared?.copied ? `${shared.what === 'link' ? 'Link' : 'Embed code'} copied` : ''}
      </span>
      {field('link', 'permalink', 'permalink')}
      {field('embed', 'embed-code', 'embed code')}
    </div>
  );
}
