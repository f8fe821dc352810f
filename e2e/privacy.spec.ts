// A session that visits every view makes no request beyond the page's origin and logs no error.
import { test, expect } from './fixtures';
import { LibraryPage } from './pages/library';
import fs from 'node:fs';
import path from 'node:path';

test('a whole session (every view, dropped files, search, export) stays on the page origin with a clean console', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto();
  const count = await library.rows.count();
  for (let i = 0; i < count; i++) {
    await library.rows.nth(i).locator('a').click();
    await expect(page.getByTestId('reader')).toBeVisible();
    await page.goBack();
    await expect(library.rows).toHaveCount(count);
  }
  await page.goto('./#/nowhere');
  await expect(page.getByTestId('not-found')).toBeVisible();
  // Drop files (a saved page whose scripts try to reach a tracker among them), search, use the
  // concordance, the spellings, the project export: still nothing beyond the origin.
  await library.goto();
  const page001 = fs.readFileSync(path.resolve(__dirname, '../crates/newsprism-core/tests/fixtures/seed001.html')).toString('base64');
  await page.evaluate((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], 'pagina.html'));
    dt.items.add(new File(['source: Testkrant\n\nEen stuk over Minsk.'], 'stuk.txt'));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, page001);
  // The saved page is bundled article 001 again, as a web page: a near-duplicate of it.
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText('2 added (1 near-duplicate) · 0 duplicates · 0 rejected');
  await page.goto('./#/search?q=Minsk');
  await expect(page.getByTestId('hit').first()).toBeVisible();
  await page.getByTestId('kwic-tab').click();
  await expect(page).toHaveURL(/view=kwic/);
  await page.goto('./#/aliases');
  await expect(page.getByTestId('alias-groups')).toBeVisible();
  await library.goto();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-project').click();
  await download;
  // The fixture asserts the console and the requests when the test ends; this checks it saw any.
  expect(watch.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
});
