// The comparison of a whole corpus: with the BBC corpus added, "all" means every article, worked
// out by the analysis worker with its progress shown, and finds a statement quoted across
// articles that are not among the newest 60 (the most the page compares itself).
import { test, expect } from './fixtures';
import fs from 'node:fs';
import path from 'node:path';

const BBC = process.env.BBC_DIR ?? path.resolve(__dirname, '../../shared/corpora/bbc');

function bbcFiles(): string[] {
  return fs.readdirSync(BBC, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(BBC, d.name)).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(BBC, d.name, f)));
}

/** The attorney general's words, quoted in two BBC politics articles of March 2005. */
const GOLDSMITH = 'In my parliamentary answer on March 17 2003';

test('a comparison of all 2,225 BBC articles finds quotes repeated outside the newest 60', async ({ page, watch }) => {
  test.skip(!fs.existsSync(BBC), `no BBC corpus at ${BBC}`);
  test.setTimeout(240_000);
  await page.goto('./#/');
  await expect(page.getByTestId('library-row')).toHaveCount(5);
  await page.locator('#add-files').setInputFiles(bbcFiles());
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText(/ added( \(\d+ near-duplicates?\))? · \d+ duplicates · 0 rejected$/, { timeout: 90_000 });
  await expect(page.getByTestId('library-summary')).toHaveText(/^2,?\d{3} articles/);
  const loaded = Number((await page.getByTestId('library-summary').innerText()).match(/^([\d,]+) articles/)![1].replace(/,/g, ''));

  // The library draws only the rows in sight, whatever its length, and scrolls to its last.
  await page.goto('./#/?sort=newest');
  const rows = page.getByTestId('library-row');
  await expect(page.getByTestId('library-table')).toHaveAttribute('aria-rowcount', String(loaded + 1));
  expect(await rows.count()).toBeLessThan(200);
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const drawn = () => rows.evaluateAll((els) => els.map((e) => [Number(e.getAttribute('aria-rowindex')) - 2, e.querySelector('.col-title')?.textContent ?? ''] as [number, string]));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await frames();
  await expect.poll(async () => Math.max(...(await drawn()).map(([i]) => i))).toBe(loaded - 1);
  expect(await rows.count()).toBeLessThan(200);

  // The articles the Goldsmith quote is in are not among the 60 newest (read as the list is
  // scrolled from its top).
  const newest = new Map<number, string>();
  for (let y = 0; newest.size < 60 && y < 40_000; y += 500) {
    await page.evaluate((at) => window.scrollTo(0, at), y);
    await frames();
    for (const [i, t] of await drawn()) if (i < 60) newest.set(i, t);
  }
  expect(newest.size).toBe(60);
  expect([...newest.values()].filter((t) => /Goldsmith|Iraq advice/.test(t))).toEqual([]);

  // A filter, then every article it lists selected at once (drawn or not).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByTestId('library-filter').fill('blair');
  await expect(page.getByTestId('library-listing')).toHaveText(/^Listing \d+ of [\d,]+ articles\.$/);
  const listed = Number((await page.getByTestId('library-listing').innerText()).match(/^Listing (\d+)/)![1]);
  expect(listed).toBeGreaterThan(20);
  await page.getByTestId('select-listed').check();
  await expect(page.getByTestId('selected-count')).toHaveText(`${listed} selected`);

  await page.goto('./#/compare?tab=quotes');
  // Worked out in the background, with its progress said; the page stays responsive.
  await expect(page.getByTestId('compare-progress')).toBeVisible();
  const started = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  expect(Date.now() - started).toBeLessThan(2_000);
  await expect(page.getByTestId('compare-scope')).toContainText(`Comparing all ${loaded} articles`);
  const cluster = page.getByTestId('quote-cluster').filter({ hasText: GOLDSMITH });
  await expect(cluster).toHaveCount(1, { timeout: 120_000 });
  await expect(page.getByTestId('compare-progress')).toHaveCount(0);
  expect(await cluster.getByTestId('rendering').count()).toBeGreaterThanOrEqual(2);
  // Hundreds of clusters, shown a page at a time.
  await expect(page.getByTestId('clusters-more')).toBeVisible();
  expect(await page.getByTestId('quote-cluster').count()).toBe(200);

  // Story groups over the whole corpus; the heatmap stays for the most connected handful.
  await page.goto('./#/compare');
  await expect(page.getByTestId('story-group').first()).toBeVisible({ timeout: 120_000 });
  expect(await page.locator('#similarity-heatmap .heat-cell').count()).toBeLessThanOrEqual(24 * 24);
  // Names: a count of sources per name, not a column for each of 2,000 articles.
  await page.goto('./#/compare?tab=entities');
  await expect(page.getByTestId('entity-row').first()).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('entity-matrix').locator('thead th')).toHaveText(['Name', 'Sources', 'Mentions', 'Quoted']);
  await expect(page.getByTestId('only-pick')).toBeVisible();
  await expect(page.getByTestId('only-here')).toHaveCount(1);
});
