// At phone width (390 px) every view fits the screen: nothing makes the page wider than the
// phone, so nothing is cut off or needs sideways scrolling of the whole page.
import { test, expect } from './fixtures';

const WIDTH = 390;

const ROUTES = [
  '#/',
  '#/search?q=Poetin',
  '#/timeline',
  '#/compare?tab=groups',
  '#/compare?tab=read',
  '#/compare?tab=quotes',
  '#/compare?tab=numbers',
  '#/compare?tab=entities',
  '#/compare?tab=words',
  '#/aliases',
  '#/events',
  '#/help',
  // A published index (make e2e writes it): its overview and a search of it.
  '#/archive?index=archives/bbc',
  '#/archive?index=archives/bbc&q=%22prime%20minister%22',
];

test('every view fits a 390 px phone screen', async ({ page, watch }) => {
  await page.setViewportSize({ width: WIDTH, height: 844 });
  const wide: string[] = [];
  const measure = async (where: string) => {
    // Let the view draw, then measure the page and name what sticks out.
    await page.waitForTimeout(300);
    const found = await page.evaluate((w) => {
      const doc = document.documentElement;
      const culprits = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > w + 1)
        .filter((el) => !el.closest('.scroll-x'))
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
      return { width: doc.scrollWidth, culprits };
    }, WIDTH);
    if (found.width > WIDTH) wide.push(`${where}: ${found.width}px (${found.culprits.join(', ')})`);
  };
  for (const route of ROUTES) {
    await page.goto(`./${route}`);
    await expect(page.locator('header.shell')).toBeVisible();
    await measure(route);
  }
  // The reader of an article, with its meta line.
  await page.goto('./#/');
  await page.getByTestId('library-row').first().getByRole('link').click();
  await expect(page.getByTestId('reader')).toBeVisible();
  await measure('reader');
  expect(wide, 'views wider than the phone').toEqual([]);
});

test('the timeline is drawn at the phone\'s own size: text readable, marks tappable', async ({ page, watch }) => {
  await page.setViewportSize({ width: WIDTH, height: 844 });
  await page.goto('./#/timeline');
  const chart = page.getByTestId('timeline-chart');
  await expect(chart).toBeVisible();
  // Drawn in the page's pixels (not a 1000-unit drawing shrunk to a third).
  await expect.poll(async () => {
    const box = (await chart.boundingBox())!;
    const vb = await chart.getAttribute('viewBox');
    return Math.abs(Number(vb!.split(' ')[2]) - box.width);
  }).toBeLessThan(2);
  const label = (await page.getByTestId('lane-label').first().boundingBox())!;
  expect(label.height).toBeGreaterThanOrEqual(10);
  const tick = (await page.getByTestId('tick').first().boundingBox())!;
  expect(tick.height).toBeGreaterThanOrEqual(9);
  // A tap on a shared date shows its sentences right under the chart.
  await page.getByTestId('shared-mark').first().click();
  await expect(page.getByTestId('group-panel')).toBeVisible();
});
