/**
 * What every export says about itself. JSON: one envelope for every mode of every view (what
 * was shown, where it was computed, the link that restores it, the numbers, and whether the
 * numbers are complete). PNG/SVG: a caption with the same view, mode, parameters and link.
 * Non-finite numbers are written as text ("Infinity"), since JSON has no such values and a
 * silent null would read as "missing".
 */
import { LINK_VERSION } from '../link/versions';
import type { Caption } from '../plots/export';

/** What a view contributes to its export; the shell adds the rest. */
export interface ViewExport {
  mode: string | null;
  /** `gpu: <adapter>` or `cpu: <reason>`, or null before anything was computed. */
  backend: string | null;
  results: Record<string, unknown>;
  /** True when the export was taken mid-computation and some results are missing. */
  partial?: boolean;
  /** What a partial export lacks, as a reader would say it ("step 120 of 300"). */
  missing?: string;
}

export interface ExportEnvelope {
  app: 'softmax-atlas';
  version: number;
  view: string;
  mode: string | null;
  /** The full-page link that restores the picture (never an embed's). */
  link: string;
  backend: string | null;
  params: unknown;
  partial: boolean;
  /** Present only when partial. */
  missing?: string;
  results: Record<string, unknown>;
}

/** Said of a partial export whose view did not say what it lacks. */
const UNFINISHED = 'the computation had not finished';

export function envelope(
  view: string,
  params: unknown,
  link: string,
  e: ViewExport,
): ExportEnvelope {
  const partial = e.partial ?? false;
  return {
    app: 'softmax-atlas',
    version: LINK_VERSION,
    view,
    mode: e.mode,
    link,
    backend: e.backend,
    params,
    partial,
    ...(partial ? { missing: e.missing ?? UNFINISHED } : {}),
    results: e.results,
  };
}

export const envelopeText = (e: ExportEnvelope): string =>
  JSON.stringify(
    e,
    (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    2,
  );

/** The caption of an exported figure: what it shows, whether it is complete, its parameters, its link. */
export function exportCaption(
  title: string,
  e: ExportEnvelope,
  fields: readonly string[],
): Caption {
  const where = e.mode === null ? `view=${e.view}` : `view=${e.view}, mode=${e.mode}`;
  return {
    paragraphs: [
      `Softmax Atlas — ${title} (${where})`,
      ...(e.partial ? [`PARTIAL: ${e.missing ?? UNFINISHED}`] : []),
      fields.join(' · '),
    ],
    link: e.link,
  };
}
