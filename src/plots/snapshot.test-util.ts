/**
 * Renders a chart to static SVG markup for golden-file tests, in the manner of observablehq/plot's
 * harness: numbers rounded (so a last-digit float change is not a picture change), one tag per
 * line (so a diff points at the element that moved), standalone (so the file opens as a picture).
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Numbers with more than two decimals, as d3 scales produce them. */
const LONG_NUMBER = /-?\d+\.\d{3,}/g;

/** Two decimals are a hundredth of a pixel: finer than any picture change worth a review. */
const round = (n: string): string => String(Math.round(Number(n) * 100) / 100);

/** The element as SVG text, with numbers in attributes rounded (tick labels are left alone). */
export function renderSvg(element: ReactElement): string {
  // The namespace lets a golden file open as a picture in a browser or an image viewer.
  return `${renderToStaticMarkup(element)
    .replace(/^<svg(?![^>]*xmlns)/, `<svg xmlns="${SVG_NS}"`)
    .replace(/="([^"]*)"/g, (_, value: string) => `="${value.replace(LONG_NUMBER, round)}"`)
    .replace(/></g, '>\n<')}\n`;
}

/** Every id="…" in the markup, and every url(#…) that refers to one. */
export function svgIds(markup: string): { ids: string[]; refs: string[] } {
  const ids = [...markup.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? '');
  const refs = [...markup.matchAll(/url\(#([^)]*)\)/g)].map((m) => m[1] ?? '');
  return { ids, refs };
}
