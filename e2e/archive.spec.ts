// A published index (the BBC corpus, written by `newsprism index` into target/e2e-archives/bbc
// by `make e2e`, served at /archives/bbc): opened by its address, searched with snippets and
// facets, an article read, each reading only some of its files, nothing off the origin, and
// what was read once searched again offline.
import { test, expect, open } from './fixtures';
import fs from 'node:fs';
import path from 'node:path';

const INDEX = path.resolve(__dirname, '../target/e2e-archives/bbc');

/** Every file of the published index, by its path inside it (not `.runs`, kept for updates). */
function indexFiles(dir = INDEX, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.name !== '.runs').flatMap((e) =>
    e.isDirectory() ? indexFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}

test('an archive published by the command line opens, searches and reads a few files at a time', async ({ page, watch }) => {
  const all = indexFiles();
  expect(all.length).toBeGreaterThan(100);
  await open(page, '#/?index=archives/bbc');
  await expect(page.getByTestId('archive-status')).toContainText('2,126 articles');
  await expect(page.getByTestId('archive-months')).toContainText('undated');
  const fetched = () => watch.requests.filter((u) => u.includes('/archives/bbc/'));
  expect(fetched().map((u) => u.split('/archives/bbc/')[1]).sort()).toEqual(['docs.bin.gz', 'manifest.json']);

  await page.locator('#archive-q').fill('"prime minister" blair');
  await page.locator('#archive-q').press('Enter');
  await expect(page.getByTestId('archive-summary')).toContainText('articles match');
  const hits = page.getByTestId('archive-hit');
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator('.snippet mark').first()).toBeVisible();
  // The BBC files carry no dates or outlets: the facets say so, with the counts.
  await expect(page.getByTestId('archive-facet-months')).toContainText('undated');
  await expect(page.getByTestId('archive-facet-sources')).toContainText('unknown source');
  const afterSearch = new Set(fetched());
  expect(afterSearch.size).toBeLessThan(all.length / 20);
  // A screenful of hits, then more on request, each one's article a file of its own.
  await expect(hits).toHaveCount(10);
  await page.getByTestId('archive-more').click();
  await expect(hits).toHaveCount(20);
  // The URL holds the search.
  expect(decodeURIComponent(page.url())).toContain('q="prime minister" blair');

  // A facet narrows the search; the first hit opens, its words marked.
  const title = await hits.first().locator('.hit-title').innerText();
  await hits.first().locator('.hit-title').click();
  await expect(page.getByTestId('archive-article').locator('h1')).toHaveText(title);
  await expect(page.getByTestId('archive-article').locator('mark').first()).toBeVisible();
  await page.goBack();
  await expect(hits.first()).toBeVisible();

  // A typo: a suggestion that finds something.
  await page.locator('#archive-q').fill('chelsae');
  await page.locator('#archive-q').press('Enter');
  await expect(page.getByTestId('archive-suggestions')).toContainText('Did you mean chelsea?');
  await page.getByTestId('archive-suggestions').getByRole('link').first().click();
  await expect(page.getByTestId('archive-summary')).toContainText('articles match');
  expect(new Set(fetched()).size).toBeLessThan(all.length);
});

test('an archive searched once is searched again offline, and a bad address says why', async ({ page, context, watch }) => {
  await open(page, '#/archive?index=archives/bbc&q=economy');
  await expect(page.getByTestId('archive-hit').first()).toBeVisible();
  const firstTitle = await page.getByTestId('archive-hit').first().locator('.hit-title').innerText();
  // The files are kept once fetching pauses.
  const fetched = new Set(watch.requests.filter((u) => u.includes('/archives/bbc/'))).size;
  await expect.poll(() => page.evaluate(async () => (await (await caches.open('archive-files')).keys()).length))
    .toBeGreaterThanOrEqual(fetched);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('archive-hit').first().locator('.hit-title')).toHaveText(firstTitle);
  await context.setOffline(false);

  await open(page, '#/?index=archives/nowhere');
  await expect(page.getByTestId('archive-status')).toContainText('could not be opened: manifest.json: not found');
  watch.consoleErrors.length = 0; // the 404 itself is logged by the browser
});
