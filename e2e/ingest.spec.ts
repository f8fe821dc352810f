// Bringing your own articles: folders, every format, bad files, persistence, removal, editing,
// and the project file carried to a fresh profile.
import { test, expect } from './fixtures';
import { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FIXTURES = path.resolve(__dirname, '../crates/newsprism-core/tests/fixtures');
const b64 = (name: string) => fs.readFileSync(path.join(FIXTURES, name)).toString('base64');

/** Drops files (name → base64 bytes) with a real DataTransfer, as the browser would. */
async function dropFiles(page: Page, files: [string, string][]) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const [name, data] of files) {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, files);
}

/** Drops a folder tree ({name: base64 | subtree}) through the entry API that a real folder drop
 *  exposes (webkitGetAsEntry, createReader, readEntries in batches, file()). */
async function dropFolder(page: Page, name: string, tree: object) {
  await page.evaluate(({ name, tree }) => {
    const entry = (n: string, node: any, parent: string): any => {
      const fullPath = `${parent}/${n}`;
      if (typeof node === 'string') {
        const file = new File([Uint8Array.from(atob(node), (c) => c.charCodeAt(0))], n);
        return { isFile: true, isDirectory: false, name: n, fullPath, file: (ok: any) => setTimeout(() => ok(file)) };
      }
      const children = Object.entries(node).map(([k, v]) => entry(k, v, fullPath));
      return {
        isFile: false, isDirectory: true, name: n, fullPath,
        createReader: () => {
          let given = false;
          // Batches of one, as readEntries may return any number before the empty batch.
          let i = 0;
          return { readEntries: (ok: any) => setTimeout(() => ok(i < children.length ? [children[i++]] : [])) };
        },
      };
    };
    const root = entry(name, tree, '');
    const dt = new DataTransfer();
    const fake = {
      types: ['Files'],
      items: Object.assign([{ kind: 'file', webkitGetAsEntry: () => root }], {}),
      files: dt.files,
    };
    for (const type of ['dragenter', 'dragover', 'drop']) {
      const ev = new DragEvent(type, { bubbles: true, cancelable: true });
      Object.defineProperty(ev, 'dataTransfer', { value: fake });
      document.body.dispatchEvent(ev);
    }
  }, { name, tree });
}

const report = (page: Page) => page.getByTestId('ingest-report');
const rows = (page: Page) => page.getByTestId('library-row');

async function savedInBrowser(page: Page) {
  await expect(page.getByTestId('storage-status')).toHaveText(/saved in this browser/);
}

test('a dropped folder is walked into its subfolders and its name is offered as the source', async ({ page, watch }) => {
  await page.goto('./#/');
  await expect(rows(page)).toHaveCount(5);
  await dropFolder(page, 'voorbeeldkrant', {
    'seed001.html': b64('seed001.html'),
    sport: { 'bbc-sport-199-latin1.txt': b64('bbc-sport-199-latin1.txt'), diep: { 'leeg.txt': '' } },
    'foto.png': Buffer.from('\x89PNG\r\n\x1a\n0000', 'binary').toString('base64'),
  });
  // The page form of bundled article 001 is a near-duplicate of it.
  await expect(report(page).locator('h2')).toHaveText('2 added (1 near-duplicate) · 0 duplicates · 2 rejected');
  await expect(report(page).getByTestId('near-line')).toContainText('voorbeeldkrant/seed001.html is a near-duplicate of “Het bliksembezoek');
  await expect(report(page)).toContainText('voorbeeldkrant/sport/bbc-sport-199-latin1.txt');
  await expect(report(page).locator('li.rejected').filter({ hasText: 'leeg.txt' })).toContainText('is empty');
  await expect(report(page).locator('li.rejected').filter({ hasText: 'foto.png' })).toContainText('PNG image');
  const offer = page.getByTestId('folder-source');
  await expect(offer).toContainText('2 articles from the folder “voorbeeldkrant”');
  await offer.getByRole('button', { name: 'Use as source' }).click();
  await expect(offer).toContainText('All 2 have the source “voorbeeldkrant”.');
  await expect(rows(page).filter({ hasText: 'Chelsea sack Mutu' }).locator('.col-source')).toHaveText('voorbeeldkrant');
});

