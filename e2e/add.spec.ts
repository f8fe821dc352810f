// Adding articles: picked files, a bad file among good ones, a drop, and the BBC corpus at scale.
import { test, expect } from './fixtures';
import { SearchPage } from './pages/search';
import { dropFiles } from './drop';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BBC = process.env.BBC_DIR ?? path.resolve(__dirname, '../../shared/corpora/bbc');
const SEEDS = path.resolve(__dirname, '../seeds');

function bbcFiles(): string[] {
  return fs.readdirSync(BBC, { withFileTypes: true })
    .filter((d) => d.isDirectory()).map((d) => d.name).sort()
    .flatMap((cat) => fs.readdirSync(path.join(BBC, cat)).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(BBC, cat, f)));
}

test('picked files are added, a duplicate is skipped and a bad file is rejected with its reason', async ({ page, watch }) => {
  test.skip(!fs.existsSync(BBC), `no BBC corpus at ${BBC}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsprism-'));
  const pdf = path.join(dir, 'scan.pdf');
  fs.writeFileSync(pdf, '%PDF-1.7\n%binary');
  await page.goto('./#/');
  await expect(page.getByTestId('library-row')).toHaveCount(5);
  await page.locator('#add-files').setInputFiles([
    path.join(BBC, 'business', '005.txt'),
    path.join(BBC, 'sport', '199.txt'),
    path.join(SEEDS, '001_3e918a7f038292b0.txt'),
    pdf,
  ]);
  const report = page.getByTestId('ingest-report');
  await expect(report.locator('h2')).toHaveText('2 added · 1 duplicates · 1 rejected');
  await expect(report.locator('li.rejected')).toContainText('“scan.pdf” is not a text file: it looks like a PDF document.');
  await expect(report.locator('li.duplicate')).toContainText('Het bliksembezoek');
  await expect(page.getByTestId('library-row')).toHaveCount(7);
  // The Latin-1 file's pound signs survive decoding.
  await report.getByRole('link', { name: /^(?!Het)/ }).nth(1).click();
  await expect(page.getByTestId('reader')).toContainText('£');

  const search = new SearchPage(page);
  await page.goto('./#/search?q=glenmorangie');
  await search.expectTotal(1);
});

test('a dropped file is added', async ({ page, watch }) => {
  await page.goto('./#/');
  await expect(page.getByTestId('library-row')).toHaveCount(5);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['title: Minsk zwijgt\nsource: Testkrant\ndate: 2022-12-20\n\nLoekasjenko zweeg dinsdag over Poetins bezoek.'], 'gedropt.txt', { type: 'text/plain' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  });
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText('1 added · 0 duplicates · 0 rejected');
  const row = page.getByTestId('library-row').filter({ hasText: 'Minsk zwijgt' });
  await expect(row.locator('.col-source')).toHaveText('Testkrant');
  await expect(row.locator('.col-date')).toHaveText('20 Dec 2022');
});

test('a truncated copy of a bundled article is added as a near-duplicate, and can be removed', async ({ page, watch }) => {
  await page.goto('./#/');
  await expect(page.getByTestId('library-row')).toHaveCount(5);
  const full = fs.readFileSync(path.join(SEEDS, '001_3e918a7f038292b0.txt'), 'utf8');
  const words = full.split(' ');
  const cut = words.slice(0, Math.floor(words.length * 0.6)).join(' ');
  await page.locator('#add-files').setInputFiles([{ name: 'afgekapt.txt', mimeType: 'text/plain', buffer: Buffer.from(cut) }]);
  const report = page.getByTestId('ingest-report');
  await expect(report.locator('h2')).toHaveText('1 added (1 near-duplicate) · 0 duplicates · 0 rejected');
  const line = report.getByTestId('near-line');
  await expect(line).toContainText('afgekapt.txt is a near-duplicate of “Het bliksembezoek');
  await expect(line).toContainText(/\((9\d|100)% of the shorter text is in the other\)/);
  await expect(page.getByTestId('library-row')).toHaveCount(6);
  await line.getByTestId('remove-near').click();
  await expect(line).toContainText('removed');
  await expect(page.getByTestId('library-row')).toHaveCount(5);
});

test('an undated article is placed in the window its text gives: the report and the reader say so', async ({ page, watch }) => {
  await page.goto('./#/');
  await expect(page.getByTestId('library-row')).toHaveCount(5);
  await dropFiles(page, [{
    name: 'verdrag.txt',
    text: 'Treaty talks resume\n\nTalks on the treaty began in March 2005 in Geneva. The next summit will be held in June 2006, officials said.',
  }]);
  const line = page.getByTestId('ingest-report').getByTestId('report-line');
  await expect(line).toContainText('undated; inferred from the text: between Mar 2005 and Jun 2006');
  await line.getByRole('link', { name: 'Treaty talks resume' }).click();
  await expect(page.getByTestId('inferred-date')).toHaveText(' · inferred: between Mar 2005 and Jun 2006');
});

test('a drop on another page keeps that page, and says what was added', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  await expect(page.locator('#timeline-chart')).toBeVisible();
  await dropFiles(page, [{ name: 'gedropt.txt', text: 'title: Minsk zwijgt\ndate: 2022-12-20\n\nLoekasjenko zweeg dinsdag over Poetins bezoek aan Minsk.' }]);
  const notice = page.getByTestId('batch-notice');
  await expect(notice).toContainText('Files read: 1 added · 0 duplicates · 0 rejected.');
  await expect(page).toHaveURL(/#\/timeline/);
  await expect(page.getByTestId('timeline-summary')).toContainText('6 articles');
  await notice.getByRole('link', { name: 'See the report in the library' }).click();
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText('1 added · 0 duplicates · 0 rejected');
  await expect(page.getByTestId('batch-notice')).toHaveCount(0);
});

test('the whole BBC corpus can be added and searched in the app', async ({ page, watch }) => {
  test.skip(!fs.existsSync(BBC), `no BBC corpus at ${BBC}`);
  test.setTimeout(120_000);
  const files = bbcFiles();
  expect(files.length).toBe(2225);
  await page.goto('./#/');
  await expect(page.getByTestId('library-row')).toHaveCount(5);
  await page.locator('#add-files').setInputFiles(files);
  const heading = page.getByTestId('ingest-report').locator('h2');
  await expect(heading).toHaveText(/ added( \(\d+ near-duplicates?\))? · \d+ duplicates · 0 rejected$/, { timeout: 60_000 });
  const text = await heading.innerText();
  const added = Number(text.match(/^(\d+) added/)![1]);
  const duplicates = Number(text.match(/(\d+) duplicates/)![1]);
  expect(added + duplicates).toBe(2225);
  // The corpus holds revised versions of some stories: named as near-duplicates, and kept.
  expect(Number(text.match(/\((\d+) near-duplicates\)/)?.[1] ?? 0)).toBeGreaterThan(0);
  const search = new SearchPage(page);
  await page.goto('./#/search?q=sharapova');
  await expect(search.summary).toHaveText(/^\d+ articles match\.$/);
  await expect(search.hits.first().locator('.snippet mark').first()).toHaveText(/sharapova/i);
  await page.goto('./#/search?q=%22prime%20minister%22%20source%3A%22unknown%20source%22');
  await expect(search.hits).not.toHaveCount(0);

  // Once stored, the workers' many small index segments are joined into two (at most 2,048
  // articles each), and a reload merges them: searchable at once, with the same results.
  await page.goto('./#/search?q=sharapova');
  const before = await search.summary.innerText();
  await page.goto('./#/');
  await expect(page.getByTestId('storage-status')).toHaveText(/saved in this browser\./, { timeout: 60_000 });
  const segments = () => page.evaluate(() => new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('newsprism');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('segments').objectStore('segments').count();
      req.onsuccess = () => { open.result.close(); resolve(req.result); };
      req.onerror = () => { open.result.close(); reject(req.error); };
    };
  }));
  expect(await segments()).toBe(2);
  await page.goto('./#/search?q=sharapova');
  await page.reload();
  await expect(search.summary).toHaveText(before);
  await page.goto('./#/');
  await expect(page.getByTestId('storage-status')).toHaveText(/saved in this browser\./);
  expect(await segments()).toBe(2);
});
