/**
 * Layout in front of a class: every view at phone, projector, laptop and full-HD sizes, and
 * every mode of every view embedded at slide sizes. One load per case; each checks that the
 * page never scrolls sideways (an embed not at all) and that no two visible boxes among the
 * figures, controls, readouts and notices overlap. Present mode checks its type sizes.
 * Layout does not depend on the backend, so this runs in the cpu project only (half the time).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { AVAILABLE } from '../src/instruments/registry';
import { GHOSTS_MODES } from '../src/instruments/ghosts/link';

test.beforeEach(() => {
  test.skip(test.info().project.name !== 'cpu', 'layout is the same on either backend');
});

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (b === null) throw new Error('not drawn');
  return b;
}

const PAGE_SIZES = [
  [390, 844],
  [1024, 768],
  [1280, 800],
  [1920, 1080],
] as const;
const EMBED_SIZES = [
  [480, 270],
  [800, 450],
  [960, 540],
] as const;

/** Every (view, mode) link: the modes are the ghosts view's; the others have one. */
const VIEW_LINKS = AVAILABLE.flatMap((inst) =>
  inst.id === 'ghosts'
    ? GHOSTS_MODES.map((mode) => ({ name: `ghosts-${mode}`, query: `view=ghosts&mode=${mode}` }))
    : [{ name: inst.id, query: `view=${inst.id}` }],
);

/** What a reader must see whole: charts, controls, readout rows, notices, the chrome. */
const BOXES = [
  '[data-testid="app"] svg:not(svg svg)',
  '[data-testid="app"] canvas',
  '.controls fieldset',
  '.controls > :not(fieldset)',
  '.readout dt',
  '.readout dd',
  '.readouts-panel .badge',
  '.export-bar button',
  '.notice',
  '.embed-chrome a',
].join(',');

interface Layout {
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  /** How many boxes were compared: a selector that matched nothing would prove nothing. */
  count: number;
  overlaps: string[];
  outside: string[];
}

/** Measures the page: scroll sizes, overlapping pairs and boxes cut by the frame's edge. */
async function measure(page: Page, selector: string): Promise<Layout> {
  return page.evaluate((sel) => {
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return r.width > 1 && r.height > 1 && style.visibility !== 'hidden';
    };
    // A raster figure's canvas lies under its own SVG: one figure, not an overlap.
    const els = [...document.querySelectorAll(sel)].filter(
      (el) =>
        visible(el) &&
        !(el instanceof HTMLCanvasElement && el.parentElement?.querySelector(':scope > svg')),
    );
    const boxes = els.map((el) => ({ el, r: el.getBoundingClientRect() }));
    const overlaps: string[] = [];
    const slack = 1; // sub-pixel rounding of adjacent boxes
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (!a || !b) continue;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > slack && h > slack) overlaps.push(`${name(a.el)} × ${name(b.el)}`);
      }
    }
    const d = document.documentElement;
    const outside = boxes
      .filter(({ r }) => r.left < -slack || r.right > d.clientWidth + slack)
      .map(({ el }) => name(el));
    return {
      scrollWidth: d.scrollWidth,
      clientWidth: d.clientWidth,
      scrollHeight: d.scrollHeight,
      clientHeight: d.clientHeight,
      count: boxes.length,
      overlaps,
      outside,
    };
  }, selector);
}

/** Waits for the view to draw its first figure: layout is judged on what a reader sees. */
async function loaded(page: Page, query: string, width: number, height: number) {
  await page.setViewportSize({ width, height });
  await page.goto(`./?${query}`);
  await expect(page.locator('[data-testid="app"] svg').first()).toBeVisible({ timeout: 60_000 });
}

for (const { name, query } of VIEW_LINKS) {
  for (const [w, h] of EMBED_SIZES) {
    test(`embed ${name} at ${w}×${h}: no scrolling, no overlap, nothing cut at the sides`, async ({
      page,
    }) => {
      await loaded(page, `${query}&embed=1`, w, h);
      const m = await measure(page, BOXES);
      expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
      expect(m.scrollHeight).toBeLessThanOrEqual(m.clientHeight);
      expect(m.count).toBeGreaterThan(5);
      expect(m.overlaps).toEqual([]);
      expect(m.outside).toEqual([]);
      if (w === 800 && (name === 'ghosts-plane' || name === 'ghosts-batch'))
        await page.screenshot({ path: `.scratch/present-shots/embed-${name}-${w}x${h}.png` });
    });
  }
}