test('files of every format are read; a page\'s scripts and handlers never run or show', async ({ page, watch }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto('./#/');
  await expect(rows(page)).toHaveCount(5);
  const truncated = Buffer.concat([Buffer.from('Een tekst die midden in een teken stopt: caf'), Buffer.from([0xc3])]);
  await dropFiles(page, [
    ['seed001.html', b64('seed001.html')],
    ['bbc-business-001.md', b64('bbc-business-001.md')],
    ['bbc-tech.json', b64('bbc-tech.json')],
    ['seed003-utf16le.txt', b64('seed003-utf16le.txt')],
    ['afgebroken.txt', truncated.toString('base64')],
    ['leeg.txt', ''],
    ['kapot.json', Buffer.from('[{"title": "x", ').toString('base64')],
  ]);
  // html 1 + md 1 + json 3 (+1 bad record) + seed 003 again (duplicate) + truncated 1; empty; broken JSON.
  await expect(report(page).locator('h2')).toHaveText('6 added (1 near-duplicate) · 1 duplicates · 3 rejected');
  await expect(report(page).getByTestId('near-line')).toContainText('seed001.html is a near-duplicate of “Het bliksembezoek');
  await expect(report(page).locator('li.rejected').filter({ hasText: 'record 3' })).toContainText('no text');
  await expect(report(page).locator('li.rejected').filter({ hasText: 'kapot.json' })).toContainText('is not valid JSON');
  await expect(report(page).locator('li.added').filter({ hasText: 'afgebroken.txt' })).toContainText('ends in the middle of a character');
  const html = report(page).locator('li.added').filter({ hasText: 'seed001.html' });
  await expect(html).toContainText('HTML · 20 Dec 2022 (from the page\'s metadata) · nl · UTF-8 · Voorbeeldkrant');
  await expect(report(page).locator('li.added').filter({ hasText: 'bbc-business-001.md' })).toContainText('Markdown');
  await html.getByRole('link').click();
  const reader = page.getByTestId('reader');
  await expect(reader.getByTestId('reader-title')).toHaveText('Het bliksembezoek van Poetin aan Belarus');
  await expect(reader.locator('.text script, .text img, .text [onerror], .text [onclick]')).toHaveCount(0);
  await expect(reader.locator('.text')).not.toContainText('alert');
  await expect(reader.locator('.text')).not.toContainText('geinjecteerd');
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as any).stolen)).toBeUndefined();
  // Searchable at once.
  await page.goto('./#/search?q=TimeWarner');
  await expect(page.getByTestId('hit').first()).toContainText('Ad sales boost Time Warner profit');
});

