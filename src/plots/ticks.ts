/** Tick labels shared by every chart: real minus signs and powers of ten as 10ⁿ. */
import { format } from 'd3-format';

const plainFormat = format('~g');
const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '-': '⁻',
};

/** "10ᵏ" with k in superscript digits. */
function powerOfTen(k: number): string {
  return `10${[...String(k)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
}

/** Whether v is (to rounding) an integer power of ten: the labelled ticks of a log axis. */
export function isPowerOfTen(v: number): boolean {
  return Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;
}

/** "10⁶" for large powers of ten, plain otherwise; a real minus sign throughout. */
export function tickLabel(v: number): string {
  const abs = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  const k = Math.round(Math.log10(abs));
  if (abs >= 1e4 && Math.abs(abs - Math.pow(10, k)) <= 1e-9 * abs) return `${sign}${powerOfTen(k)}`;
  return plainFormat(v).replace('-', '−');
}

/**
 * A log axis's tick (v > 0): powers of ten as 10ⁿ, small ones too (1 to 1000 stay plain, as
 * they read better), anything else plain to two digits.
 */
export function logTickLabel(v: number): string {
  const k = Math.round(Math.log10(v));
  if (Math.abs(v - Math.pow(10, k)) > 1e-9 * v) return tickLabel(Number(v.toPrecision(2)));
  if (k >= 0 && k <= 3) return tickLabel(v);
  return powerOfTen(k);
}

/** A log axis with minor ticks: powers of ten get a label, the rest stay unlabelled (null). */
export function decadeTickLabel(v: number): string | null {
  return isPowerOfTen(v) ? tickLabel(v) : null;
}
