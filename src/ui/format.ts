import { format } from 'd3-format';

const sig6 = format('.6~g');

/** Readouts and fields show six significant digits; data-value keeps full precision. */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return '—';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  return sig6(v).replace('-', '−');
}

/** Reads what a person typed or what formatNumber showed: the minus sign "−" counts as "-". */
export function parseNumber(text: string): number {
  const t = text.trim().replace(/^−/, '-').replace(/e−/i, 'e-');
  return t === '' ? NaN : Number(t);
}