for (const inst of AVAILABLE) {
  for (const [w, h] of PAGE_SIZES) {
    test(`${inst.id} at ${w}×${h}: no sideways scroll, no overlap`, async ({ page }) => {
      await loaded(page, `view=${inst.id}`, w, h);
      const m = await measure(page, BOXES);
      expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
      expect(m.count).toBeGreaterThan(5);
      expect(m.overlaps).toEqual([]);
      expect(m.outside).toEqual([]);
      if (w === 390) {
        // Phone: the figure comes before every control, and the theme toggle is on screen.
        const figure = await box(page.locator('.figure-column').first());
        const controls = await box(page.locator('.controls').first());
        expect(figure.y).toBeLessThan(controls.y);
        const toggle = await box(page.getByTestId('theme-toggle'));
        expect(toggle.x + toggle.width).toBeLessThanOrEqual(w);
        await page.screenshot({ path: `.scratch/present-shots/phone-${inst.id}.png` });
      }
    });
  }
}

test('embed controls=tau,r shows those two sliders only and names an unknown control', async ({
  page,
}) => {
  await loaded(page, 'view=ghosts&embed=1&controls=tau,r,bogus', 800, 450);
  await expect(page.getByTestId('tau-slider')).toBeVisible();
  await expect(page.getByTestId('r-slider')).toBeVisible();
  await expect(page.getByTestId('temperature-slider')).toBeHidden();
  await expect(page.getByTestId('color-mode')).toBeHidden();
  const notice = page.getByTestId('notice');
  await expect(notice).toContainText('"bogus" is not a control of this view');
  const m = await measure(page, BOXES);
  expect(m.overlaps).toEqual([]);
  expect(m.scrollHeight).toBeLessThanOrEqual(m.clientHeight);
  await page.screenshot({ path: '.scratch/present-shots/embed-controls-tau-r.png' });
  // The slider works from the embed, and Escape closes the notice without a mouse.
  await page.getByTestId('tau-input').fill('2');
  await page.getByTestId('tau-input').press('Enter');
  await expect(page).toHaveURL(/tau=2(&|$)/);
  await page.keyboard.press('Escape');
  await expect(notice).toHaveCount(0);
});

test('present mode at 1024×768: 24 px readouts, 18 px axis labels, plane and τ on one screen', async ({
  page,
}) => {
  await loaded(page, 'view=ghosts&present=1', 1024, 768);
  await expect(page.getByTestId('present-toggle')).toHaveAttribute('aria-pressed', 'true');
  const sizes = await page.evaluate(() => {
    const dd = document.querySelector('[data-testid="rho-a"]');
    // An axis label's size on screen: its font size times the SVG's drawn scale.
    const svg = document.querySelector<SVGSVGElement>('[data-testid="plane-svg"]');
    const tick = [...(svg?.querySelectorAll('text') ?? [])].find((t) => t.textContent === '0');
    const drawn = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 0;
    return {
      readout: dd ? parseFloat(getComputedStyle(dd).fontSize) : 0,
      axis: tick ? parseFloat(getComputedStyle(tick).fontSize) * drawn : 0,
    };
  });
  expect(sizes.readout).toBeGreaterThanOrEqual(24);
  expect(sizes.axis).toBeGreaterThanOrEqual(18);
  const plane = await box(page.getByTestId('plane-svg'));
  const tau = await box(page.getByTestId('tau-slider'));
  expect(plane.y + plane.height).toBeLessThanOrEqual(768);
  expect(tau.y + tau.height).toBeLessThanOrEqual(768);
  const m = await measure(page, BOXES);
  expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
  expect(m.overlaps).toEqual([]);
  await page.screenshot({ path: '.scratch/present-shots/present-ghosts-1024x768.png' });
});

test('the present toggle switches the mode and its link key, and the charts grow with it', async ({
  page,
}) => {
  await loaded(page, 'view=ghosts', 1024, 768);
  const width = async () => (await box(page.getByTestId('plane-svg'))).width;
  const viewBoxWidth = () =>
    page.getByTestId('plane-svg').evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
  await expect.poll(viewBoxWidth).toBeGreaterThan(0);
  expect(await width()).toBeCloseTo(await viewBoxWidth(), 0);
  await page.getByTestId('present-toggle').click();
  await expect(page).toHaveURL(/present=1/);
  // Every chart is drawn 1.5 times its own units: type, marks and margins together.
  await expect.poll(async () => (await width()) / (await viewBoxWidth())).toBeCloseTo(1.5, 2);
  await page.getByTestId('present-toggle').click();
  await expect(page).not.toHaveURL(/present=1/);
});
