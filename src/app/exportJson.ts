/**
 * One JSON envelope for every view and mode: what was shown, where it was computed, the link
 * that restores it, and the numbers. Non-finite numbers are written as text ("Infinity"), since
 * JSON has no such values and a silent null would read as "missing".
 */
import { LINK_VERSION } from '../link/versions';

/** What a view contributes to its export; the shell adds the rest. */
export interface ViewExport {
  mode: string | null;
  /** `gpu: <adapter>` or `cpu: <reason>`, or null before anything was computed. */
  backend: string | null;
  results: Record<string, unknown>;
  /** True when the export was taken mid-computation and some results are missing. */
  partial?: boolean;
}

export interface ExportEnvelope extends ViewExport {
  app: 'softmax-atlas';
  version: number;
  view: string;
  link: string;
  params: unknown;
  partial: boolean;
}

export function exportEnvelope(view: string, params: unknown, link: string, e: ViewExport): string {
  const envelope: ExportEnvelope = {
    app: 'softmax-atlas',
    version: LINK_VERSION,
    view,
    mode: e.mode,
    link,
    backend: e.backend,
    params,
    partial: e.partial ?? false,
    results: e.results,
  };
  return JSON.stringify(
    envelope,
    (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    2,
  );
}
