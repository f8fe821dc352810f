// Reloads restore what indexing produced: the index segments the reading workers made are stored
// beside the articles and merged on reload instead of indexing every article again. A segment
// that no longer fits (its articles removed, or written by an older version) is dropped, and a
// store from before segments existed still restores and is upgraded.
import { test, expect } from './fixtures';
import { Page } from '@playwright/test';
import { dropFiles } from './drop';

const rows = (page: Page) => page.getByTestId('library-row');

async function savedInBrowser(page: Page) {
  await expect(page.getByTestId('storage-status')).toHaveText(/saved in this browser\./);
}

/** How many records a store of the app's database holds (opened at its current version). */
async function count(page: Page, store: string): Promise<number> {
  return page.evaluate((store) => new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('newsprism');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction(store).objectStore(store).count();
      req.onsuccess = () => { db.close(); resolve(req.result); };
      req.onerror = () => { db.close(); reject(req.error); };
    };
  }), store);
}

const articles = Array.from({ length: 12 }, (_, i) => ({
  name: `bericht-${i}.txt`,
  text: `Bericht ${i} over de zwaluwstaart\n\nDe zwaluwstaart nummer ${i} vloog over Minsk. `
    + `Waarnemers telden ${i + 3} vlinders boven de rivier, zegt bioloog Anna de Vries.`,
}));

test('a reload merges the stored index segments: searchable at once, and stale ones are dropped', async ({ page, watch }) => {
  await page.goto('./#/');
  await savedInBrowser(page);
  await dropFiles(page, articles);
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText('12 added · 0 duplicates · 0 rejected');
  await savedInBrowser(page);
  await expect.poll(() => count(page, 'segments')).toBeGreaterThan(0);
  const stored = await count(page, 'segments');

  // A segment from an older version of the format, which no longer reads.
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('newsprism');
    open.onsuccess = () => {
      const tx = open.result.transaction('segments', 'readwrite');
      tx.objectStore('segments').put(new TextEncoder().encode('NPSG\u0001 an older format'), '0-old');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  await page.reload();
  // The list draws the rows in sight; it holds all 17 (header row + 17).
  await expect(page.getByTestId('library-table')).toHaveAttribute('aria-rowcount', '18');
  await savedInBrowser(page);
  await page.goto('./#/search?q=zwaluwstaart');
  await expect(page.getByTestId('search-summary')).toContainText('12 articles');
  await page.goto('./#/search?q=%22nummer%207%20vloog%22');
  await expect(page.getByTestId('hit')).toHaveCount(1);
  await expect(page.getByTestId('hit')).toContainText('Bericht 7');
  // The old one is gone; the worker's stay.
  await expect.poll(() => count(page, 'segments')).toBe(stored);

  // Removing every added article removes their segments too.
  await page.goto('./#/');
  await page.getByTestId('remove-added').click();
  await page.getByTestId('confirm-remove-added').click();
  await expect(rows(page)).toHaveCount(5);
  await savedInBrowser(page);
  await expect.poll(() => count(page, 'segments')).toBe(0);
  await page.reload();
  await expect(rows(page)).toHaveCount(5);
});

test('a store written before segments existed restores, is searchable and is upgraded', async ({ page, watch }) => {
  await page.goto('./#/');
  await savedInBrowser(page);
  await dropFiles(page, articles.slice(0, 2));
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText('2 added · 0 duplicates · 0 rejected');
  await savedInBrowser(page);
  // The stored articles as this version wrote them; then the database as version 1 made it.
  await page.goto('./manifest.webmanifest');
  const records = await page.evaluate(() => new Promise<[string, string][]>((resolve, reject) => {
    const open = indexedDB.open('newsprism');
    open.onsuccess = () => {
      const store = open.result.transaction('articles').objectStore('articles');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => {
        open.result.close();
        resolve((keys.result as string[]).map((k, i) => [k, values.result[i] as string]));
      };
      values.onerror = () => reject(values.error);
    };
  }));
  expect(records).toHaveLength(2);
  await page.evaluate((records) => new Promise<void>((resolve, reject) => {
    const gone = indexedDB.deleteDatabase('newsprism');
    gone.onerror = () => reject(gone.error);
    gone.onsuccess = () => {
      const open = indexedDB.open('newsprism', 1);
      open.onupgradeneeded = () => {
        open.result.createObjectStore('articles');
        open.result.createObjectStore('state');
      };
      open.onsuccess = () => {
        const tx = open.result.transaction('articles', 'readwrite');
        for (const [k, v] of records) tx.objectStore('articles').put(v, k);
        tx.oncomplete = () => { open.result.close(); resolve(); };
      };
    };
  }), records);

  await page.goto('./#/');
  await expect(rows(page)).toHaveCount(7);
  await savedInBrowser(page);
  await page.goto('./#/search?q=zwaluwstaart');
  await expect(page.getByTestId('search-summary')).toContainText('2 articles');
  expect(await count(page, 'segments')).toBe(0);
});