test('added articles, edits and hidden seeds survive a reload; removal too', async ({ page, watch }) => {
  await page.goto('./#/');
  await savedInBrowser(page);
  await page.getByText('Paste an article').click();
  await page.locator('#paste-text').fill('title: Minsk zwijgt\nsource: Testkrant\ndate: 2022-12-20\n\nLoekasjenko zweeg dinsdag over het bezoek.');
  await page.getByTestId('paste-add').click();
  await expect(report(page).locator('h2')).toHaveText('1 added · 0 duplicates · 0 rejected');
  await dropFiles(page, [['seed001.html', b64('seed001.html')]]);
  await expect(rows(page)).toHaveCount(7);

  // Edit a bundled article's source and date; hide another bundled one.
  await rows(page).filter({ hasText: 'Laat de Wit-Russische' }).getByRole('link').click();
  await page.getByText('Edit details or remove').click();
  await page.locator('input[name=source]').fill('De Testbode');
  await page.locator('input[name=date]').fill('2022-12-19');
  await page.getByTestId('save-edit').click();
  await expect(page.getByTestId('reader').locator('.meta')).toContainText('19 Dec 2022');
  await expect(page.getByTestId('reader').locator('.meta')).toContainText('De Testbode');
  await page.locator('input[name=date]').fill('19-12-2022');
  await page.getByTestId('save-edit').click();
  await expect(page.getByTestId('reader').locator('.error')).toContainText('not a date Newsprism understands');
  await page.goto('./#/');
  await rows(page).filter({ hasText: 'Heel duidelijk' }).getByRole('link').click();
  await page.getByText('Edit details or remove').click();
  await page.getByTestId('remove-article').click();
  await expect(rows(page)).toHaveCount(6);
  await savedInBrowser(page);

  await page.reload();
  await expect(rows(page)).toHaveCount(6);
  await expect(rows(page).filter({ hasText: 'Minsk zwijgt' }).locator('.col-source')).toHaveText('Testkrant');
  const edited = rows(page).filter({ hasText: 'Laat de Wit-Russische' });
  await expect(edited.locator('.col-source')).toHaveText('De Testbode');
  await expect(edited.locator('.col-date')).toHaveText('19 Dec 2022');
  await expect(rows(page).filter({ hasText: 'Heel duidelijk' })).toHaveCount(0);
  await page.goto('./#/search?q=zweeg');
  await expect(page.getByTestId('hit')).toHaveCount(1);

  // Remove one added article, restore the hidden seed, reload.
  await page.goto('./#/');
  await rows(page).filter({ hasText: 'Minsk zwijgt' }).getByRole('link').click();
  await page.getByText('Edit details or remove').click();
  await page.getByTestId('remove-article').click();
  await page.getByTestId('restore-seeds').click();
  await expect(rows(page)).toHaveCount(6);
  await page.reload();
  await expect(rows(page)).toHaveCount(6);
  await expect(rows(page).filter({ hasText: 'Minsk zwijgt' })).toHaveCount(0);
  await expect(rows(page).filter({ hasText: 'Heel duidelijk' })).toHaveCount(1);

  // Remove all added; reload.
  await page.getByTestId('remove-added').click();
  await page.getByTestId('confirm-remove-added').click();
  await expect(rows(page)).toHaveCount(5);
  await page.reload();
  await expect(rows(page)).toHaveCount(5);
});

test('a source is renamed for all its articles', async ({ page, watch }) => {
  await page.goto('./#/');
  await page.getByTestId('sources').locator('summary').click();
  const unknown = page.getByTestId('source-row').filter({ hasText: 'unknown source (5)' });
  await unknown.locator('input').fill('Vlaamse pers');
  await unknown.getByRole('button', { name: 'Rename' }).click();
  await expect(rows(page).locator('.col-source')).toHaveText(Array(5).fill('Vlaamse pers'));
});

test('a project exported from one profile restores exactly in a fresh one', async ({ page, browser, baseURL, watch }) => {
  await page.goto('./#/');
  await savedInBrowser(page);
  await dropFiles(page, [['bbc-tech.json', b64('bbc-tech.json')], ['seed001.html', b64('seed001.html')]]);
  await expect(rows(page)).toHaveCount(9);
  await page.getByTestId('sources').locator('summary').click();
  const bbc = page.getByTestId('source-row').filter({ hasText: 'BBC News (3)' });
  await bbc.locator('input').fill('BBC');
  await bbc.getByRole('button', { name: 'Rename' }).click();
  await rows(page).filter({ hasText: 'Laat de Wit-Russische' }).getByRole('link').click();
  await page.getByText('Edit details or remove').click();
  await page.getByTestId('remove-article').click();
  await expect(rows(page)).toHaveCount(8);
  const snapshot = async (p: Page) => rows(p).evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText));
  const before = await snapshot(page);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-project').click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsprism-')), 'project.json');
  await (await download).saveAs(file);
  const project = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(project.format).toBe('newsprism-project');
  expect(project.version).toBe(1);
  expect(project.articles).toHaveLength(4);

  const fresh = await browser.newContext({ baseURL });
  const other = await fresh.newPage();
  await other.goto('./#/');
  await expect(rows(other)).toHaveCount(5);
  await other.locator('#open-project').setInputFiles(file);
  await expect(report(other)).toContainText('project opened: 4 added articles, 3 edits, 1 hidden bundled articles');
  expect(await snapshot(other)).toEqual(before);
  await other.reload();
  await expect(rows(other)).toHaveCount(8);
  expect(await snapshot(other)).toEqual(before);

  // A file from a newer version is refused and changes nothing.
  project.version = 99;
  fs.writeFileSync(file, JSON.stringify(project));
  await other.locator('#open-project').setInputFiles(file);
  await expect(report(other).locator('li.rejected')).toContainText('written by a newer Newsprism');
  expect(await snapshot(other)).toEqual(before);
  await fresh.close();
});

