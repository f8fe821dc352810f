// Chart text is readable in both themes: every text in the similarity heatmap and the timeline
// reaches 4.5:1 against what is behind it (its cell, or the page). The colours come from the
// stylesheet's custom properties, so this checks the palette itself.
import { test, expect } from './fixtures';
import { Page } from '@playwright/test';

/** The lowest contrast of any text in the SVG `selector`, with the text that has it. */
async function lowestContrast(page: Page, selector: string): Promise<{ ratio: number; text: string; count: number }> {
  return page.evaluate((sel) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
    const lum = (c: string) => {
      const [r, g, b] = rgb(c).map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: string, b: string) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const pageBackground = (el: Element) => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        if (e instanceof SVGElement) continue;
        const bg = getComputedStyle(e).backgroundColor;
        if (bg && bg !== 'transparent' && !bg.startsWith('rgba(0, 0, 0, 0)')) return bg;
      }
      return getComputedStyle(document.body).backgroundColor;
    };
    const svg = document.querySelector(sel);
    let worst = { ratio: Infinity, text: '', count: 0 };
    for (const t of Array.from(svg?.querySelectorAll('text') ?? [])) {
      // Text written on a shape (a heatmap cell, a shared-date badge) is read against it.
      const g = t.parentElement;
      const cell = g?.classList.contains('heat-cell')
        ? g.querySelector('rect')
        : g?.classList.contains('shared-mark') ? g.querySelector('circle') : null;
      const behind = cell ? getComputedStyle(cell).fill : pageBackground(svg!);
      const r = ratio(getComputedStyle(t).fill, behind);
      worst.count += 1;
      if (r < worst.ratio) worst = { ratio: r, text: t.textContent ?? '', count: worst.count };
    }
    return worst;
  }, selector);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    test('heatmap numbers and labels reach 4.5:1', async ({ page, watch }) => {
      await page.goto('./#/compare');
      await expect(page.locator('#similarity-heatmap .heat-cell')).toHaveCount(25);
      const worst = await lowestContrast(page, '#similarity-heatmap');
      expect(worst.count).toBeGreaterThan(20);
      expect(worst.ratio, `lowest: “${worst.text}”`).toBeGreaterThanOrEqual(4.5);
    });

    test('timeline labels reach 4.5:1', async ({ page, watch }) => {
      await page.goto('./#/timeline');
      await expect(page.getByTestId('event-mark').first()).toBeVisible();
      const worst = await lowestContrast(page, '#timeline-chart');
      expect(worst.count).toBeGreaterThan(5);
      expect(worst.ratio, `lowest: “${worst.text}”`).toBeGreaterThanOrEqual(4.5);
    });
  });
}
