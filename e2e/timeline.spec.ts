// The timeline: publication dates, the events the seeds mention grouped across articles, a click
// to the sentence in the reader, keyboard use, trends from the search engine and exports.
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { dropFiles } from './drop';
import fs from 'node:fs';
import path from 'node:path';

const BBC = process.env.BBC_DIR ?? path.resolve(__dirname, '../../shared/corpora/bbc');

/** The centre x of an element on the page. */
async function centreX(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  return box!.x + box!.width / 2;
}

const MONDAYS = '2022-11-28|2022-12-05|2022-12-12|2022-12-19|2022-12-26';

test('the seeds: publication dates, inferred 003, events and the shared Monday', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  await expect(page.getByTestId('timeline-summary')).toHaveText(
    '5 articles · 0 undated · 35 date mentions, 35 placed · 3 dates mentioned by more than one article');
  // Four dated articles and 003 by inference (dashed); articles of the same month share a mark.
  const counts = await page.getByTestId('pub-mark').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(5);
  await expect(page.locator('[data-testid="pub-mark"][data-inferred="true"]')).toHaveCount(1);
  await expect(page.getByTestId('inferred-row')).toContainText('11 Mar 2022 or later');
  await expect(page.getByTestId('inferred-row')).toContainText('vrijdag 11 maart');
  // Lanes per article (the seeds have no source), one per seed.
  await expect(page.getByTestId('lane-label')).toHaveCount(5);
  // Each named as every view names an article without a source: a few words and the date.
  const lanes = await page.getByTestId('lane-label').allTextContents();
  expect(new Set(lanes).size).toBe(5);
  expect(lanes.filter((l) => / · (\d+ )?[A-Z][a-z]{2} 2022$/.test(l)).length).toBe(4);
  // Monday's visit: grouped across 000 and 004, an uncertain band in each.
  const monday = page.locator(`[data-testid="shared-mark"][data-key="${MONDAYS}"]`);
  await monday.click();
  const panel = page.getByTestId('group-panel');
  await expect(panel).toContainText('4 mentions in 2 articles');
  await expect(panel).toContainText('one of 5 possible days');
  await expect(panel.getByTestId('mention')).toHaveCount(4);
  await expect(panel.getByTestId('mention').first().locator('mark')).toHaveText('Maandag');
  await panel.getByTestId('zoom-to-date').click();
  await expect(page.locator(`[data-testid="event-mark"][data-key="${MONDAYS}"]`)).toHaveCount(2);
  await expect(page.locator(`[data-testid="event-mark"][data-key="${MONDAYS}"]`).first()).toHaveAttribute('data-certain', 'false');
  // February's invasion, 1994, the 2020 protests: outside the publications, reached by fitting
  // every mention.
  await page.getByTestId('zoom-all').click();
  for (const key of ['2022-02', '1994', '2020-08', '1991', '2022-WI']) {
    await expect(page.locator(`[data-testid="event-mark"][data-key="${key}"]`).first()).toBeAttached();
  }
});

test('clicking a mark opens the reader at its sentence', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  await page.getByTestId('zoom-all').click();
  await page.locator('[data-testid="event-mark"][data-key="1991"]').click();
  await expect(page).toHaveURL(/#\/article\/[0-9a-f]{16}\?p=\d+&o=\d+&l=\d+$/);
  const current = page.locator('#current-hit');
  await expect(current).toHaveText(/^Dat laatste komt doordat Belarus.*in 1991 een onafhankelijk land werd\.$/);
  await expect(current).toBeInViewport();
});

test('the timeline is usable from the keyboard', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  const chart = page.locator('.chart-wrap');
  await chart.focus();
  const before = await page.getByTestId('event-mark').count();
  // Zoom in on the publications' middle: marks at the edges leave the view; 0 fits again.
  for (let i = 0; i < 4; i++) await page.keyboard.press('+');
  await expect.poll(() => page.getByTestId('event-mark').count()).toBeLessThan(before);
  await page.keyboard.press('0');
  await expect(page.getByTestId('event-mark')).toHaveCount(before);
  await page.getByTestId('zoom-all').click();
  // Tab to a mark, hover text appears in the panel, Enter opens the reader.
  const mark = page.locator('[data-testid="event-mark"][data-key="1991"]');
  await mark.focus();
  await expect(page.getByTestId('group-panel')).toContainText('1991');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader')).toBeVisible();
});