test('when storage is refused the session goes on in memory and says so', async ({ page, watch }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('storage is disabled', 'SecurityError'); } });
  });
  await page.goto('./#/');
  await expect(page.getByTestId('storage-failed')).toContainText('Not saved in this browser');
  await dropFiles(page, [['seed001.html', b64('seed001.html')]]);
  await expect(rows(page)).toHaveCount(6);
});

test('a large batch shows its progress and can be cancelled, keeping what was read', async ({ page, watch }) => {
  const BBC = process.env.BBC_DIR ?? path.resolve(__dirname, '../../shared/corpora/bbc');
  test.skip(!fs.existsSync(BBC), `no BBC corpus at ${BBC}`);
  const files = fs.readdirSync(BBC, { withFileTypes: true }).filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(BBC, d.name)).map((f) => path.join(BBC, d.name, f)));
  await page.goto('./#/');
  await expect(rows(page)).toHaveCount(5);
  await page.locator('#add-files').setInputFiles(files);
  const progress = page.getByTestId('ingest-progress');
  // Read off the page's thread, in the ingest worker.
  await expect(progress).toContainText(/Reading and indexing files in (a background worker|\d background workers): \d+ of 2225 · [\d.]+ of [\d.]+ MB/);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toHaveCount(0);
  await report(page).locator('summary').click();
  await expect(report(page).locator('li.rejected').last()).toContainText('files were not read: you cancelled');
  const added = Number((await report(page).locator('h2').innerText()).match(/^(\d+) added/)![1]);
  expect(added).toBeGreaterThan(0);
  expect(added).toBeLessThan(2225);
  await expect(page.getByTestId('library-summary')).toContainText(`${5 + added} articles`);
  await expect(page.getByTestId('reader-note')).toHaveText(/^Read and indexed in (a background worker|\d background workers)\.$/);
  // What was added is searchable at once: the first added file's headline finds it.
  const title = (await report(page).locator('li.added a').first().innerText()).trim();
  await page.goto(`./#/search?q=${encodeURIComponent('"' + title + '"')}`);
  await expect(page.getByTestId('search-summary')).toHaveText(/^[1-9]\d* articles? match/);
});

test.describe(() => {
  // Requests the service worker answers never reach page.route.
  test.use({ serviceWorkers: 'block' });
  test('when the worker cannot start, files are read on the page and the report says so', async ({ page, watch }) => {
    await page.route('**/ingest_worker_loader.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("no worker in this test");' }));
    await page.goto('./#/');
    await expect(rows(page)).toHaveCount(5);
    await dropFiles(page, [['seed001.html', b64('seed001.html')]]);
    await expect(page.getByTestId('reader-note')).toHaveText('Read and indexed on this page: the reading worker did not start.');
    await expect(rows(page)).toHaveCount(6);
  });

  test('when a worker dies mid-batch, the files it had not answered for are read on the page', async ({ page, watch }) => {
    // The real worker, except that after its first answer it throws instead of answering.
    const loader = fs.readFileSync(path.resolve(__dirname, '../dist/ingest_worker_loader.js'), 'utf8');
    await page.route('**/ingest_worker_loader.js', (route) => route.fulfill({
      status: 200, contentType: 'text/javascript',
      body: `const send = self.postMessage.bind(self); let answers = 0;
        self.postMessage = (m, t) => {
          if (Array.isArray(m) && ++answers > 1) { setTimeout(() => { throw new Error('the worker died in this test'); }); return; }
          send(m, t);
        };
        ${loader}`,
    }));
    await page.goto('./#/');
    await expect(rows(page)).toHaveCount(5);
    const files: [string, string][] = Array.from({ length: 300 }, (_, i) => [
      `bericht-${i}.txt`,
      Buffer.from(`Bericht ${i}\n\nDit is bericht nummer ${i} over kenwoord${i} en Minsk.`).toString('base64'),
    ]);
    await dropFiles(page, files);
    await expect(report(page).locator('h2')).toHaveText('300 added · 0 duplicates · 0 rejected', { timeout: 20_000 });
    await expect(page.getByTestId('reader-note')).toHaveText('Read and indexed partly on this page: the background worker stopped.');
    // Files from the workers' answers and from the page's reading are all searchable.
    for (const i of [0, 150, 299]) {
      await page.goto(`./#/search?q=kenwoord${i}`);
      await expect(page.getByTestId('search-summary')).toHaveText('1 article matches.');
    }
  });
});

