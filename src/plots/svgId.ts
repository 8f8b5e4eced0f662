/**
 * Per-instance SVG ids. A fixed id (a clip path, a gradient) is shared by every copy of a chart
 * on the page, so the second copy would clip to the first one's rectangle; React's useId is unique
 * per instance, but its characters (":", "«", "»" depending on the version) are not all safe
 * inside url(#…), so they are replaced.
 */
import { useId } from 'react';

/** An id safe in url(#…): only letters, digits, "_" and "-". */
export function svgSafeId(prefix: string, reactId: string): string {
  return `${prefix}-${reactId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** A unique id for this chart instance, and the url(#…) that refers to it. */
export function useSvgId(prefix: string): { id: string; url: string } {
  const id = svgSafeId(prefix, useId());
  return { id, url: `url(#${id})` };
}