test('zooming in from decades reaches day ticks', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  // From every mention (decades) zoom in nine times: day or week ticks, the year still named.
  await page.getByTestId('zoom-all').click();
  const panel = page.locator('.chart-wrap');
  await panel.focus();
  for (let i = 0; i < 9; i++) await page.keyboard.press('+');
  const ticks = await page.getByTestId('tick').allTextContents();
  expect(ticks.some((t) => /^\d{1,2}$/.test(t) || /^\d{1,2} [A-Z][a-z]{2}$/.test(t))).toBe(true);
  expect(ticks[0]).toMatch(/\b\d{4}$/);
});

test('trends come from the search engine and live in the URL', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  await page.getByTestId('trend-query').fill('Poetin');
  await page.getByTestId('trend-query').press('Enter');
  await expect(page).toHaveURL(/#\/timeline\?q=Poetin$/);
  await expect(page.getByTestId('trend-summary')).toHaveText('5 matching articles for “Poetin”');
  await expect(page.locator('[data-testid="trend-bar"][data-period="Dec 2022"]')).toHaveAttribute('data-matches', '3');
  await expect(page.locator('[data-testid="trend-bar"][data-period="Oct 2022"]')).toHaveAttribute('data-total', '1');
  // A query only one article matches: a share of the period's articles.
  await page.goto('./#/timeline?q=%22giftige%20mensen%22&metric=share');
  await expect(page.locator('[data-testid="trend-bar"][data-period="Dec 2022"]')).toHaveAttribute('data-matches', '2');
  await expect(page.locator('[data-testid="trend-bar"][data-period="Dec 2022"] text').first()).toHaveText('67%');
  await page.getByTestId('bucket-year').click();
  await expect(page.locator('[data-testid="trend-bar"][data-period="2022"]')).toHaveAttribute('data-total', '4');
});