test('a saved web page gives its article, author and outlet, in the charset it declares', async ({ page, watch }) => {
  await page.goto('./#/');
  await expect(rows(page)).toHaveCount(5);
  const para = (s: string) => `<p>${s}</p>`;
  const body = [
    'De gemeenteraad van Łódź besloot maandag de oude brug over de rivier te sluiten, nadat ingenieurs scheuren vonden.',
    'Het herstel duurt zeker zes maanden, en pontjes brengen fietsers en voetgangers in de tussentijd naar de overkant.',
    'Winkeliers op de noordoever, die van de brug afhankelijk zijn, vroegen om een vergoeding, maar daar besliste de raad niet over.',
  ].map(para).join('');
  const html = `<html><head><meta charset="windows-1250"><title>Brug dicht | Krant</title>
<link rel="canonical" href="https://www.krant.example/2022/12/19/brug"></head><body>
<nav><a href="/">Home</a> <a href="/binnenland">Binnenland</a></nav>
<div class="teasers"><article><h3><a href="/x">Ander nieuws over bruggen</a></h3></article></div>
<div class="story"><h1>Brug in Łódź dicht</h1><p class="byline">Door Anna de Vries</p>${body}
<div class="share-buttons"><a>Deel op Facebook</a></div>
<ul class="related"><li><a href="/a">Meer bruggen in Polen</a></li><li><a href="/b">Dienstregeling pont</a></li></ul>
</div><div id="comments"><p>Eindelijk, dat werd tijd, zeg ik al jaren.</p></div></body></html>`;
  // Windows-1250: Ł is 0xA3, ó 0xF3, ź 0x9F.
  const bytes = Buffer.from(html.replace(/Ł/g, '\u00a3').replace(/ó/g, '\u00f3').replace(/ź/g, '\u009f'), 'latin1');
  await dropFiles(page, [['brug.html', bytes.toString('base64')]]);
  const added = report(page).locator('li.added').filter({ hasText: 'brug.html' });
  await expect(added).toContainText("HTML · 19 Dec 2022 (from the page's address) · nl · Windows-1250 · krant.example (from the page's address) · by Anna de Vries · https://www.krant.example/2022/12/19/brug");
  await added.getByRole('link').click();
  const reader = page.getByTestId('reader');
  await expect(reader.getByTestId('reader-title')).toHaveText('Brug in Łódź dicht');
  await expect(reader.getByTestId('reader-source')).toHaveText("krant.example (from the page's address)");
  await expect(reader.locator('.byline')).toHaveText('By Anna de Vries');
  await expect(reader.locator('.text')).toContainText('De gemeenteraad van Łódź besloot maandag');
  for (const furniture of ['Home', 'Ander nieuws', 'Deel op Facebook', 'Meer bruggen', 'Eindelijk', 'Anna de Vries']) {
    await expect(reader.locator('.text')).not.toContainText(furniture);
  }
});
