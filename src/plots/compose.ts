/**
 * One standalone SVG from every chart under a root element (`svg[data-chart]`), each placed
 * where it sits on the page: the export of a view whose figure is several charts.
 */
import { figureSvg } from './export';

export function composeCharts(root: HTMLElement, background: string): string {
  const origin = root.getBoundingClientRect();
  const parts: string[] = [];
  for (const svg of root.querySelectorAll<SVGSVGElement>('svg[data-chart]')) {
    const r = svg.getBoundingClientRect();
    const x = Math.round(r.left - origin.left);
    const y = Math.round(r.top - origin.top);
    parts.push(figureSvg(svg, [], background).replace('<svg', `<svg x="${x}" y="${y}"`));
  }
  const w = Math.ceil(root.scrollWidth);
  const h = Math.ceil(root.scrollHeight);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="${w}" height="${h}" fill="${background}"/>${parts.join('')}</svg>`
  );
}