test('events export as CSV, JSON and TimeML, the chart as SVG; durations and references are listed', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  // Durations, references and repetitions are listed with what they say, not drawn.
  const unanchored = page.getByTestId('unanchored');
  await expect(unanchored.locator('summary')).toContainText('24 durations, vague references and repetitions');
  await unanchored.locator('summary').click();
  await expect(unanchored).toContainText('“ruim 70 jaar” a duration of more than 70 years (P70Y)');
  await expect(unanchored).toContainText('“binnenkort” the future, unspecified (FUTURE_REF)');
  const csv = page.waitForEvent('download');
  await page.getByTestId('export-events-csv').click();
  const csvText = await (await (await csv).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  // A byte-order mark first, so spreadsheet programs read accented letters as UTF-8.
  expect(csvText.startsWith('\uFEFF')).toBe(true);
  // 35 dates placed (one in a teaser, three by named events), and 24 durations, vague
  // references and repetitions (issue 16).
  expect(csvText.split('\r\n').filter(Boolean)).toHaveLength(60);
  expect(csvText).toContain('vrijdag 25 februari,DATE,2022-02-25');
  expect(csvText).toContain('ruim 70 jaar,DURATION,P70Y,P70Y,MORE_THAN');
  const json = page.waitForEvent('download');
  await page.getByTestId('export-events-json').click();
  const rows = JSON.parse(await (await (await json).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  expect(rows).toHaveLength(59);
  expect(rows.find((r) => r.expression === 'de oorlog in Oekraïne').anchor).toBe('the Russian invasion of Ukraine, 2022-02-24');
  expect(rows.find((r) => r.expression === 'Maandag').timex).toBe('XXXX-WXX-1');
  // TimeML: one document per article, every expression a TIMEX3, well-formed XML.
  const tml = page.waitForEvent('download');
  await page.getByTestId('export-timeml').click();
  const tmlText = await (await (await tml).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  const counts = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return [doc.getElementsByTagName('parsererror').length, doc.getElementsByTagName('TimeML').length, doc.querySelectorAll('TEXT TIMEX3').length];
  }, tmlText);
  expect(counts).toEqual([0, 5, 56]);
  expect(tmlText).toContain('type="DURATION" value="P70Y" mod="MORE_THAN">ruim 70 jaar</TIMEX3>');
  await page.getByTestId('zoom-all').click();
  const svg = page.waitForEvent('download');
  await page.getByTestId('export-chart-svg').click();
  const svgText = await (await (await svg).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  expect(svgText.startsWith('<svg')).toBe(true);
  expect(svgText).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svgText).toContain('data-key="1994"');
  // Well-formed XML (no HTML entities such as &nbsp;), with the theme's colours written in.
  const parseErrors = await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').getElementsByTagName('parsererror').length, svgText);
  expect(parseErrors).toBe(0);
  expect(svgText).not.toContain('&nbsp;');
  expect(svgText).toMatch(/fill="rgb\(/);
});

test('an added article appears on the timeline at once', async ({ page, watch }) => {
  await page.goto('./#/');
  await expect(page.getByTestId('library-row')).toHaveCount(5);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['title: Rates on hold\nsource: Testkrant\ndate: 2005-02-16\n\nThe Bank of England kept rates on hold on Monday, the first time since 2003.'], 'rates.txt', { type: 'text/plain' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  });
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText('1 added · 0 duplicates · 0 rejected');
  await page.goto('./#/timeline');
  await page.getByTestId('zoom-all').click();
  await expect(page.locator('[data-testid="event-mark"][data-key="2005-02-14"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="event-mark"][data-key="2003"]')).toHaveCount(1);
  // Two sources now, so the lanes are per source: Testkrant and the seeds' unknown source.
  await expect(page.getByTestId('lane-label')).toHaveText(['Testkrant', 'unknown source']);
});

test('the timeline opens on the publications, with counted markers for the dates outside', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  // The chart is drawn once its box is measured: wait for its axis before reading it.
  await expect(page.getByTestId('tick').first()).toBeAttached();
  // The seeds appeared in 2022: the axis is 2022's, not 1988–2026.
  const ticks = await page.getByTestId('tick').allTextContents();
  expect(ticks.join(' ')).toContain('2022');
  expect(ticks.every((t) => !/\b(19\d\d|200\d|201\d)\b/.test(t))).toBe(true);
  await expect(page.locator('[data-testid="event-mark"][data-key="1991"]')).toHaveCount(0);
  const before = page.getByTestId('edge-before');
  await expect(before).toHaveText(/^◀ \d+ earlier$/);
  const n = Number((await before.innerText()).match(/\d+/)![0]);
  expect(n).toBeGreaterThanOrEqual(3);
  // Each jump brings the nearest earlier date into view; after enough of them, 1991.
  for (let i = 0; i < n && (await page.locator('[data-testid="event-mark"][data-key="1991"]').count()) === 0; i++) {
    await before.click();
  }
  await expect(page.locator('[data-testid="event-mark"][data-key="1991"]')).toHaveCount(1);
  await expect(page.getByTestId('edge-after')).toHaveText(/^\d+ later ▶$/);
});

test('the wheel zooms around the pointer, a drag pans, and marks never overlap', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  await page.getByTestId('zoom-all').click();
  const mark = `[data-testid="event-mark"][data-key="1994"]`;
  await page.locator(mark).first().scrollIntoViewIfNeeded();
  const x = await centreX(page, mark);
  const box = (await page.locator(mark).first().boundingBox())!;
  await page.mouse.move(x, box.y + box.height / 2);
  const ticksBefore = await page.getByTestId('tick').allTextContents();
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -300);
  await expect.poll(() => page.getByTestId('tick').allTextContents()).not.toEqual(ticksBefore);
  // 1994 stayed under the pointer.
  expect(Math.abs((await centreX(page, mark)) - x)).toBeLessThan(20);
  // A drag of 150 px to the right moves the marks with it.
  const start = await centreX(page, mark);
  await page.mouse.move(x - 60, box.y - 20);
  await page.mouse.down();
  await page.mouse.move(x + 30, box.y - 20, { steps: 5 });
  await page.mouse.move(x + 90, box.y - 20, { steps: 5 });
  await page.mouse.up();
  expect(Math.abs((await centreX(page, mark)) - (start + 150))).toBeLessThan(20);
  // The drag opened nothing.
  await expect(page).toHaveURL(/#\/timeline$/);
  // No two marks of the chart overlap, at any of these zooms.
  for (const preset of ['zoom-all', 'zoom-fit', 'zoom-year']) {
    await page.getByTestId(preset).click();
    const boxes = await page.locator('#timeline-chart .event-mark > rect:first-child, #timeline-chart .pub-mark, #timeline-chart .cluster-mark > rect, #timeline-chart .shared-mark circle')
      .evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        const h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        expect(w <= 0.5 || h <= 0.5, `${preset}: marks ${i} and ${j} overlap`).toBe(true);
      }
    }
  }
});

