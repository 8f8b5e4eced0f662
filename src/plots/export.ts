/**
 * Self-contained figure export: the live SVG overlay is cloned with every raster canvas
 * embedded as an <image>, so the SVG needs no page and the PNG is that SVG drawn at 2x.
 */
export interface RasterLayer {
  canvas: HTMLCanvasElement;
  x: number;
  y: number;
  width: number;
  height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function figureSvg(
  svg: SVGSVGElement,
  rasters: readonly RasterLayer[],
  background: string,
): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const width = svg.viewBox.baseVal.width || svg.clientWidth;
  const height = svg.viewBox.baseVal.height || svg.clientHeight;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const first = clone.firstChild;
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', background);
  clone.insertBefore(bg, first);
  for (const r of rasters) {
    const image = document.createElementNS(SVG_NS, 'image');
    image.setAttribute('href', r.canvas.toDataURL('image/png'));
    image.setAttribute('x', String(r.x));
    image.setAttribute('y', String(r.y));
    image.setAttribute('width', String(r.width));
    image.setAttribute('height', String(r.height));
    image.setAttribute('preserveAspectRatio', 'none');
    clone.insertBefore(image, first);
  }
  return new XMLSerializer().serializeToString(clone);
}

export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(img.width * scale);
    canvas.height = Math.round(img.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas for PNG export');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Caption type: small, but at 2× PNG still legible on a slide. */
const CAPTION_FONT = 11;
const CAPTION_LINE = 14;
/** A conservative average advance of system-ui at CAPTION_FONT, so wrapped lines fit the width. */
const CAPTION_CHAR = 6.2;

/** Breaks text into lines of at most `chars` characters, at spaces where it can (links have none). */
export function wrapCaption(text: string, chars: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length <= chars) {
      line = next;
      continue;
    }
    if (line !== '') out.push(line);
    let rest = word;
    while (rest.length > chars) {
      out.push(rest.slice(0, chars));
      rest = rest.slice(chars);
    }
    line = rest;
  }
  if (line !== '') out.push(line);
  return out;
}

export interface Caption {
  /** What the figure shows and with which parameters, one paragraph each. */
  paragraphs: readonly string[];
  /** The link that restores the picture: written last and clickable in the SVG. */
  link: string;
}

/**
 * The exported figure with a caption under it (what it shows, its parameters, its link), so a
 * PNG pasted into a slide still says how to get the picture back. Paragraphs are wrapped to the
 * figure's width; the background grows with the caption.
 */
export function captionSvg(svgText: string, caption: Caption, color: string): string {
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const svg = doc.documentElement;
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const chars = Math.max(20, Math.floor((width - 16) / CAPTION_CHAR));
  const text = caption.paragraphs.flatMap((p) => wrapCaption(p, chars));
  const link = wrapCaption(caption.link, chars);
  const total = height + 6 + (text.length + link.length) * CAPTION_LINE;
  svg.setAttribute('height', String(total));
  svg.setAttribute('viewBox', `0 0 ${width} ${total}`);
  const bg = svg.firstElementChild;
  if (bg?.tagName === 'rect') bg.setAttribute('height', String(total));

  const node = doc.createElementNS(SVG_NS, 'text');
  node.setAttribute('data-caption', 'true');
  node.setAttribute('font-size', String(CAPTION_FONT));
  node.setAttribute('font-family', 'system-ui, sans-serif');
  node.setAttribute('fill', color);
  let row = 0;
  const line = (parent: Element, content: string) => {
    const span = doc.createElementNS(SVG_NS, 'tspan');
    span.setAttribute('x', '8');
    span.setAttribute('y', String(height + 3 + ++row * CAPTION_LINE));
    span.textContent = content;
    parent.append(span);
  };
  for (const t of text) line(node, t);
  const anchor = doc.createElementNS(SVG_NS, 'a');
  anchor.setAttribute('href', caption.link);
  anchor.setAttribute('data-caption-link', 'true');
  for (const t of link) line(anchor, t);
  node.append(anchor);
  svg.append(node);
  return new XMLSerializer().serializeToString(doc);
}
