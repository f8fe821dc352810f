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

/** Every stored article as [id, JSON], from the packs. */
async function stored(page: Page): Promise<[string, unknown][]> {
  return page.evaluate(() => new Promise<[string, unknown][]>((resolve, reject) => {
    const open = indexedDB.open('newsprism');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('packs').objectStore('packs').getAll();
      req.onsuccess = () => {
        open.result.close();
        resolve(req.result.flatMap((p: { ids: string[], texts: unknown[] }) => p.ids.map((id, i) => [id, p.texts[i]] as [string, unknown])));
      };
      req.onerror = () => { open.result.close(); reject(req.error); };
    };
  }));
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

test('many small stored segments are joined into one after a reload, which then merges it', async ({ page, watch }) => {
  await page.goto('./#/');
  await savedInBrowser(page);
  await dropFiles(page, articles);
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText('12 added · 0 duplicates · 0 rejected');
  await savedInBrowser(page);
  await expect.poll(() => count(page, 'segments')).toBe(1);
  // Eight more copies of that segment (as if each chunk of an import had stored its own), and
  // one from an older format.
  await page.evaluate(() => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('newsprism');
    open.onsuccess = () => {
      const tx = open.result.transaction('segments', 'readwrite');
      const store = tx.objectStore('segments');
      const all = store.getAll();
      all.onsuccess = () => {
        for (let i = 0; i < 8; i++) store.put(all.result[0], `0-copy-${i}`);
        store.put(new TextEncoder().encode('NPSG\u0001 an older format'), '0-old');
      };
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));
  expect(await count(page, 'segments')).toBe(10);
  await page.reload();
  await expect(page.getByTestId('library-table')).toHaveAttribute('aria-rowcount', '18');
  await expect.poll(() => count(page, 'segments')).toBe(1);
  await savedInBrowser(page);
  await page.reload();
  await page.goto('./#/search?q=zwaluwstaart');
  await expect(page.getByTestId('search-summary')).toContainText('12 articles');
  await page.goto('./#/search?q=%22nummer%207%20vloog%22');
  await expect(page.getByTestId('hit')).toHaveCount(1);
  expect(await count(page, 'segments')).toBe(1);
});

test('a store written before segments existed restores, is searchable and is upgraded', async ({ page, watch }) => {
  await page.goto('./#/');
  await savedInBrowser(page);
  await dropFiles(page, articles.slice(0, 2));
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText('2 added · 0 duplicates · 0 rejected');
  await savedInBrowser(page);
  // The stored articles as this version wrote them; then the database as version 1 made it.
  await page.goto('./manifest.webmanifest');
  const records = await stored(page);
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
  // The articles stored one per record moved into one pack.
  await expect.poll(() => count(page, 'articles')).toBe(0);
  expect(await count(page, 'packs')).toBe(1);
  expect((await stored(page)).sort()).toEqual(records.sort());
});

test('small packs are gathered into one on reload, and a removal rewrites its pack', async ({ page, watch }) => {
  await page.goto('./#/');
  await savedInBrowser(page);
  await dropFiles(page, articles);
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText('12 added · 0 duplicates · 0 rejected');
  await savedInBrowser(page);
  const records = await stored(page);
  expect(records).toHaveLength(12);
  // As if each had been added on its own (plus one that is not text, which is reported).
  await page.evaluate((records) => new Promise<void>((resolve, reject) => {
    const open = indexedDB.open('newsprism');
    open.onsuccess = () => {
      const tx = open.result.transaction('packs', 'readwrite');
      const packs = tx.objectStore('packs');
      packs.clear();
      records.forEach(([id, text], i) => packs.put({ ids: [id], texts: [text] }, `0-${String(i).padStart(3, '0')}`));
      for (let i = 12; i < 18; i++) packs.put({ ids: [], texts: [] }, `0-${i}`);
      packs.put({ ids: ['broken'], texts: [42] }, '0-broken');
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }), records);
  expect(await count(page, 'packs')).toBe(19);
  await page.reload();
  await expect(page.getByTestId('library-table')).toHaveAttribute('aria-rowcount', '18');
  await expect(page.getByText('1 stored articles could not be read and were skipped.')).toBeVisible();
  await expect.poll(() => count(page, 'packs')).toBe(1);
  expect((await stored(page)).length).toBe(13);

  await page.goto('./#/');
  await rows(page).filter({ hasText: 'Bericht 7 ' }).getByRole('link').click();
  await page.getByText('Edit details or remove').click();
  await page.getByTestId('remove-article').click();
  await savedInBrowser(page);
  await expect.poll(async () => (await stored(page)).length).toBe(12);
  await page.reload();
  await expect(page.getByTestId('library-table')).toHaveAttribute('aria-rowcount', '17');
  await page.goto('./#/search?q=zwaluwstaart');
  await expect(page.getByTestId('search-summary')).toContainText('11 articles');
  await page.goto('./#/search?q=%22nummer%207%20vloog%22');
  await expect(page.getByTestId('no-results')).toBeVisible();
});

test.describe(() => {
  // Requests the service worker answers never reach page.route.
  test.use({ serviceWorkers: 'block' });
  test('a reload copies the word list from the image the first visit stored, without fetching it', async ({ page, watch }) => {
    const ready = /^Word forms: \d{6,} Dutch and English forms are joined/;
    const wordForms = page.getByTestId('search-empty').getByText(/Word forms|word list/);
    const image = () => page.evaluate(() => new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('newsprism');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const req = open.result.transaction('lexicon').objectStore('lexicon').get('lexicon');
        req.onsuccess = () => { open.result.close(); resolve(req.result?.byteLength ?? 0); };
        req.onerror = () => { open.result.close(); reject(req.error); };
      };
    }));
    let fetched = 0;
    await page.route('**/lexicon.txt', (route) => { fetched += 1; return route.continue(); });
    await page.goto('./#/search?q=');
    await expect(wordForms).toHaveText(ready);
    await expect.poll(image).toBeGreaterThan(1_000_000);
    const size = await image();

    // The word list cannot be fetched now; the stored image serves.
    await page.unroute('**/lexicon.txt');
    await page.route('**/lexicon.txt', (route) => route.abort());
    await page.reload();
    await expect(wordForms).toHaveText(ready);
    expect(fetched).toBeGreaterThan(0);

    // An image that does not read is not used: the word list is fetched and its image stored
    // again.
    await page.evaluate(() => new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('newsprism');
      open.onsuccess = () => {
        const tx = open.result.transaction('lexicon', 'readwrite');
        tx.objectStore('lexicon').put(new TextEncoder().encode('NPLX\u0001 damaged'), 'lexicon');
        tx.oncomplete = () => { open.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    }));
    await page.unroute('**/lexicon.txt');
    await page.goto('./#/search?q=');
    await page.reload();
    await expect(wordForms).toHaveText(ready);
    await expect.poll(image).toBe(size);
  });
});
