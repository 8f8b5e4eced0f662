/**
 * WCAG 2.2 AA over every view, every mode of every instrument (its readout groups, read from the
 * registry, are its modes) in the light and the dark theme, and each view once in embed mode.
 * axe-core must find zero violations; on the same page load the checks axe cannot make are made
 * here: text in SVG figures (axe leaves it "incomplete") meets 4.5:1 (3:1 when large) against
 * what is behind it, every control is at least 24 × 24 px, and every picture has a text
 * alternative. A page is analysed after its first picture (the mode's first readout shows a
 * number). A new instrument or mode is covered by registering it.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AVAILABLE } from '../src/instruments/registry';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Best-practice rules the issue names (heading order, the skip link target) beside the tags.
const EXTRA_RULES = ['heading-order', 'skip-link', 'landmark-one-main'];

/** One line per violation and node, so a failure names what to fix and where. */
async function violations(page: Page): Promise<string[]> {
  const lines = (found: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) =>
    found.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`),
    );
  const tagged = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const extra = await new AxeBuilder({ page }).withRules(EXTRA_RULES).analyze();
  return [...lines(tagged.violations), ...lines(extra.violations)];
}

/**
 * SVG text whose contrast is under WCAG 1.4.3, as "text (ratio)". The backdrop of a text with a
 * halo (a stroke under the fill) is its halo; otherwise the first opaque shape painted under its
 * centre (a heatmap cell), or the HTML background there. Text straight on a raster has no
 * knowable backdrop and must have a halo. Opacity on the text or its groups blends the fill.
 */
function lowContrastSvgText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgb = (c: string): number[] | null => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m?.[1]) return null;
      const p = m[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return p.length === 4 && p[3] === 0 ? null : p.slice(0, 3);
    };
    const lum = (c: number[]) => {
      const l = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (l[0] ?? 0) + 0.7152 * (l[1] ?? 0) + 0.0722 * (l[2] ?? 0);
    };
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    };
    const SHAPES = ['rect', 'circle', 'path', 'polygon', 'ellipse'];
    const backdrop = (t: SVGTextElement, box: DOMRect): number[] | 'raster' => {
      const under = document.elementsFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      for (const e of under) {
        if (e === t || e.contains(t)) continue;
        if (e instanceof HTMLCanvasElement || e instanceof SVGImageElement) return 'raster';
        const s = getComputedStyle(e);
        if (e instanceof SVGElement && SHAPES.includes(e.tagName)) {
          const c = rgb(s.fill);
          if (c && parseFloat(s.fillOpacity) * parseFloat(s.opacity) > 0.99) return c;
          continue;
        }
        if (!(e instanceof SVGElement)) {
          const c = rgb(s.backgroundColor);
          if (c) return c;
        }
      }
      // Off screen, where hit testing finds nothing: the HTML backgrounds around the text.
      for (let e: Element | null = t; e; e = e.parentElement) {
        const c = e instanceof SVGElement ? null : rgb(getComputedStyle(e).backgroundColor);
        if (c) return c;
      }
      return [255, 255, 255];
    };
    const out: string[] = [];
    for (const t of document.querySelectorAll<SVGTextElement>('main svg text')) {
      const text = t.textContent?.trim() ?? '';
      const box = t.getBoundingClientRect();
      if (text === '' || box.width === 0) continue;
      const s = getComputedStyle(t);
      const fill = rgb(s.fill);
      if (!fill) continue;
      const halo = parseFloat(s.strokeWidth) >= 2 && s.stroke !== 'none' ? rgb(s.stroke) : null;
      const under = halo ?? backdrop(t, box);
      if (under === 'raster') {
        out.push(`${text} (on a raster, no halo)`);
        continue;
      }
      const back = under;
      let alpha = parseFloat(s.fillOpacity);
      for (let e: Element | null = t; e && e instanceof SVGElement; e = e.parentElement)
        alpha *= parseFloat(getComputedStyle(e).opacity);
      const seen = fill.map((v, i) => alpha * v + (1 - alpha) * (back[i] ?? 0));
      // Rendered size: the SVG may be scaled by its viewBox.
      const px = box.height / 1.2;
      const large = px >= 24 || (px >= 18.66 && Number(s.fontWeight) >= 700);
      const r = ratio(seen, back);
      if (r < (large ? 3 : 4.5)) out.push(`${text} (${r.toFixed(2)})`);
    }
    return out;
  });
}

/** Controls smaller than the 24 × 24 px of WCAG 2.5.8, as "name w×h". */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, [role="tab"]')]
      .filter((el) => el.offsetParent !== null && !el.classList.contains('visually-hidden'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 24 || r.height < 24)
      .map(
        ({ el, r }) =>
          `${el.dataset['testid'] ?? el.getAttribute('aria-label') ?? el.textContent ?? el.tagName} ${Math.round(r.width)}×${Math.round(r.height)}`,
      ),
  );
}

/** Canvases with no text alternative: each is a picture (role img, named) or hidden. */
function unnamedCanvases(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('canvas')]
      .filter(
        (c) =>
          c.getAttribute('aria-hidden') !== 'true' &&
          (c.getAttribute('role') !== 'img' || (c.getAttribute('aria-label') ?? '') === ''),
      )
      .map((c) => c.dataset['testid'] ?? 'canvas'),
  );
}

async function firstPicture(page: Page, readout: string): Promise<void> {
  await expect(page.getByTestId(readout).first()).not.toHaveAttribute('data-value', '', {
    timeout: 60_000,
  });
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await violations(page)).toEqual([]);
  expect(await lowContrastSvgText(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);
  expect(await unnamedCanvases(page)).toEqual([]);
}

for (const inst of AVAILABLE) {
  const modes = Object.entries(inst.readouts);
  // A view whose link has no `mode` key has one mode: its default link.
  const hasModeKey = 'mode' in inst.link.fields;
  for (const [mode, ids] of modes) {
    const base = `./?view=${inst.id}${hasModeKey ? `&mode=${mode}` : ''}`;
    for (const theme of ['light', 'dark'] as const) {
      test(`${inst.id} ${mode} (${theme}): WCAG 2.2 AA`, async ({ page }) => {
        await page.goto(`${base}&theme=${theme}`);
        await firstPicture(page, ids[0] ?? '');
        await expectAccessible(page);
      });
    }
  }
  const [firstMode, firstIds] = modes[0] ?? ['', []];
  test(`${inst.id} ${firstMode} embedded: WCAG 2.2 AA`, async ({ page }) => {
    await page.setViewportSize({ width: 960, height: 540 });
    await page.goto(`./?view=${inst.id}&embed=1&theme=dark`);
    await firstPicture(page, firstIds[0] ?? '');
    await expectAccessible(page);
  });
}

test('the first tab stop skips to the figure, whose name states the readouts', async ({ page }) => {
  await page.goto('./?view=ghosts&tau=2');
  await firstPicture(page, 'rho-star');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  const figure = page.getByTestId('plane-canvas');
  await expect(figure).toBeFocused();
  // The same numbers as the readouts, and the verdict they imply (τ = 2 is past ρ* ≈ 1.708).
  const name = (await figure.getAttribute('aria-label')) ?? '';
  for (const id of ['rho-a', 'rho-star', 'r-ratio'])
    expect(name).toContain((await page.getByTestId(id).innerText()).trim());
  expect(name).toContain('past the nearest zero');
});

test('a log slider announces its value, not its position', async ({ page }) => {
  await page.goto('./?view=ghosts&tau=0.05');
  const slider = page.getByTestId('tau-slider');
  // The position of 0.05 on the log track is an integer in 0…1000, never "0.05".
  await expect(slider).toHaveAttribute('aria-valuetext', '0.05');
  expect(await slider.inputValue()).not.toBe('0.05');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  const shown = await page.getByTestId('tau-input').inputValue();
  await expect(slider).toHaveAttribute('aria-valuetext', shown);
  expect(shown).not.toBe('0.05');
});