test('a focused mark is read beside the chart, and zoomed to', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  await expect(page.getByTestId('side-hint')).toBeVisible();
  const monday = page.locator(`[data-testid="shared-mark"][data-key="${MONDAYS}"]`);
  await monday.hover();
  const panel = page.getByTestId('group-panel');
  await expect(panel).toContainText('4 mentions in 2 articles');
  // Beside the chart, in view, not below it.
  const chart = (await page.locator('.chart-wrap').boundingBox())!;
  const side = (await panel.boundingBox())!;
  expect(side.x).toBeGreaterThanOrEqual(chart.x + chart.width - 1);
  await expect(panel).toBeInViewport();
  await monday.click();
  await panel.getByTestId('zoom-to-date').click();
  const ticks = await page.getByTestId('tick').allTextContents();
  expect(ticks.join(' ')).toMatch(/Dec|Nov/);
});

test('at scale: lanes for a chosen few, a density strip for the rest', async ({ page, watch }) => {
  test.skip(!fs.existsSync(BBC), `no BBC corpus at ${BBC}`);
  test.setTimeout(240_000);
  const files = fs.readdirSync(BBC, { withFileTypes: true }).filter((d) => d.isDirectory())
    .flatMap((d) => fs.readdirSync(path.join(BBC, d.name)).map((f) => path.join(BBC, d.name, f)));
  await page.goto('./#/');
  await page.locator('#add-files').setInputFiles(files);
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText(/^\d+ added( \(\d+ near-duplicates?\))? · \d+ duplicates · 0 rejected$/, { timeout: 180_000 });
  const added = Number((await page.getByTestId('ingest-report').locator('h2').innerText()).match(/^(\d+)/)![1]);
  expect(added).toBeGreaterThan(2000);
  await page.goto('./#/timeline');
  // One (unknown) source, so lanes per article: the eight busiest, the rest as a strip.
  await expect(page.getByTestId('lane-label')).toHaveCount(8);
  await expect(page.getByTestId('density-label')).toHaveText(`${5 + added - 8} other articles`);
  await expect(page.getByTestId('density-bar').first()).toBeAttached();
  // The view opens on when they were published: 2004–05 (the seeds' 2022 on the right).
  const ticks = await page.getByTestId('tick').allTextContents();
  expect(ticks.join(' ')).toMatch(/200[45]/);
  expect(ticks.join(' ')).not.toMatch(/\b(19\d\d|2050)\b/);
  // A lane removed goes back to the strip; a mention's article can be given one.
  await page.getByTestId('remove-lane').first().click();
  await expect(page.getByTestId('lane-label')).toHaveCount(7);
  await expect(page.getByTestId('density-label')).toHaveText(`${5 + added - 7} other articles`);
  const pill = page.getByTestId('cluster-mark').first();
  if (await pill.count()) await pill.click();
  const mark = page.locator('[data-testid="shared-mark"]').first();
  await mark.click();
  const give = page.getByTestId('give-lane').first();
  await give.click();
  await expect(page.getByTestId('lane-label')).toHaveCount(8);
});

test('a 2004–05 article that speaks of 2050 is not placed after 2005', async ({ page, watch }) => {
  test.skip(!fs.existsSync(BBC), `no BBC corpus at ${BBC}`);
  await page.goto('./#/');
  await page.locator('#add-files').setInputFiles([path.join(BBC, 'business', '287.txt'), path.join(BBC, 'politics', '388.txt')]);
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText('2 added · 0 duplicates · 0 rejected');
  await page.goto('./#/timeline');
  // "if the birth rate remains the same … in 2050", "could quadruple by 2050": forecasts and
  // deadlines, not evidence of when the text was written. Each article is either inferred from
  // something it reports as past, or listed as undated.
  for (const title of ["Japan's ageing workforce: built to last", 'Plan to give elderly care control']) {
    const inferred = page.getByTestId('inferred-row').filter({ hasText: title });
    if (await inferred.count()) {
      const year = Number((await inferred.innerText()).match(/(\d{4}) or later/)![1]);
      expect(year, title).toBeLessThanOrEqual(2005);
    } else {
      // The list of undated articles is drawn when opened.
      const undated = page.getByTestId('undated-lane');
      if (await undated.getAttribute('open') === null) await undated.locator('summary').click();
      await expect(undated).toContainText(title);
    }
  }
});

