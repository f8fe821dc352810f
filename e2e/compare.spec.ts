// Source comparison on the seeds: the December story group, side-by-side reading, the Peskov
// quote cluster with its word differences, the troop-number conflict, exclusive names,
// distinctive words, every export, and a dropped article in every view.
import { test, expect } from './fixtures';
import { dropFiles } from './drop';

const DECEMBER = [/^Laat de Wit-Russische dictator/, /^Het bliksembezoek van Vladimir Poetin/, /^De Russische president Vladimir Poetin/];

async function downloaded(page, testId: string): Promise<string> {
  const file = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const chunks = await (await (await file).createReadStream()).toArray();
  return Buffer.concat(chunks).toString('utf8');
}

test('story groups: the heatmap, the December group, the threshold', async ({ page, watch }) => {
  await page.goto('./#/compare');
  await expect(page.locator('#similarity-heatmap .heat-cell')).toHaveCount(25);
  const group = page.getByTestId('story-group');
  await expect(group).toHaveCount(1);
  await expect(group.locator('li a')).toHaveCount(3);
  for (const title of DECEMBER) await expect(group.locator('li a').filter({ hasText: title })).toHaveCount(1);
  // Each member says why it is in the story: its closest match there.
  await expect(group.getByTestId('group-why')).toHaveCount(3);
  for (const why of await group.getByTestId('group-why').allInnerTexts()) expect(why).toMatch(/^ · \d+% similar to “.+”$/);
  // Each measure is explained where it is shown, in plain words.
  await expect(page.getByTestId('voice-note')).toContainText('A voice is an outlet');
  await expect(page.locator('.compare-groups > p.muted').first()).toContainText('weighted by how rare it is');
  // Rows and columns are numbered, values carry their unit, the legend names its scale.
  await expect(page.locator('#similarity-heatmap .heat-column')).toHaveText(['1', '2', '3', '4', '5']);
  await expect(page.locator('#similarity-heatmap .heat-cell text').first()).toHaveText(/^\d+%$/);
  await expect(page.getByTestId('heat-legend')).toContainText('(the closest pair)');
  // A stricter threshold splits it; the URL keeps the setting.
  await page.goto('./#/compare?t=8');
  await expect(page.getByTestId('story-group')).toHaveCount(0);
  // The articles in no group are listed once the list is opened.
  await expect(page.getByTestId('ungrouped-details').locator('summary')).toHaveText('Articles in no group (5)');
  await page.getByTestId('ungrouped-details').locator('summary').click();
  await expect(page.getByTestId('ungrouped').locator('li')).toHaveCount(5);
  // Read the group side by side.
  await page.goto('./#/compare');
  await page.getByTestId('story-group').getByRole('link', { name: 'Read side by side' }).click();
  await expect(page).toHaveURL(/tab=read&ids=/);
  await expect(page.getByTestId('compare-column')).toHaveCount(3);
  await page.goto('./#/compare');
  const csv = await downloaded(page, 'export-similarity-csv');
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(11);
  const json = JSON.parse(await downloaded(page, 'export-similarity-json'));
  expect(json.combined).toHaveLength(5);
});

