/**
 * The 8×8 digits data set, shipped as a static asset (public/data/digits.csv.gz; UCI, Alpaydin
 * & Kaynak 1998, CC BY 4.0). Loaded once per context and parsed by science/.
 */
import { parseDigitsCsv, type Dataset } from '../science/data/digits';

/** Resolved against the page, so it works from any sub-path; pass it to workers as is. */
export const digitsUrl = (base: string): string => new URL('data/digits.csv.gz', base).href;

let cached: Promise<Dataset<64>> | null = null;

export function loadDigits(url: string): Promise<Dataset<64>> {
  cached ??= fetchDigits(url).catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}

async function fetchDigits(url: string): Promise<Dataset<64>> {
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`could not load the digits data (${res.status})`);
  // Servers may or may not send Content-Encoding for .gz; the magic bytes tell.
  const bytes = new Uint8Array(await res.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzipped
    ? await new Response(
        new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip')),
      ).text()
    : new TextDecoder().decode(bytes);
  return parseDigitsCsv(text);
}
