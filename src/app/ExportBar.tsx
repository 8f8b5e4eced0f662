/** Share and export for one figure: copy link, PNG (2×), SVG, and the view's numbers as JSON. */
import { useState, type RefObject } from 'react';
import { downloadBlob, svgToPng } from '../plots/export';
import type { FigureHandle } from '../plots/figure';
import { useAtlas } from '../state/store';
import { permalinkFor } from './hostMessages';
import { exportEnvelope, type ViewExport } from './exportJson';

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

export function ExportBar(props: ExportBarProps) {
  const { name, figure, json, compact, figureOnly = false, testIdPrefix = '' } = props;
  const label = props.label ?? 'share and export';
  const notify = useAtlas((s) => s.notify);
  const [copied, setCopied] = useState<string | null>(null);

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
    return handle.toSvg();
  };

  const copyLink = () =>
    guard('Copying the link', async () => {
      const link = permalinkFor({ ...useAtlas.getState().params, embed: false });
      setCopied(link);
      // Clipboard access can be refused (no focus, no permission): the link stays visible.
      await navigator.clipboard?.writeText(link).catch(() => undefined);
    });

  return (
    <div className={compact ? 'export-bar compact' : 'export-bar'} role="group" aria-label={label}>
      {!figureOnly && (
        <button type="button" data-testid="copy-link" onClick={copyLink}>
          Copy link
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
              const { params } = useAtlas.getState();
              const text = exportEnvelope(
                params.view,
                params[params.view],
                permalinkFor({ ...params, embed: false }),
                json(),
              );
              downloadBlob(new Blob([text], { type: 'application/json' }), `${name}.json`);
            })
          }
        >
          JSON
        </button>
      )}
      {copied && (
        <input
          className="copied-link"
          readOnly
          aria-label="permalink"
          data-testid="permalink"
          value={copied}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