test('side by side: aligned sentences, summaries, linked counterparts, columns scroll together', async ({ page, watch }) => {
  await page.goto('./#/compare?tab=read');
  const columns = page.getByTestId('compare-column');
  await expect(columns).toHaveCount(3);
  for (const s of await page.getByTestId('column-summary').allTextContents()) {
    const m = s.match(/^(\d+)% shared with others, (\d+)% only here/);
    expect(m).not.toBeNull();
    expect(Number(m![1]) + Number(m![2])).toBe(100);
  }
  // Peskov's dismissal in 000 is a paraphrase of 004's; clicking shows the counterpart.
  const peskov = columns.nth(0).locator('.sent', { hasText: 'volstrekt domme' });
  await expect(peskov).toHaveAttribute('data-relation', 'paraphrase');
  await peskov.click();
  const partner = page.locator('.sent.linked', { hasText: 'fantasieën' });
  await expect(partner).toHaveCount(1);
  await expect(partner).toBeInViewport();
  // Unique sentences are marked as such.
  await expect(columns.nth(0).locator('.sent[data-relation="unique"]').first()).toBeVisible();
  // Scrolling one column scrolls the others.
  const bodies = page.locator('.cmp-col-body');
  await bodies.nth(0).hover();
  await bodies.nth(0).evaluate((el) => { el.scrollTop = el.scrollHeight; el.dispatchEvent(new Event('scroll')); });
  await expect.poll(() => bodies.nth(1).evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  // Choose which articles: untick one, two columns remain.
  await page.locator('details.picker summary').click();
  await page.locator('input[data-testid="pick-article"]:checked').first().click();
  await expect(columns).toHaveCount(2);
});

test('quotes: the Peskov cluster with its word differences, filters and exports', async ({ page, watch }) => {
  await page.goto('./#/compare?tab=quotes');
  const peskov = page.getByTestId('quote-cluster').filter({ hasText: 'Dmitri Peskov · 3 sources' });
  await expect(peskov).toHaveCount(1);
  const renderings = peskov.getByTestId('rendering');
  await expect(renderings).toHaveCount(3);
  await expect(renderings.filter({ hasText: 'Totaal stomme' }).locator('mark')).toHaveText('Totaal stomme');
  await expect(renderings.filter({ hasText: 'fantasieën' }).locator('mark')).toHaveText('fantasieën');
  await expect(peskov.locator('li.reference q')).toHaveText('volstrekt domme en ongegronde verzinsels.');
  // The co-aggressors joke, credited to Lukashenko, in two sources.
  await expect(page.getByTestId('quote-cluster').filter({ hasText: 'Aleksandr Loekasjenko · 2 sources' })).toContainText('giftige mensen');
  // A scare quote is nobody's statement; a headline repeating Kemper's words is his (issue 16).
  await expect(page.getByTestId('quote-row').filter({ hasText: 'dreiging' })).toContainText('a term or scare quote');
  await expect(page.getByTestId('quote-row').filter({ hasText: 'Ziet eigen land opgeslokt worden' })).toContainText('Michael Kemper');
  // Filter by speaker, then by source.
  await page.getByTestId('speaker-filter').selectOption({ value: 'kemper' });
  await expect(page).toHaveURL(/speaker=kemper/);
  await expect.poll(() => page.getByTestId('quote-row').count()).toBeGreaterThanOrEqual(2);
  for (const row of await page.getByTestId('quote-row').all()) await expect(row).toContainText('Michael Kemper');
  await page.goto('./#/compare?tab=quotes');
  // The table draws a screenful first and the rest in the frames after: count it once it stops growing.
  const rows = page.getByTestId('quote-row');
  await expect.poll(async () => { const n = await rows.count(); await page.waitForTimeout(250); return n > 0 && n === await rows.count(); }).toBe(true);
  const all = await rows.count();
  await page.getByTestId('source-filter').selectOption({ index: 4 });
  await expect.poll(() => page.getByTestId('quote-row').count()).toBeLessThan(all);
  await page.goto('./#/compare?tab=quotes');
  const csv = await downloaded(page, 'export-quotes-csv');
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(all + 1);
  expect(csv).toContain('Totaal stomme, ongegronde verzinsels');
  const json = JSON.parse(await downloaded(page, 'export-quotes-json'));
  expect(json.quotes).toHaveLength(all);
  expect(json.clusters[0].renderings).toHaveLength(3);
});

test('numbers: the troop figures conflict, 45.000 man is kept apart', async ({ page, watch }) => {
  await page.goto('./#/compare?tab=numbers');
  const conflict = page.getByTestId('ledger-group').filter({ has: page.getByTestId('conflict') });
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('9.000 Russische troepen');
  await expect(conflict).toContainText('10.000 tot 15.000 soldaten');
  // Each figure with its sentence, the figure marked.
  await expect(conflict.getByTestId('ledger-row').filter({ hasText: '9.000 Russische troepen' }).locator('mark')).toHaveText('9.000 Russische troepen');
  await expect(conflict).toContainText('open source-informatie suggereert');
  const army = page.getByTestId('ledger-group').filter({ hasText: '45.000 man' });
  await expect(army).toHaveCount(1);
  await expect(army.getByTestId('conflict')).toHaveCount(0);
  for (const figure of ['zevenhonderd raketten', '4 procent', '80.000 eigen soldaten']) {
    await expect(page.getByTestId('ledger-row').filter({ hasText: figure })).toHaveCount(1);
  }
  const rows = await page.getByTestId('ledger-row').count();
  const csv = await downloaded(page, 'export-ledger-csv');
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(rows + 1);
  const json = JSON.parse(await downloaded(page, 'export-ledger-json'));
  expect(json[0].conflict).toBe(true);
});

test('names: the matrix, quoted people, and what only one source mentions', async ({ page, watch }) => {
  await page.goto('./#/compare?tab=entities');
  const putin = page.getByTestId('entity-row').filter({ hasText: 'Vladimir Poetin' });
  await expect(putin.locator('td.present')).toHaveCount(5);
  await expect(page.getByTestId('entity-row').filter({ hasText: 'Eva Hartog' }).locator('td.quoted')).toHaveCount(1);
  const only = page.getByTestId('only-here');
  await expect(only).toHaveCount(5);
  // Each seed is a voice of its own (no source given), headed by its title.
  const of = (title: string) => only.filter({ has: page.locator('h3', { hasText: title }) });
  for (const [title, name] of [['Laat de Wit-Russische', 'Artjom Schraibman'], ['Het bliksembezoek', 'Konrad Muzyka'],
    ['Poetins Belarussische', 'Eva Hartog'], ['Poetins Belarussische', 'Michael Kemper']]) {
    await expect(of(title).getByTestId('only-entity').filter({ hasText: name })).toHaveCount(1);
  }
  // Names everyone mentions are in nobody's list.
  await expect(page.getByTestId('only-entity').filter({ hasText: 'Vladimir Poetin' })).toHaveCount(0);
  const rows = await page.getByTestId('entity-row').count();
  const csv = await downloaded(page, 'export-entities-csv');
  expect(csv.split('\r\n').filter(Boolean)).toHaveLength(rows + 1);
  const json = JSON.parse(await downloaded(page, 'export-entities-json'));
  expect(json).toHaveLength(rows);
  expect(json[0].sources).toHaveLength(5);
  // Distinctive words per article.
  await page.goto('./#/compare?tab=words');
  await expect(page.getByTestId('keyness-article')).toHaveCount(5);
  await expect(page.getByTestId('keyness-article').filter({ has: page.locator('h3', { hasText: 'Poetins Belarussische' }) })
    .getByTestId('keyword').filter({ hasText: /^spagaat/ })).toHaveCount(1);
});

test('a dropped article appears in every compare view', async ({ page, watch }) => {
  await page.goto('./#/');
  await expect(page.getByTestId('library-row')).toHaveCount(5);
  await dropFiles(page, [{
    name: 'minsk.txt',
    text: 'title: Putin visits Minsk\nsource: Testkrant\ndate: 2022-12-20\n\nPresident Vladimir Putin visited Minsk on Monday, where an estimated 9,500 Russian troops are based. "These are absolutely stupid and groundless fabrications," Kremlin spokesman Dmitry Peskov said of the reports. Analyst Pieter Voskuil doubts it.',
  }]);
  await expect(page.getByTestId('ingest-report').locator('h2')).toHaveText('1 added · 0 duplicates · 0 rejected');
  await page.goto('./#/compare');
  await expect(page.locator('#similarity-heatmap .heat-cell')).toHaveCount(36);
  await page.goto('./#/compare?tab=quotes');
  await expect(page.getByTestId('quote-row').filter({ hasText: 'absolutely stupid' })).toContainText('Peskov');
  await page.goto('./#/compare?tab=numbers');
  await expect(page.getByTestId('ledger-row').filter({ hasText: '9,500 Russian troops' })).toHaveCount(1);
  await page.goto('./#/compare?tab=entities');
  await expect(page.getByTestId('only-here').filter({ hasText: 'Testkrant' }).getByTestId('only-entity').filter({ hasText: 'Pieter Voskuil' })).toHaveCount(1);
  await page.goto('./#/compare?tab=read');
  await expect(page.getByTestId('pick-article')).toHaveCount(6);
});

test('the compared set: a search, a story group, picked articles, the search page', async ({ page, watch }) => {
  await page.goto('./#/compare');
  const summary = page.getByTestId('scope-summary');
  await expect(summary).toContainText('Comparing all 5 articles');
  // A search narrows the comparison; the URL keeps it.
  await page.getByTestId('scope-query').fill('giftige');
  await page.getByTestId('scope-search').click();
  await expect(page).toHaveURL(/in=giftige/);
  await expect(summary).toHaveText(/Comparing the 2 articles matching “giftige”/);
  await expect(page.locator('#similarity-heatmap .heat-cell')).toHaveCount(4);
  await page.getByTestId('scope-query').fill('nergenszoiets');
  await page.getByTestId('scope-search').click();
  await expect(summary).toHaveText('No article matches “nergenszoiets”.');
  await page.getByTestId('scope-all').click();
  await expect(page.locator('#similarity-heatmap .heat-cell')).toHaveCount(25);
  // A story group becomes the compared set.
  await page.getByTestId('compare-group').click();
  await expect(page).toHaveURL(/set=/);
  await expect(summary).toContainText('Comparing 3 picked articles');
  await expect(page.locator('#similarity-heatmap .heat-cell')).toHaveCount(9);
  // Picking: the picker is open on a picked set and starts from the compared three; take one out.
  await expect(page.locator('.scope-picker')).toHaveAttribute('open', '');
  await expect(page.getByTestId('scope-pick')).toHaveCount(5);
  await page.getByTestId('scope-filter').fill('bliksembezoek');
  await expect(page.getByTestId('scope-pick')).toHaveCount(1);
  await page.getByTestId('scope-pick').uncheck();
  await page.getByTestId('scope-compare-picked').click();
  await expect(summary).toContainText('Comparing 2 picked articles');
  await expect(page.locator('#similarity-heatmap .heat-cell')).toHaveCount(4);
  // Distinctive words of two articles are measured against all five.
  await page.getByTestId('tab-words').click();
  await expect(page.getByTestId('keyness-basis')).toHaveText(/against the rest of the corpus: all 5 loaded articles/);
  await expect(page.getByTestId('keyness-article')).toHaveCount(2);
  // From a search, "compare these articles".
  await page.goto('./#/search?q=Peskov');
  await page.getByTestId('compare-results').click();
  await expect(page).toHaveURL(/#\/compare\?in=Peskov/);
  await expect(summary).toHaveText(/Comparing the \d articles matching “Peskov”/);
});

test('past what the page compares itself, the analysis worker compares them all, and added articles can be compared at once', async ({ page, watch }) => {
  await page.goto('./#/');
  await expect(page.getByTestId('library-row')).toHaveCount(5);
  const towns = ['Leiden', 'Delft', 'Zwolle', 'Breda', 'Assen', 'Venlo', 'Emmen', 'Hoorn'];
  const aldermen = ['Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Dekker'];
  const files = Array.from({ length: 62 }, (_, i) => ({
    name: `raad-${String(i).padStart(2, '0')}.txt`,
    text: `title: Raad van ${towns[i % towns.length]} stemt over begroting ${i}\nsource: Streekblad ${i % 3}\n\n` +
      `De gemeenteraad van ${towns[i % towns.length]} stemde gisteren over een begroting van ${1000 + i * 17} miljoen euro. ` +
      `"Dit is een verantwoorde begroting," zei wethouder ${aldermen[i % aldermen.length]}. De oppositie vond ${i + 2} posten te duur.`,
  }));
  await dropFiles(page, files);
  const report = page.getByTestId('ingest-report');
  await expect(report.locator('h2')).toHaveText('62 added · 0 duplicates · 0 rejected');
  await page.goto('./#/compare');
  // More than the page compares itself (60): all of them, in the analysis worker.
  await expect(page.getByTestId('scope-summary')).toContainText('Comparing all 67 articles, from 8 voices.');
  // The heatmap keeps to the articles with the closest matches, so its rows stay readable:
  // no label is cut at the edge, and none overlaps the next.
  await expect(page.locator('#similarity-heatmap .heat-cell')).toHaveCount(24 * 24);
  await expect(page.getByTestId('heatmap-note')).toHaveText('The 24 of the 67 compared articles with the closest matches; the export holds every pair.');
  const boxes = await page.locator('#similarity-heatmap text.heat-label:not(.heat-column)').evaluateAll((ts) =>
    ts.map((t) => (t as SVGTextElement).getBBox()).map((b) => ({ x: b.x, y: b.y, h: b.height })));
  expect(boxes.length).toBe(24 + 2);
  for (const b of boxes) expect(b.x).toBeGreaterThanOrEqual(0);
  const rowBoxes = boxes.slice(0, 24);
  for (let k = 1; k < rowBoxes.length; k++) expect(rowBoxes[k].y).toBeGreaterThanOrEqual(rowBoxes[k - 1].y + rowBoxes[k - 1].h - 1);
  // The report's link compares the batch.
  await page.goto('./#/');
  await page.getByTestId('compare-added').click();
  await expect(page.getByTestId('scope-summary')).toContainText('Comparing 62 picked articles');
  await page.getByTestId('tab-words').click();
  await expect(page.getByTestId('keyness-basis')).toHaveText(/against the rest of the corpus: all 67 loaded articles/);
  // A quote of a dropped article is in the quotes view of that set.
  await page.getByTestId('tab-quotes').click();
  await expect(page.getByTestId('quote-row').filter({ hasText: 'verantwoorde begroting' }).first()).toContainText(/Jansen|Bakker|Visser|Smit|Meijer|Mulder|Bos|Dekker/);
});
