// The timeline: publication dates, the events the seeds mention grouped across articles, a click
// to the sentence in the reader, keyboard use, trends from the search engine and exports.
import { test, expect } from './fixtures';

const MONDAYS = '2022-11-28|2022-12-05|2022-12-12|2022-12-19|2022-12-26';

test('the seeds: publication dates, inferred 003, events and the shared Monday', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  await expect(page.getByTestId('timeline-summary')).toHaveText(
    '5 articles · 0 undated · 31 date mentions, 31 placed · 3 dates mentioned by more than one article');
  // Four dated articles and 003 by inference (dashed).
  await expect(page.getByTestId('pub-mark')).toHaveCount(5);
  await expect(page.locator('[data-testid="pub-mark"][data-inferred="true"]')).toHaveCount(1);
  await expect(page.getByTestId('inferred-row')).toContainText('11 Mar 2022 or later');
  await expect(page.getByTestId('inferred-row')).toContainText('vrijdag 11 maart');
  // Lanes per article (the seeds have no source), one per seed.
  await expect(page.getByTestId('lane-label')).toHaveCount(5);
  // Monday's visit: an uncertain band in 000 and in 004, grouped across them.
  await expect(page.locator(`[data-testid="event-mark"][data-key="${MONDAYS}"]`)).toHaveCount(2);
  await expect(page.locator(`[data-testid="event-mark"][data-key="${MONDAYS}"]`).first()).toHaveAttribute('data-certain', 'false');
  const monday = page.locator(`[data-testid="shared-mark"][data-key="${MONDAYS}"]`);
  await monday.click();
  const panel = page.getByTestId('group-panel');
  await expect(panel).toContainText('4 mentions in 2 articles');
  await expect(panel).toContainText('one of 5 possible days');
  await expect(panel.getByTestId('mention')).toHaveCount(4);
  await expect(panel.getByTestId('mention').first().locator('mark')).toHaveText('Maandag');
  // February's invasion, 1994, the 2020 protests.
  for (const key of ['2022-02', '1994', '2020-08', '1991', '2022-WI']) {
    await expect(page.locator(`[data-testid="event-mark"][data-key="${key}"]`).first()).toBeAttached();
  }
});

test('clicking a mark opens the reader at its sentence', async ({ page, watch }) => {
  await page.goto('./#/timeline');
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
  // Zoom in on the middle (around 2006): the marks of the 1990s and 2022 leave the view.
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect.poll(() => page.getByTestId('event-mark').count()).toBeLessThan(before);
  await page.keyboard.press('0');
  await expect(page.getByTestId('event-mark')).toHaveCount(before);
  // Tab to a mark, hover text appears in the panel, Enter opens the reader.
  const mark = page.locator('[data-testid="event-mark"][data-key="1991"]');
  await mark.focus();
  await expect(page.getByTestId('group-panel')).toContainText('1991');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader')).toBeVisible();
});

test('zooming in from decades reaches day ticks', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  // Zoom to a week around the centre, then scroll to December 2022 with the buttons.
  await page.getByTestId('zoom-fit').click();
  const panel = page.locator('.chart-wrap');
  await panel.focus();
  for (let i = 0; i < 9; i++) await page.keyboard.press('+');
  const ticks = await page.locator('#timeline-chart text').allTextContents();
  expect(ticks.some((t) => /^\d{1,2}$/.test(t) || /^\d{1,2} [A-Z][a-z]{2}$/.test(t))).toBe(true);
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

test('events export as CSV and JSON, the chart as SVG', async ({ page, watch }) => {
  await page.goto('./#/timeline');
  const csv = page.waitForEvent('download');
  await page.getByTestId('export-events-csv').click();
  const csvText = await (await (await csv).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
  // A byte-order mark first, so spreadsheet programs read accented letters as UTF-8.
  expect(csvText.startsWith('\uFEFF')).toBe(true);
  expect(csvText.split('\r\n').filter(Boolean)).toHaveLength(32);
  expect(csvText).toContain('vrijdag 25 februari,2022-02-25');
  const json = page.waitForEvent('download');
  await page.getByTestId('export-events-json').click();
  const rows = JSON.parse(await (await (await json).createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
  expect(rows).toHaveLength(31);
  expect(rows[0].expression).toBe('Maandag');
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
  await expect(page.locator('[data-testid="event-mark"][data-key="2005-02-14"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="event-mark"][data-key="2003"]')).toHaveCount(1);
  // Two sources now, so the lanes are per source: Testkrant and the seeds' unknown source.
  await expect(page.getByTestId('lane-label')).toHaveText(['Testkrant', 'unknown source']);
});