test('the timeline drawn ahead leaves nothing in the page, and the chart follows its box when the window resizes', async ({ page, watch }) => {
  await page.goto('./#/');
  await expect(page.getByTestId('library-row').first()).toBeVisible();
  // Idle for a while: the page draws the timeline ahead, offstage, and takes it down again.
  await page.waitForTimeout(1500);
  await expect(page.locator('.offstage, #timeline-chart, #timeline-chart-box')).toHaveCount(0);
  await page.getByRole('link', { name: 'Timeline', exact: true }).click();
  const drawnWidth = async () => Number((await page.locator('#timeline-chart').getAttribute('viewBox'))!.split(' ')[2]);
  const boxWidth = async () => (await page.locator('#timeline-chart-box').boundingBox())!.width;
  const gap = async () => Math.abs((await drawnWidth()) - (await boxWidth()));
  await expect.poll(gap).toBeLessThanOrEqual(1);
  const before = await drawnWidth();
  await page.setViewportSize({ width: 480, height: 800 });
  await expect.poll(gap).toBeLessThanOrEqual(1);
  expect(await drawnWidth()).toBeLessThan(before - 100);
});

test('a named event the user adds places its mentions, survives a reload, and bad input is explained', async ({ page, watch }) => {
  await page.goto('./#/');
  await expect(page.getByTestId('storage-status')).toHaveText(/saved in this browser/);
  await dropFiles(page, [{ name: 'myanmar.txt', text: ' date 2021-06-10 Sinds de staatsgreep in Myanmar zijn duizenden mensen opgepakt.' }]);
  await expect(page.getByTestId('library-row')).toHaveCount(6);
  await page.goto('./#/timeline');
  await page.getByTestId('edit-events').click();
  await expect(page).toHaveURL(/#\/events$/);
  const events = page.getByTestId('named-event');
  const builtIn = await events.count();
  expect(builtIn).toBeGreaterThan(5);
  // The built-in invasion places the seeds' "sinds de oorlog in Oekraïne".
  await expect(events.filter({ hasText: 'the Russian invasion of Ukraine' }).getByTestId('event-placed')).toHaveText(/places [1-9]\d* mentions?/);
  // A date that is no day is refused, with the reason, and nothing is added.
  await page.locator('#event-label').fill('the coup in Myanmar');
  await page.locator('#event-date').fill('2021-02-30');
  await page.locator('#event-phrases').fill('de staatsgreep in Myanmar\nthe coup in Myanmar');
  await page.getByRole('button', { name: 'Save the event' }).click();
  await expect(page.getByTestId('event-error')).toContainText('not a date written as year-month-day');
  await expect(events).toHaveCount(builtIn);
  await page.locator('#event-date').fill('2021-02-01');
  await page.getByRole('button', { name: 'Save the event' }).click();
  await expect(page.getByTestId('event-error')).toHaveCount(0);
  const coup = events.filter({ hasText: 'the coup in Myanmar' });
  await expect(coup).toHaveCount(1);
  await expect(coup.getByTestId('event-placed')).toHaveText('places 1 mention in the loaded articles');
  // The timeline lists the mention with the event as its evidence.
  await page.goto('./#/timeline');
  await expect(page.getByTestId('timeline-summary')).toContainText('36 date mentions');
  // Kept in the browser.
  await page.goto('./#/');
  await expect(page.getByTestId('storage-status')).toHaveText(/saved in this browser/);
  await page.reload();
  await page.goto('./#/events');
  await expect(events.filter({ hasText: 'the coup in Myanmar' }).getByTestId('event-placed')).toHaveText('places 1 mention in the loaded articles');
  await events.filter({ hasText: 'the coup in Myanmar' }).getByRole('button', { name: /^Remove/ }).click();
  await expect(events).toHaveCount(builtIn);
});
